/* schema.c — the store's tables, indexes and views, version
 * VB_STORE_SCHEMA_VERSION, and the step from version 1.  Every child row
 * cascades from its file, so "DELETE FROM files WHERE …" removes a file's
 * rows completely.  `references` is an SQL keyword: quote it
 * ("references") in queries. */
#include "store.h"

/* One row per input path: two paths with the same bytes are two rows (the
 * manifest and the store count inputs alike); sha256 is indexed, not
 * unique.  A macro because version 1 → 2 rebuilds the table under another
 * name first. */
#define FILES_TABLE(name)                                                                  \
    "CREATE TABLE " name " (\n"                                                            \
    "  id INTEGER PRIMARY KEY,\n"                                                          \
    "  path TEXT NOT NULL UNIQUE,\n"                                                       \
    "  sha256 TEXT,                         -- NULL for skipped or unreadable inputs\n"    \
    "  format TEXT,                         -- docx | doc | txt\n"                         \
    "  bytes INTEGER,\n"                                                                   \
    "  status TEXT NOT NULL CHECK (status IN ('ok','error','skipped')),\n"                 \
    "  error_code TEXT,                     -- first error's code (E_…), NULL when ok\n" \
    "  tool_version TEXT NOT NULL,\n"                                                      \
    "  imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))\n"         \
    ");\n"
#define FILES_INDEX "CREATE INDEX files_by_sha256 ON files(sha256);\n"

/* A document's identity: the same type, number, issuer and date, whatever
 * file it came from (the text, two DOCX and a wrapped copy of one plan).
 * Every document has one row; `identity_id` is the smallest document id of
 * its group, or its own id when a key part is missing (such a document is
 * only ever the same as itself).  count(DISTINCT identity_id) counts each
 * document once. */
#define SAME_DOCUMENT_VIEW                                                                       \
    "CREATE INDEX documents_by_identity ON documents(number_key, doc_type, issuer_key, date);\n" \
    "CREATE VIEW same_document AS\n"                                                             \
    "SELECT d.id AS document_id, d.file_id,\n"                                                   \
    "       coalesce(g.identity_id, d.id) AS identity_id,\n"                                     \
    "       coalesce(g.copies, 1) AS copies, coalesce(g.files, 1) AS files\n"                    \
    "  FROM documents d LEFT JOIN (\n"                                                           \
    "       SELECT doc_type, number_key, issuer_key, date, min(id) AS identity_id,\n"            \
    "              count(*) AS copies, count(DISTINCT file_id) AS files\n"                       \
    "         FROM documents\n"                                                                  \
    "        WHERE doc_type IS NOT NULL AND number_key IS NOT NULL\n"                            \
    "          AND issuer_key IS NOT NULL AND date IS NOT NULL\n"                                \
    "        GROUP BY number_key, doc_type, issuer_key, date) g\n"                               \
    "    ON g.number_key = d.number_key AND g.doc_type = d.doc_type\n"                           \
    "   AND g.issuer_key = d.issuer_key AND g.date = d.date;\n"

const char vb_store_schema_sql[] = FILES_TABLE("files") FILES_INDEX
    "CREATE TABLE documents (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,\n"
    "  ordinal INTEGER NOT NULL,            -- 1-based position in the file\n"
    "  kind TEXT NOT NULL,                  -- official | article | unknown\n"
    "  doc_type TEXT, doc_type_code TEXT,\n"
    "  number TEXT, number_key TEXT,        -- number_key: folded, no spaces\n"
    "  date TEXT,                           -- ISO 8601 or prefix\n"
    "  place TEXT,\n"
    "  issuer TEXT, issuer_key TEXT, issuer_parent TEXT,\n"
    "  subject TEXT, signer TEXT,\n"
    "  recipients TEXT NOT NULL DEFAULT '[]',   -- JSON array of strings\n"
    "  distribution TEXT NOT NULL DEFAULT '[]', -- JSON array of strings\n"
    "  text TEXT NOT NULL,\n"
    "  UNIQUE (file_id, ordinal)\n"
    ");\n"
    "CREATE INDEX documents_by_number ON documents(number_key);\n"
    "CREATE INDEX documents_by_date ON documents(date);\n"
    "CREATE INDEX documents_by_issuer ON documents(issuer_key);\n"
    "CREATE TABLE \"references\" (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
    "  ordinal INTEGER NOT NULL,\n"
    "  relation TEXT NOT NULL,              -- basis | implements | cited\n"
    "  doc_type TEXT, doc_type_code TEXT,\n"
    "  number TEXT, number_key TEXT,\n"
    "  date TEXT,\n"
    "  issuer TEXT, issuer_key TEXT,\n"
    "  subject TEXT,\n"
    "  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,\n"
    "  mentions INTEGER NOT NULL DEFAULT 1\n"
    ");\n"
    "CREATE INDEX references_by_document ON \"references\"(document_id);\n"
    "CREATE INDEX references_by_number ON \"references\"(number_key);\n"
    "CREATE INDEX references_by_date ON \"references\"(date);\n"
    "CREATE TABLE dates (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
    "  ordinal INTEGER NOT NULL,\n"
    "  text TEXT NOT NULL, value TEXT, role TEXT NOT NULL, recurrence TEXT,\n"
    "  rule TEXT,                           -- recurring: an RFC 5545 RRULE\n"
    "  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL\n"
    ");\n"
    "CREATE INDEX dates_by_document ON dates(document_id);\n"
    "CREATE INDEX dates_by_value ON dates(value);\n"
    "CREATE TABLE targets (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
    "  ordinal INTEGER NOT NULL,\n"
    "  text TEXT NOT NULL, value REAL NOT NULL, from_value REAL, unit TEXT,\n"
    "  comparator TEXT NOT NULL, indicator TEXT, theme TEXT,\n"
    "  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL\n"
    ");\n"
    "CREATE INDEX targets_by_document ON targets(document_id);\n"
    "CREATE TABLE assignments (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
    "  ordinal INTEGER NOT NULL,\n"
    "  unit TEXT NOT NULL, unit_key TEXT NOT NULL, -- unit_key: folded for matching\n"
    "  role TEXT NOT NULL,                  -- lead | assigned | requested\n"
    "  section TEXT,\n"
    "  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL\n"
    ");\n"
    "CREATE INDEX assignments_by_document ON assignments(document_id);\n"
    "CREATE INDEX assignments_by_unit ON assignments(unit_key);\n"
    "CREATE TABLE tasks (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  assignment_id INTEGER NOT NULL REFERENCES assignments(id) ON DELETE CASCADE,\n"
    "  ordinal INTEGER NOT NULL,\n"
    "  text TEXT NOT NULL,\n"
    "  span_start INTEGER, span_end INTEGER\n"
    ");\n"
    "CREATE INDEX tasks_by_assignment ON tasks(assignment_id);\n"
    "CREATE TABLE sections (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
    "  parent_id INTEGER REFERENCES sections(id) ON DELETE CASCADE,\n"
    "  ordinal INTEGER NOT NULL,            -- position among its siblings\n"
    "  level INTEGER NOT NULL,\n"
    "  label TEXT NOT NULL,\n"
    "  path TEXT NOT NULL,                  -- labels from the top: II.1.a\n"
    "  title TEXT,\n"
    "  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,\n"
    "  body_start INTEGER NOT NULL, body_end INTEGER NOT NULL\n"
    ");\n"
    "CREATE INDEX sections_by_document ON sections(document_id);\n"
    "CREATE INDEX sections_by_parent ON sections(parent_id);\n"
    "CREATE TABLE warnings (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,\n"
    "  document_id INTEGER REFERENCES documents(id) ON DELETE CASCADE, -- NULL: about the file\n"
    "  code TEXT NOT NULL, message TEXT,\n"
    "  span_start INTEGER, span_end INTEGER\n"
    ");\n"
    "CREATE INDEX warnings_by_file ON warnings(file_id);\n"
    "CREATE INDEX warnings_by_document ON warnings(document_id);\n"
    "CREATE TABLE errors (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,\n"
    "  ordinal INTEGER NOT NULL,\n"
    "  code TEXT NOT NULL, message TEXT\n"
    ");\n"
    "CREATE INDEX errors_by_file ON errors(file_id);\n"
    /* A reference resolves to a stored document (never itself):
     *  number            same folded number, dates compatible (equal, or one
     *                    a prefix of the other, or either unknown);
     *  attached          the document carries no number but sits in the same
     *                    file as the citing one (a cover letter and the plan it
     *                    forwards), with the same type and the same full date;
     *  type_date_issuer  no number, another file: same type, same full date
     *                    and issuers that agree (one folded name a prefix of the
     *                    other: "ủy ban nhân dân tỉnh" ~ "… tỉnh tây ninh"). */
    "CREATE VIEW links AS\n"
    "SELECT r.id AS reference_id, r.document_id AS from_document_id,\n"
    "       d.id AS to_document_id, 'number' AS method\n"
    "  FROM \"references\" r JOIN documents d ON d.number_key = r.number_key\n"
    " WHERE d.id <> r.document_id\n"
    "   AND (r.date IS NULL OR d.date IS NULL\n"
    "        OR substr(d.date, 1, length(r.date)) = r.date\n"
    "        OR substr(r.date, 1, length(d.date)) = d.date)\n"
    "UNION ALL\n"
    "SELECT r.id, r.document_id, d.id,\n"
    "       CASE WHEN d.file_id = f.file_id THEN 'attached' ELSE 'type_date_issuer' END\n"
    "  FROM \"references\" r JOIN documents f ON f.id = r.document_id\n"
    "  JOIN documents d ON d.date = r.date AND d.doc_type = r.doc_type\n"
    " WHERE d.id <> f.id AND d.number_key IS NULL AND length(r.date) = 10\n"
    "   AND (d.file_id = f.file_id\n"
    "        OR (r.issuer_key IS NOT NULL AND d.issuer_key IS NOT NULL\n"
    "            AND (substr(d.issuer_key, 1, length(r.issuer_key)) = r.issuer_key\n"
    "                 OR substr(r.issuer_key, 1, length(d.issuer_key)) = d.issuer_key)));\n" SAME_DOCUMENT_VIEW;

/* Version 1 → 2: `files` loses UNIQUE(sha256) (SQLite cannot drop a
 * constraint: the table is rebuilt, ids kept, so children stay attached)
 * and the identity index and view appear.  Run with foreign keys off, in
 * one transaction. */
const char vb_store_migrate_v1_sql[] = FILES_TABLE(
    "files_v2") "INSERT INTO files_v2 SELECT id, path, sha256, format, bytes, status, error_code,\n"
                "       tool_version, imported_at FROM files;\n"
                "DROP TABLE files;\n"
                "ALTER TABLE files_v2 RENAME TO files;\n" FILES_INDEX SAME_DOCUMENT_VIEW;

/* Version 2 → 3: a recurring date keeps its rule (RFC 5545 RRULE). */
const char vb_store_migrate_v2_sql[] = "ALTER TABLE dates ADD COLUMN rule TEXT;\n";
