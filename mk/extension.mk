# The browser extension (issue 6): its npm packages, the browsers, and its tests in headless
# Chromium (Playwright for Python) and Firefox (puppeteer-core over WebDriver BiDi).

EXT_DIR := extension
EXT_TESTS := tests/extension
EXT_NODE := $(EXT_TESTS)/node_modules
READABILITY := $(EXT_DIR)/vendor/Readability.js
CHROMIUM ?= /usr/bin/chromium
FIREFOX ?= /usr/bin/firefox-esr

.PHONY: extension-deps vendor-readability extension browsers test-extension \
	lint-extension bench-extension

# npm ci installs exactly the versions in package-lock.json, from the npm registry.
$(EXT_NODE)/.installed: $(EXT_TESTS)/package.json $(EXT_TESTS)/package-lock.json
	cd $(EXT_TESTS) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Readability.js (Apache-2.0, @mozilla/readability at the version package-lock.json pins) is
# committed in extension/vendor with its licence, so a clean clone loads as an extension without
# npm. `make vendor-readability` refreshes it after an update of the lock; `extension-deps` checks
# that the committed copy is the locked one.
READABILITY_NPM := $(EXT_NODE)/@mozilla/readability
vendor-readability: $(EXT_NODE)/.installed
	cp $(READABILITY_NPM)/Readability.js $(READABILITY_NPM)/LICENSE.md $(EXT_DIR)/vendor/

extension-deps: $(EXT_NODE)/.installed
	@cmp -s $(READABILITY_NPM)/Readability.js $(READABILITY) || \
		{ echo "$(READABILITY) differs from the locked @mozilla/readability:" \
			"run make vendor-readability"; exit 1; }

# The packages a reader installs: one zip that Chromium ("Load unpacked" after unzipping, or the
# Chrome Web Store) and Firefox (as an .xpi) both take.
extension: extension-deps
	mkdir -p dist
	$(EXT_NODE)/.bin/web-ext build --source-dir $(EXT_DIR) --artifacts-dir dist \
		--filename newsbadge-chromium.zip --overwrite-dest --no-input
	cp dist/newsbadge-chromium.zip dist/newsbadge-firefox.xpi

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
