/* test_scan_corpus.c — the rule scans that skip work (rules.h's shared
 * passes, targets' anchors, references' number shapes and cursors,
 * outline's first bytes) against their plain forms, on whole documents:
 * every input of samples/ and, when it sits beside the repository,
 * ../shared/corpus/real-dev/inputs.  Each *_check runs the fast and the
 * plain path over a document's normalised text and compares what they
 * find, match by match; the other unit tests do the same on made-up
 * texts.  Inputs are found from the working directory (make runs the
 * tests from the repository's root). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../../extractors/dates.h"
#include "../../extractors/outline.h"
#include "../../extractors/references.h"
#include "../../extractors/targets.h"
#include "../../pipeline/pipeline.h"
#include "check.h"

typedef struct {
    vb_pipeline *p;
    vb_dates_rules *dates;
    vb_outline_rules *outline;
    vb_references_rules *refs;
    vb_targets_rules *targets;
    size_t inputs, docs, found, differ;
} corpus;

static bool is_input(const char *name) {
    const char *dot = strrchr(name, '.');
    return dot && (!strcmp(dot, ".txt") || !strcmp(dot, ".docx") || !strcmp(dot, ".doc"));
}

/* One scan's fast and plain paths on one text: a difference is reported. */
static void compare(corpus *c, const char *path, const char *what, vb_status st, bool same, size_t found) {
    CHECK(st == VB_OK);
    c->found += found;
    if (st == VB_OK && same) return;
    c->differ++;
    fprintf(stderr, "  %s: the %s scan differs from its plain form\n", path, what);
}

static void check_doc(corpus *c, const char *path, const vb_doc *d) {
    bool same = false;
    size_t found = 0;
    vb_status st = vb_dates_scan_check(c->dates, d->text, d->text_len, &same, &found);
    compare(c, path, "dates", st, same, found);
    st = vb_outline_scan_check(c->outline, d->text, d->text_len, &same, &found);
    compare(c, path, "outline", st, same, 0);
    st = vb_references_numbers_check(c->refs, d->text, d->text_len, &same, &found);
    compare(c, path, "reference number", st, same, found);
    st = vb_targets_scan_check(c->targets, d->text, d->text_len, &same, &found);
    compare(c, path, "target form", st, same, found);
    c->docs++;
}

static void check_file(corpus *c, const char *path) {
    vb_result *r = NULL;
    vb_pipeline_convert_file(c->p, path, &r);
    CHECK(r != NULL);
    if (!r) return;
    for (size_t i = 0; i < r->documents.len; i++) check_doc(c, path, &r->documents.items[i]);
    c->inputs++;
    vb_result_free(r);
}

/* Every input below dir, in name order (the order does not matter to the
 * checks, only to the messages). */
static void walk(corpus *c, const char *dir) {
    struct dirent **names = NULL;
    int n = scandir(dir, &names, NULL, alphasort);
    if (n < 0) return;
    for (int i = 0; i < n; i++) {
        const char *name = names[i]->d_name;
        char path[4096];
        struct stat sb;
        if (name[0] != '.' && snprintf(path, sizeof path, "%s/%s", dir, name) < (int)sizeof path &&
            stat(path, &sb) == 0) {
            if (S_ISDIR(sb.st_mode))
                walk(c, path);
            else if (S_ISREG(sb.st_mode) && is_input(name))
                check_file(c, path);
        }
        free(names[i]);
    }
    free(names);
}

static void test_corpus(void) {
    corpus c = {0};
    char err[256] = "";
    vb_pipeline_options po;
    vb_pipeline_options_default(&po);
    CHECK(vb_pipeline_open(&po, &c.p) == VB_OK);
    CHECK(vb_dates_open(&c.dates, err, sizeof err) == VB_OK);
    CHECK(vb_outline_open(&c.outline, err, sizeof err) == VB_OK);
    CHECK(vb_references_open(&c.refs, err, sizeof err) == VB_OK);
    CHECK(vb_targets_open(&c.targets, err, sizeof err) == VB_OK);
    if (c.p && c.dates && c.outline && c.refs && c.targets) {
        walk(&c, "samples");
        size_t seeds = c.inputs, seed_found = c.found;
        walk(&c, "../shared/corpus/real-dev/inputs");
        fprintf(stderr, "  %zu inputs (%zu of samples/), %zu documents, %zu matches%s\n", c.inputs, seeds,
                c.docs, c.found, c.inputs == seeds ? " (no ../shared/corpus/real-dev: samples only)" : "");
        CHECK(seeds >= 4);       /* the seed texts at least: the test ran where it should */
        CHECK(seed_found > 300); /* the samples hold what the scans look for */
        if (c.inputs > seeds) CHECK(c.found > 1000); /* and so does real-dev, where it is */
        CHECK_INT(c.differ, 0);
    }
    vb_targets_close(c.targets);
    vb_references_close(c.refs);
    vb_outline_close(c.outline);
    vb_dates_close(c.dates);
    vb_pipeline_close(c.p);
}

int main(void) {
    VB_RUN(test_corpus);
    return VB_SUMMARY("scan_corpus");
}
