/* jschema.h — a small JSON Schema (draft 2020-12) validator over jansson.
 *
 * It interprets the schema document itself; nothing about vanban's shape is
 * coded here.  Supported keywords (anything else in a schema object is
 * refused at load time, so a schema never silently means less than it says):
 *   applicators  $ref (local: "#" or "#/json/pointer"), allOf, anyOf, oneOf,
 *                not, if/then/else, properties, additionalProperties, items
 *   assertions   type (name or array of names), enum, const, required,
 *                pattern (PCRE2, UTF|UCP, $ matches only at the very end),
 *                minLength, maxLength (code points), minimum, maximum,
 *                minItems, maxItems
 *   annotations  $schema, $id, $comment, $defs, title, description, default,
 *                examples (accepted and ignored)
 * Boolean schemas (true/false) are supported.  1.0 counts as an integer.
 *
 * Violations are reported with the JSON Pointer of the offending value
 * ("/documents/0/dates/3/value"; "" is the root).  When no alternative of an
 * anyOf/oneOf matches, the violations of the closest alternative (fewest
 * violations) are reported.
 *
 * A loaded schema is immutable: one vb_jschema may validate from several
 * threads at once. */
#ifndef VB_JSCHEMA_H
#define VB_JSCHEMA_H
#include <jansson.h>
#include <stddef.h>

#include "../core/status.h"

typedef struct vb_jschema vb_jschema;

/* Called once per violation, in document order. */
typedef void (*vb_jschema_report)(void *ctx, const char *pointer, const char *message);

/* Compile `schema` (a new reference is taken).  On a schema this validator
 * cannot honour returns VB_E_SCHEMA with the reason (and its location in the
 * schema) in err; VB_E_NOMEM / VB_E_REGEX likewise. */
vb_status vb_jschema_compile(json_t *schema, vb_jschema **out, char *err, size_t errlen);
/* Read and compile a schema file (VB_E_IO if unreadable, VB_E_SCHEMA if not
 * JSON or not a supported schema). */
vb_status vb_jschema_load(const char *path, vb_jschema **out, char *err, size_t errlen);
void vb_jschema_free(vb_jschema *s);

/* VB_OK when instance is valid; VB_E_SCHEMA after reporting every violation
 * through fn (which may be NULL to only count); VB_E_NOMEM.  If `count` is
 * not NULL it receives the number of violations. */
vb_status vb_jschema_validate(const vb_jschema *s, const json_t *instance, vb_jschema_report fn, void *ctx,
                              size_t *count);

#endif
