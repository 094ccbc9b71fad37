/* arena.h — region allocator: every string and array of one result lives here.
 *
 * Contract: vb_arena_alloc never returns NULL on success paths; on allocation
 * failure it returns NULL and the caller reports VB_E_NOMEM.  Memory is freed
 * only all at once by vb_arena_destroy, so a result has exactly one owner.
 * An array grown with vb_arena_grow / VB_PUSH must have come from the same
 * arena (vb_arena_alloc or vb_arena_grow) and have one owner: a large one
 * lives in a block of its own that growing moves (realloc), so a stale copy
 * of its {items, cap} must not be grown or read after the owner grew it.
 * Not thread-safe: one arena per worker/result. */
#ifndef VB_ARENA_H
#define VB_ARENA_H
#include <stddef.h>

typedef struct vb_arena vb_arena;

vb_arena *vb_arena_create(void);
void vb_arena_destroy(vb_arena *a);
/* Aligned to max_align_t; zero-filled. */
void *vb_arena_alloc(vb_arena *a, size_t n);
/* Copy of s[0..n) plus a NUL. */
char *vb_arena_strndup(vb_arena *a, const char *s, size_t n);
char *vb_arena_strdup(vb_arena *a, const char *s);
/* printf into the arena. */
char *vb_arena_printf(vb_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Grow an array living in the arena to hold at least `need` elements of
 * `elem` bytes; *items and *cap are updated.  Returns 0 or -1 (no memory). */
int vb_arena_grow(vb_arena *a, void **items, size_t *cap, size_t need, size_t elem);
/* Hand a malloc'd block p (of n bytes, for vb_arena_used) to the arena,
 * which frees it in vb_arena_destroy: a buffer built on the heap becomes
 * part of the result without a copy.  Returns 0, or -1 (no memory: the
 * caller still owns p). */
int vb_arena_adopt(vb_arena *a, void *p, size_t n);
/* Bytes handed out so far (for memory-bound reporting). */
size_t vb_arena_used(const vb_arena *a);

/* Append one element to an arena array {items,len,cap}; evaluates to 0/-1. */
#define VB_PUSH(arena, vec, value)                                                                       \
    (vb_arena_grow((arena), (void **)&(vec).items, &(vec).cap, (vec).len + 1, sizeof(*(vec).items)) != 0 \
         ? -1                                                                                            \
         : ((vec).items[(vec).len++] = (value), 0))

#endif
