/* Placeholder until the assignments rules land: compiles nothing, finds nothing. */
#include "assignments.h"

#include <stdlib.h>

struct vb_assignments_rules {
    int unused;
};

vb_status vb_assignments_open(vb_assignments_rules **out, char *err, size_t errlen) {
    (void)err;
    (void)errlen;
    *out = calloc(1, sizeof **out);
    return *out ? VB_OK : VB_E_NOMEM;
}

void vb_assignments_close(vb_assignments_rules *x) { free(x); }

vb_status vb_assignments_extract(vb_assignments_rules *x, vb_doc *d, vb_arena *a) {
    (void)x;
    (void)d;
    (void)a;
    return VB_OK;
}
