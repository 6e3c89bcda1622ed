# cpslint — build, test, install.
#   make            build build/cpslint
#   make demo       install missing build deps, build, run cpslint on a bundled sample
#   make check      install missing build and test deps, build, run every test
#   make check-asan the same tests with AddressSanitizer + UBSan
#   make bench      timing ratios against xmllint on the same files
#   make accuracy   score cpslint against the reviewer's verdicts
#                   (../shared/corpus/VERDICTS.tsv, tests/accuracy/)
#   make fuzz       build the libFuzzer harnesses (build-fuzz/) and run each
#                   for FUZZ_SECONDS (default 60); crashes land in build-fuzz/
#   make check-valgrind  unit tests and CLI cases under valgrind memcheck
#   make install PREFIX=/usr/local DESTDIR=

PREFIX  ?= /usr/local
BINDIR   = $(PREFIX)/bin
DATADIR  = $(PREFIX)/share/cpslint
MANDIR   = $(PREFIX)/share/man/man1
VERSION  = 0.1.0

BUILD   ?= build
V       ?= 0
Q        = $(if $(filter 1,$(V)),,@)
CC      ?= cc
PKGS     = libxml-2.0 icu-uc icu-i18n libpcre2-8 libcmark-gfm
OPT     ?= -O2
CFLAGS  ?= $(OPT) -g
CFLAGS  += -std=c11 -D_XOPEN_SOURCE=700 -Wall -Wextra -Werror -Wshadow \
           -Wstrict-prototypes -Wmissing-prototypes -Wformat=2
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CPPFLAGS += -pthread -DCPSLINT_VERSION='"$(VERSION)"' -DCPSLINT_DATADIR='"$(DATADIR)"' $(PKG_CFLAGS)
# The table extension is a separate library; Debian's libcmark-gfm.pc names
# it, upstream's does not (and it has no .pc of its own).
CMARK_EXT := $(if $(findstring -lcmark-gfm-extensions,$(PKG_LIBS)),,-lcmark-gfm-extensions)
LDLIBS  += $(PKG_LIBS) $(CMARK_EXT) -lm -pthread

SRCS    := $(filter-out src/main.c,$(wildcard src/*.c))
OBJS    := $(SRCS:src/%.c=$(BUILD)/obj/%.o)
DEPS    := $(OBJS:.o=.d) $(BUILD)/obj/main.d
LIB     := $(BUILD)/libcpslint.a
BIN     := $(BUILD)/cpslint

UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)

# libFuzzer harnesses (fuzz/README.md), built with clang against the
# project compiled with -fsanitize=fuzzer-no-link,address,undefined.
FUZZ_CC      ?= clang-14
FUZZ_TARGETS  = html markdown rules cli
FUZZ_BINS    := $(FUZZ_TARGETS:%=$(BUILD)/fuzz_%)
FUZZ_SECONDS ?= 60
FUZZ_CFLAGS   = -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined \
                -fno-sanitize-recover=all

.PHONY: deb all deps deps-test demo check check-asan check-valgrind test unit bench accuracy install \
        uninstall clean docs fuzz fuzz-build fuzz-bins

all: $(BIN)

$(BUILD)/obj/%.o: src/%.c | $(BUILD)/obj
	@$(if $(Q),echo '  CC      $<')
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

$(LIB): $(OBJS)
	$(Q)rm -f $@ && ar rcs $@ $^

$(BIN): $(BUILD)/obj/main.o $(LIB)
	@$(if $(Q),echo '  LINK    $@')
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(LIB) | $(BUILD)/tests
	@$(if $(Q),echo '  TEST    $@')
	$(Q)$(CC) $(CPPFLAGS) -Isrc $(CFLAGS) -Wno-missing-prototypes $(LDFLAGS) -o $@ $< $(LIB) \
	  $(LDLIBS) $$(pkg-config --libs cmocka)

$(BUILD)/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz_common.h $(LIB)
	@$(if $(Q),echo '  FUZZ    $@')
	$(Q)$(CC) $(CPPFLAGS) -Isrc -DCPSLINT_SRCDIR='"$(CURDIR)"' $(CFLAGS) -Wno-missing-prototypes \
	  -fsanitize=fuzzer $(LDFLAGS) -o $@ $< $(LIB) $(LDLIBS)

fuzz-bins: $(FUZZ_BINS)

# LD_PRELOAD fault injection for tests/fault.sh; never sanitized itself.
$(BUILD)/tests/inject_faults.so: tests/fault/inject_faults.c | $(BUILD)/tests
	@$(if $(Q),echo '  SHIM    $@')
	$(Q)$(CC) -O1 -g -Wall -Wextra -Werror -fPIC -shared -o $@ $< -ldl

$(BUILD)/obj $(BUILD)/tests:
	mkdir -p $@

-include $(DEPS)

# Install what is missing (apt-get, as root); quiet when nothing is.
# deps: building and running; deps-test: that and the test tools.
deps:
	@sh scripts/deps.sh

deps-test:
	@sh scripts/deps.sh test

demo: deps
	@$(MAKE) --no-print-directory all
	@sh scripts/demo.sh $(BIN)

unit: $(UNIT_BINS) $(BUILD)/tests/inject_faults.so

test: $(BIN) $(UNIT_BINS) $(BUILD)/tests/inject_faults.so
	@sh tests/run.sh $(BUILD)

# make check also builds the fuzzing harnesses and runs each briefly.
check: deps-test
	@$(MAKE) --no-print-directory fuzz-build
	@CPSLINT_FUZZ_BUILD=build-fuzz $(MAKE) --no-print-directory test

check-asan: deps-test
	@$(MAKE) --no-print-directory BUILD=build-asan OPT=-O1 \
	  CFLAGS_EXTRA= \
	  CFLAGS="-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all" \
	  LDFLAGS="-fsanitize=address,undefined" test

# The tests again under valgrind memcheck (tests/valgrind.supp).
check-valgrind: deps-test
	@$(MAKE) --no-print-directory BUILD=build-valgrind OPT=-O1 all unit
	@VALGRIND=1 sh tests/run.sh build-valgrind

fuzz-build: deps-test
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=$(FUZZ_CC) CFLAGS="$(FUZZ_CFLAGS)" \
	  LDFLAGS="-fsanitize=address,undefined" fuzz-bins

fuzz: fuzz-build
	@sh scripts/fuzz.sh build-fuzz run $(FUZZ_SECONDS)

bench: deps-test
	@$(MAKE) --no-print-directory BUILD=build-release OPT=-O2 all
	@sh scripts/bench.sh build-release/cpslint

# A benchmark-style report, not part of make check's count: exits 1 on a
# disagreement with the reviewer not explained in tests/accuracy/known.tsv.
accuracy: $(BIN)
	@python3 scripts/accuracy.py $(BIN)

# docs/rules.md from the rulesets; the README's pictures of the HTML
# reports (docs/img/, headless Chromium).
docs: $(BIN)
	@sh scripts/gen-docs.sh $(BIN)
	@python3 tests/browser/shots.py $(BIN) docs/img

BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  = $(PREFIX)/share/zsh/site-functions

# The binary finds its data as PREFIX/share/cpslint beside its bin/, so a
# tree installed with any PREFIX or DESTDIR, then moved, still works.
install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/rulesets $(DESTDIR)$(MANDIR) \
	  $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/cpslint
	install -m 644 rulesets/*.rules rulesets/*.outline $(DESTDIR)$(DATADIR)/rulesets/
	install -m 644 docs/cpslint.1 $(DESTDIR)$(MANDIR)/cpslint.1
	install -m 644 completions/cpslint.bash $(DESTDIR)$(BASHCOMPDIR)/cpslint
	install -m 644 completions/_cpslint $(DESTDIR)$(ZSHCOMPDIR)/_cpslint

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/cpslint $(DESTDIR)$(MANDIR)/cpslint.1 \
	  $(DESTDIR)$(BASHCOMPDIR)/cpslint $(DESTDIR)$(ZSHCOMPDIR)/_cpslint
	rm -rf $(DESTDIR)$(DATADIR)

# A Debian package with the standard tools (debian/): ../cpslint_*.deb.
deb:
	dpkg-buildpackage -us -uc -b

clean:
	rm -rf build build-asan build-release build-fuzz build-valgrind
