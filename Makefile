# filrouge — every target creates and reuses .venv itself.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= filrouge.db

.PHONY: install demo test lint typecheck bench eval schema clean help

help:
	@echo "make demo   - install, ingest the example corpus into $(DB), print its timeline"
	@echo "make test   - install, run ruff, mypy and pytest"
	@echo "make bench  - speed, memory and web latency benchmarks (bench/)"
	@echo "make eval   - every scorer (filrouge eval all)"

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "needs $(PYTHON) (Python 3.11)"; exit 2; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/filrouge ingest examples/corpus --db $(DB) || [ $$? -eq 1 ]
	$(BIN)/filrouge stories --db $(DB)
	@echo
	$(BIN)/filrouge timeline --db $(DB) --max-dates 25
	@echo
	@echo "Next: '$(BIN)/filrouge quotes --db $(DB)' for who said what,"
	@echo "      '$(BIN)/filrouge show ID --db $(DB)' for one article with its annotations,"
	@echo "      '$(BIN)/filrouge export --db $(DB) --format csv --what quotes -o quotes.csv' to export."

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

test: lint typecheck
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/web.py
	$(BIN)/python bench/stories.py  # 1k and 10k; add --sizes 1000 10000 100000 for 100k

eval: $(STAMP)
	$(BIN)/filrouge eval all

schema: $(STAMP)
	$(BIN)/python -m filrouge.schema

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm .pytest_cache .mypy_cache .ruff_cache
