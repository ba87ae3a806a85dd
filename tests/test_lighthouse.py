"""Lighthouse (npm) with Debian's Chromium, mobile profile, on the home page and a post page:
performance, accessibility, best practices and SEO must each score at least 95.

The site is built with its `site_url` set to the local server (so that its canonical URLs are on
the domain Lighthouse visits, as on GitHub Pages) and served like GitHub Pages (gzip, the site's
404 page, a short cache). The scores go to tests/artifacts/lighthouse.json; README records them.
"""

from __future__ import annotations

import json
import os
import re
import subprocess

import pytest

from conftest import ARTIFACTS, CHROMIUM, SUBPATH, copy_project, mkdocs_build, node_tool
from pages_server import serve_pages

pytestmark = pytest.mark.browser

PAGES = {"home": "", "post": "2025/10/ho-tro-xay-dung-25-nha-mai-am-cong-doan/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
THRESHOLD = 0.95


def lighthouse(url: str, report) -> dict:
    result = subprocess.run(
        [
            str(node_tool(".bin/lighthouse")),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--form-factor=mobile",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(report.read_text(encoding="utf-8"))


def shortfalls(report: dict) -> list[str]:
    """The audits that cost points, to say why a score is low."""
    found = []
    for category in report["categories"].values():
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                found.append(f"{category['id']}/{ref['id']}: {audit['score']} {audit.get('displayValue', '')}".strip())
    return found


def test_lighthouse_mobile_scores_at_least_95(tmp_path):
    www = tmp_path / "www"
    www.mkdir()
    with serve_pages(www, SUBPATH) as url:
        project = copy_project(tmp_path / "project")
        config = project / "mkdocs.yml"
        config.write_text(re.sub(r"^site_url: .*$", f"site_url: {url}", config.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
        built = mkdocs_build(project, www / SUBPATH)
        assert built.returncode == 0, built.stderr
        reports = {name: lighthouse(url + path, tmp_path / f"{name}.json") for name, path in PAGES.items()}
    scores = {name: {key: report["categories"][key]["score"] for key in CATEGORIES} for name, report in reports.items()}
    any_report = next(iter(reports.values()))
    ARTIFACTS.mkdir(exist_ok=True)
    record = {
        "lighthouse": any_report["lighthouseVersion"],
        "browser": any_report["environment"]["hostUserAgent"],
        "profile": "mobile (simulated slow 4G, 4x CPU slowdown)",
        "pages": PAGES,
        "scores": scores,
        "shortfalls": {name: shortfalls(report) for name, report in reports.items()},
    }
    (ARTIFACTS / "lighthouse.json").write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    low = {f"{name}/{key}": score for name, found in scores.items() for key, score in found.items() if score is None or score < THRESHOLD}
    assert low == {}, record["shortfalls"]
