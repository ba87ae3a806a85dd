"""Old NukeViet addresses keep working: redirect pages written by the build from the posts'
`aliases`, and the 404 page's look-up of old ids (newsroom/redirects.py, news-old-links.js)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, SUBPATH, copy_project, mkdocs_build
from helpers import make_post
from newsroom.redirects import old_links_map, plan_redirects, redirect_files
from samples import make_sample
from test_cli import run, site  # noqa: F401 (site is a fixture)

FIXTURES = ROOT / "tests" / "fixtures" / "nukeviet"
OLD = "vi/news/tin-tuc-su-kien/hoi-nghi-12.html"


def test_each_alias_gets_a_page_its_category_folder_and_tags_too():
    post = make_post("hoi-nghi", aliases=(OLD, "news/tin-tuc-su-kien/hoi-nghi-12.html", "vi/news/cu/bai-3/"),
                     tags=["Đại hội XIII"], old_id="nukeviet:nv4_vi_news:12")  # fmt: skip
    redirects, problems = plan_redirects((post,))
    assert problems == []
    assert {r.path: r.target for r in redirects} == {
        OLD: "2021/07/hoi-nghi/",
        "news/tin-tuc-su-kien/hoi-nghi-12.html": "2021/07/hoi-nghi/",
        "vi/news/cu/bai-3/index.html": "2021/07/hoi-nghi/",
        "vi/news/tin-tuc-su-kien/index.html": "chuyen-muc/tin-tuc-su-kien/",
        "news/tin-tuc-su-kien/index.html": "chuyen-muc/tin-tuc-su-kien/",
        "vi/news/cu/index.html": "chuyen-muc/tin-tuc-su-kien/",
        "vi/news/tag/dai-hoi-xiii/index.html": "the/dai-hoi-xiii/",
        "news/tag/dai-hoi-xiii/index.html": "the/dai-hoi-xiii/",
    }


def test_redirect_page_refresh_canonical_link_noindex_and_no_script():
    post = make_post("hoi-nghi", title='Hội nghị <script>alert("x")</script> & "Tết"', aliases=(OLD,))
    files, _ = redirect_files((post,), "https://congdoan-laichau.github.io/tin-tuc/")
    page = files[OLD].decode()
    assert '<meta http-equiv="refresh" content="0; url=../../../2021/07/hoi-nghi/">' in page
    assert '<link rel="canonical" href="https://congdoan-laichau.github.io/tin-tuc/2021/07/hoi-nghi/">' in page
    assert '<a href="../../../2021/07/hoi-nghi/">Hội nghị &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Tết&quot;</a>' in page
    assert '<meta name="robots" content="noindex">' in page and "<script" not in page


def test_two_posts_claiming_one_old_address_is_a_problem():
    first, second = make_post("a", aliases=(OLD,)), make_post("b", aliases=(OLD,))
    _, problems = plan_redirects((first, second))
    (problem,) = problems
    assert problem.path == "posts/b.md" and problem.field == "aliases" and "posts/a.md" in problem.what


def test_map_of_old_ids_for_the_404_page():
    post = make_post("hoi-nghi", old_id="nukeviet:nv4_vi_news:12", aliases=("vi/tin-tuc/tin/hoi-nghi-12.html",))
    assert json.loads(old_links_map((post,))) == {
        "paths": {"vi/tin-tuc/tin": "chuyen-muc/tin-tuc-su-kien/", "vi/tin-tuc/tin/hoi-nghi-12": "2021/07/hoi-nghi/"},
        "ids": {"news/12": "2021/07/hoi-nghi/", "tin-tuc/12": "2021/07/hoi-nghi/"},
    }


@pytest.mark.parametrize("alias", ["../../etc/passwd", "https://evil.example/x", "vi/news/a b.html", "vi/./x.html"])
def test_bad_alias_is_refused_by_check(site, capsys, alias):  # noqa: F811
    (site / "posts/2021").mkdir(parents=True)
    (site / "posts/2021/bai.md").write_text(
        f"---\ntitle: Bài\ndate: 2021-07-29\ncategories: [Báo cáo]\naliases: [\"{alias}\"]\n---\n\nNội dung.\n", encoding="utf-8"
    )
    code, out, _ = run(capsys, "check")
    assert code == 1 and "aliases: địa chỉ cũ" in out and alias in out


@pytest.fixture(scope="module")
def imported_site(tmp_path_factory):
    """A copy of the site with the NukeViet 4 and 3 fixtures imported, built, served like GitHub Pages."""
    from newsroom.cli import main

    tmp = tmp_path_factory.mktemp("old-links")
    project = copy_project(tmp / "project", with_posts=False)
    portal = tmp / "portal" / "uploads" / "news" / "2021_07"
    make_sample(portal, "jpg", "hoi-nghi.jpg")
    import os

    cwd = os.getcwd()
    os.chdir(project)
    try:
        assert main(["import", str(FIXTURES / "nukeviet4.sql"), "--uploads", str(tmp / "portal")]) == 0
        assert main(["import", str(FIXTURES / "nukeviet3.sql")]) == 0
    finally:
        os.chdir(cwd)
    result = mkdocs_build(project, tmp / "site", epoch=1640995200)  # 2022-01-01
    assert result.returncode == 0, result.stderr[-3000:]
    return tmp / "site"


@pytest.mark.build
def test_old_pages_are_not_in_the_sitemap_or_search(imported_site):
    assert (imported_site / "vi/news/tin-tuc-su-kien/hoi-nghi-so-ket-cong-tac-cong-doan-6-thang-dau-nam-2021-1.html").exists()
    assert (imported_site / "vi/news/tin-hoat-dong/cong-doan-tinh-to-chuc-dai-hoi-1/index.html").exists()
    assert "vi/news" not in (imported_site / "sitemap.xml").read_text()
    assert "vi/news" not in (imported_site / "search/search_index.json").read_text()
    ids = json.loads((imported_site / "assets/old-links.json").read_text())["ids"]
    assert ids["news/1"] == "2021/07/hoi-nghi-so-ket-cong-tac-cong-doan-6-thang-dau-nam-2021/"
    assert "news/5" not in ids  # a draft has no page to lead to


POST4 = "2021/07/hoi-nghi-so-ket-cong-tac-cong-doan-6-thang-dau-nam-2021/"
POST3 = "2020/07/cong-doan-tinh-to-chuc-dai-hoi/"


@pytest.mark.browser
@pytest.mark.parametrize(
    "old, new",
    [
        ("vi/news/tin-tuc-su-kien/hoi-nghi-so-ket-cong-tac-cong-doan-6-thang-dau-nam-2021-1.html", POST4),
        ("news/tin-tuc-su-kien/hoi-nghi-so-ket-cong-tac-cong-doan-6-thang-dau-nam-2021-1.html", POST4),
        ("vi/news/tin-hoat-dong/cong-doan-tinh-to-chuc-dai-hoi-1/", POST3),
        ("news/tin-hoat-dong/cong-doan-tinh-to-chuc-dai-hoi-1", POST3),
        ("index.php?language=vi&nv=news&op=tin-tuc-su-kien/hoi-nghi-so-ket-cong-tac-cong-doan-6-thang-dau-nam-2021-1", POST4),
        ("vi/news/hoat-dong-cong-doan/hoi-nghi-so-ket-cong-tac-cong-doan-6-thang-dau-nam-2021-1.html", POST4),
        ("vi/news/bao-cao/", "chuyen-muc/bao-cao/"),
        ("vi/news/tag/dai-hoi-xiii", "the/dai-hoi-xiii/"),
    ],
    ids=["v4", "v4-no-language", "v3", "v3-no-slash", "index-php", "other-category", "category", "tag"],
)
def test_old_urls_land_on_the_new_page(browser, imported_site, tmp_path, old, new):
    from pages_server import serve_pages

    shutil.copytree(imported_site, tmp_path / SUBPATH)
    with serve_pages(tmp_path, SUBPATH) as url:
        page = browser.new_page()
        try:
            page.goto(url + old)
            page.wait_for_url(re.compile(re.escape(url + new) + r"$"), timeout=10_000)
            assert page.locator("h1").first.is_visible()
            if new == POST4:
                assert "Hội nghị sơ kết" in page.locator("h1").first.inner_text()
                page.screenshot(path=str(ROOT / "tests" / "artifacts" / "old-link.png"))
        finally:
            page.close()
