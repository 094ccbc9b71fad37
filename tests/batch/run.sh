#!/bin/bash
# tests/batch/run.sh BUILD_DIR — end-to-end tests of `vanban batch` and the
# SQLite store over samples/ plus a folder of broken inputs made here.
# Prints "batch: N passed, N failed"; exits non-zero on any failure.
set -u
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
vb=$(cd "$build" 2>/dev/null && pwd)/vanban
check="python3 $here/check.py"
[ -x "$vb" ] || { echo "batch: no $vb (make BUILD=$build first)"; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/vb-batch.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
ok()   { pass=$((pass + 1)); echo "ok   $1"; }
bad()  { fail=$((fail + 1)); echo "FAIL $1"; }
t()    { local name=$1; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }

cd "$tmp"
# The inputs: the samples (txt and docx) and a folder of broken files.
cp -r "$root/samples" samples
mkdir -p broken/deep
: > broken/empty.txt
printf 'S\xe1\xbb\x91: 12/KH \xff\xfe\xc0 ng\xe0y\n' > broken/invalid-utf8.txt
python3 - <<'PY'
import zipfile, shutil
with zipfile.ZipFile("broken/really-a-zip.txt", "w") as z:
    z.writestr("hello.txt", "not a document")
data = open(next(iter(sorted(__import__("glob").glob("samples/docx/*/003_*.docx")))), "rb").read()
open("broken/deep/truncated.docx", "wb").write(data[: len(data) // 2])
open("broken/scan.pdf", "wb").write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
PY
find samples broken -type f | LC_ALL=C sort > all-inputs.txt
n_inputs=$(wc -l < all-inputs.txt)

# 1. Every input is accounted for; bad files give error results, never stop.
"$vb" batch samples broken -o out1 -j1 2> err1.txt; rc=$?
t "a batch with bad files completes (exit 4: some inputs failed)" [ $rc -eq 4 ]
t "manifest: one line per input, statuses match result files" $check accounts out1 all-inputs.txt
read -r n_ok n_err n_skip < <($check counts out1/manifest.jsonl)
t "summary line: inputs = ok + error + skipped ($n_inputs = $n_ok + $n_err + $n_skip)" \
    grep -q "$n_inputs inputs = $n_ok ok + $n_err error + $n_skip skipped (0 cached)" err1.txt
t "inputs = ok + error + skipped" [ $((n_ok + n_err + n_skip)) -eq "$n_inputs" ]
t "0-byte file is an error (E_EMPTY)" [ "$($check status_of out1 broken/empty.txt)" = "error E_EMPTY new" ]
t "a .txt holding a zip is read as a zip, by content" \
    grep -q '"path":"broken/really-a-zip.txt".*"format":"docx"' out1/manifest.jsonl
t "a truncated .docx is an error with a result file" \
    bash -c "$check status_of out1 broken/deep/truncated.docx | grep -q '^error E_ZIP'"
t "a .pdf in a folder is skipped with a reason" \
    [ "$($check status_of out1 broken/scan.pdf)" = "skipped E_UNSUPPORTED new" ]
t "invalid UTF-8 is accounted for" bash -c "$check status_of out1 broken/invalid-utf8.txt | grep -Eq '^(ok|error) '"
t "outputs mirror input paths" [ -f out1/samples/docx/pandoc/003_853f2636e4462903.json ] 
t "every sample converts ok" bash -c "! grep '\"path\":\"samples/' out1/manifest.jsonl | grep -v '\"status\":\"skipped\"' | grep -q '\"status\":\"error\"'"
t "no temporary files left" [ -z "$(find out1 -name '.*.tmp-*')" ]

# 2. A named file is always attempted, whatever its extension.
"$vb" batch broken/scan.pdf -o named -q; rc=$?
t "a named .pdf is attempted, not skipped" bash -c "[ $rc -eq 4 ] && $check status_of named broken/scan.pdf | grep -q '^error '"

# 3. -j1 and -j3 give the same bytes (apart from timings).
"$vb" batch samples broken -o out3 -j3 -q
t "-j1 vs -j3: same result files byte for byte" diff -r -x manifest.jsonl out1 out3
t "-j1 vs -j3: same manifest apart from ms" $check same_manifest out1/manifest.jsonl out3/manifest.jsonl

# 4. A re-run converts nothing that did not change; --force converts all.
cp -r out3 before-rerun
"$vb" batch samples broken -o out3 -j2 2> err-rerun.txt
t "re-run: every converted input is cached" $check all_cached out3/manifest.jsonl
t "re-run: same manifest apart from ms/cached" $check same_manifest before-rerun/manifest.jsonl out3/manifest.jsonl cached
t "re-run: result files untouched" diff -r -x manifest.jsonl before-rerun out3
t "re-run: the summary counts the cached" grep -q "$n_inputs inputs = $n_ok ok + $n_err error + $n_skip skipped ($((n_ok + n_err)) cached)" err-rerun.txt
printf '\nThêm một dòng.\n' >> samples/001_8a9538f428947bda.txt
"$vb" batch samples broken -o out3 -j2 -q
t "re-run: a changed input is converted again" \
    [ "$($check status_of out3 samples/001_8a9538f428947bda.txt)" = "ok - new" ]
"$vb" batch samples broken -o out3 -j2 -q --force
t "--force converts everything again" $check none_cached out3/manifest.jsonl

# 5. --ndjson and --files-from -: the same results, in input order.
"$vb" batch samples broken -o out4 -j3 -q --ndjson > stream.ndjson
t "--ndjson: one line per converted input, equal to the result files, in order" \
    $check ndjson_matches stream.ndjson out4
"$vb" batch samples broken -j1 -q --ndjson > stream1.ndjson
t "--ndjson without -o: same bytes with -j1 and -j3" cmp -s stream.ndjson stream1.ndjson
# An input over 1 MiB is not kept whole: its worker writes its line and
# its store rows while converting it, in its turn, between small inputs.
mkdir -p large
for k in $(seq 1 25); do cat samples/0*.txt; done > large/many.txt
"$vb" batch samples/001_8a9538f428947bda.txt large samples/003_853f2636e4462903.txt -o outlarge -j3 -q \
    --ndjson --db large3.sqlite > large3.ndjson
t "--ndjson, large input: lines equal the result files, in order" $check ndjson_matches large3.ndjson outlarge
t "--db, large input: the store holds what the lines hold" $check store_matches_ndjson large3.sqlite large3.ndjson
"$vb" batch samples/001_8a9538f428947bda.txt large samples/003_853f2636e4462903.txt -j1 -q \
    --ndjson --db large1.sqlite > large1.ndjson
t "large input: same NDJSON bytes and store rows with -j1, no -o" \
    bash -c "cmp -s large3.ndjson large1.ndjson && $check same_rows large3.sqlite large1.sqlite"
LC_ALL=C sort -r all-inputs.txt > reversed.txt
"$vb" batch --files-from - -o out5 -j3 -q < reversed.txt
t "--files-from -: manifest in the order of the list" $check paths_in_order out5 reversed.txt

# 6. XML results.
"$vb" batch samples/003_853f2636e4462903.txt -o outx --format xml -q
t "--format xml writes well-formed XML" python3 -c "import xml.etree.ElementTree as E; E.parse('outx/samples/003_853f2636e4462903.xml')"

# 7. Interrupted run + re-run == uninterrupted run.
mkdir many
for i in $(seq -w 1 150); do mkdir many/c$i; cp samples/*.txt many/c$i/; done
"$vb" batch many -o whole -j2 -q
"$vb" batch many -o part -j2 -v 2> part-err.txt &
pid=$!
# Event-driven, not timed: signal once some files are done.
for _ in $(seq 1 600); do
    n_done=$(grep -c '^ok ' part-err.txt 2>/dev/null)
    [ "${n_done:-0}" -ge 20 ] && break
    kill -0 $pid 2>/dev/null || break
    sleep 0.05
done
kill -INT $pid 2>/dev/null
wait $pid; rc=$?
done_lines=$(wc -l < part/manifest.jsonl)
if [ $rc -eq 130 ]; then
    ok "SIGINT: exit 130 after $done_lines of 600 inputs"
    t "SIGINT: the manifest holds only finished inputs" [ "$done_lines" -lt 600 ]
else
    echo "note: the run ended (rc=$rc) before SIGINT; the re-run check still holds"
fi
t "SIGINT: no temporary or partial files" [ -z "$(find part -name '.*.tmp-*')" ]
# -q stays quiet when interrupted: exit 130 says it
"$vb" batch many -o quietint -j1 -q 2> quietint-err.txt & qpid=$!
sleep 0.3; kill -INT $qpid 2>/dev/null; wait $qpid; qrc=$?
t "SIGINT with -q: nothing on stderr (exit $qrc)" bash -c "[ ! -s quietint-err.txt ] && { [ $qrc -eq 130 ] || [ $qrc -eq 0 ]; }"
t "SIGINT: every manifest line's result exists and parses" bash -c \
    "python3 -c \"import json,sys,os
for l in open('part/manifest.jsonl'):
    r=json.loads(l); json.load(open(os.path.join('part', r['output'])))\""
"$vb" batch many -o part -j3 -q; rc=$?
t "re-run after SIGINT completes (exit 0)" [ $rc -eq 0 ]
t "interrupted + re-run == uninterrupted: result files" diff -r -x manifest.jsonl whole part
t "interrupted + re-run == uninterrupted: manifest" $check same_manifest whole/manifest.jsonl part/manifest.jsonl cached

# 7b. SIGKILL (no manifest, no clean-up) at several points: every next run
# reuses what the journal holds and converts only the rest.
prev_done=0
for at in 30 250 500; do
    before=$(cat killed/.vanban-journal.jsonl 2>/dev/null | wc -l)
    "$vb" batch many -o killed -j2 -v 2> "kill-$at.txt" &
    pid=$!
    for _ in $(seq 1 1500); do
        n=$(cat killed/.vanban-journal.jsonl 2>/dev/null | wc -l)
        [ $((n - before)) -ge $at ] && break
        kill -0 $pid 2>/dev/null || break
        sleep 0.02
    done
    kill -KILL $pid 2>/dev/null
    { wait $pid; } 2>/dev/null; rc=$?
    cached=$(grep -c '^cached ' "kill-$at.txt")
    t "SIGKILL run $at: it reused exactly the $prev_done inputs journaled before ($cached)" \
        [ "$cached" -eq "$prev_done" ]
    prev_done=$($check journal_paths killed)
    [ $rc -eq 137 ] || echo "note: the run ended (rc=$rc) before SIGKILL at $at"
done
mkdir -p killed/c001
: > killed/c001/.001_8a9538f428947bda.json.tmp-Ab12Cd
: > killed/.manifest.jsonl.tmp-Zz99Yy
"$vb" batch many -o killed -j2 -v 2> kill-final.txt; rc=$?
t "after SIGKILLs: the last run completes (exit 0)" [ $rc -eq 0 ]
t "after SIGKILLs: it converted only the $((600 - prev_done)) unfinished inputs" \
    [ "$(grep -c '^ok ' kill-final.txt)" -eq $((600 - prev_done)) ]
t "after SIGKILLs: stale temporaries removed, journal gone" \
    bash -c "[ -z \"\$(find killed -name '.*.tmp-*')\" ] && [ ! -e killed/.vanban-journal.jsonl ]"
t "after SIGKILLs == uninterrupted: result files" diff -r -x manifest.jsonl whole killed
t "after SIGKILLs == uninterrupted: manifest" $check same_manifest whole/manifest.jsonl killed/manifest.jsonl cached
flock -x killed/.vanban-journal.jsonl -c 'touch locked; sleep 30' & holder=$!
for _ in $(seq 1 500); do [ -e locked ] && break; sleep 0.01; done
"$vb" batch many -o killed -q 2> busy.txt; rc=$?
kill $holder 2>/dev/null; wait $holder 2>/dev/null
t "a second batch on a busy OUTDIR is refused (exit 3), the first untouched" \
    bash -c "[ $rc -eq 3 ] && grep -q 'in use by another vanban batch' busy.txt"
rm -f killed/.vanban-journal.jsonl locked

# 8. The SQLite store.
"$vb" batch samples broken -o outdb -j3 -q --db store.sqlite
n_distinct=$(sort -u all-inputs.txt | wc -l)
t "store: sound (FKs, integrity, WAL, version), one files row per input" $check db_sound store.sqlite "$n_distinct"
before=$($check db_table_counts store.sqlite)
"$vb" batch samples broken -o outdb -j2 -q --db store.sqlite --force
"$vb" batch samples broken -j1 -q --db store.sqlite
t "store: re-import gives no duplicate rows ($before)" [ "$before" = "$($check db_table_counts store.sqlite)" ]
t "store: documents and facts were stored" bash -c "$check db_table_counts store.sqlite | grep -Eq 'documents=[1-9].* references=[1-9]'"
"$vb" batch samples -o outdb2 -q --db fresh.sqlite
cp outdb2/manifest.jsonl m-before.jsonl
rm fresh.sqlite*
"$vb" batch samples -o outdb2 -q --db fresh.sqlite
t "store: a missing store row defeats the cache" bash -c "[ -s outdb2/manifest.jsonl ] && ! $check all_cached outdb2/manifest.jsonl >/dev/null"

# 8b. An archive as a records office has it: the same file in several
# folders (identical bytes, identical empty files), the same plan as text,
# DOCX and a wrapped copy, 5 % damaged files.  About 5,000 inputs (16 a box);
# VB_BATCH_BOXES lowers it where only memory errors are looked for (the
# sanitizer pass of `make test`): the properties do not depend on the size.
boxes=${VB_BATCH_BOXES:-297}
for i in $(seq -w 1 "$boxes"); do
    d=records/box$i; mkdir -p "$d/wrapped"
    cp -r samples/docx "$d/docx"; cp samples/*.txt "$d/"; cp samples/wrapped/*.txt "$d/wrapped/"
done
n_good=$(find records -type f | wc -l)
n_bad=$(( (n_good + 18) / 19 ))   # 1 in 20 of all inputs
for k in $(seq 1 "$n_bad"); do
    d=records/box$(printf "%0${#boxes}d" $(( (k - 1) % 10#$boxes + 1 )))
    case $((k % 3)) in
        0) : > "$d/empty-$k.txt" ;;
        1) head -c $((2000 + k)) samples/docx/pandoc/003_853f2636e4462903.docx > "$d/cut-$k.docx" ;;
        2) head -c 2000 /dev/urandom > "$d/junk-$k.docx" ;;
    esac
done
n_records=$(find records -type f | wc -l)
echo "note: archive of $n_records inputs, $n_bad damaged"
"$vb" batch records -o outrec -j2 -q --db records.sqlite
t "store: one files row per input, statuses and errors agree with the manifest" \
    $check store_agrees records.sqlite outrec/manifest.jsonl
t "store: as many files rows as inputs ($n_records)" \
    [ "$(python3 -c "import sqlite3;print(sqlite3.connect('records.sqlite').execute('SELECT count(*) FROM files').fetchone()[0])")" -eq "$n_records" ]
t "manifest: $n_bad damaged inputs are errors, the rest ok" \
    bash -c "[ \$(grep -c '\"status\":\"error\"' outrec/manifest.jsonl) -eq $n_bad ] && [ \$(grep -c '\"status\":\"ok\"' outrec/manifest.jsonl) -eq $((n_records - n_bad)) ]"
t "same_document: $boxes × (text, 2 DOCX, wrapped) copies of 905/KH-UBND are one document" \
    $check copies_of records.sqlite 905/KH-UBND $((boxes * 4))
t "random bytes named .docx: E_NOT_DOCUMENT, not a legacy encoding" \
    [ "$($check status_of outrec "$(ls records/box*/junk-2.docx)")" = "error E_NOT_DOCUMENT new" ]
single=$($check db_table_counts records.sqlite)
"$vb" batch records -j1 -q --db race.sqlite 2> race1.txt & p1=$!
"$vb" batch records -j1 -q --db race.sqlite 2> race2.txt & p2=$!
wait $p1; rc1=$?; wait $p2; rc2=$?
t "two runs at once on a new store both finish (exit $rc1, $rc2; 4: damaged inputs)" \
    bash -c "[ $rc1 -eq 4 ] && [ $rc2 -eq 4 ] && ! grep -q E_DB race1.txt race2.txt"
t "two runs at once: the single run's row counts" [ "$single" = "$($check db_table_counts race.sqlite)" ]

q="$here/queries"
refs=$($check query store.sqlite "$q/plan_references.sql" | grep '^samples/003_853f2636e4462903.txt|')
t "query: references of the 2019 Tây Ninh plan (361/QĐ-TTg, 2578/QĐ-UBND)" \
    bash -c "grep -q '|361/QĐ-TTg|2016-03-07|' <<<'$refs' && grep -q '|2578/QĐ-UBND|' <<<'$refs'"
plans=$($check query store.sqlite "$q/plans_assigning_unit.sql")
t "query: plans assigning tasks to a Lao động - Thương binh và Xã hội body (003 and the plan in 000)" \
    bash -c "grep -q '^samples/003_853f2636e4462903.txt|1|905/KH-UBND|' <<<'$plans' && grep -q '^samples/000_0f9300581a36c327.txt|2|' <<<'$plans'"
links=$($check query store.sqlite "$q/document_links.sql")
t "query: 537/GDĐT links to the plan 169/KH-UBND it forwards (document 2 of its file)" \
    bash -c "grep -q '^samples/000_0f9300581a36c327.txt|169/KH-UBND|attached|Kế hoạch||2022-05-26|.*|samples/000_0f9300581a36c327.txt|2$' <<<'$links'"
due=$($check query store.sqlite "$q/deadlines_in_year.sql")
t "query: deadlines in 2024 hold the recurring ones with their rules (Tây Ninh 2019 yearly, Quận 1 2022 quarterly day 10)" \
    bash -c "grep -q '^samples/003_853f2636e4462903.txt|905/KH-UBND|2019-05-07|hàng năm|recurring||yearly|FREQ=YEARLY$' <<<'$due' && grep -q '^samples/000_0f9300581a36c327.txt||2022-05-26|ngày 10 của tháng cuối quý|recurring||quarterly|FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=10$' <<<'$due'"
t "query: links never point a document at itself" \
    bash -c "[ \$(sqlite3 store.sqlite 'SELECT count(*) FROM links WHERE from_document_id = to_document_id' 2>/dev/null || python3 -c \"import sqlite3;print(sqlite3.connect('store.sqlite').execute('SELECT count(*) FROM links WHERE from_document_id = to_document_id').fetchone()[0])\") -eq 0 ]"

# 10. Output failures are the output's, said once, exit 3: no input is
# counted as an error, and the next run (with room) finishes the work.
# A read-only folder and a full tmpfs need a private mount namespace
# (unshare -m, as root or with user namespaces); without one they are skipped.
if [ "$(id -u)" -eq 0 ]; then ns="unshare -m"; else ns="unshare -r -m"; fi
if $ns true 2>/dev/null; then
    cat > outfail.sh <<'SH'
set -u
vb=$1; case=$2
case $case in
ro-outdir)  # OUTDIR exists and cannot be written
    mkdir -p ro/out && mount --bind ro ro && mount -o remount,bind,ro ro || exit 99
    "$vb" batch many -o ro/out -j2 2> ro-err.txt; echo $? > ro-rc ;;
ro-subdir)  # the folder of the results cannot be written, OUTDIR can
    mkdir -p sub/out/c001 && mount --bind sub/out/c001 sub/out/c001 &&
        mount -o remount,bind,ro sub/out/c001 || exit 99
    "$vb" batch many -o sub/out -j2 2> sub-err.txt; echo $? > sub-rc ;;
full)       # the disk fills up, then gets room: the re-run finishes
    mkdir -p full && mount -t tmpfs -o size=400k tmpfs full || exit 99
    "$vb" batch many -o full/out -j2 2> full-err.txt; echo $? > full-rc
    cp full/out/manifest.jsonl full-manifest.jsonl 2>/dev/null
    mount -o remount,size=64m full || exit 99
    "$vb" batch many -o full/out -j2 -q; echo $? > full-rc2
    cp -r full/out full-after ;;
full-db)    # the store's disk fills up
    mkdir -p fulldb && mount -t tmpfs -o size=300k tmpfs fulldb || exit 99
    "$vb" batch many --db fulldb/s.sqlite -j2 2> fulldb-err.txt; echo $? > fulldb-rc ;;
esac
SH
    for c in ro-outdir ro-subdir full full-db; do $ns bash outfail.sh "$vb" $c; done
    t "unwritable OUTDIR: exit 3, one line naming the journal and the system error" \
        bash -c "[ \$(cat ro-rc) -eq 3 ] && [ \$(wc -l < ro-err.txt) -eq 1 ] && grep -q 'ro/out/.vanban-journal.jsonl: Read-only file system' ro-err.txt"
    t "unwritable result folder: exit 3, one failure message, 0 inputs in error" \
        bash -c "[ \$(cat sub-rc) -eq 3 ] && [ \$(grep -c 'Read-only file system' sub-err.txt) -eq 1 ] && grep -q 'sub/out/c001/.*Read-only file system' sub-err.txt && grep -q ' + 0 error + ' sub-err.txt"
    t "unwritable result folder: the manifest blames no input" $check no_input_blamed sub/out/manifest.jsonl
    t "full disk: exit 3, one 'No space left on device', 0 inputs in error" \
        bash -c "[ \$(cat full-rc) -eq 3 ] && [ \$(grep -c 'No space left on device' full-err.txt) -eq 1 ] && grep -q ' + 0 error + ' full-err.txt && ! grep -q '^vanban batch: E_IO: .*cannot read' full-err.txt"
    t "full disk: no input blamed in what was written" $check no_input_blamed full-manifest.jsonl
    t "full disk, then room: the re-run finishes == uninterrupted run" \
        bash -c "[ \$(cat full-rc2) -eq 0 ] && diff -r -x manifest.jsonl whole full-after && $check same_manifest whole/manifest.jsonl full-after/manifest.jsonl cached && [ -z \"\$(find full-after -name '.*.tmp-*')\" ]"
    t "full disk under the store: exit 3, one 'database or disk is full', 0 inputs in error" \
        bash -c "[ \$(cat fulldb-rc) -eq 3 ] && [ \$(grep -c 'disk is full' fulldb-err.txt) -eq 1 ] && grep -q ' + 0 error + ' fulldb-err.txt"
else
    echo "note: no mount namespace here (unshare -m): read-only and full-disk cases skipped"
fi

# 9. Usage errors.
"$vb" batch samples 2>/dev/null; t "no -o, --ndjson or --db is a usage error" [ $? -eq 2 ]
"$vb" batch -j0 samples -o x 2>/dev/null; t "-j0 is a usage error" [ $? -eq 2 ]

echo "batch: $pass passed, $fail failed"
[ $fail -eq 0 ]
