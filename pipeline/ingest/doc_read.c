/* Word 97–2003 ingestion: see doc_read.h.
 *
 * Offsets in the comments are [MS-DOC]'s.  The whole character text is
 * decoded once into an array of UTF-16 code units indexed by character
 * position (CP); stories are then cut from it by the FIB's counts and split
 * into blocks at paragraph and cell marks. */
#include "doc_read.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/utf.h>
#include <unicode/utf16.h>

#include "../core/buf.h"
#include "doc_lists.h"
#include "doc_ole.h"

enum {
    FIB_IDENT = 0xA5EC,
    FIB_IDENT_WORD6 = 0xA5DC,
    NFIB_WORD97 = 0xC0,
    FIB_ENCRYPTED = 0x0100,
    FIB_WHICH_TABLE = 0x0200,
    FKP_SIZE = 512,
    MAX_FIELDS = 32,
};

/* The FIB's story lengths, in document order. */
enum {
    STORY_TEXT,
    STORY_FTN,
    STORY_HDD,
    STORY_MCR,
    STORY_ATN,
    STORY_EDN,
    STORY_TXBX,
    STORY_HDRTXBX,
    N_STORIES
};

/* FibRgFcLcb97 pairs we read (index of the fc/lcb pair). */
enum {
    FCLCB_PLCFHDD = 11,
    FCLCB_PLCFBTEPAPX = 13,
    FCLCB_CLX = 33,
    FCLCB_PLFLST = 73,
    FCLCB_PLFLFO = 74,
    N_FCLCB
};

typedef struct {
    uint32_t ccp[N_STORIES];
    uint32_t fc[N_FCLCB], lcb[N_FCLCB]; /* the pairs we read; 0 past the FIB's count */
    int table1;                         /* the table stream is 1Table */
} fib;

typedef struct {
    uint32_t cp_start, cp_end;
    uint32_t fc; /* byte offset of the first character in WordDocument */
    int compressed;
} piece;

/* What a paragraph's PAPX says about tables and outline. */
typedef struct {
    int known; /* the FKP was found */
    int in_table, ttp, inner_cell, inner_ttp;
    int itap;
    int outline;    /* 0-8, or -1 */
    int ilfo, ilvl; /* list (1-based LFO, 0 none) and level */
} para_props;

typedef struct {
    vb_result *r;
    vb_arena *a;
    const vb_limits *lim;
    vb_blockv *out;
    const unsigned char *wd, *tbl, *data; /* data: the Data stream, or NULL */
    size_t wd_len, tbl_len, data_len;
    fib f;
    piece *pieces;
    size_t n_pieces;
    uint16_t *text; /* one code unit per CP */
    size_t text_len;
    const unsigned char *bte; /* PlcBtePapx, or NULL */
    size_t n_bte;
    vb_docx_numbering lists;
    /* the paragraph being built */
    vb_buf para;
    unsigned flags, pending_flags;
    int fields, fields_lost, instr_open;
    unsigned char instr[MAX_FIELDS];
    /* tables */
    int in_table, table, row, cell, table_count;
    vb_area area;
    unsigned base_flags;
    size_t offset;
} doc_reader;

static uint16_t rd16(const unsigned char *p) { return (uint16_t)(p[0] | p[1] << 8); }
static uint32_t rd32(const unsigned char *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

int vb_doc_sniff(const unsigned char *data, size_t len) {
    return len >= 8 && memcmp(data, VB_OLE2_SIGNATURE, 8) == 0;
}

static vb_status corrupt(doc_reader *rd, const char *what) {
    return vb_result_error(rd->r, VB_E_DOC_CORRUPT, "%s: .doc: %s", rd->r->path, what);
}

static vb_status no_memory(doc_reader *rd) {
    return vb_result_error(rd->r, VB_E_NOMEM, "%s: no memory", rd->r->path);
}

/* FibBase, then the counted arrays csw/fibRgW, cslw/fibRgLw, cbRgFcLcb/fibRgFcLcbBlob. */
static vb_status parse_fib(doc_reader *rd) {
    const unsigned char *w = rd->wd;
    size_t n = rd->wd_len;
    if (n < 34) return corrupt(rd, "the WordDocument stream is shorter than its FIB");
    uint16_t ident = rd16(w), nfib = rd16(w + 2), flags = rd16(w + 0x0A);
    if (ident == FIB_IDENT_WORD6 || (ident == FIB_IDENT && nfib < NFIB_WORD97))
        return vb_result_error(rd->r, VB_E_UNSUPPORTED,
                               "%s: a Word 6/95 file (before Word 97): save it as .docx or .doc 97-2003",
                               rd->r->path);
    if (ident != FIB_IDENT) return corrupt(rd, "the FIB does not start with 0xA5EC");
    if (flags & FIB_ENCRYPTED)
        return vb_result_error(rd->r, VB_E_UNSUPPORTED, "%s: the .doc is password-protected (encrypted)",
                               rd->r->path);
    rd->f.table1 = (flags & FIB_WHICH_TABLE) != 0;
    size_t pos = 32;
    size_t csw = rd16(w + pos);
    pos += 2 + 2 * csw;
    if (pos + 2 > n) return corrupt(rd, "the FIB is truncated (fibRgW)");
    size_t cslw = rd16(w + pos);
    size_t lw = pos + 2;
    pos = lw + 4 * cslw;
    if (cslw < 11 || pos + 2 > n) return corrupt(rd, "the FIB is truncated (fibRgLw)");
    static const int lw_index[N_STORIES] = {3, 4, 5, 6, 7, 8, 9, 10};
    for (int k = 0; k < N_STORIES; k++) rd->f.ccp[k] = rd32(w + lw + 4 * (size_t)lw_index[k]);
    rd->f.ccp[STORY_MCR] = 0; /* reserved */
    size_t pairs = rd16(w + pos);
    size_t blob = pos + 2;
    if (pairs <= FCLCB_CLX || blob + 8 * (FCLCB_CLX + 1) > n)
        return corrupt(rd, "the FIB is truncated (fibRgFcLcb)");
    if (pairs > N_FCLCB) pairs = N_FCLCB;
    if (blob + 8 * pairs > n) pairs = (n - blob) / 8;
    for (size_t k = 0; k < pairs; k++) {
        rd->f.fc[k] = rd32(w + blob + 8 * k);
        rd->f.lcb[k] = rd32(w + blob + 8 * k + 4);
    }
    return VB_OK;
}

/* A FibRgFcLcb pair as a slice of the table stream; NULL when empty or out of bounds. */
static const unsigned char *table_slice(const doc_reader *rd, int pair, size_t *len) {
    uint32_t fc = rd->f.fc[pair], lcb = rd->f.lcb[pair];
    *len = 0;
    if (lcb == 0 || fc > rd->tbl_len || lcb > rd->tbl_len - fc) return NULL;
    *len = lcb;
    return rd->tbl + fc;
}

/* The Clx: Prc entries (skipped), then one Pcdt holding the PlcPcd. */
static vb_status parse_clx(doc_reader *rd) {
    size_t n;
    const unsigned char *clx = table_slice(rd, FCLCB_CLX, &n);
    if (!clx) return corrupt(rd, "the piece table (Clx) is outside the table stream");
    size_t pos = 0;
    while (pos < n && clx[pos] == 0x01) { /* Prc: clxt, cbGrpprl, grpprl */
        if (pos + 3 > n) return corrupt(rd, "the piece table (Clx) is truncated");
        int16_t cb = (int16_t)rd16(clx + pos + 1);
        if (cb < 0) return corrupt(rd, "a Prc in the piece table has a negative size");
        pos += 3 + (size_t)cb;
    }
    if (pos + 5 > n || clx[pos] != 0x02) return corrupt(rd, "the Clx holds no piece table (Pcdt)");
    uint32_t lcb = rd32(clx + pos + 1);
    const unsigned char *plc = clx + pos + 5;
    if (lcb > n - pos - 5 || lcb < 16 || (lcb - 4) % 12) return corrupt(rd, "the piece table has a bad size");
    size_t np = (lcb - 4) / 12;
    rd->pieces = vb_arena_alloc(rd->a, np * sizeof *rd->pieces);
    if (!rd->pieces) return no_memory(rd);
    const unsigned char *pcd = plc + 4 * (np + 1);
    for (size_t i = 0; i < np; i++) {
        uint32_t s = rd32(plc + 4 * i), e = rd32(plc + 4 * (i + 1));
        uint32_t fc = rd32(pcd + 8 * i + 2);
        piece *p = &rd->pieces[i];
        p->cp_start = s;
        p->cp_end = e;
        p->compressed = (fc & 0x40000000u) != 0;
        p->fc = p->compressed ? (fc & 0x3FFFFFFFu) / 2 : fc & 0x3FFFFFFFu;
        if (e < s || (i && s != rd->pieces[i - 1].cp_end))
            return corrupt(rd, "the piece table's positions go backwards");
        if (e > rd->wd_len) return corrupt(rd, "the piece table holds more characters than its stream");
        uint64_t bytes = (uint64_t)(e - s) * (p->compressed ? 1 : 2);
        if (p->fc > rd->wd_len || bytes > rd->wd_len - p->fc)
            return corrupt(rd, "a piece points outside the WordDocument stream");
    }
    rd->n_pieces = np;
    return VB_OK;
}

/* Every CP's code unit: 8-bit pieces through ICU's windows-1252, 16-bit
 * pieces as UTF-16LE. */
static vb_status decode_text(doc_reader *rd) {
    size_t total = rd->n_pieces ? rd->pieces[rd->n_pieces - 1].cp_end : 0;
    rd->text = calloc(total + 1, sizeof *rd->text);
    if (!rd->text) return no_memory(rd);
    rd->text_len = total;
    UChar cp1252[256];
    UErrorCode ec = U_ZERO_ERROR;
    UConverter *cv = ucnv_open("windows-1252", &ec);
    if (U_FAILURE(ec))
        return vb_result_error(rd->r, VB_E_INTERNAL, "%s: ICU has no windows-1252", rd->r->path);
    for (int b = 0; b < 256; b++) {
        char in = (char)b;
        UChar u[2];
        ec = U_ZERO_ERROR;
        int32_t k = ucnv_toUChars(cv, u, 2, &in, 1, &ec);
        cp1252[b] = U_SUCCESS(ec) && k == 1 ? u[0] : 0xFFFD;
    }
    ucnv_close(cv);
    for (size_t i = 0; i < rd->n_pieces; i++) {
        const piece *p = &rd->pieces[i];
        const unsigned char *src = rd->wd + p->fc;
        for (uint32_t cp = p->cp_start; cp < p->cp_end; cp++, src += p->compressed ? 1 : 2)
            rd->text[cp] = p->compressed ? cp1252[*src] : rd16(src);
    }
    return VB_OK;
}

/* WordDocument byte offset of the character at cp, or UINT32_MAX. */
static uint32_t fc_of(const doc_reader *rd, uint32_t cp) {
    size_t lo = 0, hi = rd->n_pieces;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (rd->pieces[mid].cp_end <= cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == rd->n_pieces || rd->pieces[lo].cp_start > cp) return UINT32_MAX;
    const piece *p = &rd->pieces[lo];
    return p->fc + (cp - p->cp_start) * (p->compressed ? 1 : 2);
}

/* Operand size of a sprm at p (room bytes readable), or 0 when it runs out. */
static size_t sprm_size(uint16_t sprm, const unsigned char *p, size_t room) {
    static const unsigned char fixed[8] = {1, 1, 2, 4, 2, 2, 0, 3};
    unsigned spra = sprm >> 13;
    if (spra != 6) return fixed[spra];
    if (sprm == 0xD608 || sprm == 0xD606) /* sprmTDefTable, sprmTDefTable10: 2-byte size */
        return room >= 2 ? (size_t)rd16(p) + 1 : 0;
    return room >= 1 ? (size_t)p[0] + 1 : 0;
}

static void apply_sprms(const doc_reader *rd, const unsigned char *g, size_t n, para_props *pp, int huge) {
    size_t pos = 0;
    while (pos + 2 <= n) {
        uint16_t sprm = rd16(g + pos);
        pos += 2;
        size_t sz = sprm_size(sprm, g + pos, n - pos);
        if (sz == 0 || sz > n - pos) break;
        const unsigned char *op = g + pos;
        switch (sprm) {
        case 0x2416: pp->in_table = op[0] != 0; break;                     /* sprmPFInTable */
        case 0x2417: pp->ttp = op[0] != 0; break;                          /* sprmPFTtp */
        case 0x244B: pp->inner_cell = op[0] != 0; break;                   /* sprmPFInnerTableCell */
        case 0x244C: pp->inner_ttp = op[0] != 0; break;                    /* sprmPFInnerTtp */
        case 0x6649: pp->itap = (int)rd32(op); break;                      /* sprmPItap */
        case 0x460B: pp->ilfo = (int16_t)rd16(op); break;                  /* sprmPIlfo */
        case 0x260A: pp->ilvl = op[0] < VB_DOCX_LEVELS ? op[0] : 0; break; /* sprmPIlvl */
        case 0x2640: pp->outline = op[0] <= 8 ? op[0] : -1; break;         /* sprmPOutLvl */
        case 0x6646: { /* sprmPHugePapx: the properties are in the Data stream */
            uint32_t at = rd32(op);
            if (!huge && rd->data && at < rd->data_len && rd->data_len - at >= 2) {
                size_t cb = rd16(rd->data + at);
                if (cb <= rd->data_len - at - 2) apply_sprms(rd, rd->data + at + 2, cb, pp, 1);
            }
            break;
        }
        default: break;
        }
        pos += sz;
    }
}

/* The PAPX of the paragraph whose mark is at cp: PlcBtePapx gives the FKP
 * page, the page's rgfc/rgbx the PAPX. */
static para_props props_at(const doc_reader *rd, uint32_t cp) {
    para_props pp = {.outline = -1};
    uint32_t fc = fc_of(rd, cp);
    if (!rd->bte || fc == UINT32_MAX) return pp;
    const unsigned char *afc = rd->bte, *apn = rd->bte + 4 * (rd->n_bte + 1);
    size_t i = 0;
    while (i < rd->n_bte && !(rd32(afc + 4 * i) <= fc && fc < rd32(afc + 4 * (i + 1)))) i++;
    if (i == rd->n_bte) return pp;
    uint64_t page_at = (uint64_t)(rd32(apn + 4 * i) & 0x3FFFFF) * FKP_SIZE;
    if (page_at + FKP_SIZE > rd->wd_len) return pp;
    const unsigned char *page = rd->wd + page_at;
    unsigned crun = page[FKP_SIZE - 1];
    if (crun == 0 || 4 * (crun + 1) + 13 * crun > FKP_SIZE - 1) return pp;
    size_t j = 0;
    while (j < crun && !(rd32(page + 4 * j) <= fc && fc < rd32(page + 4 * (j + 1)))) j++;
    if (j == crun) return pp;
    pp.known = 1;
    size_t off = 2 * (size_t)page[4 * (crun + 1) + 13 * j];
    if (off == 0 || off >= FKP_SIZE - 1) return pp; /* no direct properties */
    size_t cb = page[off], start, len;
    if (cb) {
        start = off + 1;
        len = 2 * cb - 1;
    } else {
        start = off + 2;
        len = 2 * (size_t)page[off + 1];
    }
    if (start + len > FKP_SIZE - 1 || len < 2) return pp;
    apply_sprms(rd, page + start + 2, len - 2, &pp, 0); /* after the istd */
    return pp;
}

/* ---- blocks ---- */

static void page_break(doc_reader *rd) {
    if (rd->para.len == 0)
        rd->flags |= VB_BLOCK_PAGE_BREAK;
    else
        rd->pending_flags |= VB_BLOCK_PAGE_BREAK;
}

/* The paragraph as a block, with its list label (and a space) in front. */
static vb_status emit(doc_reader *rd, const para_props *pp, int table, int row, int cell, unsigned extra) {
    if (rd->para.oom) return no_memory(rd);
    char label[VB_DOCX_LABEL_MAX];
    size_t lab = pp->ilfo > 0 ? vb_docx_numbering_next(&rd->lists, pp->ilfo, pp->ilvl, label) : 0;
    size_t len = (lab ? lab + 1 : 0) + rd->para.len;
    if (len > rd->lim->max_line_bytes)
        return vb_result_error(rd->r, VB_E_TOO_LARGE, "%s: a paragraph is over the %zu-byte bound",
                               rd->r->path, rd->lim->max_line_bytes);
    char *s = vb_arena_alloc(rd->a, len + 1);
    if (!s) return no_memory(rd);
    if (lab) {
        memcpy(s, label, lab);
        s[lab++] = ' ';
    }
    if (rd->para.len) memcpy(s + lab, rd->para.data, rd->para.len);
    s[len] = '\0';
    vb_block b = {.text = s,
                  .len = len,
                  .src_offset = rd->offset,
                  .area = rd->area,
                  .table = table,
                  .row = row,
                  .cell = cell,
                  .heading_level = pp->outline >= 0 ? pp->outline + 1 : 0,
                  .flags = rd->flags | rd->base_flags | extra | (lab ? VB_BLOCK_NUMBERED : 0)};
    if (VB_PUSH(rd->a, *rd->out, b) != 0) return no_memory(rd);
    rd->offset += len;
    return VB_OK;
}

/* A paragraph or cell mark at cp: place the paragraph in or out of a table. */
static vb_status paragraph_end(doc_reader *rd, uint32_t cp, int cell_mark) {
    para_props pp = props_at(rd, cp);
    if (!pp.known) { /* no PAPX: a cell mark alone says "table"; an empty one after a cell is the row end */
        pp.in_table = cell_mark;
        pp.ttp = cell_mark && rd->in_table && rd->cell > 0 && rd->para.len == 0 && cp > 0 &&
                 rd->text[cp - 1] == 0x07;
    }
    int in_table = pp.in_table || cell_mark;
    vb_status s = VB_OK;
    if (in_table && !rd->in_table) {
        rd->in_table = 1;
        rd->table = rd->table_count++;
        rd->row = rd->cell = 0;
    } else if (!in_table) {
        rd->in_table = 0;
    }
    if (!in_table) {
        s = emit(rd, &pp, -1, -1, -1, 0);
    } else if (pp.ttp && cell_mark) { /* the row-end mark: its paragraph holds no text */
        if (rd->para.len) s = emit(rd, &pp, rd->table, rd->row, rd->cell, 0);
        rd->row++;
        rd->cell = 0;
    } else if (pp.inner_ttp) { /* a nested table's row end: its cells stay in this cell */
        if (rd->para.len) s = emit(rd, &pp, rd->table, rd->row, rd->cell, 0);
    } else if (cell_mark && !pp.inner_cell) {
        s = emit(rd, &pp, rd->table, rd->row, rd->cell, VB_BLOCK_CELL_END);
        rd->cell++;
    } else {
        s = emit(rd, &pp, rd->table, rd->row, rd->cell, 0);
    }
    vb_buf_reset(&rd->para);
    rd->flags = rd->pending_flags;
    rd->pending_flags = 0;
    return s;
}

static void field_mark(doc_reader *rd, uint16_t c) {
    if (c == 0x13) {
        if (rd->fields >= MAX_FIELDS) {
            rd->fields_lost++;
            return;
        }
        rd->instr[rd->fields++] = 1;
        rd->instr_open++;
    } else if (c == 0x14) {
        if (rd->fields_lost || !rd->fields || !rd->instr[rd->fields - 1]) return;
        rd->instr[rd->fields - 1] = 0;
        rd->instr_open--;
    } else {
        if (rd->fields_lost) {
            rd->fields_lost--;
            return;
        }
        if (!rd->fields) return;
        if (rd->instr[--rd->fields]) rd->instr_open--;
    }
}

/* One character (or a surrogate pair: *cp advances past it). */
static vb_status put_char(doc_reader *rd, uint32_t *cp, uint32_t end) {
    uint16_t c = rd->text[*cp];
    if (c == 0x13 || c == 0x14 || c == 0x15) {
        field_mark(rd, c);
        return VB_OK;
    }
    if (c == 0x0D || c == 0x07) {
        if (rd->instr_open) return VB_OK; /* a mark inside a field code */
        return paragraph_end(rd, *cp, c == 0x07);
    }
    if (rd->instr_open) return VB_OK;
    if (rd->para.len > rd->lim->max_line_bytes)
        return vb_result_error(rd->r, VB_E_TOO_LARGE, "%s: a paragraph is over the %zu-byte bound",
                               rd->r->path, rd->lim->max_line_bytes);
    switch (c) {
    case 0x09: vb_buf_putc(&rd->para, '\t'); return VB_OK;
    case 0x0B: vb_buf_putc(&rd->para, '\n'); return VB_OK; /* line break */
    case 0x0C:                                             /* page or section break */
        if (rd->para.len) vb_buf_putc(&rd->para, '\n');
        page_break(rd);
        return VB_OK;
    case 0x1E: vb_buf_putc(&rd->para, '-'); return VB_OK; /* non-breaking hyphen */
    default: break;
    }
    if (c < 0x20) return VB_OK; /* pictures, note references, optional hyphens */
    unsigned u = c;
    if (U16_IS_LEAD(c) && *cp + 1 < end && U16_IS_TRAIL(rd->text[*cp + 1])) {
        u = (unsigned)U16_GET_SUPPLEMENTARY(c, rd->text[*cp + 1]);
        ++*cp;
    } else if (U16_IS_SURROGATE(c)) {
        u = 0xFFFD;
    }
    if (U_IS_UNICODE_NONCHAR(u) || (u >= 0x80 && u < 0xA0))
        return VB_OK; /* never text: no XML or DOCX holds them */
    vb_buf_put_cp(&rd->para, u);
    return VB_OK;
}

/* The blocks of the story text in [start, end). */
static vb_status read_story(doc_reader *rd, uint32_t start, uint32_t end, vb_area area, unsigned base_flags) {
    if (end > rd->text_len) end = (uint32_t)rd->text_len;
    rd->area = area;
    rd->base_flags = base_flags;
    rd->fields = rd->fields_lost = rd->instr_open = 0;
    rd->in_table = 0;
    rd->flags = rd->pending_flags = 0;
    vb_buf_reset(&rd->para);
    for (uint32_t cp = start; cp < end; cp++) {
        vb_status s = put_char(rd, &cp, end);
        if (s != VB_OK) return s;
    }
    if (rd->para.len) return paragraph_end(rd, end, 0); /* a story without a final mark */
    return VB_OK;
}

/* Page headers and footers: PlcfHdd splits the header story; the first six
 * are note separators, then each section has six: even header, odd header,
 * even footer, odd footer, first-page header, first-page footer. */
static vb_status read_headers(doc_reader *rd, uint32_t start, uint32_t len) {
    size_t n;
    const unsigned char *plc = table_slice(rd, FCLCB_PLCFHDD, &n);
    if (!plc || n < 8 || n % 4) return read_story(rd, start, start + len, VB_AREA_PAGE_HEADER, 0);
    size_t count = n / 4 - 1;
    for (size_t i = 6; i < count; i++) {
        uint32_t s = rd32(plc + 4 * i), e = rd32(plc + 4 * (i + 1));
        if (e <= s || e > len) continue;
        size_t k = (i - 6) % 6;
        vb_area area = k == 2 || k == 3 || k == 5 ? VB_AREA_PAGE_FOOTER : VB_AREA_PAGE_HEADER;
        vb_status st = read_story(rd, start + s, start + e, area, 0);
        if (st != VB_OK) return st;
    }
    return VB_OK;
}

static vb_status read_document(doc_reader *rd) {
    vb_status s = parse_clx(rd);
    if (s != VB_OK) return s;
    s = decode_text(rd);
    if (s != VB_OK) return s;
    size_t bn;
    rd->bte = table_slice(rd, FCLCB_PLCFBTEPAPX, &bn);
    if (rd->bte && (bn < 12 || (bn - 4) % 8)) rd->bte = NULL;
    rd->n_bte = rd->bte ? (bn - 4) / 8 : 0;
    vb_doc_list_src ls = {rd->tbl,
                          rd->tbl_len,
                          rd->f.fc[FCLCB_PLFLST],
                          rd->f.lcb[FCLCB_PLFLST],
                          rd->f.fc[FCLCB_PLFLFO],
                          rd->f.lcb[FCLCB_PLFLFO]};
    if (vb_doc_lists_load(&rd->lists, &ls, rd->a) != VB_OK) return no_memory(rd);
    uint32_t at[N_STORIES + 1];
    at[0] = 0;
    for (int k = 0; k < N_STORIES; k++) {
        uint64_t e = (uint64_t)at[k] + rd->f.ccp[k];
        at[k + 1] = e > rd->text_len ? (uint32_t)rd->text_len : (uint32_t)e;
    }
    s = read_story(rd, at[STORY_TEXT], at[STORY_TEXT + 1], VB_AREA_BODY, 0);
    if (s == VB_OK) s = read_headers(rd, at[STORY_HDD], at[STORY_HDD + 1] - at[STORY_HDD]);
    if (s == VB_OK) s = read_story(rd, at[STORY_FTN], at[STORY_FTN + 1], VB_AREA_NOTE, 0);
    if (s == VB_OK) s = read_story(rd, at[STORY_ATN], at[STORY_ATN + 1], VB_AREA_NOTE, 0);
    if (s == VB_OK) s = read_story(rd, at[STORY_EDN], at[STORY_EDN + 1], VB_AREA_NOTE, 0);
    if (s == VB_OK) s = read_story(rd, at[STORY_TXBX], at[STORY_TXBX + 1], VB_AREA_NOTE, VB_BLOCK_TEXTBOX);
    return s;
}

vb_status vb_doc_read_streams(const vb_doc_streams *st, const vb_limits *lim, vb_arena *a, vb_result *r,
                              vb_blockv *out) {
    doc_reader rd = {.r = r,
                     .a = a,
                     .lim = lim,
                     .out = out,
                     .wd = st->word,
                     .wd_len = st->word_len,
                     .tbl = st->table,
                     .tbl_len = st->table_len,
                     .data = st->data,
                     .data_len = st->data_len};
    vb_buf_init(&rd.para);
    vb_status s = parse_fib(&rd);
    if (s == VB_OK) s = read_document(&rd);
    free(rd.text);
    vb_buf_free(&rd.para);
    return s;
}

/* A stream that libgsf could not give us, as the result's error. */
static vb_status stream_error(vb_result *r, const char *name, vb_status s) {
    if (s == VB_E_NOMEM) return vb_result_error(r, VB_E_NOMEM, "%s: no memory", r->path);
    return vb_result_error(r, VB_E_DOC_CORRUPT, "%s: .doc: the %s stream is %s", r->path, name,
                           s == VB_E_EMPTY ? "missing"
                                           : "unreadable (a broken sector chain, or over the file size)");
}

vb_status vb_doc_read(const unsigned char *data, size_t len, const vb_limits *lim, vb_arena *a, vb_result *r,
                      vb_blockv *out) {
    char why[256] = "";
    vb_doc_ole *ole = NULL;
    unsigned char *wd = NULL, *tbl = NULL, *dat = NULL;
    vb_doc_streams st = {0};
    vb_status s = vb_doc_ole_open(data, len, &ole, why, sizeof why);
    if (s == VB_E_DOC_CORRUPT)
        return vb_result_error(r, s, "%s: .doc: not a readable OLE2 compound file (%s)", r->path, why);
    if (s != VB_OK) return vb_result_error(r, VB_E_NOMEM, "%s: no memory", r->path);
    s = vb_doc_ole_read(ole, "WordDocument", &wd, &st.word_len);
    if (s == VB_E_EMPTY)
        s = vb_result_error(r, VB_E_UNSUPPORTED,
                            "%s: an OLE2 compound file without a WordDocument stream "
                            "(not a Word document: Excel, PowerPoint or another program's file?)",
                            r->path);
    else if (s != VB_OK)
        s = stream_error(r, "WordDocument", s);
    /* the FIB says which table stream holds the piece table */
    const char *table_name = s == VB_OK && st.word_len >= 12 && ((wd[0x0A] | wd[0x0B] << 8) & FIB_WHICH_TABLE)
                                 ? "1Table"
                                 : "0Table";
    if (s == VB_OK && (s = vb_doc_ole_read(ole, table_name, &tbl, &st.table_len)) != VB_OK)
        s = stream_error(r, table_name, s);
    if (s == VB_OK &&
        (s = vb_doc_ole_read(ole, "Data", &dat, &st.data_len)) != VB_OK) /* huge paragraph properties */
        s = s == VB_E_EMPTY ? VB_OK : stream_error(r, "Data", s);
    if (s == VB_OK) {
        st.word = wd;
        st.table = tbl;
        st.data = dat;
        s = vb_doc_read_streams(&st, lim, a, r, out);
    }
    free(wd);
    free(tbl);
    free(dat);
    vb_doc_ole_close(ole);
    return s;
}
