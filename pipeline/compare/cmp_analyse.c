/* cmp_analyse.c — labels, inferred numbers, sectors, legal-basis rows and
 * the timeline.  Grouping sorts (key, owner) pairs, so hostile inputs with
 * many facts stay O(n log n). */
#include <stdlib.h>
#include <string.h>

#include "cmp_chain.h"
#include "compare.h"

static char *fold_copy(vb_cmp_set *s, const char *str, bool number) {
    vb_buf b;
    vb_buf_init(&b);
    vb_status st = number ? vb_number_key(s->folder, str, &b) : vb_fold(s->folder, str, strlen(str), &b);
    char *out = st == VB_OK ? vb_arena_strndup(s->arena, b.data ? b.data : "", b.len) : NULL;
    vb_buf_free(&b);
    return out;
}

/* The number under which q cites p: a reference with p's full issue date,
 * and p's type when both are known. */
static char *cited_by_date(const vb_cmp_plan *q, const vb_cmp_plan *p) {
    for (size_t k = 0; k < q->refs.len; k++) {
        const vb_cmp_ref *r = &q->refs.items[k];
        if (!r->number || !r->date || strcmp(r->date, p->date)) continue;
        if (r->doc_type && p->doc_type && strcmp(r->doc_type, p->doc_type)) continue;
        return r->number;
    }
    return NULL;
}

/* When p's date is unknown or partial: the one document of p's type that
 * the letter q just before it takes as its basis ("Căn cứ", "Thực hiện"),
 * if its date does not contradict p's.  Two candidates: no answer. */
static char *forwarded(const vb_cmp_plan *q, const vb_cmp_plan *p) {
    char *found = NULL;
    size_t plen = p->date ? strlen(p->date) : 0;
    for (size_t k = 0; p->doc_type && k < q->refs.len; k++) {
        const vb_cmp_ref *r = &q->refs.items[k];
        if (!r->number || !r->doc_type || strcmp(r->doc_type, p->doc_type) || !r->relation ||
            (strcmp(r->relation, "basis") && strcmp(r->relation, "implements")))
            continue;
        if (plen && r->date && strncmp(r->date, p->date, plen)) continue;
        if (found && strcmp(found, r->number)) return NULL;
        found = r->number;
    }
    return found;
}

/* A plan printed without its number may still be the document a cover
 * letter in the same file forwards (the letter comes first, as a rule).
 * Documents of one input are contiguous in s->plans, so the scans stop at
 * the file's edge: nearest letter before the plan first, then after. */
static vb_status infer_numbers(vb_cmp_set *s) {
    vb_cmp_plan *pl = s->plans.items;
    for (size_t i = 0; i < s->plans.len; i++) {
        vb_cmp_plan *p = &pl[i];
        if (p->number) continue;
        char *num = NULL;
        if (p->date && strlen(p->date) >= 10) {
            for (size_t j = i; !num && j-- > 0 && pl[j].file_index == p->file_index;)
                num = cited_by_date(&pl[j], p);
            for (size_t j = i + 1; !num && j < s->plans.len && pl[j].file_index == p->file_index; j++)
                num = cited_by_date(&pl[j], p);
        } else if (i > 0 && pl[i - 1].file_index == p->file_index) {
            num = forwarded(&pl[i - 1], p);
        }
        p->number_inferred = num;
    }
    return VB_OK;
}

static bool folded_equal(vb_cmp_set *s, const char *a, const char *b) {
    if (!a || !b) return false;
    const char *fa = fold_copy(s, a, false), *fb = fold_copy(s, b, false);
    return fa && fb && !strcmp(fa, fb);
}

bool vb_cmp_type_matches(vb_cmp_set *s, const vb_cmp_plan *p, const char *want) {
    return folded_equal(s, p->doc_type_code, want) || folded_equal(s, p->doc_type, want) ||
           (p->kind && !strcmp(p->kind, want));
}

static bool is_plan(vb_cmp_set *s, const vb_cmp_plan *p) {
    return vb_cmp_type_matches(s, p, "KH") || vb_cmp_type_matches(s, p, "Kế hoạch");
}

static bool selected(vb_cmp_set *s, const vb_cmp_plan *p) {
    for (size_t k = 0; k < s->n_only_types; k++)
        if (vb_cmp_type_matches(s, p, s->only_types[k])) return true;
    return s->n_only_types == 0;
}

/* After infer_numbers (which needs each file's documents in file order):
 * leave out what --only-type does not ask for, and put plans first so a
 * cover letter's or an article's empty columns come last.  Stable. */
static vb_status select_plans(vb_cmp_set *s) {
    size_t n = s->plans.len, w = 0;
    if (!n) return VB_OK;
    vb_cmp_plan *tmp = malloc(n * sizeof *tmp);
    if (!tmp) return VB_E_NOMEM;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < n; i++) {
            vb_cmp_plan *p = &s->plans.items[i];
            if (selected(s, p) && is_plan(s, p) == (pass == 0)) tmp[w++] = *p;
        }
    s->n_left_out += n - w;
    if (w) memcpy(s->plans.items, tmp, w * sizeof *tmp);
    s->plans.len = w;
    free(tmp);
    return VB_OK;
}

static const char *plan_number(const vb_cmp_plan *p) { return p->number ? p->number : p->number_inferred; }

static vb_status make_labels(vb_cmp_set *s) {
    vb_arena *a = s->arena;
    for (size_t i = 0; i < s->plans.len; i++) {
        vb_cmp_plan *p = &s->plans.items[i];
        char *place = p->place;
        size_t b, e;
        if (!place && vb_fold_issuer_place(s->folder, p->issuer, &b, &e))
            place = vb_arena_strndup(a, p->issuer + b, e - b);
        if (!place && vb_fold_issuer_place(s->folder, p->issuer_parent, &b, &e))
            place = vb_arena_strndup(a, p->issuer_parent + b, e - b);
        if (!p->place) p->place = place;
        char year[5] = "";
        if (p->date && strlen(p->date) >= 4) memcpy(year, p->date, 4);
        const char *who = place ? place : "(unknown place)";
        const char *sep = year[0] ? " " : "";
        if (p->kind && !strcmp(p->kind, "article")) {
            p->label = vb_arena_printf(a, "%s%s%s (article)", who, sep, year);
        } else {
            const char *type = p->doc_type_code ? p->doc_type_code : p->doc_type ? p->doc_type : "document";
            const char *num = plan_number(p);
            p->label = vb_arena_printf(a, "%s%s%s — %s %s", who, sep, year, type, num ? num : "(no number)");
        }
        if (!p->label) return VB_E_NOMEM;
        /* two plans with one label: number them so columns stay distinct */
        for (size_t j = 0; j < i; j++)
            if (!strcmp(s->plans.items[j].label, p->label)) {
                p->label = vb_arena_printf(a, "%s #%zu", p->label, i + 1);
                if (!p->label) return VB_E_NOMEM;
                break;
            }
    }
    return VB_OK;
}

typedef struct {
    const char *key;
    size_t plan, item;
} keyed;

static int keyed_cmp(const void *x, const void *y) {
    const keyed *a = x, *b = y;
    int c = strcmp(a->key, b->key);
    if (c) return c;
    if (a->plan != b->plan) return a->plan < b->plan ? -1 : 1;
    return a->item < b->item ? -1 : a->item > b->item;
}

static vb_status group_sectors(vb_cmp_set *s) {
    size_t n = 0;
    for (size_t i = 0; i < s->plans.len; i++) n += s->plans.items[i].units.len;
    if (!n) return VB_OK;
    keyed *ks = calloc(n, sizeof *ks);
    if (!ks) return VB_E_NOMEM;
    vb_status st = VB_OK;
    size_t k = 0;
    vb_buf key;
    vb_buf_init(&key);
    for (size_t i = 0; i < s->plans.len && st == VB_OK; i++) {
        vb_cmp_plan *p = &s->plans.items[i];
        for (size_t j = 0; j < p->units.len && st == VB_OK; j++) {
            vb_buf_reset(&key);
            size_t lb, le;
            st = vb_fold_sector_key(s->folder, p->units.items[j].unit, p->place, &key, &lb, &le);
            if (st != VB_OK) break;
            char *kc = vb_arena_strndup(s->arena, key.data ? key.data : "", key.len);
            if (!kc) st = VB_E_NOMEM;
            ks[k++] = (keyed){kc, i, j};
        }
    }
    vb_buf_free(&key);
    if (st == VB_OK) qsort(ks, k, sizeof *ks, keyed_cmp);
    for (size_t g = 0; st == VB_OK && g < k;) {
        size_t h = g;
        while (h < k && !strcmp(ks[h].key, ks[g].key)) h++;
        vb_cmp_sector sec = {.key = (char *)ks[g].key};
        /* the label from the highest-level unit: the first plan's first unit */
        const vb_cmp_unit *u0 = &s->plans.items[ks[g].plan].units.items[ks[g].item];
        vb_buf tmp;
        vb_buf_init(&tmp);
        size_t lb = 0, le = 0;
        st = vb_fold_sector_key(s->folder, u0->unit, s->plans.items[ks[g].plan].place, &tmp, &lb, &le);
        vb_buf_free(&tmp);
        sec.label = le > lb ? vb_arena_strndup(s->arena, u0->unit + lb, le - lb) : u0->unit;
        for (size_t x = g; x < h; x++) {
            if (x == g || ks[x].plan != ks[x - 1].plan) sec.n_plans++;
            s->plans.items[ks[x].plan].units.items[ks[x].item].sector = (int)s->sectors.len;
        }
        if (st == VB_OK && (!sec.label || VB_PUSH(s->arena, s->sectors, sec))) st = VB_E_NOMEM;
        g = h;
    }
    free(ks);
    return st;
}

static vb_status group_basis(vb_cmp_set *s) {
    size_t n = 0;
    for (size_t i = 0; i < s->plans.len; i++) n += s->plans.items[i].refs.len;
    if (!n) return VB_OK;
    keyed *ks = calloc(n, sizeof *ks);
    if (!ks) return VB_E_NOMEM;
    vb_status st = VB_OK;
    size_t k = 0;
    for (size_t i = 0; i < s->plans.len && st == VB_OK; i++) {
        vb_cmp_plan *p = &s->plans.items[i];
        for (size_t j = 0; j < p->refs.len; j++) {
            if (!p->refs.items[j].number) continue;
            char *kc = fold_copy(s, p->refs.items[j].number, true);
            if (!kc) {
                st = VB_E_NOMEM;
                break;
            }
            if (kc[0]) ks[k++] = (keyed){kc, i, j};
        }
    }
    /* plan numbers, folded once, to mark cited documents that are compared */
    char **plan_keys = st == VB_OK ? vb_arena_alloc(s->arena, (s->plans.len + 1) * sizeof(char *)) : NULL;
    if (st == VB_OK && !plan_keys) st = VB_E_NOMEM;
    for (size_t i = 0; st == VB_OK && i < s->plans.len; i++) {
        const char *num = plan_number(&s->plans.items[i]);
        if (num && !(plan_keys[i] = fold_copy(s, num, true))) st = VB_E_NOMEM;
    }
    if (st == VB_OK) qsort(ks, k, sizeof *ks, keyed_cmp);
    for (size_t g = 0; st == VB_OK && g < k;) {
        size_t h = g;
        while (h < k && !strcmp(ks[h].key, ks[g].key)) h++;
        vb_cmp_basis row = {.key = (char *)ks[g].key, .in_set = -1};
        for (size_t x = g; x < h; x++) {
            const vb_cmp_ref *r = &s->plans.items[ks[x].plan].refs.items[ks[x].item];
            if (!row.number) row.number = r->number;
            if (!row.doc_type) row.doc_type = r->doc_type;
            if (!row.date) row.date = r->date;
            if (!row.issuer) row.issuer = r->issuer;
            if (x == g || ks[x].plan != ks[x - 1].plan) row.n_plans++;
            s->plans.items[ks[x].plan].refs.items[ks[x].item].basis_row = (int)s->basis.len;
        }
        for (size_t i = 0; i < s->plans.len; i++)
            if (plan_keys[i] && !strcmp(plan_keys[i], row.key)) {
                row.in_set = (int)i;
                break;
            }
        if (VB_PUSH(s->arena, s->basis, row)) st = VB_E_NOMEM;
        g = h;
    }
    free(ks);
    return st;
}

static bool timeline_role(const char *role) {
    return role && (!strcmp(role, "issued") || !strcmp(role, "deadline") || !strcmp(role, "recurring") ||
                    !strcmp(role, "period"));
}

/* Undated cycles ("quarterly") after every dated event. */
static const char *sort_value(const vb_cmp_event *e) { return e->value ? e->value : "~"; }

static int nullable_cmp(const char *a, const char *b) {
    return a && b ? strcmp(a, b) : (a != NULL) - (b != NULL);
}

/* Same date, plan, role, cycle and rule: one event (a period named twice). */
static int event_same(const vb_cmp_event *a, const vb_cmp_event *b) {
    int c = strcmp(sort_value(a), sort_value(b));
    if (c) return c;
    if (a->plan != b->plan) return a->plan - b->plan;
    if ((c = strcmp(a->role, b->role))) return c;
    if ((c = nullable_cmp(a->recurrence, b->recurrence))) return c;
    return nullable_cmp(a->rule, b->rule); /* "hằng quý" and "ngày 10 của tháng cuối quý" differ */
}

static int event_cmp(const void *x, const void *y) {
    const vb_cmp_event *a = x, *b = y;
    int c = event_same(a, b);
    return c ? c : a->date - b->date;
}

static vb_status build_timeline(vb_cmp_set *s) {
    for (size_t i = 0; i < s->plans.len; i++) {
        const vb_cmp_plan *p = &s->plans.items[i];
        bool issued_seen = false;
        for (size_t j = 0; j < p->dates.len; j++) {
            const vb_cmp_date *d = &p->dates.items[j];
            if (!timeline_role(d->role)) continue;
            if (!strcmp(d->role, "issued")) issued_seen = true;
            vb_cmp_event e = {(int)i, (int)j, d->value, d->role, d->recurrence, d->text, d->rule};
            if (VB_PUSH(s->arena, s->timeline, e)) return VB_E_NOMEM;
        }
        /* the header date is the issue date even when no dated phrase was kept */
        if (!issued_seen && p->date) {
            vb_cmp_event e = {(int)i, -1, p->date, "issued", NULL, NULL, NULL};
            if (VB_PUSH(s->arena, s->timeline, e)) return VB_E_NOMEM;
        }
    }
    if (!s->timeline.len) return VB_OK;
    qsort(s->timeline.items, s->timeline.len, sizeof *s->timeline.items, event_cmp);
    size_t w = 1;
    for (size_t i = 1; i < s->timeline.len; i++)
        if (event_same(&s->timeline.items[w - 1], &s->timeline.items[i]))
            s->timeline.items[w++] = s->timeline.items[i];
    s->timeline.len = w;
    return VB_OK;
}

vb_status vb_cmp_analyse(vb_cmp_set *s) {
    vb_status st;
    if ((st = infer_numbers(s)) != VB_OK || (st = select_plans(s)) != VB_OK ||
        (st = make_labels(s)) != VB_OK || (st = group_sectors(s)) != VB_OK ||
        (st = group_basis(s)) != VB_OK || (st = build_timeline(s)) != VB_OK ||
        (st = vb_cmp_chain_build(s)) != VB_OK)
        return st;
    return VB_OK;
}
