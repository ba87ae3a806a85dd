"""Benchmark: our sharded search against Material's built-in (lunr) search on the same posts.

    python bench/search.py --posts 10000 [--seed 1] [--keep DIR]

The posts are generated once (bench/generate.py). Our site (this repository with the posts) and a
plain Material site (the posts as ordinary pages, indexed by Material's `search` plugin) are built
with `mkdocs build --strict`, then each is served from 127.0.0.1 by a small server that gzips text
like GitHub Pages and logs every response's bytes. Headless Chromium opens the home page, types a
first two-word query into the header search box, then a second one, and the bytes and the time
to the first results are measured. The table is printed and written to bench/out/search.json.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import mimetypes
import os
import platform
import shutil
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import formatdate
from importlib.metadata import version
from pathlib import Path

import yaml

from generate import generate, load_mkdocs_yml
from run import ROOT, SOURCE_DATE_EPOCH, BuildError, build, measured_on, read_front_matter, setup_ours

OUT = ROOT / "bench" / "out" / "search.json"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
QUERIES = ("cong doan", "dai hoi")  # what a reader types, without diacritics, as most do on phones
ACCENTED = ("công đoàn", "đại hội")  # the same, with diacritics (pasted only: see `Probe.query`)
TYPING_DELAY_MS = 80  # between keystrokes
QUIET_S = 1.0  # no response and no new results for this long: the query is done
QUERY_TIMEOUT_S = 300.0
GZIP_LEVEL = 6
GZIPPED = {".json", ".js", ".html", ".css", ".xml", ".svg", ".txt"}
SEARCH_PATHS = ("search/", "news-search", "javascripts/workers/", "javascripts/lunr/")
TARGET_KB, TARGET_MS = 300, 500


# --- building ---


def material_config() -> dict:
    """A plain Material site: our name, language, fonts, search settings and Markdown extensions.

    Our `font: false` is kept so that neither site asks Google Fonts for anything.
    Only the home page is in the navigation: with every post in it, each page would carry a
    10,000-entry menu. `not_in_nav` keeps MkDocs quiet about the others; they are still built
    and indexed by the search plugin like any page.
    """
    ours = load_mkdocs_yml()
    return {
        "site_name": ours["site_name"],
        "site_url": ours["site_url"],
        "theme": {"name": "material", "language": ours["theme"]["language"], "font": ours["theme"]["font"]},
        "plugins": ours["plugins"],
        "markdown_extensions": ours["markdown_extensions"],
        "nav": [{"Trang chủ": "index.md"}],
        "not_in_nav": "/posts/\n",
    }


def setup_material(posts_dir: Path, project: Path) -> None:
    """docs/index.md and each post as docs/posts/YYYY/MM/<slug>.md with its title (and description)."""
    docs = project / "docs"
    for path in sorted(posts_dir.rglob("*.md")):
        meta, body = read_front_matter(path)
        if meta.get("draft"):
            continue  # ours leaves drafts out of the site and the index; so does this one
        page = {"title": meta["title"]}
        if meta.get("description"):
            page["description"] = meta["description"]
        target = docs / "posts" / path.relative_to(posts_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"---\n{_dump(page)}---\n\n{body}", encoding="utf-8")
    home = "# Tin tức\n\nTìm bài viết bằng ô tìm kiếm ở đầu trang.\n"
    (docs / "index.md").write_text(home, encoding="utf-8")
    (project / "mkdocs.yml").write_text(_dump(material_config()), encoding="utf-8")


def setup_material_without_search(material: Path, project: Path) -> None:
    """The same Material site without the search plugin (docs shared), to see what search costs."""
    config = {**material_config(), "plugins": [], "docs_dir": str(material / "docs")}
    (project / "mkdocs.yml").write_text(_dump(config), encoding="utf-8")


def _dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def our_search_seconds(project: Path, repeat: int = 3) -> tuple[float, dict[str, bytes], int]:
    """Median seconds of `build_search_index` on the project's published posts, its files, post count.

    The posts are read and indexed as the hook does, at the same build time (SOURCE_DATE_EPOCH).
    """
    from newsroom import build_site, load_config, read_posts
    from newsroom.pages import build_time
    from newsroom.search import build_search_index

    settings = load_config(load_mkdocs_yml(project / "mkdocs.yml")["extra"]["newsroom"])
    now = build_time({"SOURCE_DATE_EPOCH": str(SOURCE_DATE_EPOCH)}, settings.timezone, datetime.now())
    corpus = read_posts(project / settings.posts_dir, settings, root=project, docs_dir=project / "docs")
    site = build_site(corpus.posts, settings, now)
    times, files = [], {}
    for _ in range(repeat):
        start = time.perf_counter()
        files = build_search_index(site.posts)
        times.append(time.perf_counter() - start)
    return statistics.median(times), files, len(site.posts)


def our_index_stats(site: Path, files: dict[str, bytes]) -> dict:
    """Files, sizes and the shards a query needs, from site/search/ (Material's search_index.json apart)."""
    from newsroom.search import fnv1a

    found = {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in (site / "search").rglob("*")
        if path.is_file() and path.name != "search_index.json"
    }
    sizes = {name: (len(data), gzip_size(data)) for name, data in found.items()}
    kinds: dict[str, list[tuple[int, int]]] = {}
    for name, size in sizes.items():
        part = name.split("/")[1]
        kinds.setdefault("meta" if part == "meta.json" else part, []).append(size)
    meta = json.loads(found["search/meta.json"])

    def shard_of(term: str) -> dict:
        name = f"search/s/{fnv1a(term) % meta['s']}.json"
        shard = json.loads(found[name])
        postings = shard["p"].get(term, [])
        return {
            "term": term,
            "shard": name,
            "raw": sizes[name][0],
            "gzip": sizes[name][1],
            "posts": len(postings) // 2,
            "postings_bytes": len(json.dumps(postings, separators=(",", ":"))),
            "variants_bytes": len(json.dumps(shard["x"].get(term), ensure_ascii=False, separators=(",", ":"))),
        }

    shards = sorted(sizes[n] for n in sizes if n.startswith("search/s/"))
    records = [sizes[n] for n in sizes if n.startswith("search/d/")]
    terms = [t for q in QUERIES for t in (*q.split(), q)]
    material_index = site / "search" / "search_index.json"
    return {
        "files": len(found),
        "raw_bytes": sum(r for r, _ in sizes.values()),
        "gzip_bytes": sum(g for _, g in sizes.values()),
        "matches_in_process_build": sorted(found) == sorted(files) and all(found[n] == files[n] for n in found),
        "by_kind": {
            kind: {"files": len(v), "raw": sum(r for r, _ in v), "gzip": sum(g for _, g in v)}
            for kind, v in kinds.items()
        },
        "shards": {
            "count": meta["s"],
            "raw_median": statistics.median(r for r, _ in shards),
            "raw_max": shards[-1][0],
            "gzip_max": max(g for _, g in shards),
            "largest": sorted(((sizes[n][0], n) for n in sizes if n.startswith("search/s/")), reverse=True)[:5],
        },
        "records": {
            "count": len(records),
            "raw_mean": statistics.mean(r for r, _ in records),
            "gzip_mean": statistics.mean(g for _, g in records),
        },
        "meta_json": {"raw": sizes["search/meta.json"][0], "gzip": sizes["search/meta.json"][1]},
        "query_shards": [shard_of(term) for term in terms],
        "material_static_index": {"raw": material_index.stat().st_size, "gzip": gzip_size(material_index.read_bytes())}
        if material_index.is_file()
        else None,
    }


def material_index_stats(site: Path) -> dict:
    data = (site / "search" / "search_index.json").read_bytes()
    return {
        "files": 1,
        "raw_bytes": len(data),
        "gzip_bytes": gzip_size(data),
        "entries": len(json.loads(data)["docs"]),
    }


# --- serving ---


def _is_search(path: str) -> bool:
    """A file only search needs: the index, the search worker and its scripts (lunr for Material)."""
    return any(part in path for part in SEARCH_PATHS)


@dataclass
class Hit:
    """One response: when it started and ended (epoch seconds), what and how much went out."""

    start: float
    path: str
    status: int = 0
    end: float = 0.0
    header_bytes: int = 0
    body_bytes: int = 0  # on the wire: gzipped when it was
    raw_bytes: int = 0  # the file itself

    @property
    def wire_bytes(self) -> int:
        return self.header_bytes + self.body_bytes

    @property
    def search(self) -> bool:
        return _is_search(self.path)


@dataclass
class Traffic:
    """What the server sent, and how many responses are under way."""

    hits: list[Hit] = field(default_factory=list)
    busy: int = 0
    last: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def begin(self, path: str) -> Hit:
        hit = Hit(time.time(), path)
        with self.lock:
            self.hits.append(hit)
            self.busy += 1
            self.last = hit.start
        return hit

    def finish(self, hit: Hit) -> None:
        hit.end = time.time()
        with self.lock:
            self.busy -= 1
            self.last = hit.end

    def reset(self) -> None:
        """Forget what was sent (to a previous reader); responses under way are kept."""
        with self.lock:
            self.hits = [hit for hit in self.hits if not hit.end]

    def quiet_for(self) -> float:
        """Seconds since the last response began or ended; 0 while one is under way."""
        with self.lock:
            return 0.0 if self.busy else time.time() - self.last

    def between(self, start: float, end: float) -> list[Hit]:
        with self.lock:
            return [hit for hit in self.hits if start <= hit.start < end]


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files over HTTP/1.1 keep-alive; text gzipped when the client accepts it, like GitHub Pages."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # else each response's body waits ~40 ms for the headers' ACK
    traffic: Traffic
    compressed: dict[str, bytes]
    compress_lock: threading.Lock

    def log_message(self, *args):
        pass

    def end_headers(self):
        if hasattr(self, "hit"):  # every GET; other methods are not logged
            self.hit.header_bytes = sum(len(part) for part in getattr(self, "_headers_buffer", []))
        super().end_headers()

    def do_GET(self):
        self.hit = self.traffic.begin(self.path.split("?")[0])
        try:
            self._serve()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        finally:
            self.traffic.finish(self.hit)

    def _serve(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                self.hit.status = 301
                self.send_response(301)
                self.send_header("Location", self.path.split("?")[0] + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            path = path / "index.html"
        if not path.is_file():
            self.hit.status = 404
            self.send_error(404)
            return
        stat = path.stat()
        zipped = path.suffix in GZIPPED and "gzip" in self.headers.get("Accept-Encoding", "")
        etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}{"-gz" if zipped else ""}"'
        if self.headers.get("If-None-Match") == etag:
            self.hit.status = 304
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", "max-age=600")
            self.end_headers()
            return
        body = self._gzipped(path) if zipped else path.read_bytes()
        self.hit.status = 200
        self.hit.raw_bytes = stat.st_size
        self.hit.body_bytes = len(body)
        self.send_response(200)
        self.send_header("Content-Type", mimetypes.guess_type(path.name)[0] or "application/octet-stream")
        self.send_header("Content-Length", str(len(body)))
        if zipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", "max-age=600")  # what GitHub Pages sends
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", formatdate(stat.st_mtime, usegmt=True))
        self.end_headers()
        self.wfile.write(body)

    def _gzipped(self, path: Path) -> bytes:
        """Compressed once, then from memory: the time to compress is not counted against a site."""
        key = str(path)
        with self.compress_lock:
            if key not in self.compressed:
                self.compressed[key] = gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL, mtime=0)
            return self.compressed[key]


class Server:
    """A threaded HTTP server for one built site on 127.0.0.1, on a free port."""

    def __init__(self, site: Path):
        self.site = site
        self.traffic = Traffic()
        handler = type(
            "Handler",
            (_Handler,),
            {"traffic": self.traffic, "compressed": {}, "compress_lock": threading.Lock()},
        )
        self.handler = handler
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def prepare(self, paths: list[str]) -> None:
        """Compress the big files before the clock runs (GitHub Pages' CDN keeps them compressed)."""
        for name in paths:
            path = self.site / name
            if path.suffix in GZIPPED and path.is_file():
                self.handler.compressed[str(path)] = gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL, mtime=0)


# --- the browser ---

# Installed in every page before its scripts run: the time of each key release in the search box
# (Material reads the box on key up) and of each answer shown (Material rewrites the result count
# above the list for every answer, with the list already filled).
PROBE = """
(() => {
  const bench = window.__bench = { keyups: [], answers: [] };
  document.addEventListener("keyup", (event) => {
    if (event.target instanceof HTMLInputElement && event.target.matches(".md-search__input"))
      bench.keyups.push({ t: performance.now(), key: event.key, value: event.target.value });
  }, true);
  document.addEventListener("DOMContentLoaded", () => {
    const meta = document.querySelector(".md-search-result__meta");
    const list = document.querySelector(".md-search-result__list");
    const input = document.querySelector(".md-search__input");
    if (!meta || !list) return;
    new MutationObserver(() => {
      const t = performance.now();
      const first = list.querySelector(".md-search-result__item");
      bench.answers.push({
        t: t,
        value: input.value,
        meta: meta.textContent.trim(),
        items: list.querySelectorAll(".md-search-result__item").length,
        first: first ? first.innerText.slice(0, 300) : "",
        href: first && first.querySelector("a") ? first.querySelector("a").getAttribute("href") : "",
      });
    }).observe(meta, { childList: true, characterData: true, subtree: true });
  });
})();
"""


@dataclass
class QueryResult:
    query: str
    input: str
    ms: float | None = None  # last key release -> first answer to the final query shown
    wire_bytes: int = 0
    raw_bytes: int = 0
    requests: int = 0
    wire_bytes_at_load: int = 0  # search files fetched while the page loaded (1st query only)
    raw_bytes_at_load: int = 0
    chromium_bytes: int = 0  # Chromium's own count (Playwright's request sizes), same span
    shown: str = ""  # the result count Material's box shows
    items: int = 0
    first_result: str = ""
    answers: int = 0  # answers shown while typing this query
    ms_network_to_answer: float | None = None  # last response before the answer -> answer shown
    timed_out: bool = False
    paths: list[tuple[str, int, int, int]] = field(default_factory=list)  # path, status, wire, raw
    timeline: list[tuple[float, float, str]] = field(default_factory=list)  # ms after the last key up


@dataclass
class Run:
    engine: str
    input: str
    load_requests: int = 0  # the page alone (input "load"), until the network is quiet
    load_wire_bytes: int = 0
    load_raw_bytes: int = 0
    load_search_wire_bytes: int = 0
    load_search_raw_bytes: int = 0
    load_paths: list[tuple[str, int, int, int]] = field(default_factory=list)
    queries: list[QueryResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class Network:
    """Chromium's own byte counts (headers and body as received), worker requests included.

    A request is dated when Playwright reports it finished: close enough to split the page load
    from the queries, which are a second of quiet apart.
    """

    def __init__(self, context):
        self.finished: list[tuple[float, object]] = []
        context.on("requestfinished", lambda request: self.finished.append((time.time(), request)))

    def between(self, start: float, end: float, search_before: bool = False) -> int:
        total = 0
        for seen, request in self.finished:
            early = search_before and seen < start and _is_search(request.url)
            if start <= seen < end or early:
                sizes = request.sizes()
                total += sizes["responseHeadersSize"] + sizes["responseBodySize"]
        return total


class Probe:
    """One reader on one site: a fresh browser context (empty cache), the home page, two queries."""

    def __init__(self, browser, server: Server, engine: str, mode: str):
        self.server, self.engine, self.mode = server, engine, mode
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.context.add_init_script(PROBE)
        self.page = self.context.new_page()
        self.run = Run(engine, mode)
        self.page.on("pageerror", lambda error: self.run.errors.append(f"pageerror: {error}"))
        self.page.on("console", self._console)
        self.context.on("requestfailed", lambda r: self.run.errors.append(f"request failed: {r.url} {r.failure}"))
        self.network = Network(self.context)

    def _console(self, message):
        if message.type in ("error", "warning"):
            self.run.errors.append(f"console {message.type}: {message.text}")

    def measure(self, queries: tuple[str, str]) -> Run:
        self.server.traffic.reset()
        try:
            self.page.goto(self.server.url, wait_until="load")
            if not queries:  # the page alone, until nothing moves
                deadline = time.time() + QUERY_TIMEOUT_S
                while self.server.traffic.quiet_for() <= QUIET_S and time.time() < deadline:
                    self.page.wait_for_timeout(100)
                hits = self.server.traffic.between(0, time.time())
                self.run.load_requests = len(hits)
                self.run.load_wire_bytes = sum(hit.wire_bytes for hit in hits)
                self.run.load_raw_bytes = sum(hit.raw_bytes for hit in hits)
                self.run.load_search_wire_bytes = sum(hit.wire_bytes for hit in hits if hit.search)
                self.run.load_search_raw_bytes = sum(hit.raw_bytes for hit in hits if hit.search)
                self.run.load_paths = [(hit.path, hit.status, hit.wire_bytes, hit.raw_bytes) for hit in hits]
            for number, text in enumerate(queries):
                self.run.queries.append(self.query(text, first=number == 0))
        finally:
            self.context.close()
        return self.run

    def query(self, text: str, first: bool) -> QueryResult:
        page, traffic = self.page, self.server.traffic
        result = QueryResult(text, self.mode)
        page.evaluate("() => { window.__bench.keyups = []; window.__bench.answers = []; }")
        start = time.time()
        box = page.locator("input.md-search__input")
        if first:
            page.keyboard.press("/")  # Material's shortcut: focus the header search box
        if self.mode == "typed":
            if not first:
                page.keyboard.press("Control+A")  # the next key replaces the previous query
            # keyboard.type sends key events for ASCII only; other characters arrive without key
            # up, which Material waits for: the typed queries are the unaccented ones
            page.keyboard.type(text, delay=TYPING_DELAY_MS)
        else:
            box.fill(text)  # pasted at once
            box.press("End")  # Material reads the box on key up
        state = self._settle(result)
        end = time.time()
        hits = traffic.between(start, end)
        if first:  # the search files the page fetched as it loaded belong to the first query
            early = [hit for hit in traffic.between(0, start) if hit.search]
            result.wire_bytes_at_load = sum(hit.wire_bytes for hit in early)
            result.raw_bytes_at_load = sum(hit.raw_bytes for hit in early)
            hits = early + hits
        result.wire_bytes = sum(hit.wire_bytes for hit in hits)
        result.raw_bytes = sum(hit.raw_bytes for hit in hits)
        result.requests = len(hits)
        result.paths = [(hit.path, hit.status, hit.wire_bytes, hit.raw_bytes) for hit in hits]
        result.chromium_bytes = self.network.between(start, end, search_before=first)
        if state and result.ms is not None:
            keyup = (state["origin"] + state["keyup_t"]) / 1000
            shown_at = (state["origin"] + state["answer_t"]) / 1000
            before = [hit.end for hit in hits if hit.end and hit.end <= shown_at]
            if before:
                result.ms_network_to_answer = (shown_at - max(before)) * 1000
            result.timeline = [
                (round((hit.start - keyup) * 1000, 1), round((hit.end - keyup) * 1000, 1), hit.path)
                for hit in hits
                if hit.start >= keyup - 0.001
            ]
        return result

    def _settle(self, result: QueryResult) -> dict | None:
        """Wait until the final query is answered and nothing moves; fill in the time and what is shown."""
        page, traffic = self.page, self.server.traffic
        deadline = time.time() + QUERY_TIMEOUT_S
        while True:
            state = page.evaluate(
                "() => ({ now: performance.now(), origin: performance.timeOrigin,"
                " keyups: window.__bench.keyups, answers: window.__bench.answers })"
            )
            last_key = state["keyups"][-1]["t"] if state["keyups"] else 0.0
            after = [a for a in state["answers"] if a["t"] >= last_key]
            quiet_page = not state["answers"] or state["now"] - state["answers"][-1]["t"] > QUIET_S * 1000
            if after and quiet_page and traffic.quiet_for() > QUIET_S:
                break
            if time.time() > deadline:
                result.timed_out = True
                break
            page.wait_for_timeout(100)
        result.answers = len(state["answers"])
        if not after:
            return None
        final = after[-1]
        shown = next(a for a in after if (a["meta"], a["first"]) == (final["meta"], final["first"]))
        result.ms = shown["t"] - last_key
        result.shown, result.items, result.first_result = final["meta"], final["items"], final["first"].split("\n")[0]
        return {"origin": state["origin"], "answer_t": shown["t"], "keyup_t": last_key}


def browse(sites: dict[str, Path], modes: list[tuple[str, tuple[str, str]]]) -> list[Run]:
    """Every (engine, input) pair in a fresh context; the engines' servers run one at a time."""
    from playwright.sync_api import sync_playwright

    runs = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for engine, site in sites.items():
                with Server(site) as server:
                    server.prepare(["search/search_index.json"])
                    for mode, queries in [("load", ()), *modes]:
                        print(f"{engine}: {mode} in Chromium...", file=sys.stderr, flush=True)
                        runs.append(Probe(browser, server, engine, mode).measure(queries))
        finally:
            browser.close()
    return runs


# --- reporting ---


@dataclass
class Build:
    engine: str
    posts: int
    published: int
    seconds: float
    peak_mb: float
    search_seconds: float | None
    index: dict


def _kb(value: int | None) -> str:
    return "-" if value is None else f"{value / 1024:.0f}"


def _ms(query: QueryResult | None) -> str:
    if query is None or query.ms is None:
        return "timeout" if query and query.timed_out else "-"
    return f"{query.ms:.0f}"


def table(builds: dict[str, Build], runs: list[Run]) -> str:
    header = [
        "engine", "input", "posts", "build s", "search s", "index files", "index MB raw/gz",
        "1st query KB wire/raw", "1st ms", "2nd query KB wire/raw", "2nd ms", "hits 1st|2nd",
    ]  # fmt: skip
    rows = [header]
    for run in runs:
        if not run.queries:
            continue  # the page load alone: see `notes`
        b = builds[run.engine]
        q1, q2 = (run.queries + [None, None])[:2]
        rows.append([
            run.engine,
            run.input,
            str(b.posts),
            f"{b.seconds:.1f}",
            "-" if b.search_seconds is None else f"{b.search_seconds:.1f}",
            str(b.index["files"]),
            f"{b.index['raw_bytes'] / 2**20:.1f}/{b.index['gzip_bytes'] / 2**20:.1f}",
            f"{_kb(q1.wire_bytes)}/{_kb(q1.raw_bytes)}" if q1 else "-",
            _ms(q1),
            f"{_kb(q2.wire_bytes)}/{_kb(q2.raw_bytes)}" if q2 else "-",
            _ms(q2),
            "|".join(_hits(q) for q in (q1, q2) if q),
        ])  # fmt: skip
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    left = {0, 1}
    lines = [
        "  ".join(cell.ljust(w) if i in left else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths)))
        for row in rows
    ]
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(lines)


def _hits(query: QueryResult) -> str:
    """The result count the box shows ("20", Material's "5.3k"), or 0 for "nothing found"."""
    count = query.shown.split(" ")[0] if query.shown else ""
    return count if count[:1].isdigit() else "0" if query.shown and not query.items else "?"


def targets(runs: list[Run]) -> str:
    """Whether our search meets the issue's targets, in every input mode."""
    ours = [run for run in runs if run.engine == "ours" and run.queries]
    misses = []
    for run in ours:
        q1 = run.queries[0] if run.queries else None
        if q1 is None or q1.wire_bytes / 1024 >= TARGET_KB:
            misses.append(f"{run.input} 1st query {_kb(q1.wire_bytes if q1 else None)} KB")
        for q in run.queries:
            if q.ms is None or q.ms >= TARGET_MS:
                misses.append(f"{run.input} {q.query!r} {_ms(q)} ms")
    verdict = "met" if ours and not misses else "not met"
    detail = f" ({'; '.join(misses)})" if misses else ""
    return f"targets: first query < {TARGET_KB} KB, results < {TARGET_MS} ms: {verdict}{detail}"


def notes(builds: dict[str, Build], runs: list[Run]) -> list[str]:
    lines = []
    ours = builds.get("ours")
    if ours:
        s, records = ours.index["shards"], ours.index["records"]
        kinds = ours.index["by_kind"].items()
        lines.append(
            f"ours: {ours.published} posts published; index {ours.index['files']} files: "
            + ", ".join(f"{k} {v['files']} ({v['raw'] / 2**20:.1f}/{v['gzip'] / 2**20:.1f} MB)" for k, v in kinds)
            + f"; shards median {s['raw_median'] / 1024:.1f} KB,"
            + f" max {s['raw_max'] / 1024:.1f} KB raw / {s['gzip_max'] / 1024:.1f} KB gz;"
            + f" records {records['raw_mean'] / 1024:.1f} KB raw / {records['gzip_mean'] / 1024:.1f} KB gz on average"
        )
        for q in ours.index["query_shards"]:
            lines.append(
                f"  shard for {q['term']!r}: {q['shard']} {q['raw'] / 1024:.1f} KB raw / {q['gzip'] / 1024:.1f} KB gz;"
                f" {q['posts']} posts, postings {q['postings_bytes'] / 1024:.1f} KB,"
                f" variants {q['variants_bytes'] / 1024:.1f} KB"
            )
        if not ours.index["matches_in_process_build"]:
            lines.append("  WARNING: site/search/ differs from build_search_index() run in-process on the same posts")
    for name, b in builds.items():
        if b.search_seconds is not None:
            how = "build_search_index() in-process" if name == "ours" else "build - build without the search plugin"
            lines.append(
                f"{name}: search adds {b.search_seconds:.1f} s of {b.seconds:.1f} s ({how}); peak {b.peak_mb:.0f} MB"
            )
    for run in runs:
        if not run.queries:
            lines.append(
                f"{run.engine}: the home page alone fetches {run.load_requests} files,"
                f" {_kb(run.load_wire_bytes)} KB wire /"
                f" {_kb(run.load_raw_bytes)} KB raw, of which search {_kb(run.load_search_wire_bytes)} KB wire /"
                f" {_kb(run.load_search_raw_bytes)} KB raw ("
                + ", ".join(f"{path} {_kb(wire)}" for path, _, wire, _ in run.load_paths if _is_search(path))
                + ")"
            )
        else:
            early = _kb(run.queries[0].wire_bytes_at_load)
            lines.append(f"{run.engine}/{run.input}: 1st query includes {early} KB of search files fetched at load")
        for q in run.queries:
            extra = f", network->answer {q.ms_network_to_answer:.0f} ms" if q.ms_network_to_answer is not None else ""
            lines.append(
                f"  {q.query!r}: {q.requests} requests, {q.answers} answers shown,"
                f" Chromium counted {_kb(q.chromium_bytes)} KB{extra}"
            )
        for error in dict.fromkeys(run.errors):
            lines.append(f"  {run.engine}/{run.input} {error}")
    return lines


def save(builds: dict[str, Build], runs: list[Run], seed: int, path: Path = OUT) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        **measured_on(seed),
        "playwright": version("playwright"),
        "typing_delay_ms": TYPING_DELAY_MS,
        "gzip_level": GZIP_LEVEL,
        "builds": {name: vars(b) for name, b in builds.items()},
        "runs": [
            {**{k: v for k, v in vars(run).items() if k != "queries"}, "queries": [vars(q) for q in run.queries]}
            for run in runs
        ],
        "targets": targets(runs),
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# --- main ---


def build_all(count: int, seed: int, work: Path) -> dict[str, Build]:
    posts_dir = work / "posts"
    print(f"generating {count} posts...", file=sys.stderr, flush=True)
    generate(posts_dir, count, seed)
    builds = {}

    project = work / "ours"
    project.mkdir()
    setup_ours(posts_dir, project)
    print("ours: building...", file=sys.stderr, flush=True)
    seconds, peak = build(project)
    print(f"ours: {seconds:.1f} s; timing build_search_index in-process...", file=sys.stderr, flush=True)
    search_seconds, files, published = our_search_seconds(project)
    index = our_index_stats(project / "site", files)
    builds["ours"] = Build("ours", count, published, seconds, peak, search_seconds, index)

    material = work / "material"
    material.mkdir()
    setup_material(posts_dir, material)
    print("material: building...", file=sys.stderr, flush=True)
    seconds, peak = build(material)
    print(f"material: {seconds:.1f} s; building again without the search plugin...", file=sys.stderr, flush=True)
    plain = work / "material-without-search"
    plain.mkdir()
    setup_material_without_search(material, plain)
    without, _ = build(plain)
    pages = sum(1 for _ in (material / "docs" / "posts").rglob("*.md"))
    builds["material"] = Build(
        "material", count, pages, seconds, peak, max(0.0, seconds - without), material_index_stats(material / "site")
    )
    return builds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=10000, help="posts to generate (default 10000)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="build in DIR (missing or empty) and keep it")
    args = parser.parse_args(argv)
    if args.posts < 1:
        parser.error("--posts must be at least 1")
    if args.keep:
        if args.keep.exists() and any(args.keep.iterdir()):
            parser.error(f"{args.keep} is not empty")
        args.keep.mkdir(parents=True, exist_ok=True)
        work = args.keep.resolve()
    else:
        work = Path(tempfile.mkdtemp(prefix="newsroom-search-bench-"))
    try:
        try:
            builds = build_all(args.posts, args.seed, work)
        except BuildError as error:
            print(f"build FAILED; end of its log:\n{error}", file=sys.stderr)
            return 1
        modes = [("typed", QUERIES), ("pasted", QUERIES), ("pasted-accented", ACCENTED)]
        runs = browse({name: work / name / "site" for name in builds}, modes)
    finally:
        if args.keep:
            print(f"projects kept in {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(table(builds, runs))
    print("hits: ours lists its best 20 posts; Material counts every matching page and page section (lunr documents).")
    print(f"queries: {' then '.join(QUERIES)}, typed key by key or pasted; pasted-accented: {' then '.join(ACCENTED)}")
    print(targets(runs))
    print()
    print("\n".join(notes(builds, runs)))
    machine = f"{os.cpu_count()} CPUs; Python {platform.python_version()}"
    print(f"(seed {args.seed}; {machine}; KB = 1024 bytes; gzip level {GZIP_LEVEL})")
    save(builds, runs, args.seed)
    print(f"written to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
