/* Text ingestion: encodings, line ends, refusals with offsets. */
#include "../../pipeline/ingest/ingest.h"
#include "../../pipeline/ingest/text_read.h"
#include "check.h"

#include <stdio.h>
#include <unicode/utf8.h>

static vb_result *run(const char *bytes, size_t len, vb_blockv *out, vb_status *st) {
    vb_limits lim;
    vb_limits_default(&lim);
    vb_result *r = vb_result_new("t");
    *out = (vb_blockv){0};
    *st = vb_ingest_buffer((const unsigned char *)bytes, len, &lim, r->arena, r, out);
    return r;
}

static void test_utf8_bom_and_crlf(void) {
    const char s[] = "\xEF\xBB\xBFK\xE1\xBA\xBF ho\xE1\xBA\xA1"
                     "ch\r\nS\xE1\xBB\x91: 1\rC\n";
    vb_blockv b;
    vb_status st;
    vb_result *r = run(s, sizeof s - 1, &b, &st);
    CHECK_INT(st, VB_OK);
    CHECK_INT(b.len, 4);
    CHECK_STR(b.items[0].text, "Kế hoạch");
    CHECK_STR(b.items[1].text, "Số: 1");
    CHECK_STR(b.items[2].text, "C");
    CHECK_INT(b.items[1].src_offset, 17); /* after BOM(3) + 12 bytes + CRLF */
    CHECK_STR(r->format, "txt");
    vb_result_free(r);
}

static void test_utf16le_and_be(void) {
    const char le[] = "\xFF\xFE"
                      "S\0\xD1\x1E:\0\n\0"
                      "x\0";
    const char be[] = "\xFE\xFF"
                      "\0S\x1E\xD1\0:\0\n\0x";
    vb_blockv b;
    vb_status st;
    vb_result *r = run(le, sizeof le - 1, &b, &st);
    CHECK_INT(st, VB_OK);
    CHECK_INT(b.len, 2);
    CHECK_STR(b.items[0].text, "S\xE1\xBB\x91:");
    CHECK_INT(b.items[1].src_offset, 10); /* BOM 2 + 4 code units */
    vb_result_free(r);
    r = run(be, sizeof be - 1, &b, &st);
    CHECK_INT(st, VB_OK);
    CHECK_STR(b.items[0].text, "S\xE1\xBB\x91:");
    CHECK_STR(b.items[1].text, "x");
    vb_result_free(r);
}

static void test_invalid_utf8_names_offset(void) {
    const char s[] = "S\xE1\xBB\x91 abc \xC3\x28 rest";
    vb_blockv b;
    vb_status st;
    vb_result *r = run(s, sizeof s - 1, &b, &st);
    CHECK_INT(st, VB_E_ENCODING);
    CHECK_INT(r->errors.len, 1);
    CHECK(strstr(r->errors.items[0].message, "offset 9") != NULL);
    CHECK_STR(r->errors.items[0].code, "E_ENCODING");
    vb_result_free(r);
}

static void test_nul_and_empty(void) {
    vb_blockv b;
    vb_status st;
    vb_result *r = run("ab\0cd", 5, &b, &st);
    CHECK_INT(st, VB_E_ENCODING);
    CHECK(strstr(r->errors.items[0].message, "NUL") != NULL);
    vb_result_free(r);
    r = run("", 0, &b, &st);
    CHECK_INT(st, VB_E_EMPTY);
    vb_result_free(r);
}

static void test_legacy_refused_cp1258_converted(void) {
    /* TCVN3-looking bytes: many high bytes, not UTF-8, not cp1258's shape */
    const char tcvn[] = "Uû ban nh\xA9n d\xA9n t\xAcnh T\xA9y Ninh \xAe\xB8 \xB5";
    vb_blockv b;
    vb_status st;
    vb_result *r = run(tcvn, sizeof tcvn - 1, &b, &st);
    CHECK_INT(st, VB_E_LEGACY_ENCODING);
    vb_result_free(r);
    /* Windows-1258: "Vie\xF2t Nam" = Việt with a combining dot below (0xF2) */
    const char w[] = "Vie\xF2\xE2t Nam co\xE2ng ho\xEC"
                     "a ng\xE0y";
    r = run(w, sizeof w - 1, &b, &st);
    CHECK(st == VB_OK || st == VB_E_LEGACY_ENCODING);
    if (st == VB_OK) CHECK(r->file_warnings.len == 1);
    vb_result_free(r);
}

static void test_zip_sniffed_by_content(void) {
    CHECK_INT(vb_sniff_format((const unsigned char *)"PK\x03\x04rest", 8), VB_FMT_DOCX);
    CHECK_INT(vb_sniff_format((const unsigned char *)"Số: 1", 6), VB_FMT_TXT);
}

static unsigned next_rand(unsigned *seed) {
    *seed = *seed * 1103515245u + 12345u;
    return *seed >> 16;
}

/* Lines are found eight bytes at a time: every mix of line ends, other
 * control bytes and letters, at every place in and across the words, must
 * give the blocks a byte-by-byte reading gives. */
static void test_line_split_matches_bytewise(void) {
    static const char *const pieces[] = {"a",  "bc", " ",    "\n",       "\r",           "\f",   "\r\n",
                                         "\t", "\v", "\x0E", "\x0D\x0D", "\xE1\xBB\x87", "\x1F", "\n\r"};
    vb_limits lim;
    vb_limits_default(&lim);
    unsigned seed = 99;
    for (int round = 0; round < 3000; round++) {
        char in[256];
        size_t len = 0, n = next_rand(&seed) % 40;
        for (size_t k = 0; k < n; k++) {
            const char *pc = pieces[next_rand(&seed) % (round % 2 ? 3 : 14)];
            if (round % 5 == 0 && k % 3) pc = "abcdefgh";
            size_t pl = strlen(pc);
            if (len + pl >= sizeof in) break;
            memcpy(in + len, pc, pl);
            len += pl;
        }
        vb_result *r = vb_result_new("t");
        vb_blockv b = {0};
        CHECK_INT(vb_text_read((const unsigned char *)in, len, &lim, r->arena, r, &b), VB_OK);
        size_t count = 0, start = 0;
        unsigned flags = 0;
        for (size_t i = 0; i <= len; i++) { /* the reading before the word scan */
            char c = i < len ? in[i] : '\n';
            if (c != '\n' && c != '\r' && c != '\f') continue;
            CHECK(count < b.len);
            if (count < b.len) {
                const vb_block *x = &b.items[count];
                CHECK_INT(x->len, i - start);
                CHECK_INT(x->src_offset, start);
                CHECK_INT(x->flags, flags);
                CHECK(!memcmp(x->text, in + start, i - start) && x->text[i - start] == '\0');
            }
            flags = c == '\f' ? VB_BLOCK_PAGE_BREAK : 0;
            if (c == '\r' && i + 1 < len && in[i + 1] == '\n') i++;
            start = i + 1;
            count++;
        }
        CHECK_INT(b.len, count);
        vb_result_free(r);
    }
}

/* UTF-8 is checked with ASCII runs passed in a loop of their own: the
 * offset refused must be the one U8_NEXT alone finds, for byte strings
 * built around every lead and trail edge, NUL and DEL included. */
static void test_utf8_check_matches_u8_next(void) {
    static const unsigned char edges[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0,
                                          0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC,
                                          0xED, 0xEE, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
    vb_limits lim;
    vb_limits_default(&lim);
    unsigned seed = 7, checked = 0;
    for (int round = 0; round < 20000; round++) {
        unsigned char in[40];
        size_t len = 8 + next_rand(&seed) % 32;
        int zeros = 0;
        for (size_t i = 0; i < len; i++) {
            unsigned x = next_rand(&seed) % 4;
            in[i] = x < 2 ? 'a' : edges[next_rand(&seed) % sizeof edges];
            if (in[i] == 0 && zeros++) in[i] = 'b'; /* one NUL at most: no UTF-16 guess */
        }
        size_t want = 0; /* U8_NEXT alone */
        while (want < len) {
            size_t at = want;
            UChar32 c;
            U8_NEXT(in, want, len, c);
            if (c <= 0) {
                want = at;
                break;
            }
        }
        vb_result *r = vb_result_new("t");
        vb_blockv b = {0};
        vb_status st = vb_text_read(in, len, &lim, r->arena, r, &b);
        if (want == len) {
            CHECK_INT(st, VB_OK);
        } else if (st != VB_OK) { /* (a Windows-1258 look-alike is converted: no offset) */
            char needle[32];
            snprintf(needle, sizeof needle, "offset %zu", want);
            const char *m = r->errors.len ? strstr(r->errors.items[0].message, needle) : NULL;
            CHECK(m && !(m[strlen(needle)] >= '0' && m[strlen(needle)] <= '9'));
            checked++;
        }
        vb_result_free(r);
    }
    CHECK(checked > 10000);
}

int main(void) {
    VB_RUN(test_utf8_bom_and_crlf);
    VB_RUN(test_utf16le_and_be);
    VB_RUN(test_invalid_utf8_names_offset);
    VB_RUN(test_nul_and_empty);
    VB_RUN(test_legacy_refused_cp1258_converted);
    VB_RUN(test_zip_sniffed_by_content);
    VB_RUN(test_line_split_matches_bytewise);
    VB_RUN(test_utf8_check_matches_u8_next);
    return VB_SUMMARY("text_read");
}
