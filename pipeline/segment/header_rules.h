/* header_rules.h — the PCRE2 rule table that recognises the lines of a
 * Decree 30/2020 header (motto, "Số:", place and date, "Kính gửi", "V/v",
 * "Nơi nhận", type titles, issuing bodies, signature titles) and the
 * section labels.  Internal to the segmenter. */
#ifndef VB_HEADER_RULES_H
#define VB_HEADER_RULES_H
#include "../core/buf.h"
#include "../rules/rules.h"

enum {
    HR_MOTTO,      /* CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc */
    HR_SEPARATOR,  /* ------- */
    HR_NUMBER,     /* Số: 905/KH-UBND */
    HR_PLACE_DATE, /* Tây Ninh, ngày 07 tháng 5 năm 2019 */
    HR_RECIPIENT,  /* Kính gửi: … */
    HR_VV,         /* V/v … | Về việc … */
    HR_DISTRIB,    /* Nơi nhận: */
    HR_TITLE,      /* KẾ HOẠCH (upper-case type name) */
    HR_ORG,        /* ỦY BAN NHÂN DÂN / SỞ … / PHÒNG … (upper-case body) */
    HR_SIGN_TITLE, /* TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / (Đã ký) */
    HR_BODY_START, /* Căn cứ … / Thực hiện … */
    HR_ATTACHED,   /* (Ban hành kèm theo Quyết định số …) */
    HR_ARTICLE_DATE, /* "date 2022-02" metadata / Ngày đăng: 12/02/2022 */
    HR_AREA_BODY,    /* Ủy ban nhân dân huyện Chương Mỹ, UBND tỉnh X */
    HR_CAPTION,      /* Ảnh: … (press photo caption) */
    HR_PERSON,       /* Trần Đức Hạnh Quỳnh */
    /* Unanchored forms, searched for inside a header zone whose columns have
     * been flattened onto shared lines (header_cells.c). */
    HR_MOTTO_ANY,      /* the fixed strings of the right column, OCR-tolerant */
    HR_NUMBER_ANY,     /* "Số:" where the number area starts */
    HR_PLACE_DATE_ANY, /* "<Place>, ngày … năm YYYY", the place words before it */
    HR_VV_ANY,         /* "V/v" or "Về việc" opening a letter's subject */
    HR_RECIPIENT_ANY,  /* "Kính gửi" */
    HR_APPENDIX,       /* "Phụ lục II" heading a file of its own */
    HR_AUTHORITY,      /* "CHỦ TỊCH ỦY BAN NHÂN DÂN …" enacting under a title */
    HR_BARE_NUMBER,    /* "864305 /TCT-KK" opening a column: a number whose "Số:" OCR lost */
    HR_ORG_FOLDED,     /* HR_ORG's head words without marks, on folded text ("tong cuc") */
    HR_NEWS,           /* a press report's voice: "(TTXVN) - Sáng 5/3, …", "… vừa ban hành …" */
    HR_COUNT
};

/* The rows whose words are data, assembled when the segmenter opens. */
enum {
    HP_ORG,        /* segment/data/header-org-heads.txt */
    HP_ORG_FOLDED, /* the same heads, folded */
    HP_TITLE,      /* core/data/doctypes.txt, the types with a title line */
    HP_SIGN_TITLE, /* segment/data/header-signer-titles.txt */
    HP_AUTHORITY,  /* the same file, the enacting titles */
    HP_BODY_START, /* segment/data/header-body-openers.txt */
    HP_NEWS,       /* segment/data/header-news-cues.txt, and a byline's shape */
    HP_COUNT
};

/* The header table: its word-list rows are assembled from the data files;
 * the rows and their patterns live here, as long as the ruleset compiled
 * from them. */
typedef struct {
    vb_rule_row rows[HR_COUNT];
    vb_buf pattern[HP_COUNT]; /* the assembled patterns */
} vb_header_rules;

/* For each row, a line it matches (a unit test checks them). */
extern const char *const vb_header_rule_examples[HR_COUNT];

/* Fill hr; on failure hr holds nothing. */
vb_status vb_header_rules_build(vb_header_rules *hr);
void vb_header_rules_free(vb_header_rules *hr);

#endif
