#!/usr/bin/env python3
"""Run `vanban convert` (and `vanban batch`) over the hostile corpus.

    python3 tests/hostile/check.py BUILD_DIR CORPUS_DIR [--valgrind] [--jobs N]

For every case of CORPUS_DIR/cases.json (made by gen_corpus.py):
  * the process ends by itself (no signal, no sanitizer report, no timeout);
  * stdout is one contract result: schema_version, source, documents[], errors[];
  * refused input: documents == [], errors[0].code is one of the expected codes,
    exit status 4 (3 for E_IO), the first stderr line is "vanban: CODE: message";
  * accepted input: errors == [], at least one document, exit status 0;
  * message_re (when given) is found in the first error message, and no
    "forbid" string (e.g. /etc/passwd content) appears in stdout.
The small cases also run with --format xml: the output must be well-formed.
Then, when `vanban batch` exists, one batch over the whole corpus must list
every input in manifest.jsonl with the status and error code convert gave.
With --valgrind, the "small" cases run again under Valgrind memcheck
(definite and indirect leaks are errors).  Peak RSS of each plain run is read
from wait4() and the largest are printed.  Ends with "N passed, N failed".
"""
import concurrent.futures
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

TIMEOUT = 300  # seconds for one conversion; a hang is a failure, not a slow pass
SAN_MARKERS = ("AddressSanitizer", "LeakSanitizer", "UndefinedBehaviorSanitizer", "runtime error:")
REFUSED_EXIT = 4  # vb_status_exit: the input was refused
IO_EXIT = 3  # the file could not be read


# tests/hostile/peak_rss, built by run.sh: measures a child's peak RSS from a
# small parent (see peak_rss.c); without it, wait4 here (figures inflated
# by this process's own size at fork).
PEAK_RSS = None


def run(argv, timeout=TIMEOUT, env=None):
    """Run argv; returns (rc, stdout bytes, stderr text, peak RSS KiB, seconds)."""
    t0 = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        peak = tempfile.NamedTemporaryFile("r", suffix=".rss") if PEAK_RSS else None
        wrapped = [PEAK_RSS, peak.name, "--"] + argv if peak else argv
        p = subprocess.Popen(wrapped, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env,
                             start_new_session=True)
        deadline = t0 + timeout
        while True:
            pid, status, ru = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                os.killpg(p.pid, signal.SIGKILL)
                pid, status, ru = os.wait4(p.pid, 0)
                p.returncode = -999
                break
            time.sleep(0.01)
        rc = p.returncode if p.returncode == -999 else os.waitstatus_to_exitcode(status)
        p.returncode = rc  # reaped here: keep Popen from waiting again
        out.seek(0)
        err.seek(0)
        rss = ru.ru_maxrss
        if peak:
            figure = peak.read().strip()
            peak.close()
            rss = int(figure) if figure.isdigit() else rss
        return rc, out.read(), err.read().decode("utf-8", "replace"), rss, time.monotonic() - t0


def check_result(case, rc, out, err, label):
    """List of problems with one convert run (empty = passed)."""
    problems = []
    if rc == -999:
        return ["timed out after %d s" % TIMEOUT]
    if rc < 0:
        problems.append("killed by signal %d" % -rc)
    for m in SAN_MARKERS:
        if m in err:
            problems.append("sanitizer report: " + err[err.find(m):][:300].replace("\n", " | "))
            break
    try:
        res = json.loads(out)
    except ValueError as e:
        return problems + ["stdout is not one JSON result (%s); stderr: %s" % (e, err[:200])]
    if not isinstance(res, dict) or res.get("schema_version") != "1.0" or not isinstance(res.get("source"), dict):
        problems.append("result lacks schema_version/source")
    docs, errs = res.get("documents"), res.get("errors")
    if not isinstance(docs, list) or not isinstance(errs, list):
        return problems + ["result lacks documents[]/errors[]"]
    expect = case["expect"]
    if expect == ["OK"]:
        if errs:
            problems.append("expected OK, got errors %s" % [e.get("code") for e in errs])
        if not docs:
            problems.append("expected at least one document")
        if rc != 0:
            problems.append("exit status %d for accepted input" % rc)
    else:
        code = errs[0].get("code") if errs else None
        if code == "OK" and "OK" in expect:
            pass
        elif not errs and "OK" in expect:
            if rc != 0:
                problems.append("exit status %d for accepted input" % rc)
        elif code not in expect:
            problems.append("expected %s, got %s" % ("|".join(expect), code or "no error"))
        else:
            if docs:
                problems.append("refused input still has %d documents" % len(docs))
            want_rc = IO_EXIT if code == "E_IO" else REFUSED_EXIT
            if rc != want_rc:
                problems.append("exit status %d, want %d for %s" % (rc, want_rc, code))
            lines = [ln for ln in err.splitlines() if ln.strip()]
            if not lines or not lines[0].startswith("vanban: %s: " % code):
                problems.append("first stderr line is not \"vanban: %s: …\": %r" % (code, lines[:1]))
            if case.get("message_re") and not re.search(case["message_re"], errs[0].get("message", "")):
                problems.append("message %r lacks /%s/" % (errs[0].get("message"), case["message_re"]))
    text = out.decode("utf-8", "replace")
    for f in case.get("forbid", []):
        if f in text:
            problems.append("stdout contains %r" % f)
    return problems


class Tally:
    def __init__(self):
        self.passed = self.failed = 0

    def report(self, label, name, problems, extra=""):
        if problems:
            self.failed += 1
            print("FAIL %-9s %-30s %s" % (label, name, "; ".join(problems)))
        else:
            self.passed += 1
            print("ok   %-9s %-30s %s" % (label, name, extra))
        sys.stdout.flush()


def phase_convert(vanban, files, cases, tally, jobs):
    """Plain convert of every case; returns {name: (first code, rss KiB, seconds)}."""
    seen = {}

    def one(case):
        path = os.path.join(files, case["file"])
        return case, run([vanban, "convert", path, "--compact"])

    # the big cases alone, the rest `jobs` at a time
    small = [c for c in cases if c["small"]]
    big = [c for c in cases if not c["small"]]
    results = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as ex:
        results += list(ex.map(one, small))
    results += [one(c) for c in big]
    for case, (rc, out, err, rss, secs) in results:
        problems = check_result(case, rc, out, err, "convert")
        code = None
        try:
            errs = json.loads(out).get("errors") or []
            code = errs[0]["code"] if errs else "OK"
        except (ValueError, AttributeError, KeyError, IndexError, TypeError):
            pass
        seen[case["file"]] = (code, rss, secs)
        tally.report("convert", case["file"], problems, "%-18s %6.2fs %7.1f MiB" % (code, secs, rss / 1024))
    return seen


def phase_xml(vanban, files, cases, seen, tally, jobs):
    """--format xml on the small cases: well-formed XML, same exit status class."""
    import xml.etree.ElementTree as ET

    small = [c for c in cases if c["small"]]

    def one(case):
        return case, run([vanban, "convert", os.path.join(files, case["file"]), "--format", "xml"])

    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as ex:
        for case, (rc, out, err, rss, secs) in ex.map(one, small):
            problems = []
            if rc < 0 or rc == -999:
                problems.append("killed or timed out (%d)" % rc)
            for m in SAN_MARKERS:
                if m in err:
                    problems.append("sanitizer report: " + err[err.find(m):][:300].replace("\n", " | "))
                    break
            want = (seen.get(case["file"]) or ("?",))[0]
            if (rc == 0) != (want == "OK"):
                problems.append("exit status %d but the JSON run said %s" % (rc, want))
            try:
                ET.fromstring(out)
            except ET.ParseError as e:
                problems.append("output is not well-formed XML: %s" % e)
            tally.report("xml", case["file"], problems, "%6.2fs" % secs)


def phase_valgrind(vanban, files, cases, tally, jobs):
    valgrind = shutil.which("valgrind")
    if not valgrind:
        print("SKIP valgrind: not installed (apt-get install -y valgrind)")
        return
    argv = [valgrind, "-q", "--error-exitcode=99", "--leak-check=full",
            "--errors-for-leak-kinds=definite,indirect", "--show-leak-kinds=definite,indirect"]
    small = [c for c in cases if c["small"]]

    def one(case):
        return case, run(argv + [vanban, "convert", os.path.join(files, case["file"]), "--compact"],
                         timeout=TIMEOUT * 2)

    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as ex:
        for case, (rc, out, err, rss, secs) in ex.map(one, small):
            problems = []
            if rc == 99 or "==" in err and ("Invalid" in err or "definitely lost" in err or "uninitialised" in err):
                problems.append("memcheck: " + " | ".join([ln for ln in err.splitlines() if ln.startswith("==")][:12]))
            problems += check_result(case, rc if rc != 99 else 0, out, err, "valgrind")
            tally.report("valgrind", case["file"], problems, "%6.2fs" % secs)


def phase_batch(vanban, files, cases, seen, tally):
    rc, out, err, _, _ = run([vanban, "batch", "--help"], timeout=30)
    if rc != 0:
        print("SKIP batch: `vanban batch --help` exits %d (%s)" % (rc, err.strip()[:80]))
        return
    outdir = tempfile.mkdtemp(prefix="vanban-hostile-batch-")
    try:
        rc, out, err, rss, secs = run([vanban, "batch", files, "-o", outdir], timeout=TIMEOUT * 3)
        problems = []
        if rc not in (0, REFUSED_EXIT):
            problems.append("batch exit status %d: %s" % (rc, err.strip()[-300:]))
        for m in SAN_MARKERS:
            if m in err:
                problems.append("sanitizer report in batch: " + err[err.find(m):][:300])
        records = {}
        try:
            with open(os.path.join(outdir, "manifest.jsonl"), encoding="utf-8") as f:
                for line in f:
                    rec = json.loads(line)
                    records[os.path.basename(rec.get("path", ""))] = rec
        except (OSError, ValueError) as e:
            problems.append("manifest.jsonl unreadable: %s" % e)
        tally.report("batch", "(run)", problems, "%6.2fs %7.1f MiB" % (secs, rss / 1024))
        if problems and not records:
            return
        for case in cases:
            if not case.get("batch", True):
                continue
            name = case["file"]
            rec = records.get(name)
            p = []
            if rec is None:
                p.append("missing from manifest.jsonl")
            else:
                want = (seen.get(name) or (None,))[0]
                status = rec.get("status")
                code = rec.get("error_code") or "OK"
                if status not in ("ok", "error"):
                    p.append("status %r" % status)
                elif (status == "ok") != (want == "OK"):
                    p.append("status %s but convert said %s" % (status, want))
                elif status == "error" and code != want:
                    p.append("error_code %s but convert said %s" % (code, want))
            tally.report("manifest", name, p, rec.get("status", "") + " " + (rec.get("error_code") or "") if rec else "")
        extra = set(records) - {c["file"] for c in cases if c.get("batch", True)}
        tally.report("manifest", "(no extra lines)", ["unexpected lines: %s" % sorted(extra)] if extra else [])
    finally:
        shutil.rmtree(outdir, ignore_errors=True)


# Peak RSS of a large text input stays within this many bytes per input
# byte plus a constant (plain builds; README "Memory bound").  Measured:
# 4.4 on the 120 MB fact-dense file, 4.4 on the 100 MB file of 152,000
# short documents (33-byte lines: a line costs 80 bytes of line tables until
# normalisation ends), 18 MiB for an empty run.  The bound is checked from
# 5 MB up: below, the constant covers what a file of many empty lines costs.
RSS_PER_BYTE = 4
RSS_CONSTANT_KIB = 64 * 1024
RSS_FROM_BYTES = 5 * 1000 * 1000


def phase_rss_bound(vanban, corpus, files, cases, seen, tally):
    """Every large text case (a DOCX's size says nothing of its text) within the bound,
    and the 120 MB fact-dense file of corpus/memory/ (gen_corpus.py --memory-case)."""
    memory = os.path.join(corpus, "memory")
    for name in sorted(os.listdir(memory)) if os.path.isdir(memory) else []:
        path = os.path.join(memory, name)
        rc, out, err, rss, secs = run([vanban, "convert", path, "--compact"], timeout=TIMEOUT * 3)
        ok = rc == 0 and out.startswith(b"{") and b'"errors":[]' in out
        tally.report("convert", "memory/" + name, [] if ok else ["exit %d: %s" % (rc, err.strip()[:200])],
                     "%6.2fs %7.1f MiB" % (secs, rss / 1024))
        del out
        seen[name] = ("OK", rss, secs)
        cases = cases + [{"file": name, "dir": memory}]
    for case in cases:
        name = case["file"]
        path = os.path.join(case.get("dir", files), name)
        if not name.endswith(".txt") or name not in seen or not os.path.isfile(path):
            continue
        size = os.path.getsize(path)
        if size < RSS_FROM_BYTES:
            continue
        rss = seen[name][1]
        bound = RSS_PER_BYTE * size / 1024 + RSS_CONSTANT_KIB
        problems = [] if rss <= bound else ["peak RSS %.1f MiB over %.1f MiB" % (rss / 1024, bound / 1024)]
        tally.report("memory", name, problems, "%7.1f MiB for %.1f MB: %.1f bytes/byte (bound %d + 64 MiB)"
                     % (rss / 1024, size / 1e6, (rss - 18 * 1024) * 1024 / size, RSS_PER_BYTE))


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    build, corpus = args[0], args[1]
    jobs = 2
    if "--jobs" in args:
        jobs = int(args[args.index("--jobs") + 1])
    vanban = os.path.join(build, "vanban")
    with open(os.path.join(corpus, "cases.json"), encoding="utf-8") as f:
        cases = json.load(f)
    global PEAK_RSS
    if "--peak-rss" in args:
        PEAK_RSS = args[args.index("--peak-rss") + 1]
    files = os.path.join(corpus, "files")
    tally = Tally()
    seen = phase_convert(vanban, files, cases, tally, jobs)
    top = sorted(seen.items(), key=lambda kv: -kv[1][1])[:3]
    print("peak RSS: " + ", ".join("%s %.1f MiB" % (k, v[1] / 1024) for k, v in top))
    others = [v[1] for k, v in seen.items() if not k.startswith("big_")]
    if others:
        print("peak RSS without the 100 MB file: %.1f MiB" % (max(others) / 1024))
    if "--rss-bound" in args:
        phase_rss_bound(vanban, corpus, files, cases, seen, tally)
    phase_xml(vanban, files, cases, seen, tally, jobs)
    phase_batch(vanban, files, cases, seen, tally)
    if "--valgrind" in args:
        phase_valgrind(vanban, files, cases, tally, jobs)
    print("%d passed, %d failed" % (tally.passed, tally.failed))
    return 1 if tally.failed else 0


if __name__ == "__main__":
    sys.exit(main())
