#!/bin/sh
# Install what vanban needs on a fresh Debian 12 machine: build libraries,
# and the tools the test suite uses (sanitizer runtime, xmllint,
# python3-jsonschema, valgrind, clang for the fuzzers, chromium for the
# report test, GNU parallel for the scale-out test, groff to render the man
# page in its test, cppcheck and clang-format for `make lint` and the format
# check).  Idempotent; safe to re-run.  --build-only skips test tools;
# --with-bench adds pandoc and python3-docx, the tools `make bench` compares
# against (and that scripts/make-docx-samples.sh needs, with LibreOffice).
set -eu
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
BUILD_PKGS="build-essential pkg-config libicu-dev libxml2-dev libpcre2-dev libzip-dev
 libjansson-dev libsqlite3-dev libssl-dev libgsf-1-dev"
TEST_PKGS="python3 python3-jsonschema libxml2-utils valgrind clang libclang-rt-14-dev
 chromium sqlite3 zip parallel groff-base cppcheck clang-format"
PKGS="$BUILD_PKGS"
[ "${1:-}" = "--build-only" ] || PKGS="$PKGS $TEST_PKGS"
[ "${1:-}" = "--with-bench" ] && PKGS="$PKGS pandoc python3-docx"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "install-deps: installing:$missing"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
echo "install-deps: ok"
