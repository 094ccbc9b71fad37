/* text.h — small tests on UTF-8 text that several stages share: the
 * normaliser (rejoining lines) and the segmenter (headings, list items). */
#ifndef VB_TEXT_H
#define VB_TEXT_H
#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/* Whether UTF-8 s[0..n) holds a lower-case letter (ICU's u_islower).  Of
 * two texts joined by a space it is true exactly when it is for either. */
bool vb_has_lower(const char *s, size_t n);

/* Length of a list label at the start of s ("1. ", "2.1. ", "IV. ", "a) ",
 * "- ", "+ ") including the trailing space, or 0. */
size_t vb_list_label_len(const char *s, size_t len);

/* Append s[0..n) without marks, in lower case: each letter's first code
 * point under ICU's canonical decomposition (ư → u, Ộ → O), đ → d.  What
 * OCR leaves of a name ("TONG CỤC THUE") then compares with the name.  As
 * fold.h's transliterator does for these letters, without its cost to open
 * (~150 M instructions). */
void vb_fold_marks(vb_buf *out, const char *s, size_t n);

#endif
