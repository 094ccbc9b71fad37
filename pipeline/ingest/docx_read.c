/* DOCX ingestion: see docx_read.h.
 *
 * One streaming pass over word/document.xml (then the header, footer and
 * note parts).  Paragraph text is gathered in a reused heap buffer per
 * "frame" (the body, or a text box inside a paragraph) and copied into the
 * arena once, with its numbering label in front, when the paragraph ends. */
#include "docx_read.h"

#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "docx_cache.h"
#include "docx_xml.h"
#include "docx_zip.h"
#include "legacy.h"

enum { MAX_FRAMES = 8, MAX_TABLES = 64, MAX_FIELDS = 32 };

/* A place paragraphs are written into: the part itself, or a text box. */
typedef struct {
    vb_buf text;
    int open; /* w:p nesting inside this frame; 0 = no paragraph */
    int in_run, in_t, in_ppr;
    int in_rpr, run_hidden;          /* a run's properties; w:vanish hides the run */
    vb_legacy run_legacy;            /* the run's font is a TCVN3/VNI one: its text is mapped */
    int fields, fields_lost;         /* complex field nesting */
    unsigned char instr[MAX_FIELDS]; /* 1 while a field is in its instruction part */
    int instr_open;                  /* fields now in their instruction part */
    int tbl_base;                    /* tables opened outside this frame are not its */
    unsigned base_flags;             /* VB_BLOCK_TEXTBOX for text boxes */
    /* the open paragraph */
    const vb_docx_style *style;
    int num_id, ilvl, heading, props_done;
    unsigned flags;
    char label[VB_DOCX_LABEL_MAX];
    size_t label_len;
} frame;

typedef struct {
    int index, row, cell;
    size_t cell_first_block;
} table;

typedef struct {
    const char *part; /* the part being read, for messages */
    vb_arena *a;
    vb_result *r;
    const vb_limits *lim;
    vb_blockv *out;
    const vb_docx_styles *styles;
    vb_docx_numbering *nb;
    vb_area area;
    frame frames[MAX_FRAMES];
    int n_frames, frames_lost;
    table tables[MAX_TABLES];
    int n_tables, tables_lost, table_count;
    size_t offset;
    int pending_break;
    vb_buf legacy_raw; /* the open w:t's text in a legacy font, not yet mapped */
    vb_status status;
} reader;

static frame *top(reader *rd) { return &rd->frames[rd->n_frames - 1]; }

static void paragraph_begin(reader *rd, frame *f) {
    vb_buf_reset(&f->text);
    f->open = 1;
    f->in_run = f->in_t = f->in_ppr = 0;
    f->in_rpr = f->run_hidden = 0;
    f->run_legacy = VB_LEGACY_NONE;
    f->fields = f->fields_lost = f->instr_open = 0;
    f->style = NULL;
    f->num_id = f->ilvl = f->heading = -1;
    f->props_done = 0;
    f->flags = f->base_flags;
    f->label_len = 0;
    if (rd->pending_break) { /* a break at the end of the previous paragraph */
        f->flags |= VB_BLOCK_PAGE_BREAK;
        rd->pending_break = 0;
    }
}

/* Numbering and heading level, once the paragraph's pPr is known (numbering
 * counters advance in paragraph order, so this runs before nested text boxes). */
static void paragraph_props(reader *rd, frame *f) {
    if (f->props_done) return;
    f->props_done = 1;
    const vb_docx_style *st = f->style ? f->style : rd->styles->default_para;
    int num = f->num_id >= 0 ? f->num_id : st ? st->r_num_id : -1;
    int ilvl = f->ilvl;
    if (ilvl < 0 && st) ilvl = st->r_ilvl;
    if (ilvl < 0 && st && num > 0) ilvl = vb_docx_numbering_style_level(rd->nb, num, st->id);
    if (ilvl < 0) ilvl = 0;
    if (f->heading < 0) f->heading = st ? st->r_heading : 0;
    if (num > 0) {
        f->label_len = vb_docx_numbering_next(rd->nb, num, ilvl, f->label);
        if (f->label_len) f->flags |= VB_BLOCK_NUMBERED;
    }
}

static vb_status too_long(reader *rd) {
    return rd->status =
               vb_result_error(rd->r, VB_E_TOO_LARGE, "%s: %s: a paragraph is over the %zu-byte bound",
                               rd->r->path, rd->part, rd->lim->max_line_bytes);
}

static void append(reader *rd, frame *f, const char *s, size_t n) {
    if (f->text.len + n > rd->lim->max_line_bytes) {
        if (rd->status == VB_OK) too_long(rd);
        return;
    }
    vb_buf_append(&f->text, s, n);
}

static void page_break(reader *rd, frame *f) {
    if (f->open && f->text.len == 0)
        f->flags |= VB_BLOCK_PAGE_BREAK;
    else
        rd->pending_break = 1;
}

static vb_status paragraph_end(reader *rd, frame *f) {
    paragraph_props(rd, f);
    f->open = 0;
    if (f->text.oom) return rd->status = vb_result_error(rd->r, VB_E_NOMEM, "%s: no memory", rd->r->path);
    size_t lab = f->label_len, len = (lab ? lab + 1 : 0) + f->text.len;
    if (len > rd->lim->max_line_bytes) return too_long(rd);
    char *s = vb_arena_alloc(rd->a, len + 1);
    if (!s) return rd->status = vb_result_error(rd->r, VB_E_NOMEM, "%s: no memory", rd->r->path);
    if (lab) {
        memcpy(s, f->label, lab);
        s[lab] = ' ';
        lab++;
    }
    if (f->text.len) memcpy(s + lab, f->text.data, f->text.len);
    s[len] = '\0';
    vb_block b = {.text = s,
                  .len = len,
                  .src_offset = rd->offset,
                  .area = rd->area,
                  .table = -1,
                  .row = -1,
                  .cell = -1,
                  .heading_level = f->heading > 0 ? f->heading : 0,
                  .flags = f->flags};
    if (rd->n_tables > f->tbl_base) {
        const table *t = &rd->tables[rd->n_tables - 1];
        b.table = t->index;
        b.row = t->row < 0 ? 0 : t->row;
        b.cell = t->cell < 0 ? 0 : t->cell;
    }
    if (VB_PUSH(rd->a, *rd->out, b) != 0)
        return rd->status = vb_result_error(rd->r, VB_E_NOMEM, "%s: no memory", rd->r->path);
    rd->offset += len;
    return VB_OK;
}

/* The font's code points of the w:t just closed, as the letters they draw. */
static void flush_legacy(reader *rd, frame *f) {
    if (!rd->legacy_raw.len) return;
    vb_buf u;
    vb_buf_init(&u);
    vb_legacy_decode_utf8(f->run_legacy, rd->legacy_raw.data, rd->legacy_raw.len, &u);
    if (u.oom || rd->legacy_raw.oom)
        rd->status = vb_result_error(rd->r, VB_E_NOMEM, "%s: no memory", rd->r->path);
    else
        append(rd, f, u.data ? u.data : "", u.len);
    vb_buf_free(&u);
    vb_buf_reset(&rd->legacy_raw);
}

static void field_char(frame *f, const char *type) {
    if (!type) return;
    if (strcmp(type, "begin") == 0) {
        if (f->fields >= MAX_FIELDS) {
            f->fields_lost++;
            return;
        }
        f->instr[f->fields++] = 1;
        f->instr_open++;
    } else if (strcmp(type, "separate") == 0) {
        if (f->fields_lost || !f->fields || !f->instr[f->fields - 1]) return;
        f->instr[f->fields - 1] = 0;
        f->instr_open--;
    } else if (strcmp(type, "end") == 0) {
        if (f->fields_lost) {
            f->fields_lost--;
            return;
        }
        if (!f->fields) return;
        if (f->instr[--f->fields]) f->instr_open--;
    }
}

/* The local names the handlers test; vb_xml gives each event's index (or
 * -1), so the handlers switch on it instead of comparing strings. */
enum {
    N_P,
    N_PPR,
    N_PTAB,
    N_T,
    N_TAB,
    N_TBL,
    N_TR,
    N_TC,
    N_TXBX,
    N_R,
    N_RPR,
    N_BR,
    N_CR,
    N_FLDCHAR,
    N_FOOTNOTE,
    N_ENDNOTE,
    N_NOBREAKHYPHEN,
    N_LASTRENDEREDPAGEBREAK,
    /* in pPr */
    N_PSTYLE,
    N_NUMID,
    N_ILVL,
    N_OUTLINELVL,
    N_PAGEBREAKBEFORE,
    N_NUMPR,
    /* in rPr */
    N_VANISH,
    N_RFONTS,
    /* skipped subtrees */
    N_DEL,
    N_DELTEXT,
    N_DELINSTRTEXT,
    N_SDTPR,
    N_SDTENDPR,
    N_SECTPR,
    N_TBLPR,
    N_TBLGRID,
    N_TRPR,
    N_TCPR,
    N_TBLPREX,
    N_MOVEFROM,
    N_INSTRTEXT,
    N_PPRCHANGE,
    N_COMMENTREFERENCE,
    /* mc: */
    N_FALLBACK,
    N_COUNT
};

static const char *const names[N_COUNT + 1] = {
    [N_P] = "p",
    [N_PPR] = "pPr",
    [N_PTAB] = "ptab",
    [N_T] = "t",
    [N_TAB] = "tab",
    [N_TBL] = "tbl",
    [N_TR] = "tr",
    [N_TC] = "tc",
    [N_TXBX] = "txbxContent",
    [N_R] = "r",
    [N_RPR] = "rPr",
    [N_BR] = "br",
    [N_CR] = "cr",
    [N_FLDCHAR] = "fldChar",
    [N_FOOTNOTE] = "footnote",
    [N_ENDNOTE] = "endnote",
    [N_NOBREAKHYPHEN] = "noBreakHyphen",
    [N_LASTRENDEREDPAGEBREAK] = "lastRenderedPageBreak",
    [N_PSTYLE] = "pStyle",
    [N_NUMID] = "numId",
    [N_ILVL] = "ilvl",
    [N_OUTLINELVL] = "outlineLvl",
    [N_PAGEBREAKBEFORE] = "pageBreakBefore",
    [N_NUMPR] = "numPr",
    [N_VANISH] = "vanish",
    [N_RFONTS] = "rFonts",
    [N_DEL] = "del",
    [N_DELTEXT] = "delText",
    [N_DELINSTRTEXT] = "delInstrText",
    [N_SDTPR] = "sdtPr",
    [N_SDTENDPR] = "sdtEndPr",
    [N_SECTPR] = "sectPr",
    [N_TBLPR] = "tblPr",
    [N_TBLGRID] = "tblGrid",
    [N_TRPR] = "trPr",
    [N_TCPR] = "tcPr",
    [N_TBLPREX] = "tblPrEx",
    [N_MOVEFROM] = "moveFrom",
    [N_INSTRTEXT] = "instrText",
    [N_PPRCHANGE] = "pPrChange",
    [N_COMMENTREFERENCE] = "commentReference",
    [N_FALLBACK] = "Fallback",
    [N_COUNT] = NULL,
};

/* A w: element opens.  Returns 1 to skip its subtree. */
static int on_start(reader *rd, vb_xml *x, const vb_xml_elem *e) {
    frame *f = top(rd);
    if (f->in_ppr) {
        switch (e->name) {
        case N_PSTYLE: f->style = vb_docx_style_find(rd->styles, vb_xml_wattr(x, "val")); break;
        case N_NUMID: f->num_id = vb_xml_wval_int(x, -1); break;
        case N_ILVL: {
            int v = vb_xml_wval_int(x, -1);
            f->ilvl = v >= 0 && v < VB_DOCX_LEVELS ? v : -1;
            break;
        }
        case N_OUTLINELVL: {
            int v = vb_xml_wval_int(x, -1);
            f->heading = v >= 0 && v <= 8 ? v + 1 : v == 9 ? 0 : f->heading;
            break;
        }
        case N_PAGEBREAKBEFORE:
            if (vb_xml_wval_on(x)) f->flags |= VB_BLOCK_PAGE_BREAK;
            break;
        case N_NUMPR: break;
        default: return 1; /* tabs, rPr, pPrChange, frame/border settings */
        }
        return 0;
    }
    if (f->in_rpr) {
        if (e->name == N_VANISH) f->run_hidden = vb_xml_wval_on(x);
        if (e->name == N_RFONTS) {
            const char *font = vb_xml_wattr(x, "ascii");
            f->run_legacy = vb_legacy_font(font ? font : vb_xml_wattr(x, "hAnsi"));
        }
        return !e->empty; /* rPrChange: the old properties */
    }
    switch (e->name) {
    /* Subtrees whose text is not the document's: deleted or moved-away
     * text, field instructions, old properties, content-control settings
     * (the fallback copy of a shape is skipped in h_start). */
    case N_DEL:
    case N_DELTEXT:
    case N_DELINSTRTEXT:
    case N_SDTPR:
    case N_SDTENDPR:
    case N_SECTPR:
    case N_TBLPR:
    case N_TBLGRID:
    case N_TRPR:
    case N_TCPR:
    case N_TBLPREX:
    case N_MOVEFROM:
    case N_INSTRTEXT:
    case N_PPRCHANGE:
    case N_COMMENTREFERENCE: return 1;
    case N_RPR: /* a run's properties are read; anywhere else they are skipped */
        if (!f->in_run) return 1;
        f->in_rpr = 1;
        return 0;
    case N_P:
        if (f->open)
            f->open++; /* a paragraph inside a paragraph: keep one block */
        else
            paragraph_begin(rd, f);
        return 0;
    case N_PPR:
        if (f->open == 1 && !f->props_done)
            f->in_ppr = 1;
        else
            return 1;
        return 0;
    case N_PTAB:
        if (f->in_run) append(rd, f, "\t", 1);
        return 0;
    case N_TAB:
        if (f->open && f->in_run) append(rd, f, "\t", 1);
        return 0;
    case N_T: f->in_t = f->open && f->in_run; return 0;
    case N_TBL:
        if (rd->n_tables >= MAX_TABLES)
            rd->tables_lost++;
        else
            rd->tables[rd->n_tables++] = (table){rd->table_count++, -1, -1, 0};
        return 0;
    case N_TR:
        if (!rd->tables_lost && rd->n_tables) {
            rd->tables[rd->n_tables - 1].row++;
            rd->tables[rd->n_tables - 1].cell = -1;
        }
        return 0;
    case N_TC:
        if (!rd->tables_lost && rd->n_tables) {
            rd->tables[rd->n_tables - 1].cell++;
            rd->tables[rd->n_tables - 1].cell_first_block = rd->out->len;
        }
        return 0;
    case N_TXBX:
        if (rd->n_frames >= MAX_FRAMES) {
            rd->frames_lost++;
        } else {
            frame *nf = &rd->frames[rd->n_frames++];
            nf->open = 0;
            nf->tbl_base = rd->n_tables;
            nf->base_flags = VB_BLOCK_TEXTBOX;
        }
        return 0;
    case N_R: f->in_run++; return 0;
    case N_BR:
        if (f->open && f->in_run) {
            const char *t = vb_xml_wattr(x, "type");
            if (t && strcmp(t, "page") == 0) {
                if (f->text.len) append(rd, f, "\n", 1);
                page_break(rd, f);
            } else {
                append(rd, f, "\n", 1);
            }
        }
        return 0;
    case N_CR:
        if (f->open && f->in_run) append(rd, f, "\n", 1);
        return 0;
    case N_FLDCHAR: field_char(f, vb_xml_wattr(x, "fldCharType")); return 0;
    case N_FOOTNOTE:
    case N_ENDNOTE: return vb_xml_wattr(x, "type") != NULL; /* separators */
    case N_NOBREAKHYPHEN:
        if (f->open && f->in_run) append(rd, f, "-", 1);
        return 0;
    case N_LASTRENDEREDPAGEBREAK:
        if (f->open) page_break(rd, f);
        return 0;
    default: return 0;
    }
}

/* A w: element ends (name: its index in names, or -1). */
static void on_end(reader *rd, int name) {
    frame *f = top(rd);
    if (f->in_rpr) {
        if (name == N_RPR) f->in_rpr = 0;
        return;
    }
    if (f->in_ppr) {
        if (name == N_PPR) {
            f->in_ppr = 0;
            paragraph_props(rd, f);
        }
        return;
    }
    switch (name) {
    case N_P:
        if (f->open) {
            if (f->open > 1)
                f->open--;
            else
                paragraph_end(rd, f);
        }
        return;
    case N_T:
        flush_legacy(rd, f);
        f->in_t = 0;
        return;
    case N_TC:
        if (!rd->tables_lost && rd->n_tables) {
            const table *t = &rd->tables[rd->n_tables - 1];
            if (rd->out->len > t->cell_first_block)
                rd->out->items[rd->out->len - 1].flags |= VB_BLOCK_CELL_END;
        }
        return;
    case N_TBL:
        if (rd->tables_lost)
            rd->tables_lost--;
        else if (rd->n_tables)
            rd->n_tables--;
        return;
    case N_TXBX:
        if (rd->frames_lost) {
            rd->frames_lost--;
        } else if (rd->n_frames > 1) {
            if (f->open) paragraph_end(rd, f); /* unclosed text-box paragraph */
            rd->n_frames--;
        }
        return;
    case N_R:
        if (f->in_run) {
            f->in_run--;
            f->run_hidden = 0;
            f->run_legacy = VB_LEGACY_NONE;
        }
        return;
    default: return;
    }
}

static int is_mc_fallback(const vb_xml_elem *e) {
    return e->name == N_FALLBACK && e->ns && strcmp(e->ns, VB_MC_NS) == 0;
}

/* The parser's events, in the order the streaming reader gave them: a
 * handler that fails stops the part at once (rd->status). */
static int h_start(void *ctx, vb_xml *x, const vb_xml_elem *e) {
    reader *rd = ctx;
    if (e->in_w) {
        if (on_start(rd, x, e)) return rd->status != VB_OK ? VB_XML_STOP : VB_XML_SKIP;
        if (e->empty) on_end(rd, e->name);
    } else if (is_mc_fallback(e)) {
        return VB_XML_SKIP;
    }
    return rd->status != VB_OK ? VB_XML_STOP : VB_XML_GO;
}

static int h_end(void *ctx, vb_xml *x, const vb_xml_elem *e) {
    (void)x;
    reader *rd = ctx;
    if (e->in_w) on_end(rd, e->name);
    return rd->status != VB_OK ? VB_XML_STOP : VB_XML_GO;
}

static int h_text(void *ctx, const char *s, size_t n) {
    reader *rd = ctx;
    frame *f = top(rd);
    if (f->in_t && f->instr_open == 0 && !f->run_hidden) {
        if (f->run_legacy == VB_LEGACY_NONE) {
            append(rd, f, s, n);
        } else { /* a run in .VnTime, VNI-Times...: mapped whole at </w:t> (the parser splits text) */
            vb_buf_append(&rd->legacy_raw, s, n);
        }
    }
    return rd->status != VB_OK ? VB_XML_STOP : VB_XML_GO;
}

/* Read one part's paragraphs into rd->out. */
static vb_status read_part(reader *rd, vb_docx_zip *z, zip_int64_t index, const char *name, vb_area area) {
    static const vb_xml_handler h = {h_start, h_end, h_text, names};
    rd->part = name;
    rd->area = area;
    rd->n_frames = 1;
    rd->frames_lost = 0;
    rd->n_tables = rd->tables_lost = 0;
    rd->frames[0].open = 0;
    rd->frames[0].tbl_base = 0;
    rd->frames[0].base_flags = 0;
    vb_status s = vb_xml_parse(z, index, name, rd->lim, &h, rd);
    if (rd->status != VB_OK) return rd->status;
    return s;
}

/* word/header3.xml -> 3; -1 when `name` is not word/<kind><digits>.xml. */
static long part_number(const char *name, const char *kind) {
    size_t k = strlen(kind);
    if (strncmp(name, "word/", 5) != 0 || strncmp(name + 5, kind, k) != 0) return -1;
    const char *p = name + 5 + k;
    char *end;
    long v = strtol(p, &end, 10);
    if (end == p) v = 0;
    return strcmp(end, ".xml") == 0 ? v : -1;
}

typedef struct {
    long number;
    zip_int64_t index;
} numbered_part;

static int cmp_part(const void *a, const void *b) {
    const numbered_part *x = a, *y = b;
    if (x->number != y->number) return x->number < y->number ? -1 : 1;
    return (x->index > y->index) - (x->index < y->index);
}

/* Every word/<kind>N.xml in number order. */
static vb_status read_parts(reader *rd, vb_docx_zip *z, const char *kind, vb_area area) {
    zip_int64_t n = zip_get_num_entries(z->za, 0);
    numbered_part *parts = NULL;
    size_t len = 0;
    for (zip_int64_t i = 0; i < n; i++) {
        const char *name = zip_get_name(z->za, (zip_uint64_t)i, ZIP_FL_ENC_GUESS);
        long num = name ? part_number(name, kind) : -1;
        if (num < 0) continue;
        if (!parts && !(parts = malloc((size_t)n * sizeof *parts)))
            return rd->status = vb_result_error(rd->r, VB_E_NOMEM, "%s: no memory", rd->r->path);
        parts[len++] = (numbered_part){num, i};
    }
    if (len > 1) qsort(parts, len, sizeof *parts, cmp_part);
    vb_status s = VB_OK;
    for (size_t i = 0; i < len && s == VB_OK; i++)
        s = read_part(rd, z, parts[i].index, zip_get_name(z->za, (zip_uint64_t)parts[i].index, 0), area);
    free(parts);
    return s;
}

vb_status vb_docx_read(const unsigned char *data, size_t len, const vb_limits *lim, vb_arena *a, vb_result *r,
                       vb_blockv *out) {
    return vb_docx_read_in(NULL, data, len, lim, a, r, out);
}

vb_status vb_docx_read_in(vb_docx_cache *cache, const unsigned char *data, size_t len, const vb_limits *lim,
                          vb_arena *a, vb_result *r, vb_blockv *out) {
    vb_docx_zip z;
    vb_status s = vb_docx_zip_open(&z, data, len, lim, r);
    if (s != VB_OK) {
        vb_docx_zip_close(&z);
        return s;
    }
    zip_int64_t doc = vb_docx_zip_find(&z, "word/document.xml");
    if (doc < 0) {
        vb_docx_zip_close(&z);
        return vb_result_error(r, VB_E_ZIP_NO_DOCUMENT,
                               "%s: a zip file without word/document.xml is not a Word document", r->path);
    }
    vb_docx_styles styles;
    vb_docx_numbering nb;
    s = vb_docx_template_load(cache, &z, lim, a, &styles, &nb);
    if (s != VB_OK) {
        vb_docx_zip_close(&z);
        return s;
    }
    reader rd;
    memset(&rd, 0, sizeof rd);
    rd.a = a;
    rd.r = r;
    rd.lim = lim;
    rd.out = out;
    rd.styles = &styles;
    rd.nb = &nb;
    for (int i = 0; i < MAX_FRAMES; i++) vb_buf_init(&rd.frames[i].text);
    vb_buf_init(&rd.legacy_raw);

    s = read_part(&rd, &z, doc, "word/document.xml", VB_AREA_BODY);
    if (s == VB_OK) s = read_parts(&rd, &z, "header", VB_AREA_PAGE_HEADER);
    if (s == VB_OK) s = read_parts(&rd, &z, "footer", VB_AREA_PAGE_FOOTER);
    if (s == VB_OK) {
        zip_int64_t i = vb_docx_zip_find(&z, "word/footnotes.xml");
        if (i >= 0) s = read_part(&rd, &z, i, "word/footnotes.xml", VB_AREA_NOTE);
    }
    if (s == VB_OK) {
        zip_int64_t i = vb_docx_zip_find(&z, "word/endnotes.xml");
        if (i >= 0) s = read_part(&rd, &z, i, "word/endnotes.xml", VB_AREA_NOTE);
    }
    for (int i = 0; i < MAX_FRAMES; i++) vb_buf_free(&rd.frames[i].text);
    vb_buf_free(&rd.legacy_raw);
    vb_docx_zip_close(&z);
    return s;
}
