# The README's commands. Each target sets up .venv itself, so a fresh clone needs nothing else.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= claimgraph.db

.PHONY: demo test test-postgresql lint bench bench-clean bench-reconcile eval-dev clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) on PATH (or make PYTHON=python3)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# `make demo DOMAIN=red-sea`: the Red Sea pack on examples/red-sea, in a store of its own.
ifeq ($(DOMAIN),red-sea)
DEMO_CORPUS := examples/red-sea
DEMO_DB := claimgraph-red-sea.db
DEMO_PACK := --domain src/claimgraph/domains/red_sea.yaml
DEMO_HTML := briefing-red-sea.html
else
DEMO_CORPUS := examples/corpus
DEMO_DB := $(DB)
DEMO_PACK :=
DEMO_HTML := briefing.html
endif

demo: $(STAMP)
	$(BIN)/claimgraph --db $(DEMO_DB) $(DEMO_PACK) ingest $(DEMO_CORPUS)
	$(BIN)/claimgraph --db $(DEMO_DB) $(DEMO_PACK) brief
	$(BIN)/claimgraph --db $(DEMO_DB) $(DEMO_PACK) report --format html -o $(DEMO_HTML)

test: $(STAMP) lint
	$(BIN)/python -m pytest -q

# The whole suite again with every test store on the PostgreSQL server CLAIMGRAPH_TEST_PG_URL names
# (.ci/run starts one and runs this after `make test`).
test-postgresql: $(STAMP)
	@test -n "$$CLAIMGRAPH_TEST_PG_URL" || { echo "set CLAIMGRAPH_TEST_PG_URL=postgresql://USER:PW@HOST/DB"; exit 1; }
	CLAIMGRAPH_TEST_BACKEND=postgresql $(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy src/claimgraph/records.py src/claimgraph/store src/claimgraph/reconcile src/claimgraph/scale

# Writes bench/results.md and bench/results.json; QUICK=1 runs a smaller version (under five minutes).
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py $(if $(QUICK),--quick,)

# The read/clean stages: near-duplicate detection on 10,000 generated documents, and main-text
# extraction on ../shared/datasets/article-extraction-benchmark (ours against plain trafilatura).
bench-clean: $(STAMP)
	$(BIN)/python benchmarks/near_duplicates.py
	$(BIN)/python benchmarks/extraction.py

# Reconcile time for a fixed batch of 50 new reports as the store grows from 1,000 to 20,000 reports.
bench-reconcile: $(STAMP)
	$(BIN)/python benchmarks/reconcile.py $(if $(QUICK),--quick,)

# The development set (../shared/eval/dev): its texts are third-party and never enter the repository.
# Rebuild them once into DEV_TEXTS (see ../shared/eval/dev/README.md); this scores all, odd and even articles.
DEV_GOLD ?= ../shared/eval/dev/dev.gold.yaml
DEV_TEXTS ?= $(HOME)/claimgraph-eval/dev/txt
eval-dev: $(STAMP)
	@if ls "$(DEV_TEXTS)"/*.txt >/dev/null 2>&1; then \
		$(BIN)/claimgraph eval --gold $(DEV_GOLD) "$(DEV_TEXTS)" --halves $(if $(EXPLAIN),--explain,); \
	else \
		echo "eval-dev: no development-set texts in $(DEV_TEXTS)."; \
		echo "  Rebuild them (../shared/eval/dev/README.md): for each row of sources.tsv, search its phrase"; \
		echo "  in the stored pages, keep the excerpt whose address is that URL, write it with the row's"; \
		echo "  title and date as NNN.json, then:"; \
		echo "    python3 ../shared/eval/dev/texts.py ARTICLES_DIR $(DEV_TEXTS)"; \
		echo "  or point DEV_TEXTS=... at a folder of NNN.txt files. Keep them out of the repository."; \
	fi

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm $(DB)-lock briefing.html claimgraph-red-sea.db* briefing-red-sea.html
