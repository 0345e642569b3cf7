# assess — build, test and demo. Every target that compiles first installs libyaml-dev if it is missing.
SWIFT ?= swift
export SWIFT

.PHONY: all deps build test demo integration bench clean

all: build

## deps: install libyaml-dev and pkg-config from Debian when pkg-config cannot find yaml-0.1 (sudo when not root)
deps:
	@scripts/deps.sh

# The release build's options, as scripts/lib.sh (used by demo, integration and bench) defines them.
RELEASE_FLAGS := $(shell bash -c '. scripts/lib.sh && echo "$${RELEASE_FLAGS[*]}"')

## build: release build into .build/release/assess
build: deps
	$(SWIFT) build $(RELEASE_FLAGS)

## test: debug build and every test (unit, in-process CLI, and end-to-end on the built binary)
test: deps
	$(SWIFT) build
	$(SWIFT) test

## demo: build and run the main job on the shipped samples; reports go to out/demo/
demo: deps
	scripts/demo.sh

## integration: run the binary, check HTML with headless Chromium and CSV with LibreOffice (installs both if missing)
integration: deps
	scripts/integration.sh

## bench: release build, then validate/compare throughput against the libyaml floor and briefing latency
##        (BENCH_SIZES="1000 10000 100000"); results go to benchmarks/results-<date>-<cores>cores.md
bench: deps
	scripts/bench.sh

## fuzz: build the libFuzzer harnesses (Fuzz/) and run each for FUZZ_SECONDS (default 60); corpora in .build-fuzz/
fuzz: deps
	scripts/fuzz.sh

## sanitize: run every test under AddressSanitizer, then ThreadSanitizer (scratch: .build-sanitize/)
sanitize: deps
	scripts/sanitize.sh

## clean: remove build products and generated reports
clean:
	rm -rf .build out
