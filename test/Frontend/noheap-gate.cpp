// [[escape::noheap]]: a function whose allocations all move to the stack compiles;
// one that keeps an allocation on the heap fails with an error at that allocation,
// giving the -m reason. Allocations inlined from a callee are the callee's (said so);
// a function template is checked per instantiation; -O0 cannot pass.
// RUN: %clangxx -std=c++17 -O2 -fplugin=%plugin -c %s -o %t.o 2>&1 | %FileCheck %s --allow-empty --check-prefix=NONE
// RUN: %clangxx -std=c++17 -O2 -fplugin=%plugin -DANNOTATE -c %s -o %t.o 2>&1 | %FileCheck %s --allow-empty --check-prefix=NONE
// RUN: %clangxx -std=c++17 -O2 -fplugin=%plugin -DBAD -Xclang -verify=bad -c %s -o %t.o
// RUN: %clangxx -std=c++17 -O2 -fplugin=%plugin -DBAD -DANNOTATE -Xclang -verify=bad -c %s -o %t.o
// RUN: %not %clangxx -std=c++17 -O2 -fplugin=%plugin -DBAD -c %s -o %t.o 2>&1 | %FileCheck %s --check-prefix=TEXT
// RUN: %clangxx -std=c++17 -O0 -fplugin=%plugin -Xclang -verify=o0 -c %s -o %t.o
// No LLVM pass runs in this step (-disable-llvm-passes, or the first step of
// -save-temps): nothing can pass either.
// RUN: %not %clangxx -std=c++17 -O2 -fplugin=%plugin -Xclang -disable-llvm-passes -c %s -o %t.o 2>&1 | %FileCheck %s --check-prefix=NOPASS
// RUN: rm -rf %t.dir && mkdir -p %t.dir && cd %t.dir && %not %clangxx -std=c++17 -O2 -fplugin=%plugin -save-temps -c %s -o %t.o 2>&1 | %FileCheck %s --check-prefix=NOPASS
// NOPASS: noheap-gate.cpp:[[@LINE+18]]:{{[0-9]+}}: error: noheap function 'sum' cannot be checked: this compile step runs no LLVM passes (-save-temps or -disable-llvm-passes)
// NOPASS: error: noheap function 'pick<false>' cannot be checked: this compile step runs no LLVM passes (-save-temps or -disable-llvm-passes)
// NOPASS-NOT: error:
//
// TEXT: noheap-gate.cpp:[[@LINE+23]]:{{[0-9]+}}: error: heap allocation in noheap function 'publish': new int[4] escapes to heap: stored to global 'g'
// TEXT: error: heap allocation in noheap function 'use_helper' (inlined from 'helper'): new int escapes to heap: stored to global 'g'
// TEXT: note: 'helper' inlined into 'use_helper' here
// TEXT: error: heap allocation in noheap function 'pick<true>': new int escapes to heap: stored to global 'g'
// TEXT-NOT: error:
// TEXT: 3 errors generated.
// NONE-NOT: {{.}}
#ifdef ANNOTATE
#define NOHEAP __attribute__((annotate("escape::noheap")))
#else
#define NOHEAP [[escape::noheap]]
#endif
int *g;

NOHEAP int sum(int n) { // o0-error {{noheap function 'sum' cannot be checked without optimisation: compile with -O1 or higher}}
  int *p = new int[4]{n, n, n, n};
  int s = p[0] + p[3];
  delete[] p;
  return s;
}

#ifdef BAD
NOHEAP int publish(int n) {
  int *p = new int[4]{n, n, n, n}; // bad-error {{heap allocation in noheap function 'publish': new int[4] escapes to heap: stored to global 'g'}}
  g = p;
  return p[0];
}

static int *helper(int n) { return new int(n); } // bad-error {{heap allocation in noheap function 'use_helper' (inlined from 'helper'): new int escapes to heap: stored to global 'g'}}
NOHEAP int use_helper(int n) {
  int *p = helper(n); // bad-note {{'helper' inlined into 'use_helper' here}}
  g = p;
  return *p;
}
#endif

template <bool Publish> NOHEAP int pick(int n) { // o0-error {{noheap function 'pick<false>' cannot be checked without optimisation: compile with -O1 or higher}}
  int *p = new int(n); // bad-error {{heap allocation in noheap function 'pick<true>': new int escapes to heap: stored to global 'g'}}
  if constexpr (Publish)
    g = p;
  int r = *p;
  if constexpr (!Publish)
    delete p;
  return r;
}
int use_pick(int n) {
#ifdef BAD
  n += pick<true>(n);
#endif
  return pick<false>(n);
}
