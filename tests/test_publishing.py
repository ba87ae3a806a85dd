"""What a published page offers readers, search engines and sharing: meta, share links, print,
the "Văn bản" page, images, CNAME and robots.txt; checked on the built sample site."""

from __future__ import annotations

import base64
import json
import re
from datetime import datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import copy_project, mkdocs_build, site_config
from helpers import make_post
from newsroom.config import ConfigError
from newsroom.model import Document
from newsroom.publishing import check_site_url, site_files
from newsroom.views import documents_view
from waiting import wait_until

SITE_URL = "https://congdoan-laichau.github.io/tin-tuc/"
PLAN = "2021/07/ke-hoach-263-thuc-hien-chuong-trinh-hanh-dong-09-ctr-tu/"
WITH_IMAGE = "2025/10/ho-tro-xay-dung-25-nha-mai-am-cong-doan/"  # `image:` in its front matter
WITH_FIGURE = "2025/05/lai-chau-khai-mac-thang-cong-nhan-nam-2025/"  # an image in its body
SAMPLE_IMAGE_SIZE = ("960", "540")  # both sample images
# the JPEG the image pipeline makes of docs/assets/images/chia-se.png (1200×630, not made larger)
SHARE_IMAGE = re.compile(r"assets/images/chia-se\.[0-9a-f]{10}\.1200\.jpg")


def load(site: Path, url: str) -> BeautifulSoup:
    path = site / url / "index.html" if not url.endswith(".html") else site / url
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def meta(page: BeautifulSoup, key: str) -> list[str]:
    return [tag["content"] for tag in page.select(f'meta[property="{key}"], meta[name="{key}"]')]


def local(site: Path, url: str) -> Path:
    """The built file behind an absolute URL of the site."""
    assert url.startswith(SITE_URL), url
    rest = url[len(SITE_URL) :]
    return site / rest / "index.html" if rest.endswith("/") or not rest else site / rest


@pytest.fixture(scope="module")
def model(sample_model):
    return sample_model


# --- the package, without a build -------------------------------------------------------


def test_robots_txt_names_the_sitemap_and_cname_is_written_only_for_a_custom_domain():
    files = site_files(site_config(), SITE_URL)
    assert files == {"robots.txt": f"User-agent: *\nAllow: /\n\nSitemap: {SITE_URL}sitemap.xml\n".encode()}
    assert site_files(site_config(cname="tin.congdoanlaichau.vn"), "https://tin.congdoanlaichau.vn/")["CNAME"] == b"tin.congdoanlaichau.vn\n"


@pytest.mark.parametrize("cname", ["https://tin.congdoan.vn", "tin.congdoan.vn/", "tin congdoan", "localhost"])
def test_a_cname_must_be_a_bare_domain(cname):
    with pytest.raises(ConfigError, match="cname"):
        site_config(cname=cname)


def test_with_a_cname_site_url_must_use_that_domain():
    config = site_config(cname="tin.congdoanlaichau.vn")
    check_site_url(config, "https://tin.congdoanlaichau.vn/")
    with pytest.raises(ConfigError, match="site_url thành https://tin.congdoanlaichau.vn/"):
        check_site_url(config, SITE_URL)
    check_site_url(site_config(), SITE_URL)  # no custom domain: any site_url


def test_the_documents_view_holds_posts_with_a_document_newest_issued_first():
    old = make_post("a", when="2021-01-05 08:00", document=Document(type="Kế hoạch", number="1/KH", issued=datetime(2021, 1, 4).date()))
    new = make_post("b", when="2020-01-05 08:00", document=Document(type="Báo cáo", number="2/BC", issued=datetime(2022, 3, 1).date()))
    undated = make_post("c", when="2021-06-01 08:00", title="Thông báo Đại hội", document=Document(type="Thông báo"))
    plain = make_post("d")
    view = documents_view("van-ban/", (old, new, undated, plain))
    assert [row.post.slug for row in view.rows] == ["b", "c", "a"]
    assert view.rows[1].issued == undated.date.date()  # no issued date: the post's date
    assert view.types == ("Báo cáo", "Kế hoạch", "Thông báo")
    assert view.rows[1].search == "thong bao thong bao dai hoi ldld tinh lai chau"


# --- the built sample site ------------------------------------------------------------------


@pytest.mark.build
def test_every_post_has_open_graph_twitter_and_canonical(sample_site, model):
    for post in model.posts:
        page = load(sample_site, post.url)
        canonical = SITE_URL + post.url
        assert page.html["lang"] == "vi"
        assert [link["href"] for link in page.select('link[rel="canonical"]')] == [canonical]
        assert meta(page, "og:url") == [canonical]
        assert meta(page, "og:type") == ["article"] and meta(page, "og:locale") == ["vi_VN"]
        assert meta(page, "og:title") == [post.title]
        assert meta(page, "og:description") == [post.description]
        # the card reads title, description and image from og: (X/Twitter's documented fallback)
        assert meta(page, "twitter:title") == meta(page, "twitter:description") == meta(page, "twitter:image") == []
        assert meta(page, "og:site_name") == ["Liên đoàn Lao động tỉnh Lai Châu"]
        assert meta(page, "article:published_time") == [post.date.isoformat()]
        assert meta(page, "article:section") == [post.category.name]
        assert meta(page, "article:tag") == [tag.name for tag in post.tags]
        (image,) = meta(page, "og:image")
        assert meta(page, "twitter:card") == ["summary_large_image"]
        assert local(sample_site, image).is_file(), (post.url, image)
        assert meta(page, "og:image:width") and meta(page, "og:image:height")


@pytest.mark.build
def test_the_share_image_is_the_posts_own_then_its_first_body_image_then_the_sites(sample_site):
    # the JPEG made of each (the sample photos are 960 px wide: never made larger)
    (own,) = meta(load(sample_site, WITH_IMAGE), "og:image")
    assert re.fullmatch(re.escape(SITE_URL + WITH_IMAGE) + r"nha-mai-am-cong-doan\.[0-9a-f]{10}\.960\.jpg", own)
    (first,) = meta(load(sample_site, WITH_FIGURE), "og:image")
    assert re.fullmatch(re.escape(SITE_URL + WITH_FIGURE) + r"le-khai-mac-thang-cong-nhan\.[0-9a-f]{10}\.960\.jpg", first)
    page = load(sample_site, PLAN)
    (shared,) = meta(page, "og:image")
    assert shared.startswith(SITE_URL) and SHARE_IMAGE.fullmatch(shared.removeprefix(SITE_URL))
    assert (meta(page, "og:image:width"), meta(page, "og:image:height")) == (["1200"], ["630"])


@pytest.mark.build
def test_every_post_has_news_article_json_ld(sample_site, model):
    for post in model.posts:
        page = load(sample_site, post.url)
        (script,) = page.select('script[type="application/ld+json"]')
        data = json.loads(script.string)
        assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
        assert data["headline"] == post.title and data["description"] == post.description
        assert data["datePublished"] == post.date.isoformat() == data["dateModified"]
        assert data["mainEntityOfPage"]["@id"] == SITE_URL + post.url == data["url"]
        assert data["author"] and all(a["@type"] in ("Person", "Organization") and a["name"] for a in data["author"])
        assert data["publisher"] == {
            "@type": "Organization",
            "name": "Liên đoàn Lao động tỉnh Lai Châu",
            "url": SITE_URL,
            "email": "vanphong@congdoanlaichau.vn",
            "telephone": "0213 3876 123",
            "address": model.config.publisher.address,
        }
        assert data["image"] == meta(page, "og:image")
        assert data["inLanguage"] == "vi" and data["articleSection"] == post.category.name


@pytest.mark.build
def test_pages_that_are_not_posts_are_websites_with_canonical_urls(sample_site):
    home = load(sample_site, "")
    assert meta(home, "og:type") == ["website"] and meta(home, "og:url") == [SITE_URL]
    assert json.loads(home.select_one('script[type="application/ld+json"]').string)["@type"] == "WebSite"
    for url in ("chuyen-muc/", "chuyen-muc/bao-cao/", "luu-tru/2024/", "van-ban/", "gioi-thieu/"):
        page = load(sample_site, url)
        assert meta(page, "og:url") == [SITE_URL + url] == [page.select_one('link[rel="canonical"]')["href"]]
        (shared,) = meta(page, "og:image")
        assert meta(page, "og:type") == ["website"] and SHARE_IMAGE.fullmatch(shared.removeprefix(SITE_URL))
        assert not page.select('script[type="application/ld+json"]')
    assert meta(load(sample_site, "chuyen-muc/bao-cao/"), "og:description") == ["Báo cáo tháng, quý, năm và báo cáo chuyên đề."]


@pytest.mark.build
def test_share_links_and_print_button_under_every_post(sample_site, model):
    for post in model.posts:
        bar = load(sample_site, post.url).select_one(".news-share")
        canonical = SITE_URL + post.url
        links = {a["class"][1].removeprefix("news-share__link--"): a for a in bar.select("a.news-share__link")}
        assert set(links) == {"zalo", "facebook", "copy"}
        assert links["copy"]["href"] == canonical and links["copy"].has_attr("data-news-copy")
        assert parse_qs(urlsplit(links["facebook"]["href"]).query)["u"] == [canonical]
        zalo = urlsplit(links["zalo"]["href"])
        assert zalo.hostname == "button-share.zalo.me" and _zalo_url(zalo) == canonical
        for name in ("zalo", "facebook"):
            assert links[name]["target"] == "_blank" and {"noopener", "noreferrer"} <= set(links[name]["rel"])
        button = bar.select_one("button[data-news-print]")
        assert button.has_attr("data-news-needs-js") and button.get_text(strip=True) == "In bài"  # hidden without script


def _zalo_url(parts) -> str:
    return json.loads(base64.b64decode(parse_qs(parts.query)["d"][0]))["url"]


@pytest.mark.build
def test_no_third_party_script_frame_or_stylesheet_anywhere(sample_site):
    for path in sample_site.rglob("*.html"):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in (("script", "src"), ("iframe", "src"), ("link", "href"), ("img", "src")):
            for element in page.select(f"{tag}[{attribute}]"):
                if tag == "link" and element.get("rel") in (["canonical"],):
                    continue
                assert not re.match(r"^(https?:)?//", element[attribute]), (path, element)


@pytest.mark.build
def test_print_stylesheet_hides_navigation_and_keeps_the_post(sample_site):
    css = (sample_site / "stylesheets/news.css").read_text(encoding="utf-8")
    block = css[css.index("@media print") :]
    hidden = block[: block.index("display: none")]
    for selector in (".md-header", ".md-tabs", ".md-sidebar", ".md-footer", ".news-share", ".news-related", ".news-prevnext"):
        assert selector in hidden, selector
    assert ".news-print-url { display: block" in block
    url = load(sample_site, PLAN).select_one(".news-post__header .news-print-url").get_text(" ", strip=True)
    assert url == f"Địa chỉ bài viết: {SITE_URL}{PLAN}"


@pytest.mark.build
def test_documents_page_lists_every_document_post_with_its_fields(sample_site, model):
    expected = [p for p in model.posts if p.document]
    assert len(expected) >= 5
    page = load(sample_site, "van-ban/")
    assert page.select_one("h1").get_text(strip=True) == "Văn bản"
    rows = page.select("table.news-documents tbody tr")
    assert len(rows) == len(expected)
    assert {r.select_one("td.news-documents__title a").get_text(strip=True) for r in rows} == {p.title for p in expected}
    issued = [r.select("td")[2]["data-value"] for r in rows]
    assert issued == sorted(issued, reverse=True)
    by_title = {p.title: p for p in expected}
    for row in rows:
        cells = [td.get_text(" ", strip=True) for td in row.select("td")]
        post = by_title[cells[4]]
        doc = post.document
        assert cells[:4] == [doc.number, doc.type, (doc.issued or post.date.date()).strftime("%d/%m/%Y"), post.unit.name]
        link = row.select_one("td.news-documents__title a")
        assert (sample_site / "van-ban" / link["href"]).resolve() == (sample_site / post.url).resolve()
        files = row.select("td.news-documents__attachments a[download]")
        assert [a.get_text(strip=True) for a in files] == [a.title for a in doc.attachments]
        for a in files:
            assert (sample_site / "van-ban" / a["href"]).resolve().is_file()
    headers = [th.get_text(strip=True) for th in page.select("thead th")]
    assert headers == [
        "Số ký hiệu", "Loại văn bản", "Ngày ban hành", "Đơn vị ban hành", "Trích yếu", "Bài viết nhắc đến", "Tình trạng", "Tệp đính kèm",
    ]  # fmt: skip
    assert page.select_one("form[data-news-documents-filter]").has_attr("data-news-needs-js")  # hidden without script
    assert [o.get_text() for o in page.select("select[name=loai] option")][1:] == list(model.documents.types)


@pytest.mark.build
def test_documents_page_is_in_the_navigation_and_the_sitemap(sample_site):
    tabs = [a.get_text(strip=True) for a in load(sample_site, "").select(".md-tabs__link")]
    assert "Văn bản" in tabs
    assert f"<loc>{SITE_URL}van-ban/</loc>" in (sample_site / "sitemap.xml").read_text(encoding="utf-8")


@pytest.mark.build
def test_post_images_are_sized_figures_with_captions(sample_site):
    page = load(sample_site, WITH_FIGURE)
    (figure,) = page.select(".news-post__body figure.news-figure")
    img = figure.select_one("a.news-figure__zoom[data-news-lightbox] > picture > img")
    # the post has no `image:`: its first picture is the lead, fetched first (test_images_site.py
    # checks the others are lazy)
    assert (img["loading"], img["decoding"], img["fetchpriority"]) == ("eager", "async", "high")
    assert (img["width"], img["height"]) == SAMPLE_IMAGE_SIZE
    assert re.fullmatch(r"le-khai-mac-thang-cong-nhan\.[0-9a-f]{10}\.960\.jpg", img["src"])
    assert figure.select_one("a")["href"] == img["src"].replace(".jpg", ".webp")  # the largest file
    assert figure.select_one("figcaption").get_text() == img["alt"].strip()
    assert img["alt"].startswith("Minh họa: Lễ khai mạc")
    assert (sample_site / WITH_FIGURE / img["src"]).is_file()
    assert page.select_one("dialog[data-news-lightbox-dialog] button[data-close]")
    lead = load(sample_site, WITH_IMAGE).select_one("picture > img.news-post__image")
    assert (lead["width"], lead["height"]) == SAMPLE_IMAGE_SIZE and lead.get("loading") == "eager"  # the first thing seen
    # lazy, but for the first thing seen: a post's lead picture, and the front page's lead photo (only there)
    for path in sample_site.rglob("*.html"):
        images = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select(".md-content img[src]")
        leads = [img for img in images if img.get("loading") != "lazy"]
        assert len(leads) <= 1 and all(img.get("fetchpriority") == "high" for img in leads), (path, leads)
        if path == sample_site / "index.html":
            assert [set(img.get("class", [])) & {"news-thumb--lead"} for img in leads] == [{"news-thumb--lead"}]


@pytest.mark.build
def test_not_found_page_offers_search(sample_site):
    page = load(sample_site, "404.html")
    form = page.select_one("form[role=search]")
    assert form["action"] == "/tin-tuc/tim-kiem/" and form.select_one("input[type=search]")["name"] == "tu-khoa"


@pytest.mark.build
def test_robots_txt_and_no_cname_on_github_io(sample_site):
    assert (sample_site / "robots.txt").read_text(encoding="utf-8").endswith(f"Sitemap: {SITE_URL}sitemap.xml\n")
    assert not (sample_site / "CNAME").exists()


@pytest.fixture(scope="module")
def custom_domain_site(tmp_path_factory):
    """The sample site on its own domain, with sharing off and a post title that tries to break out of JSON-LD."""
    project = copy_project(tmp_path_factory.mktemp("domain") / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(f"site_url: {SITE_URL}", "site_url: https://tin.congdoanlaichau.vn/")
    text = text.replace("    sharing: true\n", "    sharing: false\n    cname: tin.congdoanlaichau.vn\n")
    config.write_text(text, encoding="utf-8")
    post = project / "posts" / (PLAN.rstrip("/") + ".md")
    source = post.read_text(encoding="utf-8")
    post.write_text(re.sub(r"^title: .*$", 'title: "Kế hoạch </script><script>alert(1)</script> & <!-- x"', source, count=1, flags=re.M), encoding="utf-8")
    site = project / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.mark.build
def test_a_custom_domain_gets_a_cname_file_and_absolute_urls_on_it(custom_domain_site):
    assert (custom_domain_site / "CNAME").read_text(encoding="utf-8") == "tin.congdoanlaichau.vn\n"
    page = load(custom_domain_site, PLAN)
    assert meta(page, "og:url") == [f"https://tin.congdoanlaichau.vn/{PLAN}"]
    assert "https://tin.congdoanlaichau.vn/sitemap.xml" in (custom_domain_site / "robots.txt").read_text(encoding="utf-8")
    assert page.select_one(".news-share a") is None  # sharing: false
    assert page.select_one("button[data-news-print]")  # printing stays


@pytest.mark.build
def test_json_ld_cannot_be_broken_out_of_by_a_title(custom_domain_site):
    html = (custom_domain_site / PLAN / "index.html").read_text(encoding="utf-8")
    start = html.index('<script type="application/ld+json">') + len('<script type="application/ld+json">')
    body = html[start : html.index("</script>", start)]
    assert "<" not in body and ">" not in body
    assert json.loads(body)["headline"] == "Kế hoạch </script><script>alert(1)</script> & <!-- x"
    page = load(custom_domain_site, PLAN)
    assert meta(page, "og:title") == ["Kế hoạch </script><script>alert(1)</script> & <!-- x"]
    assert not [s for s in page.select("script") if "alert(1)" in (s.string or "") and s.get("type") != "application/ld+json"]


@pytest.mark.build
def test_a_missing_image_stops_the_build_naming_the_post(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "posts/2025/05/le-khai-mac-thang-cong-nhan.jpg").unlink()
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert re.search(r"posts/2025/05/lai-chau-khai-mac-thang-cong-nhan-nam-2025\.md:\d+: nội dung: không tìm thấy tệp \"le-khai-mac-thang-cong-nhan\.jpg\"", result.stderr)
    assert not any((tmp_path / "site").rglob("*.html"))


# --- in Chromium ---------------------------------------------------------------------------


@pytest.mark.browser
def test_printing_a_post_keeps_its_header_document_block_and_address_without_navigation(browser, pages_url):
    page = browser.new_page()
    page.goto(pages_url + PLAN)
    assert not page.locator(".news-print-url").is_visible()  # on screen the address bar shows it
    assert page.locator("button[data-news-print]").is_visible()
    page.emulate_media(media="print")
    for gone in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer", ".news-share", ".news-related", ".news-prevnext"):
        assert not page.locator(gone).first.is_visible(), gone
    for kept in (".news-post__header h1", ".news-meta", ".news-document", ".news-post__body"):
        assert page.locator(kept).first.is_visible(), kept
    assert page.locator(".news-print-url").inner_text() == f"Địa chỉ bài viết: {SITE_URL}{PLAN}"
    pdf = page.pdf()  # what the print button produces
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    page.close()


@pytest.mark.browser
def test_the_print_button_prints_and_copy_link_copies_the_address(browser, pages_url):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(pages_url + PLAN)
    page.evaluate("window.print = () => { window.__printed = true }")
    page.locator("button[data-news-print]").click()
    assert page.evaluate("window.__printed") is True
    page.locator("a[data-news-copy]").click()
    assert page.url == pages_url + PLAN  # copied, not followed
    assert page.evaluate("navigator.clipboard.readText()") == SITE_URL + PLAN
    assert page.locator(".news-share [role=status]").inner_text() == "Đã sao chép liên kết"
    context.close()


@pytest.mark.browser
def test_a_figure_opens_large_in_a_lightbox_and_closes_with_escape(browser, pages_url):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(pages_url + WITH_FIGURE)
    link = page.locator("a[data-news-lightbox]")
    link.scroll_into_view_if_needed()
    link.click()
    dialog = page.locator("dialog[data-news-lightbox-dialog]")
    assert dialog.is_visible() and page.url == pages_url + WITH_FIGURE
    assert re.search(r"/le-khai-mac-thang-cong-nhan\.[0-9a-f]{10}\.960\.webp$", dialog.locator("img").get_attribute("src"))
    assert dialog.locator("p").inner_text().startswith("Minh họa: Lễ khai mạc")
    wait_until(page, "document.querySelector('dialog[data-news-lightbox-dialog] img').naturalWidth === 960")
    page.keyboard.press("Escape")
    assert not dialog.is_visible()
    assert page.evaluate("document.activeElement.hasAttribute('data-news-lightbox')")  # focus back on the image
    link.click()
    dialog.locator("button[data-close]").click()
    assert not dialog.is_visible() and errors == []
    page.close()


@pytest.mark.browser
def test_without_script_the_documents_table_is_complete_and_buttons_that_need_it_are_hidden(browser, pages_url, model):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(pages_url + "van-ban/")
    assert page.locator("tbody tr").count() == len([p for p in model.posts if p.document])
    assert not page.locator("form[data-news-documents-filter]").is_visible()
    assert page.locator("th button").first.is_disabled()
    page.goto(pages_url + PLAN)
    assert not page.locator("button[data-news-print]").is_visible()
    assert page.locator("a[data-news-copy]").get_attribute("href") == SITE_URL + PLAN
    context.close()


@pytest.mark.browser
def test_the_not_found_page_searches_the_site(browser, pages_url):
    page = browser.new_page()
    response = page.goto(pages_url + "2021/07/bai-da-xoa/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Không tìm thấy trang"
    assert page.locator(".news-item__title a").count() == 5
    page.locator("form[role=search] input[name=tu-khoa]").fill("mái ấm")
    page.locator("form[role=search] button[type=submit]").click()
    page.wait_for_url(f"{pages_url}tim-kiem/?tu-khoa=*")
    page.wait_for_selector("#news-search-results a")
    assert "Mái ấm" in page.locator("#news-search-results").inner_text()
    page.close()
