#!/usr/bin/env python3
"""Extractor cases as data: tests/extract/*.test, each a list of cases
(an input text -> the facts expected of it), run through `vanban convert`.

usage: run.py VANBAN [FILE.test ...]      (default: every tests/extract/*.test)

Case file format (UTF-8):

    # a comment (outside a case's input)
    === name of the case
    input line 1
    input line 2
    ---
    expectation lines

Expectation lines (values compare as the scorer does: NFC, old/new tone
placement, case, spacing and trailing punctuation folded):

    docs: N                      the file splits into N documents
    kind: official|article|unknown
    issuer: TEXT | null          also issuer_parent, number, doc_type,
    issuer=: TEXT                the same, compared exactly (case and all)
                                 doc_type_code, place, date, subject, signer
    ref: NUMBER [; type=T] [; date=ISO] [; relation=R] [; issuer=TEXT]
    refs: N                      exactly N references with a number
    date+: ISO [; role=R]        a date with this value (and role) is in dates[]
                                 ("date:" is the header's issue date)
    target: VALUE UNIT [; comparator=C] [; indicator~WORDS]
    targets: N
    assign: UNIT [; role=R] [; tasks=N]
    assigns: N
    !ref: NUMBER / !assign: UNIT / !target: VALUE UNIT / !date+: ISO   absent

A line may start with "@K " to address the K-th document (1-based; default 1).
Prints one line per failing case and ends with 'extract: N passed, N failed'.
Exit 1 when a case fails or a file cannot be parsed."""
import glob, json, os, re, subprocess, sys, tempfile, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
TONES = "\u0300\u0301\u0303\u0309\u0323"
HEADER = {"issuer", "issuer_parent", "number", "doc_type", "doc_type_code", "place", "date",
          "subject", "signer"}


def fold(s):
    if s is None:
        return None
    s = unicodedata.normalize("NFD", str(s))
    s = re.sub("([oOuU])([aAeEyY])([" + TONES + "])(?![a-zA-Z])", r"\1\3\2", s)
    s = unicodedata.normalize("NFC", s)
    s = s.replace("\u2013", "-").replace("\u2014", "-").replace("\u00a0", " ")
    s = re.sub(r"\s*-\s*", " - ", s)
    return re.sub(r"\s+", " ", s).strip(" .;:,").casefold()


def numkey(s):
    return None if s is None else re.sub(r"\s+", "", fold(s))


def tokens(s):
    return re.findall(r"\w+", fold(s) or "")


def overlap(a, b):
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    pool, common = list(tb), 0
    for t in ta:
        if t in pool:
            pool.remove(t)
            common += 1
    if not common:
        return 0.0
    p, r = common / len(ta), common / len(tb)
    return 2 * p * r / (p + r)


def parse(path):
    """-> list of (name, line number, input text, [expectation lines])."""
    cases, cur, mode = [], None, None
    with open(path, encoding="utf-8") as f:
        for no, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if line.startswith("=== "):
                cur = [line[4:].strip(), no, [], []]
                cases.append(cur)
                mode = "in"
            elif cur is None:
                if line.strip() and not line.startswith("#"):
                    raise ValueError(f"{path}:{no}: text before the first '=== ' case")
            elif mode == "in" and line == "---":
                mode = "out"
            elif mode == "in":
                cur[2].append(line)
            elif line.strip() and not line.startswith("#"):
                cur[3].append((no, line.strip()))
    for c in cases:
        if not c[3]:
            raise ValueError(f"{path}:{c[1]}: case '{c[0]}' expects nothing")
    return [(n, no, "\n".join(t) + "\n", e) for n, no, t, e in cases]


def options(rest):
    parts = [p.strip() for p in rest.split(";")]
    opts = {}
    for p in parts[1:]:
        m = re.match(r"(\w+)\s*(=|~)\s*(.*)$", p)
        if not m:
            raise ValueError(f"bad option '{p}'")
        opts[m.group(1)] = (m.group(2), m.group(3).strip())
    return parts[0], opts


def check(exp, docs):
    """None when the expectation holds, else why not."""
    m = re.match(r"(?:@(\d+)\s+)?(!?)([\w]+[+=]?)\s*:\s*(.*)$", exp)
    if not m:
        return f"cannot read '{exp}'"
    k, neg, key, rest = int(m.group(1) or 1), m.group(2) == "!", m.group(3), m.group(4).strip()
    if key == "docs":
        return None if len(docs) == int(rest) else f"docs: got {len(docs)}"
    if k > len(docs):
        return f"no document {k} (got {len(docs)})"
    d = docs[k - 1]
    if key == "kind":
        return None if d.get("kind") == rest else f"kind: got {d.get('kind')!r}"
    if key.endswith("=") and key[:-1] in HEADER:  # "issuer=: TEXT": as written, case and all
        got = (d.get("header") or {}).get(key[:-1])
        return None if got == rest else f"{key[:-1]}: got {got!r}"
    if key in HEADER:
        got = (d.get("header") or {}).get(key)
        want = None if rest == "null" else rest
        same = numkey(got) == numkey(want) if key == "number" else fold(got) == fold(want)
        return None if same else f"{key}: got {got!r}"
    refs = [r for r in d.get("references") or [] if r.get("number")]
    targets, assigns = d.get("targets") or [], d.get("assignments") or []
    counts = {"refs": refs, "targets": targets, "assigns": assigns}
    if key in counts:
        return None if len(counts[key]) == int(rest) else f"{key}: got {len(counts[key])}"
    if key == "date+":
        value, opts = options(rest)
        role = opts["role"][1] if "role" in opts else None
        hit = any(x.get("value") == value and role in (None, x.get("role")) for x in d.get("dates") or [])
        got = sorted({(x["value"], x["role"]) for x in d.get("dates") or [] if x.get("value")})  # recurring: null
    elif key == "ref":
        num, opts = options(rest)
        def ok(r):
            if numkey(r.get("number")) != numkey(num):
                return False
            for o, (_, v) in opts.items():
                field = {"type": "doc_type"}.get(o, o)
                if fold(r.get(field)) != fold(None if v == "null" else v):
                    return False
            return True
        hit = any(ok(r) for r in refs)
        got = [(r.get("number"), r.get("doc_type"), r.get("date"), r.get("relation")) for r in refs]
    elif key == "target":
        head, opts = options(rest)
        value, unit = head.split()
        def ok(t):
            if t.get("value") is None or float(t["value"]) != float(value) or t.get("unit") != unit:
                return False
            if "comparator" in opts and t.get("comparator") != opts["comparator"][1]:
                return False
            if "indicator" in opts and overlap(opts["indicator"][1], t.get("indicator")) < 0.3:
                return False
            return True
        hit = any(ok(t) for t in targets)
        got = [(t.get("value"), t.get("unit"), t.get("comparator"), t.get("indicator")) for t in targets]
    elif key == "assign":
        unit, opts = options(rest)
        def ok(a):
            if fold(a.get("unit")) != fold(unit):
                return False
            if "role" in opts and a.get("role") != opts["role"][1]:
                return False
            if "tasks" in opts and len(a.get("tasks") or []) != int(opts["tasks"][1]):
                return False
            return True
        hit = any(ok(a) for a in assigns)
        got = [(a.get("unit"), a.get("role"), len(a.get("tasks") or [])) for a in assigns]
    else:
        return f"unknown key '{key}'"
    if hit != neg:
        return None
    return f"{'found' if neg else 'missing'} {key}: {rest} (got {got})"


def main(argv):
    if len(argv) < 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    vanban = argv[1]
    files = argv[2:] or sorted(glob.glob(os.path.join(HERE, "*.test")))
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            try:
                cases = parse(path)
            except (ValueError, UnicodeDecodeError) as e:
                print(f"FAIL {e}")
                failed += 1
                continue
            for name, no, text, exps in cases:
                src = os.path.join(tmp, "case.txt")
                with open(src, "w", encoding="utf-8") as f:
                    f.write(text)
                r = subprocess.run([vanban, "convert", src, "--format", "json"], capture_output=True,
                                   timeout=60)
                try:
                    docs = json.loads(r.stdout.decode("utf-8")).get("documents") or []
                except ValueError:
                    docs = None
                whys = [f"line {eno}: {exp}: output is not JSON"] if docs is None else []
                for eno, exp in exps if docs is not None else []:
                    try:
                        why = check(exp, docs)
                    except (ValueError, KeyError) as e:
                        why = f"cannot check: {e}"
                    if why:
                        whys.append(f"line {eno}: {why}")
                if whys:
                    failed += 1
                    print(f"FAIL {os.path.basename(path)}:{no} {name}")
                    for w in whys:
                        print(f"     {w}")
                else:
                    passed += 1
    print(f"extract: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
