/* atomic.c — temp file (+ fsync when durable) + rename. */
#define _GNU_SOURCE /* syncfs */
#include "atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/buf.h"

vb_status vb_make_parents(const char *path) {
    char *p = strdup(path);
    if (!p) return VB_E_NOMEM;
    vb_status s = VB_OK;
    for (char *q = p + 1; *q && s == VB_OK; q++) {
        if (*q != '/') continue;
        *q = '\0';
        /* Several workers may create the same folder at once: EEXIST is fine. */
        if (mkdir(p, 0777) != 0 && errno != EEXIST) s = VB_E_IO;
        *q = '/';
    }
    free(p);
    return s;
}

vb_status vb_sync_folder(const char *dir) {
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    if (fd < 0) return VB_E_IO;
    int rc = syncfs(fd);
    close(fd);
    return rc == 0 ? VB_OK : VB_E_IO;
}

vb_status vb_atomic_write(const char *path, vb_write_fn fn, void *ctx, bool durable, char *err,
                          size_t errlen) {
    if (vb_make_parents(path) != VB_OK) {
        snprintf(err, errlen, "%s: cannot create its folder: %s", path, strerror(errno));
        return VB_E_IO;
    }
    vb_buf tmp;
    vb_buf_init(&tmp);
    const char *slash = strrchr(path, '/');
    size_t dir_len = slash ? (size_t)(slash - path) + 1 : 0;
    vb_buf_append(&tmp, path, dir_len);
    vb_buf_printf(&tmp, ".%s.tmp-XXXXXX", path + dir_len);
    char *name = tmp.oom ? NULL : tmp.data;
    if (!name) {
        vb_buf_free(&tmp);
        return VB_E_NOMEM;
    }
    int fd = mkstemp(name);
    if (fd < 0) {
        snprintf(err, errlen, "%s: cannot create a temporary file: %s", path, strerror(errno));
        vb_buf_free(&tmp);
        return VB_E_IO;
    }
    (void)fchmod(fd, 0644); /* mkstemp makes it 0600; results are for sharing */
    FILE *f = fdopen(fd, "w");
    vb_status s = f ? fn(f, ctx) : VB_E_IO;
    if (s == VB_OK && (fflush(f) != 0 || (durable && fsync(fd) != 0))) s = VB_E_IO;
    int saved = errno;
    if (f ? fclose(f) != 0 : close(fd) != 0) {
        if (s == VB_OK) s = VB_E_IO;
        saved = errno;
    }
    if (s == VB_OK && rename(name, path) != 0) {
        s = VB_E_IO;
        saved = errno;
    }
    if (s != VB_OK) {
        unlink(name);
        snprintf(err, errlen, "%s: writing failed: %s", path,
                 s == VB_E_IO ? strerror(saved) : vb_status_text(s));
    }
    vb_buf_free(&tmp);
    return s;
}
