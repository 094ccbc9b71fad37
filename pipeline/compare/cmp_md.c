/* cmp_md.c — the report as Markdown pipe tables (for stdout, tickets, wikis). */
#include <stdlib.h>
#include <string.h>

#include "cmp_write.h"

/* A table cell: '|' escaped, line breaks and HTML-active '<' neutralised. */
static void cell(FILE *f, const char *s) {
    for (; s && *s; s++) {
        if (*s == '|')
            fputs("\\|", f);
        else if (*s == '\n' || *s == '\r' || *s == '\t')
            fputc(' ', f);
        else if (*s == '<')
            fputs("&lt;", f);
        else
            fputc(*s, f);
    }
}

static void plan_header(FILE *f, const vb_cmp_set *s, const char *first, size_t extra,
                        const char *const *extra_names) {
    fprintf(f, "| %s |", first);
    for (size_t i = 0; i < extra; i++) fprintf(f, " %s |", extra_names[i]);
    for (size_t i = 0; i < s->plans.len; i++) {
        fputc(' ', f);
        cell(f, s->plans.items[i].label);
        fputs(" |", f);
    }
    fputs("\n|---|", f);
    for (size_t i = 0; i < extra + s->plans.len; i++) fputs("---|", f);
    fputc('\n', f);
}

static void targets(FILE *f, const vb_cmp_set *s) {
    fputs("## Targets by theme\n\n", f);
    plan_header(f, s, "Theme", 0, NULL);
    for (int t = 0; t < VB_CMP_N_THEMES; t++) {
        fprintf(f, "| %s |", vb_cmp_theme_title(t));
        for (size_t i = 0; i < s->plans.len; i++) {
            const vb_cmp_plan *p = &s->plans.items[i];
            size_t shown = 0;
            fputc(' ', f);
            for (size_t k = 0; k < p->targets.len; k++) {
                const vb_cmp_target *x = &p->targets.items[k];
                if (x->theme_index != t) continue;
                char disp[160];
                vb_cmp_target_format(x, disp, sizeof disp);
                if (shown++) fputs("<br>", f);
                fputs("**", f);
                cell(f, disp);
                fputs("**", f);
                if (x->indicator) {
                    fputs(" ", f);
                    cell(f, x->indicator);
                }
            }
            fputs(shown ? " |" : "— |", f);
        }
        fputc('\n', f);
    }
    fputc('\n', f);
}

static void units(FILE *f, const vb_cmp_set *s, const int *order) {
    fputs("## Who does what\n\n", f);
    plan_header(f, s, "Sector", 0, NULL);
    for (size_t r = 0; r < s->sectors.len; r++) {
        fputs("| ", f);
        cell(f, s->sectors.items[order[r]].label);
        fputs(" |", f);
        for (size_t i = 0; i < s->plans.len; i++) {
            const vb_cmp_plan *p = &s->plans.items[i];
            size_t shown = 0;
            fputc(' ', f);
            for (size_t k = 0; k < p->units.len; k++) {
                const vb_cmp_unit *u = &p->units.items[k];
                if (u->sector != order[r]) continue;
                if (shown++) fputs("<br>", f);
                cell(f, u->unit);
                fprintf(f, " (%s, %zu task%s)", u->role ? u->role : "assigned", u->n_tasks,
                        u->n_tasks == 1 ? "" : "s");
            }
            fputs(shown ? " |" : "— |", f);
        }
        fputc('\n', f);
    }
    fputc('\n', f);
}

static void basis(FILE *f, const vb_cmp_set *s, const int *order) {
    static const char *const extra[] = {"Date", "Issuer"};
    fputs("## Legal basis\n\n", f);
    plan_header(f, s, "Cited document", 2, extra);
    for (size_t r = 0; r < s->basis.len; r++) {
        const vb_cmp_basis *b = &s->basis.items[order[r]];
        fputs("| ", f);
        if (b->n_plans >= 2) fputs("**", f);
        if (b->doc_type) {
            cell(f, b->doc_type);
            fputc(' ', f);
        }
        cell(f, b->number);
        if (b->n_plans >= 2) fprintf(f, "** (shared by %zu)", b->n_plans);
        if (b->in_set >= 0) fputs(" (compared)", f);
        fputs(" | ", f);
        cell(f, b->date ? b->date : "—");
        fputs(" | ", f);
        cell(f, b->issuer ? b->issuer : "—");
        fputs(" |", f);
        for (size_t i = 0; i < s->plans.len; i++) {
            const vb_cmp_plan *p = &s->plans.items[i];
            size_t shown = 0;
            fputc(' ', f);
            for (size_t k = 0; k < p->refs.len; k++) {
                const vb_cmp_ref *x = &p->refs.items[k];
                if (x->basis_row != order[r]) continue;
                if (shown++) fputs(", ", f);
                cell(f, x->relation ? x->relation : "cited");
            }
            fputs(shown ? " |" : "— |", f);
        }
        fputc('\n', f);
    }
    fputc('\n', f);
}

static void chain(FILE *f, const vb_cmp_set *s) {
    fputs("## The chain\n\n| Document | cites | Relation |\n|---|---|---|\n", f);
    for (size_t i = 0; i < s->edges.len; i++) {
        const vb_cmp_edge *e = &s->edges.items[i];
        const vb_cmp_node *a = &s->nodes.items[e->from], *b = &s->nodes.items[e->to];
        fputs("| ", f);
        cell(f, a->plan >= 0 ? s->plans.items[a->plan].label : a->label);
        fputs(" | ", f);
        cell(f, b->plan >= 0 ? s->plans.items[b->plan].label : b->label);
        fputs(" | ", f);
        cell(f, e->relation ? e->relation : "cited");
        fputs(" |\n", f);
    }
    fputc('\n', f);
}

static void timeline(FILE *f, const vb_cmp_set *s) {
    fputs("## Timeline\n\n| Date | Plan | Role | Cycle | Words |\n|---|---|---|---|---|\n", f);
    for (size_t i = 0; i < s->timeline.len; i++) {
        const vb_cmp_event *e = &s->timeline.items[i];
        fputs("| ", f);
        cell(f, e->value ? e->value : "—");
        fputs(" | ", f);
        cell(f, s->plans.items[e->plan].label);
        fputs(" | ", f);
        cell(f, e->role);
        fputs(" | ", f);
        char cycle[128];
        vb_cmp_cycle_text(e->recurrence, e->rule, cycle, sizeof cycle);
        cell(f, cycle);
        fputs(" | ", f);
        cell(f, e->text ? e->text : "(header date)");
        fputs(" |\n", f);
    }
    fputc('\n', f);
}

vb_status vb_cmp_write_md(vb_cmp_set *s, FILE *f) {
    vb_cmp_orders o;
    vb_status st = vb_cmp_orders_make(s, &o);
    if (st != VB_OK) return st;
    fputs("# Plans side by side\n\n", f);
    vb_cmp_summary(f, s);
    fputs("\n\n", f);
    targets(f, s);
    units(f, s, o.sectors);
    basis(f, s, o.basis);
    chain(f, s);
    timeline(f, s);
    vb_cmp_orders_free(&o);
    return ferror(f) ? VB_E_IO : VB_OK;
}
