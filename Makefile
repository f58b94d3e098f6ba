# modelwatch: make run · make test · make demo · make bench · make lint
# The first use of any target creates .venv and installs the project into it.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB_URL ?= sqlite:///modelwatch.db
PYTEST_ARGS ?=
# CI and this machine provide PostgreSQL on loopback; the store tests skip with a reason without it.
export MODELWATCH_TEST_POSTGRES_URL ?= postgresql://postgres@127.0.0.1:5432/test

.PHONY: run test demo bench lint install clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

## run: the service (crawls on schedule) on a SQLite file, ./modelwatch.db
run: $(STAMP)
	MODELWATCH_DB_URL=$(DB_URL) $(BIN)/modelwatch run

## test: the whole test suite
test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## demo: the product offline, on the provider replica
demo: $(STAMP)
	$(BIN)/modelwatch demo

## bench: benchmarks (figures, not pass/fail)
bench: $(STAMP)
	$(BIN)/python bench/crawl_full.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
