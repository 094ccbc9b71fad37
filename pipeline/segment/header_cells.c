/* The header zone cut into its areas (see header_cells.h). */
#include "header_cells.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

static bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

static bool is_sep_char(char c) { return c == '-' || c == '_' || c == '=' || c == '~'; }

/* A copy of the zone with the same bytes at the same offsets, where every
 * column break is a tab: '|', runs of separator characters and the motto
 * strings; Markdown emphasis and heading marks become spaces. */
static char *zone_copy(vb_segmenter *sg, vb_arena *a, const char *s, size_t n, size_t *mottos) {
    char *z = vb_arena_strndup(a, s, n);
    if (!z) return NULL;
    for (size_t i = 0; i < n; i++) {
        bool line_start = i == 0 || z[i - 1] == '\n';
        /* a column break is a '|' apart from the words: OCR leaves a glued
         * '|' inside words and dates ("ngày ñ| tháng") */
        bool at_start = i == 0 || z[i - 1] == '\n', at_end = i + 1 == n || z[i + 1] == '\n';
        bool apart = at_start || at_end || ((is_space(z[i - 1]) || z[i - 1] == '-') && is_space(z[i + 1]));
        if (z[i] == '|' && apart)
            z[i] = '\t';
        else if (z[i] == '*' || (z[i] == '#' && line_start))
            z[i] = ' ';
    }
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && is_sep_char(z[j])) j++;
        if (j - i >= 3) memset(z + i, '\t', j - i);
        i = j > i ? j : i + 1;
    }
    size_t pos = 0;
    const size_t *ov;
    while (pos < n && vb_rule_match(&sg->rules, HR_MOTTO_ANY, z, n, pos, &ov, NULL)) {
        size_t ms = ov[0], me = ov[1];
        memset(z + ms, '\t', me - ms);
        (*mottos)++;
        pos = me > ms ? me : ms + 1;
    }
    return z;
}

size_t vb_symbol_len(const char *s, size_t len) {
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\n')) i++;
    size_t start = i;
    bool digits_only = true;
    for (;;) {
        size_t tok = i;
        while (i < len && !is_space(s[i]) && s[i] != '|') {
            if (s[i] < '0' || s[i] > '9') digits_only = false;
            i++;
        }
        if (i == tok) break;
        size_t j = i;
        while (j < len && (s[j] == ' ' || s[j] == '\n') && j - i < 3) j++;
        if (j == i || j >= len || is_space(s[j])) break;
        char last = s[i - 1], next = s[j];
        bool wrap =
            next == '/' || last == '/' || last == '-' || (next == '-' && j + 1 < len && !is_space(s[j + 1]));
        /* "2254 NHNN-QLNH": a number, then a coded part holding a '-' or '/' */
        bool coded = false;
        if (digits_only && i > start && next >= 'A' && next <= 'Z') {
            for (size_t k = j; k < len && !is_space(s[k]); k++)
                if (s[k] == '-' || s[k] == '/') coded = true;
        }
        /* "367 - QĐ/TWĐTN": a party symbol typed with a spaced dash */
        if (!wrap && !coded && digits_only && i > start && next == '-' && j + 1 < len && s[j + 1] == ' ') {
            size_t k = j + 1;
            while (k < len && s[k] == ' ') k++;
            size_t e = k;
            bool slash = false;
            while (e < len && !is_space(s[e]) && s[e] != '|') slash |= s[e++] == '/';
            if (slash && k < len && s[k] >= 'A' && s[k] <= 'Z') {
                i = e;
                digits_only = false;
                continue;
            }
        }
        if (!wrap && !coded) break;
        i = j;
        digits_only = false;
    }
    while (i > start && strchr(".,;:", s[i - 1])) i--;
    return i;
}

char *vb_squash_space(vb_arena *a, const char *s, size_t len) {
    char *out = vb_arena_alloc(a, len + 1);
    if (!out) return NULL;
    size_t k = 0;
    bool gap = false;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '*') continue; /* Markdown emphasis */
        if (is_space(c)) {
            gap = k > 0;
            continue;
        }
        if (gap) out[k++] = ' ';
        gap = false;
        out[k++] = c;
    }
    out[k] = '\0';
    return out;
}

typedef struct {
    vb_cell_kind kind;
    size_t start, end; /* in the block */
} area;

/* Start of a "- " or "+ " item at a line start at or after pos, or len. */
static size_t next_item(const char *b, size_t len, size_t pos) {
    for (size_t i = pos; i + 1 < len; i++) {
        if ((b[i] != '-' && b[i] != '+') || b[i + 1] != ' ') continue;
        size_t k = i;
        while (k > 0 && b[k - 1] == ' ') k--;
        if (k == 0 || b[k - 1] == '\n') return i;
    }
    return len;
}

/* The character at s opens in lower case (UTF-8, ICU). */
static bool lower_vi(const char *s, size_t len) {
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(s, i, (int32_t)(len < 8 ? len : 8), c);
    return c > 0 && u_islower(c);
}

/* An addressee runs to the end of its line and over the lines that
 * continue it (a wrap: the next line opens in lower case); a line in
 * capitals or a sentence after it is the body's. */
static size_t wrapped_end(const char *b, size_t start, size_t end) {
    size_t i = start;
    for (;;) {
        const char *nl = memchr(b + i, '\n', end - i);
        if (!nl) return end;
        size_t next = (size_t)(nl - b) + 1;
        while (next < end && b[next] == ' ') next++;
        /* a lower-case ASCII letter or a lead byte of a lower-case Vietnamese letter is a wrap */
        unsigned char c = next < end ? (unsigned char)b[next] : 0;
        bool lower = (c >= 'a' && c <= 'z') || (c >= 0xC3 && c <= 0xE1 && lower_vi(b + next, end - next));
        if (!lower) return (size_t)(nl - b);
        i = next;
    }
}

/* A place whose words run over a line break from the end of a sentence
 * ("… quanh hồ Tây, Hà Nội" / "Hà Nội, ngày …") took the tail of the line
 * above, a letter's V/v: the place starts on its own line.  A place alone
 * on the line above, or after a prefix, is a wrapped name ("Tam" / "Kỳ,
 * ngày …", "TP Hồ Chí" / "Minh, ngày …") and stays. */
static size_t place_line_start(const char *b, size_t start, size_t place_end) {
    const char *nl = NULL;
    for (size_t i = start; i < place_end; i++)
        if (b[i] == '\n') nl = b + i;
    if (!nl) return start;
    /* words before the place on its line: a prefix ("TP", "Thành phố")
     * stays with it, a sentence (three words or more) does not; the dash
     * of a double name ("Bà Rịa - Vũng" / "Tàu, ngày …") is no word */
    size_t words = 0;
    for (size_t k = start; k > 0 && b[k - 1] != '\n' && b[k - 1] != '\t'; k--)
        if (b[k - 1] != ' ' && b[k - 1] != '-' &&
            (k == 1 || b[k - 2] == ' ' || b[k - 2] == '\n' || b[k - 2] == '\t'))
            words++;
    if (words < 3) return start;
    size_t s = (size_t)(nl - b) + 1;
    while (s < place_end && b[s] == ' ') s++;
    return s;
}

static bool upper_at(const char *s, size_t at, size_t end) {
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(s + at, i, (int32_t)(end - at < 8 ? end - at : 8), c);
    return c > 0 && u_isupper(c);
}

size_t vb_place_hyphen_start(const char *s, size_t lo, size_t start) {
    size_t k = start;
    while (k > lo && s[k - 1] == ' ') k--;
    if (k == lo || s[k - 1] != '-') return start;
    k--;
    while (k > lo && s[k - 1] == ' ') k--;
    size_t first = start;
    for (int words = 0; words < 3 && k > lo && s[k - 1] != '\n' && s[k - 1] != '\t'; words++) {
        size_t end = k;
        while (k > lo && !is_space(s[k - 1]) && s[k - 1] != ',' && s[k - 1] != '|') k--;
        if (k == end || !upper_at(s, k, end)) break;
        first = k;
        while (k > lo && s[k - 1] == ' ') k--;
    }
    return first;
}

/* The earliest area opening in b[pos..len); false when none. */
static bool next_area(vb_segmenter *sg, const char *b, size_t len, size_t pos, area *out) {
    static const struct {
        int rule;
        vb_cell_kind kind;
    } openers[] = {{HR_NUMBER_ANY, CELL_NUMBER},
                   {HR_PLACE_DATE_ANY, CELL_PLACE_DATE},
                   {HR_VV_ANY, CELL_VV},
                   {HR_RECIPIENT_ANY, CELL_RECIPIENT}};
    bool found = false;
    const size_t *ov;
    for (size_t k = 0; k < sizeof openers / sizeof *openers; k++) {
        if (!vb_rule_match(&sg->rules, (size_t)openers[k].rule, b, len, pos, &ov, NULL)) continue;
        size_t start = ov[0];
        if (openers[k].rule == HR_PLACE_DATE_ANY)
            start = vb_place_hyphen_start(b, pos, place_line_start(b, start, ov[3]));
        if (found && start >= out->start) continue;
        *out = (area){openers[k].kind, start, ov[1]};
        found = true;
    }
    if (pos == 0 && vb_rule_match_at(&sg->rules, HR_BARE_NUMBER, b, len, 0, &ov, NULL) &&
        (!found || out->start > 0)) {
        *out = (area){CELL_NUMBER, 0, 0};
        found = true;
    }
    size_t item = next_item(b, len, pos);
    if (item < len && (!found || item < out->start)) {
        *out = (area){CELL_ITEM, item, item + 1};
        found = true;
    }
    if (!found) return false;
    if (out->kind == CELL_NUMBER) {
        /* a stray mark typed after the label: "Số:. 4315/BGDĐT-GDTrH" */
        size_t k = out->end;
        while (k < len && (b[k] == ' ' || b[k] == '.' || b[k] == ':' || b[k] == ';')) k++;
        size_t sym = vb_symbol_len(b + k, len - k);
        if (sym) out->end = k + sym;
    }
    if (out->kind == CELL_VV || out->kind == CELL_RECIPIENT || out->kind == CELL_ITEM) {
        area after;
        out->end = next_area(sg, b, len, out->end, &after) ? after.start : len;
        if (out->kind != CELL_VV) out->end = wrapped_end(b, out->start, out->end);
    }
    return true;
}

static vb_status push_cell(vb_arena *a, vb_header_cells *out, vb_cell_kind kind, const char *z,
                           const char *text, size_t s, size_t e) {
    while (s < e && is_space(z[s])) s++;
    while (e > s && (is_space(z[e - 1]) || z[e - 1] == ',' || z[e - 1] == ';')) e--;
    if (e == s) return VB_OK;
    bool line_start = true;
    for (size_t k = s; k-- > 0;) {
        if (z[k] == '\n' || z[k] == '\t') break;
        if (z[k] != ' ') {
            line_start = false;
            break;
        }
    }
    vb_header_cell c = {kind, {text + s, e - s}, line_start};
    return VB_PUSH(a, out->cells, c) ? VB_E_NOMEM : VB_OK;
}

/* One block (no column break inside): its areas in order. */
static vb_status read_block(vb_segmenter *sg, vb_arena *a, const char *z, const char *text, size_t bs,
                            size_t be, vb_header_cells *out) {
    const char *b = z + bs;
    size_t len = be - bs, pos = 0;
    area ar;
    vb_status st = VB_OK;
    while (st == VB_OK && pos < len && next_area(sg, b, len, pos, &ar)) {
        st = push_cell(a, out, CELL_TEXT, z, text, bs + pos, bs + ar.start);
        if (st == VB_OK) st = push_cell(a, out, ar.kind, z, text, bs + ar.start, bs + ar.end);
        pos = ar.end > pos ? ar.end : pos + 1;
    }
    if (st == VB_OK && pos < len) st = push_cell(a, out, CELL_TEXT, z, text, bs + pos, be);
    return st;
}

vb_status vb_header_cells_read(vb_segmenter *sg, vb_arena *a, const vb_doc *d, size_t from, size_t to,
                               vb_header_cells *out) {
    memset(out, 0, sizeof *out);
    if (to <= from) return VB_OK;
    size_t n = to - from;
    char *z = zone_copy(sg, a, d->text + from, n, &out->mottos);
    if (!z) return VB_E_NOMEM;
    /* blocks: split at tabs and blank lines */
    size_t i = 0;
    while (i < n) {
        while (i < n && is_space(z[i])) i++;
        size_t bs = i;
        while (i < n && z[i] != '\t') {
            if (z[i] == '\n') {
                size_t k = i + 1;
                while (k < n && (z[k] == ' ' || z[k] == '\r')) k++;
                if (k >= n || z[k] == '\n') break;
            }
            i++;
        }
        if (i > bs) {
            vb_status st = read_block(sg, a, z, d->text + from, bs, i, out);
            if (st != VB_OK) return st;
        }
    }
    return VB_OK;
}
