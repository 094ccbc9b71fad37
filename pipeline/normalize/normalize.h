/* normalize.h — stage 2: raw blocks become one normalised UTF-8 text.
 *
 * Per block: NFC (ICU), one tone-mark placement for oa/oe/uy ("hoà"→"hòa",
 * "Uỷ"→"Ủy" by default, or the old style), dashes/quotes/NBSP/zero-width
 * characters folded, soft hyphens dropped, runs of spaces collapsed, a run
 * holding a tab kept as one '\t' (tab-laid header columns), lines trimmed.
 * Blocks are joined by '\n'; a block that a page break or a hard wrap split
 * mid-sentence is rejoined to the one before with a space.  Empty blocks
 * vanish.  What text exports add (emphasis stars, '#' title marks, table
 * rules, page-break markers and page numbers, crawler lines: markup.h) is
 * dropped; headings a wrap cut short are rejoined (rejoin.h).  A map from
 * normalised byte offsets to source offsets is kept.
 *
 * A vb_normalizer holds ICU objects: open one per worker and reuse it. */
#ifndef VB_NORMALIZE_H
#define VB_NORMALIZE_H
#include <stdbool.h>
#include <stdint.h>

#include "../core/arena.h"
#include "../core/status.h"
#include "../ingest/ingest.h"

typedef enum { VB_TONE_MODERN = 0, VB_TONE_OLD, VB_TONE_KEEP } vb_tone_style;

typedef struct {
    vb_tone_style tone;
    bool rejoin; /* rejoin split paragraphs (default true) */
} vb_norm_options;

void vb_norm_options_default(vb_norm_options *o);

typedef struct {
    size_t norm; /* byte offset in the normalised text */
    size_t src;  /* matching source offset (vb_block.src_offset based) */
} vb_offset_anchor;

typedef struct {
    /* 32-bit offsets: a normalised text is refused past 4 GiB
     * (VB_E_TOO_LARGE), and every line of a file is held at once */
    uint32_t start, end; /* bytes of one line in text, end excludes '\n' */
    uint32_t block;      /* index of the first source block */
    int table, row, cell;
    uint8_t area; /* a vb_area */
    uint8_t heading_level;
    uint16_t flags;
} vb_norm_line; /* 28 bytes */

typedef struct {
    char *text; /* NUL-terminated; lines joined by '\n' */
    size_t len;
    vb_norm_line *lines;
    size_t n_lines;
    vb_offset_anchor *anchors; /* sorted by norm */
    size_t n_anchors;
} vb_normtext;

typedef struct vb_normalizer vb_normalizer;

vb_status vb_normalizer_open(const vb_norm_options *opt, vb_normalizer **out);
void vb_normalizer_close(vb_normalizer *n);

/* Normalise one UTF-8 string into `out` (appended, arena-owned, NUL-ended).
 * Used for header values and tests. */
vb_status vb_normalize_string(vb_normalizer *n, const char *s, size_t len, vb_arena *a, char **out,
                              size_t *out_len);

/* Normalise the body blocks (page header/footer blocks are kept out of the
 * text).  All memory comes from `a`. */
vb_status vb_normalize_blocks(vb_normalizer *n, const vb_blockv *blocks, vb_arena *a, vb_normtext *out);

/* Source offset for a normalised byte offset (nearest anchor at or before). */
size_t vb_normtext_source_offset(const vb_normtext *t, size_t norm);

#endif
