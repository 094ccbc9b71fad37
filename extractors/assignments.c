/* assignments.c — who is given which tasks.
 *
 * 1. Find the responsibilities section: a heading whose title is in
 *    section_rows ("PHÂN CÔNG THỰC HIỆN", "TỔ CHỨC THỰC HIỆN", "TRÁCH
 *    NHIỆM"…).  When several qualify, the one holding the most unit headings
 *    wins (a plan often has both "III. PHÂN CÔNG" with units and a short "V.
 *    TỔ CHỨC THỰC HIỆN" paragraph).
 * 2. Each unit heading inside it ("1. Sở Y tế", "8. Đề nghị Ủy ban Mặt trận …:")
 *    owns the lines up to the next heading of its rank or the next unit: the
 *    words after its colon are one task, then every bullet, sub-item or
 *    paragraph is one task.  A paragraph starting in lowercase continues the
 *    previous task (a sentence split by a page break); a line ending in ':'
 *    that introduces sub-items is a lead-in, not a task.
 * 3. A section without unit headings is read paragraph by paragraph: one that
 *    opens with a unit as its subject ("Hiệu trưởng các cơ sở … tăng cường …")
 *    is that unit's single task.
 * Roles: "Đề nghị …" → requested; a unit whose tasks say it presides over the
 * whole plan (role_rows) → lead; otherwise assigned. */
#include "assignments.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assign_outline.h"
#include "assign_units.h"
#include "rules.h"

/* Titles of a responsibilities section; the tag breaks ties between
 * sections holding no unit headings (higher wins). */
static const vb_rule_row section_rows[] = {
    {"assignment", "\\G\\W*(?:PHÂN CÔNG|GIAO NHIỆM VỤ)", 2, NULL, 0},
    {"organisation", "\\G\\W*(?:TỔ CHỨC THỰC HIỆN|TRIỂN KHAI THỰC HIỆN)\\b", 1, NULL, 0},
    {"responsibility", "\\G\\W*(?:TRÁCH NHIỆM|NHIỆM VỤ (?:CỤ THỂ )?CỦA CÁC)", 1, NULL, 0},
};

/* A unit that presides over the whole plan.  A row's value, when set, is
 * an ASCII word every match of the row holds (see role_gate). */
static const vb_rule_row role_rows[] = {
    {"standing_body", "(?:\\G|\\(|\\b(?:là|làm)\\s+)cơ quan (?:thường trực|đầu mối)\\b", VB_ROLE_LEAD,
     "quan ", 0},
    {"presides_plan",
     "\\bchủ trì[^.;\\n]{0,160}?\\b(?:triển khai|tổ chức)(?: thực hiện)?\\s+(?:Kế hoạch|"
     "Chương trình|Đề án)(?:\\s+này)?\\s*(?:[.;,]|\\z)",
     VB_ROLE_LEAD, NULL, 0},
    {"assists_issuer",
     "\\bgiúp (?:Ủy ban nhân dân|UBND|Ban Chỉ đạo)[^.;\\n]{0,60}?\\b(?:theo dõi|đôn đốc)", VB_ROLE_LEAD,
     NULL, 0},
};

enum { L_CLOSING, L_CLOSING_END, L_CONTINUATION, L_COUNT };

static const vb_rule_row line_rows[] = {
    /* the end of the plan's body: nothing after it is a task */
    [L_CLOSING] = {"closing",
                   "\\G\\W*(?:Trên đây|Nơi nhận|KT\\.|TM\\.|Q\\.|TL\\.|Yêu cầu (?:các|Thủ "
                   "trưởng))",
                   0, NULL, VB_RULE_CASED},
    [L_CLOSING_END] = {"closing_end", "\\./\\.\\W*\\z", 0, NULL, 0},
    [L_CONTINUATION] = {"continuation", "\\G\\p{Ll}", 0, NULL, VB_RULE_CASED},
};

/* A role row "(?:\G|X|Y)Z" matches somewhere in [start, end) iff
 * "\G(?:(?:\G|X|Y)Z)" matches at start (auto-anchored: one try) or
 * "(?:X|Y)Z" matches somewhere: \G holds only at the start offset, so a
 * match at a later position used X or Y, and X or Y then Z is a match of the
 * row wherever it is found.  The row alone gets no start optimisation (its
 * \G alternative may begin anywhere, so PCRE2 tries every position); the
 * pair does.  Both are derived from the row text at open, so they cannot
 * drift from it; rows without a leading "(?:\G|" are matched as they are. */
static const char role_g_prefix[] = "(?:\\G|";

enum { ROLE_MAX = sizeof role_rows / sizeof role_rows[0] };

typedef struct {
    pcre2_code *at_start; /* \G(?:row) */
    pcre2_code *later;    /* the row without its \G alternative */
} role_split;

struct vb_assignments_rules {
    vb_ruleset sections, roles, lines;
    role_split split[ROLE_MAX];
    vb_unit_rules *units;
};

static vb_status split_role(role_split *sp, const vb_rule_row *row, char *err, size_t errlen) {
    size_t n = strlen(row->pattern), k = sizeof role_g_prefix - 1;
    if (n < k || memcmp(row->pattern, role_g_prefix, k) != 0) return VB_OK;
    char *a = malloc(n + 8), *b = malloc(n + 1);
    if (!a || !b) {
        free(a);
        free(b);
        return VB_E_NOMEM;
    }
    snprintf(a, n + 8, "\\G(?:%s)", row->pattern);
    snprintf(b, n + 1, "(?:%s", row->pattern + k);
    sp->at_start = vb_rule_compile_one(a, row->flags, err, errlen);
    sp->later = sp->at_start ? vb_rule_compile_one(b, row->flags, err, errlen) : NULL;
    free(a);
    free(b);
    return sp->later ? VB_OK : VB_E_REGEX;
}

vb_status vb_assignments_open(vb_assignments_rules **out, char *err, size_t errlen) {
    vb_assignments_rules *x = calloc(1, sizeof *x);
    if (!x) return VB_E_NOMEM;
#define N(rows) (sizeof rows / sizeof rows[0])
    vb_status s;
    if ((s = vb_ruleset_compile(&x->sections, section_rows, N(section_rows), err, errlen)) !=
            VB_OK ||
        (s = vb_ruleset_compile(&x->roles, role_rows, N(role_rows), err, errlen)) != VB_OK ||
        (s = vb_ruleset_compile(&x->lines, line_rows, L_COUNT, err, errlen)) != VB_OK ||
        (s = vb_units_open(&x->units, err, errlen)) != VB_OK) {
        vb_assignments_close(x);
        return s;
    }
    for (size_t i = 0; i < N(role_rows); i++)
        if ((s = split_role(&x->split[i], &role_rows[i], err, errlen)) != VB_OK) {
            vb_assignments_close(x);
            return s;
        }
#undef N
    *out = x;
    return VB_OK;
}

void vb_assignments_close(vb_assignments_rules *x) {
    if (!x) return;
    vb_ruleset_free(&x->sections);
    vb_ruleset_free(&x->roles);
    vb_ruleset_free(&x->lines);
    for (size_t i = 0; i < ROLE_MAX; i++) {
        pcre2_code_free(x->split[i].at_start);
        pcre2_code_free(x->split[i].later);
    }
    vb_units_close(x->units);
    free(x);
}

/* What is known of each line: the readers below ask the same line the
 * same question several times (a heading is counted as a unit, then tested
 * as the end of the unit before it, then read), and the answers depend on
 * the line's bytes only. */
enum { KNOW_UNIT = 1, IS_UNIT = 2, KNOW_CLOSING = 4, IS_CLOSING = 8 };

typedef struct {
    const vb_assignments_rules *x;
    vb_doc *d;
    vb_arena *a;
    const vb_linev *lines;
    unsigned char *known;  /* per line, KNOW_* and IS_* bits */
    vb_unit_match *units;  /* per line, valid when IS_UNIT */
} ctx;

static bool is_closing(const ctx *c, size_t i) {
    if (c->known[i] & KNOW_CLOSING) return c->known[i] & IS_CLOSING;
    const vb_line *l = &c->lines->items[i];
    bool closing = vb_rule_match(&c->x->lines, L_CLOSING, c->d->text, l->end, l->start, NULL, NULL) ||
                   vb_rule_match(&c->x->lines, L_CLOSING_END, c->d->text, l->end, l->start, NULL, NULL);
    c->known[i] |= KNOW_CLOSING | (closing ? IS_CLOSING : 0);
    return closing;
}

/* vb_unit_at on the line's body, asked once. */
static bool unit_of_line(const ctx *c, size_t i, vb_unit_match *m) {
    if (!(c->known[i] & KNOW_UNIT)) {
        const vb_line *l = &c->lines->items[i];
        if (vb_unit_at(c->x->units, c->d->text, l->body, l->end, &c->units[i])) c->known[i] |= IS_UNIT;
        c->known[i] |= KNOW_UNIT;
    }
    if (!(c->known[i] & IS_UNIT)) return false;
    if (m) *m = c->units[i];
    return true;
}

static bool is_unit_heading(const ctx *c, size_t i, vb_unit_match *m) {
    return c->lines->items[i].kind == VB_LINE_HEADING && unit_of_line(c, i, m);
}

static bool starts_lowercase(const ctx *c, size_t i) {
    const vb_line *l = &c->lines->items[i];
    return vb_rule_match(&c->x->lines, L_CONTINUATION, c->d->text, l->end, l->body, NULL, NULL);
}

static bool ends_with_colon(const ctx *c, size_t i) {
    const vb_line *l = &c->lines->items[i];
    return l->end > l->start && c->d->text[l->end - 1] == ':';
}

static bool code_matches(const ctx *c, const pcre2_code *code, vb_span s) {
    return pcre2_match(code, (PCRE2_SPTR)c->d->text, s.end, s.start, 0, c->x->roles.md, NULL) > 0;
}

/* Whether t[s) holds the ASCII word w, each letter in either case.  A row
 * whose every match holds w (its value) cannot match where this is false:
 * its pattern is caseless, and PCRE2 (UTF, UCP) gives an ASCII letter no
 * case partner beyond the other ASCII case except k and s (U+212A,
 * U+017F), which no gate word holds (test_assignments checks each word's
 * letters against every code point); other ASCII bytes match themselves. */
static bool ascii_letter(char ch) { return (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z'; }

static bool holds_word(const char *t, vb_span s, const char *w) {
    size_t n = strlen(w);
    if (n == 0) return true;
    char first[2] = {w[0], ascii_letter(w[0]) ? (char)(w[0] ^ 0x20) : w[0]};
    for (size_t f = 0; f < (first[1] != first[0] ? 2u : 1u); f++) {
        for (size_t p = s.start; p + n <= s.end;) {
            const char *hit = memchr(t + p, first[f], s.end - n + 1 - p);
            if (!hit) break;
            p = (size_t)(hit - t);
            size_t k = 1;
            while (k < n && (t[p + k] == w[k] || (ascii_letter(w[k]) && (t[p + k] | 0x20) == (w[k] | 0x20)))) k++;
            if (k == n) return true;
            p++;
        }
    }
    return false;
}

static bool role_row_matches(const ctx *c, size_t i, vb_span s) {
    const char *gate = c->x->roles.rules[i].row->value;
    if (gate && !holds_word(c->d->text, s, gate)) return false;
    const role_split *sp = &c->x->split[i];
    return sp->later ? code_matches(c, sp->at_start, s) || code_matches(c, sp->later, s)
                     : vb_rule_match(&c->x->roles, i, c->d->text, s.end, s.start, NULL, NULL);
}

bool vb_assignments_role_gate(size_t i, const char **word) {
    if (i >= ROLE_MAX) return false;
    *word = role_rows[i].value;
    return true;
}

static bool role_is_lead(const ctx *c, vb_span s) {
    for (size_t i = 0; i < c->x->roles.len; i++)
        if (role_row_matches(c, i, s)) return true;
    return false;
}

static vb_status add_task(ctx *c, vb_assignment *as, vb_span s) {
    const char *t = c->d->text;
    while (s.end > s.start && (t[s.end - 1] == ';' || t[s.end - 1] == ' ')) s.end--;
    if (s.end == s.start) return VB_OK;
    char *task = vb_arena_strndup(c->a, t + s.start, s.end - s.start);
    if (!task || VB_PUSH(c->a, as->tasks, task) != 0 || VB_PUSH(c->a, as->task_spans, s) != 0)
        return VB_E_NOMEM;
    return VB_OK;
}

/* A lowercase paragraph continues the task before it. */
static vb_status extend_last_task(ctx *c, vb_assignment *as, size_t end) {
    size_t k = as->tasks.len - 1;
    vb_span *s = &as->task_spans.items[k];
    s->end = end;
    while (s->end > s->start && c->d->text[s->end - 1] == ';') s->end--;
    as->tasks.items[k] = vb_arena_strndup(c->a, c->d->text + s->start, s->end - s->start);
    return as->tasks.items[k] ? VB_OK : VB_E_NOMEM;
}

static vb_status start_assignment(ctx *c, vb_assignment *as, const vb_unit_match *m,
                                  char *section) {
    memset(as, 0, sizeof *as);
    as->unit = vb_arena_strndup(c->a, c->d->text + m->name.start, m->name.end - m->name.start);
    if (!as->unit) return VB_E_NOMEM;
    as->role = m->requested ? VB_ROLE_REQUESTED : VB_ROLE_ASSIGNED;
    as->section = section;
    as->span = m->name;
    return VB_OK;
}

/* Tasks on lines (from, to): returns the index where reading stopped. */
static vb_status read_tasks(ctx *c, vb_assignment *as, size_t from, size_t to, bool *lead,
                            size_t *stopped) {
    const vb_linev *v = c->lines;
    vb_status s = VB_OK;
    size_t i = from;
    for (; i < to && s == VB_OK; i++) {
        const vb_line *l = &v->items[i];
        if (is_closing(c, i)) break;
        vb_span body = {l->body, l->end};
        if (role_is_lead(c, body)) *lead = true;
        if (starts_lowercase(c, i) && as->tasks.len > 0) {
            s = extend_last_task(c, as, l->end);
            continue;
        }
        /* a lead-in such as "Thực hiện các nhiệm vụ sau:" followed by items */
        if (ends_with_colon(c, i) && i + 1 < to &&
            (v->items[i + 1].kind == VB_LINE_BULLET ||
             (v->items[i + 1].kind == VB_LINE_HEADING && l->kind == VB_LINE_HEADING &&
              v->items[i + 1].rank > l->rank) ||
             (v->items[i + 1].kind == VB_LINE_HEADING && l->kind != VB_LINE_HEADING)))
            continue;
        s = add_task(c, as, body);
    }
    *stopped = i;
    return s;
}

static vb_status finish(ctx *c, vb_assignment *as, bool lead) {
    if (lead && as->role == VB_ROLE_ASSIGNED) as->role = VB_ROLE_LEAD;
    return VB_PUSH(c->a, c->d->assignments, *as) == 0 ? VB_OK : VB_E_NOMEM;
}

/* Step 2: unit headings inside section h.  Returns true in *closed when a
 * closing line ended the reading. */
static vb_status read_unit_headings(ctx *c, size_t h, size_t end) {
    const vb_linev *v = c->lines;
    for (size_t i = h + 1; i < end; i++) {
        if (is_closing(c, i)) return VB_OK;
        vb_unit_match m;
        if (!is_unit_heading(c, i, &m)) continue;
        size_t stop = i + 1;
        while (stop < end && !is_unit_heading(c, stop, NULL) &&
               !(v->items[stop].kind == VB_LINE_HEADING && v->items[stop].rank <= v->items[i].rank))
            stop++;
        char *section = vb_outline_label_path(v, i, c->d->text, c->a);
        if (!section) return VB_E_NOMEM;
        vb_assignment as;
        vb_status s = start_assignment(c, &as, &m, section);
        if (s != VB_OK) return s;
        bool lead = role_is_lead(c, (vb_span){v->items[i].body, v->items[i].end});
        vb_span inline_task = {m.rest, v->items[i].end};
        bool lead_in = ends_with_colon(c, i) && i + 1 < stop;
        if (inline_task.end > inline_task.start && !lead_in &&
            (s = add_task(c, &as, inline_task)) != VB_OK)
            return s;
        size_t read_to;
        if ((s = read_tasks(c, &as, i + 1, stop, &lead, &read_to)) != VB_OK) return s;
        /* a heading grouping the units below it ("1. Các sở, ngành") has no tasks */
        if (as.tasks.len > 0 && (s = finish(c, &as, lead)) != VB_OK) return s;
        if (read_to < stop) return VB_OK; /* a closing line */
        i = stop - 1;
    }
    return VB_OK;
}

/* A non-heading line opening with a unit as subject ("Sở Y tế chủ trì …") or
 * as a label ("- Công an huyện: …"); not the issuer's own request. */
static bool unit_line(const ctx *c, size_t i, vb_unit_match *m) {
    const vb_line *l = &c->lines->items[i];
    return l->kind != VB_LINE_HEADING && unit_of_line(c, i, m) && (m->by_verb || m->by_colon) &&
           !(m->by_verb && vb_unit_verb_is_request(c->x->units, c->d->text, m->verb));
}

/* Step 3: paragraphs (or bullets) whose subject is a unit. */
static vb_status read_subject_paragraphs(ctx *c, size_t h, size_t end) {
    const vb_linev *v = c->lines;
    char *section = vb_outline_label_path(v, h, c->d->text, c->a);
    if (!section) return VB_E_NOMEM;
    for (size_t i = h + 1; i < end; i++) {
        if (is_closing(c, i)) return VB_OK;
        const vb_line *l = &v->items[i];
        vb_unit_match m, next;
        if (!unit_line(c, i, &m)) continue;
        vb_assignment as;
        vb_status s = start_assignment(c, &as, &m, section);
        if (s != VB_OK) return s;
        bool lead = role_is_lead(c, (vb_span){l->start, l->end});
        /* "… có trách nhiệm:" owns the items below it, up to the next unit */
        bool owns = m.rest == l->end || ends_with_colon(c, i);
        size_t stop = i + 1;
        while (stop < end && !is_closing(c, stop) && v->items[stop].kind != VB_LINE_HEADING &&
               !unit_line(c, stop, &next) && (owns || starts_lowercase(c, stop)))
            stop++;
        if (owns && stop > i + 1) {
            size_t read_to;
            s = read_tasks(c, &as, i + 1, stop, &lead, &read_to);
        } else {
            s = add_task(c, &as, (vb_span){m.rest, l->end});
            for (size_t k = i + 1; s == VB_OK && k < stop; k++)
                s = extend_last_task(c, &as, v->items[k].end);
        }
        if (s == VB_OK && as.tasks.len > 0) s = finish(c, &as, lead);
        if (s != VB_OK) return s;
        i = stop - 1;
    }
    return VB_OK;
}

vb_status vb_assignments_extract_lines(vb_assignments_rules *x, vb_doc *d, vb_arena *a,
                                       const vb_linev *lines) {
    if (!d->text || d->text_len == 0) return VB_OK;
    vb_status s = VB_OK;
    ctx c = {x, d, a, lines, NULL, NULL};
    if (lines->len == 0) return VB_OK;
    c.known = calloc(lines->len, 1);
    c.units = malloc(lines->len * sizeof *c.units);
    if (!c.known || !c.units) {
        free(c.known);
        free(c.units);
        return VB_E_NOMEM;
    }

    size_t best = VB_NO_LINE, best_units = 0;
    int best_tag = 0;
    for (size_t h = 0; h < lines->len; h++) {
        const vb_line *l = &lines->items[h];
        if (l->kind != VB_LINE_HEADING) continue;
        int tag = 0;
        for (size_t r = 0; r < x->sections.len && !tag; r++)
            if (vb_rule_match(&x->sections, r, d->text, l->end, l->body, NULL, NULL))
                tag = x->sections.rules[r].row->tag;
        if (!tag) continue;
        size_t end = vb_outline_section_end(lines, h), units = 0;
        for (size_t i = h + 1; i < end; i++) units += is_unit_heading(&c, i, NULL);
        if (best == VB_NO_LINE || units > best_units || (units == best_units && units == 0 && tag > best_tag)) {
            best = h;
            best_units = units;
            best_tag = tag;
        }
    }
    if (best != VB_NO_LINE) {
        size_t end = vb_outline_section_end(lines, best);
        s = best_units > 0 ? read_unit_headings(&c, best, end)
                           : read_subject_paragraphs(&c, best, end);
    }
    free(c.known);
    free(c.units);
    return s;
}
