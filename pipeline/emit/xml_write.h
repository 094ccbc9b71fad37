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

#define VB_XML_NS "urn:vanban:result:1"

/* Write the whole result to f.  VB_E_IO on a write failure, VB_E_NOMEM, or
 * VB_E_INTERNAL when the model breaks an invariant above. */
vb_status vb_xml_write_result(const vb_result *r, FILE *f);

#endif
