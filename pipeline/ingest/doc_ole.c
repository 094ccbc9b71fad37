/* OLE2 container through libgsf: see doc_ole.h. */
#include "doc_ole.h"

#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-input.h>
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

static void quiet_libgsf(void) {
    static gsize done = 0; /* set once per process, by whichever thread comes first */
    if (g_once_init_enter(&done)) {
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

/* The header's own checks, before libgsf: sector size, the FAT sectors it
 * lists inside the file, and the directory's chain ending without a loop
 * and without leaving the file.  libgsf reads a damaged directory as a
 * shorter one; these say what is wrong.  A stream entry claiming more bytes
 * than the file is refused here too.  NULL when nothing is. */
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
        if (rd32(d + 0x4C + 4 * i) >= sectors) return "a FAT sector past the end of the file (a truncated FAT)";
    size_t steps = 0;
    for (uint32_t s = dir; s != END_OF_CHAIN;) {
        if (s >= sectors) return "the directory's sector chain leaves the file";
        if (++steps > sectors) return "a loop in the directory's sector chain";
        size_t sec_at = ssz + (size_t)s * ssz;
        for (size_t e = 0; e + 128 <= ssz && sec_at + e + 128 <= len; e += 128) {
            const unsigned char *ent = d + sec_at + e;
            if (ent[66] == 2 && rd32(ent + 120) > len) return "a stream larger than the whole file";
        }
        size_t k = s / per;
        if (k >= listed) break; /* FAT sectors listed in DIFAT sectors: libgsf checks those */
        size_t at = ssz + (size_t)rd32(d + 0x4C + 4 * k) * ssz + 4 * (s % per);
        if (at + 4 > len) return "a FAT sector past the end of the file (a truncated FAT)";
        s = rd32(d + at);
    }
    return NULL;
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
        snprintf(why, why_len, "%s", err && err->message ? err->message : "not a readable OLE2 compound file");
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
        if (!p) s = VB_E_NOMEM;
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
