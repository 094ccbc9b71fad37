#!/usr/bin/env python3
"""Seed corpora for the fuzz harnesses, built from samples/.

    python3 tests/fuzz/make_seeds.py SAMPLES_DIR OUTDIR

OUTDIR/docx/    the sample .docx files as they are (container mode), and
                each one's XML parts joined with the harness's part
                separator (XML mode: document, numbering, styles, header)
OUTDIR/text/    the sample .txt files as UTF-8, UTF-8 with BOM, UTF-16LE/BE
                and Windows-1258, in 4 KB slices
OUTDIR/extract/ the sample .txt files in 4 KB slices cut at line ends
OUTDIR/doc/     the sample .doc files as they are
Only the standard library; nothing here is committed.
"""
import glob
import os
import sys
import unicodedata
import zipfile

SEP = b"\n#PART#\n"  # VB_FUZZ_PART_SEP in fuzz_docx.c
PARTS = ["word/document.xml", "word/numbering.xml", "word/styles.xml", "word/header1.xml"]
SLICE = 4096


def slices(data, size=SLICE):
    """Pieces of about `size` bytes cut after a newline where one is near."""
    out, i = [], 0
    while i < len(data):
        j = min(len(data), i + size)
        k = data.rfind(b"\n", i, j)
        if j < len(data) and k > i:
            j = k + 1
        out.append(data[i:j])
        i = j
    return out


def write(d, name, data):
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: make_seeds.py SAMPLES_DIR OUTDIR")
    samples, out = sys.argv[1], sys.argv[2]
    n = 0
    for path in sorted(glob.glob(os.path.join(samples, "docx", "*", "*.docx"))):
        tag = os.path.basename(os.path.dirname(path)) + "_" + os.path.basename(path)
        with open(path, "rb") as f:
            write(os.path.join(out, "docx"), tag, f.read())
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            parts = [z.read(p) if p in names else b"" for p in PARTS]
        write(os.path.join(out, "docx"), tag + ".xml", SEP.join(parts).rstrip(SEP))
        n += 2
    for path in sorted(glob.glob(os.path.join(samples, "doc", "*", "*.doc"))):
        with open(path, "rb") as f:
            write(os.path.join(out, "doc"), os.path.basename(path), f.read())
        n += 1
    for path in sorted(glob.glob(os.path.join(samples, "*.txt"))):
        base = os.path.basename(path)
        with open(path, "rb") as f:
            data = f.read()
        text = data.decode("utf-8", "replace")
        for i, piece in enumerate(slices(data)):
            write(os.path.join(out, "extract"), "%s.%d" % (base, i), piece)
            write(os.path.join(out, "text"), "%s.%d.utf8" % (base, i), piece)
            n += 2
        head = slices(data)[0].decode("utf-8", "replace")
        write(os.path.join(out, "text"), base + ".bom", b"\xef\xbb\xbf" + head.encode())
        write(os.path.join(out, "text"), base + ".u16le", b"\xff\xfe" + head.encode("utf-16-le"))
        write(os.path.join(out, "text"), base + ".u16be", head.encode("utf-16-be"))
        decomposed = unicodedata.normalize("NFD", head)
        write(os.path.join(out, "text"), base + ".cp1258", decomposed.encode("cp1258", "replace"))
        n += 4
        del text
    print("%d seeds in %s" % (n, out))


if __name__ == "__main__":
    main()
