# modelwatch: make run · make test · make demo · make bench · make lint · make lock
# The first use of any target creates .venv and installs into it the exact versions of requirements.lock
# (hashes checked), then the project itself; a changed lock or pyproject.toml installs again.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
LOCK   := requirements.lock
# make lock LOCK_ARGS='--upgrade-package httpx' (or --upgrade) moves pins within pyproject.toml's ranges
LOCK_ARGS ?=
# The database make run uses: the code's own default (db.engine.DEFAULT_DB_URL), repeated as make can not
# read it; DB_URL=postgresql://... for another.
DB_URL ?= sqlite:///modelwatch.db
PYTEST_ARGS ?=
# CI and this machine provide PostgreSQL on loopback; the store tests skip with a reason without it.
export MODELWATCH_TEST_POSTGRES_URL ?= postgresql://postgres@127.0.0.1:5432/test

.PHONY: run test demo bench lint install lock clean

# The lock pins pip and setuptools too: the project itself (editable, so it has no hash) is built with
# them, without build isolation, and adds nothing (--no-deps): every package comes from the lock.
$(STAMP): $(LOCK) pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@$(BIN)/python -m pip check || { echo "pip check failed: if pyproject.toml changed, run make lock"; exit 1; }
	@touch $(STAMP)

install: $(STAMP)

## lock: remake requirements.lock from pyproject.toml (uv pip compile: exact versions with hashes for
## Python 3.11 on Linux x86_64; pins already in the lock are kept while pyproject.toml allows them)
lock:
	@test -x $(BIN)/uv || { test -x $(BIN)/python || $(PYTHON) -m venv $(VENV); \
	    $(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK); }
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes \
	    --python-version 3.11 --python-platform x86_64-unknown-linux-gnu \
	    --custom-compile-command 'make lock' $(LOCK_ARGS) -o $(LOCK)

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
	$(BIN)/lint-imports --no-cache

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
