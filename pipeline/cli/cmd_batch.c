/* vanban batch INPUT... -o OUTDIR — many files in parallel (pipeline/batch). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../batch/batch.h"
#include "commands.h"

static void help(FILE *f) {
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

int vb_cmd_batch(int argc, char **argv) {
    vb_batch_options o = {0};
    vb_pipeline_options_default(&o.pipeline);
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    o.jobs = cores > 0 ? (int)(cores > 1024 ? 1024 : cores) : 1;
    char **inputs = calloc((size_t)argc, sizeof *inputs);
    if (!inputs) return VB_EXIT_INTERNAL;
    size_t n_inputs = 0;
    const char *format = "json";
    int rc = -1;
    for (int i = 1; i < argc && rc < 0; i++) {
        const char *a = argv[i];
        bool has_value = i + 1 < argc;
        int k = vb_cli_pipeline_option(argc, argv, &i, &o.pipeline);
        if (k < 0)
            rc = VB_EXIT_USAGE;
        else if (k)
            continue;
        else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            help(stdout);
            rc = VB_EXIT_OK;
        } else if ((!strcmp(a, "-o") || !strcmp(a, "--output")) && has_value) {
            o.outdir = argv[++i];
        } else if ((!strcmp(a, "-j") || !strcmp(a, "--jobs")) && has_value) {
            if (parse_jobs(argv[++i], &o.jobs))
                rc = vb_cli_usage_error("batch", "-j takes a number from 1 to 1024");
        } else if (!strncmp(a, "-j", 2) && a[2]) {
            if (parse_jobs(a + 2, &o.jobs))
                rc = vb_cli_usage_error("batch", "-j takes a number from 1 to 1024");
        } else if (!strcmp(a, "--db") && has_value) {
            o.db_path = argv[++i];
        } else if (!strcmp(a, "--files-from") && has_value) {
            o.sources.files_from = argv[++i];
        } else if (!strcmp(a, "--format") && has_value) {
            format = argv[++i];
        } else if (!strcmp(a, "--force")) {
            o.force = true;
        } else if (!strcmp(a, "--ndjson")) {
            o.ndjson = true;
        } else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
            o.quiet = true;
        } else if (!strcmp(a, "--verbose") || !strcmp(a, "-v")) {
            o.verbose = true;
        } else if (!strcmp(a, "--")) {
            while (++i < argc) inputs[n_inputs++] = argv[i];
        } else if (a[0] == '-' && a[1]) {
            rc = vb_cli_usage_error("batch", "unknown option or missing value: %s", a);
        } else {
            inputs[n_inputs++] = argv[i];
        }
    }
    if (rc < 0) {
        const char *why = NULL;
        if (strcmp(format, "json") && strcmp(format, "xml"))
            why = "--format takes json or xml";
        else if (!n_inputs && !o.sources.files_from)
            why = "no INPUT and no --files-from";
        else if (!o.outdir && !o.ndjson && !o.db_path)
            why = "-o OUTDIR is needed (or --ndjson, --db)";
        else if (o.quiet && o.verbose)
            why = "--quiet and --verbose together";
        if (why) rc = vb_cli_usage_error("batch", "%s", why);
    }
    if (rc < 0) {
        o.xml = !strcmp(format, "xml");
        o.sources.args = inputs;
        o.sources.n_args = n_inputs;
        o.sources.outdir = o.outdir;
        o.sources.out_ext = o.xml ? ".xml" : ".json";
        rc = vb_batch_run(&o);
    }
    free(inputs);
    return rc;
}
