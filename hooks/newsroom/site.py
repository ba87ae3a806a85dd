"""The whole published site as data: posts → indexes → page views. No I/O, no MkDocs."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable

from .archive import YearArchive, archives
from .citations import Citations, index_citations
from .config import SiteConfig
from .labels import LABELS
from .model import CATEGORY, TAG, UNIT, Post
from .related import related_posts
from .taxonomy import TermIndex, index_terms
from .thumbnails import LEAD, SMALL, Thumbnail
from .views import DocumentsView, HomeView, IndexView, ListView, PostView, documents_view, paginate


@dataclass(frozen=True)
class Site:
    config: SiteConfig
    posts: tuple[Post, ...]  # published only, newest first
    post_views: dict[str, PostView]
    list_views: tuple[ListView, ...]
    index_views: tuple[IndexView, ...]
    home: HomeView
    categories: tuple[TermIndex, ...]
    tags: tuple[TermIndex, ...]
    units: tuple[TermIndex, ...]
    years: tuple[YearArchive, ...]
    documents: DocumentsView  # the "Văn bản" page
    citations: Citations  # which post names which document
    _views: dict[str, object] = field(default_factory=dict, repr=False)

    def view(self, url: str):
        """The view shown at `url` (relative to the site root, e.g. "luu-tru/2019/"), or None."""
        return self._views.get(url)

    def thumbnail(self, post: Post) -> Thumbnail | None:
        """The small picture of a published `post` wherever it is listed; None when it has none."""
        view = self.post_views.get(post.url)
        return view.thumbnail if view else None


ThumbnailOf = Callable[[Post, str], "Thumbnail | None"]  # (post, thumbnails.SMALL or LEAD) -> its picture


def no_thumbnails(post: Post, kind: str) -> None:
    return None


def published(posts: tuple[Post, ...] | list[Post], now: datetime, preview: bool = False) -> tuple[Post, ...]:
    """Posts readers may see at `now`, newest first (URL breaks ties so the order is stable).

    A staff preview also shows drafts and scheduled posts: that is what staff are writing.
    """
    visible = [post for post in posts if preview or post.is_published(now)]
    return tuple(sorted(visible, key=lambda p: (-p.date.timestamp(), p.url)))


def _post_views(posts: tuple[Post, ...], config: SiteConfig, citations: Citations, thumbnail_of: ThumbnailOf) -> dict[str, PostView]:
    related = related_posts(posts, config.related, citations)
    views = {}
    for i, post in enumerate(posts):
        newer = posts[i - 1] if i > 0 else None
        older = posts[i + 1] if i + 1 < len(posts) else None
        views[post.url] = PostView(
            post, related[post.url], previous=older, next=newer,
            cites=citations.cites.get(post.url, ()), cited_by=citations.cited_by.get(post.url, ()),
            replaces=citations.replaces.get(post.url, ()), replaced_by=citations.replaced_by.get(post.url, ()),
            thumbnail=thumbnail_of(post, SMALL),
        )  # fmt: skip
    return views


def _term_lists(terms: tuple[TermIndex, ...], kind: str, config: SiteConfig) -> list[ListView]:
    title_key = {CATEGORY: "category_page", TAG: "tag_page", UNIT: "unit_page"}[kind]
    views = []
    for entry in terms:
        views += paginate(
            kind,
            entry.url,
            LABELS[title_key].format(name=entry.term.name),
            entry.posts,
            config.per_page,
            term=entry.term,
            description=config.category_descriptions.get(entry.term.slug, "") if kind == CATEGORY else "",
            feed_url=f"{entry.url}feed.xml" if kind == CATEGORY else "",
        )
    return views


def _archive_lists(years: tuple[YearArchive, ...], config: SiteConfig) -> list[ListView]:
    views = []
    for year in years:
        views += paginate(
            "archive",
            year.year.url,
            LABELS["archive_year"].format(year=year.year.year),
            year.year.posts,
            config.per_page,
            # one page: its months and newest posts; the month pages list every post, so paging
            # the year too would publish each post twice more (about 5% of a 10,000-post site)
            max_pages=1,
            months=year.months,
        )
        for month in year.months:
            title = LABELS["archive_month"].format(month=f"{month.month:02d}", year=month.year)
            views += paginate("archive", month.url, title, month.posts, config.per_page)
    return views


def _home(posts: tuple[Post, ...], categories: tuple[TermIndex, ...], config: SiteConfig, thumbnail_of: ThumbnailOf) -> HomeView:
    pinned = tuple(p for p in posts if p.pin)
    latest = tuple(p for p in posts if not p.pin)[: config.home_latest]
    by_category = tuple(TermIndex(c.term, c.posts[: config.home_per_category]) for c in categories)
    home = HomeView(pinned, latest, by_category)
    return HomeView(pinned, latest, by_category, thumbnail_of(home.lead, LEAD) if home.lead else None)


def build_site(
    posts: tuple[Post, ...] | list[Post],
    config: SiteConfig,
    now: datetime,
    preview: bool = False,
    thumbnail_of: ThumbnailOf = no_thumbnails,
) -> Site:
    """Everything the templates and feeds need, from the valid posts and the build time.

    `thumbnail_of(post, kind)` gives a post's picture (thumbnails.post_thumbnail with the site's
    image sizes); without it no post has one.
    """
    visible = published(posts, now, preview)
    categories = index_terms(visible, CATEGORY, config.categories)
    tags = index_terms(visible, TAG)
    units = index_terms(visible, UNIT)
    years = archives(visible)
    index_views = (
        IndexView("archive", "luu-tru/", LABELS["archive"], LABELS["archive_intro"], years=years),
        IndexView("category", "chuyen-muc/", LABELS["categories"], LABELS["categories_intro"], terms=categories),
        IndexView("tag", "the/", LABELS["tags"], LABELS["tags_intro"], terms=tags),
        IndexView("unit", "don-vi/", LABELS["units"], LABELS["units_intro"], terms=units),
    )
    list_views = tuple(
        _archive_lists(years, config)
        + _term_lists(categories, CATEGORY, config)
        + _term_lists(tags, TAG, config)
        + _term_lists(units, UNIT, config)
    )
    citations = index_citations(visible)
    post_views = _post_views(visible, config, citations, thumbnail_of)
    home = _home(visible, categories, config, thumbnail_of)
    documents = documents_view("van-ban/", visible, citations)
    views: dict[str, object] = {"": home}
    for view in (*index_views, *list_views, documents):
        views[view.url] = view
    views.update(post_views)
    return Site(
        config, visible, post_views, list_views, index_views, home, categories, tags, units, years, documents, citations, views
    )
