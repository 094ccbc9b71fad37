#include "filehash.h"

#include <openssl/evp.h>
#include <stdio.h>

vb_status vb_file_sha256(const char *path, char hex[65]) {
    FILE *f = fopen(path, "rb");
    if (!f) return VB_E_IO;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    vb_status s = ctx && EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) ? VB_OK : VB_E_INTERNAL;
    unsigned char buf[64 * 1024];
    size_t n;
    while (s == VB_OK && (n = fread(buf, 1, sizeof buf, f)) > 0)
        if (!EVP_DigestUpdate(ctx, buf, n)) s = VB_E_INTERNAL;
    if (s == VB_OK && ferror(f)) s = VB_E_IO;
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned len = 0;
    if (s == VB_OK && (!EVP_DigestFinal_ex(ctx, md, &len) || len != 32)) s = VB_E_INTERNAL;
    for (unsigned i = 0; s == VB_OK && i < len; i++) snprintf(hex + 2 * i, 3, "%02x", md[i]);
    EVP_MD_CTX_free(ctx);
    fclose(f);
    return s;
}
