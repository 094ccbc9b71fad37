/* batch_internal.h — state shared by the batch worker (batch_item.c) and
 * the orchestration (batch_run.c).  Not an API. */
#ifndef VB_BATCH_INTERNAL_H
#define VB_BATCH_INTERNAL_H
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>

#include "batch.h"
#include "manifest.h"

typedef struct {
    vb_record rec;
    vb_result *result; /* kept for the store writer, else NULL */
    char *line;        /* --ndjson: compact result JSON with its newline */
    size_t line_len;
    bool done;
} vb_batch_item;

typedef struct {
    const vb_batch_options *opt;
    vb_batch_inputv inputs;
    vb_batch_item *items;
    vb_manifest old;   /* previous manifest, read-only once workers run */
    char **db_files;   /* sorted "sha256\tpath" of the store's files, read-only */
    size_t n_db_files, db_files_cap;

    pthread_mutex_t mu; /* guards everything below */
    pthread_cond_t cond;
    size_t next_take, next_emit, window;
    bool stop;
    int signo;          /* the signal that stopped us, or 0 */
    bool finished;      /* tells the signal thread to leave */
    vb_status fatal;    /* a failure that stopped the run */
} vb_batch;

/* Convert (or take from the cache) input i into b->items[i]; never fails:
 * every problem ends up in the record. */
void vb_batch_process(vb_batch *b, vb_pipeline *p, size_t i);

/* "sha256\tpath": how the store's files are looked up; NULL on no memory. */
char *vb_batch_db_key(const char *sha256, const char *path);

/* OUTDIR/rel, heap-allocated; NULL on no memory. */
char *vb_batch_out_path(const vb_batch *b, const char *rel);

#endif
