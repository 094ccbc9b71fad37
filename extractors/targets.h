/* targets.h — extractor for quantified goals (percent, count, frequency) with comparator, indicator, theme.
 * Open compiles the module's rule table once (JIT); extract appends facts
 * to the document, every fact with a span into d->text. */
#ifndef VB_EXTRACT_TARGETS_H
#define VB_EXTRACT_TARGETS_H
#include <stddef.h>

#include "../pipeline/core/doc.h"

typedef struct vb_targets_rules vb_targets_rules;

vb_status vb_targets_open(vb_targets_rules **out, char *err, size_t errlen);
void vb_targets_close(vb_targets_rules *x);
vb_status vb_targets_extract(vb_targets_rules *x, vb_doc *d, vb_arena *a);

#endif
