"""The news model: frozen data classes, built once after validation and never mutated."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

CATEGORY, TAG, UNIT = "category", "tag", "unit"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, worded for the person who must fix it."""

    path: str
    line: int
    field: str
    what: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.what} -> {self.fix}"


@dataclass(frozen=True, order=True)
class Term:
    """A category, tag or unit. Spelling variants with the same slug are the same term."""

    kind: str
    slug: str
    name: str = field(compare=False)


@dataclass(frozen=True)
class Attachment:
    title: str
    href: str  # absolute URL, or a path relative to the site root
    source: Path | None = None  # file to publish at `href`; None for external links


@dataclass(frozen=True)
class Document:
    """Header and signature block of an official document (Nghị định 30/2020 layout)."""

    type: str = ""
    number: str = ""
    place: str = ""
    issued: date | None = None
    signer: str = ""
    signer_title: str = ""
    recipients: tuple[str, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    replaces: tuple[str, ...] = ()  # numbers of the documents this one replaces (as written)


@dataclass(frozen=True)
class Post:
    source: Path
    path: str  # relative to the posts folder, with "/" separators: the post's identity
    title: str
    date: datetime  # timezone-aware, Vietnam time
    has_time: bool
    categories: tuple[Term, ...]
    tags: tuple[Term, ...]
    unit: Term
    authors: tuple[str, ...]
    description: str
    body: str
    slug: str
    url: str  # "2019/04/slug/", relative to the site root
    image: str = ""
    draft: bool = False
    pin: bool = False
    links: tuple[str, ...] = ()
    document: Document | None = None
    assets: tuple[Attachment, ...] = ()  # files beside the post that its body links to
    old_id: str = ""  # where an imported post came from ("nukeviet:news:123")
    aliases: tuple[str, ...] = ()  # old addresses of the post (site paths), redirected to it

    @property
    def category(self) -> Term:
        return self.categories[0]

    def terms(self) -> tuple[Term, ...]:
        return (*self.categories, *self.tags, self.unit)

    def is_published(self, now: datetime) -> bool:
        return not self.draft and self.date <= now
