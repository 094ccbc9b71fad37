/* test_validate.c — the JSON Schema interpreter (pipeline/validate/jschema.c)
 * on the real schemas/vanban.schema.json and on small keyword schemas, and
 * the content-sniffing file validator for JSON and XML. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../../pipeline/validate/jschema.h"
#include "../../pipeline/validate/validate.h"
#include "check.h"

#define MAX_SEEN 32

typedef struct {
    size_t n;
    long line[MAX_SEEN];
    char path[MAX_SEEN][160];
    char msg[MAX_SEEN][400];
} seen;

static void collect(void *ctx, const char *pointer, const char *message) {
    seen *s = ctx;
    if (s->n == MAX_SEEN) return;
    snprintf(s->path[s->n], sizeof s->path[0], "%s", pointer);
    snprintf(s->msg[s->n], sizeof s->msg[0], "%s", message);
    s->line[s->n++] = 0;
}

static void collect_line(void *ctx, long line, const char *path, const char *message) {
    seen *s = ctx;
    collect(ctx, path, message);
    if (s->n) s->line[s->n - 1] = line;
}

static const char *schemas_dir(void) {
    const char *env = getenv("VANBAN_SCHEMAS");
    return env && *env ? env : "schemas";
}

static vb_jschema *real_schema(void) {
    char path[512], err[256];
    snprintf(path, sizeof path, "%s/%s", schemas_dir(), VB_JSON_SCHEMA_FILE);
    vb_jschema *s = NULL;
    vb_status st = vb_jschema_load(path, &s, err, sizeof err);
    if (st != VB_OK) fprintf(stderr, "  cannot load %s: %s\n", path, err);
    return s;
}

/* A small but complete result: one document with one fact of each kind. */
static const char valid_result[] =
    "{\"schema_version\":\"1.0\","
    "\"source\":{\"path\":\"a.txt\",\"sha256\":null,\"format\":\"txt\",\"bytes\":10},"
    "\"documents\":[{\"kind\":\"official\",\"text\":\"Hà Nội, ngày 07/5/2019\","
    "\"header\":{\"issuer\":\"Ủy ban nhân dân tỉnh Tây Ninh\",\"issuer_parent\":null,"
    "\"number\":\"905/KH-UBND\",\"doc_type\":\"Kế hoạch\",\"doc_type_code\":\"KH\","
    "\"place\":\"Tây Ninh\",\"date\":\"2019-05-07\",\"subject\":null,\"recipients\":[],"
    "\"signer\":null,\"distribution\":[\"Như trên\"]},"
    "\"references\":[{\"doc_type\":\"Quyết định\",\"doc_type_code\":\"QĐ\","
    "\"number\":\"361/QĐ-TTg\",\"date\":\"2016-03\",\"issuer\":null,\"subject\":null,"
    "\"relation\":\"basis\",\"span\":{\"start\":0,\"end\":3},"
    "\"mentions\":[{\"start\":0,\"end\":3}]}],"
    "\"dates\":[{\"text\":\"ngày 07/5/2019\",\"value\":\"2019-05-07\",\"role\":\"issued\","
    "\"span\":{\"start\":8,\"end\":22}},"
    "{\"text\":\"giai đoạn 2016-2020\",\"value\":\"2016/2020\",\"role\":\"period\","
    "\"span\":{\"start\":1,\"end\":2}},"
    "{\"text\":\"hằng quý\",\"value\":null,\"role\":\"recurring\",\"recurrence\":\"quarterly\","
    "\"span\":{\"start\":1,\"end\":2}}],"
    "\"targets\":[{\"text\":\"80 xã\",\"value\":80.0,\"from\":74,\"unit\":\"count\","
    "\"comparator\":\"eq\",\"indicator\":null,\"theme\":null,\"span\":{\"start\":0,\"end\":5}}],"
    "\"assignments\":[{\"unit\":\"Công an tỉnh\",\"role\":\"lead\",\"tasks\":[\"a\"],"
    "\"task_spans\":[{\"start\":0,\"end\":1}],\"section\":\"IV.1\","
    "\"span\":{\"start\":0,\"end\":1}}],"
    "\"sections\":[{\"label\":\"I\",\"title\":\"MỤC ĐÍCH\",\"level\":1,"
    "\"span\":{\"start\":0,\"end\":1},\"children\":[{\"label\":\"1\",\"title\":null,"
    "\"level\":2,\"span\":{\"start\":0,\"end\":1},\"children\":[]}]}],"
    "\"warnings\":[{\"code\":\"W_BLANK_NUMBER\",\"message\":\"blank\"}]}],"
    "\"errors\":[],\"warnings\":[]}";

/* The valid result with one JSON Pointer location replaced by `value`
 * (a JSON text), or removed when value is NULL. */
static json_t *mutated(const char *parent, const char *key, const char *value) {
    json_t *doc = json_loads(valid_result, 0, NULL);
    if (!doc) return NULL;
    json_t *p = doc;
    char buf[256];
    snprintf(buf, sizeof buf, "%s", parent);
    for (char *tok = strtok(buf, "/"); tok && p; tok = strtok(NULL, "/"))
        p = json_is_array(p) ? json_array_get(p, (size_t)atoi(tok)) : json_object_get(p, tok);
    if (!p) {
        json_decref(doc);
        return NULL;
    }
    if (!value) {
        json_object_del(p, key);
    } else {
        json_t *v = json_loads(value, JSON_DECODE_ANY, NULL);
        if (json_is_array(p))
            json_array_set_new(p, (size_t)atoi(key), v);
        else
            json_object_set_new(p, key, v);
    }
    return doc;
}

/* Validate the mutation; expect exactly one violation at `want_path` whose
 * message contains `want_msg`. */
static void expect_one(const vb_jschema *s, const char *parent, const char *key, const char *value,
                       const char *want_path, const char *want_msg) {
    json_t *doc = mutated(parent, key, value);
    CHECK(doc != NULL);
    if (!doc) return;
    seen got = {0};
    size_t count = 99;
    CHECK_INT(vb_jschema_validate(s, doc, collect, &got, &count), VB_E_SCHEMA);
    CHECK_INT(count, 1);
    CHECK_INT(got.n, 1);
    if (got.n >= 1) {
        CHECK_STR(got.path[0], want_path);
        if (!strstr(got.msg[0], want_msg))
            fprintf(stderr, "  message \"%s\" lacks \"%s\"\n", got.msg[0], want_msg);
        CHECK(strstr(got.msg[0], want_msg) != NULL);
    }
    json_decref(doc);
}

static void test_valid_result_passes(void) {
    vb_jschema *s = real_schema();
    CHECK(s != NULL);
    if (!s) return;
    json_t *doc = json_loads(valid_result, 0, NULL);
    CHECK(doc != NULL);
    seen got = {0};
    CHECK_INT(vb_jschema_validate(s, doc, collect, &got, NULL), VB_OK);
    CHECK_INT(got.n, 0);
    if (got.n) fprintf(stderr, "  unexpected: %s: %s\n", got.path[0], got.msg[0]);
    json_decref(doc);
    vb_jschema_free(s);
}

static void test_each_violation_has_its_path(void) {
    vb_jschema *s = real_schema();
    if (!s) {
        CHECK(s != NULL);
        return;
    }
    expect_one(s, "/documents/0", "foo", "1", "/documents/0/foo", "unknown field \"foo\"");
    expect_one(s, "/documents/0/references/0", "relation", "\"foo\"", "/documents/0/references/0/relation",
               "not one of");
    expect_one(s, "/documents/0/dates/0", "value", "\"2019-5-7\"", "/documents/0/dates/0/value",
               "does not match pattern");
    expect_one(s, "/documents/0/dates/0", "value", "\"2019-13\"", "/documents/0/dates/0/value",
               "does not match pattern");
    /* $ must not match before a trailing newline */
    expect_one(s, "/documents/0/header", "date", "\"2019-05-07\\n\"", "/documents/0/header/date",
               "does not match pattern");
    expect_one(s, "/documents/0/header", "signer", NULL, "/documents/0/header",
               "missing required field \"signer\"");
    expect_one(s, "", "source", NULL, "", "missing required field \"source\"");
    expect_one(s, "/documents/0/targets/0", "value", "\"80\"", "/documents/0/targets/0/value",
               "expected number, got string");
    expect_one(s, "/documents/0/targets/0", "unit", "\"liters\"", "/documents/0/targets/0/unit",
               "not one of");
    expect_one(s, "/documents/0/dates/1/span", "start", "-1", "/documents/0/dates/1/span/start",
               "less than the minimum 0");
    expect_one(s, "/documents/0/dates/1/span", "end", "2.5", "/documents/0/dates/1/span/end",
               "expected integer");
    expect_one(s, "/documents/0/references/0", "mentions", "[]", "/documents/0/references/0/mentions",
               "fewer than 1 items");
    expect_one(s, "/documents/0/header", "recipients", "[\"a\", 3]", "/documents/0/header/recipients/1",
               "expected string, got integer");
    expect_one(s, "/documents/0", "kind", "\"letter\"", "/documents/0/kind", "not one of");
    expect_one(s, "/documents/0/assignments/0", "role", "\"helper\"", "/documents/0/assignments/0/role",
               "not one of");
    expect_one(s, "/documents/0/targets/0", "comparator", "\"gt\"", "/documents/0/targets/0/comparator",
               "not one of");
    expect_one(s, "/source", "format", "\"pdf\"", "/source/format", "not one of");
    /* recursion through $ref: a nested section */
    expect_one(s, "/documents/0/sections/0/children/0", "level", "0",
               "/documents/0/sections/0/children/0/level", "less than the minimum 1");
    /* pointer escaping of odd keys */
    expect_one(s, "/documents/0/header", "a/b~c", "1", "/documents/0/header/a~1b~0c", "unknown field");
    vb_jschema_free(s);
}

static void test_several_violations_all_reported(void) {
    vb_jschema *s = real_schema();
    if (!s) {
        CHECK(s != NULL);
        return;
    }
    json_t *doc = mutated("/documents/0", "foo", "1");
    json_object_set_new(json_object_get(doc, "source"), "bytes", json_string("10"));
    seen got = {0};
    size_t count = 0;
    CHECK_INT(vb_jschema_validate(s, doc, collect, &got, &count), VB_E_SCHEMA);
    CHECK_INT(count, 2);
    CHECK_STR(got.path[0], "/source/bytes");
    CHECK_STR(got.path[1], "/documents/0/foo");
    json_decref(doc);
    vb_jschema_free(s);
}

/* Compile an inline schema; NULL (and err filled) on failure. */
static vb_jschema *inline_schema(const char *text, vb_status *st, char *err, size_t errlen) {
    json_t *j = json_loads(text, JSON_DECODE_ANY, NULL);
    vb_jschema *s = NULL;
    *st = j ? vb_jschema_compile(j, &s, err, errlen) : VB_E_INTERNAL;
    json_decref(j);
    return s;
}

/* Number of violations of instance `inst` against inline schema `schema`. */
static long violations(const char *schema, const char *inst) {
    vb_status st;
    char err[256];
    vb_jschema *s = inline_schema(schema, &st, err, sizeof err);
    if (!s) {
        fprintf(stderr, "  schema %s: %s\n", schema, err);
        return -1;
    }
    json_t *j = json_loads(inst, JSON_DECODE_ANY, NULL);
    size_t count = 0;
    vb_jschema_validate(s, j, NULL, NULL, &count);
    json_decref(j);
    vb_jschema_free(s);
    return (long)count;
}

static void test_keywords(void) {
    CHECK_INT(violations("{\"type\":\"integer\"}", "1.0"), 0);
    CHECK_INT(violations("{\"type\":\"integer\"}", "1.5"), 1);
    CHECK_INT(violations("{\"type\":[\"string\",\"null\"]}", "null"), 0);
    CHECK_INT(violations("{\"type\":[\"string\",\"null\"]}", "true"), 1);
    CHECK_INT(violations("{\"const\":\"x\"}", "\"x\""), 0);
    CHECK_INT(violations("{\"const\":\"x\"}", "\"y\""), 1);
    /* lengths count code points, not bytes: "Đà" is 2 */
    CHECK_INT(violations("{\"maxLength\":2}", "\"Đà\""), 0);
    CHECK_INT(violations("{\"minLength\":3}", "\"Đà\""), 1);
    CHECK_INT(violations("{\"maximum\":10}", "11"), 1);
    CHECK_INT(violations("{\"maxItems\":1}", "[1,2]"), 1);
    CHECK_INT(violations("{\"items\":{\"type\":\"string\"}}", "[\"a\",1,2]"), 2);
    CHECK_INT(violations("{\"additionalProperties\":{\"type\":\"string\"}}", "{\"a\":\"x\",\"b\":1}"), 1);
    CHECK_INT(violations("{\"anyOf\":[{\"type\":\"string\"},{\"minimum\":5}]}", "7"), 0);
    CHECK_INT(violations("{\"anyOf\":[{\"type\":\"string\"},{\"minimum\":5}]}", "3"), 1);
    /* oneOf: both alternatives match -> one violation */
    CHECK_INT(violations("{\"oneOf\":[{\"type\":\"number\"},{\"minimum\":5}]}", "7"), 1);
    CHECK_INT(violations("{\"oneOf\":[{\"type\":\"number\"},{\"type\":\"string\"}]}", "7"), 0);
    CHECK_INT(violations("{\"allOf\":[{\"type\":\"number\"},{\"minimum\":5}]}", "\"a\""), 1);
    CHECK_INT(violations("{\"not\":{\"type\":\"null\"}}", "null"), 1);
    CHECK_INT(violations("{\"not\":{\"type\":\"null\"}}", "1"), 0);
    /* if/then/else: a null value is allowed only for recurring dates */
    const char *cond = "{\"if\":{\"properties\":{\"role\":{\"const\":\"recurring\"}}},"
                       "\"then\":true,\"else\":{\"properties\":{\"value\":{\"type\":\"string\"}}}}";
    CHECK_INT(violations(cond, "{\"role\":\"recurring\",\"value\":null}"), 0);
    CHECK_INT(violations(cond, "{\"role\":\"deadline\",\"value\":null}"), 1);
    CHECK_INT(violations("false", "1"), 1);
    CHECK_INT(violations("{\"$defs\":{\"n\":{\"type\":\"null\"}},\"$ref\":\"#/$defs/n\"}", "0"), 1);
    /* a self-referencing schema does not loop forever */
    CHECK(violations("{\"$ref\":\"#\"}", "1") == 1);
}

static void test_closest_alternative_is_reported(void) {
    vb_status st;
    char err[256];
    vb_jschema *s =
        inline_schema("{\"properties\":{\"d\":{\"anyOf\":[{\"type\":\"string\",\"pattern\":\"^[0-9]{4}$\"},"
                      "{\"type\":\"null\"}]}}}",
                      &st, err, sizeof err);
    CHECK(s != NULL);
    if (!s) return;
    json_t *j = json_loads("{\"d\":\"20x9\"}", 0, NULL);
    seen got = {0};
    CHECK_INT(vb_jschema_validate(s, j, collect, &got, NULL), VB_E_SCHEMA);
    CHECK_INT(got.n, 1);
    CHECK_STR(got.path[0], "/d");
    CHECK(strstr(got.msg[0], "pattern") != NULL);
    json_decref(j);
    vb_jschema_free(s);
}

static void test_unsupported_schemas_refused(void) {
    vb_status st;
    char err[256];
    vb_jschema *s = inline_schema("{\"properties\":{\"a\":{\"format\":\"date\"}}}", &st, err, sizeof err);
    CHECK(s == NULL);
    CHECK_INT(st, VB_E_SCHEMA);
    CHECK(strstr(err, "format") != NULL && strstr(err, "/properties/a") != NULL);
    s = inline_schema("{\"$ref\":\"#/$defs/missing\"}", &st, err, sizeof err);
    CHECK(s == NULL);
    CHECK_INT(st, VB_E_SCHEMA);
    s = inline_schema("{\"$ref\":\"http://example.com/s.json\"}", &st, err, sizeof err);
    CHECK(s == NULL);
    s = inline_schema("{\"pattern\":\"(\"}", &st, err, sizeof err);
    CHECK(s == NULL);
    CHECK_INT(st, VB_E_REGEX);
    s = inline_schema("{\"type\":\"float\"}", &st, err, sizeof err);
    CHECK(s == NULL);
    s = inline_schema("{\"minItems\":-1}", &st, err, sizeof err);
    CHECK(s == NULL);
}

/* ---- the file validator (JSON + XML) ---- */

static vb_validator *open_validator(void) {
    char err[512];
    vb_validator *v = NULL;
    vb_status st = vb_validator_open(schemas_dir(), &v, err, sizeof err);
    if (st != VB_OK) fprintf(stderr, "  validator: %s\n", err);
    return v;
}

static const char valid_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<result xmlns=\"urn:vanban:result:1\" schema_version=\"1.0\">\n"
    "  <source format=\"txt\" bytes=\"3\"><path>a.txt</path></source>\n"
    "  <documents>\n"
    "    <document kind=\"official\">\n"
    "      <text>Số: 5</text>\n"
    "      <header><recipients/><distribution/></header>\n"
    "      <references/>\n"
    "      <dates>\n"
    "        <date role=\"deadline\" value=\"%s\" start=\"0\" end=\"1\"><text>x</text></date>\n"
    "      </dates>\n"
    "      <targets/><assignments/><sections/><warnings/>\n"
    "    </document>\n"
    "  </documents>\n"
    "  <errors/><warnings/>\n"
    "</result>\n";

static vb_status check_xml(const vb_validator *v, const char *date_value, seen *got) {
    char xml[2048];
    snprintf(xml, sizeof xml, valid_xml, date_value);
    return vb_validate_buffer(v, xml, strlen(xml), collect_line, got);
}

static void test_xml_validation(void) {
    vb_validator *v = open_validator();
    CHECK(v != NULL);
    if (!v) return;
    seen got = {0};
    CHECK_INT(check_xml(v, "2019-05-07", &got), VB_OK);
    CHECK_INT(got.n, 0);
    CHECK_INT(check_xml(v, "2016/2020", &got), VB_OK);
    memset(&got, 0, sizeof got);
    CHECK_INT(check_xml(v, "2019-5-7", &got), VB_E_SCHEMA);
    CHECK_INT(got.n, 1);
    CHECK_INT(got.line[0], 10);
    CHECK_STR(got.path[0], "/result/documents/document/dates/date");
    CHECK(strstr(got.msg[0], "2019-5-7") != NULL);
    CHECK(strstr(got.msg[0], "urn:vanban") == NULL); /* namespace braces stripped */

    /* unknown element, wrong namespace, DTD, malformed */
    const char *bad[] = {
        "<result xmlns=\"urn:vanban:result:1\" schema_version=\"1.0\"><source format=\"txt\" "
        "bytes=\"1\"><path>a</path><extra/></source><documents/><errors/><warnings/></result>",
        "<result schema_version=\"1.0\"/>",
        "<!DOCTYPE result [<!ENTITY e \"x\">]><result xmlns=\"urn:vanban:result:1\"/>",
        "<result xmlns=\"urn:vanban:result:1\"><unclosed></result>",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        memset(&got, 0, sizeof got);
        CHECK_INT(vb_validate_buffer(v, bad[i], strlen(bad[i]), collect_line, &got), VB_E_SCHEMA);
        CHECK(got.n >= 1);
    }
    vb_validator_close(v);
}

static void test_json_via_buffer_and_sniffing(void) {
    vb_validator *v = open_validator();
    if (!v) {
        CHECK(v != NULL);
        return;
    }
    seen got = {0};
    CHECK_INT(vb_validate_buffer(v, valid_result, strlen(valid_result), collect_line, &got), VB_OK);
    const char *dup = "{\"schema_version\":\"1.0\",\"schema_version\":\"1.0\"}";
    CHECK_INT(vb_validate_buffer(v, dup, strlen(dup), collect_line, &got), VB_E_SCHEMA);
    CHECK(got.n == 1 && strstr(got.msg[0], "duplicate") != NULL);
    CHECK_INT(vb_validate_sniff("\xEF\xBB\xBF  {", 6), VB_INPUT_JSON);
    CHECK_INT(vb_validate_sniff("\n<?xml", 6), VB_INPUT_XML);
    CHECK_INT(vb_validate_sniff("Số", 3), VB_INPUT_UNKNOWN);
    CHECK_INT(vb_validate_sniff("", 0), VB_INPUT_UNKNOWN);
    CHECK_INT(vb_validate_file(v, "/nonexistent/x.json", collect_line, &got), VB_E_IO);
    vb_validator_close(v);
}

/* JSON Lines: each line one result, violations with their line; a pretty
 * result is one JSON whatever its length. */
static void test_json_lines(void) {
    vb_validator *v = open_validator();
    if (!v) {
        CHECK(v != NULL);
        return;
    }
    size_t n = strlen(valid_result);
    char *buf = malloc(4 * n + 64);
    if (!buf) {
        vb_validator_close(v);
        return;
    }
    /* line 1 valid, 2 blank, 3 an unknown field, 4 cut short, 5 valid */
    char *p = buf;
    p += sprintf(p, "%s\n\n", valid_result);
    p += sprintf(p, "{\"colour\":1,%s\n", valid_result + 1);
    p += sprintf(p, "%.*s\n", (int)(n / 2), valid_result);
    p += sprintf(p, "%s\r\n", valid_result);
    size_t len = (size_t)(p - buf);
    CHECK_INT(vb_validate_sniff(buf, len), VB_INPUT_JSONL);
    seen got = {0};
    size_t records = 0;
    CHECK_INT(vb_validate_buffer_mode(v, buf, len, VB_VALIDATE_AUTO, collect_line, &got, &records),
              VB_E_SCHEMA);
    CHECK_INT(records, 4);
    CHECK_INT(got.n, 2);
    CHECK(got.line[0] == 3 && !strcmp(got.path[0], "/colour"));
    CHECK(got.line[1] == 4 && strstr(got.msg[1], "malformed JSON") != NULL);
    /* a broken first line is still seen as JSON Lines: the next opens a value */
    const char *first_broken = "{\"a\":\n{\"b\":1}\n";
    CHECK_INT(vb_validate_sniff(first_broken, strlen(first_broken)), VB_INPUT_JSONL);
    /* one line, or a pretty result: plain JSON */
    CHECK_INT(vb_validate_sniff(valid_result, n), VB_INPUT_JSON);
    const char *pretty = "{\n  \"schema_version\": \"1.0\"\n}\n";
    CHECK_INT(vb_validate_sniff(pretty, strlen(pretty)), VB_INPUT_JSON);
    /* asked for, one line is one record */
    got.n = 0;
    CHECK_INT(vb_validate_buffer_mode(v, valid_result, n, VB_VALIDATE_JSONL, collect_line, &got, &records),
              VB_OK);
    CHECK_INT(records, 1);
    free(buf);
    vb_validator_close(v);
}

static void test_schemas_dir(void) {
    char out[4096];
    CHECK_INT(vb_schemas_dir_find(schemas_dir(), out, sizeof out), VB_OK);
    CHECK_STR(out, schemas_dir());
    CHECK_INT(vb_schemas_dir_find("/nonexistent", out, sizeof out), VB_E_IO);
}

int main(void) {
    VB_RUN(test_valid_result_passes);
    VB_RUN(test_each_violation_has_its_path);
    VB_RUN(test_several_violations_all_reported);
    VB_RUN(test_keywords);
    VB_RUN(test_closest_alternative_is_reported);
    VB_RUN(test_unsupported_schemas_refused);
    VB_RUN(test_xml_validation);
    VB_RUN(test_json_via_buffer_and_sniffing);
    VB_RUN(test_json_lines);
    VB_RUN(test_schemas_dir);
    return VB_SUMMARY("validate");
}
