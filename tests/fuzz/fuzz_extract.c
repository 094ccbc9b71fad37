/* fuzz_extract.c — segmenter and extractors on arbitrary UTF-8.
 *
 * Invalid bytes are replaced by '?' and NULs by newlines, so every input
 * reaches the later stages: normalise, split into documents, header,
 * section tree, references, dates, targets, assignments, then both
 * emitters.  Every span must lie inside its document's text on character
 * boundaries (fuzz_common.h). */
#include <stdint.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > (1u << 20)) return 0;
    uint8_t *buf = malloc(size + 1);
    if (!buf) return 0;
    size_t n = 0;
    for (size_t i = 0; i < size;) {
        size_t at = i;
        UChar32 c;
        U8_NEXT(data, i, size, c);
        if (c < 0) {
            buf[n++] = '?';
        } else if (c == 0) {
            buf[n++] = '\n';
        } else {
            memcpy(buf + n, data + at, i - at);
            n += i - at;
        }
    }
    if (n >= 2 && buf[0] == 'P' && buf[1] == 'K') buf[0] = 'p'; /* stay on the text path */
    vb_result *r = NULL;
    vb_status s = vb_pipeline_convert_buffer(vb_fuzz_pipeline(), "fuzz.txt", buf, n, &r);
    vb_fuzz_check_result(s, r);
    if (n > 0 && s != VB_OK) /* valid UTF-8 text is refused only for having no text */
        VB_FUZZ_REQUIRE(s == VB_E_EMPTY);
    vb_result_free(r);
    free(buf);
    return 0;
}
