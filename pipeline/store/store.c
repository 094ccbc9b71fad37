/* store.c — results into SQLite, one transaction per input file. */
#include "store.h"

#include <jansson.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/fold.h"
#include "../core/buf.h"

enum {
    ST_BEGIN,
    ST_COMMIT,
    ST_ROLLBACK,
    ST_DELETE,
    ST_FILE,
    ST_DOC,
    ST_REF,
    ST_DATE,
    ST_TARGET,
    ST_ASSIGN,
    ST_TASK,
    ST_SECTION,
    ST_WARNING,
    ST_ERROR,
    ST_STATUS,
    ST_COUNT
};

static const char *const statement_sql[ST_COUNT] = {
    [ST_BEGIN] = "BEGIN IMMEDIATE",
    [ST_COMMIT] = "COMMIT",
    [ST_ROLLBACK] = "ROLLBACK",
    [ST_DELETE] = "DELETE FROM files WHERE path = ?1",
    [ST_FILE] = "INSERT INTO files(path, sha256, format, bytes, status, error_code, tool_version)"
                " VALUES (?,?,?,?,?,?,?)",
    [ST_DOC] = "INSERT INTO documents(file_id, ordinal, kind, doc_type, doc_type_code, number,"
               " number_key, date, place, issuer, issuer_key, issuer_parent, subject, signer,"
               " recipients, distribution, text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    [ST_REF] = "INSERT INTO \"references\"(document_id, ordinal, relation, doc_type, doc_type_code,"
               " number, number_key, date, issuer, issuer_key, subject, span_start, span_end,"
               " mentions) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    [ST_DATE] = "INSERT INTO dates(document_id, ordinal, text, value, role, recurrence,"
                " span_start, span_end, rule) VALUES (?,?,?,?,?,?,?,?,?)",
    [ST_TARGET] = "INSERT INTO targets(document_id, ordinal, text, value, from_value, unit,"
                  " comparator, indicator, theme, span_start, span_end)"
                  " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
    [ST_ASSIGN] = "INSERT INTO assignments(document_id, ordinal, unit, unit_key, role, section,"
                  " span_start, span_end) VALUES (?,?,?,?,?,?,?,?)",
    [ST_TASK] = "INSERT INTO tasks(assignment_id, ordinal, text, span_start, span_end)"
                " VALUES (?,?,?,?,?)",
    [ST_SECTION] = "INSERT INTO sections(document_id, parent_id, ordinal, level, label, path,"
                   " title, span_start, span_end, body_start, body_end)"
                   " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
    [ST_WARNING] = "INSERT INTO warnings(file_id, document_id, code, message, span_start,"
                   " span_end) VALUES (?,?,?,?,?,?)",
    [ST_ERROR] = "INSERT INTO errors(file_id, ordinal, code, message) VALUES (?,?,?,?)",
    [ST_STATUS] = "UPDATE files SET status = ?2, error_code = ?3 WHERE id = ?1",
};

struct vb_store {
    sqlite3 *db;
    sqlite3_stmt *st[ST_COUNT];
    vb_folder *folder;
    vb_buf key;  /* scratch for folded keys */
    vb_buf path; /* scratch for section paths */
};

sqlite3 *vb_store_db(vb_store *s) { return s->db; }

const char *vb_store_errmsg(const vb_store *s) { return s && s->db ? sqlite3_errmsg(s->db) : "no database"; }

static int user_version(sqlite3 *db) {
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &q, NULL) != SQLITE_OK) return -1;
    int version = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int(q, 0) : -1;
    sqlite3_finalize(q);
    return version;
}

/* Create the schema of a new store, or bring a version-1 store up to date.
 * Several processes may open a new store at once: the version is read again
 * under the write lock (BEGIN IMMEDIATE waits for the busy timeout), so
 * only the first creates the tables and the others find them. */
static vb_status create_or_upgrade(vb_store *s, const char *path, char *err, size_t errlen) {
    if (user_version(s->db) == VB_STORE_SCHEMA_VERSION) return VB_OK;
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) return VB_E_DB;
    int version = user_version(s->db);
    char *steps =
        version == 1 ? sqlite3_mprintf("%s%s", vb_store_migrate_v1_sql, vb_store_migrate_v2_sql) : NULL;
    if (version == 1 && !steps) {
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return VB_E_NOMEM;
    }
    const char *sql = version == 0   ? vb_store_schema_sql
                      : version == 1 ? steps
                      : version == 2 ? vb_store_migrate_v2_sql
                                     : NULL;
    if (version != VB_STORE_SCHEMA_VERSION && !sql) {
        snprintf(err, errlen, "%s: schema version %d, this vanban reads version %d", path, version,
                 VB_STORE_SCHEMA_VERSION);
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        sqlite3_free(steps);
        return VB_E_DB;
    }
    char *msg = NULL;
    char *all = sql ? sqlite3_mprintf("%s PRAGMA user_version = %d; COMMIT;", sql, VB_STORE_SCHEMA_VERSION)
                    : sqlite3_mprintf("COMMIT;");
    if (!all) {
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        sqlite3_free(steps);
        return VB_E_NOMEM;
    }
    int rc = sqlite3_exec(s->db, all, NULL, NULL, &msg);
    sqlite3_free(all);
    sqlite3_free(steps);
    if (rc != SQLITE_OK) {
        snprintf(err, errlen, "%s: %s the schema: %s", path, version == 0 ? "creating" : "upgrading",
                 msg ? msg : sqlite3_errmsg(s->db));
        sqlite3_free(msg);
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return VB_E_DB;
    }
    return VB_OK;
}

/* How long a writer waits for another process's transaction: one input's
 * rows, or another process creating the schema. */
enum { BUSY_TIMEOUT_MS = 60000 };

/* Switching a new store to WAL needs an exclusive lock and does not call
 * the busy handler: retry while another process holds the store. */
static int set_wal(sqlite3 *db) {
    for (int waited = 0;; waited += 20) {
        int rc = sqlite3_exec(db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
        if ((rc & 0xFF) != SQLITE_BUSY || waited >= BUSY_TIMEOUT_MS) return rc;
        sqlite3_sleep(20);
    }
}

static vb_status setup(vb_store *s, const char *path, char *err, size_t errlen) {
    int rc = sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (rc != SQLITE_OK) return VB_E_DB;
    sqlite3_extended_result_codes(s->db, 1);
    sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
    if (strcmp(path, ":memory:") != 0 &&
        (set_wal(s->db) != SQLITE_OK ||
         sqlite3_exec(s->db, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL) != SQLITE_OK))
        return VB_E_DB;
    /* Foreign keys stay off until the schema is there: the version-1 step
     * drops and renames the parent table. */
    vb_status st = create_or_upgrade(s, path, err, errlen);
    if (st != VB_OK) return st;
    if (sqlite3_exec(s->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK) return VB_E_DB;
    for (int i = 0; i < ST_COUNT; i++)
        if (sqlite3_prepare_v3(s->db, statement_sql[i], -1, SQLITE_PREPARE_PERSISTENT, &s->st[i], NULL) !=
            SQLITE_OK)
            return VB_E_DB;
    return vb_folder_open(&s->folder);
}

vb_status vb_store_open(const char *path, vb_store **out, char *err, size_t errlen) {
    *out = NULL;
    if (errlen) err[0] = '\0';
    vb_store *s = calloc(1, sizeof *s);
    if (!s) return VB_E_NOMEM;
    vb_buf_init(&s->key);
    vb_buf_init(&s->path);
    vb_status st = setup(s, path, err, errlen);
    if (st != VB_OK) {
        if (errlen && !err[0])
            snprintf(err, errlen, "%s: %s", path, st == VB_E_DB ? vb_store_errmsg(s) : vb_status_text(st));
        vb_store_close(s);
        return st;
    }
    *out = s;
    return VB_OK;
}

void vb_store_close(vb_store *s) {
    if (!s) return;
    for (int i = 0; i < ST_COUNT; i++) sqlite3_finalize(s->st[i]);
    sqlite3_close(s->db);
    vb_folder_close(s->folder);
    vb_buf_free(&s->key);
    vb_buf_free(&s->path);
    free(s);
}

/* ---- binding helpers: each returns SQLITE_OK or the first failure ---- */

static int bind_text(sqlite3_stmt *q, int i, const char *v) {
    return v ? sqlite3_bind_text(q, i, v, -1, SQLITE_STATIC) : sqlite3_bind_null(q, i);
}

/* the words under span sp of d, which outlives the statement's step */
static int bind_span_text(sqlite3_stmt *q, int i, const vb_doc *d, vb_span sp) {
    size_t n;
    const char *p = vb_doc_span_text(d, sp, &n);
    return n > INT_MAX ? SQLITE_TOOBIG : sqlite3_bind_text(q, i, p, (int)n, SQLITE_STATIC);
}

static int bind_size(sqlite3_stmt *q, int i, size_t v) { return sqlite3_bind_int64(q, i, (sqlite3_int64)v); }

/* Run an INSERT/DELETE that has been bound; reset it for reuse. */
static vb_status step(vb_store *s, int which) {
    sqlite3_stmt *q = s->st[which];
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    sqlite3_clear_bindings(q);
    return rc == SQLITE_DONE ? VB_OK : VB_E_DB;
}

/* Bind the folded key of v.  NULL, or a name that folds to nothing, binds
 * NULL for numbers and issuers (so that blanks never match each other) and
 * "" for units (unit_key is NOT NULL).  Bound transiently: s->key is reused. */
enum { KEY_NAME = 0, KEY_NUMBER = 1, KEY_NULLABLE = 2 };
static vb_status bind_key(vb_store *s, sqlite3_stmt *q, int i, const char *v, unsigned how) {
    bool number = how & KEY_NUMBER, nullable = how & KEY_NULLABLE;
    vb_buf_reset(&s->key);
    if (!v) v = "";
    vb_status st = number ? vb_number_key(s->folder, v, &s->key) : vb_fold(s->folder, v, strlen(v), &s->key);
    if (st != VB_OK) return st;
    const char *k = vb_buf_cstr(&s->key);
    if (!k) return VB_E_NOMEM;
    if (!*k && nullable) return sqlite3_bind_null(q, i) == SQLITE_OK ? VB_OK : VB_E_DB;
    return sqlite3_bind_text(q, i, k, -1, SQLITE_TRANSIENT) == SQLITE_OK ? VB_OK : VB_E_DB;
}

static vb_status bind_span(sqlite3_stmt *q, int i, const vb_doc *d, vb_span sp) {
    int rc = bind_size(q, i, vb_doc_cp_offset(d, sp.start));
    if (rc == SQLITE_OK) rc = bind_size(q, i + 1, vb_doc_cp_offset(d, sp.end));
    return rc == SQLITE_OK ? VB_OK : VB_E_DB;
}

static vb_status bind_strv_json(sqlite3_stmt *q, int i, const vb_strv *v) {
    json_t *a = json_array();
    if (!a) return VB_E_NOMEM;
    for (size_t k = 0; k < v->len; k++)
        if (json_array_append_new(a, json_string(v->items[k] ? v->items[k] : "")) != 0) {
            json_decref(a);
            return VB_E_NOMEM;
        }
    char *txt = json_dumps(a, JSON_COMPACT);
    json_decref(a);
    if (!txt) return VB_E_NOMEM;
    int rc = sqlite3_bind_text(q, i, txt, -1, free);
    return rc == SQLITE_OK ? VB_OK : VB_E_DB;
}

#define TRY(expr)                             \
    do {                                      \
        vb_status try_st_ = (expr);           \
        if (try_st_ != VB_OK) return try_st_; \
    } while (0)
#define TRY_SQL(expr)                            \
    do {                                         \
        if ((expr) != SQLITE_OK) return VB_E_DB; \
    } while (0)

/* ---- one result, inside a transaction ---- */

static vb_status put_file_row(vb_store *s, const char *path, const char *sha256, const char *format,
                              size_t bytes, bool has_bytes, const char *status, const char *code,
                              const char *version, sqlite3_int64 *file_id) {
    sqlite3_stmt *q = s->st[ST_DELETE];
    TRY_SQL(bind_text(q, 1, path));
    TRY(step(s, ST_DELETE));
    q = s->st[ST_FILE];
    TRY_SQL(bind_text(q, 1, path));
    TRY_SQL(bind_text(q, 2, sha256));
    TRY_SQL(bind_text(q, 3, format));
    TRY_SQL(has_bytes ? bind_size(q, 4, bytes) : sqlite3_bind_null(q, 4));
    TRY_SQL(bind_text(q, 5, status));
    TRY_SQL(bind_text(q, 6, code));
    TRY_SQL(bind_text(q, 7, version));
    TRY(step(s, ST_FILE));
    *file_id = sqlite3_last_insert_rowid(s->db);
    return VB_OK;
}

static vb_status put_warning(vb_store *s, sqlite3_int64 file_id, sqlite3_int64 doc_id, const vb_doc *d,
                             const vb_warning *w) {
    sqlite3_stmt *q = s->st[ST_WARNING];
    TRY_SQL(sqlite3_bind_int64(q, 1, file_id));
    TRY_SQL(doc_id ? sqlite3_bind_int64(q, 2, doc_id) : sqlite3_bind_null(q, 2));
    TRY_SQL(bind_text(q, 3, w->code));
    TRY_SQL(bind_text(q, 4, w->message));
    if (w->has_span && d) TRY(bind_span(q, 5, d, w->span));
    return step(s, ST_WARNING);
}

/* Sections recursively; `prefix` is the parent's path in s->path. */
static vb_status put_sections(vb_store *s, sqlite3_int64 doc_id, sqlite3_int64 parent_id, const vb_doc *d,
                              const vb_sectionv *v) {
    size_t base = s->path.len;
    for (size_t i = 0; i < v->len; i++) {
        const vb_section *sec = &v->items[i];
        s->path.len = base;
        if (base) vb_buf_putc(&s->path, '.');
        vb_buf_puts(&s->path, sec->label ? sec->label : "");
        const char *path = vb_buf_cstr(&s->path);
        if (!path) return VB_E_NOMEM;
        sqlite3_stmt *q = s->st[ST_SECTION];
        TRY_SQL(sqlite3_bind_int64(q, 1, doc_id));
        TRY_SQL(parent_id ? sqlite3_bind_int64(q, 2, parent_id) : sqlite3_bind_null(q, 2));
        TRY_SQL(bind_size(q, 3, i + 1));
        TRY_SQL(sqlite3_bind_int(q, 4, sec->level));
        TRY_SQL(bind_text(q, 5, sec->label ? sec->label : ""));
        TRY_SQL(sqlite3_bind_text(q, 6, path, -1, SQLITE_TRANSIENT));
        TRY_SQL(bind_text(q, 7, sec->title));
        TRY(bind_span(q, 8, d, sec->span));
        TRY(bind_span(q, 10, d, sec->body));
        TRY(step(s, ST_SECTION));
        TRY(put_sections(s, doc_id, sqlite3_last_insert_rowid(s->db), d, &sec->children));
    }
    s->path.len = base;
    return VB_OK;
}

static vb_status put_facts(vb_store *s, sqlite3_int64 doc_id, const vb_doc *d) {
    for (size_t i = 0; i < d->references.len; i++) {
        const vb_reference *r = &d->references.items[i];
        sqlite3_stmt *q = s->st[ST_REF];
        TRY_SQL(sqlite3_bind_int64(q, 1, doc_id));
        TRY_SQL(bind_size(q, 2, i + 1));
        TRY_SQL(bind_text(q, 3, vb_relation_name(r->relation)));
        TRY_SQL(bind_text(q, 4, r->doc_type));
        TRY_SQL(bind_text(q, 5, r->doc_type_code));
        TRY_SQL(bind_text(q, 6, r->number));
        TRY(bind_key(s, q, 7, r->number, KEY_NUMBER | KEY_NULLABLE));
        TRY_SQL(bind_text(q, 8, r->date));
        TRY_SQL(bind_text(q, 9, r->issuer));
        TRY(bind_key(s, q, 10, r->issuer, KEY_NULLABLE));
        TRY_SQL(bind_text(q, 11, r->subject));
        TRY(bind_span(q, 12, d, r->span));
        TRY_SQL(bind_size(q, 14, r->mentions.len ? r->mentions.len : 1));
        TRY(step(s, ST_REF));
    }
    for (size_t i = 0; i < d->dates.len; i++) {
        const vb_date *x = &d->dates.items[i];
        sqlite3_stmt *q = s->st[ST_DATE];
        TRY_SQL(sqlite3_bind_int64(q, 1, doc_id));
        TRY_SQL(bind_size(q, 2, i + 1));
        TRY_SQL(bind_span_text(q, 3, d, x->span));
        TRY_SQL(bind_text(q, 4, x->value));
        TRY_SQL(bind_text(q, 5, vb_date_role_name(x->role)));
        TRY_SQL(bind_text(q, 6, x->recurrence));
        TRY(bind_span(q, 7, d, x->span));
        TRY_SQL(bind_text(q, 9, x->rule));
        TRY(step(s, ST_DATE));
    }
    for (size_t i = 0; i < d->targets.len; i++) {
        const vb_target *t = &d->targets.items[i];
        sqlite3_stmt *q = s->st[ST_TARGET];
        TRY_SQL(sqlite3_bind_int64(q, 1, doc_id));
        TRY_SQL(bind_size(q, 2, i + 1));
        TRY_SQL(bind_span_text(q, 3, d, t->span));
        TRY_SQL(sqlite3_bind_double(q, 4, t->value));
        TRY_SQL(t->has_from ? sqlite3_bind_double(q, 5, t->from) : sqlite3_bind_null(q, 5));
        TRY_SQL(bind_text(q, 6, t->unit));
        TRY_SQL(bind_text(q, 7, vb_comparator_name(t->comparator)));
        TRY_SQL(bind_text(q, 8, t->indicator));
        TRY_SQL(bind_text(q, 9, t->theme));
        TRY(bind_span(q, 10, d, t->span));
        TRY(step(s, ST_TARGET));
    }
    for (size_t i = 0; i < d->assignments.len; i++) {
        const vb_assignment *a = &d->assignments.items[i];
        const char *unit = a->unit ? a->unit : "";
        sqlite3_stmt *q = s->st[ST_ASSIGN];
        TRY_SQL(sqlite3_bind_int64(q, 1, doc_id));
        TRY_SQL(bind_size(q, 2, i + 1));
        TRY_SQL(bind_text(q, 3, unit));
        TRY(bind_key(s, q, 4, unit, KEY_NAME));
        TRY_SQL(bind_text(q, 5, vb_role_name(a->role)));
        TRY_SQL(bind_text(q, 6, a->section));
        TRY(bind_span(q, 7, d, a->span));
        TRY(step(s, ST_ASSIGN));
        sqlite3_int64 assignment_id = sqlite3_last_insert_rowid(s->db);
        for (size_t k = 0; k < a->tasks.len; k++) {
            q = s->st[ST_TASK];
            TRY_SQL(sqlite3_bind_int64(q, 1, assignment_id));
            TRY_SQL(bind_size(q, 2, k + 1));
            TRY_SQL(bind_text(q, 3, a->tasks.items[k] ? a->tasks.items[k] : ""));
            if (k < a->task_spans.len) TRY(bind_span(q, 4, d, a->task_spans.items[k]));
            TRY(step(s, ST_TASK));
        }
    }
    return VB_OK;
}

static vb_status put_document(vb_store *s, sqlite3_int64 file_id, size_t ordinal, const vb_doc *d) {
    const vb_header *h = &d->header;
    sqlite3_stmt *q = s->st[ST_DOC];
    TRY_SQL(sqlite3_bind_int64(q, 1, file_id));
    TRY_SQL(bind_size(q, 2, ordinal));
    TRY_SQL(bind_text(q, 3, vb_kind_name(d->kind)));
    TRY_SQL(bind_text(q, 4, h->doc_type));
    TRY_SQL(bind_text(q, 5, h->doc_type_code));
    TRY_SQL(bind_text(q, 6, h->number));
    TRY(bind_key(s, q, 7, h->number, KEY_NUMBER | KEY_NULLABLE));
    TRY_SQL(bind_text(q, 8, h->date));
    TRY_SQL(bind_text(q, 9, h->place));
    TRY_SQL(bind_text(q, 10, h->issuer));
    TRY(bind_key(s, q, 11, h->issuer, KEY_NULLABLE));
    TRY_SQL(bind_text(q, 12, h->issuer_parent));
    TRY_SQL(bind_text(q, 13, h->subject));
    TRY_SQL(bind_text(q, 14, h->signer));
    TRY(bind_strv_json(q, 15, &h->recipients));
    TRY(bind_strv_json(q, 16, &h->distribution));
    TRY_SQL(sqlite3_bind_text(q, 17, d->text ? d->text : "", d->text ? (int)d->text_len : 0, SQLITE_STATIC));
    TRY(step(s, ST_DOC));
    sqlite3_int64 doc_id = sqlite3_last_insert_rowid(s->db);
    TRY(put_facts(s, doc_id, d));
    s->path.len = 0;
    TRY(put_sections(s, doc_id, 0, d, &d->sections));
    for (size_t i = 0; i < d->warnings.len; i++)
        TRY(put_warning(s, file_id, doc_id, d, &d->warnings.items[i]));
    return VB_OK;
}

/* Commit what the body did, or roll back on its failure. */
static vb_status in_transaction(vb_store *s, vb_status st) {
    if (st == VB_OK) return step(s, ST_COMMIT);
    (void)step(s, ST_ROLLBACK);
    return st;
}

/* A result's rows go in as the result is made (store.h): the file row
 * first, as "ok" (its errors are known only at the end, when it is
 * updated), then each document, then the file's warnings and errors. */
vb_status vb_store_begin_result(vb_store *s, const vb_result *r, const char *tool_version, vb_store_file *f) {
    *f = (vb_store_file){0};
    TRY(step(s, ST_BEGIN));
    vb_status st = put_file_row(s, r->path, r->sha256, r->format, r->bytes, r->sha256 != NULL, "ok", NULL,
                                tool_version, &f->id);
    if (st != VB_OK) vb_store_abort(s);
    return st;
}

vb_status vb_store_put_document(vb_store *s, vb_store_file *f, const vb_doc *d) {
    vb_status st = put_document(s, f->id, ++f->documents, d);
    if (st != VB_OK) vb_store_abort(s);
    return st;
}

static vb_status put_result_end(vb_store *s, sqlite3_int64 file_id, const vb_result *r) {
    for (size_t i = 0; i < r->file_warnings.len; i++)
        TRY(put_warning(s, file_id, 0, NULL, &r->file_warnings.items[i]));
    for (size_t i = 0; i < r->errors.len; i++) {
        sqlite3_stmt *q = s->st[ST_ERROR];
        TRY_SQL(sqlite3_bind_int64(q, 1, file_id));
        TRY_SQL(bind_size(q, 2, i + 1));
        TRY_SQL(bind_text(q, 3, r->errors.items[i].code));
        TRY_SQL(bind_text(q, 4, r->errors.items[i].message));
        TRY(step(s, ST_ERROR));
    }
    if (!r->errors.len) return VB_OK;
    sqlite3_stmt *q = s->st[ST_STATUS];
    TRY_SQL(sqlite3_bind_int64(q, 1, file_id));
    TRY_SQL(bind_text(q, 2, "error"));
    TRY_SQL(bind_text(q, 3, r->errors.items[0].code));
    return step(s, ST_STATUS);
}

vb_status vb_store_end_result(vb_store *s, vb_store_file *f, const vb_result *r) {
    return in_transaction(s, put_result_end(s, f->id, r));
}

void vb_store_abort(vb_store *s) { (void)step(s, ST_ROLLBACK); }

vb_status vb_store_put_result(vb_store *s, const vb_result *r, const char *tool_version) {
    vb_store_file f;
    TRY(vb_store_begin_result(s, r, tool_version, &f));
    for (size_t i = 0; i < r->documents.len; i++) TRY(vb_store_put_document(s, &f, &r->documents.items[i]));
    return vb_store_end_result(s, &f, r);
}

vb_status vb_store_put_skipped(vb_store *s, const char *path, const char *code, const char *message,
                               const char *tool_version) {
    TRY(step(s, ST_BEGIN));
    sqlite3_int64 file_id;
    vb_status st = put_file_row(s, path, NULL, NULL, 0, false, "skipped", code, tool_version, &file_id);
    if (st == VB_OK) {
        sqlite3_stmt *q = s->st[ST_ERROR];
        if (sqlite3_bind_int64(q, 1, file_id) != SQLITE_OK || sqlite3_bind_int(q, 2, 1) ||
            bind_text(q, 3, code) || bind_text(q, 4, message))
            st = VB_E_DB;
        else
            st = step(s, ST_ERROR);
    }
    return in_transaction(s, st);
}

vb_status vb_store_each_file(vb_store *s, const char *tool_version,
                             int (*fn)(const char *path, const char *sha256, void *ctx), void *ctx) {
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT path, sha256 FROM files"
                           " WHERE tool_version = ? AND sha256 IS NOT NULL",
                           -1, &q, NULL) != SQLITE_OK)
        return VB_E_DB;
    vb_status st = bind_text(q, 1, tool_version) == SQLITE_OK ? VB_OK : VB_E_DB;
    int rc = SQLITE_ROW;
    while (st == VB_OK && (rc = sqlite3_step(q)) == SQLITE_ROW)
        if (fn((const char *)sqlite3_column_text(q, 0), (const char *)sqlite3_column_text(q, 1), ctx))
            st = VB_E_INTERNAL;
    if (st == VB_OK && rc != SQLITE_DONE) st = VB_E_DB;
    sqlite3_finalize(q);
    return st;
}
