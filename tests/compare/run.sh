#!/bin/sh
# tests/compare/run.sh BUILD — end-to-end test of `vanban compare`.
#   1. the hand-made fixtures (tests/compare/fixtures, contract-shaped JSON)
#   2. the real samples (samples/*.txt, through the pipeline in-process),
#      checked against the hand-checked facts in shared/gold
#   3. both HTML reports opened in headless Chromium (Debian package
#      `chromium`) when it is installed: rendered tables and SVG checked,
#      screenshot saved to tests/out/compare.png.  Without Chromium that part
#      says SKIP.
# Installs nothing.  Prints "N passed, N failed"; exit 1 on any failure.
build=${1:-build}
bin=$build/vanban
here=$(dirname "$0")
root=$(cd "$here/../.." && pwd)
gold=${VB_GOLD_DIR:-/work/shared/gold}
out=$root/tests/out/compare
check="python3 $here/check_report.py"
pass=0; fail=0

# Run a check_report.py command; count its "ok:"/"FAIL:" lines, show failures.
run_checks() {
    "$@" > "$out/.checks" 2>&1 || echo "FAIL: $* exited $?" >> "$out/.checks"
    while IFS= read -r line; do
        case $line in
        ok:*) pass=$((pass + 1)) ;;
        FAIL:*) fail=$((fail + 1)); echo "  $line" ;;
        *) echo "$line" ;;
        esac
    done < "$out/.checks"
}
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "  FAIL: $*"; }

[ -x "$bin" ] || { echo "compare: $bin not built"; echo "0 passed, 1 failed"; exit 1; }
rm -rf "$out"; mkdir -p "$out"

echo "compare: fixtures"
if "$bin" compare "$here"/fixtures/district.json "$here"/fixtures/province.json \
    --html "$out/fixtures.html" --csv "$out/fixtures" --md > "$out/fixtures.md" 2> "$out/fixtures.err"
then ok; else bad "compare on fixtures exited $? ($(head -c 300 "$out/fixtures.err"))"; fi
run_checks $check csv "$out/fixtures"
run_checks $check fixtures "$out/fixtures"
run_checks $check selfcontained "$out/fixtures.html"
grep -q '^| Training | \*\*≥ 70%\*\*' "$out/fixtures.md" && ok || bad "markdown targets row"
# plans first: the cover letter's column comes after both plans
grep -q '^| Theme | [^|]* KH [^|]* | [^|]* KH [^|]* | [^|]* Công văn 45/GDĐT |$' "$out/fixtures.md" && ok ||
    bad "markdown: plans first, the letter last"
grep -q '^3 documents from 2 inputs\.$' "$out/fixtures.md" && ok || bad "markdown: summary line"
"$bin" compare "$here"/fixtures/district.json "$here"/fixtures/province.json --only-type "Kế Hoạch" --md \
    > "$out/only.md" 2>&1 || bad "--only-type exited $?"
grep -q '^2 documents from 2 inputs (1 left out by --only-type)\.$' "$out/only.md" && ! grep -q 'Công văn 45' "$out/only.md" &&
    ok || bad "--only-type leaves the letter out"
"$bin" compare "$here"/fixtures/district.json --only-type CV,article --md > "$out/only2.md" 2>&1 || bad "--only-type CV exited $?"
grep -q '^0 documents from 1 input (2 left out by --only-type)\.$' "$out/only2.md" && ok || bad "--only-type: nothing left, singular input"
grep -q '^## Legal basis' "$out/fixtures.md" && ok || bad "markdown legal basis table"

echo "compare: bad input"
printf '{"not": "a result"}' > "$out/bad.json"
"$bin" compare "$out/bad.json" "$here"/fixtures/province.json --html "$out/bad.html" \
    2> "$out/bad.err"
rc=$?
[ $rc -ne 0 ] && grep -q 'bad.json' "$out/bad.err" && grep -q 'Not compared' "$out/bad.html" \
    && ok || bad "an unreadable input is reported (rc=$rc) and the rest still compared"
"$bin" compare "$here"/fixtures/province.json > /dev/null 2>&1
[ $? -eq 2 ] && ok || bad "no output option is a usage error (exit 2)"

echo "compare: samples"
set -- "$root"/samples/*.txt
if "$bin" compare "$@" --html "$out/samples.html" --csv "$out/samples" > /dev/null \
    2> "$out/samples.err"
then ok; else bad "compare on samples exited $? ($(head -c 300 "$out/samples.err"))"; fi
run_checks $check csv "$out/samples"
run_checks $check selfcontained "$out/samples.html"
if [ -d "$gold" ]; then
    run_checks $check seeds "$out/samples" "$gold"
else
    echo "  SKIP: gold facts not found at $gold (set VB_GOLD_DIR)"
fi

echo "compare: report wording and sources"
# numbers agree ("1 reference"), each quoted sentence once per plan, every
# fact link lands on an id, recurring deadlines reach the timeline
python3 - "$out/samples.html" "$out/fixtures.html" <<'EOF' && ok || bad "report: plural, sources once, links, recurring deadlines"
import re, sys
for path in sys.argv[1:]:
    t = open(path, encoding="utf-8").read()
    assert not re.search(r"\b1 (targets|units|references|dates|documents|inputs)\b", t), re.findall(r"\b1 \w+s\b", t)
    for sec in re.findall(r'<section class="sources".*?</section>', t, re.S):
        quotes = [re.sub(r"<[^>]+>", "", q) for q in re.findall(r"<blockquote>(.*?)</blockquote>", sec, re.S)]
        assert len(quotes) == len(set(quotes)), [q for q in quotes if quotes.count(q) > 1][:1]
    ids = set(re.findall(r'id="([^"]+)"', t))
    missing = set(re.findall(r'href="#([^"]+)"', t)) - ids
    assert not missing, sorted(missing)[:5]
t = open(sys.argv[1], encoding="utf-8").read()
tl = re.search(r'<table id="timeline-table">.*?</table>', t, re.S).group(0)
assert "ngày 10 của tháng cuối quý" in tl and "recurring" in tl, "no recurring deadline in the timeline"
EOF

echo "compare: headless Chromium"
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
    echo "  SKIP: chromium not installed (apt-get install -y chromium); DOM and screenshot not checked"
else
    for which in fixtures samples; do
        profile=$(mktemp -d)
        timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic \
            --no-first-run --disable-background-networking --disable-component-update \
            --disable-sync --user-data-dir="$profile" --dump-dom "file://$out/$which.html" \
            > "$out/$which.dom.html" 2> "$out/$which.chromium.err"
        rc=$?
        rm -rf "$profile"
        if [ $rc -ne 0 ] || [ ! -s "$out/$which.dom.html" ]; then
            bad "chromium --dump-dom on $which.html (exit $rc)"
            continue
        fi
        ok
        [ $which = fixtures ] && extra=fixtures || extra=
        run_checks $check dom "$out/$which.dom.html" "$out/$which" $extra
    done
    # Rendered geometry: every line of every chain box inside its box, numbers
    # shown whole.  A copy of a report with long numbers and places gets a
    # script (the report itself has none) that measures the laid-out boxes.
    python3 - "$here/fixtures/district.json" "$out/long.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
d = r["documents"][1]
d["header"]["place"] = "Thành phố Hồ Chí Minh, Quận Bình Thạnh mở rộng"
for num, typ in (("123456/QĐ-BLĐTBXH-VPĐP-TCCB", "Quyết định"), ("15274/KH-SLĐTBXH", "Kế hoạch"),
                 ("99999/2024/TTLT-BLĐTBXH-BCA-BYT", "Thông tư liên tịch")):
    d["references"].append({"doc_type": typ, "doc_type_code": None, "number": num, "date": "2024-12-31",
                            "issuer": None, "subject": None, "relation": "basis", "span": None, "mentions": []})
json.dump(r, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
EOF
    "$bin" compare "$out/long.json" "$here/fixtures/province.json" --html "$out/long.html" 2> /dev/null ||
        bad "compare with long numbers exited $?"
    for which in long samples; do
        python3 -c 'import sys; t = open(sys.argv[1], encoding="utf-8").read(); js = open(sys.argv[2], encoding="utf-8").read(); sys.stdout.write(t.replace("</body>", "<script>" + js + "</script></body>"))' \
            "$out/$which.html" "$here/geometry.js" > "$out/$which.geom.html"
        profile=$(mktemp -d)
        timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic \
            --no-first-run --disable-background-networking --disable-component-update \
            --disable-sync --user-data-dir="$profile" --dump-dom "file://$out/$which.geom.html" \
            > "$out/$which.geom.dom.html" 2> /dev/null
        rm -rf "$profile"
        python3 - "$out/$which.geom.dom.html" <<'EOF' && ok || bad "svg geometry ($which): text outside its box or a cut number"
import html, json, re, sys
m = re.search(r'<pre id="geom">(.*?)</pre>', open(sys.argv[1], encoding="utf-8").read(), re.S)
g = json.loads(html.unescape(m.group(1)))
assert g["nodes"] >= 3 and not g["bad"], g
EOF
    done
    profile=$(mktemp -d)
    rm -f "$root/tests/out/compare.png"
    timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic \
        --no-first-run --disable-background-networking --disable-component-update \
        --disable-sync --user-data-dir="$profile" --screenshot="$root/tests/out/compare.png" \
        --window-size=1400,2000 "file://$out/samples.html" > /dev/null 2>&1
    rm -rf "$profile"
    [ -s "$root/tests/out/compare.png" ] && ok || bad "screenshot tests/out/compare.png"
fi
rm -f "$out/.checks"
echo "compare ($build): $pass passed, $fail failed"
[ "$fail" -eq 0 ]
