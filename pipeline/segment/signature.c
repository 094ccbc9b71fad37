/* The closing of a document: its "Nơi nhận" list and the signer's name. */
#include "signature.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf8.h>

#include "../core/buf.h"
#include "casing.h"

/* ---- word lists (pipeline/segment/data/closing-*.txt) ---------------------- */

static const char *const surname_rows[] = {
#define X(entry) entry,
#include "closing-surnames.inc"
#undef X
};
static const char *const title_rows[] = {
#define X(entry) entry,
#include "closing-titles.inc"
#undef X
};
static const char *const body_rows[] = {
#define X(entry) entry,
#include "closing-bodies.inc"
#undef X
};
static const char *const type_rows[] = {
#define X(entry) entry,
#include "closing-types.inc"
#undef X
};
static const char *const not_name_rows[] = {
#define X(entry) entry,
#include "closing-not-names.inc"
#undef X
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- patterns --------------------------------------------------------------- */

enum {
    CL_AUTHORITY,     /* TM. / KT. / TL. / TUQ. / Q. (party: T/M, K/T, T/L) */
    CL_BULLET,        /* a list item's mark: "-", OCR'd "~" "_", "+", "* ", "*-*" */
    CL_AFTER_TWO,     /* what follows the first two words ("Nơi nhận:" → the rest) */
    CL_INLINE_ITEM,   /* "…; - " / "…) - ": items run together on one line */
    CL_NAME,          /* Trần Văn Sơn */
    CL_NAME_UPPER,    /* TRẦN VĂN SƠN */
    CL_TRAILING_NAME, /* a name ending a line: "KT. CHỦ TỊCH … Hoàng Việt Phương" */
    CL_STAMP,         /* (Đã ký) / (Ký tên, đóng dấu) / (Chữ ký …) */
    CL_COUNT
};

#include "closing-authority-marks.alt.inc"
#include "closing-stamp-words.alt.inc"
#define NAME_WORD "\\p{Lu}\\p{Ll}+"
#define NAME_INITIAL "\\p{Lu}\\p{Ll}*" /* "Nguyễn Văn A", "Giàng A Páo" */

static const vb_rule_row closing_rows[CL_COUNT] = {
    [CL_AUTHORITY] = {"authority", "^(?:" VB_ALT_CLOSING_AUTHORITY_MARKS "\\s?\\.|T/M|K/T|T/L)\\s*(?=\\S)", 0,
                      NULL, VB_RULE_CASED},
    [CL_BULLET] = {"bullet", "^(?:\\*-\\*|[-~_+•–](?![-_~=])|\\*(?=\\s))\\s*", 0, NULL, VB_RULE_CASED},
    [CL_AFTER_TWO] = {"after_two", "^[^\\p{L}]*\\p{L}+\\s*\\p{L}+[\\s:;.*_}{|]*(?<rest>.*)$", 0, NULL, 0},
    [CL_INLINE_ITEM] = {"inline_item", "[;).]\\s+[-~–]\\s+", 0, NULL, 0},
    [CL_NAME] = {"name", "^" NAME_WORD "(?:\\s+" NAME_INITIAL "){1,4}$", 0, NULL, VB_RULE_CASED},
    [CL_NAME_UPPER] = {"name_upper", "^\\p{Lu}{2,}(?:\\s+\\p{Lu}{2,}){1,4}$", 0, NULL, VB_RULE_CASED},
    [CL_TRAILING_NAME] = {"trailing_name",
                          "(?<![\\p{L}\\p{N}])(?<name>" NAME_WORD "(?:\\s+" NAME_WORD "){1,3})\\s*$", 0, NULL,
                          VB_RULE_CASED},
    [CL_STAMP] = {"stamp", "^\\(\\s*" VB_ALT_CLOSING_STAMP_WORDS_WS, 0, NULL, 0},
};
static const char *const closing_rows_examples[CL_COUNT] = {
    [CL_AUTHORITY] = "KT. CHỦ TỊCH",
    [CL_BULLET] = "- Như trên;",
    [CL_AFTER_TWO] = "Nơi nhận: Như trên",
    [CL_INLINE_ITEM] = "Như trên; - Lưu: VT",
    [CL_NAME] = "Nguyễn Văn An",
    [CL_NAME_UPPER] = "NGUYỄN VĂN AN",
    [CL_TRAILING_NAME] = "CHỦ TỊCH Trần Văn Bình",
    [CL_STAMP] = "(Đã ký)",
};

/* ---- the closing rules of one segmenter ----------------------------------- */

/* Lines longer than this are body text: only their start is folded. */
enum { FOLD_MAX = 400 };

static str_view fold(vb_closing *c, str_view v);
static unsigned char fold_cp(const vb_closing *c, UChar32 cp);

typedef struct {
    char **items; /* folded (no tone marks, lower case) */
    size_t n;
} word_list;

/* What fold does with a code point below FOLD_TABLE_END, asked of ICU once
 * at open: FOLD_DROP, FOLD_COPY, or the ASCII byte it becomes. */
enum { FOLD_TABLE_END = 0x2000, FOLD_DROP = 0, FOLD_COPY = 0xFF };

struct vb_closing {
    vb_ruleset rules;
    const UNormalizer2 *nfd; /* ICU's shared instance: not owned */
    vb_buf folded;           /* the last fold's result */
    unsigned char fold_table[FOLD_TABLE_END];
    word_list surnames, titles, bodies, types;
};

static void list_free(word_list *l) {
    for (size_t i = 0; i < l->n; i++) free(l->items[i]);
    free(l->items);
    *l = (word_list){0};
}

static vb_status list_build(vb_closing *c, word_list *l, const char *const *rows, size_t n) {
    l->items = calloc(n, sizeof *l->items);
    if (!l->items) return VB_E_NOMEM;
    for (size_t i = 0; i < n; i++, l->n++) {
        str_view f = fold(c, (str_view){rows[i], strlen(rows[i])});
        l->items[i] = strndup(f.s, f.len);
        if (!l->items[i]) return VB_E_NOMEM;
    }
    return VB_OK;
}

vb_status vb_closing_open(vb_closing **out, char *err, size_t errlen) {
    *out = NULL;
    vb_closing *c = calloc(1, sizeof *c);
    if (!c) return VB_E_NOMEM;
    vb_buf_init(&c->folded);
    vb_status st = vb_ruleset_compile(&c->rules, closing_rows, CL_COUNT, err, errlen);
    if (st != VB_OK) {
        free(c);
        return st;
    }
    UErrorCode ec = U_ZERO_ERROR;
    c->nfd = unorm2_getNFDInstance(&ec);
    if (U_FAILURE(ec)) st = VB_E_INTERNAL;
    for (UChar32 cp = 0; st == VB_OK && cp < FOLD_TABLE_END; cp++) c->fold_table[cp] = fold_cp(c, cp);
    /* sized once for the longest fold: folding never allocates later */
    if (st == VB_OK && !vb_buf_reserve(&c->folded, FOLD_MAX + 1)) st = VB_E_NOMEM;
    if (st == VB_OK) st = list_build(c, &c->surnames, surname_rows, COUNT(surname_rows));
    if (st == VB_OK) st = list_build(c, &c->titles, title_rows, COUNT(title_rows));
    if (st == VB_OK) st = list_build(c, &c->bodies, body_rows, COUNT(body_rows));
    if (st == VB_OK) st = list_build(c, &c->types, type_rows, COUNT(type_rows));
    if (st != VB_OK) {
        vb_closing_close(c);
        return st;
    }
    *out = c;
    return VB_OK;
}

void vb_closing_close(vb_closing *c) {
    if (!c) return;
    vb_ruleset_free(&c->rules);
    vb_buf_free(&c->folded);
    list_free(&c->surnames);
    list_free(&c->titles);
    list_free(&c->bodies);
    list_free(&c->types);
    free(c);
}

/* ---- small helpers ------------------------------------------------------------- */

static bool cl_match(vb_closing *c, int rule, str_view v) {
    return vb_rule_match(&c->rules, (size_t)rule, v.s, v.len, 0, NULL, NULL);
}

static str_view cl_group(vb_closing *c, int rule, str_view v, const char *name) {
    size_t s, e;
    if (!vb_rule_group(&c->rules, (size_t)rule, name, &s, &e)) return (str_view){v.s, 0};
    return (str_view){v.s + s, e - s};
}

/* v without tone marks, in lower case (a view into c->folded, valid until
 * the next fold); only its first FOLD_MAX bytes.  A letter becomes the
 * first character of its canonical decomposition (ICU's NFD data: "ệ" is
 * "e" and two marks), "đ" becomes "d"; other characters stay.  Byte for
 * byte this never grows, so the buffer sized at open suffices. */
static unsigned char fold_cp(const vb_closing *c, UChar32 cp) {
    if (cp < 0x80) return (unsigned char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
    if (cp == 0x0110 || cp == 0x0111) return 'd'; /* Đ đ: no decomposition */
    if (u_charType(cp) == U_NON_SPACING_MARK) return FOLD_DROP;
    UChar dec[8];
    UErrorCode ec = U_ZERO_ERROR;
    int32_t dn = unorm2_getDecomposition(c->nfd, cp, dec, 8, &ec);
    if (U_SUCCESS(ec) && dn > 0 && dec[0] < 0x80 && dec[0] != 0)
        return (unsigned char)(dec[0] >= 'A' && dec[0] <= 'Z' ? dec[0] + 32 : dec[0]);
    return FOLD_COPY;
}

static str_view fold(vb_closing *c, str_view v) {
    size_t n = v.len < FOLD_MAX ? v.len : FOLD_MAX;
    char *out = c->folded.data;
    size_t k = 0, i = 0;
    while (i < n) {
        size_t at = i;
        UChar32 cp;
        U8_NEXT(v.s, i, n, cp);
        if (cp < 0) continue;
        /* Vietnamese letters all lie below the table's end */
        unsigned char f = cp < FOLD_TABLE_END ? c->fold_table[cp] : fold_cp(c, cp);
        if (f == FOLD_DROP && cp != 0) continue;
        if (f != FOLD_COPY) {
            out[k++] = (char)f;
            continue;
        }
        memcpy(out + k, v.s + at, i - at);
        k += i - at;
    }
    out[k] = '\0';
    return (str_view){out, k};
}

static bool is_word_char(char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || (unsigned char)ch >= 0x80;
}

/* f starts with the folded words w, ending at a word's end. */
static bool starts_with_words(str_view f, const char *w, size_t wn) {
    return f.len >= wn && !memcmp(f.s, w, wn) && (f.len == wn || !is_word_char(f.s[wn]));
}

/* Length of the longest entry of l that f starts with (0: none). */
static size_t list_prefix(const word_list *l, str_view f) {
    size_t best = 0;
    for (size_t i = 0; i < l->n; i++) {
        size_t wn = strlen(l->items[i]);
        if (wn > best && starts_with_words(f, l->items[i], wn)) best = wn;
    }
    return best;
}

static bool list_has(const word_list *l, str_view f) {
    for (size_t i = 0; i < l->n; i++)
        if (strlen(l->items[i]) == f.len && !memcmp(l->items[i], f.s, f.len)) return true;
    return false;
}

static str_view skip_leading(str_view v, const char *chars) {
    while (v.len && strchr(chars, v.s[0])) v.s++, v.len--;
    return v;
}

static str_view first_word(str_view v) {
    size_t i = 0;
    while (i < v.len && v.s[i] != ' ') i++;
    return (str_view){v.s, i};
}

/* ---- line tests ---------------------------------------------------------------- */

/* Cheap tests before a fold: v holds a byte pair a b (either case) with a
 * space between ("ng h" of "CỘNG HÒA", "c l" of "Độc lập"). */
static bool has_pair(str_view v, const char *a, char b) {
    size_t an = strlen(a);
    for (const char *p = v.s, *end = v.s + v.len; (p = memchr(p, ' ', (size_t)(end - p))); p++) {
        if (p + 1 >= end || (p[1] | 0x20) != b || (size_t)(p - v.s) < an) continue;
        bool ok = true;
        for (size_t k = 0; k < an && ok; k++) ok = ((p - an)[k] | 0x20) == a[k];
        if (ok) return true;
    }
    return false;
}

size_t vb_closing_cells(str_view line, str_view *cells, size_t max) {
    size_t n = 0, start = 0;
    while (start <= line.len && n < max) {
        size_t i = start;
        while (i < line.len && line.s[i] != '\t' && line.s[i] != '|') i++;
        str_view cell = trim((str_view){line.s + start, i - start}, " \t");
        if (cell.len) cells[n++] = cell;
        start = i + 1;
    }
    return n;
}

/* The text of a list item after its mark; len 0 when v is not an item. */
static str_view bullet_text(vb_closing *c, str_view v) {
    v = skip_leading(v, " }{|");
    const size_t *ov;
    if (!vb_rule_match(&c->rules, CL_BULLET, v.s, v.len, 0, &ov, NULL)) return (str_view){v.s, 0};
    return (str_view){v.s + ov[1], v.len - ov[1]};
}

static bool is_bullet(vb_closing *c, str_view v) {
    v = skip_leading(v, " }{|");
    return cl_match(c, CL_BULLET, v);
}

/* A signing authority ("KT. CHỦ TỊCH") or an upper-case title cell ("PHÓ
 * CHỦ TỊCH", "THỦ TƯỚNG"): SIGN_TITLE takes a cell that starts with a
 * title, SIGN_EXACT_TITLE one that is nothing else ("THỦ TƯỚNG CHÍNH PHỦ"
 * heads a header). */
static bool is_sign_cell(vb_closing *c, str_view cell, vb_sign_test test) {
    str_view t = bullet_text(c, cell);
    if (t.len) cell = t;
    cell = trim(skip_leading(cell, "*_"), "*_ "); /* Markdown emphasis */
    if (cl_match(c, CL_AUTHORITY, cell)) return true;
    if (test == VB_SIGN_AUTHORITY || !vb_is_upper_text(cell.s, cell.len)) return false;
    str_view f = trim(fold(c, cell), " .,:;");
    if (f.len == 3 && !memcmp(f.s, "pho", 3)) return true; /* "PHÓ" over a title split in two */
    if (starts_with_words(f, "pho", 3)) f = trim((str_view){f.s + 3, f.len - 3}, " ");
    size_t k = list_prefix(&c->titles, f);
    if (!k || test == VB_SIGN_TITLE) return k > 0;
    /* "BỘ TRƯỞNG, CHỦ NHIỆM": titles joined by commas count as one */
    str_view more = skip_leading((str_view){f.s + k, f.len - k}, " ,");
    return !more.len || list_prefix(&c->titles, more) == more.len;
}

bool vb_closing_is_sign_line(vb_closing *c, str_view line, vb_sign_test test) {
    str_view cells[VB_CLOSING_MAX_CELLS];
    size_t n = vb_closing_cells(line, cells, VB_CLOSING_MAX_CELLS);
    for (size_t i = 0; i < n; i++)
        if (is_sign_cell(c, cells[i], test)) return true;
    return false;
}

/* The cell starts with "Nơi nhận" (any accents, after markup): its rest. */
static bool distribution_head(vb_closing *c, str_view cell, str_view *rest) {
    str_view raw = skip_leading(cell, " *_{}[]");
    if (!raw.len || (raw.s[0] | 0x20) != 'n') return false;
    str_view f = skip_leading(fold(c, cell), " *_{}[]");
    if (!starts_with_words(f, "noi nhan", 8) && !starts_with_words(f, "noinhan", 7)) return false;
    if (!vb_rule_match(&c->rules, CL_AFTER_TWO, cell.s, cell.len, 0, NULL, NULL)) return false;
    *rest = trim(cl_group(c, CL_AFTER_TWO, cell, "rest"), " *_}{");
    return true;
}

bool vb_closing_is_distribution(vb_closing *c, str_view line, str_view next) {
    str_view cells[VB_CLOSING_MAX_CELLS];
    size_t n = vb_closing_cells(line, cells, VB_CLOSING_MAX_CELLS);
    for (size_t i = 0; i < n; i++) {
        str_view rest;
        if (!distribution_head(c, cells[i], &rest)) continue;
        /* a list follows: on the line, beside a signature cell, or below */
        if (rest.len && (is_bullet(c, rest) || is_sign_cell(c, rest, VB_SIGN_TITLE))) return true;
        for (size_t k = 0; k < n; k++)
            if (k != i && is_sign_cell(c, cells[k], VB_SIGN_TITLE)) return true;
        str_view nc[1];
        return vb_closing_cells(next, nc, 1) && is_bullet(c, nc[0]);
    }
    return false;
}

/* The first `words` words of v (as many spaces in): the text before a
 * match found in v's fold, which keeps the spaces. */
static str_view words_before(str_view v, size_t words) {
    size_t i = 0;
    for (; i < v.len && words; i++) words -= v.s[i] == ' ';
    return (str_view){v.s, i};
}

bool vb_closing_is_motto(vb_closing *c, str_view line) {
    if (!has_pair(line, "ng", 'h')) return false;
    str_view f = fold(c, line);
    for (size_t i = 0; i + 4 < f.len; i++) {
        const char *p = memchr(f.s + i, 'c', f.len - i);
        if (!p) break;
        i = (size_t)(p - f.s);
        str_view at = {p, f.len - i};
        if ((i && is_word_char(p[-1])) || !starts_with_words(at, "cong hoa xa hoi chu nghia viet nam", 34))
            continue;
        /* heading the line or after an issuer's cell, not quoted in a sentence */
        size_t spaces = 0;
        for (size_t k = 0; k < i; k++) spaces += f.s[k] == ' ';
        str_view before = words_before(line, spaces);
        return !before.len || vb_is_upper_text(before.s, before.len) ||
               strspn(before.s, " |*#-\t") == before.len;
    }
    return false;
}

bool vb_closing_is_party_motto(vb_closing *c, str_view line) {
    str_view cell = trim(skip_leading(fold(c, line), " |*#"), " |*");
    return cell.len == 22 && starts_with_words(cell, "dang cong san viet nam", 22);
}

bool vb_closing_is_motto_tail(vb_closing *c, str_view line) {
    if (!has_pair(line, "c", 'l')) return false;
    str_view f = fold(c, line);
    for (size_t i = 0; i + 7 < f.len; i++) {
        const char *p = memchr(f.s + i, 'd', f.len - i);
        if (!p) break;
        i = (size_t)(p - f.s);
        if ((i == 0 || !is_word_char(p[-1])) && starts_with_words((str_view){p, f.len - i}, "doc lap", 7)) {
            str_view after = skip_leading((str_view){p + 7, f.len - i - 7}, " -.,");
            return starts_with_words(after, "tu do", 5);
        }
    }
    return false;
}

bool vb_closing_is_body(vb_closing *c, str_view line) {
    line = trim(skip_leading(line, " |*#"), " |*");
    if (!line.len || line.len > 200 || !vb_is_upper_text(line.s, line.len)) return false;
    return list_prefix(&c->bodies, fold(c, line)) > 0;
}

bool vb_closing_is_type_title(vb_closing *c, str_view line) {
    line = trim(skip_leading(line, " |*#"), " |*");
    if (!line.len || line.len > 200 || !vb_is_upper_text(line.s, line.len)) return false;
    return list_prefix(&c->types, fold(c, line)) > 0;
}

bool vb_closing_is_attached(vb_closing *c, str_view line, bool promulgated) {
    str_view f = skip_leading(fold(c, line), " (*_[");
    if (starts_with_words(f, "ban hanh kem theo", 17)) return true;
    return !promulgated && starts_with_words(f, "kem theo", 8);
}

bool vb_closing_has_attached(vb_closing *c, str_view line) {
    str_view f = fold(c, line);
    for (const char *p = f.s, *end = f.s + f.len; (p = memchr(p, '(', (size_t)(end - p))); p++) {
        str_view at = skip_leading((str_view){p + 1, (size_t)(end - p - 1)}, " *_");
        if (starts_with_words(at, "kem theo", 8) || starts_with_words(at, "ban hanh kem theo", 17))
            return true;
    }
    return false;
}

/* Where ", ngày" starts in the folded f, or f.len. */
static size_t date_at(str_view f) {
    for (size_t i = 0; i + 6 < f.len; i++)
        if (f.s[i] == ',' &&
            starts_with_words(skip_leading((str_view){f.s + i + 1, f.len - i - 1}, " "), "ngay", 4))
            return i;
    return f.len;
}

bool vb_closing_is_number_or_date(vb_closing *c, str_view line) {
    str_view f = skip_leading(fold(c, line), " |*");
    if (starts_with_words(f, "so", 2)) {
        str_view after = skip_leading((str_view){f.s + 2, f.len - 2}, " ");
        if (after.len && (after.s[0] == ':' || after.s[0] == '.')) return true;
    }
    return date_at(f) < f.len;
}

bool vb_closing_is_dated_place(vb_closing *c, str_view line) {
    const char *comma = memchr(line.s, ',', line.len < FOLD_MAX ? line.len : FOLD_MAX);
    if (!comma) return false;
    str_view f = fold(c, line);
    size_t digits = 0;
    for (size_t i = date_at(f); i < f.len && digits < 4; i++)
        digits = f.s[i] >= '0' && f.s[i] <= '9' ? digits + 1 : 0;
    return digits == 4;
}

/* ---- reading one closing ---------------------------------------------------- */

typedef struct {
    vb_closing *c;
    vb_arena *a;
    vb_doc *d;
    const vb_text_line *lines;
    size_t n;
} closing_ctx;

enum { NONE = (size_t)-1 };

static str_view line_at(const closing_ctx *x, size_t i) {
    if (i >= x->n) return (str_view){"", 0};
    return doc_line(x->d, &x->lines[i]);
}

static str_view first_cell(str_view line) {
    str_view cells[1];
    return vb_closing_cells(line, cells, 1) ? cells[0] : (str_view){line.s, 0};
}

/* An entry of the list, as the records officer wrote it: an entry ends at
 * its ';' (what follows on the line is the other column's text); the
 * "Lưu" entry holds ';' of its own and ends at its '.'. */
static vb_status add_entry(closing_ctx *x, str_view text) {
    text = trim(skip_leading(text, " }{|*_"), " \t");
    if (!text.len || is_sign_cell(x->c, text, VB_SIGN_TITLE)) return VB_OK;
    str_view f = fold(x->c, text);
    bool keep = starts_with_words(f, "luu", 3);
    const char *end = NULL;
    if (!keep) {
        end = memchr(text.s, ';', text.len);
    } else {
        for (size_t i = 0; i + 1 < text.len && !end; i++)
            if (text.s[i] == '.' && text.s[i + 1] == ' ') end = text.s + i;
    }
    if (end) text.len = (size_t)(end - text.s);
    text = trim(text, " \t;.,:");
    if (!text.len) return VB_OK;
    char *e = vb_arena_strndup(x->a, text.s, text.len);
    return !e || VB_PUSH(x->a, x->d->header.distribution, e) ? VB_E_NOMEM : VB_OK;
}

/* Entries run together on one line ("- A; - B; (báo cáo) - C"). */
static vb_status add_inline_entries(closing_ctx *x, str_view rest, str_view *last) {
    size_t pos = 0;
    const size_t *ov;
    while (vb_rule_match(&x->c->rules, CL_INLINE_ITEM, rest.s, rest.len, pos, &ov, NULL)) {
        size_t sep = ov[0], next = ov[1]; /* the match data is shared: keep them */
        str_view piece = {rest.s + pos, sep + 1 - pos};
        str_view t = bullet_text(x->c, piece);
        vb_status st = add_entry(x, t.len ? t : piece);
        if (st != VB_OK) return st;
        pos = next;
    }
    str_view tail = {rest.s + pos, rest.len - pos};
    str_view t = bullet_text(x->c, tail);
    *last = t.len ? t : tail;
    return VB_OK;
}

static bool entry_open(str_view e) {
    str_view t = trim(e, " \t");
    return t.len && !memchr(t.s, ';', t.len) && t.s[t.len - 1] != '.';
}

static bool is_luu(vb_closing *c, str_view e) {
    return starts_with_words(skip_leading(fold(c, e), " }{|*_"), "luu", 3);
}

/* The list under "Nơi nhận" (or a list beside a signature cell): entries
 * start with a dash; a line without one continues an entry left open or is
 * skipped (a placeholder) when more entries follow; the "Lưu" entry is the
 * last. `rest` is the text on the head line. */
static vb_status read_list(closing_ctx *x, size_t head, str_view rest) {
    str_view pending = {"", 0};
    char *joined = NULL;
    vb_status st = VB_OK;
    if (rest.len && !is_sign_cell(x->c, rest, VB_SIGN_TITLE)) st = add_inline_entries(x, rest, &pending);
    size_t skipped = 0;
    for (size_t j = head + 1; j < x->n && st == VB_OK; j++) {
        str_view cell = first_cell(line_at(x, j));
        bool after_luu = pending.len && is_luu(x->c, pending);
        if (!cell.len) break; /* a row of '|' only: the table row ends */
        if (is_bullet(x->c, cell)) {
            if (after_luu) break;
            str_view t = trim(bullet_text(x->c, cell), " \t");
            if (!t.len) continue; /* a mark alone */
            if (pending.len) st = add_entry(x, pending);
            pending = t;
            continue;
        }
        if (is_sign_cell(x->c, cell, VB_SIGN_TITLE) || cl_match(x->c, CL_STAMP, cell)) break;
        bool punct = strchr(",;.(", cell.s[0]) != NULL;
        if (pending.len && (punct || (!after_luu && entry_open(pending)))) {
            joined = vb_arena_printf(x->a, "%.*s%s%.*s", (int)pending.len, pending.s, punct ? "" : " ",
                                     (int)cell.len, cell.s);
            if (!joined) return VB_E_NOMEM;
            pending = (str_view){joined, strlen(joined)};
            continue;
        }
        if (!after_luu && skipped < 2 && is_bullet(x->c, first_cell(line_at(x, j + 1)))) {
            skipped++;
            continue;
        }
        break;
    }
    if (st == VB_OK && pending.len) st = add_entry(x, pending);
    return st;
}

/* ---- the signer ------------------------------------------------------------------ */

static bool is_not_name(const char *name) {
    for (size_t i = 0; i < COUNT(not_name_rows); i++) {
        size_t n = strlen(not_name_rows[i]);
        if (!strncmp(name, not_name_rows[i], n) && (name[n] == ' ' || name[n] == '\0')) return true;
    }
    return false;
}

static bool has_surname(vb_closing *c, const char *name) {
    str_view w = first_word((str_view){name, strlen(name)});
    return list_has(&c->surnames, fold(c, w));
}

/* v without the marks OCR leaves in a name ("Dang! Ngọc Minh"), spaces
 * made single; NULL when out of memory. */
static char *clean_name(vb_arena *a, str_view v) {
    char *s = vb_arena_alloc(a, v.len + 1);
    if (!s) return NULL;
    size_t k = 0;
    for (size_t i = 0; i < v.len; i++) {
        char ch = v.s[i];
        if (strchr("!|*_`\"#", ch)) continue;
        if (ch == ' ' && (k == 0 || s[k - 1] == ' ')) continue;
        s[k++] = ch;
    }
    while (k && strchr(" .,;:", s[k - 1])) k--;
    s[k] = '\0';
    return s;
}

typedef struct {
    const char *name; /* as the gold writes it: name case, marks dropped */
    str_view span;    /* the words in d->text */
} signer_hit;

/* The name a view holds, or NULL: a name that opens with a family name,
 * or a capitalised one just under a signing title. */
static const char *name_of(closing_ctx *x, str_view v, bool after_title, bool *nomem) {
    char *s = clean_name(x->a, v);
    if (!s) {
        *nomem = true;
        return NULL;
    }
    str_view cv = {s, strlen(s)};
    if (cl_match(x->c, CL_NAME, cv)) {
        if (is_not_name(s)) return NULL;
        return has_surname(x->c, s) || after_title ? s : NULL;
    }
    if (!after_title || !cl_match(x->c, CL_NAME_UPPER, cv)) return NULL;
    if (is_sign_cell(x->c, cv, VB_SIGN_TITLE) || vb_closing_is_body(x->c, cv)) return NULL;
    char *cased = vb_sentence_case(x->a, s, cv.len, VB_CASE_NAME);
    if (!cased) {
        *nomem = true;
        return NULL;
    }
    /* capitals lose the case that tells a name from a heading: ask for a
     * family name */
    return is_not_name(cased) || !has_surname(x->c, cased) ? NULL : cased;
}

/* A name split over two lines ("Nguyễn" / "Khắc Định"). */
static const char *split_name(closing_ctx *x, str_view w, size_t j, str_view *span, bool *nomem) {
    str_view next = first_cell(line_at(x, j + 1));
    if (!next.len || w.len >= 60 || memchr(w.s, ' ', w.len)) return NULL;
    char one[64];
    memcpy(one, w.s, w.len);
    one[w.len] = '\0';
    if (!has_surname(x->c, one)) return NULL;
    str_view joined = {vb_arena_printf(x->a, "%.*s %.*s", (int)w.len, w.s, (int)next.len, next.s), 0};
    if (!joined.s) {
        *nomem = true;
        return NULL;
    }
    joined.len = strlen(joined.s);
    const char *name = name_of(x, joined, false, nomem);
    if (name) *span = (str_view){w.s, (size_t)(next.s + next.len - w.s)};
    return name;
}

/* The closing area starts at the "Nơi nhận" line, or at the signature
 * block just above it (title, stamp, name); without a list, at the first
 * signature line of the document's last lines. */
static size_t closing_start(closing_ctx *x, size_t from, size_t head) {
    if (head != NONE) {
        /* up over a block of titles, stamps and a name that has a title
         * (a header reader that found no body leaves `from` at the end) */
        size_t top = head, floor = from < head ? from : 0;
        for (size_t s = head; s > floor && head - s < 6; s--) {
            str_view prev = line_at(x, s - 1);
            str_view cell = first_cell(prev);
            bool sign = vb_closing_is_sign_line(x->c, prev, VB_SIGN_TITLE);
            if (sign) top = s - 1;
            if (!sign && cell.len && !cl_match(x->c, CL_STAMP, cell) && !cl_match(x->c, CL_NAME, cell)) break;
        }
        return top;
    }
    size_t lo = x->n > 30 ? x->n - 30 : 0;
    /* a header reader that found no body leaves `from` at the end: then
     * only an authority, which no header holds, opens the closing */
    vb_sign_test test = from < x->n ? VB_SIGN_EXACT_TITLE : VB_SIGN_AUTHORITY;
    if (lo < from && from < x->n) lo = from;
    for (size_t i = lo; i < x->n; i++)
        if (vb_closing_is_sign_line(x->c, line_at(x, i), test)) return i;
    return NONE;
}

/* The name that ends the document's last line, merged into the list's
 * column by OCR ("- Lưu: VT, TH. 233 Nguyễn Văn An"). */
static const char *trailing_name(closing_ctx *x, size_t from, str_view *span, bool *nomem) {
    size_t last = x->n;
    while (last > from && !trim(line_at(x, last - 1), " \t|").len) last--;
    if (last == from) return NULL;
    str_view line = line_at(x, last - 1);
    if (!vb_rule_match(&x->c->rules, CL_TRAILING_NAME, line.s, line.len, 0, NULL, NULL)) return NULL;
    str_view v = cl_group(x->c, CL_TRAILING_NAME, line, "name");
    if (v.s == line.s) return NULL; /* a whole line was looked at already */
    const char *name = name_of(x, v, false, nomem);
    size_t words = 1;
    for (size_t i = 0; i < v.len; i++) words += v.s[i] == ' ';
    char *copy = vb_arena_strndup(x->a, v.s, v.len);
    if (!copy) {
        *nomem = true;
        return NULL;
    }
    if (!name && words >= 3 && !is_not_name(copy)) name = copy;
    if (name) *span = v;
    return name;
}

/* Drops the signer's name from the end of the last entry it was read into. */
static void unmerge_entry(vb_doc *d, const char *name) {
    if (!d->header.distribution.len) return;
    char *e = d->header.distribution.items[d->header.distribution.len - 1];
    size_t el = strlen(e), nl = strlen(name);
    if (el <= nl || strcmp(e + el - nl, name)) return;
    el -= nl;
    while (el && strchr(" .,;:", e[el - 1])) el--;
    e[el] = '\0';
}

/* The name is looked for among the closing's lines and a few lines after
 * the last of them (a list entry, a title, a stamp), not in an appendix
 * further down. */
enum { NAME_REACH = 6 };

static vb_status find_signer(closing_ctx *x, size_t start, signer_hit *hit) {
    size_t last_title = NONE, reach = start + NAME_REACH;
    bool nomem = false;
    for (size_t j = start; j < x->n && j <= reach && !hit->name && !nomem; j++) {
        str_view cells[VB_CLOSING_MAX_CELLS];
        size_t nc = vb_closing_cells(line_at(x, j), cells, VB_CLOSING_MAX_CELLS);
        for (size_t k = 0; k < nc && !hit->name && !nomem; k++) {
            str_view v = cells[k], rest;
            if (distribution_head(x->c, v, &rest)) {
                v = rest;
                reach = j + NAME_REACH;
            }
            if (!v.len || is_bullet(x->c, v) || cl_match(x->c, CL_STAMP, v)) {
                if (v.len) reach = j + NAME_REACH;
                if (v.len && is_sign_cell(x->c, v, VB_SIGN_TITLE))
                    last_title = j; /* "- KT. TỔNG CỤC TRƯỞNG" */
                continue;
            }
            if (is_sign_cell(x->c, v, VB_SIGN_TITLE)) {
                last_title = j;
                reach = j + NAME_REACH;
                /* the name on the title's line: "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Lê Văn An" */
                if (vb_rule_match(&x->c->rules, CL_TRAILING_NAME, v.s, v.len, 0, NULL, NULL)) {
                    str_view nv = cl_group(x->c, CL_TRAILING_NAME, v, "name");
                    hit->name = name_of(x, nv, true, &nomem);
                    hit->span = nv;
                }
                continue;
            }
            bool after_title = last_title != NONE && j - last_title <= 4;
            hit->name = name_of(x, v, after_title, &nomem);
            hit->span = v;
            if (!hit->name && !nomem) hit->name = split_name(x, v, j, &hit->span, &nomem);
        }
    }
    if (!hit->name && !nomem && last_title != NONE) {
        hit->name = trailing_name(x, start, &hit->span, &nomem);
        if (hit->name) unmerge_entry(x->d, hit->name);
    }
    return nomem ? VB_E_NOMEM : VB_OK;
}

/* A list beside a signature cell whose "Nơi nhận" word was lost: the
 * closing's first line is an entry ("- Như Điều 3; | TM. ỦY BAN NHÂN DÂN"). */
static bool unheaded_list(closing_ctx *x, size_t start) {
    str_view cells[VB_CLOSING_MAX_CELLS];
    size_t nc = vb_closing_cells(line_at(x, start), cells, VB_CLOSING_MAX_CELLS);
    return nc > 1 && is_bullet(x->c, cells[0]) && !is_sign_cell(x->c, cells[0], VB_SIGN_TITLE);
}

vb_status vb_read_closing(vb_segmenter *sg, vb_arena *a, vb_doc *d, const vb_text_line *lines, size_t n_lines,
                          size_t from, size_t *body_to, bool *distribution) {
    closing_ctx x = {sg->closing, a, d, lines, n_lines};
    *body_to = n_lines;
    size_t head = NONE;
    str_view rest = {"", 0};
    for (size_t i = 0; i < n_lines && head == NONE; i++) { /* a header holds none */
        if (!vb_closing_is_distribution(x.c, line_at(&x, i), line_at(&x, i + 1))) continue;
        head = i;
        str_view cells[VB_CLOSING_MAX_CELLS];
        size_t nc = vb_closing_cells(line_at(&x, i), cells, VB_CLOSING_MAX_CELLS);
        for (size_t k = 0; k < nc; k++)
            if (distribution_head(x.c, cells[k], &rest)) break;
    }
    size_t start = closing_start(&x, from, head);
    if (start == NONE) return VB_OK;
    *body_to = start > from ? start : from;
    vb_status st = VB_OK;
    if (head != NONE) {
        *distribution = true;
        st = read_list(&x, head, rest);
    } else if (unheaded_list(&x, start)) {
        *distribution = true;
        st = read_list(&x, start, bullet_text(x.c, first_cell(line_at(&x, start))));
    }
    signer_hit hit = {NULL, {"", 0}};
    if (st == VB_OK) st = find_signer(&x, start, &hit);
    if (st != VB_OK || !hit.name) return st;
    d->header.signer = (char *)hit.name;
    d->header.signer_span = rel_span(d, hit.span);
    return VB_OK;
}

/* The tables with their examples, for tests/unit/test_rule_examples.c. */
static const vb_rule_table rule_tables[] = {
    {"signature.closing", closing_rows, closing_rows_examples, CL_COUNT},
};
const vb_rule_table *vb_closing_rule_tables(size_t *n) {
    *n = sizeof rule_tables / sizeof *rule_tables;
    return rule_tables;
}
