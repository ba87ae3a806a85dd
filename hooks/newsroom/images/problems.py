"""Refused pictures as problems of the files that show them: `file:line: field: what -> fix`."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath
from typing import Iterable, Mapping

from ..labels import message
from ..model import Post, Problem
from .process import Refused


def refusal_problems(
    refused: Mapping[Path, Refused], posts: Iterable[Post], root: Path, shown_by: Mapping[Path, tuple[str, str]] = {}
) -> list[Problem]:
    """One problem per post (and line) showing a refused picture, and one per other file showing one.

    `shown_by` names what else shows a picture: its original -> (file, field), such as the
    default share image -> ("mkdocs.yml", "extra.newsroom.default_image").
    """
    problems, named = [], set()
    for post in posts:
        shown = os.path.relpath(post.source, root).replace(os.sep, "/")
        for asset in post.assets:
            refusal = refused.get(asset.source) if asset.source else None
            if refusal is None:
                continue
            written = PurePosixPath(asset.href).name
            field = "image" if asset.href == post.image else "nội dung"
            what, fix = message(refusal.kind, value=written, **refusal.values)
            problems.append(Problem(shown, _line_naming(post.source, written), field, what, fix))
            named.add(asset.source)
    for source, refusal in sorted(refused.items()):
        if source in named:
            continue
        where, field = shown_by.get(source, (os.path.relpath(source, root).replace(os.sep, "/"), ""))
        what, fix = message(refusal.kind, value=source.name, **refusal.values)
        problems.append(Problem(where, 0, field, what, fix))
    return problems


def _line_naming(path: Path, name: str) -> int:
    """The first line of `path` that names `name` (0 if none); read again only on error."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except OSError:
        return 0
    return next((number for number, line in enumerate(lines, start=1) if name in line), 0)
