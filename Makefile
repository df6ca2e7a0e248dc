# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)
DEV_ENV := DEBUG=true

.PHONY: install run test migrate demo benchmark

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e ".[test]"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(DEV_ENV) $(PY) manage.py migrate --noinput

demo: migrate
	$(DEV_ENV) $(PY) manage.py load_reference_data
	$(DEV_ENV) $(PY) manage.py seed_demo

# The console with demo data on http://127.0.0.1:8000, and a background-job worker beside it.
run: demo
	@bash -c 'trap "kill 0" EXIT; \
		$(DEV_ENV) $(PY) manage.py qcluster & \
		$(DEV_ENV) $(PY) manage.py runserver 127.0.0.1:8000'

# Every test, against PostgreSQL (a throwaway cluster unless DATABASE_URL is set), browser tests included.
test: install
	scripts/ensure_chromium.sh
	scripts/with_postgres.sh $(PY) -m pytest $(PYTEST_ARGS)

benchmark: install
	scripts/with_postgres.sh $(PY) -m pytest -o addopts="" tests/benchmarks -s
