// The dangling-address warning is in clang's -Wreturn-stack-address group (part of
// -Wdangling): -Werror makes it an error, -w and -Wno-... silence it, -Wno-error=...
// keeps it a warning, and `#pragma clang diagnostic` works around a function.
// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o 2>&1 | %FileCheck %s --check-prefix=WARN
// WARN: dangling-warning-flags.cpp:[[@LINE+25]]:{{[0-9]+}}: warning: address of local 'x' escapes: stored to global 'g' [-Wreturn-stack-address]
// WARN-NOT: warning:
// WARN: 1 warning generated.
//
// RUN: %not %clangxx -O2 -Werror -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o 2>&1 | %FileCheck %s --check-prefix=ERR
// ERR: dangling-warning-flags.cpp:[[@LINE+20]]:{{[0-9]+}}: error: address of local 'x' escapes: stored to global 'g' [-Werror,-Wreturn-stack-address]
// ERR: 1 error generated.
// RUN: test ! -e %t.o
//
// RUN: %clangxx -O2 -Werror -Wno-error=return-stack-address -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o 2>&1 | %FileCheck %s --check-prefix=WARN
// RUN: %clangxx -O2 -Werror -Wno-error=dangling -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o 2>&1 | %FileCheck %s --check-prefix=WARN
//
// RUN: %clangxx -O2 -Werror -w -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o 2>&1 | %FileCheck %s --check-prefix=QUIET
// RUN: %clangxx -O2 -Werror -Wno-return-stack-address -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o 2>&1 | %FileCheck %s --check-prefix=QUIET
// RUN: %clangxx -O2 -Werror -Wno-dangling -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o 2>&1 | %FileCheck %s --check-prefix=QUIET
// QUIET-NOT: warning:
// QUIET-NOT: error:
// QUIET: remark: new int escapes to heap: stored to global 'g'
// QUIET-NOT: warning:
// QUIET-NOT: error:
//
// RUN: %clangxx -O2 -fno-diagnostics-show-option -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o 2>&1 | %FileCheck %s --check-prefix=NOOPT
// NOOPT: warning: address of local 'x' escapes: stored to global 'g'{{$}}
int *g;
void publish() { g = new int(1); }
void dangle() { int x = 1; g = &x; }
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wreturn-stack-address"
void dangle_silenced() { int y = 1; g = &y; }
#pragma clang diagnostic pop
