#include "cmp_chain.h"

#include <stdlib.h>
#include <string.h>

static int relation_rank(const char *rel) {
    if (!rel) return 0;
    if (!strcmp(rel, "basis") || !strcmp(rel, "implements")) return 2;
    return 1;
}

static int edge_cmp(const void *x, const void *y) {
    const vb_cmp_edge *a = x, *b = y;
    if (a->from != b->from) return a->from - b->from;
    return a->to - b->to;
}

static vb_status add_nodes(vb_cmp_set *s, int *row_node) {
    vb_arena *a = s->arena;
    for (size_t i = 0; i < s->plans.len; i++) {
        const vb_cmp_plan *p = &s->plans.items[i];
        vb_cmp_node n = {.plan = (int)i, .basis_row = -1};
        bool article = p->kind && !strcmp(p->kind, "article");
        n.label = p->number            ? p->number
                  : p->number_inferred ? p->number_inferred
                                       : vb_arena_strdup(a, article ? "(article)" : "(no number)");
        n.title = p->subject ? vb_arena_printf(a, "%s: %s", p->label, p->subject) : p->label;
        if (!n.label || !n.title || VB_PUSH(a, s->nodes, n)) return VB_E_NOMEM;
    }
    for (size_t r = 0; r < s->basis.len; r++) {
        const vb_cmp_basis *b = &s->basis.items[r];
        if (b->in_set >= 0) {
            row_node[r] = b->in_set;
            continue;
        }
        vb_cmp_node n = {.plan = -1, .basis_row = (int)r, .label = b->number};
        n.title = vb_arena_printf(a, "%s %s%s%s%s%s", b->doc_type ? b->doc_type : "", b->number,
                                  b->date ? " of " : "", b->date ? b->date : "", b->issuer ? " — " : "",
                                  b->issuer ? b->issuer : "");
        row_node[r] = (int)s->nodes.len;
        if (!n.title || VB_PUSH(a, s->nodes, n)) return VB_E_NOMEM;
    }
    return VB_OK;
}

static vb_status add_edges(vb_cmp_set *s, const int *row_node) {
    for (size_t i = 0; i < s->plans.len; i++) {
        const vb_cmp_plan *p = &s->plans.items[i];
        for (size_t k = 0; k < p->refs.len; k++) {
            const vb_cmp_ref *r = &p->refs.items[k];
            if (r->basis_row < 0) continue;
            int to = row_node[r->basis_row];
            if (to == (int)i) continue; /* a plan naming its own number */
            vb_cmp_edge e = {(int)i, to, r->relation};
            if (VB_PUSH(s->arena, s->edges, e)) return VB_E_NOMEM;
        }
    }
    if (!s->edges.len) return VB_OK;
    qsort(s->edges.items, s->edges.len, sizeof *s->edges.items, edge_cmp);
    size_t w = 0;
    for (size_t i = 0; i < s->edges.len; i++) {
        vb_cmp_edge *e = &s->edges.items[i];
        if (w && s->edges.items[w - 1].from == e->from && s->edges.items[w - 1].to == e->to) {
            if (relation_rank(e->relation) > relation_rank(s->edges.items[w - 1].relation))
                s->edges.items[w - 1].relation = e->relation;
            continue;
        }
        s->edges.items[w++] = *e;
    }
    s->edges.len = w;
    return VB_OK;
}

typedef struct {
    double key;
    int node;
} ordered;

static int ordered_cmp(const void *x, const void *y) {
    const ordered *a = x, *b = y;
    if (a->key != b->key) return a->key < b->key ? -1 : 1;
    return a->node - b->node;
}

static vb_status layout(vb_cmp_set *s) {
    size_t n = s->nodes.len;
    vb_cmp_node *nd = s->nodes.items;
    /* longest path, one relaxation pass per layer at most */
    for (int pass = 0; pass < VB_CHAIN_MAX_LAYERS; pass++) {
        bool changed = false;
        for (size_t i = 0; i < s->edges.len; i++) {
            const vb_cmp_edge *e = &s->edges.items[i];
            int want = nd[e->from].layer + 1;
            if (want < VB_CHAIN_MAX_LAYERS && nd[e->to].layer < want) {
                nd[e->to].layer = want;
                changed = true;
            }
        }
        if (!changed) break;
    }
    ordered *buf = calloc(n ? n : 1, sizeof *buf);
    double *sum = calloc(n ? n : 1, sizeof *sum);
    int *cnt = calloc(n ? n : 1, sizeof *cnt);
    if (!buf || !sum || !cnt) {
        free(buf), free(sum), free(cnt);
        return VB_E_NOMEM;
    }
    int max_layer = 0, max_rows = 0;
    for (size_t i = 0; i < n; i++)
        if (nd[i].layer > max_layer) max_layer = nd[i].layer;
    for (int L = 0; L <= max_layer; L++) {
        memset(sum, 0, n * sizeof *sum);
        memset(cnt, 0, n * sizeof *cnt);
        for (size_t i = 0; i < s->edges.len; i++) {
            const vb_cmp_edge *e = &s->edges.items[i];
            if (nd[e->to].layer == L && nd[e->from].layer < L) {
                sum[e->to] += nd[e->from].order;
                cnt[e->to]++;
            }
        }
        size_t m = 0;
        for (size_t i = 0; i < n; i++)
            if (nd[i].layer == L)
                buf[m++] = (ordered){cnt[i] ? sum[i] / cnt[i] : (L ? 1e9 : (double)i), (int)i};
        qsort(buf, m, sizeof *buf, ordered_cmp);
        for (size_t k = 0; k < m; k++) {
            vb_cmp_node *x = &nd[buf[k].node];
            x->order = (int)k;
            x->x = VB_CHAIN_MARGIN + L * (VB_CHAIN_NODE_W + VB_CHAIN_GAP_X);
            x->y = VB_CHAIN_MARGIN + (double)k * (VB_CHAIN_NODE_H + VB_CHAIN_GAP_Y);
        }
        if ((int)m > max_rows) max_rows = (int)m;
    }
    free(buf), free(sum), free(cnt);
    s->graph_w = 2 * VB_CHAIN_MARGIN + (max_layer + 1) * (VB_CHAIN_NODE_W + VB_CHAIN_GAP_X) - VB_CHAIN_GAP_X;
    s->graph_h =
        2 * VB_CHAIN_MARGIN + max_rows * (VB_CHAIN_NODE_H + VB_CHAIN_GAP_Y) - (max_rows ? VB_CHAIN_GAP_Y : 0);
    return VB_OK;
}

vb_status vb_cmp_chain_build(vb_cmp_set *s) {
    int *row_node = vb_arena_alloc(s->arena, (s->basis.len + 1) * sizeof *row_node);
    if (!row_node) return VB_E_NOMEM;
    vb_status st;
    if ((st = add_nodes(s, row_node)) != VB_OK || (st = add_edges(s, row_node)) != VB_OK) return st;
    return layout(s);
}
