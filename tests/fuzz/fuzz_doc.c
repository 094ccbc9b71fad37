/* fuzz_doc.c — the Word 97-2003 reader on arbitrary input, in two modes.
 *
 * Input starting with the OLE2 signature is a whole .doc: the header
 * checks, libgsf's container reader, then the Word structures, and the
 * full pipeline with every invariant of fuzz_common.h.  Any other input
 * is the streams themselves, so mutations reach the FIB, the piece table,
 * the FKP pages and the list tables directly: the bytes up to the first
 * VB_FUZZ_PART_SEP are WordDocument, the next part the table stream, the
 * rest the Data stream; the blocks must then be valid UTF-8. */
#define _GNU_SOURCE /* memmem */
#include <stdint.h>

#include "../../pipeline/ingest/doc_read.h"
#include "fuzz_common.h"

#define VB_FUZZ_PART_SEP "\n#PART#\n"

static const uint8_t *next_part(const uint8_t **p, const uint8_t *end, size_t *len) {
    const uint8_t *start = *p;
    const uint8_t *sep =
        start < end ? memmem(start, (size_t)(end - start), VB_FUZZ_PART_SEP, sizeof VB_FUZZ_PART_SEP - 1)
                    : NULL;
    *len = sep ? (size_t)(sep - start) : (size_t)(end - start);
    *p = sep ? sep + sizeof VB_FUZZ_PART_SEP - 1 : end;
    return start;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (vb_doc_sniff(data, size)) {
        vb_result *r = NULL;
        vb_status s = vb_pipeline_convert_buffer(vb_fuzz_pipeline(), "fuzz.doc", data, size, &r);
        vb_fuzz_check_result(s, r);
        vb_result_free(r);
        return 0;
    }
    const uint8_t *p = data, *end = data + size;
    vb_doc_streams st = {0};
    st.word = next_part(&p, end, &st.word_len);
    st.table = next_part(&p, end, &st.table_len);
    st.data = next_part(&p, end, &st.data_len);
    vb_limits lim;
    vb_limits_default(&lim);
    vb_result *r = vb_result_new("fuzz.doc");
    VB_FUZZ_REQUIRE(r != NULL);
    vb_blockv out = {0};
    vb_status s = vb_doc_read_streams(&st, &lim, r->arena, r, &out);
    VB_FUZZ_REQUIRE((unsigned)s < VB_STATUS_COUNT);
    VB_FUZZ_REQUIRE(s == VB_OK || r->errors.len == 1);
    for (size_t i = 0; s == VB_OK && i < out.len; i++) {
        VB_FUZZ_REQUIRE(strlen(out.items[i].text) == out.items[i].len);
        VB_FUZZ_REQUIRE(vb_fuzz_valid_utf8(out.items[i].text, out.items[i].len));
    }
    vb_result_free(r);
    return 0;
}
