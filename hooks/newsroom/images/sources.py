"""Which pictures the site shows: those of posts (body and `image:`) and those in docs/."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from ..model import Post
from .settings import PICTURE_SUFFIXES


def is_picture(path: str) -> bool:
    return path.lower().endswith(PICTURE_SUFFIXES)


def post_pictures(posts: Iterable[Post]) -> dict[str, Path]:
    """Site path -> original of every picture beside a post (drafts too: a bad photo is found
    when it is added, not on the day its post goes live)."""
    return {asset.href: asset.source for post in posts for asset in post.assets if asset.source is not None and is_picture(asset.href)}


def docs_pictures(docs_dir: Path, keep: Iterable[str] = ()) -> dict[str, Path]:
    """Site path -> file of every picture in docs/, except `keep` (the theme's logo and favicon,
    which Material links as they are)."""
    kept = {path.lstrip("/") for path in keep if path}
    found = {}
    for folder, dirs, files in os.walk(docs_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(folder) / name
            uri = path.relative_to(docs_dir).as_posix()
            if is_picture(name) and not name.startswith(".") and uri not in kept and not path.is_symlink():
                found[uri] = path
    return found
