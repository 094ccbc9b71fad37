/* json_out.h — a streaming JSON writer: values go to a FILE as they are
 * produced, through one fixed block, with no tree in between.
 *
 * Why not jansson's dumper: jansson can only dump a tree, and building the
 * tree of a result (one object per span) only to walk it again is waste.
 * The bytes are jansson's own layout, so that
 * readers see no change: JSON_INDENT(2) (or JSON_COMPACT), keys in the order
 * written, strings raw UTF-8 with jansson's escapes (\" \\ \b \f \n \r \t,
 * other controls as \u00XX), reals formatted by jansson itself
 * (JSON_REAL_PRECISION(10)).  tests/unit/test_json_out.c holds it to that:
 * jansson reloading and re-dumping the output must give the same bytes.
 *
 * Usage: open containers, write keys and values, close; the writer tracks
 * commas and indentation.  Errors (a write failure, ill-formed UTF-8 in a
 * string, nesting deeper than VB_JOUT_MAX_DEPTH) are sticky: check
 * vb_jout_finish once at the end; nothing is written after the first error
 * (and nothing of an ill-formed string), but what was flushed before it
 * stays in the FILE.
 *
 * Every string is checked as UTF-8 (Unicode's table 3-7, as jansson does),
 * including text the stages already produced well-formed: the check is the
 * last defence against broken JSON. */
#ifndef VB_JSON_OUT_H
#define VB_JSON_OUT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "../core/status.h"

enum { VB_JOUT_MAX_DEPTH = 64, VB_JOUT_BLOCK = 16384 };

typedef struct {
    FILE *f;
    bool compact;
    vb_status status; /* first error, sticky */
    unsigned depth;
    bool first[VB_JOUT_MAX_DEPTH]; /* no element written yet at this level */
    bool after_key;                /* next value follows a key: no separator */
    size_t len;
    char block[VB_JOUT_BLOCK];
} vb_jout;

void vb_jout_init(vb_jout *w, FILE *f, bool compact);

void vb_jout_object(vb_jout *w);
void vb_jout_object_end(vb_jout *w);
void vb_jout_array(vb_jout *w);
void vb_jout_array_end(vb_jout *w);

/* A key inside an object: one of the contract's names, written as it is
 * (ASCII letters, digits and '_': nothing that needs escaping). */
void vb_jout_key(vb_jout *w, const char *key);

void vb_jout_string(vb_jout *w, const char *s); /* NULL writes null */
void vb_jout_stringn(vb_jout *w, const char *s, size_t n);
void vb_jout_null(vb_jout *w);
void vb_jout_int(vb_jout *w, long long v);
void vb_jout_real(vb_jout *w, double v); /* NaN/inf: VB_E_INTERNAL, as jansson refuses them */

/* Bytes that are already JSON (jansson's dumper pieces), as they are. */
void vb_jout_raw(vb_jout *w, const char *p, size_t n);

/* Writes the final newline, flushes; returns the first error or VB_OK. */
vb_status vb_jout_finish(vb_jout *w);

#endif
