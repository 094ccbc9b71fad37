/* batch.h — `vanban batch`: many inputs converted by a pool of worker
 * threads (one vb_pipeline each), one result file per input written
 * atomically below OUTDIR, OUTDIR/manifest.jsonl, optionally one compact
 * JSON line per input on stdout (--ndjson) and the SQLite store (--db).
 *
 * Determinism: whatever the number of workers, the result files, the
 * manifest (apart from "ms"), the NDJSON stream and the store rows come out
 * in input order with the same content.  Workers may run at most `window`
 * inputs ahead of the single emitter thread, which alone prints, writes the
 * store and draws progress.
 *
 * Memory: each input is converted one document at a time (pipeline.h),
 * its result file written as it goes.  The NDJSON line and the store rows
 * of an input up to 1 MiB are made by the emitter from the kept result;
 * a larger input's worker waits until the inputs before it are emitted
 * and then writes its line and rows itself while converting, so no input
 * is ever held whole.  (A failure in the middle of that leaves its store
 * transaction rolled back; the part of its line already on stdout stays.)
 *
 * Re-runs: an input whose path, sha256 and tool version match the previous
 * manifest or the journal of a killed run (journal.h), whose result file
 * exists (and, with --db, whose path is in the store with that sha256) is
 * not converted again; its line is kept with "cached": true.
 * SIGINT/SIGTERM stop the taking of new inputs; in-flight ones finish, the
 * manifest is written for what is done, and the run exits 130.
 *
 * Output failures: the first result file, journal line, manifest, store
 * transaction or stdout write that fails stops the run with one message
 * naming the output and the system error, exit 3; the input it concerned is
 * not counted (it is redone by the next run), never reported as its error. */
#ifndef VB_BATCH_H
#define VB_BATCH_H
#include <stdbool.h>

#include "../pipeline.h"
#include "inputs.h"

typedef struct {
    vb_batch_sources sources;
    const char *outdir;  /* NULL: no result files, no manifest */
    const char *db_path; /* NULL: no store */
    int jobs;            /* worker threads, >= 1 */
    bool force;          /* ignore the previous manifest */
    bool ndjson;         /* compact result lines on stdout */
    bool xml;            /* result files as XML instead of JSON */
    bool quiet, verbose;
    vb_pipeline_options pipeline;
} vb_batch_options;

/* Run the batch; returns the process exit code: 0 every input ok or
 * skipped, 4 some input failed, 3 an output/the store could not be written,
 * 2 usage, 130 interrupted, 70 internal. */
int vb_batch_run(const vb_batch_options *o);

#endif
