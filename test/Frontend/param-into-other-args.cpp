// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-json=%t.json -c %s -o %t.o
// RUN: python3 -m json.tool %t.json | %FileCheck %s --check-prefix=JSON
// What a parameter hands to another argument's object does not reach the
// heap (each caller replays the store between its own variables), but it
// does go somewhere: the line says where, as `*dst`.
struct Pair {
  int *a;
  int *b;
};

void copy_a(Pair *dst, Pair *src) { dst->a = src->a; } // expected-remark {{dst does not escape}} expected-remark {{leaking param content: src to *dst}}
void swap(int **a, int **b) { // expected-remark {{leaking param content: a to *b}} expected-remark {{leaking param content: b to *a}}
  int *t = *a;
  *a = *b;
  *b = t;
}
void store(int **pp, int *v) { *pp = v; } // expected-remark {{pp does not escape}} expected-remark {{leaking param: v to *pp}}
int first(const Pair *p) { return *p->a; } // expected-remark {{p does not escape}}

// JSON:      "message": "leaking param content: src to *dst",
// JSON-NEXT:  "moved": false,
// JSON-NEXT:  "reason": "",
// JSON-NEXT:  "verdict": "leaks",
// JSON-NEXT:  "what": "src"
