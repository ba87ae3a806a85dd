"""The front page and the lists in headless Chromium at phone (390 px) and desktop (1366 px) width:
thumbnails in fixed boxes that do not move when the pictures arrive, no sideways scrolling, the
lead photo fetched first and every other picture only when scrolled to. Screenshots go to
tests/artifacts/ (frontpage-*.png, list-*.png) to be looked at."""

from __future__ import annotations

import pytest

from conftest import ARTIFACTS
from waiting import wait_until

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}
VIEWPORTS = [pytest.param(PHONE, id="phone"), pytest.param(DESKTOP, id="desktop")]
LIST = "chuyen-muc/cham-lo-doan-vien/"
PAGES = {"front": "", "list": LIST, "post": "2024/05/trao-ho-tro-xay-nha-mai-am-cong-doan/", "tag": "the/mai-am-cong-doan/"}

# every thumbnail's box: its size, its attributes, and whether its picture has arrived
THUMBS = """() => [...document.querySelectorAll('img.news-thumb')].map(img => {
  const box = img.getBoundingClientRect();
  return {src: img.currentSrc || img.src, width: box.width, height: box.height, x: box.left, y: box.top + scrollY,
          sizes: img.getAttribute('sizes'), w: img.getAttribute('width'), h: img.getAttribute('height'),
          loading: img.getAttribute('loading'), priority: img.getAttribute('fetchpriority'),
          lead: img.classList.contains('news-thumb--lead'), fit: getComputedStyle(img).objectFit};
})"""


def open_page(browser, viewport, url, block_images=False):
    page = browser.new_page(viewport=viewport)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    if block_images:  # the layout before any picture has arrived
        page.route("**/*.{jpg,jpeg,png,webp}", lambda route: route.abort())
    else:
        page.on("response", lambda response: response.status >= 400 and errors.append(f"{response.status} {response.url}"))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page, errors


def scroll_through(page) -> None:
    """Scroll to the end a screen at a time, so every lazy picture is fetched, then back to the top."""
    height = page.evaluate("document.documentElement.scrollHeight")
    for y in range(0, height + 1, page.viewport_size["height"] // 2):
        page.evaluate(f"window.scrollTo(0, {y})")
        page.wait_for_timeout(50)
    wait_until(page, "() => [...document.images].every(img => img.complete)")
    page.wait_for_load_state("networkidle")
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_timeout(500)  # Material's header fades the page title back to the site name


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", PAGES)
def test_thumbnails_sit_in_fixed_boxes_and_nothing_is_wider_than_the_screen(browser, base_url, viewport, name):
    before, _ = open_page(browser, viewport, base_url + PAGES[name], block_images=True)
    boxes_before = before.evaluate(THUMBS)
    before.close()
    page, errors = open_page(browser, viewport, base_url + PAGES[name])
    scroll_through(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], "sideways scrolling"
    thumbs = page.evaluate(THUMBS)
    assert thumbs, "the sample shows pictures on this page"
    for thumb in thumbs:
        assert thumb["sizes"] and thumb["w"] and thumb["h"], thumb
        assert thumb["fit"] == "cover", thumb
        assert thumb["width"] > 40 and abs(thumb["width"] / thumb["height"] - 1.5) < 0.02, thumb  # the 3:2 box
        assert 0 <= thumb["x"] and thumb["x"] + thumb["width"] <= viewport["width"], thumb
        # the first view fetches the lead photo at once; every other picture waits to be scrolled to
        assert (thumb["loading"], thumb["priority"]) == (("eager", "high") if thumb["lead"] else ("lazy", None)), thumb
    assert sum(t["lead"] for t in thumbs) == (1 if name == "front" else 0)
    # the same boxes before the pictures arrived: nothing moved when they did
    assert [(round(b["width"]), round(b["height"]), round(b["y"])) for b in boxes_before] == [
        (round(t["width"]), round(t["height"]), round(t["y"])) for t in thumbs
    ]
    # items without a picture are plain text: no image, no empty box
    plain = page.evaluate("""() => [...document.querySelectorAll('li.news-item:not(.news-item--pictured)')]
        .map(li => [li.querySelectorAll('img').length, getComputedStyle(li).display])""")
    assert all(images == 0 and display != "grid" for images, display in plain)
    page.close()
    assert errors == []


def test_no_layout_shift_while_the_front_page_loads_on_a_phone(browser, base_url):
    page = browser.new_page(viewport=PHONE)
    page.add_init_script("""window.__shift = 0; new PerformanceObserver(list => { for (const e of list.getEntries())
        if (!e.hadRecentInput) window.__shift += e.value; }).observe({type: 'layout-shift', buffered: true});""")
    page.goto(base_url)
    page.wait_for_load_state("networkidle")
    scroll_through(page)
    assert page.evaluate("window.__shift") < 0.001
    page.close()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_front_page_layout_and_screenshots(browser, base_url, viewport):
    page, errors = open_page(browser, viewport, base_url)
    scroll_through(page)
    content = page.locator(".md-content__inner").bounding_box()
    lead = page.locator(".news-lead img").bounding_box()
    top = page.locator(".news-top").bounding_box()
    headline = page.locator(".news-lead__title").bounding_box()
    if viewport is PHONE:  # the lead photo takes the column's width; the next stories come under it
        assert lead["width"] >= content["width"] - 2 and top["y"] >= headline["y"] + headline["height"]
        assert lead["y"] < viewport["height"] / 2, "the lead photo is on the first screen"
    else:  # the next stories beside the lead story, all on the first screen
        assert top["x"] >= lead["x"] + lead["width"] and abs(top["y"] - lead["y"]) < 40
        assert lead["width"] > 500 and headline["y"] + headline["height"] < viewport["height"]
    cells = page.locator(".news-grid__cell")
    columns = {round(cells.nth(i).bounding_box()["x"]) for i in range(cells.count())}
    assert len(columns) == (1 if viewport is PHONE else 4)
    name = "phone" if viewport is PHONE else "desktop"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"frontpage-{name}.png"), full_page=True)
    page.close()
    page, errors_list = open_page(browser, viewport, base_url + LIST)
    scroll_through(page)
    page.screenshot(path=str(ARTIFACTS / f"list-{name}.png"), full_page=True)
    page.close()
    assert errors + errors_list == []


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_search_results_show_the_thumbnails_of_posts_with_a_picture(browser, base_url, viewport):
    page, errors = open_page(browser, viewport, base_url + "tim-kiem/?tu-khoa=m%C3%A1i%20%E1%BA%A5m")
    page.wait_for_selector("#news-search-results li")
    scroll_through(page)
    items = page.evaluate("""() => [...document.querySelectorAll('#news-search-results li')].map(li => ({
        title: li.querySelector('.news-item__title').textContent, pictured: li.classList.contains('news-item--pictured'),
        images: [...li.querySelectorAll('img')].map(img => ({ok: img.complete && img.naturalWidth > 0,
            sizes: img.getAttribute('sizes'), w: img.getAttribute('width'), loading: img.getAttribute('loading')}))}))""")
    assert any(item["pictured"] for item in items) and not all(item["pictured"] for item in items), items
    for item in items:
        assert len(item["images"]) == (1 if item["pictured"] else 0), item
        for image in item["images"]:
            assert image["ok"] and image["sizes"] and image["w"] and image["loading"] == "lazy", item
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    page.close()
    assert errors == []


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_header_search_box_shows_thumbnails_beside_pictured_results(browser, base_url, viewport):
    page, errors = open_page(browser, viewport, base_url)
    if viewport is PHONE:
        page.get_by_role("button", name="Tìm kiếm").first.click()  # the phone header's search button
    else:
        page.keyboard.press("/")  # Material's shortcut focuses the header search box
    box = page.locator("input.md-search__input")
    box.fill("mái ấm")
    box.press("End")  # Material reads the box on key up
    page.wait_for_selector(".md-search-result__item")
    wait_until(page, "() => [...document.querySelectorAll('.md-search-result__item img')].every(img => img.complete)")
    items = page.evaluate("""() => [...document.querySelectorAll('.md-search-result__item')].map(li => {
        const img = li.querySelector('img.news-search__thumb'), article = li.querySelector('article');
        if (!img) return {pictured: false};
        const box = img.getBoundingClientRect(), around = article.getBoundingClientRect();
        return {pictured: true, ok: img.naturalWidth > 0, w: img.getAttribute('width'), loading: img.getAttribute('loading'),
                ratio: box.width / box.height, inside: box.right <= around.right + 1 && box.bottom <= around.bottom + 1};
    })""")
    assert any(item["pictured"] for item in items) and not all(item["pictured"] for item in items), items
    for item in items:
        if item["pictured"]:
            assert item["ok"] and item["w"] and item["loading"] == "lazy" and item["inside"], item
            assert abs(item["ratio"] - 1.5) < 0.02, item
    # Material slides the phone's search panel in: the page is wider only until the slide ends
    wait_until(page, f"document.documentElement.scrollWidth <= {viewport['width']}", timeout=5_000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"search-box-{'phone' if viewport is PHONE else 'desktop'}.png"))
    page.close()
    assert errors == []
