"""Benchmark: build generated sites with our hook and with Material's blog plugin, print figures.

    python bench/run.py --sizes 1000 5000 --blog-sizes 1000 [--seed 1] [--keep]

For each size the posts are generated once (bench/generate.py), then each engine gets a fresh
temporary project that `mkdocs build --strict` builds in a child process. The child's wall time
and peak resident memory come from os.wait4, so they cover that one build only. The table is
printed and written to bench/out/latest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from importlib.metadata import version
from pathlib import Path

import yaml

from generate import MKDOCS_YML, generate, load_mkdocs_yml
from newsroom.text import slugify

ROOT = MKDOCS_YML.parent
LATEST = ROOT / "bench" / "out" / "latest.json"
SOURCE_DATE_EPOCH = 1735689600  # 2025-01-01 00:00 UTC: after every generated post, so all are due
OUR_FILES = ("mkdocs.yml", "docs", "overrides", "hooks")
AVATAR = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1" fill="#c62828"/></svg>\n'
LOG_TAIL = 30


@dataclass(frozen=True)
class PostInfo:
    """What the figures need to know about one generated post."""

    path: Path  # relative to the posts folder
    date: datetime
    draft: bool


@dataclass(frozen=True)
class Engine:
    """A way to build the generated posts: how to lay out its project, where a post's page lands."""

    name: str
    setup: Callable[[Path, Path], None]  # (generated posts folder, empty project folder)
    post_page: Callable[[PostInfo], str]  # the post's HTML file, relative to site/
    cache: bool = False  # builds keep rendered Markdown in <project>/.cache (NEWSROOM_CACHE)


@dataclass
class Result:
    """One row of the table; the figures are None when the build failed."""

    engine: str
    posts: int
    seconds: float | None = None
    ms_per_post: float | None = None
    peak_mb: float | None = None
    pages: int | None = None
    site_mb: float | None = None
    kb_per_post_page: float | None = None
    missing_post_pages: int = 0
    error: str | None = None
    runs: list[float] = field(default_factory=list)  # seconds of every build; `seconds` is their median


class BuildError(Exception):
    """`mkdocs build` exited with an error; the message is the end of its log."""


def read_front_matter(path: Path) -> tuple[dict, str]:
    """(front matter, body) of a post file."""
    _, meta, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(meta), body


def post_infos(posts_dir: Path) -> list[PostInfo]:
    """Every post under `posts_dir`, with the date written in its front matter."""
    infos = []
    for path in sorted(posts_dir.rglob("*.md")):
        meta, _ = read_front_matter(path)
        date = datetime.strptime(meta["date"], "%Y-%m-%d %H:%M")
        infos.append(PostInfo(path.relative_to(posts_dir), date, bool(meta.get("draft"))))
    return infos


# --- our engine: the repository's own project, with the generated posts in posts/ ---


def setup_ours(posts_dir: Path, project: Path) -> None:
    """Copy mkdocs.yml, docs/, overrides/ and hooks/ of the repository and the posts."""
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for name in OUR_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=ignore)
        else:
            shutil.copy2(source, project / name)
    shutil.copytree(posts_dir, project / "posts")


def setup_ours_warm(posts_dir: Path, project: Path) -> None:
    """Our project, built once with the Markdown cache: the measured builds find it warm."""
    setup_ours(posts_dir, project)
    build(project, cache=True)
    shutil.rmtree(project / "site"), shutil.rmtree(project / "tmp")


def our_post_page(post: PostInfo) -> str:
    return f"{post.date:%Y/%m}/{post.path.stem}/index.html"


# --- Material's blog plugin on the same posts ---


def blog_config() -> dict:
    """A plain Material blog: our site name, search settings and Markdown extensions, blog at the root."""
    ours = load_mkdocs_yml()
    return {
        "site_name": ours["site_name"],
        "site_url": ours["site_url"],
        "theme": {"name": "material", "language": "vi"},
        "plugins": [*ours["plugins"], {"blog": {"blog_dir": ".", "post_url_format": "{date}/{slug}"}}],
        "markdown_extensions": ours["markdown_extensions"],
    }


def blog_post(meta: dict, stem: str) -> dict:
    """Our front matter converted for the blog plugin.

    Kept: title, date (as a YAML datetime, which the plugin requires), categories, authors (as
    ids from docs/.authors.yml), description, draft; `slug` is the file name, as our URLs use it.
    Dropped, for the blog plugin has no equivalent: `unit`, `document` (type, number, signer,
    recipients...) and `tags` (rendered only by Material's separate tags plugin).
    """
    post = {
        "title": meta["title"],
        "date": datetime.strptime(meta["date"], "%Y-%m-%d %H:%M"),
        "categories": meta["categories"],
        "slug": stem,
    }
    if meta.get("authors"):
        post["authors"] = [slugify(name) for name in meta["authors"]]
    for key in ("description", "draft"):
        if key in meta:
            post[key] = meta[key]
    return post


def setup_blog(posts_dir: Path, project: Path) -> None:
    """mkdocs.yml, docs/index.md, docs/.authors.yml and the converted posts in docs/posts/."""
    docs = project / "docs"
    authors: dict[str, dict] = {}
    for path in sorted(posts_dir.rglob("*.md")):
        meta, body = read_front_matter(path)
        for name in meta.get("authors", ()):
            authors[slugify(name)] = {"name": name, "description": "", "avatar": "avatar.svg"}
        target = docs / "posts" / path.relative_to(posts_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"---\n{_dump(blog_post(meta, path.stem))}---\n{body}", encoding="utf-8")
    (docs / "index.md").write_text("# Tin tức\n", encoding="utf-8")
    (docs / "avatar.svg").write_text(AVATAR, encoding="utf-8")
    (docs / ".authors.yml").write_text(_dump({"authors": authors}), encoding="utf-8")
    (project / "mkdocs.yml").write_text(_dump(blog_config()), encoding="utf-8")


def blog_post_page(post: PostInfo) -> str:
    return f"{post.date:%Y/%m/%d}/{post.path.stem}/index.html"


def _dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


OURS = Engine("ours", setup_ours, our_post_page)
OURS_WARM = Engine("ours, warm cache", setup_ours_warm, our_post_page, cache=True)
BLOG = Engine("material-blog", setup_blog, blog_post_page)


# --- measuring ---


def build(project: Path, cache: bool = False) -> tuple[float, float]:
    """Run `mkdocs build --strict` in `project`: (wall seconds, peak RSS in MB) of that child."""
    temp = project / "tmp"  # the blog plugin leaves a temporary folder per build: keep it in here
    temp.mkdir()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": str(SOURCE_DATE_EPOCH), "TMPDIR": str(temp)}
    env.pop("NEWSROOM_CACHE", None)
    if cache:
        env["NEWSROOM_CACHE"] = str(project / ".cache")
    log = project / "build.log"
    with log.open("wb") as output:
        start = time.perf_counter()
        command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
        child = subprocess.Popen(command, cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4: tell Popen
    if child.returncode:
        lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
        raise BuildError("\n".join(lines[-LOG_TAIL:]))
    return seconds, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def measure(engine: Engine, project: Path, result: Result) -> None:
    """Build `engine`'s project once more from nothing (a cold build), add its figures to `result`."""
    for leftover in (project / "site", project / "tmp"):
        shutil.rmtree(leftover, ignore_errors=True)
    try:
        seconds, peak_mb = build(project, engine.cache)
    except BuildError as error:
        result.error = str(error)
        return
    result.runs.append(seconds)
    result.seconds = statistics.median(result.runs)
    result.peak_mb = max(result.peak_mb or 0.0, peak_mb)


def measure_output(engine: Engine, project: Path, posts: list[PostInfo], result: Result) -> None:
    """Pages, sizes and missing post pages of the last build."""
    if result.error:
        return
    result.ms_per_post = 1000 * result.seconds / len(posts)
    site = project / "site"
    files = [path for path in site.rglob("*") if path.is_file()]
    result.pages = sum(1 for path in files if path.suffix == ".html")
    result.site_mb = sum(path.stat().st_size for path in files) / 2**20
    pages = [site / engine.post_page(post) for post in posts if not post.draft]
    found = [page.stat().st_size for page in pages if page.is_file()]
    result.missing_post_pages = len(pages) - len(found)
    result.kb_per_post_page = sum(found) / len(found) / 1024 if found else None


def run(sizes: list[int], blog_sizes: list[int], seed: int, work: Path, repeat: int = 1, warm: bool = False) -> list[Result]:
    """Generate and build every size, `repeat` times per engine, the engines taking turns (so a
    machine that slows down for a while slows both); progress goes to stderr."""
    results = []
    for size in sorted(set(sizes) | set(blog_sizes)):
        posts_dir = work / f"posts-{size}"
        generate(posts_dir, size, seed)
        posts = post_infos(posts_dir)
        chosen = ((OURS, sizes), (OURS_WARM, sizes if warm else []), (BLOG, blog_sizes))
        engines = [engine for engine, wanted in chosen if size in wanted]
        projects = {engine.name: work / f"{slugify(engine.name)}-{size}" for engine in engines}
        rows = {engine.name: Result(engine.name, len(posts)) for engine in engines}
        for engine in engines:
            projects[engine.name].mkdir()
            engine.setup(posts_dir, projects[engine.name])
        for turn in range(1, repeat + 1):
            for engine in engines:
                row = rows[engine.name]
                if row.error:
                    continue
                print(f"{engine.name}: building {size} posts ({turn}/{repeat})...", file=sys.stderr, flush=True)
                measure(engine, projects[engine.name], row)
                print(f"{engine.name}: {_cell(row.runs[-1] if row.runs and not row.error else None, '.1f')} s", file=sys.stderr, flush=True)
        for engine in engines:
            measure_output(engine, projects[engine.name], posts, rows[engine.name])
            results.append(rows[engine.name])
    return results


# --- reporting ---

COLUMNS = (  # header, Result field, format
    ("engine", "engine", ""),
    ("posts", "posts", "d"),
    ("seconds", "seconds", ".1f"),
    ("s/post (ms)", "ms_per_post", ".1f"),
    ("peak MB", "peak_mb", ".0f"),
    ("pages", "pages", "d"),
    ("site MB", "site_mb", ".1f"),
    ("KB/post page", "kb_per_post_page", ".1f"),
    ("runs (s)", "runs", ""),
)


def _cell(value, spec: str) -> str:
    if isinstance(value, list):
        return " ".join(format(seconds, ".1f") for seconds in value)
    return "FAILED" if value is None else format(value, spec)


def table(results: list[Result]) -> str:
    """The results as plain text: text left-aligned, numbers right-aligned."""
    rows = [[header for header, _, _ in COLUMNS]]
    rows += [[_cell(getattr(result, key), spec) for _, key, spec in COLUMNS] for result in results]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    lines = []
    for row in rows:
        cells = [cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths))]
        lines.append("  ".join(cells))
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(lines)


def _seconds(results: list[Result], engine: str) -> dict[int, float]:
    return {r.posts: r.seconds for r in results if r.engine == engine and r.seconds is not None}


def speed_ratios(results: list[Result]) -> dict[int, float]:
    """Blog seconds / our seconds at each size both engines built."""
    ours, blog = _seconds(results, OURS.name), _seconds(results, BLOG.name)
    return {size: blog[size] / ours[size] for size in sorted(ours.keys() & blog.keys())}


def growth(results: list[Result], engine: str) -> str | None:
    """How time grew from the smallest to the largest size, next to how the post count grew."""
    seconds = _seconds(results, engine)
    if len(seconds) < 2:
        return None
    small, large = min(seconds), max(seconds)
    times = seconds[large] / seconds[small]
    return f"{engine}: {large / small:.1f}x the posts ({small} -> {large}) took {times:.1f}x the time"


def report(results: list[Result], seed: int) -> str:
    """The printed report: table, speed ratios, growth, and the errors of failed builds."""
    lines = [table(results), ""]
    ratios = speed_ratios(results)
    lines += [f"speed blog/ours at {size} posts: {ratio:.1f}x" for size, ratio in ratios.items()]
    lines += [line for line in (growth(results, OURS.name), growth(results, BLOG.name)) if line]
    for result in results:
        if result.missing_post_pages:
            lines.append(f"WARNING {result.engine} {result.posts}: {result.missing_post_pages} post pages not found")
        if result.error:
            lines += [f"\n{result.engine} with {result.posts} posts FAILED; end of its log:", result.error]
    lines.append(f"(seed {seed}; {os.cpu_count()} CPUs; Python {platform.python_version()})")
    return "\n".join(lines)


def measured_on(seed: int) -> dict:
    """What a benchmark's figures were measured on, for its JSON file."""
    return {
        "seed": seed,
        "source_date_epoch": SOURCE_DATE_EPOCH,
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "mkdocs_material": version("mkdocs-material"),
        "cpus": os.cpu_count(),
    }


def save(results: list[Result], seed: int, path: Path = LATEST) -> None:
    """Write the results, with what they were measured on, as JSON."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        **measured_on(seed),
        "results": [asdict(result) for result in results],
        "speed_ratio_blog_over_ours": speed_ratios(results),
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _size(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("a size is a number of posts, at least 1")
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", type=_size, nargs="*", default=[1000, 5000], help="post counts built with our hook (default 1000 5000)"
    )
    parser.add_argument(
        "--blog-sizes", type=_size, nargs="*", default=[1000], help="post counts built with the blog plugin (default 1000)"
    )
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary projects and print where they are")
    parser.add_argument(
        "--warm", action="store_true", help="also build ours with a Markdown cache kept from a first build (NEWSROOM_CACHE)"
    )
    parser.add_argument(
        "--repeat", type=_size, default=1, help="cold builds per engine and size, taking turns; the table shows the median (default 1)"
    )
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="newsroom-bench-"))
    try:
        results = run(args.sizes, args.blog_sizes, args.seed, work, args.repeat, args.warm)
    finally:
        if args.keep:
            print(f"projects kept in {work}", file=sys.stderr)
        else:
            shutil.rmtree(work)
    print(report(results, args.seed))
    save(results, args.seed)
    print(f"written to {LATEST.relative_to(ROOT)}")
    return 1 if any(result.error for result in results) else 0


if __name__ == "__main__":
    sys.exit(main())
