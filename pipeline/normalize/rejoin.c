#include "rejoin.h"

#include "../core/text.h"
#include "../ingest/ingest.h"

#include <stdint.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

static bool is_roman_byte(char c) { return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C'; }
/* A sentence end in the sense of strchr(".!?:;", c). */
static bool is_stop_cp(UChar32 c) {
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == 0;
}

static UChar32 last_cp(const char *s, size_t len) {
    if (!len) return 0;
    int32_t i = (int32_t)len;
    UChar32 c;
    U8_PREV(s, 0, i, c);
    return c;
}

bool vb_rejoin_lines(const char *prev, size_t prev_len, int prev_table, int prev_row, int prev_cell,
                     const char *cur, size_t cur_len, int cur_table, int cur_row, int cur_cell) {
    if (!prev_len || !cur_len) return false;
    if (prev_table != cur_table || prev_row != cur_row || prev_cell != cur_cell) return false;
    UChar32 end = last_cp(prev, prev_len);
    if (end < 0 || is_stop_cp(end) || end == 0x2026) return false;
    if (vb_list_label_len(cur, cur_len)) return false;
    size_t i = 0;
    UChar32 first;
    U8_NEXT(cur, i, cur_len, first);
    if (first < 0) return false;
    if (u_islower(first)) return true;
    if (u_isdigit(first)) {
        /* a wrapped date or number: previous line ends in a lower-case word and
         * is not itself a heading */
        return (u_islower(end) || end == ',') && !vb_list_label_len(prev, prev_len);
    }
    return false;
}

/* Code points in s[0..n) when there are at most `bound` of them, else some
 * count above `bound`.  A prefix never holds more code points than the
 * whole, so counting can stop at the first prefix that passes the bound. */
static size_t utf8_count_upto(const char *s, size_t n, size_t bound) {
    /* the first piece holds bound + 1 code points in Vietnamese text
     * (about 1.4 bytes each), later ones are short to stop soon */
    size_t count = 0, step = (bound + 1) * 3 / 2;
    for (size_t i = 0; i < n; i += step, step = 64) {
        count += vb_utf8_count(s + i, n - i < step ? n - i : step);
        if (count > bound) break;
    }
    return count;
}

size_t vb_wrap_width(const void *blocks_) {
    const vb_blockv *blocks = blocks_;
    /* Only lengths up to MAX_WIDTH matter one by one: a percentile above it
     * returns 0 whatever the longer lengths are, and one at or below it
     * reads the histogram only up to itself; so every longer line is put
     * in the CAP bucket, where lines over CAP always went. */
    enum { CAP = 256, MAX_WIDTH = 120 };
    size_t hist[CAP + 1] = {0}, nonblank = 0;
    for (size_t i = 0; i < blocks->len; i++) {
        const vb_block *b = &blocks->items[i];
        if (b->area != VB_AREA_BODY || b->table >= 0) continue;
        size_t s = 0, e = b->len;
        while (s < e && (b->text[s] == ' ' || b->text[s] == '\t')) s++;
        while (e > s && (b->text[e - 1] == ' ' || b->text[e - 1] == '\t' || b->text[e - 1] == '\r')) e--;
        if (s == e) continue;
        size_t n = utf8_count_upto(b->text + s, e - s, MAX_WIDTH);
        hist[n <= MAX_WIDTH ? n : CAP]++;
        nonblank++;
    }
    if (nonblank < 10) return 0;
    /* the 95th percentile of line lengths is the wrap width candidate */
    size_t seen = 0, width = 0;
    for (size_t n = 0; n <= CAP; n++) {
        seen += hist[n];
        if (seen * 100 >= nonblank * 95) {
            width = n;
            break;
        }
    }
    if (width < 40 || width > MAX_WIDTH) return 0;
    size_t near = 0, tight = 0, mid = 0;
    for (size_t n = width * 6 / 10; n <= width; n++) near += hist[n];
    if (near * 100 >= nonblank * 40) return width;
    /* Many short lines (headings, list items, a table flattened one cell a
     * line) dilute the wrapped ones, but those still pile up just under the
     * width rather than spread below it. */
    for (size_t n = width * 8 / 10; n <= width; n++) tight += hist[n];
    for (size_t n = width * 4 / 10; n < width * 8 / 10; n++) mid += hist[n];
    if (tight * 100 >= nonblank * 20 && tight * 2 >= mid * 3) return width;
    return tight >= 50 && tight >= mid * 2 ? width : 0;
}

bool vb_wrap_would_fit(const char *line, size_t line_len, const char *cur, size_t cur_len, size_t width) {
    size_t word = 0;
    while (word < cur_len && cur[word] != ' ' && cur[word] != '\t') word++;
    size_t room = width - width / 10;
    size_t used = utf8_count_upto(line, line_len, room) + 1 + utf8_count_upto(cur, word, room);
    return used <= room;
}

bool vb_rejoin_wrapped(const char *prev, size_t prev_len, bool prev_lower, const char *cur, size_t cur_len,
                       bool cur_lower, size_t width) {
    /* counted only up to the bound: prev may be a whole joined paragraph */
    size_t least = width * 6 / 10;
    if (!prev_len || !cur_len || utf8_count_upto(prev, prev_len, least) * 10 < width * 6) return false;
    /* an all-capitals title next to mixed-case text is a block edge, not a wrap */
    if (prev_lower != cur_lower) return false;
    UChar32 end = last_cp(prev, prev_len);
    if (end < 0 || is_stop_cp(end) || end == 0x2026) return false;
    return vb_list_label_len(cur, cur_len) == 0;
}

/* "Điều" followed by an article number, a '.' or ':' and the space after. */
static size_t article_label_len(const char *s, size_t len) {
    static const char word[] = "\xC4\x90i\xE1\xBB\x81u "; /* "Điều " (NFC) */
    size_t n = sizeof word - 1, i = n;
    if (len <= n || memcmp(s, word, n)) return 0;
    while (i < len && s[i] >= '0' && s[i] <= '9') i++;
    if (i == n) return 0;
    if (i < len && (s[i] == '.' || s[i] == ':')) i++;
    if (i == len) return i;
    return s[i] == ' ' ? i + 1 : 0;
}

/* The header's number field label alone: "Số:" or "Số" (its number is on
 * the next line). */
static bool is_number_field(const char *s, size_t len) {
    static const char word[] = "S\xE1\xBB\x91"; /* "Số" (NFC) */
    size_t n = sizeof word - 1;
    return len >= n && !memcmp(s, word, n) && (len == n || (len == n + 1 && s[n] == ':'));
}

size_t vb_heading_label_len(const char *s, size_t len) {
    if (len && ((s[0] >= '0' && s[0] <= '9') || is_roman_byte(s[0]))) {
        size_t n = vb_list_label_len(s, len);
        if (n) return n;
    }
    return article_label_len(s, len);
}

bool vb_rejoin_cut_heading(const char *prev, size_t prev_len, const char *cur, size_t cur_len,
                           const vb_rejoin_context *ctx) {
    if (!prev_len || !cur_len || vb_list_label_len(cur, cur_len) || article_label_len(cur, cur_len))
        return false;
    size_t label = vb_heading_label_len(prev, prev_len);
    if (label && label >= prev_len) return true; /* the label alone */
    bool digit = cur[0] >= '0' && cur[0] <= '9';
    if (digit && is_number_field(prev, prev_len)) return true;
    UChar32 end = last_cp(prev, prev_len);
    if (end < 0 || is_stop_cp(end) || end == 0x2026) return false;
    if (label && !ctx->prev_lower && !ctx->cur_lower) return true;
    /* a number carries no case: "đến năm" + "2030" */
    bool same_case = ctx->prev_lower == ctx->cur_lower || (digit && u_islower(end));
    if (ctx->cur_in_emphasis && same_case && (ctx->prev_lower || label)) return true;
    if (ctx->width && ctx->prev_starts_paragraph && ctx->prev_lower && ctx->cur_lower)
        return utf8_count_upto(cur, cur_len, ctx->width) * 10 >= ctx->width * 6;
    return false;
}
