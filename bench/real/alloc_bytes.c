/*
 * libAllocBytes.so — the bytes a program asks the heap for (bench/real/run.sh).
 *
 *   LD_PRELOAD=libAllocBytes.so ./prog   -> at exit, on stderr (or in $ALLOC_BYTES_FILE):
 *   alloc-bytes: N bytes in M heap allocations
 *
 * It counts the same calls as tools/alloc-count (libAllocCount.so): every successful
 * malloc, calloc, aligned_alloc, posix_memalign, memalign, valloc, pvalloc, and realloc
 * when it hands out a new block (ptr == NULL, or the block moved). N is the sum of the
 * sizes requested by those calls (calloc: n * size; realloc: the new size), so M must
 * equal libAllocCount.so's count for the same run. It forwards to glibc's __libc_*
 * entry points (glibc only; no dlsym bootstrap).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define EXPORT __attribute__((visibility("default")))

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);
extern void *__libc_valloc(size_t);
extern void *__libc_pvalloc(size_t);
extern void __libc_free(void *);

static atomic_ulong n_allocs, n_bytes;

static inline void *counted(void *p, size_t bytes) {
  if (p) {
    atomic_fetch_add_explicit(&n_allocs, 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&n_bytes, bytes, memory_order_relaxed);
  }
  return p;
}

EXPORT void *malloc(size_t n) { return counted(__libc_malloc(n), n); }
EXPORT void *calloc(size_t a, size_t b) { return counted(__libc_calloc(a, b), a * b); }
EXPORT void *realloc(void *p, size_t n) {
  void *q = __libc_realloc(p, n);
  if (q && q != p)
    counted(q, n);
  return q;
}
EXPORT void free(void *p) { __libc_free(p); }
EXPORT void *memalign(size_t a, size_t n) { return counted(__libc_memalign(a, n), n); }
EXPORT void *aligned_alloc(size_t a, size_t n) { return counted(__libc_memalign(a, n), n); }
EXPORT void *valloc(size_t n) { return counted(__libc_valloc(n), n); }
EXPORT void *pvalloc(size_t n) { return counted(__libc_pvalloc(n), n); }
EXPORT int posix_memalign(void **out, size_t a, size_t n) {
  if (a % sizeof(void *) != 0 || (a & (a - 1)) != 0)
    return EINVAL;
  void *p = __libc_memalign(a, n);
  if (!p)
    return ENOMEM;
  *out = counted(p, n);
  return 0;
}

static size_t fmt_u(char *out, unsigned long n) {
  char d[24];
  size_t k = 0, len = 0;
  do { d[k++] = (char)('0' + n % 10); n /= 10; } while (n);
  while (k) out[len++] = d[--k];
  return len;
}

__attribute__((destructor(101))) static void report(void) {
  int saved = errno;
  char line[128];
  size_t len = 0;
  memcpy(line, "alloc-bytes: ", 13); len = 13;
  len += fmt_u(line + len, atomic_load(&n_bytes));
  memcpy(line + len, " bytes in ", 10); len += 10;
  len += fmt_u(line + len, atomic_load(&n_allocs));
  memcpy(line + len, " heap allocations\n", 18); len += 18;
  int fd = 2;
  const char *path = getenv("ALLOC_BYTES_FILE");
  if (path && *path) {
    int f = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (f >= 0) fd = f;
  }
  size_t off = 0;
  while (off < len) {
    ssize_t w = write(fd, line + off, len - off);
    if (w <= 0) break;
    off += (size_t)w;
  }
  if (fd != 2) close(fd);
  errno = saved;
}
