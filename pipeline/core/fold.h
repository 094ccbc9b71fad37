/* fold.h — ICU folding for matching Vietnamese names and numbers across
 * documents: NFD, combining marks removed, Latin-ASCII (so đ → d), lower
 * case — an ICU transliterator, no table of accented letters.  Used by the
 * compare report (sector matching) and the SQLite store (unit and number
 * keys).  A folder owns its transliterator: open one per worker and reuse. */
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

#endif
