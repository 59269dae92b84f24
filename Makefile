# Two commands set everything up on a fresh machine:
#   make run    installs what the dashboard needs and opens it (demo mode on the bundled sample data
#               until accounts exist), served on 127.0.0.1 only
#   make test   installs the same and runs the whole test suite (the store's tests also on a
#               throwaway PostgreSQL that scripts/with_postgres.sh starts, when one is installed)
# and, for developers:
#   make test-fast  everything except the AppTest and browser tests (under a minute)
#   make lint       ruff check and mypy on analysis/ and ui/
#   make check      lint, and ruff format --check
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
# workers for the whole suite (pytest-xdist); `make test XDIST=0` runs it in one process. Each test
# file stays on one worker (--dist loadfile): some files share a module fixture whose state their tests
# build on (tests/app/test_auth.py's store and audit log). PostgreSQL tests each get their own schema.
XDIST ?= 2
DIST := --dist loadfile

.PHONY: install run test test-fast check lint format lock samples bench bench-pages

$(PY):
	@$(PYTHON) -c "import ensurepip" 2>/dev/null || { echo "make: $(PYTHON) cannot make a virtual environment: install python3-venv (apt-get install python3-venv)" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements.lock | $(PY)
	$(PY) -m pip install --disable-pip-version-check -q --require-hashes -r requirements.lock
	touch $(STAMP)

install: $(STAMP)

run: install
	$(PY) -m streamlit run app.py --server.address 127.0.0.1

test: install
	bash scripts/with_postgres.sh $(PY) -m pytest -q -n $(XDIST) $(DIST)

test-fast: install
	$(PY) -m pytest -q -n auto $(DIST) -m "not apptest and not browser and not slow"

# ruff's lint rules and mypy (both clean today)
lint: install
	$(PY) -m ruff check .
	$(PY) -m mypy

# lint, and the formatter finding nothing to change
check: lint
	$(PY) -m ruff format --check .

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
	$(PY) benchmarks/pages.py

# each page's first run, warm reruns and largest chart at the sample district and 100k teachers (AppTest)
bench-pages: install
	$(PY) benchmarks/pages.py
