#!/usr/bin/env python3
"""check_floors.py FLOORS.json CMD...: run CMD (score.py --json), compare
each field's F1, the macro F1 and the wrong-split count with the floors.
Prints one line per field and 'realdev: N passed, N failed'."""
import json, subprocess, sys


def main(argv):
    floors = json.load(open(argv[1], encoding="utf-8"))
    r = subprocess.run(argv[2:], capture_output=True, text=True)
    if r.returncode != 0:
        print("FAIL realdev: the scorer failed:", r.stderr[-500:])
        return 1
    got = json.loads(r.stdout)
    passed = failed = 0
    checks = [(f, got["fields"].get(f, {}).get("f1", 0.0), v) for f, v in floors["fields"].items()]
    checks.append(("macro_f1", got["macro_f1"], floors["macro_f1"]))
    for name, value, floor in checks:
        ok = value + 1e-9 >= floor
        print(f"{'ok  ' if ok else 'FAIL'} {name:22} {value:.3f} (floor {floor:.3f})")
        passed, failed = passed + ok, failed + (not ok)
    ok = got["split_errors"] <= floors["split_errors_max"] and got["broken"] == 0
    print(f"{'ok  ' if ok else 'FAIL'} splits wrong {got['split_errors']} (at most {floors['split_errors_max']}), "
          f"no output {got['broken']}")
    passed, failed = passed + ok, failed + (not ok)
    print(f"realdev: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
