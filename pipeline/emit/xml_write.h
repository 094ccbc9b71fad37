/* xml_write.h — the same content as the contract JSON, as XML written with
 * libxml2's xmlTextWriter in the namespace VB_XML_NS, validated by
 * schemas/vanban.xsd.  All text goes through the writer's escaping.
 *
 * Mapping (see schemas/vanban.xsd for the full grammar):
 *   - element names are the JSON field names; an array is a container element
 *     holding one singular element per item (references/reference,
 *     header/recipients/recipient, header/distribution/entry, …); section
 *     children are nested <section> elements;
 *   - free text is element content; enums, numbers, spans (start/end, code
 *     points) and date values are attributes;
 *   - a JSON null (and an absent optional field) is an omitted element or
 *     attribute; an empty array is an empty container, so XML→JSON is exact;
 *   - a character XML 1.0 cannot carry (C0 controls other than tab/newline/CR,
 *     U+FFFE/U+FFFF, malformed UTF-8) is written as U+FFFD, one for one, so
 *     spans still count the same code points.
 * Numbers are written with the precision the JSON writer uses (10 digits).
 * An assignment's tasks and task_spans must be parallel (VB_E_INTERNAL if
 * not): each <task> carries its own span. */
#ifndef VB_XML_WRITE_H
#define VB_XML_WRITE_H
#include <stdio.h>

#include "../core/doc.h"
#include "sink.h"

#define VB_XML_NS "urn:vanban:result:1"

/* Write the whole result to f.  VB_E_IO on a write failure, VB_E_NOMEM, or
 * VB_E_INTERNAL when the model breaks an invariant above. */
vb_status vb_xml_write_result(const vb_result *r, FILE *f);

/* The same bytes written while the pipeline converts (sink.h), with one
 * xmlTextWriter that lives from new to free: begin writes up to <documents>,
 * document one <document>, end the rest and flushes f.  Each returns the
 * first failure (sticky); nothing is written after it.  The writer holds
 * no part of the result, only libxml2's output buffer (flushed to f as it
 * fills) and one scratch buffer.  vb_xml_sink makes the sink that calls
 * them on s (s stays the caller's: free it after the conversion). */
typedef struct vb_xml_stream vb_xml_stream;
vb_xml_stream *vb_xml_stream_new(FILE *f); /* NULL on no memory */
void vb_xml_stream_free(vb_xml_stream *s);
vb_status vb_xml_stream_begin(vb_xml_stream *s, const vb_result *r);
vb_status vb_xml_stream_document(vb_xml_stream *s, const vb_doc *d);
vb_status vb_xml_stream_end(vb_xml_stream *s, const vb_result *r);
vb_sink vb_xml_sink(vb_xml_stream *s);

#endif
