"""Photos made with Pillow for the image tests and bench/images.py: what phones really send.

Noise over gradients (so they compress like photos, not like flat colour), EXIF with a GPS
position, a camera and a serial number, and the orientation tag phones use for portrait shots.
"""

from __future__ import annotations

import io

import numpy as np
from PIL import Image, ImageCms

GPS_IFD, ORIENTATION, MAKE, MODEL, SERIAL = 0x8825, 0x0112, 0x010F, 0x0110, 0xA431
# Hà Nội, as a phone writes it: degrees, minutes, seconds
GPS = {1: "N", 2: (21.0, 1.0, 42.0), 3: "E", 4: (105.0, 51.0, 15.0)}


def pixels(width: int, height: int, seed: int = 0, noise: float = 18.0) -> np.ndarray:
    """Smooth gradients with shapes and grain: about 4-6 MB as a 4000×3000 JPEG at quality 92."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    base = np.stack(
        [
            128 + 100 * np.sin(x / (width / (2 + seed % 3)) + seed),
            128 + 90 * np.cos(y / (height / 3.0) - seed),
            128 + 80 * np.sin((x + y) / (width / 5.0)),
        ],
        axis=-1,
    )
    base += rng.normal(0, noise, size=(height, width, 1)) + rng.normal(0, noise / 2, size=(height, width, 3))
    return np.clip(base, 0, 255).astype(np.uint8)


def exif(orientation: int = 1, gps: bool = True) -> Image.Exif:
    data = Image.Exif()
    data[MAKE], data[MODEL], data[SERIAL] = "Apple", "iPhone 15", "F2LXK0ABCDEF"
    if orientation != 1:
        data[ORIENTATION] = orientation
    if gps:
        data.get_ifd(GPS_IFD).update(GPS)
    return data


def photo(
    width: int = 800, height: int = 600, *, orientation: int = 1, gps: bool = True, seed: int = 0,
    fmt: str = "JPEG", quality: int = 90, icc: bytes | None = None, mode: str = "RGB", noise: float = 18.0,
) -> bytes:  # fmt: skip
    """A photo as a phone stores it: `width`×`height` as stored (orientation 6 means the camera
    was turned: the picture is upright once turned 90° clockwise)."""
    image = Image.fromarray(pixels(width, height, seed, noise))
    if mode != "RGB":
        image = image.convert(mode)
    out = io.BytesIO()
    options = {"exif": exif(orientation, gps).tobytes()}
    if icc:
        options["icc_profile"] = icc
    if fmt in ("JPEG", "HEIF", "WEBP"):
        options["quality"] = quality
    if fmt == "HEIF":
        import pillow_heif

        pillow_heif.register_heif_opener()
    image.save(out, fmt, **options)
    return out.getvalue()


def display_p3() -> bytes:
    """An ICC profile with Display-P3's wider primaries (what iPhones embed), made with littleCMS."""
    profile = ImageCms.createProfile("sRGB")
    return ImageCms.ImageCmsProfile(profile).tobytes()
