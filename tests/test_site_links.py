"""Links hold, without a server: every internal link, anchor and asset of every built page leads to a
file of the site, when it is served under a sub-path (GitHub Pages project site) and at a domain's root.
(tests/test_links.py requests them over HTTP as well; the other build tests run the same checker.)"""

from __future__ import annotations

import pytest

from conftest import copy_project, mkdocs_build
from sitecheck import broken_links

pytestmark = pytest.mark.build


def test_the_sample_site_under_its_sub_path(sample_site):
    assert broken_links(sample_site, "/tin-tuc/") == []


def test_the_sample_site_at_a_domain_root(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("site_url: https://congdoan-laichau.github.io/tin-tuc/", "site_url: https://tin.congdoan.example/"), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert broken_links(tmp_path / "site", "/") == []
    assert broken_links(tmp_path / "site", "/tin-tuc/") != [], "the 404 page's links name the root"


def test_the_checker_sees_missing_pages_assets_and_anchors(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text('<h2 id="muc">x</h2><a href="a/">a</a><a href="#muc">m</a>', encoding="utf-8")
    (site / "a/index.html").write_text(
        '<a href="../">home</a> <a href="../#khong">anchor</a> <a href="../b/">page</a> <img src="anh.jpg">'
        '<a href="/a/">absolute</a> <a href="https://example.org/x">external</a> <a href="mailto:a@b.vn">mail</a>',
        encoding="utf-8",
    )
    assert broken_links(site, "/") == ["a/index.html: ../#khong (no such anchor)", "a/index.html: ../b/", "a/index.html: anh.jpg"]
    assert "a/index.html: /a/" in broken_links(site, "/tin-tuc/")
