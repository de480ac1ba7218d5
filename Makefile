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

.PHONY: generate test golden bench deps cmark test-tools clean

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

clean:
	rm -rf .build
