/* assign_paras.h — the paragraphs of a document, rebuilt from its outline
 * lines for the assignments extractor.
 *
 * Sources wrap lines inside sentences and headings ("2. Sở\nTài chính",
 * "IV. PHÂN\nCÔNG NHIỆM VỤ", a bullet continued after a page break), so a
 * line is not a paragraph.  A paragraph here is a heading (with the next
 * line when the heading's title was cut short), a bullet or a plain text
 * line, together with the text lines that continue it: those that begin in
 * lowercase or with no letter, or follow a line that does not end a
 * sentence.  Page-break markers and bare page numbers are skipped. */
#ifndef VB_ASSIGN_PARAS_H
#define VB_ASSIGN_PARAS_H
#include <stddef.h>

#include "outline.h"

/* Ranks below every heading rank: bullets, then plain paragraphs. */
enum { VB_RANK_BULLET = 20, VB_RANK_TEXT = 21 };

typedef struct {
    vb_line_kind kind;
    int rank;         /* heading rank, VB_RANK_BULLET or VB_RANK_TEXT */
    size_t line;      /* its first outline line */
    size_t start;     /* first byte (the label of a heading) */
    size_t body;      /* first byte of its words */
    size_t title_end; /* end of a heading's title (past a joined line); = end otherwise */
    size_t end;       /* end of its last line */
} vb_para;

typedef struct {
    vb_para *items;
    size_t len, cap;
} vb_parav;

/* What the builder asks its caller: whether outline line i must open a
 * paragraph of its own (a closing line such as "Nơi nhận:"), and whether
 * text[s..e) is a unit's name and nothing else (a heading "h) Các đơn vị
 * khác" does not run on into the next line). */
typedef struct {
    bool (*starts_block)(void *arg, size_t line);
    bool (*name_only)(void *arg, size_t s, size_t e);
    void *arg;
} vb_para_hooks;

/* Paragraphs of text, from its outline lines; heap scratch the caller frees
 * with vb_parav_free. */
vb_status vb_paras_build(const char *text, const vb_linev *lines, const vb_para_hooks *hooks, vb_parav *out);
void vb_parav_free(vb_parav *v);

/* Does text[s..e) end a sentence or a lead-in (. ; : ! ?, after closing
 * marks)? */
bool vb_para_ends_sentence(const char *text, size_t s, size_t e);

#endif
