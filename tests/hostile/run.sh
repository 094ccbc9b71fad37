#!/bin/sh
# Hostile and broken input: every case must end in a result JSON, a stable
# error code for refused input, no crash, no sanitizer report, no leak.
#
#   sh tests/hostile/run.sh BUILD_DIR        (e.g. build, or build-san for ASan+UBSan)
#
# The corpus is generated (python3 stdlib only) into tests/hostile/corpus/,
# which git ignores.  On a plain build the small cases also run under
# Valgrind memcheck when valgrind is installed; on a sanitizer build the
# sanitizers do that job.  Environment: HOSTILE_BIG=0 leaves out the 100 MB
# text file; HOSTILE_VALGRIND=0 skips Valgrind.
set -eu
build=${1:?usage: sh tests/hostile/run.sh BUILD_DIR}
here=$(dirname "$0")
corpus=${HOSTILE_CORPUS:-$here/corpus}
if [ ! -x "$build/vanban" ]; then
    echo "tests/hostile: $build/vanban is not built" >&2
    exit 2
fi
big=""
[ "${HOSTILE_BIG:-1}" = 0 ] && big="--no-big"
mode=""
if ! grep -q __asan_init "$build/vanban" 2>/dev/null; then
    mode="--rss-bound" # the memory bound holds for plain builds
    [ -z "$big" ] && big="--memory-case"
    # peak RSS measured from a small parent (see peak_rss.c)
    peak="$build/tests/peak_rss"
    mkdir -p "$build/tests"
    if ${CC:-cc} -O2 -Wall -Wextra -Werror -o "$peak" "$here/peak_rss.c"; then
        mode="$mode --peak-rss $peak"
    else
        echo "tests/hostile: peak_rss did not build: peak RSS read by wait4 in check.py" >&2
    fi
fi
python3 "$here/gen_corpus.py" "$corpus" $big
if grep -q __asan_init "$build/vanban" 2>/dev/null; then
    echo "tests/hostile: sanitizer build: ASan/UBSan reports fail a case; no Valgrind"
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:allocator_may_return_null=1}
    UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
    export ASAN_OPTIONS UBSAN_OPTIONS
elif [ "${HOSTILE_VALGRIND:-1}" != 0 ]; then
    mode="$mode --valgrind"
fi
exec python3 "$here/check.py" "$build" "$corpus" $mode
