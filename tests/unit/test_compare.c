/* test_compare.c — sector keys (ICU folding), labels, number inference from a
 * cover letter, the chain layout, hostile JSON, and the writers' escaping. */
#include <stdlib.h>
#include <string.h>

#include "../../pipeline/compare/cmp_chain.h"
#include "../../pipeline/compare/cmp_write.h"
#include "../../pipeline/compare/compare.h"
#include "check.h"

/* Sector key of `unit` (NULL place) into a static-free caller buffer. */
static void key_of(vb_folder *f, const char *unit, const char *place, char *out, size_t n, char *label,
                   size_t ln) {
    vb_buf b;
    vb_buf_init(&b);
    size_t ls = 0, le = 0;
    vb_status st = vb_fold_sector_key(f, unit, place, &b, &ls, &le);
    CHECK(st == VB_OK);
    snprintf(out, n, "%s", b.data ? b.data : "");
    snprintf(label, ln, "%.*s", (int)(le - ls), unit + ls);
    vb_buf_free(&b);
}

static void test_sector_keys(void) {
    vb_folder *f;
    CHECK(vb_folder_open(&f) == VB_OK);
    char k1[128], k2[128], l1[128], l2[128];
    key_of(f, "Sở Lao động - Thương binh và Xã hội", NULL, k1, sizeof k1, l1, sizeof l1);
    key_of(f, "Phòng Lao động - Thương binh và Xã hội quận", NULL, k2, sizeof k2, l2, sizeof l2);
    CHECK_STR(k1, "lao dong thuong binh xa hoi");
    CHECK_STR(k2, k1);
    CHECK_STR(l1, "Lao động - Thương binh và Xã hội");
    CHECK_STR(l2, "Lao động - Thương binh và Xã hội");
    /* "Giáo dục - Đào tạo" and "Giáo dục và Đào tạo"; đ folds to d */
    key_of(f, "Phòng Giáo dục - Đào tạo quận", NULL, k1, sizeof k1, l1, sizeof l1);
    key_of(f, "Sở Giáo dục và Đào tạo", NULL, k2, sizeof k2, l2, sizeof l2);
    CHECK_STR(k1, "giao duc dao tao");
    CHECK_STR(k2, k1);
    key_of(f, "Công an tỉnh", NULL, k1, sizeof k1, l1, sizeof l1);
    key_of(f, "Công an quận", NULL, k2, sizeof k2, l2, sizeof l2);
    CHECK_STR(k1, "cong an");
    CHECK_STR(k2, "cong an");
    CHECK_STR(l1, "Công an");
    /* lower-level committees: counts and place words go */
    key_of(f, "Ủy ban nhân dân 10 phường", NULL, k1, sizeof k1, l1, sizeof l1);
    key_of(f, "Ủy ban nhân dân các huyện, thành phố", NULL, k2, sizeof k2, l2, sizeof l2);
    CHECK_STR(k1, "uy ban nhan dan");
    CHECK_STR(k2, "uy ban nhan dan");
    /* the abbreviation meets the long form */
    key_of(f, "UBND các xã, thị trấn", NULL, k2, sizeof k2, l2, sizeof l2);
    CHECK_STR(k2, "uy ban nhan dan");
    /* the front-line committee at two levels */
    key_of(f, "Ủy ban Mặt trận Tổ quốc Việt Nam quận", NULL, k1, sizeof k1, l1, sizeof l1);
    key_of(f, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội", NULL, k2, sizeof k2,
           l2, sizeof l2);
    CHECK_STR(k1, "mat tran to quoc viet nam");
    CHECK_STR(k2, k1);
    /* a place name given by the plan is cut like a level word */
    key_of(f, "Báo Tây Ninh, Đài Phát thanh và Truyền hình tỉnh", "Tây Ninh", k1, sizeof k1, l1, sizeof l1);
    CHECK_STR(k1, "bao dai phat thanh truyen hinh");
    CHECK_STR(l1, "Báo Tây Ninh, Đài Phát thanh và Truyền hình");
    /* decomposed input (combining marks) folds the same as precomposed */
    key_of(f, "So\xCC\x9B\xCC\x89 Y te\xCC\x82\xCC\x81", NULL, k1, sizeof k1, l1, sizeof l1);
    CHECK_STR(k1, "y te");
    key_of(f, "", NULL, k1, sizeof k1, l1, sizeof l1);
    CHECK_STR(k1, "");
    vb_folder_close(f);
}

static void test_issuer_place(void) {
    vb_folder *f;
    CHECK(vb_folder_open(&f) == VB_OK);
    const char *a = "Ủy ban nhân dân huyện Chương Mỹ", *b = "Ủy ban nhân dân Quận 1";
    size_t s, e;
    CHECK(vb_fold_issuer_place(f, a, &s, &e));
    CHECK(e > s && !strncmp(a + s, "Chương Mỹ", e - s) && e - s == strlen("Chương Mỹ"));
    CHECK(vb_fold_issuer_place(f, b, &s, &e));
    CHECK(e - s == strlen("Quận 1") && !strncmp(b + s, "Quận 1", e - s));
    CHECK(!vb_fold_issuer_place(f, "Sở Lao động - Thương binh và Xã hội", &s, &e));
    CHECK(!vb_fold_issuer_place(f, NULL, &s, &e));
    vb_folder_close(f);
}

static void test_target_format(void) {
    char b[64];
    vb_cmp_target t = {.value = 70, .unit = "percent", .comparator = "ge"};
    vb_cmp_target_format(&t, b, sizeof b);
    CHECK_STR(b, "≥ 70%");
    t = (vb_cmp_target){.value = 80, .from = 74, .has_from = true, .unit = "count", .comparator = "eq"};
    vb_cmp_target_format(&t, b, sizeof b);
    CHECK_STR(b, "80 (from 74)");
    t = (vb_cmp_target){.value = 1, .unit = "times_per_month", .comparator = "ge"};
    vb_cmp_target_format(&t, b, sizeof b);
    CHECK_STR(b, "≥ 1/month");
    t = (vb_cmp_target){.value = 2.5, .unit = "percent", .comparator = "le"};
    vb_cmp_target_format(&t, b, sizeof b);
    CHECK_STR(b, "≤ 2.5%");
}

/* One input file: a cover letter citing an unnumbered plan of the same date,
 * the plan citing a decree; a second file citing the same decree. */
static const char two_docs[] =
    "{\"documents\":["
    "{\"kind\":\"official\",\"text\":\"Căn cứ Kế hoạch số 7/KH-UBND\","
    "\"header\":{\"number\":\"12/GDĐT\",\"doc_type\":\"Công văn\",\"place\":\"Quận 3\","
    "\"date\":\"2022-06-08\"},"
    "\"references\":[{\"doc_type\":\"Kế hoạch\",\"number\":\"7/KH-UBND\",\"date\":\"2022-05-"
    "26\",\"relation\":\"basis\",\"span\":{\"start\":7,\"end\":28}}]},"
    "{\"kind\":\"official\",\"text\":\"Thực hiện Nghị định 9/2004/NĐ-CP.\","
    "\"header\":{\"number\":null,\"doc_type\":\"Kế hoạch\",\"doc_type_code\":\"KH\","
    "\"issuer\":\"Ủy ban nhân dân Quận 3\",\"date\":\"2022-05-26\"},"
    "\"references\":[{\"doc_type\":\"Nghị định\",\"number\":\"9/2004/NĐ-CP\","
    "\"relation\":\"implements\",\"span\":{\"start\":10,\"end\":32}}],"
    "\"targets\":[{\"value\":\"x\"},{\"value\":5,\"unit\":7,\"theme\":\"nonsense\","
    "\"span\":{\"start\":-1,\"end\":99999}}],"
    "\"assignments\":[{\"unit\":\"<script>alert(1)</script>\",\"tasks\":[\"a\"],"
    "\"span\":{\"start\":0,\"end\":3}}, 17, {\"unit\":null}]}]}";
static const char other[] =
    "{\"documents\":[{\"kind\":\"article\",\"text\":\"Nghị định 9/2004/NĐ-CP\","
    "\"header\":{\"issuer\":\"Ủy ban nhân dân huyện Chương Mỹ\",\"date\":\"2022-02\"},"
    "\"references\":[{\"number\":\"9/2004/NĐ-CP\",\"relation\":\"cited\","
    "\"span\":{\"start\":0,\"end\":22}}]}]}";

static vb_cmp_set *load_two(void) {
    vb_cmp_set *s = NULL;
    CHECK(vb_cmp_set_new(&s) == VB_OK);
    if (!s) return NULL;
    json_t *a = json_loads(two_docs, 0, NULL), *b = json_loads(other, 0, NULL);
    CHECK(a && b);
    CHECK(vb_cmp_add_json(s, "a.json", a) == VB_OK);
    CHECK(vb_cmp_add_json(s, "b.json", b) == VB_OK);
    json_decref(a);
    json_decref(b);
    CHECK(vb_cmp_analyse(s) == VB_OK);
    return s;
}

static int node_by_label(const vb_cmp_set *s, const char *label) {
    for (size_t i = 0; i < s->nodes.len; i++)
        if (!strcmp(s->nodes.items[i].label, label)) return (int)i;
    return -1;
}

static void test_inference_and_chain(void) {
    vb_cmp_set *s = load_two();
    if (!s) return;
    CHECK_INT(s->plans.len, 3);
    /* plans first, then the others in input order */
    const vb_cmp_plan *letter = &s->plans.items[1], *plan = &s->plans.items[0];
    CHECK_STR(plan->number_inferred, "7/KH-UBND");
    CHECK_STR(plan->label, "Quận 3 2022 — KH 7/KH-UBND");
    CHECK_STR(letter->label, "Quận 3 2022 — Công văn 12/GDĐT");
    CHECK_STR(s->plans.items[2].label, "Chương Mỹ 2022 (article)");
    /* 3 compared + the decree; letter → plan → decree ← article */
    CHECK_INT(s->nodes.len, 4);
    CHECK_INT(s->edges.len, 3);
    int nl = node_by_label(s, "12/GDĐT"), np = node_by_label(s, "7/KH-UBND"),
        nd = node_by_label(s, "9/2004/NĐ-CP");
    CHECK(nl >= 0 && np >= 0 && nd >= 0);
    if (nl >= 0 && np >= 0 && nd >= 0) {
        CHECK_INT(s->nodes.items[nl].layer, 0);
        CHECK_INT(s->nodes.items[np].layer, 1);
        CHECK_INT(s->nodes.items[nd].layer, 2);
        CHECK(s->nodes.items[nd].plan == -1);
        CHECK(s->nodes.items[np].x > s->nodes.items[nl].x);
    }
    /* the decree is cited by two plans: one shared basis row */
    int shared = 0;
    for (size_t i = 0; i < s->basis.len; i++)
        if (s->basis.items[i].n_plans >= 2) shared++;
    CHECK_INT(shared, 1);
    /* hostile facts: the bad value is skipped, the bad span has no source,
     * an unknown theme is "other", a non-object assignment is skipped */
    CHECK_INT(plan->targets.len, 1);
    CHECK_INT(plan->targets.items[0].src, -1);
    CHECK_INT(plan->targets.items[0].theme_index, VB_CMP_N_THEMES - 1);
    CHECK_INT(plan->units.len, 1);
    vb_cmp_set_free(s);
}

/* A letter and the plan it forwards, the plan's date known to the year only. */
static vb_cmp_set *letter_and_plan(const char *refs) {
    char buf[2048];
    snprintf(buf, sizeof buf,
             "{\"documents\":[{\"text\":\"x\",\"header\":{\"number\":\"3/UBND\"},"
             "\"references\":[%s]},"
             "{\"text\":\"y\",\"header\":{\"doc_type\":\"Kế hoạch\",\"date\":\"2024\"}}]}",
             refs);
    vb_cmp_set *s = NULL;
    CHECK(vb_cmp_set_new(&s) == VB_OK);
    json_t *j = json_loads(buf, 0, NULL);
    CHECK(j != NULL);
    if (s && j) {
        CHECK(vb_cmp_add_json(s, "l.json", j) == VB_OK);
        CHECK(vb_cmp_analyse(s) == VB_OK);
    }
    json_decref(j);
    return s;
}

static void test_inference_without_date(void) {
    vb_cmp_set *s =
        letter_and_plan("{\"doc_type\":\"Kế hoạch\",\"number\":\"8/KH-UBND\",\"date\":\"2024-03-22\","
                        "\"relation\":\"basis\"},"
                        "{\"doc_type\":\"Quyết định\",\"number\":\"1/QĐ\",\"relation\":\"basis\"}");
    if (s) CHECK_STR(s->plans.items[0].number_inferred, "8/KH-UBND");
    vb_cmp_set_free(s);
    /* a date of another year contradicts; two candidate plans: no answer */
    s = letter_and_plan("{\"doc_type\":\"Kế hoạch\",\"number\":\"8/KH-UBND\","
                        "\"date\":\"2023-03-22\",\"relation\":\"basis\"}");
    if (s) CHECK(s->plans.items[0].number_inferred == NULL);
    vb_cmp_set_free(s);
    s = letter_and_plan("{\"doc_type\":\"Kế hoạch\",\"number\":\"8/KH-UBND\","
                        "\"relation\":\"basis\"},{\"doc_type\":\"Kế hoạch\","
                        "\"number\":\"9/KH-UBND\",\"relation\":\"implements\"}");
    if (s) CHECK(s->plans.items[0].number_inferred == NULL);
    vb_cmp_set_free(s);
}

static void test_html_escapes(void) {
    vb_cmp_set *s = load_two();
    if (!s) return;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    CHECK(f != NULL);
    if (f) {
        CHECK(vb_cmp_write_html(s, NULL, 0, f) == VB_OK);
        fclose(f);
        CHECK(strstr(buf, "<script") == NULL);
        CHECK(strstr(buf, "&lt;script&gt;alert(1)&lt;/script&gt;") != NULL);
        CHECK(strstr(buf, "http://") == NULL || strstr(buf, "http://www.w3.org/2000/svg"));
        CHECK(strstr(buf, "<svg id=\"chain-graph\"") != NULL);
        /* the span's own words are in the title, the link goes to the source */
        CHECK(strstr(buf, "title=\"Kế hoạch số 7/KH-UBND\"") != NULL);
        CHECK(strstr(buf, "href=\"#p1-s0\"") != NULL && strstr(buf, "id=\"p1-s0\"") != NULL);
        free(buf);
    }
    vb_cmp_set_free(s);
}

static void test_csv_quoting(void) {
    vb_cmp_set *s = load_two();
    if (!s) return;
    char dir[] = "/tmp/vb-cmp-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char err[256];
    CHECK(vb_cmp_write_csv(s, dir, err, sizeof err) == VB_OK);
    char path[512];
    snprintf(path, sizeof path, "%s/units.csv", dir);
    FILE *f = fopen(path, "rb");
    CHECK(f != NULL);
    if (f) {
        char line[1024];
        CHECK(fgets(line, sizeof line, f) != NULL);
        CHECK(!strncmp(line, "\xEF\xBB\xBFsector,", 10));
        CHECK(strstr(line, "\r\n") != NULL);
        CHECK(fgets(line, sizeof line, f) != NULL);
        CHECK(strstr(line, "<script>alert(1)</script>") != NULL); /* CSV is data, not HTML */
        fclose(f);
    }
    static const char *const names[] = {"targets", "units", "basis", "chain", "timeline"};
    for (size_t i = 0; i < 5; i++) {
        snprintf(path, sizeof path, "%s/%s.csv", dir, names[i]);
        CHECK(remove(path) == 0);
    }
    CHECK(remove(dir) == 0);
    vb_cmp_set_free(s);
}

int main(void) {
    VB_RUN(test_sector_keys);
    VB_RUN(test_issuer_place);
    VB_RUN(test_target_format);
    VB_RUN(test_inference_and_chain);
    VB_RUN(test_inference_without_date);
    VB_RUN(test_html_escapes);
    VB_RUN(test_csv_quoting);
    return VB_SUMMARY("compare");
}
