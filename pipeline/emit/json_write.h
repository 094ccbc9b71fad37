/* json_write.h — the contract JSON (shared/spec/contract.md) built with
 * jansson.  Spans are converted from internal byte offsets to code points.
 * Field order is fixed, so output is byte-stable for a given input. */
#ifndef VB_JSON_WRITE_H
#define VB_JSON_WRITE_H
#include <jansson.h>
#include <stdio.h>

#include "../core/doc.h"

#define VB_SCHEMA_VERSION "1.0"

enum { VB_JSON_PRETTY = 1u << 0, VB_JSON_COMPACT = 1u << 1 };

/* New reference to the whole result object, or NULL on no memory. */
json_t *vb_json_result(const vb_result *r);
/* One document object (what `documents[]` holds). */
json_t *vb_json_document(const vb_doc *d);
/* The facts alone: {references, dates, targets, assignments}. */
json_t *vb_json_facts(const vb_doc *d);
/* Span object {"start","end"} in code points. */
json_t *vb_json_span(const vb_doc *d, vb_span s);

/* Dump `v` to f followed by a newline; VB_E_IO on write failure. */
vb_status vb_json_dump(json_t *v, FILE *f, unsigned flags);

#endif
