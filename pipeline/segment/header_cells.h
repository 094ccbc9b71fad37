/* header_cells.h — the header zone of a document (Decree 30/2020, Appendix
 * I: issuing body, national motto, number, place and date, a letter's V/v
 * and Kính gửi) cut into its areas, whatever the linearisation: columns
 * side by side on one line (tab, '|'), stacked, wrapped mid-phrase or
 * mid-word, with separator lines or Markdown emphasis between them.
 *
 * The fixed strings of the right column (the motto) are found wherever they
 * fall and removed; '|', tabs, separator runs and blank lines end a block;
 * inside a block line breaks are wraps, and the areas are found by their
 * openings ("Số:", "<Place>, ngày … năm", "V/v", "Kính gửi", a "- " item).
 * What is left between them is plain text (the issuer's lines).
 * Internal to the segmenter. */
#ifndef VB_HEADER_CELLS_H
#define VB_HEADER_CELLS_H
#include "segment_internal.h"

typedef enum {
    CELL_TEXT,       /* words of no fixed area: issuer lines, banners */
    CELL_NUMBER,     /* "Số: 12/KH-UBND" up to the end of the symbol */
    CELL_PLACE_DATE, /* "Hà Nội, ngày 3 tháng 4 năm 2023" */
    CELL_VV,         /* "V/v …" up to the next area */
    CELL_RECIPIENT,  /* "Kính gửi: …" up to the next area */
    CELL_ITEM        /* "- …" a list item (recipients) */
} vb_cell_kind;

typedef struct {
    vb_cell_kind kind;
    str_view v;      /* a view into d->text: may span lines */
    bool line_start; /* it opens its line */
} vb_header_cell;

typedef struct {
    struct {
        vb_header_cell *items; /* in reading order, in the arena */
        size_t len, cap;
    } cells;
    size_t mottos; /* motto strings found (and left out of the cells) */
} vb_header_cells;

/* Cuts d->text[from, to) into cells.  VB_E_NOMEM only. */
vb_status vb_header_cells_read(vb_segmenter *sg, vb_arena *a, const vb_doc *d, size_t from, size_t to,
                               vb_header_cells *out);

/* A place whose name joins two parts with a hyphen ("Phan Rang - Tháp
 * Chàm, ngày …"): where it starts when the words from `start` are its
 * second part, looking back no further than lo; start when not so. */
size_t vb_place_hyphen_start(const char *s, size_t lo, size_t start);

/* Length of the document symbol at the start of s[0..len) ("12/KH-UBND"),
 * leading spaces included: a space or line break next to a '/' or '-'
 * inside a symbol is a wrap ("55/2021/NĐ- CP", "41 /CT-TTg"), and a bare
 * number followed by a coded part is one symbol ("2254 NHNN-QLNH"). */
size_t vb_symbol_len(const char *s, size_t len);

/* s[0..len) with every run of white space (line breaks, tabs) made one
 * space and the ends trimmed, in the arena; NULL on no memory. */
char *vb_squash_space(vb_arena *a, const char *s, size_t len);

#endif
