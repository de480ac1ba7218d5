# apigen: `make generate` regenerates Generated/ from docs/, `make test` runs every check.
SHELL := /bin/bash
SWIFT ?= swift
BIN := $(shell $(SWIFT) build --show-bin-path 2>/dev/null || echo .build/debug)
APIGEN := $(BIN)/apigen
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

# What generation depends on: the generator (not the runtime the client uses, nor the mock
# server, a product of its own so that `swift build --product apigen` does not build Hummingbird
# and SwiftNIO), and every file and folder apigen read the last time, which it lists in DEPFILE
# (--depfile): the pages, mkdocs.yml, included files, and the folders, whose time changes when a
# page is added or removed.
GENERATOR_SOURCES := Package.swift $(shell find Sources -name '*.swift' -not -path 'Sources/APIGenRuntime/*' \
  -not -path 'Sources/MockServer/*' -not -path 'Sources/apigen-mock/*' 2>/dev/null)
STAMP := .build/generate.stamp
DEPFILE := .build/generate.d

.PHONY: generate test golden bench deps cmark test-tools clean fuzz example

generate: $(STAMP)

$(STAMP): $(GENERATOR_SOURCES) | cmark
	$(SWIFT) build --product apigen
	$(APIGEN) generate --docs docs --output Generated --depfile $(DEPFILE) --depfile-target $(STAMP)
	@mkdir -p $(dir $@) && touch $@

-include $(DEPFILE)

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
	@# The history test reads some 190 versions of the docs on both cores for minutes: it runs
	@# alone, after the others, so that it cannot starve the tests that wait on servers.
	set -o pipefail; $(SWIFT) test --skip HistoryTests 2>&1 | tee .build/test.log
	set -o pipefail; $(SWIFT) test --filter HistoryTests 2>&1 | tee .build/history-test.log
	python3 -m openapi_spec_validator Generated/openapi.json
	$(SWIFT) format lint --strict --recursive Generated/Swift
	$(MAKE) --no-print-directory example
	@# One closing line with what each framework counted (the line is reached only when
	@# `swift test` passed: a failure stops make above, with the framework's own report).
	@count() { sed -n 's/.*Test run with \([0-9]*\) tests\{0,1\} .*passed.*/\1/p' $$1 | tail -1; }; \
	  main=$$(count .build/test.log); history=$$(count .build/history-test.log); \
	  swifttesting=$$(( $${main:-0} + $${history:-0} )); \
	  xctest=$$(sed -n "s/.*Executed \([0-9]*\) tests\{0,1\}, with \([0-9]*\) failures\{0,1\} .*/\1 run, \2 failed/p" .build/test.log | tail -1); \
	  echo "tests: Swift Testing $${swifttesting:-0} passed; XCTest $${xctest:-0 run, 0 failed}"

# The example consumer (Examples/SeedLibrary, a package of its own that depends on this one by
# path) built with the plugins and tested against apigen-mock; see Examples/check-seed-library.sh.
example: cmark
	$(SWIFT) build --product apigen-mock
	SWIFT=$(SWIFT) Examples/check-seed-library.sh $(BIN)/apigen-mock
	$(SWIFT) format lint --strict --recursive Examples/SeedLibrary/Sources/SeedLibraryCommitted/Generated

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

# Benchmarks of the corpus (../shared/corpus), each against a reference measured in the same run:
#  1. generating the corpus (parse, extract, emit, write) against reading it alone (`apigen stats`);
#  2. a clean debug build of the corpus client with the runtime, against the runtime alone with
#     a one-line module (the fixed cost of SwiftPM, the manifest and the runtime).
CORPUS ?= ../shared/corpus/navixy-2021/docs
BENCH := .build/bench
BENCH_RUNS ?= 5
BENCH_MANIFEST := // swift-tools-version: 6.2\nimport PackageDescription\nlet strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]\nlet package = Package(name: "Bench", platforms: [.macOS(.v15)], targets: [.target(name: "APIGenRuntime", swiftSettings: strict), .target(name: "GeneratedAPI", dependencies: ["APIGenRuntime"], swiftSettings: strict)])\n
bench: cmark
	@test -d $(CORPUS) || { echo "make bench needs the corpus at $(CORPUS)"; exit 1; }
	@command -v hyperfine >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq hyperfine >/dev/null; }
	$(SWIFT) build --product apigen
	rm -rf $(BENCH) && mkdir -p $(BENCH)
	hyperfine --warmup 1 --runs $$(( $(BENCH_RUNS) * 2 )) --prepare 'rm -rf $(BENCH)/out' \
	  -n 'read the corpus (apigen stats)' '$(APIGEN) stats --docs $(CORPUS)' \
	  -n 'generate the corpus' '$(APIGEN) generate --docs $(CORPUS) --output $(BENCH)/out'
	$(APIGEN) generate --docs $(CORPUS) --output $(BENCH)/out >/dev/null 2>&1 || true
	@for package in client reference; do \
	  mkdir -p $(BENCH)/$$package/Sources/GeneratedAPI && cp -R Sources/APIGenRuntime $(BENCH)/$$package/Sources/ && \
	  printf '$(BENCH_MANIFEST)' > $(BENCH)/$$package/Package.swift; done
	cp $(BENCH)/out/Swift/*.swift $(BENCH)/client/Sources/GeneratedAPI/
	echo 'import APIGenRuntime' > $(BENCH)/reference/Sources/GeneratedAPI/Empty.swift
	@echo "corpus client: $$(ls $(BENCH)/client/Sources/GeneratedAPI | wc -l) files, $$(cat $(BENCH)/client/Sources/GeneratedAPI/*.swift | wc -l) lines"
	hyperfine --runs $(BENCH_RUNS) --prepare 'rm -rf $(BENCH)/client/.build $(BENCH)/reference/.build' \
	  -n 'runtime alone, clean debug build' '$(SWIFT) build --package-path $(BENCH)/reference --target GeneratedAPI' \
	  -n 'corpus client, clean debug build' '$(SWIFT) build --package-path $(BENCH)/client --target GeneratedAPI'

clean:
	rm -rf .build
