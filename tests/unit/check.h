/* check.h — a minimal unit-test harness.  Each test file defines test
 * functions and a main that calls VB_RUN on each; the summary line
 * "N passed, N failed" is what CI reads. */
#ifndef VB_CHECK_H
#define VB_CHECK_H
#include <stdio.h>
#include <string.h>

static int vb_check_failed_in_test;
static int vb_tests_passed, vb_tests_failed;

#define CHECK(cond)                                                                    \
    do {                                                                               \
        if (!(cond)) {                                                                 \
            fprintf(stderr, "  %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); \
            vb_check_failed_in_test = 1;                                               \
        }                                                                              \
    } while (0)

#define CHECK_STR(got, want)                                                                  \
    do {                                                                                      \
        const char *g_ = (got), *w_ = (want);                                                 \
        if (!((g_ == NULL && w_ == NULL) || (g_ && w_ && strcmp(g_, w_) == 0))) {             \
            fprintf(stderr, "  %s:%d: %s == \"%s\", want \"%s\"\n", __FILE__, __LINE__, #got, \
                    g_ ? g_ : "(null)", w_ ? w_ : "(null)");                                  \
            vb_check_failed_in_test = 1;                                                      \
        }                                                                                     \
    } while (0)

#define CHECK_INT(got, want)                                                                       \
    do {                                                                                           \
        long long g_ = (long long)(got), w_ = (long long)(want);                                   \
        if (g_ != w_) {                                                                            \
            fprintf(stderr, "  %s:%d: %s == %lld, want %lld\n", __FILE__, __LINE__, #got, g_, w_); \
            vb_check_failed_in_test = 1;                                                           \
        }                                                                                          \
    } while (0)

#define VB_RUN(fn)                             \
    do {                                       \
        vb_check_failed_in_test = 0;           \
        fn();                                  \
        if (vb_check_failed_in_test) {         \
            vb_tests_failed++;                 \
            fprintf(stderr, "FAIL %s\n", #fn); \
        } else {                               \
            vb_tests_passed++;                 \
        }                                      \
    } while (0)

#define VB_SUMMARY(name) \
    (printf("%s: %d passed, %d failed\n", (name), vb_tests_passed, vb_tests_failed), vb_tests_failed ? 1 : 0)

#endif
