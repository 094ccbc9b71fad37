/* assign_units.h — recognise the name of an administrative unit where a
 * heading or paragraph begins: "Sở Tư pháp: …", "Công an quận", "Đề nghị
 * Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh …", "Hiệu trưởng các cơ sở giáo dục
 * trên địa bàn quận tăng cường …".
 *
 * A name starts with an organisation word from the table in assign_units.c
 * (Sở, Phòng, Công an, Ủy ban, Viện, Báo, Hiệu trưởng…) and ends at the first
 * colon, or before the first lowercase task verb ("chủ trì", "phối hợp",
 * "tăng cường"…), or at the line end.  Verbs are matched case-sensitively,
 * so "Ban Chỉ đạo" stays a name while "chỉ đạo" ends one. */
#ifndef VB_ASSIGN_UNITS_H
#define VB_ASSIGN_UNITS_H
#include <stdbool.h>
#include <stddef.h>

#include "../pipeline/core/doc.h"

typedef struct vb_unit_rules vb_unit_rules;

typedef struct {
    vb_span name;    /* the unit's own words, without "Đề nghị" or the colon */
    bool requested;  /* the line began "Đề nghị …" */
    bool by_colon;   /* the name ended at a colon */
    bool by_verb;    /* the name ended before a task verb */
    size_t rest;     /* first byte after the name (past the colon), <= end */
    vb_span verb;    /* the verb that ended the name, when by_verb */
} vb_unit_match;

vb_status vb_units_open(vb_unit_rules **out, char *err, size_t errlen);
void vb_units_close(vb_unit_rules *r);

/* Does text[start..end) begin with a unit name?  Fills m when it does. */
bool vb_unit_at(const vb_unit_rules *r, const char *text, size_t start, size_t end,
                vb_unit_match *m);

/* True when the verb that ended the name is the issuer asking or ordering
 * ("Phòng Giáo dục và Đào tạo đề nghị Thủ trưởng…"): the subject is then the
 * author, not an assignee. */
bool vb_unit_verb_is_request(const vb_unit_rules *r, const char *text, vb_span verb);

#endif
