# eventwire: the two commands a new user needs.
#   make example   installs eventwire and codes the bundled example article
#   make test      installs the test dependencies (and Chromium for the browser tests) and runs the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: example test bench clean-venv

example: $(VENV)/.installed
	$(BIN)/eventwire code examples/wire-story.txt --published 2024-03-08 --format table

test: $(VENV)/.installed-test
	sh scripts/install-browser.sh
	$(BIN)/python -m pytest -q

bench: $(VENV)/.installed
	$(BIN)/python bench/throughput.py

# Pinned, hash-checked dependencies (requirements/*.lock, made with `uv pip compile
# --generate-hashes` from pyproject.toml), then eventwire itself without deps.
$(VENV)/.installed: requirements/runtime.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/runtime.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements/test.lock
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/test.lock
	touch $@

clean-venv:
	rm -rf $(VENV)
