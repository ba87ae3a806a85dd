"""Image sizes read from file headers, and where an image written on a page lies in the site.

`image_size` reads only the first bytes of a PNG, GIF, JPEG or WebP file (no imaging library):
it sizes the pictures the pipeline does not make (a file it has no record of).
"""

from __future__ import annotations

import re
import struct
from pathlib import Path
from posixpath import dirname, join, normpath
from typing import Callable, Mapping

Size = tuple[int, int]
_HEADER_BYTES = 64 * 1024  # JPEG puts its size after the EXIF block, which is usually well within this
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


def image_size(path: Path) -> Size | None:
    """(width, height) in pixels from the file header, or None for an unknown or broken file."""
    try:
        with path.open("rb") as file:
            head = file.read(_HEADER_BYTES)
    except OSError:
        return None
    return header_size(head)


def header_size(head: bytes) -> Size | None:
    """(width, height) of a PNG, GIF, JPEG or WebP image from its first bytes."""
    if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR":
        return struct.unpack(">II", head[16:24])
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return struct.unpack("<HH", head[6:10])
    if head.startswith(b"\xff\xd8"):
        return _jpeg_size(head)
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return _webp_size(head)
    return None


def _jpeg_size(head: bytes) -> Size | None:
    at = 2
    while at + 9 < len(head):
        if head[at] != 0xFF:
            return None
        marker = head[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # markers without a length
            at += 2
            continue
        length = struct.unpack(">H", head[at + 2 : at + 4])[0]
        # start-of-frame markers carry the size; C4 (huffman), C8 and CC (arithmetic) are not frames
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", head[at + 5 : at + 9])
            return (width, height) if width and height else None
        at += 2 + length
    return None


def _webp_size(head: bytes) -> Size | None:
    chunk = head[12:16]
    if chunk == b"VP8 " and head[23:26] == b"\x9d\x01\x2a":
        width, height = struct.unpack("<HH", head[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L" and head[20] == 0x2F:
        bits = int.from_bytes(head[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X":
        return int.from_bytes(head[24:27], "little") + 1, int.from_bytes(head[27:30], "little") + 1
    return None


def site_path(page_url: str, src: str) -> str | None:
    """Where `src`, written on the page at `page_url`, points inside the site ("2019/04/x/a.jpg").

    None for external images, data: URIs and paths that leave the site.
    """
    src = src.split("#")[0].split("?")[0]
    if not src or _EXTERNAL.match(src):
        return None
    path = normpath(src.lstrip("/") if src.startswith("/") else join(dirname(page_url), src))
    return None if path.startswith("..") or path == "." else path


class ImageSizes:
    """Image sizes by site path ("2019/04/x/anh.jpg"), each file read once.

    `sources` maps published post files to where they are on disk; other paths are looked up
    in `docs_dir` (the site's static files).
    """

    def __init__(self, sources: Mapping[str, Path], docs_dir: Path | None = None):
        self.sources, self.docs_dir = dict(sources), docs_dir
        self._known: dict[str, Size | None] = {}

    def __call__(self, path: str | None) -> Size | None:
        if not path:
            return None
        if path not in self._known:
            source = self.sources.get(path) or (self.docs_dir / path if self.docs_dir else None)
            self._known[path] = image_size(source) if source else None
        return self._known[path]

    def on_page(self, page_url: str) -> Callable[[str], Size | None]:
        """A `size_of` for `enhance_images`: the size of a `src` written on the page at `page_url`."""
        return lambda src: self(site_path(page_url, src))
