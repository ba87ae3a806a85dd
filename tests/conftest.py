"""Shared fixtures: a post factory, a small site written into tmp_path, and built sites."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml

from newsroom.config import load_config

ROOT = Path(__file__).resolve().parents[1]
VN = ZoneInfo("Asia/Ho_Chi_Minh")
# 2026-01-01 00:00 Vietnam time: the sample site's posts all lie before it.
SAMPLE_EPOCH = int(datetime(2026, 1, 1, tzinfo=VN).timestamp())
CATEGORIES = ["Tin tức - Sự kiện", "Báo cáo", "Kế hoạch", "Đại hội"]
ADMIN_PACKAGES = ROOT / ".cache" / "admin"  # the admin page's npm tarballs, put there by `make admin`


def site_config(**overrides):
    values = {"unit": "LĐLĐ tỉnh Lai Châu", "categories": CATEGORIES, **overrides}
    return load_config(values)


def write_post(posts_dir: Path, rel: str, body: str = "Nội dung bài viết về công đoàn.\n", **meta) -> Path:
    """Write a post file; `meta` is dumped as YAML front matter (pass `raw_meta` for literal text)."""
    path = posts_dir / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = meta.pop("raw_meta", None)
    header = raw if raw is not None else yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    path.write_text(f"---\n{header}---\n\n{body}", encoding="utf-8")
    return path


def post_meta(**overrides):
    meta = {"title": "Tin công đoàn", "date": "2021-07-29 08:00", "categories": ["Tin tức - Sự kiện"]}
    meta.update(overrides)
    return {k: v for k, v in meta.items() if v is not None}


def mkdocs_build(project: Path, site_dir: Path, epoch: int = SAMPLE_EPOCH, extra_env=None, engine: str = "mkdocs"):
    """Run the real `mkdocs build --strict` (or `properdocs build`), as `make build` does; returns the CompletedProcess."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "NO_MKDOCS_2_WARNING": "1", "NEWSROOM_ADMIN_PACKAGES": str(ADMIN_PACKAGES)}
    env.update(extra_env or {})
    return subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        capture_output=True,
        text=True,
        env=env,
        cwd=project,
    )


def copy_project(target: Path, with_posts: bool = True) -> Path:
    """A copy of this repository's site (config, docs, templates, hooks, optionally the posts)."""
    for name in ("docs", "overrides", "hooks"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copy(ROOT / "package-lock.json", target / "package-lock.json")  # pins the admin page's packages
    if with_posts:
        shutil.copytree(ROOT / "posts", target / "posts")
    else:
        (target / "posts").mkdir()
    return target


@pytest.fixture
def posts_dir(tmp_path):
    path = tmp_path / "posts"
    path.mkdir()
    return path


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory):
    """The repository's own sample site, built once for the whole session."""
    site = tmp_path_factory.mktemp("sample") / "site"
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stderr
    return site


CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).parent / "artifacts"
SUBPATH = "tin-tuc"  # GitHub Pages serves a project site under /<repo>/


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def base_url(sample_site, tmp_path_factory):
    """The built sample site served over HTTP under a sub-path, like a GitHub Pages project site."""
    root = tmp_path_factory.mktemp("www")
    shutil.copytree(sample_site, root / SUBPATH)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/{SUBPATH}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium; run it, or set CHROMIUM")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()


NODE_MODULES = ROOT / "node_modules"  # axe-core and lighthouse, installed by `make test` (npm ci)


def node_tool(relative: str) -> Path:
    """A file of an npm package the tests use; fails (never skips) when `npm ci` has not run."""
    path = NODE_MODULES / relative
    if not path.exists():
        pytest.fail(f"{path} is missing: run `make test` (it runs `npm ci`) or `npm ci` in {ROOT}")
    return path


@pytest.fixture(scope="session")
def pages_url(sample_site, tmp_path_factory):
    """The sample site served like GitHub Pages (gzip, the site's own 404 page) under the sub-path."""
    from pages_server import serve_pages

    root = tmp_path_factory.mktemp("pages")
    shutil.copytree(sample_site, root / SUBPATH)
    with serve_pages(root, SUBPATH) as url:
        yield url


@pytest.fixture(scope="session")
def sample_model():
    """The sample site as the package sees it (posts read, site built at SAMPLE_EPOCH), to compare pages with."""
    from newsroom.reader import read_posts
    from newsroom.site import build_site

    config = load_config(yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]["newsroom"])
    corpus = read_posts(ROOT / "posts", config)
    assert corpus.problems == ()
    return build_site(corpus.posts, config, datetime.fromtimestamp(SAMPLE_EPOCH, VN))
