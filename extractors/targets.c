/* Placeholder until the targets rules land: compiles nothing, finds nothing. */
#include "targets.h"

#include <stdlib.h>

struct vb_targets_rules {
    int unused;
};

vb_status vb_targets_open(vb_targets_rules **out, char *err, size_t errlen) {
    (void)err;
    (void)errlen;
    *out = calloc(1, sizeof **out);
    return *out ? VB_OK : VB_E_NOMEM;
}

void vb_targets_close(vb_targets_rules *x) { free(x); }

vb_status vb_targets_extract(vb_targets_rules *x, vb_doc *d, vb_arena *a) {
    (void)x;
    (void)d;
    (void)a;
    return VB_OK;
}
