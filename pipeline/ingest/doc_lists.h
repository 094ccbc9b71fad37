/* doc_lists.h — Word 97–2003 list tables ([MS-DOC] PlfLst with its LVLs,
 * PlfLfo with its LFOData) loaded into the DOCX reader's numbering
 * structures, so a .doc paragraph's (ilfo, ilvl) gets the same label a DOCX
 * paragraph's (numId, ilvl) does: LSTF i becomes abstract list i, LFO k
 * (1-based, the sprmPIlfo value) becomes num k.  Lists that do not parse
 * are left out: the text stays readable without its labels. */
#ifndef VB_DOC_LISTS_H
#define VB_DOC_LISTS_H
#include <stdint.h>

#include "docx_numbering.h"

typedef struct {
    const unsigned char *tbl; /* the table stream */
    size_t tbl_len;
    uint32_t fc_lst, lcb_lst; /* PlfLst */
    uint32_t fc_lfo, lcb_lfo; /* PlfLfo */
} vb_doc_list_src;

/* VB_OK (possibly with no lists) or VB_E_NOMEM. */
vb_status vb_doc_lists_load(vb_docx_numbering *nb, const vb_doc_list_src *src, vb_arena *a);

#endif
