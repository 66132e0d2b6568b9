# Two entry points that do all set-up on a fresh machine (python3 and make only).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
ARTICLE ?=

.PHONY: run test test-versions lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall whenever the project metadata changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/reader $(ARTICLE)

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

# The suite on every other Python from 3.10 up found on this machine (what CI runs after `make test`).
test-versions: $(VENV)/.installed-test
	bash .ci/versions

# ruff (rules and format) over the repository and mypy over reader/ (settings in pyproject.toml);
# all run, any fails it. CI runs it after the tests.
lint: $(VENV)/.installed-test
	status=0; $(BIN)/ruff check . || status=1; $(BIN)/ruff format --check . || status=1; \
	$(BIN)/mypy reader || status=1; exit $$status

bench: $(VENV)/.installed-test
	status=0; for script in bench_analysis bench_input; do $(BIN)/python benchmarks/$$script.py || status=1; done; exit $$status

clean:
	rm -rf $(VENV) $(VENV)-3.* build dist *.egg-info
