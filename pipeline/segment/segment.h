/* segment.h — stage 3: the normalised text of a file is split into its
 * documents (a cover letter and the plan it forwards; a decision and the
 * plan "ban hành kèm theo" it), and each document's header (Decree
 * 30/2020/NĐ-CP layout), section tree and kind are read.
 *
 * Output: r->documents, each with text (its slice of the file's normalised
 * text, NUL-terminated: a pointer into t->text, so t must be allocated in
 * r->arena; the line break after each document's last line is overwritten
 * with that NUL, so t->text is no longer one string afterwards), header,
 * sections, kind, warnings and a cp index.
 * Facts (references, dates, targets, assignments) are left empty: the
 * extractors fill them.
 *
 * A vb_segmenter holds the compiled header rules: one per worker. */
#ifndef VB_SEGMENT_H
#define VB_SEGMENT_H
#include "../core/doc.h"
#include "../normalize/normalize.h"

typedef struct vb_segmenter vb_segmenter;

vb_status vb_segmenter_open(vb_segmenter **out, char *err, size_t errlen);
void vb_segmenter_close(vb_segmenter *s);
/* From now on take the plain row-by-row scans, never the fast paths (for
 * VANBAN_PLAIN_SCANS: the output must not change). */
void vb_segmenter_plain_scans(vb_segmenter *s);

vb_status vb_segment(vb_segmenter *s, const vb_normtext *t, vb_result *r);

/* vb_segment in steps, for a caller that converts one document at a time
 * (pipeline.h).  vb_segment_plan finds where the documents of t are (their
 * line ranges, in a; VB_E_EMPTY, said in r, when t has no line).
 * vb_segment_document builds the document of range lr into *out, in a:
 * the same document vb_segment makes when prev is the one built from the
 * range before (NULL for the first): what crosses documents is only that
 * an attached document may take prev's issuer and date, copied into a, so
 * prev may be freed once *out is built.  Everything of *out is in a except
 * a text that is shared with t (as vb_segment's are, see above): t must
 * outlive *out. */
typedef struct {
    size_t first, last; /* line indexes, inclusive/exclusive */
} vb_line_range;

typedef struct {
    vb_line_range *items; /* in the arena */
    size_t len, cap;
} vb_line_ranges;

vb_status vb_segment_plan(vb_segmenter *s, const vb_normtext *t, vb_result *r, vb_arena *a,
                          vb_line_ranges *out);
vb_status vb_segment_document(vb_segmenter *s, const vb_normtext *t, vb_line_range lr, const vb_doc *prev,
                              vb_arena *a, vb_doc *out);

#endif
