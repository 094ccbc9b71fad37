#include "status.h"

static const struct {
    const char *code, *text;
} vb_status_table[VB_STATUS_COUNT] = {
    [VB_OK] = {"OK", "success"},
    [VB_E_IO] = {"E_IO", "cannot read the file"},
    [VB_E_NOMEM] = {"E_NOMEM", "out of memory or over the memory bound"},
    [VB_E_EMPTY] = {"E_EMPTY", "the input holds no text"},
    [VB_E_ENCODING] = {"E_ENCODING", "the bytes are not valid in any supported encoding"},
    [VB_E_LEGACY_ENCODING] = {"E_LEGACY_ENCODING", "legacy Vietnamese encoding not supported"},
    [VB_E_TOO_LARGE] = {"E_TOO_LARGE", "the input is larger than the configured bound"},
    [VB_E_ZIP_CORRUPT] = {"E_ZIP_CORRUPT", "the DOCX container is corrupt or truncated"},
    [VB_E_ZIP_NO_DOCUMENT] = {"E_ZIP_NO_DOCUMENT", "the zip holds no word/document.xml"},
    [VB_E_ZIP_ENCRYPTED] = {"E_ZIP_ENCRYPTED", "the DOCX entry is encrypted"},
    [VB_E_ZIP_BOMB] = {"E_ZIP_BOMB", "inflated size or ratio over the bound"},
    [VB_E_ZIP_TOO_MANY] = {"E_ZIP_TOO_MANY", "the zip has too many entries"},
    [VB_E_XML_MALFORMED] = {"E_XML_MALFORMED", "the XML is not well-formed"},
    [VB_E_XML_LIMIT] = {"E_XML_LIMIT", "the XML is over a nesting or size bound"},
    [VB_E_XML_DTD] = {"E_XML_DTD", "DTDs and entity declarations are refused"},
    [VB_E_UNSUPPORTED] = {"E_UNSUPPORTED", "unsupported input format"},
    [VB_E_USAGE] = {"E_USAGE", "bad command line"},
    [VB_E_INTERNAL] = {"E_INTERNAL", "internal error"},
    [VB_E_SCHEMA] = {"E_SCHEMA", "the document does not validate"},
    [VB_E_REGEX] = {"E_REGEX", "a rule failed"},
    [VB_E_DB] = {"E_DB", "database error"},
    [VB_E_INTERRUPTED] = {"E_INTERRUPTED", "interrupted"},
    [VB_E_DOC_CORRUPT] = {"E_DOC_CORRUPT", "the .doc (OLE2) file is corrupt or truncated"},
    [VB_E_NOT_DOCUMENT] = {"E_NOT_DOCUMENT", "binary data, not a document"},
};

const char *vb_status_code(vb_status s) {
    return (unsigned)s < VB_STATUS_COUNT ? vb_status_table[s].code : "E_INTERNAL";
}

const char *vb_status_text(vb_status s) {
    return (unsigned)s < VB_STATUS_COUNT ? vb_status_table[s].text : "internal error";
}

int vb_status_exit(vb_status s) {
    switch (s) {
    case VB_OK: return VB_EXIT_OK;
    case VB_E_USAGE: return VB_EXIT_USAGE;
    case VB_E_IO: return VB_EXIT_IO;
    case VB_E_SCHEMA: return VB_EXIT_INVALID;
    case VB_E_INTERNAL:
    case VB_E_NOMEM: return VB_EXIT_INTERNAL;
    default: return VB_EXIT_REFUSED;
    }
}
