# One library from common/, five tools against it, unit tests against it.
include config.mk

TOOLS      = pgpage pgwal pgbtree pgfsm pgvm
LIB        = $(BUILD)/libpgondisk.a
COMMON_SRC = $(sort $(wildcard common/*/*.c))
COMMON_HDR = $(wildcard common/*/*.h)
COMMON_OBJ = $(COMMON_SRC:%.c=$(BUILD)/%.o)
TOOL_BIN   = $(TOOLS:%=$(BUILD)/bin/%)
UNIT_SRC   = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN   = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRC   = $(sort $(wildcard tests/fuzz/fuzz_*.c))

.PHONY: all check check-asan asan unit damage golden-update bench install uninstall clean lint-man fuzz fuzz-smoke

all: $(TOOL_BIN)

$(BUILD)/common/%.o: common/%.c $(COMMON_HDR) config.mk
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(CFLAGS_$(*F)) -Icommon -c -o $@ $<

$(LIB): $(COMMON_OBJ)
	@rm -f $@
	$(AR) rcs $@ $(COMMON_OBJ)

# pgpage's whole-cluster mode lives in files of its own beside it.
PGPAGE_SRC = tools/pgpage.c $(sort $(wildcard tools/pgpage_*.c))
$(BUILD)/bin/pgpage: $(PGPAGE_SRC) $(wildcard tools/pgpage_*.h) $(LIB) $(COMMON_HDR)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Icommon -Itools -o $@ $(PGPAGE_SRC) $(LIB) $(LDLIBS)

$(BUILD)/bin/%: tools/%.c $(LIB) $(COMMON_HDR)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Icommon -o $@ $< $(LIB) $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(LIB) $(COMMON_HDR) tests/unit/*.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Icommon -Itests/unit -o $@ $< $(LIB) $(LDLIBS) $(TEST_LDLIBS)

unit: $(UNIT_BIN) $(BUILD)/tests/mutate

# The damage sweep's generator (tests/damage): built with the unit tests,
# so that tests/run.sh finds it beside them; never with sanitizers (it
# writes 16 MB WAL copies thousands of times, and is not under test).
$(BUILD)/tests/mutate: tests/damage/mutate.c common/page/checksum.c common/page/checksum.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -std=c11 $(WARN) -O2 $(CFLAGS_checksum) -Icommon -o $@ tests/damage/mutate.c common/page/checksum.c -lz

# The whole suite: unit, CLI, golden, oracle, man lint, and the unit and
# damage tests again under ASan+UBSan.  Ends with one summary line.  The
# two builds use both cores (-j2) whatever make was called with.
check:
	@$(MAKE) --no-print-directory -j2 all unit
	@$(MAKE) --no-print-directory -j2 asan
	@sh tests/run.sh $(BUILD) build-asan

asan:
	@$(MAKE) --no-print-directory BUILD=build-asan OPT="-O1 -g -fno-omit-frame-pointer" \
		SAN="-fsanitize=address,undefined -fno-sanitize-recover=all" all unit

check-asan: asan
	@sh tests/run.sh build-asan

# The damage sweep: DAMAGE_CASES runs (default 20000) of every tool on
# damaged copies of every fixture file kind, under ASan+UBSan, from
# DAMAGE_SEED (default 1), DAMAGE_JOBS at a time (default 2).
damage:
	@$(MAKE) --no-print-directory asan
	@sh tests/damage/run.sh build-asan

golden-update: all
	@sh tests/golden/update.sh $(BUILD)

bench: all
	@sh tests/bench/run.sh $(BUILD)

lint-man:
	@for m in man/*.1 man/*.7; do mandoc -T lint -W warning $$m || exit 1; done

# libFuzzer targets (clang): FUZZ_SECONDS each (default 60); fuzz-smoke
# runs each for 3 seconds, so a target that no longer builds or crashes
# at once is caught.  Both build into build-fuzz (FUZZ_BUILD).
fuzz:
	@sh tests/fuzz/run.sh

fuzz-smoke:
	@FUZZ_SECONDS=3 sh tests/fuzz/run.sh

install: all
	mkdir -p $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(MANPREFIX)/man1
	for t in $(TOOLS); do cp -f $(BUILD)/bin/$$t $(DESTDIR)$(PREFIX)/bin/ && chmod 755 $(DESTDIR)$(PREFIX)/bin/$$t; done
	for t in $(TOOLS); do cp -f man/$$t.1 $(DESTDIR)$(MANPREFIX)/man1/ && chmod 644 $(DESTDIR)$(MANPREFIX)/man1/$$t.1; done
	mkdir -p $(DESTDIR)$(MANPREFIX)/man7
	cp -f man/pgondisk.7 $(DESTDIR)$(MANPREFIX)/man7/ && chmod 644 $(DESTDIR)$(MANPREFIX)/man7/pgondisk.7

uninstall:
	for t in $(TOOLS); do rm -f $(DESTDIR)$(PREFIX)/bin/$$t $(DESTDIR)$(MANPREFIX)/man1/$$t.1; done
	rm -f $(DESTDIR)$(MANPREFIX)/man7/pgondisk.7

clean:
	rm -rf build build-asan build-clang build-fuzz
