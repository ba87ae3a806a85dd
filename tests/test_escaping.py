"""Escaping everywhere: a post whose every text field holds markup, quotes, `&`, `</title>` and
Vietnamese is built, and every page, feed, the sitemap and the search records are read back with
real parsers: no script from the fields runs, and each string reads back exactly as written
(never double-escaped) wherever it is shown, in text, attributes, meta tags and JSON-LD."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from conftest import copy_project, mkdocs_build, post_meta, write_post
from sitecheck import broken_links

pytestmark = pytest.mark.build

HOSTILE = "<script>alert(1)</script> \"Công đoàn\" 'Đoàn viên' & </title> Đại hội <b>đậm</b>"
SITE_NAME = "Liên đoàn Lao động tỉnh Lai Châu"
SITE_URL = "https://congdoan-laichau.github.io/tin-tuc/"
CATEGORY = "Tin tức - Sự kiện"
F = {
    name: f"{label} {HOSTILE}"
    for name, label in [
        ("title", "Tiêu đề"), ("tag", "Thẻ"), ("unit", "Đơn vị"), ("author", "Tác giả"), ("author2", "Văn phòng"),
        ("description", "Mô tả"), ("type", "Loại"), ("number", "12/KH"), ("place", "Nơi"), ("signer", "Người ký"),
        ("signer_title", "Chức vụ"), ("recipient", "Nơi nhận"), ("attachment", "Tệp"),
    ]
}  # fmt: skip
POST = "2021/07/tin/"
TAG_URL = "the/the-script-alert-1-script-cong-doan-doan-vien-title-dai-hoi-b-dam-b/"
UNIT_URL = "don-vi/don-vi-script-alert-1-script-cong-doan-doan-vien-title-dai-hoi-b-dam-b/"
# what a string escaped twice still holds once parsed
ENTITY = re.compile(r"&(?:lt|gt|quot|amp|apos|#\d+|#x[0-9a-f]+);", re.IGNORECASE)
@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("escaping")
    project = copy_project(root / "project", with_posts=False)
    (project / "posts/2021/07").mkdir(parents=True)
    (project / "posts/2021/07/kh.pdf").write_bytes(b"%PDF-1.4\n")
    document = {
        "type": F["type"], "number": F["number"], "place": F["place"], "issued": "2021-07-29",
        "signer": F["signer"], "signer_title": F["signer_title"], "recipients": [F["recipient"]],
        "attachments": [{"file": "kh.pdf", "title": F["attachment"]}],
    }  # fmt: skip
    meta = post_meta(
        title=F["title"], tags=[F["tag"]], unit=F["unit"], authors=[F["author"], F["author2"]],
        description=F["description"], document=document,
    )  # fmt: skip
    write_post(project / "posts", "2021/07/tin.md", "Nội dung bài viết.\n", **meta)
    result = mkdocs_build(project, root / "site")
    assert result.returncode == 0, result.stderr
    assert broken_links(root / "site", "/tin-tuc/") == []
    return root / "site"


def page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def meta(soup: BeautifulSoup, key: str) -> list[str]:
    return [m["content"] for m in soup.select(f'meta[property="{key}"], meta[name="{key}"]')]


def texts(soup: BeautifulSoup, selector: str) -> list[str]:
    return [element.get_text() for element in soup.select(selector)]


def double_escaped(soup: BeautifulSoup) -> list[str]:
    """Text and attribute values that still read as escaped markup once parsed (escaped twice)."""
    values = [str(text) for text in soup.find_all(string=True) if text.parent.name not in ("script", "style")]
    values += [
        value
        for element in soup.find_all(True)
        for value in element.attrs.values()
        if isinstance(value, str)
    ]
    return [value for value in values if ENTITY.search(value)]


def test_no_page_runs_or_double_escapes_a_field(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        raw = path.read_text(encoding="utf-8")
        assert "<script>alert" not in raw and "</title> Đại hội" not in raw, path
        soup = BeautifulSoup(raw, "html.parser")
        assert len(soup.find_all("title")) == 1 and not soup.select("b > b, body title"), path
        assert double_escaped(soup) == [], path
        for script in soup.find_all("script"):
            if script.get("type") == "application/ld+json":
                json.loads(script.string)
            else:
                assert "alert" not in script.get_text() and "alert" not in script.get("src", ""), path
        for element in soup.find_all(True):
            assert not [name for name in element.attrs if name.startswith("on")], (path, element.name)


def test_post_page_shows_every_field_as_written(site):
    soup = page(site, POST)
    assert soup.title.get_text() == f"{F['title']} - {SITE_NAME}"
    assert texts(soup, ".news-post__header h1") == [F["title"]]
    assert texts(soup, ".news-meta__unit") == [F["unit"]]
    assert texts(soup, ".news-meta__authors") == [f"Tác giả: {F['author']}, {F['author2']}"]
    assert texts(soup, ".news-tag") == [F["tag"]]
    document = dict(zip(texts(soup, ".news-document dt"), texts(soup, ".news-document dd")))
    assert document["Số ký hiệu"] == F["number"] and document["Loại văn bản"] == F["type"]
    assert document["Nơi ban hành"] == F["place"]
    assert document["Người ký"] == f"{F['signer']} ({F['signer_title']})"
    assert texts(soup, ".news-document__recipients li") == [F["recipient"]]
    assert texts(soup, ".news-document__attachments a") == [F["attachment"]]


def test_post_meta_tags_and_json_ld_round_trip(site):
    soup = page(site, POST)
    assert meta(soup, "description") == [F["description"]]
    assert meta(soup, "og:title") == [F["title"]]
    assert meta(soup, "og:description") == [F["description"]]
    assert meta(soup, "article:tag") == [F["tag"]]
    (script,) = soup.select('script[type="application/ld+json"]')
    data = json.loads(script.string)
    assert (data["headline"], data["description"], data["keywords"]) == (F["title"], F["description"], [F["tag"]])
    assert [author["name"] for author in data["author"]] == [F["author"], F["author2"]]
    assert "<" not in script.string and "&" not in script.string, "the JSON cannot close its <script>"


@pytest.mark.parametrize(
    "url, heading",
    [
        ("", None),
        ("chuyen-muc/tin-tuc-su-kien/", f"Chuyên mục: {CATEGORY}"),
        (TAG_URL, f"Thẻ: {F['tag']}"),
        (UNIT_URL, f"Đơn vị: {F['unit']}"),
        ("luu-tru/2021/07/", "Lưu trữ tháng 07/2021"),
    ],
    ids=["home", "category", "tag", "unit", "month"],
)
def test_listing_pages_show_titles_and_descriptions_as_written(site, url, heading):
    soup = page(site, url)
    assert F["title"] in texts(soup, ".news-item__title a")
    assert F["description"] in texts(soup, ".news-item__summary") or url == ""
    if heading:
        assert texts(soup, "article h1, .md-content h1")[0] == heading
        assert soup.title.get_text() == f"{heading} - {SITE_NAME}"


@pytest.mark.parametrize("url, heading", [(TAG_URL, f"Thẻ: {F['tag']}"), (UNIT_URL, f"Đơn vị: {F['unit']}")], ids=["tag", "unit"])
def test_listing_pages_meta_titles_round_trip(site, url, heading):
    soup = page(site, url)
    assert meta(soup, "og:title") == [heading]


def test_index_pages_and_filters_show_names_as_written(site):
    assert F["tag"] in texts(page(site, "the/"), ".news-terms a")
    assert F["unit"] in texts(page(site, "don-vi/"), ".news-terms a")
    search = page(site, "tim-kiem/")
    assert F["unit"] in texts(search, 'select[name="don-vi"] option')
    not_found = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert texts(not_found, ".news-item__title a") == [F["title"]]


def test_documents_page_cells_and_attributes_round_trip(site):
    soup = page(site, "van-ban/")
    (row,) = soup.select("tbody tr")
    assert (row["data-type"], row["data-unit"]) == (F["type"], F["unit"])
    cells = [cell.get_text(" ", strip=True) for cell in row.select("td")]
    assert cells[0] == F["number"] and cells[1] == F["type"] and cells[3] == F["unit"] and cells[4] == F["title"]
    assert texts(row, ".news-documents__files a") == [F["attachment"]]
    options = {o["value"]: o.get_text() for o in soup.select("select option") if o["value"]}
    assert options == {F["type"]: F["type"], F["unit"]: F["unit"], row["data-year"]: row["data-year"]}


@pytest.mark.parametrize("feed", ["feed.xml", "chuyen-muc/tin-tuc-su-kien/feed.xml"])
def test_feeds_round_trip(site, feed):
    (item,) = ET.parse(site / feed).getroot().findall("channel/item")
    assert item.findtext("title") == F["title"]
    assert item.findtext("description") == F["description"]
    creators = [e.text for e in item.findall("{http://purl.org/dc/elements/1.1/}creator")]
    assert creators == [F["author"], F["author2"]]
    assert item.findtext("link") == SITE_URL + POST


def test_sitemap_holds_only_clean_absolute_urls(site):
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = [loc.text for loc in ET.parse(site / "sitemap.xml").getroot().iter(f"{ns}loc")]
    assert SITE_URL + POST in locs and SITE_URL + TAG_URL in locs and SITE_URL + UNIT_URL in locs
    assert all(loc.startswith(SITE_URL) and not set(loc) & set("<>\"'& ") for loc in locs)


def test_search_records_round_trip(site):
    for path in (site / "search").rglob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))
    (record_file,) = (site / "search/d").rglob("*.json")
    record = json.loads(record_file.read_text(encoding="utf-8"))
    assert (record["t"], record["n"], record["k"], record["c"]) == (F["title"], F["unit"], F["number"], CATEGORY)
    index = json.loads((site / "search/meta.json").read_text(encoding="utf-8"))
    assert [name for _, name, _ in index["u"]] == [F["unit"]]
    material = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert not [doc for doc in material["docs"] if "alert" in json.dumps(doc, ensure_ascii=False)]
