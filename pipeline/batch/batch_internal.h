/* batch_internal.h — state shared by the batch worker (batch_item.c) and
 * the orchestration (batch_run.c).  Not an API. */
#ifndef VB_BATCH_INTERNAL_H
#define VB_BATCH_INTERNAL_H
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>

#include "batch.h"
#include "journal.h"
#include "manifest.h"

typedef struct {
    vb_record rec;
    vb_result *result; /* kept for the store writer, else NULL */
    char *line;        /* --ndjson: compact result JSON with its newline */
    size_t line_len;
    bool done;
    bool lost; /* its result could not be written: neither counted nor journaled */
} vb_batch_item;

typedef struct {
    const vb_batch_options *opt;
    vb_batch_inputv inputs;
    vb_batch_item *items;
    vb_manifest old;    /* previous manifest + journal, read-only once workers run */
    vb_journal journal; /* fd -1 without OUTDIR; written by the emitter only */
    char **db_files;    /* sorted "sha256\tpath" of the store's files, read-only */
    size_t n_db_files, db_files_cap;

    /* --db: written by the emitter, or by the worker of a large input while
     * it holds its turn (vb_batch_wait_turn); never by two at once */
    struct vb_store *store;

    pthread_mutex_t mu; /* guards everything below */
    pthread_cond_t cond;
    size_t next_take, next_emit, window;
    bool stop;
    bool emit_stopped;    /* the emitter will emit nothing more */
    int signo;            /* the signal that stopped us, or 0 */
    bool finished;        /* tells the signal thread to leave */
    vb_status fatal;      /* a failure that stopped the run */
    char fatal_msg[1024]; /* its one message: the output's path and the system error */
} vb_batch;

/* An output (result file, journal, manifest, store, stdout) cannot be
 * written: stop taking inputs.  Only the first failure is kept and later
 * said once; the inputs are not to blame.  Takes b->mu. */
void vb_batch_fail(vb_batch *b, vb_status s, const char *msg);

/* Convert (or take from the cache) input i into b->items[i]; never fails:
 * every problem ends up in the record. */
void vb_batch_process(vb_batch *b, vb_pipeline *p, size_t i);

/* Wait until input i is the next to be emitted (every earlier input's
 * outputs are written and the emitter waits for i): from then until i is
 * done, its worker may write i's ordered outputs (NDJSON line, store rows)
 * itself.  false when the emitter stopped before reaching i.  Takes b->mu. */
bool vb_batch_wait_turn(vb_batch *b, size_t i);

/* "sha256\tpath": how the store's files are looked up; NULL on no memory. */
char *vb_batch_db_key(const char *sha256, const char *path);

/* OUTDIR/rel, heap-allocated; NULL on no memory. */
char *vb_batch_out_path(const vb_batch *b, const char *rel);

#endif
