"""Every kind of page under its Content Security Policy, in headless Chromium: no violation, no
console error, and the policy really in force (an inline script put in by the test is refused).

The sample site plus one post with an old address (a redirect stub) and a YouTube embed, served
like GitHub Pages under /tin-tuc/. YouTube is answered by a stand-in page; every other request
that leaves the site is refused and listed.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

import pytest

from conftest import ARTIFACTS, SUBPATH, copy_project, mkdocs_build, post_meta, write_post
from newsroom.labels import LABELS
from newsroom.policy import (
    ADMIN_REFERRER,
    REDIRECT_REFERRER,
    SITE_REFERRER,
    admin_policy,
    redirect_policy,
    serialize,
    site_policy,
)
from pages_server import serve_pages
from waiting import wait_until

pytestmark = pytest.mark.browser

EMBEDS = ("www.facebook.com", "www.youtube-nocookie.com", "www.youtube.com")  # mkdocs.yml
VIDEO_POST = "2025/12/video-dai-hoi-cong-doan-co-so/"
VIDEO = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
OLD_ADDRESS = "vi/news/tin-tuc-su-kien/video-dai-hoi-cong-doan-co-so-7.html"
WITH_FIGURE = "2025/05/lai-chau-khai-mac-thang-cong-nhan-nam-2025/"  # an image in its text: the lightbox
SITE = serialize(site_policy(EMBEDS))

# name -> (address, policy, referrer)
PAGES = {
    "home": ("", SITE, SITE_REFERRER),
    "post": (WITH_FIGURE, SITE, SITE_REFERRER),
    "post-with-video": (VIDEO_POST, SITE, SITE_REFERRER),
    "document-post": ("2021/07/ke-hoach-263-thuc-hien-chuong-trinh-hanh-dong-09-ctr-tu/", SITE, SITE_REFERRER),
    "categories": ("chuyen-muc/", SITE, SITE_REFERRER),
    "category": ("chuyen-muc/bao-cao/", SITE, SITE_REFERRER),
    "category-page-2": ("chuyen-muc/cham-lo-doan-vien/trang/2/", SITE, SITE_REFERRER),
    "tag": ("the/covid-19/", SITE, SITE_REFERRER),
    "unit": ("don-vi/cong-doan-vien-chuc-tinh/", SITE, SITE_REFERRER),
    "archive": ("luu-tru/", SITE, SITE_REFERRER),
    "archive-month": ("luu-tru/2025/05/", SITE, SITE_REFERRER),
    "search": ("tim-kiem/?tu-khoa=m%C3%A1i+%E1%BA%A5m", SITE, SITE_REFERRER),
    "documents": ("van-ban/", SITE, SITE_REFERRER),
    "static-page": ("gioi-thieu/", SITE, SITE_REFERRER),
    "not-found": ("khong-co-trang-nay/", SITE, SITE_REFERRER),
    "offline": ("ngoai-tuyen/", SITE, SITE_REFERRER),
    "saved": ("da-luu/", SITE, SITE_REFERRER),
    "redirect-stub": (OLD_ADDRESS, serialize(redirect_policy()), REDIRECT_REFERRER),
    "admin": ("admin/", serialize(admin_policy()), ADMIN_REFERRER),
}

# Reports every violation, on every document of the context (a redirect stub's too), to Python.
WATCH = """
document.addEventListener('securitypolicyviolation', e =>
  window.__cspViolation(location.pathname + ': ' + e.violatedDirective + ' ' + (e.blockedURI || e.sample)));
"""
CANARY = "() => { const s = document.createElement('script'); s.textContent = 'window.__canaryRan = true'; document.head.append(s); return !!window.__canaryRan; }"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("csp")
    project = copy_project(tmp / "project")
    body = (
        "Đại hội công đoàn cơ sở, xem lại trên YouTube.\n\n"
        f'<iframe src="{VIDEO}" title="Video Đại hội" width="560" height="315" allowfullscreen></iframe>\n'
    )
    meta = post_meta(title="Video Đại hội công đoàn cơ sở", date="2025-12-20 08:00", categories=["Đại hội"])
    write_post(project / "posts", "2025/12/video-dai-hoi-cong-doan-co-so.md", body, aliases=[OLD_ADDRESS], **meta)
    result = mkdocs_build(project, tmp / "www" / SUBPATH)
    assert result.returncode == 0, result.stderr[-3000:]
    with serve_pages(tmp / "www", SUBPATH) as url:
        yield url


class Reader:
    """A browser context that keeps every CSP violation, console error, script error and request
    to another origin."""

    def __init__(self, browser, url):
        self.origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))
        self.violations: list[str] = []
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.missing: list[str] = []  # answers 400 and above
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.context.expose_binding("__cspViolation", lambda source, text: self.violations.append(text))
        self.context.add_init_script(WATCH)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda error: self.errors.append(f"script: {error}"))
        self.page.on("response", lambda response: response.status >= 400 and self.missing.append(response.url))

    def _route(self, route, request):
        if request.url.startswith(self.origin + "/"):
            return route.continue_()
        if request.url.startswith(VIDEO):
            return route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>video</title><p>video")
        self.outside.append(request.url)
        return route.abort()

    def settle(self):
        self.page.wait_for_load_state("networkidle")

    def check_clean(self):
        assert self.violations == [], self.violations
        assert self.errors == [], self.errors
        assert self.outside == [], f"requests to other origins: {self.outside}"
        assert self.missing == [], f"answered 400 or above: {self.missing}"

    def close(self):
        self.context.close()


@pytest.fixture
def reader(browser, site_url):
    opened = Reader(browser, site_url)
    yield opened
    opened.close()


def policy_of(page):
    found = page.locator('meta[http-equiv="Content-Security-Policy"]')
    referrer = page.locator('meta[name="referrer"]')
    assert found.count() == 1 and referrer.count() >= 1  # Sveltia CMS adds a second, same-origin, on /admin/
    return found.get_attribute("content"), referrer.first.get_attribute("content")


def in_head_before_anything_loaded(page):
    """The policy governs only what comes after it: nothing that loads or runs may come before it."""
    return page.evaluate("""() => {
      const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
      let node = document.head.firstElementChild;
      for (; node && node !== meta; node = node.nextElementSibling)
        if (!(node.tagName === 'META' || node.tagName === 'BASE')) return node.outerHTML;
      return node === meta;
    }""")


@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_type_runs_under_its_policy(reader, site_url, name):
    address, expected, referrer = PAGES[name]
    page = reader.page
    if name == "redirect-stub":
        # read the stub itself before its refresh leads on: the test's stand-in server answers it
        response = page.request.get(site_url + address)
        stub = response.text()
        assert f'content="{html.escape(expected)}"' in stub and f'<meta name="referrer" content="{referrer}">' in stub
        assert "<script" not in stub and "style" not in stub
        page.goto(site_url + address)
        page.wait_for_url(site_url + VIDEO_POST)
        reader.settle()
        assert policy_of(page) == (SITE, SITE_REFERRER)
        reader.check_clean()
        return
    response = page.goto(site_url + address)
    assert response.status == (404 if name == "not-found" else 200)
    reader.settle()
    if name == "not-found":  # the page's own status, which Chromium also writes to the console
        assert reader.missing == [site_url + address]
        assert reader.errors == ["console: Failed to load resource: the server responded with a status of 404 (Not Found)"]
        reader.missing, reader.errors = [], []
    if name == "admin":
        page.get_by_role("button", name="Đăng nhập bằng mã truy cập").wait_for()
    assert policy_of(page) == (expected, referrer)
    assert in_head_before_anything_loaded(page) is True
    reader.check_clean()
    # the policy is in force: a script written into the page by the test does not run, and is
    # reported both ways the test listens (then forgotten: it is the test's own)
    assert page.evaluate(CANARY) is False, "an inline script ran: no Content-Security-Policy in force"
    page.wait_for_timeout(100)
    assert [v.split(": ", 1)[1] for v in reader.violations] == ["script-src-elem inline"], reader.violations
    assert len(reader.errors) == 1 and "Executing inline script violates" in reader.errors[0], reader.errors
    reader.violations, reader.errors = [], []
    if name == "post-with-video":
        frame = page.frame_locator("iframe[src^='https://www.youtube-nocookie.com/']")
        assert frame.locator("p").inner_text() == "video"
        # a frame from a host not in extra.newsroom.embeds is refused
        page.evaluate("() => { const f = document.createElement('iframe'); f.src = 'https://example.com/'; document.body.append(f); }")
        page.wait_for_timeout(300)
        assert any("frame-src https://example.com" in v for v in reader.violations), reader.violations
        reader.violations = [v for v in reader.violations if "example.com" not in v]
        reader.errors = [e for e in reader.errors if "example.com" not in e]
    reader.check_clean()


def test_search_lightbox_document_filter_and_offline_saving_under_the_policy(reader, site_url):
    """What the pages' scripts do, done by a reader: each must work within the policy."""
    page = reader.page
    page.goto(site_url)
    reader.settle()
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    box.fill("mai am cong doan")
    box.press("End")  # Material searches on key events
    wait_until(page, "() => document.querySelectorAll('.md-search-result__item').length > 0")
    page.keyboard.press("Escape")

    page.goto(site_url + WITH_FIGURE)
    reader.settle()
    page.locator("a[data-news-lightbox]").first.click()
    dialog = page.locator("dialog[data-news-lightbox-dialog]")
    assert dialog.is_visible()
    wait_until(page, "document.querySelector('dialog[data-news-lightbox-dialog] img').naturalWidth > 0")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "csp-lightbox.png"))
    page.keyboard.press("Escape")
    wait_until(page, "() => navigator.serviceWorker.controller !== null", timeout=15_000)
    page.get_by_role("button", name=LABELS["save_post"]).click()
    page.locator(".news-offline__status").filter(has_text=LABELS["save_done"]).wait_for(timeout=30_000)

    page.goto(site_url + "van-ban/")
    reader.settle()
    status = page.locator("[data-news-documents-status]")
    everything = status.inner_text()
    page.locator("form[data-news-documents-filter] input[type=search]").fill("263")
    wait_until(page, "text => document.querySelector('[data-news-documents-status]').textContent.trim() !== text", arg=everything)
    assert page.locator("table[data-news-documents] tbody tr:visible").count() >= 1

    page.goto(site_url + "tim-kiem/?tu-khoa=m%C3%A1i+%E1%BA%A5m")
    page.locator(".news-search__result").first.wait_for()

    # offline: the saved post from the phone, and the offline page the worker answers with
    reader.context.set_offline(True)
    page.goto(site_url + WITH_FIGURE)
    assert page.locator("h1").first.inner_text() == "Lai Châu khai mạc Tháng Công nhân năm 2025"
    unsaved = site_url + "2019/01/tet-sum-vay-xuan-ky-hoi-2019-cham-lo-doan-vien/"
    page.goto(unsaved)
    assert page.locator("h1").first.inner_text() == LABELS["offline_title"]
    assert policy_of(page) == (SITE, SITE_REFERRER)
    reader.settle()
    # the worker answers 503 (not the post), which Chromium also writes to the console
    assert reader.missing == [unsaved]
    assert reader.errors == ["console: Failed to load resource: the server responded with a status of 503 ()"]
    reader.missing, reader.errors = [], []
    page.screenshot(path=str(ARTIFACTS / "csp-offline.png"), full_page=True)
    reader.context.set_offline(False)
    reader.check_clean()


def test_the_sample_site_has_no_inline_script_or_style_element(site_url, reader):
    """What the policy refuses is not in our pages to begin with (data blocks such as JSON-LD are not scripts)."""
    page = reader.page
    for address, *_ in PAGES.values():
        if address.startswith(("admin/", "vi/")):
            continue
        text = page.request.get(site_url + address).text()
        inline = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", text)
        assert inline == [], f"{address}: {inline}"
        assert "<style" not in text, f"{address}: a <style> element"
        assert not re.search(r"\son[a-z]+=", text), f"{address}: an event handler attribute"
