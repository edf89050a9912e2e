// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
// RUN: rm -f %t.json
// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-json=%t.json -c %s -o %t.o
// RUN: python3 -c "import json,sys; d=json.load(open(sys.argv[1])); e=sorted((x['line'],x['verdict'],x['reason'],x['moved']) for x in d['entries'] if x['kind']=='site'); assert e==[(15,'freed before return',\"stored to global 'current'\",True),(25,'escapes',\"stored to global 'current'\",False)], e" %t.json
// A request object published in a global while it is handled, and deleted
// before the handler returns, is moved to the stack: its address escapes,
// but the object is dead before the frame is.

struct Request { int id; int status; };
Request *current;

__attribute__((noinline)) void serve() noexcept { current->status = current->id * 2; }

int handle(int id) {
  Request *r = new Request{id, 0}; // expected-remark {{new Request freed on every path before return; moved to stack (address stored to global 'current')}}
  current = r;
  serve();
  int s = r->status;
  current = nullptr;
  delete r;
  return s;
}

int handleLeaving(int id) {
  Request *r = new Request{id, 0}; // expected-remark {{new Request escapes to heap: stored to global 'current'}}
  current = r;
  serve();
  if (id < 0)
    return -1; // returns with r alive and published
  delete r;
  return 0;
}
