# Two commands a newcomer needs: `make serve` and `make test`. Everything else is a helper of those.
# Each target creates the virtual environment it needs, with the pinned requirements.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEV_ADDR ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test test-under-load build bench clean

## serve: preview the site at http://127.0.0.1:8000, rebuilding on every save
serve: $(VENV)/.site-installed
	@# At the server's root: with the published site_url, mkdocs serve would mount it under its sub-path.
	SITE_URL=http://$(DEV_ADDR)/ $(BIN)/mkdocs serve --dev-addr $(DEV_ADDR)

## test: run every check CI runs (build, content, hooks, linters, workflows, browser)
test: $(VENV)/.test-installed node_modules/.installed
	@# Browser tests use Debian's Chromium when there is one, else Playwright downloads its own.
	@if [ -z "$${BROWSER_EXECUTABLE+set}" ] && [ ! -x /usr/bin/chromium ]; then \
	  $(BIN)/python -m playwright install chromium && export BROWSER_EXECUTABLE=""; \
	fi; \
	$(BIN)/python -m pytest

## test-under-load: run the browser tests RUNS times with every core kept busy; prints how many passed
RUNS ?= 5
test-under-load: $(VENV)/.test-installed node_modules/.installed
	$(BIN)/python scripts/browser_tests_under_load.py --runs $(RUNS)

## build: build the site for publishing into site/
build: $(VENV)/.site-installed
	$(BIN)/mkdocs build --strict

## bench: print build, page-weight and hook figures (never fails on a number)
bench: $(VENV)/.test-installed node_modules/.installed
	$(BIN)/python bench/build.py
	$(BIN)/python bench/figures.py
	$(BIN)/python bench/crosslinks.py
	$(BIN)/python bench/lighthouse.py

clean:
	rm -rf $(VENV) site node_modules

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site-installed: requirements/site.txt requirements/constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements/site.txt -c requirements/constraints.txt
	touch $@

$(VENV)/.test-installed: requirements/*.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements/test.txt -r requirements/lint.txt -c requirements/constraints.txt
	touch $@ $(VENV)/.site-installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@
