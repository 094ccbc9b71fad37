/* docx_cache.h — the template parts of a DOCX (word/styles.xml and
 * word/numbering.xml), parsed once per worker and reused.
 *
 * Files of one corpus share a template.  The tables parsed from each part are kept,
 * least recently used out: VB_DOCX_CACHE_SLOTS styles tables and twice as
 * many numbering tables, each of those also keyed by the styles table it
 * was parsed against.  The key is the part's CRC-32, sizes and compression
 * method from the zip directory (no inflation) and the limits in force, and
 * a candidate is confirmed by comparing the part's compressed bytes, so a
 * hit gives exactly what parsing would: the same bytes, read under the
 * same limits from the same starting point, parse to the same tables and
 * count the same inflated bytes.  Numbering counters
 * are never shared: every file gets its own copy of the definitions.
 *
 * One cache per worker (it lives in vb_pipeline); not thread-safe. */
#ifndef VB_DOCX_CACHE_H
#define VB_DOCX_CACHE_H
#include "docx_numbering.h"

enum { VB_DOCX_CACHE_SLOTS = 4 };

typedef struct vb_docx_cache vb_docx_cache;

/* NULL when out of memory. */
vb_docx_cache *vb_docx_cache_new(void);
void vb_docx_cache_free(vb_docx_cache *c);

/* Styles and numbering of the archive `z` (nothing inflated from it yet).
 * With c == NULL, or parts that are not cacheable (large, or the directory
 * lacks a CRC), both are parsed into `a` as they always were.  Otherwise
 * *styles may point into the cache: valid until the next call on `c`.
 * *nb is always the caller's own: its counters start at zero. */
vb_status vb_docx_template_load(vb_docx_cache *c, vb_docx_zip *z, const vb_limits *lim, vb_arena *a,
                                vb_docx_styles *styles, vb_docx_numbering *nb);

/* Hits since the cache was made (for tests). */
unsigned long vb_docx_cache_hits(const vb_docx_cache *c);

#endif
