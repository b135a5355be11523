# The front door. `make help` lists every target.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CORPUS ?= data/sample
ARGS   ?=

.DEFAULT_GOAL := help
.PHONY: help setup report test test-fast lab bench lint format clean-cache clean

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	# The CPU wheel of torch first, so nothing later pulls a CUDA build.
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -e ".[dev]"
	# The static embedding, distilled offline from the bundled all-MiniLM-L6-v2 (once; data/models/).
	$(BIN)/python -m workbench.topics.static
	# UMAP's numba code, compiled once into numba's cache beside the package (not per report).
	$(BIN)/python -c "from workbench.topics.models import compile_umap; compile_umap()"
	$(BIN)/python -m ipykernel install --sys-prefix --name workbench --display-name "Python (workbench)" >/dev/null
	@touch $(STAMP)

setup: $(STAMP) ## Create .venv and install the project with every dependency

report: $(STAMP) ## Render the reports for CORPUS (default: data/sample) and print where they are
	$(BIN)/workbench report --corpus $(CORPUS) $(ARGS)

test: $(STAMP) ## Run the whole test suite (slow tests included)
	$(BIN)/python -m pytest $(ARGS)

test-fast: $(STAMP) ## Run the tests not marked slow
	$(BIN)/python -m pytest -m "not slow" $(ARGS)

lab: $(STAMP) ## Open JupyterLab with the project's environment as the kernel
	$(BIN)/jupyter lab notebooks/ $$(test "$$(id -u)" = 0 && echo --allow-root)

bench: $(STAMP) ## Run every benchmark in benchmarks/ and print the tables (long: about an hour)
	@for b in benchmarks/[!_]*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

lint: $(STAMP) ## Check style (ruff lint and format) and the layer contracts (import-linter)
	$(BIN)/ruff check workbench tests benchmarks
	$(BIN)/ruff format --check workbench tests benchmarks
	$(BIN)/lint-imports --no-cache

format: $(STAMP) ## Reformat the code with ruff
	$(BIN)/ruff format workbench tests benchmarks
	$(BIN)/ruff check --fix workbench tests benchmarks

clean-cache: ## Delete every cache (data/interim, or the folder WORKBENCH_CACHE_DIR names)
	rm -rf "$${WORKBENCH_CACHE_DIR:-data/interim}"

clean: clean-cache ## Delete caches, rendered reports and the virtual environment
	rm -rf reports/*/ $(VENV)
