#!/usr/bin/env python3
"""roundtrip.py XML JSON [XML JSON ...] -- check that `vanban convert --format xml`
carries exactly what `--format json` carries for the same input.

Each XML result is turned back into the contract JSON shape (stdlib
xml.etree only, following schemas/vanban.xsd: omitted element/attribute =
null, empty container = []), then compared with the JSON result field by field.
Every leaf compared counts as one check; a missing or extra field, a list of a
different length, or a different value is a failure, reported with its path.
Closing line: "N passed, N failed"; exit 1 if anything failed."""
import json
import sys
import xml.etree.ElementTree as ET

NS = "{urn:vanban:result:1}"


class Shape(Exception):
    pass


def q(name):
    return NS + name


def child(el, name):
    c = el.find(q(name))
    if c is None:
        raise Shape("<%s> has no <%s>" % (el.tag.replace(NS, ""), name))
    return c


def text(el, name):
    return child(el, name).text or ""


def opt_text(el, name):
    c = el.find(q(name))
    return None if c is None else (c.text or "")


def items(el, container, item):
    return child(el, container).findall(q(item))


def span(el):
    return {"start": int(el.get("start")), "end": int(el.get("end"))}


def header(h):
    out = {}
    for f in ("issuer", "issuer_parent", "number", "doc_type", "doc_type_code", "place",
              "date", "subject"):
        out[f] = opt_text(h, f)
    out["recipients"] = [r.text or "" for r in items(h, "recipients", "recipient")]
    out["signer"] = opt_text(h, "signer")
    out["distribution"] = [e.text or "" for e in items(h, "distribution", "entry")]
    return out


def reference(r):
    out = {f: opt_text(r, f) for f in ("doc_type", "doc_type_code", "number", "date",
                                        "issuer", "subject")}
    out["relation"] = r.get("relation")
    out["span"] = span(r)
    out["mentions"] = [span(m) for m in items(r, "mentions", "mention")]
    return out


def date(d):
    out = {"text": text(d, "text"), "value": d.get("value"), "role": d.get("role"),
           "span": span(d)}
    if d.get("recurrence") is not None:
        out["recurrence"] = d.get("recurrence")
    if d.get("rule") is not None:
        out["rule"] = d.get("rule")
    return out


def target(t):
    out = {"text": text(t, "text"), "value": float(t.get("value")), "unit": t.get("unit"),
           "comparator": t.get("comparator"), "indicator": opt_text(t, "indicator"),
           "theme": opt_text(t, "theme"), "span": span(t)}
    if t.get("from") is not None:
        out["from"] = float(t.get("from"))
    return out


def assignment(a):
    tasks = items(a, "tasks", "task")
    return {"unit": text(a, "unit"), "role": a.get("role"),
            "tasks": [t.text or "" for t in tasks], "task_spans": [span(t) for t in tasks],
            "section": opt_text(a, "section"), "span": span(a)}


def section(s):
    return {"label": text(s, "label"), "title": opt_text(s, "title"),
            "level": int(s.get("level")), "span": span(s),
            "children": [section(c) for c in s.findall(q("section"))]}


def warning(w):
    out = {"code": w.get("code"), "message": text(w, "message")}
    if w.get("start") is not None:
        out["span"] = span(w)
    return out


def document(d):
    return {"kind": d.get("kind"), "text": text(d, "text"), "header": header(child(d, "header")),
            "references": [reference(r) for r in items(d, "references", "reference")],
            "dates": [date(x) for x in items(d, "dates", "date")],
            "targets": [target(x) for x in items(d, "targets", "target")],
            "assignments": [assignment(x) for x in items(d, "assignments", "assignment")],
            "sections": [section(x) for x in items(d, "sections", "section")],
            "warnings": [warning(x) for x in items(d, "warnings", "warning")]}


def result(root):
    if root.tag != q("result"):
        raise Shape("root is %s, not %sresult" % (root.tag, NS))
    src = child(root, "source")
    return {"schema_version": root.get("schema_version"),
            "source": {"path": text(src, "path"), "sha256": opt_text(src, "sha256"),
                       "format": src.get("format"), "bytes": int(src.get("bytes"))},
            "documents": [document(d) for d in items(root, "documents", "document")],
            "errors": [{"code": e.get("code"), "message": text(e, "message")}
                       for e in items(root, "errors", "error")],
            "warnings": [warning(w) for w in items(root, "warnings", "warning")]}


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


class Tally:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def fail(self, where, msg):
        self.failed += 1
        if self.failed <= 50:
            print("FAIL %s: %s" % (where, msg))


def short(v):
    s = json.dumps(v, ensure_ascii=False)
    return s if len(s) <= 80 else s[:77] + "..."


def compare(want, got, path, tally):
    """want: from the JSON output; got: rebuilt from the XML."""
    if isinstance(want, dict) and isinstance(got, dict):
        for k in sorted(set(want) | set(got)):
            p = "%s/%s" % (path, k)
            if k not in got:
                tally.fail(p, "in JSON, missing from XML")
            elif k not in want:
                tally.fail(p, "in XML, not in JSON")
            else:
                compare(want[k], got[k], p, tally)
    elif isinstance(want, list) and isinstance(got, list):
        if len(want) != len(got):
            tally.fail(path, "JSON has %d items, XML %d" % (len(want), len(got)))
        for i, (w, g) in enumerate(zip(want, got)):
            compare(w, g, "%s/%d" % (path, i), tally)
    elif is_number(want) and is_number(got):
        if float(want) == float(got):
            tally.passed += 1
        else:
            tally.fail(path, "JSON %r, XML %r" % (want, got))
    elif want == got and type(want) is type(got):
        tally.passed += 1
    else:
        tally.fail(path, "JSON %s, XML %s" % (short(want), short(got)))


def main(argv):
    if len(argv) < 3 or len(argv) % 2 == 0:
        print("usage: roundtrip.py XML JSON [XML JSON ...]", file=sys.stderr)
        return 2
    tally = Tally()
    for xml_path, json_path in zip(argv[1::2], argv[2::2]):
        where = xml_path
        try:
            with open(json_path, encoding="utf-8") as f:
                want = json.load(f)
            got = result(ET.parse(xml_path).getroot())
        except (OSError, ValueError, ET.ParseError, Shape, TypeError) as e:
            tally.fail(where, "cannot compare: %s" % e)
            continue
        compare(want, got, where + "#", tally)
    print("%d passed, %d failed" % (tally.passed, tally.failed))
    return 1 if tally.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
