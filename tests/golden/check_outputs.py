#!/usr/bin/env python3
"""Golden tests over samples/: every input converts, every span points at the
words its fact came from, DOCX forms agree with their text, and the accuracy
on the shared gold stays at or above tests/golden/thresholds.json.

usage: check_outputs.py VANBAN [--gold DIR]
Prints one line per failure and closes with 'golden: N passed, N failed'."""
import glob, json, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
passed = failed = 0


def ok(cond, what):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print("FAIL " + what)
    return cond


def convert(vanban, path):
    r = subprocess.run([vanban, "convert", path, "--format", "json"], capture_output=True, timeout=120)
    try:
        return r.returncode, json.loads(r.stdout.decode("utf-8"))
    except ValueError:
        return r.returncode, None


def squash(s):
    return re.sub(r"\s+", "", s or "")


def check_spans(name, doc):
    text = doc["text"]
    n = len(text)

    def cut(span):
        return text[span["start"]:span["end"]] if 0 <= span["start"] <= span["end"] <= n else None

    bad = []
    for d in doc.get("dates", []):
        if cut(d["span"]) != d["text"]:
            bad.append("date %r -> %r" % (d["text"], cut(d["span"])))
    for t in doc.get("targets", []):
        if cut(t["span"]) != t["text"]:
            bad.append("target %r -> %r" % (t["text"], cut(t["span"])))
    for r in doc.get("references", []):
        for m in r.get("mentions", []) + [r["span"]]:
            words = cut(m)
            if words is None or (r.get("number") and squash(r["number"]) not in squash(words)):
                bad.append("reference %r -> %r" % (r.get("number"), words))
    for a in doc.get("assignments", []):
        words = cut(a["span"])
        if words is None or a["unit"] not in words:
            bad.append("assignment %r -> %r" % (a["unit"], words))
        for task, span in zip(a.get("tasks", []), a.get("task_spans", [])):
            if cut(span) != task:
                bad.append("task %r -> %r" % (task[:40], (cut(span) or "")[:40]))

    def walk(secs):
        for s in secs:
            words = cut(s["span"])
            if words is None or not words.startswith(s["label"]):
                bad.append("section %r -> %r" % (s["label"], (words or "")[:30]))
            walk(s.get("children", []))

    walk(doc.get("sections", []))
    for w in doc.get("warnings", []):
        if "span" in w and cut(w["span"]) is None:
            bad.append("warning %s span out of range" % w["code"])
    ok(not bad, "%s: spans: %s" % (name, "; ".join(bad[:5])))


def labels(secs):
    out = []
    for s in secs:
        if s["label"] not in ("-", "+"):
            out.append(s["label"])
        out.extend(labels(s.get("children", [])))
    return out


def main():
    vanban = sys.argv[1]
    gold = sys.argv[sys.argv.index("--gold") + 1] if "--gold" in sys.argv else None
    samples = os.path.join(ROOT, "samples")
    texts = sorted(glob.glob(os.path.join(samples, "*.txt")))
    docxs = sorted(glob.glob(os.path.join(samples, "docx", "*", "*.docx")))
    wrapped = sorted(glob.glob(os.path.join(samples, "wrapped", "*.txt")))
    docs = sorted(glob.glob(os.path.join(samples, "doc", "*", "*.doc")))  # Word 97-2003 forms
    results = {}
    for path in texts + docxs + wrapped + docs:
        name = os.path.relpath(path, ROOT)
        rc, out = convert(vanban, path)
        if not ok(rc == 0 and out is not None, "%s: convert exit %s, JSON %s" % (name, rc, out is not None)):
            continue
        results[path] = out
        ok(out["errors"] == [] and len(out["documents"]) > 0, "%s: documents and no errors" % name)
        for i, doc in enumerate(out["documents"]):
            check_spans("%s#%d" % (name, i), doc)
    # DOCX (and .doc) made from a seed reads like the seed: same header fields, same labels
    fields = ["issuer", "issuer_parent", "number", "doc_type", "doc_type_code", "place", "date", "signer"]
    for path in docxs + docs:
        stem = os.path.splitext(os.path.basename(path))[0]
        twin = os.path.join(samples, stem + ".txt")
        if path not in results or twin not in results:
            continue
        a, b = results[path]["documents"], results[twin]["documents"]
        name = os.path.relpath(path, ROOT)
        if not ok(len(a) == len(b), "%s: %d documents, text has %d" % (name, len(a), len(b))):
            continue
        for i, (da, db) in enumerate(zip(a, b)):
            diff = [f for f in fields if da["header"].get(f) != db["header"].get(f)]
            ok(not diff, "%s#%d: header differs from text in %s" % (name, i, diff))
            ok(labels(da["sections"]) == labels(db["sections"]),
               "%s#%d: section labels differ: %s vs %s" % (name, i, labels(da["sections"])[:12], labels(db["sections"])[:12]))
    # accuracy on the shared gold, text and each DOCX form
    if gold and os.path.isdir(gold):
        limits = json.load(open(os.path.join(HERE, "thresholds.json")))
        score = os.path.join(os.path.dirname(gold), "tools", "score.py")
        dirs = [samples] + sorted(set(os.path.dirname(p) for p in docxs + wrapped + docs))
        for d in dirs:
            r = subprocess.run([sys.executable, score, "--gold", gold, "--inputs", d, "--json", "--cmd",
                                vanban + " convert {} --format json"], capture_output=True, timeout=300)
            figs = json.loads(r.stdout)
            name = os.path.relpath(d, ROOT)
            ok(figs["split_errors"] == 0 and figs["broken"] == 0, "%s: split errors %d, broken %d" % (name, figs["split_errors"], figs["broken"]))
            for field, floor in limits.items():
                got = figs["fields"].get(field, {}).get("f1")
                if got is not None:
                    ok(got >= floor, "%s: %s F1 %.3f below %.3f" % (name, field, got, floor))
    print("golden: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
