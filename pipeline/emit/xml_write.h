/* xml_write.h — the same content as the contract JSON, as XML written with
 * libxml2's xmlTextWriter in the namespace VB_XML_NS, validated by
 * schemas/vanban.xsd.  All text goes through the writer's escaping. */
#ifndef VB_XML_WRITE_H
#define VB_XML_WRITE_H
#include <stdio.h>

#include "../core/doc.h"

#define VB_XML_NS "urn:vanban:result:1"

vb_status vb_xml_write_result(const vb_result *r, FILE *f);

#endif
