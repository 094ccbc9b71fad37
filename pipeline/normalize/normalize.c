/* Temporary pass-through normaliser (replaced by the ICU one). */
#include "normalize.h"
#include <stdlib.h>
#include <string.h>
struct vb_normalizer { int unused; };
void vb_norm_options_default(vb_norm_options *o) { o->tone = VB_TONE_MODERN; o->rejoin = true; }
vb_status vb_normalizer_open(const vb_norm_options *opt, vb_normalizer **out) { (void)opt; *out = calloc(1, sizeof **out); return *out ? VB_OK : VB_E_NOMEM; }
void vb_normalizer_close(vb_normalizer *n) { free(n); }
vb_status vb_normalize_string(vb_normalizer *n, const char *s, size_t len, vb_arena *a, char **out, size_t *out_len) { (void)n; *out = vb_arena_strndup(a, s, len); *out_len = len; return *out ? VB_OK : VB_E_NOMEM; }
vb_status vb_normalize_blocks(vb_normalizer *n, const vb_blockv *blocks, vb_arena *a, vb_normtext *out) {
    (void)n; memset(out, 0, sizeof *out);
    size_t total = 0; for (size_t i = 0; i < blocks->len; i++) total += blocks->items[i].len + 1;
    out->text = vb_arena_alloc(a, total + 1); out->lines = vb_arena_alloc(a, (blocks->len + 1) * sizeof *out->lines);
    if (!out->text || !out->lines) return VB_E_NOMEM;
    for (size_t i = 0; i < blocks->len; i++) { if (i) out->text[out->len++] = '\n'; vb_line *l = &out->lines[out->n_lines++]; l->start = out->len; memcpy(out->text + out->len, blocks->items[i].text, blocks->items[i].len); out->len += blocks->items[i].len; l->end = out->len; l->block = i; }
    return VB_OK;
}
size_t vb_normtext_source_offset(const vb_normtext *t, size_t norm) { (void)t; return norm; }
