/* test_store.c — the SQLite store on an in-memory database: rows per fact,
 * replace-on-reimport, the links view, schema version, skipped inputs. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../pipeline/core/doc.h"
#include "../../pipeline/store/store.h"
#include "check.h"

/* Span of the first occurrence of `needle` in d->text. */
static vb_span span_of(const vb_doc *d, const char *needle) {
    const char *p = strstr(d->text, needle);
    vb_span s = {0, 0};
    if (p) {
        s.start = (size_t)(p - d->text);
        s.end = s.start + strlen(needle);
    }
    return s;
}

static vb_doc *add_doc(vb_result *r, const char *text) {
    vb_doc d = {.kind = VB_KIND_OFFICIAL};
    d.text = vb_arena_strdup(r->arena, text);
    d.text_len = strlen(text);
    if (!d.text || vb_doc_index(r->arena, &d) || VB_PUSH(r->arena, r->documents, d)) return NULL;
    return &r->documents.items[r->documents.len - 1];
}

/* A cover letter (numbered) citing a plan that follows it in the same file
 * with no number of its own, like a "công văn" forwarding a "kế hoạch". */
static vb_result *letter_and_plan(const char *path, const char *sha) {
    vb_result *r = vb_result_new(path);
    if (!r) return NULL;
    vb_arena *a = r->arena;
    r->sha256 = vb_arena_strdup(a, sha);
    r->format = "txt";
    r->bytes = 100;
    vb_doc *d = add_doc(r, "Số: 12/PGD\nCăn cứ Kế hoạch số 7/KH-UBND ngày 02 tháng 3 năm 2021 của "
                           "Ủy ban nhân dân Huyện Đông\nĐề nghị Phòng Lao động – Thương binh và "
                           "Xã hội thực hiện.");
    if (!d) return NULL;
    d->header.number = "12/PGD";
    d->header.doc_type = "Công văn";
    d->header.date = "2021-03-10";
    d->header.issuer = "Phòng Giáo dục";
    vb_reference ref = {.doc_type = "Kế hoạch", .number = "7/KH-UBND", .date = "2021-03-02",
                        .issuer = "Ủy ban nhân dân Huyện Đông", .relation = VB_REL_BASIS};
    ref.span = span_of(d, "Kế hoạch số 7/KH-UBND");
    if (VB_PUSH(a, d->references, ref)) return NULL;
    vb_date dt = {.text = "ngày 02 tháng 3 năm 2021", .value = "2021-03-02"};
    dt.span = span_of(d, dt.text);
    if (VB_PUSH(a, d->dates, dt)) return NULL;

    vb_doc *p = add_doc(r, "KẾ HOẠCH\nI. MỤC ĐÍCH\n1. Yêu cầu\nII. TỔ CHỨC\nGiao Phòng Lao "
                           "động - Thương binh và Xã hội chủ trì tuyên truyền.");
    if (!p) return NULL;
    p->header.doc_type = "Kế hoạch";
    p->header.date = "2021-03-02";
    vb_section child = {.label = "1", .title = "Yêu cầu", .level = 2};
    child.span = child.body = span_of(p, "1. Yêu cầu");
    vb_section top = {.label = "I", .title = "MỤC ĐÍCH", .level = 1};
    top.span = span_of(p, "I. MỤC ĐÍCH");
    top.body = (vb_span){top.span.start, child.body.end};
    if (VB_PUSH(a, top.children, child) || VB_PUSH(a, p->sections, top)) return NULL;
    vb_assignment as = {.unit = "Phòng Lao động - Thương binh và Xã hội", .role = VB_ROLE_LEAD,
                        .section = "II"};
    as.span = span_of(p, as.unit);
    vb_span ts = span_of(p, "tuyên truyền");
    if (VB_PUSH(a, as.tasks, "tuyên truyền") || VB_PUSH(a, as.task_spans, ts) ||
        VB_PUSH(a, p->assignments, as))
        return NULL;
    vb_target t = {.text = "100%", .value = 100, .unit = "percent", .comparator = VB_CMP_EQ};
    if (VB_PUSH(a, p->targets, t)) return NULL;
    if (vb_doc_warn(a, p, "W_BLANK_NUMBER", NULL, "no number")) return NULL;
    return r;
}

static long long count(sqlite3 *db, const char *sql) {
    sqlite3_stmt *q;
    long long n = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK) {
        fprintf(stderr, "  SQL error: %s\n", sqlite3_errmsg(db));
        return -2;
    }
    if (sqlite3_step(q) == SQLITE_ROW) n = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    return n;
}

static vb_store *open_memory(void) {
    char err[256];
    vb_store *s = NULL;
    vb_status st = vb_store_open(":memory:", &s, err, sizeof err);
    if (st != VB_OK) fprintf(stderr, "  %s\n", err);
    return s;
}

static void test_schema_and_rows(void) {
    vb_store *s = open_memory();
    vb_result *r = letter_and_plan("a/x.txt", "aa11");
    CHECK(s && r);
    if (!s || !r) return;
    CHECK_INT(vb_store_put_result(s, r, "9.9"), VB_OK);
    vb_result_free(r);
    sqlite3 *db = vb_store_db(s);
    CHECK_INT(count(db, "PRAGMA user_version"), VB_STORE_SCHEMA_VERSION);
    CHECK_INT(count(db, "PRAGMA foreign_keys"), 1);
    CHECK_INT(count(db, "SELECT count(*) FROM files WHERE status = 'ok' AND sha256 = 'aa11'"), 1);
    CHECK_INT(count(db, "SELECT count(*) FROM documents"), 2);
    CHECK_INT(count(db, "SELECT count(*) FROM \"references\""), 1);
    CHECK_INT(count(db, "SELECT count(*) FROM dates"), 1);
    CHECK_INT(count(db, "SELECT count(*) FROM targets"), 1);
    CHECK_INT(count(db, "SELECT count(*) FROM tasks"), 1);
    CHECK_INT(count(db, "SELECT count(*) FROM warnings WHERE document_id IS NOT NULL"), 1);
    CHECK_INT(count(db, "SELECT count(*) FROM sections WHERE path = 'I.1' AND parent_id = "
                        "(SELECT id FROM sections WHERE path = 'I')"),
              1);
    /* Keys are folded: no case, no tones, đ → d, en dash → hyphen. */
    CHECK_INT(count(db, "SELECT count(*) FROM \"references\" WHERE number_key = '7/kh-ubnd' "
                        "AND issuer_key = 'uy ban nhan dan huyen dong'"),
              1);
    CHECK_INT(count(db, "SELECT count(*) FROM documents WHERE number_key = '12/pgd'"), 1);
    CHECK_INT(count(db, "SELECT count(*) FROM assignments WHERE unit_key = "
                        "'phong lao dong - thuong binh va xa hoi'"),
              1);
    /* Spans are code points: the reference span covers the right words. */
    CHECK_INT(count(db, "SELECT count(*) FROM \"references\" r JOIN documents d ON d.id = "
                        "r.document_id WHERE substr(d.text, r.span_start + 1, r.span_end - "
                        "r.span_start) = 'Kế hoạch số 7/KH-UBND'"),
              1);
    CHECK_INT(count(db, "SELECT count(*) FROM tasks t JOIN assignments a ON a.id = "
                        "t.assignment_id JOIN documents d ON d.id = a.document_id WHERE "
                        "substr(d.text, t.span_start + 1, t.span_end - t.span_start) = t.text"),
              1);
    /* The letter's reference resolves to the unnumbered plan in its file. */
    CHECK_INT(count(db, "SELECT count(*) FROM links l JOIN documents d ON d.id = "
                        "l.to_document_id WHERE d.ordinal = 2 AND method = 'attached'"),
              1);
    CHECK_INT(count(db, "SELECT count(*) FROM links"), 1);
    vb_store_close(s);
}

static int count_hash(const char *sha, void *ctx) {
    int *n = ctx;
    if (!strcmp(sha, "bb22")) (*n)++;
    return 0;
}

static void test_reimport_replaces(void) {
    vb_store *s = open_memory();
    vb_result *first = letter_and_plan("a/x.txt", "aa11");
    vb_result *same_path = letter_and_plan("a/x.txt", "bb22");   /* edited file */
    vb_result *same_sha = letter_and_plan("b/copy.txt", "bb22"); /* moved copy */
    CHECK(s && first && same_path && same_sha);
    if (!s || !first || !same_path || !same_sha) return;
    CHECK_INT(vb_store_put_result(s, first, "9.9"), VB_OK);
    CHECK_INT(vb_store_put_result(s, same_path, "9.9"), VB_OK);
    CHECK_INT(vb_store_put_result(s, same_path, "9.9"), VB_OK);
    CHECK_INT(vb_store_put_result(s, same_sha, "9.9"), VB_OK);
    CHECK_INT(vb_store_put_skipped(s, "a/scan.pdf", "E_UNSUPPORTED", "not .docx/.txt", "9.9"),
              VB_OK);
    CHECK_INT(vb_store_put_skipped(s, "a/scan.pdf", "E_UNSUPPORTED", "not .docx/.txt", "9.9"),
              VB_OK);
    sqlite3 *db = vb_store_db(s);
    CHECK_INT(count(db, "SELECT count(*) FROM files"), 2);
    CHECK_INT(count(db, "SELECT count(*) FROM files WHERE status = 'skipped'"), 1);
    CHECK_INT(count(db, "SELECT count(*) FROM files WHERE path = 'b/copy.txt'"), 1);
    CHECK_INT(count(db, "SELECT count(*) FROM documents"), 2);
    CHECK_INT(count(db, "SELECT count(*) FROM \"references\""), 1);
    CHECK_INT(count(db, "SELECT count(*) FROM tasks"), 1);
    CHECK_INT(count(db, "SELECT count(*) FROM sections"), 2);
    CHECK_INT(count(db, "SELECT count(*) FROM warnings"), 1);
    CHECK_INT(count(db, "SELECT count(*) FROM errors"), 1);
    int n = 0;
    CHECK_INT(vb_store_each_hash(s, "9.9", count_hash, &n), VB_OK);
    CHECK_INT(n, 1);
    n = 0;
    CHECK_INT(vb_store_each_hash(s, "other", count_hash, &n), VB_OK);
    CHECK_INT(n, 0);
    vb_result_free(first);
    vb_result_free(same_path);
    vb_result_free(same_sha);
    vb_store_close(s);
}

static void test_error_result(void) {
    vb_store *s = open_memory();
    vb_result *bad = vb_result_new("broken.docx");
    CHECK(s && bad);
    if (!s || !bad) return;
    vb_result_error(bad, VB_E_ZIP_CORRUPT, "truncated");
    CHECK_INT(vb_store_put_result(s, bad, "9.9"), VB_OK);
    sqlite3 *db = vb_store_db(s);
    CHECK_INT(count(db, "SELECT count(*) FROM files WHERE status = 'error' AND error_code = "
                        "'E_ZIP_CORRUPT'"),
              1);
    CHECK_INT(count(db, "SELECT count(*) FROM errors WHERE code = 'E_ZIP_CORRUPT'"), 1);
    vb_result_free(bad);
    vb_store_close(s);
}

/* Another schema version is refused, not silently written into. */
static void test_refuses_other_schema(void) {
    char path[] = "/tmp/vb_test_storeXXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0) return;
    close(fd);
    sqlite3 *db = NULL;
    CHECK(sqlite3_open(path, &db) == SQLITE_OK);
    CHECK(sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_close(db);
    char err[256];
    vb_store *s = NULL;
    CHECK_INT(vb_store_open(path, &s, err, sizeof err), VB_E_DB);
    CHECK(s == NULL);
    CHECK(strstr(err, "schema version 99") != NULL);
    remove(path);
}

int main(void) {
    VB_RUN(test_schema_and_rows);
    VB_RUN(test_reimport_replaces);
    VB_RUN(test_error_result);
    VB_RUN(test_refuses_other_schema);
    return VB_SUMMARY("store");
}
