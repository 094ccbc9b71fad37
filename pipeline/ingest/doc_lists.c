/* .doc list tables into vb_docx_numbering: see doc_lists.h. */
#include "doc_lists.h"

#include <string.h>

#include "../core/buf.h"

enum { LSTF_SIZE = 28, LVLF_SIZE = 28, LFO_SIZE = 16, MAX_LISTS = 4096 };

static uint16_t rd16(const unsigned char *p) { return (uint16_t)(p[0] | p[1] << 8); }
static uint32_t rd32(const unsigned char *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* [MS-DOC] nfc (MSONFC) to the DOCX formats; unknown ones count in digits. */
static unsigned char fmt_of(unsigned nfc) {
    switch (nfc) {
    case 1: return FMT_UPPER_ROMAN;
    case 2: return FMT_LOWER_ROMAN;
    case 3: return FMT_UPPER_LETTER;
    case 4: return FMT_LOWER_LETTER;
    case 22: return FMT_DECIMAL_ZERO;
    case 23: return FMT_BULLET;
    case 255: return FMT_NONE;
    default: return FMT_DECIMAL;
    }
}

/* One LVL at t[*pos..]: LVLF, grpprlPapx, grpprlChpx, xst (the number text,
 * whose code units 0..8 stand for the levels' counters).  Fills l when
 * non-NULL; advances *pos past it.  0 when it runs past the stream. */
static int read_lvl(const unsigned char *t, size_t n, size_t *pos, vb_docx_lvl *l, vb_arena *a) {
    size_t p = *pos;
    if (p > n || n - p < LVLF_SIZE) return 0;
    const unsigned char *f = t + p;
    size_t skip = (size_t)f[25] + f[24]; /* cbGrpprlPapx + cbGrpprlChpx */
    p += LVLF_SIZE;
    if (n - p < skip + 2) return 0;
    p += skip;
    size_t cch = rd16(t + p);
    p += 2;
    if (cch > (n - p) / 2) return 0;
    if (l) {
        memset(l, 0, sizeof *l);
        l->defined = true;
        l->start = (int)rd32(f);
        l->fmt = fmt_of(f[4]);
        l->legal = (f[5] & 0x04) != 0;
        l->restart = (f[5] & 0x08) ? (f[26] ? (signed char)(f[26] - 1) : -2) : -1;
        vb_buf b;
        vb_buf_init(&b);
        for (size_t i = 0; i < cch; i++) {
            unsigned u = rd16(t + p + 2 * i);
            if (u < 9)
                vb_buf_printf(&b, "%%%u", u + 1);
            else if (u >= 0xD800 && u < 0xE000)
                vb_buf_put_cp(&b, 0xFFFD);
            else
                vb_buf_put_cp(&b, u);
        }
        l->text = b.oom ? NULL : vb_arena_strndup(a, b.data ? b.data : "", b.len);
        vb_buf_free(&b);
        if (!l->text) return -1;
    }
    *pos = p + 2 * cch;
    return 1;
}

static vb_status load_lists(vb_docx_numbering *nb, const vb_doc_list_src *s, vb_arena *a, uint32_t **lsids) {
    const unsigned char *t = s->tbl;
    size_t n = s->tbl_len;
    if (s->lcb_lst < 2 || s->fc_lst > n || s->lcb_lst > n - s->fc_lst) return VB_OK;
    size_t count = rd16(t + s->fc_lst);
    if (count > MAX_LISTS || 2 + count * LSTF_SIZE > s->lcb_lst) return VB_OK;
    *lsids = vb_arena_alloc(a, (count + 1) * sizeof **lsids);
    if (!*lsids) return VB_E_NOMEM;
    size_t pos = (size_t)s->fc_lst + s->lcb_lst; /* the LVLs follow the PlfLst */
    for (size_t i = 0; i < count; i++) {
        const unsigned char *lstf = t + s->fc_lst + 2 + i * LSTF_SIZE;
        vb_docx_abstract ab;
        memset(&ab, 0, sizeof ab);
        ab.id = (int)i;
        int levels = (lstf[26] & 0x01) ? 1 : VB_DOCX_LEVELS; /* fSimpleList */
        for (int l = 0; l < levels; l++) {
            int ok = read_lvl(t, n, &pos, &ab.lvl[l], a);
            if (ok < 0) return VB_E_NOMEM;
            if (!ok) return VB_OK; /* keep the lists read so far */
        }
        (*lsids)[i] = rd32(lstf);
        if (VB_PUSH(a, nb->abstracts, ab)) return VB_E_NOMEM;
    }
    return VB_OK;
}

static size_t abstract_of(const vb_docx_numbering *nb, const uint32_t *lsids, uint32_t lsid) {
    for (size_t i = 0; i < nb->abstracts.len; i++)
        if (lsids[i] == lsid) return i + 1;
    return 0;
}

vb_status vb_doc_lists_load(vb_docx_numbering *nb, const vb_doc_list_src *s, vb_arena *a) {
    memset(nb, 0, sizeof *nb);
    uint32_t *lsids = NULL;
    vb_status st = load_lists(nb, s, a, &lsids);
    if (st != VB_OK || !nb->abstracts.len) return st;
    const unsigned char *t = s->tbl;
    size_t n = s->tbl_len;
    if (s->lcb_lfo < 4 || s->fc_lfo > n || s->lcb_lfo > n - s->fc_lfo) return VB_OK;
    size_t count = rd32(t + s->fc_lfo);
    if (count > MAX_LISTS || 4 + count * LFO_SIZE > s->lcb_lfo) return VB_OK;
    size_t pos = (size_t)s->fc_lfo + 4 + count * LFO_SIZE; /* the LFOData */
    for (size_t k = 0; k < count; k++) {
        const unsigned char *lfo = t + s->fc_lfo + 4 + k * LFO_SIZE;
        vb_docx_num num;
        memset(&num, 0, sizeof num);
        num.id = (int)k + 1;
        num.abstract = abstract_of(nb, lsids, rd32(lfo));
        for (int l = 0; l < VB_DOCX_LEVELS; l++) num.start_override[l] = -1;
        unsigned overrides = lfo[12];
        int ok = pos <= n && n - pos >= 4;
        if (ok) pos += 4;                                /* LFOData.cp */
        for (unsigned o = 0; ok && o < overrides; o++) { /* LFOLVL */
            if (n - pos < 8) {
                ok = 0;
                break;
            }
            int32_t start = (int32_t)rd32(t + pos);
            uint32_t flags = rd32(t + pos + 4);
            pos += 8;
            unsigned lv = flags & 0x0F;
            if (lv < VB_DOCX_LEVELS && (flags & 0x10)) {
                num.start_override[lv] = start;
                num.has_override = true;
            }
            if (flags & 0x20) { /* fFormatting: a whole LVL follows */
                int r = read_lvl(t, n, &pos, lv < VB_DOCX_LEVELS ? &num.lvl_override[lv] : NULL, a);
                if (r < 0) return VB_E_NOMEM;
                if (!r)
                    ok = 0;
                else if (lv < VB_DOCX_LEVELS)
                    num.has_override = true;
            }
        }
        if (VB_PUSH(a, nb->nums, num)) return VB_E_NOMEM;
        if (!ok) break; /* the rest of the LFOData cannot be found */
    }
    return VB_OK;
}
