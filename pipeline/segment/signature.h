/* signature.h — the closing areas of a Decree 30/2020 document: the
 * "Nơi nhận" (distribution) list and the signature block (authority prefix
 * TM./KT./Q./TL./TUQ., title, the signer's name), and the line tests that
 * boundaries.c shares to see where a document closes and the next one
 * starts.  Internal to the segmenter.
 *
 * Closing areas are where OCR and flattened tables do most damage ("Noi
 * nhận", "THỦ TƯỞNG", the list and the signature merged on one line by a
 * tab or '|'), so words are compared without tone marks. */
#ifndef VB_SIGNATURE_H
#define VB_SIGNATURE_H
#include <stdbool.h>
#include <stddef.h>

#include "sections.h"
#include "segment.h"
#include "segment_internal.h"

/* The closing rules of one segmenter (one worker): compiled patterns, the
 * word lists of pipeline/segment/data/closing-*.txt folded once, and a
 * folding scratch buffer. */
typedef struct vb_closing vb_closing;

vb_status vb_closing_open(vb_closing **out, char *err, size_t errlen);
void vb_closing_close(vb_closing *c);

/* Reads d's lines[from..n_lines) (the part after the header): fills
 * d->header.distribution, signer and signer_span, sets *distribution when a
 * "Nơi nhận" list is found, and lowers *body_to (set to n_lines first) to
 * the first closing line, so the body ends before it.  VB_E_NOMEM only. */
vb_status vb_read_closing(vb_segmenter *sg, vb_arena *a, vb_doc *d, const vb_text_line *lines, size_t n_lines,
                          size_t from, size_t *body_to, bool *distribution);

/* ---- line tests shared with boundaries.c ---- */

enum { VB_CLOSING_MAX_CELLS = 8 };

/* Cells of a flattened table row: split at tabs and '|', trimmed, empty
 * cells dropped. */
size_t vb_closing_cells(str_view line, str_view *cells, size_t max);

/* The line opens a "Nơi nhận" list: a cell starts with the words and a
 * list follows (on the line itself or on `next`). */
bool vb_closing_is_distribution(vb_closing *c, str_view line, str_view next);

typedef enum {
    VB_SIGN_AUTHORITY,   /* "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH": only in a signature */
    VB_SIGN_EXACT_TITLE, /* or a cell that is a title alone: "PHÓ CHỦ TỊCH" */
    VB_SIGN_TITLE /* or a cell that starts with one ("THỦ TƯỚNG CHÍNH PHỦ" heads a header too) */
} vb_sign_test;

/* A cell of the line is a signing authority or an upper-case title, as
 * `test` says. */
bool vb_closing_is_sign_line(vb_closing *c, str_view line, vb_sign_test test);

/* The line holds the national motto "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
 * (after an issuer cell too), accents or not. */
bool vb_closing_is_motto(vb_closing *c, str_view line);
/* The line is the party's motto "ĐẢNG CỘNG SẢN VIỆT NAM" alone. */
bool vb_closing_is_party_motto(vb_closing *c, str_view line);
/* The line holds "Độc lập - Tự do - Hạnh phúc", accents or not. */
bool vb_closing_is_motto_tail(vb_closing *c, str_view line);

/* An upper-case line that starts with the head word of an issuing body
 * ("ỦY BAN NHÂN DÂN …", "BỘ TÀI CHÍNH"). */
bool vb_closing_is_body(vb_closing *c, str_view line);
/* An upper-case line that starts with a document type name ("KẾ HOẠCH",
 * "QUY ĐỊNH …"); "PHỤ LỤC" is not one. */
bool vb_closing_is_type_title(vb_closing *c, str_view line);
/* "(Ban hành kèm theo …)": a promulgated text's line under its title;
 * with plain (promulgated=false) "(Kèm theo …)" counts too. */
bool vb_closing_is_attached(vb_closing *c, str_view line, bool promulgated);
/* "(Kèm theo …)" anywhere in the line (a title and its line joined). */
bool vb_closing_has_attached(vb_closing *c, str_view line);
/* "Số: …" or "…, ngày … tháng …": a header's number or place-and-date. */
bool vb_closing_is_number_or_date(vb_closing *c, str_view line);
/* "Đà Nẵng, ngày 10 tháng 01 năm 2025": a place and a date with its year
 * (a template's "…, ngày … tháng … năm …" is not one). */
bool vb_closing_is_dated_place(vb_closing *c, str_view line);

/* This module's rule tables, each row with an example (rules.h), for tests. */
struct vb_rule_table;
const struct vb_rule_table *vb_closing_rule_tables(size_t *n);

#endif
