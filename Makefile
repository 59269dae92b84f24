# Two commands set everything up on a fresh machine:
#   make run    installs what the dashboard needs and opens it (demo mode on the bundled sample data
#               until accounts exist), served on 127.0.0.1 only
#   make test   installs the same and runs the whole test suite (the store's tests also on a
#               throwaway PostgreSQL that scripts/with_postgres.sh starts, when one is installed)
# and, for developers:
#   make test-fast  everything except the AppTest and browser tests (under a minute)
#   make check      ruff (lint, format) and mypy on analysis/ and ui/
#   make lock       regenerates requirements.lock from pyproject.toml (needs network)
#
# Everything runs in a virtual environment, .venv, made with `python3 -m venv` when missing, so the
# system's Python stays untouched (Debian and Ubuntu mark it "externally managed", PEP 668). It is
# filled from requirements.lock (every package pinned, with hashes) and filled again only when the lock
# changes (.venv/.installed is the stamp).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# workers for the whole suite (pytest-xdist); `make test XDIST=0` runs it in one process
XDIST ?= 2

.PHONY: install run test test-fast check lint format lock samples bench

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements.lock | $(PY)
	$(PY) -m pip install --disable-pip-version-check -q --require-hashes -r requirements.lock
	touch $(STAMP)

install: $(STAMP)

run: install
	$(PY) -m streamlit run app.py --server.address 127.0.0.1

test: install
	bash scripts/with_postgres.sh $(PY) -m pytest -q -n $(XDIST)

test-fast: install
	$(PY) -m pytest -q -n auto -m "not apptest and not browser and not slow"

check: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

# ruff's safe fixes and the formatter over the tree
format: install
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

lock: | $(PY)
	$(PY) -m pip install --disable-pip-version-check -q uv
	$(VENV)/bin/uv pip compile pyproject.toml --group dev --python-version 3.11 --generate-hashes --universal -o requirements.lock

samples: install
	$(PY) -m analysis.samples data

bench: install
	$(PY) benchmarks/ingest.py
	$(PY) benchmarks/store.py
	$(PY) benchmarks/plan.py
