/* dates.h — extractor for dates, periods, deadlines, recurrences; also the date parser other modules reuse.
 * Open compiles the module's rule table once (JIT); extract appends facts
 * to the document, every fact with a span into d->text. */
#ifndef VB_EXTRACT_DATES_H
#define VB_EXTRACT_DATES_H
#include <stddef.h>

#include "../pipeline/core/doc.h"

typedef struct vb_dates_rules vb_dates_rules;

vb_status vb_dates_open(vb_dates_rules **out, char *err, size_t errlen);
void vb_dates_close(vb_dates_rules *x);
vb_status vb_dates_extract(vb_dates_rules *x, vb_doc *d, vb_arena *a);

#endif
