// After a #line directive, sites keep their verdicts at the presumed file
// and line (no file of that name exists).
// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o 2>&1 | %FileCheck %s
// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m=2 -fplugin-arg-escape-json=%t.json -c %s -o %t.o
// RUN: python3 -c "import json,sys; e=[x for x in json.load(open(sys.argv[1]))['entries'] if x['kind']=='site']; assert [(x['file'].endswith('/orig.cpp'), x['line'], x['verdict']) for x in e]==[(True, 1, 'escapes')], e" %t.json
#line 1 "orig.cpp"
struct W { int *p; W(); }; W::W() { p = new int[4]; }
// CHECK: orig.cpp:1:31: remark: this does not escape
// CHECK: orig.cpp:1:41: remark: new int[4] escapes to heap: stored through parameter 'this'
// CHECK-NOT: remark
