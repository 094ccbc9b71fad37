# vanban — build, test and install.
#   make                 build/vanban
#   make test            unit + golden tests, then the same under ASan+UBSan
#   make BUILD=dir ...   out-of-tree build directory (parallel checkouts, sanitizers)
#   make SAN=1           AddressSanitizer + UndefinedBehaviorSanitizer build
#   make install PREFIX=/usr/local DESTDIR=   (binary, schemas, man page vanban.1)
#   make EXCLUDE='a.c b.c'  leave sources out (work on one module while another is mid-edit)

BUILD   ?= build
PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= cc
PKGS    := icu-uc icu-i18n libxml-2.0 libpcre2-8 libzip jansson sqlite3 libcrypto libgsf-1
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   := $(shell pkg-config --libs $(PKGS))
VERSION := $(shell cat VERSION 2>/dev/null || echo 0.0.0)

OPT     ?= -O2
CFLAGS  ?= $(OPT) -g
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-unused-parameter
ALL_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) $(CFLAGS) \
              $(PKG_CFLAGS) -DVB_VERSION='"$(VERSION)"' -MMD -MP
LDLIBS  := $(PKG_LIBS) -lpthread -lm
ifeq ($(SAN),1)
ALL_CFLAGS += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
endif

LIB_SRC := $(sort $(wildcard pipeline/*.c pipeline/*/*.c extractors/*.c))
LIB_SRC := $(filter-out pipeline/cli/% $(EXCLUDE),$(LIB_SRC))
CLI_SRC := $(sort $(wildcard pipeline/cli/*.c))
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))

LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
LIB := $(BUILD)/libvanban.a

.PHONY: all test test-unit test-golden test-suites install clean bench fuzz lint format format-check
all: $(BUILD)/vanban

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/vanban: $(CLI_OBJ) $(LIB)
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(LDLIBS)

# tests/unit/data/test-*.txt: data files for the tests of the build rules.
TEST_DATA_RE := $(patsubst tests/unit/data/%.txt,$(BUILD)/gen/data/%.re.inc,$(wildcard tests/unit/data/test-*.txt))
.SECONDARY: $(TEST_DATA_RE)
$(BUILD)/tests/%: tests/unit/%.c tests/unit/check.h $(LIB) | $(TEST_DATA_RE)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -I$(BUILD)/gen/data $(LDFLAGS) -o $@ $< $(LIB) $(LDLIBS)

# Word lists and tables kept as data (extractors/data/*.txt and
# pipeline/STAGE/data/*.txt: '#' comments, fields split by tabs) become
# X-macro rows, X("field", "field", ...) one per entry, in
# $(BUILD)/gen/data/NAME.inc: the module that #includes one defines X for
# its own use, so the binary carries its data.  Names are unique across
# the folders (each is prefixed by its module).
DATA_TXT := $(wildcard extractors/data/*.txt pipeline/*/data/*.txt)
DATA_INC := $(addprefix $(BUILD)/gen/data/,$(notdir $(DATA_TXT:.txt=.inc)))
vpath %.txt extractors/data $(wildcard pipeline/*/data) tests/unit/data
$(BUILD)/gen/data/%.inc: %.txt
	@mkdir -p $(dir $@)
	awk -F'\t' '{sub(/[ \t\r]+$$/, "")} /^[ \t]*(#|$$)/ {next} {s = ""; for (i = 1; i <= NF; i++) {f = $$i; gsub(/\\/, "&&", f); gsub(/"/, "\\\"", f); s = s (i > 1 ? ", " : "") "\"" f "\""} print "X(" s ")"}' $< > $@

# The same lists as pattern text: $(BUILD)/gen/data/NAME.alt.inc defines
# VB_ALT_NAME (NAME upper case, '-' as '_') as the string literal
# "(?:w1|w2|…)": each entry's first field, in file order (PCRE2 tries them
# in that order), taken literally (PCRE2's special characters escaped), so
# a rule embeds a word list as `"\\b" VB_ALT_NAME "\\s+"` and the list
# stays data; VB_ALT_NAME_WS is the same with each run of spaces as \s+ (a
# line break or a double space between the words).  An empty list is
# "(?!)", which matches nothing.
DATA_ALT := $(DATA_INC:.inc=.alt.inc)
$(BUILD)/gen/data/%.alt.inc: %.txt
	@mkdir -p $(dir $@)
	awk -F'\t' -v name='$*' '{sub(/[ \t\r]+$$/, "")} /^[ \t]*(#|$$)/ {next} {f = $$1; gsub(/[][\\^$$.|?*+(){}]/, "\\\\&", f); w = f; gsub(/ +/, "\\s+", w); gsub(/\\/, "&&", f); gsub(/\\/, "&&", w); gsub(/"/, "\\\"", f); gsub(/"/, "\\\"", w); s = s (n ? "|" : "") f; ws = ws (n++ ? "|" : "") w} END {gsub(/-/, "_", name); m = "#define VB_ALT_" toupper(name); print m " \"" (n ? "(?:" s ")" : "(?!)") "\""; print m "_WS \"" (n ? "(?:" ws ")" : "(?!)") "\""}' $< > $@
# The rows again for a module that builds a pattern from them:
# $(BUILD)/gen/data/NAME.re.inc has X("re", "field", ...) per entry, "re"
# being the first field taken literally (PCRE2's special characters
# escaped, as in VB_ALT_NAME) and the entry's fields following, so
# `\A(?:" re ")\z` matches the word itself and nothing else.
DATA_RE := $(DATA_INC:.inc=.re.inc)
$(BUILD)/gen/data/%.re.inc: %.txt
	@mkdir -p $(dir $@)
	awk -F'\t' '{sub(/[ \t\r]+$$/, "")} /^[ \t]*(#|$$)/ {next} {r = $$1; gsub(/[][\\^$$.|?*+(){}]/, "\\\\&", r); gsub(/\\/, "&&", r); gsub(/"/, "\\\"", r); s = "\"" r "\""; for (i = 1; i <= NF; i++) {f = $$i; gsub(/\\/, "&&", f); gsub(/"/, "\\\"", f); s = s ", \"" f "\""} print "X(" s ")"}' $< > $@
$(LIB_OBJ): ALL_CFLAGS += -I$(BUILD)/gen/data
$(LIB_OBJ): | $(DATA_INC) $(DATA_ALT) $(DATA_RE)
$(BUILD)/obj/extractors/targets.o $(BUILD)/obj/extractors/references.o $(BUILD)/obj/extractors/assign_data.o \
$(BUILD)/obj/pipeline/segment/signature.o: $(DATA_INC)

# Legacy Vietnamese font encodings (pipeline/ingest/data/legacy-*.txt:
# letter, tab, hex bytes) become X("letter", "\xHH...") rows for legacy.c,
# in their own folder: the rule above also makes gen/data/legacy-*.inc,
# with the hex as text.
LEGACY_INC := $(patsubst pipeline/ingest/data/%.txt,$(BUILD)/gen/legacy/%.inc,$(wildcard pipeline/ingest/data/legacy-*.txt))
$(BUILD)/gen/legacy/%.inc: pipeline/ingest/data/%.txt
	@mkdir -p $(dir $@)
	awk -F'\t' '/^[ \t]*(#|$$)/ {next} {n = split($$2, h, " "); b = ""; for (i = 1; i <= n; i++) b = b "\\x" h[i]; print "X(\"" $$1 "\", \"" b "\")"}' $< > $@
$(BUILD)/obj/pipeline/ingest/legacy.o: $(LEGACY_INC)
$(BUILD)/obj/pipeline/ingest/legacy.o: ALL_CFLAGS += -I$(BUILD)/gen

test-unit: $(TEST_BIN)
	@sh tests/run_unit.sh $(BUILD)

# The golden test scores against the shared gold; it stores no outputs, so
# there is nothing to regenerate: its floors (tests/golden/thresholds.json)
# are raised by hand.
test-golden: $(BUILD)/vanban
	@sh tests/run_golden.sh $(BUILD)

# Integration suites: each tests/<suite>/run.sh takes the build directory.
SUITES ?= schema batch compare hostile extract realdev cli eqcheck
test-suites: $(BUILD)/vanban
	@set -e; for s in $(SUITES); do \
	    if [ -f tests/$$s/run.sh ]; then echo "== $$s ($(BUILD))"; bash tests/$$s/run.sh $(BUILD); \
	    else echo "== $$s: no tests/$$s/run.sh"; fi; done

# Habits: cppcheck finds no warning (a finding is fixed, or suppressed inline
# with `cppcheck-suppress ID` under a comment saying why), and the sources
# are as clang-format (.clang-format) leaves them.  `make format` applies it;
# `make format-check` (or `make format CHECK=1`) only checks.
C_FILES := $(sort $(wildcard pipeline/*.[ch] pipeline/*/*.[ch] extractors/*.[ch] tests/unit/*.[ch] \
             tests/bench/*.[ch] tests/fuzz/*.[ch]))
FORMAT_FILES := $(filter-out $(FORMAT_EXCLUDE),$(C_FILES))
CPPCHECK ?= cppcheck
CLANG_FORMAT ?= clang-format
lint:
	@$(CPPCHECK) -q --std=c11 --enable=warning,portability,performance --inline-suppr \
	    --suppress=missingIncludeSystem -DPCRE2_CODE_UNIT_WIDTH=8 -Ipipeline --error-exitcode=1 \
	    --template='{file}:{line}: {severity} ({id}): {message}' pipeline extractors tests/unit tests/bench tests/fuzz
	@echo "lint: cppcheck clean"
ifeq ($(CHECK),1)
format: format-check
else
format:
	@$(CLANG_FORMAT) -i $(FORMAT_FILES)
endif
format-check:
	@$(CLANG_FORMAT) --dry-run --Werror $(FORMAT_FILES)
	@echo "format: $(words $(FORMAT_FILES)) files as clang-format leaves them"

# Lint and format, the whole suite, then again under ASan+UBSan in
# build-san/, then a short run of each fuzz harness.
# The sanitizer pass builds on both cores first (its tests then run one
# suite at a time), and leaves out the 100 MB file and most of the 5,000-
# input archive: it looks for memory errors, which the plain pass's sizes
# would only make slower to find; the plain pass holds the memory bound.
test: all
	@$(MAKE) --no-print-directory lint format-check
	@$(MAKE) --no-print-directory test-unit test-golden test-suites
	@$(MAKE) --no-print-directory -j2 SAN=1 BUILD=$(BUILD)-san OPT=-O1 all $(TEST_BIN:$(BUILD)/%=$(BUILD)-san/%)
	@HOSTILE_BIG=0 VB_BATCH_BOXES=20 $(MAKE) --no-print-directory SAN=1 BUILD=$(BUILD)-san OPT=-O1 test-unit test-golden test-suites SUITES="batch hostile"
	@if [ -f tests/fuzz/run.sh ]; then sh tests/fuzz/run.sh $${FUZZ_SECONDS:-10}; fi

# Benchmark (not a test: never fails on timing): tests/bench/run.sh.
bench: $(BUILD)/vanban
	@sh tests/bench/run.sh $(BUILD)

# libFuzzer harnesses (clang): FUZZ_SECONDS per harness (default 60).
fuzz:
	@sh tests/fuzz/run.sh $${FUZZ_SECONDS:-60}

install: $(BUILD)/vanban
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/vanban/schemas
	install -m 755 $(BUILD)/vanban $(DESTDIR)$(PREFIX)/bin/vanban
	install -m 644 schemas/* $(DESTDIR)$(PREFIX)/share/vanban/schemas/
	install -d $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 docs/vanban.1 $(DESTDIR)$(PREFIX)/share/man/man1/vanban.1

clean:
	rm -rf $(BUILD) $(BUILD)-san build-fuzz

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
