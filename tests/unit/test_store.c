/* test_store.c — the SQLite store on an in-memory database: rows per fact,
 * one file row per path, replace-on-reimport, the links and same_document
 * views, schema version and upgrade, racing openers, skipped inputs. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
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
    vb_reference ref = {.doc_type = "Kế hoạch",
                        .number = "7/KH-UBND",
                        .date = "2021-03-02",
                        .issuer = "Ủy ban nhân dân Huyện Đông",
                        .relation = VB_REL_BASIS};
    ref.span = span_of(d, "Kế hoạch số 7/KH-UBND");
    if (VB_PUSH(a, d->references, ref)) return NULL;
    vb_date dt = {.value = "2021-03-02"};
    dt.span = span_of(d, "ngày 02 tháng 3 năm 2021");
    if (VB_PUSH(a, d->dates, dt)) return NULL;

    vb_doc *p = add_doc(r, "KẾ HOẠCH\nI. MỤC ĐÍCH\n1. Yêu cầu\nII. TỔ CHỨC\nGiao Phòng Lao "
                           "động - Thương binh và Xã hội chủ trì tuyên truyền, đạt 100%.");
    if (!p) return NULL;
    p->header.doc_type = "Kế hoạch";
    p->header.date = "2021-03-02";
    vb_section child = {.label = "1", .title = "Yêu cầu", .level = 2};
    child.span = child.body = span_of(p, "1. Yêu cầu");
    vb_section top = {.label = "I", .title = "MỤC ĐÍCH", .level = 1};
    top.span = span_of(p, "I. MỤC ĐÍCH");
    top.body = (vb_span){top.span.start, child.body.end};
    if (VB_PUSH(a, top.children, child) || VB_PUSH(a, p->sections, top)) return NULL;
    vb_assignment as = {
        .unit = "Phòng Lao động - Thương binh và Xã hội", .role = VB_ROLE_LEAD, .section = "II"};
    as.span = span_of(p, as.unit);
    vb_span ts = span_of(p, "tuyên truyền");
    if (VB_PUSH(a, as.tasks, "tuyên truyền") || VB_PUSH(a, as.task_spans, ts) ||
        VB_PUSH(a, p->assignments, as))
        return NULL;
    vb_target t = {.value = 100, .unit = "percent", .comparator = VB_CMP_EQ};
    t.span = span_of(p, "100%");
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
    CHECK_INT(count(db, "SELECT count(*) FROM pragma_table_info('dates') WHERE name = 'rule'"), 1);
    CHECK_INT(count(db, "PRAGMA foreign_keys"), 1);
    CHECK_INT(count(db, "SELECT count(*) FROM files WHERE status = 'ok' AND sha256 = 'aa11'"), 1);
    CHECK_INT(count(db, "SELECT count(*) FROM documents"), 2);
    CHECK_INT(count(db, "SELECT count(*) FROM \"references\""), 1);
    CHECK_INT(count(db, "SELECT count(*) FROM dates WHERE text = 'ngày 02 tháng 3 năm 2021'"), 1);
    CHECK_INT(count(db, "SELECT count(*) FROM targets WHERE text = '100%'"), 1);
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

static int count_hash(const char *path, const char *sha, void *ctx) {
    int *n = ctx;
    if (!strcmp(sha, "bb22") && *path) (*n)++;
    return 0;
}

/* One row per path: an edited file replaces its rows, a copy with the same
 * bytes under another path is a file of its own. */
static void test_reimport_replaces(void) {
    vb_store *s = open_memory();
    vb_result *first = letter_and_plan("a/x.txt", "aa11");
    vb_result *same_path = letter_and_plan("a/x.txt", "bb22");   /* edited file */
    vb_result *same_sha = letter_and_plan("b/copy.txt", "bb22"); /* a copy elsewhere */
    CHECK(s && first && same_path && same_sha);
    if (!s || !first || !same_path || !same_sha) return;
    CHECK_INT(vb_store_put_result(s, first, "9.9"), VB_OK);
    CHECK_INT(vb_store_put_result(s, same_path, "9.9"), VB_OK);
    CHECK_INT(vb_store_put_result(s, same_path, "9.9"), VB_OK);
    CHECK_INT(vb_store_put_result(s, same_sha, "9.9"), VB_OK);
    CHECK_INT(vb_store_put_skipped(s, "a/scan.pdf", "E_UNSUPPORTED", "not .docx/.txt", "9.9"), VB_OK);
    CHECK_INT(vb_store_put_skipped(s, "a/scan.pdf", "E_UNSUPPORTED", "not .docx/.txt", "9.9"), VB_OK);
    sqlite3 *db = vb_store_db(s);
    CHECK_INT(count(db, "SELECT count(*) FROM files"), 3);
    CHECK_INT(count(db, "SELECT count(*) FROM files WHERE status = 'skipped'"), 1);
    CHECK_INT(count(db, "SELECT count(*) FROM files WHERE sha256 = 'bb22'"), 2);
    CHECK_INT(count(db, "SELECT count(*) FROM files WHERE sha256 = 'aa11'"), 0);
    CHECK_INT(count(db, "SELECT count(*) FROM documents"), 4);
    CHECK_INT(count(db, "SELECT count(*) FROM \"references\""), 2);
    CHECK_INT(count(db, "SELECT count(*) FROM tasks"), 2);
    CHECK_INT(count(db, "SELECT count(*) FROM sections"), 4);
    CHECK_INT(count(db, "SELECT count(*) FROM warnings"), 2);
    CHECK_INT(count(db, "SELECT count(*) FROM errors"), 1);
    int n = 0;
    CHECK_INT(vb_store_each_file(s, "9.9", count_hash, &n), VB_OK);
    CHECK_INT(n, 2);
    n = 0;
    CHECK_INT(vb_store_each_file(s, "other", count_hash, &n), VB_OK);
    CHECK_INT(n, 0);
    vb_result_free(first);
    vb_result_free(same_path);
    vb_result_free(same_sha);
    vb_store_close(s);
}

/* The same letter in two files is one identity; a document missing a key
 * part is only itself; another number is another document. */
static void test_same_document(void) {
    vb_store *s = open_memory();
    vb_result *a = letter_and_plan("a/x.txt", "aa11");
    vb_result *b = letter_and_plan("b/x.docx", "bb22");
    vb_result *c = letter_and_plan("c/other.txt", "cc33");
    CHECK(s && a && b && c);
    if (!s || !a || !b || !c) return;
    b->documents.items[0].header.issuer = "PHÒNG GIÁO DỤC"; /* folds to the same key */
    c->documents.items[0].header.number = "13/PGD";
    CHECK_INT(vb_store_put_result(s, a, "9.9"), VB_OK);
    CHECK_INT(vb_store_put_result(s, b, "9.9"), VB_OK);
    CHECK_INT(vb_store_put_result(s, c, "9.9"), VB_OK);
    sqlite3 *db = vb_store_db(s);
    CHECK_INT(count(db, "SELECT count(*) FROM same_document"), 6);
    CHECK_INT(count(db, "SELECT count(DISTINCT identity_id) FROM same_document"), 5);
    CHECK_INT(count(db, "SELECT count(*) FROM same_document s JOIN documents d ON d.id = "
                        "s.document_id WHERE d.number = '12/PGD' AND s.copies = 2 AND "
                        "s.files = 2"),
              2);
    /* The unnumbered plans have no identity beyond themselves. */
    CHECK_INT(count(db, "SELECT count(*) FROM same_document s JOIN documents d ON d.id = "
                        "s.document_id WHERE d.number IS NULL AND s.identity_id = d.id "
                        "AND s.copies = 1"),
              3);
    vb_result_free(a);
    vb_result_free(b);
    vb_result_free(c);
    vb_store_close(s);
}

static char *temp_path(void) {
    char *path = strdup("/tmp/vb_test_storeXXXXXX");
    int fd = path ? mkstemp(path) : -1;
    if (fd < 0) {
        free(path);
        return NULL;
    }
    close(fd);
    unlink(path); /* a new store: no file at all */
    return path;
}

static void remove_store(const char *path) {
    char aux[512];
    remove(path);
    snprintf(aux, sizeof aux, "%s-wal", path);
    remove(aux);
    snprintf(aux, sizeof aux, "%s-shm", path);
    remove(aux);
}

/* A version-1 store (sha256 UNIQUE, no identity view) is rebuilt in place:
 * rows and ids kept, copies with the same bytes then accepted. */
static void test_upgrade_from_v1(void) {
    char *path = temp_path();
    CHECK(path != NULL);
    if (!path) return;
    const char *v2_only = strstr(vb_store_schema_sql, "CREATE INDEX documents_by_identity");
    CHECK(v2_only != NULL);
    if (!v2_only) return;
    char *v1 = sqlite3_mprintf("%.*s", (int)(v2_only - vb_store_schema_sql), vb_store_schema_sql);
    char *idx = strstr(v1, "CREATE INDEX files_by_sha256 ON files(sha256);");
    char *col = strstr(v1, "sha256 TEXT,");
    CHECK(idx && col);
    if (!idx || !col) return;
    memset(idx, ' ', strlen("CREATE INDEX files_by_sha256 ON files(sha256);"));
    /* dates.rule came with version 3 */
    char *rule = strstr(v1, "  rule TEXT,");
    CHECK(rule != NULL);
    if (!rule) return;
    memset(rule, ' ', (size_t)(strchr(rule, '\n') - rule));
    /* Written over the blanks before the column's comment. */
    memcpy(col, "sha256 TEXT UNIQUE,", strlen("sha256 TEXT UNIQUE,"));
    sqlite3 *db = NULL;
    CHECK(sqlite3_open(path, &db) == SQLITE_OK);
    CHECK(sqlite3_exec(db, v1, NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_free(v1);
    CHECK(sqlite3_exec(db,
                       "PRAGMA user_version = 1;"
                       "INSERT INTO files(id, path, sha256, status, tool_version)"
                       " VALUES (7, 'old.txt', 'dd44', 'ok', '0.0');"
                       "INSERT INTO documents(file_id, ordinal, kind, text)"
                       " VALUES (7, 1, 'official', 'x');",
                       NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_close(db);
    char err[256];
    vb_store *s = NULL;
    CHECK_INT(vb_store_open(path, &s, err, sizeof err), VB_OK);
    if (!s) {
        fprintf(stderr, "  %s\n", err);
        return;
    }
    db = vb_store_db(s);
    CHECK_INT(count(db, "PRAGMA user_version"), VB_STORE_SCHEMA_VERSION);
    CHECK_INT(count(db, "SELECT count(*) FROM documents d JOIN files f ON f.id = d.file_id "
                        "WHERE f.id = 7 AND f.path = 'old.txt'"),
              1);
    CHECK_INT(count(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    CHECK_INT(count(db, "SELECT count(*) FROM same_document"), 1);
    vb_result *r = letter_and_plan("copy-of-old.txt", "dd44");
    CHECK(r && vb_store_put_result(s, r, "9.9") == VB_OK);
    vb_result_free(r);
    CHECK_INT(count(db, "SELECT count(*) FROM files WHERE sha256 = 'dd44'"), 2);
    /* Deleting a file still cascades to its documents after the rebuild. */
    CHECK(sqlite3_exec(db, "DELETE FROM files WHERE id = 7", NULL, NULL, NULL) == SQLITE_OK);
    CHECK_INT(count(db, "SELECT count(*) FROM documents WHERE file_id = 7"), 0);
    vb_store_close(s);
    remove_store(path);
    free(path);
}

/* Several processes opening one new store at once and writing to it all
 * succeed: the schema is made once, the switch to WAL and the writes wait
 * ("table files already exists" / "database is locked" before). */
static void test_racing_openers(void) {
    enum { ROUNDS = 5, PROCS = 4 };
    for (int round = 0; round < ROUNDS; round++) {
        char *path = temp_path();
        CHECK(path != NULL);
        if (!path) return;
        pid_t kids[PROCS];
        for (int k = 0; k < PROCS; k++) {
            kids[k] = fork();
            if (kids[k] == 0) {
                char err[256], name[32];
                snprintf(name, sizeof name, "child-%d.txt", k);
                vb_store *s = NULL;
                vb_result *r = letter_and_plan(name, "ee55");
                vb_status st = vb_store_open(path, &s, err, sizeof err);
                if (st != VB_OK)
                    fprintf(stderr, "  child: %s\n", err);
                else if ((st = r ? vb_store_put_result(s, r, "9.9") : VB_E_NOMEM) != VB_OK)
                    fprintf(stderr, "  child: %s\n", vb_store_errmsg(s));
                vb_result_free(r);
                vb_store_close(s);
                _exit(st == VB_OK ? 0 : 1);
            }
        }
        int failed = 0;
        for (int k = 0; k < PROCS; k++) {
            int status = 0;
            if (kids[k] < 0 || waitpid(kids[k], &status, 0) < 0 || !WIFEXITED(status) ||
                WEXITSTATUS(status) != 0)
                failed++;
        }
        CHECK_INT(failed, 0);
        char err[256];
        vb_store *s = NULL;
        CHECK_INT(vb_store_open(path, &s, err, sizeof err), VB_OK);
        if (s) CHECK_INT(count(vb_store_db(s), "SELECT count(*) FROM files"), PROCS);
        vb_store_close(s);
        remove_store(path);
        free(path);
    }
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

/* A result streamed one document at a time: an abandoned file leaves the
 * path's previous rows as they were; a finished one replaces them. */
static void test_streamed_result(void) {
    vb_store *s = open_memory();
    vb_result *old = letter_and_plan("a/x.txt", "aa11");
    vb_result *now = letter_and_plan("a/x.txt", "bb22");
    CHECK(s && old && now);
    if (!s || !old || !now) return;
    sqlite3 *db = vb_store_db(s);
    CHECK_INT(vb_store_put_result(s, old, "9.9"), VB_OK);
    long long docs = count(db, "SELECT count(*) FROM documents");
    CHECK(docs >= 1);
    vb_store_file f;
    CHECK_INT(vb_store_begin_result(s, now, "9.9", &f), VB_OK);
    CHECK_INT(vb_store_put_document(s, &f, &now->documents.items[0]), VB_OK);
    vb_store_abort(s);
    CHECK_INT(count(db, "SELECT count(*) FROM files WHERE sha256 = 'aa11'"), 1);
    CHECK_INT(count(db, "SELECT count(*) FROM documents"), docs);
    vb_result_error(now, VB_E_INTERNAL, "late");
    CHECK_INT(vb_store_begin_result(s, now, "9.9", &f), VB_OK);
    for (size_t i = 0; i < now->documents.len; i++)
        CHECK_INT(vb_store_put_document(s, &f, &now->documents.items[i]), VB_OK);
    CHECK_INT(vb_store_end_result(s, &f, now), VB_OK);
    CHECK_INT(count(db, "SELECT count(*) FROM files WHERE sha256 = 'bb22' AND status = 'error'"
                        " AND error_code = 'E_INTERNAL'"),
              1);
    CHECK_INT(count(db, "SELECT count(*) FROM files"), 1);
    CHECK_INT(count(db, "SELECT count(*) FROM documents"), docs);
    CHECK_INT(count(db, "SELECT max(ordinal) FROM documents"), (long long)now->documents.len);
    vb_result_free(old);
    vb_result_free(now);
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
    VB_RUN(test_same_document);
    VB_RUN(test_upgrade_from_v1);
    VB_RUN(test_racing_openers);
    VB_RUN(test_error_result);
    VB_RUN(test_streamed_result);
    VB_RUN(test_refuses_other_schema);
    return VB_SUMMARY("store");
}
