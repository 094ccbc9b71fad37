/* validate.h — check vanban results (JSON or XML) against schemas/.
 *
 * JSON is checked against vanban.schema.json by the interpreter in
 * jschema.h; XML against vanban.xsd by libxml2's XSD validator.  The kind is
 * detected from the content ('{' or '<' after an optional BOM and white
 * space), never from the file name.
 *
 * Inputs are treated as hostile: JSON with duplicate keys is rejected; XML is
 * parsed without network access, without entity substitution and within
 * libxml2's default size limits, and a document carrying a DTD is refused.
 * A malformed input is reported as a violation (it is not a valid result),
 * not as an I/O error.
 *
 * JSON Lines (what `vanban batch --ndjson` writes: one compact result a
 * line) is checked line by line, each violation with its 1-based line.  It
 * is detected when the first line holds a whole JSON value and more follows,
 * or asked for with VB_VALIDATE_JSONL.
 *
 * A vb_validator is immutable once opened and may be shared by threads. */
#ifndef VB_VALIDATE_H
#define VB_VALIDATE_H
#include <stddef.h>

#include "../core/status.h"

#define VB_JSON_SCHEMA_FILE "vanban.schema.json"
#define VB_XSD_FILE "vanban.xsd"

/* Inputs larger than this are refused as invalid rather than read. */
#define VB_VALIDATE_MAX_BYTES ((size_t)512 << 20)

typedef enum { VB_INPUT_UNKNOWN = 0, VB_INPUT_JSON, VB_INPUT_XML, VB_INPUT_JSONL } vb_input_kind;

/* How an input is read: by its content, or as JSON Lines whatever it looks like. */
typedef enum { VB_VALIDATE_AUTO = 0, VB_VALIDATE_JSONL } vb_validate_mode;

typedef struct vb_validator vb_validator;

/* One violation.  line: 1-based line in the input, or 0 when not known
 * (JSON values carry no position).  path: a JSON Pointer for JSON
 * ("/documents/0/dates/3/value", "" for the root) or an element path for XML
 * ("/result/documents/document[1]/dates/date[4]"). */
typedef void (*vb_validate_report)(void *ctx, long line, const char *path, const char *message);

/* Where the schemas live: `explicit_dir` if not NULL, else the first of
 * <exe dir>/../schemas, <exe dir>/../share/vanban/schemas, $VANBAN_SCHEMAS
 * that holds both schema files.  Writes it to out; VB_E_IO if none does. */
vb_status vb_schemas_dir_find(const char *explicit_dir, char *out, size_t outlen);

/* Load both schemas from dir.  On failure err says which file and why. */
vb_status vb_validator_open(const char *dir, vb_validator **out, char *err, size_t errlen);
void vb_validator_close(vb_validator *v);

vb_input_kind vb_validate_sniff(const char *data, size_t len);

/* VB_OK if data[0..len) is a valid result; VB_E_SCHEMA after reporting each
 * violation (also: malformed, neither JSON nor XML); VB_E_NOMEM. */
vb_status vb_validate_buffer(const vb_validator *v, const char *data, size_t len, vb_validate_report fn,
                             void *ctx);
/* The same for a file ("-" is stdin); VB_E_IO if it cannot be read. */
vb_status vb_validate_file(const vb_validator *v, const char *path, vb_validate_report fn, void *ctx);

/* The same two with a mode; *records (may be NULL) receives how many JSON
 * values were checked (the non-blank lines of JSON Lines, else 1). */
vb_status vb_validate_buffer_mode(const vb_validator *v, const char *data, size_t len, vb_validate_mode mode,
                                  vb_validate_report fn, void *ctx, size_t *records);
vb_status vb_validate_file_mode(const vb_validator *v, const char *path, vb_validate_mode mode,
                                vb_validate_report fn, void *ctx, size_t *records);

#endif
