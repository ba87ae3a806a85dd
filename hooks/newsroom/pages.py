"""The Markdown source of every generated page, ready to hand to a site generator."""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Mapping
from zoneinfo import ZoneInfo

import yaml

from .site import Site

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
POST_TEMPLATE = "news/post.html"
LIST_TEMPLATE = "news/list.html"
INDEX_TEMPLATE = "news/index.html"
DOCUMENTS_TEMPLATE = "news/documents.html"


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # "2019/04/slug/index.md": the URL with index.md, as if the file were in docs/
    meta: Mapping  # the front matter, as parsing `content` gives it
    body: str = ""  # the Markdown after the front matter
    in_nav: bool = False  # the index pages (Chuyên mục, Lưu trữ, ...) are in the site navigation

    @property
    def content(self) -> str:
        """Front matter and body, as a file would hold them."""
        header = yaml.dump(dict(self.meta), Dumper=_Dumper, allow_unicode=True, sort_keys=True, width=1_000_000)
        return f"---\n{header}---\n\n{self.body}"


@dataclass(frozen=True)
class GeneratedAsset:
    src_uri: str
    source: Path


def _page(url: str, meta: dict, body: str = "", in_nav: bool = False) -> GeneratedPage:
    # Material prints page.meta.title and .description into <title>, the header and a meta
    # attribute without escaping (MkDocs has no autoescape): hand it HTML, not text.
    meta = {key: html.escape(value) if key in ("title", "description") else value for key, value in meta.items()}
    return GeneratedPage(f"{url}index.md", meta, body, in_nav)


def generated_pages(site: Site) -> list[GeneratedPage]:
    """Post pages (their Markdown body), listing pages and index pages (empty bodies)."""
    # Our own search index covers posts; Material's built-in index is left with the static pages.
    hidden = {"search": {"exclude": True}}
    pages = [
        _page(view.post.url, {"template": POST_TEMPLATE, "title": view.post.title, "description": view.post.description, **hidden}, view.post.body)
        for view in site.post_views.values()
    ]
    pages += [_page(view.url, {"template": LIST_TEMPLATE, "title": view.title, **hidden}) for view in site.list_views]
    pages += [_page(view.url, {"template": INDEX_TEMPLATE, "title": view.title, **hidden}, in_nav=True) for view in site.index_views]
    wide = {"hide": ["navigation", "toc"]}  # the documents table needs the whole width
    pages.append(_page(site.documents.url, {"template": DOCUMENTS_TEMPLATE, "title": site.documents.title, **wide, **hidden}, in_nav=True))
    return pages


def generated_assets(site: Site) -> list[GeneratedAsset]:
    """Files beside published posts (images, attachments) at their place under the post's URL."""
    found: dict[str, Path] = {}
    for post in site.posts:
        for asset in post.assets:
            if asset.source is not None:
                found.setdefault(asset.href, asset.source)
    return [GeneratedAsset(uri, path) for uri, path in sorted(found.items())]


def build_time(environ: Mapping[str, str], timezone: str, now: datetime) -> datetime:
    """When the build happens: SOURCE_DATE_EPOCH when set (reproducible builds), else `now`.

    It also decides which scheduled posts are published.
    """
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    zone = ZoneInfo(timezone)
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), zone)
        except (ValueError, OverflowError, OSError) as error:
            raise ValueError(f"SOURCE_DATE_EPOCH={epoch!r} không phải số giây hợp lệ") from error
    return now.astimezone(zone)
