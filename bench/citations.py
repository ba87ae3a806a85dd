"""Document cross-references on a large site: how long the citation index and the links take.

Not a test: it prints figures. Generated posts (bench/generate.py) are read as the build reads
them; then each post gets 0-3 sentences citing documents (numbers of the site's own documents in
every written form, Party and state documents the site does not have) among dates, ratios and
ranges that must not match. Timed, each the best of `--repeat` runs:

- index: `index_citations` over every published post (title, description and body), the pass
  the build makes once;
- links: `link_citations` over every post's rendered body (Python-Markdown's HTML, rendered
  before the clock starts), the pass the build makes page by page.

    .venv/bin/python bench/citations.py --sizes 1000 10000
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import markdown

from generate import MKDOCS_YML, generate, load_mkdocs_yml
from newsroom.citations import citation_links, index_citations, link_citations
from newsroom.config import load_config
from newsroom.reader import read_posts
from newsroom.site import published

NOW = datetime(2026, 1, 1, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
ELSEWHERE = ("02-NQ/TW", "09-CTr/TU", "16/CT-TTg", "12/2021/NQ-HĐND", "1234/LĐLĐ-VP", "08-QĐi/TW", "7c/NQ-BCH")
NOISE = ("ngày 28/7/2021", "đạt 790/812 đơn vị", "nhiệm kỳ 2023-2028", "phòng chống dịch Covid-19", "lúc 14:23")


def _spelling(number: str, rng: random.Random) -> str:
    """One of the ways staff write a number: as issued, D for Đ, spaces around the signs."""
    return rng.choice([number, number.replace("Đ", "D"), number.replace("/", " / ").replace("-", " - ")])


def _with_citations(posts, rng: random.Random):
    numbers = sorted({p.document.number for p in posts if p.document})
    cited = []
    for post in posts:
        sentences = []
        for _ in range(rng.randint(0, 3)):
            number = rng.choice(numbers) if rng.random() < 0.7 else rng.choice(ELSEWHERE)
            sentences.append(f"Thực hiện văn bản số {_spelling(number, rng)} {rng.choice(NOISE)}, các cấp công đoàn triển khai.")
        body = post.body + ("\n\n" + " ".join(sentences) if sentences else "")
        cited.append(replace(post, body=body))
    return tuple(cited)


def _best(work, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return min(times), result


def measure(size: int, seed: int, repeat: int) -> dict:
    config = load_config(load_mkdocs_yml(MKDOCS_YML)["extra"]["newsroom"])
    with tempfile.TemporaryDirectory() as folder:
        posts_dir = Path(folder) / "posts"
        generate(posts_dir, size, seed)
        corpus = read_posts(posts_dir, config)
    posts = _with_citations(published(corpus.posts, NOW), random.Random(seed))
    index_s, citations = _best(lambda: index_citations(posts), repeat)
    converter = markdown.Markdown(extensions=["tables", "toc"])
    pages = [(post, converter.reset().convert(post.body)) for post in posts]

    def link_all():
        return [link_citations(html, citation_links(post, citations)) for post, html in pages]

    links_s, linked = _best(link_all, repeat)
    return {
        "posts": len(posts),
        "documents": sum(1 for p in posts if p.document),
        "mentions": sum(len(c) for c in citations.cites.values()),
        "links": sum(html.count('class="news-citation"') for html in linked),
        "index_s": index_s,
        "links_s": links_s,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each pass; the best is shown")
    args = parser.parse_args(argv)
    print("| posts | documents | documents named | first mentions linked | index (s) | links (s) | total (s) | µs/post |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in args.sizes:
        r = measure(size, args.seed, args.repeat)
        total = r["index_s"] + r["links_s"]
        print(
            f"| {r['posts']:,} | {r['documents']:,} | {r['mentions']:,} | {r['links']:,} | {r['index_s']:.2f} "
            f"| {r['links_s']:.2f} | {total:.2f} | {total / r['posts'] * 1e6:.0f} |"
        )


if __name__ == "__main__":
    main()
