/* sections.h — the heading tree of a document body: labels I., 1., 2.1.,
 * a), -, + nested by kind (Roman above Arabic above dotted numbers above
 * letters above bullets), each with the span of its heading line.  A
 * numbering gap among siblings ("3." then "5.") is a W_SECTION_SKIPPED
 * warning.  Internal to the segmenter. */
#ifndef VB_SECTIONS_H
#define VB_SECTIONS_H
#include "../core/doc.h"

typedef struct {
    size_t start, end; /* bytes into the document text */
} vb_text_line;

/* Build d->sections from lines[from..to) (document-relative offsets). */
vb_status vb_sections_build(vb_arena *a, vb_doc *d, const vb_text_line *lines, size_t from, size_t to);

#endif
