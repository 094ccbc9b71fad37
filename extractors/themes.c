#include "themes.h"

#include <stdlib.h>

#include "../pipeline/rules/rules.h"

/* More specific themes first: they win ties at the same position. */
static const vb_rule_row theme_rows[] = {
    {"healthy_communes",
     "\\b(?:lành mạnh,?|(?:xã|phường|thị trấn|địa bàn)\\b[^.;\\n]{0,30}?)\\s+(?:không có|không "
     "còn)\\s+(?:tệ nạn|ma túy|mại dâm)",
     0,
     "healthy_communes", 0},
    {"integration", "\\blồng ghép", 0, "integration", 0},
    {"reintegration",
     "\\b(?:tái hòa nhập|hòa nhập cộng đồng|hòa nhập|hoàn lương|dạy nghề|học nghề|"
     "giới thiệu việc làm|tạo việc làm|sinh kế|cai nghiện|sau cai)",
     0, "reintegration", 0},
    {"training", "\\b(?:tập huấn|đào tạo|bồi dưỡng|nâng cao năng lực)", 0, "training", 0},
    {"inspection", "\\b(?:kiểm tra|thanh tra|giám sát|cam kết|hậu kiểm)", 0, "inspection", 0},
    {"enforcement",
     "\\b(?:triệt xóa|triệt phá|xử lý|đấu tranh|truy tố|xét xử|điều tra|trấn áp|"
     "chuyển hóa địa bàn|khám phá)",
     0, "enforcement", 0},
    {"employment", "\\b(?:giải quyết việc làm|việc làm mới|tạo việc làm mới|xuất khẩu lao động)", 0,
     "employment", 0},
    {"digital",
     "\\b(?:chuyển đổi số|số hóa|trực tuyến|môi trường mạng|thương mại điện tử|chữ ký số|"
     "dịch vụ công trực tuyến)",
     0, "digital", 0},
    {"finance",
     "\\b(?:ngân sách|thu nội địa|thuế|tín dụng|lãi suất|GDP|GRDP|huy động vốn|gói hỗ trợ)", 0,
     "finance", 0},
    {"communication",
     "\\b(?:tuyên truyền|truyền thông|thông tin|đăng tải|phổ biến|giáo dục pháp luật|"
     "phát thanh|tin, bài|tin bài)",
     0, "communication", 0},
};

struct vb_theme_rules {
    vb_ruleset rs;
};

vb_status vb_themes_open(vb_theme_rules **out, char *err, size_t errlen) {
    vb_theme_rules *r = calloc(1, sizeof *r);
    if (!r) return VB_E_NOMEM;
    vb_status s =
        vb_ruleset_compile(&r->rs, theme_rows, sizeof theme_rows / sizeof theme_rows[0], err, errlen);
    if (s != VB_OK) {
        free(r);
        return s;
    }
    *out = r;
    return VB_OK;
}

void vb_themes_close(vb_theme_rules *r) {
    if (!r) return;
    vb_ruleset_free(&r->rs);
    free(r);
}

const char *vb_theme_of(const vb_theme_rules *r, const char *s, size_t n) {
    const char *best = NULL;
    size_t best_at = (size_t)-1;
    for (size_t i = 0; i < r->rs.len; i++) {
        const size_t *ov;
        if (vb_rule_match(&r->rs, i, s, n, 0, &ov, NULL) && ov[0] < best_at) {
            best_at = ov[0];
            best = r->rs.rules[i].row->value;
        }
    }
    return best;
}
