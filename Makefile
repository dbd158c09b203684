# The README's two commands:  `make demo` (the main job on the sample cases) and `make check`
# (ruff, mypy and pytest). Both do all the set-up on a fresh machine first.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
SAMPLES := $(sort $(wildcard samples/*/case.toml))
KINDS  := acknowledgement stage1-response panel-invitation decision

.PHONY: demo check setup clean bench

setup: $(STAMP)

$(STAMP): pyproject.toml bin/setup-system
	./bin/setup-system
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Check, date and render every sample case: each letter as PDF and DOCX, and the panel bundle.
# Outputs go to samples/<procedure>/out/ (not committed). --force because a demo is re-run.
demo: $(STAMP)
	@for case in $(SAMPLES); do \
	  echo "== $$case"; \
	  $(BIN)/casepost check $$case || exit 1; \
	  $(BIN)/casepost dates $$case || exit 1; \
	done
	@for kind in $(KINDS); do \
	  $(BIN)/casepost letter $$kind $(SAMPLES) --format both --force || exit 1; \
	done
	@for case in $(SAMPLES); do \
	  $(BIN)/casepost bundle $$case --force || exit 1; \
	done

check: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest

bench: $(STAMP)
	./bin/setup-system --bench
	$(BIN)/python bench/dates.py
	$(BIN)/python bench/letters.py
	$(BIN)/python bench/bundle.py

clean:
	rm -rf $(VENV) samples/*/out samples/*/*.correspondence.jsonl
