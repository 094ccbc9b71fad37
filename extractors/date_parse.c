/* date_parse.c — calendar checks and the anchored Vietnamese date parser
 * declared in dates.h.  A fixed grammar of three keywords and digit runs:
 * small enough to scan directly, so callers need no compiled rules. */
#include <stdio.h>
#include <string.h>

#include "dates.h"

bool vb_date_valid(int y, int m, int d) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1000 || y > 2999 || m < 1 || m > 12 || d < 1) return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int max = days[m - 1] + (m == 2 && leap ? 1 : 0);
    return d <= max;
}

bool vb_date_format(int y, int m, int d, char out[11]) {
    out[0] = '\0';
    if (y < 1000 || y > 2999) return false;
    if (m == 0) return snprintf(out, 11, "%04d", y) == 4;
    if (m < 1 || m > 12) return false;
    if (d == 0) return snprintf(out, 11, "%04d-%02d", y, m) == 7;
    if (!vb_date_valid(y, m, d)) return false;
    return snprintf(out, 11, "%04d-%02d-%02d", y, m, d) == 10;
}

int vb_date_year_of(const char *s) {
    if (!s) return 0;
    int y = 0;
    for (int i = 0; i < 4; i++) {
        if (s[i] < '0' || s[i] > '9') return 0;
        y = y * 10 + (s[i] - '0');
    }
    return (s[4] >= '0' && s[4] <= '9') ? 0 : y;
}

static bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static size_t skip_space(const char *s, size_t len, size_t i) {
    while (i < len && is_space(s[i])) i++;
    return i;
}

/* One of the spellings of a keyword at s+i, followed by a non-letter.
 * Returns the offset after it, or 0. */
static size_t keyword(const char *s, size_t len, size_t i, const char *const forms[3]) {
    for (int k = 0; k < 3; k++) {
        size_t n = strlen(forms[k]);
        if (len - i >= n && memcmp(s + i, forms[k], n) == 0) {
            /* a following ASCII letter would make it another word */
            unsigned char c = i + n < len ? (unsigned char)s[i + n] : ' ';
            if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return 0;
            return i + n;
        }
    }
    return 0;
}

static const char *const kw_day[3] = {"ngày", "Ngày", "NGÀY"};
static const char *const kw_month[3] = {"tháng", "Tháng", "THÁNG"};
static const char *const kw_year[3] = {"năm", "Năm", "NĂM"};

/* Digits at s+i: at least lo, at most hi of them, not followed by a digit. */
static size_t digits(const char *s, size_t len, size_t i, int lo, int hi, int *value) {
    int n = 0, v = 0;
    while (i + (size_t)n < len && is_digit(s[i + n])) {
        if (n == hi) return 0;
        v = v * 10 + (s[i + n] - '0');
        n++;
    }
    if (n < lo) return 0;
    *value = v;
    return i + (size_t)n;
}

/* At most one space or tab at s+i (never a line break). */
static size_t blank(const char *s, size_t len, size_t i) {
    return i < len && (s[i] == ' ' || s[i] == '\t') ? i + 1 : i;
}

/* A four-digit year, or one a wrapped or OCR'd line split after its century
 * ("20 21"): the split is taken only for 19 and 20, whose two-digit halves
 * are no year of their own. */
static size_t year(const char *s, size_t len, size_t i, int *value) {
    size_t k = digits(s, len, i, 4, 4, value);
    if (k) return k;
    int c, y;
    if (i + 2 < len && (k = digits(s, len, i, 2, 2, &c)) != 0 && (c == 19 || c == 20) && s[k] == ' ' &&
        (k = digits(s, len, k + 1, 2, 2, &y)) != 0) {
        *value = c * 100 + y;
        return k;
    }
    return 0;
}

bool vb_date_parse_vn(const char *s, size_t len, char iso[11], size_t *consumed) {
    iso[0] = '\0';
    if (!s) return false;
    size_t i = 0, k;
    if ((k = keyword(s, len, 0, kw_day)) != 0) {
        i = skip_space(s, len, k);
        /* "ngày" must be followed by a space, or by the day itself in OCR text ("ngày22") */
        if (i == k && !(k < len && is_digit(s[k]))) return false;
    }
    int d, m, y;
    if (!(k = digits(s, len, i, 1, 2, &d))) return false;
    i = k;
    size_t j = skip_space(s, len, i);
    size_t after_kw = keyword(s, len, j, kw_month);
    if (after_kw) {
        /* D tháng M năm Y | D tháng M/Y | D tháng M, năm Y */
        i = skip_space(s, len, after_kw);
        if (!(k = digits(s, len, i, 1, 2, &m))) return false;
        i = skip_space(s, len, k);
        if (i < len && s[i] == ',') i = skip_space(s, len, i + 1);
        if (i < len && s[i] == '/') {
            i = skip_space(s, len, i + 1);
        } else {
            if (!(k = keyword(s, len, i, kw_year))) return false;
            i = skip_space(s, len, k);
            if (i == k) return false;
        }
        if (!(k = year(s, len, i, &y))) return false;
        i = k;
    } else {
        if (j >= len || (s[j] != '/' && s[j] != '-' && s[j] != '.')) return false;
        char sep = s[j];
        /* after a slash a space may follow ("22 / 4/2022"), after a dot or dash not */
        i = sep == '/' ? blank(s, len, j + 1) : j + 1;
        if (!(k = digits(s, len, i, 1, 2, &m))) return false;
        i = sep == '/' ? blank(s, len, k) : k;
        if (i >= len || s[i] != sep) return false;
        i = sep == '/' ? blank(s, len, i + 1) : i + 1;
        if (!(k = year(s, len, i, &y))) return false;
        i = k;
        /* "1/12/2024/NQ-…" is a document number, not a date */
        if (i < len && (s[i] == '/' || (s[i] == sep && i + 1 < len && is_digit(s[i + 1])))) return false;
    }
    if (!vb_date_format(y, m, d, iso)) return false;
    if (consumed) *consumed = i;
    return true;
}
