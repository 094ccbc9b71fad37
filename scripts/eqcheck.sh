#!/bin/bash
# Equivalence check for changes that must not change output (a refactor, a
# speed-up): convert the same inputs with two builds and compare the JSON
# byte for byte.
#   scripts/eqcheck.sh OLD_VANBAN NEW_VANBAN [FILE|DIR ...]
# Inputs default to samples/ and, where it sits beside the repository,
# ../shared/corpus/real-dev/inputs.  Prints one line per input that
# differs and 'eqcheck: N same, N differ'; exit 1 when any differs.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 OLD_VANBAN NEW_VANBAN [FILE|DIR ...]" >&2; exit 2; }
old=$1 new=$2
shift 2
here=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -eq 0 ]; then
    set -- "$here/samples"
    [ -d "$here/../shared/corpus/real-dev/inputs" ] && set -- "$@" "$here/../shared/corpus/real-dev/inputs"
fi
same=0 differ=0
while IFS= read -r -d '' f; do
    a=$("$old" convert "$f" --format json 2>&1 || true)
    b=$("$new" convert "$f" --format json 2>&1 || true)
    if [ "$a" == "$b" ]; then
        same=$((same + 1))
    else
        differ=$((differ + 1))
        echo "differs: $f"
    fi
done < <(find "$@" -type f \( -name '*.txt' -o -name '*.docx' -o -name '*.doc' \) -print0 | sort -z)
echo "eqcheck: $same same, $differ differ"
[ "$differ" -eq 0 ]
