/* The closing of a document: its "Nơi nhận" list and the signer's name. */
#include "signature.h"

#include "casing.h"
#include "segment_internal.h"

/* Nơi nhận list and the signer's name, read from the end of the document. */
vb_status vb_read_closing(vb_segmenter *sg, vb_arena *a, vb_doc *d, const vb_text_line *lines,
                          size_t n_lines, size_t from, size_t *body_to, bool *distribution) {
    *body_to = n_lines;
    for (size_t i = from; i < n_lines; i++) {
        str_view line = {d->text + lines[i].start, lines[i].end - lines[i].start};
        if (!match(sg, HR_DISTRIB, line)) continue;
        *distribution = true;
        if (*body_to == n_lines) *body_to = i;
        str_view rest = strip_item(group(sg, HR_DISTRIB, line, "rest"));
        if (rest.len) {
            char *e = vb_arena_strndup(a, rest.s, rest.len);
            if (!e || VB_PUSH(a, d->header.distribution, e)) return VB_E_NOMEM;
        }
        for (size_t j = i + 1; j < n_lines; j++) {
            str_view item = {d->text + lines[j].start, lines[j].end - lines[j].start};
            if (!item.len || !strchr("-+*", item.s[0])) break;
            str_view v = strip_item(item);
            char *e = v.len ? vb_arena_strndup(a, v.s, v.len) : NULL;
            if (v.len && (!e || VB_PUSH(a, d->header.distribution, e))) return VB_E_NOMEM;
        }
        break;
    }
    /* signer: a person's name among the last lines, after the body */
    size_t lo = n_lines > 12 ? n_lines - 12 : 0;
    if (lo < from) lo = from;
    for (size_t i = n_lines; i-- > lo;) {
        str_view line = trim((str_view){d->text + lines[i].start, lines[i].end - lines[i].start}, " \t");
        if (!line.len || strchr("-+*", line.s[0]) || line.len > 60) continue;
        if (!match(sg, HR_PERSON, line)) continue;
        bool upper = vb_is_upper_text(line.s, line.len);
        bool after_title = false;
        for (size_t k = i; k-- > lo && k + 4 > i;) {
            str_view prev = {d->text + lines[k].start, lines[k].end - lines[k].start};
            if (match(sg, HR_SIGN_TITLE, prev)) after_title = true;
        }
        if (upper && !after_title) continue;
        if (match(sg, HR_ORG, line) || match(sg, HR_TITLE, line) || match(sg, HR_MOTTO, line)) continue;
        d->header.signer = vb_sentence_case(a, line.s, line.len, VB_CASE_NAME);
        d->header.signer_span = rel_span(d, line);
        if (!d->header.signer) return VB_E_NOMEM;
        if (*body_to > i) *body_to = i;
        break;
    }
    return VB_OK;
}
