/* signature.h — the closing areas of a Decree 30/2020 document: the
 * "Nơi nhận" (distribution) list and the signature block (authority prefix
 * TM./KT./Q./TL./TUQ., title, the signer's name).  Internal to the segmenter. */
#ifndef VB_SIGNATURE_H
#define VB_SIGNATURE_H
#include <stdbool.h>
#include <stddef.h>

#include "sections.h"
#include "segment.h"

/* Reads d's lines[from..n_lines) (the part after the header): fills
 * d->header.distribution, signer and signer_span, sets *distribution when a
 * "Nơi nhận" list is found, and lowers *body_to (set to n_lines first) to
 * the first closing line, so the body ends before it.  VB_E_NOMEM only. */
vb_status vb_read_closing(vb_segmenter *sg, vb_arena *a, vb_doc *d, const vb_text_line *lines,
                          size_t n_lines, size_t from, size_t *body_to, bool *distribution);

#endif
