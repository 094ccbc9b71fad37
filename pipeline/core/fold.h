/* fold.h — ICU folding for matching Vietnamese names and numbers across
 * documents: NFD, combining marks removed, Latin-ASCII (so đ → d), lower
 * case — an ICU transliterator, no table of accented letters.  Used by the
 * compare report (sector matching) and the SQLite store (unit and number
 * keys).
 *
 * On the folded words, the "sector key" lets the same sector meet at
 * different levels: "Sở Lao động - Thương binh và Xã hội" (province) and
 * "Phòng Lao động - Thương binh và Xã hội quận" (district) both give
 * "lao dong thuong binh xa hoi".
 *
 * A folder owns its transliterator: open one per worker and reuse. */
#ifndef VB_FOLD_H
#define VB_FOLD_H
#include <stddef.h>

#include "buf.h"
#include "status.h"

typedef struct vb_folder vb_folder;

vb_status vb_folder_open(vb_folder **out);
void vb_folder_close(vb_folder *f);

/* Append the folded form of s[0..n) to out. */
vb_status vb_fold(vb_folder *f, const char *s, size_t n, vb_buf *out);

/* Folded, space-free, lower-case form of a document number, for matching
 * "169/KH-UBND" with "169 /KH-UBND". */
vb_status vb_number_key(vb_folder *f, const char *number, vb_buf *out);

/* The sector key of a unit name: folded words with the level words
 * (Sở/Phòng/Ban/Chi cục/Bộ/Trung tâm…) stripped at the front, everything
 * from a level word (quận/huyện/tỉnh/thành phố/xã/phường…, "trên địa bàn")
 * cut at the back, the `place` words, connectors (và, các, "-", ",") and
 * numbers dropped.  Appends the key to `key` (empty only
 * for an empty name) and sets [*label_start, *label_end) to the bytes of
 * `unit` that the key was taken from, for display. */
vb_status vb_fold_sector_key(vb_folder *f, const char *unit, const char *place, vb_buf *key,
                             size_t *label_start, size_t *label_end);

/* The place an issuer names: "Ủy ban nhân dân huyện Chương Mỹ" → "Chương
 * Mỹ", "Ủy ban nhân dân Quận 1" → "Quận 1".  Sets [*start, *end) in
 * `issuer`; returns 0 when no place was found. */
int vb_fold_issuer_place(vb_folder *f, const char *issuer, size_t *start, size_t *end);

#endif
