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

#endif
