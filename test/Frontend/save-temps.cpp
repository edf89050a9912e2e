// -save-temps optimises in a step that runs no frontend plugin: the
// compile says so instead of failing or reporting nothing silently.
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -fplugin-arg-escape-json=%t/r.json -save-temps -c %s -o %t/x.o 2>&1 | %FileCheck %s
// RUN: python3 -c "import json,sys; assert json.load(open(sys.argv[1]))['entries']==[]" %t/r.json
int *f() { return new int(3); }
// CHECK: remark: escape: no report: this compile step runs no LLVM passes (-save-temps or -disable-llvm-passes)
