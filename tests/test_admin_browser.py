"""The admin page in headless Chromium, served like GitHub Pages under the sub-path.

Every request is routed: the site's own origin goes through, api.github.com is answered by a
stand-in (github_mock.py) that records commits, anything else fails the test, and so does any
Content Security Policy violation. Staff's path is walked: sign in with a token, the post list,
a new post with a Vietnamese title typed in NFD, saved; the saved files pass `newsroom check` and
build into a post page that shows every field.
"""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from urllib.parse import urlsplit

import pytest

from conftest import ARTIFACTS, ROOT, copy_project, mkdocs_build
from github_mock import GitHubMock

pytestmark = pytest.mark.browser

ISOLATE = re.compile("[\u2068\u2069]")  # Sveltia wraps names in its labels in Unicode isolates
WATCH_CSP = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""


class Admin:
    """One browser context on /admin/ with every request routed and every CSP violation kept."""

    def __init__(self, browser, pages_url, width=1366, height=900, locale="en-US"):
        self.site = pages_url
        self.origin = "{0.scheme}://{0.netloc}".format(urlsplit(pages_url))
        self.mock = GitHubMock.of_folder(ROOT, "congdoan-laichau", "tin-tuc", "main")
        self.outside: list[str] = []
        self.console_csp: list[str] = []
        self.context = browser.new_context(viewport={"width": width, "height": height}, locale=locale)
        self.context.add_init_script(WATCH_CSP)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", self._console)

    def _route(self, route, request):
        if request.url.startswith(self.origin + "/"):
            return route.continue_()
        if request.url.startswith("https://api.github.com/"):
            return self.mock.handle(route, request)
        self.outside.append(request.url)
        return route.abort()

    def _console(self, message):
        if "Content Security Policy" in message.text:
            self.console_csp.append(message.text)

    def open(self):
        self.page.goto(self.site + "admin/")
        self.page.get_by_role("button", name="Đăng nhập bằng mã truy cập").wait_for()
        return self

    def sign_in(self):
        self.page.get_by_role("button", name="Đăng nhập bằng mã truy cập").click()
        self.page.locator("input").last.fill(self.mock.token)
        self.page.keyboard.press("Enter")
        self.page.get_by_text("Bài viết", exact=True).first.wait_for()
        if self.page.viewport_size["width"] < 600:  # a phone shows the list of collections first
            self.page.get_by_text("Bài viết", exact=True).first.click()
        self.page.get_by_role("row").first.wait_for()  # the post list
        return self

    def field(self, label):
        """The form field labelled `label`; the form renders fields as they scroll into view."""
        found = self.page.get_by_role("group", name=f"Trường “\u2068{label}\u2069”", exact=True)
        for _ in range(40):
            if found.count():
                found.first.scroll_into_view_if_needed()
                return found.first
            self.page.get_by_role("group", name=re.compile("^Chỉnh sửa nội dung")).hover()
            self.page.mouse.wheel(0, 300)
            self.page.wait_for_timeout(100)
        raise AssertionError(f"no field {label}")

    def violations(self):
        return self.page.evaluate("window.__csp") + self.console_csp

    def check_clean(self):
        assert self.outside == [], f"requests to other origins: {self.outside}"
        assert self.violations() == [], self.violations()
        assert self.mock.unknown == [], f"GitHub API calls the stand-in does not know: {self.mock.unknown}"

    def shot(self, name):
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / name), full_page=False)

    def close(self):
        self.context.close()


@pytest.fixture
def admin(browser, pages_url):
    opened = []

    def make(**kwargs):
        opened.append(Admin(browser, pages_url, **kwargs))
        return opened[-1]

    yield make
    for one in opened:
        one.close()


@pytest.mark.parametrize("width", [1366, 390])
def test_sign_in_page_is_vietnamese_and_reaches_no_other_origin(admin, width):
    page = admin(width=width, height=844 if width == 390 else 900).open()  # an English browser: still Vietnamese
    body = page.page.inner_text("body")
    assert "Đăng nhập bằng mã truy cập" in body and "Quản trị · Liên đoàn Lao động tỉnh Lai Châu" in body
    # the interface font has the Vietnamese subset, and it was loaded from the site
    faces = page.page.evaluate("async () => (await document.fonts.load(\"16px 'Source Sans 3'\", 'ăđơư ẩ ữ')).length")
    assert faces >= 2 and page.page.evaluate("document.fonts.check(\"16px 'Source Sans 3'\", 'ăđơư ẩ ữ')")
    loaded = page.page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert any(url.endswith("/tin-tuc/admin/fonts/source-sans-3-vietnamese-wght-normal.woff2") for url in loaded)
    assert any(url.endswith("/tin-tuc/admin/unpkg/@sveltia/cms@0.221.1/locales/vi.json") for url in loaded)
    assert all(url.startswith(page.origin) for url in loaded), loaded
    page.shot(f"admin-sign-in-{width}.png")
    page.check_clean()


def test_a_request_to_another_origin_is_caught(admin):
    """The checks above can fail: an image from a CDN put into the page is blocked and reported."""
    page = admin().open()
    page.page.evaluate("() => { const i = new Image(); i.src = 'https://cdn.jsdelivr.net/x.png'; document.body.append(i); }")
    page.page.wait_for_timeout(500)
    assert page.violations() and "cdn.jsdelivr.net" in " ".join(page.violations())


def _preview_frame(page):
    """The CMS's preview pane: a frame loaded from a blob: URL once an entry is open."""
    for _ in range(50):
        frame = next((f for f in page.frames if f.url.startswith("blob:")), None)
        if frame:
            return frame
        page.wait_for_timeout(100)
    raise AssertionError("no preview frame")


def _sample_posts():
    import yaml
    from newsroom.config import load_config
    from newsroom.reader import read_posts

    config = load_config(yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]["newsroom"])
    return read_posts(ROOT / "posts", config).posts


@pytest.mark.parametrize("width", [1366, 390])
def test_post_list_sorted_by_date_with_filters(admin, width):
    page = admin(width=width, height=844 if width == 390 else 900).open().sign_in()
    rows = page.page.get_by_role("row")
    rows.first.wait_for()
    titles = [ISOLATE.sub("", t) for t in rows.all_inner_texts()]
    dates = [re.search(r"(\d\d)/(\d\d)/(\d{4})", t).groups() for t in titles]
    keys = [(y, m, d) for d, m, y in dates]
    assert keys == sorted(keys, reverse=True) and len(keys) >= 10  # newest first (the list renders as it scrolls)
    if width > 600:  # the collection list, beside the posts on a computer
        assert page.page.locator(f"[aria-label=\"({len(_sample_posts())} bài viết)\"]").count() == 1  # every post is listed
    page.shot(f"admin-list-{width}.png")
    if width < 600:
        return page.check_clean()
    posts = _sample_posts()
    menu = page.page.get_by_role("button", name=re.compile("Lọc"))
    expected = {
        "Bản nháp": [p for p in posts if p.draft],
        "Văn bản": [p for p in posts if p.document and p.document.type],
        "Năm 2021": [p for p in posts if p.date.year == 2021],
    }
    for label, wanted in expected.items():
        menu.click()
        page.page.get_by_role("menuitemcheckbox", name=label).click()
        page.page.wait_for_timeout(300)
        shown = sorted(ISOLATE.sub("", t).split(" · ", 1)[1].strip() for t in page.page.get_by_role("row").all_inner_texts())
        assert shown == sorted(p.title for p in wanted), label
        assert wanted, label
        if label != "Năm 2021":
            menu.click()
            page.page.get_by_role("menuitemcheckbox", name=label).click()  # off again
            page.page.keyboard.press("Escape")
    # an existing post opens with a preview in the site's stylesheets
    page.page.get_by_role("row").first.click()
    frame = _preview_frame(page.page)
    frame.locator("section[data-key-path=title]").wait_for()
    sheets = frame.evaluate("[...document.querySelectorAll('link[rel=stylesheet]')].map(l => new URL(l.href).pathname)")
    assert "/tin-tuc/stylesheets/news.css" in sheets and "/tin-tuc/admin/preview.css" in sheets
    assert any(s.startswith("/tin-tuc/assets/stylesheets/main.") for s in sheets)
    size = frame.evaluate("parseFloat(getComputedStyle(document.querySelector('section[data-key-path=title] p')).fontSize)")
    assert size >= 24, size  # the title as a post page shows it, not as a form label
    page.shot("admin-preview-1366.png")
    page.check_clean()


def test_new_post_from_the_form_is_saved_checked_and_built(admin, tmp_path):
    page = admin(locale="vi-VN").open().sign_in()
    p = page.page
    p.get_by_role("button", name="Tạo bài viết mới").click()
    title = unicodedata.normalize("NFD", "Hội nghị Đoàn viên")  # as some keyboards and Word pastes send it
    page.field("Tiêu đề").locator("input").fill(title)
    page.field("Ngày đăng").locator("input[type=datetime-local]").fill("2021-07-29T14:30")
    page.field("Chuyên mục").get_by_role("combobox").click()
    p.get_by_role("option", name="Báo cáo").click()
    page.field("Tiêu đề").locator("input").click()
    tags = page.field("Thẻ")
    tags.locator("input").first.fill("đoàn viên")
    tags.locator("button", has_text="Thêm").click()
    tags.locator("input").nth(1).fill("hội nghị")
    page.field("Đơn vị").locator("input").fill("LĐLĐ huyện Tam Đường")
    page.field("Ảnh đại diện").locator("input[type=file]").first.set_input_files(str(ROOT / "tests/fixtures/files/sample.jpg"))
    page.field("Thông tin văn bản").get_by_role("checkbox").first.click()
    page.field("Loại văn bản").locator("input").fill("Báo cáo")
    page.field("Số ký hiệu").locator("input").fill("263/BC-LĐLĐ")
    page.field("Địa danh").locator("input").fill("Lai Châu")
    page.field("Ngày ban hành").locator("input").fill("2021-07-29")
    page.field("Người ký").locator("input").fill("Nguyễn Thị Thiện")
    page.field("Chức vụ người ký").locator("input").fill("TM. Ban Thường vụ - Chủ tịch")
    recipients = page.field("Nơi nhận")
    recipients.locator("input").first.fill("Ban Thường vụ")
    recipients.locator("button", has_text="Thêm").click()
    recipients.locator("input").nth(1).fill("Lưu VT")
    attachments = page.field("Tệp đính kèm")
    attachments.locator("button", has_text="Thêm").click()
    page.field("Tệp").locator("input[type=file]").first.set_input_files(str(ROOT / "tests/fixtures/files/sample.doc"))
    page.field("Tên hiển thị").locator("input").fill("Báo cáo số 263 (bản Word)")
    body = page.field("Nội dung").locator("[contenteditable=true]").first
    body.click()
    p.keyboard.type("Sáng 29/7, Liên đoàn Lao động tỉnh tổ chức Hội nghị Đoàn viên.")
    page.shot("admin-form-1366.png")
    p.set_viewport_size({"width": 390, "height": 844})
    p.wait_for_timeout(300)
    page.shot("admin-form-390.png")
    p.set_viewport_size({"width": 1366, "height": 900})
    p.get_by_role("button", name="Lưu", exact=True).click()
    for _ in range(100):
        if page.mock.commits:
            break
        p.wait_for_timeout(100)
    page.check_clean()
    (commit,) = page.mock.commits
    saved = commit["additions"]
    post_path = "posts/2021/07/hoi-nghi-doan-vien.md"  # from the date; the slug without diacritics from NFD input
    media = "posts/2021/07/hoi-nghi-doan-vien/"  # the post's own folder: no clash with another post's sample.jpg
    assert set(saved) == {post_path, media + "sample.jpg", media + "sample.doc"}, sorted(saved)
    assert commit["message"] == "Thêm bài “hoi-nghi-doan-vien” (trang quản trị) +2"  # +2: the two files
    assert saved[media + "sample.jpg"] == (ROOT / "tests/fixtures/files/sample.jpg").read_bytes()
    text = unicodedata.normalize("NFC", saved[post_path].decode("utf-8"))  # the CMS keeps the NFD title as typed
    for line in (
        "title: Hội nghị Đoàn viên", "date: 2021-07-29 14:30", "image: hoi-nghi-doan-vien/sample.jpg",
        "file: hoi-nghi-doan-vien/sample.doc", "number: 263/BC-LĐLĐ", "issued: 2021-07-29", "- Lưu VT",
    ):
        assert line in text, text
    project = copy_project(tmp_path / "project")
    for path, data in saved.items():
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_bytes(data)
    check = subprocess.run([sys.executable, "-m", "newsroom.cli", "--config", str(project / "mkdocs.yml"), "check"], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site/2021/07/hoi-nghi-doan-vien/index.html").read_text(encoding="utf-8")
    for shown in (
        "Hội nghị Đoàn viên", "29/07/2021", "Báo cáo", "LĐLĐ huyện Tam Đường", "đoàn viên", "hội nghị",
        "263/BC-LĐLĐ", "Lai Châu", "Nguyễn Thị Thiện", "TM. Ban Thường vụ - Chủ tịch", "Ban Thường vụ", "Lưu VT",
        "Báo cáo số 263 (bản Word)", "sample.doc", "sample", "Sáng 29/7, Liên đoàn Lao động tỉnh tổ chức Hội nghị Đoàn viên.",
    ):
        assert shown in html, shown
    assert 'src="hoi-nghi-doan-vien/sample' in html or "hoi-nghi-doan-vien/hoi-nghi-doan-vien/sample" in html
    assert (tmp_path / "site/2021/07/hoi-nghi-doan-vien/hoi-nghi-doan-vien/sample.doc").read_bytes() == (ROOT / "tests/fixtures/files/sample.doc").read_bytes()
