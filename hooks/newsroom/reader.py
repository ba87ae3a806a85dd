"""Reads the posts folder: the only code that opens post files."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .config import SiteConfig
from .frontmatter import Source, build_post, decode, split
from .labels import message
from .links import link_posts
from .model import Post, Problem


@dataclass(frozen=True)
class Corpus:
    """Every valid post (drafts and scheduled ones included) and every problem found."""

    posts: tuple[Post, ...]
    problems: tuple[Problem, ...]


def post_files(posts_dir: Path) -> list[Path]:
    """Markdown files under `posts_dir`, in a stable order; hidden folders and files are skipped."""
    found = []
    for root, dirs, files in os.walk(posts_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root) / name for name in sorted(files) if name.endswith(".md") and not name.startswith("."))
    return found


def read_post(path: Path, posts_dir: Path, config: SiteConfig, shown_as: str, docs_dir: Path | None = None):
    """(Post or None, problems) for one file."""
    source = Source(path, shown_as, posts_rel=path.relative_to(posts_dir).as_posix())
    try:
        raw = path.read_bytes()
    except OSError as error:
        source.problem(0, "", "read_failed", error=error.strerror)
        return None, source.problems
    text = decode(raw, source)
    if text is None or not split(text, source):
        return None, source.problems
    return build_post(source, config, docs_dir), source.problems


def read_posts(
    posts_dir: Path,
    config: SiteConfig,
    root: Path | None = None,
    docs_dir: Path | None = None,
    only: tuple[Path, ...] | None = None,
) -> Corpus:
    """Read and validate every post under `posts_dir` (or `only` those files, for a preview).

    Paths in problems are relative to `root`. `links` may name any post file, read or not.
    """
    root = root or posts_dir.parent
    posts: list[Post] = []
    problems: list[Problem] = []
    every = post_files(posts_dir)
    for path in every if only is None else only:
        shown = os.path.relpath(path, root).replace(os.sep, "/")
        post, found = read_post(path, posts_dir, config, shown, docs_dir)
        problems.extend(found)
        if post is not None:
            posts.append(post)
    known = {path.relative_to(posts_dir).as_posix() for path in every}
    problems.extend(cross_check(posts, root, known))
    return Corpus(tuple(link_posts(posts, posts_dir)), tuple(problems))


def cross_check(posts: list[Post], root: Path, known: set[str]) -> list[Problem]:
    """Problems that involve two posts: clashing URLs and `links` to posts that do not exist."""
    problems = []
    by_url: dict[str, Post] = {}
    for post in posts:
        shown = os.path.relpath(post.source, root).replace(os.sep, "/")
        other = by_url.setdefault(post.url, post)
        if other is not post:
            what, fix = message("duplicate_url", url=post.url, other=os.path.relpath(other.source, root))
            problems.append(Problem(shown, _line_of(post, "slug") or _line_of(post, "title"), "slug", what, fix))
        for link in post.links:
            target = link.lstrip("/").removeprefix("posts/")
            if target == post.path:
                what, fix = message("self_link", value=link)
            elif target not in known:
                example = next((p.path for p in posts if p is not post), "2021/07/ten-bai.md")
                what, fix = message("unknown_link", value=link, example=example)
            else:
                continue
            problems.append(Problem(shown, _line_of(post, "links"), "links", what, fix))
    return problems


def _line_of(post: Post, key: str) -> int:
    """Line of `key:` in the post's front matter (0 when absent); read again only on error."""
    try:
        lines = post.source.read_text(encoding="utf-8-sig").splitlines()
    except OSError:
        return 0
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip() in ("---", "..."):
            break
        if line.startswith(f"{key}:"):
            return number
    return 0
