"""What pages the site has and what each one shows. Templates render these; they decide nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from math import ceil

from .archive import Period, YearArchive
from .citations import Citation, Citations
from .labels import LABELS
from .model import Document, Post, Term
from .taxonomy import TermIndex
from .thumbnails import Thumbnail
from .text import fold


@dataclass(frozen=True)
class PostView:
    post: Post
    related: tuple[Post, ...]
    previous: Post | None  # older
    next: Post | None  # newer
    cites: tuple[Citation, ...] = ()  # documents its text names, in order of first mention
    cited_by: tuple[Post, ...] = ()  # for a document: the posts that name it, newest first
    replaces: tuple[Citation, ...] = ()  # for a document: the documents it replaces
    replaced_by: tuple[Post, ...] = ()  # for a document: the documents that replace it
    thumbnail: Thumbnail | None = None  # its small picture in lists, "Tin liên quan" and search (thumbnails.py)


PAGER_WINDOW = 2  # pages linked either side of the current one


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

    @property
    def shown(self) -> tuple[int | None, ...]:
        """Page numbers to link, None where a run of them is left out.

        The first and last pages and PAGER_WINDOW either side of this one: a category of 1,000
        posts has 100 pages, and linking every one from every one would make each listing page
        heavier and the site's build quadratic. A gap of a single page shows that page instead.
        """
        near = set(range(self.page - PAGER_WINDOW, self.page + PAGER_WINDOW + 1))
        numbers = [n for n in range(1, self.pages + 1) if n in near or n in (1, self.pages)]
        shown: list[int | None] = []
        for number in numbers:
            if shown and number - shown[-1] == 2:
                shown.append(number - 1)
            elif shown and number - shown[-1] > 2:
                shown.append(None)
            shown.append(number)
        return tuple(shown)


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
class DocumentRow:
    """One official document on the "Văn bản" page, with what the browser sorts and filters by."""

    post: Post
    issued: date  # the document's date, or the post's when the document has none
    unit: str  # the issuing unit
    search: str  # number, type, title and unit, folded (no diacritics, lowercase)
    cited_by: tuple[Post, ...] = ()  # posts naming this document, newest first
    replaced_by: tuple[Post, ...] = ()  # documents that replace it, newest first

    @property
    def document(self) -> Document:
        return self.post.document


@dataclass(frozen=True)
class DocumentsView:
    """Every published post with a `document` block, newest issued first."""

    url: str
    title: str
    intro: str
    rows: tuple[DocumentRow, ...]

    @property
    def types(self) -> tuple[str, ...]:
        return tuple(sorted({row.document.type for row in self.rows if row.document.type}, key=fold))

    @property
    def units(self) -> tuple[str, ...]:
        return tuple(sorted({row.unit for row in self.rows}, key=fold))

    @property
    def years(self) -> tuple[int, ...]:
        """Years of issue, newest first (the year filter)."""
        return tuple(sorted({row.issued.year for row in self.rows}, reverse=True))


def documents_view(url: str, posts: tuple[Post, ...], citations: Citations | None = None) -> DocumentsView:
    rows = []
    for post in posts:
        if post.document is None:
            continue
        doc = post.document
        text = " ".join([doc.number, doc.type, post.title, post.unit.name])
        cited_by = citations.cited_by.get(post.url, ()) if citations else ()
        replaced_by = citations.replaced_by.get(post.url, ()) if citations else ()
        issued = doc.issued or post.date.date()
        rows.append(DocumentRow(post, issued, post.unit.name, " ".join(fold(text).split()), cited_by, replaced_by))
    rows.sort(key=lambda row: (-row.issued.toordinal(), -row.post.date.timestamp(), row.post.url))
    return DocumentsView(url, LABELS["documents"], LABELS["documents_intro"], tuple(rows))


HOME_TOP = 4  # stories shown with a thumbnail after the lead story on the front page


@dataclass(frozen=True)
class HomeView:
    """The front page: the lead story with a large photo, the next stories, then one block per category.

    The lead story is the newest pinned post, else the newest post; pinned posts come first.
    """

    pinned: tuple[Post, ...]
    latest: tuple[Post, ...]
    by_category: tuple[TermIndex, ...]  # each with its newest posts only
    lead_picture: Thumbnail | None = None  # the lead story's photo, large (thumbnails.LEAD)

    @property
    def stories(self) -> tuple[Post, ...]:
        return (*self.pinned, *self.latest)

    @property
    def lead(self) -> Post | None:
        return self.stories[0] if self.stories else None

    @property
    def top(self) -> tuple[Post, ...]:
        """The stories after the lead, shown with thumbnails beside it."""
        return self.stories[1 : 1 + HOME_TOP]

    @property
    def more(self) -> tuple[Post, ...]:
        """The rest of the newest stories, as a plain list."""
        return self.stories[1 + HOME_TOP :]


def page_url(base: str, page: int) -> str:
    return base if page == 1 else f"{base}trang/{page}/"


def paginate(
    kind: str, base: str, title: str, posts: tuple[Post, ...], per_page: int, max_pages: int = 0, **extra
) -> list[ListView]:
    """The pages of one listing (at most `max_pages` when given); an empty listing has its first page."""
    pages = max(1, ceil(len(posts) / per_page))
    if max_pages:
        pages = min(pages, max_pages)
    urls = tuple(page_url(base, n) for n in range(1, pages + 1))
    views = []
    for n in range(1, pages + 1):
        shown_title = title if n == 1 else f"{title} - {LABELS['page'].format(page=n)}"
        chunk = posts[(n - 1) * per_page : n * per_page]
        views.append(ListView(kind, urls[n - 1], shown_title, chunk, Pager(n, urls), len(posts), **extra))
    return views
