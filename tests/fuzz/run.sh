#!/bin/sh
# libFuzzer harnesses: build with clang (-fsanitize=fuzzer,address,undefined),
# replay the committed regression inputs, then fuzz each harness for SECONDS
# from the seed corpus built from samples/.
#
#   sh tests/fuzz/run.sh SECONDS        (make fuzz FUZZ_SECONDS=60)
#
# FUZZ_BUILD (default build-fuzz) holds the instrumented library, the
# harness binaries, the seeds and any crash artifacts; the growing corpora
# live in tests/fuzz/corpus-<harness>/ (git-ignored).  A crash, leak,
# sanitizer report or broken invariant fails the run; the input is in
# $FUZZ_BUILD/artifacts/.  Needs clang and libclang-rt-14-dev (Debian).
set -eu
seconds=${1:-60}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${FUZZ_BUILD:-build-fuzz}
case $build in /*) ;; *) build="$root/$build" ;; esac
cc=${FUZZ_CC:-clang}
if ! command -v "$cc" >/dev/null 2>&1; then
    echo "tests/fuzz: $cc not found (apt-get install -y clang libclang-rt-14-dev)" >&2
    exit 2
fi
pkgs="icu-uc icu-i18n libxml-2.0 libpcre2-8 libzip jansson sqlite3 libcrypto libgsf-1"
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"

# The library with coverage instrumentation, through the project Makefile
# (its own build dir; clang's warnings are not gcc's, so no -Werror here).
make -C "$root" --no-print-directory -s CC="$cc" BUILD="$build" WARN="-Wall -Wno-unused-parameter" \
    CFLAGS="-O1 -g -fsanitize=fuzzer-no-link $san" "$build/libvanban.a"

mkdir -p "$build/bin" "$build/artifacts"
for h in docx text extract doc; do
    "$cc" -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O1 -g -fsanitize=fuzzer $san \
        $(pkg-config --cflags $pkgs) "$here/fuzz_$h.c" "$build/libvanban.a" \
        $(pkg-config --libs $pkgs) -lpthread -lm -o "$build/bin/fuzz_$h"
done

rm -rf "$build/seeds"
python3 "$here/make_seeds.py" "$root/samples" "$build/seeds"

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
passed=0
failed=0
for h in docx text extract doc; do
    bin="$build/bin/fuzz_$h"
    log="$build/fuzz_$h.log"
    ok=1
    # 1. every input that once failed must pass now
    reg="$here/regressions/$h"
    if [ -d "$reg" ] && [ -n "$(ls -A "$reg" 2>/dev/null)" ]; then
        if ! "$bin" -rss_limit_mb=2560 -timeout=60 "$reg"/* >"$build/regress_$h.log" 2>&1; then
            echo "FAIL fuzz_$h: a regression input fails again (see $build/regress_$h.log)"
            tail -20 "$build/regress_$h.log"
            ok=0
        fi
    fi
    # 2. fuzz
    corpus="$here/corpus-$h"
    mkdir -p "$corpus"
    dict=""
    [ -f "$here/$h.dict" ] && dict="-dict=$here/$h.dict"
    case $h in docx|doc) maxlen=131072 ;; *) maxlen=16384 ;; esac
    if [ $ok = 1 ] && ! "$bin" -max_total_time="$seconds" -max_len=$maxlen -timeout=30 -rss_limit_mb=2560 \
        -print_final_stats=1 -artifact_prefix="$build/artifacts/$h-" $dict "$corpus" "$build/seeds/$h" \
        >"$log" 2>&1; then
        echo "FAIL fuzz_$h: see $log"
        grep -E "ERROR|SUMMARY|invariant|Test unit written" "$log" | head -10
        ok=0
    fi
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    if [ $ok = 1 ]; then
        passed=$((passed + 1))
        echo "ok   fuzz_$h: ${execs:-?} executions in ${seconds}s, corpus $(ls "$corpus" | wc -l) inputs"
    else
        failed=$((failed + 1))
    fi
done
echo "fuzz: $passed passed, $failed failed"
[ $failed = 0 ]
