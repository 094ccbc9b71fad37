#!/bin/bash
# Extractor cases (tests/extract/*.test) against BUILD/vanban.
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")/../.." && pwd)
exec python3 "$here/tests/extract/run.py" "$here/$build/vanban"
