# apigen: `make generate` regenerates Generated/ from docs/, `make test` runs every check.
SHELL := /bin/bash
SWIFT ?= swift
BIN := $(shell $(SWIFT) build --show-bin-path 2>/dev/null || echo .build/debug)
APIGEN := $(BIN)/apigen
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
# The mock server, as Make and the checks start it: the executable (a product of this package)
# and any arguments before the docs options, in one place.
MOCK_COMMAND := apigen-mock
MOCK := $(BIN)/$(MOCK_COMMAND)
MOCK_PRODUCT := $(firstword $(MOCK_COMMAND))

# What generation depends on: the generator (not the runtime the client uses, nor the mock
# server, a product of its own so that `swift build --product apigen` does not build Hummingbird
# and SwiftNIO), and every file and folder apigen read the last time, which it lists in DEPFILE
# (--depfile): the pages, mkdocs.yml, included files, and the folders, whose time changes when a
# page is added or removed.
GENERATOR_SOURCES := Package.swift $(shell find Sources -name '*.swift' -not -path 'Sources/APIGenRuntime/*' \
  -not -path 'Sources/MockServer/*' -not -path 'Sources/apigen-mock/*' 2>/dev/null)
STAMP := .build/generate.stamp
DEPFILE := .build/generate.d
# Generation builds the generator alone, in a build folder of its own, without debug information
# or an index (which only a debugger and an editor read): a fresh clone's `make generate` then
# compiles about a third of what a default build of the package did. `make test` builds in
# .build as usual.
GENERATOR_BUILD := .build/generator
GENERATOR := $(GENERATOR_BUILD)/debug/apigen

.PHONY: generate test golden bench deps cmark test-tools clean fuzz example schemathesis \
  interop corpus-openapi

generate: $(STAMP)

$(STAMP): $(GENERATOR_SOURCES) | cmark
	$(SWIFT) build --product apigen --scratch-path $(GENERATOR_BUILD) --disable-index-store -Xswiftc -gnone
	$(GENERATOR) generate --docs docs --output Generated --depfile $(DEPFILE) --depfile-target $(STAMP)
	@mkdir -p $(dir $@) && touch $@

-include $(DEPFILE)

# libcmark-dev from Debian, installed only when pkg-config cannot find it.
cmark:
	@pkg-config --exists libcmark || { \
	  echo "Installing libcmark-dev"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcmark-dev >/dev/null; }

# Tools the tests use, installed when missing (schemathesis at the version its checks were
# settled with).
SCHEMATHESIS_VERSION := 4.32.5
test-tools: cmark
	@python3 -c 'import openapi_spec_validator' 2>/dev/null || \
	  python3 -m pip install --quiet openapi-spec-validator
	@python3 -c 'import importlib.metadata as m, sys; sys.exit(m.version("schemathesis") != "$(SCHEMATHESIS_VERSION)")' \
	  2>/dev/null || python3 -m pip install --quiet schemathesis==$(SCHEMATHESIS_VERSION)

test: test-tools
	$(SWIFT) build
	@# The history test reads some 190 versions of the docs on both cores for minutes: it runs
	@# alone, after the others, so that it cannot starve the tests that wait on servers.
	set -o pipefail; $(SWIFT) test --skip HistoryTests 2>&1 | tee .build/test.log
	set -o pipefail; $(SWIFT) test --filter HistoryTests 2>&1 | tee .build/history-test.log
	python3 -m openapi_spec_validator Generated/openapi.json
	$(SWIFT) format lint --strict --recursive Generated/Swift
	$(MAKE) --no-print-directory example
	$(MAKE) --no-print-directory schemathesis
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
	$(SWIFT) build --product $(MOCK_PRODUCT)
	SWIFT=$(SWIFT) Examples/check-seed-library.sh $(MOCK)
	$(SWIFT) format lint --strict --recursive Examples/SeedLibrary/Sources/SeedLibraryCommitted/Generated

# Re-records the golden files of Tests/Golden from the current generator.
golden: cmark
	APIGEN_RECORD_GOLDEN=1 $(SWIFT) test --filter GoldenTests

# libFuzzer over Markdown → model → emitters (Fuzz/, a package of its own), for FUZZ_SECONDS.
# Seeds: every golden case's pages, the robustness fixtures and, where they are, the shared
# corpora's pages (read where they lie, never copied here); the corpus it grows stays in
# Fuzz/.corpus, crashing inputs land in Fuzz/.artifacts (turn each into a fixture in
# Tests/RobustnessTests/Fixtures/fuzz). -timeout makes a slow input a failure too.
# Per execution, what the run does not need is left out: libFuzzer's leak check (-detect_leaks=0,
# which runs an input again whenever its allocations do not balance) and ASan's stack of every
# allocation (malloc_context_size=0: a report still names the bad access and where it happened;
# rerun the artifact with a larger context for where the memory came from).
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
	SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0:malloc_context_size=0 \
	  Fuzz/.build/release/fuzz-pipeline Fuzz/.corpus \
	  $(wildcard Tests/Golden/*/docs) Tests/RobustnessTests/Fixtures $(wildcard ../shared/corpus/*/docs) \
	  -dict=Fuzz/markdown.dict -max_total_time=$(FUZZ_SECONDS) -timeout=10 -max_len=16384 -detect_leaks=0 \
	  -rss_limit_mb=4096 -artifact_prefix=Fuzz/.artifacts/ -print_final_stats=1 $(FUZZ_ARGS)

# The docs corpus (../shared/corpus) that the interop checks and the benchmarks read.
CORPUS ?= ../shared/corpus/navixy-2021/docs
INTEROP := .build/interop
CORPUS_OPENAPI := $(INTEROP)/corpus/openapi.json
PEER := Interop/swift-openapi-generator-check

# The corpus's openapi.json (generated here, never committed), for the tools that read it.
corpus-openapi: cmark
	@test -d $(CORPUS) || { echo "the interop checks need the corpus at $(CORPUS)"; exit 1; }
	$(SWIFT) build --product apigen
	@# apigen reports the corpus's warnings and succeeds; only a failure stops here.
	$(APIGEN) generate --docs $(CORPUS) --output $(INTEROP)/corpus 2>$(INTEROP).log || { cat $(INTEROP).log; exit 1; }
	@tail -1 $(INTEROP).log

# schemathesis (PyPI) runs every operation of the corpus's openapi.json against the mock serving
# the same docs, with every check but those the docs rule out (Interop/schemathesis/). Part of
# `make test`; skipped with a message where the corpus is missing, as the Swift tests are.
schemathesis: test-tools
	@if [ -d $(CORPUS) ]; then \
	  $(MAKE) --no-print-directory corpus-openapi && $(SWIFT) build --product $(MOCK_PRODUCT) && \
	  Interop/schemathesis/run.sh $(CORPUS_OPENAPI) $(CORPUS) $(MOCK); \
	else echo "schemathesis: skipped, the corpus $(CORPUS) is not there"; fi

# apple/swift-openapi-generator 1.14.3 generates types and a client from the corpus's
# openapi.json without a warning, and they compile: $(PEER), a package of its own. Slow (the
# generator's build, then 115,000 lines of Swift), so CI runs it after `make test`.
interop: test-tools corpus-openapi
	python3 -m openapi_spec_validator $(CORPUS_OPENAPI)
	SWIFT=$(SWIFT) $(PEER)/generate.sh $(CORPUS_OPENAPI)
	$(SWIFT) build --package-path $(PEER) --target OpenAPIRuntime
	@start=$$(date +%s); $(SWIFT) build --package-path $(PEER) --target PeerClient && \
	  echo "swift-openapi-generator's client compiled in $$(( $$(date +%s) - start )) s (debug)"

# Benchmarks of the corpus, each against a reference measured in the same run (bench/bench.py),
# written to bench/results/latest.md: generating the corpus with a release apigen against the
# cmark tool on the same pages (P1), and the corpus copied 1, 4 and 16 times, with peak memory
# (P2); generating the corpus against reading it alone; a clean
# debug build of the corpus client with the runtime against the runtime alone; and the client
# target's clean debug build against swift-openapi-generator's for the same openapi.json (P3,
# BENCH_PEER_RUNS alternating runs, with peak memory).
BENCH := .build/bench
BENCH_RUNS ?= 3
BENCH_PEER_RUNS ?= 3
bench: cmark
	@test -d $(CORPUS) || { echo "make bench needs the corpus at $(CORPUS)"; exit 1; }
	@command -v hyperfine >/dev/null && command -v cmark >/dev/null && test -x /usr/bin/time || { \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq hyperfine time cmark >/dev/null; }
	$(SWIFT) build --product apigen
	python3 bench/bench.py --swift $(SWIFT) --apigen $(APIGEN) --corpus $(CORPUS) --work $(BENCH) \
	  --runs $(BENCH_RUNS) --peer-runs $(BENCH_PEER_RUNS) --output bench/results/latest.md

clean:
	rm -rf .build
