"""jsonschema_check.py SCHEMA FILE... -- validate JSON files with the
established python3-jsonschema (Draft 2020-12), independently of vanban's own
validator.  Run with Debian's /usr/bin/python3 (package python3-jsonschema).
Prints one line per violation ("FILE: /pointer: message"); exit 0 if all
files are valid, 1 if any is not, 2 if the schema itself is not valid."""
import json
import sys

import jsonschema


def pointer(path):
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.SchemaError as e:
        print("%s: not a valid Draft 2020-12 schema: %s" % (argv[1], e.message))
        return 2
    validator = jsonschema.Draft202012Validator(schema)
    bad = 0
    for path in argv[2:]:
        try:
            with open(path, encoding="utf-8") as f:
                doc = json.load(f)
        except (OSError, ValueError) as e:
            print("%s: unreadable: %s" % (path, e))
            bad += 1
            continue
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        for e in errors:
            print("%s: %s: %s" % (path, pointer(e.absolute_path), e.message[:200]))
        bad += bool(errors)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
