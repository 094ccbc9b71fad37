#include "header_rules.h"

#include <string.h>

#include "../core/text.h"

/* Patterns see normalised text: NFC, modern tone marks, '-' for dashes,
 * single spaces, a tab between header columns. */
#define NAME_WORD "(?:\\p{Lu}\\p{Ll}*|[0-9]+)"
/* word lists embedded in the patterns (pipeline/segment/data/) */
#include "closing-authority-marks.alt.inc"
#include "header-area-levels.alt.inc"
#include "header-article-date-labels.alt.inc"
#include "header-enacting-bodies.alt.inc"
#include "header-place-abbreviations.alt.inc"
#include "header-place-words.alt.inc"
#include "header-vv-spellings.alt.inc"

/* The rows whose pattern is NULL are assembled from word lists by
 * vb_header_rules_build. */
static const vb_rule_row base_rows[HR_COUNT] = {
    [HR_MOTTO] =
        {"motto",
         "^(?:cộng hòa xã hội chủ nghĩa việt nam|độc lập\\s*-\\s*tự do\\s*-\\s*hạnh phúc|đảng cộng sản việt nam\\s*$)",
         0, NULL, 0},
    [HR_SEPARATOR] = {"separator", "^[-_=.*~\\s]{3,}$", 0, NULL, 0},
    [HR_NUMBER] = {"number", "^số\\s*[:.]?\\s*(?<num>[^\\t]*?)\\s*$", 0, NULL, 0},
    [HR_PLACE_DATE] = {"place_date",
                       "^(?<place>[^,\\t0-9][^,\\t]{0,40}?)\\s*,\\s*ngày\\s*(?<d>[0-9]{1,2})?\\s*"
                       "(?:tháng|/)\\s*(?<m>[0-9]{1,2})?\\s*(?:năm|/)\\s*(?<y>[0-9]{4})",
                       0, NULL, 0},
    /* web copies glue the words at a line break: "Kínhgửi:" */
    [HR_RECIPIENT] = {"recipient", "^kính\\s*gửi\\s*:?\\s*(?<rest>.*)$", 0, NULL, 0},
    [HR_VV] = {"vv", "^(?:v/v|về việc|về)\\s*:?\\s+(?<rest>.+)$", 0, NULL, 0},
    [HR_DISTRIB] = {"distribution", "^nơi\\s+nhận\\s*:?\\s*(?<rest>.*)$", 0, NULL, 0},
    [HR_TITLE] = {"title", NULL, 0, NULL, VB_RULE_CASED},           /* doctypes.txt, title lines */
    [HR_ORG] = {"org", NULL, 0, NULL, VB_RULE_CASED},               /* header-org-heads.txt */
    [HR_SIGN_TITLE] = {"sign_title", NULL, 0, NULL, VB_RULE_CASED}, /* header-signer-titles.txt */
    [HR_BODY_START] = {"body_start", NULL, 0, NULL, 0},             /* header-body-openers.txt */
    [HR_ATTACHED] = {"attached", "^\\(?\\s*(?:ban hành )?kèm theo\\b", 0, NULL, 0},
    [HR_ARTICLE_DATE] =
        {"article_date",
         "^\\s*(?:date\\s+(?<iso>[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?)\\b|" VB_ALT_HEADER_ARTICLE_DATE_LABELS
         "\\s*:\\s*(?<d>[0-9]{1,2})/(?<m>[0-9]{1,2})/(?<y>[0-9]{4}))",
         0, NULL, 0},
    [HR_AREA_BODY] = {"area_body",
                      "(?i:ủy ban nhân dân|ubnd)\\s+(?<lvl>(?i:" VB_ALT_HEADER_AREA_LEVELS "))\\s+"
                      "(?<name>" NAME_WORD "(?:\\s+" NAME_WORD ")*)",
                      0, NULL, VB_RULE_CASED},
    [HR_CAPTION] = {"caption", "(?:^|\\.\\s)Ảnh\\s*:", 0, NULL, VB_RULE_CASED},
    [HR_PERSON] = {"person",
                   "^(?:\\p{Lu}\\p{Ll}+)(?:\\s+\\p{Lu}\\p{Ll}*){1,5}$|^(?:\\p{Lu}+)(?:\\s+\\p{Lu}+){1,5}$", 0,
                   NULL, VB_RULE_CASED},
    [HR_MOTTO_ANY] = {"motto_any",
                      /* letters OCR often loses its marks on are given as classes */
                      "\\bc[oôộóòố]ng\\s*h[oòóỏ]a\\b[\\s\\S]{0,40}?\\bvi[eêệẹ]t\\s*nam\\b|"
                      /* "Độc lập" is often what OCR loses first: two short words will do */
                      "(?:\\b[đd][ộôoọ]c\\s*l[ậâaạ]p\\W{0,6}|\\b\\p{L}{2,4}\\s+\\p{L}{2,4}\\s*[-–—]?\\s*)?"
                      "\\bt[ựưu]\\s*do\\W{0,6}h[ạa]nh\\s*ph[úu]c\\b|"
                      "\\b[đd][ảa]ng\\s+c[ộôo]ng\\s+s[ảa]n\\s+vi[ệêe]t\\s+nam\\b",
                      0, NULL, 0},
    /* OCR misreads the mark of "Số" ("Sô:", "Sổ:", "So:"): with a colon and
     * a digit after it, it is still the label */
    [HR_NUMBER_ANY] = {"number_any",
                       "(?<![\\p{L}\\p{N}])(?:(?:Số|SỐ)(?:\\s*[:.;]|\\s+(?=[0-9]))|số\\s*:|"
                       "[Ss][oôơóòỏõọốồổỗộớờởỡợOÔƠÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢ](?=\\s*:\\s*[0-9]))",
                       0, NULL, VB_RULE_CASED},
    [HR_PLACE_DATE_ANY] =
        {"place_date_any",
         "(?<![\\p{L}\\p{N}])(?<place>" VB_ALT_HEADER_PLACE_ABBREVIATIONS "\\s*\\p{Lu}{2,5}(?!\\p{Ll})|"
         "(?:(?:" VB_ALT_HEADER_PLACE_WORDS "|" VB_ALT_HEADER_PLACE_ABBREVIATIONS ")\\s*)?"
         "\\p{Lu}\\p{Ll}*(?:\\s+(?:\\p{Lu}\\p{Ll}*\\.?|[0-9]+)){0,5})"
         "\\s*[,.]\\s*[Nn]g(?:[aàá]|\\S)y\\s*(?:(?<d>[0-9]{1,2})(?![0-9])|(?:[^\\s0-9]{1,3}[0-9]?\\s*){1,2})?\\s*"
         "(?:[Tt]h[aá]ng|/|-)\\s*(?:(?<m>[0-9]{1,2})(?![0-9])|[^\\s0-9]{1,2})?\\s*"
         "(?:[Nn][aă]m|/|-)\\s*(?:(?<y>[0-9]{4})(?![0-9]))?",
         0, NULL, VB_RULE_CASED},
    [HR_VV_ANY] = {"vv_any", "(?<![\\p{L}/])" VB_ALT_HEADER_VV_SPELLINGS "(?=[\\s:])", 0, NULL,
                   VB_RULE_CASED},
    [HR_RECIPIENT_ANY] = {"recipient_any", "(?<!\\p{L})kính\\s*gửi\\b", 0, NULL, 0},
    [HR_APPENDIX] = {"appendix", "^phụ\\s*lục(?:\\s+(?:[IVXLC]+|[0-9]+|số\\s*[0-9]+))?\\s*[:.]?\\s*$", 0,
                     NULL, 0},
    [HR_AUTHORITY] = {"authority", NULL, 0, NULL, VB_RULE_CASED}, /* header-signer-titles.txt */
    [HR_BARE_NUMBER] = {"bare_number", "^[0-9]{1,6}\\s?/\\s?\\p{Lu}", 0, NULL, VB_RULE_CASED},
    [HR_ORG_FOLDED] = {"org_folded", NULL, 0, NULL, 0}, /* the same heads folded */
    [HR_NEWS] = {"news", NULL, 0, NULL, VB_RULE_CASED}, /* header-news-cues.txt */
};

/* A line each row must match (a unit test checks them all). */
const char *const vb_header_rule_examples[HR_COUNT] = {
    [HR_MOTTO] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    [HR_SEPARATOR] = "-----------",
    [HR_NUMBER] = "Số: 12/KH-UBND",
    [HR_PLACE_DATE] = "Hòa Bình, ngày 03 tháng 8 năm 2021",
    [HR_RECIPIENT] = "Kính gửi: Các sở, ban, ngành",
    [HR_VV] = "V/v triển khai kế hoạch năm 2022",
    [HR_DISTRIB] = "Nơi nhận:",
    [HR_TITLE] = "KẾ HOẠCH",
    [HR_ORG] = "SỞ Y TẾ",
    [HR_SIGN_TITLE] = "KT. CHỦ TỊCH",
    [HR_BODY_START] = "Căn cứ Luật Tổ chức chính quyền địa phương",
    [HR_ATTACHED] = "(Kèm theo Quyết định số 5/QĐ-UBND)",
    [HR_ARTICLE_DATE] = "Ngày đăng: 05/04/2022",
    [HR_AREA_BODY] = "Ủy ban nhân dân huyện Lạc Sơn",
    [HR_CAPTION] = "Ảnh: Hội nghị triển khai",
    [HR_PERSON] = "Lê Văn Bình",
    [HR_MOTTO_ANY] = "Độc lập - Tự do - Hạnh phúc",
    [HR_NUMBER_ANY] = "UBND TỈNH\tSố: 7/TB",
    [HR_PLACE_DATE_ANY] = "Số: 7/TB\tLào Cai, ngày 2 tháng 3 năm 2020",
    [HR_VV_ANY] = "Số: 7/UBND\tV/v báo cáo",
    [HR_RECIPIENT_ANY] = "Kính gửi: Sở Nội vụ",
    [HR_APPENDIX] = "Phụ lục II",
    [HR_AUTHORITY] = "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
    [HR_BARE_NUMBER] = "215/UBND-VX",
    [HR_ORG_FOLDED] = "tong cuc thue",
    [HR_NEWS] = "(TTXVN) - Sáng 5/3, Bộ Y tế có Công văn số 12/BYT-DP",
};

typedef struct {
    const char *head, *folded_too;
} org_head;
static const org_head org_heads[] = {
#define X(head, folded_too) {head, folded_too},
#include "header-org-heads.inc"
#undef X
};
enum { N_ORG_HEADS = sizeof org_heads / sizeof *org_heads };

typedef struct {
    const char *title, *title_line;
} doc_title;
static const doc_title doc_titles[] = {
#define X(name, code, title, title_line) {title, title_line},
#include "doctypes.inc"
#undef X
};
enum { N_DOC_TITLES = sizeof doc_titles / sizeof *doc_titles };

typedef struct {
    const char *title, *signs, *enacts;
} signer_title;
static const signer_title signer_titles[] = {
#define X(title, signs, enacts) {title, signs, enacts},
#include "header-signer-titles.inc"
#undef X
};
enum { N_SIGNER_TITLES = sizeof signer_titles / sizeof *signer_titles };

static const char *const news_cues[] = {
#define X(words) words,
#include "header-news-cues.inc"
#undef X
};
enum { N_NEWS_CUES = sizeof news_cues / sizeof *news_cues };

static const char *const body_openers[] = {
#define X(words) words,
#include "header-body-openers.inc"
#undef X
};
enum { N_BODY_OPENERS = sizeof body_openers / sizeof *body_openers };

#define MAX_WORDS 64
_Static_assert(N_ORG_HEADS <= MAX_WORDS && N_DOC_TITLES <= MAX_WORDS && N_SIGNER_TITLES <= MAX_WORDS &&
                   N_BODY_OPENERS <= MAX_WORDS && N_NEWS_CUES <= MAX_WORDS,
               "a word list outgrew MAX_WORDS");

static bool yes(const char *field) { return strcmp(field, "yes") == 0; }

/* before, the words as one group of alternatives, after: one pattern. */
static vb_status assemble(vb_buf *out, const char *before, const char *const *words, size_t n,
                          const char *after) {
    vb_buf_puts(out, before);
    vb_status st = vb_rule_alternation(out, words, n);
    vb_buf_puts(out, after);
    return st == VB_OK && out->oom ? VB_E_NOMEM : st;
}

/* The heads marked folded too, folded, into words[] (pointing into `all`,
 * which the caller frees once the pattern is built). */
static vb_status fold_heads(vb_buf *all, const char **words, size_t *n) {
    size_t at[MAX_WORDS];
    *n = 0;
    for (size_t i = 0; i < N_ORG_HEADS; i++) {
        if (!yes(org_heads[i].folded_too)) continue;
        at[(*n)++] = all->len;
        vb_fold_marks(all, org_heads[i].head, strlen(org_heads[i].head));
        vb_buf_putc(all, '\0');
    }
    if (all->oom) return VB_E_NOMEM;
    for (size_t i = 0; i < *n; i++) words[i] = all->data + at[i];
    return VB_OK;
}

static vb_status build_patterns(vb_header_rules *hr) {
    const char *words[MAX_WORDS];
    size_t n = 0;
    for (size_t i = 0; i < N_ORG_HEADS; i++) words[i] = org_heads[i].head;
    vb_status st = assemble(&hr->pattern[HP_ORG], "^", words, N_ORG_HEADS, "(?=\\s|$)");
    vb_buf all;
    vb_buf_init(&all);
    if (st == VB_OK) st = fold_heads(&all, words, &n);
    if (st == VB_OK) st = assemble(&hr->pattern[HP_ORG_FOLDED], "^", words, n, "(?=\\s|$)");
    vb_buf_free(&all);
    n = 0;
    for (size_t i = 0; i < N_DOC_TITLES; i++)
        if (yes(doc_titles[i].title_line)) words[n++] = doc_titles[i].title;
    if (st == VB_OK)
        st = assemble(&hr->pattern[HP_TITLE], "^(?<type>", words, n, ")(?=\\s|$|:)\\s*:?\\s*(?<rest>.*)$");
    n = 0;
    for (size_t i = 0; i < N_SIGNER_TITLES; i++)
        if (yes(signer_titles[i].signs)) words[n++] = signer_titles[i].title;
    if (st == VB_OK)
        st = assemble(&hr->pattern[HP_SIGN_TITLE], "^(?:" VB_ALT_CLOSING_AUTHORITY_MARKS "\\.|(?:PHÓ\\s+)?",
                      words, n, "(?:\\s|$)|\\(?(?i:đã ký))");
    n = 0;
    for (size_t i = 0; i < N_SIGNER_TITLES; i++)
        if (yes(signer_titles[i].enacts)) words[n++] = signer_titles[i].title;
    /* the collective bodies that enact: header-enacting-bodies.txt */
    if (st == VB_OK)
        st = assemble(&hr->pattern[HP_AUTHORITY], "^(?:(?:PHÓ\\s+)?", words, n,
                      "|" VB_ALT_HEADER_ENACTING_BODIES ")(?=\\s|$)");
    /* "Điều 5." is a shape, not a word */
    if (st == VB_OK)
        st = assemble(&hr->pattern[HP_BODY_START], "^(?:", body_openers, N_BODY_OPENERS,
                      "|điều\\s+[0-9]+\\s*[.:])\\b");
    /* a byline is a shape: a paper's or agency's name in brackets, or its
     * capitals before the report's time ("ND - Ngày 25-6, …"); so are a
     * lede that opens on a day without its year ("Sáng 1/11, …": a
     * document writes the year) and a page's time stamp ("03/03/2023 17:11") */
    if (st == VB_OK)
        st = assemble(
            &hr->pattern[HP_NEWS],
            "(?m)^\\(\\p{Lu}[\\p{L}.&]*(?:\\s\\p{L}+){0,2}\\)\\s*-\\s|"
            "^\\p{Lu}[\\p{Lu}.&]{1,8}\\s*-\\s+(?:Ngày|Sáng|Chiều|Tối|Trưa|Hôm)\\b|"
            "^(?:\\(\\p{Lu}[^)\\n]{1,15}\\)\\s*)?(?:Sáng|Chiều|Tối|Trưa|Ngày)(?:\\s+(?:nay|ngày))?\\s+"
            "[0-9]{1,2}\\s*[/-]\\s*[0-9]{1,2}(?![0-9]|\\s*[/-]\\s*[0-9])\\s*,|"
            "^\\s*[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}\\s+[0-9]{1,2}:[0-9]{2}\\b|"
            "(?<!\\p{L})(?i:",
            news_cues, N_NEWS_CUES, ")(?!\\p{L})");
    return st;
}

static const int assembled_row[HP_COUNT] = {[HP_ORG] = HR_ORG,
                                            [HP_ORG_FOLDED] = HR_ORG_FOLDED,
                                            [HP_TITLE] = HR_TITLE,
                                            [HP_SIGN_TITLE] = HR_SIGN_TITLE,
                                            [HP_AUTHORITY] = HR_AUTHORITY,
                                            [HP_BODY_START] = HR_BODY_START,
                                            [HP_NEWS] = HR_NEWS};

vb_status vb_header_rules_build(vb_header_rules *hr) {
    memcpy(hr->rows, base_rows, sizeof hr->rows);
    for (size_t i = 0; i < HP_COUNT; i++) vb_buf_init(&hr->pattern[i]);
    vb_status st = build_patterns(hr);
    for (size_t i = 0; st == VB_OK && i < HP_COUNT; i++)
        if (!(hr->rows[assembled_row[i]].pattern = vb_buf_cstr(&hr->pattern[i]))) st = VB_E_NOMEM;
    if (st != VB_OK) vb_header_rules_free(hr);
    return st;
}

void vb_header_rules_free(vb_header_rules *hr) {
    for (size_t i = 0; i < HP_COUNT; i++) vb_buf_free(&hr->pattern[i]);
}
