# Olievlek. Every target sets up what it needs; `make demo` and `make test` are the quick start.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_SQLITE_ARGS ?= -n 2

.PHONY: drills demo serve test lint check-static test-sqlite test-postgres test-browser test-api-fuzz test-api-fuzz-postgres bench messages openapi vendor clean system-packages

$(STAMP): pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) is needed (Debian: python3.11 python3.11-venv)"; exit 1; }
	[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

## demo: set up, load the demo data and serve at http://127.0.0.1:8000 (SQLite)
demo: $(STAMP)
	$(BIN)/olievlek migrate --no-input -v 0
	$(BIN)/olievlek demo_load
	@$(BIN)/python scripts/demo_banner.py
	@trap 'kill $$worker $$expiry 2>/dev/null' EXIT INT TERM; \
	  $(BIN)/olievlek task_worker --worker-id demo --queue-name '*' > var/worker.log 2>&1 & worker=$$!; \
	  ( while true; do $(BIN)/olievlek payitforward_expire >> var/expiry.log 2>&1; $(BIN)/olievlek signups_expire >> var/expiry.log 2>&1; sleep 600; done ) & expiry=$$!; \
	  $(BIN)/olievlek runserver 127.0.0.1:8000 --noreload

system-packages:
	bash scripts/ensure-system-packages.sh

## test: the whole suite: lint, checks, SQLite, PostgreSQL, the browser and schemathesis
test: $(STAMP) system-packages lint check-static test-sqlite test-postgres test-browser test-api-fuzz test-api-fuzz-postgres
	@echo "All checks passed."

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check-static: $(STAMP)
	$(BIN)/olievlek check --fail-level WARNING
	$(BIN)/olievlek makemigrations --check --dry-run
	$(BIN)/python scripts/check_translations.py
	$(BIN)/olievlek spectacular --validate --fail-on-warn --file var/openapi.generated.yaml
	diff -u docs/openapi.yaml var/openapi.generated.yaml || { echo "docs/openapi.yaml is stale: run make openapi"; exit 1; }

test-sqlite: $(STAMP)
	DATABASE_URL= REDIS_URL= $(BIN)/pytest -m "not browser" $(PYTEST_SQLITE_ARGS) --ignore=tests/concurrency --ignore=tests/shared_cache --ignore=tests/multiserver

test-postgres: $(STAMP) system-packages
	bash scripts/with-postgres.sh bash scripts/with-redis.sh $(BIN)/pytest -m "not browser" -n 2 --dist loadgroup --ignore=tests/engines

test-browser: $(STAMP) system-packages
	DATABASE_URL= $(BIN)/pytest -m browser -n 2 tests/browser

## test-api-fuzz: schemathesis against docs/openapi.yaml on a live demo server (anonymous, member, team)
test-api-fuzz: $(STAMP)
	DATABASE_URL= $(BIN)/python scripts/api_fuzz.py

test-api-fuzz-postgres: $(STAMP) system-packages
	bash scripts/with-postgres.sh $(BIN)/python scripts/api_fuzz.py

bench: $(STAMP) system-packages
	$(BIN)/python benchmarks/matching.py
	$(BIN)/python benchmarks/grouping.py
	$(BIN)/python benchmarks/search.py
	$(BIN)/python benchmarks/web.py
	$(BIN)/python benchmarks/scan.py
	bash scripts/with-postgres.sh $(BIN)/python benchmarks/impact.py
	bash scripts/with-postgres.sh bash scripts/with-redis.sh $(BIN)/python benchmarks/load.py --profile 2

## drills: the fault drills (worker killed, PostgreSQL restarted, Redis stopped, mail refused,
## disk full); each starts its own servers on 127.0.0.1. Not part of `make test`.
drills: $(STAMP) system-packages
	$(BIN)/python drills/run.py

## messages: collect translatable texts into locale/nl and compile them
messages: $(STAMP) system-packages
	cd src/olievlek && ../../$(BIN)/olievlek makemessages -l nl --no-obsolete --no-location
	$(BIN)/python scripts/compile_messages.py

openapi: $(STAMP)
	$(BIN)/olievlek spectacular --validate --file docs/openapi.yaml

## vendor: refresh the NL Design System CSS and htmx from npm (needs npm)
vendor:
	bash scripts/vendor-assets.sh

clean:
	rm -rf $(VENV) var
