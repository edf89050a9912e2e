// The JSON report carries the flow without -m=2, prints nothing else without -m,
// and json=- puts it on one stderr line (what ccache replays on a hit).
// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-json=%t.json -c %s -o %t.o 2> %t.err
// RUN: test ! -s %t.err
// RUN: %python -c "import json,sys; [print(x['what'], '|', x['verdict'], '|', x['flow']) for x in json.load(open(sys.argv[1]))['entries']]" %t.json | %FileCheck %s --check-prefix=FILE
// FILE: new int | escapes | ['flow: {heap} = &{storage for new int}:', 'from {{.*}} (escape) at {{.*}}json-stderr.cpp:[[@LINE+11]]:{{[0-9]+}}', 'from {storage for {{.*}}} (address-of) at {{.*}}json-stderr.cpp:[[@LINE+11]]:{{[0-9]+}}']
// FILE: x | escapes | ['flow: {heap} = &x:', {{.*}}]
//
// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-json=- -c %s -o %t.o 2> %t.err2
// RUN: %FileCheck %s --check-prefix=ERR < %t.err2
// RUN: grep '^@escape-json ' %t.err2 | cut -c14- > %t.line.json
// RUN: %python -c "import json,sys; a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2])); print('same' if a == b else 'differ')" %t.json %t.line.json | %FileCheck %s --check-prefix=SAME
// ERR: {{^}}@escape-json {"entries":[{{.*}}],"version":1}{{$}}
// ERR-NOT: warning
// SAME: same
int *g;
void publish() { g = new int(1); }
void dangle() { int x = 1; g = &x; }
