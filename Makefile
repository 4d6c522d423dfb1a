# Zorko: `make demo` starts it on demo data, `make test` runs every test.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install system-deps assets demo test test-sqlite test-postgres lint bench-install bench-splink fuzz clean

# Debian packages for running Zorko (Pango, fonts, npm); `test` adds PostgreSQL and Chromium.
system-deps:
	@./scripts/install-system-deps --runtime

$(STAMP): pyproject.toml constraints.txt package.json package-lock.json
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c constraints.txt -e ".[test]"
	$(MAKE) --no-print-directory assets
	touch $(STAMP)

install: system-deps $(STAMP)
	@$(BIN)/zorko --version

assets:
	@if [ -f package.json ]; then npm ci --no-audit --no-fund --silent && $(BIN)/python scripts/copy_assets.py; fi

demo: install
	$(BIN)/zorko demo
	$(BIN)/zorko serve

test:
	./scripts/install-system-deps
	$(MAKE) --no-print-directory install
	$(MAKE) --no-print-directory lint test-sqlite test-postgres

test-sqlite:
	$(BIN)/pytest -q -p no:cacheprovider

# The same suite (browser tests apart) against a real PostgreSQL server on loopback.
test-postgres:
	@url=$$(./scripts/pgtest start) && trap './scripts/pgtest stop' EXIT && \
	ZORKO_DATABASE_URL=$$url $(BIN)/pytest -q -p no:cacheprovider -m "not browser"

# The importers' property-based fuzzing with a long budget (the suite runs it briefly, profile `ci`).
fuzz:
	HYPOTHESIS_PROFILE=long $(BIN)/pytest -q -p no:cacheprovider -m fuzz tests/fuzz

# Benchmark-only packages (Splink, locust): the `bench` extra, never installed by `install`.
bench-install: $(STAMP)
	$(BIN)/pip install -q -c constraints.txt -e ".[test,bench]"

# Zorko's matcher against Splink on the same generated data (small sizes; see docs/matching.md).
bench-splink: bench-install
	$(BIN)/python bench/matching.py --sizes 100k --splink

# ruff everywhere; mypy --strict on the core that imports no Django (STYLE.md 11).
CORE := zorko/matching zorko/affiliation zorko/registry zorko/demo/registry_random.py zorko/demo/registry_records.py \
	zorko/demo/registry_contracts223.py zorko/identifiers.py zorko/regions.py zorko/config.py zorko/exceptions.py
lint:
	$(BIN)/ruff check zorko tests bench
	$(BIN)/mypy --strict $(CORE)

clean:
	./scripts/pgtest stop; rm -rf .pgtest
