# newsbadge: every command a developer or CI needs. `make help` lists them.
# Each target creates .venv and installs the package first, so a fresh clone needs only Python 3.11.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# Where the public labeled data sets live (read by eval and train; never copied into the repo).
export NEWSBADGE_DATA ?= $(abspath ../shared/data)

.PHONY: help venv run test test-python eval bench train lint
.DEFAULT_GOAL := help

help:
	@echo "make run            start the server on 127.0.0.1:8000 (gunicorn)"
	@echo "make test           run every test: Python suite, then the browser extension"
	@echo "make test-python    run the Python suite only"
	@echo "make test-extension run the extension in headless Chromium and Firefox"
	@echo "make eval           measure each scorer on the labeled data in NEWSBADGE_DATA"
	@echo "make bench          measure speed (analysis stages, HTTP throughput)"
	@echo "make train          re-derive learned weights and thresholds from NEWSBADGE_DATA"
	@echo "make lint           ruff"

$(INSTALLED): pyproject.toml dev/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,train]' -e ./dev
	touch $@

venv: $(INSTALLED)

run: venv
	$(BIN)/newsbadge serve

test: test-python test-extension

test-python: venv
	$(BIN)/pytest -q -n 2 --ignore=tests/extension

eval: venv
	@for script in bench/eval_*.py; do $(BIN)/python $$script || exit 1; done

bench: venv
	@for script in bench/bench_*.py; do $(BIN)/python $$script || exit 1; done

train: venv
	@for trainer in contamination body_cues sensational sourcing; do \
		$(BIN)/python -m newsbadge_dev.training.$$trainer || exit 1; done

lint: venv
	$(BIN)/ruff check server dev tests bench

# Targets of one area each (the browser extension's tests and its npm packages) live in mk/.
-include mk/*.mk
