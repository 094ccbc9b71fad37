/* Document boundaries within one file's normalised text. */
#include "boundaries.h"

#include "../normalize/rejoin.h"
#include "casing.h"
#include "segment_internal.h"

static bool any_cell(vb_segmenter *sg, int rule, str_view line) {
    str_view cells[8];
    size_t n = split_cells(line, cells, 8);
    for (size_t i = 0; i < n; i++)
        if (match(sg, rule, cells[i])) return true;
    return false;
}

static str_view line_view(const vb_normtext *t, size_t i) {
    return (str_view){t->text + t->lines[i].start, t->lines[i].end - t->lines[i].start};
}

static bool headerish(vb_segmenter *sg, str_view line) {
    if (any_cell(sg, HR_MOTTO, line) || any_cell(sg, HR_PLACE_DATE, line)) return true;
    if (match(sg, HR_SIGN_TITLE, line)) return false;
    if (match(sg, HR_ORG, line) && vb_is_upper_text(line.s, line.len)) return true;
    if (match(sg, HR_TITLE, line)) return true; /* the rule is case-sensitive: an upper-case type */
    return match(sg, HR_ATTACHED, line);
}

/* A new document starts at a header-like line once the current one has
 * closed with its "Nơi nhận" list, or at a second national motto after a
 * body (then its issuer lines just above it belong to the new one). */
size_t vb_find_documents(vb_segmenter *sg, const vb_normtext *t, vb_line_range *out, size_t max) {
    size_t n = 0, start = 0, body_lines = 0;
    bool closed = false;
    for (size_t i = 0; i < t->n_lines; i++) {
        str_view line = line_view(t, i);
        if (match(sg, HR_DISTRIB, line)) {
            closed = true;
            continue;
        }
        size_t cut = (size_t)-1;
        if (closed && headerish(sg, line)) {
            cut = i;
        } else if (!closed && body_lines > 8 && any_cell(sg, HR_MOTTO, line)) {
            cut = i;
            while (cut > start + 1 && match(sg, HR_ORG, line_view(t, cut - 1)) &&
                   vb_is_upper_text(line_view(t, cut - 1).s, line_view(t, cut - 1).len))
                cut--;
        }
        if (cut != (size_t)-1 && cut > start && n + 1 < max) {
            out[n++] = (vb_line_range){start, cut};
            start = cut;
            closed = false;
            body_lines = 0;
            continue;
        }
        if (line.len > 80 || vb_list_label_len(line.s, line.len)) body_lines++;
    }
    if (t->n_lines > start) out[n++] = (vb_line_range){start, t->n_lines};
    return n;
}
