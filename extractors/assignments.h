/* assignments.h — extractor for units given tasks in the responsibilities section, with role and tasks.
 * Open compiles the module's rule table once (JIT); extract appends facts
 * to the document, every fact with a span into d->text. */
#ifndef VB_EXTRACT_ASSIGNMENTS_H
#define VB_EXTRACT_ASSIGNMENTS_H
#include <stddef.h>

#include "../pipeline/core/doc.h"

typedef struct vb_assignments_rules vb_assignments_rules;

vb_status vb_assignments_open(vb_assignments_rules **out, char *err, size_t errlen);
void vb_assignments_close(vb_assignments_rules *x);
vb_status vb_assignments_extract(vb_assignments_rules *x, vb_doc *d, vb_arena *a);

#endif
