/* markup.h — what text exports add to a document that is not its words.
 *
 * Web pages converted to Markdown and OCR'd PDFs arrive with emphasis
 * markers ("**I. MỤC", "*Nơi nhận:*", "**1**."), title and table-rule
 * lines ("# ...", "|---|---|"), a crawler's "*Source: url*" line, page-break
 * markers ("--- PAGE BREAK ---") and bare page numbers between pages.  The
 * normaliser drops them before it writes the text; this module says which
 * bytes and which lines they are, from the raw blocks (source offsets stay
 * those of the words that remain). */
#ifndef VB_MARKUP_H
#define VB_MARKUP_H
#include <stdbool.h>
#include <stddef.h>

#include "../core/arena.h"
#include "../core/status.h"
#include "../ingest/ingest.h"

/* Whether the '*' at s[at] (s[0..len) one line) is emphasis markup: any run
 * of two or more; a single one touching a word ("*Nơi", "nhận:*",
 * "(*Z*alo") or closing a line after a space.  A bullet ("* item"), a star
 * alone on its line (a party header's separator), a footnote mark "(*)" and
 * a '*' between spaces are kept. */
bool vb_markup_star(const char *s, size_t at, size_t len);

/* Bytes of a Markdown title prefix ("# ", "## ") at the start of s, or 0. */
size_t vb_markup_heading_prefix(const char *s, size_t len);

/* Facts about each block, from the raw text (see vb_markup_scan). */
enum {
    VB_LINE_DROP = 1u << 0,        /* furniture: the whole line goes */
    VB_LINE_IN_EMPHASIS = 1u << 1, /* starts inside emphasis opened on an earlier line */
    VB_LINE_MARKUP_ONLY = 1u << 2, /* nothing but markup: not a paragraph break either */
    VB_LINE_BLANK = 1u << 3,       /* blank in the source: a paragraph break */
};

/* One flags byte per block of `blocks` (VB_LINE_*), arena-owned. */
vb_status vb_markup_scan(const vb_blockv *blocks, vb_arena *a, unsigned char **out);

#endif
