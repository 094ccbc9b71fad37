/* title_of.h — the title of a legal document in the form printed before
 * Decree 110/2004 and kept by many web copies of old texts: the type,
 * then who issues it, its number, its date and its subject in one run of
 * capitals ("CHỈ THỊ" / "CỦA THỦ TƯỚNG CHÍNH PHỦ SỐ 16/2001/CT-TTG NGÀY
 * 21 THÁNG 6 NĂM 2001 VỀ VIỆC …", or "NGHỊ QUYẾT SỐ 214 NQ/UBTVQH9 NGÀY
 * 26-8-1994" / "CỦA ỦY BAN THƯỜNG VỤ QUỐC HỘI QUY ĐỊNH …").  Internal to
 * the segmenter. */
#ifndef VB_TITLE_OF_H
#define VB_TITLE_OF_H
#include <stdbool.h>
#include <stddef.h>

#include "../core/status.h"

typedef struct vb_title_of vb_title_of;

vb_status vb_title_of_open(vb_title_of **out, char *err, size_t errlen);
void vb_title_of_close(vb_title_of *t);

/* Its rows (the "of" row as assembled at open) with an example each, for
 * tests/unit/test_header_rules.c; owned by t. */
const struct vb_rule_table *vb_title_of_rule_table(const vb_title_of *t);

/* The parts read; each [s, e) is a byte range of the parsed text, empty
 * (s == e) when the part is not there; d, m, y are 0 without a date. */
typedef struct {
    size_t by_s, by_e, num_s, num_e, subj_s, subj_e;
    int d, m, y;
} vb_title_of_parts;

/* Reads s[0..len), the words after the type title: "[SỐ n] [NGÀY d] CỦA
 * <issuer> [SỐ n] [NGÀY d] [subject]".  False (and *p untouched) unless
 * the "CỦA" part is there. */
bool vb_title_of_parse(vb_title_of *t, const char *s, size_t len, vb_title_of_parts *p);

#endif
