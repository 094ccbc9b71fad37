/* inputs.c — walking folders and naming outputs. */
#include "inputs.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "../core/buf.h"

typedef struct {
    vb_batch_inputv *out;
    dev_t out_dev;
    ino_t out_ino;
    bool has_outdir;
    char *err;
    size_t errlen;
} walker;

static vb_status push(vb_batch_inputv *v, vb_batch_input in) {
    if (v->len == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 64;
        vb_batch_input *p = realloc(v->items, cap * sizeof *p);
        if (!p) return VB_E_NOMEM;
        v->items = p;
        v->cap = cap;
    }
    v->items[v->len++] = in;
    return VB_OK;
}

static vb_status push_path(vb_batch_inputv *v, const char *path, const char *skip_code, const char *reason) {
    vb_batch_input in = {.path = strdup(path), .skip_code = skip_code};
    if (reason) in.skip_reason = strdup(reason);
    if (!in.path || (reason && !in.skip_reason) || push(v, in) != VB_OK) {
        free(in.path);
        free(in.skip_reason);
        return VB_E_NOMEM;
    }
    return VB_OK;
}

static bool has_ext(const char *name, const char *ext) {
    size_t n = strlen(name), e = strlen(ext);
    return n > e && strcasecmp(name + n - e, ext) == 0;
}

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Why a walked file is not converted, or NULL when it is a candidate. */
static const char *skip_reason_for(const char *name, char *buf, size_t len) {
    if (has_ext(name, ".docx") || has_ext(name, ".doc") || has_ext(name, ".txt")) return NULL;
    const char *dot = strrchr(name, '.');
    if (dot && dot != name)
        snprintf(buf, len, "extension %s: only .docx, .doc and .txt are converted in folders", dot);
    else
        snprintf(buf, len, "no .docx, .doc or .txt extension: not converted in folders");
    return buf;
}

static vb_status walk(walker *w, const char *dir);

static vb_status walk_entry(walker *w, const char *path, const char *name) {
    struct stat st;
    char reason[160];
    if (lstat(path, &st) != 0) {
        snprintf(reason, sizeof reason, "cannot stat: %s", strerror(errno));
        return push_path(w->out, path, "E_IO", reason);
    }
    if (S_ISLNK(st.st_mode)) {
        struct stat target;
        if (stat(path, &target) != 0) return push_path(w->out, path, "E_IO", "dangling symbolic link");
        if (S_ISDIR(target.st_mode))
            return push_path(w->out, path, "E_UNSUPPORTED", "symbolic link to a folder: not followed");
        st = target;
    }
    if (S_ISDIR(st.st_mode)) {
        if (w->has_outdir && st.st_dev == w->out_dev && st.st_ino == w->out_ino) return VB_OK;
        return walk(w, path);
    }
    if (!S_ISREG(st.st_mode)) return push_path(w->out, path, "E_UNSUPPORTED", "not a regular file");
    const char *why = skip_reason_for(name, reason, sizeof reason);
    return push_path(w->out, path, why ? "E_UNSUPPORTED" : NULL, why);
}

static vb_status walk(walker *w, const char *dir) {
    DIR *d = opendir(dir);
    if (!d) {
        char reason[160];
        snprintf(reason, sizeof reason, "cannot open folder: %s", strerror(errno));
        return push_path(w->out, dir, "E_IO", reason);
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    vb_status s = VB_OK;
    struct dirent *e;
    while (s == VB_OK && (e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            char **p = realloc(names, cap * sizeof *p);
            if (!p) {
                s = VB_E_NOMEM;
                break;
            }
            names = p;
        }
        if (!(names[n] = strdup(e->d_name)))
            s = VB_E_NOMEM;
        else
            n++;
    }
    closedir(d);
    qsort(names, n, sizeof *names, by_name); /* byte order: same list on every machine */
    vb_buf path;
    vb_buf_init(&path);
    size_t dlen = strlen(dir);
    while (dlen > 1 && dir[dlen - 1] == '/') dlen--;
    for (size_t i = 0; s == VB_OK && i < n; i++) {
        vb_buf_reset(&path);
        vb_buf_append(&path, dir, dlen);
        if (!(dlen == 1 && dir[0] == '/')) vb_buf_putc(&path, '/');
        vb_buf_puts(&path, names[i]);
        const char *p = vb_buf_cstr(&path);
        s = p ? walk_entry(w, p, names[i]) : VB_E_NOMEM;
    }
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    vb_buf_free(&path);
    return s;
}

/* One line per path; "\r\n" tolerated, blank lines ignored. */
static vb_status read_list(walker *w, const char *from) {
    FILE *f = strcmp(from, "-") == 0 ? stdin : fopen(from, "r");
    if (!f) {
        snprintf(w->err, w->errlen, "--files-from %s: %s", from, strerror(errno));
        return VB_E_IO;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    vb_status s = VB_OK;
    while (s == VB_OK && (n = getline(&line, &cap, f)) >= 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = '\0';
        if (n > 0) s = push_path(w->out, line, NULL, NULL);
    }
    if (s == VB_OK && ferror(f)) {
        snprintf(w->err, w->errlen, "--files-from %s: read error", from);
        s = VB_E_IO;
    }
    free(line);
    if (f != stdin) fclose(f);
    return s;
}

/* out_rel for `path`: drop `strip` leading bytes, then clean the components. */
static char *output_name(const char *path, size_t strip, const char *ext, bool keep_ext) {
    vb_buf b;
    vb_buf_init(&b);
    const char *p = path + strip;
    while (*p) {
        while (*p == '/') p++;
        const char *end = strchr(p, '/');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n == 0) break;
        if (!(n == 1 && p[0] == '.')) {
            if (b.len) vb_buf_putc(&b, '/');
            if (n == 2 && p[0] == '.' && p[1] == '.')
                vb_buf_puts(&b, "__");
            else
                vb_buf_append(&b, p, n);
        }
        p += n;
    }
    if (b.len == 0) vb_buf_puts(&b, "_");
    if (!keep_ext) {
        /* drop the extension of the last component, if it has one */
        const char *s = vb_buf_cstr(&b);
        const char *slash = s ? strrchr(s, '/') : NULL;
        const char *dot = s ? strrchr(slash ? slash + 1 : s, '.') : NULL;
        if (dot && dot != (slash ? slash + 1 : s)) b.len = (size_t)(dot - s);
    }
    vb_buf_puts(&b, ext);
    const char *s = vb_buf_cstr(&b);
    char *out = s ? strdup(s) : NULL;
    vb_buf_free(&b);
    return out;
}

typedef struct {
    char *name;
    size_t index;
} named;

static int by_named(const void *a, const void *b) {
    const named *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : (x->index > y->index) - (x->index < y->index);
}

/* Give each converted input its output name; colliding names keep their
 * extension.  An input named twice (same cleaned path) is kept once. */
static vb_status name_outputs(vb_batch_inputv *v, size_t strip_len, bool strip, const char *ext) {
    named *tab = calloc(v->len ? v->len : 1, sizeof *tab);
    if (!tab) return VB_E_NOMEM;
    size_t n = 0;
    vb_status s = VB_OK;
    for (size_t i = 0; i < v->len && s == VB_OK; i++) {
        if (v->items[i].skip_code) continue;
        tab[n].index = i;
        if (!(tab[n].name = output_name(v->items[i].path, strip ? strip_len : 0, ext, false))) s = VB_E_NOMEM;
        n++;
    }
    if (s == VB_OK) qsort(tab, n, sizeof *tab, by_named);
    for (size_t i = 0; i < n && s == VB_OK; i++) {
        bool clash = (i > 0 && !strcmp(tab[i].name, tab[i - 1].name)) ||
                     (i + 1 < n && !strcmp(tab[i].name, tab[i + 1].name));
        vb_batch_input *in = &v->items[tab[i].index];
        in->out_rel = clash ? output_name(in->path, strip ? strip_len : 0, ext, true) : strdup(tab[i].name);
        if (!in->out_rel) s = VB_E_NOMEM;
    }
    /* The same full name twice is the same file named twice: keep the first. */
    bool *drop = s == VB_OK ? calloc(v->len ? v->len : 1, sizeof *drop) : NULL;
    if (s == VB_OK && !drop) s = VB_E_NOMEM;
    if (s == VB_OK) {
        for (size_t i = 0; i < n; i++) {
            free(tab[i].name);
            tab[i].name = v->items[tab[i].index].out_rel;
        }
        qsort(tab, n, sizeof *tab, by_named);
        for (size_t i = 1; i < n; i++)
            if (!strcmp(tab[i].name, tab[i - 1].name)) drop[tab[i].index] = true;
        size_t kept = 0;
        for (size_t i = 0; i < v->len; i++) {
            if (drop[i]) {
                free(v->items[i].path);
                free(v->items[i].out_rel);
                free(v->items[i].skip_reason);
            } else {
                v->items[kept++] = v->items[i];
            }
        }
        v->len = kept;
    } else {
        for (size_t i = 0; i < n; i++) free(tab[i].name);
    }
    free(drop);
    free(tab);
    return s;
}

vb_status vb_batch_collect(const vb_batch_sources *src, vb_batch_inputv *out, char *err, size_t errlen) {
    walker w = {.out = out, .err = err, .errlen = errlen};
    struct stat st;
    if (src->outdir && stat(src->outdir, &st) == 0) {
        w.has_outdir = true;
        w.out_dev = st.st_dev;
        w.out_ino = st.st_ino;
    }
    size_t folders = 0;
    vb_status s = VB_OK;
    for (size_t i = 0; i < src->n_args && s == VB_OK; i++) {
        const char *a = src->args[i];
        if (stat(a, &st) == 0 && S_ISDIR(st.st_mode)) {
            folders++;
            s = walk(&w, a);
        } else {
            s = push_path(out, a, NULL, NULL); /* named: always attempted */
        }
    }
    if (s == VB_OK && src->files_from) s = read_list(&w, src->files_from);
    if (s != VB_OK) return s;
    /* One folder and nothing else: name outputs relative to it. */
    bool strip = folders == 1 && src->n_args == 1 && !src->files_from;
    size_t strip_len = strip ? strlen(src->args[0]) : 0;
    return name_outputs(out, strip_len, strip, src->out_ext);
}

void vb_batch_inputs_free(vb_batch_inputv *v) {
    for (size_t i = 0; i < v->len; i++) {
        free(v->items[i].path);
        free(v->items[i].out_rel);
        free(v->items[i].skip_reason);
    }
    free(v->items);
    v->items = NULL;
    v->len = v->cap = 0;
}
