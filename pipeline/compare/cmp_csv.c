/* cmp_csv.c — one CSV per report table, for spreadsheets: UTF-8 with a BOM
 * (so Excel reads Vietnamese correctly), RFC 4180 quoting, CRLF rows. */
#include <stdlib.h>
#include <string.h>

#include "cmp_write.h"

/* A field that a spreadsheet would run as a formula gets a leading
 * apostrophe; "- Thực hiện…" (a list dash and a space) is plain text. */
static bool formula_like(const char *s) {
    if (!s[0]) return false;
    if (strchr("=+@\t\r", s[0])) return true;
    return s[0] == '-' && s[1] && s[1] != ' ' && !(s[1] >= '0' && s[1] <= '9');
}

static void field_n(FILE *f, const char *s, size_t n, bool first) {
    if (!first) fputc(',', f);
    if (!s) return; /* empty field for null */
    bool quote = false;
    for (size_t i = 0; i < n && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
    bool guard = n && formula_like(s);
    if (quote || guard) fputc('"', f);
    if (guard) fputc('\'', f);
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"') {
            fwrite(s + i - run, 1, run, f);
            fputs("\"\"", f);
            run = 0;
        } else {
            run++;
        }
    }
    fwrite(s + n - run, 1, run, f);
    if (quote || guard) fputc('"', f);
}

static void field(FILE *f, const char *s, bool first) { field_n(f, s, s ? strlen(s) : 0, first); }
static void fieldf(FILE *f, double v) {
    char b[48];
    if (v == (double)(long long)v && v > -1e15 && v < 1e15)
        snprintf(b, sizeof b, "%lld", (long long)v);
    else
        snprintf(b, sizeof b, "%.10g", v);
    field(f, b, false);
}
static void fieldz(FILE *f, size_t v) {
    char b[32];
    snprintf(b, sizeof b, "%zu", v);
    field(f, b, false);
}
static void end_row(FILE *f) { fputs("\r\n", f); }

static void src_field(FILE *f, const vb_cmp_plan *p, int src) {
    if (src < 0 || (size_t)src >= p->sources.len) {
        field(f, NULL, false);
        return;
    }
    const vb_cmp_source *q = &p->sources.items[src];
    field_n(f, p->text + q->fact_start, q->fact_end - q->fact_start, false);
}

static void header(FILE *f, const char *const *cols) {
    fputs("\xEF\xBB\xBF", f);
    for (size_t i = 0; cols[i]; i++) field(f, cols[i], i == 0);
    end_row(f);
}

static void write_targets(FILE *f, const vb_cmp_set *s) {
    static const char *const cols[] = {"theme",   "plan",      "value",       "from", "unit", "comparator",
                                       "display", "indicator", "source_text", "file", NULL};
    header(f, cols);
    for (int t = 0; t < VB_CMP_N_THEMES; t++)
        for (size_t i = 0; i < s->plans.len; i++) {
            const vb_cmp_plan *p = &s->plans.items[i];
            for (size_t k = 0; k < p->targets.len; k++) {
                const vb_cmp_target *x = &p->targets.items[k];
                if (x->theme_index != t) continue;
                char disp[160];
                vb_cmp_target_format(x, disp, sizeof disp);
                field(f, vb_cmp_themes[t], true);
                field(f, p->label, false);
                fieldf(f, x->value);
                if (x->has_from)
                    fieldf(f, x->from);
                else
                    field(f, NULL, false);
                field(f, x->unit, false);
                field(f, x->comparator, false);
                field(f, disp, false);
                field(f, x->indicator, false);
                src_field(f, p, x->src);
                field(f, p->file, false);
                end_row(f);
            }
        }
}

static void write_units(FILE *f, const vb_cmp_set *s, const int *order) {
    static const char *const cols[] = {"sector", "sector_key", "plan",        "unit", "role",
                                       "tasks",  "section",    "source_text", "file", NULL};
    header(f, cols);
    for (size_t r = 0; r < s->sectors.len; r++) {
        const vb_cmp_sector *sec = &s->sectors.items[order[r]];
        for (size_t i = 0; i < s->plans.len; i++) {
            const vb_cmp_plan *p = &s->plans.items[i];
            for (size_t k = 0; k < p->units.len; k++) {
                const vb_cmp_unit *u = &p->units.items[k];
                if (u->sector != order[r]) continue;
                field(f, sec->label, true);
                field(f, sec->key, false);
                field(f, p->label, false);
                field(f, u->unit, false);
                field(f, u->role, false);
                fieldz(f, u->n_tasks);
                field(f, u->section, false);
                src_field(f, p, u->src);
                field(f, p->file, false);
                end_row(f);
            }
        }
    }
}

static void write_basis(FILE *f, const vb_cmp_set *s, const int *order) {
    static const char *const cols[] = {"number",         "doc_type",    "date",        "issuer",
                                       "cited_by_plans", "shared",      "compared_as", "plan",
                                       "relation",       "source_text", "file",        NULL};
    header(f, cols);
    for (size_t r = 0; r < s->basis.len; r++) {
        const vb_cmp_basis *b = &s->basis.items[order[r]];
        for (size_t i = 0; i < s->plans.len; i++) {
            const vb_cmp_plan *p = &s->plans.items[i];
            for (size_t k = 0; k < p->refs.len; k++) {
                const vb_cmp_ref *x = &p->refs.items[k];
                if (x->basis_row != order[r]) continue;
                field(f, b->number, true);
                field(f, b->doc_type, false);
                field(f, b->date, false);
                field(f, b->issuer, false);
                fieldz(f, b->n_plans);
                field(f, b->n_plans >= 2 ? "yes" : "no", false);
                field(f, b->in_set >= 0 ? s->plans.items[b->in_set].label : NULL, false);
                field(f, p->label, false);
                field(f, x->relation, false);
                src_field(f, p, x->src);
                field(f, p->file, false);
                end_row(f);
            }
        }
    }
}

static void write_chain(FILE *f, const vb_cmp_set *s) {
    static const char *const cols[] = {"from", "from_plan", "to", "to_plan", "to_kind", "relation", NULL};
    header(f, cols);
    for (size_t i = 0; i < s->edges.len; i++) {
        const vb_cmp_edge *e = &s->edges.items[i];
        const vb_cmp_node *a = &s->nodes.items[e->from], *b = &s->nodes.items[e->to];
        field(f, a->label, true);
        field(f, a->plan >= 0 ? s->plans.items[a->plan].label : NULL, false);
        field(f, b->label, false);
        field(f, b->plan >= 0 ? s->plans.items[b->plan].label : NULL, false);
        field(f, b->plan >= 0 ? "compared" : "cited_only", false);
        field(f, e->relation, false);
        end_row(f);
    }
}

static void write_timeline(FILE *f, const vb_cmp_set *s) {
    static const char *const cols[] = {"date",        "plan", "role", "recurrence", "text",
                                       "source_text", "file", "rule", NULL};
    header(f, cols);
    for (size_t i = 0; i < s->timeline.len; i++) {
        const vb_cmp_event *e = &s->timeline.items[i];
        const vb_cmp_plan *p = &s->plans.items[e->plan];
        field(f, e->value, true);
        field(f, p->label, false);
        field(f, e->role, false);
        field(f, e->recurrence, false);
        field(f, e->text, false);
        if (e->date >= 0)
            src_field(f, p, p->dates.items[e->date].src);
        else
            field(f, NULL, false);
        field(f, p->file, false);
        field(f, e->rule, false);
        end_row(f);
    }
}

static const char *const csv_names[] = {"targets.csv", "units.csv", "basis.csv", "chain.csv", "timeline.csv"};

vb_status vb_cmp_write_csv(vb_cmp_set *s, const char *dir, char *err, size_t errlen) {
    vb_cmp_orders o;
    vb_status st = vb_cmp_orders_make(s, &o);
    for (size_t k = 0; st == VB_OK && k < sizeof csv_names / sizeof *csv_names; k++) {
        char *path = vb_arena_printf(s->arena, "%s/%s", dir, csv_names[k]);
        FILE *f = path ? fopen(path, "wb") : NULL;
        if (!f) {
            snprintf(err, errlen, "%s", path ? path : csv_names[k]);
            st = path ? VB_E_IO : VB_E_NOMEM;
            break;
        }
        switch (k) {
        case 0: write_targets(f, s); break;
        case 1: write_units(f, s, o.sectors); break;
        case 2: write_basis(f, s, o.basis); break;
        case 3: write_chain(f, s); break;
        default: write_timeline(f, s); break;
        }
        if (ferror(f) | fclose(f)) {
            snprintf(err, errlen, "%s", path);
            st = VB_E_IO;
        }
    }
    vb_cmp_orders_free(&o);
    return st;
}
