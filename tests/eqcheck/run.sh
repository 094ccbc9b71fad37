#!/bin/bash
# The fast scan paths (shared passes, cursors, anchors, first bytes,
# one-start matches) against the plain row-by-row scans on whole inputs:
# scripts/eqcheck.sh compares build/vanban's JSON with the same binary run
# with VANBAN_PLAIN_SCANS=1, byte for byte, over samples/ and, when it sits
# beside the repository, ../shared/corpus/real-dev/inputs.
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")/../.." && pwd)
unset VANBAN_PLAIN_SCANS
export VANBAN_EQ_BIN="$here/$build/vanban"
inputs=("$here/samples")
if [ -d "$here/../shared/corpus/real-dev/inputs" ]; then
    inputs+=("$here/../shared/corpus/real-dev/inputs")
else
    echo "eqcheck: real-dev skipped (no ../shared/corpus/real-dev beside the repository)"
fi
bash "$here/scripts/eqcheck.sh" "$VANBAN_EQ_BIN" "$here/tests/eqcheck/plain.sh" "${inputs[@]}"
