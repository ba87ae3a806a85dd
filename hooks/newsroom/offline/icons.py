"""The app icons, made from the site's logo (a square raster file in docs/) with Pillow.

"any" icons are the logo itself, reduced; the "maskable" icon puts the logo at 80% on a square of
the logo's own corner colour, so that a phone cutting it to a circle or a rounded square keeps
the whole logo (the safe zone of a maskable icon is the centre circle of 80% diameter).
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

SIZES = (192, 512)
APPLE_SIZE = 180  # iOS home screen; it ignores the manifest's icons
MASKABLE_SIZE = 512
MASKABLE_SHARE = 0.8


def icon_path(size: int, purpose: str = "any") -> str:
    suffix = "-maskable" if purpose == "maskable" else ""
    return f"assets/images/icon-{size}{suffix}.png"


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def icon_files(logo: Path) -> dict[str, bytes]:
    """Site-relative path -> PNG bytes of every icon the manifest and the pages name."""
    with Image.open(logo) as source:
        source.load()
        if source.width != source.height or source.width < max(SIZES):
            raise ValueError(f"{logo.name}: biểu trưng (logo) phải là ảnh vuông, ít nhất {max(SIZES)}×{max(SIZES)} điểm ảnh; ảnh này {source.width}×{source.height}")
        logo_image = source.convert("RGBA")
    files = {icon_path(size): _png(logo_image.resize((size, size), Image.LANCZOS)) for size in SIZES}
    files[icon_path(APPLE_SIZE)] = _png(logo_image.resize((APPLE_SIZE, APPLE_SIZE), Image.LANCZOS).convert("RGB"))
    inner = round(MASKABLE_SIZE * MASKABLE_SHARE)
    canvas = Image.new("RGBA", (MASKABLE_SIZE, MASKABLE_SIZE), logo_image.getpixel((0, 0)))
    offset = (MASKABLE_SIZE - inner) // 2
    canvas.alpha_composite(logo_image.resize((inner, inner), Image.LANCZOS), (offset, offset))
    files[icon_path(MASKABLE_SIZE, "maskable")] = _png(canvas)
    return files


def manifest_icons() -> list[dict[str, str]]:
    icons = [{"src": icon_path(size), "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any"} for size in SIZES]
    icons.append({"src": icon_path(MASKABLE_SIZE, "maskable"), "sizes": f"{MASKABLE_SIZE}x{MASKABLE_SIZE}", "type": "image/png", "purpose": "maskable"})
    return icons
