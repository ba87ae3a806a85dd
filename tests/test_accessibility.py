"""Accessibility measured in headless Chromium: axe-core on every page type, phone and desktop,
and a keyboard-only reader who reaches the search box, the menu and every link."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from conftest import node_tool
from waiting import wait_until

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
PAGE_TYPES = {
    "home": "",
    "post-document": "2021/07/ke-hoach-263-thuc-hien-chuong-trinh-hanh-dong-09-ctr-tu/",
    "post-figure": "2025/05/lai-chau-khai-mac-thang-cong-nhan-nam-2025/",
    "post-image": "2025/10/ho-tro-xay-dung-25-nha-mai-am-cong-doan/",
    "category": "chuyen-muc/bao-cao/",
    "category-page-2": "chuyen-muc/cham-lo-doan-vien/trang/2/",
    "categories": "chuyen-muc/",
    "archive": "luu-tru/",
    "archive-year": "luu-tru/2024/",
    "archive-month": "luu-tru/2024/05/",
    "tags": "the/",
    "tag": "the/mai-am-cong-doan/",
    "units": "don-vi/",
    "documents": "van-ban/",
    "search": "tim-kiem/?tu-khoa=c%C3%B4ng%20%C4%91o%C3%A0n",
    "static": "gioi-thieu/",
    "not-found": "khong-co-trang-nay/",
}
BLOCKING = ("serious", "critical")


def axe_violations(page) -> list[str]:
    # from the page's own origin: its Content-Security-Policy refuses inline scripts (add_script_tag(path=))
    url = urljoin(page.url, "/__axe__/axe.min.js")
    if not getattr(page, "_axe_routed", False):
        page.route(url, lambda route: route.fulfill(path=str(node_tool("axe-core/axe.min.js")), content_type="text/javascript"))
        page._axe_routed = True
    page.add_script_tag(url=url)
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
        if v["impact"] in BLOCKING
    ]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_axe_finds_no_serious_or_critical_violation_on_any_page_type(browser, pages_url, viewport):
    page = browser.new_page(viewport=viewport)
    found = {}
    for name, url in PAGE_TYPES.items():
        response = page.goto(pages_url + url)
        assert response.status == (404 if name == "not-found" else 200), url
        page.wait_for_load_state("networkidle")
        if name == "search":
            page.wait_for_selector("#news-search-results a")
        violations = axe_violations(page)
        if violations:
            found[name] = violations
    page.close()
    assert found == {}


def test_axe_does_report_a_violation(browser, pages_url):
    """The check can fail: an image without alt text and unreadable grey-on-white text are serious."""
    page = browser.new_page()
    page.goto(pages_url + "gioi-thieu/")
    page.evaluate(
        """() => {
        const article = document.querySelector('.md-content__inner');
        article.insertAdjacentHTML('beforeend', '<img src="x.png"><p style="color:#ddd;background:#fff">Chữ mờ</p>');
    }"""
    )
    violations = " ".join(axe_violations(page))
    page.close()
    assert "image-alt" in violations and "color-contrast" in violations


def tab_through(page, limit: int = 400) -> list[dict]:
    """Press Tab from the top of the page until focus comes back round; what got focus, in order."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = page.evaluate(
            """() => {
            const el = document.activeElement;
            if (!el || el === document.body) return null;
            const box = el.getBoundingClientRect();
            return {tag: el.tagName.toLowerCase(), href: el.getAttribute('href'), id: el.dataset.newsKey,
                    cls: el.className && el.className.baseVal === undefined ? el.className : '',
                    label: el.getAttribute('aria-label'), visible: box.width > 0 && box.height > 0}
        }"""
        )
        if info is None or (seen and info == seen[0]):
            break
        seen.append(info)
    return seen


def label_links(page, selector: str) -> int:
    """Number each visible link under `selector` (data-news-key) so focus can be matched to it."""
    return page.evaluate(
        """(selector) => {
        let n = 0;
        document.querySelectorAll(selector).forEach(a => {
            const box = a.getBoundingClientRect();
            const style = getComputedStyle(a);
            if (box.width > 0 && box.height > 0 && style.visibility !== 'hidden') a.dataset.newsKey = 'k' + (n++);
        });
        return n;
    }""",
        selector,
    )


@pytest.mark.parametrize("url", ["", "2021/07/ke-hoach-263-thuc-hien-chuong-trinh-hanh-dong-09-ctr-tu/", "van-ban/"], ids=["home", "post", "documents"])
def test_keyboard_reaches_search_menu_and_every_link_on_a_desktop(browser, pages_url, url):
    page = browser.new_page(viewport=DESKTOP)
    page.goto(pages_url + url)
    # scripts that run once the browser is idle (the offline worker) must not change the page mid-walk
    page.wait_for_load_state("networkidle")
    count = label_links(page, "a[href]")
    assert count > 15
    focused = tab_through(page)
    assert any(f["tag"] == "input" and "md-search__input" in f["cls"] for f in focused), "the search box"
    tabs = [f for f in focused if "md-tabs__link" in f["cls"]]
    assert len(tabs) == 8, "every tab of the menu"
    reached = {f["id"] for f in focused if f["id"]}
    missing = page.evaluate(
        "(reached) => [...document.querySelectorAll('[data-news-key]')].filter(a => !reached.includes(a.dataset.newsKey)).map(a => a.outerHTML.slice(0, 120))",
        sorted(reached),
    )
    assert missing == [], f"{len(focused)} stops, the last ones: {focused[-3:]}"
    assert all(f["visible"] for f in focused if f["tag"] != "input"), "focus never lands on something unseen"
    page.close()


def test_keyboard_opens_the_menu_and_the_search_on_a_phone(browser, pages_url):
    page = browser.new_page(viewport=PHONE)
    page.goto(pages_url)
    focused = tab_through(page)
    names = [f["label"] for f in focused if f["tag"] == "button"]
    assert "Mở menu" in names and "Tìm kiếm" in names
    # the menu: Enter opens the drawer and moves focus to its first link; Tab walks its links
    menu = page.locator("button[data-news-for=__drawer]")
    menu.focus()
    page.keyboard.press("Enter")
    assert page.locator("#__drawer").is_checked()
    assert page.evaluate("document.activeElement.closest('.md-nav--primary') !== null")
    visited = []
    for _ in range(12):
        visited.append(page.evaluate("document.activeElement.textContent.trim()"))
        page.keyboard.press("Tab")
    assert {"Trang chủ", "Chuyên mục", "Văn bản", "Lưu trữ", "Liên hệ"} <= set(visited)
    page.keyboard.press("Escape")
    assert not page.locator("#__drawer").is_checked()
    assert page.evaluate("document.activeElement.dataset.newsFor") == "__drawer"
    # the search: Enter opens it with the cursor in the box; typing shows results
    page.locator("button[data-news-for=__search]").focus()
    page.keyboard.press("Enter")
    wait_until(page, "document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("mai am cong doan")
    page.wait_for_selector(".md-search-result__link")
    assert page.locator(".md-search-result__link").count() > 0
    page.close()


def test_keyboard_sorts_and_filters_the_documents_table(browser, pages_url):
    page = browser.new_page(viewport=DESKTOP)
    page.goto(pages_url + "van-ban/")
    numbers = lambda: page.eval_on_selector_all("tbody tr:not([hidden]) td:first-child", "cells => cells.map(c => c.textContent.trim())")  # noqa: E731
    before = numbers()
    assert len(before) >= 5
    page.locator("th button", has_text="Số ký hiệu").focus()
    page.keyboard.press("Enter")
    assert page.locator("th", has_text="Số ký hiệu").get_attribute("aria-sort") == "ascending"
    ascending = numbers()
    assert ascending == sorted(before, key=lambda n: int(n.split("/")[0]))  # numeric order: 5 before 12
    page.keyboard.press("Enter")
    assert numbers() == ascending[::-1]
    page.locator("input[name=loc]").fill("ke hoach")  # no diacritics
    assert numbers() and all("/KH-" in n for n in numbers())
    assert page.locator("[data-news-documents-status]").inner_text() == f"Hiển thị {len(numbers())}/{len(before)} văn bản"
    page.locator("input[name=loc]").fill("")
    page.locator("select[name=loai]").select_option("Báo cáo")
    assert numbers() and all("/BC-" in n for n in numbers())
    page.locator("input[name=loc]").fill("khong co van ban nay")
    assert numbers() == [] and page.locator("[data-news-documents-status]").inner_text() == "Không có văn bản phù hợp."
    page.close()
