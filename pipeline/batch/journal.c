/* journal.c — append-only record of finished inputs, and the OUTDIR lock. */
#include "journal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/* The file at j->path is still the one open as fd (a run finishing at the
 * same moment may have removed it after we opened it). */
static bool still_there(int fd, const char *path) {
    struct stat a, b;
    return fstat(fd, &a) == 0 && stat(path, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* A killed writer may have left half a line: end it, so the next line is
 * read on its own (the half line is then ignored as bad JSON). */
static int end_last_line(int fd) {
    off_t size = lseek(fd, 0, SEEK_END);
    char c = '\n';
    if (size < 0) return -1;
    if (size > 0 && pread(fd, &c, 1, size - 1) != 1) return -1;
    return c == '\n' || write(fd, "\n", 1) == 1 ? 0 : -1;
}

vb_status vb_journal_open(vb_journal *j, const char *outdir, char *err, size_t errlen) {
    j->fd = -1;
    size_t n = strlen(outdir) + sizeof "/" VB_JOURNAL_NAME;
    if (!(j->path = malloc(n))) return VB_E_NOMEM;
    snprintf(j->path, n, "%s/%s", outdir, VB_JOURNAL_NAME);
    for (int attempt = 0; attempt < 3; attempt++) {
        int fd = open(j->path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
        if (fd < 0) {
            snprintf(err, errlen, "cannot write %s: %s", j->path, strerror(errno));
            return VB_E_IO;
        }
        if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
            int e = errno;
            close(fd);
            if (e == EWOULDBLOCK)
                snprintf(err, errlen, "%s is in use by another vanban batch (%s is locked)", outdir, j->path);
            else
                snprintf(err, errlen, "cannot lock %s: %s", j->path, strerror(e));
            return VB_E_IO;
        }
        if (still_there(fd, j->path)) {
            if (end_last_line(fd) != 0) {
                snprintf(err, errlen, "cannot write %s: %s", j->path, strerror(errno));
                close(fd);
                return VB_E_IO;
            }
            j->fd = fd;
            return VB_OK;
        }
        close(fd);
    }
    snprintf(err, errlen, "%s keeps being replaced by another vanban batch", j->path);
    return VB_E_IO;
}

static int write_all(int fd, const char *p, size_t n) {
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) {
            if (w == 0) errno = EIO;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

vb_status vb_journal_append(vb_journal *j, const vb_record *rec, char *err, size_t errlen) {
    json_t *o = vb_record_json(rec);
    char *line = o ? json_dumps(o, JSON_COMPACT | JSON_REAL_PRECISION(6)) : NULL;
    json_decref(o);
    size_t len = line ? strlen(line) : 0;
    char *buf = line ? realloc(line, len + 2) : NULL;
    if (!buf) {
        free(line);
        return VB_E_NOMEM;
    }
    buf[len++] = '\n';
    buf[len] = '\0';
    vb_status s = VB_OK;
    if (write_all(j->fd, buf, len) != 0) {
        snprintf(err, errlen, "%s: writing failed: %s", j->path, strerror(errno));
        s = VB_E_IO;
    }
    free(buf);
    return s;
}

void vb_journal_remove(vb_journal *j) {
    if (j->fd >= 0) (void)unlink(j->path);
    vb_journal_close(j);
}

void vb_journal_close(vb_journal *j) {
    if (j->fd >= 0) close(j->fd);
    j->fd = -1;
    free(j->path);
    j->path = NULL;
}

/* ".NAME.tmp-XXXXXX", as made by vb_atomic_write. */
static bool is_temporary(const char *name) {
    size_t n = strlen(name);
    return name[0] == '.' && n > 12 && !strncmp(name + n - 11, ".tmp-", 5);
}

enum { MAX_DEPTH = 64 };

static size_t remove_below(const char *dir, int depth) {
    DIR *d = opendir(dir);
    if (!d) return 0;
    size_t removed = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        size_t n = strlen(dir) + strlen(e->d_name) + 2;
        char *path = malloc(n);
        if (!path) break;
        snprintf(path, n, "%s/%s", dir, e->d_name);
        struct stat st;
        if (lstat(path, &st) == 0) {
            if (S_ISDIR(st.st_mode) && depth < MAX_DEPTH)
                removed += remove_below(path, depth + 1);
            else if (S_ISREG(st.st_mode) && is_temporary(e->d_name) && unlink(path) == 0)
                removed++;
        }
        free(path);
    }
    closedir(d);
    return removed;
}

size_t vb_remove_temporaries(const char *dir) { return remove_below(dir, 0); }
