#!/bin/bash
# tests/cli/run.sh BUILD — what a newcomer meets first:
#   1. usage errors: exit 2, one line naming the option or the missing piece,
#      then a pointer to --help (and nothing else);
#   2. -V / version, --help's exit codes, convert of a folder or a missing
#      file, -o to a folder that does not exist;
#   3. validate on JSON Lines (a batch --ndjson stream with one broken line);
#   4. the man page: renders without warnings, names every command and
#      option that --help lists, and `man vanban` finds it after make install;
#   5. GNU parallel (Debian package `parallel`; SKIP without it): the README's
#      recipes split a list into jobs and the merged output equals one run.
# Prints "cli (BUILD): N passed, N failed"; exit 1 on any failure.
set -u
build=${1:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=$root/$build/vanban
out=$root/tests/out/cli
pass=0; fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "  FAIL: $*"; }
[ -x "$bin" ] || { echo "cli: $bin not built"; echo "cli ($build): 0 passed, 1 failed"; exit 1; }
rm -rf "$out"; mkdir -p "$out"
cd "$root"

# ---- 1. usage errors ---------------------------------------------------------
# usage_error WORDS-THE-FIRST-LINE-MUST-HOLD -- ARGS...
usage_error() {
    local want=$1; shift 2
    local cmd=""
    case ${1:-} in convert|batch|validate|compare|ingest|normalize|segment|extract) cmd=" $1" ;; esac
    "$bin" "$@" > "$out/u.out" 2> "$out/u.err" < /dev/null
    local rc=$? first second n
    n=$(wc -l < "$out/u.err")
    first=$(sed -n 1p "$out/u.err")
    second=$(sed -n 2p "$out/u.err")
    if [ $rc -eq 2 ] && [ "$n" -eq 2 ] && [ ! -s "$out/u.out" ] &&
        [[ $first == "vanban"*": "* ]] && [[ $first == *"$want"* ]] &&
        [ "$second" = "Try 'vanban$cmd --help' for more information." ]; then ok
    else bad "vanban $* -> exit $rc, stderr: $(head -c 300 "$out/u.err")"; fi
}
echo "cli: usage errors"
usage_error "no COMMAND" -- 
usage_error "'frobnicate'" -- frobnicate
usage_error "'--frob'" -- --frob
usage_error "--format takes json or xml, not 'yaml'" -- convert samples/001_8a9538f428947bda.txt --format yaml
usage_error "--format needs a value" -- convert samples/001_8a9538f428947bda.txt --format
usage_error "-o needs a value" -- convert samples/001_8a9538f428947bda.txt -o
usage_error "no FILE" -- convert
usage_error "one FILE at a time" -- convert a.txt b.txt
usage_error "unknown option '--bogus'" -- convert --bogus a.txt
usage_error "--tone" -- convert --tone loud a.txt
usage_error "--max-input-bytes" -- convert --max-input-bytes 0 a.txt
usage_error "no output" -- compare samples/001_8a9538f428947bda.txt
usage_error "no INPUT" -- compare --md
usage_error "--html needs a value" -- compare samples/001_8a9538f428947bda.txt --html
usage_error "--only-type" -- compare samples/001_8a9538f428947bda.txt --md --only-type ,
usage_error "unknown option '-x'" -- compare -x a.txt --md
usage_error "no FILE" -- validate
usage_error "--schemas needs a value" -- validate --schemas
usage_error "unknown option '--strict'" -- validate --strict x.json
usage_error "no FILE" -- segment
usage_error "one FILE at a time" -- extract a.txt b.txt
usage_error "unknown option '--map'" -- extract --map a.txt
usage_error "--tone" -- normalize --tone x a.txt
usage_error "no INPUT and no --files-from" -- batch -o out
usage_error "-o OUTDIR is needed" -- batch samples
usage_error "-j takes a number from 1 to 1024" -- batch samples -o out -j0
usage_error "unknown option or missing value: --bogus" -- batch --bogus samples -o out
usage_error "unknown option or missing value: -o" -- batch samples -o
usage_error "-j takes a number from 1 to 1024" -- batch samples -o out -j 2x
usage_error "--tone" -- batch --tone loud samples -o out
usage_error "--format takes json or xml" -- batch samples -o out --format yaml

# ---- 2. version, help, unreadable inputs -------------------------------------
echo "cli: version, help, unreadable inputs"
v=$("$bin" --version)
[[ $v == "vanban "[0-9]* ]] && ok || bad "--version said '$v'"
[ "$("$bin" -V)" = "$v" ] && [ "$("$bin" version)" = "$v" ] && ok || bad "-V and version differ from --version"
"$bin" --help > "$out/help.txt" && grep -q '130' "$out/help.txt" && ok || bad "--help lists no exit 130"
grep -q 'man vanban' "$out/help.txt" && ok || bad "--help does not point to the man page"
"$bin" convert --help | grep -q -- '-o, --output' && ok || bad "convert --help lacks --output"

"$bin" convert samples > "$out/dir.json" 2> "$out/dir.err"; rc=$?
[ $rc -eq 3 ] && grep -qi 'samples: is a directory' "$out/dir.err" && [ "$(wc -l < "$out/dir.err")" -eq 1 ] &&
    ok || bad "convert of a folder: exit $rc, $(cat "$out/dir.err")"
python3 - "$out/dir.json" <<'EOF' && ok || bad "convert of a folder: result"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["source"]["format"] is None and r["documents"] == [], r["source"]
assert "is a directory" in r["errors"][0]["message"].lower(), r["errors"]
EOF
"$bin" convert "$out/missing.txt" > "$out/missing.json" 2> "$out/missing.err"; rc=$?
[ $rc -eq 3 ] && grep -q '"format": null' "$out/missing.json" && ok ||
    bad "missing file: exit $rc, $(grep format "$out/missing.json")"
"$bin" convert "$out/missing.txt" --format xml 2> /dev/null | grep -q 'format=' &&
    bad "missing file: XML claims a format" || ok
"$bin" validate -q "$out/missing.json" "$out/dir.json" && ok || bad "a missing file's result does not validate"
"$bin" convert samples/001_8a9538f428947bda.txt -o "$out/no/such/dir/x.json" > /dev/null 2> "$out/o.err"; rc=$?
[ $rc -eq 3 ] && grep -q "^vanban convert: cannot write $out/no/such/dir/x.json: No such file or directory$" "$out/o.err" &&
    ok || bad "-o into a missing folder: exit $rc, $(cat "$out/o.err")"

# ---- 3. validate reads JSON Lines --------------------------------------------
echo "cli: validate JSON Lines"
ls samples/*.txt > "$out/list.txt"
"$bin" batch --files-from "$out/list.txt" --ndjson -q > "$out/all.ndjson" || bad "batch --ndjson exited $?"
n=$(wc -l < "$out/all.ndjson")
"$bin" validate "$out/all.ndjson" > "$out/v.out" 2> "$out/v.err" && [ ! -s "$out/v.out" ] &&
    grep -q "($n JSON Lines records checked)" "$out/v.err" && ok || bad "a valid stream: $(cat "$out/v.out" "$out/v.err" | head -5)"
# line 2 gets an unknown field, line 3 is cut short: both named with their line
python3 - "$out/all.ndjson" "$out/broken.ndjson" <<'EOF'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
lines[1] = lines[1].replace('"schema_version":"1.0"', '"schema_version":"1.0","colour":"red"', 1)
lines[2] = lines[2][: len(lines[2]) // 2]
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(lines) + "\n")
EOF
"$bin" validate "$out/broken.ndjson" > "$out/b.out" 2> /dev/null; rc=$?
[ $rc -eq 5 ] && ok || bad "a broken stream exits $rc, not 5"
grep -qx "$out/broken.ndjson:2: /colour: unknown field \"colour\"" "$out/b.out" && ok || bad "line 2's violation: $(cat "$out/b.out")"
grep -q "^$out/broken.ndjson:3: malformed JSON" "$out/b.out" && ok || bad "line 3's violation: $(cat "$out/b.out")"
[ "$(grep -c . "$out/b.out")" -eq 2 ] && ok || bad "other lines reported: $(cat "$out/b.out")"
"$bin" validate -q --jsonl - < "$out/broken.ndjson" | grep -q '^-:2: /colour' && ok || bad "--jsonl on stdin"
head -1 "$out/all.ndjson" > "$out/one.ndjson"
"$bin" validate --jsonl -q "$out/one.ndjson" && ok || bad "--jsonl: a one-line stream"
"$bin" batch samples/001_8a9538f428947bda.txt samples/002_1650eb5d82567ecd.txt -o "$out/b1" -q
"$bin" validate -q "$out/b1/manifest.jsonl" | grep -q '^.*manifest.jsonl:1: a `vanban batch` manifest record, not a result' &&
    ok || bad "a manifest line is named as such"
"$bin" validate -q "$(find "$out/b1" -name '001_*.json')" && ok || bad "a pretty result is still one JSON"

# ---- 3b. recurring deadlines carry their rule ---------------------------------
echo "cli: recurring deadlines"
cat > "$out/recur.txt" <<'EOF'
ỦY BAN NHÂN DÂN QUẬN 3
Số: 15/KH-UBND
Quận 3, ngày 05 tháng 01 năm 2024
KẾ HOẠCH
Thực hiện công tác năm 2024
Định kỳ hàng quý (trước ngày 10 của tháng cuối quý) và báo cáo năm trước ngày 15/12 hằng năm.
Định kỳ 6 tháng, Phòng Văn hóa báo cáo trước ngày 20 hằng tháng và ngày 05 tháng đầu quý sau.
Giao ban hằng tuần; hạn chót ngày 30/6/2024.
EOF
"$bin" convert "$out/recur.txt" > "$out/recur.json" 2> /dev/null || bad "convert of recurring deadlines exited $?"
python3 - "$out/recur.json" <<'EOF' && ok || bad "recurring deadlines: role, recurrence and rule"
import json, sys
dates = json.load(open(sys.argv[1]))["documents"][0]["dates"]
got = {d["text"]: (d["role"], d["value"], d.get("recurrence"), d.get("rule")) for d in dates}
want = {
    "Định kỳ hàng quý": ("recurring", None, "quarterly", "FREQ=MONTHLY;INTERVAL=3"),
    "ngày 10 của tháng cuối quý": ("recurring", None, "quarterly", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=10"),
    "ngày 15/12 hằng năm": ("recurring", None, "yearly", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15"),
    "Định kỳ 6 tháng": ("recurring", None, "every 6 months", "FREQ=MONTHLY;INTERVAL=6"),
    "ngày 20 hằng tháng": ("recurring", None, "monthly", "FREQ=MONTHLY;BYMONTHDAY=20"),
    "ngày 05 tháng đầu quý sau": ("recurring", None, "quarterly", "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=5"),
    "hằng tuần": ("recurring", None, "weekly", "FREQ=WEEKLY"),
    "ngày 30/6/2024": ("deadline", "2024-06-30", None, None),
}
bad = {k: (got.get(k), v) for k, v in want.items() if got.get(k) != v}
assert not bad, bad
EOF
"$bin" validate -q "$out/recur.json" && ok || bad "a result with rules validates"
"$bin" convert "$out/recur.txt" --format xml 2> /dev/null > "$out/recur.xml"
grep -q 'rule="FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15"' "$out/recur.xml" && "$bin" validate -q "$out/recur.xml" &&
    ok || bad "the XML result carries the rule and validates"

# ---- 4. the man page ----------------------------------------------------------
echo "cli: man page"
man1=docs/vanban.1
if command -v groff > /dev/null; then
    groff -k -mdoc -Tutf8 -ww -z "$man1" 2> "$out/groff.err" && [ ! -s "$out/groff.err" ] && ok ||
        bad "groff warns: $(head -3 "$out/groff.err")"
    # ASCII hyphens, no hyphenation or adjustment: options come out whole
    groff -k -mdoc -Tascii -P-cbou -rHY=0 -dAD=l "$man1" 2> /dev/null > "$out/man.txt"
    for c in $("$bin" --help | awk '/^commands:/ {on = 1; next} on && /^  [a-z]/ {print $1} /^$/ && on {on = 0}'); do
        grep -Eq "(^|[^a-z])$c([^a-z]|$)" "$out/man.txt" && ok || bad "man page lacks the command $c"
        opts=$("$bin" "$c" --help 2> /dev/null | grep -oE '(^|[ ,[])--?[a-zA-Z][a-zA-Z-]*' | sed 's/^[ ,[]//' | sort -u)
        for o in $opts; do
            grep -Eq -- "(^|[^a-zA-Z-])$o([^a-zA-Z-]|\$)" "$out/man.txt" && ok || bad "man page lacks $c's option $o"
        done
    done
else
    echo "  SKIP: groff not installed (Debian package groff-base)"
fi
dest=$out/dest
make --no-print-directory -s install BUILD="$build" DESTDIR="$dest" PREFIX=/usr > "$out/install.log" 2>&1 || bad "make install: $(tail -3 "$out/install.log")"
[ -f "$dest/usr/share/man/man1/vanban.1" ] && ok || bad "make install put no man page in share/man/man1"
if command -v man > /dev/null; then
    MANPATH=$dest/usr/share/man man vanban 2> /dev/null | grep -q 'vanban convert' && ok || bad "man vanban finds nothing after make install"
fi

# ---- 5. GNU parallel -----------------------------------------------------------
echo "cli: GNU parallel"
if command -v parallel > /dev/null; then
    export PATH="$root/$build:$PATH"
    # every sample, both DOCX forms, one input that cannot be read
    { ls samples/*.txt; find samples/docx -name '*.docx' | sort; echo "$out/missing.docx"; } > "$out/plist.txt"
    vanban batch --files-from - --ndjson -q < "$out/plist.txt" > "$out/one.ndjson"
    # the README's recipe, on this machine, 3 inputs a job
    parallel --pipe -N 3 'vanban batch --files-from - --ndjson -q' < "$out/plist.txt" > "$out/par.ndjson"
    [ "$(wc -l < "$out/one.ndjson")" -eq "$(wc -l < "$out/plist.txt")" ] && ok || bad "one run: not one line per input"
    cmp -s <(sort "$out/one.ndjson") <(sort "$out/par.ndjson") && ok || bad "parallel --pipe: not the lines of one run"
    parallel --pipe -k -N 3 'vanban batch --files-from - --ndjson -q' < "$out/plist.txt" > "$out/park.ndjson"
    cmp -s "$out/one.ndjson" "$out/park.ndjson" && ok || bad "parallel --pipe -k: not byte for byte one run"
    "$bin" validate -q "$out/par.ndjson" 2> /dev/null; [ $? -eq 0 ] && ok || bad "the merged stream does not validate"
    # the README's other recipe: each job its own OUTDIR, manifests merged
    parallel --pipe -N 3 "vanban batch --files-from - -o $out/part-{#} -q" < "$out/plist.txt"
    cat "$out"/part-*/manifest.jsonl > "$out/manifest.jsonl"
    vanban batch --files-from - -o "$out/whole" -q < "$out/plist.txt"
    python3 - "$out/manifest.jsonl" "$out/whole/manifest.jsonl" <<'EOF' && ok || bad "merged manifests differ from one run's"
import json, sys
def rows(p):
    return sorted(json.dumps([r[k] for k in ("path", "sha256", "status", "error_code", "documents", "facts")])
                  for r in map(json.loads, open(p, encoding="utf-8")))
a, b = rows(sys.argv[1]), rows(sys.argv[2])
assert a == b and len(a) > 10, (len(a), len(b))
EOF
    same=1
    while IFS= read -r m; do
        o=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1]).get("output") or "")' "$m")
        [ -n "$o" ] || continue
        part=$(ls "$out"/part-*/"$o" 2> /dev/null | head -1)
        cmp -s "$part" "$out/whole/$o" || { same=0; echo "  differs: $o"; }
    done < "$out/whole/manifest.jsonl"
    [ $same -eq 1 ] && ok || bad "result files of the parts differ from one run's"
else
    echo "  SKIP: GNU parallel not installed (Debian package parallel)"
fi

echo "cli ($build): $pass passed, $fail failed"
[ $fail -eq 0 ]
