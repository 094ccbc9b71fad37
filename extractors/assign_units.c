#include "assign_units.h"

#include <stdlib.h>

#include "rules.h"

/* Words that open a unit's name, matched at the start (\G) and cased: names
 * are capitalised, and "Phòng \p{Lu}" keeps "Phòng, chống …" out. */
static const vb_rule_row unit_start_rows[] = {
    {"department", "\\GSở \\p{Lu}", 0, NULL, VB_RULE_CASED},
    {"office", "\\GPhòng \\p{Lu}", 0, NULL, VB_RULE_CASED},
    {"committee", "\\G(?:Ủy|Uỷ) ban (?:nhân dân|Mặt trận|MTTQ|\\p{Lu})", 0, NULL, VB_RULE_CASED},
    {"committee_abbr", "\\G(?:UBND|UBMTTQ|MTTQ)\\b", 0, NULL, VB_RULE_CASED},
    {"front", "\\GMặt trận Tổ quốc", 0, NULL, VB_RULE_CASED},
    {"police", "\\GCông an\\b", 0, NULL, VB_RULE_CASED},
    {"command", "\\GBộ (?:Chỉ huy|Tư lệnh|đội)\\b", 0, NULL, VB_RULE_CASED},
    {"ministry", "\\G(?:Bộ|Tổng cục|Cục|Chi cục) \\p{Lu}", 0, NULL, VB_RULE_CASED},
    {"procuracy_court", "\\G(?:Viện Kiểm sát|Tòa án|Toà án)\\b", 0, NULL, VB_RULE_CASED},
    {"press", "\\G(?:Báo|Đài|Tạp chí|Cổng thông tin) \\p{Lu}", 0, NULL, VB_RULE_CASED},
    {"centre", "\\G(?:Trung tâm|Bệnh viện|Trường|Viện|Văn phòng|Thanh tra|Kho bạc|Ngân hàng|"
               "Bảo hiểm xã hội|Chi nhánh|Hạt|Đội|Lực lượng|Cơ quan|Ban|Hội|Liên đoàn|"
               "Liên minh|Đoàn|Công ty|Điện lực|Bưu điện|Viễn thông)\\b(?= \\p{L})",
     0, NULL, VB_RULE_CASED},
    {"youth_union", "\\G(?:Tỉnh|Thành|Quận|Huyện) đoàn\\b", 0, NULL, VB_RULE_CASED},
    {"head_of", "\\G(?:Hiệu trưởng|Thủ trưởng|Giám đốc|Chủ tịch|Trưởng phòng|Trưởng ban)\\b", 0,
     NULL, VB_RULE_CASED},
    /* headings set in capitals: "1. SỞ Y TẾ", "2. CÔNG AN TỈNH" */
    {"capitals", "\\G(?:SỞ|PHÒNG|CÔNG AN|ỦY BAN|UỶ BAN|UBND|BỘ CHỈ HUY|VIỆN|TÒA ÁN|BÁO|ĐÀI|"
                 "TRUNG TÂM|VĂN PHÒNG|THANH TRA|HỘI|BAN|ĐOÀN|LIÊN ĐOÀN|BẢO HIỂM XÃ HỘI|CỤC|"
                 "CHI CỤC)(?!,?\\s+(?:CHỐNG|NGỪA|CHỮA|TRÁNH|CÁO|HÀNH|KẾT|NGHỊ|THẢO)\\b)\\s+\\p{Lu}\\p{Lu}*\\b(?!\\s+\\p{Ll})",
     0, NULL, VB_RULE_CASED},
    {"collective", "\\GCác (?:sở|ban|ngành|phòng|đơn vị|cơ quan|cơ sở|trường|tổ chức|đoàn thể|"
                   "hội|địa phương)\\b",
     0, NULL, VB_RULE_CASED},
};

enum { U_REQUEST, U_ASSIGN, U_VERB, U_REQUEST_VERB, U_ROLE_NOTE, U_COUNT };

static const vb_rule_row unit_edge_rows[] = {
    [U_REQUEST] = {"request_prefix", "\\G(?:Đề nghị|đề nghị|Kính đề nghị)\\s+", 0, NULL,
                   VB_RULE_CASED},
    /* "Giao Sở Y tế chủ trì …": the issuer assigning; the unit follows */
    [U_ASSIGN] = {"assign_prefix", "\\G(?:Giao(?: cho)?|GIAO)\\s+(?=\\p{Lu})", 0, NULL,
                  VB_RULE_CASED},
    /* lowercase task verbs: the first one after the name ends it */
    [U_VERB] = {"task_verb",
                "[ ,]\\K(?:chủ trì|phối hợp|tăng cường|tổ chức(?! (?:chính trị|đoàn thể|thành "
                "viên|xã hội|hội|cá nhân|tín dụng))|triển khai|chỉ đạo|hướng dẫn|thực hiện|có "
                "trách nhiệm|chịu trách nhiệm|căn cứ|xây dựng|tham mưu|bố trí|đẩy mạnh|kiểm "
                "tra|theo dõi|rà soát|nghiên cứu|đảm bảo|bảo đảm|cung cấp|tuyên truyền|giám "
                "sát|thường xuyên|tiếp tục|chủ động|lồng ghép|nâng cao|là cơ quan|được giao|"
                "cần|phải|khẩn trương|nghiêm túc|định kỳ|báo cáo|hỗ trợ|đề nghị|yêu cầu|quan "
                "tâm|duy trì|vận động|phát động|ban hành|đôn đốc|tập trung|huy động|kịp thời|"
                "có kế hoạch|căn cứ vào)\\b",
                0, NULL, VB_RULE_CASED},
    /* "Sở Lao động - Thương binh và Xã hội (cơ quan thường trực)": a note, not the name */
    [U_ROLE_NOTE] = {"role_note", "\\s*\\((?:là )?(?:cơ quan )?(?:thường trực|chủ trì|đầu mối)[^)]*\\)",
                     0, NULL, 0},
    [U_REQUEST_VERB] = {"request_verb", "\\A(?:đề nghị|yêu cầu)\\z", 0, NULL, VB_RULE_CASED},
};

struct vb_unit_rules {
    vb_ruleset starts, edges;
};

vb_status vb_units_open(vb_unit_rules **out, char *err, size_t errlen) {
    vb_unit_rules *r = calloc(1, sizeof *r);
    if (!r) return VB_E_NOMEM;
    vb_status s = vb_ruleset_compile(&r->starts, unit_start_rows,
                                     sizeof unit_start_rows / sizeof unit_start_rows[0], err,
                                     errlen);
    if (s == VB_OK)
        s = vb_ruleset_compile(&r->edges, unit_edge_rows, U_COUNT, err, errlen);
    if (s != VB_OK) {
        vb_units_close(r);
        return s;
    }
    *out = r;
    return VB_OK;
}

void vb_units_close(vb_unit_rules *r) {
    if (!r) return;
    vb_ruleset_free(&r->starts);
    vb_ruleset_free(&r->edges);
    free(r);
}

static bool trailing_junk(char c) {
    return c == ' ' || c == '\t' || c == ':' || c == '.' || c == ',' || c == ';' || c == '-';
}

bool vb_unit_at(const vb_unit_rules *r, const char *text, size_t start, size_t end,
                vb_unit_match *m) {
    const size_t *ov;
    vb_unit_match u = {.name = {start, end}};
    if (vb_rule_match(&r->edges, U_REQUEST, text, end, start, &ov, NULL)) {
        u.requested = true;
        u.name.start = ov[1];
    } else if (vb_rule_match(&r->edges, U_ASSIGN, text, end, start, &ov, NULL)) {
        u.name.start = ov[1];
    }
    bool known = false;
    for (size_t i = 0; i < r->starts.len && !known; i++)
        known = vb_rule_match(&r->starts, i, text, end, u.name.start, NULL, NULL);
    if (!known) return false;

    size_t stop = end;
    for (size_t i = u.name.start; i < end; i++)
        if (text[i] == ':') {
            stop = i;
            u.by_colon = true;
            break;
        }
    u.rest = u.by_colon ? stop + 1 : end;
    if (vb_rule_match(&r->edges, U_VERB, text, stop, u.name.start, &ov, NULL)) {
        u.by_colon = false;
        u.by_verb = true;
        u.verb.start = ov[0];
        u.verb.end = ov[1];
        stop = ov[0];
        u.rest = ov[0];
    }
    if (vb_rule_match(&r->edges, U_ROLE_NOTE, text, stop, u.name.start, &ov, NULL)) stop = ov[0];
    while (stop > u.name.start && trailing_junk(text[stop - 1])) stop--;
    if (stop == u.name.start) return false;
    u.name.end = stop;
    while (u.rest < end && (text[u.rest] == ' ' || text[u.rest] == '\t')) u.rest++;
    *m = u;
    return true;
}

bool vb_unit_verb_is_request(const vb_unit_rules *r, const char *text, vb_span verb) {
    return vb_rule_match(&r->edges, U_REQUEST_VERB, text + verb.start, verb.end - verb.start, 0,
                         NULL, NULL);
}
