/* progress.h — the one-line progress report of a batch on stderr:
 * "done/total  files/s  ETA  errors", redrawn in place at most ten times a
 * second, and only when stderr is a terminal (logs stay clean).  Other
 * stderr lines call vb_progress_clear first so they do not mix. */
#ifndef VB_BATCH_PROGRESS_H
#define VB_BATCH_PROGRESS_H
#include <stdbool.h>
#include <stddef.h>

typedef struct {
    bool enabled;
    bool shown; /* a line is on screen */
    size_t total;
    double start, last_draw;
} vb_progress;

/* Seconds on a monotonic clock. */
double vb_now(void);

void vb_progress_init(vb_progress *p, size_t total, bool enabled);
void vb_progress_update(vb_progress *p, size_t done, size_t errors, bool force);
void vb_progress_clear(vb_progress *p);

#endif
