/* fold.c — see fold.h. */
#include "fold.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

static bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* NFD then drop the combining marks (tones, breve, circumflex, horn);
 * Latin-ASCII takes đ/Đ, which has no decomposition, to d; then lower. */
static const char fold_rules[] = "NFD; [:Nonspacing Mark:] Remove; Latin-ASCII; Any-Lower; NFC";

struct vb_folder {
    UTransliterator *trans;
    UChar *u16;
    int32_t u16_cap;
};

vb_status vb_folder_open(vb_folder **out) {
    *out = NULL;
    vb_folder *f = calloc(1, sizeof *f);
    if (!f) return VB_E_NOMEM;
    UChar id[sizeof fold_rules];
    u_uastrcpy(id, fold_rules);
    UErrorCode ec = U_ZERO_ERROR;
    f->trans = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &ec);
    if (U_FAILURE(ec) || !f->trans) {
        free(f);
        return VB_E_INTERNAL;
    }
    *out = f;
    return VB_OK;
}

void vb_folder_close(vb_folder *f) {
    if (!f) return;
    if (f->trans) utrans_close(f->trans);
    free(f->u16);
    free(f);
}

static bool ensure_u16(vb_folder *f, int32_t need) {
    if (need <= f->u16_cap) return true;
    int32_t cap = f->u16_cap ? f->u16_cap : 256;
    while (cap < need) {
        if (cap > INT32_MAX / 2) return false;
        cap *= 2;
    }
    UChar *p = realloc(f->u16, (size_t)cap * sizeof *p);
    if (!p) return false;
    f->u16 = p;
    f->u16_cap = cap;
    return true;
}

vb_status vb_fold(vb_folder *f, const char *s, size_t n, vb_buf *out) {
    if (n == 0) return VB_OK;
    if (n > (size_t)INT32_MAX / 8) return VB_E_TOO_LARGE;
    /* Latin-ASCII may lengthen a little (æ → ae); 2x + slack is ample. */
    int32_t cap = (int32_t)n * 2 + 16;
    if (!ensure_u16(f, cap)) return VB_E_NOMEM;
    UErrorCode ec = U_ZERO_ERROR;
    int32_t len = 0;
    u_strFromUTF8Lenient(f->u16, cap, &len, s, (int32_t)n, &ec);
    if (U_FAILURE(ec)) return VB_E_ENCODING;
    int32_t limit = len;
    utrans_transUChars(f->trans, f->u16, &len, cap, 0, &limit, &ec);
    if (ec == U_BUFFER_OVERFLOW_ERROR) return VB_E_NOMEM;
    if (U_FAILURE(ec)) return VB_E_INTERNAL;
    int32_t need = 0;
    ec = U_ZERO_ERROR;
    u_strToUTF8(NULL, 0, &need, f->u16, len, &ec);
    if (ec != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(ec)) return VB_E_ENCODING;
    if (!vb_buf_reserve(out, (size_t)need + 1)) return VB_E_NOMEM;
    ec = U_ZERO_ERROR;
    u_strToUTF8(out->data + out->len, (int32_t)(out->cap - out->len), &need, f->u16, len, &ec);
    if (U_FAILURE(ec)) return VB_E_ENCODING;
    out->len += (size_t)need;
    out->data[out->len] = '\0';
    return VB_OK;
}


vb_status vb_number_key(vb_folder *f, const char *number, vb_buf *out) {
    vb_buf tmp;
    vb_buf_init(&tmp);
    vb_status st = vb_fold(f, number, strlen(number), &tmp);
    for (size_t i = 0; st == VB_OK && i < tmp.len; i++)
        if (!is_space((unsigned char)tmp.data[i])) vb_buf_putc(out, tmp.data[i]);
    if (st == VB_OK && out->oom) st = VB_E_NOMEM;
    vb_buf_free(&tmp);
    return st;
}
