/* The stage commands: each runs the pipeline up to one stage and prints that
 * stage's own output, so a person can see where a fact went wrong.
 *   vanban ingest FILE      raw blocks (JSON lines)
 *   vanban normalize FILE   normalised text; --map adds the offset map
 *   vanban segment FILE     documents with header and sections, no facts
 *   vanban extract FILE     facts alone, per document */
#include <stdio.h>
#include <string.h>

#include "../../extractors/extract.h"
#include "../emit/json_write.h"
#include "../segment/segment.h"
#include "commands.h"

typedef enum { STAGE_INGEST, STAGE_NORMALIZE, STAGE_SEGMENT, STAGE_EXTRACT } stage;

static const char *stage_name[] = {"ingest", "normalize", "segment", "extract"};

static void help(FILE *f, int st) {
    static const char *what[] = {
        "Print the raw blocks read from FILE, one JSON object per line.",
        "Print the normalised text of FILE (--map: its lines and offset map as JSON).",
        "Print the documents found in FILE with header and sections, as JSON.",
        "Print the facts extracted from each document of FILE, as JSON."};
    fprintf(f, "usage: vanban %s FILE [options]\n%s\n%s", stage_name[st], what[st], vb_cli_pipeline_help);
    if (st == STAGE_NORMALIZE) fprintf(f, "  --map                    JSON with lines and offset anchors\n");
}

static const char *area_name(vb_area a) {
    static const char *n[] = {"body", "page_header", "page_footer", "note"};
    return (unsigned)a < 4 ? n[a] : "body";
}

static int print_blocks(const vb_blockv *b) {
    for (size_t i = 0; i < b->len; i++) {
        const vb_block *k = &b->items[i];
        json_t *o =
            json_pack("{s:I,s:s,s:i,s:i,s:i,s:i,s:I,s:s%}", "src", (json_int_t)k->src_offset, "area",
                      area_name(k->area), "table", k->table, "row", k->row, "cell", k->cell, "heading",
                      k->heading_level, "flags", (json_int_t)k->flags, "text", k->text, k->len);
        if (!o || vb_json_dump(o, stdout, VB_JSON_COMPACT) != VB_OK) {
            json_decref(o);
            return VB_EXIT_INTERNAL;
        }
        json_decref(o);
    }
    return VB_EXIT_OK;
}

static int print_normtext(const vb_normtext *t, int map) {
    if (!map) {
        fwrite(t->text, 1, t->len, stdout);
        putchar('\n');
        return VB_EXIT_OK;
    }
    json_t *lines = json_array(), *anchors = json_array();
    for (size_t i = 0; i < t->n_lines; i++)
        json_array_append_new(
            lines, json_pack("{s:I,s:I,s:I,s:s%}", "start", (json_int_t)t->lines[i].start, "end",
                             (json_int_t)t->lines[i].end, "block", (json_int_t)t->lines[i].block, "text",
                             t->text + t->lines[i].start, t->lines[i].end - t->lines[i].start));
    for (size_t i = 0; i < t->n_anchors; i++)
        json_array_append_new(
            anchors, json_pack("[I,I]", (json_int_t)t->anchors[i].norm, (json_int_t)t->anchors[i].src));
    json_t *o = json_pack("{s:o,s:o}", "lines", lines, "anchors", anchors);
    int rc = o && vb_json_dump(o, stdout, 0) == VB_OK ? VB_EXIT_OK : VB_EXIT_INTERNAL;
    json_decref(o);
    return rc;
}

static int run(int argc, char **argv, stage st) {
    vb_pipeline_options po;
    vb_pipeline_options_default(&po);
    const char *file = NULL;
    int map = 0;
    const vb_cli_option options[] = {{"--map", NULL, &map, NULL, NULL, NULL}}; /* normalize only */
    vb_cli_line line = {stage_name[st],
                        options,
                        st == STAGE_NORMALIZE ? 1 : 0,
                        &po,
                        help,
                        (int)st,
                        &file,
                        1,
                        0,
                        "one FILE at a time, got '%s' and '%s'",
                        false,
                        NULL};
    int parsed = vb_cli_parse(&line, argc, argv);
    if (parsed >= 0) return parsed;
    if (!file) return vb_cli_usage_error(stage_name[st], "no FILE given (\"-\" reads stdin)");
    vb_result *r = vb_result_new(file);
    if (!r) return VB_EXIT_INTERNAL;
    vb_blockv blocks = {0};
    vb_normalizer *nz = NULL;
    vb_extractors *x = NULL;
    vb_segmenter *sg = NULL;
    vb_normtext nt;
    int rc = VB_EXIT_OK;
    vb_status s = vb_ingest_file(file, &po.limits, r->arena, r, &blocks);
    if (s == VB_OK && st == STAGE_INGEST) {
        rc = print_blocks(&blocks);
        goto done;
    }
    if (s == VB_OK) s = vb_normalizer_open(&po.norm, &nz);
    if (s == VB_OK) s = vb_normalize_blocks(nz, &blocks, r->arena, &nt);
    if (s == VB_OK && st == STAGE_NORMALIZE) {
        rc = print_normtext(&nt, map);
        goto done;
    }
    if (s == VB_OK) {
        char err[512] = "";
        s = vb_segmenter_open(&sg, err, sizeof err);
        if (s != VB_OK) fprintf(stderr, "vanban: %s: %s\n", vb_status_code(s), err);
    }
    if (s == VB_OK) s = vb_segment(sg, &nt, r);
    if (s == VB_OK && st == STAGE_EXTRACT) {
        char err[512] = "";
        s = vb_extractors_open(&x, err, sizeof err);
        if (s != VB_OK) fprintf(stderr, "vanban: %s: %s\n", vb_status_code(s), err);
        for (size_t i = 0; s == VB_OK && i < r->documents.len; i++)
            s = vb_extract_doc(x, &r->documents.items[i], r->arena);
    }
    if (s == VB_OK) {
        json_t *docs = json_array();
        for (size_t i = 0; i < r->documents.len; i++) {
            const vb_doc *d = &r->documents.items[i];
            json_t *o = st == STAGE_EXTRACT ? vb_json_facts(d) : vb_json_document(d);
            if (st == STAGE_EXTRACT && o)
                json_object_set_new(
                    o, "header",
                    json_pack("{s:s?,s:s?}", "number", d->header.number, "doc_type", d->header.doc_type));
            json_array_append_new(docs, o);
        }
        json_t *o = json_pack("{s:o}", "documents", docs);
        rc = o && vb_json_dump(o, stdout, 0) == VB_OK ? VB_EXIT_OK : VB_EXIT_INTERNAL;
        json_decref(o);
    }
done:
    for (size_t i = 0; i < r->errors.len; i++)
        fprintf(stderr, "vanban: %s: %s\n", r->errors.items[i].code, r->errors.items[i].message);
    if (s != VB_OK && rc == VB_EXIT_OK) rc = vb_status_exit(s);
    vb_extractors_close(x);
    vb_segmenter_close(sg);
    vb_normalizer_close(nz);
    vb_result_free(r);
    return rc;
}

int vb_cmd_ingest(int argc, char **argv) { return run(argc, argv, STAGE_INGEST); }
int vb_cmd_normalize(int argc, char **argv) { return run(argc, argv, STAGE_NORMALIZE); }
int vb_cmd_segment(int argc, char **argv) { return run(argc, argv, STAGE_SEGMENT); }
int vb_cmd_extract(int argc, char **argv) { return run(argc, argv, STAGE_EXTRACT); }
