/* OLE2 container through libgsf: see doc_ole.h. */
#include "doc_ole.h"

#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-input.h>
#include <stdio.h>
#include <stdlib.h>

struct vb_doc_ole {
    GsfInput *input;
    GsfInfile *infile;
    size_t file_len;
};

vb_status vb_doc_ole_open(const unsigned char *data, size_t len, vb_doc_ole **out, char *why,
                          size_t why_len) {
    *out = NULL;
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
    if (!child) return VB_E_EMPTY;
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
