"""Writes posts: an ImportedPost as front matter and Markdown, in a file that did not exist before.

Never overwrites: the file is created with exclusive create ("x"), so even two commands racing for
the same name cannot clobber each other; a name that is taken gets -2, -3, ...
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .config import SiteConfig
from .frontmatter import Source, build_post, split
from .importer.record import ImportedPost
from .model import Problem
from .text import slugify

SLUG_WORDS = 10
_MAX_SUFFIX = 1000


@dataclass(frozen=True)
class Planned:
    path: Path
    url: str


def front_matter(post: ImportedPost, template: bool = False) -> dict[str, Any]:
    """The fields of `post` in the order the README documents; empty ones left out.

    `template` keeps empty `tags` and `authors`, as prompts for a new post written by hand.
    """
    meta: dict[str, Any] = {
        "title": post.title,
        # A date alone is dumped unquoted as a YAML date; a time as "YYYY-MM-DD HH:MM" text, which YAML
        # does not read as a timestamp (it wants seconds), so neither is quoted for the person editing.
        "date": f"{post.date:%Y-%m-%d %H:%M}" if post.has_time else post.date.date(),
        "categories": _Flow(post.categories),
        "tags": _Flow(post.tags),
        "unit": post.unit,
        "authors": _Flow(post.authors),
        "description": post.description,
        "image": post.image,
        "draft": post.draft or "",
        "old_id": post.old_id,
        "aliases": list(post.aliases),
    }
    if template:
        meta = {key: value for key, value in meta.items() if key in _TEMPLATE or value not in ("", [])}
    else:
        meta = {key: value for key, value in meta.items() if value not in ("", [])}
    if post.document:
        document = post.document
        fields = {
            "type": document.type,
            "number": document.number,
            "place": document.place,
            "issued": document.issued,
            "signer": document.signer,
            "signer_title": document.signer_title,
            "recipients": list(document.recipients),
        }
        meta["document"] = {key: value for key, value in fields.items() if value not in ("", [], None)}
    return meta


_TEMPLATE = ("title", "date", "categories", "tags", "unit", "authors")


class _Flow(list):
    """A short list written in brackets (`categories: [Kế hoạch]`), as the README shows."""


class _Dumper(yaml.SafeDumper):
    """SafeDumper (nothing but plain YAML) that writes _Flow lists in brackets, other lists a line each."""


_Dumper.add_representer(
    _Flow, lambda dumper, data: dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)
)


def _dump(meta: dict[str, Any]) -> str:
    # No line wrapping: a long title stays on one line for the person editing it.
    return yaml.dump(meta, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=10**6)


def post_text(post: ImportedPost, template: bool = False, body: str | None = None) -> str:
    meta = _dump(front_matter(post, template))
    text = post.body if body is None else body
    return f"---\n{meta}---\n\n{text.strip()}\n"


def slug_of(post: ImportedPost) -> str:
    return slugify(post.slug) if post.slug and slugify(post.slug) else slugify(post.title, max_words=SLUG_WORDS)


def candidates(posts_dir: Path, post: ImportedPost, taken_urls: set[str]):
    """Free (path, URL) pairs for `post`: posts/YYYY/MM/<slug>.md, then <slug>-2.md, <slug>-3.md, ..."""
    slug = slug_of(post)
    folder = posts_dir / f"{post.date:%Y}" / f"{post.date:%m}"
    for number in range(1, _MAX_SUFFIX):
        name = slug if number == 1 else f"{slug}-{number}"
        url = f"{post.date:%Y/%m}/{name}/"
        if url not in taken_urls and not (folder / f"{name}.md").exists():
            yield Planned(folder / f"{name}.md", url)


def plan(posts_dir: Path, post: ImportedPost, taken_urls: set[str]) -> Planned:
    """Where `post` would be written now (for --dry-run and for checking before writing)."""
    return next(candidates(posts_dir, post, taken_urls))


def create(posts_dir: Path, post: ImportedPost, text: str, taken_urls: set[str]) -> Planned:
    """Write `text` to the first free name; never replaces a file, even one made meanwhile."""
    for planned in candidates(posts_dir, post, taken_urls):
        planned.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with open(planned.path, "x", encoding="utf-8", newline="\n") as file:
                file.write(text)
        except FileExistsError:
            continue  # created by someone else since we looked: take the next suffix
        taken_urls.add(planned.url)
        return planned
    raise FileExistsError(posts_dir)


def problems_in(text: str, path: Path, posts_dir: Path, settings: SiteConfig, shown: str) -> list[Problem]:
    """What the build would say about `text` saved at `path`: the same validation, before writing."""
    source = Source(path, shown, posts_rel=path.relative_to(posts_dir).as_posix())
    if split(text, source):
        build_post(source, settings)
    return source.problems
