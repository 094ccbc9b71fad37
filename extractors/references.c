/* Placeholder until the references rules land: compiles nothing, finds nothing. */
#include "references.h"

#include <stdlib.h>

struct vb_references_rules {
    int unused;
};

vb_status vb_references_open(vb_references_rules **out, char *err, size_t errlen) {
    (void)err;
    (void)errlen;
    *out = calloc(1, sizeof **out);
    return *out ? VB_OK : VB_E_NOMEM;
}

void vb_references_close(vb_references_rules *x) { free(x); }

vb_status vb_references_extract(vb_references_rules *x, vb_doc *d, vb_arena *a) {
    (void)x;
    (void)d;
    (void)a;
    return VB_OK;
}
