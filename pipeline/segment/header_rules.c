#include "header_rules.h"

/* Patterns see normalised text: NFC, modern tone marks, '-' for dashes,
 * single spaces, a tab between header columns. */
#define ORG_HEADS                                                                         \
    "(?:ỦY BAN|UBND|SỞ|PHÒNG|BỘ|BAN|CỤC|CHI CỤC|TỔNG CỤC|TRƯỜNG|CÔNG AN|HỘI ĐỒNG|"         \
    "VĂN PHÒNG|TRUNG TÂM|VIỆN|TÒA ÁN|ĐẢNG ỦY|ĐẢNG BỘ|TỈNH ỦY|THÀNH ỦY|HUYỆN ỦY|QUẬN ỦY|"   \
    "BỘ CHỈ HUY|ĐOÀN|HỘI|CHÍNH PHỦ|THỦ TƯỚNG|QUỐC HỘI|MẶT TRẬN|LIÊN ĐOÀN|TỔNG LIÊN ĐOÀN|CÔNG ĐOÀN|KHO BẠC|"         \
    "NGÂN HÀNG|ĐÀI|BÁO|BỆNH VIỆN|THANH TRA|KIỂM TOÁN|BẢO HIỂM)"

#define NAME_WORD "(?:\\p{Lu}\\p{Ll}*|[0-9]+)"

const vb_rule_row vb_header_rule_rows[HR_COUNT] = {
    [HR_MOTTO] = {"motto", "^(?:cộng hòa xã hội chủ nghĩa việt nam|độc lập\\s*-\\s*tự do\\s*-\\s*hạnh phúc|đảng cộng sản việt nam\\s*$)", 0, NULL, 0},
    [HR_SEPARATOR] = {"separator", "^[-_=.*~\\s]{3,}$", 0, NULL, 0},
    [HR_NUMBER] = {"number", "^số\\s*[:.]?\\s*(?<num>[^\\t]*?)\\s*$", 0, NULL, 0},
    [HR_PLACE_DATE] = {"place_date",
                       "^(?<place>[^,\\t0-9][^,\\t]{0,40}?)\\s*,\\s*ngày\\s*(?<d>[0-9]{1,2})?\\s*"
                       "(?:tháng|/)\\s*(?<m>[0-9]{1,2})?\\s*(?:năm|/)\\s*(?<y>[0-9]{4})",
                       0, NULL, 0},
    [HR_RECIPIENT] = {"recipient", "^kính\\s+gửi\\s*:?\\s*(?<rest>.*)$", 0, NULL, 0},
    [HR_VV] = {"vv", "^(?:v/v|về việc|về)\\s*:?\\s+(?<rest>.+)$", 0, NULL, 0},
    [HR_DISTRIB] = {"distribution", "^nơi\\s+nhận\\s*:?\\s*(?<rest>.*)$", 0, NULL, 0},
    [HR_TITLE] = {"title",
                  "^(?<type>NGHỊ QUYẾT LIÊN TỊCH|THÔNG TƯ LIÊN TỊCH|NGHỊ QUYẾT|NGHỊ ĐỊNH|QUYẾT ĐỊNH|"
                  "CHỈ THỊ|THÔNG TƯ|QUY CHẾ|QUY ĐỊNH|THÔNG CÁO|THÔNG BÁO|HƯỚNG DẪN|CHƯƠNG TRÌNH|"
                  "KẾ HOẠCH|PHƯƠNG ÁN|ĐỀ ÁN|DỰ ÁN|BÁO CÁO|BIÊN BẢN|TỜ TRÌNH|CÔNG ĐIỆN|GIẤY MỜI|"
                  "KẾT LUẬN|CÔNG VĂN)(?=\\s|$|:)\\s*:?\\s*(?<rest>.*)$",
                  0, NULL, VB_RULE_CASED},
    [HR_ORG] = {"org", "^" ORG_HEADS "(?=\\s|$)", 0, NULL, VB_RULE_CASED},
    [HR_SIGN_TITLE] = {"sign_title",
                       "^(?:(?:TM|KT|TL|TUQ|Q)\\.|(?:PHÓ\\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG PHÒNG|"
                       "TRƯỞNG BAN|HIỆU TRƯỞNG|BỘ TRƯỞNG|THỦ TRƯỞNG|CHÁNH VĂN PHÒNG|CỤC TRƯỞNG|"
                       "BÍ THƯ|THỦ TƯỚNG)(?:\\s|$)|\\(?(?i:đã ký))",
                       0, NULL, VB_RULE_CASED},
    [HR_BODY_START] = {"body_start",
                       "^(?:căn cứ|thực hiện|triển khai|theo đề nghị|nhằm|để|trên cơ sở|xét đề nghị|điều\\s+[0-9]+\\s*[.:])\\b",
                       0, NULL, 0},
    [HR_ATTACHED] = {"attached", "^\\(?\\s*(?:ban hành )?kèm theo\\b", 0, NULL, 0},
    [HR_ARTICLE_DATE] = {"article_date",
                         "^\\s*(?:date\\s+(?<iso>[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?)\\b|"
                         "(?:ngày đăng|đăng ngày|cập nhật|ngày)\\s*:\\s*(?<d>[0-9]{1,2})/(?<m>[0-9]{1,2})/(?<y>[0-9]{4}))",
                         0, NULL, 0},
    [HR_AREA_BODY] = {"area_body",
                      "(?i:ủy ban nhân dân|ubnd)\\s+(?<lvl>(?i:tỉnh|thành phố|huyện|quận|thị xã))\\s+"
                      "(?<name>" NAME_WORD "(?:\\s+" NAME_WORD ")*)",
                      0, NULL, VB_RULE_CASED},
    [HR_CAPTION] = {"caption", "(?:^|\\.\\s)Ảnh\\s*:", 0, NULL, VB_RULE_CASED},
    [HR_PERSON] = {"person", "^(?:\\p{Lu}\\p{Ll}+)(?:\\s+\\p{Lu}\\p{Ll}*){1,5}$|^(?:\\p{Lu}+)(?:\\s+\\p{Lu}+){1,5}$",
                   0, NULL, VB_RULE_CASED},
    [HR_MOTTO_ANY] = {"motto_any",
                      /* letters OCR often loses its marks on are given as classes */
                      "\\bc[oôộóòố]ng\\s*h[oòóỏ]a\\b[\\s\\S]{0,40}?\\bvi[eêệẹ]t\\s*nam\\b|"
                      /* "Độc lập" is often what OCR loses first: two short words will do */
                      "(?:\\b[đd][ộôoọ]c\\s*l[ậâaạ]p\\W{0,6}|\\b\\p{L}{2,4}\\s+\\p{L}{2,4}\\s*[-–—]?\\s*)?"
                      "\\bt[ựưu]\\s*do\\W{0,6}h[ạa]nh\\s*ph[úu]c\\b|"
                      "\\b[đd][ảa]ng\\s+c[ộôo]ng\\s+s[ảa]n\\s+vi[ệêe]t\\s+nam\\b",
                      0, NULL, 0},
    [HR_NUMBER_ANY] = {"number_any", "(?<![\\p{L}\\p{N}])(?:(?:Số|SỐ)(?:\\s*[:.;]|\\s+(?=[0-9]))|số\\s*:)", 0, NULL, VB_RULE_CASED},
    [HR_PLACE_DATE_ANY] = {"place_date_any",
                           "(?<![\\p{L}\\p{N}])(?<place>(?:TP|Tp|TX)\\.\\s*\\p{Lu}{2,5}(?!\\p{Ll})|"
                           "(?:(?:Thành phố|Thị xã|Thị trấn|TP\\.|Tp\\.|TX\\.)\\s*)?"
                           "\\p{Lu}\\p{Ll}*(?:\\s+(?:\\p{Lu}\\p{Ll}*\\.?|[0-9]+)){0,5})"
                           "\\s*[,.]\\s*[Nn]g(?:[aàá]|\\S)y\\s*(?:(?<d>[0-9]{1,2})(?![0-9])|(?:[^\\s0-9]{1,3}[0-9]?\\s*){1,2})?\\s*"
                           "(?:[Tt]h[aá]ng|/|-)\\s*(?:(?<m>[0-9]{1,2})(?![0-9])|[^\\s0-9]{1,2})?\\s*"
                           "(?:[Nn][aă]m|/|-)\\s*(?:(?<y>[0-9]{4})(?![0-9]))?",
                           0, NULL, VB_RULE_CASED},
    [HR_VV_ANY] = {"vv_any", "(?<![\\p{L}/])(?:V/v|V/V|v/v|Về việc|VỀ VIỆC)(?=[\\s:])", 0, NULL, VB_RULE_CASED},
    [HR_RECIPIENT_ANY] = {"recipient_any", "(?<!\\p{L})kính\\s+gửi\\b", 0, NULL, 0},
    [HR_APPENDIX] = {"appendix", "^phụ\\s*lục(?:\\s+(?:[IVXLC]+|[0-9]+|số\\s*[0-9]+))?\\s*[:.]?\\s*$", 0, NULL, 0},
    [HR_AUTHORITY] = {"authority",
                       "^(?:(?:PHÓ\\s+)?(?:CHỦ TỊCH|BỘ TRƯỞNG|THỦ TƯỚNG|GIÁM ĐỐC|TỔNG GIÁM ĐỐC|CỤC TRƯỞNG|"
                       "TỔNG CỤC TRƯỞNG|CHÁNH VĂN PHÒNG|TRƯỞNG BAN|VIỆN TRƯỞNG|HIỆU TRƯỞNG|CHÁNH ÁN)|"
                       "Ủ[YỶ] BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|BAN CHẤP HÀNH|BAN THƯỜNG VỤ|"
                       "BỘ CHÍNH TRỊ|BAN BÍ THƯ|QUỐC HỘI|ỦY BAN THƯỜNG VỤ QUỐC HỘI)(?=\\s|$)",
                       0, NULL, VB_RULE_CASED},
    [HR_BARE_NUMBER] = {"bare_number", "^[0-9]{1,6}\\s?/\\s?\\p{Lu}", 0, NULL, VB_RULE_CASED},
    [HR_ORG_FOLDED] = {"org_folded",
                       /* short words that fold onto other words ("so": Sở, Số, Sơ) are left out */
                       "^(?:uy ban|ubnd|bo|cuc|chi cuc|tong cuc|truong|cong an|hoi dong|"
                       "van phong|trung tam|vien|toa an|dang uy|dang bo|tinh uy|thanh uy|huyen uy|quan uy|"
                       "bo chi huy|chinh phu|thu tuong|quoc hoi|mat tran|lien doan|tong lien doan|cong doan|kho bac|"
                       "ngan hang|benh vien|thanh tra|kiem toan|bao hiem)(?=\\s|$)",
                       0, NULL, 0},
};
