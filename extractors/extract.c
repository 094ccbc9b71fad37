#include "extract.h"

#include <stdlib.h>

#include "outline.h"
#include "assignments.h"
#include "dates.h"
#include "references.h"
#include "targets.h"

struct vb_extractors {
    vb_dates_rules *dates;
    vb_references_rules *refs;
    vb_targets_rules *targets;
    vb_assignments_rules *assignments;
    vb_outline_rules *outline; /* one line scan shared by targets and assignments */
};

vb_status vb_extractors_open(vb_extractors **out, char *err, size_t errlen) {
    vb_extractors *x = calloc(1, sizeof *x);
    if (!x) return VB_E_NOMEM;
    vb_status s;
    if ((s = vb_dates_open(&x->dates, err, errlen)) != VB_OK ||
        (s = vb_references_open(&x->refs, err, errlen)) != VB_OK ||
        (s = vb_targets_open(&x->targets, err, errlen)) != VB_OK ||
        (s = vb_assignments_open(&x->assignments, err, errlen)) != VB_OK ||
        (s = vb_outline_open(&x->outline, err, errlen)) != VB_OK) {
        vb_extractors_close(x);
        return s;
    }
    *out = x;
    return VB_OK;
}

void vb_extractors_plain_scans(vb_extractors *x) {
    vb_dates_plain_scans(x->dates);
    vb_references_plain_scans(x->refs);
    vb_targets_plain_scans(x->targets);
    vb_outline_plain_scans(x->outline);
}

void vb_extractors_close(vb_extractors *x) {
    if (!x) return;
    vb_dates_close(x->dates);
    vb_references_close(x->refs);
    vb_targets_close(x->targets);
    vb_assignments_close(x->assignments);
    vb_outline_close(x->outline);
    free(x);
}

vb_status vb_extract_doc(vb_extractors *x, vb_doc *d, vb_arena *a) {
    vb_status s;
    if ((s = vb_references_extract(x->refs, d, a)) != VB_OK) return s;
    if ((s = vb_dates_extract(x->dates, d, a)) != VB_OK) return s;
    /* Both read the outline of d->text, which no extractor changes: the one
     * scan is the scan each would make (both skip an empty text). */
    if (!d->text || d->text_len == 0) return VB_OK;
    vb_linev lines;
    if ((s = vb_outline_scan(x->outline, d->text, d->text_len, &lines)) != VB_OK) return s;
    s = vb_targets_extract_lines(x->targets, d, a, &lines);
    if (s == VB_OK) s = vb_assignments_extract_lines(x->assignments, d, a, &lines);
    vb_linev_free(&lines);
    return s;
}
