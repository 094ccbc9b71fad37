#!/usr/bin/env python3
"""mutate.py KIND IN OUT -- write a deliberately broken copy of a vanban result
(JSON or XML, detected from the content) that every validator must reject.

KIND:
  none            unchanged (re-serialised): must still be accepted
  unknown_field   an extra field "foo" in the first document
  relation        a reference whose relation is "foo"
  date            a date whose value is "2019-5-7"
  missing         the first document without its required "kind"
The input must hold at least one document.  Where the document has no
reference or date yet, a valid one is added first and then broken, so the
test does not depend on what the extractors found."""
import json
import sys
import xml.etree.ElementTree as ET

NS = "urn:vanban:result:1"
Q = "{%s}" % NS
SPAN = {"start": 0, "end": 1}


def mutate_json(doc, kind):
    d = doc["documents"][0]
    if kind == "unknown_field":
        d["foo"] = 1
    elif kind == "relation":
        if not d["references"]:
            d["references"].append({"doc_type": None, "doc_type_code": None, "number": None,
                                    "date": None, "issuer": None, "subject": None,
                                    "relation": "basis", "span": SPAN, "mentions": [SPAN]})
        d["references"][0]["relation"] = "foo"
    elif kind == "date":
        if not d["dates"]:
            d["dates"].append({"text": "x", "value": "2019-05-07", "role": "deadline",
                               "span": SPAN})
        d["dates"][0]["value"] = "2019-5-7"
    elif kind == "missing":
        del d["kind"]
    return doc


def sub(parent, name, **attrs):
    el = ET.SubElement(parent, Q + name, {k: str(v) for k, v in attrs.items()})
    return el


def mutate_xml(root, kind):
    d = root.find(Q + "documents").find(Q + "document")
    if kind == "unknown_field":
        sub(d, "foo")
    elif kind == "relation":
        refs = d.find(Q + "references")
        if refs.find(Q + "reference") is None:
            r = sub(refs, "reference", relation="basis", start=0, end=1)
            sub(sub(r, "mentions"), "mention", start=0, end=1)
        refs.find(Q + "reference").set("relation", "foo")
    elif kind == "date":
        dates = d.find(Q + "dates")
        if dates.find(Q + "date") is None:
            sub(sub(dates, "date", role="deadline", value="2019-05-07", start=0, end=1),
                "text").text = "x"
        dates.find(Q + "date").set("value", "2019-5-7")
    elif kind == "missing":
        del d.attrib["kind"]
    return root


def main(argv):
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    kind, src, dst = argv[1:]
    if kind not in ("none", "unknown_field", "relation", "date", "missing"):
        print("unknown KIND %s" % kind, file=sys.stderr)
        return 2
    with open(src, encoding="utf-8") as f:
        data = f.read()
    if data.lstrip("\ufeff \t\r\n").startswith("<"):
        ET.register_namespace("", NS)
        root = ET.fromstring(data)
        if kind != "none":
            mutate_xml(root, kind)
        ET.ElementTree(root).write(dst, encoding="UTF-8", xml_declaration=True)
    else:
        doc = json.loads(data)
        if kind != "none":
            mutate_json(doc, kind)
        with open(dst, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
