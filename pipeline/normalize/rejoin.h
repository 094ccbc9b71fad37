/* rejoin.h — should a line be glued to the one before it?
 *
 * Page breaks and hard wraps (PDF-to-text output wraps every ~80 columns,
 * even inside dates) split sentences.  A line continues the previous one
 * when the previous one does not end a sentence or a heading and this one
 * does not start a list item, and this one starts with a lower-case letter
 * (or with a digit after a lower-case word: "ngày 07 tháng | 5 năm 2019").
 * Lines in different table cells never join. */
#ifndef VB_REJOIN_H
#define VB_REJOIN_H
#include <stdbool.h>
#include <stddef.h>

bool vb_rejoin_lines(const char *prev, size_t prev_len, int prev_table, int prev_row,
                     int prev_cell, const char *cur, size_t cur_len, int cur_table, int cur_row,
                     int cur_cell);

/* Hard-wrapped text (PDF-to-text output, e-mail) breaks lines at a fixed
 * width whatever the next word is, so there a line also continues the one
 * before it when that one reaches most of the width and does not end a
 * sentence, even if this one starts with a capital ("HIV/AIDS", "Kế hoạch").
 * vb_wrap_width returns that width in code points when most non-empty body
 * lines cluster under it (a hard-wrapped file), else 0. */
size_t vb_wrap_width(const void *blocks /* const vb_blockv * */);
/* prev_lower and cur_lower say whether each line holds a lower-case letter
 * (vb_has_lower): the caller keeps prev's as lines are joined onto it, so a
 * long joined paragraph is not scanned again for every line that follows. */
bool vb_rejoin_wrapped(const char *prev, size_t prev_len, bool prev_lower, const char *cur,
                       size_t cur_len, bool cur_lower, size_t width);

/* Whether UTF-8 s[0..n) holds a lower-case letter (ICU's u_islower).  Of
 * two texts joined by a space it is true exactly when it is for either. */
bool vb_has_lower(const char *s, size_t n);

/* Length of a list label at the start of s ("1. ", "2.1. ", "IV. ", "a) ",
 * "- ", "+ ") including the trailing space, or 0. */
size_t vb_list_label_len(const char *s, size_t len);

#endif
