/* Temporary: UTF-8 only, one block per line (replaced next). */
#include "text_read.h"
vb_status vb_text_read(const unsigned char *data, size_t len, const vb_limits *lim, vb_arena *a, vb_result *r, vb_blockv *out) {
    (void)lim; size_t s = 0;
    for (size_t i = 0; i <= len; i++) if (i == len || data[i] == '\n') { vb_block b = {.text = vb_arena_strndup(a, (const char *)data + s, i - s), .len = i - s, .src_offset = s, .table = -1, .row = -1, .cell = -1}; if (!b.text || VB_PUSH(a, *out, b)) return vb_result_error(r, VB_E_NOMEM, "no memory"); s = i + 1; }
    return VB_OK;
}
