"""A post with five photos in headless Chromium: a phone downloads only the small files, a desktop
the width of its column; `sizes` says the width Material really gives a picture (request log)."""

from __future__ import annotations

import re

import pytest

from conftest import SUBPATH, copy_project, mkdocs_build, post_meta, write_post
from pages_server import serve_pages
from photos import photo

pytestmark = pytest.mark.browser
POST = "2025/05/nam-anh/"
PICTURE = re.compile(r"\.(webp|jpe?g|png|heic)$")


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("five")
    project = copy_project(root / "project", with_posts=False)
    folder = project / "posts/2025/05"
    folder.mkdir(parents=True)
    for n in range(5):
        (folder / f"anh-{n}.jpg").write_bytes(photo(2000, 1500, orientation=6 if n == 2 else 1, seed=10 + n))
    body = "".join(f"Đoạn {n} của bài.\n\n![Ảnh {n}](anh-{n}.jpg)\n\n" for n in range(1, 5))
    write_post(project / "posts", "2025/05/nam-anh.md", body, **post_meta(title="Năm ảnh", date="2025-05-02 08:00", image="anh-0.jpg"))
    www = root / "www"
    built = mkdocs_build(project, www / SUBPATH)
    assert built.returncode == 0, built.stderr
    with serve_pages(www, SUBPATH) as url:
        yield url


def visit(browser, url, width, scale=1):
    """Open the post at `width` CSS px, scroll to its end (lazy pictures load), and return the page
    and the picture files the browser asked for."""
    context = browser.new_context(viewport={"width": width, "height": 844}, device_scale_factor=scale)
    page = context.new_page()
    asked = []
    page.on("request", lambda request: asked.append(request.url) if PICTURE.search(request.url.split("?")[0]) else None)
    page.goto(url + POST, wait_until="networkidle")
    for _ in range(30):
        if page.evaluate("window.scrollY + innerHeight >= document.body.scrollHeight - 2"):
            break
        page.mouse.wheel(0, 600)
        page.wait_for_timeout(100)
    page.wait_for_load_state("networkidle")
    return context, page, [a for a in asked if "/nam-anh/" in a]


def test_a_phone_at_390_px_downloads_only_the_480_px_webp_of_each_photo(browser, site_url):
    context, page, asked = visit(browser, site_url, 390)
    try:
        names = sorted({a.rsplit("/", 1)[1] for a in asked})
        assert len(names) == 5, asked  # every photo, once (the lazy ones after scrolling)
        assert all(re.fullmatch(r"anh-\d\.[0-9a-f]{10}\.480\.webp", name) for name in names), names
        assert len(asked) == 5, asked  # nothing asked twice, no JPEG, no original
        lead = page.locator("img.news-post__image")
        assert lead.get_attribute("fetchpriority") == "high"
        assert page.evaluate("[...document.images].filter(i => i.closest('.news-post__body')).every(i => i.loading === 'lazy')")
    finally:
        context.close()


@pytest.mark.parametrize(
    "width, column",
    [(390, 358), (800, 768), (1100, 826), (1366, 690), (1920, 757)],
    ids=["phone", "tablet", "small-desktop", "desktop", "wide"],
)
def test_sizes_is_the_width_material_gives_the_pictures(browser, site_url, width, column):
    """Every picture fills the column `sizes` announces, and the browser takes the narrowest file at
    least that wide (at 1x), and only that one."""
    context, page, asked = visit(browser, site_url, width)
    try:
        shown = page.evaluate(
            """[...document.querySelectorAll('article picture')].map(p => [p.querySelector('img').clientWidth,
                 p.querySelector('img').currentSrc.split('/').pop(), p.querySelector('source').srcset])"""
        )
        assert len(shown) == 5
        expected = []
        for client_width, current, srcset in shown:
            assert abs(client_width - column) <= 2, (width, shown)
            candidates = sorted((int(w.rstrip("w")), name) for name, w in (c.split(" ") for c in srcset.split(", ")))
            wanted = next((name for w, name in candidates if w >= column), candidates[-1][1])
            assert current == wanted, (width, client_width, current, srcset)
            expected.append(wanted)
        assert sorted(a.rsplit("/", 1)[1] for a in asked) == sorted(expected)
    finally:
        context.close()
