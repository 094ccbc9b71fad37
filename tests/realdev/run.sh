#!/bin/bash
# Accuracy on real documents beyond the seeds: ../shared/corpus/real-dev
# scored by ../shared/tools/score.py, held to tests/realdev/floors.json (no
# field may fall below its floor, nor the macro F1, nor may more files split
# wrong).  A clone without ../shared skips the check and says so.
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")/../.." && pwd)
shared="$here/../shared"
if [ ! -f "$shared/tools/score.py" ] || [ ! -d "$shared/corpus/real-dev/gold" ]; then
    echo "realdev: skipped (no ../shared/corpus/real-dev beside the repository)"
    exit 0
fi
exec python3 "$here/tests/realdev/check_floors.py" "$here/tests/realdev/floors.json" \
    python3 "$shared/tools/score.py" --gold "$shared/corpus/real-dev/gold" \
    --inputs "$shared/corpus/real-dev/inputs" --cmd "$here/$build/vanban convert {} --format json" --json
