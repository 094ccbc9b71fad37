/* Segmenter: document boundaries, Decree 30 header, kind, sections. */
#include "segment.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf8.h>

#include "../core/doctypes.h"
#include "../core/text.h"
#include "casing.h"
#include "header_cells.h"
#include "header_rules.h"
#include "sections.h"
#include "boundaries.h"
#include "segment_internal.h"
#include "signature.h"
#include "title_of.h"

/* The type titles without marks: an OCR'd "QUYET ĐỊNH" is still a title. */
static vb_status fold_titles(vb_segmenter *s) {
    s->folded_titles = calloc(vb_doctypes_count, sizeof *s->folded_titles);
    if (!s->folded_titles) return VB_E_NOMEM;
    for (size_t i = 0; i < vb_doctypes_count; i++) {
        vb_buf_reset(&s->folded);
        vb_fold_marks(&s->folded, vb_doctypes[i].title, strlen(vb_doctypes[i].title));
        const char *f = vb_buf_cstr(&s->folded);
        if (!f || !(s->folded_titles[i] = strdup(f))) return VB_E_NOMEM;
    }
    return VB_OK;
}

void vb_segmenter_plain_scans(vb_segmenter *s) { vb_ruleset_plain(&s->rules); }

vb_status vb_segmenter_open(vb_segmenter **out, char *err, size_t errlen) {
    vb_segmenter *s = calloc(1, sizeof *s);
    if (!s) return VB_E_NOMEM;
    vb_buf_init(&s->folded);
    vb_status st = vb_header_rules_build(&s->header);
    if (st != VB_OK) {
        snprintf(err, errlen, "cannot assemble the header rules");
        free(s);
        return st;
    }
    st = vb_ruleset_compile(&s->rules, s->header.rows, HR_COUNT, err, errlen);
    if (st != VB_OK) {
        vb_header_rules_free(&s->header);
        free(s);
        return st;
    }
    /* rows asked only whether a cell opens with them: one attempt, not a
     * search of the rest of a long paragraph */
    static const size_t at_start[] = {HR_MOTTO_ANY, HR_NUMBER_ANY, HR_BARE_NUMBER};
    for (size_t i = 0; st == VB_OK && i < sizeof at_start / sizeof *at_start; i++)
        st = vb_ruleset_prepare_at(&s->rules, at_start[i]);
    if (st != VB_OK) {
        snprintf(err, errlen, "cannot compile the header rules for one start");
        vb_segmenter_close(s);
        return st;
    }
    if ((st = fold_titles(s)) != VB_OK) {
        snprintf(err, errlen, "cannot fold the type titles");
        vb_segmenter_close(s);
        return st;
    }
    st = vb_closing_open(&s->closing, err, errlen);
    if (st == VB_OK) st = vb_title_of_open(&s->title_of, err, errlen);
    if (st != VB_OK) {
        vb_segmenter_close(s);
        return st;
    }
    *out = s;
    return VB_OK;
}

void vb_segmenter_close(vb_segmenter *s) {
    if (!s) return;
    vb_ruleset_free(&s->rules);
    vb_header_rules_free(&s->header);
    vb_buf_free(&s->folded);
    for (size_t i = 0; s->folded_titles && i < vb_doctypes_count; i++) free(s->folded_titles[i]);
    free(s->folded_titles);
    vb_closing_close(s->closing);
    vb_title_of_close(s->title_of);
    free(s);
}

/* ---- document boundaries --------------------------------------------------- */

/* ---- dates ----------------------------------------------------------------- */

static int to_int(str_view v) {
    int x = 0;
    for (size_t i = 0; i < v.len && i < 6; i++) {
        if (v.s[i] < '0' || v.s[i] > '9') return -1;
        x = x * 10 + (v.s[i] - '0');
    }
    return v.len ? x : -1;
}

static int days_in_month(int y, int m) {
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return d[m - 1];
}

/* ISO date or prefix from day/month/year groups; NULL when invalid. */
static char *iso_date(vb_arena *a, int d, int m, int y) {
    if (y < 1900 || y > 2200) return NULL;
    if (m < 1) return vb_arena_printf(a, "%04d", y);
    /* an OCR-damaged day or month leaves what is still certain */
    if (m > 12) return vb_arena_printf(a, "%04d", y);
    if (d < 1 || d > days_in_month(y, m)) return vb_arena_printf(a, "%04d-%02d", y, m);
    return vb_arena_printf(a, "%04d-%02d-%02d", y, m, d);
}

/* ---- header ---------------------------------------------------------------- */

typedef struct {
    str_view bodies[6];
    vb_span body_spans[6]; /* where each body's lines are in d->text (bodies may be joined copies) */
    size_t n_bodies;
    bool motto, title, vv, number_line, place_line, recipients, distribution;
    bool subject_open, recipients_open, issuer_done, subject_upper;
    bool appendix; /* a "Phụ lục" with its title and no header of its own */
} header_state;

/* "905/KH-UBND" → KH; "178/2004/NĐ-CP" → NĐ; "14-KH/TU" → KH. */
static const vb_doctype *type_from_number(str_view num) {
    const char *slash = memchr(num.s, '/', num.len);
    if (!slash) return NULL;
    const char *p = slash + 1, *end = num.s + num.len;
    if (end - p > 5 && p[0] >= '0' && p[0] <= '9') { /* year part */
        const char *s2 = memchr(p, '/', (size_t)(end - p));
        if (s2) p = s2 + 1;
    }
    const char *dash = memchr(p, '-', (size_t)(end - p));
    if (dash) {
        const vb_doctype *t = vb_doctype_by_code(p, (size_t)(dash - p));
        if (t) return t;
    }
    /* party form: NN-CODE/ISSUER */
    const char *d1 = memchr(num.s, '-', (size_t)(slash - num.s));
    if (d1) return vb_doctype_by_code(d1 + 1, (size_t)(slash - d1 - 1));
    return NULL;
}

/* cell: the whole number area; rest: what follows "Số:" in it. */
static vb_status read_number(vb_arena *a, vb_doc *d, str_view cell, str_view rest) {
    /* a stray mark typed after the label: "Số:. 4315/BGDĐT-GDTrH", "Số :: 12/KH" */
    while (rest.len && (rest.s[0] == ' ' || rest.s[0] == '.' || rest.s[0] == ':' || rest.s[0] == ';'))
        rest.s++, rest.len--;
    size_t sym = vb_symbol_len(rest.s, rest.len);
    str_view num = trim((str_view){rest.s, sym}, " \n.");
    d->header.number_span = rel_span(d, cell);
    bool has_digit_before_slash = false;
    for (size_t i = 0; i < num.len && num.s[i] != '/'; i++)
        if (num.s[i] >= '0' && num.s[i] <= '9') has_digit_before_slash = true;
    /* a symbol has a '/' or '-' ("Số: 4……" in a template is a blank) */
    if (!has_digit_before_slash || (!memchr(num.s, '/', num.len) && !memchr(num.s, '-', num.len))) {
        vb_span sp = rel_span(d, cell);
        return vb_doc_warn(a, d, "W_BLANK_NUMBER", &sp, "the number is blank (\"%.*s\"): a draft?",
                           (int)cell.len, cell.s)
                   ? VB_E_NOMEM
                   : VB_OK;
    }
    char *n = vb_arena_alloc(a, num.len + 1);
    if (!n) return VB_E_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < num.len; i++)
        if (num.s[i] != ' ' && num.s[i] != '\n') n[k++] = num.s[i];
    d->header.number = n;
    const vb_doctype *t = type_from_number((str_view){n, k});
    if (t && !d->header.doc_type) {
        d->header.doc_type = (char *)t->name;
        d->header.doc_type_code = (char *)t->code;
    }
    return VB_OK;
}

/* cell has just matched `rule` (HR_PLACE_DATE or HR_PLACE_DATE_ANY). */
static vb_status read_place_date(vb_segmenter *sg, vb_arena *a, vb_doc *d, str_view cell, int rule) {
    str_view place = trim(group(sg, rule, cell, "place"), " \n");
    size_t at = vb_place_hyphen_start(cell.s, 0, (size_t)(place.s - cell.s));
    place = (str_view){cell.s + at, place.len + (size_t)(place.s - cell.s) - at};
    int dd = to_int(group(sg, rule, cell, "d"));
    int mm = to_int(group(sg, rule, cell, "m"));
    int yy = to_int(group(sg, rule, cell, "y"));
    char *flat = vb_squash_space(a, place.s, place.len);
    if (!flat) return VB_E_NOMEM;
    d->header.place = vb_sentence_case(a, flat, strlen(flat), VB_CASE_SENTENCE);
    d->header.date = iso_date(a, dd, mm, yy);
    d->header.date_span = rel_span(d, cell);
    if (!d->header.place) return VB_E_NOMEM;
    if (d->header.date && (dd < 1 || mm < 1)) {
        vb_span sp = rel_span(d, cell);
        if (vb_doc_warn(a, d, "W_BLANK_DATE", &sp, "the date is incomplete (\"%.*s\"): known as %s",
                        (int)cell.len, cell.s, d->header.date))
            return VB_E_NOMEM;
    }
    return VB_OK;
}

/* Issuer lines: a line opening with a body's head word starts a body, an
 * upper-case line without one continues it ("ỦY BAN NHÂN DÂN" + "TỈNH TÂY
 * NINH").  The last body is the issuer, the one before it its parent. */
static vb_status assemble_issuer(vb_arena *a, vb_doc *d, header_state *h) {
    if (!h->n_bodies) return VB_OK;
    char *parts[2] = {NULL, NULL};
    for (size_t k = 0; k < 2 && k < h->n_bodies; k++) {
        str_view v = h->bodies[h->n_bodies - 1 - k];
        parts[k] = vb_sentence_case(a, v.s, v.len, VB_CASE_ORG);
        if (!parts[k]) return VB_E_NOMEM;
    }
    d->header.issuer = parts[0];
    d->header.issuer_parent = parts[1];
    d->header.issuer_span = h->body_spans[h->n_bodies - 1];
    return VB_OK;
}

static vb_status add_body_line(vb_arena *a, const vb_doc *d, header_state *h, str_view cell,
                               bool starts_body) {
    vb_span sp = rel_span(d, cell);
    if (starts_body || !h->n_bodies) {
        if (h->n_bodies < 6) {
            h->body_spans[h->n_bodies] = sp;
            h->bodies[h->n_bodies++] = cell;
        }
        return VB_OK;
    }
    h->body_spans[h->n_bodies - 1].end = sp.end;
    /* continuation: widen the last body's view to cover both lines, joined
     * with a space in a fresh copy (lines are not adjacent in memory) */
    str_view *last = &h->bodies[h->n_bodies - 1];
    char *joined = vb_arena_printf(a, "%.*s %.*s", (int)last->len, last->s, (int)cell.len, cell.s);
    if (!joined) return VB_E_NOMEM;
    *last = (str_view){joined, strlen(joined)};
    return VB_OK;
}

static bool is_body_line(vb_segmenter *sg, str_view line) {
    if (match(sg, HR_BODY_START, line)) return !vb_is_upper_text(line.s, line.len); /* a title line */
    size_t k = vb_list_label_len(line.s, line.len);
    return k && line.s[0] != '-' && line.s[0] != '+';
}

/* Words in v (runs of non-space). */
static size_t count_words(str_view v) {
    size_t n = 0;
    for (size_t i = 0; i < v.len; i++)
        if (v.s[i] != ' ' && v.s[i] != '\n' && (i == 0 || v.s[i - 1] == ' ' || v.s[i - 1] == '\n')) n++;
    return n;
}

/* v opens with a body's head word, marks or not ("TONG CỤC THUE" of OCR). */
static bool is_org(vb_segmenter *sg, str_view v) {
    if (match(sg, HR_ORG, v)) return true;
    vb_buf_reset(&sg->folded);
    vb_fold_marks(&sg->folded, v.s, v.len < 40 ? v.len : 40);
    return !sg->folded.oom && match(sg, HR_ORG_FOLDED, (str_view){sg->folded.data, sg->folded.len});
}

static const char *const organs[] = {
#define X(words) words,
#include "header-organs.inc"
#undef X
    NULL};

/* v is an organ's name alone ("ỦY BAN THƯỜNG VỤ"): the body it belongs to
 * follows on the next line. */
static bool is_organ(str_view v) {
    for (size_t k = 0; organs[k]; k++)
        if (v.len == strlen(organs[k]) && !memcmp(v.s, organs[k], v.len)) return true;
    return false;
}

/* The issuer's lines in a text cell: each upper-case line either starts a
 * body (it opens with a body's head word, after a line of two words or
 * more: "ỦY\nBAN NHÂN DÂN" is one body wrapped) or continues the last. */
static vb_status read_issuer_text(vb_segmenter *sg, vb_arena *a, vb_doc *d, header_state *h, str_view cell) {
    str_view prev = {NULL, 0};
    const char *end = cell.s + cell.len;
    for (const char *p = cell.s; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        str_view line = trim((str_view){p, (size_t)(le - p)}, " *#");
        p = nl ? nl + 1 : end;
        if (!line.len) continue;
        if (!vb_is_upper_text(line.s, line.len)) {
            if (!h->n_bodies) continue;
            h->issuer_done = true; /* the column is over: capitals below are a title or a table */
            break;
        }
        str_view rest = {line.s, (size_t)(end - line.s)};
        char *flat = vb_squash_space(a, rest.s, rest.len); /* a head word wrapped: "ỦY\nBAN" */
        if (!flat) return VB_E_NOMEM;
        bool organ = is_organ(line);
        bool org = organ || is_org(sg, (str_view){flat, strlen(flat)});
        if (!org && match(sg, HR_SIGN_TITLE, line)) continue;
        if (!h->n_bodies && !org) continue; /* a title or banner, not a body */
        /* an organ over its body ("THỦ TƯỚNG" / "CHÍNH PHỦ") names one body */
        bool starts = org && (!prev.len || count_words(prev) >= 2) && !(prev.len && is_organ(prev));
        vb_status st = add_body_line(a, d, h, line, starts);
        if (st != VB_OK) return st;
        prev = line;
    }
    return VB_OK;
}

static vb_status set_subject(vb_arena *a, vb_doc *d, str_view subj) {
    char *flat = vb_squash_space(a, subj.s, subj.len);
    if (!flat) return VB_E_NOMEM;
    if (flat[0] >= 'a' && flat[0] <= 'z') flat[0] = (char)(flat[0] - 32);
    d->header.subject = flat;
    d->header.subject_span = rel_span(d, subj);
    return VB_OK;
}

/* "V/v …" / "Về việc …" / "Về …": the letter's subject. */
static vb_status read_vv(vb_segmenter *sg, vb_arena *a, vb_doc *d, header_state *h, str_view cell) {
    h->vv = true;
    char *flat = vb_squash_space(a, cell.s, cell.len); /* a V/v text wrapped over lines */
    if (!flat) return VB_E_NOMEM;
    str_view whole = trim((str_view){flat, strlen(flat)}, " .\n");
    str_view subj = whole;
    if (match(sg, HR_VV, whole)) {
        str_view rest = trim(group(sg, HR_VV, whole, "rest"), " .\n");
        /* "Về …" keeps its word; "V/v" and "Về việc" are labels */
        bool label = (whole.len > 3 && (whole.s[0] == 'V' || whole.s[0] == 'v') && whole.s[1] == '/') ||
                     !strncmp(whole.s, "Về việc", strlen("Về việc")) ||
                     !strncmp(whole.s, "VỀ VIỆC", strlen("VỀ VIỆC"));
        if (label) subj = rest;
    }
    subj = trim(subj, " :\n");
    if (!subj.len) return VB_OK;
    vb_status st = set_subject(a, d, subj);
    d->header.subject_span = rel_span(d, trim(cell, " .\n")); /* the words as they stand in the text */
    return st;
}

static vb_status add_recipient(vb_arena *a, vb_doc *d, str_view v) {
    str_view it = strip_item(v);
    if (!it.len) return VB_OK;
    char *r = vb_squash_space(a, it.s, it.len);
    return !r || VB_PUSH(a, d->header.recipients, r) ? VB_E_NOMEM : VB_OK;
}

/* The areas before the type title, read as cells (header_cells.h). */
static vb_status read_zone_cells(vb_segmenter *sg, vb_arena *a, vb_doc *d, header_state *h, size_t from,
                                 size_t to) {
    vb_header_cells hc;
    vb_status st = vb_header_cells_read(sg, a, d, from, to, &hc);
    if (hc.mottos) h->motto = true;
    for (size_t i = 0; i < hc.cells.len && st == VB_OK; i++) {
        const vb_header_cell *c = &hc.cells.items[i];
        str_view v = c->v;
        switch (c->kind) {
        case CELL_NUMBER:
            if (h->number_line) break;
            h->number_line = h->issuer_done = true;
            h->recipients_open = false;
            if (match(sg, HR_NUMBER_ANY, v)) {
                const size_t *ov = pcre2_get_ovector_pointer(sg->rules.md);
                st = read_number(a, d, v, (str_view){v.s + ov[1], v.len - ov[1]});
            } else {
                st = read_number(a, d, v, v); /* a bare symbol */
            }
            break;
        case CELL_PLACE_DATE:
            if (h->place_line || !match(sg, HR_PLACE_DATE_ANY, v)) break;
            h->place_line = h->issuer_done = true;
            h->recipients_open = false;
            st = read_place_date(sg, a, d, v, HR_PLACE_DATE_ANY);
            break;
        case CELL_VV:
            h->recipients_open = false;
            if (!h->vv && !h->title && (h->number_line || h->n_bodies)) st = read_vv(sg, a, d, h, v);
            break;
        case CELL_RECIPIENT: {
            h->recipients = h->recipients_open = true;
            h->issuer_done = true;
            str_view rest = v;
            if (match(sg, HR_RECIPIENT_ANY, v)) {
                const size_t *ov = pcre2_get_ovector_pointer(sg->rules.md);
                rest = trim((str_view){v.s + ov[1], v.len - ov[1]}, " :\n");
            }
            st = add_recipient(a, d, rest);
            break;
        }
        case CELL_ITEM:
            if (h->recipients_open) st = add_recipient(a, d, v);
            break;
        case CELL_TEXT:
            if (h->recipients_open && !c->line_start) break;
            if (!h->issuer_done) {
                st = read_issuer_text(sg, a, d, h, v);
            } else if (c->line_start && h->number_line && !h->vv && !h->title && match(sg, HR_VV, v)) {
                st = read_vv(sg, a, d, h, v); /* "Về …" under the number: a letter's subject */
            }
            break;
        }
    }
    return st;
}

/* The first line of the header: a body's name in capitals, a motto or a
 * "Số:" line that leads to a motto or a number within a few lines.  What
 * comes before it is a site's banner or metadata block, or a digital
 * signature's stamp; without such a line the header starts at line 0. */
static bool cell_opens(vb_segmenter *sg, str_view cell, bool org) {
    cell = trim(cell, " *#");
    if (!cell.len) return false;
    if (org && vb_is_upper_text(cell.s, cell.len) && (is_org(sg, cell) || is_organ(cell))) return true;
    const size_t *ov;
    if (vb_rule_match_at(&sg->rules, HR_MOTTO_ANY, cell.s, cell.len, 0, &ov, NULL)) return true;
    return vb_rule_match_at(&sg->rules, HR_NUMBER_ANY, cell.s, cell.len, 0, &ov, NULL);
}

/* Line i opens a header area: a cell that starts with a motto, "Số", or
 * (when org) a body's name in capitals. */
static bool opens_header(vb_segmenter *sg, const vb_doc *d, const vb_text_line *lines, size_t i, bool org) {
    str_view cells[8];
    size_t n = split_cells(doc_line(d, &lines[i]), cells, 8);
    for (size_t c = 0; c < n; c++)
        if (cell_opens(sg, cells[c], org && c == 0)) return true;
    return false;
}

static size_t header_start(vb_segmenter *sg, const vb_doc *d, const vb_text_line *lines, size_t n_lines) {
    size_t limit = n_lines < 60 ? n_lines : 60;
    for (size_t i = 0; i < limit; i++) {
        if (!opens_header(sg, d, lines, i, true)) continue;
        size_t e = i + 8 < n_lines ? i + 8 : n_lines, k = i;
        while (k < e && !opens_header(sg, d, lines, k, false)) k++;
        if (k == e) return 0;
        /* a head word wrapped onto the line before: "ỦY" + "BAN NHÂN DÂN" */
        if (i > 0) {
            str_view prev = trim(doc_line(d, &lines[i - 1]), " *#|\t");
            if (prev.len && vb_is_upper_text(prev.s, prev.len) && count_words(prev) <= 2) i--;
        }
        return i;
    }
    return 0;
}

/* The type a title cell names: "KẾ HOẠCH", or OCR'd without its marks
 * ("QUYET ĐỊNH", a whole short line in capitals); NULL if none. */
static const vb_doctype *folded_title(vb_segmenter *sg, str_view cell) {
    if (cell.len > 40 || !vb_is_upper_text(cell.s, cell.len)) return NULL;
    vb_buf_reset(&sg->folded);
    vb_fold_marks(&sg->folded, cell.s, cell.len);
    const char *f = vb_buf_cstr(&sg->folded);
    for (size_t i = 0; f && i < vb_doctypes_count; i++)
        if (!strcmp(f, sg->folded_titles[i])) return &vb_doctypes[i];
    return NULL;
}

/* A line holding the type title ("KẾ HOẠCH", "QUYẾT ĐỊNH") in one of its cells. */
static bool is_title_line(vb_segmenter *sg, str_view line) {
    str_view cells[8];
    size_t n = split_cells(line, cells, 8);
    for (size_t i = 0; i < n; i++)
        if (match(sg, HR_TITLE, trim(cells[i], " *#")) || folded_title(sg, trim(cells[i], " *#")))
            return true;
    return false;
}

/* Under a decision's or resolution's title, the authority that enacts it
 * ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …", "HỘI ĐỒNG NHÂN DÂN TỈNH …") ends the
 * subject, unless the subject was cut after a word that wants more ("… CỦA"). */
static bool ends_authority(vb_segmenter *sg, const char *subject, str_view line) {
    if (!match(sg, HR_AUTHORITY, line)) return false;
    const char *sp = strrchr(subject, ' ');
    const char *last = sp ? sp + 1 : subject;
    static const char *const open_words[] = {
#define X(word) word,
#include "segment-open-words.inc"
#undef X
        NULL};
    for (size_t k = 0; open_words[k]; k++)
        if (!strcmp(last, open_words[k])) return false;
    return true;
}

/* A subject in sentence case wraps onto lines that open in lower case
 * ("… tại buổi làm việc" / "với Phòng …"); a line that opens in capitals
 * and closes a sentence is the body's first paragraph. */
static bool opens_body_sentence(const header_state *h, str_view v, str_view cell) {
    if (h->subject_upper || !v.len || !cell.len) return false;
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(v.s, i, (int32_t)(v.len < 8 ? v.len : 8), c);
    if (c < 0 || !u_isupper(c)) return false;
    return strchr(".:;", cell.s[cell.len - 1]) || v.len > 200;
}

/* The title block, line by line: the type, the subject ("trích yếu") under
 * it, and any area the cells before it did not hold. */
static vb_status read_title_line(vb_segmenter *sg, vb_arena *a, vb_doc *d, header_state *h, str_view line) {
    vb_status st = VB_OK;
    str_view cells[8];
    size_t nc = split_cells(line, cells, 8);
    bool consumed_subject = false;
    for (size_t c = 0; c < nc && st == VB_OK; c++) {
        str_view cell = trim(cells[c], " *#");
        if (!cell.len) continue;
        if (match(sg, HR_MOTTO, cell)) {
            h->motto = true;
            h->subject_open = h->recipients_open = false;
        } else if (match(sg, HR_SEPARATOR, cell)) {
            continue;
        } else if (!h->number_line && match(sg, HR_NUMBER, cell)) {
            h->number_line = h->issuer_done = true;
            h->subject_open = false;
            str_view rest = group(sg, HR_NUMBER, cell, "num");
            st = read_number(a, d, cell, rest);
        } else if (!h->place_line && match(sg, HR_PLACE_DATE, cell)) {
            h->place_line = h->issuer_done = true;
            h->subject_open = h->recipients_open = false;
            st = read_place_date(sg, a, d, cell, HR_PLACE_DATE);
        } else if (match(sg, HR_RECIPIENT, cell)) {
            h->recipients = h->recipients_open = true;
            h->subject_open = false;
            st = add_recipient(a, d, group(sg, HR_RECIPIENT, cell, "rest"));
        } else if (h->recipients_open && strchr("-+", cell.s[0])) {
            st = add_recipient(a, d, cell);
        } else if (!h->title && !match(sg, HR_TITLE, cell) && folded_title(sg, cell)) {
            const vb_doctype *t = folded_title(sg, cell);
            h->title = h->issuer_done = h->subject_open = true;
            d->header.doc_type = (char *)t->name;
            d->header.doc_type_code = (char *)t->code;
        } else if (!h->title && match(sg, HR_TITLE, cell)) {
            h->title = h->issuer_done = true;
            str_view type = group(sg, HR_TITLE, cell, "type");
            const vb_doctype *t = vb_doctype_by_name(type.s, type.len);
            if (t) {
                d->header.doc_type = (char *)t->name;
                d->header.doc_type_code = (char *)t->code;
            }
            str_view rest = trim(group(sg, HR_TITLE, cell, "rest"), " .");
            if (rest.len && !vb_is_upper_text(rest.s, rest.len) && rest.s[0] >= 'a' && rest.s[0] <= 'z') {
                /* "KẾ HOẠCH thực hiện …": a lower-case subject line joined to the title */
                d->header.subject =
                    vb_arena_printf(a, "%c%.*s", rest.s[0] - 32, (int)rest.len - 1, rest.s + 1);
                d->header.subject_span = rel_span(d, rest);
                h->subject_upper = false;
            } else if (rest.len) {
                d->header.subject = vb_sentence_case(a, rest.s, rest.len, VB_CASE_SENTENCE);
                h->subject_upper = vb_is_upper_text(rest.s, rest.len);
                d->header.subject_span = rel_span(d, rest);
            }
            h->subject_open = true;
        } else if (!h->title && !h->vv && match(sg, HR_VV, cell) && (h->number_line || h->n_bodies)) {
            st = read_vv(sg, a, d, h, cell);
            consumed_subject = true;
        } else if (h->subject_open && match(sg, HR_ATTACHED, cell)) {
            h->subject_open = false; /* "(Ban hành kèm theo …)" closes the title block */
        } else if (h->subject_open && !consumed_subject && !h->vv &&
                   (!d->header.subject || h->subject_upper == vb_is_upper_text(cell.s, cell.len))) {
            /* title continuation lines: the subject ("trích yếu"), all in
             * the case of its first line (a signing authority line such
             * as "CỤC TRƯỞNG …" is not part of it); a long paragraph
             * after a subject is the body's first */
            str_view v = trim(cell, " .");
            if (d->header.subject &&
                (ends_authority(sg, d->header.subject, v) ||
                 (v.len > 240 && strchr(".:;", cell.s[cell.len - 1])) || opens_body_sentence(h, v, cell))) {
                h->subject_open = false;
                continue;
            }
            if (!d->header.subject) {
                h->subject_upper = vb_is_upper_text(v.s, v.len);
                /* "V/v" is a letter's label, not the subject's word */
                if (v.len > 4 && (v.s[0] == 'V' || v.s[0] == 'v') && v.s[1] == '/' &&
                    (v.s[2] == 'v' || v.s[2] == 'V')) {
                    v = trim((str_view){v.s + 3, v.len - 3}, " :");
                    d->header.subject_span = rel_span(d, v);
                    st = set_subject(a, d, v);
                    continue;
                }
            }
            char *cased = vb_sentence_case(a, v.s, v.len, VB_CASE_SENTENCE);
            if (!cased) return VB_E_NOMEM;
            if (d->header.subject && h->subject_upper) {
                /* capitals wrapped over lines are cased as one sentence: the
                 * next line's first word is not a sentence's first */
                d->header.subject_span.end = rel_span(d, v).end;
                vb_span sp = d->header.subject_span;
                char *flat = vb_squash_space(a, d->text + sp.start, sp.end - sp.start);
                d->header.subject = flat ? vb_sentence_case(a, flat, strlen(flat), VB_CASE_SENTENCE) : NULL;
            } else if (d->header.subject) {
                d->header.subject = vb_arena_printf(a, "%s %s", d->header.subject, cased);
                d->header.subject_span.end = rel_span(d, v).end;
            } else {
                d->header.subject = cased;
                d->header.subject_span = rel_span(d, v);
            }
            if (!d->header.subject) st = VB_E_NOMEM;
            if (v.len && strchr(".", cell.s[cell.len - 1])) h->subject_open = false;
        } else if (!h->issuer_done && !match(sg, HR_SIGN_TITLE, cell) && vb_is_upper_text(cell.s, cell.len)) {
            st = add_body_line(a, d, h, cell, match(sg, HR_ORG, cell));
        }
    }
    return st;
}

/* "Phụ lục II" / its title in capitals / "(Kèm theo Nghị định số …)": an
 * appendix published on its own; the title is its subject.  Returns the
 * line after the block, or `from` when the document does not open so. */
static size_t read_appendix(vb_segmenter *sg, vb_arena *a, vb_doc *d, const vb_text_line *lines,
                            size_t n_lines, size_t from, header_state *h, vb_status *st) {
    if (from >= n_lines || !match(sg, HR_APPENDIX, trim(doc_line(d, &lines[from]), " *#"))) return from;
    size_t i = from + 1, first = i;
    while (i < n_lines && i < from + 6) {
        str_view line = trim(doc_line(d, &lines[i]), " *#");
        if (!line.len || !vb_is_upper_text(line.s, line.len) || match(sg, HR_ATTACHED, line) ||
            vb_list_label_len(line.s, line.len))
            break;
        i++;
    }
    if (i == first) return from;
    h->appendix = true;
    str_view title = {d->text + lines[first].start, lines[i - 1].end - lines[first].start};
    char *flat = vb_squash_space(a, title.s, title.len);
    d->header.subject = flat ? vb_sentence_case(a, flat, strlen(flat), VB_CASE_SENTENCE) : NULL;
    d->header.subject_span = rel_span(d, title);
    if (!d->header.subject) *st = VB_E_NOMEM;
    if (i < n_lines && match(sg, HR_ATTACHED, trim(doc_line(d, &lines[i]), " *#"))) i++;
    return i;
}

/* A template's blank: dots and ellipses ("Về việc ……….5 ………") hold the
 * place of the words, which are not there. */
static bool is_placeholder(const char *s) {
    size_t dots = 0, letters = 0;
    for (const char *p = s; *p; p++) {
        if (*p == '.')
            dots++;
        else if (!strncmp(p, "…", strlen("…")))
            dots += 3, p += strlen("…") - 1;
        else if ((unsigned char)*p >= 0x80 || (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'))
            letters++;
    }
    return dots >= 6 && dots * 2 >= letters;
}

/* "Điều 2. Quyết định này có hiệu lực …": a body's article read where the
 * title block lost its type line, never a subject. */
static bool opens_article(const char *s) {
    static const char label[] = "Điều ";
    if (strncmp(s, label, sizeof label - 1)) return false;
    const char *p = s + sizeof label - 1;
    if (*p < '0' || *p > '9') return false;
    while (*p >= '0' && *p <= '9') p++;
    return *p == '.' || *p == ':';
}

/* The issuer an old title names after "CỦA": a signing title before a
 * body is the body's head ("BỘ TRƯỞNG BỘ TÀI CHÍNH" → the ministry); an
 * organ with its body ("THỦ TƯỚNG CHÍNH PHỦ") is the whole name. */
static char *issuer_of(vb_segmenter *sg, vb_arena *a, str_view by) {
    char *flat = vb_squash_space(a, by.s, by.len);
    if (!flat) return NULL;
    str_view v = {flat, strlen(flat)};
    bool organ = false;
    for (const char *q = strchr(flat, ' '); q && !organ; q = strchr(q + 1, ' '))
        organ = is_organ((str_view){flat, (size_t)(q - flat)});
    if (!organ && match(sg, HR_SIGN_TITLE, v)) {
        const size_t *ov = pcre2_get_ovector_pointer(sg->rules.md);
        str_view rest = trim((str_view){flat + ov[1], v.len - ov[1]}, " ");
        if (rest.len && is_org(sg, rest)) v = rest;
    }
    return vb_sentence_case(a, v.s, v.len, VB_CASE_ORG);
}

/* An old title's run of capitals after the type ("CỦA … SỐ … NGÀY … VỀ
 * …", title_of.h), from `from` in line i over the lines in capitals that
 * follow: its parts fill what the header has not.  Returns the last line
 * of the run, or i when the title is not in that form. */
static size_t read_title_of(vb_segmenter *sg, vb_arena *a, vb_doc *d, header_state *h,
                            const vb_text_line *lines, size_t n_lines, size_t i, const char *from,
                            vb_status *st) {
    size_t last = i;
    const char *end = d->text + lines[i].end;
    while (from < end && *from == ' ') from++;
    if (from == end && i + 1 < n_lines) { /* the type alone on its line */
        from = d->text + lines[i + 1].start;
        end = d->text + lines[i + 1].end;
        last = i + 1;
    }
    str_view head = {from, (size_t)(end - from)};
    if (!head.len || !vb_is_upper_text(head.s, head.len) ||
        (strncmp(from, "CỦA ", strlen("CỦA ")) && strncmp(from, "SỐ ", strlen("SỐ "))))
        return i;
    for (size_t k = last + 1; k < n_lines && k < last + 6; k++) {
        str_view line = trim(doc_line(d, &lines[k]), " *#");
        if (!line.len || !vb_is_upper_text(line.s, line.len) || match(sg, HR_AUTHORITY, line) ||
            is_title_line(sg, line) || match(sg, HR_MOTTO, line))
            break;
        end = d->text + lines[k].end;
        last = k;
    }
    vb_title_of_parts p;
    if (!vb_title_of_parse(sg->title_of, from, (size_t)(end - from), &p)) return i;
    str_view run = {from, (size_t)(end - from)};
    if (p.num_e > p.num_s && !d->header.number) {
        h->number_line = true;
        *st = read_number(a, d, run, (str_view){from + p.num_s, p.num_e - p.num_s});
    }
    if (*st == VB_OK && p.y && !d->header.date) {
        d->header.date = iso_date(a, p.d, p.m, p.y);
        d->header.date_span = rel_span(d, run);
    }
    if (*st == VB_OK && !d->header.issuer && !h->n_bodies) {
        d->header.issuer = issuer_of(sg, a, (str_view){from + p.by_s, p.by_e - p.by_s});
        d->header.issuer_span = rel_span(d, (str_view){from + p.by_s, p.by_e - p.by_s});
        if (!d->header.issuer) *st = VB_E_NOMEM;
    }
    /* what the type line took for the subject ("CỦA …") is not one */
    d->header.subject = NULL;
    h->subject_open = true;
    h->issuer_done = true;
    if (*st == VB_OK && p.subj_e > p.subj_s) {
        str_view subj = trim((str_view){from + p.subj_s, p.subj_e - p.subj_s}, " .\n");
        char *flat = vb_squash_space(a, subj.s, subj.len);
        d->header.subject = flat ? vb_sentence_case(a, flat, strlen(flat), VB_CASE_SENTENCE) : NULL;
        d->header.subject_span = rel_span(d, subj);
        h->subject_upper = true;
        h->subject_open = false;
        if (!d->header.subject) *st = VB_E_NOMEM;
    }
    return last;
}

static vb_status read_header(vb_segmenter *sg, vb_arena *a, vb_doc *d, const vb_text_line *lines,
                             size_t n_lines, size_t *body_from, header_state *h) {
    vb_status ast = VB_OK;
    size_t after = read_appendix(sg, a, d, lines, n_lines, 0, h, &ast);
    if (after > 0 || ast != VB_OK) {
        *body_from = after;
        return ast;
    }
    size_t start = header_start(sg, d, lines, n_lines);
    size_t limit = n_lines < start + 40 ? n_lines : start + 40;
    size_t i = start;
    for (; i < limit; i++) {
        str_view line = doc_line(d, &lines[i]);
        if (is_body_line(sg, line) || match(sg, HR_DISTRIB, line) || is_title_line(sg, line)) break;
    }
    vb_status st = VB_OK;
    if (i > start) st = read_zone_cells(sg, a, d, h, lines[start].start, lines[i - 1].end);
    for (; i < limit && st == VB_OK; i++) {
        str_view line = doc_line(d, &lines[i]);
        if (is_body_line(sg, line) || match(sg, HR_DISTRIB, line)) break;
        bool had_title = h->title;
        st = read_title_line(sg, a, d, h, line);
        str_view cell = trim(line, " *#");
        if (st == VB_OK && !had_title && h->title && match(sg, HR_TITLE, cell)) {
            str_view rest = group(sg, HR_TITLE, cell, "rest");
            i = read_title_of(sg, a, d, h, lines, n_lines, i, rest.s, &st);
        }
    }
    *body_from = i;
    if (d->header.subject && (is_placeholder(d->header.subject) || opens_article(d->header.subject)))
        d->header.subject = NULL;
    if (st == VB_OK) st = assemble_issuer(a, d, h);
    return st;
}

/* ---- kind and article header ------------------------------------------------ */

typedef struct {
    str_view lvl, name;
    int count;
} body_count;

static vb_status read_article(vb_segmenter *sg, vb_arena *a, vb_doc *d) {
    str_view all = {d->text, d->text_len};
    /* the body the article is about: the most often named "UBND <level> <Name>" */
    body_count seen[16];
    size_t n_seen = 0, pos = 0;
    const size_t *ov;
    while (pos < all.len && vb_rule_match(&sg->rules, HR_AREA_BODY, all.s, all.len, pos, &ov, NULL)) {
        str_view lvl = group(sg, HR_AREA_BODY, all, "lvl"), name = group(sg, HR_AREA_BODY, all, "name");
        size_t k = 0;
        for (; k < n_seen; k++)
            if (seen[k].name.len == name.len && !memcmp(seen[k].name.s, name.s, name.len)) break;
        if (k == n_seen && n_seen < 16) seen[n_seen++] = (body_count){lvl, name, 0};
        if (k < n_seen) seen[k].count++;
        pos = ov[1] > pos ? ov[1] : pos + 1;
    }
    size_t best = 0;
    for (size_t k = 1; k < n_seen; k++)
        if (seen[k].count > seen[best].count) best = k;
    if (n_seen) {
        char *lvl = vb_sentence_case(a, seen[best].lvl.s, seen[best].lvl.len, VB_CASE_SENTENCE);
        if (!lvl) return VB_E_NOMEM;
        if (lvl[0] >= 'A' && lvl[0] <= 'Z') lvl[0] = (char)(lvl[0] + 32);
        d->header.issuer = vb_arena_printf(a, "Ủy ban nhân dân %.*s %.*s", (int)seen[best].lvl.len,
                                           seen[best].lvl.s, (int)seen[best].name.len, seen[best].name.s);
        d->header.issuer_span = rel_span(d, seen[best].name);
        if (!d->header.issuer) return VB_E_NOMEM;
    }
    /* publication date metadata */
    if (vb_rule_match(&sg->rules, HR_ARTICLE_DATE, all.s, all.len < 400 ? all.len : 400, 0, NULL, NULL)) {
        str_view iso = group(sg, HR_ARTICLE_DATE, all, "iso");
        if (iso.len) {
            d->header.date = vb_arena_strndup(a, iso.s, iso.len);
        } else {
            d->header.date = iso_date(a, to_int(group(sg, HR_ARTICLE_DATE, all, "d")),
                                      to_int(group(sg, HR_ARTICLE_DATE, all, "m")),
                                      to_int(group(sg, HR_ARTICLE_DATE, all, "y")));
        }
    }
    return VB_OK;
}

/* When the header block is missing, the plan names its issuer in its first
 * sentence: "Ủy ban nhân dân Quận 1 xây dựng kế hoạch …". */
static vb_status issuer_from_opening(vb_segmenter *sg, vb_arena *a, vb_doc *d, const vb_text_line *lines,
                                     size_t from, size_t n_lines) {
    for (size_t i = from; i < n_lines && i < from + 4; i++) {
        str_view line = {d->text + lines[i].start, lines[i].end - lines[i].start};
        if (!vb_rule_match(&sg->rules, HR_AREA_BODY, line.s, line.len, 0, NULL, NULL)) continue;
        size_t s, e;
        if (!vb_rule_group(&sg->rules, HR_AREA_BODY, "name", &s, &e)) continue;
        const size_t *ov = pcre2_get_ovector_pointer(sg->rules.md);
        if (ov[0] > 3) continue; /* must open the sentence */
        const char *rest = line.s + e;
        if (strncmp(rest, " xây dựng", strlen(" xây dựng")) &&
            strncmp(rest, " ban hành", strlen(" ban hành")))
            continue;
        str_view body = {line.s + ov[0], e - ov[0]};
        d->header.issuer = vb_arena_strndup(a, body.s, body.len);
        d->header.issuer_span = rel_span(d, body);
        return d->header.issuer ? VB_OK : VB_E_NOMEM;
    }
    return VB_OK;
}

/* ---- one document -------------------------------------------------------------- */

/* The document of lines lr into *out; `attached` when a document comes
 * before it in the file. */
static vb_status build_document(vb_segmenter *sg, const vb_normtext *t, vb_line_range lr, bool attached,
                                vb_arena *a, vb_doc *out) {
    vb_doc d = {0};
    size_t base = t->lines[lr.first].start, end = t->lines[lr.last - 1].end;
    d.base = base;
    /* a document ending at the text's NUL, or at one end_documents wrote,
     * shares the text (in r's arena, see segment.h) instead of copying it */
    d.text = end == t->len || t->text[end] == '\0' ? t->text + base
                                                   : vb_arena_strndup(a, t->text + base, end - base);
    d.text_len = end - base;
    if (!d.text || vb_doc_index(a, &d)) return VB_E_NOMEM;
    size_t n = lr.last - lr.first;
    vb_text_line *lines = vb_arena_alloc(a, n * sizeof *lines);
    if (!lines) return VB_E_NOMEM;
    for (size_t i = 0; i < n; i++)
        lines[i] = (vb_text_line){t->lines[lr.first + i].start - base, t->lines[lr.first + i].end - base};

    header_state h = {0};
    size_t body_from = 0, body_to = n;
    vb_status st = read_header(sg, a, &d, lines, n, &body_from, &h);
    if (st == VB_OK) st = vb_read_closing(sg, a, &d, lines, n, body_from, &body_to, &h.distribution);
    if (st != VB_OK) return st;
    /* a body, a number or a type title make a directive; a motto, a place
     * and date or a Kính gửi alone head a citizen's form or petition */
    bool framed = h.motto || h.place_line || h.distribution || d.header.signer;
    bool official = h.n_bodies || h.number_line || h.vv || h.appendix || (h.title && (framed || attached)) ||
                    (h.distribution && (h.motto || h.place_line));
    /* a report's voice in its opening (a byline, "… vừa ban hành …")
     * outweighs a place and date read out of its running text */
    bool news =
        !official && !h.motto &&
        vb_rule_match(&sg->rules, HR_NEWS, d.text, d.text_len < 800 ? d.text_len : 800, 0, NULL, NULL);
    bool form = !official && !news && (h.motto || h.place_line || h.recipients || h.distribution || h.title);
    if (form) {
        d.kind = VB_KIND_UNKNOWN;
        d.header.subject = NULL;
    } else if (official) {
        d.kind = VB_KIND_OFFICIAL;
        if (!d.header.doc_type && (h.vv || h.recipients) && (h.n_bodies || h.number_line))
            d.header.doc_type = "Công văn";
        if (!d.header.issuer) st = issuer_from_opening(sg, a, &d, lines, body_from, n);
        if (st == VB_OK && !d.header.number && !h.number_line && d.header.doc_type_code) {
            vb_span sp = {0, lines[0].end};
            if (vb_doc_warn(a, &d, "W_NO_NUMBER", &sp, "the header carries no \"Số:\" line"))
                return VB_E_NOMEM;
        }
    } else {
        str_view all = {d.text, d.text_len};
        bool caption = match(sg, HR_CAPTION, all);
        bool meta =
            vb_rule_match(&sg->rules, HR_ARTICLE_DATE, all.s, all.len < 400 ? all.len : 400, 0, NULL, NULL);
        bool body = vb_rule_match(&sg->rules, HR_AREA_BODY, all.s, all.len, 0, NULL, NULL);
        d.kind = (caption || meta || body || news) ? VB_KIND_ARTICLE : VB_KIND_UNKNOWN;
        if (news) d.header.place = NULL, d.header.date = NULL; /* read out of a sentence */
        if (d.kind == VB_KIND_ARTICLE) st = read_article(sg, a, &d);
        body_from = 0;
    }
    if (st == VB_OK) st = vb_sections_build(a, &d, lines, body_from, body_to);
    if (st != VB_OK) return st;
    *out = d;
    return VB_OK;
}

/* A document attached to the one before it (the plan a decision
 * promulgates, an appendix) that prints no header of its own is issued by
 * the same body on the same day.  The values are copied into d's arena:
 * a document converted on its own outlives the one before it. */
static char *copy_or_null(vb_arena *a, const char *s) { return s ? vb_arena_strdup(a, s) : NULL; }

static vb_status inherit_header(vb_arena *a, vb_doc *d, const vb_doc *prev) {
    if (d->kind != VB_KIND_OFFICIAL || prev->kind != VB_KIND_OFFICIAL) return VB_OK;
    if (d->header.issuer || d->header.number) return VB_OK;
    vb_header *h = &d->header;
    const vb_header *p = &prev->header;
    if ((h->issuer = copy_or_null(a, p->issuer)) == NULL && p->issuer) return VB_E_NOMEM;
    if ((h->issuer_parent = copy_or_null(a, p->issuer_parent)) == NULL && p->issuer_parent) return VB_E_NOMEM;
    if (!h->date && (h->date = copy_or_null(a, p->date)) == NULL && p->date) return VB_E_NOMEM;
    return VB_OK;
}

/* A site's banner or metadata block, or a digital signature's stamp,
 * before the first document's header is not part of the document: its
 * dates and numbers are the page's, not the directive's. */
static vb_status drop_preamble(vb_segmenter *sg, vb_arena *a, const vb_normtext *t, vb_line_range *lr) {
    size_t n = lr->last - lr->first, limit = n < 60 ? n : 60;
    vb_text_line *lines = vb_arena_alloc(a, (limit ? limit : 1) * sizeof *lines);
    if (!lines) return VB_E_NOMEM;
    for (size_t i = 0; i < limit; i++)
        lines[i] = (vb_text_line){t->lines[lr->first + i].start, t->lines[lr->first + i].end};
    vb_doc whole = {.text = t->text, .text_len = t->len};
    size_t start = header_start(sg, &whole, lines, limit);
    if (start > 0 && start < n) lr->first += start;
    return VB_OK;
}

/* End each document's slice of the text with a NUL in place of the line
 * break after its last line, so that every document can share the text:
 * a copy of each would hold the file's text twice. */
static void end_documents(const vb_normtext *t, const vb_line_ranges *ranges) {
    for (size_t i = 0; i < ranges->len; i++) {
        size_t end = t->lines[ranges->items[i].last - 1].end;
        if (end < t->len && t->text[end] == '\n') t->text[end] = '\0';
    }
}

vb_status vb_segment_plan(vb_segmenter *sg, const vb_normtext *t, vb_result *r, vb_arena *a,
                          vb_line_ranges *out) {
    *out = (vb_line_ranges){0};
    if (!t->n_lines) return vb_result_error(r, VB_E_EMPTY, "%s: no text after normalisation", r->path);
    vb_status st = vb_find_documents(sg, a, t, out);
    if (st == VB_OK && out->len) st = drop_preamble(sg, a, t, &out->items[0]);
    if (st == VB_OK) end_documents(t, out);
    return st;
}

vb_status vb_segment_document(vb_segmenter *sg, const vb_normtext *t, vb_line_range lr, const vb_doc *prev,
                              vb_arena *a, vb_doc *out) {
    vb_status st = build_document(sg, t, lr, prev != NULL, a, out);
    if (st == VB_OK && prev) st = inherit_header(a, out, prev);
    return st;
}

vb_status vb_segment(vb_segmenter *sg, const vb_normtext *t, vb_result *r) {
    vb_line_ranges ranges;
    vb_status st = vb_segment_plan(sg, t, r, r->arena, &ranges);
    for (size_t i = 0; i < ranges.len && st == VB_OK; i++) {
        const vb_doc *prev = i ? &r->documents.items[i - 1] : NULL;
        vb_doc d;
        st = vb_segment_document(sg, t, ranges.items[i], prev, r->arena, &d);
        if (st == VB_OK && VB_PUSH(r->arena, r->documents, d)) st = VB_E_NOMEM;
    }
    return st;
}
