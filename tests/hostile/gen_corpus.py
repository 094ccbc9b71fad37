#!/usr/bin/env python3
"""Generate the hostile-input corpus for tests/hostile/run.sh.

    python3 tests/hostile/gen_corpus.py OUTDIR [--no-big] [--memory-case]

Writes one file per case into OUTDIR/files/ and OUTDIR/cases.json, a list of
    {"file": name, "expect": [codes], "small": bool, "why": text,
     "message_re": regex or null, "forbid": [strings never to appear in stdout]}
"expect" lists the acceptable first error codes ("OK" = converted without
error).  "small" cases are cheap enough for Valgrind.  Only the Python
standard library is used; nothing generated here is committed.
"""
import io
import json
import os
import random
import struct
import sys
import unicodedata
import zipfile
import zlib

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CT = ('<?xml version="1.0" encoding="UTF-8"?>'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/word/document.xml" ContentType="application/'
      'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')

# A short Vietnamese directive, used as the "real" text in many cases.
PLAN_LINES = [
    "ỦY BAN NHÂN DÂN", "HUYỆN CHƯƠNG MỸ", "Số: 123/KH-UBND",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
    "Chương Mỹ, ngày 07 tháng 5 năm 2022", "KẾ HOẠCH",
    "Phòng, chống tệ nạn mại dâm năm 2022",
    "Căn cứ Quyết định số 361/QĐ-TTg ngày 07/3/2016 của Thủ tướng Chính phủ;",
    "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích",
    "Phấn đấu 100% xã, thị trấn không có tụ điểm mại dâm.",
    "II. NHIỆM VỤ", "1. Công an huyện", "- Chủ trì, phối hợp rà soát địa bàn trước ngày 30/6/2022.",
    "Nơi nhận:", "- UBND Thành phố;", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A",
]
PLAN_TEXT = "\n".join(PLAN_LINES) + "\n"


def w_doc(body_xml, prolog='<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'):
    return (prolog + '<w:document xmlns:w="%s"><w:body>%s</w:body></w:document>'
            % (W_NS, body_xml))


def w_par(text):
    esc = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return '<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % esc


PLAN_BODY = "".join(w_par(line) for line in PLAN_LINES)


def docx_bytes(parts, compression=zipfile.ZIP_DEFLATED):
    """A zip holding `parts` ({name: str|bytes}), [Content_Types].xml first."""
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w", compression) as z:
        if "[Content_Types].xml" not in parts:
            z.writestr("[Content_Types].xml", CT)
        for name, data in parts.items():
            z.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return bio.getvalue()


def plan_docx(**extra):
    parts = {"word/document.xml": w_doc(PLAN_BODY)}
    parts.update(extra)
    return docx_bytes(parts)


def central_entries(data):
    """Offsets of (local header, central header) for each entry."""
    eocd = data.rfind(b"PK\x05\x06")
    n, cd_size, cd_off = struct.unpack_from("<HII", data, eocd + 10)
    out, p = [], cd_off
    for _ in range(n):
        assert data[p:p + 4] == b"PK\x01\x02"
        nlen, xlen, clen = struct.unpack_from("<HHH", data, p + 28)
        local = struct.unpack_from("<I", data, p + 42)[0]
        name = data[p + 46:p + 46 + nlen].decode("utf-8", "replace")
        out.append((name, local, p))
        p += 46 + nlen + xlen + clen
    return out


def patch_entry(data, entry_name, fn):
    """Apply fn(bytearray, local_off, central_off) to the named entry."""
    b = bytearray(data)
    for name, local, central in central_entries(data):
        if name == entry_name:
            fn(b, local, central)
    return bytes(b)


def streamed_bomb(path, inflated, lie_size=None):
    """word/document.xml that inflates to `inflated` bytes of XML whitespace,
    streamed through zlib (never held in memory).  With lie_size, the local
    and central headers claim that size instead."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CT)
        head = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="%s"><w:body>'
                % W_NS).encode()
        tail = b"</w:body></w:document>"
        with z.open("word/document.xml", "w", force_zip64=False) as f:
            f.write(head)
            chunk = b" " * (1 << 20)
            left = inflated - len(head) - len(tail)
            while left > 0:
                k = min(left, len(chunk))
                f.write(chunk[:k])
                left -= k
            f.write(tail)
    if lie_size is not None:
        with open(path, "rb") as fh:
            data = fh.read()

        def lie(b, local, central):
            struct.pack_into("<I", b, local + 22, lie_size)
            struct.pack_into("<I", b, central + 24, lie_size)
        with open(path, "wb") as fh:
            fh.write(patch_entry(data, "word/document.xml", lie))


def category_lines():
    """One line per Unicode general category, up to 200 of its code points."""
    cats = {}
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue  # surrogates cannot be UTF-8; see the cesu case
        c = unicodedata.category(chr(cp))
        lst = cats.setdefault(c, [])
        if len(lst) < 200:
            lst.append(chr(cp))
    lines = []
    for cat in sorted(cats):
        chars = cats[cat]
        if cat in ("Cc",):
            # C0/C1 controls: keep all but NUL (NUL is its own case)
            chars = [ch for ch in chars if ch != "\0"]
        lines.append("%s: %s" % (cat, "".join(chars)))
        # the category in a realistic context: inside a heading and a date
        lines.append("1. Nhiệm vụ %s ngày 07/3/2016%s" % (chars[len(chars) // 2], chars[0]))
    return "\n".join(lines) + "\n"


class Corpus:
    def __init__(self, out):
        self.out = out
        self.cases = []

    def add(self, name, data, expect, why, small=True, message_re=None, forbid=None, batch=True):
        path = os.path.join(self.out, name)
        if data is not None:
            with open(path, "wb") as f:
                f.write(data)
        self.cases.append({"file": name, "expect": expect if isinstance(expect, list) else [expect],
                           "small": small, "why": why, "message_re": message_re,
                           "forbid": forbid or [], "batch": batch})

    def path(self, name):
        return os.path.join(self.out, name)


def container_cases(c):
    good = plan_docx()
    c.add("ok_plan.docx", good, "OK", "a well-formed minimal DOCX (control case)")
    c.add("ok_plan.txt", PLAN_TEXT.encode(), "OK", "a well-formed text directive (control case)")
    c.add("truncated.docx", good[:len(good) // 2], "E_ZIP_CORRUPT", "zip cut in half: no central directory")
    c.add("truncated_tiny.docx", b"PK\x03\x04\x14\x00", "E_ZIP_CORRUPT", "a bare local-header signature")
    eocd = good.rfind(b"PK\x05\x06")
    cd_off = struct.unpack_from("<I", good, eocd + 16)[0]
    b = bytearray(good)
    b[cd_off:cd_off + 4] = b"XXXX"
    c.add("central_dir_sig.docx", bytes(b), "E_ZIP_CORRUPT", "central directory signature overwritten")
    b = bytearray(good)
    struct.pack_into("<I", b, eocd + 16, len(good) + 1000)
    c.add("central_dir_offset.docx", bytes(b), "E_ZIP_CORRUPT", "end record points past the file")
    b = bytearray(good)
    struct.pack_into("<HH", b, eocd + 8, 0xFFFF, 0xFFFF)
    c.add("central_dir_count.docx", bytes(b), "E_ZIP_CORRUPT", "end record claims 65535 entries")
    c.add("crc_mismatch.docx",
          patch_entry(good, "word/document.xml",
                      lambda b, l, ce: (struct.pack_into("<I", b, l + 14, 0xDEADBEEF),
                                        struct.pack_into("<I", b, ce + 16, 0xDEADBEEF))),
          "E_ZIP_CORRUPT", "document.xml CRC-32 wrong in both headers")
    c.add("bad_method.docx",
          patch_entry(good, "word/document.xml",
                      lambda b, l, ce: (struct.pack_into("<H", b, l + 8, 99),
                                        struct.pack_into("<H", b, ce + 10, 99))),
          ["E_ZIP_CORRUPT", "E_UNSUPPORTED"], "unknown compression method 99")
    c.add("no_document.docx", docx_bytes({"word/other.xml": w_doc(PLAN_BODY)}),
          "E_ZIP_NO_DOCUMENT", "zip without word/document.xml")
    c.add("empty_zip.docx", b"PK\x05\x06" + b"\0" * 18, ["E_ZIP_NO_DOCUMENT", "E_ZIP_CORRUPT"],
          "an empty zip archive (end record only)")
    c.add("encrypted.docx",
          patch_entry(good, "word/document.xml",
                      lambda b, l, ce: (struct.pack_into("<H", b, l + 6, struct.unpack_from("<H", b, l + 6)[0] | 1),
                                        struct.pack_into("<H", b, ce + 8, struct.unpack_from("<H", b, ce + 8)[0] | 1))),
          "E_ZIP_ENCRYPTED", "encryption flag bit set on word/document.xml")
    # 600 MB inflating entry, a few hundred KB on disk; headers tell the truth
    streamed_bomb(c.path("bomb_600mb.docx"), 600 << 20)
    c.add("bomb_600mb.docx", None, "E_ZIP_BOMB", "600 MB of XML whitespace deflated to ~600 KB", small=True)
    # the same bomb whose headers claim 4 KB: only the streaming bound can stop it
    streamed_bomb(c.path("bomb_lying.docx"), 600 << 20, lie_size=4096)
    c.add("bomb_lying.docx", None, ["E_ZIP_BOMB", "E_ZIP_CORRUPT"],
          "600 MB entry whose headers claim 4 KB", small=True)
    # ratio bomb well below the 512 MB inflated bound
    streamed_bomb(c.path("bomb_ratio.docx"), 20 << 20)
    c.add("bomb_ratio.docx", None, "E_ZIP_BOMB", "20 MB inflating from ~20 KB (ratio ~1000:1)")
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w", zipfile.ZIP_STORED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("word/document.xml", w_doc(PLAN_BODY))
        for i in range(20000):
            z.writestr("e/%d" % i, b"")
    c.add("entries_20000.docx", bio.getvalue(), "E_ZIP_TOO_MANY", "20,000 zip entries")
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w", zipfile.ZIP_STORED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("word/document.xml", w_doc(PLAN_BODY))
        for i in range(3000):  # below the bound; names that look like parts
            z.writestr("word/header%d.xml" % (i * 7919 % 100003), w_doc(w_par("h%d" % i)).replace("w:document", "w:hdr"))
    c.add("headers_3000.docx", bio.getvalue(), "OK", "3,000 header parts (sorted, each parsed)", small=False)
    dup = io.BytesIO()
    with zipfile.ZipFile(dup, "w") as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("word/document.xml", w_doc(w_par("một")))
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            z.writestr("word/document.xml", w_doc(w_par("hai")))
    c.add("duplicate_names.docx", dup.getvalue(), ["OK", "E_ZIP_CORRUPT"], "two entries named word/document.xml")
    c.add("text_named.docx", PLAN_TEXT.encode(), "OK", "a .docx that is really text: read as text")
    c.add("zip_named.txt", good, "OK", "a .txt that is really a DOCX: read as DOCX")
    c.add("../missing.txt", None, "E_IO", "a path that does not exist", batch=False)
    os.makedirs(c.path("../a_directory.txt"), exist_ok=True)
    c.add("../a_directory.txt", None, "E_IO", "a directory given as FILE", batch=False)
    c.add("empty.txt", b"", "E_EMPTY", "0-byte .txt")
    c.add("empty.docx", b"", "E_EMPTY", "0-byte .docx")
    c.add("bom_only.txt", b"\xef\xbb\xbf", ["E_EMPTY", "OK"], "a UTF-8 BOM and nothing else")
    c.add("blank_only.txt", b" \n\t\n\r\n   \n", ["E_EMPTY", "OK"], "whitespace only")
    c.add("pdf.docx", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", ["E_ENCODING", "E_UNSUPPORTED", "E_LEGACY_ENCODING"],
          "a PDF named .docx")
    c.add("ole_doc.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504, ["E_DOC_CORRUPT"],
          "an old binary .doc (OLE2) named .docx")


def xml_cases(c):
    doc_open = '<w:document xmlns:w="%s"><w:body>' % W_NS
    doc_close = "</w:body></w:document>"
    xxe_file = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                + doc_open + '<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>' + doc_close)
    c.add("xxe_file.docx", plan_docx(**{"word/document.xml": xxe_file}), "E_XML_DTD",
          "external entity to file:///etc/passwd", forbid=["root:x:0", "/bin/sh", "nologin"])
    xxe_http = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/x">]>'
                + doc_open + '<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>' + doc_close)
    c.add("xxe_http.docx", plan_docx(**{"word/document.xml": xxe_http}), "E_XML_DTD",
          "external entity to http://127.0.0.1:9/")
    ext_dtd = ('<?xml version="1.0"?><!DOCTYPE w:document SYSTEM "http://127.0.0.1:9/evil.dtd">'
               + doc_open + w_par("x") + doc_close)
    c.add("external_dtd.docx", plan_docx(**{"word/document.xml": ext_dtd}), "E_XML_DTD", "external DTD subset")
    param = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>'
             + doc_open + w_par("x") + doc_close)
    c.add("param_entity.docx", plan_docx(**{"word/document.xml": param}), "E_XML_DTD",
          "parameter entity to a local file", forbid=["root:x:0"])
    internal = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY org "Ủy ban nhân dân">]>'
                + doc_open + '<w:p><w:r><w:t>&org;</w:t></w:r></w:p>' + doc_close)
    c.add("dtd_internal.docx", plan_docx(**{"word/document.xml": internal}), "E_XML_DTD",
          "DTD with an internal entity")
    lol = ['<!ENTITY lol "lol">']
    for i in range(1, 10):
        prev = "lol" if i == 1 else "lol%d" % (i - 1)
        lol.append('<!ENTITY lol%d "%s">' % (i, ("&%s;" % prev) * 10))
    laughs = ('<?xml version="1.0"?><!DOCTYPE w:document [%s]>' % "".join(lol)
              + doc_open + '<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>' + doc_close)
    c.add("billion_laughs.docx", plan_docx(**{"word/document.xml": laughs}), "E_XML_DTD", "billion laughs")
    # the same two attacks in UTF-16: a byte scan for "<!DOCTYPE" cannot see them
    c.add("billion_laughs_utf16.docx",
          plan_docx(**{"word/document.xml": b"\xff\xfe" + laughs.replace('<?xml version="1.0"?>',
                    '<?xml version="1.0" encoding="UTF-16"?>').encode("utf-16-le")}),
          ["E_XML_DTD", "E_XML_LIMIT"], "billion laughs in UTF-16LE")
    c.add("xxe_file_utf16.docx",
          plan_docx(**{"word/document.xml": b"\xfe\xff" + xxe_file.replace('<?xml version="1.0"?>',
                    '<?xml version="1.0" encoding="UTF-16"?>').encode("utf-16-be")}),
          "E_XML_DTD", "file:///etc/passwd entity in UTF-16BE", forbid=["root:x:0"])
    c.add("xxe_in_styles.docx",
          plan_docx(**{"word/styles.xml": xxe_file.replace("w:document", "w:styles")}), "E_XML_DTD",
          "external entity in word/styles.xml", forbid=["root:x:0"])
    c.add("laughs_in_numbering.docx",
          plan_docx(**{"word/numbering.xml": laughs.replace("w:document", "w:numbering")}), "E_XML_DTD",
          "billion laughs in word/numbering.xml")
    c.add("xxe_in_header.docx",
          plan_docx(**{"word/header1.xml": xxe_file.replace("w:document", "w:hdr")}), "E_XML_DTD",
          "external entity in word/header1.xml", forbid=["root:x:0"])
    undefined = doc_open + '<w:p><w:r><w:t>&nbsp;&xxe;</w:t></w:r></w:p>' + doc_close
    c.add("undefined_entity.docx", plan_docx(**{"word/document.xml": undefined}),
          ["E_XML_MALFORMED", "E_XML_DTD"], "entity reference with no DTD", message_re=r":\d+:\d+")
    deep = doc_open + "<w:p>" + "<w:r>" * 10000 + "</w:r>" * 10000 + "</w:p>" + doc_close
    c.add("deep_10000.docx", plan_docx(**{"word/document.xml": deep}), "E_XML_LIMIT", "10,000-deep nesting")
    deep_sdt = doc_open + "<w:sdt><w:sdtContent>" * 5000 + w_par("x") + "</w:sdtContent></w:sdt>" * 5000 + doc_close
    c.add("deep_sdt.docx", plan_docx(**{"word/document.xml": deep_sdt}), "E_XML_LIMIT",
          "10,000-deep content controls")
    # nested tables past the reader's 64-table stack, still under the depth bound
    tbl = doc_open
    for i in range(80):
        tbl += "<w:tbl><w:tr><w:tc>" + w_par("ô %d" % i)
    for i in range(80):
        tbl += "</w:tc></w:tr></w:tbl>"
    tbl += doc_close
    c.add("nested_tables_80.docx", plan_docx(**{"word/document.xml": tbl}), ["OK", "E_XML_LIMIT"],
          "80 nested tables (240 levels)")
    # nested text boxes past the reader's frame stack
    tb = doc_open
    for i in range(40):
        tb += ('<w:p><w:r><w:t>khung %d</w:t></w:r><w:r><w:pict><v:textbox xmlns:v="urn:schemas-microsoft-com:vml">'
               '<w:txbxContent>' % i)
    for i in range(40):
        tb += "</w:txbxContent></v:textbox></w:pict></w:r></w:p>"
    tb += doc_close
    c.add("nested_textboxes_40.docx", plan_docx(**{"word/document.xml": tb}), ["OK", "E_XML_LIMIT"],
          "40 text boxes nested in each other")
    fields = doc_open + "<w:p>" + ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                                   '<w:r><w:instrText>PAGE</w:instrText></w:r>') * 200
    fields += ('<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
               '<w:r><w:fldChar w:fldCharType="end"/></w:r>') * 150
    fields += '<w:r><w:fldChar w:fldCharType="end"/></w:r>' * 300 + "</w:p>" + PLAN_BODY + doc_close
    c.add("fields_unbalanced.docx", plan_docx(**{"word/document.xml": fields}), "OK",
          "200 nested complex fields, more ends than begins, then text")
    malformed = ('<?xml version="1.0" encoding="UTF-8"?>\n' + doc_open + "\n<w:p><w:r><w:t>một</w:t></w:r>\n"
                 "<w:p>hai</w:r></w:p>\n" + doc_close)
    c.add("malformed.docx", plan_docx(**{"word/document.xml": malformed}), "E_XML_MALFORMED",
          "mismatched tags on line 4", message_re=r"document\.xml:4:\d+")
    c.add("malformed_truncated.docx", plan_docx(**{"word/document.xml": w_doc(PLAN_BODY)[:-40]}),
          "E_XML_MALFORMED", "document.xml ends mid-element", message_re=r":\d+:\d+")
    c.add("malformed_styles.docx", plan_docx(**{"word/styles.xml": '<w:styles xmlns:w="%s"><w:style>' % W_NS}),
          "E_XML_MALFORMED", "unterminated styles.xml", message_re=r"styles\.xml:\d+:\d+")
    c.add("malformed_numbering.docx",
          plan_docx(**{"word/numbering.xml": '<w:numbering xmlns:w="%s"><w:abstractNum <' % W_NS}),
          "E_XML_MALFORMED", "garbage in numbering.xml", message_re=r"numbering\.xml:\d+:\d+")
    bad_utf8 = (w_doc(w_par("Kế hoạch")).encode()
                .replace("Kế".encode(), b"K\xe1\xbb\n\xc3\x28\xff\xfe"))
    c.add("xml_bad_utf8.docx", plan_docx(**{"word/document.xml": bad_utf8}), "E_XML_MALFORMED",
          "invalid UTF-8 inside document.xml", message_re=r":\d+:\d+")
    c.add("xml_empty_part.docx", plan_docx(**{"word/document.xml": b""}), ["E_XML_MALFORMED", "E_EMPTY"],
          "empty word/document.xml")
    c.add("xml_no_w_ns.docx", plan_docx(**{"word/document.xml": "<document><body><p><r><t>x</t></r></p></body></document>"}),
          ["E_EMPTY", "OK"], "document.xml without the WordprocessingML namespace")
    c.add("xml_nul.docx", plan_docx(**{"word/document.xml": w_doc(w_par("a")).encode().replace(b">a<", b">a\0b<")}),
          "E_XML_MALFORMED", "NUL byte inside document.xml", message_re=r":\d+:\d+")
    # hostile numbering definitions: huge start values, levels and label templates
    numbering = ('<w:numbering xmlns:w="%s">' % W_NS
                 + '<w:abstractNum w:abstractNumId="0">'
                 + "".join('<w:lvl w:ilvl="%d"><w:start w:val="%s"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/></w:lvl>'
                           % (i, v, f, t) for i, (v, f, t) in enumerate([
                               ("2147483647", "decimal", "%1" * 300),
                               ("-2147483648", "upperRoman", "%1.%2.%3.%4.%5.%6.%7.%8.%9.%10"),
                               ("99999999999999999999", "lowerLetter", "%2%2%2%2%2"),
                               ("4000000", "upperRoman", "%3" + "." * 500),
                               ("1", "bullet", "\uf0b7"), ("0", "lowerRoman", "%6"),
                               ("7", "cardinalText", "%7%9%100%"), ("1", "decimal", "%"),
                               ("1", "decimalZero", "%9%9%9%9%9%9%9%9%9%9%9%9%9%9%9%9%9%9%9%9")]))
                 + '<w:lvl w:ilvl="999999"><w:start w:val="1"/></w:lvl>'
                 + '<w:lvl w:ilvl="-5"><w:start w:val="1"/></w:lvl>'
                 + '</w:abstractNum>'
                 + '<w:num w:numId="1"><w:abstractNumId w:val="0"/>'
                 + '<w:lvlOverride w:ilvl="2"><w:startOverride w:val="2147483647"/></w:lvlOverride></w:num>'
                 + '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'
                 + '<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>'
                 + '</w:numbering>')
    paras = ""
    for k in range(60):
        paras += ('<w:p><w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr></w:pPr>'
                  '<w:r><w:t>mục %d</w:t></w:r></w:p>' % ([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 99, -1, 2147483647][k % 13],
                                                         [1, 2, 3, 0, -7, 2147483647][k % 6], k))
    c.add("numbering_hostile.docx",
          plan_docx(**{"word/numbering.xml": numbering, "word/document.xml": w_doc(PLAN_BODY + paras)}),
          "OK", "numbering.xml with extreme start values, levels and label templates")
    styles = ('<w:styles xmlns:w="%s">' % W_NS + "".join(
        '<w:style w:type="paragraph" w:styleId="S%d"><w:basedOn w:val="S%d"/><w:pPr><w:outlineLvl w:val="%d"/>'
        '<w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' % (i, (i + 1) % 500, i * 37 % 100)
        for i in range(500)) + "</w:styles>")
    c.add("styles_cycle.docx",
          plan_docx(**{"word/styles.xml": styles, "word/numbering.xml": numbering,
                       "word/document.xml": w_doc(PLAN_BODY + '<w:p><w:pPr><w:pStyle w:val="S3"/></w:pPr>'
                                                  '<w:r><w:t>vòng</w:t></w:r></w:p>')}),
          "OK", "500 styles whose basedOn chain is a cycle")
    long_run = w_doc('<w:p><w:r><w:t>' + "".join("Kế hoạch số %d/KH-UBND ngày %d/%d/%d; "
                                                    % (i * 7919 % 100003, i % 28 + 1, i % 12 + 1, 1990 + i % 37)
                                                    for i in range(180000)) + "</w:t></w:r></w:p>")
    c.add("long_run_10mb.docx", plan_docx(**{"word/document.xml": long_run}), "OK",
          "one 8 MB text run (libxml2's text-node bound is 10 MB)", small=False)
    huge = w_doc('<w:p><w:r><w:t>' + "".join("Kế hoạch số %d/KH-UBND ngày %d/%d/%d; "
                                              % (i * 7919 % 100003, i % 28 + 1, i % 12 + 1, 1990 + i % 37)
                                              for i in range(300000)) + "</w:t></w:r></w:p>")
    c.add("huge_text_node.docx", docx_bytes({"word/document.xml": huge}, zipfile.ZIP_STORED), "E_XML_LIMIT",
          "one 13 MB text run, over libxml2's 10 MB text-node bound", small=False)
    c.add("paragraphs_200k.docx", docx_bytes({"word/document.xml": w_doc("<w:p/>" * 200000 + PLAN_BODY)},
                                             zipfile.ZIP_STORED),
          "OK", "200,000 empty paragraphs", small=False)


def facts_dense(size):
    """A plan whose every line cites two documents, gives four dates, two
    targets and a lead unit, with varying numbers: the memory bound's worst
    shape (many facts per byte), unlike a repeated sample."""
    rng = random.Random(12)
    units = ["Sở Giáo dục và Đào tạo", "Sở Y tế", "Ủy ban nhân dân các huyện", "Sở Tài chính",
             "Công an tỉnh", "Sở Lao động - Thương binh và Xã hội"]
    out, n, k = [PLAN_TEXT], len(PLAN_TEXT.encode()), 0
    while n < size:
        k += 1
        d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2015, 2023)
        line = ("%d. Căn cứ Quyết định số %d/QĐ-UBND ngày %d tháng %d năm %d và Kế hoạch số %d/KH-BCĐ "
                "ngày %02d/%02d/%d, giao %s chủ trì, phấn đấu đến ngày %d/%d/%d đạt %d%% hộ gia đình, "
                "giảm %d,%d%% chi phí; báo cáo trước ngày %d tháng %d hằng năm.\n"
                % (k, rng.randint(1, 9999), d, m, y, rng.randint(1, 999), d, m, y, rng.choice(units),
                   d, m, y + 1, rng.randint(10, 100), rng.randint(1, 50), rng.randint(0, 9), d, m))
        out.append(line)
        n += len(line.encode())
    return "".join(out).encode()


def text_cases(c, big):
    c.add("invalid_utf8.txt", PLAN_TEXT.encode() + b"abc \xc3\x28 def\n", "E_ENCODING",
          "an invalid UTF-8 sequence in ASCII-heavy text", message_re=r"offset \d+")
    c.add("overlong_utf8.txt", b"Ke hoach \xc0\xaf \xe0\x80\xaf\n", ["E_ENCODING", "E_LEGACY_ENCODING"], "overlong UTF-8 forms")
    c.add("cesu_surrogate.txt", "Kế hoạch ".encode() + b"\xed\xa0\x80\xed\xb0\x80\n", "E_ENCODING",
          "UTF-8-encoded surrogates (CESU-8)")
    c.add("truncated_utf8.txt", PLAN_TEXT.encode() + "Kế".encode()[:-1], "E_ENCODING",
          "file ends inside a UTF-8 sequence")
    u16 = b"\xff\xfe" + PLAN_TEXT.encode("utf-16-le")
    c.add("ok_utf16le.txt", u16, "OK", "UTF-16LE with BOM (control)")
    c.add("truncated_utf16.txt", u16[:-1], "E_ENCODING", "UTF-16LE cut mid code unit")
    c.add("utf16_lone_surrogate.txt", b"\xff\xfe" + "Kế ".encode("utf-16-le") + b"\x00\xd8" + "x\n".encode("utf-16-le"),
          "E_ENCODING", "UTF-16 with an unpaired lead surrogate")
    c.add("utf16_ends_lead.txt", b"\xfe\xff" + "Kế".encode("utf-16-be") + b"\xd8\x00", "E_ENCODING",
          "UTF-16BE ending in a lead surrogate")
    c.add("nul_bytes.txt", PLAN_TEXT.encode() + b"abc\x00def\n", "E_ENCODING", "a NUL byte in text")
    c.add("nul_many.txt", b"\0" * 4096, ["E_ENCODING", "E_EMPTY", "E_NOT_DOCUMENT"], "4 KB of NUL bytes")
    c.add("utf16_nuls_only.txt", b"\xff\xfe" + b"\0" * 64, ["E_ENCODING", "E_EMPTY"], "UTF-16 BOM then NUL code units")
    # Not a document at all: its own code, never "convert it to Unicode".
    noise = random.Random(16).randbytes(3000)
    c.add("random_bytes.docx", noise, "E_NOT_DOCUMENT", "random bytes named .docx")
    c.add("random_bytes.txt", noise[:1000], "E_NOT_DOCUMENT", "random bytes named .txt")
    c.add("elf_binary.txt", b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8, "E_NOT_DOCUMENT",
          "an executable named .txt")
    c.add("tcvn3_capitals.txt", b"K\xb8 HO\x01CH \x02\x04\x05 \xb8\xb5\xb6 v\xb7n b\xc6n\n" * 50,
          ["E_LEGACY_ENCODING", "E_ENCODING", "OK"], "TCVN3 text using its capitals in C0 slots")
    c.add("tcvn3.txt", b"\xb8 \xb5 \xb6 \xb7 \xc6 \xca \xc7 \xc8 \xc9 \xcb \xd5 \xd2 \xd3 \xd4 \xd6 " * 40,
          ["E_LEGACY_ENCODING", "E_ENCODING", "OK"], "8-bit text shaped like TCVN3")
    c.add("long_line_10mb.txt", ("Kế hoạch số 123/KH-UBND ngày 07/5/2022 " * 260000).encode() + b"\n",
          "OK", "a single 10 MB line", small=False)
    label = ".".join(["1"] * 10000)
    c.add("numbering_10000.txt", (PLAN_TEXT + label + ". Nội dung sâu\n" + label + "\nII. Kết thúc\n").encode(),
          "OK", "a 10,000-level number \"1.1.1…\"")
    stairs = PLAN_TEXT + "".join(".".join(["1"] * k) + ". Mục cấp %d\n" % k for k in range(1, 1001))
    c.add("numbering_stairs_1000.txt", stairs.encode(), "OK", "headings 1., 1.1., … 1000 levels deep", small=False)
    roman = PLAN_TEXT + "".join("%s. MỤC %d\n" % ("I" * k, k) for k in range(1, 300))
    c.add("roman_runaway.txt", roman.encode(), "OK", "Roman-looking labels I, II, … 299 I's")
    c.add("unicode_categories.txt", (PLAN_TEXT + category_lines()).encode(), "OK",
          "lines drawn from every Unicode general category")
    marks = "a" + "\u0301\u0323\u0309" * 3000
    c.add("combining_storm.txt", (PLAN_TEXT + marks + "\n" + "\u0301" * 5000 + "\n").encode(), "OK",
          "9,000 combining marks on one base, and 5,000 with no base")
    tokens = (PLAN_TEXT + "a" * 1000000 + "\n" + "9" * 500000 + "\n" + "/" * 200000 + "\n"
              + "Số:" + "1/" * 100000 + "\n" + "%" * 100000 + "\n" + "Đ" * 300000 + "\n"
              + ("ngày " * 50000) + "\n" + "Căn cứ " * 50000 + "\n" + "0," * 100000 + "\n"
              + "đạt " + "1" * 400 + "%\n" + "từ " + "9" * 400 + " lên " + "9" * 400 + "\n")
    c.add("long_tokens.txt", tokens.encode(), "OK", "megabyte-long tokens (letters, digits, slashes, %, words)",
          small=False)
    bullets = PLAN_TEXT + "- + - +" * 2000 + " việc\n" + "".join(
        ("  " * k) + ("-" if k % 2 == 0 else "+") + " Nhiệm vụ %d\n" % k for k in range(2000))
    c.add("deep_bullets.txt", bullets.encode(), "OK", "\"- + - +\" bullets, 2,000 deep", small=False)
    dates = PLAN_TEXT + ("ngày 31 tháng 2 năm 99999999999 ; ngày 0/0/0 ; 99/99/9999 ; quý " + "I" * 50 + " năm 2022\n") * 200
    c.add("dates_hostile.txt", dates.encode(), "OK", "impossible dates, huge years, quarter IIII…")
    targets = PLAN_TEXT + ("Phấn đấu đạt 1e308% ; giảm 99999999999999999999999999% ; tăng từ -5 lên "
                           "NaN% ; 0,000000000000000000001% ; trên 100.000.000.000.000.000 lượt\n") * 200
    c.add("targets_hostile.txt", targets.encode(), "OK", "overflowing and degenerate percentages and counts")
    c.add("cr_only.txt", PLAN_TEXT.replace("\n", "\r").encode(), "OK", "old Mac CR line ends")
    c.add("formfeeds.txt", ("\f" * 1000 + PLAN_TEXT + "\f\r\n" * 1000).encode(), "OK", "form feeds and CRLF runs")
    c.add("newlines_1m.txt", (PLAN_TEXT + "\n" * 1000000 + PLAN_TEXT).encode(), "OK", "a million empty lines",
          small=False)
    many_docs = ("\n".join(PLAN_LINES[:8]) + "\n" + "Nội dung.\n") * 2000
    c.add("many_headers.txt", many_docs.encode(), "OK", "2,000 document headers in one file", small=False)
    c.add("facts_dense_12mb.txt", facts_dense(12 * 1000 * 1000), "OK",
          "12 MB of task lines, each with references, dates, targets and a unit, all different",
          small=False)
    if big:
        with open(c.path("big_100mb.txt"), "wb") as f:
            block = (PLAN_TEXT * 50).encode()
            written = 0
            while written < 100 * 1000 * 1000:
                f.write(block)
                written += len(block)
        c.add("big_100mb.txt", None, ["OK", "E_TOO_LARGE"], "a 100 MB directive-shaped text file", small=False)


# ---- Word 97-2003 .doc (OLE2) cases: a LibreOffice sample, damaged in place ----

DOC_SAMPLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "samples", "doc",
                          "libreoffice", "001_8a9538f428947bda.doc")


class Ole:
    """Just enough of an OLE2 reader to find where a stream's bytes sit in the file."""

    def __init__(self, data):
        self.d = bytearray(data)
        self.ssz = 1 << struct.unpack_from("<H", data, 0x1E)[0]
        n_fat = struct.unpack_from("<I", data, 0x2C)[0]
        fat_secs = struct.unpack_from("<%dI" % min(n_fat, 109), data, 0x4C)
        self.fat = []
        for s in fat_secs:
            self.fat.extend(struct.unpack_from("<%dI" % (self.ssz // 4), data, self.sec(s)))
        self.dir_start = struct.unpack_from("<I", data, 0x30)[0]
        self.mini_cutoff = struct.unpack_from("<I", data, 0x38)[0]
        self.minifat_start = struct.unpack_from("<I", data, 0x3C)[0]

    def sec(self, n):
        return self.ssz * (n + 1)

    def chain(self, start):
        out, s = [], start
        while s < 0xFFFFFFFA and len(out) <= len(self.fat):
            out.append(s)
            s = self.fat[s]
        return out

    def entries(self):
        """(name, offset of the 128-byte entry, start sector, size) for each directory entry."""
        for s in self.chain(self.dir_start):
            for k in range(self.ssz // 128):
                at = self.sec(s) + 128 * k
                n = struct.unpack_from("<H", self.d, at + 64)[0]
                name = bytes(self.d[at:at + max(n - 2, 0)]).decode("utf-16-le", "replace")
                yield name, at, struct.unpack_from("<I", self.d, at + 116)[0], struct.unpack_from("<I", self.d, at + 120)[0]

    def entry(self, name):
        return next(e for e in self.entries() if e[0] == name)

    def offsets(self, name):
        """File offset of each byte of stream `name`."""
        _, _, start, size = self.entry(name)
        if size >= self.mini_cutoff:
            secs = self.chain(start)
            return [self.sec(secs[i // self.ssz]) + i % self.ssz for i in range(size)]
        root = self.entry("Root Entry")
        big = self.chain(root[2])
        minifat = []
        for s in self.chain(self.minifat_start):
            minifat.extend(struct.unpack_from("<%dI" % (self.ssz // 4), self.d, self.sec(s)))
        mini, m = [], start
        while m < 0xFFFFFFFA and len(mini) <= len(minifat):
            mini.append(m)
            m = minifat[m]
        def at(i):
            pos = mini[i // 64] * 64 + i % 64
            return self.sec(big[pos // self.ssz]) + pos % self.ssz
        return [at(i) for i in range(size)]

    def poke(self, name, offset, fmt, value):
        where = self.offsets(name)
        for i, b in enumerate(struct.pack(fmt, value)):
            self.d[where[offset + i]] = b

    def peek(self, name, offset, fmt):
        where = self.offsets(name)
        return struct.unpack(fmt, bytes(self.d[where[offset + i]] for i in range(struct.calcsize(fmt))))[0]


def doc_cases(c):
    if not os.path.exists(DOC_SAMPLE):
        return
    good = open(DOC_SAMPLE, "rb").read()
    c.add("doc_ok.doc", good, "OK", "a Word 97-2003 .doc saved by LibreOffice (control case)")
    c.add("doc_named.docx", good, "OK", "a .doc named .docx: read as .doc by its OLE2 signature")
    c.add("doc_named.txt", good, "OK", "a .doc named .txt: read as .doc by its OLE2 signature")
    c.add("doc_truncated_header.doc", good[:300], "E_DOC_CORRUPT", "a .doc cut inside its 512-byte header")
    c.add("doc_truncated_half.doc", good[:len(good) // 2], "E_DOC_CORRUPT", "a .doc cut in half")

    def mutate(name, fn, expect, why, message_re=None):
        o = Ole(good)
        fn(o)
        c.add(name, bytes(o.d), expect, why, message_re=message_re)

    def fat_set(o, sector, value):
        per = o.ssz // 4
        fat_sec = struct.unpack_from("<I", o.d, 0x4C + 4 * (sector // per))[0]
        struct.pack_into("<I", o.d, o.sec(fat_sec) + 4 * (sector % per), value)

    mutate("doc_fat_truncated.doc", lambda o: struct.pack_into("<I", o.d, 0x2C, 5000), "E_DOC_CORRUPT",
           "the header counts more FAT sectors than the file holds", "FAT")
    mutate("doc_fat_sector_past_end.doc", lambda o: struct.pack_into("<I", o.d, 0x4C, 0x00FFFFF0), "E_DOC_CORRUPT",
           "the FAT's own sector is past the end of the file", "FAT")
    mutate("doc_dir_chain_loop.doc", lambda o: fat_set(o, o.dir_start, o.dir_start), "E_DOC_CORRUPT",
           "the directory's sector chain points back to itself", "loop")
    mutate("doc_dir_past_end.doc", lambda o: struct.pack_into("<I", o.d, 0x30, 0x00FFFFF0), "E_DOC_CORRUPT",
           "the directory starts at a sector past the file", "leaves the file")

    def word_chain_loop(o):
        start = o.entry("WordDocument")[2]
        secs = o.chain(start)
        fat_set(o, secs[1], secs[0])
    mutate("doc_stream_chain_loop.doc", word_chain_loop, "E_DOC_CORRUPT",
           "the WordDocument stream's sector chain loops back to its start")
    mutate("doc_stream_past_end.doc", lambda o: struct.pack_into("<I", o.d, o.entry("WordDocument")[1] + 116, 0x00FFFFF0),
           "E_DOC_CORRUPT", "the WordDocument stream starts at a sector past the file")
    mutate("doc_stream_over_bound.doc", lambda o: struct.pack_into("<I", o.d, o.entry("WordDocument")[1] + 120, 0x7FFFFFF0),
           "E_DOC_CORRUPT", "the WordDocument stream claims 2 GiB", "larger than")
    def table_too_long(o):
        name = "1Table" if o.peek("WordDocument", 0x0A, "<H") & 0x0200 else "0Table"
        e = o.entry(name)
        struct.pack_into("<I", o.d, e[1] + 120, min(e[3] * 4, len(o.d) - 1))
    mutate("doc_stream_chain_short.doc", table_too_long, "E_DOC_CORRUPT",
           "the table stream claims more bytes than its sector chain holds", "unreadable")
    mutate("doc_dir_no_root.doc", lambda o: struct.pack_into("B", o.d, o.entry("Root Entry")[1] + 66, 2),
           "E_DOC_CORRUPT", "the directory's first entry is a stream, not the root", "root entry")

    def tree_loop(o):
        root = o.entry("Root Entry")[1]
        child = struct.unpack_from("<I", o.d, root + 76)[0]
        at = o.sec(o.dir_start) + 128 * child if child < o.ssz // 128 else None
        if at is not None:
            struct.pack_into("<I", o.d, at + 68, child)  # the root's child is its own left sibling
    mutate("doc_dir_tree_loop.doc", tree_loop, "E_DOC_CORRUPT", "a loop in the directory tree", "loop")
    mutate("doc_no_worddocument.doc", lambda o: struct.pack_into("<H", o.d, o.entry("WordDocument")[1], ord("X")),
           "E_UNSUPPORTED", "an OLE2 file without a WordDocument stream (as Excel's are)")

    def table_name(o):
        return "1Table" if o.peek("WordDocument", 0x0A, "<H") & 0x0200 else "0Table"
    mutate("doc_clx_outside.doc", lambda o: o.poke("WordDocument", 0x1A2, "<I", 0x7FFFFF00), "E_DOC_CORRUPT",
           "the FIB puts the piece table past the end of the table stream", "Clx")

    def piece_outside(o):
        fc_clx = o.peek("WordDocument", 0x1A2, "<I")
        t = table_name(o)
        pos = fc_clx
        while o.peek(t, pos, "B") == 1:  # skip Prc entries
            pos += 3 + o.peek(t, pos + 1, "<h")
        lcb = o.peek(t, pos + 1, "<I")
        n = (lcb - 4) // 12
        o.poke(t, pos + 5 + 4 * (n + 1) + 2, "<I", 0x3FFFFF00)  # the first piece's fc
    mutate("doc_piece_outside.doc", piece_outside, "E_DOC_CORRUPT",
           "the piece table points outside the WordDocument stream", "outside")
    mutate("doc_fib_word6.doc", lambda o: o.poke("WordDocument", 0, "<H", 0xA5DC), "E_UNSUPPORTED",
           "a Word 6/95 FIB")
    mutate("doc_encrypted.doc", lambda o: o.poke("WordDocument", 0x0A, "<H", o.peek("WordDocument", 0x0A, "<H") | 0x0100),
           "E_UNSUPPORTED", "the FIB says the document is encrypted", "password")
    mutate("doc_fib_garbage.doc", lambda o: o.poke("WordDocument", 0, "<I", 0x12345678), "E_DOC_CORRUPT",
           "a WordDocument stream that does not start with a FIB")
    c.add("doc_signature_only.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\xff" * 1024, "E_DOC_CORRUPT",
          "the OLE2 signature followed by 0xFF bytes")


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: gen_corpus.py OUTDIR [--no-big] [--memory-case]")
    out = sys.argv[1]
    files = os.path.join(out, "files")
    os.makedirs(files, exist_ok=True)
    for old in os.listdir(files):
        os.unlink(os.path.join(files, old))
    c = Corpus(files)
    container_cases(c)
    xml_cases(c)
    text_cases(c, "--no-big" not in sys.argv[2:])
    doc_cases(c)
    with open(os.path.join(out, "cases.json"), "w") as f:
        json.dump(c.cases, f, ensure_ascii=False, indent=1)
    # The memory bound's own case, kept out of the case list (its batch and
    # its XML pass would add minutes): check.py --rss-bound converts it once.
    memory = os.path.join(out, "memory")
    os.makedirs(memory, exist_ok=True)
    for old in os.listdir(memory):
        os.unlink(os.path.join(memory, old))
    if "--memory-case" in sys.argv[2:]:
        with open(os.path.join(memory, "facts_dense_120mb.txt"), "wb") as f:
            f.write(facts_dense(120 * 1000 * 1000))
    print("%d cases in %s" % (len(c.cases), files))


if __name__ == "__main__":
    main()
