# Two commands set everything up on a fresh machine:
#   make run    installs what the dashboard needs and opens it on the bundled sample data
#   make test   installs the same and runs the whole test suite (the store's tests also on a
#               throwaway PostgreSQL that scripts/with_postgres.sh starts, when one is installed)
PY ?= python3

.PHONY: install run test samples bench

install:
	$(PY) -m pip install --disable-pip-version-check -q -r requirements.txt

run: install
	$(PY) -m streamlit run app.py

test: install
	bash scripts/with_postgres.sh $(PY) -m pytest -q

samples:
	$(PY) -m analysis.samples data

bench: install
	$(PY) benchmarks/ingest.py
	$(PY) benchmarks/store.py
	$(PY) benchmarks/plan.py
