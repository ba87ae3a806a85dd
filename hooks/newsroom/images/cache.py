"""Made pictures kept between builds, one folder per key, so an unchanged photo is never made twice.

The key is a SHA-256 of the original's bytes, the `Settings` and the versions of Pillow, libwebp,
libjpeg, littleCMS and pillow-heif: a new library (which may encode differently) or a changed
setting makes every picture again; nothing else does. An entry is written to a temporary folder
and renamed into place, so a build stopped half-way never leaves a half entry that a later build
would trust. The GitHub workflow keeps the folder (.cache/images) like the Markdown cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

import PIL
from PIL import features

from .process import Made
from .settings import Settings

RECORD = "record.json"


@lru_cache(maxsize=1)
def library_versions() -> str:
    """Every library that decides the bytes written."""
    try:
        import pillow_heif

        heif = f"{pillow_heif.__version__}/{pillow_heif.libheif_version()}"
    except ImportError:  # pragma: no cover
        heif = "-"
    parts = [f"pillow={PIL.__version__}", f"heif={heif}"]
    parts += [f"{name}={features.version(name)}" for name in ("webp", "jpg", "littlecms2", "zlib")]
    return ";".join(parts)


def picture_key(data: bytes, settings: Settings) -> str:
    digest = hashlib.sha256()
    digest.update(settings.key().encode())
    digest.update(b"\0" + library_versions().encode() + b"\0")
    digest.update(data)
    return digest.hexdigest()


class PictureCache:
    """`folder`/<key[:2]>/<key>/ holds an entry's files and its record.json."""

    def __init__(self, folder: Path):
        self.folder = folder

    def entry(self, key: str) -> Path:
        return self.folder / key[:2] / key

    def load(self, key: str) -> dict | None:
        """The record of `key` when its entry is complete, else None."""
        entry = self.entry(key)
        try:
            record = json.loads((entry / RECORD).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not all((entry / item["name"]).is_file() for item in record.get("files", ())):
            return None
        return record

    def store(self, key: str, made: Made) -> dict:
        """Write `made` as the entry of `key` and return its record."""
        record = {
            "width": made.width,
            "height": made.height,
            "notes": list(made.notes),
            "files": [
                {"name": f"{file.role}-{file.width}.{file.suffix}", "role": file.role, "width": file.width, "height": file.height, "bytes": len(file.data)}
                for file in made.files
            ],
        }
        entry = self.entry(key)
        entry.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".new-", dir=entry.parent))
        try:
            for file, item in zip(made.files, record["files"]):
                (staging / item["name"]).write_bytes(file.data)
            (staging / RECORD).write_text(json.dumps(record, sort_keys=True), encoding="utf-8")
            try:
                os.rename(staging, entry)
            except OSError:  # the entry exists: the same photo made meanwhile, or a broken one
                if self.load(key) is None:
                    shutil.rmtree(entry, ignore_errors=True)
                    os.rename(staging, entry)
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)
        return record

    def prune(self, keep: set[str]) -> int:
        """Remove every entry whose key is not in `keep`; the number removed."""
        removed = 0
        if not self.folder.is_dir():
            return 0
        for shard in self.folder.iterdir():
            if not shard.is_dir():
                continue
            for entry in shard.iterdir():
                if entry.name not in keep:
                    shutil.rmtree(entry, ignore_errors=True)
                    removed += 1
        return removed
