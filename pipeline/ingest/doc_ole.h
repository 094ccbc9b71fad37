/* doc_ole.h — the OLE2 compound file (Word 97–2003 .doc) container, read
 * through libgsf's MS-OLE reader, which follows the FAT and mini-FAT sector
 * chains with bounds.  Streams are read whole into heap buffers, each at
 * most the size of the file itself: a stream cannot hold more bytes than the
 * container, so a directory entry claiming more is corrupt. */
#ifndef VB_DOC_OLE_H
#define VB_DOC_OLE_H
#include <stddef.h>

#include "../core/status.h"

/* First bytes of every compound file. */
#define VB_OLE2_SIGNATURE "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"

typedef struct vb_doc_ole vb_doc_ole;

/* Open the container held in data[0..len) (not copied: it must outlive the
 * handle).  VB_E_DOC_CORRUPT with a reason in why[] when libgsf refuses it. */
vb_status vb_doc_ole_open(const unsigned char *data, size_t len, vb_doc_ole **out, char *why, size_t why_len);

/* Read the top-level stream `name` into a malloc'd buffer (*buf, *len; the
 * caller frees).  VB_E_EMPTY when there is no such stream (buf NULL),
 * VB_E_DOC_CORRUPT when it is over the bound or its sectors cannot be read,
 * VB_E_NOMEM. */
vb_status vb_doc_ole_read(vb_doc_ole *o, const char *name, unsigned char **buf, size_t *len);

void vb_doc_ole_close(vb_doc_ole *o);

#endif
