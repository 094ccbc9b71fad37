/* Tests for the DOCX reader: small DOCX files are built in memory with
 * libzip, then read back; the committed sample DOCX files are read too. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "../../pipeline/ingest/docx_cache.h"
#include "../../pipeline/ingest/docx_read.h"
#include "../../pipeline/ingest/ingest.h"
#include "check.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_ATTRS                                                                       \
    " xmlns:w=\"" W_NS "\""                                                            \
    " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""        \
    " xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"" \
    " xmlns:v=\"urn:schemas-microsoft-com:vml\""
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
#define DOC(body) XML_DECL "<w:document" NS_ATTRS "><w:body>" body "</w:body></w:document>"
#define P(text) "<w:p><w:r><w:t xml:space=\"preserve\">" text "</w:t></w:r></w:p>"

typedef struct {
    const char *name;
    const char *data;
    size_t len; /* 0: strlen(data) */
} entry;

/* A zip in memory holding `n` entries compressed with `method`; *len gets
 * its size; free() it. */
static unsigned char *make_zip_method(const entry *e, size_t n, size_t *len, zip_int32_t method) {
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    if (!src) return NULL;
    zip_source_keep(src);
    zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
    if (!za) {
        zip_source_free(src);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        size_t l = e[i].len ? e[i].len : strlen(e[i].data);
        zip_source_t *s = zip_source_buffer(za, e[i].data, l, 0);
        zip_int64_t idx = s ? zip_file_add(za, e[i].name, s, ZIP_FL_ENC_UTF_8) : -1;
        if (idx < 0 || zip_set_file_compression(za, (zip_uint64_t)idx, method, 0) != 0) {
            if (idx < 0) zip_source_free(s);
            zip_discard(za);
            zip_source_free(src);
            return NULL;
        }
    }
    if (zip_close(za) != 0) {
        zip_discard(za);
        zip_source_free(src);
        return NULL;
    }
    unsigned char *out = NULL;
    if (zip_source_open(src) == 0) {
        zip_source_seek(src, 0, SEEK_END);
        zip_int64_t size = zip_source_tell(src);
        zip_source_seek(src, 0, SEEK_SET);
        out = size > 0 ? malloc((size_t)size) : NULL;
        if (out && zip_source_read(src, out, (zip_uint64_t)size) != size) {
            free(out);
            out = NULL;
        }
        *len = (size_t)size;
        zip_source_close(src);
    }
    zip_source_free(src);
    return out;
}

static unsigned char *make_zip(const entry *e, size_t n, size_t *len) {
    return make_zip_method(e, n, len, ZIP_CM_DEFAULT);
}

typedef struct {
    vb_result *r;
    vb_blockv b;
    vb_status s;
} read_out;

static read_out read_bytes(const unsigned char *data, size_t len, const vb_limits *lim) {
    read_out o;
    memset(&o, 0, sizeof o);
    o.r = vb_result_new("test.docx");
    vb_limits dl;
    vb_limits_default(&dl);
    o.s = vb_docx_read(data, len, lim ? lim : &dl, o.r->arena, o.r, &o.b);
    return o;
}

static read_out read_entries(const entry *e, size_t n, const vb_limits *lim) {
    size_t len = 0;
    unsigned char *z = make_zip(e, n, &len);
    read_out o;
    if (!z) {
        memset(&o, 0, sizeof o);
        o.s = VB_E_INTERNAL;
        o.r = vb_result_new("test.docx");
        fprintf(stderr, "  cannot build the test zip\n");
        return o;
    }
    o = read_bytes(z, len, lim);
    free(z);
    return o;
}

static read_out read_doc(const char *document_xml) {
    entry e[] = {{"word/document.xml", document_xml, 0}};
    return read_entries(e, 1, NULL);
}

static const char *text_of(const read_out *o, size_t i) {
    return i < o->b.len ? o->b.items[i].text : "(missing block)";
}

static const char *last_error_code(const read_out *o) {
    return o->r->errors.len ? o->r->errors.items[o->r->errors.len - 1].code : "(none)";
}

static void test_paragraphs(void) {
    read_out o =
        read_doc(DOC(P("Kế hoạch") "<w:p/><w:p><w:r><w:t>số </w:t></w:r><w:r><w:t>905</w:t></w:r></w:p>"
                                   "<w:sectPr><w:pgSz w:w=\"11906\"/></w:sectPr>"));
    CHECK_INT(o.s, VB_OK);
    CHECK_INT(o.b.len, 3);
    CHECK_STR(text_of(&o, 0), "Kế hoạch");
    CHECK_STR(text_of(&o, 1), "");
    CHECK_STR(text_of(&o, 2), "số 905");
    if (o.b.len == 3) {
        CHECK_INT(o.b.items[0].src_offset, 0);
        CHECK_INT(o.b.items[2].src_offset, strlen("Kế hoạch"));
        CHECK_INT(o.b.items[2].len, strlen("số 905"));
        CHECK_INT(o.b.items[0].table, -1);
        CHECK_INT(o.b.items[0].area, VB_AREA_BODY);
        CHECK_INT(o.b.items[0].flags, 0);
    }
    vb_result_free(o.r);
}

static void test_two_column_table(void) {
    read_out o = read_doc(DOC(
        "<w:tbl><w:tblPr><w:tblW w:w=\"0\"/></w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
        "<w:tr><w:tc><w:tcPr><w:tcW w:w=\"1\"/></w:tcPr>" P("ỦY BAN NHÂN DÂN") P(
            "TỈNH TÂY NINH") "</w:tc>"
                             "<w:tc>" P("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") P(
                                 "Độc lập - Tự do - Hạnh phúc") "</w:tc></w:tr>"
                                                                "<w:tr><w:tc>" P("Số: 905/KH-UBND") "<w:tbl><w:tr><w:tc>" P(
                                                                    "nested") "</w:tc></w:tr></w:tbl></w:tc>"
                                                                              "<w:tc>" P("Tây Ninh, ngày 07 tháng 5 năm 2019") "</w:tc></w:tr></w:tbl>" P(
                                                                                  "KẾ HOẠCH")));
    CHECK_INT(o.s, VB_OK);
    CHECK_INT(o.b.len, 8);
    static const char *want[] = {"ỦY BAN NHÂN DÂN",
                                 "TỈNH TÂY NINH",
                                 "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                 "Độc lập - Tự do - Hạnh phúc",
                                 "Số: 905/KH-UBND",
                                 "nested",
                                 "Tây Ninh, ngày 07 tháng 5 năm 2019",
                                 "KẾ HOẠCH"};
    static const int cell[] = {0, 0, 1, 1, 0, 0, 1, -1};
    static const int row[] = {0, 0, 0, 0, 1, 0, 1, -1};
    static const int table[] = {0, 0, 0, 0, 0, 1, 0, -1};
    static const unsigned end[] = {0, 1, 0, 1, 0, 1, 1, 0};
    for (size_t i = 0; i < 8 && i < o.b.len; i++) {
        CHECK_STR(o.b.items[i].text, want[i]);
        CHECK_INT(o.b.items[i].cell, cell[i]);
        CHECK_INT(o.b.items[i].row, row[i]);
        CHECK_INT(o.b.items[i].table, table[i]);
        CHECK_INT(!!(o.b.items[i].flags & VB_BLOCK_CELL_END), end[i]);
    }
    vb_result_free(o.r);
}

static const char numbering_xml[] = XML_DECL
    "<w:numbering" NS_ATTRS ">"
    "<w:abstractNum w:abstractNumId=\"0\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"upperRoman\"/><w:lvlText w:val=\"%1.\"/>"
    "<w:pPr><w:ind w:left=\"720\"/></w:pPr></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%2.\"/></w:lvl>"
    "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%3)\"/></w:lvl>"
    "</w:abstractNum>"
    "<w:abstractNum w:abstractNumId=\"1\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"3\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.%2.\"/></w:lvl>"
    "</w:abstractNum>"
    "<w:abstractNum w:abstractNumId=\"2\">"
    "<w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\xef\x82\xb7\"/></w:lvl>"
    "</w:abstractNum>"
    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
    "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
    "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"2\"/></w:num>"
    "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"1\"/>"
    "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>"
    "</w:numbering>";

static const char styles_xml[] = XML_DECL
    "<w:styles" NS_ATTRS ">"
    "<w:docDefaults><w:pPrDefault><w:pPr><w:numPr><w:numId w:val=\"3\"/></w:numPr></w:pPr></w:pPrDefault></w:docDefaults>"
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"ListHead\"><w:name w:val=\"List Head\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
    "<w:rPr><w:b/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"ListHeadChild\"><w:name w:val=\"List Head Child\"/>"
    "<w:basedOn w:val=\"ListHead\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Loop\"><w:name w:val=\"Loop\"/><w:basedOn w:val=\"Loop\"/></w:style>"
    "</w:styles>";

#define NUMP(num, ilvl, text)                                                                           \
    "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" #ilvl "\"/><w:numId w:val=\"" #num "\"/></w:numPr></w:pPr>" \
    "<w:r><w:t>" text "</w:t></w:r></w:p>"
#define STYP(style, text) \
    "<w:p><w:pPr><w:pStyle w:val=\"" style "\"/></w:pPr><w:r><w:t>" text "</w:t></w:r></w:p>"

static void test_numbering(void) {
    const char *doc = DOC(
        STYP("ListHeadChild", "MỤC ĐÍCH") NUMP(1, 1, "Mục đích") NUMP(1, 2, "một") NUMP(1, 2, "hai")
            NUMP(1, 1, "Yêu cầu") NUMP(
                1, 2,
                "ba") "<w:p><w:pPr><w:pStyle w:val=\"ListHead\"/><w:pPrChange><w:pPr><w:numPr><w:numId w:val=\"2\"/></w:numPr></w:pPr></w:pPrChange></w:pPr>"
                      "<w:r><w:t>NỘI DUNG</w:t></w:r></w:p>"
                      "<w:p><w:pPr><w:pStyle w:val=\"ListHead\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr></w:pPr><w:r><w:t>không số</w:t></w:r></w:p>" NUMP(
                          2, 0, "ba") NUMP(2, 1, "ba chấm một") NUMP(4, 0, "lại một") NUMP(3, 0, "gạch")
                          STYP("Heading1", "Tiêu đề") STYP("Loop", "vòng") P(
                              "thường") "<w:p><w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr><w:r><w:t>cấp 2</w:t></w:r></w:p>");
    entry e[] = {{"word/document.xml", doc, 0},
                 {"word/numbering.xml", numbering_xml, 0},
                 {"word/styles.xml", styles_xml, 0}};
    read_out o = read_entries(e, 3, NULL);
    CHECK_INT(o.s, VB_OK);
    static const char *want[] = {"I. MỤC ĐÍCH", "1. Mục đích",  "a) một",   "b) hai", "2. Yêu cầu",
                                 "a) ba",       "II. NỘI DUNG", "không số", "3. ba",  "3.1. ba chấm một",
                                 "1. lại một",  "- gạch",       "Tiêu đề",  "vòng",   "thường",
                                 "cấp 2"};
    CHECK_INT(o.b.len, sizeof want / sizeof *want);
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) CHECK_STR(text_of(&o, i), want[i]);
    if (o.b.len == sizeof want / sizeof *want) {
        CHECK(o.b.items[0].flags & VB_BLOCK_NUMBERED);
        CHECK(!(o.b.items[7].flags & VB_BLOCK_NUMBERED));
        CHECK(!(o.b.items[14].flags & VB_BLOCK_NUMBERED));
        CHECK_INT(o.b.items[12].heading_level, 1);
        CHECK_INT(o.b.items[15].heading_level, 2);
        CHECK_INT(o.b.items[14].heading_level, 0);
        CHECK_INT(o.b.items[1].src_offset, strlen("I. MỤC ĐÍCH"));
    }
    vb_result_free(o.r);
}

static void test_tracked_changes_sdt_fields(void) {
    read_out o = read_doc(DOC(
        "<w:p><w:r><w:t xml:space=\"preserve\">giữ </w:t></w:r><w:ins w:id=\"1\"><w:r><w:t>mới</w:t></w:r></w:ins>"
        "<w:del w:id=\"2\"><w:r><w:delText>cũ</w:delText></w:r></w:del></w:p>"
        "<w:sdt><w:sdtPr><w:alias w:val=\"Tên\"/><w:placeholder><w:docPart w:val=\"x\"/></w:placeholder></w:sdtPr>"
        "<w:sdtContent>" P(
            "trong sdt") "</w:sdtContent></w:sdt>"
                         "<w:p><w:r><w:t xml:space=\"preserve\">Trang </w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                         "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
                         "<w:r><w:t>5</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
                         "<w:fldSimple w:instr=\" NUMPAGES \"><w:r><w:t>/9</w:t></w:r></w:fldSimple></w:p>"
                         "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:t>bỏ</w:t></w:r>"
                         "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t>sau</w:t></w:r>"
                         "<w:r><w:rPr><w:b/><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r>"
                         "<w:r><w:rPr><w:vanish w:val=\"0\"/><w:rPrChange><w:rPr><w:vanish/></w:rPr></w:rPrChange></w:rPr><w:t> hiện</w:t></w:r></w:p>"));
    CHECK_INT(o.s, VB_OK);
    CHECK_INT(o.b.len, 4);
    CHECK_STR(text_of(&o, 0), "giữ mới");
    CHECK_STR(text_of(&o, 1), "trong sdt");
    CHECK_STR(text_of(&o, 2), "Trang 5/9");
    CHECK_STR(text_of(&o, 3), "sau hiện");
    vb_result_free(o.r);
}

static void test_text_box(void) {
    read_out o = read_doc(DOC(
        "<w:p><w:r><w:t xml:space=\"preserve\">Trước </w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\">"
        "<w:drawing><wps:wsp><wps:txbx><w:txbxContent>" P("Trong hộp") P(
            "dòng hai") "</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
                        "<w:txbxContent>" P("Trong hộp") P(
                            "dòng hai") "</w:txbxContent></v:textbox></v:shape></w:pict>"
                                        "</mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>sau</w:t></w:r></w:p>"));
    CHECK_INT(o.s, VB_OK);
    CHECK_INT(o.b.len, 3);
    CHECK_STR(text_of(&o, 0), "Trong hộp");
    CHECK_STR(text_of(&o, 1), "dòng hai");
    CHECK_STR(text_of(&o, 2), "Trước sau");
    if (o.b.len == 3) {
        CHECK(o.b.items[0].flags & VB_BLOCK_TEXTBOX);
        CHECK(o.b.items[1].flags & VB_BLOCK_TEXTBOX);
        CHECK(!(o.b.items[2].flags & VB_BLOCK_TEXTBOX));
    }
    vb_result_free(o.r);
}

static void test_tab_break_hyphens(void) {
    read_out o =
        read_doc(DOC("<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>"
                     "<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t></w:r></w:p>"
                     "<w:p><w:r><w:t>phòng</w:t><w:softHyphen/><w:t>ngừa</w:t><w:noBreakHyphen/><w:t>x</w:t>"
                     "<w:sym w:font=\"Wingdings\" w:char=\"F0FC\"/></w:r></w:p>"
                     "<w:p><w:r><w:t>trước</w:t><w:br w:type=\"page\"/></w:r></w:p>" P(
                         "trang mới") "<w:p><w:r><w:br w:type=\"page\"/><w:t>đầu trang</w:t></w:r></w:p>"));
    CHECK_INT(o.s, VB_OK);
    CHECK_INT(o.b.len, 5);
    CHECK_STR(text_of(&o, 0), "a\tb\nc");
    CHECK_STR(text_of(&o, 1), "phòngngừa-x");
    CHECK_STR(text_of(&o, 2), "trước\n");
    CHECK_STR(text_of(&o, 3), "trang mới");
    CHECK_STR(text_of(&o, 4), "đầu trang");
    if (o.b.len == 5) {
        CHECK(!(o.b.items[2].flags & VB_BLOCK_PAGE_BREAK));
        CHECK(o.b.items[3].flags & VB_BLOCK_PAGE_BREAK);
        CHECK(o.b.items[4].flags & VB_BLOCK_PAGE_BREAK);
    }
    vb_result_free(o.r);
}

static void test_header_footer_parts(void) {
    entry e[] = {
        {"word/footer1.xml", XML_DECL "<w:ftr" NS_ATTRS ">" P("chân trang") "</w:ftr>", 0},
        {"word/header10.xml", XML_DECL "<w:hdr" NS_ATTRS ">" P("đầu 10") "</w:hdr>", 0},
        {"word/document.xml", DOC(P("thân")), 0},
        {"word/header2.xml", XML_DECL "<w:hdr" NS_ATTRS ">" P("đầu 2") "</w:hdr>", 0},
        {"word/footnotes.xml",
         XML_DECL "<w:footnotes" NS_ATTRS
                  "><w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p>"
                  "</w:footnote><w:footnote w:id=\"1\">" P("chú thích") "</w:footnote></w:footnotes>",
         0},
    };
    read_out o = read_entries(e, 5, NULL);
    CHECK_INT(o.s, VB_OK);
    CHECK_INT(o.b.len, 5);
    CHECK_STR(text_of(&o, 0), "thân");
    CHECK_STR(text_of(&o, 1), "đầu 2");
    CHECK_STR(text_of(&o, 2), "đầu 10");
    CHECK_STR(text_of(&o, 3), "chân trang");
    CHECK_STR(text_of(&o, 4), "chú thích");
    if (o.b.len == 5) {
        CHECK_INT(o.b.items[0].area, VB_AREA_BODY);
        CHECK_INT(o.b.items[1].area, VB_AREA_PAGE_HEADER);
        CHECK_INT(o.b.items[2].area, VB_AREA_PAGE_HEADER);
        CHECK_INT(o.b.items[3].area, VB_AREA_PAGE_FOOTER);
        CHECK_INT(o.b.items[4].area, VB_AREA_NOTE);
        CHECK_INT(o.b.items[4].src_offset, strlen("thânđầu 2đầu 10chân trang"));
    }
    vb_result_free(o.r);
}

/* ---- hostile input ---- */

static void test_truncated_zip(void) {
    entry e[] = {{"word/document.xml", DOC(P("một") P("hai")), 0}};
    size_t len = 0;
    unsigned char *z = make_zip(e, 1, &len);
    CHECK(z != NULL);
    if (!z) return;
    for (size_t cut = 10; cut < len; cut += len / 7 + 1) {
        read_out o = read_bytes(z, cut, NULL);
        CHECK_INT(o.s, VB_E_ZIP_CORRUPT);
        CHECK_STR(last_error_code(&o), "E_ZIP_CORRUPT");
        CHECK(o.r->errors.len && strstr(o.r->errors.items[0].message, "test.docx") != NULL);
        vb_result_free(o.r);
    }
    free(z);
}

static void test_no_document(void) {
    entry e[] = {{"word/styles.xml", styles_xml, 0}, {"xl/workbook.xml", "<workbook/>", 0}};
    read_out o = read_entries(e, 2, NULL);
    CHECK_INT(o.s, VB_E_ZIP_NO_DOCUMENT);
    CHECK_INT(o.b.len, 0);
    vb_result_free(o.r);
}

static void test_doctype_refused(void) {
    read_out o =
        read_doc(XML_DECL "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
                          "<w:document" NS_ATTRS "><w:body>" P("&lol2;") "</w:body></w:document>");
    CHECK_INT(o.s, VB_E_XML_DTD);
    CHECK_STR(last_error_code(&o), "E_XML_DTD");
    CHECK_INT(o.b.len, 0);
    vb_result_free(o.r);
    /* an external entity in styles.xml is refused the same way */
    entry e[] = {
        {"word/document.xml", DOC(P("x")), 0},
        {"word/styles.xml", XML_DECL "<!DOCTYPE s SYSTEM \"file:///etc/passwd\"><w:styles" NS_ATTRS "/>", 0}};
    o = read_entries(e, 2, NULL);
    CHECK_INT(o.s, VB_E_XML_DTD);
    vb_result_free(o.r);
}

static void test_malformed_xml(void) {
    read_out o = read_doc(XML_DECL "<w:document" NS_ATTRS
                                   "><w:body>\n<w:p><w:r><w:t>a</w:r></w:p></w:body></w:document>");
    CHECK_INT(o.s, VB_E_XML_MALFORMED);
    CHECK(o.r->errors.len && strstr(o.r->errors.items[0].message, "word/document.xml:2:") != NULL);
    vb_result_free(o.r);
    o = read_doc(XML_DECL "<w:document" NS_ATTRS "><w:body>" P("&undefined;") "</w:body></w:document>");
    CHECK(o.s == VB_E_XML_MALFORMED || o.s == VB_E_XML_DTD);
    vb_result_free(o.r);
}

static char *nested(const char *open, const char *close, int depth) {
    size_t lo = strlen(open), lc = strlen(close);
    char *s = malloc(512 + (lo + lc) * (size_t)depth);
    if (!s) return NULL;
    char *p = s + sprintf(s, XML_DECL "<w:document" NS_ATTRS "><w:body><w:p>");
    for (int i = 0; i < depth; i++) p += sprintf(p, "%s", open);
    for (int i = 0; i < depth; i++) p += sprintf(p, "%s", close);
    sprintf(p, "</w:p></w:body></w:document>");
    return s;
}

static void test_depth_bound(void) {
    char *doc = nested("<w:hyperlink>", "</w:hyperlink>", 40);
    CHECK(doc != NULL);
    if (!doc) return;
    entry e[] = {{"word/document.xml", doc, 0}};
    vb_limits lim;
    vb_limits_default(&lim);
    read_out o = read_entries(e, 1, &lim);
    CHECK_INT(o.s, VB_OK);
    vb_result_free(o.r);
    lim.max_xml_depth = 30;
    o = read_entries(e, 1, &lim);
    CHECK_INT(o.s, VB_E_XML_LIMIT);
    vb_result_free(o.r);
    free(doc);
    /* over libxml2's own bound too, and inside a skipped subtree */
    doc = nested("<w:del>", "</w:del>", 5000);
    entry e2[] = {{"word/document.xml", doc, 0}};
    vb_limits_default(&lim);
    o = read_entries(e2, 1, &lim);
    CHECK_INT(o.s, VB_E_XML_LIMIT);
    vb_result_free(o.r);
    free(doc);
}

static void test_ratio_bomb(void) {
    size_t n = (size_t)8 << 20;
    char *doc = malloc(n + 512);
    CHECK(doc != NULL);
    if (!doc) return;
    char *p = doc + sprintf(doc, XML_DECL "<w:document" NS_ATTRS "><w:body><w:p><w:r><w:t>");
    memset(p, ' ', n);
    strcpy(p + n, "</w:t></w:r></w:p></w:body></w:document>");
    entry e[] = {{"word/document.xml", doc, 0}};
    read_out o = read_entries(e, 1, NULL);
    CHECK_INT(o.s, VB_E_ZIP_BOMB);
    CHECK_STR(last_error_code(&o), "E_ZIP_BOMB");
    vb_result_free(o.r);
    /* the total inflated bound holds even when each ratio is fine */
    vb_limits lim;
    vb_limits_default(&lim);
    lim.max_inflated_bytes = 600;
    entry small[] = {{"word/document.xml",
                      DOC(P("một đoạn văn bản dài hơn một chút để vượt giới hạn")
                              P("một đoạn văn bản dài hơn một chút để vượt giới hạn")
                                  P("một đoạn văn bản dài hơn một chút để vượt giới hạn")),
                      0}};
    o = read_entries(small, 1, &lim);
    CHECK_INT(o.s, VB_E_ZIP_BOMB);
    vb_result_free(o.r);
    free(doc);
}

static void test_entry_count_bound(void) {
    entry e[] = {{"word/document.xml", DOC(P("x")), 0}, {"a.xml", "<a/>", 0}, {"b.xml", "<b/>", 0}};
    vb_limits lim;
    vb_limits_default(&lim);
    lim.max_zip_entries = 2;
    read_out o = read_entries(e, 3, &lim);
    CHECK_INT(o.s, VB_E_ZIP_TOO_MANY);
    vb_result_free(o.r);
}

static void test_encrypted_entry(void) {
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_source_keep(src);
    zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
    static const char doc[] = DOC(P("bí mật"));
    zip_int64_t i = zip_file_add(za, "word/document.xml", zip_source_buffer(za, doc, strlen(doc), 0), 0);
    if (zip_file_set_encryption(za, (zip_uint64_t)i, ZIP_EM_AES_256, "mật khẩu") != 0) {
        fprintf(stderr, "  (libzip without AES: encrypted case not built)\n");
        zip_discard(za);
        zip_source_free(src);
        return;
    }
    CHECK_INT(zip_close(za), 0);
    zip_source_open(src);
    zip_source_seek(src, 0, SEEK_END);
    zip_int64_t size = zip_source_tell(src);
    zip_source_seek(src, 0, SEEK_SET);
    unsigned char *z = malloc((size_t)size);
    CHECK_INT(zip_source_read(src, z, (zip_uint64_t)size), size);
    zip_source_close(src);
    zip_source_free(src);
    read_out o = read_bytes(z, (size_t)size, NULL);
    CHECK_INT(o.s, VB_E_ZIP_ENCRYPTED);
    vb_result_free(o.r);
    free(z);
}

/* ---- the committed samples ---- */

static read_out read_file(const char *path) {
    read_out o;
    memset(&o, 0, sizeof o);
    o.r = vb_result_new(path);
    vb_limits lim;
    vb_limits_default(&lim);
    o.s = vb_ingest_file(path, &lim, o.r->arena, o.r, &o.b);
    return o;
}

/* Within each table, blocks come cell by cell: (row, cell) never goes back. */
static int cells_in_order(const vb_blockv *b) {
    for (size_t i = 1; i < b->len; i++) {
        const vb_block *p = &b->items[i - 1], *k = &b->items[i];
        if (k->table < 0 || k->table != p->table) continue;
        if (k->row < p->row || (k->row == p->row && k->cell < p->cell)) return 0;
        if (k->cell != p->cell && k->row == p->row && !(p->flags & VB_BLOCK_CELL_END)) return 0;
    }
    return 1;
}

static size_t find_prefix(const read_out *o, const char *prefix, unsigned flag) {
    for (size_t i = 0; i < o->b.len; i++)
        if (strncmp(o->b.items[i].text, prefix, strlen(prefix)) == 0 && (o->b.items[i].flags & flag) == flag)
            return i;
    return (size_t)-1;
}

static void test_samples(void) {
    static const char *dirs[] = {"samples/docx/pandoc", "samples/docx/libreoffice"};
    int files = 0;
    for (size_t d = 0; d < 2; d++) {
        DIR *dir = opendir(dirs[d]);
        CHECK(dir != NULL);
        if (!dir) continue;
        struct dirent *de;
        while ((de = readdir(dir)) != NULL) {
            size_t l = strlen(de->d_name);
            if (l < 6 || strcmp(de->d_name + l - 5, ".docx") != 0) continue;
            char path[512];
            snprintf(path, sizeof path, "%s/%s", dirs[d], de->d_name);
            read_out o = read_file(path);
            files++;
            if (o.s != VB_OK)
                fprintf(stderr, "  %s: %s\n", path, o.r->errors.len ? o.r->errors.items[0].message : "?");
            CHECK_INT(o.s, VB_OK);
            CHECK(o.b.len > 10);
            CHECK(cells_in_order(&o.b));
            CHECK_STR(o.r->format, "docx");
            size_t off = 0;
            for (size_t i = 0; i < o.b.len; i++) {
                CHECK_INT(o.b.items[i].src_offset, off);
                off += o.b.items[i].len;
            }
            vb_result_free(o.r);
        }
        closedir(dir);
    }
    CHECK(files >= 8);
}

static void test_pandoc_003(void) {
    read_out o = read_file("samples/docx/pandoc/003_853f2636e4462903.docx");
    CHECK_INT(o.s, VB_OK);
    /* the Roman-numbered parts come from Word numbering, rebuilt */
    CHECK(find_prefix(&o, "I. ", VB_BLOCK_NUMBERED) != (size_t)-1);
    CHECK(find_prefix(&o, "IV. ", VB_BLOCK_NUMBERED) != (size_t)-1);
    CHECK(find_prefix(&o, "1. ", VB_BLOCK_NUMBERED) != (size_t)-1);
    CHECK(find_prefix(&o, "- ", VB_BLOCK_NUMBERED) != (size_t)-1);
    /* the issuing body / motto table: the whole left cell, then the right one */
    size_t left = find_prefix(&o, "ỦY BAN NHÂN DÂN", 0), left2 = find_prefix(&o, "TỈNH TÂY NINH", 0);
    size_t right = find_prefix(&o, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 0);
    size_t motto = find_prefix(&o, "Độc lập - Tự do - Hạnh phúc", 0);
    CHECK(left != (size_t)-1 && right != (size_t)-1 && motto != (size_t)-1 && left2 != (size_t)-1);
    if (left != (size_t)-1 && right != (size_t)-1 && motto != (size_t)-1 && left2 != (size_t)-1) {
        CHECK(left < left2 && left2 < right && right < motto);
        CHECK_INT(o.b.items[left].table, 0);
        CHECK_INT(o.b.items[left].cell, 0);
        CHECK_INT(o.b.items[right].cell, 1);
    }
    vb_result_free(o.r);
}

/* ASCII `s` as UTF-16LE with a byte-order mark into `out` (2 + 2 strlen(s)
 * bytes); returns the length. */
static size_t utf16le(const char *s, char *out) {
    size_t n = strlen(s);
    out[0] = (char)0xff;
    out[1] = (char)0xfe;
    for (size_t i = 0; i < n; i++) {
        out[2 + 2 * i] = s[i];
        out[3 + 2 * i] = 0;
    }
    return 2 + 2 * n;
}

/* What the streaming reader did implicitly, the SAX parser does by hand. */
static void test_reader_equivalents(void) {
    /* attribute values decoded as the reader returned them ("&amp;" stays '&') */
    static const char styles[] =
        XML_DECL "<w:styles" NS_ATTRS "><w:style w:type=\"paragraph\" w:styleId=\"A&amp;B\">"
                 "<w:name w:val=\"heading 2\"/></w:style></w:styles>";
    const char *doc =
        DOC(STYP("A&#38;B", "đề mục") "<w:p><w:r><w:t>a<!-- c -->b<![CDATA[<c>]]>&amp;d</w:t></w:r></w:p>");
    entry e[] = {{"word/document.xml", doc, 0}, {"word/styles.xml", styles, 0}};
    read_out o = read_entries(e, 2, NULL);
    CHECK_INT(o.s, VB_OK);
    CHECK_INT(o.b.len, 2);
    if (o.b.len == 2) CHECK_INT(o.b.items[0].heading_level, 2);
    CHECK_STR(text_of(&o, 1), "ab<c>&d");
    vb_result_free(o.r);
    /* xml:id: the tree builder's checks */
    o = read_doc(DOC("<w:p xml:id=\"a\"/><w:p xml:id=\"a\"/>"));
    CHECK_INT(o.s, VB_E_XML_MALFORMED);
    CHECK(o.r->errors.len && strstr(o.r->errors.items[0].message, "ID a already defined"));
    vb_result_free(o.r);
    o = read_doc(DOC("<w:p><w:del xml:id=\"1\"/></w:p>"));
    CHECK_INT(o.s, VB_E_XML_MALFORMED);
    vb_result_free(o.r);
    /* a DOCTYPE the byte scan cannot see: UTF-16 */
    static const char dtd[] =
        "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE d [<!ENTITY x \"y\">]><d>&x;</d>";
    char u16[2 + 2 * sizeof dtd];
    entry e16[] = {{"word/document.xml", u16, utf16le(dtd, u16)}};
    o = read_entries(e16, 1, NULL);
    CHECK_INT(o.s, VB_E_XML_DTD);
    vb_result_free(o.r);
}

/* Element names are matched by their index in the reader's name table
 * (addresses in the parser's dictionary): only the exact local name in a
 * WordprocessingML namespace counts, whatever else the part holds. */
static void test_element_names(void) {
    /* look-alike names and the same names in other namespaces are not ours */
    read_out o =
        read_doc(DOC("<w:p><w:r><w:t>a</w:t><w:tt>x</w:tt><w:pp/><w:tabs/><w:t>b</w:t></w:r>"
                     "<w:delTextX><w:r><w:t>c</w:t></w:r></w:delTextX>"
                     "<v:del><w:r><w:t>d</w:t></w:r></v:del>"
                     "<w:rPrX/><w:r><w:rPrChange/><w:t>e</w:t></w:r></w:p>"
                     "<v:p><w:p><w:r><w:t>f</w:t></w:r></w:p></v:p>"
                     "<mc:AlternateContent><mc:Choice><w:p><w:r><w:t>g</w:t></w:r></w:p></mc:Choice>"
                     "<mc:Fallback><w:p><w:r><w:t>h</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent>"
                     "<w:Fallback><w:p><w:r><w:t>i</w:t></w:r></w:p></w:Fallback>"
                     "<v:Fallback><w:p><w:r><w:t>j</w:t></w:r></w:p></v:Fallback>"));
    CHECK_INT(o.s, VB_OK);
    CHECK_INT(o.b.len, 5);
    CHECK_STR(text_of(&o, 0), "abcde");
    CHECK_STR(text_of(&o, 1), "f");
    CHECK_STR(text_of(&o, 2), "g");
    CHECK_STR(text_of(&o, 3), "i");
    CHECK_STR(text_of(&o, 4), "j");
    vb_result_free(o.r);
    /* the strict namespace, a default namespace, and many distinct names
     * first (the dictionary grows past its first string pool) */
    char doc[64 * 1024];
    size_t n =
        (size_t)snprintf(doc, sizeof doc,
                         XML_DECL "<d xmlns=\"http://purl.oclc.org/ooxml/wordprocessingml/main\""
                                  " xmlns:s=\"http://purl.oclc.org/ooxml/wordprocessingml/main\"><body>");
    for (int i = 0; i < 2000 && n < sizeof doc - 512; i++)
        n += (size_t)snprintf(doc + n, sizeof doc - n, "<name%d/>", i);
    snprintf(doc + n, sizeof doc - n,
             "<p><r><t>k</t><tab/><delText>z</delText><t>l</t></r></p>"
             "<p><pPr><outlineLvl val=\"3\" s:val=\"1\"/></pPr><r><t>m</t></r></p></body></d>");
    o = read_doc(doc);
    CHECK_INT(o.s, VB_OK);
    CHECK_INT(o.b.len, 2);
    CHECK_STR(text_of(&o, 0), "k\tl");
    CHECK_STR(text_of(&o, 1), "m");
    if (o.b.len == 2) CHECK_INT(o.b.items[1].heading_level, 2);
    vb_result_free(o.r);
    /* a UTF-16 part: names come through the encoding conversion */
    static const char u8[] =
        "<?xml version=\"1.0\" encoding=\"UTF-16\"?><w:document xmlns:w=\"" W_NS "\"><w:body>"
        "<w:p><w:r><w:t>n</w:t><w:br/><w:instrText>x</w:instrText><w:t>o</w:t></w:r></w:p>"
        "</w:body></w:document>";
    char u16[2 + 2 * sizeof u8];
    entry e16[] = {{"word/document.xml", u16, utf16le(u8, u16)}};
    o = read_entries(e16, 1, NULL);
    CHECK_INT(o.s, VB_OK);
    CHECK_INT(o.b.len, 1);
    CHECK_STR(text_of(&o, 0), "n\no");
    vb_result_free(o.r);
}

/* The DOCTYPE byte scan finds "<!DOCTYPE" wherever it lies in the raw
 * part: at the start, inside a comment, and across every read boundary
 * (4 bytes, then 4096 at a time), including its '!' first in a read; a
 * near miss is not refused. */
static void test_doctype_scan(void) {
    static const char head[] = XML_DECL "<w:document" NS_ATTRS "><w:body><!--";
    static const char tail[] = " -->" P("x") "</w:body></w:document>";
    size_t at[64], n_at = 0;
    for (size_t k = 0; k < 13; k++) at[n_at++] = sizeof head - 1 + k;
    for (size_t b = 4 + 4096; b <= 4 + 2 * 4096; b += 4096)
        for (size_t k = b - 10; k <= b + 1; k++) at[n_at++] = k;
    for (int miss = 0; miss < 3; miss++) {
        static const char *const word[] = {"<!DOCTYPE d", "<!DOCTYPX d", "a!DOCTYPE d"};
        for (size_t i = 0; i < n_at; i++) {
            char doc[3 * 4096 + 512];
            size_t n = (size_t)sprintf(doc, "%s", head);
            while (n < at[i]) doc[n++] = 'a';
            n += (size_t)sprintf(doc + n, "%s%s", word[miss], tail);
            entry e[] = {{"word/document.xml", doc, n}};
            read_out o = read_entries(e, 1, NULL);
            CHECK_INT(o.s, miss ? VB_OK : VB_E_XML_DTD);
            vb_result_free(o.r);
        }
    }
    entry e[] = {{"word/document.xml", "<!DOCTYPE d><d/>", 0}};
    read_out o = read_entries(e, 1, NULL);
    CHECK_INT(o.s, VB_E_XML_DTD);
    vb_result_free(o.r);
}

/* End events carry the name and namespace their start had (remembered by
 * depth): paragraphs deep inside alternating w: and v: elements, next to
 * look-alike names, end where they should. */
static void test_end_names_by_depth(void) {
    enum { D = 120 };
    static const char pre[] = XML_DECL "<w:document" NS_ATTRS "><w:body>";
    char *doc = malloc(sizeof pre + (size_t)D * 64 + 1024);
    CHECK(doc != NULL);
    if (!doc) return;
    char *p = doc + sprintf(doc, "%s", pre);
    for (int i = 0; i < D; i++) p += sprintf(p, i % 2 ? "<v:p>" : "<w:hyperlink><w:pp>");
    p += sprintf(p, "%s",
                 P("deep") "<w:p><w:r><w:t>a</w:t></w:r><v:p/><w:tt>b</w:tt>"
                           "<v:p><w:tt>b</w:tt></v:p><w:r><w:t>c</w:t></w:r></w:p>");
    for (int i = D - 1; i >= 0; i--) p += sprintf(p, i % 2 ? "</v:p>" : "</w:pp></w:hyperlink>");
    sprintf(p, "%s", P("shallow") "</w:body></w:document>");
    read_out o = read_doc(doc);
    CHECK_INT(o.s, VB_OK);
    CHECK_INT(o.b.len, 3);
    CHECK_STR(text_of(&o, 0), "deep");
    CHECK_STR(text_of(&o, 1), "ac");
    CHECK_STR(text_of(&o, 2), "shallow");
    vb_result_free(o.r);
    free(doc);
}

/* ---- the per-worker template cache: a hit gives exactly what parsing gives ---- */

static read_out read_cached(vb_docx_cache *c, const unsigned char *data, size_t len, const vb_limits *lim) {
    read_out o;
    memset(&o, 0, sizeof o);
    o.r = vb_result_new("test.docx");
    vb_limits dl;
    vb_limits_default(&dl);
    o.s = vb_docx_read_in(c, data, len, lim ? lim : &dl, o.r->arena, o.r, &o.b);
    return o;
}

/* Same status, errors and blocks, field by field. */
static int same_read(const read_out *x, const read_out *y) {
    if (x->s != y->s || x->b.len != y->b.len || x->r->errors.len != y->r->errors.len) return 0;
    for (size_t i = 0; i < x->r->errors.len; i++)
        if (strcmp(x->r->errors.items[i].message, y->r->errors.items[i].message) != 0) return 0;
    for (size_t i = 0; i < x->b.len; i++) {
        const vb_block *p = &x->b.items[i], *q = &y->b.items[i];
        if (p->len != q->len || memcmp(p->text, q->text, p->len) != 0 || p->src_offset != q->src_offset ||
            p->area != q->area || p->table != q->table || p->row != q->row || p->cell != q->cell ||
            p->heading_level != q->heading_level || p->flags != q->flags)
            return 0;
    }
    return 1;
}

/* Rename "needle" to "patch" (same length) inside a stored zip, leaving the
 * directory's CRC as it was. */
static void patch_bytes(unsigned char *z, size_t len, const char *needle, const char *patch) {
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(z + i, needle, n) == 0) {
            memcpy(z + i, patch, n);
            return;
        }
    CHECK(!"needle not found");
}

static void test_template_cache(void) {
    const char *doc = DOC(STYP("ListHeadChild", "MỤC ĐÍCH") NUMP(1, 1, "Mục đích") NUMP(1, 2, "một") NUMP(
        2, 0, "ba") NUMP(4, 0, "lại một") NUMP(3, 0, "gạch") STYP("Heading1", "Tiêu đề"));
    /* B: other styles (ListHead on list 2); C: A's styles, other numbering */
    static const char styles_b[] = XML_DECL
        "<w:styles" NS_ATTRS ">"
        "<w:style w:type=\"paragraph\" w:styleId=\"ListHead\"><w:pPr><w:numPr><w:ilvl w:val=\"0\"/>"
        "<w:numId w:val=\"2\"/></w:numPr></w:pPr></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"ListHeadChild\"><w:basedOn w:val=\"ListHead\"/></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 2\"/></w:style>"
        "</w:styles>";
    static const char numbering_c[] = XML_DECL
        "<w:numbering" NS_ATTRS ">"
        "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"5\"/><w:numFmt w:val=\"decimal\"/>"
        "<w:lvlText w:val=\"(%1)\"/></w:lvl></w:abstractNum>"
        "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
        "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";
    entry ea[] = {{"word/document.xml", doc, 0},
                  {"word/numbering.xml", numbering_xml, 0},
                  {"word/styles.xml", styles_xml, 0}};
    entry eb[] = {{"word/document.xml", doc, 0},
                  {"word/numbering.xml", numbering_xml, 0},
                  {"word/styles.xml", styles_b, 0}};
    entry ec[] = {{"word/document.xml", doc, 0},
                  {"word/numbering.xml", numbering_c, 0},
                  {"word/styles.xml", styles_xml, 0}};
    size_t la = 0, lb = 0, lc = 0, lf = 0;
    unsigned char *za = make_zip(ea, 3, &la), *zb = make_zip(eb, 3, &lb), *zc = make_zip(ec, 3, &lc);
    /* F: A's parts stored, one styles byte changed, the CRC left alone: the
     * directory says "A's styles", the bytes say otherwise */
    unsigned char *zf = make_zip_method(ea, 3, &lf, ZIP_CM_STORE);
    vb_docx_cache *c = vb_docx_cache_new();
    CHECK(za && zb && zc && zf && c);
    if (!za || !zb || !zc || !zf || !c) goto out;
    read_out ref[4] = {read_bytes(za, la, NULL), read_bytes(zb, lb, NULL), read_bytes(zc, lc, NULL), {0}};
    CHECK_INT(ref[0].s, VB_OK);
    CHECK_STR(text_of(&ref[0], 0), "I. MỤC ĐÍCH");
    CHECK_STR(text_of(&ref[1], 0), "3. MỤC ĐÍCH");
    CHECK_STR(text_of(&ref[2], 0), "(5) MỤC ĐÍCH");
    /* same file twice (counters start again), then alternating templates */
    static const int order[] = {0, 0, 1, 0, 1, 2, 0, 2};
    const unsigned char *zs[] = {za, zb, zc};
    const size_t ls[] = {la, lb, lc};
    for (size_t i = 0; i < sizeof order / sizeof *order; i++) {
        read_out o = read_cached(c, zs[order[i]], ls[order[i]], NULL);
        if (!same_read(&o, &ref[order[i]]))
            fprintf(stderr, "  read %zu (file %d) differs from uncached\n", i, order[i]);
        CHECK(same_read(&o, &ref[order[i]]));
        vb_result_free(o.r);
    }
    /* A A B A B C A C: the styles hit on every read but the first A and the
     * first B (6); the numbering, parsed against its styles, on a repeat of
     * both parts only (5) */
    CHECK_INT(vb_docx_cache_hits(c), 6 + 5);
    /* same directory entry, other bytes: a miss, and the reader's own verdict */
    read_out warm = read_cached(c, zf, lf, NULL); /* F unpatched: its entries go in */
    CHECK_INT(warm.s, VB_OK);
    vb_result_free(warm.r);
    patch_bytes(zf, lf, "List Head Child", "List Head Chile");
    ref[3] = read_bytes(zf, lf, NULL);
    CHECK(ref[3].s != VB_OK); /* libzip's CRC check */
    read_out o = read_cached(c, zf, lf, NULL);
    CHECK(same_read(&o, &ref[3]));
    vb_result_free(o.r);
    /* other limits: no hit across them */
    vb_limits lim;
    vb_limits_default(&lim);
    lim.max_xml_depth = 2;
    read_out shallow = read_bytes(za, la, &lim);
    CHECK_INT(shallow.s, VB_E_XML_LIMIT);
    o = read_cached(c, za, la, &lim);
    CHECK(same_read(&o, &shallow));
    vb_result_free(o.r);
    vb_result_free(shallow.r);
    for (int i = 0; i < 4; i++) vb_result_free(ref[i].r);
out:
    vb_docx_cache_free(c);
    free(za);
    free(zb);
    free(zc);
    free(zf);
}

int main(void) {
    VB_RUN(test_paragraphs);
    VB_RUN(test_two_column_table);
    VB_RUN(test_numbering);
    VB_RUN(test_tracked_changes_sdt_fields);
    VB_RUN(test_text_box);
    VB_RUN(test_tab_break_hyphens);
    VB_RUN(test_header_footer_parts);
    VB_RUN(test_truncated_zip);
    VB_RUN(test_no_document);
    VB_RUN(test_doctype_refused);
    VB_RUN(test_malformed_xml);
    VB_RUN(test_depth_bound);
    VB_RUN(test_ratio_bomb);
    VB_RUN(test_entry_count_bound);
    VB_RUN(test_encrypted_entry);
    VB_RUN(test_samples);
    VB_RUN(test_pandoc_003);
    VB_RUN(test_reader_equivalents);
    VB_RUN(test_element_names);
    VB_RUN(test_doctype_scan);
    VB_RUN(test_end_names_by_depth);
    VB_RUN(test_template_cache);
    return VB_SUMMARY("docx_read");
}
