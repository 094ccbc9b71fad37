#!/bin/sh
# run.sh BUILD — vanban's benchmark (`make bench`).  Not a test: it never
# fails on timing; it fails only when it cannot run at all.
#
# Builds the in-process harness (bench_pipeline.c, used for the linearity
# rows and for profiling) against BUILD/libvanban.a, then hands over to
# bench.py, which makes the corpus, runs `vanban batch`, pandoc and
# python-docx, and prints the tables.  Sizes: BENCH_N (default 2000 DOCX and
# 2000 text files), BENCH_JOBS, BENCH_PANDOC_N, BENCH_SCALES, BENCH_KEEP=1 —
# see bench.py.
#
# Profiling helpers (not run by default):
#   BENCH_PROFILE=regex  also build BUILD/bench/bench_regex, the harness with
#                        pcre2_match/pcre2_compile wrapped (regex_profile.c):
#                        time, calls and bytes scanned per compiled pattern.
set -eu
BUILD=${1:-build}
HERE=$(dirname "$0")
OUT="$BUILD/bench"
mkdir -p "$OUT"
PKGS="icu-uc icu-i18n libxml-2.0 libpcre2-8 libzip jansson sqlite3 libcrypto libgsf-1"
CFLAGS_B="-std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra -Werror -O2 -g"
HARNESS="$OUT/bench_pipeline"
# shellcheck disable=SC2046
if ! ${CC:-cc} $CFLAGS_B $(pkg-config --cflags $PKGS) -o "$HARNESS" "$HERE/bench_pipeline.c" \
        "$BUILD/libvanban.a" $(pkg-config --libs $PKGS) -lpthread -lm; then
    echo "bench: the in-process harness did not build; linearity rows use vanban convert" >&2
    HARNESS=""
fi
if [ "${BENCH_PROFILE:-}" = regex ]; then
    # shellcheck disable=SC2046
    ${CC:-cc} $CFLAGS_B $(pkg-config --cflags $PKGS) \
        -Wl,--wrap=pcre2_compile_8 -Wl,--wrap=pcre2_match_8 -o "$OUT/bench_regex" \
        "$HERE/bench_pipeline.c" "$HERE/regex_profile.c" "$BUILD/libvanban.a" \
        $(pkg-config --libs $PKGS) -lpthread -lm
fi
exec python3 "$HERE/bench.py" "$BUILD" $HARNESS
