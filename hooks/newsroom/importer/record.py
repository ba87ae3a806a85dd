"""The one record every import produces, the options that steer it, and the error it raises."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..labels import message
from ..model import Document, Problem

OFFICIAL, ARTICLE, NEW = "official", "article", "new"
# Where a post's date came from, so that the summary can say so (the office must check guesses).
FROM_OPTION, FROM_DOCUMENT, FROM_PAGE, FROM_TITLE = "option", "document", "page", "title"


class ImportFailed(Exception):
    """An input that cannot become a post; worded like a Problem: what is wrong -> how to fix."""

    def __init__(self, kind: str, **values: object):
        self.what, self.fix = message(kind, **values)
        super().__init__(f"{self.what} -> {self.fix}")

    def problem(self, shown: str) -> Problem:
        return Problem(shown, 0, "", self.what, self.fix)


@dataclass(frozen=True)
class ImportOptions:
    """What the person asked for on the command line; each one wins over what the file says."""

    date: datetime | None = None
    has_time: bool = False
    category: str | None = None
    unit: str | None = None


@dataclass(frozen=True)
class ImportedPost:
    """A post to write. Parsers fill what the source says; `convert.resolve` fills the rest."""

    title: str
    body: str
    date: datetime | None = None  # Vietnam time
    has_time: bool = False
    categories: tuple[str, ...] = ()
    unit: str = ""
    authors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    document: Document | None = None
    description: str = ""
    image: str = ""
    draft: bool = False
    slug: str = ""  # the file name when the source has its own (a portal's alias); else from the title
    old_id: str = ""  # where the post came from ("nukeviet:news:123"): a re-import recognises it
    aliases: tuple[str, ...] = ()  # the post's old addresses, which the build turns into redirects
    # What the import learned, shown in its summary but not written to the post.
    kind: str = NEW
    source: Path | None = None
    format: str = ""
    issuer: str = ""  # the body that issued an official document
    parent: str = ""  # the body above it (cơ quan chủ quản)
    date_source: str = ""
    date_found: str = ""  # the words the date was read from, e.g. "tháng 7 năm 2021"
    notes: tuple[str, ...] = ()
