"""Open Graph, JSON-LD and share links of a page (newsroom.meta), without MkDocs."""

from __future__ import annotations

import base64
import json
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import site_config
from helpers import make_post
from newsroom.meta import facebook_share_url, is_organisation, page_meta, script_json, zalo_share_url
from newsroom.model import Attachment
from newsroom.views import HomeView, PostView

BASE = "https://congdoan-laichau.github.io/tin-tuc/"


def meta_of(post, **settings):
    config = site_config(**{"default_image": "assets/images/chia-se.png", **settings})
    return page_meta(
        PostView(post, (), None, None),
        url=post.url,
        title=post.title,
        description="Mô tả trang",
        base_url=BASE,
        site_name="LĐLĐ tỉnh Lai Châu",
        settings=config,
        size_of=lambda path: (1200, 630) if path.endswith(".png") else None,
    )


@pytest.mark.parametrize(
    "value",
    ["</script><script>alert(1)</script>", "<!-- bình luận -->", "Tom & Jerry", "dòng\u2028mới"],
    ids=["close-script", "html-comment", "ampersand", "line-separator"],
)
def test_json_for_a_script_element_cannot_close_it(value):
    text = script_json({"headline": value})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"headline": value}


def test_a_post_is_an_article_with_its_own_dates_section_tags_and_image():
    post = make_post(
        "ke-hoach-263",
        title="Kế hoạch số 263/KH-LĐLĐ",
        tags=["Nghị quyết", "Đại hội XIII"],
        categories=["Kế hoạch"],
        description="Tóm tắt",
        authors=("Hoàng Thị Lan", "Văn phòng LĐLĐ tỉnh"),
        image="2021/07/ke-hoach-263/anh.jpg",
    )
    meta = meta_of(post)
    canonical = BASE + "2021/07/ke-hoach-263/"
    assert (meta.type, meta.canonical, meta.title, meta.description) == ("article", canonical, post.title, "Tóm tắt")
    assert meta.published == "2021-07-29T08:00:00+07:00"
    assert meta.section == "Kế hoạch" and meta.tags == ("Nghị quyết", "Đại hội XIII")
    assert meta.image.url == BASE + "2021/07/ke-hoach-263/anh.jpg" and meta.image.width == 0
    assert meta.twitter_card == "summary_large_image"
    data = json.loads(meta.json_ld)
    assert data["@type"] == "NewsArticle" and data["headline"] == post.title
    assert data["datePublished"] == meta.published and data["mainEntityOfPage"]["@id"] == canonical
    assert data["author"] == [{"@type": "Person", "name": "Hoàng Thị Lan"}, {"@type": "Organization", "name": "Văn phòng LĐLĐ tỉnh"}]
    assert data["publisher"]["@type"] == "Organization" and data["image"] == [meta.image.url]
    assert data["keywords"] == ["Nghị quyết", "Đại hội XIII"]


def test_without_an_image_the_first_body_image_then_the_site_image_is_shown():
    with_body_image = make_post(
        "tin", assets=(Attachment("bao-cao.pdf", "2021/07/tin/bao-cao.pdf"), Attachment("a.JPG", "2021/07/tin/a.JPG"))
    )
    assert meta_of(with_body_image).image.url == BASE + "2021/07/tin/a.JPG"
    plain = meta_of(make_post("tin"))
    assert (plain.image.url, plain.image.width, plain.image.height) == (BASE + "assets/images/chia-se.png", 1200, 630)
    bare = meta_of(make_post("tin"), default_image="")
    assert bare.image is None and bare.twitter_card == "summary"
    keys = [key for _, key, _ in bare.meta_tags()]
    assert not [key for key in keys if "image" in key]
    assert keys[:6] == ["og:type", "og:site_name", "og:locale", "og:url", "og:title", "og:description"]
    assert ("property", "article:published_time", "2021-07-29T08:00:00+07:00") in bare.meta_tags()
    assert ("name", "twitter:card", "summary") in bare.meta_tags()


def test_a_post_without_authors_is_written_by_its_unit():
    data = json.loads(meta_of(make_post("tin", unit="LĐLĐ huyện Tam Đường")).json_ld)
    assert data["author"] == [{"@type": "Organization", "name": "LĐLĐ huyện Tam Đường"}]


def test_share_links_carry_the_canonical_address_and_can_be_turned_off():
    meta = meta_of(make_post("tin"))
    links = {link.kind: link.href for link in meta.share}
    assert set(links) == {"zalo", "facebook", "copy"}
    assert links["copy"] == meta.canonical
    assert parse_qs(urlsplit(links["facebook"]).query)["u"] == [meta.canonical]
    zalo = urlsplit(links["zalo"])
    assert zalo.scheme == "https" and zalo.hostname == "button-share.zalo.me"
    assert json.loads(base64.b64decode(parse_qs(zalo.query)["d"][0])) == {"url": meta.canonical}
    assert meta_of(make_post("tin"), sharing=False).share == ()


def test_share_urls_escape_the_address():
    url = "https://x.vn/tin?a=1&b=2#c"
    assert parse_qs(urlsplit(facebook_share_url(url)).query)["u"] == [url]
    assert json.loads(base64.b64decode(parse_qs(urlsplit(zalo_share_url(url)).query)["d"][0]))["url"] == url


def test_the_home_page_is_a_website_with_a_search_action():
    meta = page_meta(
        HomeView((), (), ()), url="", title="Trang chủ", description="Trang tin", base_url=BASE,
        site_name="LĐLĐ tỉnh Lai Châu", settings=site_config(),
    )  # fmt: skip
    assert (meta.type, meta.title, meta.canonical, meta.json_ld and meta.share) == ("website", "LĐLĐ tỉnh Lai Châu", BASE, ())
    data = json.loads(meta.json_ld)
    assert data["@type"] == "WebSite"
    assert data["potentialAction"]["target"]["urlTemplate"] == BASE + "tim-kiem/?tu-khoa={search_term_string}"


def test_other_pages_are_websites_without_json_ld():
    meta = page_meta(
        None, url="gioi-thieu/", title="Giới thiệu", description="", base_url=BASE, site_name="LĐLĐ", settings=site_config()
    )
    assert (meta.type, meta.title, meta.canonical, meta.json_ld) == ("website", "Giới thiệu", BASE + "gioi-thieu/", "")


@pytest.mark.parametrize(
    "name, organisation",
    [("Văn phòng LĐLĐ tỉnh", True), ("Ban Chính sách - Pháp luật", True), ("Bàn Thương – Văn phòng LĐLĐ tỉnh", False), ("Hoàng Thị Lan", False)],
)
def test_authors_that_are_organisations(name, organisation):
    assert is_organisation(name) is organisation
