/* regex_profile.c — link-time wrappers (ld --wrap) around pcre2_compile_8 and
 * pcre2_match_8 that count, per compiled pattern, the calls, the bytes of
 * subject each call could scan (length - start offset) and the time spent.
 * Linked only into the profiling build of bench_pipeline; at exit it prints
 * the patterns that cost most to stderr.  Not thread-safe, by design: it is
 * used with one worker. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

pcre2_code *__real_pcre2_compile_8(PCRE2_SPTR, PCRE2_SIZE, uint32_t, int *, PCRE2_SIZE *,
                                   pcre2_compile_context *);
int __real_pcre2_match_8(const pcre2_code *, PCRE2_SPTR, PCRE2_SIZE, PCRE2_SIZE, uint32_t, pcre2_match_data *,
                         pcre2_match_context *);
pcre2_code *__wrap_pcre2_compile_8(PCRE2_SPTR, PCRE2_SIZE, uint32_t, int *, PCRE2_SIZE *,
                                   pcre2_compile_context *);
int __wrap_pcre2_match_8(const pcre2_code *, PCRE2_SPTR, PCRE2_SIZE, PCRE2_SIZE, uint32_t, pcre2_match_data *,
                         pcre2_match_context *);

typedef struct {
    const pcre2_code *code;
    char pattern[120];
    unsigned long compiles;
    unsigned long long calls, hits, scan_bytes;
    double seconds;
} pattern_stat;

enum { MAX_PATTERNS = 4096 };
static pattern_stat stats[MAX_PATTERNS];
static size_t n_stats;
static unsigned long long total_compiles;

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static pattern_stat *find(const pcre2_code *c) {
    for (size_t i = n_stats; i-- > 0;)
        if (stats[i].code == c) return &stats[i];
    return NULL;
}

static int by_seconds(const void *a, const void *b) {
    double x = ((const pattern_stat *)a)->seconds, y = ((const pattern_stat *)b)->seconds;
    return x < y ? 1 : x > y ? -1 : 0;
}

static void report(void) {
    double total = 0;
    for (size_t i = 0; i < n_stats; i++) total += stats[i].seconds;
    qsort(stats, n_stats, sizeof *stats, by_seconds);
    fprintf(stderr, "regex profile: %zu compiled patterns (%llu compiles), %.3f s in pcre2_match\n", n_stats,
            total_compiles, total);
    fprintf(stderr, "%8s %6s %10s %8s %12s  %s\n", "seconds", "share", "calls", "hits", "scan bytes",
            "pattern (start)");
    for (size_t i = 0; i < n_stats && i < 25; i++)
        fprintf(stderr, "%8.3f %5.1f%% %10llu %8llu %12llu  %s\n", stats[i].seconds,
                total > 0 ? 100 * stats[i].seconds / total : 0, stats[i].calls, stats[i].hits,
                stats[i].scan_bytes, stats[i].pattern);
}

pcre2_code *__wrap_pcre2_compile_8(PCRE2_SPTR pat, PCRE2_SIZE len, uint32_t opts, int *ec, PCRE2_SIZE *eo,
                                   pcre2_compile_context *cc) {
    pcre2_code *c = __real_pcre2_compile_8(pat, len, opts, ec, eo, cc);
    total_compiles++;
    if (total_compiles == 1) atexit(report);
    if (c && n_stats < MAX_PATTERNS) {
        pattern_stat *s = &stats[n_stats++];
        memset(s, 0, sizeof *s);
        s->code = c;
        size_t n = len == PCRE2_ZERO_TERMINATED ? strlen((const char *)pat) : len;
        if (n >= sizeof s->pattern) n = sizeof s->pattern - 1;
        memcpy(s->pattern, pat, n);
        for (size_t i = 0; i < n; i++)
            if (s->pattern[i] == '\n') s->pattern[i] = ' ';
    }
    return c;
}

int __wrap_pcre2_match_8(const pcre2_code *c, PCRE2_SPTR subj, PCRE2_SIZE len, PCRE2_SIZE start,
                         uint32_t opts, pcre2_match_data *md, pcre2_match_context *mc) {
    double t0 = now_seconds();
    int rc = __real_pcre2_match_8(c, subj, len, start, opts, md, mc);
    double dt = now_seconds() - t0;
    pattern_stat *s = find(c);
    if (s) {
        s->calls++;
        s->hits += rc > 0;
        s->scan_bytes += len > start ? len - start : 0;
        s->seconds += dt;
    }
    return rc;
}
