/* cmp_fold.h — ICU folding of Vietnamese unit names for matching across
 * plans, and the "sector key" that lets the same sector meet at different
 * levels: "Sở Lao động - Thương binh và Xã hội" (province) and "Phòng Lao
 * động - Thương binh và Xã hội quận" (district) both give
 * "lao dong thuong binh xa hoi".
 *
 * Folding is an ICU transliterator (NFD, combining marks removed,
 * Latin-ASCII so that đ → d, lower case); no table of accented letters.
 * The folding itself is pipeline/core/fold.h. */
#ifndef VB_CMP_FOLD_H
#define VB_CMP_FOLD_H
#include <stddef.h>

#include "../core/buf.h"
#include "../core/fold.h"
#include "../core/status.h"

/* The sector key of a unit name: folded words with the level words
 * (Sở/Phòng/Ban/Chi cục/Bộ/Trung tâm…) stripped at the front, everything
 * from a level word (quận/huyện/tỉnh/thành phố/xã/phường…, "trên địa bàn")
 * cut at the back, the `place` words, connectors (và, các, "-", ",") and
 * numbers dropped.  Appends the key to `key` (empty only
 * for an empty name) and sets [*label_start, *label_end) to the bytes of
 * `unit` that the key was taken from, for display. */
vb_status vb_cmp_sector_key(vb_folder *f, const char *unit, const char *place, vb_buf *key,
                            size_t *label_start, size_t *label_end);

/* The place an issuer names: "Ủy ban nhân dân huyện Chương Mỹ" → "Chương
 * Mỹ", "Ủy ban nhân dân Quận 1" → "Quận 1".  Sets [*start, *end) in
 * `issuer`; returns 0 when no place was found. */
int vb_cmp_issuer_place(vb_folder *f, const char *issuer, size_t *start, size_t *end);

#endif
