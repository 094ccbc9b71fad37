/* docx_numbering.h — Word automatic numbering rebuilt from word/numbering.xml.
 *
 * A paragraph with (numId, ilvl) advances the counters of its list and gets
 * the label Word would draw: lvlText with %1..%9 replaced by each level's
 * counter in that level's numFmt (decimal, upper/lowerRoman,
 * upper/lowerLetter, none; isLgl forces decimal); a bullet level's label is
 * "-".  Counters belong to the abstractNum, so w:num instances sharing one
 * continue each other, except that a num with lvlOverride/startOverride
 * restarts those levels the first time it is used.  A level advancing resets
 * the deeper levels (w:lvlRestart honoured).  numId 0 means no numbering. */
#ifndef VB_DOCX_NUMBERING_H
#define VB_DOCX_NUMBERING_H
#include <stdbool.h>

#include "docx_styles.h"

enum { VB_DOCX_LEVELS = 9, VB_DOCX_LABEL_MAX = 96 };

/* A level's number format (vb_docx_lvl.fmt); the .doc reader fills the
 * same structures from its list tables. */
typedef enum {
    FMT_DECIMAL = 0,
    FMT_DECIMAL_ZERO,
    FMT_UPPER_ROMAN,
    FMT_LOWER_ROMAN,
    FMT_UPPER_LETTER,
    FMT_LOWER_LETTER,
    FMT_BULLET,
    FMT_NONE
} vb_docx_fmt;

typedef struct {
    bool defined;
    bool legal;          /* isLgl: counters shown in decimal */
    unsigned char fmt;   /* vb_docx_fmt */
    signed char restart; /* lvlRestart - 1 (0-based level), -1 default, -2 never */
    int start;
    const char *text;   /* lvlText, or NULL */
    const char *pstyle; /* a paragraph style bound to this level, or NULL */
} vb_docx_lvl;

typedef struct {
    int id;
    const char *style_link; /* numStyleLink: the levels are another list's */
    vb_docx_lvl lvl[VB_DOCX_LEVELS];
    int counter[VB_DOCX_LEVELS];
    bool started[VB_DOCX_LEVELS];
} vb_docx_abstract;

typedef struct {
    int id;
    int abstract_id;
    size_t abstract; /* index + 1 into abstracts once resolved, 0 none */
    bool used;
    bool has_override;
    int start_override[VB_DOCX_LEVELS];       /* -1 none */
    vb_docx_lvl lvl_override[VB_DOCX_LEVELS]; /* .defined when a full w:lvl overrides */
} vb_docx_num;

typedef struct {
    struct {
        vb_docx_abstract *items;
        size_t len, cap;
    } abstracts;
    struct {
        vb_docx_num *items;
        size_t len, cap;
    } nums;
} vb_docx_numbering;

/* Read numbering.xml at `index` (-1: none).  `styles` resolves numStyleLink. */
vb_status vb_docx_numbering_load(vb_docx_numbering *nb, vb_docx_zip *z, zip_int64_t index,
                                 const vb_docx_styles *styles, const vb_limits *lim, vb_arena *a);

/* The level bound to paragraph style `style_id` in list `num_id`, or -1. */
int vb_docx_numbering_style_level(const vb_docx_numbering *nb, int num_id, const char *style_id);

/* Advance list `num_id` at level `ilvl` and write its label (NUL-terminated,
 * at most VB_DOCX_LABEL_MAX-1 bytes) into out.  Returns the label length;
 * 0 when the paragraph has no visible label (numId 0 or unknown, empty
 * lvlText). */
size_t vb_docx_numbering_next(vb_docx_numbering *nb, int num_id, int ilvl, char out[VB_DOCX_LABEL_MAX]);

#endif
