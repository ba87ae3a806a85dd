"""Photos made with Pillow for the image tests and bench/images.py: what phones really send.

Noise over gradients (so they compress like photos, not like flat colour), EXIF with a GPS
position, a camera and a serial number, and the orientation tag phones use for portrait shots.
"""

from __future__ import annotations

import io
import struct

import numpy as np
from PIL import Image

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


def scene(width: int, height: int, seed: int = 0) -> np.ndarray:
    """A photo-like picture for the benchmark: gradients (sky, light), smooth areas and areas of
    detail at every scale (grain, texture, shapes), mostly in brightness as in real photos.
    A 4000×3000 one is 4-6 MB as a JPEG at quality 95, like a phone's."""
    rng = np.random.default_rng(seed)
    out = np.zeros((height, width, 3), np.float32)
    for level, amplitude in ((64, 50), (12, 18), (3, 9), (1, 8)):
        shape = (max(1, height // level), max(1, width // level))
        grey = rng.standard_normal((*shape, 1), dtype=np.float32) * np.ones(3, np.float32)
        layer = grey + (0.35 if level >= 12 else 0.1) * rng.standard_normal((*shape, 3), dtype=np.float32)
        if level > 1:
            layer = np.stack([np.asarray(Image.fromarray(layer[..., c]).resize((width, height), Image.BICUBIC)) for c in range(3)], -1)
        out += amplitude * layer
    coarse = rng.standard_normal((height // 250 + 1, width // 250 + 1), dtype=np.float32)
    mask = 1 / (1 + np.exp(-3 * np.asarray(Image.fromarray(coarse).resize((width, height), Image.BICUBIC))))
    out *= (0.15 + 0.85 * mask)[..., None]  # detail in some areas, smooth in others
    y = np.linspace(0, 1, height, dtype=np.float32)[:, None, None]
    x = np.linspace(0, 1, width, dtype=np.float32)[None, :, None]
    out += 110 + 60 * y * np.array([1.0, 0.8, 0.5], np.float32) + 40 * x * np.array([0.3, 0.6, 1.0], np.float32)
    return np.clip(out, 0, 255).astype(np.uint8)


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


def s15(v: float) -> bytes:
    return struct.pack(">i", round(v * 65536))

def display_p3() -> bytes:
    """An ICC v2 matrix/TRC profile with Display-P3's primaries (D50-adapted, as Apple's), gamma 2.2:
    what iPhone photos embed, written by hand since littleCMS through Pillow makes only sRGB."""
    def xyz(x, y, z): return b"XYZ " + b"\0" * 4 + s15(x) + s15(y) + s15(z)
    curv = b"curv" + b"\0" * 4 + struct.pack(">I", 1) + struct.pack(">H", round(2.2 * 256)) + b"\0\0"
    text = b"Display P3 (test)"
    desc = b"desc" + b"\0" * 4 + struct.pack(">I", len(text) + 1) + text + b"\0" + b"\0" * 4 + b"\0" * 4 + b"\0" * 2 + b"\0" + b"\0" * 67
    cprt = b"text" + b"\0" * 4 + b"none\0"
    tags = [(b"desc", desc), (b"wtpt", xyz(0.9642, 1.0, 0.8249)), (b"rXYZ", xyz(0.5151, 0.2412, -0.0011)),
            (b"gXYZ", xyz(0.2920, 0.6922, 0.0419)), (b"bXYZ", xyz(0.1571, 0.0666, 0.7841)),
            (b"rTRC", curv), (b"gTRC", curv), (b"bTRC", curv), (b"cprt", cprt)]
    offset = 128 + 4 + 12 * len(tags)
    table, data = b"", b""
    for sig, body in tags:
        while (offset + len(data)) % 4: data += b"\0"
        table += sig + struct.pack(">II", offset + len(data), len(body))
        data += body
    size = offset + len(data)
    header = struct.pack(">I", size) + b"lcms" + struct.pack(">I", 0x02100000) + b"mntrRGB XYZ " + b"\0" * 12 + b"acsp" + b"APPL" + b"\0" * 4 + b"\0" * 4 + b"\0" * 4 + b"\0" * 8 + struct.pack(">I", 0) + s15(0.9642) + s15(1.0) + s15(0.8249) + b"\0" * 4 + b"\0" * 16 + b"\0" * 28
    assert len(header) == 128, len(header)
    return header + struct.pack(">I", len(tags)) + table + data
