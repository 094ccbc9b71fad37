/* Placeholder until the dates rules land: compiles nothing, finds nothing. */
#include "dates.h"

#include <stdlib.h>

struct vb_dates_rules {
    int unused;
};

vb_status vb_dates_open(vb_dates_rules **out, char *err, size_t errlen) {
    (void)err;
    (void)errlen;
    *out = calloc(1, sizeof **out);
    return *out ? VB_OK : VB_E_NOMEM;
}

void vb_dates_close(vb_dates_rules *x) { free(x); }

vb_status vb_dates_extract(vb_dates_rules *x, vb_doc *d, vb_arena *a) {
    (void)x;
    (void)d;
    (void)a;
    return VB_OK;
}
