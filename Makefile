# Two entry points for a fresh machine with Python 3.11+ and make:
#   make run    create .venv if needed, install the app, start it (ARGS="--demo" to pass arguments)
#   make test   create .venv if needed, install the app with test tools, run ruff, mypy, the
#               import contracts and the whole suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run demo check test lint bench screenshots clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "trustone-tui needs Python 3.11 or newer; set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)

# An editable install has no byte code; compile it once, as a normal install would, so no
# start pays for compiling our modules (PYTHONDONTWRITEBYTECODE may be set).
$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	$(BIN)/python -m compileall -q src
	@touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	$(BIN)/python -m compileall -q src
	@touch $@ $(RUN_STAMP)

run: $(RUN_STAMP)
	$(BIN)/trustone $(ARGS)

demo: $(RUN_STAMP)
	$(BIN)/trustone --demo

# Static checks first (seconds), then the suite: ruff, strict mypy, the import contracts.
check: $(TEST_STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/python -m mypy
	$(BIN)/lint-imports

# The suite runs on every core (pytest-xdist); tests that share one fixed folder are kept in one
# worker by their xdist_group (--dist loadgroup). PYTEST_ARGS="-n0" runs it in one process.
test: check
	$(BIN)/python -m pytest -n auto --dist loadgroup $(PYTEST_ARGS)

lint: $(TEST_STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

bench: $(TEST_STAMP)
	$(BIN)/python benchmarks/run_all.py

screenshots: $(TEST_STAMP)
	$(BIN)/python -m trustone_tui.tui.screenshots screenshots

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
