#include "progress.h"

#include <stdio.h>
#include <time.h>

double vb_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void vb_progress_init(vb_progress *p, size_t total, bool enabled) {
    p->enabled = enabled;
    p->shown = false;
    p->total = total;
    p->start = p->last_draw = vb_now();
}

void vb_progress_update(vb_progress *p, size_t done, size_t errors, bool force) {
    if (!p->enabled) return;
    double now = vb_now();
    if (!force && now - p->last_draw < 0.1) return;
    p->last_draw = now;
    double elapsed = now - p->start;
    double rate = elapsed > 0 ? (double)done / elapsed : 0;
    char eta[32] = "--:--";
    if (rate > 0 && done < p->total) {
        long s = (long)((double)(p->total - done) / rate + 0.5);
        snprintf(eta, sizeof eta, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    }
    fprintf(stderr, "\r\033[K%zu/%zu  %.1f files/s  ETA %s  %zu error%s", done, p->total, rate,
            done < p->total ? eta : "0:00:00", errors, errors == 1 ? "" : "s");
    fflush(stderr);
    p->shown = true;
}

void vb_progress_clear(vb_progress *p) {
    if (!p->enabled || !p->shown) return;
    fputs("\r\033[K", stderr);
    p->shown = false;
}
