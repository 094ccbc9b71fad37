/* journal.h — OUTDIR/.vanban-journal.jsonl: the manifest line of every
 * finished input, appended with write(2) the moment the input is emitted,
 * so a run killed without warning (SIGKILL, the OOM killer, a reboot, a
 * scheduler's time limit) loses no finished work: the next run reads it
 * after the previous manifest and converts only the rest.  A run that ends
 * writes manifest.jsonl (in input order) and then removes the journal.
 *
 * The open journal is also the OUTDIR's lock (flock, released by the kernel
 * however the process ends): one batch per OUTDIR at a time.  Holding it, a
 * run may delete the temporary files killed runs left behind. */
#ifndef VB_BATCH_JOURNAL_H
#define VB_BATCH_JOURNAL_H
#include <stddef.h>

#include "../core/status.h"
#include "manifest.h"

#define VB_JOURNAL_NAME ".vanban-journal.jsonl"

typedef struct {
    int fd; /* -1: none */
    char *path;
} vb_journal;

/* Open (creating) and lock the journal of `outdir`, which must exist.
 * VB_E_IO with a message in err when it cannot be written or another
 * batch holds it. */
vb_status vb_journal_open(vb_journal *j, const char *outdir, char *err, size_t errlen);

/* Append rec as one line.  VB_E_IO (message names the file and the system
 * error) or VB_E_NOMEM. */
vb_status vb_journal_append(vb_journal *j, const vb_record *rec, char *err, size_t errlen);

/* The run is committed to manifest.jsonl: delete the journal, unlock. */
void vb_journal_remove(vb_journal *j);
/* Unlock and keep the journal (the run did not finish). */
void vb_journal_close(vb_journal *j);

/* Delete the ".NAME.tmp-XXXXXX" files (see atomic.h) below dir; returns
 * how many.  Only safe while holding dir's journal. */
size_t vb_remove_temporaries(const char *dir);

#endif
