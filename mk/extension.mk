# The browser extension (issue 6): its npm packages, the browsers, and its tests in headless
# Chromium (Playwright for Python) and Firefox (puppeteer-core over WebDriver BiDi).

EXT_DIR := extension
EXT_TESTS := tests/extension
EXT_NODE := $(EXT_TESTS)/node_modules
READABILITY := $(EXT_DIR)/vendor/Readability.js
CHROMIUM ?= /usr/bin/chromium
FIREFOX ?= /usr/bin/firefox-esr

.PHONY: extension-deps browsers test-extension lint-extension bench-extension

# npm ci installs exactly the versions in package-lock.json, from the npm registry.
$(EXT_NODE)/.installed: $(EXT_TESTS)/package.json $(EXT_TESTS)/package-lock.json
	cd $(EXT_TESTS) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Readability.js (Apache-2.0, @mozilla/readability) is copied into the extension, never by hand.
$(READABILITY): $(EXT_NODE)/.installed
	mkdir -p $(dir $@)
	cp $(EXT_NODE)/@mozilla/readability/Readability.js $(EXT_NODE)/@mozilla/readability/LICENSE.md $(dir $@)
	touch $@

extension-deps: $(READABILITY)

# Debian's chromium and firefox-esr: installed with apt-get when missing and running as root (CI);
# otherwise this says how to install them, and the tests of a missing browser are skipped.
browsers:
	@missing=""; \
	[ -x $(CHROMIUM) ] || missing="$$missing chromium"; \
	[ -x $(FIREFOX) ] || missing="$$missing firefox-esr"; \
	if [ -z "$$missing" ]; then \
		echo "browsers: $(CHROMIUM) and $(FIREFOX) are installed"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "browsers: installing$$missing with apt-get"; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$$missing) \
			|| echo "browsers: could not install$$missing: those browsers' tests will be skipped"; \
	else \
		echo "browsers: missing$$missing. Install with: sudo apt-get install$$missing"; \
		echo "browsers: until then the tests of the missing browsers are skipped"; \
	fi

lint-extension: extension-deps
	$(EXT_NODE)/.bin/web-ext lint --source-dir $(EXT_DIR) --output text --no-input

test-extension: venv extension-deps browsers lint-extension
	@echo "== Chromium (Playwright, $(CHROMIUM)) =="
	$(BIN)/pytest -q -p no:cacheprovider $(EXT_TESTS)
	@echo "== Firefox (puppeteer-core over WebDriver BiDi, $(FIREFOX)) =="
	$(BIN)/python -m newsbadge_dev.browser_services node $(EXT_TESTS)/firefox.mjs

# Speed of reading a page (the extension's injected scripts) in headless Chromium.
bench-extension: venv extension-deps
	$(BIN)/python $(EXT_TESTS)/bench_extract.py
