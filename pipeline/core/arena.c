#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Chunks grow geometrically so a result of any size costs O(log n) mallocs. */
typedef struct vb_chunk {
    struct vb_chunk *next;
    size_t size, used;
    _Alignas(max_align_t) unsigned char data[];
} vb_chunk;

/* A block of its own for one large allocation, so that an array grown by
 * doubling can be realloc'd (its old copy freed) instead of leaving the old
 * copy behind as garbage in a chunk.  The header sits right before the
 * bytes handed out; the list is doubly linked so realloc can relink it. */
typedef struct vb_big {
    struct vb_big *prev, *next;
    const vb_arena *owner; /* checked before a grow trusts the header */
    size_t size;
    _Alignas(max_align_t) unsigned char data[];
} vb_big;

/* A heap block the arena frees on destroy (vb_arena_adopt); the node itself
 * lives in a chunk. */
typedef struct vb_adopted {
    struct vb_adopted *next;
    void *p;
} vb_adopted;

struct vb_arena {
    vb_chunk *head;
    vb_big *big;
    vb_adopted *adopted;
    size_t next_size;
    size_t total;
};

/* VB_ARENA_BIG: allocations of at least this many bytes get a block of
 * their own; below it the header and malloc overhead would cost more than
 * the garbage a doubling array leaves in a chunk. */
enum {
    VB_ARENA_FIRST = 16 * 1024,
    VB_ARENA_MAX_STEP = 8 * 1024 * 1024,
    VB_ARENA_BIG = 4 * 1024,
    VB_ARENA_FIRST_ROOM = 64 /* bytes: a growable array's first allocation */
};

vb_arena *vb_arena_create(void) {
    vb_arena *a = calloc(1, sizeof *a);
    if (a) a->next_size = VB_ARENA_FIRST;
    return a;
}

void vb_arena_destroy(vb_arena *a) {
    if (!a) return;
    for (vb_adopted *d = a->adopted; d; d = d->next) free(d->p); /* before the chunks holding the nodes */
    vb_chunk *c = a->head;
    while (c) {
        vb_chunk *n = c->next;
        free(c);
        c = n;
    }
    vb_big *b = a->big;
    while (b) {
        vb_big *n = b->next;
        free(b);
        b = n;
    }
    free(a);
}

static void big_link(vb_arena *a, vb_big *b) {
    b->prev = NULL;
    b->next = a->big;
    if (a->big) a->big->prev = b;
    a->big = b;
}

/* A zeroed block of its own for n bytes (n >= VB_ARENA_BIG). */
static void *big_alloc(vb_arena *a, size_t n) {
    if (n > SIZE_MAX - sizeof(vb_big)) return NULL;
    vb_big *b = calloc(1, sizeof *b + n);
    if (!b) return NULL;
    b->owner = a;
    b->size = n;
    big_link(a, b);
    a->total += n;
    return b->data;
}

/* The block holding p, when p was handed out by big_alloc of this arena and
 * its array is at least `bytes` long; else NULL. */
static vb_big *big_of(const vb_arena *a, void *p, size_t bytes) {
    if (!p || bytes < VB_ARENA_BIG) return NULL;
    vb_big *b = (vb_big *)((unsigned char *)p - offsetof(vb_big, data));
    return b->owner == a && b->size >= bytes ? b : NULL;
}

/* Resize the block holding p to n bytes; the bytes past its old size are
 * left unset (an array's slots past its length are never read).  Returns
 * the new data or NULL (the old block is then kept). */
static void *big_resize(vb_arena *a, vb_big *b, size_t n) {
    if (n > SIZE_MAX - sizeof(vb_big)) return NULL;
    vb_big *prev = b->prev, *next = b->next;
    size_t old = b->size;
    vb_big *r = realloc(b, sizeof *r + n);
    if (!r) return NULL;
    r->size = n;
    if (prev)
        prev->next = r;
    else
        a->big = r;
    if (next) next->prev = r;
    a->total += n - old;
    return r->data;
}

/* n bytes, aligned, not cleared: for callers that write them all.  *took
 * is the size taken (n rounded up), so the caller can clear the padding as
 * vb_arena_alloc always has: nothing in an arena is left uninitialised. */
static void *arena_take(vb_arena *a, size_t n, size_t *took) {
    const size_t align = _Alignof(max_align_t);
    if (n == 0) n = 1;
    if (n > SIZE_MAX - align) return NULL;
    n = (n + align - 1) & ~(align - 1);
    vb_chunk *c = a->head;
    if (!c || c->size - c->used < n) {
        size_t size = a->next_size;
        if (size < n) size = n;
        c = malloc(sizeof *c + size);
        if (!c) return NULL;
        c->size = size;
        c->used = 0;
        c->next = a->head;
        a->head = c;
        if (a->next_size < VB_ARENA_MAX_STEP) a->next_size *= 2;
    }
    void *p = c->data + c->used;
    c->used += n;
    a->total += n;
    *took = n;
    return p;
}

void *vb_arena_alloc(vb_arena *a, size_t n) {
    if (n >= VB_ARENA_BIG) return big_alloc(a, n);
    size_t took;
    void *p = arena_take(a, n, &took);
    if (p) memset(p, 0, took);
    return p;
}

char *vb_arena_strndup(vb_arena *a, const char *s, size_t n) {
    if (n == SIZE_MAX) return NULL;
    size_t took;
    char *p = arena_take(a, n + 1, &took);
    if (!p) return NULL;
    if (n) memcpy(p, s, n);
    memset(p + n, 0, took - n); /* the terminator and the padding */
    return p;
}

char *vb_arena_strdup(vb_arena *a, const char *s) { return s ? vb_arena_strndup(a, s, strlen(s)) : NULL; }

char *vb_arena_printf(vb_arena *a, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return NULL;
    char *p = vb_arena_alloc(a, (size_t)n + 1);
    if (!p) return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

int vb_arena_grow(vb_arena *a, void **items, size_t *cap, size_t need, size_t elem) {
    if (need <= *cap) return 0;
    /* the first room is about 64 bytes, not 8 elements: most documents of a
     * many-document file hold one or two of each kind of fact, and the 8-slot
     * arrays of 50-100-byte facts were a fifth of such a document's memory */
    size_t ncap = *cap ? *cap * 2 : (elem && elem < VB_ARENA_FIRST_ROOM ? VB_ARENA_FIRST_ROOM / elem : 1);
    while (ncap < need) ncap *= 2;
    if (elem && ncap > SIZE_MAX / elem) return -1;
    vb_big *b = big_of(a, *items, *cap * elem);
    if (b) {
        void *r = big_resize(a, b, ncap * elem);
        if (!r) return -1;
        *items = r;
        *cap = ncap;
        return 0;
    }
    void *p = vb_arena_alloc(a, ncap * elem);
    if (!p) return -1;
    if (*items && *cap) memcpy(p, *items, *cap * elem);
    *items = p;
    *cap = ncap;
    return 0;
}

int vb_arena_adopt(vb_arena *a, void *p, size_t n) {
    vb_adopted *d = vb_arena_alloc(a, sizeof *d);
    if (!d) return -1;
    d->p = p;
    d->next = a->adopted;
    a->adopted = d;
    a->total += n;
    return 0;
}

size_t vb_arena_used(const vb_arena *a) { return a->total; }
