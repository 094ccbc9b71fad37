/* bench_pipeline.c — in-process driver for profiling and the linearity test:
 * one vb_pipeline, many files, each converted and its contract JSON written
 * (pretty, as the result files of `vanban batch` are)
 * to /dev/null unless -o FILE.  Not a test.
 *
 *   bench_pipeline [-r REPEAT] [-o FILE] [--stages] [--files-from LIST] FILE...
 *
 * Prints one line: files, input bytes, seconds (monotonic wall clock).
 * --stages runs the stages one by one through their own interfaces, as
 * pipeline.c chains them, and adds one line per stage with the CPU time of
 * this thread spent in it (CPU time, so other load on the machine does not
 * count). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../extractors/extract.h"
#include "../../pipeline/emit/json_write.h"
#include "../../pipeline/pipeline.h"
#include "../../pipeline/segment/segment.h"

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double cpu_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct {
    char **items;
    size_t len, cap;
} path_list;

static int push_path(path_list *l, const char *p) {
    if (l->len == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 256;
        char **items = realloc(l->items, cap * sizeof *items);
        if (!items) return -1;
        l->items = items;
        l->cap = cap;
    }
    l->items[l->len] = strdup(p);
    return l->items[l->len++] ? 0 : -1;
}

static int read_list(path_list *l, const char *listfile) {
    FILE *f = fopen(listfile, "r");
    if (!f) return -1;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int rc = 0;
    while (rc == 0 && (n = getline(&line, &cap, f)) > 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
        if (n > 0) rc = push_path(l, line);
    }
    free(line);
    fclose(f);
    return rc;
}

/* Convert one file and write its JSON; returns its input size in bytes. */
static size_t convert_one(vb_pipeline *p, const char *path, FILE *out, int *failed) {
    vb_result *r = NULL;
    vb_status s = vb_pipeline_convert_file(p, path, &r);
    if (!r) {
        *failed = 1;
        return 0;
    }
    if (s != VB_OK) *failed = 1;
    if (vb_json_write_result(r, out, 0) != VB_OK) *failed = 1;
    size_t bytes = r->bytes;
    vb_result_free(r);
    return bytes;
}

enum { ST_INGEST, ST_NORMALIZE, ST_SEGMENT, ST_EXTRACT, ST_JSON_WRITE, ST_COUNT };
static const char *const stage_names[ST_COUNT] = {"ingest", "normalise", "segment", "extract", "json write"};

typedef struct {
    vb_limits limits;
    vb_ingest_state *ingest; /* the DOCX template cache, as a pipeline worker has */
    vb_normalizer *norm;
    vb_segmenter *seg;
    vb_extractors *extract;
    double cpu[ST_COUNT];
} stage_runner;

static int stages_open(stage_runner *sr) {
    char err[512] = "";
    vb_pipeline_options po;
    vb_pipeline_options_default(&po);
    sr->limits = po.limits;
    if (!(sr->ingest = vb_ingest_state_new()) || vb_normalizer_open(&po.norm, &sr->norm) != VB_OK ||
        vb_segmenter_open(&sr->seg, err, sizeof err) != VB_OK ||
        vb_extractors_open(&sr->extract, err, sizeof err) != VB_OK) {
        fprintf(stderr, "bench_pipeline: cannot open the stages: %s\n", err);
        return -1;
    }
    return 0;
}

static void stages_close(stage_runner *sr) {
    vb_ingest_state_free(sr->ingest);
    vb_normalizer_close(sr->norm);
    vb_segmenter_close(sr->seg);
    vb_extractors_close(sr->extract);
}

/* The chain of pipeline.c, each link timed on its own. */
static size_t convert_staged(stage_runner *sr, const char *path, FILE *out, int *failed) {
    vb_result *r = vb_result_new(path);
    if (!r) {
        *failed = 1;
        return 0;
    }
    vb_blockv blocks = {0};
    vb_normtext nt;
    double t = cpu_seconds(), u;
    vb_status s = vb_ingest_file_in(sr->ingest, path, &sr->limits, r->arena, r, &blocks);
    sr->cpu[ST_INGEST] += (u = cpu_seconds()) - t;
    if (s == VB_OK) {
        s = vb_normalize_blocks(sr->norm, &blocks, r->arena, &nt);
        sr->cpu[ST_NORMALIZE] += (t = cpu_seconds()) - u;
    }
    if (s == VB_OK) {
        s = vb_segment(sr->seg, &nt, r);
        sr->cpu[ST_SEGMENT] += (u = cpu_seconds()) - t;
    }
    for (size_t i = 0; s == VB_OK && i < r->documents.len; i++) {
        t = cpu_seconds();
        s = vb_extract_doc(sr->extract, &r->documents.items[i], r->arena);
        sr->cpu[ST_EXTRACT] += cpu_seconds() - t;
    }
    if (s != VB_OK) *failed = 1;
    t = cpu_seconds();
    if (vb_json_write_result(r, out, 0) != VB_OK) *failed = 1;
    sr->cpu[ST_JSON_WRITE] += cpu_seconds() - t;
    size_t bytes = r->bytes;
    vb_result_free(r);
    return bytes;
}

int main(int argc, char **argv) {
    /* as vanban's main does: libzip's mktime() per zip entry re-reads
     * /etc/localtime while TZ is unset */
    if (!getenv("TZ")) setenv("TZ", ":/etc/localtime", 1);
    path_list files = {0};
    long repeat = 1;
    const char *outpath = "/dev/null";
    int staged = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--stages")) {
            staged = 1;
        } else if (!strcmp(argv[i], "-r") && i + 1 < argc) {
            repeat = strtol(argv[++i], NULL, 10);
        } else if (!strcmp(argv[i], "-o") && i + 1 < argc) {
            outpath = argv[++i];
        } else if (!strcmp(argv[i], "--files-from") && i + 1 < argc) {
            if (read_list(&files, argv[++i]) != 0) {
                perror(argv[i]);
                return 3;
            }
        } else if (push_path(&files, argv[i]) != 0) {
            return 70;
        }
    }
    if (files.len == 0 || repeat < 1) {
        fprintf(stderr, "usage: bench_pipeline [-r REPEAT] [-o FILE] [--stages] [--files-from LIST] "
                        "FILE...\n");
        return 2;
    }
    FILE *out = fopen(outpath, "w");
    if (!out) {
        perror(outpath);
        return 3;
    }
    int failed = 0;
    size_t bytes = 0, done = 0;
    double t0, secs;
    if (staged) {
        stage_runner sr = {0};
        if (stages_open(&sr) != 0) return 70;
        t0 = now_seconds();
        for (long k = 0; k < repeat; k++)
            for (size_t i = 0; i < files.len; i++, done++)
                bytes += convert_staged(&sr, files.items[i], out, &failed);
        secs = now_seconds() - t0;
        stages_close(&sr);
        for (int st = 0; st < ST_COUNT; st++) printf("stage %s cpu %.6f\n", stage_names[st], sr.cpu[st]);
    } else {
        vb_pipeline_options po;
        vb_pipeline_options_default(&po);
        vb_pipeline *p;
        if (vb_pipeline_open(&po, &p) != VB_OK) return 70;
        t0 = now_seconds();
        for (long k = 0; k < repeat; k++)
            for (size_t i = 0; i < files.len; i++, done++)
                bytes += convert_one(p, files.items[i], out, &failed);
        secs = now_seconds() - t0;
        vb_pipeline_close(p);
    }
    if (fclose(out) != 0) failed = 1;
    printf("files %zu bytes %zu seconds %.6f\n", done, bytes, secs);
    for (size_t i = 0; i < files.len; i++) free(files.items[i]);
    free(files.items);
    return failed ? 1 : 0;
}
