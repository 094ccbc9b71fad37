/* Temporary segmenter: the whole file is one document (replaced next). */
#include "segment.h"
vb_status vb_segment(const vb_normtext *t, vb_result *r) {
    vb_doc d = {0};
    d.text = vb_arena_strndup(r->arena, t->text, t->len); d.text_len = t->len;
    if (!d.text || vb_doc_index(r->arena, &d)) return VB_E_NOMEM;
    return VB_PUSH(r->arena, r->documents, d) ? VB_E_NOMEM : VB_OK;
}
