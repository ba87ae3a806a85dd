"""Thumbnails in the built sample site: where readers scan, for exactly the posts that have a picture.

The expected thumbnails come from the package's own model of the site (`Site.thumbnail`), and
each one is checked against the file the browser would fetch: it exists, and its `width` and
`height` are the file's. Posts without a picture must have no picture box at all.
"""

from __future__ import annotations

import json
import posixpath
from datetime import datetime
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, SAMPLE_EPOCH, VN
from newsroom.config import load_config
from newsroom.images import image_size, make_pictures
from newsroom.images.sources import docs_pictures, post_pictures
from newsroom.reader import read_posts
from newsroom.site import build_site
from newsroom.thumbnails import LEAD, post_thumbnail

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    """The sample site as the package sees it, with the thumbnails the build gives its posts.

    `thumbnail_of` is the one hooks/news.py passes to build_site: keep the two the same when the
    filling of thumbnails (thumbnails.fill_thumbnail) changes what it is given.
    """
    config = load_config(yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]["newsroom"])
    corpus = read_posts(ROOT / "posts", config, docs_dir=ROOT / "docs")
    assert corpus.problems == ()
    # the pictures as the hook makes them (its _make_pictures): those of the posts and of docs/
    sources = {**docs_pictures(ROOT / "docs"), **post_pictures(corpus.posts)}
    pictures = make_pictures(sources, tmp_path_factory.mktemp("pictures"))

    def thumbnail_of(post, kind):
        return post_thumbnail(post, kind, pictures.get)

    return build_site(corpus.posts, config, datetime.fromtimestamp(SAMPLE_EPOCH, VN), thumbnail_of=thumbnail_of)


def load(site: Path, url: str) -> BeautifulSoup:
    path = site / url / "index.html" if not url.endswith(".html") else site / url
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def by_url(model):
    return {post.url: post for post in model.posts}


def resolved(site: Path, page_url: str, src: str) -> Path:
    return (site / page_url / src).resolve()


def check_thumbnail(site: Path, page_url: str, img, lead: bool = False) -> None:
    """A thumbnail the browser can lay out before it loads, pointing at a real file of that size."""
    for name in ("src", "width", "height", "sizes"):
        assert img.get(name), f"{page_url}: thumbnail without {name}: {img}"
    assert img["alt"] == ""  # beside its linked title: decorative
    if lead:
        assert (img.get("loading"), img.get("fetchpriority")) == ("eager", "high"), img
    else:
        assert (img.get("loading"), img.get("fetchpriority")) == ("lazy", None), img
    file = resolved(site, page_url, img["src"])
    assert file.is_file(), f"{page_url}: {img['src']} is not published"
    assert image_size(file) == (int(img["width"]), int(img["height"]))


LISTS = [
    "", "chuyen-muc/cham-lo-doan-vien/", "chuyen-muc/dai-hoi/", "chuyen-muc/tin-tuc-su-kien/",
    "the/mai-am-cong-doan/", "don-vi/ldld-thanh-pho-lai-chau/", "luu-tru/2024/", "luu-tru/2023/",
]  # fmt: skip


@pytest.mark.parametrize("url", LISTS, ids=lambda url: url or "home")
def test_list_items_show_a_thumbnail_exactly_for_posts_with_a_picture(sample_site, model, url):
    page = load(sample_site, url)
    posts = by_url(model)
    items = page.select("li.news-item")
    assert items, url
    pictured = plain = 0
    for item in items:
        link = item.select_one(".news-item__title a")["href"]
        post = posts[posixpath.normpath(posixpath.join("/", url, link)).lstrip("/") + "/"]
        img = item.select("img")
        in_block = bool(item.find_parent(class_="news-list--block"))
        first_in_block = in_block and item.find_previous_sibling("li") is None
        expected = model.thumbnail(post) if (first_in_block or not in_block) else None
        if expected is None:
            assert img == [] and "news-item--pictured" not in item["class"], f"{url}: {post.url} has no picture to show"
            plain += 1
        else:
            assert len(img) == 1 and "news-item--pictured" in item["class"], f"{url}: {post.url}"
            assert resolved(sample_site, url, img[0]["src"]) == (sample_site / expected.src).resolve()
            check_thumbnail(sample_site, url, img[0])
            pictured += 1
    assert pictured and plain, f"{url}: the sample must show both kinds of item here"


def test_the_front_page_leads_with_a_large_eager_photo_then_the_next_stories(sample_site, model):
    page = load(sample_site, "")
    home = model.home
    lead = page.select_one(".news-front .news-lead")
    assert lead.select_one(".news-lead__title a").get_text(strip=True) == home.lead.title
    img = lead.select_one("img.news-thumb--lead")
    assert home.lead_picture is not None and resolved(sample_site, "", img["src"]) == (sample_site / home.lead_picture.src).resolve()
    check_thumbnail(sample_site, "", img, lead=True)
    assert img["sizes"] == home.lead_picture.sizes
    # the lead photo is the only picture fetched at once on the page
    assert page.select('img[loading="eager"]') == [img] and page.select("img[fetchpriority]") == [img]
    top = [a.get_text(strip=True) for a in page.select(".news-front .news-top .news-item__title a")]
    assert top == [post.title for post in home.top] and len(top) == 4
    latest = [a.get_text(strip=True) for a in page.select(".news-home--latest .news-item__title a")]
    assert latest == [post.title for post in home.more] and latest
    cells = page.select(".news-home--categories .news-grid__cell")
    assert [c.select_one("h3").get_text(strip=True) for c in cells] == [c.term.name for c in model.categories]
    for cell, entry in zip(cells, home.by_category):
        titles = [a.get_text(strip=True) for a in cell.select(".news-item__title a")]
        assert titles == [post.title for post in entry.posts]
        # only the block's first post may show its picture; the others are plain lines
        assert len(cell.select("img")) == (1 if entry.posts and model.thumbnail(entry.posts[0]) else 0), entry.term.name


def test_a_front_page_without_pictures_is_text_only(tmp_path):
    from conftest import copy_project, mkdocs_build, post_meta, write_post

    project = copy_project(tmp_path / "project", with_posts=False)
    for n in range(7):
        write_post(project / "posts", f"2021/tin-{n}.md", **post_meta(title=f"Tin số {n}", date=f"2021-03-0{n + 1} 08:00"))
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = load(tmp_path / "site", "")
    assert page.select_one(".news-lead__title a").get_text(strip=True) == "Tin số 6"
    assert page.select(".md-content img") == [] and page.select(".news-item--pictured, .news-lead--pictured") == []


def test_related_news_show_the_thumbnails_of_posts_with_a_picture(sample_site, model):
    seen = {True: 0, False: 0}
    for post in model.posts:
        items = load(sample_site, post.url).select("#tin-lien-quan li")
        for item, other in zip(items, model.post_views[post.url].related, strict=True):
            expected = model.thumbnail(other)
            img = item.select("img")
            assert len(img) == (1 if expected else 0), f"{post.url}: {other.url}"
            assert ("news-related--pictured" in item.get("class", [])) == bool(expected)
            if expected:
                assert resolved(sample_site, post.url, img[0]["src"]) == (sample_site / expected.src).resolve()
                check_thumbnail(sample_site, post.url, img[0])
            seen[bool(expected)] += 1
    assert seen[True] and seen[False]


def test_the_404_page_lists_the_newest_posts_with_their_thumbnails(sample_site, model):
    page = load(sample_site, "404.html")
    items = page.select("li.news-item")
    assert len(items) == 5
    for item, post in zip(items, model.posts):
        expected = model.thumbnail(post)
        img = item.select("img")
        assert len(img) == (1 if expected else 0), post.url
        if expected:  # the 404 page is served at any depth: its links are absolute
            assert img[0]["src"].endswith("/" + expected.src)
    assert any(model.thumbnail(post) for post in model.posts[:5]) and not all(model.thumbnail(post) for post in model.posts[:5])


def test_search_records_carry_the_thumbnail_url_and_size(sample_site, model):
    for doc, post in enumerate(model.posts):
        record = json.loads((sample_site / "search" / "d" / str(doc // 1000) / f"{doc}.json").read_text(encoding="utf-8"))
        assert record["u"] == post.url
        expected = model.thumbnail(post)
        if expected is None:
            assert "i" not in record, post.url
        else:
            assert record["i"]["u"] == expected.src and (sample_site / expected.src).is_file()
            assert (record["i"]["w"], record["i"]["h"]) == image_size(sample_site / expected.src)
