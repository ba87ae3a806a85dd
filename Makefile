# Two commands on a fresh machine: `make serve` (the sample site) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium
SITE_TMP := .site-tmp
NODE_STAMP := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1
# the accessibility and Lighthouse tests use Debian's chromium: npm must never download a browser
export PUPPETEER_SKIP_DOWNLOAD := 1
export CHROME_PATH ?= $(CHROMIUM)

.PHONY: help setup serve check build test test-fast chromium node clean bench

help:
	@echo "make serve   - cài đặt và chạy trang mẫu tại http://127.0.0.1:8000/tin-tuc/"
	@echo "make check   - kiểm tra bài viết, không dựng trang (newsroom check)"
	@echo "make build   - dựng trang vào site/ (dừng lại nếu có lỗi hoặc cảnh báo)"
	@echo "make test    - cài đặt và chạy toàn bộ kiểm thử"

$(STAMP): requirements.txt requirements-test.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-test.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)

# A staff preview: drafts shown, and on a large site only the newest and just-edited posts.
serve: $(STAMP)
	NEWSROOM_PREVIEW=1 $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# Every post checked without building (the `newsroom` command; a no-op until it is installed).
check: $(STAMP)
	@if [ -f hooks/newsroom/cli.py ]; then $(BIN)/newsroom check; else echo "newsroom check: chưa có lệnh newsroom, bỏ qua"; fi

# Build into a temporary folder and swap it in only on success: a failed build never leaves
# a half-written site/ behind, and the previous good site stays in place. The temporary folder
# is removed either way.
build: $(STAMP)
	rm -rf $(SITE_TMP)
	$(BIN)/mkdocs build --strict --site-dir $(SITE_TMP) || { rm -rf $(SITE_TMP); exit 1; }
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

# axe-core and Lighthouse for the browser tests, at the versions pinned in package-lock.json.
$(NODE_STAMP): package.json package-lock.json
	@if ! command -v npm >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing node and npm (Debian packages) for the accessibility tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
	  else \
	    echo "npm is missing: run 'sudo apt-get install nodejs npm'"; exit 1; \
	  fi; \
	fi
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

node: $(NODE_STAMP)

test: $(STAMP) $(NODE_STAMP) chromium
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not browser"

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf site $(SITE_TMP) .pytest_cache tests/artifacts
