/* Word 97-2003 (.doc): the Word structures from streams built here (FIB,
 * piece table, marks, fields, bounds), then whole files: the LibreOffice
 * samples against their text twins, lists and tables, damaged containers. */
#include "../../pipeline/ingest/doc_read.h"
#include "../../pipeline/ingest/ingest.h"
#include "check.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum { FIB_LW = 64, FIB_BLOB = 154, TEXT_AT = 1024, WORD_LEN = 4096 };

static void put16(unsigned char *p, unsigned v) {
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
}
static void put32(unsigned char *p, uint32_t v) {
    for (int i = 0; i < 4; i++) p[i] = (unsigned char)(v >> (8 * i));
}

/* A Word 97 FIB (csw 14, cslw 22, 93 fc/lcb pairs) with the story counts. */
static void make_fib(unsigned char *w, uint32_t ccp_text, uint32_t ccp_hdd) {
    memset(w, 0, WORD_LEN);
    put16(w, 0xA5EC);
    put16(w + 2, 0xC1);
    put16(w + 0x0A, 0x0200); /* 1Table */
    put16(w + 32, 14);
    put16(w + 62, 22);
    put32(w + FIB_LW + 4 * 3, ccp_text);
    put32(w + FIB_LW + 4 * 5, ccp_hdd);
    put16(w + 152, 93);
}

typedef struct {
    const char *bytes; /* 8-bit text, or UTF-16LE when utf16 */
    size_t len;        /* bytes */
    int utf16;
} piece_in;

/* Word stream text and the table stream's Clx for the pieces, in order. */
static void make_doc(unsigned char *w, unsigned char *t, size_t *t_len, const piece_in *p, size_t n) {
    size_t at = TEXT_AT, cp = 0;
    unsigned char *clx = t;
    clx[0] = 0x02;
    put32(clx + 1, (uint32_t)(4 * (n + 1) + 8 * n));
    unsigned char *plc = clx + 5, *pcd = plc + 4 * (n + 1);
    for (size_t i = 0; i < n; i++) {
        memcpy(w + at, p[i].bytes, p[i].len);
        put32(plc + 4 * i, (uint32_t)cp);
        memset(pcd + 8 * i, 0, 8);
        put32(pcd + 8 * i + 2, p[i].utf16 ? (uint32_t)at : (uint32_t)(at * 2) | 0x40000000u);
        cp += p[i].utf16 ? p[i].len / 2 : p[i].len;
        at += p[i].len;
    }
    put32(plc + 4 * n, (uint32_t)cp);
    *t_len = 5 + 4 * (n + 1) + 8 * n;
    put32(w + FIB_BLOB + 8 * 33, 0);                    /* fcClx */
    put32(w + FIB_BLOB + 8 * 33 + 4, (uint32_t)*t_len); /* lcbClx */
}

static vb_result *read_streams(unsigned char *w, unsigned char *t, size_t t_len, vb_blockv *out,
                               vb_status *st) {
    vb_limits lim;
    vb_limits_default(&lim);
    vb_result *r = vb_result_new("t.doc");
    *out = (vb_blockv){0};
    vb_doc_streams s = {.word = w, .word_len = WORD_LEN, .table = t, .table_len = t_len};
    *st = vb_doc_read_streams(&s, &lim, r->arena, r, out);
    return r;
}

static void test_pieces_8bit_and_utf16(void) {
    unsigned char w[WORD_LEN], t[256];
    size_t tl;
    /* "Số 12\r" as UTF-16LE after "Hello\r" in cp1252 */
    static const char u16[] = "S\0\xD1\x1E \0"
                              "1\0"
                              "2\0\r\0";
    piece_in p[] = {{"Hello\r", 6, 0}, {u16, sizeof u16 - 1, 1}};
    make_fib(w, 12, 0);
    make_doc(w, t, &tl, p, 2);
    vb_blockv b;
    vb_status st;
    vb_result *r = read_streams(w, t, tl, &b, &st);
    CHECK_INT(st, VB_OK);
    CHECK_INT(b.len, 2);
    if (b.len == 2) {
        CHECK_STR(b.items[0].text, "Hello");
        CHECK_STR(b.items[1].text, "S\xE1\xBB\x91 12");
        CHECK_INT(b.items[1].src_offset, 5);
        CHECK_INT(b.items[0].table, -1);
        CHECK_INT(b.items[0].area, VB_AREA_BODY);
    }
    vb_result_free(r);
}

static void test_cp1252_high_bytes(void) {
    unsigned char w[WORD_LEN], t[256];
    size_t tl;
    piece_in p[] = {{"\x93"
                     "a\x94 \x96 \xE9\r",
                     8, 0}};
    make_fib(w, 8, 0);
    make_doc(w, t, &tl, p, 1);
    vb_blockv b;
    vb_status st;
    vb_result *r = read_streams(w, t, tl, &b, &st);
    CHECK_INT(st, VB_OK);
    if (b.len >= 1)
        CHECK_STR(b.items[0].text, "\xE2\x80\x9C"
                                   "a\xE2\x80\x9D \xE2\x80\x93 \xC3\xA9");
    vb_result_free(r);
}

static void test_fields_keep_result_drop_code(void) {
    unsigned char w[WORD_LEN], t[256];
    size_t tl;
    /* A{PAGE}3B, a field with no result, a nested field in a result */
    static const char s[] = "A\x13 PAGE \x14"
                            "3\x15"
                            "B\x13 TOC \x15"
                            "C\x13 X \x14<\x13 Y \x14"
                            "7\x15>\x15\r";
    piece_in p[] = {{s, sizeof s - 1, 0}};
    make_fib(w, (uint32_t)(sizeof s - 1), 0);
    make_doc(w, t, &tl, p, 1);
    vb_blockv b;
    vb_status st;
    vb_result *r = read_streams(w, t, tl, &b, &st);
    CHECK_INT(st, VB_OK);
    CHECK_INT(b.len, 1);
    if (b.len) CHECK_STR(b.items[0].text, "A3BC<7>");
    vb_result_free(r);
}

static void test_marks_breaks_and_controls(void) {
    unsigned char w[WORD_LEN], t[256];
    size_t tl;
    /* line break, tab, non-breaking hyphen, optional hyphen, picture, page break */
    static const char s[] = "a\x0b"
                            "b\tc\x1e"
                            "d\x1f"
                            "e\x01\r\x0c"
                            "next\r";
    piece_in p[] = {{s, sizeof s - 1, 0}};
    make_fib(w, (uint32_t)(sizeof s - 1), 0);
    make_doc(w, t, &tl, p, 1);
    vb_blockv b;
    vb_status st;
    vb_result *r = read_streams(w, t, tl, &b, &st);
    CHECK_INT(st, VB_OK);
    CHECK_INT(b.len, 2);
    if (b.len == 2) {
        CHECK_STR(b.items[0].text, "a\nb\tc-de");
        CHECK_STR(b.items[1].text, "next");
        CHECK(b.items[1].flags & VB_BLOCK_PAGE_BREAK);
    }
    vb_result_free(r);
}

/* Without paragraph properties a cell mark still makes a table; an empty
 * mark right after a cell mark ends the row. */
static void test_cells_and_rows_without_papx(void) {
    unsigned char w[WORD_LEN], t[256];
    size_t tl;
    static const char s[] = "a\x07"
                            "b\x07\x07"
                            "c\x07"
                            "d\x07\x07"
                            "after\r";
    piece_in p[] = {{s, sizeof s - 1, 0}};
    make_fib(w, (uint32_t)(sizeof s - 1), 0);
    make_doc(w, t, &tl, p, 1);
    vb_blockv b;
    vb_status st;
    vb_result *r = read_streams(w, t, tl, &b, &st);
    CHECK_INT(st, VB_OK);
    CHECK_INT(b.len, 5);
    if (b.len == 5) {
        CHECK_STR(b.items[1].text, "b");
        CHECK_INT(b.items[1].row, 0);
        CHECK_INT(b.items[1].cell, 1);
        CHECK(b.items[1].flags & VB_BLOCK_CELL_END);
        CHECK_STR(b.items[2].text, "c");
        CHECK_INT(b.items[2].row, 1);
        CHECK_INT(b.items[2].cell, 0);
        CHECK_INT(b.items[3].table, 0);
        CHECK_STR(b.items[4].text, "after");
        CHECK_INT(b.items[4].table, -1);
    }
    vb_result_free(r);
}

static void test_header_story_kept_apart(void) {
    unsigned char w[WORD_LEN], t[256];
    size_t tl;
    static const char s[] = "Body\rPage head\r\r";
    piece_in p[] = {{s, sizeof s - 1, 0}};
    make_fib(w, 5, 11);
    make_doc(w, t, &tl, p, 1);
    vb_blockv b;
    vb_status st;
    vb_result *r = read_streams(w, t, tl, &b, &st);
    CHECK_INT(st, VB_OK);
    CHECK(b.len >= 2);
    if (b.len >= 2) {
        CHECK_STR(b.items[0].text, "Body");
        CHECK_INT(b.items[0].area, VB_AREA_BODY);
        CHECK_STR(b.items[1].text, "Page head");
        CHECK_INT(b.items[1].area, VB_AREA_PAGE_HEADER);
    }
    vb_result_free(r);
}

static void expect_error(unsigned char *w, unsigned char *t, size_t tl, vb_status want, const char *words) {
    vb_blockv b;
    vb_status st;
    vb_result *r = read_streams(w, t, tl, &b, &st);
    CHECK_INT(st, want);
    CHECK_INT(r->errors.len, 1);
    if (r->errors.len && words) {
        if (!strstr(r->errors.items[0].message, words))
            fprintf(stderr, "  message: %s\n", r->errors.items[0].message);
        CHECK(strstr(r->errors.items[0].message, words) != NULL);
    }
    vb_result_free(r);
}

static void test_hostile_structures(void) {
    unsigned char w[WORD_LEN], t[256];
    size_t tl;
    piece_in p[] = {{"Hello\r", 6, 0}};
    /* a piece pointing past the WordDocument stream */
    make_fib(w, 6, 0);
    make_doc(w, t, &tl, p, 1);
    put32(t + 5 + 8 + 2, (uint32_t)(WORD_LEN - 2) * 2 | 0x40000000u);
    expect_error(w, t, tl, VB_E_DOC_CORRUPT, "outside the WordDocument stream");
    /* a 16-bit piece whose second half is past the stream */
    make_doc(w, t, &tl, p, 1);
    put32(t + 5 + 8 + 2, WORD_LEN - 4);
    expect_error(w, t, tl, VB_E_DOC_CORRUPT, "outside");
    /* more characters than stream bytes */
    make_doc(w, t, &tl, p, 1);
    put32(t + 5 + 4, 0x7FFFFFFF);
    expect_error(w, t, tl, VB_E_DOC_CORRUPT, "more characters");
    /* positions going backwards */
    piece_in two[] = {{"ab", 2, 0}, {"cd\r", 3, 0}};
    make_doc(w, t, &tl, two, 2);
    put32(t + 5 + 4, 9); /* piece 0 ends after piece 1 */
    expect_error(w, t, tl, VB_E_DOC_CORRUPT, "backwards");
    /* the Clx outside the table stream */
    make_doc(w, t, &tl, p, 1);
    put32(w + FIB_BLOB + 8 * 33, 200);
    expect_error(w, t, tl, VB_E_DOC_CORRUPT, "Clx");
    /* a Clx without a piece table, a Pcdt of the wrong size */
    make_doc(w, t, &tl, p, 1);
    t[0] = 0x07;
    expect_error(w, t, tl, VB_E_DOC_CORRUPT, "Clx");
    make_doc(w, t, &tl, p, 1);
    put32(t + 1, 17);
    expect_error(w, t, tl, VB_E_DOC_CORRUPT, "size");
    /* a Prc with a negative size */
    make_doc(w, t, &tl, p, 1);
    memmove(t + 3, t, tl);
    t[0] = 0x01;
    put16(t + 1, 0x8000);
    put32(w + FIB_BLOB + 8 * 33 + 4, (uint32_t)tl + 3);
    expect_error(w, t, tl + 3, VB_E_DOC_CORRUPT, "negative");
    /* FIB: not Word, Word 6, encrypted, truncated counts */
    make_doc(w, t, &tl, p, 1);
    put16(w, 0x1234);
    expect_error(w, t, tl, VB_E_DOC_CORRUPT, "0xA5EC");
    put16(w, 0xA5DC);
    expect_error(w, t, tl, VB_E_UNSUPPORTED, "Word 6/95");
    make_fib(w, 6, 0);
    make_doc(w, t, &tl, p, 1);
    put16(w + 0x0A, 0x0300);
    expect_error(w, t, tl, VB_E_UNSUPPORTED, "password");
    make_fib(w, 6, 0);
    put16(w + 32, 0xFFFF); /* csw past the stream */
    expect_error(w, t, tl, VB_E_DOC_CORRUPT, "truncated");
}

/* Story counts past the text are cut to it, never read past it. */
static void test_story_counts_clamped(void) {
    unsigned char w[WORD_LEN], t[256];
    size_t tl;
    piece_in p[] = {{"Only\r", 5, 0}};
    make_fib(w, 0xFFFFFFF0u, 0xFFFFFFF0u);
    make_doc(w, t, &tl, p, 1);
    vb_blockv b;
    vb_status st;
    vb_result *r = read_streams(w, t, tl, &b, &st);
    CHECK_INT(st, VB_OK);
    CHECK_INT(b.len, 1);
    if (b.len) CHECK_STR(b.items[0].text, "Only");
    vb_result_free(r);
}

/* ---- whole files ---- */

typedef struct {
    unsigned char *data;
    size_t len;
} file_bytes;

static file_bytes slurp(const char *path) {
    file_bytes f = {0};
    FILE *fp = fopen(path, "rb");
    if (!fp) return f;
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    f.data = malloc(n > 0 ? (size_t)n : 1);
    if (f.data && n > 0 && fread(f.data, 1, (size_t)n, fp) == (size_t)n) f.len = (size_t)n;
    fclose(fp);
    return f;
}

static vb_result *ingest(const unsigned char *data, size_t len, vb_blockv *out, vb_status *st) {
    vb_limits lim;
    vb_limits_default(&lim);
    vb_result *r = vb_result_new("x");
    *out = (vb_blockv){0};
    *st = vb_ingest_buffer(data, len, &lim, r->arena, r, out);
    return r;
}

/* Each LibreOffice .doc sample holds its seed's lines, one block a line. */
static void test_samples_match_text(void) {
    static const char *stems[] = {"000_0f9300581a36c327", "001_8a9538f428947bda", "002_1650eb5d82567ecd",
                                  "003_853f2636e4462903"};
    for (size_t k = 0; k < sizeof stems / sizeof *stems; k++) {
        char dp[256], tp[256];
        snprintf(dp, sizeof dp, "samples/doc/libreoffice/%s.doc", stems[k]);
        snprintf(tp, sizeof tp, "samples/%s.txt", stems[k]);
        file_bytes d = slurp(dp), t = slurp(tp);
        CHECK(d.len > 0 && t.len > 0);
        if (d.len && t.len) {
            CHECK_INT(vb_sniff_format(d.data, d.len), VB_FMT_DOC);
            vb_blockv db, tb;
            vb_status ds, ts;
            vb_result *dr = ingest(d.data, d.len, &db, &ds), *tr = ingest(t.data, t.len, &tb, &ts);
            CHECK_INT(ds, VB_OK);
            CHECK_STR(dr->format, "doc");
            size_t i = 0, j = 0, same = 0, compared = 0;
            for (; i < db.len && j < tb.len; i++, j++) {
                while (i < db.len && db.items[i].len == 0) i++;
                while (j < tb.len && tb.items[j].len == 0) j++;
                if (i == db.len || j == tb.len) break;
                compared++;
                same += strcmp(db.items[i].text, tb.items[j].text) == 0;
            }
            if (compared <= 10) fprintf(stderr, "  %s: %zu lines compared\n", stems[k], compared);
            CHECK(compared > 10);
            CHECK_INT(same, compared);
            vb_result_free(dr);
            vb_result_free(tr);
        }
        free(d.data);
        free(t.data);
    }
}

/* Word lists (labels rebuilt from the list tables) and a header table. */
static void test_lists_and_tables(void) {
    file_bytes d = slurp("tests/unit/data/lists_tables.doc");
    CHECK(d.len > 0);
    if (!d.len) return;
    vb_blockv b;
    vb_status st;
    vb_result *r = ingest(d.data, d.len, &b, &st);
    CHECK_INT(st, VB_OK);
    int roman = 0, decimal = 0, cells = 0, cell_ends = 0, bullets = 0;
    for (size_t i = 0; i < b.len; i++) {
        const vb_block *x = &b.items[i];
        if (!strncmp(x->text, "I. ", 3) && (x->flags & VB_BLOCK_NUMBERED)) roman++;
        if (!strncmp(x->text, "2. Y", 4)) decimal++;
        if (!strncmp(x->text, "- ", 2) && (x->flags & VB_BLOCK_NUMBERED)) bullets++;
        if (x->table == 0) cells++;
        if (x->table == 0 && (x->flags & VB_BLOCK_CELL_END)) cell_ends++;
    }
    CHECK(roman >= 1);
    CHECK(decimal >= 1);
    CHECK(bullets >= 5);
    CHECK(cells >= 4);
    CHECK(cell_ends >= 2);
    vb_result_free(r);
    free(d.data);
}

/* Damaged containers: a stable code, never a crash. */
static void test_damaged_containers(void) {
    file_bytes d = slurp("samples/doc/libreoffice/001_8a9538f428947bda.doc");
    CHECK(d.len > 4096);
    if (d.len <= 4096) return;
    size_t cuts[] = {8, 512, 700, 4000, d.len / 2};
    for (size_t k = 0; k < sizeof cuts / sizeof *cuts; k++) {
        vb_blockv b;
        vb_status st;
        vb_result *r = ingest(d.data, cuts[k], &b, &st);
        CHECK(st == VB_E_DOC_CORRUPT);
        CHECK_INT(r->errors.len, 1);
        if (r->errors.len) CHECK_STR(r->errors.items[0].code, "E_DOC_CORRUPT");
        vb_result_free(r);
    }
    /* a sector chain that loops: the FAT's first entry points to itself */
    unsigned char *bad = malloc(d.len);
    memcpy(bad, d.data, d.len);
    uint32_t fat0 = (uint32_t)bad[0x4C] | (uint32_t)bad[0x4D] << 8 | (uint32_t)bad[0x4E] << 16 |
                    (uint32_t)bad[0x4F] << 24;
    uint32_t dir0 = (uint32_t)bad[0x30] | (uint32_t)bad[0x31] << 8 | (uint32_t)bad[0x32] << 16 |
                    (uint32_t)bad[0x33] << 24;
    size_t fat_at = 512 + (size_t)fat0 * 512 + 4 * (size_t)dir0;
    if (fat_at + 4 <= d.len) put32(bad + fat_at, dir0);
    vb_blockv b;
    vb_status st;
    vb_result *r = ingest(bad, d.len, &b, &st);
    CHECK(st == VB_E_DOC_CORRUPT);
    vb_result_free(r);
    free(bad);
    free(d.data);
}

int main(void) {
    VB_RUN(test_pieces_8bit_and_utf16);
    VB_RUN(test_cp1252_high_bytes);
    VB_RUN(test_fields_keep_result_drop_code);
    VB_RUN(test_marks_breaks_and_controls);
    VB_RUN(test_cells_and_rows_without_papx);
    VB_RUN(test_header_story_kept_apart);
    VB_RUN(test_hostile_structures);
    VB_RUN(test_story_counts_clamped);
    VB_RUN(test_samples_match_text);
    VB_RUN(test_lists_and_tables);
    VB_RUN(test_damaged_containers);
    return VB_SUMMARY("doc_read");
}
