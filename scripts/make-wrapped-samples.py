#!/usr/bin/env python3
"""Write samples/wrapped/<stem>.txt: each seed hard-wrapped at 80 columns,
as PDF-to-text output is (even inside dates), to test paragraph rejoining."""
import glob, os, textwrap, unicodedata

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out_dir = os.path.join(root, "samples", "wrapped")
os.makedirs(out_dir, exist_ok=True)
for path in sorted(glob.glob(os.path.join(root, "samples", "*.txt"))):
    text = unicodedata.normalize("NFC", open(path, encoding="utf-8").read())
    lines = []
    for line in text.split("\n"):
        lines.extend(textwrap.wrap(line, 80, break_long_words=False) or [""])
    with open(os.path.join(out_dir, os.path.basename(path)), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
