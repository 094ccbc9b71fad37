/* atomic.h — write a file so that readers see the old one or the whole new
 * one, never a part: a temporary file in the same folder, written, flushed,
 * then renamed over the target.  An interrupted run leaves at most a hidden
 * ".NAME.tmp-XXXXXX" behind, never a truncated result.
 *
 * Durability is the caller's choice: a `durable` write fsyncs the file before
 * the rename.  A batch writes its many results without it and makes them all
 * durable at once with vb_sync_folder before writing its manifest (durable),
 * the commit point of a run: one flush instead of one per file. */
#ifndef VB_BATCH_ATOMIC_H
#define VB_BATCH_ATOMIC_H
#include <stdbool.h>
#include <stdio.h>

#include "../core/status.h"

typedef vb_status (*vb_write_fn)(FILE *f, void *ctx);

/* Create the parent folders of `path`, then write it atomically with
 * fn(f, ctx).  VB_E_IO (message in err) when any step fails; fn's own
 * status is passed on. */
vb_status vb_atomic_write(const char *path, vb_write_fn fn, void *ctx, bool durable, char *err,
                          size_t errlen);

/* Flush everything written under `dir` to disk (syncfs on its filesystem). */
vb_status vb_sync_folder(const char *dir);

/* mkdir -p for the folder part of `path` (all but the last component). */
vb_status vb_make_parents(const char *path);

#endif
