/* batch_run.c — the worker pool, the in-order emitter (stdout, store,
 * journal, progress), signal handling, the manifest and the summary. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../store/store.h"
#include "atomic.h"
#include "batch_internal.h"
#include "progress.h"

void vb_batch_fail(vb_batch *b, vb_status s, const char *msg) {
    pthread_mutex_lock(&b->mu);
    if (b->fatal == VB_OK) {
        b->fatal = s;
        snprintf(b->fatal_msg, sizeof b->fatal_msg, "%s", msg);
    }
    b->stop = true;
    pthread_cond_broadcast(&b->cond);
    pthread_mutex_unlock(&b->mu);
}

/* ---- workers ---- */

bool vb_batch_wait_turn(vb_batch *b, size_t i) {
    pthread_mutex_lock(&b->mu);
    while (b->next_emit < i && !b->emit_stopped) pthread_cond_wait(&b->cond, &b->mu);
    bool turn = b->next_emit == i && !b->emit_stopped;
    pthread_mutex_unlock(&b->mu);
    return turn;
}

static void *worker_main(void *arg) {
    vb_batch *b = arg;
    vb_pipeline *p = NULL;
    vb_status s = vb_pipeline_open(&b->opt->pipeline, &p);
    pthread_mutex_lock(&b->mu);
    if (s != VB_OK) {
        b->fatal = s;
        b->stop = true;
        pthread_cond_broadcast(&b->cond);
    }
    for (;;) {
        while (!b->stop && b->next_take < b->inputs.len && b->next_take >= b->next_emit + b->window)
            pthread_cond_wait(&b->cond, &b->mu);
        if (b->stop || b->next_take >= b->inputs.len) break;
        size_t i = b->next_take++;
        pthread_mutex_unlock(&b->mu);
        vb_batch_process(b, p, i);
        pthread_mutex_lock(&b->mu);
        b->items[i].done = true;
        pthread_cond_broadcast(&b->cond);
    }
    pthread_mutex_unlock(&b->mu);
    vb_pipeline_close(p);
    return NULL;
}

/* ---- signals: blocked everywhere, received by one thread with sigwait,
 * so no handler and no global flag are needed ---- */

static void *signal_main(void *arg) {
    vb_batch *b = arg;
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    for (;;) {
        int sig = 0;
        if (sigwait(&set, &sig) != 0) continue;
        pthread_mutex_lock(&b->mu);
        bool leave = b->finished;
        if (!leave && !b->stop) {
            b->stop = true;
            b->signo = sig;
            pthread_cond_broadcast(&b->cond);
        }
        pthread_mutex_unlock(&b->mu);
        if (leave) return NULL;
    }
}

/* ---- the emitter: input order, one thread ---- */

typedef struct {
    vb_store *store;
    vb_progress progress;
    size_t ok, errors, skipped, cached;
} emitter;

static void say(emitter *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(emitter *e, const char *fmt, ...) {
    vb_progress_clear(&e->progress);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
}

/* Write input i's outputs in order — NDJSON line, store rows, journal
 * line — then count it.  A failure stops the run (vb_batch_fail) and the
 * input is not counted: it is redone next time. */
static vb_status emit(vb_batch *b, emitter *e, size_t i) {
    vb_batch_item *it = &b->items[i];
    const vb_record *rec = &it->rec;
    const char *path = b->inputs.items[i].path;
    char err[1024];
    vb_status s = VB_OK;
    if (it->line && fwrite(it->line, 1, it->line_len, stdout) != it->line_len) {
        s = VB_E_IO;
        snprintf(err, sizeof err, "standard output: %s", strerror(errno));
    }
    if (e->store && s == VB_OK) {
        if (it->result)
            s = vb_store_put_result(e->store, it->result, VB_VERSION);
        else if (rec->status == VB_REC_SKIPPED)
            s = vb_store_put_skipped(e->store, path, rec->error_code, rec->error, VB_VERSION);
        if (s != VB_OK) snprintf(err, sizeof err, "%s: %s", b->opt->db_path, vb_store_errmsg(e->store));
    }
    if (b->journal.fd >= 0 && s == VB_OK) s = vb_journal_append(&b->journal, rec, err, sizeof err);
    vb_result_free(it->result);
    it->result = NULL;
    free(it->line);
    it->line = NULL;
    if (s != VB_OK) {
        vb_batch_fail(b, s, s == VB_E_NOMEM ? vb_status_text(s) : err);
        return s;
    }
    switch (rec->status) {
    case VB_REC_OK: e->ok++; break;
    case VB_REC_ERROR: e->errors++; break;
    case VB_REC_SKIPPED: e->skipped++; break;
    }
    if (rec->cached) e->cached++;
    if (rec->status == VB_REC_ERROR && !b->opt->quiet)
        say(e, "vanban batch: %s: %s\n", rec->error_code ? rec->error_code : "E_INTERNAL",
            rec->error ? rec->error : path);
    else if (b->opt->verbose && rec->status == VB_REC_SKIPPED)
        say(e, "skipped %s: %s\n", path, rec->error ? rec->error : "");
    else if (b->opt->verbose)
        say(e, "%s %s: %zu document%s, %.0f ms\n", rec->cached ? "cached " : "ok     ", path, rec->documents,
            rec->documents == 1 ? "" : "s", rec->ms);
    vb_progress_update(&e->progress, i + 1, e->errors, i + 1 == b->inputs.len);
    return VB_OK;
}

/* Inputs in order as they finish; stops at the first one that was not
 * taken, whose result was lost, or whose outputs fail. */
static void emit_all(vb_batch *b, emitter *e) {
    pthread_mutex_lock(&b->mu);
    while (b->next_emit < b->inputs.len) {
        size_t i = b->next_emit;
        while (!b->items[i].done && !(b->stop && i >= b->next_take)) pthread_cond_wait(&b->cond, &b->mu);
        if (!b->items[i].done || b->items[i].lost) break;
        pthread_mutex_unlock(&b->mu);
        vb_status s = emit(b, e, i);
        pthread_mutex_lock(&b->mu);
        if (s != VB_OK) break;
        b->next_emit++;
        pthread_cond_broadcast(&b->cond);
    }
    b->emit_stopped = true; /* a worker waiting for its turn gives up */
    pthread_cond_broadcast(&b->cond);
    pthread_mutex_unlock(&b->mu);
    if (fflush(stdout) != 0) {
        char msg[256];
        snprintf(msg, sizeof msg, "standard output: %s", strerror(errno));
        vb_batch_fail(b, VB_E_IO, msg);
    }
}

/* ---- manifest ---- */

typedef struct {
    vb_batch *b;
} manifest_writer;

/* The emitted inputs (the journal's lines, in input order), then for each
 * input not emitted this time the previous line, if any: it still
 * describes the result file that is there. */
static vb_status write_manifest_lines(FILE *f, void *ctx) {
    vb_batch *b = ((manifest_writer *)ctx)->b;
    for (size_t i = 0; i < b->inputs.len; i++) {
        const vb_record *rec = &b->items[i].rec;
        if (i >= b->next_emit) {
            rec = vb_manifest_find(&b->old, b->inputs.items[i].path);
            if (!rec) continue;
        }
        json_t *j = vb_record_json(rec);
        if (!j) return VB_E_NOMEM;
        int rc = json_dumpf(j, f, JSON_COMPACT | JSON_REAL_PRECISION(6));
        json_decref(j);
        if (rc != 0 || fputc('\n', f) == EOF) return VB_E_IO;
    }
    return VB_OK;
}

/* ---- setup ---- */

static int add_db_file(const char *path, const char *sha, void *ctx) {
    vb_batch *b = ctx;
    if (b->n_db_files == b->db_files_cap) {
        size_t cap = b->db_files_cap ? b->db_files_cap * 2 : 256;
        char **p = realloc(b->db_files, cap * sizeof *p);
        if (!p) return 1;
        b->db_files = p;
        b->db_files_cap = cap;
    }
    if (!(b->db_files[b->n_db_files] = vb_batch_db_key(sha, path))) return 1;
    b->n_db_files++;
    return 0;
}

static int by_str(const void *x, const void *y) { return strcmp(*(char *const *)x, *(char *const *)y); }

/* OUTDIR: created, locked by the journal, cleared of earlier runs'
 * temporaries; the previous manifest and journal read for the cache. */
static vb_status open_outdir(vb_batch *b, char **manifest_path) {
    const char *outdir = b->opt->outdir;
    char err[1024];
    *manifest_path = vb_batch_out_path(b, "manifest.jsonl");
    if (!*manifest_path) return VB_E_NOMEM;
    if (vb_make_parents(*manifest_path) != VB_OK) {
        fprintf(stderr, "vanban batch: E_IO: cannot create %s: %s\n", outdir, strerror(errno));
        return VB_E_IO;
    }
    vb_status s = vb_journal_open(&b->journal, outdir, err, sizeof err);
    if (s != VB_OK) {
        fprintf(stderr, "vanban batch: %s: %s\n", vb_status_code(s), s == VB_E_IO ? err : vb_status_text(s));
        return s;
    }
    size_t removed = vb_remove_temporaries(outdir);
    if (removed && b->opt->verbose)
        fprintf(stderr, "vanban batch: removed %zu temporary file%s of an earlier run\n", removed,
                removed == 1 ? "" : "s");
    const char *previous[] = {*manifest_path, b->journal.path};
    s = vb_manifest_load(previous, 2, &b->old);
    if (s != VB_OK)
        fprintf(stderr, "vanban batch: %s: cannot read %s or %s\n", vb_status_code(s), *manifest_path,
                b->journal.path);
    return s;
}

static vb_status open_outputs(vb_batch *b, emitter *e, char **manifest_path) {
    const vb_batch_options *o = b->opt;
    char err[512];
    if (o->outdir) {
        vb_status s = open_outdir(b, manifest_path);
        if (s != VB_OK) return s;
    }
    if (o->db_path) {
        vb_status s = vb_store_open(o->db_path, &e->store, err, sizeof err);
        if (s == VB_OK && !o->force) s = vb_store_each_file(e->store, VB_VERSION, add_db_file, b);
        if (s != VB_OK) {
            fprintf(stderr, "vanban batch: %s: %s\n", vb_status_code(s),
                    e->store ? vb_store_errmsg(e->store) : err);
            return s;
        }
        b->store = e->store;
        /* Sorted once, then only read (bsearch) by the workers. */
        if (b->n_db_files) qsort(b->db_files, b->n_db_files, sizeof *b->db_files, by_str);
    }
    return VB_OK;
}

/* manifest.jsonl from what was emitted, then the journal goes.  After an
 * earlier failure it is still tried (it may be the result folder that
 * failed), quietly: that failure was already said. */
static void write_manifest(vb_batch *b, const char *manifest_path) {
    char err[512];
    manifest_writer w = {b};
    bool failed = b->fatal != VB_OK;
    /* results were renamed into place without a flush each: make them
     * durable together, then commit the run with its manifest */
    if (vb_sync_folder(b->opt->outdir) != VB_OK && !failed)
        fprintf(stderr, "vanban batch: warning: could not flush %s to disk\n", b->opt->outdir);
    vb_status s = vb_atomic_write(manifest_path, write_manifest_lines, &w, true, err, sizeof err);
    if (s == VB_OK)
        vb_journal_remove(&b->journal);
    else if (!failed)
        vb_batch_fail(b, s, s == VB_E_IO ? err : vb_status_text(s));
}

/* The counts, then the one message of a failure that stopped the run. */
static void summary(const vb_batch *b, const emitter *e, double seconds) {
    size_t done = e->ok + e->errors + e->skipped;
    fprintf(stderr,
            "vanban batch: %zu inputs = %zu ok + %zu error + %zu skipped (%zu cached)"
            " in %.1f s (%.1f files/s)\n",
            done, e->ok, e->errors, e->skipped, e->cached, seconds,
            seconds > 0 ? (double)done / seconds : 0.0);
    if (b->fatal != VB_OK)
        fprintf(stderr, "vanban batch: %s: %s\n", vb_status_code(b->fatal),
                b->fatal_msg[0] ? b->fatal_msg : vb_status_text(b->fatal));
    if (done < b->inputs.len)
        fprintf(stderr, "vanban batch: stopped after %zu of %zu inputs; run again to finish\n", done,
                b->inputs.len);
}

static int run_pool(vb_batch *b, emitter *e) {
    const vb_batch_options *o = b->opt;
    size_t jobs = o->jobs > 0 ? (size_t)o->jobs : 1;
    if (jobs > b->inputs.len) jobs = b->inputs.len ? b->inputs.len : 1;
    b->window = 4 * jobs + 16;
    pthread_t *workers = calloc(jobs, sizeof *workers);
    if (!workers) return VB_EXIT_INTERNAL;
    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, &old); /* inherited by every thread below */
    pthread_t sig_thread;
    bool have_sig = pthread_create(&sig_thread, NULL, signal_main, b) == 0;
    size_t started = 0;
    for (; started < jobs; started++)
        if (pthread_create(&workers[started], NULL, worker_main, b) != 0) break;
    if (started == 0) {
        pthread_mutex_lock(&b->mu);
        b->stop = true;
        b->fatal = VB_E_INTERNAL;
        pthread_mutex_unlock(&b->mu);
    }
    emit_all(b, e);
    for (size_t i = 0; i < started; i++) pthread_join(workers[i], NULL);
    free(workers);
    if (have_sig) {
        pthread_mutex_lock(&b->mu);
        b->finished = true;
        pthread_mutex_unlock(&b->mu);
        pthread_kill(sig_thread, SIGTERM); /* wakes its sigwait; it sees `finished` */
        pthread_join(sig_thread, NULL);
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return 0;
}

int vb_batch_run(const vb_batch_options *o) {
    vb_batch b = {.opt = o, .journal = {.fd = -1}};
    emitter e = {0};
    char err[512] = "";
    char *manifest_path = NULL;
    int rc = VB_EXIT_OK;
    pthread_mutex_init(&b.mu, NULL);
    pthread_cond_init(&b.cond, NULL);
    vb_status s = vb_batch_collect(&o->sources, &b.inputs, err, sizeof err);
    if (s != VB_OK) {
        fprintf(stderr, "vanban batch: %s: %s\n", vb_status_code(s), err[0] ? err : vb_status_text(s));
        rc = s == VB_E_NOMEM ? VB_EXIT_INTERNAL : VB_EXIT_USAGE;
        goto out;
    }
    b.items = calloc(b.inputs.len ? b.inputs.len : 1, sizeof *b.items);
    if (!b.items) {
        rc = VB_EXIT_INTERNAL;
        goto out;
    }
    if ((s = open_outputs(&b, &e, &manifest_path)) != VB_OK) {
        rc = s == VB_E_NOMEM ? VB_EXIT_INTERNAL : VB_EXIT_IO;
        goto out;
    }
    vb_progress_init(&e.progress, b.inputs.len, !o->quiet && isatty(STDERR_FILENO));
    double t0 = vb_now();
    if ((rc = run_pool(&b, &e)) != 0) goto out;
    vb_progress_clear(&e.progress);
    if (manifest_path) write_manifest(&b, manifest_path);
    /* quiet means quiet, also when interrupted (exit 130 says it); an
     * output failure is said anyway: it is not the inputs' */
    if (!o->quiet || b.fatal != VB_OK) summary(&b, &e, vb_now() - t0);
    rc = b.signo                    ? VB_EXIT_INTERRUPTED
         : b.fatal == VB_E_NOMEM    ? VB_EXIT_INTERNAL
         : b.fatal == VB_E_INTERNAL ? VB_EXIT_INTERNAL
         : b.fatal != VB_OK         ? VB_EXIT_IO
         : e.errors                 ? VB_EXIT_REFUSED
                                    : VB_EXIT_OK;
out:
    for (size_t i = 0; b.items && i < b.inputs.len; i++) {
        vb_record_clear(&b.items[i].rec);
        vb_result_free(b.items[i].result);
        free(b.items[i].line);
    }
    free(b.items);
    for (size_t i = 0; i < b.n_db_files; i++) free(b.db_files[i]);
    free(b.db_files);
    vb_store_close(e.store);
    vb_manifest_free(&b.old);
    vb_journal_close(&b.journal);
    vb_batch_inputs_free(&b.inputs);
    free(manifest_path);
    pthread_cond_destroy(&b.cond);
    pthread_mutex_destroy(&b.mu);
    return rc;
}
