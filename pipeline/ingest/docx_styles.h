/* docx_styles.h — what the DOCX reader needs from word/styles.xml: for each
 * style its numbering (w:numPr) and heading level (outlineLvl or a built-in
 * "heading N" name), resolved through the w:basedOn chain once at load, and
 * found by style id in O(1).  Everything lives in the caller's arena. */
#ifndef VB_DOCX_STYLES_H
#define VB_DOCX_STYLES_H
#include "docx_xml.h"

typedef struct {
    char *id;
    char *based_on;
    int num_id, ilvl; /* from the style's own pPr; -1 unset */
    int heading;      /* own: 1..9, 0 = explicitly body text, -1 unset */
    /* resolved through basedOn (unset stays -1 / 0) */
    int r_num_id, r_ilvl, r_heading;
} vb_docx_style;

typedef struct {
    vb_docx_style *items;
    size_t len, cap;
    size_t *slots; /* open addressing: index + 1, 0 empty */
    size_t n_slots;
    const vb_docx_style *default_para; /* w:default paragraph style, or NULL */
} vb_docx_styles;

/* Read styles.xml at `index` (-1: no styles part, leaves st empty). */
vb_status vb_docx_styles_load(vb_docx_styles *st, vb_docx_zip *z, zip_int64_t index, const vb_limits *lim,
                              vb_arena *a);
const vb_docx_style *vb_docx_style_find(const vb_docx_styles *st, const char *id);

#endif
