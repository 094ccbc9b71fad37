/* filehash.h — SHA-256 of a file, streamed (libcrypto EVP), as lowercase
 * hex: the identity of an input for the batch cache and the store. */
#ifndef VB_BATCH_FILEHASH_H
#define VB_BATCH_FILEHASH_H
#include "../core/status.h"

/* VB_E_IO when the file cannot be read, VB_E_INTERNAL if libcrypto fails. */
vb_status vb_file_sha256(const char *path, char hex[65]);

#endif
