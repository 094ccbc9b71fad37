/* status.h — every failure vanban can report, with a stable code string.
 *
 * The code strings (vb_status_code) are an API: they appear in results, the
 * batch manifest and the SQLite store, and the README lists them.  Add new
 * codes at the end; never rename one. */
#ifndef VB_STATUS_H
#define VB_STATUS_H

typedef enum {
    VB_OK = 0,
    VB_E_IO,              /* file cannot be opened or read */
    VB_E_NOMEM,           /* allocation failed or a memory bound was hit */
    VB_E_EMPTY,           /* 0-byte input or no text at all */
    VB_E_ENCODING,        /* bytes not valid in any supported encoding */
    VB_E_LEGACY_ENCODING, /* legacy Vietnamese encoding we refuse to guess */
    VB_E_TOO_LARGE,       /* input over the configured size bound */
    VB_E_ZIP_CORRUPT,     /* not a readable zip container */
    VB_E_ZIP_NO_DOCUMENT, /* zip without word/document.xml */
    VB_E_ZIP_ENCRYPTED,   /* encrypted entry */
    VB_E_ZIP_BOMB,        /* inflated size or ratio over the bound */
    VB_E_ZIP_TOO_MANY,    /* more entries than the bound */
    VB_E_XML_MALFORMED,   /* XML not well-formed (message has line:col) */
    VB_E_XML_LIMIT,       /* nesting depth / entity / size bound hit */
    VB_E_XML_DTD,         /* DTD or entity declarations refused */
    VB_E_UNSUPPORTED,     /* a format we do not read (e.g. .doc, PDF) */
    VB_E_USAGE,           /* bad command line */
    VB_E_INTERNAL,        /* a bug: please report */
    VB_E_SCHEMA,          /* output does not validate */
    VB_E_REGEX,           /* a rule failed to compile or match */
    VB_E_DB,              /* SQLite store error */
    VB_E_INTERRUPTED,     /* stopped by a signal */
    VB_E_DOC_CORRUPT,     /* .doc: OLE2 container or Word structures unreadable */
    VB_E_NOT_DOCUMENT,    /* binary data: neither a zip, an OLE2 file nor text */
    VB_STATUS_COUNT
} vb_status;

/* Stable machine code, e.g. "E_ZIP_BOMB"; "OK" for VB_OK. */
const char *vb_status_code(vb_status s);
/* Short English description for messages. */
const char *vb_status_text(vb_status s);
/* Process exit codes (README "Exit codes"): commands return these names,
 * never the numbers, and vb_status_exit maps a status onto one. */
enum {
    VB_EXIT_OK = 0,
    VB_EXIT_USAGE = 2,
    VB_EXIT_IO = 3,
    VB_EXIT_REFUSED = 4,      /* the input was refused (unreadable, too large…) */
    VB_EXIT_INVALID = 5,      /* output does not validate */
    VB_EXIT_INTERNAL = 70,    /* a bug, or out of memory (sysexits' EX_SOFTWARE) */
    VB_EXIT_INTERRUPTED = 130 /* stopped by a signal (128 + SIGINT) */
};

/* Process exit code for a command that failed with s (see README). */
int vb_status_exit(vb_status s);

#endif
