#!/bin/bash
# tests/schema/run.sh [BUILD_DIR] — every sample's JSON and XML output (and the
# error results of a few broken inputs) must validate against schemas/ with
#   * `vanban validate` (the project's own validators), and
#   * independent, established ones: xmllint --schema (libxml2) for XML and
#     python3-jsonschema's Draft202012Validator (Debian /usr/bin/python3);
# deliberately broken outputs (unknown field, relation "foo", date
# "2019-5-7", missing required field) must be rejected by each of them; and
# XML turned back into JSON must equal the JSON output field by field
# (roundtrip.py).  Prints "schema: N passed, N failed"; exits 1 on failure.
set -u
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
vb=$(cd "$build" 2>/dev/null && pwd)/vanban
[ -x "$vb" ] || { echo "schema: no $vb (make BUILD=$build first)"; exit 2; }
schemas=$root/schemas
syspy=/usr/bin/python3 # Debian's, where python3-jsonschema lives
tmp=$(mktemp -d "${TMPDIR:-/tmp}/vb-schema.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

pass=0; fail=0
ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $1"; [ -s "$tmp/last" ] && sed 's/^/     /' "$tmp/last" | head -n 8; }
# expect RC NAME CMD... : CMD must exit with RC ("nz" = any non-zero).
expect() {
    local want=$1 name=$2; shift 2
    "$@" > "$tmp/last" 2>&1; local rc=$?
    if [ "$want" = nz ] && [ $rc -ne 0 ]; then ok
    elif [ "$want" = "$rc" ]; then ok
    else bad "$name (exit $rc, want $want)"; fi
}
# expect_line NAME TEXT : the output of the last command holds TEXT.
expect_line() {
    if grep -qF -- "$2" "$tmp/last"; then ok; else bad "$1: no line with '$2'"; fi
}

command -v xmllint > /dev/null || { echo "schema: xmllint missing (apt-get install libxml2-utils)"; exit 2; }
$syspy -c 'import jsonschema' 2> /dev/null ||
    { echo "schema: $syspy cannot import jsonschema (apt-get install python3-jsonschema)"; exit 2; }

own()  { "$vb" validate --quiet --schemas "$schemas" "$@"; }
xsd()  { xmllint --noout --nonet --schema "$schemas/vanban.xsd" "$@"; }
jsch() { $syspy "$here/jsonschema_check.py" "$schemas/vanban.schema.json" "$@"; }

# The inputs: samples (txt, docx) and broken files whose results carry errors.
{
    find "$root/samples" -maxdepth 1 -name '*.txt' | sort
    [ -d "$root/samples/docx" ] && find "$root/samples/docx" -name '*.docx' | sort
} > "$tmp/inputs"
mkdir "$tmp/broken"
: > "$tmp/broken/empty.txt"
printf 'S\xe1\xbb\x91: 12/KH \xff\xfe\xc0 ng\xe0y\n' > "$tmp/broken/invalid-utf8.txt"
printf 'PK\003\004 not really a zip' > "$tmp/broken/truncated.docx"
printf 'Tiêu đề <b>&amp;</b> "trích" ‘x’ \t tab\n' > "$tmp/broken/markup.txt"
find "$tmp/broken" -type f | sort >> "$tmp/inputs"

k=0; first_with_doc=
while IFS= read -r f; do
    k=$((k + 1)); j=$tmp/$k.json; x=$tmp/$k.xml; name=${f#"$root"/}; name=${name#"$tmp"/}
    "$vb" convert "$f" -o "$j" 2> /dev/null
    "$vb" convert "$f" --format xml -o "$x" 2> /dev/null
    if [ ! -s "$j" ] || [ ! -s "$x" ]; then bad "$name: no output"; continue; fi
    expect 0 "$name: vanban validate (JSON)" own "$j"
    expect 0 "$name: vanban validate (XML)" own "$x"
    expect 0 "$name: xmllint --schema" xsd "$x"
    expect 0 "$name: python3-jsonschema" jsch "$j"
    expect 0 "$name: XML round-trip equals JSON" python3 "$here/roundtrip.py" "$x" "$j"
    if [ -z "$first_with_doc" ] && python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1]))["documents"] else 1)' "$j"; then
        first_with_doc=$k
    fi
done < "$tmp/inputs"

# Broken outputs must be rejected, each by every validator; the unchanged
# (re-serialised) copy must still pass, so the rejections are the mutation's.
if [ -z "$first_with_doc" ]; then
    bad "no input produced a document to break"
else
    j=$tmp/$first_with_doc.json; x=$tmp/$first_with_doc.xml
    for kind in none unknown_field relation date missing; do
        python3 "$here/mutate.py" $kind "$j" "$tmp/m-$kind.json" &&
            python3 "$here/mutate.py" $kind "$x" "$tmp/m-$kind.xml" ||
            { bad "mutate.py $kind"; continue; }
        if [ $kind = none ]; then want=0; own_want=0; else want=nz; own_want=5; fi
        expect $own_want "$kind: vanban validate (JSON)" own "$tmp/m-$kind.json"
        case $kind in
            unknown_field) expect_line "$kind pointer" "/documents/0/foo: unknown field" ;;
            relation) expect_line "$kind pointer" '/documents/0/references/0/relation: "foo"' ;;
            date) expect_line "$kind pointer" '/documents/0/dates/0/value: "2019-5-7"' ;;
            missing) expect_line "$kind pointer" '/documents/0: missing required field "kind"' ;;
        esac
        expect $own_want "$kind: vanban validate (XML)" own "$tmp/m-$kind.xml"
        [ $kind != none ] && expect_line "$kind XML line+path" "m-$kind.xml:"
        expect $want "$kind: xmllint --schema" xsd "$tmp/m-$kind.xml"
        expect $want "$kind: python3-jsonschema" jsch "$tmp/m-$kind.json"
    done
    # The round-trip check itself can fail: a re-serialised XML still matches,
    # one changed value does not.
    expect 0 "round-trip of re-serialised XML" python3 "$here/roundtrip.py" "$tmp/m-none.xml" "$j"
    expect nz "round-trip notices a changed value" python3 "$here/roundtrip.py" "$tmp/m-date.xml" "$j"
fi

# Usage and unreadable inputs.
expect 2 "validate without files" "$vb" validate
expect 3 "validate an unreadable file" own "$tmp/does-not-exist.json"
printf '<!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]><result xmlns="urn:vanban:result:1">&e;</result>' > "$tmp/xxe.xml"
expect 5 "XML with a DTD/external entity refused" own "$tmp/xxe.xml"
expect_line "DTD refusal reported" "DTD is not allowed"

echo "schema ($build): $pass passed, $fail failed"
[ $fail -eq 0 ]
