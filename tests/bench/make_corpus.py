#!/usr/bin/env python3
"""make_corpus.py — the benchmark's inputs, built from the seeds in samples/.

    make_corpus.py SAMPLES OUT --docx N --txt N [--scale 1,10,100]

OUT/docx/   N DOCX files: copies of samples/docx/*/*.docx
OUT/txt/    N text files: copies of samples/*.txt
OUT/scale/  one DOCX and one text file per factor K: the seed's body repeated
            K times inside ONE document (header and signature block once)

Every copy has its own name and its own content (one paragraph of the seed
gets a short distinct suffix), so no cache keyed on path or content helps.
Standard library only: the benchmark must run on a fresh machine.
"""
import argparse
import os
import re
import sys
import zipfile

# A <w:t> run long enough to be body text, not a header field or a label.
W_T = re.compile(rb"(<w:t(?:\s[^>]*)?>)([^<]{40,})(</w:t>)")
TAG = re.compile(rb"<(/?)([A-Za-z_][\w.:-]*)[^>]*?(/?)>")
LINEARITY_SEED = "003_853f2636e4462903"


def variant_suffix(i):
    # Vietnamese words, no digit-letter patterns an extractor could take for a
    # number or date: "(bản sao thứ 17)" is plain text to every rule table.
    return " (bản sao thứ %d)" % (i + 1)


def vary_xml(xml, i):
    """Append a distinct suffix to one long text run of word/document.xml."""
    runs = list(W_T.finditer(xml))
    if not runs:
        return xml
    m = runs[i % len(runs)]
    suffix = variant_suffix(i).encode("utf-8")
    return xml[: m.end(2)] + suffix + xml[m.end(2):]


def vary_text(text, i):
    lines = text.split("\n")
    long_lines = [k for k, line in enumerate(lines) if len(line) >= 40]
    if not long_lines:
        return text + variant_suffix(i)
    k = long_lines[i % len(long_lines)]
    lines[k] = lines[k].rstrip() + variant_suffix(i)
    return "\n".join(lines)


def rewrite_docx(src, dst, edit):
    """Copy the zip src to dst, passing word/document.xml through edit()."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                data = edit(data)
            zout.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)


def body_children(xml):
    """Split document.xml into (prefix, [top-level body elements], suffix);
    w:sectPr stays in the suffix."""
    start = xml.index(b"<w:body>") + len(b"<w:body>")
    end = xml.rindex(b"</w:body>")
    children, depth, child_start = [], 0, None
    for m in TAG.finditer(xml, start, end):
        closing, selfclosing = m.group(1) == b"/", m.group(3) == b"/"
        if depth == 0 and not closing:
            child_start = m.start()
        if closing:
            depth -= 1
        elif not selfclosing:
            depth += 1
        if depth == 0 and child_start is not None:
            children.append(xml[child_start:m.end()])
            child_start = None
    tail = b""
    if children and children[-1].startswith(b"<w:sectPr"):
        tail = children.pop()
    return xml[:start], children, tail + xml[end:]


def middle(items):
    """The body: the middle half, clear of the header and the signature."""
    n = len(items)
    return items[: n // 4], items[n // 4 : 3 * n // 4], items[3 * n // 4 :]


def scale_docx(xml, k):
    prefix, children, suffix = body_children(xml)
    head, body, foot = middle(children)
    return prefix + b"".join(head + body * k + foot) + suffix


def scale_text(text, k):
    head, body, foot = middle(text.split("\n"))
    return "\n".join(head + body * k + foot)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("samples")
    ap.add_argument("out")
    ap.add_argument("--docx", type=int, default=2000)
    ap.add_argument("--txt", type=int, default=2000)
    ap.add_argument("--scale", default="1,10,100")
    a = ap.parse_args()

    docx_seeds = sorted(
        os.path.join(root, f)
        for root, _, files in os.walk(os.path.join(a.samples, "docx"))
        for f in files
        if f.endswith(".docx")
    )
    txt_seeds = sorted(
        os.path.join(a.samples, f) for f in os.listdir(a.samples) if f.endswith(".txt")
    )
    if (a.docx and not docx_seeds) or (a.txt and not txt_seeds):
        sys.exit("make_corpus: no seeds under %s" % a.samples)
    for sub in ("docx", "txt", "scale"):
        os.makedirs(os.path.join(a.out, sub), exist_ok=True)

    for i in range(a.docx):
        src = docx_seeds[i % len(docx_seeds)]
        tag = os.path.basename(os.path.dirname(src))
        name = "%05d_%s_%s" % (i, tag, os.path.basename(src))
        rewrite_docx(src, os.path.join(a.out, "docx", name), lambda x, i=i: vary_xml(x, i))

    texts = [open(p, encoding="utf-8").read() for p in txt_seeds]
    for i in range(a.txt):
        src = txt_seeds[i % len(txt_seeds)]
        name = "%05d_%s" % (i, os.path.basename(src))
        with open(os.path.join(a.out, "txt", name), "w", encoding="utf-8") as f:
            f.write(vary_text(texts[i % len(texts)], i))

    seed_docx = [p for p in docx_seeds if LINEARITY_SEED in p and "pandoc" in p] or docx_seeds
    seed_txt = [p for p in txt_seeds if LINEARITY_SEED in p] or txt_seeds
    seed_text = open(seed_txt[0], encoding="utf-8").read()
    for k in (int(x) for x in a.scale.split(",") if x):
        rewrite_docx(seed_docx[0], os.path.join(a.out, "scale", "x%d.docx" % k),
                     lambda x, k=k: scale_docx(x, k))
        with open(os.path.join(a.out, "scale", "x%d.txt" % k), "w", encoding="utf-8") as f:
            f.write(scale_text(seed_text, k))


if __name__ == "__main__":
    main()
