/* Placeholder until the DOCX reader lands: refuses every DOCX clearly. */
#include "docx_read.h"

vb_status vb_docx_read(const unsigned char *data, size_t len, const vb_limits *lim,
                       vb_arena *a, vb_result *r, vb_blockv *out) {
    (void)data; (void)len; (void)lim; (void)a; (void)out;
    return vb_result_error(r, VB_E_UNSUPPORTED, "%s: DOCX reading is not built yet", r->path);
}
