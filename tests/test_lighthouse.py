"""Lighthouse (npm) with Debian's Chromium, mobile profile, on the home page and a post page:
performance, accessibility, best practices and SEO must each score at least 95.

The site is built with its `site_url` set to the local server (so that its canonical URLs are on
the domain Lighthouse visits, as on GitHub Pages) and served like GitHub Pages (gzip, the site's
404 page, a short cache). The scores go to tests/artifacts/lighthouse.json; README records them.

Lighthouse's performance score moves by a few points between runs of the same page (its
"Lighthouse Variability" doc: the host's load and timing noise), so each page is measured RUNS
times and the median report is judged, as that doc recommends. Every run's scores are recorded.

Lighthouse's 4x CPU slowdown assumes a high-end desktop host (BenchmarkIndex 1500-2000) and
emulates a mid-tier phone from there; on a weaker or busy host the same 4x emulates a much slower
phone. Its throttling doc ("Calibrating the CPU slowdown") says to lower the multiplier then; we
scale it with the host's BenchmarkIndex, measured by a first run, so that every host emulates the
same phone (index 375, the middle of the doc's mid-tier mobile range), never above 4x.
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
RUNS = 3  # median of three
TARGET_INDEX = 375  # Lighthouse BenchmarkIndex of the phone emulated (mid-tier mobile: 125-800)


def cpu_slowdown(benchmark_index: float) -> float:
    """Lighthouse's CPU multiplier for a host of this BenchmarkIndex: 4x from a 1500 host."""
    return round(min(4.0, max(1.0, benchmark_index / TARGET_INDEX)), 2)


def test_cpu_slowdown_follows_the_host():
    assert cpu_slowdown(1500) == 4.0  # Lighthouse's default host
    assert cpu_slowdown(2400) == 4.0  # never above the default
    assert cpu_slowdown(1050) == 2.8
    assert cpu_slowdown(200) == 1.0


def lighthouse(url: str, report, slowdown: float = 4.0) -> dict:
    result = subprocess.run(
        [
            str(node_tool(".bin/lighthouse")),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--form-factor=mobile",
            f"--throttling.cpuSlowdownMultiplier={slowdown}",
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


def median_report(reports: list[dict]) -> dict:
    """The run whose performance score is the median one (ties: the first such run)."""
    ordered = sorted(reports, key=lambda report: report["categories"]["performance"]["score"] or 0)
    return ordered[len(ordered) // 2]


def test_median_report_is_the_middle_performance_score():
    runs = [{"categories": {"performance": {"score": score}}, "run": n} for n, score in enumerate([0.99, 0.90, 0.96])]
    assert median_report(runs)["run"] == 2


def test_lighthouse_mobile_scores_at_least_95(tmp_path):
    www = tmp_path / "www"
    www.mkdir()
    with serve_pages(www, SUBPATH) as url:
        project = copy_project(tmp_path / "project")
        config = project / "mkdocs.yml"
        config.write_text(re.sub(r"^site_url: .*$", f"site_url: {url}", config.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
        built = mkdocs_build(project, www / SUBPATH)
        assert built.returncode == 0, built.stderr
        calibration = lighthouse(url, tmp_path / "calibration.json")
        index = calibration["environment"]["benchmarkIndex"]
        slowdown = cpu_slowdown(index)
        runs = {name: [lighthouse(url + path, tmp_path / f"{name}-{n}.json", slowdown) for n in range(RUNS)] for name, path in PAGES.items()}
    reports = {name: median_report(found) for name, found in runs.items()}
    scores = {name: {key: report["categories"][key]["score"] for key in CATEGORIES} for name, report in reports.items()}
    any_report = next(iter(reports.values()))
    ARTIFACTS.mkdir(exist_ok=True)
    record = {
        "lighthouse": any_report["lighthouseVersion"],
        "browser": any_report["environment"]["hostUserAgent"],
        "profile": f"mobile (simulated slow 4G, {slowdown}x CPU slowdown for a host of BenchmarkIndex {index})",
        "pages": PAGES,
        "benchmark_index": [report["environment"].get("benchmarkIndex") for report in reports.values()],
        "scores": scores,
        "performance_runs": {name: [report["categories"]["performance"]["score"] for report in found] for name, found in runs.items()},
        "shortfalls": {name: shortfalls(report) for name, report in reports.items()},
    }
    (ARTIFACTS / "lighthouse.json").write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    low = {f"{name}/{key}": score for name, found in scores.items() for key, score in found.items() if score is None or score < THRESHOLD}
    assert low == {}, record["shortfalls"]
