"""Every picture of the site made on every core: originals in, `Pictures` (what to publish) out.

`make_pictures(sources, settings, cache_folder, jobs)` takes the pictures the site shows by their
site path ("2025/05/x/anh.jpg" -> the file on disk) and gives, for each, a `Picture`: its WebP
widths, its JPEG and its thumbnails, each with the site path it is published at, named
`<name>.<key>.<width>.webp` (the key changes with the photo's bytes and the settings, so a
browser or a CDN never keeps an old photo under a new one's name). The original is never
published. Pictures that cannot be published are returned in `refused`, with their message kind;
the caller names the posts that show them and stops the build.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Mapping

from .cache import PictureCache, picture_key
from .process import Refused, make_picture
from .settings import DEFAULT, Settings

KEY_LENGTH = 10  # hex digits of the key in file names: a collision needs about a million photos


@dataclass(frozen=True)
class Variant:
    """One published file of a picture."""

    path: str  # site path ("2025/05/x/anh.3f9a2c1d07.480.webp")
    width: int
    height: int
    bytes: int


@dataclass(frozen=True)
class Picture:
    """What the site publishes for one original picture (which it never publishes)."""

    path: str  # site path of the original, as pages write it
    width: int  # upright size of the largest published file: the <img> width/height
    height: int
    webp: tuple[Variant, ...]  # narrowest first
    jpeg: Variant  # the fallback <img src>, and the Open Graph / JSON-LD image
    thumbs: tuple[Variant, ...]  # cropped to Settings.thumb_aspect, narrowest first
    notes: tuple[str, ...] = ()

    @property
    def largest(self) -> Variant:
        return self.webp[-1]

    @property
    def variants(self) -> tuple[Variant, ...]:
        return (*self.webp, self.jpeg, *self.thumbs)


@dataclass(frozen=True)
class Pictures:
    by_path: dict[str, Picture] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)  # each published site path -> its file in the cache
    refused: dict[Path, Refused] = field(default_factory=dict)  # original on disk -> why
    made: int = 0  # pictures made in this build (the rest came from the cache)
    keys: frozenset[str] = frozenset()

    def get(self, path: str | None) -> Picture | None:
        return self.by_path.get(path) if path else None


def make_pictures(
    sources: Mapping[str, Path], cache_folder: Path, settings: Settings = DEFAULT, jobs: int = 1, prune: bool = False
) -> Pictures:
    """Make (or take from the cache) every picture of `sources`; `prune` removes unused entries."""
    cache = PictureCache(cache_folder)
    originals = sorted(set(sources.values()))
    results = _run([(path, settings, cache.folder) for path in originals], jobs)
    by_source: dict[Path, tuple[str, dict]] = {}
    refused: dict[Path, Refused] = {}
    made = 0
    for path, (key, outcome, fresh) in zip(originals, results):
        if isinstance(outcome, Refused):
            refused[path] = outcome
        else:
            by_source[path] = (key, outcome)
            made += fresh
    by_path, files = {}, {}
    for site_path, source in sorted(sources.items()):
        if source not in by_source:
            continue
        key, record = by_source[source]
        picture, published = _picture(site_path, key, record, cache.entry(key))
        by_path[site_path] = picture
        files.update(published)
    keys = frozenset(key for key, _ in by_source.values())
    if prune and not refused:
        cache.prune(set(keys))
    return Pictures(by_path, files, refused, made, keys)


def _picture(site_path: str, key: str, record: dict, entry: Path) -> tuple[Picture, dict[str, Path]]:
    original = PurePosixPath(site_path)
    stem = original.stem
    variants: dict[str, list[Variant]] = {"webp": [], "jpeg": [], "thumb": []}
    files = {}
    for item in record["files"]:
        width = f"t{item['width']}" if item["role"] == "thumb" else str(item["width"])
        name = f"{stem}.{key[:KEY_LENGTH]}.{width}.{item['name'].rsplit('.', 1)[1]}"
        path = str(original.parent / name) if str(original.parent) != "." else name
        variants[item["role"]].append(Variant(path, item["width"], item["height"], item["bytes"]))
        files[path] = entry / item["name"]
    webp = tuple(sorted(variants["webp"], key=lambda v: v.width))
    largest = webp[-1]
    picture = Picture(
        site_path, largest.width, largest.height, webp, variants["jpeg"][0],
        tuple(sorted(variants["thumb"], key=lambda v: v.width)), tuple(record.get("notes", ())),
    )  # fmt: skip
    return picture, files


def _run(tasks: list[tuple], jobs: int) -> list:
    jobs = min(jobs, len(tasks))
    if jobs <= 1:
        return [_make_one(*task) for task in tasks]
    # fork: the workers start at once with the package already imported (no thread runs yet
    # in the build at this point); spawn where fork does not exist
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method)) as pool:
        return list(pool.map(_make_one, *zip(*tasks), chunksize=1))


def _make_one(source: Path, settings: Settings, folder: Path) -> tuple[str, dict | Refused, bool]:
    """(key, record or Refused, made now): one picture, from the cache when it is there."""
    try:
        data = source.read_bytes()
    except OSError as error:
        return "", Refused("image_unreadable", error=error.strerror or str(error)), False
    cache = PictureCache(folder)
    key = picture_key(data, settings)
    record = cache.load(key)
    if record is not None:
        return key, record, False
    try:
        made = make_picture(data, settings)
    except Refused as refusal:
        return key, refusal, False
    except MemoryError:
        return key, Refused("image_too_large", megapixels="?", width="?", height="?", limit=settings.max_pixels // 1_000_000), False
    return key, cache.store(key, made), True


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
