#include "rejoin.h"

#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

size_t vb_list_label_len(const char *s, size_t len) {
    size_t i = 0;
    if (len >= 2 && strchr("-+*", s[0]) && (s[1] == ' ' || s[1] == '\t')) return 2;
    if (len >= 4 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
        (unsigned char)s[2] == 0xA2 && s[3] == ' ')
        return 4; /* "• " */
    /* 1.  1.2.  1.2.3)  */
    if (i < len && s[i] >= '0' && s[i] <= '9') {
        while (i < len && ((s[i] >= '0' && s[i] <= '9') || (s[i] == '.' && i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '9'))) i++;
        if (i < len && (s[i] == '.' || s[i] == ')')) i++;
        else return 0;
        return i < len && (s[i] == ' ' || s[i] == '\t') ? i + 1 : (i == len ? i : 0);
    }
    /* Roman numerals: I. II. IV. */
    while (i < len && strchr("IVXLC", s[i]) && s[i]) i++;
    if (i > 0 && i < len && (s[i] == '.' || s[i] == ')') && (i + 1 == len || s[i + 1] == ' ' || s[i + 1] == '\t'))
        return i + 1 < len ? i + 2 : i + 1;
    /* a) b. đ) */
    i = 0;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c > 0 && u_islower(c) && i < len && (s[i] == ')' || s[i] == '.') &&
        i + 1 < len && (s[i + 1] == ' ' || s[i + 1] == '\t'))
        return i + 2;
    return 0;
}

static UChar32 last_cp(const char *s, size_t len) {
    if (!len) return 0;
    int32_t i = (int32_t)len;
    UChar32 c;
    U8_PREV(s, 0, i, c);
    return c;
}

bool vb_rejoin_lines(const char *prev, size_t prev_len, int prev_table, int prev_row,
                     int prev_cell, const char *cur, size_t cur_len, int cur_table, int cur_row,
                     int cur_cell) {
    if (!prev_len || !cur_len) return false;
    if (prev_table != cur_table || prev_row != cur_row || prev_cell != cur_cell) return false;
    UChar32 end = last_cp(prev, prev_len);
    if (end < 0 || strchr(".!?:;", end < 0x80 ? (int)end : 'x') || end == 0x2026) return false;
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
