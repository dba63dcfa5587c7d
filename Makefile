# akhbar: the two front-door commands are `make run` and `make test`.
# Both work on a fresh clone with nothing but python3 (3.11+) installed: they build .venv from pinned packages.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
UV_VERSION := 0.13.9
STAMP := $(VENV)/.installed
DBT_DIR := dbt_project
MANIFEST := $(DBT_DIR)/target/manifest.json
export DBT_PROFILES_DIR := $(CURDIR)/$(DBT_DIR)
export DAGSTER_HOME ?= $(CURDIR)/data/.dagster_home

.PHONY: venv run test lint dbt-parse bench score clean ui

venv: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -q --disable-pip-version-check "uv==$(UV_VERSION)" || true
	@if [ -x $(BIN)/uv ]; then \
	  $(BIN)/uv pip install -q --python $(PY) -r requirements.lock && \
	  $(BIN)/uv pip install -q --python $(PY) --no-deps -e . ; \
	else \
	  $(PY) -m pip install -q --disable-pip-version-check -r requirements.lock && \
	  $(PY) -m pip install -q --disable-pip-version-check --no-deps -e . ; \
	fi
	@touch $(STAMP)

# dbt's manifest is prepared here, never at import time of the Dagster definitions.
$(MANIFEST): $(STAMP) $(shell find $(DBT_DIR)/models $(DBT_DIR)/macros $(DBT_DIR)/tests -type f 2>/dev/null) $(DBT_DIR)/dbt_project.yml $(DBT_DIR)/profiles.yml
	@mkdir -p $(DAGSTER_HOME) && { test -f $(DAGSTER_HOME)/dagster.yaml || cp orchestration/dagster.yaml $(DAGSTER_HOME)/dagster.yaml; }
	@cd $(DBT_DIR) && ../$(BIN)/dbt parse --quiet

dbt-parse: $(MANIFEST)

run: $(STAMP) $(MANIFEST)
	@mkdir -p $(DAGSTER_HOME) && { test -f $(DAGSTER_HOME)/dagster.yaml || cp orchestration/dagster.yaml $(DAGSTER_HOME)/dagster.yaml; }
	$(BIN)/akhbar run

lint: $(STAMP)
	$(BIN)/ruff check orchestration transforms expectations scoring benchmarks scripts tests
	$(BIN)/sqlfluff lint dbt_project/models dbt_project/macros dbt_project/tests

test: $(STAMP) $(MANIFEST)
	@mkdir -p $(DAGSTER_HOME) && { test -f $(DAGSTER_HOME)/dagster.yaml || cp orchestration/dagster.yaml $(DAGSTER_HOME)/dagster.yaml; }
	$(BIN)/ruff check orchestration transforms expectations scoring benchmarks scripts tests
	$(BIN)/sqlfluff lint dbt_project/models dbt_project/macros dbt_project/tests
	$(BIN)/python -c "import orchestration.definitions as d; d.defs.resolve_asset_graph(); print('dagster definitions load')"
	$(BIN)/pytest -q

bench: $(STAMP) $(MANIFEST)
	$(BIN)/python benchmarks/bench_pipeline.py

score: $(STAMP)
	$(BIN)/python -m scoring.score_all

ui: $(STAMP) $(MANIFEST)
	@mkdir -p $(DAGSTER_HOME) && { test -f $(DAGSTER_HOME)/dagster.yaml || cp orchestration/dagster.yaml $(DAGSTER_HOME)/dagster.yaml; }
	$(BIN)/dagster dev -m orchestration.definitions

clean:
	rm -rf data/parquet data/warehouse*.duckdb* data/.staging $(DBT_DIR)/target $(DBT_DIR)/logs
