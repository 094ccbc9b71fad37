#!/usr/bin/env python3
"""Write the hand-made compare fixtures (tests/compare/fixtures/*.json).

FIXTURES, NOT REAL OUTPUT: two small results in the shape of the output
contract (shared/spec/contract.md), with invented places and numbers, so
`vanban compare` can be tested while the extractors are still being written.
Spans are computed here as code-point offsets into each document's text, the
way the contract defines them.  Re-run this script after editing it:
    python3 tests/compare/make_fixtures.py
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def span(text, words, after=0):
    i = text.index(words, after)
    return {"start": i, "end": i + len(words)}


def header(**kw):
    h = {"issuer": None, "issuer_parent": None, "number": None, "doc_type": None,
         "doc_type_code": None, "place": None, "date": None, "subject": None,
         "recipients": [], "signer": None, "distribution": []}
    h.update(kw)
    return h


def ref(text, words, doc_type, number, date, issuer, relation):
    return {"doc_type": doc_type, "doc_type_code": None, "number": number, "date": date,
            "issuer": issuer, "subject": None, "relation": relation,
            "span": span(text, words), "mentions": [span(text, words)]}


def target(text, words, value, unit, comparator, indicator, theme, frm=None):
    t = {"text": words, "value": value, "unit": unit, "comparator": comparator,
         "indicator": indicator, "theme": theme, "span": span(text, words)}
    if frm is not None:
        t["from"] = frm
    return t


def unit(text, name, role, tasks, section):
    return {"unit": name, "role": role, "tasks": tasks, "section": section,
            "span": span(text, name)}


def date(text, words, value, role, recurrence=None):
    d = {"text": words, "value": value, "role": role, "span": span(text, words)}
    if recurrence:
        d["recurrence"] = recurrence
    return d


def doc(kind, text, hdr, refs=(), dates=(), targets=(), units=()):
    return {"kind": kind, "text": text, "header": hdr, "references": list(refs),
            "dates": list(dates), "targets": list(targets), "assignments": list(units),
            "sections": [], "warnings": []}


def result(path, docs):
    return {"schema_version": "1.0",
            "source": {"path": path, "sha256": "0" * 64, "format": "txt", "bytes": 0},
            "documents": docs, "errors": []}


# A province plan: shared basis 361/QĐ-TTg, quantified targets, a cycle.
P = ("ỦY BAN NHÂN DÂN TỈNH HÒA AN\nSố: 210/KH-UBND\nHòa An, ngày 07 tháng 5 năm 2019\n"
     "Căn cứ Quyết định số 361/QĐ-TTg ngày 07/3/2016 của Thủ tướng Chính phủ.\n"
     "- 100% xã, phường, thị trấn tổ chức tuyên truyền.\n"
     "- Mỗi tháng đăng tải ít nhất 01 tin, bài trên Báo Hòa An.\n"
     "- Phấn đấu có 80 xã, phường lành mạnh (năm 2018 là 74).\n"
     "- Tỷ lệ <b>cán bộ</b> & \"viên chức\" được tập huấn đạt 100%.\n"
     "1. Sở Lao động - Thương binh và Xã hội chủ trì.\n2. Công an tỉnh.\n"
     "3. Sở Văn hóa, Thể thao và Du lịch.\n"
     "Báo cáo hằng quý và gửi báo cáo năm trước ngày 15/12/2019.\n")
province = result("fixtures/province.json", [doc(
    "official", P,
    header(issuer="Ủy ban nhân dân tỉnh Hòa An", number="210/KH-UBND", doc_type="Kế hoạch",
           doc_type_code="KH", place="Hòa An", date="2019-05-07",
           subject="Phòng, chống mại dâm năm 2019"),
    refs=[ref(P, "Quyết định số 361/QĐ-TTg ngày 07/3/2016", "Quyết định", "361/QĐ-TTg",
              "2016-03-07", "Thủ tướng Chính phủ", "basis")],
    dates=[date(P, "ngày 07 tháng 5 năm 2019", "2019-05-07", "issued"),
           date(P, "ngày 07/3/2016", "2016-03-07", "reference"),
           date(P, "hằng quý", None, "recurring", "quarterly"),
           date(P, "trước ngày 15/12/2019", "2019-12-15", "deadline")],
    targets=[target(P, "100% xã, phường, thị trấn tổ chức tuyên truyền", 100, "percent", "eq",
                    "xã, phường, thị trấn tổ chức tuyên truyền", "communication"),
             target(P, "Mỗi tháng đăng tải ít nhất 01 tin", 1, "times_per_month", "ge",
                    "tin, bài được đăng tải trên Báo Hòa An", "communication"),
             target(P, "80 xã, phường lành mạnh", 80, "count", "eq",
                    "xã, phường lành mạnh", "healthy_communes", frm=74),
             target(P, "được tập huấn đạt 100%", 100, "percent", "eq",
                    "tỷ lệ <b>cán bộ</b> & \"viên chức\" được tập huấn", "training")],
    units=[unit(P, "Sở Lao động - Thương binh và Xã hội", "lead", ["a", "b", "c"], "1"),
           unit(P, "Công an tỉnh", "assigned", ["a", "b"], "2"),
           unit(P, "Sở Văn hóa, Thể thao và Du lịch", "assigned", ["a"], "3")])])

# A district file: a cover letter forwarding an unnumbered plan of the
# same date, which itself implements a department plan and cites 361/QĐ-TTg.
C = ("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nSố: 45/GDĐT\nQuận 9, ngày 02 tháng 6 năm 2022\n"
     "Căn cứ Kế hoạch số 88/KH-UBND ngày 20 tháng 4 năm 2022 của Ủy ban nhân dân Quận 9.\n")
D = ("KẾ HOẠCH\nQuận 9, ngày 20 tháng 4 năm 2022\n"
     "Thực hiện Kế hoạch số 15/KH-SLĐTBXH ngày 01/4/2022 của Sở Lao động - Thương binh và "
     "Xã hội; Quyết định số 361/QĐ-TTg.\n"
     "- Trên 70% cán bộ quản lý được tập huấn.\n"
     "1. Phòng Lao động - Thương binh và Xã hội quận: 2 nhiệm vụ.\n"
     "2. Công an quận.\n3. Ủy ban nhân dân các phường.\n"
     "Báo cáo trước ngày 10/12/2022.\n")
district = result("fixtures/district.json", [
    doc("official", C,
        header(issuer="Phòng Giáo dục và Đào tạo", issuer_parent="Ủy ban nhân dân Quận 9",
               number="45/GDĐT", doc_type="Công văn", place="Quận 9", date="2022-06-02",
               subject="Triển khai Kế hoạch phòng, chống mại dâm năm 2022"),
        refs=[ref(C, "Kế hoạch số 88/KH-UBND ngày 20 tháng 4 năm 2022", "Kế hoạch",
                  "88/KH-UBND", "2022-04-20", "Ủy ban nhân dân Quận 9", "basis")],
        dates=[date(C, "ngày 02 tháng 6 năm 2022", "2022-06-02", "issued")]),
    doc("official", D,
        header(issuer="Ủy ban nhân dân Quận 9", doc_type="Kế hoạch", doc_type_code="KH",
               place="Quận 9", date="2022-04-20",
               subject="Phòng, chống mại dâm năm 2022"),
        refs=[ref(D, "Kế hoạch số 15/KH-SLĐTBXH ngày 01/4/2022", "Kế hoạch", "15/KH-SLĐTBXH",
                  "2022-04-01", "Sở Lao động - Thương binh và Xã hội", "implements"),
              ref(D, "Quyết định số 361/QĐ-TTg", "Quyết định", "361/QĐ-TTg", None, None,
                  "cited")],
        dates=[date(D, "ngày 20 tháng 4 năm 2022", "2022-04-20", "issued"),
               date(D, "trước ngày 10/12/2022", "2022-12-10", "deadline")],
        targets=[target(D, "Trên 70% cán bộ quản lý được tập huấn", 70, "percent", "ge",
                        "cán bộ quản lý được tập huấn", "training")],
        units=[unit(D, "Phòng Lao động - Thương binh và Xã hội quận", "assigned", ["a", "b"],
                    "1"),
               unit(D, "Công an quận", "assigned", ["a"], "2"),
               unit(D, "Ủy ban nhân dân các phường", "assigned", ["a"], "3")])])
# one fact whose span does not fit the text: it must show with no link
district["documents"][1]["targets"].append(
    {"text": "x", "value": 5, "unit": "times", "comparator": "ge", "indicator": "đợt kiểm tra",
     "theme": "inspection", "span": {"start": 5000, "end": 5001}})

for name, res in (("province.json", province), ("district.json", district)):
    with open(os.path.join(HERE, "fixtures", name), "w", encoding="utf-8") as f:
        json.dump(res, f, ensure_ascii=False, indent=1)
        f.write("\n")
