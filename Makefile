# newsbadge: every command a developer or CI needs. `make help` lists them.
# Each target creates .venv and installs the package first, so a fresh clone needs only Python 3.11.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# What `make run` needs: the service's package alone, without the test and training tools.
INSTALLED_RUN := $(VENV)/.installed-run
# After an install: build the tables the server keeps between starts (newsbadge.tablecache, in
# NEWSBADGE_CACHE_DIR), so that its first start is as quick as later ones (about 2 s less).
BUILD_TABLES := $(BIN)/python -c "from newsbadge.analysis import warm_up; warm_up()"
# Where the public labeled data sets live (read by eval and train; never copied into the repo).
export NEWSBADGE_DATA ?= $(abspath ../shared/data)

.PHONY: help venv run dist test test-python test-fast golden readme eval bench train lint
.DEFAULT_GOAL := help

help:
	@echo "make run            start the server on 127.0.0.1:8000 (gunicorn); installs only the service"
	@echo "make serve-exposed  nginx (deploy/nginx.conf) on 0.0.0.0:8080 in front of the server"
	@echo "make dist           build the wheel in dist/ (pip install dist/newsbadge-*.whl)"
	@echo "make extension      build dist/newsbadge-chromium.zip and dist/newsbadge-firefox.xpi"
	@echo "make test           run every test: Python suite, then the browser extension"
	@echo "make test-python    run the Python suite only"
	@echo "make test-fast      the Python suite without slow tests (servers, processes, long hypothesis)"
	@echo "make readme         rewrite the README's example outputs from what they really print"
	@echo "make golden         show how the fixture pages' reports changed, and record them in tests/golden"
	@echo "make test-extension run the extension in headless Chromium and Firefox"
	@echo "make lint-extension web-ext lint of the extension"
	@echo "make bench-extension speed of the extension's page reading in headless Chromium"
	@echo "make vendor-readability  refresh extension/vendor/Readability.js from the npm lock"
	@echo "make eval           measure each scorer on the labeled data in NEWSBADGE_DATA"
	@echo "make bench          measure speed (analysis stages, HTTP throughput)"
	@echo "make train          re-derive learned weights and thresholds from NEWSBADGE_DATA"
	@echo "make lint           ruff"

$(INSTALLED): pyproject.toml dev/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,train]' -e ./dev
	$(BUILD_TABLES)
	touch $@

$(INSTALLED_RUN): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	$(BUILD_TABLES)
	touch $@

venv: $(INSTALLED)

run: $(INSTALLED_RUN)
	$(BIN)/newsbadge serve

dist: $(INSTALLED_RUN)
	$(BIN)/pip wheel --quiet --no-deps --wheel-dir dist .

test: test-python test-extension

# nginx (mk/exposed.mk) for the test of the exposed deployment.
test-python: venv nginx
	$(BIN)/pytest -q -n 2 --ignore=tests/extension

# Tests marked slow (a real server, a subprocess, a browser, long hypothesis runs) are left out.
# In one process: starting xdist workers costs more than it saves here (15 s, against 35 s).
test-fast: venv
	$(BIN)/pytest -q -m "not slow" --ignore=tests/extension

# After an intended change of behaviour: prints each report's difference, then records it.
golden: venv
	$(BIN)/python -m newsbadge_dev.golden --write

# The README's example outputs, rewritten from what the examples really print.
readme: venv
	$(BIN)/python -m newsbadge_dev.readme_examples --write

eval: venv
	@for script in bench/eval_*.py; do $(BIN)/python $$script || exit 1; done

bench: venv
	@for script in bench/bench_*.py; do $(BIN)/python $$script || exit 1; done

train: venv
	@for trainer in contamination body_cues sensational places sourcing genre badge; do \
		$(BIN)/python -m newsbadge_dev.training.$$trainer || exit 1; done

lint: venv
	$(BIN)/ruff check server dev tests bench

# Targets of one area each (the browser extension's tests and its npm packages) live in mk/.
-include mk/*.mk
