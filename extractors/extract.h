/* extract.h — stage 4: the rule-based extractors.  Each kind of fact has its
 * own module (references.c, dates.c, targets.c, assignments.c) holding a
 * table of PCRE2 patterns and the code that turns a match into a fact.
 *
 * vb_extractors_open compiles every table once (UTF|UCP, JIT); the result
 * is read-only afterwards, but match data is per call, so one vb_extractors
 * may serve one thread at a time (open one per worker). */
#ifndef VB_EXTRACT_H
#define VB_EXTRACT_H
#include "../pipeline/core/doc.h"

typedef struct vb_extractors vb_extractors;

vb_status vb_extractors_open(vb_extractors **out, char *err, size_t errlen);
void vb_extractors_close(vb_extractors *x);
/* From now on take the plain row-by-row scans, never the fast paths (for
 * VANBAN_PLAIN_SCANS: the output must not change). */
void vb_extractors_plain_scans(vb_extractors *x);

/* Fill d->references, dates, targets, assignments (appending). */
vb_status vb_extract_doc(vb_extractors *x, vb_doc *d, vb_arena *a);

#endif
