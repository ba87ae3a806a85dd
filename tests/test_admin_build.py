"""The admin page in the built site: present, its own files only, and nowhere a reader looks."""

from __future__ import annotations

import json

import yaml

from conftest import copy_project, mkdocs_build, post_meta, write_post


def test_admin_page_is_built_from_the_packages(sample_site):
    admin = sample_site / "admin"
    html = (admin / "index.html").read_text(encoding="utf-8")
    assert 'content="noindex, nofollow"' in html and "Content-Security-Policy" in html
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"] == {**config["backend"], "name": "github", "repo": "congdoan-laichau/tin-tuc", "branch": "main"}
    fields = {f["name"]: f for f in config["collections"][0]["fields"]}
    assert "Báo cáo" in fields["categories"]["options"]
    assert (admin / "unpkg/@sveltia/cms@0.221.1/locales/vi.json").is_file()
    assert (admin / "fonts/source-sans-3-vietnamese-wght-normal.woff2").stat().st_size > 10_000
    styles = json.loads((admin / "admin.js").read_text().split("var styles = ", 1)[1].split(";", 1)[0])
    assert any("/assets/stylesheets/main." in s for s in styles) and "/tin-tuc/stylesheets/news.css" in styles
    for style in styles:  # the preview's stylesheets are the site's own, and exist
        assert (sample_site / style.removeprefix("/tin-tuc/")).is_file(), style


def test_admin_is_absent_from_sitemap_feeds_and_search(sample_site):
    for name in ("sitemap.xml", "feed.xml"):
        assert "/admin" not in (sample_site / name).read_text(encoding="utf-8")
    for path in (sample_site / "search").rglob("*"):
        if path.is_file():
            assert b"/admin" not in path.read_bytes() and "Quản trị".encode() not in path.read_bytes(), path
    for path in sample_site.glob("*.json"):
        assert "/admin" not in path.read_text(encoding="utf-8")


def test_build_without_the_packages_stops_and_says_what_to_run(tmp_path):
    project = copy_project(tmp_path / "project", with_posts=False)
    write_post(project / "posts", "2021/07/tin.md", **post_meta())
    result = mkdocs_build(project, tmp_path / "site", extra_env={"NEWSROOM_ADMIN_PACKAGES": str(tmp_path / "none")})
    assert result.returncode != 0
    assert "make admin" in result.stderr and "@sveltia/cms 0.221.1" in result.stderr
    assert "Traceback" not in result.stderr


def test_build_without_the_admin_block_needs_no_package(tmp_path):
    project = copy_project(tmp_path / "project", with_posts=False)
    write_post(project / "posts", "2021/07/tin.md", **post_meta())
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    start = config.index("    admin:")
    end = config.index("      branch: main\n", start) + len("      branch: main\n")
    (project / "mkdocs.yml").write_text(config[:start] + config[end:], encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", extra_env={"NEWSROOM_ADMIN_PACKAGES": str(tmp_path / "none")})
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "site/admin").exists()
