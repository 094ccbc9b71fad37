#!/usr/bin/env python3
"""bench.py — vanban's benchmark (run by tests/bench/run.sh, i.e. `make bench`).

Not a test: it never fails on timing.  It builds a corpus from samples/ in a
temporary folder, times `vanban batch` with one worker and with all cores,
times the tools a user would otherwise reach for (pandoc, python-docx) on the
same DOCX, and times one document at 1x, 10x, 100x its length.  Every figure
comes from wait4(2) on the child: wall clock, user+system CPU, peak RSS.

Environment (all optional):
  BENCH_N          files of each kind (default 2000); BENCH_N_DOCX / BENCH_N_TXT
  BENCH_JOBS       workers of the parallel run (default: online cores)
  BENCH_PANDOC_N   DOCX timed with pandoc, one process each (default 100)
  BENCH_REPEAT     runs of each batch timing; the fastest is shown (default 3)
  BENCH_SCALES     length factors of the linearity run (default 1,10,100)
  BENCH_KEEP=1     keep the temporary folder (its path is printed)
"""
import glob
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
MB = 1e6
RUNNING = []  # the child being timed, stopped with us on SIGTERM


def env_int(name, default):
    v = os.environ.get(name, "")
    try:
        return int(v) if v else default
    except ValueError:
        sys.exit("bench: %s must be a number, not %r" % (name, v))


def run(argv, cwd=None):
    """Run argv and reap it with wait4 to get its own rusage: dict(rc, wall,
    cpu = user+system seconds, rss_mb = peak RSS, out, err)."""
    with tempfile.TemporaryFile() as errf:
        t0 = time.monotonic()
        p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=errf, cwd=cwd)
        RUNNING.append(p)
        try:
            out = p.stdout.read()
            p.stdout.close()
            _, status, ru = os.wait4(p.pid, 0)
        finally:
            RUNNING.remove(p)
        wall = time.monotonic() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        errf.seek(0)
        err = errf.read()
    return {"rc": p.returncode, "wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "sys": ru.ru_stime,
            "rss_mb": ru.ru_maxrss / 1024.0, "out": out, "err": err}


def files_in(d):
    return sorted(os.path.join(d, f) for f in os.listdir(d))


def total_bytes(paths):
    return sum(os.path.getsize(p) for p in paths)


def fmt(x, nd=1):
    if x is None:
        return "-"
    if x >= 100:
        return "%.0f" % x
    return ("%." + str(nd) + "f") % x


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|"]
    for r in rows:
        lines.append("| " + " | ".join(r) + " |")
    return "\n".join(lines)


def batch_available(vanban):
    r = run([vanban, "batch", "--help"])
    return r["rc"] == 0 and b"usage: vanban batch" in r["out"]


def count_ok(outdir):
    path = os.path.join(outdir, "manifest.jsonl")
    if not os.path.exists(path):
        return None
    ok = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            ok += '"status":"ok"' in line.replace(" ", "")
    return ok


WARMUP_N = 300


def warm_up(vanban, work, files):
    """One untimed batch before the timed ones.  The corpus's own writes are
    flushed first (os.sync) so their writeback does not land in the first
    timed run, and the first run is not the one that wakes an idle (virtual)
    CPU and fills the page and instruction caches: on the development VM
    the first of identical runs took 25-50 % more CPU than the next."""
    os.sync()
    lst = os.path.join(work, "warmup-list.txt")
    with open(lst, "w", encoding="utf-8") as f:
        f.write("\n".join(files) + "\n")
    run([vanban, "batch", "--files-from", lst, "-o", os.path.join(work, "out-warmup"), "-j", "1",
         "-q", "--force"])
    print("warm-up: %d files, untimed" % len(files))


def time_vanban_best(vanban, inputs_dir, jobs, work, label, use_batch, repeat):
    """The fastest (wall clock) of `repeat` identical runs: on a shared or
    virtual machine the others are slower for reasons outside the program
    (other load, a descheduled vCPU), never faster."""
    runs = [time_vanban(vanban, inputs_dir, jobs, work, label, use_batch, k)
            for k in range(max(1, repeat))]
    best = min(runs, key=lambda r: r["wall"])
    best["repeat"] = len(runs)
    return best


def time_vanban(vanban, inputs_dir, jobs, work, label, use_batch, rep=0):
    files = files_in(inputs_dir)
    outdir = os.path.join(work, "out-%s-j%d-r%d" % (label, jobs, rep))
    if use_batch:
        argv = [vanban, "batch", inputs_dir, "-o", outdir, "-j", str(jobs), "-q", "--force"]
    else:
        # Fallback: one `vanban convert` process per file, `jobs` at a time.
        os.makedirs(outdir, exist_ok=True)
        lst = os.path.join(work, "list-%s.txt" % label)
        with open(lst, "w", encoding="utf-8") as f:
            f.write("\n".join(files) + "\n")
        argv = ["sh", "-c",
                'xargs -P "$1" -I{} sh -c \'exec "$0" convert "$1" --compact '
                '-o "$2/$(basename "$1").json"\' "$2" {} "$3" < "$4"',
                "sh", str(jobs), vanban, outdir, lst]
    r = run(argv)
    ok = count_ok(outdir) if use_batch else len(os.listdir(outdir))
    # The outputs stay until the end (the work folder goes then): deleting
    # thousands of files just before the next run makes ext4 skip the
    # recently freed inodes one by one when that run creates its files
    # (recently_deleted in the kernel profile), which measured 0.3 -> 1.3 s
    # of system time for 2,000 files - the file system's, not vanban's.
    r.update(docs=len(files), bytes=total_bytes(files), ok=ok, jobs=jobs, label=label)
    return r


def pandoc_rate(docx, n, work):
    if not shutil.which("pandoc"):
        return None
    sample = docx[:n]
    lst = os.path.join(work, "pandoc-list.txt")
    with open(lst, "w", encoding="utf-8") as f:
        f.write("\n".join(sample) + "\n")
    # One process per file, as a user's shell loop would run it.
    r = run(["sh", "-c", 'while IFS= read -r f; do pandoc -f docx -t plain "$f" -o /dev/null '
             '|| exit 1; done < "$1"', "sh", lst])
    if r["rc"] != 0:
        return None
    r.update(docs=len(sample), bytes=total_bytes(sample))
    return r


PYDOCX_SCRIPT = r"""
import sys, docx
n = 0
for path in open(sys.argv[1], encoding="utf-8").read().split("\n"):
    if not path:
        continue
    d = docx.Document(path)
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            for cell in row.cells:
                parts.extend(p.text for p in cell.paragraphs)
    n += len("\n".join(parts))
print(n)
"""


def python_docx_interpreter():
    for py in ("python3", "/usr/bin/python3"):
        exe = shutil.which(py) if not py.startswith("/") else (py if os.path.exists(py) else None)
        if exe and subprocess.call([exe, "-c", "import docx"], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL) == 0:
            return exe
    return None


def python_docx_rate(docx, work):
    py = python_docx_interpreter()
    if not py:
        return None
    lst = os.path.join(work, "pydocx-list.txt")
    with open(lst, "w", encoding="utf-8") as f:
        f.write("\n".join(docx) + "\n")
    script = os.path.join(work, "pydocx.py")
    with open(script, "w", encoding="utf-8") as f:
        f.write(PYDOCX_SCRIPT)
    r = run([py, script, lst])
    if r["rc"] != 0:
        sys.stderr.write(r["err"].decode("utf-8", "replace"))
        return None
    r.update(docs=len(docx), bytes=total_bytes(docx))
    return r


def comparison_table(base, others, n_docx, use_batch):
    """vanban -j1 against the other tools on the same DOCX; ratios by wall
    clock and by CPU time (the fairer one on a shared machine)."""
    def rates(r):
        return r["docs"] / r["wall"], r["docs"] / r["cpu"] if r["cpu"] else None

    vw, vc = rates(base)
    rows = [["vanban %s -j1 (ingest..JSON written)" % ("batch" if use_batch else "convert"),
             str(base["docs"]), fmt(vw), fmt(vc), fmt(n_docx / vw), "1", "1"]]
    names = {"pandoc": "pandoc -f docx -t plain, one process per file",
             "python-docx": "python-docx paragraphs+tables text, one python process"}
    for key in ("pandoc", "python-docx"):
        r = others.get(key)
        if not r:
            rows.append([key, "-", "not installed", "-", "-", "-", "-"])
            continue
        w, c = rates(r)
        name = names[key]
        if r["docs"] < n_docx:
            name += " (%d timed, extrapolated to %d)" % (r["docs"], n_docx)
        rows.append([name, str(r["docs"]), fmt(w, 2), fmt(c, 2), fmt(n_docx / w),
                     "%.1fx" % (vw / w), "%.1fx" % (vc / c) if c and vc else "-"])
    return table(["same DOCX, one core", "files timed", "docs/s", "docs/CPU-s",
                  "s for all %d" % n_docx, "vanban faster (wall)", "vanban faster (CPU)"], rows)


def print_targets(by, jobs, others, worst_linearity, harness_rates):
    """The issue's targets beside what was measured: information, never a
    failure (a shared or loaded machine moves every wall-clock figure).
    harness_rates: DOCX per CPU-second of the in-process harness, for the
    whole pipeline and for DOCX ingest alone (the work python-docx does)."""
    lines = []
    d1, dn = by.get(("docx", 1)), by.get(("docx", jobs))
    if d1:
        lines.append("one core, DOCX/s (CPU): %s  (target >= 2000)" % fmt(d1["docs"] / d1["cpu"]))
        if harness_rates.get("pipeline"):
            lines.append("one core, DOCX/s (CPU), in process, from the stage timings above (a timer read around each stage): %s"
                         % fmt(harness_rates["pipeline"]))
        for key, want in (("python-docx", 6), ("pandoc", 300)):
            r = others.get(key)
            if r and r["cpu"]:
                lines.append("vs %s (CPU): %.1fx  (target >= %dx)" % (
                    key, (d1["docs"] / d1["cpu"]) / (r["docs"] / r["cpu"]), want))
        r = others.get("python-docx")
        if r and r["cpu"] and harness_rates.get("ingest"):
            lines.append("DOCX ingest alone (text out, as python-docx) vs python-docx (CPU): "
                         "%.1fx" % (harness_rates["ingest"] / (r["docs"] / r["cpu"])))
        if dn and jobs > 1:
            lines.append("-j%d vs -j1 (wall): %.2fx  (target >= 1.8x for two workers; "
                         "needs idle cores)" % (jobs, d1["wall"] / dn["wall"]))
        lines.append("peak RSS of one worker: %s MB  (target <= 50)" % fmt(d1["rss_mb"]))
    if worst_linearity is not None:
        lines.append("time per MB, worst length vs 1x: %.2fx  (linear: about 1 or less)"
                     % worst_linearity)
    print("targets (measured here; not checked):")
    for line in lines:
        print("  " + line)


def linearity(harness, vanban, scale_dir, scales):
    """Seconds per MB of document text at each length factor."""
    rows = []
    for k in scales:
        for ext in ("docx", "txt"):
            path = os.path.join(scale_dir, "x%d.%s" % (k, ext))
            conv = run([vanban, "convert", path, "--compact"])
            text_bytes, n_docs = text_size(conv["out"])
            repeat = max(1, 100 // k)
            if harness:
                r = run([harness, "-r", str(repeat), path])
                secs = parse_harness(r["out"]) if r["rc"] == 0 else None
            else:
                secs = None
            if secs is None:  # no harness: one convert process, start-up included
                repeat = 1
                r = run([vanban, "convert", path, "--compact", "-o", os.devnull])
                secs = r["wall"]
            rows.append({"k": k, "ext": ext, "in": os.path.getsize(path), "text": text_bytes,
                         "docs": n_docs, "secs": secs / repeat, "repeat": repeat,
                         "rss_mb": r["rss_mb"]})
    return rows


def stage_profile(harness, inputs_dir, work, label):
    """CPU seconds per stage over every file of inputs_dir (one thread)."""
    lst = os.path.join(work, "stages-%s.txt" % label)
    files = files_in(inputs_dir)
    with open(lst, "w", encoding="utf-8") as f:
        f.write("\n".join(files) + "\n")
    r = run([harness, "--stages", "--files-from", lst])
    stages = []
    for line in r["out"].decode().splitlines():
        w = line.split()
        if w and w[0] == "stage":
            stages.append((" ".join(w[1:-2]), float(w[-1])))
    return stages, len(files)


def text_size(json_bytes):
    import json
    try:
        res = json.loads(json_bytes)
    except ValueError:
        return 0, 0
    docs = res.get("documents", [])
    return sum(len(d.get("text", "").encode("utf-8")) for d in docs), len(docs)


def parse_harness(out):
    # "files N bytes B seconds S"
    f = out.decode().split()
    try:
        return float(f[f.index("seconds") + 1])
    except (ValueError, IndexError):
        return None


def on_sigterm(*_):
    """Stop the timed child, then leave through `finally`, which removes the
    temporary corpus."""
    for p in list(RUNNING):
        p.terminate()
        p.wait()
    sys.exit(143)


ROW_NAMES = {"docx": "DOCX", "doc": ".doc", "txt": "text"}


def make_doc_corpus(dst, n):
    """n copies of the seeds saved as Word 97-2003 (samples/doc/**/*.doc)
    under dst; the number made (0 when there are none)."""
    srcs = sorted(glob.glob(os.path.join(ROOT, "samples", "doc", "**", "*.doc"), recursive=True))
    if not srcs or n <= 0:
        return 0
    os.makedirs(dst, exist_ok=True)
    for i in range(n):
        src = srcs[i % len(srcs)]
        shutil.copyfile(src, os.path.join(dst, "%05d_%s" % (i, os.path.basename(src))))
    return n


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: bench.py BUILD_DIR [HARNESS]")
    build = sys.argv[1]
    harness = sys.argv[2] if len(sys.argv) > 2 and os.path.exists(sys.argv[2]) else None
    vanban = os.path.abspath(os.path.join(build, "vanban"))
    if not os.path.exists(vanban):
        sys.exit("bench: %s not built (run make first)" % vanban)
    n = env_int("BENCH_N", 2000)
    n_docx, n_txt = env_int("BENCH_N_DOCX", n), env_int("BENCH_N_TXT", n)
    jobs = env_int("BENCH_JOBS", os.cpu_count() or 1)
    pandoc_n = env_int("BENCH_PANDOC_N", 100)
    repeat = env_int("BENCH_REPEAT", 3)
    scales = [int(x) for x in os.environ.get("BENCH_SCALES", "1,10,100").split(",") if x]

    signal.signal(signal.SIGTERM, on_sigterm)
    work = tempfile.mkdtemp(prefix="vanban-bench.")
    try:
        t0 = time.monotonic()
        subprocess.check_call([sys.executable, os.path.join(HERE, "make_corpus.py"),
                               os.path.join(ROOT, "samples"), work, "--docx", str(n_docx),
                               "--txt", str(n_txt), "--scale", ",".join(map(str, scales))])
        docx = files_in(os.path.join(work, "docx"))
        n_doc = make_doc_corpus(os.path.join(work, "doc"), env_int("BENCH_N_DOC", n))
        print("corpus: %d DOCX (%.1f MB), %d text (%.1f MB) from samples/, built in %.1f s in %s"
              % (len(docx), total_bytes(docx) / MB, n_txt,
                 total_bytes(files_in(os.path.join(work, "txt"))) / MB,
                 time.monotonic() - t0, work))
        print("machine: %d online cores, load average %.2f; figures are wall clock unless "
              "marked CPU" % (os.cpu_count() or 1, os.getloadavg()[0]))
        use_batch = batch_available(vanban)
        how = "vanban batch" if use_batch else "vanban convert, one process per file (batch not built)"
        print("timing: %s, the fastest of %d runs of each" % (how, max(1, repeat)))
        if use_batch:
            warm_up(vanban, work, docx[:WARMUP_N] + files_in(os.path.join(work, "txt"))[:WARMUP_N])
        print()

        runs = []
        job_list = [1] if jobs <= 1 else [1, jobs]
        wanted = {"docx": n_docx, "txt": n_txt, "doc": n_doc}
        for label in ("docx", "doc", "txt"):
            if not wanted[label]:
                continue
            for j in job_list:
                runs.append(time_vanban_best(vanban, os.path.join(work, label), j, work, label,
                                             use_batch, repeat))
        rows = []
        for r in runs:
            rows.append([
                "%s -j%d" % (ROW_NAMES[r["label"]], r["jobs"]),
                str(r["docs"]), "%s/%d" % (r["ok"], r["docs"]) if r["ok"] is not None else "-",
                fmt(r["wall"], 2), fmt(r["cpu"], 2), fmt(r["sys"], 2), fmt(r["docs"] / r["wall"]),
                fmt(r["docs"] / r["cpu"]) if r["cpu"] else "-",
                fmt(r["bytes"] / MB / r["wall"], 2), fmt(r["rss_mb"]),
                # batch: one process, its peak shared by the workers; the
                # convert loop: each process is a worker, wait4 gives the max
                fmt(r["rss_mb"] / r["jobs"] if use_batch else r["rss_mb"])])
        print(table(["%s" % ("batch" if use_batch else "convert loop"), "files", "ok", "wall s",
                     "CPU s", "of it system", "docs/s", "docs/CPU-s", "MB/s in", "peak RSS MB",
                     "RSS/worker MB"], rows))
        by = {(r["label"], r["jobs"]): r for r in runs}
        if ("doc", 1) in by and ("docx", 1) in by and by[("doc", 1)]["cpu"] and by[("docx", 1)]["cpu"]:
            d, x = by[("doc", 1)], by[("docx", 1)]
            print(".doc: %.0f docs per CPU-second against DOCX's %.0f (-j1; the seeds saved as .doc "
                  "by LibreOffice, samples/doc/)" % (d["docs"] / d["cpu"], x["docs"] / x["cpu"]))
        for label in ("docx", "doc", "txt"):
            if (label, 1) in by and (label, jobs) in by and jobs > 1:
                print("%s: -j%d is %.2fx -j1 (wall)" % (label, jobs, by[(label, 1)]["wall"]
                                                         / by[(label, jobs)]["wall"]))
        print("(system time is mostly the file system creating the result files; on ext4 it grows "
              "several-fold for some minutes after many files were deleted, e.g. by the previous "
              "bench's clean-up)")
        print()

        base = by.get(("docx", 1))
        others = {}
        if base:
            others["pandoc"] = pandoc_rate(docx, pandoc_n, work)
            others["python-docx"] = python_docx_rate(docx, work)
            print(comparison_table(base, others, len(docx), use_batch))
            print()

        harness_rates = {}
        if harness:
            prof = {}
            for label in ("docx", "txt"):
                if os.listdir(os.path.join(work, label)):
                    prof[label] = stage_profile(harness, os.path.join(work, label), work, label)
            if prof:
                names = [n for n, _ in next(iter(prof.values()))[0]]
                srows = []
                for i, name in enumerate(names):
                    row = [name]
                    for label in ("docx", "txt"):
                        if label not in prof:
                            row += ["-", "-"]
                            continue
                        stages, nfiles = prof[label]
                        tot = sum(c for _, c in stages) or 1
                        row += ["%.3f" % (1e3 * stages[i][1] / nfiles),
                                "%.0f%%" % (100 * stages[i][1] / tot)]
                    srows.append(row)
                total_row = ["total"]
                for label in ("docx", "txt"):
                    if label in prof:
                        stages, nfiles = prof[label]
                        total_row += ["%.3f" % (1e3 * sum(c for _, c in stages) / nfiles), "100%"]
                    else:
                        total_row += ["-", "-"]
                srows.append(total_row)
                print(table(["stage (CPU, one thread)", "DOCX ms/file", "share",
                             "text ms/file", "share"], srows))
                print()
                if "docx" in prof:
                    stages, nfiles = prof["docx"]
                    harness_rates["pipeline"] = nfiles / (sum(c for _, c in stages) or 1)
                    ingest = dict(stages).get("ingest")
                    if ingest:
                        harness_rates["ingest"] = nfiles / ingest

        lin = linearity(harness, vanban, os.path.join(work, "scale"), scales)
        base_spm = {}
        lrows = []
        for r in lin:
            spm = r["secs"] / (r["text"] / MB) if r["text"] else None
            base_spm.setdefault(r["ext"], spm)
            rel = spm / base_spm[r["ext"]] if spm and base_spm[r["ext"]] else None
            lrows.append(["%dx %s" % (r["k"], "DOCX" if r["ext"] == "docx" else "text"),
                          str(r["docs"]), fmt(r["in"] / 1e3), fmt(r["text"] / 1e3),
                          "%.4f" % r["secs"], fmt(spm, 3), fmt(rel, 2), fmt(r["rss_mb"])])
        print(table(["one document, body repeated", "docs out", "input KB", "text KB",
                     "s per file", "s per MB text", "vs 1x", "peak RSS MB"], lrows))
        print("(%s)" % ("in-process harness tests/bench/bench_pipeline.c, whole pipeline, "
                        "JSON written; repeated to 100x the 1x work" if harness else
                        "one vanban convert per file, start-up included"))
        print()
        rels = [spm_rel for spm_rel in (
            (r["secs"] / (r["text"] / MB)) / base_spm[r["ext"]]
            for r in lin if r["text"] and base_spm.get(r["ext"])) ]
        print_targets(by, jobs, others if base else {}, max(rels) if rels else None,
                      harness_rates)
    finally:
        if os.environ.get("BENCH_KEEP") == "1":
            print("kept: %s" % work)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
