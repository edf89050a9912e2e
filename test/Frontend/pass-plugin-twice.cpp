// libEscape.so given both as -fplugin and as -fpass-plugin: the passes run
// once, and with the plugin arguments. (The pass plugin used to register
// first, with the defaults, and the plugin's own registration was dropped:
// max-object-size=16 was ignored and the 32-byte array moved.)
// RUN: %clangxx -O2 -fplugin=%plugin -fpass-plugin=%plugin -fplugin-arg-escape-max-object-size=16 -Rpass=escape -Rpass-missed=escape -Xclang -fdebug-pass-manager -c %s -o /dev/null 2>&1 | %FileCheck %s
// RUN: %clangxx -O2 -fplugin=%plugin -fpass-plugin=%plugin -Rpass=escape -c %s -o /dev/null 2>&1 | %FileCheck %s --check-prefix=DEFAULT

// CHECK: Running pass: escape::EscapeInventoryPass
// CHECK-NOT: Running pass: escape::EscapeInventoryPass
// CHECK: Running pass: escape::EscapePass
// CHECK: Running analysis: escape::EscapeAnalysis
// CHECK-NOT: Running pass: escape::EscapePass
// CHECK-NOT: remark: {{.*}}moved to stack
// CHECK-NOT: Running pass: escape::EscapePass

// DEFAULT: pass-plugin-twice.cpp:[[@LINE+2]]:20: remark: new[] (32 bytes) freed on every path before return; moved to stack
int use(const int *) __attribute__((pure));
int f() { int *p = new int[8]; int r = use(p); delete[] p; return r; }
