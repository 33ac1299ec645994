# Two entry points, both safe to run on a fresh machine:
#   make site   set up, then check the default playbook and build its site into ./site
#   make test   set up (including the browser tools), then run linters and every test
# Setting up installs everything the project needs (nothing by hand): Python packages
# into .venv, npm packages into node_modules (Pyodide, copied into every built site, and
# axe-core for tests, ESLint for the JavaScript), and Debian's chromium for the browser tests.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test lint setup browser-tools clean schemas bench

site: $(STAMP) node_modules/.installed
	$(BIN)/playbook build --playbook playbook --site-dir site

test: lint browser-tools
	$(BIN)/python -m pytest

lint: $(STAMP) node_modules/.installed
	$(BIN)/ruff check generators assessments tests benchmarks
	$(BIN)/mypy
	npx --no-install eslint assessments/web generators/assets/early-loader.js tests/js eslint.config.js

schemas: $(STAMP)
	$(BIN)/playbook schema --out playbook/schemas

bench: $(STAMP) browser-tools
	$(BIN)/python benchmarks/run.py --quick

setup: $(STAMP) browser-tools

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --editable ".[test,zensical]"
	touch $(STAMP)

browser-tools: node_modules/.installed /usr/bin/chromium

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch node_modules/.installed

/usr/bin/chromium:
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null

clean:
	rm -rf $(VENV) node_modules site .playbook .pytest_cache .mypy_cache .ruff_cache
