"""Build the real sample site with MkDocs and check every page type, as a reader would get it."""

from __future__ import annotations

import filecmp
import json
import os
import re
from datetime import datetime
from xml.etree import ElementTree as ET

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, SAMPLE_EPOCH, VN, copy_project, mkdocs_build
from newsroom.config import load_config
from newsroom.reader import read_posts
from newsroom.site import build_site

pytestmark = pytest.mark.build

PLAN = "2021/07/ke-hoach-263-thuc-hien-chuong-trinh-hanh-dong-09-ctr-tu/"
DRAFT_TITLE_WORDS = "Dự thảo"


def load(site, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def model():
    """The same site as the package sees it, to compare the HTML against."""
    settings = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]["newsroom"]
    config = load_config(settings)
    corpus = read_posts(ROOT / "posts", config)
    assert corpus.problems == ()
    return build_site(corpus.posts, config, datetime.fromtimestamp(SAMPLE_EPOCH, VN))


def test_every_post_has_its_page_at_year_month_slug(sample_site, model):
    assert len(model.posts) >= 25
    for post in model.posts:
        assert (sample_site / post.url / "index.html").is_file(), post.url
        assert re.fullmatch(r"\d{4}/\d{2}/[a-z0-9-]+/", post.url)


def test_post_header_document_block_and_tags(sample_site):
    page = load(sample_site, PLAN)
    assert page.html["lang"] == "vi"
    header = page.select_one(".news-post__header")
    assert header.select_one("h1").get_text(strip=True).startswith("Kế hoạch thực hiện Chương trình hành động")
    assert header.select_one(".news-post__category").get_text(strip=True) == "Kế hoạch"
    assert header.select_one("time").get_text(strip=True) == "Thứ năm, 29/07/2021 08:00"
    assert header.select_one(".news-meta__unit").get_text(strip=True) == "LĐLĐ tỉnh Lai Châu"
    document = page.select_one(".news-document")
    fields = dict(zip([dt.get_text(strip=True) for dt in document.select("dt")], [dd.get_text(" ", strip=True) for dd in document.select("dd")]))
    assert fields["Số ký hiệu"] == "263/KH-LĐLĐ"
    assert fields["Nơi ban hành"] == "Lai Châu"
    assert fields["Ngày ban hành"] == "29/07/2021"
    assert fields["Người ký"].startswith("Nguyễn Thị Thiện")
    assert "Tổng Liên đoàn Lao động Việt Nam" in fields["Nơi nhận"]
    body = page.select_one(".news-post__body").get_text()
    assert "MỤC ĐÍCH, YÊU CẦU" in body and "Nơi nhận" not in body


def test_attachments_are_published_beside_the_post(sample_site, model):
    with_files = [p for p in model.posts if p.document and p.document.attachments]
    assert with_files, "the sample site must show an attachment"
    post = with_files[0]
    link = load(sample_site, post.url).select_one(".news-document__attachments a")
    assert link.has_attr("download")
    assert (sample_site / post.url / link["href"]).resolve().read_bytes().startswith(b"%PDF")


def test_related_news_under_every_post(sample_site, model):
    for post in model.posts:
        page = load(sample_site, post.url)
        section = page.select_one("#tin-lien-quan")
        expected = model.post_views[post.url].related
        assert section is not None and section.select_one("h2").get_text(strip=True) == "Tin liên quan"
        items = section.select("li")
        assert len(items) == len(expected) == 5, post.url
        for item, other in zip(items, expected):
            link = item.select_one("a")
            assert link.get_text(strip=True) == other.title
            assert (sample_site / post.url / link["href"]).resolve() == (sample_site / other.url).resolve()
            assert item.select_one("time").get_text(strip=True) == f"({other.date:%d/%m/%Y})"
        assert post.url not in {o.url for o in expected}


def test_hand_picked_links_come_first_on_the_page(sample_site, model):
    linked = [p for p in model.posts if p.links]
    assert linked
    by_path = {p.path: p for p in model.posts}
    for post in linked:
        titles = [a.get_text(strip=True) for a in load(sample_site, post.url).select("#tin-lien-quan a")]
        assert titles[: len(post.links)] == [by_path[link].title for link in post.links]


def test_previous_and_next_post(sample_site, model):
    middle = model.posts[5]
    nav = load(sample_site, middle.url).select_one(".news-prevnext")
    assert nav.select_one(".news-prevnext__previous").get_text(strip=True).endswith(model.posts[6].title)
    assert nav.select_one(".news-prevnext__next").get_text(strip=True).endswith(model.posts[4].title)


def test_home_shows_pinned_latest_and_categories(sample_site, model):
    page = load(sample_site, "")
    pinned = [p.title for p in model.posts if p.pin]
    newest = [p.title for p in model.posts if not p.pin][:8]
    assert len(pinned) == 2
    # the lead story and the next four: pinned posts first, then the newest
    front = [a.get_text(strip=True) for a in page.select(".news-front .news-item__title a")]
    assert front == (pinned + newest)[:5]
    assert page.select_one(".news-lead__title a").get_text(strip=True) == pinned[0]
    latest = [a.get_text(strip=True) for a in page.select(".news-home--latest .news-item__title a")]
    assert latest == (pinned + newest)[5:] and len(latest) == 5
    assert page.select_one(".news-home--latest .news-item__summary").get_text(strip=True)
    cells = page.select(".news-home--categories .news-grid__cell > h3")
    assert [c.get_text(strip=True) for c in cells] == [c.term.name for c in model.categories]


def test_archive_pages_with_counts(sample_site, model):
    index = load(sample_site, "luu-tru/")
    years = [a.get_text(strip=True) for a in index.select(".news-archive__year")]
    assert years == [f"Năm {y.year.year}" for y in model.years]
    newest = model.years[0]
    month = newest.months[0]
    assert f"({len(month.posts)})" in index.select_one(".news-archive__months").get_text()
    year_page = load(sample_site, newest.year.url)
    assert year_page.select_one("h1").get_text(strip=True) == f"Lưu trữ năm {newest.year.year}"
    month_page = load(sample_site, month.url)
    titles = [a.get_text(strip=True) for a in month_page.select(".news-item__title a")]
    assert titles == [p.title for p in month.posts]
    assert f"{len(month.posts)} bài viết" in month_page.select_one(".news-count").get_text()


def test_category_tag_and_unit_pages_and_their_indexes(sample_site, model):
    for prefix, terms in (("chuyen-muc", model.categories), ("the", model.tags), ("don-vi", model.units)):
        index = load(sample_site, f"{prefix}/")
        names = [a.get_text(strip=True) for a in index.select(".news-terms a")]
        assert names == [t.term.name for t in terms], prefix
        for entry in terms:
            page = load(sample_site, entry.url)
            titles = [a.get_text(strip=True) for a in page.select(".news-item__title a")]
            assert titles == [p.title for p in entry.posts[:10]], entry.url
    assert load(sample_site, "don-vi/ldld-tinh-cao-bang/").select_one("h1").get_text(strip=True) == "Đơn vị: LĐLĐ tỉnh Cao Bằng"


def test_long_listings_are_paginated_with_links_between_pages(sample_site, model):
    big = max(model.categories, key=lambda c: len(c.posts))
    assert len(big.posts) > 10
    first, second = load(sample_site, big.url), load(sample_site, f"{big.url}trang/2/")
    assert first.select_one("a[rel=next]")["href"] == "trang/2/"
    assert (sample_site / big.url / "trang/2/" / second.select_one("a[rel=prev]")["href"]).resolve() == (sample_site / big.url).resolve()
    titles = [a.get_text(strip=True) for a in second.select(".news-item__title a")]
    assert titles == [p.title for p in big.posts[10:20]]


def test_feeds_are_valid_rss(sample_site, model):
    root = ET.parse(sample_site / "feed.xml").getroot()
    items = root.findall("channel/item")
    assert len(items) == min(50, len(model.posts))
    assert items[0].findtext("title") == model.posts[0].title
    assert items[0].findtext("link") == "https://congdoan-laichau.github.io/tin-tuc/" + model.posts[0].url
    for entry in model.categories:
        feed = ET.parse(sample_site / entry.url / "feed.xml").getroot()
        assert len(feed.findall("channel/item")) == len(entry.posts)
    assert load(sample_site, "").select_one('a[type="application/rss+xml"]')["href"] == "feed.xml"


def test_sitemap_lists_every_post(sample_site, model):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = {loc.text for loc in ET.parse(sample_site / "sitemap.xml").getroot().findall("s:url/s:loc", ns)}
    for post in model.posts:
        assert "https://congdoan-laichau.github.io/tin-tuc/" + post.url in locs


def test_posts_stay_out_of_the_navigation(sample_site, model):
    nav_links = load(sample_site, PLAN).select(".md-nav--primary .md-nav__link")
    labels = {a.get_text(strip=True) for a in nav_links}
    assert {"Trang chủ", "Chuyên mục", "Lưu trữ", "Giới thiệu", "Liên hệ"} <= labels
    assert not labels & {p.title for p in model.posts}


def test_the_public_site_shows_no_preview_banner(sample_site):
    for url in ("", PLAN, "chuyen-muc/"):
        assert load(sample_site, url).select_one(".md-banner") is None, url


def test_footer_has_the_publisher_details(sample_site):
    footer = load(sample_site, "gioi-thieu/").select_one(".news-publisher").get_text(" ", strip=True)
    for text in ("Liên đoàn Lao động tỉnh Lai Châu", "Địa chỉ:", "Điện thoại:", "Thư điện tử:", "Chịu trách nhiệm nội dung:"):
        assert text in footer


def test_not_found_page_is_vietnamese_with_latest_posts(sample_site, model):
    page = BeautifulSoup((sample_site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select_one("h1").get_text(strip=True) == "Không tìm thấy trang"
    links = page.select(".news-item__title a")
    assert [a.get_text(strip=True) for a in links] == [p.title for p in model.posts[:5]]
    # served at any missing URL, so its links must not be relative
    assert all(a["href"].startswith("/tin-tuc/") for a in links)


def test_the_draft_is_nowhere(sample_site):
    draft_files = [p for p in (ROOT / "posts").rglob("*.md") if "draft: true" in p.read_text(encoding="utf-8")]
    assert draft_files, "the sample site keeps one draft"
    title = re.search(r"^title: (.+)$", draft_files[0].read_text(encoding="utf-8"), re.M).group(1).strip("\"'")
    for path in sample_site.rglob("*"):
        if path.suffix in (".html", ".xml", ".json"):
            assert title not in path.read_text(encoding="utf-8"), path


def test_future_posts_wait_for_their_day(tmp_path, model):
    """Built as of 2024-05-01, everything dated later is left out of every page, list and feed."""
    cutoff = datetime(2024, 5, 1, tzinfo=VN)
    later = [p for p in model.posts if p.date > cutoff]
    assert later
    site = tmp_path / "site"
    result = mkdocs_build(ROOT, site, epoch=int(cutoff.timestamp()))
    assert result.returncode == 0, result.stderr
    for post in later:
        assert not (site / post.url).exists()
    text = "\n".join(p.read_text(encoding="utf-8") for p in site.rglob("*") if p.suffix in (".html", ".xml", ".json"))
    for post in later:
        assert post.title not in text and post.url not in text
    search = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert not any(doc["location"].startswith(tuple(p.url for p in later)) for doc in search["docs"])


def differences(left, right):
    """Paths that are only on one side or differ in content, recursively. Every common file is read
    (dircmp's own diff_files trusts equal size and modification time without reading)."""

    def walk(cmp, prefix=""):
        _, changed, unreadable = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        found = [prefix + name for name in cmp.left_only + cmp.right_only + cmp.common_funny + changed + unreadable]
        for name, sub in cmp.subdirs.items():
            found += walk(sub, f"{prefix}{name}/")
        return found

    return walk(filecmp.dircmp(left, right, ignore=[]))


def test_two_builds_are_identical(sample_site, tmp_path):
    again = tmp_path / "site"
    assert mkdocs_build(ROOT, again).returncode == 0
    assert differences(sample_site, again) == []


@pytest.mark.parametrize("env", [{"NEWSROOM_RENDER": "mkdocs"}, {"NEWSROOM_JOBS": "1"}, {"NEWSROOM_JOBS": "3"}], ids=str)
def test_the_fast_paths_give_the_same_site_as_mkdocs_alone(sample_site, tmp_path, env):
    """The fast paths (parallel rendering, the frame cache) against MkDocs rendering every page itself
    with no cache, and against other job counts."""
    other = tmp_path / "site"
    result = mkdocs_build(ROOT, other, extra_env=env)
    assert result.returncode == 0, result.stderr
    assert differences(sample_site, other) == []
    assert len(list(other.rglob("index.html"))) > 100


@pytest.mark.parametrize("env", [{}, {"NEWSROOM_RENDER": "mkdocs"}], ids=["parallel", "mkdocs"])
def test_a_warning_while_rendering_a_post_fails_the_strict_build(tmp_path, env):
    project = copy_project(tmp_path / "project")
    post = project / "posts/2019/04/mot-so-ket-qua-noi-bat-thang-4-nam-2019.md"
    # a link to a draft passes our checks (the post exists) but its page is not built: MkDocs warns
    draft = "../../2025/11/du-thao-ke-hoach-cham-lo-tet-binh-ngo-2026.md"
    post.write_text(post.read_text(encoding="utf-8") + f"\nXem [bản nháp]({draft}).\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", extra_env=env)
    assert result.returncode != 0
    assert "du-thao-ke-hoach-cham-lo-tet-binh-ngo-2026" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_invalid_post_stops_the_build_with_clear_messages(tmp_path):
    project = copy_project(tmp_path / "project")
    bad = project / "posts/2021/07/ke-hoach-263-thuc-hien-chuong-trinh-hanh-dong-09-ctr-tu.md"
    bad.write_text(bad.read_text(encoding="utf-8").replace("categories: [Kế hoạch]", "categories: [Thể thao]"), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert re.search(r"posts/2021/07/ke-hoach-263-[a-z0-9-]+\.md:\d+: categories: chuyên mục \"Thể thao\" chưa được khai báo", result.stderr)
    assert not any((tmp_path / "site").rglob("*.html"))


def test_titles_and_descriptions_with_markup_are_text_everywhere_in_the_page(tmp_path):
    project = copy_project(tmp_path / "project", with_posts=False)
    hostile = '</title><script>alert("x")</script> & “Công đoàn”'
    from conftest import post_meta, write_post

    write_post(project / "posts", "2021/07/tin.md", **post_meta(title=hostile, description=f"Tóm tắt {hostile}", tags=[hostile]))
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    for url in ("2021/07/tin/", "", "the/title-script-alert-x-script-cong-doan/", "chuyen-muc/tin-tuc-su-kien/"):
        page = load(site, url)
        code = [s for s in page.find_all("script") if s.get("type") != "application/ld+json"]
        assert not [s for s in code if "alert" in s.get_text()], url
        assert "</title><script>" not in (site / url / "index.html").read_text(encoding="utf-8")
        if url == "2021/07/tin/":
            assert page.title.get_text() == f"{hostile} - Liên đoàn Lao động tỉnh Lai Châu"
            assert page.find("meta", attrs={"name": "description"})["content"] == f"Tóm tắt {hostile}"
            assert page.select_one(".news-post__header h1").get_text() == hostile


def test_a_bad_post_leaves_the_last_site_in_place_even_with_plain_mkdocs_build(tmp_path):
    """Posts are validated before MkDocs empties the site folder (not only through `make build`)."""
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    before = {p: p.read_bytes() for p in site.rglob("*.html")}
    bad = project / "posts/2019/04/mot-so-ket-qua-noi-bat-thang-4-nam-2019.md"
    bad.write_text(bad.read_text(encoding="utf-8").replace("date: ", "date: 31/02/", 1), encoding="utf-8")
    result = mkdocs_build(project, site)
    assert result.returncode != 0 and "Không thể dựng trang" in result.stderr
    assert {p: p.read_bytes() for p in site.rglob("*.html")} == before


def test_a_warm_markdown_cache_builds_the_same_site_and_sees_every_change(sample_site, tmp_path):
    """NEWSROOM_CACHE keeps rendered Markdown between builds (news_cache.py): cold, warm and after
    edits, the site must be the one built without it."""
    cache = {"NEWSROOM_CACHE": str(tmp_path / "cache")}
    for run in ("cold", "warm"):
        result = mkdocs_build(ROOT, tmp_path / run, extra_env=cache)
        assert result.returncode == 0, result.stderr
        assert differences(sample_site, tmp_path / run) == [], run
    entries = sorted((tmp_path / "cache").rglob("*.json"))
    assert len(entries) >= 25
    # one post edited, and another now links to it by its file: both must be rendered again
    project = copy_project(tmp_path / "project")
    posts = sorted((project / "posts").rglob("*.md"))
    edited, linking = posts[3], posts[4]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nMột câu mới được thêm vào bài.\n", encoding="utf-8")
    link = os.path.relpath(edited, linking.parent).replace(os.sep, "/")
    linking.write_text(linking.read_text(encoding="utf-8") + f"\nXem thêm [bài này]({link}).\n", encoding="utf-8")
    warm = mkdocs_build(project, tmp_path / "edited-warm", extra_env=cache)
    cold = mkdocs_build(project, tmp_path / "edited-cold", extra_env={"NEWSROOM_RENDER": "mkdocs"})
    assert warm.returncode == 0 and cold.returncode == 0, warm.stderr + cold.stderr
    assert differences(tmp_path / "edited-cold", tmp_path / "edited-warm") == []
    assert "Một câu mới được thêm vào bài." in "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "edited-warm").rglob("index.html"))
    now = set((tmp_path / "cache").rglob("*.json"))
    assert len(now - set(entries)) == 2 and len(now) == len(entries)  # the two posts again; their old entries pruned
