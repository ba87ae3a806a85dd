"""Benchmark of the image pipeline: phone photos through our build and through Material's `optimize`.

    python bench/images.py --sizes 200 2000 [--heic-every 20] [--jobs 2] [--skip-optimize]
    python bench/images.py --page          # a post with five photos at 390 px: bytes, Lighthouse

Photos are generated once into bench/out/photos/ (kept between runs): 4000×3000 JPEGs at
quality 95 (4-6 MB, tests/photos.py `scene`: gradients, smooth areas and detail at every scale),
EXIF with a GPS position and a camera serial number, one in three with orientation 6 (a portrait
shot stored sideways), one in `--heic-every` an iPhone HEIC instead. Every photo has its own bytes
(its own cache key). A site of N photos has N/5 posts of five photos each (`image:` and four in
the body), linked (hard links) from the photo folder.

For each size: our build cold (an empty image cache) and warm (the cache of the cold build),
wall seconds of `mkdocs build --strict` in a child process; the bytes published per photo (every
file made of it together) and the site's size. Then Material's `optimize` plugin (mkdocs-material
9.8, the Pillow it needs is ours) on the same photos in a plain Material project, cold and warm:
it re-encodes JPEGs at quality 60 (and PNGs with pngquant) without resizing, orienting or
converting HEIC. Figures are printed and written to bench/out/images.json.
"""

from __future__ import annotations

import argparse
import io
import json
import multiprocessing
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "hooks")]

import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

from photos import exif, scene  # noqa: E402

OUT = ROOT / "bench" / "out"
PHOTOS = OUT / "photos"
EPOCH = "1767225600"  # 2026-01-01: every generated post is due
OUR_FILES = ("mkdocs.yml", "docs", "overrides", "hooks", "package-lock.json")
VARIANT = re.compile(r"\.[0-9a-f]{10}\.t?\d+\.(webp|jpg)$")
SCENES = 6  # distinct pictures the photos are cut from (each photo shifted and tinted: its own bytes)


@lru_cache(maxsize=SCENES)
def _scene(index: int) -> np.ndarray:
    return scene(4000, 3000, seed=index)


def make_photo(args: tuple[int, int]) -> str:
    """Photo number `n` into PHOTOS (kept when already there); its file name."""
    n, heic_every = args
    heic = heic_every and n % heic_every == heic_every - 1
    name = f"anh-{n:05d}.{'heic' if heic else 'jpg'}"
    target = PHOTOS / name
    if target.exists():
        return name
    pixels = np.roll(_scene(n % SCENES), shift=(n * 37 % 3000, n * 101 % 4000), axis=(0, 1))
    tint = np.array([n % 7, n % 5, n % 3], np.int16) - 3
    image = Image.fromarray(np.clip(pixels.astype(np.int16) + tint, 0, 255).astype(np.uint8))
    data = exif(orientation=6 if n % 3 == 0 else 1, gps=True).tobytes()
    out = io.BytesIO()
    if heic:
        import pillow_heif

        pillow_heif.register_heif_opener()
        image.save(out, "HEIF", quality=80, exif=data, enc_params={"preset": "ultrafast"})
    else:
        image.save(out, "JPEG", quality=95, exif=data)
    part = target.with_suffix(".part")
    part.write_bytes(out.getvalue())
    part.rename(target)
    return name


def photos(count: int, heic_every: int, jobs: int) -> list[Path]:
    PHOTOS.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        names = pool.map(make_photo, [(n, heic_every) for n in range(count)], chunksize=4)
    paths = [PHOTOS / name for name in names]
    sizes = [p.stat().st_size for p in paths if p.suffix == ".jpg"]
    print(f"{count} photos ready in {time.perf_counter() - started:.0f} s: JPEG {min(sizes) / 1e6:.1f}-{max(sizes) / 1e6:.1f} MB "
          f"(mean {sum(sizes) / len(sizes) / 1e6:.1f} MB), {sum(p.suffix == '.heic' for p in paths)} HEIC", flush=True)  # fmt: skip
    return paths


def link(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def our_project(project: Path, photo_paths: list[Path]) -> None:
    project.mkdir(parents=True)
    for name in OUR_FILES:
        source = ROOT / name
        (shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")) if source.is_dir() else shutil.copy2(source, project / name))
    for number, start in enumerate(range(0, len(photo_paths), 5)):
        group = photo_paths[start : start + 5]
        folder = project / "posts" / "2025" / f"{number % 12 + 1:02d}"
        for path in group:
            link(path, folder / path.name)
        body = "".join(f"Đoạn {k} của bài {number}: công đoàn cơ sở tổ chức hoạt động cho đoàn viên.\n\n![Ảnh {k}]({p.name})\n\n" for k, p in enumerate(group[1:], 1))
        meta = f"---\ntitle: Bài ảnh số {number}\ndate: 2025-{number % 12 + 1:02d}-{number % 28 + 1:02d} 08:{number % 60:02d}\ncategories: [Tin tức - Sự kiện]\nimage: {group[0].name}\n---\n\n"
        (folder / f"bai-anh-{number:04d}.md").write_text(meta + body, encoding="utf-8")


def optimize_project(project: Path, photo_paths: list[Path]) -> None:
    """A plain Material project, one page per five photos, with the `optimize` plugin."""
    # PNG optimisation off: it needs the pngquant program (not a Python package), and the only PNG
    # is Material's own favicon; the photos are JPEG (and HEIC, which the plugin leaves as it is)
    config = {"site_name": "Ảnh", "theme": {"name": "material", "language": "vi"}, "plugins": [{"optimize": {"optimize_png": False}}]}
    (project / "docs").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")  # JSON is YAML
    (project / "docs" / "index.md").write_text("# Ảnh\n", encoding="utf-8")
    for number, start in enumerate(range(0, len(photo_paths), 5)):
        group = photo_paths[start : start + 5]
        for path in group:
            link(path, project / "docs" / "anh" / path.name)
        body = "".join(f"![Ảnh {k}](anh/{p.name})\n\n" for k, p in enumerate(group))
        (project / "docs" / f"bai-{number:04d}.md").write_text(f"# Bài {number}\n\n{body}", encoding="utf-8")


def build(project: Path, site: Path, env: dict) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the build and its worker processes) of one `mkdocs build`.

    The CPU time does not depend on what else the machine runs (this one is shared)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        capture_output=True, text=True, cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH, **env},
    )  # fmt: skip
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"build of {project} failed:\n{result.stderr[-3000:]}")
    return round(seconds, 1), round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 1)


def folder_bytes(folder: Path, keep=lambda path: True) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and keep(p))


def same_tree(one: Path, other: Path) -> bool:
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    return files == sorted(p.relative_to(other) for p in other.rglob("*") if p.is_file()) and all(
        (one / f).read_bytes() == (other / f).read_bytes() for f in files
    )


def measure(count: int, photo_paths: list[Path], jobs: int, skip_optimize: bool, keep: Path | None) -> dict:
    work = Path(tempfile.mkdtemp(prefix=f"bench-images-{count}-", dir=keep))
    row: dict = {"photos": count, "originals_mb": round(folder_bytes(PHOTOS, lambda p: p in set(photo_paths)) / 1e6, 1)}
    try:
        project = work / "ours"
        our_project(project, photo_paths)
        env = {"NEWSROOM_IMAGE_CACHE": str(work / "ours-cache"), "NEWSROOM_JOBS": str(jobs), "NEWSROOM_ADMIN_PACKAGES": str(ROOT / ".cache" / "admin")}
        row["load_average"] = round(os.getloadavg()[0], 1)
        row["ours_cold_s"], row["ours_cold_cpu_s"] = build(project, work / "ours-cold", env)
        print(f"  ours, cold: {row['ours_cold_s']} s ({row['ours_cold_cpu_s']} s of CPU; load average {row['load_average']})", flush=True)
        row["ours_warm_s"], row["ours_warm_cpu_s"] = build(project, work / "ours-warm", env)
        row["ours_warm_identical"] = same_tree(work / "ours-cold", work / "ours-warm")
        made = folder_bytes(work / "ours-cold", lambda p: bool(VARIANT.search(p.name)) and p.name.startswith("anh-"))
        row["ours_kb_per_photo"] = round(made / count / 1000, 1)
        row["ours_site_mb"] = round(folder_bytes(work / "ours-cold") / 1e6, 1)
        print(f"  ours, warm: {row['ours_warm_s']} s ({row['ours_warm_cpu_s']} s of CPU; identical to cold: {row['ours_warm_identical']}); "
              f"{row['ours_kb_per_photo']} KB per photo, site {row['ours_site_mb']} MB", flush=True)  # fmt: skip
        shutil.rmtree(work / "ours-warm")
        if not skip_optimize:
            material = work / "optimize"
            optimize_project(material, photo_paths)
            row["optimize_cold_s"], row["optimize_cold_cpu_s"] = build(material, work / "optimize-cold", {})
            row["optimize_warm_s"], row["optimize_warm_cpu_s"] = build(material, work / "optimize-warm", {})
            pictures = folder_bytes(work / "optimize-cold" / "anh")
            row["optimize_kb_per_photo"] = round(pictures / count / 1000, 1)
            row["optimize_site_mb"] = round(folder_bytes(work / "optimize-cold") / 1e6, 1)
            exif_left = sum(1 for p in (work / "optimize-cold" / "anh").iterdir() if b"F2LXK0ABCDEF" in p.read_bytes())
            row["optimize_files_with_serial_number"] = exif_left
            print(f"  optimize: cold {row['optimize_cold_s']} s ({row['optimize_cold_cpu_s']} s of CPU), warm {row['optimize_warm_s']} s; "
                  f"{row['optimize_kb_per_photo']} KB per photo, site {row['optimize_site_mb']} MB; "
                  f"{exif_left} files still carry the camera's serial number", flush=True)  # fmt: skip
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return row


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000])
    parser.add_argument("--heic-every", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--skip-optimize", action="store_true")
    parser.add_argument("--keep", type=Path, help="keep the projects and sites in this folder")
    parser.add_argument("--page", action="store_true", help="measure a post with five photos in Chromium and Lighthouse")
    args = parser.parse_args(argv)
    if args.page:
        from images_page import measure_page

        figures = measure_page(photos(5, 0, args.jobs))
        _save("page", figures)
        return 0
    rows = []
    paths = photos(max(args.sizes), args.heic_every, args.jobs)
    for count in args.sizes:
        print(f"site of {count} photos ({count // 5} posts):", flush=True)
        rows.append(measure(count, paths[:count], args.jobs, args.skip_optimize, args.keep))
        _save("sites", rows)
    return 0


def _save(key: str, value) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "images.json"
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    data[key] = value
    data["cpus"] = os.cpu_count()
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
