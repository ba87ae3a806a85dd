"""Builders for in-memory posts, for tests of the indexes that need no files."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from conftest import VN
from newsroom.model import CATEGORY, TAG, UNIT, Post, Term
from newsroom.text import slugify


def term(kind: str, name: str) -> Term:
    return Term(kind, slugify(name), name)


def make_post(slug: str, when: str = "2021-07-29 08:00", **overrides) -> Post:
    moment = datetime.strptime(when, "%Y-%m-%d %H:%M").replace(tzinfo=VN)
    values = dict(
        source=Path(f"/posts/{slug}.md"),
        path=f"{slug}.md",
        title=overrides.pop("title", slug.replace("-", " ")),
        date=moment,
        has_time=True,
        categories=tuple(term(CATEGORY, c) for c in overrides.pop("categories", ["Tin tức - Sự kiện"])),
        tags=tuple(term(TAG, t) for t in overrides.pop("tags", [])),
        unit=term(UNIT, overrides.pop("unit", "LĐLĐ tỉnh Lai Châu")),
        authors=(),
        description="",
        body=overrides.pop("body", ""),
        slug=slug,
        url=f"{moment:%Y/%m}/{slug}/",
    )
    values.update(overrides)
    return Post(**values)
