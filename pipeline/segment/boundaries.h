/* boundaries.h — where the documents of one file start and end: a cover
 * letter and the plan it forwards, a decision and the plan "ban hành kèm
 * theo" it.  Internal to the segmenter. */
#ifndef VB_BOUNDARIES_H
#define VB_BOUNDARIES_H
#include <stddef.h>

#include "../core/arena.h"
#include "segment.h"

/* Appends to out the documents' line ranges in reading order, as many as
 * the file holds; the last range runs to the end of the text.  VB_OK or
 * VB_E_NOMEM. */
vb_status vb_find_documents(vb_segmenter *sg, vb_arena *a, const vb_normtext *t, vb_line_ranges *out);

#endif
