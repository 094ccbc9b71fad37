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

struct vb_arena {
    vb_chunk *head;
    size_t next_size;
    size_t total;
};

enum { VB_ARENA_FIRST = 16 * 1024, VB_ARENA_MAX_STEP = 8 * 1024 * 1024 };

vb_arena *vb_arena_create(void) {
    vb_arena *a = calloc(1, sizeof *a);
    if (a) a->next_size = VB_ARENA_FIRST;
    return a;
}

void vb_arena_destroy(vb_arena *a) {
    if (!a) return;
    vb_chunk *c = a->head;
    while (c) {
        vb_chunk *n = c->next;
        free(c);
        c = n;
    }
    free(a);
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
    size_t ncap = *cap ? *cap * 2 : 8;
    while (ncap < need) ncap *= 2;
    if (elem && ncap > SIZE_MAX / elem) return -1;
    void *p = vb_arena_alloc(a, ncap * elem);
    if (!p) return -1;
    if (*items && *cap) memcpy(p, *items, *cap * elem);
    *items = p;
    *cap = ncap;
    return 0;
}

size_t vb_arena_used(const vb_arena *a) { return a->total; }
