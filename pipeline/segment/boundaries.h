/* boundaries.h — where the documents of one file start and end: a cover
 * letter and the plan it forwards, a decision and the plan "ban hành kèm
 * theo" it.  Internal to the segmenter. */
#ifndef VB_BOUNDARIES_H
#define VB_BOUNDARIES_H
#include <stddef.h>

#include "segment.h"

typedef struct {
    size_t first, last; /* line indexes, inclusive/exclusive */
} vb_line_range;

/* Fills out[0..max) with the documents' line ranges in reading order and
 * returns how many; the last range runs to the end of the text. */
size_t vb_find_documents(vb_segmenter *sg, const vb_normtext *t, vb_line_range *out, size_t max);

#endif
