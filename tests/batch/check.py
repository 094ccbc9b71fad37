#!/usr/bin/env python3
"""Helpers for tests/batch/run.sh: each sub-command prints nothing and exits
0 when the property holds, or prints why and exits 1."""
import json
import os
import sqlite3
import sys

TIMING = ("ms",)


def manifest(path, drop=TIMING):
    lines = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            rec = json.loads(line)
            for k in drop:
                rec.pop(k, None)
            lines.append(rec)
    return lines


def fail(msg):
    print("   ", msg)
    sys.exit(1)


def accounts(outdir, expected_paths_file):
    """Every input has exactly one line; statuses and result files agree."""
    expected = [l.rstrip("\n") for l in open(expected_paths_file, encoding="utf-8") if l.strip()]
    recs = manifest(os.path.join(outdir, "manifest.jsonl"))
    got = [r["path"] for r in recs]
    if sorted(got) != sorted(expected):
        fail("manifest paths differ: missing %s, extra %s"
             % (sorted(set(expected) - set(got))[:5], sorted(set(got) - set(expected))[:5]))
    if len(set(got)) != len(got):
        fail("a path has two lines")
    for r in recs:
        if r["status"] not in ("ok", "error", "skipped"):
            fail("bad status %r" % r)
        if r["tool_version"] is None:
            fail("no tool_version: %r" % r)
        if r["status"] == "skipped":
            if r["output"] is not None or not r["error_code"] or not r["error"]:
                fail("skipped without a reason or with an output: %r" % r)
            continue
        res_path = os.path.join(outdir, r["output"])
        res = json.load(open(res_path, encoding="utf-8"))
        if res["source"]["path"] != r["path"]:
            fail("%s: source.path %r" % (res_path, res["source"]["path"]))
        if r["status"] == "ok":
            if res["errors"] or r["error_code"] is not None or len(r["sha256"] or "") != 64:
                fail("ok line but errors: %r" % r)
            if len(res["documents"]) != r["documents"]:
                fail("%s: documents count %d vs manifest %d" % (res_path, len(res["documents"]), r["documents"]))
            refs = sum(len(d["references"]) for d in res["documents"])
            if refs != r["facts"]["references"]:
                fail("%s: references count differs from the manifest" % res_path)
        else:
            if res["documents"] != [] and not res["errors"]:
                fail("error line but the result has no errors: %s" % res_path)
            if not res["errors"] or r["error_code"] != res["errors"][0]["code"]:
                fail("error line without matching error code: %r" % r)


def status_of(outdir, path):
    for r in manifest(os.path.join(outdir, "manifest.jsonl")):
        if r["path"] == path:
            print(r["status"], r["error_code"] or "-", "cached" if r["cached"] else "new")
            return
    print("absent")


def same_manifest(a, b, *ignore):
    drop = TIMING + tuple(ignore)
    ma, mb = manifest(a, drop), manifest(b, drop)
    if ma != mb:
        for x, y in zip(ma, mb):
            if x != y:
                fail("first difference:\n      %s\n      %s" % (x, y))
        fail("line counts %d vs %d" % (len(ma), len(mb)))


def all_cached(path):
    """Every converted line of a re-run is cached (skipped lines never are)."""
    for r in manifest(path):
        if r["status"] != "skipped" and not r["cached"]:
            fail("not cached: %s (%s)" % (r["path"], r["error_code"]))


def none_cached(path):
    for r in manifest(path):
        if r["cached"]:
            fail("cached although --force: %s" % r["path"])


def counts(path):
    """ok error skipped, for the summary check."""
    c = {"ok": 0, "error": 0, "skipped": 0}
    for r in manifest(path):
        c[r["status"]] += 1
    print(c["ok"], c["error"], c["skipped"])


def ndjson_matches(ndjson, outdir):
    """Each stdout line equals the result file of the same input, compacted,
    and comes in manifest order."""
    lines = [json.loads(l) for l in open(ndjson, encoding="utf-8")]
    recs = [r for r in manifest(os.path.join(outdir, "manifest.jsonl")) if r["output"]]
    if [l["source"]["path"] for l in lines] != [r["path"] for r in recs]:
        fail("NDJSON order differs from the manifest's")
    for l, r in zip(lines, recs):
        if l != json.load(open(os.path.join(outdir, r["output"]), encoding="utf-8")):
            fail("NDJSON line differs from %s" % r["output"])


def paths_in_order(outdir, list_file):
    want = [l.rstrip("\n") for l in open(list_file, encoding="utf-8") if l.strip()]
    got = [r["path"] for r in manifest(os.path.join(outdir, "manifest.jsonl"))]
    if got != want:
        fail("manifest order %s… is not the --files-from order %s…" % (got[:3], want[:3]))


def db_table_counts(db):
    con = sqlite3.connect(db)
    tables = ["files", "documents", "references", "dates", "targets", "assignments", "tasks",
              "sections", "warnings", "errors"]
    print(" ".join("%s=%d" % (t, con.execute('SELECT count(*) FROM "%s"' % t).fetchone()[0])
                   for t in tables))


def db_sound(db, n_inputs):
    n_inputs = int(n_inputs)
    con = sqlite3.connect(db)
    con.execute("PRAGMA foreign_keys = ON")
    if con.execute("PRAGMA foreign_key_check").fetchall():
        fail("foreign key violations")
    if con.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        fail("integrity_check failed")
    if con.execute("PRAGMA user_version").fetchone()[0] < 1:
        fail("user_version not set")
    if con.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        fail("not in WAL mode")
    n = con.execute("SELECT count(*) FROM files").fetchone()[0]
    if n != n_inputs:
        fail("files rows %d, distinct inputs %d" % (n, n_inputs))
    dup = con.execute("SELECT count(*) FROM (SELECT file_id, ordinal FROM documents "
                      "GROUP BY 1, 2 HAVING count(*) > 1)").fetchone()[0]
    if dup:
        fail("duplicate documents")


def store_matches_ndjson(db, ndjson):
    """Each NDJSON result is in the store: its status, and per document its
    text and the number of each kind of fact, in order."""
    con = sqlite3.connect(db)
    for line in open(ndjson, encoding="utf-8"):
        res = json.loads(line)
        path = res["source"]["path"]
        row = con.execute("SELECT id, status FROM files WHERE path = ?", (path,)).fetchone()
        if not row or row[1] != ("error" if res["errors"] else "ok"):
            fail("%s: store files row %r" % (path, row))
        docs = con.execute("SELECT id, text FROM documents WHERE file_id = ? ORDER BY ordinal",
                           (row[0],)).fetchall()
        if [t for _, t in docs] != [d["text"] for d in res["documents"]]:
            fail("%s: stored documents differ from the NDJSON line's" % path)
        for (doc_id, _), d in zip(docs, res["documents"]):
            for table, key in (("references", "references"), ("dates", "dates"), ("targets", "targets"),
                               ("assignments", "assignments")):
                n = con.execute('SELECT count(*) FROM "%s" WHERE document_id = ?' % table,
                                (doc_id,)).fetchone()[0]
                if n != len(d[key]):
                    fail("%s: %d %s stored, %d in the NDJSON line" % (path, n, table, len(d[key])))


def same_rows(db_a, db_b):
    """The two stores hold the same rows with the same ids (import times aside)."""
    def rows(db):
        con = sqlite3.connect(db)
        out = []
        for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
            cols = [c[1] for c in con.execute('PRAGMA table_info("%s")' % name) if c[1] != "imported_at"]
            q = 'SELECT %s FROM "%s" ORDER BY rowid' % (", ".join('"%s"' % c for c in cols), name)
            out.append((name, con.execute(q).fetchall()))
        return out
    if rows(db_a) != rows(db_b):
        fail("%s and %s hold different rows" % (db_a, db_b))


def store_agrees(db, manifest_path):
    """The store has one files row per manifest line, with the same status
    and first error code (copies with the same bytes included)."""
    con = sqlite3.connect(db)
    rows = {p: (st, code) for p, st, code in
            con.execute("SELECT path, status, error_code FROM files")}
    recs = manifest(manifest_path)
    if len(rows) != len(recs):
        fail("store files %d, manifest lines %d" % (len(rows), len(recs)))
    for r in recs:
        got = rows.get(r["path"])
        if got != (r["status"], r["error_code"]):
            fail("%s: store %r, manifest %r" % (r["path"], got, (r["status"], r["error_code"])))
    dup = con.execute("SELECT count(*) FROM (SELECT sha256 FROM files WHERE sha256 IS NOT NULL"
                      " GROUP BY sha256 HAVING count(*) > 1)").fetchone()[0]
    if not dup:
        fail("no two inputs share their bytes: the test lost its duplicates")


def copies_of(db, number, n_files):
    """Every stored copy of the document numbered `number` shares one
    identity, seen in n_files files."""
    con = sqlite3.connect(db)
    rows = con.execute("SELECT DISTINCT s.identity_id, s.files FROM same_document s"
                       " JOIN documents d ON d.id = s.document_id WHERE d.number = ?",
                       (number,)).fetchall()
    if rows != [(rows[0][0], int(n_files))] if rows else True:
        fail("%s: identities/files %r, want one identity in %s files" % (number, rows, n_files))


def journal_paths(outdir):
    """How many distinct inputs the journal of a killed run holds."""
    seen = set()
    try:
        f = open(os.path.join(outdir, ".vanban-journal.jsonl"), encoding="utf-8")
    except FileNotFoundError:
        print(0)
        return
    for line in f:
        try:
            seen.add(json.loads(line)["path"])
        except (ValueError, KeyError):
            pass  # the half line of a killed write
    print(len(seen))


def no_input_blamed(manifest_path):
    """An output failure counted no input as an error."""
    if not os.path.exists(manifest_path):
        return
    for r in manifest(manifest_path):
        if r["status"] == "error":
            fail("input blamed: %r" % r)


def query(db, sql_file):
    con = sqlite3.connect(db)
    for row in con.execute(open(sql_file, encoding="utf-8").read()):
        print("|".join("" if v is None else str(v) for v in row))


if __name__ == "__main__":
    globals()[sys.argv[1]](*sys.argv[2:])
