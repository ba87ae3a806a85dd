"""RSS 2.0 feeds and the sitemap, as bytes. URLs are made absolute from the site's base URL."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime
from xml.etree import ElementTree as ET

from .model import Post
from .site import Site

ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
DC = "http://purl.org/dc/elements/1.1/"


def absolute(base_url: str, url: str) -> str:
    return base_url.rstrip("/") + "/" + url.lstrip("/")


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    element.text = text
    return element


def rss(
    posts: tuple[Post, ...], *, title: str, description: str, base_url: str, page_url: str, feed_url: str
) -> bytes:
    """An RSS 2.0 document for `posts` (already newest first and cut to size)."""
    ET.register_namespace("atom", ATOM)
    ET.register_namespace("dc", DC)
    root = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(root, "channel")
    _text(channel, "title", title)
    _text(channel, "link", absolute(base_url, page_url))
    _text(channel, "description", description)
    _text(channel, "language", "vi")
    ET.SubElement(channel, f"{{{ATOM}}}link", {"href": absolute(base_url, feed_url), "rel": "self", "type": "application/rss+xml"})
    if posts:
        _text(channel, "lastBuildDate", format_datetime(posts[0].date))
    for post in posts:
        item = ET.SubElement(channel, "item")
        link = absolute(base_url, post.url)
        _text(item, "title", post.title)
        _text(item, "link", link)
        _text(item, "guid", link, isPermaLink="true")
        _text(item, "pubDate", format_datetime(post.date))
        _text(item, "description", post.description)
        for author in post.authors:
            _text(item, f"{{{DC}}}creator", author)
        for category in post.categories:
            _text(item, "category", category.name)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def feeds(site: Site, base_url: str, site_name: str) -> dict[str, bytes]:
    """Every feed of the site by its output path: the main one and one per category."""
    size = site.config.feed_size
    out = {
        "feed.xml": rss(
            site.posts[:size],
            title=site_name,
            description=site.config.unit,
            base_url=base_url,
            page_url="",
            feed_url="feed.xml",
        )
    }
    for entry in site.categories:
        path = f"{entry.url}feed.xml"
        out[path] = rss(
            entry.posts[:size],
            title=f"{entry.term.name} - {site_name}",
            description=site.config.category_descriptions.get(entry.term.slug) or entry.term.name,
            base_url=base_url,
            page_url=entry.url,
            feed_url=path,
        )
    return out


def sitemap(site: Site, base_url: str, other_urls: list[str], lastmod: datetime | None = None) -> bytes:
    """Sitemap of every post (dated by the post) and of `other_urls` (listing and static pages)."""
    ET.register_namespace("", SITEMAP)
    root = ET.Element(f"{{{SITEMAP}}}urlset")
    entries = [(url, lastmod) for url in sorted(set(other_urls) - set(site.post_views))]
    entries += [(post.url, post.date) for post in site.posts]
    for url, moment in entries:
        item = ET.SubElement(root, f"{{{SITEMAP}}}url")
        _text(item, f"{{{SITEMAP}}}loc", absolute(base_url, url))
        if moment is not None:
            _text(item, f"{{{SITEMAP}}}lastmod", moment.date().isoformat())
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
