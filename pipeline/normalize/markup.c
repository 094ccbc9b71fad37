#include "markup.h"

#include <string.h>

/* Body lines from which a line holding only '|' is a stray table fragment:
 * above it the header's columns are laid out with such lines (the
 * segmenter reads them as column separators). */
enum { PIPE_LINES_KEPT = 40, PAGE_NUMBER_MAX_DIGITS = 3 };

static bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* s[*s..*e) without the spaces at both ends; a no-break space (C2 A0) is a
 * space too (web pages fill empty lines with it). */
static void trim(const char *t, size_t *s, size_t *e) {
    for (;;) {
        if (*s < *e && is_space_byte(t[*s]))
            (*s)++;
        else if (*e - *s >= 2 && (unsigned char)t[*s] == 0xC2 && (unsigned char)t[*s + 1] == 0xA0)
            *s += 2;
        else
            break;
    }
    for (;;) {
        if (*e > *s && is_space_byte(t[*e - 1]))
            (*e)--;
        else if (*e - *s >= 2 && (unsigned char)t[*e - 2] == 0xC2 && (unsigned char)t[*e - 1] == 0xA0)
            *e -= 2;
        else
            break;
    }
}

bool vb_markup_star(const char *s, size_t at, size_t len) {
    size_t b = at, e = at;
    while (b > 0 && s[b - 1] == '*') b--;
    while (e < len && s[e] == '*') e++;
    if (e - b >= 2) return true;
    bool left_space = b == 0 || is_space_byte(s[b - 1]);
    bool right_space = e == len || is_space_byte(s[e]);
    if (!left_space && !right_space) return !(s[b - 1] == '(' && s[e] == ')'); /* "(*)" */
    if (left_space != right_space) return true; /* touches a word on one side */
    size_t i = b, j = e;
    while (i > 0 && is_space_byte(s[i - 1])) i--;
    while (j < len && is_space_byte(s[j])) j++;
    if (i == 0) return false; /* a bullet "* item", or a party header's lone star */
    return j == len;          /* a closing mark after a space ("...; *") */
}

size_t vb_markup_heading_prefix(const char *s, size_t len) {
    size_t i = 0;
    while (i < len && is_space_byte(s[i])) i++;
    size_t h = i;
    while (i < len && s[i] == '#') i++;
    if (i == h || i - h > 6 || i >= len || s[i] != ' ') return 0;
    while (i < len && s[i] == ' ') i++;
    return i < len ? i : 0;
}

static bool has_prefix_ci(const char *s, size_t len, const char *p) {
    size_t n = strlen(p);
    if (len < n) return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        if (c != p[i]) return false;
    }
    return true;
}

/* "--- PAGE BREAK ---" (OCR output between pages), any number of dashes. */
static bool is_page_break(const char *s, size_t len) {
    size_t i = 0;
    while (i < len && s[i] == '-') i++;
    if (i < 3) return false;
    while (i < len && s[i] == ' ') i++;
    if (!has_prefix_ci(s + i, len - i, "page break")) return false;
    i += strlen("page break");
    while (i < len && (s[i] == ' ' || s[i] == '-')) i++;
    return i == len;
}

/* A Markdown table rule "|---|:---:|": only '|', '-', ':' and spaces, with
 * a run of three dashes. */
static bool is_table_rule(const char *s, size_t len) {
    if (!len || (s[0] != '|' && s[len - 1] != '|')) return false;
    size_t dashes = 0, run = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] != '|' && s[i] != '-' && s[i] != ':' && s[i] != ' ') return false;
        run = s[i] == '-' ? run + 1 : 0;
        if (run > dashes) dashes = run;
    }
    return dashes >= 3;
}

/* A crawler's provenance line: "Source: http..." (emphasis around it is
 * skipped). */
static bool is_source_line(const char *s, size_t len) {
    size_t i = 0;
    while (i < len && (s[i] == '*' || s[i] == '_')) i++;
    if (!has_prefix_ci(s + i, len - i, "source:")) return false;
    i += strlen("source:");
    while (i < len && s[i] == ' ') i++;
    return has_prefix_ci(s + i, len - i, "http");
}

static bool is_pipes_only(const char *s, size_t len) {
    for (size_t i = 0; i < len; i++)
        if (s[i] != '|' && !is_space_byte(s[i])) return false;
    return len > 0;
}

static bool is_page_number(const char *s, size_t len) {
    if (!len || len > PAGE_NUMBER_MAX_DIGITS) return false;
    for (size_t i = 0; i < len; i++)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

/* Stars and spaces only ("** **", "**", "* *"): markup, no words.  A lone
 * "*" is a party header's separator and stays. */
static bool is_stars_only(const char *s, size_t len) {
    size_t stars = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '*')
            stars++;
        else if (!is_space_byte(s[i]))
            return false;
    }
    return stars >= 2;
}

/* Toggle the emphasis state by the markers of one line: a run of two or
 * more stars is bold, a single marking star italic (but not a star alone on
 * its line: a party header's separator, not an opening). */
static void track_emphasis(const char *s, size_t len, bool stars_only, bool *bold, bool *italic) {
    for (size_t i = 0; i < len;) {
        if (s[i] != '*') {
            i++;
            continue;
        }
        size_t e = i;
        while (e < len && s[e] == '*') e++;
        if (e - i >= 2)
            *bold = !*bold;
        else if (!stars_only && vb_markup_star(s, i, len))
            *italic = !*italic;
        i = e;
    }
}

typedef struct {
    size_t s, e; /* the trimmed line */
    bool body;
} line_span;

static line_span block_line(const vb_block *b) {
    line_span l = {0, b->len, b->area == VB_AREA_BODY};
    trim(b->text, &l.s, &l.e);
    return l;
}

/* The nearest non-blank body block from `from` in direction `step` is a
 * page-break marker. */
static bool next_to_page_break(const vb_blockv *blocks, size_t from, int step) {
    for (size_t i = from; i < blocks->len; i += (size_t)step) { /* wraps past 0 to SIZE_MAX */
        const vb_block *b = &blocks->items[i];
        line_span l = block_line(b);
        if (!l.body || l.s == l.e) continue;
        return is_page_break(b->text + l.s, l.e - l.s);
    }
    return false;
}

vb_status vb_markup_scan(const vb_blockv *blocks, vb_arena *a, unsigned char **out) {
    unsigned char *f = vb_arena_alloc(a, blocks->len ? blocks->len : 1);
    if (!f) return VB_E_NOMEM;
    bool bold = false, italic = false;
    size_t body_lines = 0;
    for (size_t i = 0; i < blocks->len; i++) {
        const vb_block *b = &blocks->items[i];
        line_span l = block_line(b);
        if (!l.body) continue;
        const char *s = b->text + l.s;
        size_t n = l.e - l.s;
        body_lines++;
        if (!n) { /* a paragraph break ends any emphasis left open */
            f[i] = VB_LINE_BLANK;
            bold = italic = false;
            continue;
        }
        if (is_page_break(s, n) || is_table_rule(s, n) || is_source_line(s, n) ||
            (body_lines > PIPE_LINES_KEPT && is_pipes_only(s, n)) ||
            (is_page_number(s, n) &&
             (next_to_page_break(blocks, i - 1, -1) || next_to_page_break(blocks, i + 1, 1)))) {
            f[i] = VB_LINE_DROP;
            continue;
        }
        if (bold || italic) f[i] |= VB_LINE_IN_EMPHASIS;
        bool stars_only = is_stars_only(s, n);
        if (stars_only) f[i] |= VB_LINE_MARKUP_ONLY;
        track_emphasis(s, n, stars_only, &bold, &italic);
    }
    *out = f;
    return VB_OK;
}
