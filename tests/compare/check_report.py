#!/usr/bin/env python3
"""Checks on the output of `vanban compare`, for tests/compare/run.sh.

Each sub-command prints one "ok: ..." or "FAIL: ..." line per check; run.sh
counts them.  Exit status is 0 even with failures (run.sh does the sums).

  check_report.py csv DIR                 the five CSVs: BOM, columns, RFC 4180
  check_report.py fixtures DIR            facts expected from tests/compare/fixtures
  check_report.py seeds DIR GOLD_DIR      facts from /work/shared/gold found in the CSVs
  check_report.py dom DOM.html DIR [fixtures]  the rendered DOM against the CSVs
  check_report.py selfcontained FILE.html no network resources in the report
"""
import csv
import html.parser
import io
import json
import os
import re
import sys
import unicodedata

COLUMNS = {
    "targets.csv": ["theme", "plan", "value", "from", "unit", "comparator", "display",
                    "indicator", "source_text", "file"],
    "units.csv": ["sector", "sector_key", "plan", "unit", "role", "tasks", "section",
                  "source_text", "file"],
    "basis.csv": ["number", "doc_type", "date", "issuer", "cited_by_plans", "shared",
                  "compared_as", "plan", "relation", "source_text", "file"],
    "chain.csv": ["from", "from_plan", "to", "to_plan", "to_kind", "relation"],
    "timeline.csv": ["date", "plan", "role", "recurrence", "text", "source_text", "file", "rule"],
}


def check(ok, what):
    print(("ok: " if ok else "FAIL: ") + what)
    return ok


def read_csv(dir_, name):
    with open(os.path.join(dir_, name), "rb") as f:
        raw = f.read()
    text = raw.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline=""), strict=True))


def cmd_csv(dir_):
    for name, cols in COLUMNS.items():
        path = os.path.join(dir_, name)
        if not check(os.path.exists(path), f"{name} written"):
            continue
        raw = open(path, "rb").read()
        check(raw.startswith(b"\xef\xbb\xbf"), f"{name} starts with a UTF-8 BOM")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            check(False, f"{name} is UTF-8 ({e})")
            continue
        body = text[1:]
        # every record ends CRLF; a bare LF may only occur inside quotes
        check(body.endswith("\r\n"), f"{name} rows end with CRLF")
        try:
            rows = list(csv.reader(io.StringIO(body, newline=""), strict=True))
        except csv.Error as e:
            check(False, f"{name} parses as RFC 4180 ({e})")
            continue
        check(rows and rows[0] == cols, f"{name} header is {','.join(cols)}")
        bad = [i for i, r in enumerate(rows) if len(r) != len(cols)]
        check(not bad, f"{name}: every row has {len(cols)} fields" +
              (f" (rows {bad[:5]} do not)" if bad else ""))


def cmd_fixtures(dir_):
    t = read_csv(dir_, "targets.csv")
    check(any(r["plan"] == "Quận 9 2022 — KH 88/KH-UBND" and r["display"] == "≥ 70%"
              and r["theme"] == "training" for r in t),
          "targets: the unnumbered plan is labelled with its cover letter's number, ≥ 70%")
    check(any(r["display"] == "80 (from 74)" and r["theme"] == "healthy_communes" for r in t),
          "targets: 80 (from 74) under healthy_communes")
    check(any(r["display"] == "≥ 1/month" for r in t), "targets: ≥ 1/month")
    check(any(r["display"] == "≥ 5 times" and r["source_text"] == "" for r in t),
          "targets: a fact whose span is out of range is kept, with no source text")
    u = read_csv(dir_, "units.csv")
    keys = {r["unit"]: r["sector_key"] for r in u}
    check(keys.get("Sở Lao động - Thương binh và Xã hội") ==
          keys.get("Phòng Lao động - Thương binh và Xã hội quận") ==
          "lao dong thuong binh xa hoi", "units: Sở and Phòng LĐTBXH share one sector")
    check(keys.get("Công an tỉnh") == keys.get("Công an quận"),
          "units: Công an tỉnh and Công an quận share one sector")
    b = read_csv(dir_, "basis.csv")
    check(sum(1 for r in b if r["number"] == "361/QĐ-TTg" and r["shared"] == "yes") == 2,
          "basis: 361/QĐ-TTg is shared by both plans")
    check(any(r["number"] == "88/KH-UBND" and r["compared_as"] == "Quận 9 2022 — KH 88/KH-UBND"
              for r in b), "basis: the cited 88/KH-UBND is recognised as a compared plan")
    c = read_csv(dir_, "chain.csv")
    edges = {(r["from"], r["to"]) for r in c}
    check(("45/GDĐT", "88/KH-UBND") in edges and ("88/KH-UBND", "15/KH-SLĐTBXH") in edges,
          "chain: 45/GDĐT → 88/KH-UBND → 15/KH-SLĐTBXH")
    check(len(c) == 4, f"chain: 4 edges (got {len(c)})")
    tl = read_csv(dir_, "timeline.csv")
    dated = [r["date"] for r in tl if r["date"]]
    check(dated == sorted(dated) and len(dated) == 5, "timeline: 5 dated events, in order")
    check(tl and tl[-1]["recurrence"] == "quarterly", "timeline: the undated cycle comes last")


def fold(s):
    s = unicodedata.normalize("NFD", s or "")
    return "".join(c for c in s if unicodedata.category(c) != "Mn").replace("đ", "d") \
        .replace("Đ", "D").lower().strip()


def cmd_seeds(dir_, gold_dir):
    t, u = read_csv(dir_, "targets.csv"), read_csv(dir_, "units.csv")
    b, c = read_csv(dir_, "basis.csv"), read_csv(dir_, "chain.csv")
    found = {k: [0, 0] for k in ("targets", "units", "references", "chain")}
    for gname in sorted(os.listdir(gold_dir)):
        if not gname.endswith(".gold.json"):
            continue
        gold = json.load(open(os.path.join(gold_dir, gname), encoding="utf-8"))
        stem = gold["source"].rsplit(".", 1)[0]

        def mine(rows):
            return [r for r in rows if os.path.basename(r.get("file", "")).startswith(stem)]
        tm, um, bm = mine(t), mine(u), mine(b)
        for d in gold["documents"]:
            for g in d.get("targets", []):
                hit = any(float(r["value"]) == g["value"] and r["unit"] == g["unit"]
                          and r["comparator"] == g["comparator"] and r["theme"] == g["theme"]
                          and (g.get("from") is None or r["from"] and
                               float(r["from"]) == g["from"]) for r in tm)
                found["targets"][0] += hit
                found["targets"][1] += 1
                if not hit:
                    print(f"  missing target in {stem}: {g['value']} {g['unit']} {g['theme']}")
            for g in d.get("assignments", []):
                hit = any(fold(r["unit"]) == fold(g["unit"]) and int(r["tasks"]) == g["tasks"]
                          and r["role"] == g["role"] for r in um)
                found["units"][0] += hit
                found["units"][1] += 1
                if not hit:
                    print(f"  missing unit in {stem}: {g['unit']} ({g['role']}, {g['tasks']})")
            for g in d.get("references", []):
                hit = any(r["number"] == g["number"] for r in bm)
                found["references"][0] += hit
                found["references"][1] += 1
                if not hit:
                    print(f"  missing reference in {stem}: {g['number']}")
            own = d["header"].get("number") or d["header"].get("number_inferred")
            for g in d.get("references", []) if own else []:
                hit = any(r["from"] == own and r["to"] == g["number"] for r in c)
                found["chain"][0] += hit
                found["chain"][1] += 1
                if not hit:
                    print(f"  missing chain edge: {own} → {g['number']}")
    for k, (h, n) in found.items():
        check(h == n, f"seeds: {k} found {h}/{n}")
    # one sector across levels: province plan (003) and district plan (000)
    key = {}
    for r in u:
        key.setdefault(fold(r["unit"]), r["sector_key"])
    pairs = [("Sở Lao động - Thương binh và Xã hội", "Phòng Lao động - Thương binh và Xã hội quận"),
             ("Công an tỉnh", "Công an quận"), ("Sở Y tế", "Phòng Y tế quận"),
             ("Sở Tư pháp", "Phòng Tư pháp quận"),
             ("Sở Giáo dục và Đào tạo", "Phòng Giáo dục - Đào tạo quận"),
             ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội",
              "Ủy ban Mặt trận Tổ quốc Việt Nam quận")]
    for a, z in pairs:
        ka, kz = key.get(fold(a)), key.get(fold(z))
        check(ka is not None and ka == kz, f"seeds: '{a}' and '{z}' share a sector row")


class Dom(html.parser.HTMLParser):
    """Collects table cell texts per table id and the SVG's node/edge elements."""

    def __init__(self):
        super().__init__()
        self.stack, self.table, self.cells, self.cell = [], None, {}, None
        self.nodes, self.edges, self.elements = [], [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.elements.append(tag)
        if tag == "table":
            self.table = a.get("id")
            self.cells.setdefault(self.table, [])
        elif tag in ("td", "th") and self.table:
            self.cell = []
        elif tag == "g" and "node" in (a.get("class") or "").split():
            self.nodes.append(a)
        elif tag == "path" and "edge" in (a.get("class") or "").split():
            self.edges.append(a)

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.cells[self.table].append(re.sub(r"\s+", " ", "".join(self.cell)).strip())
            self.cell = None
        elif tag == "table":
            self.table = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def cmd_dom(dom_path, dir_, fixtures):
    dom = Dom()
    dom.feed(open(dom_path, encoding="utf-8").read())
    check("targets-table" in dom.cells and "units-table" in dom.cells and
          "basis-table" in dom.cells and "timeline-table" in dom.cells,
          "dom: the four tables rendered")
    cells = " | ".join(dom.cells.get("targets-table", []))
    for r in read_csv(dir_, "targets.csv"):
        check(r["display"] in cells, f"dom: targets table shows {r['display']} ({r['plan']})")
    units = " | ".join(dom.cells.get("units-table", []))
    missing = [r["unit"] for r in read_csv(dir_, "units.csv") if r["unit"] not in units]
    check(not missing, f"dom: units table shows every unit of units.csv {missing[:3]}")
    chain = read_csv(dir_, "chain.csv")
    n_nodes = len({r["from"] for r in chain} | {r["to"] for r in chain})
    plans = {r["from_plan"] for r in chain} | {r["to_plan"] for r in chain if r["to_plan"]}
    cited = {r["to"] for r in chain if r["to_kind"] == "cited_only"}
    check(len([n for n in dom.nodes if "cited" in n["class"].split()]) == len(cited),
          f"dom: svg has {len(cited)} cited-only nodes")
    check(len(dom.nodes) >= n_nodes and
          len([n for n in dom.nodes if "plan" in n["class"].split()]) >= len(plans),
          f"dom: svg has a node per document of chain.csv ({n_nodes})")
    check(len(dom.edges) == len(chain), f"dom: svg has {len(chain)} edges")
    drawn = {(e.get("data-from"), e.get("data-to")) for e in dom.edges}
    check(all((r["from"], r["to"]) in drawn for r in chain), "dom: every chain.csv edge drawn")
    if fixtures:
        check("b" not in dom.elements and
              "tỷ lệ <b>cán bộ</b> & \"viên chức\" được tập huấn" in cells,
              "dom: markup in an indicator is shown as text, not rendered")


def cmd_selfcontained(path):
    text = open(path, encoding="utf-8").read()
    ext = re.findall(r"""(?:src|href)\s*=\s*["']?(?!#)[^"'\s>]+""", text)
    check(not ext, f"html: no external src/href {ext[:3]}")
    check("<script" not in text and "@import" not in text and "url(http" not in text,
          "html: no scripts, imports or remote urls")
    check(text.count("<svg") == 1, "html: one inline svg")


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    cmd = argv[1]
    if cmd == "csv":
        cmd_csv(argv[2])
    elif cmd == "fixtures":
        cmd_fixtures(argv[2])
    elif cmd == "seeds":
        cmd_seeds(argv[2], argv[3])
    elif cmd == "dom":
        cmd_dom(argv[2], argv[3], len(argv) > 4 and argv[4] == "fixtures")
    elif cmd == "selfcontained":
        cmd_selfcontained(argv[2])
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
