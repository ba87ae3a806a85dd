"""Reads the posts folder: the only code that opens post files."""

from __future__ import annotations

import functools
import os
import pickle
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .config import SiteConfig
from .frontmatter import Source, build_post, decode, split
from .inert import posts_tree_problems, tree_problems
from .labels import message
from .links import link_posts
from .model import Post, Problem


@dataclass(frozen=True)
class Corpus:
    """Every valid post (drafts and scheduled ones included) and every problem found."""

    posts: tuple[Post, ...]
    problems: tuple[Problem, ...]


def post_files(posts_dir: Path) -> list[Path]:
    """Markdown files under `posts_dir`, in a stable order; hidden folders and files are skipped, and
    so are symbolic links, which `read_posts` reports (inert.py)."""
    found = []
    for root, dirs, files in os.walk(posts_dir):  # os.walk does not enter linked folders
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(
            Path(root) / name
            for name in sorted(files)
            if name.endswith(".md") and not name.startswith(".") and not os.path.islink(os.path.join(root, name))
        )
    return found


def read_post(
    path: Path, posts_dir: Path, config: SiteConfig, shown_as: str, docs_dir: Path | None = None, root: Path | None = None
):
    """(Post or None, problems) for one file; nothing it names may lie outside `root` (the repository)."""
    source = Source(path, shown_as, posts_rel=path.relative_to(posts_dir).as_posix(), root=root)
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
    jobs: int = 1,
    published_dirs: tuple[Path, ...] = (),
    theme_dirs: tuple[Path, ...] = (),
) -> Corpus:
    """Read and validate every post under `posts_dir` (or `only` those files, for a preview).

    Paths in problems are relative to `root`, the repository: no file outside it is published.
    `links` may name any post file, read or not. With `jobs` > 1 the files are shared among that
    many processes; the result is the same. `published_dirs` (docs/) and `theme_dirs` (overrides/)
    are folders MkDocs publishes as they are: they are checked for links and active files too.
    """
    root = root or posts_dir.parent
    posts: list[Post] = []
    problems: list[Problem] = posts_tree_problems(posts_dir, root)
    for folder in published_dirs:
        problems += tree_problems(folder, root)
    for folder in theme_dirs:
        problems += tree_problems(folder, root, templates=True)
    every = post_files(posts_dir)
    read = functools.partial(_read_files, posts_dir=posts_dir, config=config, root=root, docs_dir=docs_dir)
    for post, found in _in_processes(read, list(every if only is None else only), jobs):
        problems.extend(found)
        if post is not None:
            posts.append(post)
    known = {path.relative_to(posts_dir).as_posix() for path in every}
    problems.extend(cross_check(posts, root, known))
    return Corpus(tuple(link_posts(posts, posts_dir)), tuple(problems))


def _read_files(paths: list[Path], posts_dir: Path, config: SiteConfig, root: Path, docs_dir: Path | None) -> list:
    return [read_post(path, posts_dir, config, os.path.relpath(path, root).replace(os.sep, "/"), docs_dir, root) for path in paths]


def _in_processes(work: Callable[[list], list], items: list, jobs: int) -> list:
    """work(items), with items shared in order among `jobs` forked processes (this one included).

    Reading is most of the work before anything can be built, and one core would do it alone.
    """
    jobs = min(jobs, len(items)) if hasattr(os, "fork") else 1
    if jobs <= 1:
        return work(items)
    size = -(-len(items) // jobs)
    parts = [items[start : start + size] for start in range(0, len(items), size)]
    readers = []
    for part in parts[1:]:
        out, into = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: its share, pickled into the pipe, and never anything else
            status = 1
            try:
                os.close(out)
                try:
                    data, status = pickle.dumps(work(part), pickle.HIGHEST_PROTOCOL), 0
                except BaseException:  # the parent raises it with the child's traceback
                    data = pickle.dumps(traceback.format_exc())
                with os.fdopen(into, "wb") as pipe:
                    pipe.write(data)
            finally:
                os._exit(status)
        os.close(into)
        readers.append((pid, os.fdopen(out, "rb")))
    try:
        results = work(parts[0])
        for pid, pipe in readers:
            data = pipe.read()
            _, code = os.waitpid(pid, 0)
            if os.waitstatus_to_exitcode(code) != 0 or not data:
                raise RuntimeError("a process reading posts failed:\n" + (pickle.loads(data) if data else "no output"))
            results += pickle.loads(data)
    finally:  # on failure too: a child still writing then stops, and is waited for
        for pid, pipe in readers:
            pipe.close()
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:  # already waited for
                pass
    return results


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
