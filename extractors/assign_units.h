/* assign_units.h — recognise the name of an administrative unit where a
 * heading or paragraph begins: "Sở Tư pháp: …", "Công an quận", "Đề nghị
 * Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh …", "Giao Sở Y tế chủ trì …",
 * "Căn cứ Kế hoạch này, các sở, ngành xây dựng …".
 *
 * A name starts with a word of the heads table (extractors/data/
 * assign-unit-heads.txt: Sở, Bộ, Công an, Ủy ban nhân dân, Các sở…) and ends
 * at the first colon, or before the first lowercase task verb (assign-task-
 * verbs.txt: "chủ trì", "phối hợp"…), or after a known full name
 * (assign-unit-names.txt) that a lowercase word outside any name follows,
 * or at the end of the range.  Verbs are matched case-sensitively, so "Ban
 * Chỉ đạo" stays a name while "chỉ đạo" ends one. */
#ifndef VB_ASSIGN_UNITS_H
#define VB_ASSIGN_UNITS_H
#include <stdbool.h>
#include <stddef.h>

#include "../pipeline/core/doc.h"

typedef struct vb_unit_rules vb_unit_rules;

typedef enum {
    VB_UNIT_BY_END = 0, /* the name runs to the end of the range */
    VB_UNIT_BY_COLON,   /* "Sở Y tế: …" */
    VB_UNIT_BY_VERB,    /* "Sở Y tế chủ trì …" */
    VB_UNIT_BY_NAME     /* a known name, then a word that is no verb we know */
} vb_unit_edge;

typedef struct {
    vb_span name;   /* the unit's own words, without "Đề nghị", "Giao" or the colon */
    bool requested; /* "Đề nghị …" before the name */
    bool given;     /* "Giao …", "Phân công …" before the name: the issuer assigns */
    bool capitals;  /* set in capitals ("SỞ Y TẾ"), as headings and headers are */
    vb_unit_edge edge;
    size_t rest;  /* first byte after the name (past the colon), <= end */
    vb_span verb; /* the verb that ended the name, when edge == VB_UNIT_BY_VERB */
} vb_unit_match;

vb_status vb_units_open(vb_unit_rules **out, char *err, size_t errlen);
void vb_units_close(vb_unit_rules *r);

/* The patterns as vb_units_open expanded them, each with an example
 * (rules.h), for tests; valid while r is open. */
struct vb_rule_table;
const struct vb_rule_table *vb_units_built_table(const vb_unit_rules *r);

/* Does text[start..end) begin with a unit name?  Fills m when it does. */
bool vb_unit_at(vb_unit_rules *r, const char *text, size_t start, size_t end, vb_unit_match *m);

/* A unit after an opening clause: "Căn cứ …, <unit> <verb>", "Để …, <unit>
 * <verb>", "Trên cơ sở …, <unit> <verb>".  Only a verb-ended name counts. */
bool vb_unit_after_clause(vb_unit_rules *r, const char *text, size_t start, size_t end, vb_unit_match *m);

/* A letter's lead-in "<issuer> yêu cầu|đề nghị [đồng chí] <unit> …:": the
 * unit after the request verb, anywhere in text[start..end).  *request is
 * true for "đề nghị" (the unit is asked, not ordered). */
bool vb_unit_after_request(vb_unit_rules *r, const char *text, size_t start, size_t end, vb_unit_match *m);

/* True when the verb that ended the name is the issuer asking or ordering
 * ("Phòng Giáo dục và Đào tạo đề nghị Thủ trưởng…"), or informing ("Văn
 * phòng Chính phủ thông báo …"): the subject is then the author. */
bool vb_unit_verb_is_request(const vb_unit_rules *r, const char *text, vb_span verb);

#endif
