#!/bin/sh
# Golden tests: tests/golden/check_outputs.py against BUILD/vanban, with the
# shared gold when it sits beside the repository (../shared/gold).
build=${1:-build}
here=$(cd "$(dirname "$0")/.." && pwd)
gold="$here/../shared/gold"
if [ -d "$gold" ]; then
    exec python3 "$here/tests/golden/check_outputs.py" "$here/$build/vanban" --gold "$gold"
fi
exec python3 "$here/tests/golden/check_outputs.py" "$here/$build/vanban"
