#include "doctypes.h"

#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>

const vb_doctype vb_doctypes[] = {
    {"Nghị quyết liên tịch", "NQLT", "NGHỊ QUYẾT LIÊN TỊCH"},
    {"Thông tư liên tịch", "TTLT", "THÔNG TƯ LIÊN TỊCH"},
    {"Nghị quyết", "NQ", "NGHỊ QUYẾT"},
    {"Nghị định", "NĐ", "NGHỊ ĐỊNH"},
    {"Quyết định", "QĐ", "QUYẾT ĐỊNH"},
    {"Chỉ thị", "CT", "CHỈ THỊ"},
    {"Thông tư", "TT", "THÔNG TƯ"},
    {"Quy chế", "QC", "QUY CHẾ"},
    {"Quy định", "QyĐ", "QUY ĐỊNH"},
    {"Thông cáo", "TC", "THÔNG CÁO"},
    {"Thông báo", "TB", "THÔNG BÁO"},
    {"Hướng dẫn", "HD", "HƯỚNG DẪN"},
    {"Chương trình", "CTr", "CHƯƠNG TRÌNH"},
    {"Kế hoạch", "KH", "KẾ HOẠCH"},
    {"Phương án", "PA", "PHƯƠNG ÁN"},
    {"Đề án", "ĐA", "ĐỀ ÁN"},
    {"Dự án", "DA", "DỰ ÁN"},
    {"Báo cáo", "BC", "BÁO CÁO"},
    {"Biên bản", "BB", "BIÊN BẢN"},
    {"Tờ trình", "TTr", "TỜ TRÌNH"},
    {"Hợp đồng", "HĐ", "HỢP ĐỒNG"},
    {"Công điện", "CĐ", "CÔNG ĐIỆN"},
    {"Bản ghi nhớ", "BGN", "BẢN GHI NHỚ"},
    {"Bản thỏa thuận", "BTT", "BẢN THỎA THUẬN"},
    {"Giấy ủy quyền", "GUQ", "GIẤY ỦY QUYỀN"},
    {"Giấy mời", "GM", "GIẤY MỜI"},
    {"Giấy giới thiệu", "GGT", "GIẤY GIỚI THIỆU"},
    {"Giấy nghỉ phép", "GNP", "GIẤY NGHỈ PHÉP"},
    {"Phiếu gửi", "PG", "PHIẾU GỬI"},
    {"Phiếu chuyển", "PC", "PHIẾU CHUYỂN"},
    {"Phiếu báo", "PB", "PHIẾU BÁO"},
    {"Kết luận", "KL", "KẾT LUẬN"},
    {"Công văn", NULL, "CÔNG VĂN"},
    {"Luật", NULL, "LUẬT"},
    {"Pháp lệnh", NULL, "PHÁP LỆNH"},
    {"Hiến pháp", NULL, "HIẾN PHÁP"},
    {"Văn bản hợp nhất", "VBHN", "VĂN BẢN HỢP NHẤT"},
};
const size_t vb_doctypes_count = sizeof vb_doctypes / sizeof *vb_doctypes;

const vb_doctype *vb_doctype_by_code(const char *code, size_t len) {
    for (size_t i = 0; i < vb_doctypes_count; i++) {
        const char *c = vb_doctypes[i].code;
        if (c && strlen(c) == len && memcmp(c, code, len) == 0) return &vb_doctypes[i];
    }
    return NULL;
}

/* Case-insensitive compare of two UTF-8 strings with ICU full case folding. */
static int fold_equal(const char *a, size_t alen, const char *b) {
    UErrorCode ec = U_ZERO_ERROR;
    UChar ua[128], ub[128];
    int32_t la = 0, lb = 0;
    u_strFromUTF8(ua, 128, &la, a, (int32_t)alen, &ec);
    u_strFromUTF8(ub, 128, &lb, b, -1, &ec);
    if (U_FAILURE(ec) || la > 128 || lb > 128) return 0;
    return u_strCaseCompare(ua, la, ub, lb, U_FOLD_CASE_DEFAULT, &ec) == 0 && U_SUCCESS(ec);
}

const vb_doctype *vb_doctype_by_name(const char *s, size_t len) {
    if (len == 0 || len > 120) return NULL;
    for (size_t i = 0; i < vb_doctypes_count; i++)
        if (fold_equal(s, len, vb_doctypes[i].name)) return &vb_doctypes[i];
    return NULL;
}
