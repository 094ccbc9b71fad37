/* fuzz_text.c — text ingestion and normalisation on arbitrary bytes.
 *
 * The bytes go through the text reader (BOM, UTF-8/UTF-16, Windows-1258
 * and legacy detection), then the ICU normaliser.  Whatever the input: no
 * crash, no leak, a refusal carries an error, and accepted input gives
 * valid UTF-8 lines that tile the normalised text. */
#include <stdint.h>

#include "../../pipeline/ingest/ingest.h"
#include "../../pipeline/normalize/normalize.h"
#include "fuzz_common.h"

static vb_normalizer *normalizer(void) {
    static vb_normalizer *n;
    if (!n) {
        vb_norm_options o;
        vb_norm_options_default(&o);
        VB_FUZZ_REQUIRE(vb_normalizer_open(&o, &n) == VB_OK);
    }
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (vb_sniff_format(data, size) != VB_FMT_TXT) return 0; /* fuzz_docx's job */
    vb_limits lim;
    vb_limits_default(&lim);
    vb_result *r = vb_result_new("fuzz.txt");
    VB_FUZZ_REQUIRE(r != NULL);
    vb_blockv blocks = {0};
    vb_status s = vb_ingest_buffer(data, size, &lim, r->arena, r, &blocks);
    if (s != VB_OK) {
        VB_FUZZ_REQUIRE(r->errors.len > 0 && blocks.len == 0);
    } else {
        for (size_t i = 0; i < blocks.len; i++) {
            VB_FUZZ_REQUIRE(blocks.items[i].text != NULL);
            VB_FUZZ_REQUIRE(vb_fuzz_valid_utf8(blocks.items[i].text, blocks.items[i].len));
        }
        vb_normtext nt;
        memset(&nt, 0, sizeof nt);
        s = vb_normalize_blocks(normalizer(), &blocks, r->arena, &nt);
        if (s == VB_OK) {
            VB_FUZZ_REQUIRE(nt.text != NULL && strlen(nt.text) == nt.len);
            VB_FUZZ_REQUIRE(vb_fuzz_valid_utf8(nt.text, nt.len));
            size_t prev_end = 0;
            for (size_t i = 0; i < nt.n_lines; i++) {
                const vb_norm_line *l = &nt.lines[i];
                VB_FUZZ_REQUIRE(l->start <= l->end && l->end <= nt.len && l->start >= prev_end);
                VB_FUZZ_REQUIRE(l->block < blocks.len);
                prev_end = l->end;
            }
            for (size_t i = 1; i < nt.n_anchors; i++)
                VB_FUZZ_REQUIRE(nt.anchors[i - 1].norm <= nt.anchors[i].norm);
            (void)vb_normtext_source_offset(&nt, nt.len);
        }
        /* the string entry point on each line */
        for (size_t i = 0; i < blocks.len && i < 64; i++) {
            char *out = NULL;
            size_t out_len = 0;
            if (vb_normalize_string(normalizer(), blocks.items[i].text, blocks.items[i].len, r->arena, &out,
                                    &out_len) == VB_OK)
                VB_FUZZ_REQUIRE(out != NULL && vb_fuzz_valid_utf8(out, out_len));
        }
    }
    vb_result_free(r);
    return 0;
}
