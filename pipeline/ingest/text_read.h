/* text_read.h — plain-text decoding: UTF-8 (BOM optional), UTF-16 LE/BE with
 * BOM, CR/CRLF/LF line ends; one block per line.  Invalid input is an error
 * naming the byte offset (VB_E_ENCODING).  Legacy Vietnamese 8-bit encodings
 * (TCVN3, VNI, Windows-1258) are recognised and refused with
 * VB_E_LEGACY_ENCODING, or converted when the detection is certain. */
#ifndef VB_TEXT_READ_H
#define VB_TEXT_READ_H
#include "ingest.h"

vb_status vb_text_read(const unsigned char *data, size_t len, const vb_limits *lim, vb_arena *a, vb_result *r,
                       vb_blockv *out);

#endif
