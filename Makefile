# Two commands on a fresh machine: `make serve` (the sample site) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium
SITE_TMP := .site-tmp
export NO_MKDOCS_2_WARNING := 1

.PHONY: help setup serve build test test-fast chromium clean bench

help:
	@echo "make serve   - cài đặt và chạy trang mẫu tại http://127.0.0.1:8000"
	@echo "make build   - dựng trang vào site/ (dừng lại nếu có lỗi hoặc cảnh báo)"
	@echo "make test    - cài đặt và chạy toàn bộ kiểm thử"

$(STAMP): requirements.txt requirements-test.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-test.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# Build into a temporary folder and swap it in only on success: a failed build never leaves
# a half-written site/ behind, and the previous good site stays in place.
build: $(STAMP)
	rm -rf $(SITE_TMP)
	$(BIN)/mkdocs build --strict --site-dir $(SITE_TMP)
	rm -rf site && mv $(SITE_TMP) site

# Browser tests need Debian's chromium; install it when missing and we are allowed to.
chromium:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing chromium (Debian package) for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "chromium is missing: run 'sudo apt-get install chromium'"; exit 1; \
	  fi; \
	fi

test: $(STAMP) chromium
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not browser"

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf site $(SITE_TMP) .pytest_cache tests/artifacts
