// RUN: %clangxx -O2 -fplugin=%plugin -fplugin-arg-escape-m -c %s -o %t.o -Xclang -verify
// Escape-driven inlining makes the checks LLVM's inliner makes: a callee
// built for AVX2 is not copied into a caller without it (the backend could
// not lower its intrinsics, and the compile would fail). The array it frees
// stays on the heap.
#include <immintrin.h>

__attribute__((target("avx2"))) int consume(int *p) { // expected-remark {{p does not escape}}
  __m256i v = _mm256_loadu_si256((const __m256i *)p);
  __m256i w = _mm256_shuffle_epi8(v, v);
  int r = _mm256_extract_epi32(w, 3);
  delete[] p;
  return r;
}

__attribute__((noinline)) int f(int k) {
  int *p = new int[k + 7]; // expected-remark {{new int[k + 7] does not escape; kept on heap: may be freed inside 'consume'}}
  for (int i = 0; i < 8; ++i)
    p[i] = i * k;
  return consume(p);
}
