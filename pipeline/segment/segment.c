/* Segmenter: document boundaries, Decree 30 header, kind, sections. */
#include "segment.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/doctypes.h"
#include "../normalize/rejoin.h"
#include "casing.h"
#include "header_rules.h"
#include "sections.h"
#include "boundaries.h"
#include "segment_internal.h"
#include "signature.h"


vb_status vb_segmenter_open(vb_segmenter **out, char *err, size_t errlen) {
    vb_segmenter *s = calloc(1, sizeof *s);
    if (!s) return VB_E_NOMEM;
    vb_status st = vb_ruleset_compile(&s->rules, vb_header_rule_rows, HR_COUNT, err, errlen);
    if (st != VB_OK) {
        free(s);
        return st;
    }
    *out = s;
    return VB_OK;
}

void vb_segmenter_close(vb_segmenter *s) {
    if (!s) return;
    vb_ruleset_free(&s->rules);
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
    if (m > 12) return NULL;
    if (d < 1) return vb_arena_printf(a, "%04d-%02d", y, m);
    if (d > days_in_month(y, m)) return NULL;
    return vb_arena_printf(a, "%04d-%02d-%02d", y, m, d);
}

/* ---- header ---------------------------------------------------------------- */

typedef struct {
    str_view bodies[6];
    vb_span body_spans[6]; /* where each body's lines are in d->text (bodies may be joined copies) */
    size_t n_bodies;
    bool motto, title, vv, number_line, place_line, recipients, distribution;
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


static vb_status read_number(vb_segmenter *sg, vb_arena *a, vb_doc *d, str_view cell) {
    str_view num = trim(group(sg, HR_NUMBER, cell, "num"), " .");
    d->header.number_span = rel_span(d, cell);
    bool has_digit_before_slash = false;
    for (size_t i = 0; i < num.len && num.s[i] != '/'; i++)
        if (num.s[i] >= '0' && num.s[i] <= '9') has_digit_before_slash = true;
    if (!has_digit_before_slash) {
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
        if (num.s[i] != ' ') n[k++] = num.s[i];
    d->header.number = n;
    const vb_doctype *t = type_from_number((str_view){n, k});
    if (t && !d->header.doc_type) {
        d->header.doc_type = (char *)t->name;
        d->header.doc_type_code = (char *)t->code;
    }
    return VB_OK;
}

static vb_status read_place_date(vb_segmenter *sg, vb_arena *a, vb_doc *d, str_view cell) {
    str_view place = trim(group(sg, HR_PLACE_DATE, cell, "place"), " ");
    int dd = to_int(group(sg, HR_PLACE_DATE, cell, "d"));
    int mm = to_int(group(sg, HR_PLACE_DATE, cell, "m"));
    int yy = to_int(group(sg, HR_PLACE_DATE, cell, "y"));
    d->header.place = vb_sentence_case(a, place.s, place.len, VB_CASE_SENTENCE);
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

static vb_status read_header(vb_segmenter *sg, vb_arena *a, vb_doc *d, const vb_text_line *lines,
                             size_t n_lines, size_t *body_from, header_state *h) {
    vb_status st = VB_OK;
    size_t i = 0, limit = n_lines < 40 ? n_lines : 40;
    bool subject_open = false, recipients_open = false, issuer_done = false, subject_upper = false;
    for (; i < limit && st == VB_OK; i++) {
        str_view line = {d->text + lines[i].start, lines[i].end - lines[i].start};
        if (is_body_line(sg, line) || match(sg, HR_DISTRIB, line)) break;
        str_view cells[8];
        size_t nc = split_cells(line, cells, 8);
        bool consumed_subject = false;
        for (size_t c = 0; c < nc && st == VB_OK; c++) {
            str_view cell = trim(cells[c], " ");
            if (match(sg, HR_MOTTO, cell)) {
                h->motto = true;
                subject_open = recipients_open = false;
            } else if (match(sg, HR_SEPARATOR, cell)) {
                continue;
            } else if (!h->number_line && match(sg, HR_NUMBER, cell)) {
                h->number_line = true;
                issuer_done = true;
                subject_open = false;
                st = read_number(sg, a, d, cell);
            } else if (!h->place_line && match(sg, HR_PLACE_DATE, cell)) {
                h->place_line = true;
                issuer_done = true;
                subject_open = recipients_open = false;
                st = read_place_date(sg, a, d, cell);
            } else if (match(sg, HR_RECIPIENT, cell)) {
                h->recipients = recipients_open = true;
                subject_open = false;
                str_view rest = strip_item(group(sg, HR_RECIPIENT, cell, "rest"));
                if (rest.len) {
                    char *r = vb_arena_strndup(a, rest.s, rest.len);
                    if (!r || VB_PUSH(a, d->header.recipients, r)) st = VB_E_NOMEM;
                }
            } else if (recipients_open && strchr("-+", cell.s[0])) {
                str_view it = strip_item(cell);
                char *r = it.len ? vb_arena_strndup(a, it.s, it.len) : NULL;
                if (it.len && (!r || VB_PUSH(a, d->header.recipients, r))) st = VB_E_NOMEM;
            } else if (!h->title && match(sg, HR_TITLE, cell)) {
                h->title = true;
                issuer_done = true;
                str_view type = group(sg, HR_TITLE, cell, "type");
                const vb_doctype *t = vb_doctype_by_name(type.s, type.len);
                if (t) {
                    d->header.doc_type = (char *)t->name;
                    d->header.doc_type_code = (char *)t->code;
                }
                str_view rest = trim(group(sg, HR_TITLE, cell, "rest"), " .");
                if (rest.len && !vb_is_upper_text(rest.s, rest.len) && rest.s[0] >= 'a' && rest.s[0] <= 'z') {
                    /* "KẾ HOẠCH thực hiện …": a lower-case subject line joined to the title */
                    d->header.subject = vb_arena_printf(a, "%c%.*s", rest.s[0] - 32, (int)rest.len - 1, rest.s + 1);
                    d->header.subject_span = rel_span(d, rest);
                    subject_upper = false;
                } else if (rest.len) {
                    d->header.subject = vb_sentence_case(a, rest.s, rest.len, VB_CASE_SENTENCE);
                    subject_upper = vb_is_upper_text(rest.s, rest.len);
                    d->header.subject_span = rel_span(d, rest);
                }
                subject_open = true;
            } else if (!h->title && !h->vv && match(sg, HR_VV, cell) && (h->number_line || h->n_bodies)) {
                h->vv = true;
                str_view whole = trim(cell, " .");
                str_view rest = trim(group(sg, HR_VV, cell, "rest"), " .");
                /* "Về …" keeps its word; "V/v" and "Về việc" are labels */
                str_view subj = (whole.len > 3 && (whole.s[0] == 'V' || whole.s[0] == 'v') && whole.s[1] == '/') ||
                                        !strncmp(whole.s, "Về việc", strlen("Về việc"))
                                    ? rest
                                    : whole;
                if (subj.len && subj.s[0] >= 'a' && subj.s[0] <= 'z') {
                    d->header.subject = vb_arena_printf(a, "%c%.*s", subj.s[0] - 32, (int)subj.len - 1, subj.s + 1);
                } else {
                    d->header.subject = vb_arena_strndup(a, subj.s, subj.len);
                }
                d->header.subject_span = rel_span(d, subj);
                if (!d->header.subject) st = VB_E_NOMEM;
                consumed_subject = true;
            } else if (subject_open && match(sg, HR_ATTACHED, cell)) {
                subject_open = false; /* "(Ban hành kèm theo …)" closes the title block */
            } else if (subject_open && !consumed_subject && !h->vv &&
                       (!d->header.subject || subject_upper == vb_is_upper_text(cell.s, cell.len))) {
                /* title continuation lines: the subject ("trích yếu"), all in
                 * the case of its first line (a signing authority line such
                 * as "CỤC TRƯỞNG …" is not part of it) */
                str_view v = trim(cell, " .");
                if (!d->header.subject) subject_upper = vb_is_upper_text(v.s, v.len);
                char *cased = vb_sentence_case(a, v.s, v.len, VB_CASE_SENTENCE);
                if (!cased) return VB_E_NOMEM;
                if (d->header.subject) {
                    d->header.subject = vb_arena_printf(a, "%s %s", d->header.subject, cased);
                    d->header.subject_span.end = rel_span(d, v).end;
                } else {
                    d->header.subject = cased;
                    d->header.subject_span = rel_span(d, v);
                }
                if (!d->header.subject) st = VB_E_NOMEM;
                if (v.len && strchr(".", cell.s[cell.len - 1])) subject_open = false;
            } else if (!issuer_done && !match(sg, HR_SIGN_TITLE, cell) &&
                       vb_is_upper_text(cell.s, cell.len)) {
                st = add_body_line(a, d, h, cell, match(sg, HR_ORG, cell));
            }
        }
    }
    *body_from = i;
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
static vb_status issuer_from_opening(vb_segmenter *sg, vb_arena *a, vb_doc *d,
                                     const vb_text_line *lines, size_t from, size_t n_lines) {
    for (size_t i = from; i < n_lines && i < from + 4; i++) {
        str_view line = {d->text + lines[i].start, lines[i].end - lines[i].start};
        if (!vb_rule_match(&sg->rules, HR_AREA_BODY, line.s, line.len, 0, NULL, NULL)) continue;
        size_t s, e;
        if (!vb_rule_group(&sg->rules, HR_AREA_BODY, "name", &s, &e)) continue;
        const size_t *ov = pcre2_get_ovector_pointer(sg->rules.md);
        if (ov[0] > 3) continue; /* must open the sentence */
        const char *rest = line.s + e;
        if (strncmp(rest, " xây dựng", strlen(" xây dựng")) && strncmp(rest, " ban hành", strlen(" ban hành")))
            continue;
        str_view body = {line.s + ov[0], e - ov[0]};
        d->header.issuer = vb_arena_strndup(a, body.s, body.len);
        d->header.issuer_span = rel_span(d, body);
        return d->header.issuer ? VB_OK : VB_E_NOMEM;
    }
    return VB_OK;
}

/* ---- one document -------------------------------------------------------------- */

static vb_status build_document(vb_segmenter *sg, const vb_normtext *t, vb_line_range lr, vb_result *r) {
    vb_arena *a = r->arena;
    vb_doc d = {0};
    size_t base = t->lines[lr.first].start, end = t->lines[lr.last - 1].end;
    d.base = base;
    /* a document that runs to the end of the text ends at its NUL: it shares
     * the text (in r's arena, see segment.h) instead of copying it */
    d.text = end == t->len ? t->text + base : vb_arena_strndup(a, t->text + base, end - base);
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
    bool official = h.motto || h.number_line || h.place_line || h.title || h.recipients || h.distribution;
    if (official) {
        d.kind = VB_KIND_OFFICIAL;
        if (!d.header.doc_type && (h.vv || h.recipients)) d.header.doc_type = "Công văn";
        if (!d.header.issuer) st = issuer_from_opening(sg, a, &d, lines, body_from, n);
        if (st == VB_OK && !d.header.number && !h.number_line && d.header.doc_type_code) {
            vb_span sp = {0, lines[0].end};
            if (vb_doc_warn(a, &d, "W_NO_NUMBER", &sp, "the header carries no \"Số:\" line"))
                return VB_E_NOMEM;
        }
    } else {
        str_view all = {d.text, d.text_len};
        bool caption = match(sg, HR_CAPTION, all);
        bool meta = vb_rule_match(&sg->rules, HR_ARTICLE_DATE, all.s, all.len < 400 ? all.len : 400, 0, NULL, NULL);
        bool body = vb_rule_match(&sg->rules, HR_AREA_BODY, all.s, all.len, 0, NULL, NULL);
        d.kind = (caption || meta || body) ? VB_KIND_ARTICLE : VB_KIND_UNKNOWN;
        if (d.kind == VB_KIND_ARTICLE) st = read_article(sg, a, &d);
        body_from = 0;
    }
    if (st == VB_OK) st = vb_sections_build(a, &d, lines, body_from, body_to);
    if (st != VB_OK) return st;
    return VB_PUSH(a, r->documents, d) ? VB_E_NOMEM : VB_OK;
}

vb_status vb_segment(vb_segmenter *sg, const vb_normtext *t, vb_result *r) {
    if (!t->n_lines) return vb_result_error(r, VB_E_EMPTY, "%s: no text after normalisation", r->path);
    vb_line_range ranges[64];
    size_t n = vb_find_documents(sg, t, ranges, 64);
    for (size_t i = 0; i < n; i++) {
        vb_status st = build_document(sg, t, ranges[i], r);
        if (st != VB_OK) return st;
    }
    return VB_OK;
}
