#include "sections.h"

#include <stdlib.h>
#include <string.h>

#include "../core/text.h"

typedef enum { K_ROMAN = 1, K_ARABIC, K_DOTTED, K_LETTER = 6, K_DASH, K_PLUS } label_kind;

typedef struct {
    int rank;  /* nesting rank: lower is higher in the tree */
    int value; /* ordinal for gap checks, 0 for bullets */
    size_t parent;
    size_t line;
    size_t label_len; /* bytes of the label text without '.'/')' and space */
    size_t skip;      /* bytes of label + punctuation + space */
} flat_item;

static int roman_value(const char *s, size_t n) {
    int total = 0, prev = 0;
    for (size_t i = n; i-- > 0;) {
        int v = s[i] == 'I'   ? 1
                : s[i] == 'V' ? 5
                : s[i] == 'X' ? 10
                : s[i] == 'L' ? 50
                : s[i] == 'C' ? 100
                              : 0;
        if (!v) return 0;
        total += v < prev ? -v : v;
        if (v > prev) prev = v;
    }
    return total;
}

/* Classify the label at the start of a line; 0 when there is none. */
static int classify(const char *s, size_t len, flat_item *it) {
    size_t n = vb_list_label_len(s, len);
    if (!n) return 0;
    it->skip = n;
    size_t body = n;
    while (body > 0 && (s[body - 1] == ' ' || s[body - 1] == '\t')) body--;
    if (s[0] == '-' || s[0] == '*' || (unsigned char)s[0] == 0xE2) {
        it->rank = K_DASH;
        /* the label is the bullet itself: "•" is three bytes of UTF-8 */
        it->label_len = (unsigned char)s[0] == 0xE2 ? 3 : 1;
        return 1;
    }
    if (s[0] == '+') {
        it->rank = K_PLUS;
        it->label_len = 1;
        return 1;
    }
    if (body > 0 && (s[body - 1] == '.' || s[body - 1] == ')')) body--;
    it->label_len = body;
    if (s[0] >= '0' && s[0] <= '9') {
        size_t dots = 0;
        for (size_t i = 0; i < body; i++) dots += s[i] == '.';
        it->rank = dots ? K_DOTTED + (int)dots - 1 : K_ARABIC;
        const char *last = s;
        for (size_t i = 0; i < body; i++)
            if (s[i] == '.') last = s + i + 1;
        it->value = atoi(last);
        return 1;
    }
    if (strchr("IVXLC", s[0])) {
        it->rank = K_ROMAN;
        it->value = roman_value(s, body);
        return it->value > 0;
    }
    it->rank = K_LETTER;
    it->value = (unsigned char)s[0] >= 'a' && (unsigned char)s[0] <= 'z' ? s[0] - 'a' + 1 : 0;
    return 1;
}

/* The flat items as a tree, in document order: children of an item are
 * linked by `next`, from `first`; `count` children each.  Index n stands
 * for the root (parent (size_t)-1).  `next_le[i]` is the first item after i
 * whose rank is not below items[i].rank (n if none): where i's body ends.
 * Built once, so the tree costs O(n) instead of a scan of all items per
 * item. */
typedef struct {
    size_t *first, *next, *count, *next_le;
} flat_tree;

static const size_t NONE = (size_t)-1;

static vb_status build_children(vb_arena *a, vb_doc *d, const vb_text_line *lines, const flat_item *items,
                                size_t n, const flat_tree *tr, size_t parent, vb_sectionv *out, int level) {
    size_t count = tr->count[parent];
    if (!count) return VB_OK;
    out->items = vb_arena_alloc(a, count * sizeof *out->items);
    if (!out->items) return VB_E_NOMEM;
    out->cap = count;
    int prev_value = 0, prev_rank = 0;
    for (size_t i = tr->first[parent]; i != NONE; i = tr->next[i]) {
        const flat_item *it = &items[i];
        const vb_text_line *ln = &lines[it->line];
        const char *s = d->text + ln->start;
        size_t len = ln->end - ln->start;
        vb_section *sec = &out->items[out->len++];
        sec->label = vb_arena_strndup(a, s, it->label_len);
        sec->level = level;
        sec->span = (vb_span){ln->start, ln->end};
        if (it->rank < K_DASH && it->skip < len) {
            const char *t = s + it->skip;
            size_t tl = len - it->skip;
            const char *colon = memchr(t, ':', tl);
            if (colon && colon + 1 < t + tl) tl = (size_t)(colon - t);
            while (tl && (t[tl - 1] == ':' || t[tl - 1] == ' ')) tl--;
            sec->title = vb_arena_strndup(a, t, tl);
            if (!sec->title) return VB_E_NOMEM;
        }
        if (!sec->label) return VB_E_NOMEM;
        /* numbering gaps among siblings of the same kind */
        if (it->value && prev_rank == it->rank && prev_value && it->value != prev_value + 1 &&
            vb_doc_warn(a, d, "W_SECTION_SKIPPED", &sec->span,
                        "section %s follows number %d: a number is skipped", sec->label, prev_value))
            return VB_E_NOMEM;
        if (it->value) {
            prev_value = it->value;
            prev_rank = it->rank;
        }
        vb_status s2 = build_children(a, d, lines, items, n, tr, i, &sec->children, level + 1);
        if (s2 != VB_OK) return s2;
        /* body: from the heading to the end of its last descendant */
        size_t j = tr->next_le[i];
        size_t end = j < n ? (items[j].line > 0 ? lines[items[j].line - 1].end : ln->end) : d->text_len;
        sec->body = (vb_span){ln->start, end < ln->end ? ln->end : end};
    }
    return VB_OK;
}

vb_status vb_sections_build(vb_arena *a, vb_doc *d, const vb_text_line *lines, size_t from, size_t to) {
    flat_item *items = NULL;
    size_t n = 0, cap = 0;
    size_t stack[16];
    size_t depth = 0;
    for (size_t li = from; li < to; li++) {
        flat_item it = {0};
        const char *s = d->text + lines[li].start;
        if (!classify(s, lines[li].end - lines[li].start, &it)) continue;
        it.line = li;
        while (depth && items[stack[depth - 1]].rank >= it.rank) depth--;
        it.parent = depth ? stack[depth - 1] : (size_t)-1;
        if (vb_arena_grow(a, (void **)&items, &cap, n + 1, sizeof *items)) return VB_E_NOMEM;
        items[n] = it;
        if (depth < sizeof stack / sizeof *stack) stack[depth++] = n;
        n++;
    }
    if (!n) return VB_OK;
    flat_tree tr;
    size_t *mem = vb_arena_alloc(a, (4 * n + 2) * sizeof *mem);
    if (!mem) return VB_E_NOMEM;
    tr.first = mem;                                           /* n + 1 */
    tr.count = mem + n + 1;                                   /* n + 1 */
    tr.next = mem + 2 * n + 2;                                /* n */
    tr.next_le = mem + 3 * n + 2;                             /* n */
    size_t *last = vb_arena_alloc(a, (n + 1) * sizeof *last); /* last child so far */
    if (!last) return VB_E_NOMEM;
    for (size_t i = 0; i <= n; i++) tr.first[i] = last[i] = NONE; /* counts are zeroed */
    for (size_t i = 0; i < n; i++) {
        size_t p = items[i].parent == (size_t)-1 ? n : items[i].parent;
        tr.next[i] = NONE;
        if (last[p] == NONE)
            tr.first[p] = i;
        else
            tr.next[last[p]] = i;
        last[p] = i;
        tr.count[p]++;
    }
    /* next item of rank <= mine: from the right, a stack of items whose ranks
     * rise from bottom to top; drop those above my rank, the top is it */
    size_t *st = last, top = 0; /* reused: at most n entries */
    for (size_t i = n; i-- > 0;) {
        while (top && items[st[top - 1]].rank > items[i].rank) top--;
        tr.next_le[i] = top ? st[top - 1] : n;
        st[top++] = i;
    }
    return build_children(a, d, lines, items, n, &tr, n, &d->sections, 1);
}
