# Two commands set everything up on a fresh machine:
#   make run    installs what the dashboard needs and opens it (demo mode on the bundled sample data
#               until accounts exist), served on 127.0.0.1 only
#   make test   installs the same and runs the whole test suite (the store's tests also on a
#               throwaway PostgreSQL that scripts/with_postgres.sh starts, when one is installed)
PY ?= python3

.PHONY: install run test samples bench bench-pages

install:
	$(PY) -m pip install --disable-pip-version-check -q -r requirements.txt

run: install
	$(PY) -m streamlit run app.py --server.address 127.0.0.1

test: install
	bash scripts/with_postgres.sh $(PY) -m pytest -q

samples:
	$(PY) -m analysis.samples data

bench: install
	$(PY) benchmarks/ingest.py
	$(PY) benchmarks/store.py
	$(PY) benchmarks/plan.py
	$(PY) benchmarks/pages.py

# each page's first run, warm reruns and largest chart at the sample district and 100k teachers (AppTest)
bench-pages: install
	$(PY) benchmarks/pages.py
