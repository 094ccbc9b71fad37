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

bool vb_rejoin_lines(const char *prev, size_t prev_len, int prev_table, int prev_row, int prev_cell,
                     const char *cur, size_t cur_len, int cur_table, int cur_row, int cur_cell);

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
bool vb_rejoin_wrapped(const char *prev, size_t prev_len, bool prev_lower, const char *cur, size_t cur_len,
                       bool cur_lower, size_t width);

/* Whether cur's first word would have fitted on `line` (the last source
 * line of the text before it) within `width`, with a tenth of it to spare:
 * then the break was the author's, not a wrap (an all-capitals title above
 * the issuing authority's line, both near the width). */
bool vb_wrap_would_fit(const char *line, size_t line_len, const char *cur, size_t cur_len, size_t width);

/* Length of a heading label at the start of s: a numbered or Roman one
 * ("1. ", "2.1. ", "IV. ") or "Điều 5. ", with the space after; 0 if none.
 * ("Chương I", "Mục 2" stand on a line of their own above their title.) */
size_t vb_heading_label_len(const char *s, size_t len);

/* What the normaliser knows about two neighbouring lines beyond their text. */
typedef struct {
    bool prev_starts_paragraph; /* prev is one source line right after a blank one */
    bool cur_in_emphasis;       /* cur continues emphasis opened on an earlier line */
    bool prev_lower, cur_lower; /* vb_has_lower of each */
    size_t width;               /* vb_wrap_width of the file, or 0 */
} vb_rejoin_context;

/* Headings and paragraph starts cut short by a wrap (text exports of web
 * pages break a paragraph's first line early, whatever the next word is):
 * cur, an unlabelled line, continues prev when prev is
 *   - a heading label alone ("1.", "IV.", "Điều 2."), or the header's
 *     "Số:" alone before its number;
 *   - a labelled all-capitals heading not ended, cur all capitals too
 *     ("IV. PHÂN" + "CÔNG NHIỆM VỤ");
 *   - inside the same emphasis as cur ("**2. Sở" + "Tài chính**"), both
 *     mixed case, or both capitals with prev labelled;
 *   - the short first line of a paragraph in a hard-wrapped file, cur a
 *     full-width line, both mixed case.
 * Unlabelled capitals (header areas, signature titles) never join here. */
bool vb_rejoin_cut_heading(const char *prev, size_t prev_len, const char *cur, size_t cur_len,
                           const vb_rejoin_context *ctx);

#endif
