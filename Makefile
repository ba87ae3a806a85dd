# Two commands on a fresh machine: `make serve` (the sample site) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium
SITE_TMP := .site-tmp
NODE_STAMP := node_modules/.installed
# the admin page's npm packages (Sveltia CMS, fonts) as tarballs checked against package-lock.json
ADMIN_PACKAGES := .cache/admin
ADMIN_STAMP := $(ADMIN_PACKAGES)/.verified
# pictures made by the build (newsroom/images), kept between builds by `make build` and `make serve`:
# an unchanged photo is not made again (not exported: the tests' builds keep no cache)
NEWSROOM_IMAGE_CACHE ?= .cache/images
# the site generator: mkdocs, or properdocs (the maintained fork of MkDocs 1.6; same site, README)
ENGINE ?= mkdocs
export NO_MKDOCS_2_WARNING := 1
# the accessibility and Lighthouse tests use Debian's chromium: npm must never download a browser
export PUPPETEER_SKIP_DOWNLOAD := 1
export CHROME_PATH ?= $(CHROMIUM)

.PHONY: help setup serve check build test test-fast libmagic chromium java mariadb node admin clean bench

help:
	@echo "make serve   - cài đặt và chạy trang mẫu tại http://127.0.0.1:8000/tin-tuc/"
	@echo "make check   - kiểm tra bài viết, không dựng trang (newsroom check)"
	@echo "make build   - dựng trang vào site/ (dừng lại nếu có lỗi hoặc cảnh báo)"
	@echo "make test    - cài đặt và chạy toàn bộ kiểm thử"

$(STAMP): requirements.txt requirements-test.txt pyproject.toml
	@$(MAKE) --no-print-directory libmagic
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-test.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)

# A staff preview: drafts shown, and on a large site only the newest and just-edited posts.
serve: $(STAMP) $(ADMIN_STAMP)
	NEWSROOM_PREVIEW=1 NEWSROOM_IMAGE_CACHE=$(NEWSROOM_IMAGE_CACHE) $(BIN)/$(ENGINE) serve -f mkdocs.yml --dev-addr 127.0.0.1:8000

# Every post checked without building (the `newsroom` command; a no-op until it is installed).
check: $(STAMP)
	@if [ -f hooks/newsroom/cli.py ]; then $(BIN)/newsroom check; else echo "newsroom check: chưa có lệnh newsroom, bỏ qua"; fi

# Build into a temporary folder and swap it in only on success: a failed build never leaves
# a half-written site/ behind, and the previous good site stays in place. The temporary folder
# is removed either way.
build: $(STAMP) $(ADMIN_STAMP)
	rm -rf $(SITE_TMP)
	NEWSROOM_IMAGE_CACHE=$(NEWSROOM_IMAGE_CACHE) $(BIN)/$(ENGINE) build -f mkdocs.yml --strict --site-dir $(SITE_TMP) || { rm -rf $(SITE_TMP); exit 1; }
	rm -rf site && mv $(SITE_TMP) site

# $(call debian,TEST,PACKAGES,WHY): when the shell TEST fails, install Debian PACKAGES if we are
# root (a fresh machine, CI), else say which command to run. No commas in the arguments.
debian = if ! $(1); then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing $(2) (Debian packages) $(3)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) >/dev/null; \
	  else \
	    echo "$(2) is missing: run 'sudo apt-get install $(2)'"; exit 1; \
	  fi; \
	fi

# Files are accepted by content (hooks/newsroom/inert.py): the build needs libmagic, the `file`
# command's library (on most Debian and Ubuntu machines already; GitHub's runners have it).
libmagic:
	@$(call debian,ldconfig -p 2>/dev/null | grep -q 'libmagic\.so\.1',libmagic1,to recognise files by their content)

# Browser tests need Debian's chromium; install it when missing and we are allowed to.
chromium:
	@$(call debian,[ -x "$(CHROMIUM)" ],chromium,for the browser tests)

# The markup test runs the Nu HTML Checker (npm vnu-jar), a Java program: Debian's Java when missing.
# Before `npm ci`, so that vnu-jar's install script finds Java and fetches no runtime of its own.
java:
	@$(call debian,command -v java >/dev/null,default-jre-headless,for the Nu HTML Checker (tests/test_markup.py))

# The NukeViet import tests write real dumps with MariaDB's own server and mysqldump
# (tests/nukeviet/make_dumps.py starts a private mariadbd on a socket in a temporary folder).
mariadb:
	@$(call debian,{ command -v mariadb-dump >/dev/null && [ -x /usr/sbin/mariadbd ]; },mariadb-server mariadb-client,for the NukeViet import tests)

# axe-core, Lighthouse and the Nu HTML Checker for the tests, at the versions pinned in package-lock.json.
$(NODE_STAMP): package.json package-lock.json
	@$(call debian,command -v npm >/dev/null,nodejs npm,for the accessibility tests)
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

node: $(NODE_STAMP)

# The admin page (/admin/) is served from the site: `npm pack` fetches its pinned packages once,
# the build reads them from the tarballs (hooks/newsroom/admin/packages.py). Only npm is needed, not
# `npm ci` of the test tools.
$(ADMIN_STAMP): package-lock.json $(STAMP)
	@$(call debian,command -v npm >/dev/null,nodejs npm,for the admin page's packages)
	$(BIN)/python -m newsroom.admin package-lock.json $(ADMIN_PACKAGES)
	touch $(ADMIN_STAMP)

admin: $(ADMIN_STAMP)

test: $(STAMP) java $(NODE_STAMP) $(ADMIN_STAMP) chromium mariadb
	$(BIN)/python -m pytest

test-fast: $(STAMP) $(ADMIN_STAMP) mariadb
	$(BIN)/python -m pytest -m "not browser"

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf site $(SITE_TMP) .pytest_cache tests/artifacts
