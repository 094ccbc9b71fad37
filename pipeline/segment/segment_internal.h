/* segment_internal.h — what the segmenter's files share: the segmenter
 * (its compiled header rules), a string view, and the helpers that match a
 * rule on a view and cut views into cells.  Internal to pipeline/segment/. */
#ifndef VB_SEGMENT_INTERNAL_H
#define VB_SEGMENT_INTERNAL_H
#include <stdbool.h>
#include <string.h>

#include "../core/buf.h"
#include "header_rules.h"
#include "sections.h"
#include "segment.h"

struct vb_segmenter {
    vb_header_rules header; /* the rows `rules` was compiled from */
    vb_ruleset rules;
    vb_buf folded;                /* fold_marks' output, reused */
    char **folded_titles;         /* vb_doctypes[i].title folded, for OCR'd titles */
    struct vb_closing *closing;   /* signature.h: closing and boundary rules */
    struct vb_title_of *title_of; /* title_of.h: the old one-run title */
};

typedef struct {
    const char *s;
    size_t len;
} str_view;

static inline bool match(vb_segmenter *sg, int rule, str_view v) {
    return vb_rule_match(&sg->rules, (size_t)rule, v.s, v.len, 0, NULL, NULL);
}

/* Named group of the last match of `rule` as a view into v; len 0 if unset. */
static inline str_view group(vb_segmenter *sg, int rule, str_view v, const char *name) {
    size_t s, e;
    if (!vb_rule_group(&sg->rules, (size_t)rule, name, &s, &e)) return (str_view){v.s, 0};
    return (str_view){v.s + s, e - s};
}

static inline str_view trim(str_view v, const char *chars) {
    while (v.len && strchr(chars, v.s[0])) v.s++, v.len--;
    while (v.len && strchr(chars, v.s[v.len - 1])) v.len--;
    return v;
}

/* Cells of a line: header columns separated by tabs or '|' (a web table
 * flattened to text). */
static inline size_t split_cells(str_view line, str_view *cells, size_t max) {
    size_t n = 0, start = 0;
    while (start <= line.len && n < max) {
        size_t i = start;
        while (i < line.len && line.s[i] != '\t' && line.s[i] != '|') i++;
        if (i > start) cells[n++] = (str_view){line.s + start, i - start};
        start = i + 1;
    }
    return n;
}

static inline vb_span rel_span(const vb_doc *d, str_view v) {
    size_t s = (size_t)(v.s - d->text);
    return (vb_span){s, s + v.len};
}

/* A list item's text: its leading "-", "+" or "*" and closing punctuation dropped. */
static inline str_view strip_item(str_view v) {
    v = trim(v, " \t");
    if (v.len && strchr("-+*", v.s[0])) v = trim((str_view){v.s + 1, v.len - 1}, " \t");
    return trim(v, " \t;.,");
}

/* A line's text within d->text (lines are offsets into it). */
static inline str_view doc_line(const vb_doc *d, const vb_text_line *l) {
    return (str_view){d->text + l->start, l->end - l->start};
}

#endif
