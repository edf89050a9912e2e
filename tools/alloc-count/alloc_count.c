/*
 * libAllocCount.so — count a program's heap allocations.
 *
 * Usage:
 *   LD_PRELOAD=build/lib/libAllocCount.so ./prog
 *     -> at exit, one line on stderr:   alloc-count: N heap allocations
 *   ALLOC_COUNT_FILE=out.txt LD_PRELOAD=build/lib/libAllocCount.so ./prog
 *     -> the same line is written to out.txt (truncated first) instead of stderr.
 *
 * What is counted
 *   Every successful call (non-NULL result) of the C allocation entry points:
 *   malloc, calloc, aligned_alloc, posix_memalign, memalign, valloc, pvalloc, and
 *   realloc when it creates a block (see below). C++ `operator new` / `new[]` in
 *   libstdc++ call malloc (aligned new calls aligned_alloc), so every
 *   new-expression, std::make_unique, std::make_shared and container buffer that
 *   reaches the heap is counted once. A call that fails (NULL / error result) is not
 *   counted: nothing was allocated.
 *
 *   realloc: counted only when it hands out a new block, i.e. when ptr == NULL (it
 *   is malloc then) or when the block moved (result != ptr). Growing or shrinking in
 *   place is not a new allocation and is not counted; realloc(p, 0), which frees p,
 *   is not counted either. reallocarray goes through realloc inside glibc.
 *
 *   free is not counted (this is an allocation counter, not a leak checker).
 *
 *   The count covers the whole process lifetime, from the first allocation (the C++
 *   runtime's own start-up allocations included, e.g. libstdc++'s exception
 *   emergency pool) to the library destructor, which runs after the program's
 *   static destructors and atexit handlers. Compare two builds of one program run
 *   on the same input: the start-up baseline is the same in both. Allocations made
 *   by the dynamic loader before libc is relocated, and those of a process that
 *   leaves through _exit() or a fatal signal, are not reported.
 *
 * How
 *   The functions are interposed by LD_PRELOAD and forward to glibc's exported
 *   real allocator (__libc_malloc, __libc_calloc, __libc_realloc, __libc_memalign,
 *   __libc_valloc, __libc_pvalloc, __libc_free). Those are referenced weakly; on a C
 *   library without them the real functions are looked up with dlsym(RTLD_NEXT).
 *   dlsym itself may call calloc/malloc, so while the lookup is in progress requests
 *   are served from a small static bootstrap arena (and free ignores pointers into
 *   it); nothing recurses into dlsym. The counter is one relaxed atomic, so the
 *   library is thread-safe and adds one atomic increment per allocation. The exit
 *   line is written with write(2), without stdio, so reporting allocates nothing.
 */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define EXPORT __attribute__((visibility("default")))

static atomic_ulong alloc_count;

static inline void *counted(void *p) {
  if (p)
    atomic_fetch_add_explicit(&alloc_count, 1, memory_order_relaxed);
  return p;
}

/* ---- the real allocator ------------------------------------------------ */

/* glibc exports these; weak so the library still loads on a C library that does
 * not, in which case the dlsym path below is used. */
extern void *__libc_malloc(size_t) __attribute__((weak));
extern void *__libc_calloc(size_t, size_t) __attribute__((weak));
extern void *__libc_realloc(void *, size_t) __attribute__((weak));
extern void *__libc_memalign(size_t, size_t) __attribute__((weak));
extern void *__libc_valloc(size_t) __attribute__((weak));
extern void *__libc_pvalloc(size_t) __attribute__((weak));
extern void __libc_free(void *) __attribute__((weak));

struct real_fns {
  void *(*malloc)(size_t);
  void *(*calloc)(size_t, size_t);
  void *(*realloc)(void *, size_t);
  void *(*memalign)(size_t, size_t);
  void *(*valloc)(size_t);
  void *(*pvalloc)(size_t);
  void (*free)(void *);
};

static struct real_fns real;
static atomic_int real_state; /* 0: not resolved, 1: resolving, 2: resolved */

/* Bootstrap arena: serves allocations made by dlsym while it runs. Never freed. */
static _Alignas(64) unsigned char boot_arena[16384];
static atomic_size_t boot_used;

static int in_boot_arena(const void *p) {
  const unsigned char *c = (const unsigned char *)p;
  return c >= boot_arena && c < boot_arena + sizeof boot_arena;
}

static void *boot_alloc(size_t size, size_t align) {
  if (align < 16)
    align = 16;
  size_t old = atomic_load_explicit(&boot_used, memory_order_relaxed);
  for (;;) {
    size_t start = (old + align - 1) & ~(align - 1);
    if (start + size > sizeof boot_arena || start + size < start)
      return NULL;
    if (atomic_compare_exchange_weak(&boot_used, &old, start + size))
      return boot_arena + start; /* static storage: already zeroed */
  }
}

static void *dl_next(const char *name) { return dlsym(RTLD_NEXT, name); }

static void resolve_real(void) {
  int expected = 0;
  if (!atomic_compare_exchange_strong(&real_state, &expected, 1)) {
    /* Another thread is resolving: wait for it. (The same thread re-entering
     * through dlsym never gets here: it sees state 1 in get_real.) */
    while (atomic_load(&real_state) != 2)
      ;
    return;
  }
  struct real_fns r;
  if (__libc_malloc && __libc_calloc && __libc_realloc && __libc_memalign &&
      __libc_valloc && __libc_free) {
    r.malloc = __libc_malloc;
    r.calloc = __libc_calloc;
    r.realloc = __libc_realloc;
    r.memalign = __libc_memalign;
    r.valloc = __libc_valloc;
    r.pvalloc = __libc_pvalloc; /* may be NULL: handled at the call */
    r.free = __libc_free;
  } else {
    r.malloc = (void *(*)(size_t))dl_next("malloc");
    r.calloc = (void *(*)(size_t, size_t))dl_next("calloc");
    r.realloc = (void *(*)(void *, size_t))dl_next("realloc");
    r.memalign = (void *(*)(size_t, size_t))dl_next("memalign");
    r.valloc = (void *(*)(size_t))dl_next("valloc");
    r.pvalloc = (void *(*)(size_t))dl_next("pvalloc");
    r.free = (void (*)(void *))dl_next("free");
  }
  real = r;
  atomic_store(&real_state, 2);
}

/* Returns the real functions, or NULL while they are being looked up (in which case
 * the caller serves the request from the bootstrap arena). */
static const struct real_fns *get_real(void) {
  int s = atomic_load_explicit(&real_state, memory_order_acquire);
  if (s == 2)
    return &real;
  if (s == 1 && !__libc_malloc)
    return NULL; /* re-entered from dlsym */
  resolve_real();
  return &real;
}

/* ---- the interposed functions ------------------------------------------ */

EXPORT void *malloc(size_t size) {
  const struct real_fns *r = get_real();
  if (!r)
    return counted(boot_alloc(size, 16));
  return counted(r->malloc(size));
}

EXPORT void *calloc(size_t n, size_t size) {
  const struct real_fns *r = get_real();
  if (!r) {
    size_t total;
    if (__builtin_mul_overflow(n, size, &total))
      return NULL;
    return counted(boot_alloc(total, 16));
  }
  return counted(r->calloc(n, size));
}

EXPORT void *realloc(void *ptr, size_t size) {
  const struct real_fns *r = get_real();
  if (!r || in_boot_arena(ptr)) {
    /* Bootstrap memory cannot be resized in place: copy it out. The old size is
     * unknown, so copy what can still be in the arena after ptr. */
    void *p = r ? r->malloc(size) : boot_alloc(size, 16);
    if (p && ptr) {
      size_t avail = (size_t)(boot_arena + sizeof boot_arena - (unsigned char *)ptr);
      memcpy(p, ptr, size < avail ? size : avail);
    }
    return counted(p);
  }
  void *p = r->realloc(ptr, size);
  if (p && p != ptr)
    counted(p); /* ptr == NULL (plain malloc) or the block moved: a new block */
  return p;
}

EXPORT void free(void *ptr) {
  if (!ptr || in_boot_arena(ptr))
    return;
  const struct real_fns *r = get_real();
  if (r)
    r->free(ptr);
}

EXPORT void *memalign(size_t align, size_t size) {
  const struct real_fns *r = get_real();
  if (!r)
    return counted(boot_alloc(size, align));
  return counted(r->memalign(align, size));
}

EXPORT void *aligned_alloc(size_t align, size_t size) {
  const struct real_fns *r = get_real();
  if (!r)
    return counted(boot_alloc(size, align));
  return counted(r->memalign(align, size));
}

EXPORT int posix_memalign(void **out, size_t align, size_t size) {
  if (align % sizeof(void *) != 0 || (align & (align - 1)) != 0 || align == 0)
    return EINVAL;
  const struct real_fns *r = get_real();
  void *p = r ? r->memalign(align, size) : boot_alloc(size, align);
  if (!p)
    return ENOMEM;
  *out = counted(p);
  return 0;
}

EXPORT void *valloc(size_t size) {
  const struct real_fns *r = get_real();
  if (!r)
    return counted(boot_alloc(size, 4096));
  return counted(r->valloc(size));
}

EXPORT void *pvalloc(size_t size) {
  const struct real_fns *r = get_real();
  if (!r)
    return counted(boot_alloc(size, 4096));
  if (r->pvalloc)
    return counted(r->pvalloc(size));
  size_t page = 4096;
  return counted(r->memalign(page, (size + page - 1) & ~(page - 1)));
}

/* ---- the report --------------------------------------------------------- */

static void write_all(int fd, const char *buf, size_t len) {
  while (len > 0) {
    ssize_t n = write(fd, buf, len);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      return;
    }
    buf += n;
    len -= (size_t)n;
  }
}

__attribute__((destructor)) static void alloc_count_report(void) {
  int saved_errno = errno;
  unsigned long n = atomic_load(&alloc_count);
  char digits[32];
  size_t nd = 0;
  do {
    digits[nd++] = (char)('0' + n % 10);
    n /= 10;
  } while (n);

  char line[96];
  size_t len = 0;
  static const char prefix[] = "alloc-count: ";
  static const char suffix[] = " heap allocations\n";
  memcpy(line + len, prefix, sizeof prefix - 1);
  len += sizeof prefix - 1;
  while (nd)
    line[len++] = digits[--nd];
  memcpy(line + len, suffix, sizeof suffix - 1);
  len += sizeof suffix - 1;

  const char *path = getenv("ALLOC_COUNT_FILE");
  if (path && *path) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd >= 0) {
      write_all(fd, line, len);
      close(fd);
      errno = saved_errno;
      return;
    }
    /* Could not open the file: fall back to stderr rather than lose the count. */
  }
  write_all(2, line, len);
  errno = saved_errno;
}
