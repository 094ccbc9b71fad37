/* vanban convert FILE [--format json|xml] — the main command. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "../emit/json_write.h"
#include "../emit/xml_write.h"
#include "commands.h"

static void help(FILE *f, int unused) {
    fprintf(f,
            "usage: vanban convert FILE [--format json|xml] [--compact] [-o OUT] [options]\n"
            "Convert one DOCX or text file (\"-\" for stdin) to the contract JSON.\n"
            "  --format json|xml        output format (default json)\n"
            "  --compact                one-line JSON\n"
            "  -o, --output OUT         write to OUT instead of stdout\n"
            "%s"
            "The result is always written, also for a file that cannot be read\n"
            "(documents: [], errors: [...]); each error is also one line on stderr.\n"
            "exit: 0 ok, 2 usage, 3 I/O, 4 input refused, 70 internal\n",
            vb_cli_pipeline_help);
}

int vb_cmd_convert(int argc, char **argv) {
    vb_pipeline_options po;
    vb_pipeline_options_default(&po);
    const char *file = NULL, *format = "json", *outpath = NULL;
    int compact = 0;
    const vb_cli_option options[] = {
        {"--format", NULL, NULL, &format, NULL, NULL},
        {"--compact", NULL, &compact, NULL, NULL, NULL},
        {"--output", "-o", NULL, &outpath, NULL, NULL},
    };
    vb_cli_line line = {"convert",
                        options,
                        sizeof options / sizeof *options,
                        &po,
                        help,
                        0,
                        &file,
                        1,
                        0,
                        "one FILE at a time, got '%s' and '%s' (`vanban batch` takes many)",
                        false,
                        NULL};
    int parsed = vb_cli_parse(&line, argc, argv);
    if (parsed >= 0) return parsed;
    unsigned jflags = compact ? VB_JSON_COMPACT : 0;
    if (strcmp(format, "json") && strcmp(format, "xml"))
        return vb_cli_usage_error("convert", "--format takes json or xml, not '%s'", format);
    if (!file) return vb_cli_usage_error("convert", "no FILE given (\"-\" reads stdin)");
    vb_pipeline *p;
    vb_status s = vb_pipeline_open(&po, &p);
    if (s != VB_OK) {
        fprintf(stderr, "vanban: %s: cannot start the pipeline\n", vb_status_code(s));
        return vb_status_exit(s);
    }
    /* The output is written as the documents are made (pipeline.h): only
     * one document's facts are in memory at a time.  When OUT cannot be
     * opened the file is still converted, for its errors on stderr. */
    FILE *out = outpath ? fopen(outpath, "w") : stdout;
    int open_errno = errno;
    bool xml = !strcmp(format, "xml");
    vb_json_stream *js = out && !xml ? vb_json_stream_new(out, jflags) : NULL;
    vb_xml_stream *xs = out && xml ? vb_xml_stream_new(out) : NULL;
    vb_sink sink = js ? vb_json_sink(js) : xs ? vb_xml_sink(xs) : (vb_sink){0};
    vb_result *r = NULL;
    vb_status ws = VB_OK;
    vb_status cs = out && !js && !xs ? VB_E_NOMEM : vb_pipeline_stream_file(p, file, &sink, &r, &ws);
    int rc = vb_status_exit(cs);
    vb_json_stream_free(js);
    vb_xml_stream_free(xs);
    if (out && outpath && fclose(out) != 0 && ws == VB_OK) ws = VB_E_IO;
    if (!r) {
        fprintf(stderr, "vanban: E_NOMEM: no memory\n");
        vb_pipeline_close(p);
        return VB_EXIT_INTERNAL;
    }
    for (size_t i = 0; i < r->errors.len; i++)
        fprintf(stderr, "vanban: %s: %s\n", r->errors.items[i].code, r->errors.items[i].message);
    if (!out) {
        fprintf(stderr, "vanban convert: cannot write %s: %s\n", outpath, strerror(open_errno));
        rc = VB_EXIT_IO;
    } else if (ws != VB_OK) {
        fprintf(stderr, "vanban: %s: writing the %s output failed\n", vb_status_code(ws), format);
        if (rc == 0) rc = vb_status_exit(ws);
    }
    vb_result_free(r);
    vb_pipeline_close(p);
    return rc;
}
