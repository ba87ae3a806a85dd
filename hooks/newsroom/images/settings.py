"""What the pipeline makes of every picture: widths, qualities, limits. Part of every cache key.

The figures are measured, not guessed (bench/images.py, README "Photos"): a 4000×3000 phone photo
of 4.8 MB becomes about 380 KB for all its files together, and a phone at 390 px fetches only the
480 px WebP (about 25-35 KB).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

# Raised whenever what the pipeline writes changes for the same settings (a bug fixed, a step
# added): old cache entries are then never used again.
PIPELINE_VERSION = 1
# Every file a page shows, by suffix (what inert.py accepts as an image kind).
PICTURE_SUFFIXES = (".jpg", ".jpeg", ".jpe", ".png", ".webp", ".gif", ".avif", ".heic", ".heif")


@dataclass(frozen=True)
class Settings:
    """Widths are upright widths in pixels; a picture is never made larger than it is."""

    # WebP in the `srcset` of every picture: a phone at 390 px (1x) takes 480, at 2x-3x 1080,
    # Material's content column on a desktop (about 700 px) takes 720 or 1600 on a retina screen.
    # The widest is at most 1600 px on its long side (a portrait photo's is 1200×1600).
    widths: tuple[int, ...] = (480, 720, 1080, 1600)
    # WebP quality of each width above: the wide files are only taken by screens of 2-3 device
    # pixels per CSS pixel, where each artefact is a half or a third as large to the eye, so
    # they are compressed harder (the "compressive images" practice); 480 is what 1x phones see.
    webp_qualities: tuple[int, ...] = (66, 62, 56, 50)
    # The one JPEG: the `<img src>` of browsers without WebP, and the Open Graph / JSON-LD
    # image (Zalo and Facebook read JPEG or PNG; 1200 px is what both ask for), on its long side.
    jpeg_width: int = 1200
    jpeg_quality: int = 60
    # Thumbnails where readers scan (lists, related news, search): cropped to 3:2 from the centre,
    # shown 120 px wide on phones and 200 px on desktops, so 160/320/480 cover 1x to 3x screens.
    thumb_widths: tuple[int, ...] = (160, 320, 480)
    thumb_aspect: tuple[int, int] = (3, 2)
    thumb_quality: int = 60
    # Pillow's Image.MAX_IMAGE_PIXELS, set on purpose: no picture is decoded at more than 100
    # million pixels (about 400 MB of memory per worker). Pillow itself refuses a file that claims
    # more than twice this (a decompression bomb); a JPEG up to that size (a 200-megapixel phone
    # photo) is decoded at 1/2 to 1/8 scale by libjpeg (`draft`), within the limit.
    max_pixels: int = 100_000_000

    def webp_quality(self, width: int) -> int:
        """The quality of the narrowest of `widths` at least `width` wide (a small photo's own width)."""
        return next((q for w, q in zip(self.widths, self.webp_qualities) if width <= w), self.webp_qualities[-1])

    def key(self) -> str:
        """The settings as text for the cache key: any change makes every picture again."""
        return json.dumps({**asdict(self), "pipeline": PIPELINE_VERSION}, sort_keys=True)


DEFAULT = Settings()
