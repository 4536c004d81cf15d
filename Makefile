# grantledger — build, test and demo entry points. `make help` lists them.
#
# Every target installs what it needs first, and does so cheaply when it is already there: a
# dpkg-query or a `command -v` per package, with `apt-get update` only when something is missing.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

# Tests read CI to decide whether a missing oracle is a skip (a laptop) or a failure (CI);
# pass it on whether it came from the environment or the command line (`make test CI=true`).
ifdef CI
export CI
endif

SWIFT ?= swift
RELEASE_BIN := .build/release/grantledger
# Release builds drop Swift's run-time exclusivity checks; debug builds and tests keep them. Measured
# with callgrind on `check` of a generated 100,000-transaction ledger (22 MB, Tests/Benchmarks/bench.py):
# 1,043 M instructions unchecked against 1,498 M checked (the checks cost 1.44x). It is a build
# option here rather than an unsafe flag in Package.swift, so the package can still be used as a
# dependency. `make build RELEASE_FLAGS=` builds with the checks on.
RELEASE_FLAGS ?= -Xswiftc -enforce-exclusivity=unchecked
ORACLE_DIR := Tests/tools/xlsx-oracle

# Debian packages: root installs directly, anyone else through sudo.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_GET := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get

# $(call apt_ensure,PKG...): install whichever of the Debian packages PKG... are not installed.
define apt_ensure
missing=""; \
for pkg in $(1); do \
  dpkg-query -W -f='$${Status}' "$$pkg" 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$pkg"; \
done; \
if [ -n "$$missing" ]; then \
  echo "make: installing$$missing"; \
  $(APT_GET) update -qq; \
  $(APT_GET) install -y -qq --no-install-recommends $$missing; \
fi
endef

# $(call python_ensure,MODULE,DEBIAN-PACKAGE,PIP-NAME): the module for whichever python3 is first on
# PATH, the one the oracle scripts run under: Debian's package for the system interpreter (whose pip
# is externally managed), pip for any other (pyenv); then checks it imports.
define python_ensure
python3 -c 'import $(1)' 2>/dev/null || { \
  if [ "$$(python3 -c 'import sys; print(sys.prefix)')" = /usr ]; then \
    $(call apt_ensure,$(2)); \
  else \
    echo "make: pip install $(3)"; python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore $(3); \
  fi; \
  python3 -c 'import $(1)'; }
endef

# Demo settings. `make demo` also writes the committee workbook (DEMO_EXPORT=0 to skip it), with
# the shipped 2021-22 NWPS scenarios on sheets of their own and compared.
# Tests/GrantLedgerCLITests/ExportXlsxTests.swift exports the same workbook (keep DEMO_ALLOCATION
# and its `demoArguments` in step).
DEMO_EXPORT ?= 1
DEMO_AS_OF ?= 2026-11-25
DEMO_FY ?= 2019-20
DEMO_XLSX ?= out/committee.xlsx
DEMO_ALLOCATION ?= --scenario examples/scenarios/nwps-2021-22-thirds.scenario \
  --scenario examples/scenarios/nwps-2021-22-crime-heavier.scenario \
  --scenario examples/scenarios/nwps-2021-22-damped.scenario

.PHONY: help deps test-deps bench-deps build demo test bench clean fuzz fuzz-build fuzz-regression install uninstall

# `make install`: the binary, its manual page and bash, zsh and fish completions under PREFIX, all
# inside DESTDIR when it is set (a package build's staging folder). `make uninstall` takes them out.
PREFIX ?= /usr/local
BINDIR = $(DESTDIR)$(PREFIX)/bin
MAN1DIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASH_COMPLETIONS = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSH_COMPLETIONS = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISH_COMPLETIONS = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
# The manual page is dated by the last commit, so two installs of one commit give the same bytes.
MAN_DATE := $(shell git log -1 --format=%cs 2>/dev/null || date -u +%F)
MAN_PAGE := .build/man/grantledger.1
# Installing to /usr/local needs root: sudo when not root and the folder is not writable.
INSTALL_SUDO = $(shell [ -w "$(DESTDIR)$(PREFIX)" ] || [ "$$(id -u)" = 0 ] || echo sudo)

help:
	@echo "make deps       install libxlsxwriter-dev, pkg-config, zlib1g-dev (ZIPFoundation) and libxml2 (Debian) if missing"
	@echo "make test-deps  deps + hledger, openpyxl, icalendar, LibreOffice Calc (the workbook oracle)"
	@echo "make build      release build of the grantledger executable"
	@echo "make demo       build, check the ledgers, print the 2019-20 grants, write out/committee.xlsx"
	@echo "make test       test-deps, debug build, every test (non-zero exit on any failure)"
	@echo "make bench      release build, peers (ledger, hledger, XlsxWriter, a C libxlsxwriter floor), then the benchmark tables"
	@echo "                and issue 16's targets, also written to .build/bench/results.md (BENCH_ARGS: e.g. --only export)"
	@echo "make fuzz       build the libFuzzer harnesses, fuzz each for FUZZ_SECONDS (default 60); fails on any crash, leak or input over 1 s"
	@echo "make install    release build, then install grantledger, its man page and bash/zsh/fish completions (PREFIX=/usr/local, DESTDIR)"
	@echo "make uninstall  remove what make install installed (same PREFIX and DESTDIR)"
	@echo "make clean      remove build products and demo output"

deps:
	@$(call apt_ensure,libxlsxwriter-dev pkg-config zlib1g-dev libxml2)

test-deps: deps
	@command -v hledger >/dev/null || { $(call apt_ensure,hledger); }
	@$(call python_ensure,openpyxl,python3-openpyxl,openpyxl)
	@$(call python_ensure,icalendar,python3-icalendar,icalendar)
	@command -v soffice >/dev/null || { $(call apt_ensure,libreoffice-calc-nogui); command -v soffice >/dev/null; }
	@[ -d "$(ORACLE_DIR)" ] || echo "make: note: workbook oracle not found at $(ORACLE_DIR)"

# The peers the benchmarks compare against; each is skipped by the benchmark if it cannot be had.
bench-deps: deps
	@command -v ledger >/dev/null || { $(call apt_ensure,ledger); }
	@command -v hledger >/dev/null || { $(call apt_ensure,hledger); }
	-@$(call python_ensure,xlsxwriter,python3-xlsxwriter,XlsxWriter)
	@# The export's floor, Tests/Benchmarks/spend_floor.c, is C calling libxlsxwriter; without them its row is skipped.
	-@command -v cc >/dev/null || { $(call apt_ensure,gcc); }
	-@$(call apt_ensure,libxlsxwriter-dev)

build: deps
	$(SWIFT) build -c release $(RELEASE_FLAGS)

demo: build
	$(RELEASE_BIN) check ledgers/
	$(RELEASE_BIN) report grants --fy $(DEMO_FY)
ifeq ($(DEMO_EXPORT),1)
	@mkdir -p $(dir $(DEMO_XLSX))
	$(RELEASE_BIN) export --xlsx $(DEMO_XLSX) --as-of $(DEMO_AS_OF) $(DEMO_ALLOCATION)
	@echo "committee workbook written to $(abspath $(DEMO_XLSX))"
endif

install: build
	@# The manual page is written by swift-argument-parser's generate-manual from the binary just
	@# built; built with the same flags, it reuses that build's ArgumentParser rather than a second
	@# release build of the package (which the package plugin would make).
	$(SWIFT) build -c release $(RELEASE_FLAGS) --product generate-manual
	@mkdir -p .build/man
	.build/release/generate-manual $(RELEASE_BIN) --date $(MAN_DATE) --section 1 --output-directory .build/man
	@# A blank line in a help text (a paragraph break) is copied as an empty mdoc line, which man
	@# warns about on every page view: it becomes mdoc's paragraph macro.
	sed 's/^$$/.Pp/' $(MAN_PAGE) > $(MAN_PAGE).tmp && mv $(MAN_PAGE).tmp $(MAN_PAGE)
	@mkdir -p .build/completions
	$(RELEASE_BIN) --generate-completion-script bash > .build/completions/grantledger.bash
	$(RELEASE_BIN) --generate-completion-script zsh > .build/completions/_grantledger
	$(RELEASE_BIN) --generate-completion-script fish > .build/completions/grantledger.fish
	$(INSTALL_SUDO) install -d "$(BINDIR)" "$(MAN1DIR)" "$(BASH_COMPLETIONS)" "$(ZSH_COMPLETIONS)" "$(FISH_COMPLETIONS)"
	$(INSTALL_SUDO) install -m 755 $(RELEASE_BIN) "$(BINDIR)/grantledger"
	$(INSTALL_SUDO) install -m 644 $(MAN_PAGE) "$(MAN1DIR)/grantledger.1"
	$(INSTALL_SUDO) install -m 644 .build/completions/grantledger.bash "$(BASH_COMPLETIONS)/grantledger"
	$(INSTALL_SUDO) install -m 644 .build/completions/_grantledger "$(ZSH_COMPLETIONS)/_grantledger"
	$(INSTALL_SUDO) install -m 644 .build/completions/grantledger.fish "$(FISH_COMPLETIONS)/grantledger.fish"
	@echo "installed $(BINDIR)/grantledger, its manual page (man grantledger) and shell completions"

uninstall:
	$(INSTALL_SUDO) rm -f "$(BINDIR)/grantledger" "$(MAN1DIR)/grantledger.1" "$(BASH_COMPLETIONS)/grantledger" \
	  "$(ZSH_COMPLETIONS)/_grantledger" "$(FISH_COMPLETIONS)/grantledger.fish"
	@echo "removed grantledger from $(DESTDIR)$(PREFIX)"

# Tests whose oracle is missing are skipped (a failure under CI) and listed at the end, pass or fail.
test: test-deps
	$(SWIFT) build --build-tests
	@rm -rf .build/test-skips
	$(SWIFT) test || { status=$$?; Tests/tools/report_skips.sh; exit $$status; }
	$(MAKE) --no-print-directory fuzz-regression || { status=$$?; Tests/tools/report_skips.sh; exit $$status; }
	@Tests/tools/report_skips.sh

# Coverage-guided fuzzing (Tests/Fuzz: harnesses, seed corpora, dictionaries; README "Fuzzing").
# Builds, corpora grown by fuzzing, crashes and logs live in $(FUZZ_DIR), outside git.
FUZZ_SECONDS ?= 60
FUZZ_DIR ?= .build-fuzz
# `make test` replays the committed corpus and mutates it for this many executions per harness: a
# regression check, not a search. The build is debug there: it compiles in half the time, and a
# few thousand executions do not need speed.
FUZZ_REGRESSION_RUNS ?= 2000
FUZZ_REGRESSION_CONFIG ?= debug
export FUZZ_DIR

fuzz-build:
	Tests/Fuzz/run.sh build

fuzz: fuzz-build
	FUZZ_SECONDS=$(FUZZ_SECONDS) Tests/Fuzz/run.sh fuzz

fuzz-regression:
	FUZZ_CONFIG=$(FUZZ_REGRESSION_CONFIG) Tests/Fuzz/run.sh build
	FUZZ_CONFIG=$(FUZZ_REGRESSION_CONFIG) FUZZ_REGRESSION_RUNS=$(FUZZ_REGRESSION_RUNS) Tests/Fuzz/run.sh regression

# Speed is measured and printed here, never asserted in tests: a slow machine fails nothing.
bench: bench-deps build
	python3 Tests/Benchmarks/bench.py $(BENCH_ARGS)

clean:
	rm -rf .build out $(FUZZ_DIR)
