/* inputs.h — the list of inputs of one batch, in a deterministic order.
 *
 * Named files are always attempted; folders are walked recursively (entries
 * in byte order of their names, symlinked folders not followed, the output
 * folder itself left out) and only *.docx / *.txt in them are converted —
 * everything else is kept as a skipped input with its reason, so that
 * inputs = ok + error + skipped always holds.
 *
 * Output names mirror the input: relative to the folder when the only input
 * is one folder, otherwise the path as given (leading "/" and "." dropped,
 * ".." turned into "__").  The extension is replaced by .json/.xml; two
 * inputs that would share a name (x.txt and x.docx) keep theirs (x.txt.json). */
#ifndef VB_BATCH_INPUTS_H
#define VB_BATCH_INPUTS_H
#include <stddef.h>

#include "../core/status.h"

typedef struct {
    char *path;            /* what to open */
    char *out_rel;         /* output path below OUTDIR; NULL when skipped */
    const char *skip_code; /* NULL when converted, else a status code string */
    char *skip_reason;     /* NULL when converted */
} vb_batch_input;

typedef struct {
    vb_batch_input *items;
    size_t len, cap;
} vb_batch_inputv;

typedef struct {
    char **args; /* INPUT... */
    size_t n_args;
    const char *files_from; /* a file with one path per line, "-" for stdin, or NULL */
    const char *outdir;     /* excluded from walks; may be NULL */
    const char *out_ext;    /* ".json" or ".xml" */
} vb_batch_sources;

/* Collect every input.  VB_E_IO / VB_E_USAGE with a message in err when a
 * named input does not exist or --files-from cannot be read. */
vb_status vb_batch_collect(const vb_batch_sources *src, vb_batch_inputv *out, char *err, size_t errlen);
void vb_batch_inputs_free(vb_batch_inputv *v);

#endif
