"""A post with five 4000×3000 phone photos, as a reader's phone gets it (bench/images.py --page).

Headless Chromium at 390 px (an iPhone 12-15 width) at 1x and at 3x device pixels: the bytes
transferred for the first view (the page as it opens, nothing scrolled: HTML, CSS, script, the
lead photo) and for the whole post scrolled to its end. Then Lighthouse's mobile profile (as
tests/test_lighthouse.py runs it, the CPU slowdown calibrated to the host) three times: the median
run's LCP, CLS and total bytes.
"""

from __future__ import annotations

import re
import shutil
import statistics
import tempfile
from pathlib import Path

from images import EPOCH, OUR_FILES, OUT, ROOT, build, link

POST = "2025/05/nam-anh-dai-hoi/"


def _site(work: Path, photos: list[Path], url: str) -> Path:
    project = work / "project"
    project.mkdir(parents=True)
    for name in OUR_FILES:
        source = ROOT / name
        (shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")) if source.is_dir() else shutil.copy2(source, project / name))
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"^site_url: .*$", f"site_url: {url}", config.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
    folder = project / "posts/2025/05"
    for path in photos:
        link(path, folder / path.name)
    paragraphs = [
        "Sáng 2/5, Liên đoàn Lao động tỉnh khai mạc Đại hội Công đoàn tỉnh lần thứ XV, nhiệm kỳ 2025-2030, với 250 đại biểu "
        "đại diện cho hơn 30 nghìn đoàn viên công đoàn trong toàn tỉnh.",
        "Đại hội đánh giá kết quả thực hiện Nghị quyết nhiệm kỳ trước, thảo luận và thông qua phương hướng, mục tiêu của nhiệm kỳ mới.",
    ]
    body = "".join(f"{paragraphs[k % 2]}\n\n![Đại biểu dự Đại hội, ảnh {k}]({p.name})\n\n" for k, p in enumerate(photos[1:], 1))
    meta = f"---\ntitle: Khai mạc Đại hội Công đoàn tỉnh lần thứ XV\ndate: 2025-05-02 08:00\ncategories: [Tin tức - Sự kiện]\nimage: {photos[0].name}\n---\n\n"
    (folder / "nam-anh-dai-hoi.md").write_text(meta + paragraphs[0] + "\n\n" + body, encoding="utf-8")
    return project


def _bytes(browser, url: str, scale: int, scroll: bool) -> tuple[int, list[str]]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=scale, is_mobile=True)
    page = context.new_page()
    done: list = []
    page.on("requestfinished", lambda request: done.append(request))
    page.goto(url, wait_until="networkidle")
    if scroll:
        for _ in range(60):
            page.mouse.wheel(0, 700)
            page.wait_for_timeout(80)
        page.wait_for_load_state("networkidle")
    if not scroll:
        OUT.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(OUT / f"images-post-390-{scale}x.png"))
    total = sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in done)
    pictures = [r.url.rsplit("/", 1)[1] for r in done if re.search(r"\.(webp|jpg)$", r.url)]
    context.close()
    return total, pictures


def measure_page(photos: list[Path]) -> dict:
    from conftest import CHROMIUM, SUBPATH  # noqa: the tests' own browser and server settings
    from pages_server import serve_pages
    from playwright.sync_api import sync_playwright
    from test_lighthouse import cpu_slowdown, lighthouse

    work = Path(tempfile.mkdtemp(prefix="bench-images-page-"))
    figures: dict = {}
    try:
        www = work / "www"
        www.mkdir()
        with serve_pages(www, SUBPATH) as url:
            project = _site(work, photos, url)
            build(project, www / SUBPATH, {"NEWSROOM_ADMIN_PACKAGES": str(ROOT / ".cache" / "admin")})
            files = [p for p in (www / SUBPATH / POST).iterdir() if p.suffix in (".webp", ".jpg")]
            figures["published_kb_per_photo"] = round(sum(p.stat().st_size for p in files) / len(photos) / 1000, 1)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
                for scale in (1, 3):
                    first, shown = _bytes(browser, url + POST, scale, scroll=False)
                    whole, all_shown = _bytes(browser, url + POST, scale, scroll=True)
                    figures[f"{scale}x"] = {"first_view_kb": round(first / 1000, 1), "first_view_pictures": shown,
                                            "scrolled_kb": round(whole / 1000, 1), "scrolled_pictures": all_shown}  # fmt: skip
                    print(f"390 px at {scale}x: first view {first / 1000:.0f} KB ({', '.join(shown)}); scrolled to the end {whole / 1000:.0f} KB", flush=True)
                browser.close()
            index = lighthouse(url, work / "calibration.json")["environment"]["benchmarkIndex"]
            slowdown = cpu_slowdown(index)
            runs = [lighthouse(url + POST, work / f"post-{n}.json", slowdown) for n in range(3)]
        runs.sort(key=lambda report: report["audits"]["largest-contentful-paint"]["numericValue"])
        median = runs[1]
        audits = median["audits"]
        figures["lighthouse"] = {
            "version": median["lighthouseVersion"],
            "cpu_slowdown": slowdown,
            "benchmark_index": index,
            "lcp_s": round(audits["largest-contentful-paint"]["numericValue"] / 1000, 2),
            "lcp_runs_s": [round(r["audits"]["largest-contentful-paint"]["numericValue"] / 1000, 2) for r in runs],
            "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
            "total_kb": round(audits["total-byte-weight"]["numericValue"] / 1000, 1),
            "performance": median["categories"]["performance"]["score"],
        }
        lh = figures["lighthouse"]
        print(f"Lighthouse {lh['version']} mobile ({slowdown}x CPU): LCP {lh['lcp_s']} s (runs {lh['lcp_runs_s']}), "
              f"CLS {lh['cls']}, {lh['total_kb']} KB, performance {lh['performance']}", flush=True)  # fmt: skip
        figures["lcp_median_s"] = statistics.median(lh["lcp_runs_s"])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return figures


__all__ = ["EPOCH", "measure_page"]
