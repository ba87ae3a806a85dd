"""Served under a sub-path like a GitHub Pages project site, nothing internal is broken: every
href/src of every page, every feed link, every sitemap entry and every search result answers 200."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urldefrag, urljoin, urlsplit
from xml.etree import ElementTree as ET

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.browser  # needs the site served over HTTP, like the browser tests

SITE_URL = "https://congdoan-laichau.github.io/tin-tuc/"  # site_url: absolute URLs in feeds, sitemap, meta
REFERENCES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "form": "action", "iframe": "src"}
ABSOLUTE_META = ("og:url", "og:image")


def served_url(base_url: str, site, path) -> str:
    rel = path.relative_to(site).as_posix()
    return base_url + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def status(url: str) -> int:
    request = urllib.request.Request(url, method="GET")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def internal(url: str, base_url: str) -> str | None:
    """`url` on the local server when it belongs to the site (production URLs rewritten), else None."""
    url = urldefrag(url)[0]
    if url.startswith(SITE_URL):
        return base_url + url[len(SITE_URL) :]
    origin = urlsplit(base_url)
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.netloc == origin.netloc:
        return url  # may lie outside the sub-path: then it 404s, which is the bug to report
    return None


def check(urls: dict[str, set[str]]) -> list[str]:
    """Every URL requested once; the broken ones with the pages that link to them."""
    with ThreadPoolExecutor(max_workers=8) as pool:
        codes = dict(zip(urls, pool.map(status, urls)))
    return [f"{code} {url} (from {sorted(urls[url])[:3]})" for url, code in sorted(codes.items()) if code != 200]


def add(found: dict[str, set[str]], url: str | None, where: str) -> None:
    if url:
        found.setdefault(url, set()).add(where)


def test_every_internal_link_and_asset_of_every_page(sample_site, pages_url):
    found: dict[str, set[str]] = {}
    pages = sorted(sample_site.rglob("*.html"))
    assert len(pages) > 100
    for path in pages:
        page_url = served_url(pages_url, sample_site, path)
        if path.name == "404.html":
            page_url = pages_url + "khong-co/trang/nay/"  # served at any missing address
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in REFERENCES.items():
            for element in soup.select(f"{tag}[{attribute}]"):
                target = element[attribute].strip()
                if target and not re.match(r"^(mailto|tel|javascript|data):", target):
                    add(found, internal(urljoin(page_url, target), pages_url), page_url)
        for key in ABSOLUTE_META:
            for element in soup.select(f'meta[property="{key}"], meta[name="{key}"]'):
                assert element["content"].startswith(SITE_URL), (path, element)
                add(found, internal(element["content"], pages_url), page_url)
        for script in soup.select('script[type="application/ld+json"]'):
            data = json.loads(script.string)
            for url in filter(None, [data.get("url"), *data.get("image", [])]):
                add(found, internal(url, pages_url), page_url)
    assert len(found) >= len(pages)  # every page is linked from somewhere, plus the assets
    outside = [url for url in found if not url.startswith(pages_url)]
    assert outside == [], "links that leave the site's sub-path"
    assert check(found) == []


def test_every_feed_and_sitemap_link(sample_site, pages_url):
    found: dict[str, set[str]] = {}
    feeds = sorted(sample_site.rglob("feed.xml"))
    assert len(feeds) > 5
    atom = "{http://www.w3.org/2005/Atom}link"
    for feed in feeds:
        channel = ET.parse(feed).getroot().find("channel")
        links = [channel.findtext("link"), channel.find(atom).get("href")]
        links += [item.findtext("link") for item in channel.findall("item")]
        links += [item.findtext("guid") for item in channel.findall("item")]
        for link in links:
            assert link.startswith(SITE_URL), (feed, link)
            add(found, internal(link, pages_url), feed.name)
    locs = [loc.text for loc in ET.parse(sample_site / "sitemap.xml").getroot().iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert len(locs) > 50
    for loc in locs:
        assert loc.startswith(SITE_URL), loc
        add(found, internal(loc, pages_url), "sitemap.xml")
    robots = (sample_site / "robots.txt").read_text(encoding="utf-8")
    add(found, internal(re.search(r"^Sitemap: (\S+)$", robots, re.M).group(1), pages_url), "robots.txt")
    assert check(found) == []


def test_every_search_record_and_result(sample_site, pages_url, browser):
    found: dict[str, set[str]] = {}
    records = sorted((sample_site / "search/d").rglob("*.json"))
    assert len(records) == json.loads((sample_site / "search/meta.json").read_text(encoding="utf-8"))["n"]
    for record in records:
        add(found, pages_url + json.loads(record.read_text(encoding="utf-8"))["u"], "search record")
    for doc in json.loads((sample_site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]:
        add(found, pages_url + doc["location"], "search_index.json")
    # what a reader gets: the links on the search page and in the header search box
    page = browser.new_page()
    page.goto(f"{pages_url}tim-kiem/?tu-khoa=c%C3%B4ng%20%C4%91o%C3%A0n")
    page.wait_for_selector("#news-search-results a")
    for _ in range(50):  # "more results" until all are shown
        if not page.locator("#news-search-more").is_visible():
            break
        page.locator("#news-search-more").click()
    shown = page.eval_on_selector_all("#news-search-results a", "links => links.map(a => a.href)")
    page.goto(pages_url)
    page.locator(".md-search__input").fill("lai chau")
    page.locator(".md-search__input").press("End")  # Material reads the box on key up
    page.wait_for_selector(".md-search-result__link")
    shown += page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
    page.close()
    assert len(shown) > 20
    for url in shown:
        assert url.startswith(pages_url), url
        add(found, url, "search results")
    assert check(found) == []


def test_the_checker_sees_broken_links(pages_url):
    """The checks above can fail: a missing page, an escape from the sub-path, a production URL."""
    assert check({pages_url + "khong-co/": {"x"}}) == [f"404 {pages_url}khong-co/ (from ['x'])"]
    escaped = internal(urljoin(pages_url + "gioi-thieu/", "/gioi-thieu/"), pages_url)
    assert escaped and not escaped.startswith(pages_url)
    assert internal(SITE_URL + "van-ban/#x", pages_url) == pages_url + "van-ban/"
    assert internal("https://www.facebook.com/sharer/sharer.php", pages_url) is None
