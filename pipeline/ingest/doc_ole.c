/* OLE2 container through libgsf: see doc_ole.h. */
#include "doc_ole.h"

#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-input-proxy.h>
#include <gsf/gsf-input.h>
#include <gsf/gsf-shared-memory.h>
#include <gsf/gsf-utils.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* libgsf reports a damaged container through g_critical on stderr as well
 * as through its GError; the GError becomes our message, so its own log
 * lines are dropped (stderr carries one "vanban: CODE: message" line). */
static void drop_log(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void)domain, (void)level, (void)message, (void)data;
}

/* Once per process, by whichever thread comes first: libgsf's log lines
 * dropped, and its GObject types registered before any worker builds an
 * object (libgsf registers a type on its first use without a lock: two
 * batch workers opening their first .doc at once crashed in
 * gsf_shared_memory_new). */
static void quiet_libgsf(void) {
    static gsize done = 0;
    if (g_once_init_enter(&done)) {
        gsf_init();
        g_type_ensure(GSF_SHARED_MEMORY_TYPE);
        g_type_ensure(GSF_INPUT_MEMORY_TYPE);
        g_type_ensure(GSF_INPUT_PROXY_TYPE);
        g_type_ensure(GSF_INFILE_MSOLE_TYPE);
        GLogLevelFlags all = (GLogLevelFlags)(G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION);
        g_log_set_handler("libgsf", all, drop_log, NULL);
        g_log_set_handler("libgsf:msole", all, drop_log, NULL);
        g_log_set_handler("libgsf:utils", all, drop_log, NULL);
        g_log_set_handler(NULL, all, drop_log, NULL); /* libgsf's msole reader warns without a domain */
        g_once_init_leave(&done, 1);
    }
}

static uint32_t rd32(const unsigned char *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

enum { HEADER_DIFAT = 109, END_OF_CHAIN = 0xFFFFFFFEu };

enum { DIR_ENTRY = 128, NO_STREAM = 0xFFFFFFFFu, TYPE_STREAM = 2, TYPE_ROOT = 5 };

/* The directory's entries, in order, as offsets into the file. */
typedef struct {
    size_t *at;
    size_t len;
} dir_entries;

/* Every entry reached once from the root through left/right/child links,
 * and each a storage or a stream: a link out of range, to an empty entry or
 * back to an entry already seen is refused (libgsf leaks its partial tree
 * on those). */
static const char *tree_problem(const unsigned char *d, const dir_entries *e) {
    unsigned char *seen = calloc(e->len ? e->len : 1, 1);
    uint32_t *stack = malloc((e->len + 1) * sizeof *stack);
    const char *why = NULL;
    if (!seen || !stack) why = "no memory to check the directory";
    size_t top = 0;
    if (!why) stack[top++] = 0; /* the root, its links included: it has no siblings */
    while (!why && top) {
        uint32_t i = stack[--top];
        unsigned type = i < e->len ? d[e->at[i] + 66] : 0;
        if (i >= e->len)
            why = "a directory link past the last entry";
        else if (seen[i])
            why = "a loop in the directory tree";
        else if (i ? type != 1 && type != TYPE_STREAM : type != TYPE_ROOT)
            why = "a directory link to an empty entry";
        else {
            seen[i] = 1;
            for (int k = 0; k < 3; k++) { /* left sibling, right sibling, child */
                uint32_t next = rd32(d + e->at[i] + 68 + 4 * (size_t)k);
                if (next != NO_STREAM && top < e->len)
                    stack[top++] = next;
                else if (next != NO_STREAM)
                    why = "a loop in the directory tree";
            }
        }
    }
    free(seen);
    free(stack);
    return why;
}

/* The header's own checks, before libgsf: sector size, the FAT sectors it
 * lists inside the file, the directory's chain ending without a loop and
 * without leaving the file, a root entry first, no stream claiming more
 * bytes than the file, a directory tree without loops.  libgsf reads a
 * damaged directory as a shorter one (and leaks on some); these say what
 * is wrong.  NULL when nothing is. */
static const char *header_problem(const unsigned char *d, size_t len) {
    if (len < 512) return "shorter than its 512-byte header";
    unsigned shift = (unsigned)(d[0x1E] | d[0x1F] << 8);
    if (shift != 9 && shift != 12) return "a sector size other than 512 or 4096 bytes";
    size_t ssz = (size_t)1 << shift, per = ssz / 4;
    size_t sectors = len > ssz ? (len - ssz + ssz - 1) / ssz : 0; /* the last may be short */
    uint32_t n_fat = rd32(d + 0x2C), dir = rd32(d + 0x30);
    if (n_fat == 0) return "no FAT sectors";
    if (n_fat > sectors) return "more FAT sectors than the file holds (a truncated FAT)";
    size_t listed = n_fat < HEADER_DIFAT ? n_fat : HEADER_DIFAT;
    for (size_t i = 0; i < listed; i++)
        if (rd32(d + 0x4C + 4 * i) >= sectors)
            return "a FAT sector past the end of the file (a truncated FAT)";
    dir_entries e = {malloc((sectors * (ssz / DIR_ENTRY) + 1) * sizeof *e.at), 0};
    if (!e.at) return "no memory to check the directory";
    const char *why = NULL;
    size_t steps = 0;
    for (uint32_t s = dir; !why && s != END_OF_CHAIN;) {
        size_t sec_at = ssz + (size_t)s * ssz;
        if (s >= sectors || sec_at + ssz > len) {
            why = "the directory's sector chain leaves the file";
            break;
        }
        if (++steps > sectors) {
            why = "a loop in the directory's sector chain";
            break;
        }
        for (size_t k = 0; k + DIR_ENTRY <= ssz; k += DIR_ENTRY) {
            const unsigned char *ent = d + sec_at + k;
            if (ent[66] == TYPE_STREAM && rd32(ent + 120) > len) why = "a stream larger than the whole file";
            e.at[e.len++] = sec_at + k;
        }
        size_t f = s / per;
        if (f >= listed) break; /* FAT sectors listed in DIFAT sectors: libgsf checks those */
        size_t at = ssz + (size_t)rd32(d + 0x4C + 4 * f) * ssz + 4 * (s % per);
        if (at + 4 > len)
            why = "a FAT sector past the end of the file (a truncated FAT)";
        else
            s = rd32(d + at);
    }
    if (!why && (!e.len || d[e.at[0] + 66] != TYPE_ROOT))
        why = "the directory does not start with its root entry";
    if (!why) why = tree_problem(d, &e);
    free(e.at);
    return why;
}

struct vb_doc_ole {
    GsfInput *input;
    GsfInfile *infile;
    size_t file_len;
};

vb_status vb_doc_ole_open(const unsigned char *data, size_t len, vb_doc_ole **out, char *why,
                          size_t why_len) {
    *out = NULL;
    const char *problem = header_problem(data, len);
    if (problem) {
        snprintf(why, why_len, "%s", problem);
        return VB_E_DOC_CORRUPT;
    }
    quiet_libgsf();
    vb_doc_ole *o = calloc(1, sizeof *o);
    if (!o) return VB_E_NOMEM;
    o->file_len = len;
    o->input = gsf_input_memory_new(data, (gsf_off_t)len, FALSE);
    if (!o->input) {
        free(o);
        return VB_E_NOMEM;
    }
    GError *err = NULL;
    o->infile = gsf_infile_msole_new(o->input, &err);
    if (!o->infile) {
        snprintf(why, why_len, "%s",
                 err && err->message ? err->message : "not a readable OLE2 compound file");
        if (err) g_error_free(err);
        vb_doc_ole_close(o);
        return VB_E_DOC_CORRUPT;
    }
    if (err) g_error_free(err);
    *out = o;
    return VB_OK;
}

vb_status vb_doc_ole_read(vb_doc_ole *o, const char *name, unsigned char **buf, size_t *len) {
    *buf = NULL;
    *len = 0;
    GsfInput *child = gsf_infile_child_by_name(o->infile, name);
    if (!child) { /* absent, or listed but its sectors cannot be followed */
        int n = gsf_infile_num_children(o->infile);
        for (int i = 0; i < n; i++) {
            const char *c = gsf_infile_name_by_index(o->infile, i);
            if (c && strcmp(c, name) == 0) return VB_E_DOC_CORRUPT;
        }
        return VB_E_EMPTY;
    }
    gsf_off_t size = gsf_input_size(child);
    vb_status s = VB_OK;
    if (size < 0 || (unsigned long long)size > o->file_len) {
        s = VB_E_DOC_CORRUPT;
    } else {
        unsigned char *p = malloc((size_t)size + 1);
        if (!p)
            s = VB_E_NOMEM;
        else if (size > 0 && !gsf_input_read(child, (size_t)size, p)) {
            free(p);
            s = VB_E_DOC_CORRUPT;
        } else {
            *buf = p;
            *len = (size_t)size;
        }
    }
    g_object_unref(child);
    return s;
}

void vb_doc_ole_close(vb_doc_ole *o) {
    if (!o) return;
    if (o->infile) g_object_unref(o->infile);
    if (o->input) g_object_unref(o->input);
    free(o);
}
