#!/bin/sh
# Run every unit-test binary in BUILD/tests; print one total line.
build=${1:-build}
pass=0; fail=0; bad=0
for t in "$build"/tests/test_*; do
    [ -x "$t" ] || continue
    out=$("$t" 2>&1); rc=$?
    line=$(printf '%s\n' "$out" | grep -E '[0-9]+ passed, [0-9]+ failed' | tail -n 1)
    p=$(printf '%s' "$line" | sed -E 's/.* ([0-9]+) passed.*/\1/'); f=$(printf '%s' "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
    [ -n "$line" ] || { p=0; f=1; }
    if [ $rc -ne 0 ] || [ "$f" -ne 0 ]; then
        printf '%s\n' "$out" >&2; bad=1
        [ "$f" -eq 0 ] && f=1
    fi
    pass=$((pass + p)); fail=$((fail + f))
done
echo "unit ($build): $pass passed, $fail failed"
exit $bad
