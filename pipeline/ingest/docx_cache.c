/* Per-worker cache of parsed template parts: see docx_cache.h. */
#include "docx_cache.h"

#include <stdlib.h>
#include <string.h>

/* Parts over this size are parsed every time: a cache slot holds their
 * compressed bytes and their tables, and hostile parts can be huge. */
enum { MAX_PART_BYTES = 1 << 20 };

typedef struct {
    int present;
    zip_uint64_t size, comp_size;
    zip_uint32_t crc;
    zip_uint16_t method;
    const unsigned char *raw; /* compressed bytes, in the slot's arena */
} part_key;

/* One cached part: styles tables, or numbering definitions parsed against
 * one cached styles entry (numStyleLink resolves through the styles). */
typedef struct {
    vb_arena *arena;         /* owns everything below; NULL: empty */
    int valid;               /* the key is complete: lookups may hit */
    unsigned long used, gen; /* LRU clock; gen names a styles entry */
    vb_limits lim;
    part_key key;
    unsigned long styles_gen; /* numbering: the styles it was parsed with (0: none) */
    size_t inflated;          /* bytes the part inflated */
    vb_docx_styles styles;
    vb_docx_numbering numbering; /* as parsed: counters at zero */
} entry;

enum { STYLES = 0, NUMBERING = 1 };

struct vb_docx_cache {
    entry styles[VB_DOCX_CACHE_SLOTS];
    entry numbering[2 * VB_DOCX_CACHE_SLOTS]; /* a template's lists vary more than its styles */
    unsigned long clock, gens, hits;
    unsigned char *raw[2]; /* this archive's compressed parts, for the comparison */
    size_t raw_cap[2];
};

vb_docx_cache *vb_docx_cache_new(void) { return calloc(1, sizeof(vb_docx_cache)); }

void vb_docx_cache_free(vb_docx_cache *c) {
    if (!c) return;
    for (int i = 0; i < VB_DOCX_CACHE_SLOTS; i++) vb_arena_destroy(c->styles[i].arena);
    for (int i = 0; i < 2 * VB_DOCX_CACHE_SLOTS; i++) vb_arena_destroy(c->numbering[i].arena);
    free(c->raw[0]);
    free(c->raw[1]);
    free(c);
}

unsigned long vb_docx_cache_hits(const vb_docx_cache *c) { return c ? c->hits : 0; }

/* Every limit, field by field (the struct has padding). */
static int same_limits(const vb_limits *x, const vb_limits *y) {
    return x->max_input_bytes == y->max_input_bytes && x->max_inflated_bytes == y->max_inflated_bytes &&
           x->max_inflate_ratio == y->max_inflate_ratio && x->max_zip_entries == y->max_zip_entries &&
           x->max_xml_depth == y->max_xml_depth && x->max_line_bytes == y->max_line_bytes;
}

/* The directory's word for entry `index` (-1: absent).  0, or -1 when the
 * part cannot be cached. */
static int part_stat(vb_docx_zip *z, zip_int64_t index, part_key *k) {
    memset(k, 0, sizeof *k);
    if (index < 0) return 0;
    zip_stat_t st;
    const zip_uint64_t need = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_CRC | ZIP_STAT_COMP_METHOD;
    if (zip_stat_index(z->za, (zip_uint64_t)index, 0, &st) != 0 || (st.valid & need) != need ||
        st.size > MAX_PART_BYTES || st.comp_size > MAX_PART_BYTES)
        return -1;
    k->present = 1;
    k->size = st.size;
    k->comp_size = st.comp_size;
    k->crc = st.crc;
    k->method = st.comp_method;
    return 0;
}

static int same_stat(const part_key *x, const part_key *y) {
    return x->present == y->present && (!x->present || (x->size == y->size && x->comp_size == y->comp_size &&
                                                        x->crc == y->crc && x->method == y->method));
}

/* The compressed bytes of a present part into c->raw[which]; 0 or -1.
 * Read raw (ZIP_FL_COMPRESSED): nothing is inflated or counted. */
static int read_raw(vb_docx_cache *c, int which, vb_docx_zip *z, zip_int64_t index, const part_key *k) {
    size_t n = (size_t)k->comp_size;
    if (!k->present || n == 0) return 0;
    if (c->raw_cap[which] < n) {
        unsigned char *p = realloc(c->raw[which], n);
        if (!p) return -1;
        c->raw[which] = p;
        c->raw_cap[which] = n;
    }
    zip_file_t *f = zip_fopen_index(z->za, (zip_uint64_t)index, ZIP_FL_COMPRESSED);
    if (!f) return -1;
    size_t got = 0;
    while (got < n) {
        zip_int64_t r = zip_fread(f, c->raw[which] + got, n - got);
        if (r <= 0) break;
        got += (size_t)r;
    }
    zip_fclose(f);
    return got == n ? 0 : -1;
}

static int same_raw(const vb_docx_cache *c, int which, const part_key *k) {
    return !k->present || k->comp_size == 0 || memcmp(c->raw[which], k->raw, (size_t)k->comp_size) == 0;
}

/* The caller's own copy of parsed numbering definitions (counters at zero;
 * strings stay with the source). */
static vb_status copy_numbering(vb_arena *a, const vb_docx_numbering *src, vb_docx_numbering *dst) {
    memset(dst, 0, sizeof *dst);
    size_t na = src->abstracts.len, nn = src->nums.len;
    if (na && !(dst->abstracts.items = vb_arena_alloc(a, na * sizeof *src->abstracts.items)))
        return VB_E_NOMEM;
    if (nn && !(dst->nums.items = vb_arena_alloc(a, nn * sizeof *src->nums.items))) return VB_E_NOMEM;
    if (na) memcpy(dst->abstracts.items, src->abstracts.items, na * sizeof *src->abstracts.items);
    if (nn) memcpy(dst->nums.items, src->nums.items, nn * sizeof *src->nums.items);
    dst->abstracts.len = dst->abstracts.cap = na;
    dst->nums.len = dst->nums.cap = nn;
    return VB_OK;
}

/* The entry of `set` that matches, or NULL with *victim the one to refill
 * (an empty or invalid entry, else the least recently used). */
static entry *lookup(vb_docx_cache *c, entry *set, int n, int which, const vb_limits *lim, const part_key *k,
                     unsigned long styles_gen, entry **victim) {
    *victim = &set[0];
    for (int i = 0; i < n; i++) {
        entry *e = &set[i];
        if (e->valid && e->styles_gen == styles_gen && same_limits(&e->lim, lim) && same_stat(&e->key, k) &&
            same_raw(c, which, &e->key))
            return e;
        if ((*victim)->valid && (!e->valid || e->used < (*victim)->used)) *victim = e;
    }
    return NULL;
}

static void drop(entry *e) {
    vb_arena_destroy(e->arena);
    memset(e, 0, sizeof *e);
}

/* Empty `e` for a new part; -1 when out of memory (e is left dropped). */
static int refill(entry *e) {
    drop(e);
    return (e->arena = vb_arena_create()) ? 0 : -1;
}

static const unsigned char *keep_raw(vb_arena *a, const unsigned char *raw, const part_key *k) {
    if (!k->present || k->comp_size == 0) return NULL;
    unsigned char *p = vb_arena_alloc(a, (size_t)k->comp_size);
    if (p) memcpy(p, raw, (size_t)k->comp_size);
    return p;
}

/* Keep what a successful parse of `k` needs to be found again. */
static void keep(vb_docx_cache *c, entry *e, int which, const vb_limits *lim, const part_key *k,
                 unsigned long styles_gen, size_t inflated) {
    e->lim = *lim;
    e->key = *k;
    e->key.raw = keep_raw(e->arena, c->raw[which], k);
    e->styles_gen = styles_gen;
    e->inflated = inflated;
    e->used = ++c->clock;
    /* without its bytes kept the entry serves this file only */
    e->valid = !(k->present && k->comp_size && !e->key.raw);
}

static void hit(vb_docx_cache *c, entry *e, vb_docx_zip *z) {
    e->used = ++c->clock;
    c->hits++;
    z->inflated += e->inflated; /* as if parsed: later parts see the same total */
}

static vb_status nomem(vb_docx_zip *z) {
    return vb_result_error(z->r, VB_E_NOMEM, "%s: no memory for numbering definitions", z->r->path);
}

vb_status vb_docx_template_load(vb_docx_cache *c, vb_docx_zip *z, const vb_limits *lim, vb_arena *a,
                                vb_docx_styles *styles, vb_docx_numbering *nb) {
    zip_int64_t is = vb_docx_zip_find(z, "word/styles.xml");
    zip_int64_t in = vb_docx_zip_find(z, "word/numbering.xml");
    part_key ks, kn;
    /* the equivalence needs the parts to be the archive's first inflation */
    if (!c || z->inflated != 0 || part_stat(z, is, &ks) != 0 || part_stat(z, in, &kn) != 0 ||
        read_raw(c, STYLES, z, is, &ks) != 0 || read_raw(c, NUMBERING, z, in, &kn) != 0) {
        vb_status s = vb_docx_styles_load(styles, z, is, lim, a);
        return s == VB_OK ? vb_docx_numbering_load(nb, z, in, styles, lim, a) : s;
    }
    /* styles.xml: a missing part is the empty table, generation 0 */
    entry *e, *victim;
    unsigned long gen = 0;
    int nb_cacheable = 1; /* the styles are known by their generation */
    vb_status s;
    if (!ks.present) {
        memset(styles, 0, sizeof *styles);
    } else if ((e = lookup(c, c->styles, VB_DOCX_CACHE_SLOTS, STYLES, lim, &ks, 0, &victim))) {
        hit(c, e, z);
        *styles = e->styles;
        gen = e->gen;
    } else if (refill(victim) == 0) {
        size_t before = z->inflated;
        if ((s = vb_docx_styles_load(&victim->styles, z, is, lim, victim->arena)) != VB_OK) {
            drop(victim);
            return s;
        }
        keep(c, victim, STYLES, lim, &ks, 0, z->inflated - before);
        *styles = victim->styles;
        gen = victim->gen = ++c->gens;
    } else {
        if ((s = vb_docx_styles_load(styles, z, is, lim, a)) != VB_OK) return s;
        nb_cacheable = 0;
    }
    /* numbering.xml, parsed against those styles */
    if (!kn.present) {
        memset(nb, 0, sizeof *nb);
        return VB_OK;
    }
    if (!nb_cacheable) return vb_docx_numbering_load(nb, z, in, styles, lim, a);
    if ((e = lookup(c, c->numbering, 2 * VB_DOCX_CACHE_SLOTS, NUMBERING, lim, &kn, gen, &victim))) {
        hit(c, e, z);
    } else if (refill(victim) == 0) {
        size_t before = z->inflated;
        if ((s = vb_docx_numbering_load(&victim->numbering, z, in, styles, lim, victim->arena)) != VB_OK) {
            drop(victim);
            return s;
        }
        keep(c, victim, NUMBERING, lim, &kn, gen, z->inflated - before);
        e = victim;
    } else {
        return vb_docx_numbering_load(nb, z, in, styles, lim, a);
    }
    return copy_numbering(a, &e->numbering, nb) == VB_OK ? VB_OK : nomem(z);
}
