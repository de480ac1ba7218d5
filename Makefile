# apigen: `make generate` regenerates Generated/ from docs/, `make test` runs every check.
SHELL := /bin/bash
SWIFT ?= swift
BIN := $(shell $(SWIFT) build --show-bin-path 2>/dev/null || echo .build/debug)
APIGEN := $(BIN)/apigen
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

# What generation depends on: the pages, and the generator (not the runtime the client uses).
DOCS_FILES := $(shell find docs -type f 2>/dev/null)
GENERATOR_SOURCES := Package.swift $(shell find Sources -name '*.swift' -not -path 'Sources/APIGenRuntime/*' 2>/dev/null)
STAMP := .build/generate.stamp

.PHONY: generate test golden bench deps cmark test-tools clean fuzz

generate: $(STAMP)

$(STAMP): $(DOCS_FILES) $(GENERATOR_SOURCES) | cmark
	$(SWIFT) build --product apigen
	$(APIGEN) generate --docs docs --output Generated
	@mkdir -p $(dir $@) && touch $@

# libcmark-dev from Debian, installed only when pkg-config cannot find it.
cmark:
	@pkg-config --exists libcmark || { \
	  echo "Installing libcmark-dev"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcmark-dev >/dev/null; }

# Tools the tests use, installed when missing.
test-tools: cmark
	@python3 -c 'import openapi_spec_validator' 2>/dev/null || \
	  python3 -m pip install --quiet openapi-spec-validator

test: test-tools
	$(SWIFT) build
	set -o pipefail; $(SWIFT) test 2>&1 | tee .build/test.log
	python3 -m openapi_spec_validator Generated/openapi.json
	$(SWIFT) format lint --strict --recursive Generated/Swift
	@# One closing line that counts the Swift Testing and XCTest results together.
	@passed=$$(sed -n 's/.*Test run with \([0-9]*\) tests\{0,1\} .*passed.*/\1/p' .build/test.log | tail -1); \
	  echo "tests: $${passed:-0} passed, 0 failed"

# Re-records the golden files of Tests/Golden from the current generator.
golden: cmark
	APIGEN_RECORD_GOLDEN=1 $(SWIFT) test --filter GoldenTests

# libFuzzer over Markdown → model → emitters (Fuzz/, a package of its own), for FUZZ_SECONDS.
# Seeds: every golden case's pages and the robustness fixtures; the corpus it grows stays in
# Fuzz/.corpus, crashing inputs land in Fuzz/.artifacts (turn each into a fixture in
# Tests/RobustnessTests/Fixtures/fuzz). -timeout makes a slow input a failure too.
FUZZ_SECONDS ?= 60
FUZZ_ARGS ?=
# One -sanitize list: a second -sanitize flag drops the first's coverage instrumentation.
# lld: ld.gold fails on the sanitizers' objects ("internal error in format_file_lineno").
FUZZ_FLAGS := -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
fuzz: cmark
	@# The main package's pins, when there are any, so that both build the same dependencies.
	@if [ -f Package.resolved ]; then cp Package.resolved Fuzz/Package.resolved; fi
	$(SWIFT) build --package-path Fuzz -c release --product fuzz-pipeline $(FUZZ_FLAGS)
	@mkdir -p Fuzz/.corpus Fuzz/.artifacts
	@# No Swift backtracer: it reads memory ASan reports on, hiding the real failure.
	SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 Fuzz/.build/release/fuzz-pipeline Fuzz/.corpus \
	  $(wildcard Tests/Golden/*/docs) Tests/RobustnessTests/Fixtures \
	  -dict=Fuzz/markdown.dict -max_total_time=$(FUZZ_SECONDS) -timeout=10 -max_len=16384 \
	  -rss_limit_mb=4096 -artifact_prefix=Fuzz/.artifacts/ -print_final_stats=1 $(FUZZ_ARGS)

clean:
	rm -rf .build
