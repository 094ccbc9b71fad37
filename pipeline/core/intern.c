#include "intern.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void vb_intern_init(vb_intern *t, vb_arena *a) {
    memset(t, 0, sizeof *t);
    t->arena = a;
}

void vb_intern_free(vb_intern *t) {
    free(t->slots);
    t->slots = NULL;
    t->len = t->cap = 0;
}

static uint64_t hash(const char *s) { /* FNV-1a */
    uint64_t h = 1469598103934665603u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

/* The slot holding s, or the empty slot where it goes. */
static char **find(char **slots, size_t cap, const char *s) {
    size_t i = (size_t)hash(s) & (cap - 1);
    while (slots[i] && strcmp(slots[i], s) != 0) i = (i + 1) & (cap - 1);
    return &slots[i];
}

/* Keep the load at most one half, so probes stay short. */
static int grow(vb_intern *t) {
    size_t cap = t->cap ? t->cap * 2 : 64;
    char **slots = calloc(cap, sizeof *slots);
    if (!slots) return -1;
    for (size_t i = 0; i < t->cap; i++)
        if (t->slots[i]) *find(slots, cap, t->slots[i]) = t->slots[i];
    free(t->slots);
    t->slots = slots;
    t->cap = cap;
    return 0;
}

const char *vb_intern_str(vb_intern *t, const char *s) {
    if (!s) return NULL;
    if ((t->len + 1) * 2 > t->cap && grow(t)) return NULL;
    char **slot = find(t->slots, t->cap, s);
    if (!*slot) {
        *slot = vb_arena_strdup(t->arena, s);
        if (!*slot) return NULL;
        t->len++;
    }
    return *slot;
}
