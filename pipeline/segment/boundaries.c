/* Document boundaries within one file's normalised text. */
#include "boundaries.h"

#include "../core/text.h"
#include "casing.h"
#include "segment_internal.h"
#include "signature.h"

enum { NONE = (size_t)-1 };

static str_view line_view(const vb_normtext *t, size_t i) {
    if (i >= t->n_lines) return (str_view){"", 0};
    return (str_view){t->text + t->lines[i].start, t->lines[i].end - t->lines[i].start};
}

/* A header's motto: "CỘNG HÒA …" with "Độc lập - Tự do - Hạnh phúc" on
 * its line or the next two (a font-sample table prints the words alone),
 * or the party's motto. */
static bool header_motto(vb_closing *c, const vb_normtext *t, size_t i) {
    str_view line = line_view(t, i);
    if (vb_closing_is_party_motto(c, line)) return true;
    if (!vb_closing_is_motto(c, line)) return false;
    for (size_t k = i; k < t->n_lines && k <= i + 2; k++)
        if (vb_closing_is_motto_tail(c, line_view(t, k))) return true;
    return false;
}

/* A line that may sit above the motto in a flattened two-column header:
 * the issuer's lines, its "Số:" line, a rule. */
static bool left_column(vb_closing *c, str_view line) {
    str_view v = trim(line, " \t|*");
    if (!v.len) return true;
    if (vb_closing_is_number_or_date(c, v)) return true;
    if (strspn(v.s, "-_=.* ") == v.len) return true;
    return vb_is_upper_text(v.s, v.len) && !vb_closing_is_sign_line(c, v, VB_SIGN_TITLE);
}

/* The header starts at the issuer above the motto, when there is one. */
static size_t header_top(vb_closing *c, const vb_normtext *t, size_t i, size_t floor) {
    size_t top = i;
    for (size_t k = i; k > floor && i - k < 5; k--) {
        str_view prev = line_view(t, k - 1);
        if (!left_column(c, prev)) break;
        if (vb_closing_is_body(c, prev)) top = k - 1;
    }
    return top;
}

/* A promulgated text's title: the upper-case lines just above its
 * "(Ban hành kèm theo …)" line. */
static size_t title_top(vb_closing *c, const vb_normtext *t, size_t i, size_t floor) {
    size_t top = i;
    while (top > floor && i - top < 4) {
        str_view prev = trim(line_view(t, top - 1), " \t|*");
        if (!prev.len || !vb_is_upper_text(prev.s, prev.len) ||
            vb_closing_is_sign_line(c, prev, VB_SIGN_TITLE))
            break;
        top--;
    }
    return top;
}

/* An issuer's line after a closing opens a header when a header's other
 * lines follow it (a "TM. ỦY BAN NHÂN DÂN" split over lines does not). */
static bool issuer_header(vb_closing *c, const vb_normtext *t, size_t i) {
    str_view line = line_view(t, i);
    if (!vb_closing_is_body(c, line) || vb_closing_is_sign_line(c, line, VB_SIGN_TITLE))
        return false; /* "BỘ TRƯỞNG" */
    for (size_t k = i + 1; k < t->n_lines && k <= i + 4; k++) {
        str_view v = line_view(t, k);
        if (vb_closing_is_motto(c, v) || vb_closing_is_number_or_date(c, v) ||
            vb_closing_is_type_title(c, v) || vb_closing_has_attached(c, v))
            return true;
    }
    return false;
}

/* A body's line: a long one, a list item, an article ("Điều 5. …"). */
static bool body_line(str_view line) {
    static const char article[] = "Điều ";
    size_t n = sizeof article - 1;
    if (line.len > n && !memcmp(line.s, article, n) && line.s[n] >= '0' && line.s[n] <= '9') return true;
    return line.len > 80 || vb_list_label_len(line.s, line.len);
}

/* A new document starts at a header's motto once the current one has closed
 * ("Nơi nhận", a signing authority), has a motto of its own some lines up,
 * or has run a body without one; after a closing, also at an issuer's
 * header, at a dated place line, at a type title ("KẾ HOẠCH", a plan promulgated above) or at the
 * title over "(Ban hành kèm theo …)".  An appendix after the signature with
 * no header of its own ("PHỤ LỤC", "(Kèm theo …)") stays in its document. */
vb_status vb_find_documents(vb_segmenter *sg, vb_arena *a, const vb_normtext *t, vb_line_ranges *out) {
    vb_closing *c = sg->closing;
    size_t start = 0, body_lines = 0, closed_at = NONE, motto_at = NONE;
    for (size_t i = 0; i < t->n_lines; i++) {
        str_view line = line_view(t, i);
        if (vb_closing_is_distribution(c, line, line_view(t, i + 1)) ||
            vb_closing_is_sign_line(c, line, VB_SIGN_AUTHORITY)) {
            if (closed_at == NONE) closed_at = i;
            continue;
        }
        bool motto = header_motto(c, t, i);
        size_t floor = closed_at != NONE ? closed_at + 1 : start + 1;
        size_t cut = NONE;
        if (motto && (closed_at != NONE || (motto_at != NONE && i - motto_at >= 8) ||
                      (motto_at == NONE && body_lines > 8))) {
            cut = header_top(c, t, i, floor);
        } else if (closed_at != NONE && !motto) {
            if (vb_closing_is_type_title(c, line) || issuer_header(c, t, i))
                cut = i;
            else if (vb_closing_is_dated_place(c, line))
                cut = header_top(c, t, i, floor);
            else if (vb_closing_is_attached(c, line, true))
                cut = title_top(c, t, i, floor);
        }
        if (cut != NONE && cut > start) {
            if (VB_PUSH(a, *out, ((vb_line_range){start, cut}))) return VB_E_NOMEM;
            start = cut;
            closed_at = NONE;
            motto_at = motto ? i : NONE;
            body_lines = 0;
            continue;
        }
        if (motto && motto_at == NONE) motto_at = i;
        if (body_line(line)) body_lines++;
    }
    if (t->n_lines > start && VB_PUSH(a, *out, ((vb_line_range){start, t->n_lines}))) return VB_E_NOMEM;
    return VB_OK;
}
