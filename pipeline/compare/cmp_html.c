/* cmp_html.c — the self-contained HTML report (inline CSS + SVG, no script). */
#include <stdlib.h>
#include <string.h>

#include "cmp_chain.h"
#include "cmp_write.h"

static void esc_n(FILE *f, const char *s, size_t n) {
    size_t run = 0; /* bytes that need no escaping, written in one go */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *rep = NULL;
        switch (c) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default:
            if (c < 0x20 && c != '\n' && c != '\t') rep = " "; /* not allowed in HTML */
        }
        if (rep) {
            fwrite(s + i - run, 1, run, f);
            fputs(rep, f);
            run = 0;
        } else {
            run++;
        }
    }
    fwrite(s + n - run, 1, run, f);
}

static void esc(FILE *f, const char *s) {
    if (s) esc_n(f, s, strlen(s));
}

static const vb_cmp_source *source(const vb_cmp_plan *p, int src) {
    return src >= 0 && (size_t)src < p->sources.len ? &p->sources.items[src] : NULL;
}

/* The fact's display text, linked to its quoted sentence, with the span's
 * own words on hover. */
static void fact_link(FILE *f, const vb_cmp_plan *p, int src, const char *display) {
    const vb_cmp_source *q = source(p, src);
    if (!q) {
        fputs("<span class=\"fact nosrc\" title=\"no source span\">", f);
        esc(f, display);
        fputs("</span>", f);
        return;
    }
    fprintf(f, "<a class=\"fact\" href=\"#%s-s%d\" title=\"", p->anchor, src);
    esc_n(f, p->text + q->fact_start, q->fact_end - q->fact_start);
    fputs("\">", f);
    esc(f, display);
    fputs("</a>", f);
}

static const char css[] =
    "body{font:14px/1.45 system-ui,'DejaVu Sans',sans-serif;margin:24px;color:#1d2330;"
    "background:#fff}\n"
    "h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:2px "
    "solid #2f5d8a;padding-bottom:3px}h3{font-size:15px;margin:18px 0 6px}\n"
    "table{border-collapse:collapse;margin:6px 0 10px;width:100%}\n"
    "th,td{border:1px solid #c9d1dc;padding:5px 7px;vertical-align:top;text-align:left}\n"
    "thead th{background:#e8eef6;position:sticky;top:0}\n"
    "tbody th{background:#f5f7fa;font-weight:600;white-space:nowrap}\n"
    "td.empty{color:#9aa3af;text-align:center}\n"
    "a.fact{color:#174f8c;text-decoration:none;font-weight:600}\n"
    "a.fact:hover{text-decoration:underline}\n"
    ".ind{font-size:12px;color:#4b5565;margin-bottom:6px}\n"
    ".unit{margin-bottom:4px}.meta{font-size:12px;color:#4b5565}\n"
    ".role{font-size:11px;border-radius:3px;padding:0 4px;background:#e3e7ee}\n"
    ".role-lead{background:#cfe8d4}.role-requested{background:#f3e3c8}\n"
    "tr.shared td,tr.shared th{background:#fff4c7}\n"
    ".badge{font-size:11px;background:#2f5d8a;color:#fff;border-radius:3px;padding:0 4px}\n"
    ".note{color:#4b5565;font-size:13px}.failed{color:#a11}\n"
    "svg .node rect{stroke-width:1.5}\n"
    "svg .plan rect{fill:#dbe8f6;stroke:#2f5d8a}\n"
    "svg .cited rect{fill:#fff;stroke:#7b8594;stroke-dasharray:4 3}\n"
    "svg text{font:12px system-ui,'DejaVu Sans',sans-serif;fill:#1d2330}\n"
    "svg text.l1{font-weight:700;font-size:13px}\n"
    "svg .edge{fill:none;stroke:#5b6676;stroke-width:1.4}\n"
    "svg .edge.strong{stroke:#2f5d8a;stroke-width:2}\n"
    "ol.src li{margin-bottom:6px}blockquote{margin:0;white-space:pre-wrap}\n"
    "mark{background:#ffe58a}li:target{background:#eef5ff}\n"
    ".legend span{display:inline-block;margin-right:16px}\n"
    ".sw{display:inline-block;width:14px;height:10px;vertical-align:middle;margin-right:4px}\n";

/* <thead>: the `lead` column titles (NULL-ended), then one per plan. */
static void plan_header_row(FILE *f, const vb_cmp_set *s, const char *const *lead) {
    fputs("<thead><tr>", f);
    for (size_t i = 0; lead[i]; i++) fprintf(f, "<th scope=\"col\">%s</th>", lead[i]);
    for (size_t i = 0; i < s->plans.len; i++) {
        const vb_cmp_plan *p = &s->plans.items[i];
        fprintf(f, "<th scope=\"col\"><a href=\"#src-%s\">", p->anchor);
        esc(f, p->label);
        fputs("</a></th>", f);
    }
    fputs("</tr></thead>\n", f);
}

static void overview(FILE *f, const vb_cmp_set *s) {
    fputs("<h2 id=\"plans\">Plans compared</h2>\n<table class=\"overview\"><thead><tr>"
          "<th>Plan</th><th>Issuer</th><th>Number</th><th>Date</th><th>Subject</th>"
          "<th>Facts</th><th>File</th></tr></thead><tbody>\n",
          f);
    for (size_t i = 0; i < s->plans.len; i++) {
        const vb_cmp_plan *p = &s->plans.items[i];
        fprintf(f, "<tr id=\"plan-%s\"><th scope=\"row\">", p->anchor);
        esc(f, p->label);
        fputs("</th><td>", f);
        esc(f, p->issuer ? p->issuer : "—");
        fputs("</td><td>", f);
        if (p->number) {
            esc(f, p->number);
        } else if (p->number_inferred) {
            esc(f, p->number_inferred);
            fputs(" <span class=\"meta\">(not printed; named by a cover letter in the same "
                  "file)</span>",
                  f);
        } else {
            fputs("—", f);
        }
        fputs("</td><td>", f);
        esc(f, p->date ? p->date : "—");
        fputs("</td><td>", f);
        esc(f, p->subject ? p->subject : "—");
        fputs("</td><td class=\"meta\">", f);
        vb_cmp_count(f, p->targets.len, "target");
        fputs(", ", f);
        vb_cmp_count(f, p->units.len, "unit");
        fputs(", ", f);
        vb_cmp_count(f, p->refs.len, "reference");
        fputs(", ", f);
        vb_cmp_count(f, p->dates.len, "date");
        fputs("</td><td class=\"meta\">", f);
        esc(f, p->file);
        fprintf(f, " #%zu</td></tr>\n", p->doc_index + 1);
    }
    fputs("</tbody></table>\n", f);
}

static void targets_table(FILE *f, const vb_cmp_set *s) {
    fputs("<h2 id=\"targets\">Targets by theme</h2>\n<table class=\"matrix\" "
          "id=\"targets-table\">",
          f);
    plan_header_row(f, s, (const char *const[]){"Theme", NULL});
    fputs("<tbody>\n", f);
    for (int t = 0; t < VB_CMP_N_THEMES; t++) {
        fprintf(f, "<tr data-theme=\"%s\"><th scope=\"row\">%s</th>", vb_cmp_themes[t],
                vb_cmp_theme_title(t));
        for (size_t i = 0; i < s->plans.len; i++) {
            const vb_cmp_plan *p = &s->plans.items[i];
            size_t shown = 0;
            for (size_t k = 0; k < p->targets.len; k++) {
                const vb_cmp_target *x = &p->targets.items[k];
                if (x->theme_index != t) continue;
                if (!shown++) fputs("<td>", f);
                char disp[160];
                vb_cmp_target_format(x, disp, sizeof disp);
                fputs("<div class=\"t\">", f);
                fact_link(f, p, x->src, disp);
                if (x->indicator) {
                    fputs("<div class=\"ind\">", f);
                    esc(f, x->indicator);
                    fputs("</div>", f);
                }
                fputs("</div>", f);
            }
            fputs(shown ? "</td>" : "<td class=\"empty\">—</td>", f);
        }
        fputs("</tr>\n", f);
    }
    fputs("</tbody></table>\n", f);
}

static void units_table(FILE *f, const vb_cmp_set *s, const int *order) {
    fputs("<h2 id=\"units\">Who does what</h2>\n<p class=\"note\">Units grouped by sector: "
          "the same sector at different levels (Sở in a province, Phòng in a district) shares "
          "a row.</p>\n<table class=\"matrix\" id=\"units-table\">",
          f);
    plan_header_row(f, s, (const char *const[]){"Sector", NULL});
    fputs("<tbody>\n", f);
    for (size_t r = 0; r < s->sectors.len; r++) {
        const vb_cmp_sector *sec = &s->sectors.items[order[r]];
        fprintf(f, "<tr data-sector=\"");
        esc(f, sec->key);
        fputs("\"><th scope=\"row\">", f);
        esc(f, sec->label);
        fputs("</th>", f);
        for (size_t i = 0; i < s->plans.len; i++) {
            const vb_cmp_plan *p = &s->plans.items[i];
            size_t shown = 0;
            for (size_t k = 0; k < p->units.len; k++) {
                const vb_cmp_unit *u = &p->units.items[k];
                if (u->sector != order[r]) continue;
                if (!shown++) fputs("<td>", f);
                fputs("<div class=\"unit\">", f);
                fact_link(f, p, u->src, u->unit);
                fputs(" <span class=\"role role-", f);
                esc(f, u->role ? u->role : "assigned");
                fputs("\">", f);
                esc(f, u->role ? u->role : "assigned");
                fprintf(f, "</span> <span class=\"meta\">%zu task%s", u->n_tasks, u->n_tasks == 1 ? "" : "s");
                if (u->section) {
                    fputs(" · §", f);
                    esc(f, u->section);
                }
                fputs("</span></div>", f);
            }
            fputs(shown ? "</td>" : "<td class=\"empty\">—</td>", f);
        }
        fputs("</tr>\n", f);
    }
    fputs("</tbody></table>\n", f);
}

static void basis_table(FILE *f, const vb_cmp_set *s, const int *order) {
    fputs("<h2 id=\"basis\">Legal basis</h2>\n<p class=\"note\">Documents the plans cite; rows "
          "cited by two or more plans are highlighted.</p>\n<table class=\"matrix\" "
          "id=\"basis-table\">",
          f);
    plan_header_row(f, s, (const char *const[]){"Cited document", "Date", "Issuer", NULL});
    fputs("<tbody>\n", f);
    for (size_t r = 0; r < s->basis.len; r++) {
        const vb_cmp_basis *b = &s->basis.items[order[r]];
        fprintf(f, "<tr id=\"ref-%d\"%s data-number=\"", order[r],
                b->n_plans >= 2 ? " class=\"shared\"" : "");
        esc(f, b->number);
        fputs("\"><th scope=\"row\">", f);
        if (b->doc_type) {
            esc(f, b->doc_type);
            fputs(" ", f);
        }
        esc(f, b->number);
        if (b->n_plans >= 2) fprintf(f, " <span class=\"badge\">shared by %zu</span>", b->n_plans);
        if (b->in_set >= 0)
            fprintf(f, " <a class=\"badge\" href=\"#plan-%s\">compared</a>",
                    s->plans.items[b->in_set].anchor);
        fputs("</th><td>", f);
        esc(f, b->date ? b->date : "—");
        fputs("</td><td>", f);
        esc(f, b->issuer ? b->issuer : "—");
        fputs("</td>", f);
        for (size_t i = 0; i < s->plans.len; i++) {
            const vb_cmp_plan *p = &s->plans.items[i];
            size_t shown = 0;
            for (size_t k = 0; k < p->refs.len; k++) {
                const vb_cmp_ref *x = &p->refs.items[k];
                if (x->basis_row != order[r]) continue;
                fputs(shown++ ? "<br>" : "<td>", f);
                fact_link(f, p, x->src, x->relation ? x->relation : "cited");
            }
            fputs(shown ? "</td>" : "<td class=\"empty\">—</td>", f);
        }
        fputs("</tr>\n", f);
    }
    fputs("</tbody></table>\n", f);
}

/* At most `max` code points of s, with "…" when cut. */
static void esc_trunc(FILE *f, const char *s, size_t max) {
    if (!s) return;
    size_t i = 0, cps = 0;
    while (s[i] && cps < max) {
        i++;
        while (s[i] && ((unsigned char)s[i] & 0xC0) == 0x80) i++;
        cps++;
    }
    esc_n(f, s, i);
    if (s[i]) fputs("…", f);
}

/* One line of a chain box: never wider than `avail` once rendered.  The
 * width is estimated from the code points (a generous 0.62 em each, wider
 * than the digits and most letters of the fonts in the CSS); when the
 * estimate passes 70% of the room, textLength makes the browser fit the
 * line to the room exactly, whatever font it picked, so a long number is
 * squeezed rather than cut or run past its box.  Past 44 code points the
 * line is cut with "…" (the box's title has it whole). */
static void box_text(FILE *f, const char *cls, double x, double y, double avail, double font_px,
                     const char *str) {
    enum { MAX_CPS = 44 };
    size_t cps = 0;
    for (const char *c = str ? str : ""; *c; c++)
        if (((unsigned char)*c & 0xC0) != 0x80) cps++;
    size_t shown = cps > MAX_CPS ? MAX_CPS : cps;
    double estimate = (double)shown * 0.62 * font_px;
    fprintf(f, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\"", cls, x, y);
    if (estimate > 0.7 * avail)
        fprintf(f, " textLength=\"%.0f\" lengthAdjust=\"spacingAndGlyphs\"",
                estimate < avail ? estimate : avail);
    fputc('>', f);
    esc_trunc(f, str, MAX_CPS);
    fputs("</text>", f);
}

static bool strong(const char *rel) { return rel && (!strcmp(rel, "basis") || !strcmp(rel, "implements")); }

static void chain_svg(FILE *f, vb_cmp_set *s) {
    fputs("<h2 id=\"chain\">The chain</h2>\n<p class=\"legend note\"><span><i class=\"sw\" "
          "style=\"background:#dbe8f6;border:1px solid #2f5d8a\"></i>compared document</span>"
          "<span><i class=\"sw\" style=\"border:1px dashed #7b8594\"></i>cited only</span>"
          "<span>thick arrow: basis / implements; thin: cited</span></p>\n",
          f);
    double w = s->graph_w > 0 ? s->graph_w : 1, h = s->graph_h > 0 ? s->graph_h : 1;
    fprintf(f,
            "<svg id=\"chain-graph\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" "
            "height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"citation "
            "chain\">\n<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" "
            "markerUnits=\"userSpaceOnUse\" markerWidth=\"9\" markerHeight=\"9\" "
            "orient=\"auto-start-reverse\"><path d=\"M0 0 "
            "L10 5 L0 10 z\" fill=\"#5b6676\"/></marker></defs>\n",
            w, h, w, h);
    const double W = VB_CHAIN_NODE_W, H = VB_CHAIN_NODE_H;
    for (size_t i = 0; i < s->edges.len; i++) {
        const vb_cmp_edge *e = &s->edges.items[i];
        const vb_cmp_node *a = &s->nodes.items[e->from], *b = &s->nodes.items[e->to];
        fprintf(f, "<path class=\"edge%s\" data-from=\"", strong(e->relation) ? " strong" : "");
        esc(f, a->label);
        fputs("\" data-to=\"", f);
        esc(f, b->label);
        if (b->layer > a->layer) {
            double x1 = a->x + W, y1 = a->y + H / 2, x2 = b->x, y2 = b->y + H / 2;
            double mx = (x1 + x2) / 2;
            fprintf(f, "\" d=\"M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f\"", x1, y1, mx, y1, mx, y2, x2, y2);
        } else { /* a back edge (a cycle): loop over the top of both boxes */
            double x1 = a->x + W / 2, y1 = a->y, x2 = b->x + W / 2, y2 = b->y;
            double top = (y1 < y2 ? y1 : y2) - 10;
            fprintf(f, "\" d=\"M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f\"", x1, y1, x1, top, x2, top, x2,
                    y2);
        }
        fputs(" marker-end=\"url(#arrow)\"><title>", f);
        esc(f, a->label);
        fputs(" cites ", f);
        esc(f, b->label);
        fputs(" (", f);
        esc(f, e->relation ? e->relation : "cited");
        fputs(")</title></path>\n", f);
    }
    for (size_t i = 0; i < s->nodes.len; i++) {
        const vb_cmp_node *n = &s->nodes.items[i];
        const vb_cmp_plan *p = n->plan >= 0 ? &s->plans.items[n->plan] : NULL;
        /* a box opens its plan's row, or the cited document's basis row */
        if (p)
            fprintf(f, "<a href=\"#plan-%s\">", p->anchor);
        else
            fprintf(f, "<a href=\"#ref-%d\">", n->basis_row);
        fprintf(f, "<g class=\"node %s\" data-number=\"", p ? "plan" : "cited");
        esc(f, n->label);
        fputs("\"><title>", f);
        esc(f, n->title);
        fprintf(f, "</title><rect x=\"%.1f\" y=\"%.1f\" width=\"%.0f\" height=\"%.0f\" rx=\"5\"/>", n->x,
                n->y, W, H);
        vb_buf line;
        vb_buf_init(&line);
        vb_buf_puts(&line, n->label);
        if (p && !p->number && p->number_inferred) vb_buf_puts(&line, " (inferred)");
        box_text(f, "l1", n->x + 8, n->y + 17, W - 16, 13, vb_buf_cstr(&line));
        vb_buf_reset(&line);
        if (p) {
            const char *dash = strstr(p->label, " — ");
            if (dash) { /* place and year, then the type: the number is line 1 */
                vb_buf_append(&line, p->label, (size_t)(dash - p->label));
                vb_buf_puts(&line, " · ");
                vb_buf_puts(&line, p->doc_type ? p->doc_type : "document");
            } else {
                vb_buf_puts(&line, p->label);
            }
        } else {
            const vb_cmp_basis *b = &s->basis.items[n->basis_row];
            vb_buf_puts(&line, b->doc_type ? b->doc_type : "");
            if (b->date) {
                vb_buf_puts(&line, b->doc_type ? " · " : "");
                vb_buf_puts(&line, b->date);
            }
        }
        box_text(f, "l2", n->x + 8, n->y + 34, W - 16, 12, vb_buf_cstr(&line));
        vb_buf_free(&line);
        fputs("</g></a>\n", f);
    }
    fputs("</svg>\n", f);
}

static void timeline_table(FILE *f, const vb_cmp_set *s) {
    fputs("<h2 id=\"timeline\">Timeline</h2>\n<table id=\"timeline-table\"><thead><tr>"
          "<th>Date</th><th>Plan</th><th>Role</th><th>Cycle</th><th>Words</th></tr></thead>"
          "<tbody>\n",
          f);
    for (size_t i = 0; i < s->timeline.len; i++) {
        const vb_cmp_event *e = &s->timeline.items[i];
        const vb_cmp_plan *p = &s->plans.items[e->plan];
        fputs("<tr><td>", f);
        esc(f, e->value ? e->value : "—");
        fputs("</td><td>", f);
        esc(f, p->label);
        fputs("</td><td>", f);
        esc(f, e->role);
        fputs("</td><td>", f);
        char cycle[128];
        vb_cmp_cycle_text(e->recurrence, e->rule, cycle, sizeof cycle);
        esc(f, cycle);
        fputs("</td><td>", f);
        if (e->date >= 0)
            fact_link(f, p, p->dates.items[e->date].src, e->text ? e->text : e->value);
        else
            fputs("<span class=\"meta\">header date</span>", f);
        fputs("</td></tr>\n", f);
    }
    fputs("</tbody></table>\n", f);
}

/* A source's place in the Sources list: by sentence, then by its words. */
typedef struct {
    size_t ctx_start, ctx_end, fact_start, idx;
} src_key;

static int src_key_cmp(const void *x, const void *y) {
    const src_key *a = x, *b = y;
    if (a->ctx_start != b->ctx_start) return a->ctx_start < b->ctx_start ? -1 : 1;
    if (a->ctx_end != b->ctx_end) return a->ctx_end < b->ctx_end ? -1 : 1;
    if (a->fact_start != b->fact_start) return a->fact_start < b->fact_start ? -1 : 1;
    return a->idx < b->idx ? -1 : a->idx > b->idx;
}

/* One quoted sentence with the words of every fact read from it marked;
 * each fact's link target is its own mark, or an anchor where its words
 * start when they overlap an earlier fact's.  keys[0..n) share the
 * sentence, by where their words start. */
static void sentence(FILE *f, const vb_cmp_plan *p, const src_key *keys, size_t n) {
    const vb_cmp_source *first = &p->sources.items[keys[0].idx];
    size_t pos = first->ctx_start;
    fprintf(f, "<li><blockquote>%s", first->cut_before ? "… " : "");
    for (size_t k = 0; k < n; k++) {
        const vb_cmp_source *q = &p->sources.items[keys[k].idx];
        if (q->fact_start >= pos) {
            esc_n(f, p->text + pos, q->fact_start - pos);
            fprintf(f, "<mark id=\"%s-s%zu\">", p->anchor, keys[k].idx);
            esc_n(f, p->text + q->fact_start, q->fact_end - q->fact_start);
            fputs("</mark>", f);
            pos = q->fact_end;
            continue;
        }
        fprintf(f, "<span id=\"%s-s%zu\"></span>", p->anchor, keys[k].idx);
        if (q->fact_end > pos) {
            fputs("<mark>", f);
            esc_n(f, p->text + pos, q->fact_end - pos);
            fputs("</mark>", f);
            pos = q->fact_end;
        }
    }
    if (first->ctx_end > pos) esc_n(f, p->text + pos, first->ctx_end - pos);
    fprintf(f, "%s</blockquote></li>\n", first->cut_after ? " …" : "");
}

static void sources(FILE *f, const vb_cmp_set *s) {
    fputs("<h2 id=\"sources\">Sources</h2>\n<p class=\"note\">Every fact above links here: the "
          "sentence it was read from, the fact's own words marked.</p>\n",
          f);
    for (size_t i = 0; i < s->plans.len; i++) {
        const vb_cmp_plan *p = &s->plans.items[i];
        fprintf(f, "<section class=\"sources\" id=\"src-%s\"><h3>", p->anchor);
        esc(f, p->label);
        fputs(" <span class=\"meta\">", f);
        esc(f, p->file);
        fprintf(f, " #%zu</span></h3>\n", p->doc_index + 1);
        if (!p->sources.len)
            fputs("<p class=\"note\">No facts with a source span.</p>\n", f);
        else
            fputs("<ol class=\"src\">\n", f);
        size_t n = p->sources.len;
        src_key *keys = n ? malloc(n * sizeof *keys) : NULL;
        for (size_t k = 0; k < n; k++) {
            const vb_cmp_source *q = &p->sources.items[k];
            src_key one = {q->ctx_start, q->ctx_end, q->fact_start, k};
            if (!keys)
                sentence(f, p, &one, 1); /* no memory: one sentence per fact */
            else
                keys[k] = one;
        }
        if (keys) qsort(keys, n, sizeof *keys, src_key_cmp);
        for (size_t k = 0, next; keys && k < n; k = next) {
            for (next = k + 1; next < n; next++)
                if (keys[next].ctx_start != keys[k].ctx_start || keys[next].ctx_end != keys[k].ctx_end) break;
            sentence(f, p, keys + k, next - k);
        }
        free(keys);
        if (p->sources.len) fputs("</ol>\n", f);
        fputs("</section>\n", f);
    }
}

vb_status vb_cmp_write_html(vb_cmp_set *s, const char *const *failed, size_t n_failed, FILE *f) {
    vb_cmp_orders o;
    vb_status st = vb_cmp_orders_make(s, &o);
    if (st != VB_OK) return st;
    fprintf(f,
            "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">\n"
            "<meta name=\"generator\" content=\"vanban %s\">\n"
            "<title>vanban compare — %zu plans</title>\n<style>\n%s</style></head>\n<body>\n",
            VB_VERSION, s->plans.len, css);
    fputs("<h1>Plans side by side</h1>\n<p class=\"note\">", f);
    vb_cmp_summary(f, s);
    fprintf(f, " Hover a value for the words it was read from; click it for the sentence. "
               "<a href=\"#targets\">Targets</a> · <a href=\"#units\">Who does what</a> · "
               "<a href=\"#basis\">Legal basis</a> · <a href=\"#chain\">Chain</a> · "
               "<a href=\"#timeline\">Timeline</a> · <a href=\"#sources\">Sources</a></p>\n");
    for (size_t i = 0; i < n_failed; i++) {
        fputs("<p class=\"failed\">Not compared (could not be read): ", f);
        esc(f, failed[i]);
        fputs("</p>\n", f);
    }
    overview(f, s);
    targets_table(f, s);
    units_table(f, s, o.sectors);
    basis_table(f, s, o.basis);
    chain_svg(f, s);
    timeline_table(f, s);
    sources(f, s);
    fputs("</body></html>\n", f);
    vb_cmp_orders_free(&o);
    return ferror(f) ? VB_E_IO : VB_OK;
}
