# Two entry points, both safe to run on a fresh machine:
#   make site   set up, then check and build the default playbook
#   make test   set up, then run linters and the whole test suite
# Setting up installs everything the project needs into .venv (nothing by hand).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site test lint setup clean schemas

site: $(STAMP)
	$(BIN)/playbook validate --playbook playbook

test: lint
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check generators assessments tests
	$(BIN)/mypy

schemas: $(STAMP)
	$(BIN)/playbook schema --out playbook/schemas

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --editable ".[test]"
	touch $(STAMP)

clean:
	rm -rf $(VENV) site .pytest_cache .mypy_cache .ruff_cache
