"""A reader in headless Chromium (Debian's package): navigation and layout of the built site."""

from __future__ import annotations

import pytest

from conftest import ARTIFACTS

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def new_page(browser, viewport, errors):
    page = browser.new_page(viewport=viewport)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("response", lambda response: response.status >= 400 and errors.append(f"{response.status} {response.url}"))
    return page


def test_home_to_archive_month_to_post_to_related_post(browser, base_url):
    errors: list[str] = []
    page = new_page(browser, DESKTOP, errors)
    page.goto(base_url)
    assert page.locator("h2#tin-moi-nhat").inner_text() == "Tin mới nhất"

    page.get_by_role("link", name="Lưu trữ", exact=True).first.click()
    page.wait_for_url(f"{base_url}luu-tru/")
    month_link = page.locator(".news-archive__months a").first
    month_text = month_link.inner_text()
    month_link.click()
    page.wait_for_url(f"{base_url}luu-tru/*/*/")
    heading = page.locator("h1").inner_text()  # "Lưu trữ tháng 04/2025" after a link "Tháng 4"
    assert heading.startswith("Lưu trữ tháng")
    assert int(heading.split()[-1].split("/")[0]) == int(month_text.split()[-1])

    post_link = page.locator(".news-item__title a").first
    title = post_link.inner_text()
    post_link.click()
    page.wait_for_load_state()
    assert page.locator(".news-post__header h1").inner_text() == title
    assert page.url.startswith(base_url) and page.url.count("/") == base_url.count("/") + 3

    related = page.locator("#tin-lien-quan a")
    assert related.count() == 5
    related_title = related.first.inner_text()
    related.first.click()
    page.wait_for_load_state()
    assert page.locator(".news-post__header h1").inner_text() == related_title
    assert page.locator("#tin-lien-quan a").count() == 5
    assert errors == []


@pytest.mark.parametrize("name, viewport", [("phone", PHONE), ("desktop", DESKTOP)])
def test_post_page_layout_and_screenshot(browser, base_url, name, viewport):
    errors: list[str] = []
    page = new_page(browser, viewport, errors)
    page.goto(f"{base_url}2021/07/ke-hoach-263-thuc-hien-chuong-trinh-hanh-dong-09-ctr-tu/")
    # nothing wider than the screen: no sideways scrolling on a phone
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    title = page.locator(".news-post__header h1")
    assert title.is_visible()
    box = title.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    assert page.locator(".news-document").is_visible()
    document_box = page.locator(".news-document").bounding_box()
    assert document_box["x"] + document_box["width"] <= viewport["width"]
    # on a phone the site navigation folds into the drawer; on a desktop its tabs are visible
    assert page.locator(".md-tabs").is_visible() == (name == "desktop")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"post-{name}.png"), full_page=True)
    assert errors == []


def test_phone_reader_opens_the_menu_and_reaches_categories(browser, base_url):
    errors: list[str] = []
    page = new_page(browser, PHONE, errors)
    page.goto(base_url)
    page.get_by_role("button", name="Mở menu").click()  # Material's drawer label, as a button (news-site.js)
    page.locator(".md-nav--primary").get_by_role("link", name="Chuyên mục", exact=True).click()
    page.wait_for_url(f"{base_url}chuyen-muc/")
    assert page.locator(".news-terms a").count() >= 5
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "categories-phone.png"), full_page=True)
    assert errors == []


def test_a_long_listing_pager_fits_a_small_phone_and_leads_to_every_page(browser, tmp_path):
    """60 posts at 2 per page: 30 pages. The pager shows the ends and the pages near this one
    on one line at 320 px, and walking "Trang sau" and the numbers reaches the right pages."""
    from conftest import copy_project, mkdocs_build, post_meta, write_post
    from pages_server import serve_pages

    project = copy_project(tmp_path / "project", with_posts=False)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("per_page: 10", "per_page: 2"), encoding="utf-8")
    for n in range(60):
        day = f"2021-{n // 28 + 1:02d}-{n % 28 + 1:02d} 08:00"
        write_post(project / "posts", f"2021/tin-{n:02d}.md", **post_meta(title=f"Tin số {n:02d}", date=day))
    result = mkdocs_build(project, tmp_path / "www" / "tin-tuc")
    assert result.returncode == 0, result.stderr
    errors: list[str] = []
    with serve_pages(tmp_path / "www", "tin-tuc") as url:
        page = new_page(browser, {"width": 320, "height": 640}, errors)
        page.goto(f"{url}chuyen-muc/tin-tuc-su-kien/trang/15/")
        pager = page.locator(".news-pager__pages")
        assert pager.inner_text().split() == ["1", "…", "13", "14", "15", "16", "17", "…", "30"]
        heights = {round(box["y"]) for box in (pager.locator("a, span").nth(i).bounding_box() for i in range(9))}
        assert len(heights) == 1, "one line"
        assert page.locator(".news-pager__gap").first.get_attribute("aria-hidden") == "true"
        pager.get_by_role("link", name="30", exact=True).click()
        page.wait_for_url(f"{url}chuyen-muc/tin-tuc-su-kien/trang/30/")
        assert page.locator(".news-item__title").first.inner_text() == "Tin số 01"
        page.get_by_role("link", name="1", exact=True).click()
        page.wait_for_url(f"{url}chuyen-muc/tin-tuc-su-kien/")
        page.get_by_role("link", name="Trang sau →").click()
        page.wait_for_url(f"{url}chuyen-muc/tin-tuc-su-kien/trang/2/")
    assert errors == []
