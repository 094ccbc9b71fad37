/* legacy.h — pre-Unicode Vietnamese font encodings: TCVN3 (ABC; .VnTime,
 * .VnArial... and their all-capital "H" fonts .VnTimeH...) and VNI
 * (VNI-Times, VNI-Helve...), decoded to Unicode with the tables of
 * pipeline/ingest/data/legacy-*.txt (embedded at build time).
 *
 * Decoding takes the longest table entry at each byte (a VNI letter is a
 * base letter and its mark bytes); bytes no entry explains stay what they
 * are in Windows-1252.  The detection rule for text files
 * (vb_legacy_score) is stated there. */
#ifndef VB_LEGACY_H
#define VB_LEGACY_H
#include <stddef.h>

#include "../core/buf.h"

typedef enum { VB_LEGACY_NONE = 0, VB_LEGACY_TCVN3, VB_LEGACY_TCVN3_CAPS, VB_LEGACY_VNI } vb_legacy;

/* The encoding a font name implies: ".VnTime", ".VnArial NarrowH"... TCVN3
 * (a name ending in H: the capitals font), "VNI-Times"... VNI; any other NONE. */
vb_legacy vb_legacy_font(const char *name);

/* Name for messages: "TCVN3", "VNI". */
const char *vb_legacy_name(vb_legacy enc);

/* Legacy bytes to UTF-8, appended to out. */
void vb_legacy_decode(vb_legacy enc, const unsigned char *s, size_t n, vb_buf *out);

/* The same for text a word processor already turned into Unicode as if it
 * were Windows-1252 (a DOCX or .doc run in a legacy font): each code point
 * is taken back to its byte first; code points no byte gives are kept. */
void vb_legacy_decode_utf8(vb_legacy enc, const char *s, size_t n, vb_buf *out);

/* UTF-8 to legacy bytes (samples and tests).  Returns the number of code
 * points that have no encoding (written as '?'). */
size_t vb_legacy_encode(vb_legacy enc, const char *s, size_t n, vb_buf *out);

/* The detection rule: a "word" is a run of ASCII letters and bytes >= 0x80;
 * among the words holding such bytes, `fit` is the share that are valid
 * syllables under `enc`: every such byte belongs to a table entry of `enc`
 * (a Vietnamese letter), and the decoded word has at most one tone mark and
 * only vowel pairs a Vietnamese syllable allows (ai, oa, ươ, uyê...).  Text
 * in the encoding fits near 1; VNI read as TCVN3 leaves a vowel before each
 * mark byte ("taêng" -> "taừng"), TCVN3 read as VNI leaves bytes no entry
 * explains, so the other encoding fits far less. */
typedef struct {
    double fit;
    size_t words; /* words holding bytes >= 0x80 */
} vb_legacy_score;

vb_legacy_score vb_legacy_score_text(vb_legacy enc, const unsigned char *s, size_t n);

#endif
