/* cmp_order.c — row order shared by the writers, so HTML, CSV and Markdown
 * list sectors and cited documents the same way. */
#include <stdlib.h>
#include <string.h>

#include "cmp_write.h"

static const char *const theme_titles[VB_CMP_N_THEMES] = {"Training",    "Communication", "Inspection",
                                                          "Enforcement", "Reintegration", "Healthy communes",
                                                          "Integration", "Other"};

const char *vb_cmp_theme_title(int theme) {
    return theme >= 0 && theme < VB_CMP_N_THEMES ? theme_titles[theme] : "Other";
}

void vb_cmp_count(FILE *f, size_t n, const char *word) { fprintf(f, "%zu %s%s", n, word, n == 1 ? "" : "s"); }

void vb_cmp_summary(FILE *f, const vb_cmp_set *s) {
    vb_cmp_count(f, s->plans.len, "document");
    fputs(" from ", f);
    vb_cmp_count(f, s->n_inputs, "input");
    if (s->n_left_out) {
        fprintf(f, " (%zu left out by --only-type)", s->n_left_out);
    }
    fputc('.', f);
}

/* The value of KEY= in an RRULE ("BYMONTH=3,6,9,12;..."), or NULL. */
static const char *rule_part(const char *rule, const char *key, size_t *n) {
    size_t k = strlen(key);
    for (const char *p = rule; p && *p; p = strchr(p, ';') ? strchr(p, ';') + 1 : NULL)
        if (!strncmp(p, key, k) && p[k] == '=') {
            *n = strcspn(p + k + 1, ";");
            return p + k + 1;
        }
    return NULL;
}

void vb_cmp_cycle_text(const char *recurrence, const char *rule, char *buf, size_t len) {
    size_t nm = 0, nd = 0;
    const char *months = rule_part(rule, "BYMONTH", &nm), *day = rule_part(rule, "BYMONTHDAY", &nd);
    const char *what = recurrence ? recurrence : "";
    if (!day)
        snprintf(buf, len, "%s", what);
    else if (months && !memchr(months, ',', nm))
        snprintf(buf, len, "%s, %.*s/%.*s", what, (int)nd, day, (int)nm, months);
    else if (months)
        snprintf(buf, len, "%s, day %.*s of months %.*s", what, (int)nd, day, (int)nm, months);
    else
        snprintf(buf, len, "%s, day %.*s", what, (int)nd, day);
}

typedef struct {
    size_t n_plans;
    const char *k1, *k2;
    int idx;
} row_key;

/* most plans first, then by the keys */
static int row_cmp(const void *x, const void *y) {
    const row_key *a = x, *b = y;
    if (a->n_plans != b->n_plans) return a->n_plans > b->n_plans ? -1 : 1;
    int c = strcmp(a->k1, b->k1);
    if (c) return c;
    c = strcmp(a->k2, b->k2);
    return c ? c : a->idx - b->idx;
}

static void order(row_key *rk, size_t n, int *out) {
    if (!rk) { /* no memory: keep the natural order */
        for (size_t i = 0; i < n; i++) out[i] = (int)i;
        return;
    }
    qsort(rk, n, sizeof *rk, row_cmp);
    for (size_t i = 0; i < n; i++) out[i] = rk[i].idx;
    free(rk);
}

static void sector_order(const vb_cmp_set *s, int *out) {
    size_t n = s->sectors.len;
    row_key *rk = n ? calloc(n, sizeof *rk) : NULL;
    for (size_t i = 0; rk && i < n; i++)
        rk[i] = (row_key){s->sectors.items[i].n_plans, s->sectors.items[i].key, "", (int)i};
    order(rk, n, out);
}

static void basis_order(const vb_cmp_set *s, int *out) {
    size_t n = s->basis.len;
    row_key *rk = n ? calloc(n, sizeof *rk) : NULL;
    /* within equal counts, oldest cited document first: the legal hierarchy
     * usually reads top-down that way */
    for (size_t i = 0; rk && i < n; i++) {
        const vb_cmp_basis *b = &s->basis.items[i];
        rk[i] = (row_key){b->n_plans, b->date ? b->date : "~", b->key, (int)i};
    }
    order(rk, n, out);
}

vb_status vb_cmp_orders_make(const vb_cmp_set *s, vb_cmp_orders *o) {
    o->sectors = calloc(s->sectors.len + 1, sizeof *o->sectors);
    o->basis = calloc(s->basis.len + 1, sizeof *o->basis);
    if (!o->sectors || !o->basis) {
        vb_cmp_orders_free(o);
        return VB_E_NOMEM;
    }
    sector_order(s, o->sectors);
    basis_order(s, o->basis);
    return VB_OK;
}

void vb_cmp_orders_free(vb_cmp_orders *o) {
    free(o->sectors);
    free(o->basis);
    o->sectors = o->basis = NULL;
}
