"""What pages the site has and what each one shows. Templates render these; they decide nothing."""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil

from .archive import Period, YearArchive
from .labels import LABELS
from .model import Post, Term
from .taxonomy import TermIndex


@dataclass(frozen=True)
class PostView:
    post: Post
    related: tuple[Post, ...]
    previous: Post | None  # older
    next: Post | None  # newer


@dataclass(frozen=True)
class Pager:
    page: int  # 1-based
    urls: tuple[str, ...]  # URL of every page of the listing

    @property
    def pages(self) -> int:
        return len(self.urls)

    @property
    def newer_url(self) -> str | None:
        return self.urls[self.page - 2] if self.page > 1 else None

    @property
    def older_url(self) -> str | None:
        return self.urls[self.page] if self.page < self.pages else None


@dataclass(frozen=True)
class ListView:
    """One page of a paginated listing: an archive period or a term."""

    kind: str  # "archive", "category", "tag" or "unit"
    url: str
    title: str
    posts: tuple[Post, ...]
    pager: Pager
    total: int  # posts in the whole listing, all pages
    term: Term | None = None
    description: str = ""
    feed_url: str = ""
    months: tuple[Period, ...] = ()  # on a year archive: its months, for quick links


@dataclass(frozen=True)
class IndexView:
    """A page listing all terms of a kind, or all archive periods."""

    kind: str  # "archive", "category", "tag" or "unit"
    url: str
    title: str
    intro: str
    terms: tuple[TermIndex, ...] = ()
    years: tuple[YearArchive, ...] = ()


@dataclass(frozen=True)
class HomeView:
    pinned: tuple[Post, ...]
    latest: tuple[Post, ...]
    by_category: tuple[TermIndex, ...]  # each with its newest posts only


def page_url(base: str, page: int) -> str:
    return base if page == 1 else f"{base}trang/{page}/"


def paginate(kind: str, base: str, title: str, posts: tuple[Post, ...], per_page: int, **extra) -> list[ListView]:
    """The pages of one listing; an empty listing still has its first page."""
    pages = max(1, ceil(len(posts) / per_page))
    urls = tuple(page_url(base, n) for n in range(1, pages + 1))
    views = []
    for n in range(1, pages + 1):
        shown_title = title if n == 1 else f"{title} - {LABELS['page'].format(page=n)}"
        chunk = posts[(n - 1) * per_page : n * per_page]
        views.append(ListView(kind, urls[n - 1], shown_title, chunk, Pager(n, urls), len(posts), **extra))
    return views
