/* Placeholder until the XML writer lands. */
#include "xml_write.h"

vb_status vb_xml_write_result(const vb_result *r, FILE *f) {
    (void)r; (void)f;
    return VB_E_UNSUPPORTED;
}
