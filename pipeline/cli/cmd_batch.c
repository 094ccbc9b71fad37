/* vanban batch INPUT... -o OUTDIR — many files in parallel (pipeline/batch). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../batch/batch.h"
#include "commands.h"

static void help(FILE *f, int unused) {
    fprintf(f,
            "usage: vanban batch INPUT... -o OUTDIR [options]\n"
            "Convert files and folders (recursively: *.docx and *.txt; other files are\n"
            "listed as skipped) to one result per input below OUTDIR, mirroring the\n"
            "input paths, plus OUTDIR/manifest.jsonl (one line per input).\n"
            "  -o, --output OUTDIR      where results and the manifest go\n"
            "  -j, --jobs N             worker threads (default: online cores)\n"
            "  --db FILE.sqlite         also store every result in SQLite\n"
            "  --force                  convert again inputs unchanged since the last run\n"
            "  --files-from FILE|-      read more input paths, one a line (\"-\": stdin)\n"
            "  --ndjson                 one compact result JSON a line on stdout, in input order\n"
            "  --format json|xml        result files as JSON (default) or XML\n"
            "  -q, --quiet              no progress, no per-file errors, no summary\n"
            "  -v, --verbose            one line per input on stderr\n"
            "%s"
            "-o may be left out with --ndjson or --db (no files, no manifest).\n"
            "SIGINT/SIGTERM: in-flight inputs finish, the manifest is written, exit 130;\n"
            "a new run over the same OUTDIR converts only what is missing or changed\n"
            "(also after SIGKILL: each finished input is journaled at once).\n"
            "An output that cannot be written (full disk, read-only folder, store)\n"
            "stops the run with one message, exit 3; no input is blamed for it.\n"
            "exit: 0 all ok or skipped, 4 some input failed, 3 cannot write, 2 usage,\n"
            "130 interrupted, 70 internal\n",
            vb_cli_pipeline_help);
}

static int parse_jobs(const char *s, int *out) {
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < 1 || v > 1024) return -1;
    *out = (int)v;
    return 0;
}

/* -j, --jobs: a count of worker threads. */
static int jobs_option(void *ctx, const char *value) {
    if (parse_jobs(value, ctx)) return vb_cli_usage_error("batch", "-j takes a number from 1 to 1024");
    return VB_EXIT_OK;
}

/* -1 when the command line is good, else the exit code (0 after --help). */
static int parse_args(int argc, char **argv, vb_batch_options *o, const char **inputs, size_t *n_inputs) {
    const char *format = "json";
    int force = 0, ndjson = 0, quiet = 0, verbose = 0;
    const vb_cli_option options[] = {
        {"--output", "-o", NULL, &o->outdir, NULL, NULL},
        {"--jobs", "-j", NULL, NULL, jobs_option, &o->jobs},
        {"--db", NULL, NULL, &o->db_path, NULL, NULL},
        {"--files-from", NULL, NULL, &o->sources.files_from, NULL, NULL},
        {"--format", NULL, NULL, &format, NULL, NULL},
        {"--force", NULL, &force, NULL, NULL, NULL},
        {"--ndjson", NULL, &ndjson, NULL, NULL, NULL},
        {"--quiet", "-q", &quiet, NULL, NULL, NULL},
        {"--verbose", "-v", &verbose, NULL, NULL, NULL},
    };
    vb_cli_line line = {.cmd = "batch",
                        .options = options,
                        .n_options = sizeof options / sizeof *options,
                        .pipeline = &o->pipeline,
                        .help = help,
                        .operands = inputs,
                        .max_operands = (size_t)argc,
                        .allow_dashdash = true,
                        .unknown = "unknown option or missing value: %s"};
    int rc = vb_cli_parse(&line, argc, argv);
    if (rc >= 0) return rc;
    *n_inputs = line.n_operands;
    o->force = force, o->ndjson = ndjson, o->quiet = quiet, o->verbose = verbose;
    o->xml = !strcmp(format, "xml");
    if (strcmp(format, "json") && !o->xml) return vb_cli_usage_error("batch", "--format takes json or xml");
    if (!*n_inputs && !o->sources.files_from)
        return vb_cli_usage_error("batch", "no INPUT and no --files-from");
    if (!o->outdir && !o->ndjson && !o->db_path)
        return vb_cli_usage_error("batch", "-o OUTDIR is needed (or --ndjson, --db)");
    if (o->quiet && o->verbose) return vb_cli_usage_error("batch", "--quiet and --verbose together");
    return -1;
}

int vb_cmd_batch(int argc, char **argv) {
    vb_batch_options o = {0};
    vb_pipeline_options_default(&o.pipeline);
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    o.jobs = cores > 0 ? (int)(cores > 1024 ? 1024 : cores) : 1;
    const char **inputs = calloc((size_t)argc, sizeof *inputs);
    if (!inputs) return VB_EXIT_INTERNAL;
    size_t n_inputs = 0;
    int rc = parse_args(argc, argv, &o, inputs, &n_inputs);
    if (rc < 0) {
        o.sources.args = (char **)inputs;
        o.sources.n_args = n_inputs;
        o.sources.outdir = o.outdir;
        o.sources.out_ext = o.xml ? ".xml" : ".json";
        rc = vb_batch_run(&o);
    }
    free(inputs);
    return rc;
}
