/* assignments.c — who is given which tasks.
 *
 * The text is read as paragraphs (assign_paras.h: headings, bullets and
 * plain paragraphs with their wrapped lines joined).  A unit is found where
 * a paragraph begins with its name (assign_units.h), and owns the
 * paragraphs after it up to the next heading of its rank or the next unit.
 * Where units are looked for depends on the kind of document:
 *
 * - a plan: the responsibilities section, a heading whose title is in
 *   extractors/data/assign-sections.txt ("PHÂN CÔNG THỰC HIỆN", "TỔ CHỨC
 *   THỰC HIỆN", "TRÁCH NHIỆM"…).  When several qualify, the one holding the
 *   most unit headings wins (a plan often has both "III. PHÂN CÔNG" with
 *   units and a short "V. TỔ CHỨC THỰC HIỆN").  Only headings open units
 *   there, unless the section has none: then paragraphs whose subject is a
 *   unit do ("Sở Y tế chủ trì …").
 * - a directive, notice or letter: the whole body, headings and paragraphs
 *   alike, and a letter's lead-in "<issuer> yêu cầu <unit> …:" before its
 *   numbered items.
 * - any document: a decision's article that gives a unit work ("Điều 2.
 *   Giao Sở X …"), but not the closing clause on who executes it.
 *
 * Tasks: the text after the unit's colon or verb is one; then each
 * paragraph at the highest rank below the unit (its lettered items, or its
 * bullets, or its paragraphs) is one, and what sits under such an item is
 * part of it.  When every item is a bare label ("a) Chủ trì, phối hợp với
 * các sở") with items under it, the items under the labels are the tasks.
 * Roles: "Đề nghị …" → requested; a unit whose words make it preside over
 * or follow the whole plan (role_rows) → lead; otherwise assigned. */
#include "assignments.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assign_data.h"
#include "outline.h"
#include "assign_paras.h"
#include "assign_units.h"
#include "../pipeline/rules/rules.h"

/* A unit that presides over, follows or stands for the whole plan.  The
 * names of the plan itself are capitalised ("Kế hoạch này"), hence the
 * cased groups; one numbered ("Đề án 06") is another document. */
/* word lists embedded in the role rows (data/assign-*.txt) */
#include "assign-follow-verbs.alt.inc"
#include "assign-issuer-names.alt.inc"
#include "assign-closing-words.alt.inc"
#include "assign-executed-types.alt.inc"
#include "assign-followed-types.alt.inc"
#include "assign-plan-types.alt.inc"

static const vb_rule_row role_rows[] = {
    {"standing_body", "(?:\\G|\\(|\\b(?:là|làm)\\s+)cơ\\s+quan\\s+(?:thường\\s+trực|đầu\\s+mối)\\b",
     VB_ROLE_LEAD, NULL, 0},
    {"presides_plan",
     "\\bchủ\\s+trì[^.]{0,160}?\\b(?:triển\\s+khai|tổ\\s+chức)(?:\\s+thực\\s+hiện)?\\s+"
     "(?-i:" VB_ALT_ASSIGN_PLAN_TYPES_WS ")(?:\\s+này)?(?:\\s+trên\\s+địa\\s+bàn[^.;,]{0,40})?\\s*"
     "(?:[.;,]|\\z)",
     VB_ROLE_LEAD, NULL, 0},
    {"follows_plan",
     "(?:\\b" VB_ALT_ASSIGN_FOLLOW_VERBS_WS "\\b[^.\\n]{0,120}?|(?<!bản\\s)\\bchỉ\\s+đạo\\s+)"
     "\\b(?:thực\\s+hiện|triển\\s+khai)(?:\\s+hoàn\\s+thành)?\\s+(?:[^.\\n]{0,60}?\\s)?"
     "(?-i:" VB_ALT_ASSIGN_FOLLOWED_TYPES_WS ")\\b(?!\\s*(?:số|\\d|\"|“))",
     VB_ROLE_LEAD, NULL, 0},
    {"owns_programme", "\\bchủ\\s+quản\\s+(?-i:" VB_ALT_ASSIGN_PLAN_TYPES_WS ")", VB_ROLE_LEAD, NULL, 0},
    /* "chủ trì, theo dõi", "chủ trì tổ chức triển khai, hướng dẫn, đôn đốc" */
    {"presides_follow_up", "\\bchủ\\s+trì(?:,?\\s+[^.;:,]{1,30}?,){0,2},?\\s*(?:theo\\s+dõi|đôn\\s+đốc)",
     VB_ROLE_LEAD, NULL, 0},
    {"assists_issuer",
     "\\bgiúp\\s+" VB_ALT_ASSIGN_ISSUER_NAMES_WS "[^.;\\n]{0,80}?\\b(?:theo\\s+dõi|đôn\\s+đốc)", VB_ROLE_LEAD,
     NULL, 0},
};
static const char *const role_rows_examples[] = {
    "là cơ quan thường trực",
    "chủ trì, phối hợp với các đơn vị tổ chức triển khai thực hiện Kế hoạch này trên địa bàn tỉnh.",
    "theo dõi, đôn đốc thực hiện Kế hoạch",
    "chủ quản Chương trình",
    "chủ trì, theo dõi",
    "giúp Ủy ban nhân dân tỉnh theo dõi",
};
_Static_assert(sizeof role_rows_examples / sizeof *role_rows_examples == sizeof role_rows / sizeof *role_rows,
               "an example for each row");

enum { L_CLOSING, L_CLOSING_END, L_ARTICLE, L_EXECUTION, L_LETTER_KIND, L_ADDRESSEE, L_COUNT };

static const vb_rule_row line_rows[] = {
    /* the end of the body: nothing after it is a task */
    [L_CLOSING] = {"closing", "\\G\\W*" VB_ALT_ASSIGN_CLOSING_WORDS, 0, NULL, VB_RULE_CASED},
    /* a paragraph ending "./." is the last of the body */
    [L_CLOSING_END] = {"closing_end", "\\./\\.\\W*\\z", 0, NULL, 0},
    [L_ARTICLE] = {"article", "\\G[*_\\s]*Điều\\s+\\d{1,3}\\s*[.:]?\\s*[*_]*\\s*", 0, NULL, VB_RULE_CASED},
    /* "… chịu trách nhiệm thi hành Quyết định này": who executes, not a task */
    [L_EXECUTION] = {"execution", "\\bthi\\s+hành\\s+" VB_ALT_ASSIGN_EXECUTED_TYPES_WS "|\\bhiệu\\s+lực", 0,
                     NULL, 0},
    /* a directive or notice named in capitals near the top, when the header
     * reader found no type */
    /* "Kính gửi:": the bullets after it are addressees, not assignments */
    [L_ADDRESSEE] = {"addressee", "\\G\\W*Kính\\s+gửi", 0, NULL, 0},
    [L_LETTER_KIND] = {"letter_kind", "(?<![\\p{L}])(?:CHỈ THỊ|THÔNG BÁO|CÔNG ĐIỆN)(?![\\p{L}])", 0, NULL,
                       VB_RULE_CASED},
};
static const char *const line_rows_examples[L_COUNT] = {
    [L_CLOSING] = "Nơi nhận:",
    [L_CLOSING_END] = "Các đơn vị báo cáo kết quả về Sở Nội vụ./.",
    [L_ARTICLE] = "Điều 2. Tổ chức thực hiện",
    [L_EXECUTION] = "chịu trách nhiệm thi hành Quyết định này",
    [L_LETTER_KIND] = "CHỈ THỊ",
    [L_ADDRESSEE] = "Kính gửi: Các sở, ban, ngành",
};

struct vb_assignments_rules {
    vb_ruleset sections, roles, lines;
    vb_rule_row *section_rows;
    char **section_patterns;
    const char **section_examples; /* for tests: a section's is its title */
    size_t n_sections;
    vb_unit_rules *units;
    vb_rule_table built[2]; /* for tests: the sections and the unit patterns */
};

/* One row per line of assign-sections.txt: "\G\W*" then the title words. */
static vb_status compile_sections(vb_assignments_rules *x, char *err, size_t errlen) {
    size_t n;
    const char *const *e = vb_assign_list_entries(VB_LIST_SECTIONS, &n);
    x->section_rows = calloc(n ? n : 1, sizeof *x->section_rows);
    x->section_patterns = calloc(n ? n : 1, sizeof *x->section_patterns);
    x->section_examples = calloc(n ? n : 1, sizeof *x->section_examples);
    if (!x->section_rows || !x->section_patterns || !x->section_examples) return VB_E_NOMEM;
    x->n_sections = n;
    for (size_t i = 0; i < n; i++) {
        size_t cap = strlen(e[i]) * 4 + 32, len = 0;
        char *p = malloc(cap);
        if (!p) return VB_E_NOMEM;
        x->section_patterns[i] = p;
        memcpy(p, "\\G[\\W_]*", 8);
        len = 8;
        p[len] = '\0';
        if (!vb_assign_entry_pattern(VB_LIST_SECTIONS, e[i], p, cap, &len)) return VB_E_INTERNAL;
        x->section_rows[i] = (vb_rule_row){"section", p, atoi(e[i]) > 0 ? atoi(e[i]) : 1, NULL, 0};
        const char *tab = strchr(e[i], '\t');
        x->section_examples[i] = tab ? tab + 1 : e[i];
    }
    x->built[0] = (vb_rule_table){"assignments.sections", x->section_rows, x->section_examples, n};
    return vb_ruleset_compile(&x->sections, x->section_rows, n, err, errlen);
}

vb_status vb_assignments_open(vb_assignments_rules **out, char *err, size_t errlen) {
    vb_assignments_rules *x = calloc(1, sizeof *x);
    if (!x) return VB_E_NOMEM;
    const vb_ruleset_spec tables[] = {VB_RULESET_SPEC(&x->roles, role_rows), {&x->lines, line_rows, L_COUNT}};
    vb_status s;
    if ((s = compile_sections(x, err, errlen)) != VB_OK ||
        (s = vb_rulesets_compile(tables, sizeof tables / sizeof *tables, err, errlen)) != VB_OK ||
        (s = vb_units_open(&x->units, err, errlen)) != VB_OK) {
        vb_assignments_close(x);
        return s;
    }
    x->built[1] = *vb_units_built_table(x->units);
    *out = x;
    return VB_OK;
}

const vb_rule_table *vb_assignments_built_tables(const vb_assignments_rules *x, size_t *n) {
    *n = sizeof x->built / sizeof *x->built;
    return x->built;
}

void vb_assignments_close(vb_assignments_rules *x) {
    if (!x) return;
    vb_ruleset_free(&x->sections);
    vb_ruleset_free(&x->roles);
    vb_ruleset_free(&x->lines);
    for (size_t i = 0; x->section_patterns && i < x->n_sections; i++) free(x->section_patterns[i]);
    free(x->section_patterns);
    free(x->section_examples);
    free(x->section_rows);
    vb_units_close(x->units);
    free(x);
}

/* ---- per document ---- */

enum { KNOW_UNIT = 1, IS_UNIT = 2 };

typedef struct {
    const vb_assignments_rules *x;
    vb_doc *d;
    vb_arena *a;
    const char *t;
    const vb_linev *lines;
    const vb_parav *p;
    unsigned char *known; /* per paragraph, KNOW_* and IS_* bits */
    vb_unit_match *units; /* per paragraph, valid when IS_UNIT */
    vb_span authors[8];   /* names seen speaking for the issuer ("X yêu cầu …") */
    size_t n_authors;
    bool letter;     /* a letter (công văn): it instructs others, one entry a unit */
    bool whole_body; /* a directive, notice or letter: units anywhere in the body */
} ctx;

static bool match_row(const ctx *c, const vb_ruleset *rs, size_t row, size_t s, size_t e) {
    return vb_rule_match(rs, row, c->t, e, s, NULL, NULL);
}

static bool is_closing(const ctx *c, size_t i) {
    const vb_para *p = &c->p->items[i];
    const vb_line *l = &c->lines->items[p->line];
    return match_row(c, &c->x->lines, L_CLOSING, l->start, l->end);
}

static bool ends_body(const ctx *c, size_t i) {
    const vb_para *p = &c->p->items[i];
    return match_row(c, &c->x->lines, L_CLOSING_END, p->start, p->end);
}

static bool ends_with_colon(const ctx *c, size_t s, size_t e) {
    while (e > s && (c->t[e - 1] == ' ' || c->t[e - 1] == '*' || c->t[e - 1] == '_')) e--;
    return e > s && c->t[e - 1] == ':';
}

/* vb_unit_at on the paragraph's words, asked once. */
static bool para_unit(const ctx *c, size_t i, vb_unit_match *m) {
    if (!(c->known[i] & KNOW_UNIT)) {
        const vb_para *p = &c->p->items[i];
        if (vb_unit_at(c->x->units, c->t, p->body, p->end, &c->units[i])) c->known[i] |= IS_UNIT;
        c->known[i] |= KNOW_UNIT;
    }
    if (!(c->known[i] & IS_UNIT)) return false;
    if (m) *m = c->units[i];
    return true;
}

/* Byte-wise equal but for ASCII case, white space and emphasis marks. */
static bool same_name(const char *a, size_t an, const char *b, size_t bn) {
    size_t i = 0, j = 0;
    for (;;) {
        while (i < an && (a[i] == ' ' || a[i] == '\n' || a[i] == '\t' || a[i] == '*')) i++;
        while (j < bn && (b[j] == ' ' || b[j] == '\n' || b[j] == '\t' || b[j] == '*')) j++;
        if (i == an || j == bn) return i == an && j == bn;
        char x = a[i], y = b[j];
        if (x >= 'A' && x <= 'Z') x = (char)(x + 32);
        if (y >= 'A' && y <= 'Z') y = (char)(y + 32);
        if (x != y) return false;
        i++;
        j++;
    }
}

static bool is_author(const ctx *c, vb_span name) {
    if (!c->letter) return false;
    for (size_t k = 0; k < c->n_authors; k++)
        if (same_name(c->t + name.start, name.end - name.start, c->t + c->authors[k].start,
                      c->authors[k].end - c->authors[k].start))
            return true;
    const char *iss = c->d->header.issuer;
    return iss && same_name(c->t + name.start, name.end - name.start, iss, strlen(iss));
}

/* The issuer's own voice: "Tổng cục Thuế yêu cầu …", "Văn phòng Chính phủ
 * thông báo …"; its name is then never an assignee. */
static void note_authors(ctx *c, size_t from, size_t to) {
    for (size_t i = from; i < to && c->n_authors < sizeof c->authors / sizeof c->authors[0]; i++) {
        vb_unit_match m;
        if (para_unit(c, i, &m) && m.edge == VB_UNIT_BY_VERB && !m.given && !m.requested &&
            vb_unit_verb_is_request(c->x->units, c->t, m.verb))
            c->authors[c->n_authors++] = m.name;
    }
}

static bool role_is_lead(const ctx *c, size_t s, size_t e) {
    for (size_t i = 0; i < c->x->roles.len; i++)
        if (match_row(c, &c->x->roles, i, s, e)) return true;
    return false;
}

/* The unit's name as written (a name broken across lines keeps its line
 * break: the span must hold the name's own bytes). */
static char *unit_text(const ctx *c, vb_span s) {
    return vb_arena_strndup(c->a, c->t + s.start, s.end - s.start);
}

static vb_status add_task(ctx *c, vb_assignment *as, size_t s, size_t e) {
    while (s < e && (c->t[s] == ' ' || c->t[s] == '*' || c->t[s] == '_' || c->t[s] == '\n')) s++;
    while (e > s && (c->t[e - 1] == ';' || c->t[e - 1] == ' ' || c->t[e - 1] == '*' || c->t[e - 1] == '_' ||
                     c->t[e - 1] == '\n'))
        e--;
    if (e == s) return VB_OK;
    char *task = vb_arena_strndup(c->a, c->t + s, e - s);
    vb_span sp = {s, e};
    if (!task || VB_PUSH(c->a, as->tasks, task) != 0 || VB_PUSH(c->a, as->task_spans, sp) != 0)
        return VB_E_NOMEM;
    return VB_OK;
}

/* An item that only labels the items under it: ends no sentence at all
 * ("a) Chủ trì, phối hợp với các sở, ngành") and has items below. */
static bool bare_label(const ctx *c, size_t i, size_t next) {
    const vb_para *p = &c->p->items[i];
    return next > i + 1 && !vb_para_ends_sentence(c->t, p->body, p->end);
}

/* Tasks in paragraphs [from, to): those at the highest rank among them. */
static vb_status read_items(ctx *c, vb_assignment *as, size_t from, size_t to, bool *lead) {
    int top = 1000;
    for (size_t i = from; i < to; i++)
        if (c->p->items[i].rank < top) top = c->p->items[i].rank;
    size_t tops[256], n = 0;
    for (size_t i = from; i < to && n < 256; i++)
        if (c->p->items[i].rank == top) tops[n++] = i;
    bool labels = n > 0;
    for (size_t k = 0; k < n && labels; k++) labels = bare_label(c, tops[k], k + 1 < n ? tops[k + 1] : to);
    vb_status s = VB_OK;
    for (size_t k = 0; k < n && s == VB_OK; k++) {
        size_t i = tops[k], next = k + 1 < n ? tops[k + 1] : to;
        const vb_para *p = &c->p->items[i];
        if (role_is_lead(c, p->body, p->end)) *lead = true;
        if (labels)
            s = read_items(c, as, i + 1, next, lead);
        else
            s = add_task(c, as, p->body, p->end);
    }
    return s;
}

static vb_status emit(ctx *c, const vb_unit_match *m, size_t para, size_t from, size_t to, char *section) {
    const vb_para *p = &c->p->items[para];
    vb_assignment as;
    memset(&as, 0, sizeof as);
    as.unit = unit_text(c, m->name);
    if (!as.unit) return VB_E_NOMEM;
    as.role = m->requested ? VB_ROLE_REQUESTED : VB_ROLE_ASSIGNED;
    as.section = section;
    as.span = m->name;
    bool lead = role_is_lead(c, m->name.start, p->end);
    bool lead_in = ends_with_colon(c, m->rest, p->end) && to > from;
    vb_status s = VB_OK;
    if (m->rest < p->end && !lead_in) s = add_task(c, &as, m->rest, p->end);
    if (s == VB_OK && (as.tasks.len == 0 || lead_in || m->edge != VB_UNIT_BY_VERB))
        s = read_items(c, &as, from, to, &lead);
    if (s != VB_OK || as.tasks.len == 0) return s;
    if (lead && as.role == VB_ROLE_ASSIGNED) as.role = VB_ROLE_LEAD;
    /* a letter names the same unit again for one matter: one entry */
    if (c->letter)
        for (size_t k = 0; k < c->d->assignments.len; k++) {
            vb_assignment *o = &c->d->assignments.items[k];
            if (!same_name(o->unit, strlen(o->unit), as.unit, strlen(as.unit))) continue;
            for (size_t t = 0; t < as.tasks.len; t++)
                if (VB_PUSH(c->a, o->tasks, as.tasks.items[t]) != 0 ||
                    VB_PUSH(c->a, o->task_spans, as.task_spans.items[t]) != 0)
                    return VB_E_NOMEM;
            if (as.role == VB_ROLE_LEAD) o->role = VB_ROLE_LEAD;
            return VB_OK;
        }
    return VB_PUSH(c->a, c->d->assignments, as) == 0 ? VB_OK : VB_E_NOMEM;
}

static char *section_of(const ctx *c, size_t para) {
    const vb_para *p = &c->p->items[para];
    size_t line = p->kind == VB_LINE_HEADING ? p->line : c->lines->items[p->line].parent;
    if (line == VB_NO_LINE) return NULL;
    return vb_outline_label_path(c->lines, line, c->t, c->a);
}

static bool is_article(const ctx *c, size_t i, size_t *body) {
    const vb_para *p = &c->p->items[i];
    const size_t *ov;
    if (!vb_rule_match(&c->x->lines, L_ARTICLE, c->t, p->end, p->start, &ov, NULL) || ov[0] != p->start)
        return false;
    if (body) *body = ov[1];
    return true;
}

/* A heading that is a unit's name alone ("2. Sở Tài chính", "a) Sở Xây
 * dựng:"), as opposed to an item whose sentence begins with a unit. */
static bool name_heading(const ctx *c, size_t i) {
    vb_unit_match m;
    return c->p->items[i].kind == VB_LINE_HEADING && para_unit(c, i, &m) &&
           (m.edge == VB_UNIT_BY_END || m.edge == VB_UNIT_BY_COLON);
}

static bool opens_unit(ctx *c, size_t i, bool headings_only, vb_unit_match *m);

/* Where the unit opened by paragraph i stops.  A heading owns what lies
 * under it, up to the next heading of its rank or above or the next heading
 * naming a unit; in a directive or letter, an item whose own sentence gives
 * the unit its task also ends at the next paragraph opening a unit.  A
 * paragraph that ends in a colon owns the items after it: the headings
 * below the first one's rank, or the bullets and paragraphs that follow. */
static size_t unit_end(ctx *c, size_t i, size_t to, bool owns_items, bool inline_task) {
    const vb_para *p = &c->p->items[i];
    size_t k = i + 1;
    if (p->kind != VB_LINE_HEADING && !owns_items) return k;
    int first = k < to ? c->p->items[k].rank : 0;
    for (; k < to; k++) {
        const vb_para *q = &c->p->items[k];
        vb_unit_match m;
        if (is_closing(c, k) || is_article(c, k, NULL)) break;
        if (p->kind == VB_LINE_HEADING) {
            if (q->kind == VB_LINE_HEADING && (q->rank <= p->rank || name_heading(c, k))) break;
            if (c->whole_body && inline_task && opens_unit(c, k, false, &m)) break;
        } else if (q->kind == VB_LINE_HEADING ? q->rank < first
                   : first < VB_RANK_BULLET   ? 0
                                              : q->rank < first) {
            break;
        } else if (q->kind == VB_LINE_BULLET && p->kind == VB_LINE_BULLET &&
                   c->t[q->start] == c->t[p->start]) {
            break; /* "- Công an huyện:" then "+ …" items, then "- " the next unit */
        }
    }
    return k;
}

/* Does paragraph i open a unit?  Headings may name one alone; a bullet or
 * paragraph must give it work (a verb, a colon, "Giao …"), or be a lead-in
 * that asks it ("Tổng cục Thuế yêu cầu Cục Thuế các tỉnh …:"). */
static bool opens_unit(ctx *c, size_t i, bool headings_only, vb_unit_match *m) {
    const vb_para *p = &c->p->items[i];
    bool found = para_unit(c, i, m);
    /* "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO" outside a heading is an issuer's header */
    if (found && p->kind != VB_LINE_HEADING && m->capitals) found = false;
    if (found && m->edge == VB_UNIT_BY_VERB && !m->given &&
        vb_unit_verb_is_request(c->x->units, c->t, m->verb))
        return false;
    if (found && p->kind == VB_LINE_HEADING) return !is_author(c, m->name);
    if (p->kind == VB_LINE_HEADING && vb_unit_after_clause(c->x->units, c->t, p->body, p->end, m))
        return !is_author(c, m->name);
    if (headings_only) return false;
    if (found && (m->edge == VB_UNIT_BY_VERB || m->edge == VB_UNIT_BY_COLON || m->given))
        return !is_author(c, m->name);
    if (vb_unit_after_clause(c->x->units, c->t, p->body, p->end, m)) return !is_author(c, m->name);
    if (ends_with_colon(c, p->body, p->end) && vb_unit_after_request(c->x->units, c->t, p->body, p->end, m))
        return !is_author(c, m->name);
    return false;
}

static bool holds_units(ctx *c, size_t from, size_t to) {
    for (size_t k = from; k < to; k++) {
        vb_unit_match m;
        if (c->p->items[k].kind == VB_LINE_HEADING && opens_unit(c, k, true, &m)) return true;
    }
    return false;
}

/* Units in paragraphs [from, to). */
static vb_status read_units(ctx *c, size_t from, size_t to, bool headings_only) {
    for (size_t i = from; i < to;) {
        if (is_closing(c, i)) break;
        if (match_row(c, &c->x->lines, L_ADDRESSEE, c->p->items[i].start, c->p->items[i].end)) {
            for (i++; i < to && c->p->items[i].kind == VB_LINE_BULLET; i++) {}
            continue;
        }
        vb_unit_match m;
        if (is_article(c, i, NULL) || !opens_unit(c, i, headings_only, &m)) {
            if (ends_body(c, i)) break;
            i++;
            continue;
        }
        const vb_para *p = &c->p->items[i];
        bool owns = ends_with_colon(c, m.rest, p->end) || m.rest >= p->end;
        size_t stop = unit_end(c, i, to, owns, !owns);
        if (p->kind != VB_LINE_HEADING && owns && m.name.start > p->body + 1 && holds_units(c, i + 1, stop)) {
            i++; /* a lead-in to sections that name their own units */
            continue;
        }
        char *section = section_of(c, i);
        vb_status s = emit(c, &m, i, i + 1, stop, section);
        if (s != VB_OK) return s;
        if (ends_body(c, i)) break;
        i = stop > i ? stop : i + 1;
    }
    return VB_OK;
}

/* "Điều 2. Giao Sở X …", "Điều 2. Sở X có trách nhiệm …". */
static vb_status read_articles(ctx *c) {
    size_t n = c->p->len;
    for (size_t i = 0; i < n; i++) {
        size_t body;
        if (!is_article(c, i, &body)) continue;
        size_t stop = i + 1;
        while (stop < n && !is_article(c, stop, NULL) && !is_closing(c, stop)) stop++;
        const vb_para *p = &c->p->items[i];
        if (match_row(c, &c->x->lines, L_EXECUTION, p->start, c->p->items[stop - 1].end)) {
            /* "Điều 2. Quyết định này có hiệu lực …" then "Giao Sở X chủ
             * trì …": the article's own paragraph that gives work still does */
            for (size_t k = i + 1; k < stop; k++) {
                const vb_para *q = &c->p->items[k];
                vb_unit_match g;
                if (match_row(c, &c->x->lines, L_EXECUTION, q->start, q->end) ||
                    !vb_unit_at(c->x->units, c->t, q->body, q->end, &g) || !g.given || is_author(c, g.name))
                    continue;
                vb_status s = emit(c, &g, k, k + 1, k + 1, NULL);
                if (s != VB_OK) return s;
            }
            continue;
        }
        vb_unit_match m;
        if (!vb_unit_at(c->x->units, c->t, body, p->end, &m) || is_author(c, m.name)) continue;
        if (m.edge == VB_UNIT_BY_NAME || (m.edge == VB_UNIT_BY_END && stop == i + 1)) continue;
        if (m.edge == VB_UNIT_BY_VERB && vb_unit_verb_is_request(c->x->units, c->t, m.verb)) continue;
        vb_status s = emit(c, &m, i, i + 1, stop, NULL);
        if (s != VB_OK) return s;
    }
    return VB_OK;
}

/* The weight of the section title paragraph h opens, 0 when none. */
static int section_weight(const ctx *c, size_t h) {
    const vb_para *p = &c->p->items[h];
    if (p->kind != VB_LINE_HEADING) return 0;
    for (size_t r = 0; r < c->x->sections.len; r++)
        if (match_row(c, &c->x->sections, r, p->body, p->title_end)) return c->x->sections.rules[r].row->tag;
    return 0;
}

static size_t section_end(const ctx *c, size_t h) {
    size_t k = h + 1;
    while (k < c->p->len &&
           !(c->p->items[k].kind == VB_LINE_HEADING && c->p->items[k].rank <= c->p->items[h].rank))
        k++;
    return k;
}

/* A directive, notice or letter: units are read in the whole body. */
static bool letter_like(const ctx *c) {
    const char *t = c->d->header.doc_type;
    if (t)
        return strcmp(t, "Chỉ thị") == 0 || strcmp(t, "Thông báo") == 0 || strcmp(t, "Công văn") == 0 ||
               strcmp(t, "Công điện") == 0;
    size_t head = c->d->text_len < 1500 ? c->d->text_len : 1500;
    return match_row(c, &c->x->lines, L_LETTER_KIND, 0, head);
}

/* "Giao Công an tỉnh theo dõi, đôn đốc … thực hiện Kế hoạch" outside the
 * chosen section makes the unit of that name the lead. */
static void lead_from_elsewhere(ctx *c, size_t from, size_t to) {
    for (size_t i = 0; i < c->p->len; i++) {
        if (i == from) i = to;
        if (i >= c->p->len) break;
        vb_unit_match m;
        const vb_para *p = &c->p->items[i];
        if (!para_unit(c, i, &m) || m.edge != VB_UNIT_BY_VERB || !role_is_lead(c, m.rest, p->end)) continue;
        for (size_t k = 0; k < c->d->assignments.len; k++) {
            vb_assignment *o = &c->d->assignments.items[k];
            if (o->role == VB_ROLE_ASSIGNED &&
                same_name(o->unit, strlen(o->unit), c->t + m.name.start, m.name.end - m.name.start))
                o->role = VB_ROLE_LEAD;
        }
    }
}

/* A fragment with no header and no responsibilities section (a letter's
 * body quoted on a web page: "UBND tỉnh có ý kiến như sau: Giao Sở X chủ
 * trì …; hoàn thành trước ngày …"): its paragraphs that give a unit work. */
static vb_status read_given(ctx *c) {
    if (c->d->header.doc_type || c->d->kind == VB_KIND_ARTICLE) return VB_OK;
    for (size_t i = 0; i < c->p->len; i++) {
        const vb_para *p = &c->p->items[i];
        vb_unit_match m;
        if (is_closing(c, i)) break;
        /* a named unit ("Giao Sở X"), not a class of them ("Giao các đơn vị
         * tham gia …" in a guide's procedure) */
        if (!vb_unit_at(c->x->units, c->t, p->body, p->end, &m) || !m.given || m.edge != VB_UNIT_BY_VERB ||
            (c->t[m.name.start] >= 'a' && c->t[m.name.start] <= 'z') || is_author(c, m.name))
            continue;
        vb_status s = emit(c, &m, i, i + 1, i + 1, NULL);
        if (s != VB_OK) return s;
    }
    return VB_OK;
}

static vb_status read_plan(ctx *c) {
    size_t best = VB_NO_LINE, best_units = 0;
    int best_w = 0;
    for (size_t h = 0; h < c->p->len; h++) {
        int w = section_weight(c, h);
        if (!w) continue;
        size_t end = section_end(c, h), units = 0;
        for (size_t i = h + 1; i < end; i++) {
            vb_unit_match m;
            units += c->p->items[i].kind == VB_LINE_HEADING && opens_unit(c, i, true, &m);
        }
        if (best == VB_NO_LINE || units > best_units || (units == best_units && units == 0 && w > best_w)) {
            best = h;
            best_units = units;
            best_w = w;
        }
    }
    if (best == VB_NO_LINE) return read_given(c);
    size_t end = section_end(c, best);
    vb_status s = read_units(c, best + 1, end, best_units > 0);
    if (s == VB_OK) lead_from_elsewhere(c, best, end);
    return s;
}

static bool hook_starts_block(void *arg, size_t line) {
    const ctx *c = arg;
    const vb_line *l = &c->lines->items[line];
    return match_row(c, &c->x->lines, L_CLOSING, l->start, l->end) ||
           match_row(c, &c->x->lines, L_ARTICLE, l->start, l->end);
}

static bool hook_name_only(void *arg, size_t s, size_t e) {
    const ctx *c = arg;
    vb_unit_match m;
    return vb_unit_at(c->x->units, c->t, s, e, &m) && m.edge == VB_UNIT_BY_END;
}

vb_status vb_assignments_extract_lines(vb_assignments_rules *x, vb_doc *d, vb_arena *a,
                                       const vb_linev *lines) {
    if (!d->text || d->text_len == 0 || lines->len == 0) return VB_OK;
    vb_parav paras = {0};
    ctx c = {x, d, a, d->text, lines, &paras, NULL, NULL, {{0, 0}}, 0, false, false};
    c.whole_body = letter_like(&c);
    c.letter = d->header.doc_type && strcmp(d->header.doc_type, "Công văn") == 0;
    vb_para_hooks hooks = {hook_starts_block, hook_name_only, &c};
    vb_status s = vb_paras_build(d->text, lines, &hooks, &paras);
    if (s != VB_OK) return s;
    if (paras.len == 0) return VB_OK;
    c.known = calloc(paras.len, 1);
    c.units = malloc(paras.len * sizeof *c.units);
    if (!c.known || !c.units) {
        s = VB_E_NOMEM;
    } else {
        note_authors(&c, 0, paras.len);
        s = c.whole_body ? read_units(&c, 0, paras.len, false) : read_plan(&c);
        if (s == VB_OK) s = read_articles(&c);
    }
    free(c.known);
    free(c.units);
    vb_parav_free(&paras);
    return s;
}

/* The tables with their examples, for tests/unit/test_rule_examples.c. */
static const vb_rule_table rule_tables[] = {
    VB_RULE_TABLE("assignments.roles", role_rows, role_rows_examples),
    {"assignments.lines", line_rows, line_rows_examples, L_COUNT},
};
const vb_rule_table *vb_assignments_rule_tables(size_t *n) {
    *n = sizeof rule_tables / sizeof *rule_tables;
    return rule_tables;
}
