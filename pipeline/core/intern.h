/* intern.h — one arena copy of each distinct string, for facts whose
 * strings repeat (a date's value, recurrence and rule: fact-dense text has
 * a date every 80 bytes, and most share their value with another).
 *
 * Contract: vb_intern_str returns a string in the arena equal to s, the same
 * pointer for equal strings while the table lives; NULL on no memory.  The
 * strings belong to the arena (they outlive the table) and, being shared,
 * must not be written.  The table itself is heap scratch: the owner calls
 * vb_intern_free, which frees the table and leaves the strings. */
#ifndef VB_INTERN_H
#define VB_INTERN_H
#include <stddef.h>

#include "arena.h"

typedef struct {
    vb_arena *arena;
    char **slots; /* open addressing, power-of-two size; NULL = empty */
    size_t len, cap;
} vb_intern;

void vb_intern_init(vb_intern *t, vb_arena *a);
void vb_intern_free(vb_intern *t);
const char *vb_intern_str(vb_intern *t, const char *s);

#endif
