/* references.h — extractor for referenced documents (Căn cứ / Thực hiện / cited), merged per number+date.
 * Open compiles the module's rule table once (JIT); extract appends facts
 * to the document, every fact with a span into d->text. */
#ifndef VB_EXTRACT_REFERENCES_H
#define VB_EXTRACT_REFERENCES_H
#include <stddef.h>

#include "../pipeline/core/doc.h"

typedef struct vb_references_rules vb_references_rules;

vb_status vb_references_open(vb_references_rules **out, char *err, size_t errlen);
void vb_references_close(vb_references_rules *x);
vb_status vb_references_extract(vb_references_rules *x, vb_doc *d, vb_arena *a);

#endif
