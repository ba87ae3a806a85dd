"""One picture in, its published files out: decode -> orient -> sRGB -> resize -> encode.

Pure apart from Pillow: bytes and `Settings` in, `Made` (the encoded files and their sizes) out,
or `Refused` with a message kind of labels.py. Nothing of the original survives but its pixels:
no EXIF (GPS position, camera, serial number, date), no XMP, no ICC profile, no comment. The
pixels are converted to sRGB first, so a file without a profile (what browsers assume is sRGB)
shows the colours the phone saw.

Inputs handled, on purpose (README "Ảnh"):
- EXIF orientation (portrait phone photos stored sideways): applied, the file published upright.
- Display-P3, Adobe RGB or any embedded ICC profile: converted to sRGB (perceptual intent); a
  profile littleCMS cannot read is ignored (the pixels taken as sRGB).
- CMYK JPEG (printers' files): converted through its profile, else Pillow's plain conversion.
- 16-bit PNG: scaled to 8 bits (the top byte), not clipped.
- Transparency (a logo): kept in WebP, flattened on white in the JPEG.
- Animated GIF/WebP: the first frame only. A news photo is a still; an animation would be
  published as a picture that moves in lists and costs many times the bytes.
- HEIC/HEIF (iPhones), AVIF: decoded (pillow-heif), published as WebP and JPEG like the rest.
- A JPEG larger than the pixel limit (a 200-megapixel photo): decoded at reduced scale, as every
  JPEG much wider than the widest file published is.
Refused: a file that cannot be decoded, a truncated one, a decompression bomb (claims more than
twice the limit), any other picture over the limit.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from .settings import Settings

try:  # HEIC and HEIF from iPhones; AVIF Pillow reads itself
    import pillow_heif

    pillow_heif.register_heif_opener()
except ImportError:  # pragma: no cover - pinned in requirements.txt
    pillow_heif = None

Image.MAX_IMAGE_PIXELS = Settings().max_pixels
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
_WHITE = (255, 255, 255)


class Refused(Exception):
    """A picture that cannot be published: `kind` names its message in labels.py."""

    def __init__(self, kind: str, **values: object):
        super().__init__(kind)
        self.kind, self.values = kind, values

    def __reduce__(self):  # from the worker processes: the values must travel too
        return _refused, (self.kind, self.values)


def _refused(kind: str, values: dict) -> Refused:
    return Refused(kind, **values)


@dataclass(frozen=True)
class File:
    role: str  # "webp", "jpeg" or "thumb"
    width: int
    height: int
    data: bytes

    @property
    def suffix(self) -> str:
        return "jpg" if self.role == "jpeg" else "webp"


@dataclass(frozen=True)
class Made:
    width: int  # of the upright picture as decoded
    height: int
    files: tuple[File, ...]
    notes: tuple[str, ...] = ()  # what was done on purpose ("animation", "cmyk", "reduced"...)


def make_picture(data: bytes, settings: Settings) -> Made:
    """Every file of the picture in `data` (the bytes of the original), or raise Refused."""
    notes: list[str] = []
    image = _decode(data, settings, notes)
    image = _upright_srgb(image, notes)
    width, height = image.size
    # the widest file is at most max(widths) on its long side: a portrait photo's is 1200×1600, not
    # 1600×2133 (no screen shows a portrait wider than the content column, 760 px)
    widest = _fit(width, height, max(settings.widths))
    largest = _resized(image, widest)
    files = [_webp(_resized(largest, w), settings.webp_quality(w), "webp") for w in _widths(settings.widths, widest)]
    jpeg = _resized(largest, _fit(width, height, settings.jpeg_width))  # 1200 px on its long side
    files.append(File("jpeg", jpeg.width, jpeg.height, _encode_jpeg(jpeg, settings.jpeg_quality)))
    crop = _crop(largest if largest.width >= max(settings.thumb_widths) else image, settings.thumb_aspect)
    files += [_webp(_resized(crop, w), settings.thumb_quality, "thumb") for w in _widths(settings.thumb_widths, crop.width)]
    return Made(width, height, tuple(files), tuple(notes))


def _fit(width: int, height: int, side: int) -> int:
    """The width at which the picture's long side is at most `side` (never more than its own)."""
    return min(width, side if width >= height else max(1, width * side // height))


def _widths(wanted: tuple[int, ...], width: int) -> list[int]:
    """`wanted` widths, those larger than the picture replaced by its own width (never upscaled),
    without one less than a fifth narrower than the next (a portrait's 1080 beside its 1200):
    it would save a browser few bytes and cost the site a whole file."""
    found = sorted({min(w, width) for w in wanted})
    return [w for w, wider in zip(found, [*found[1:], None]) if wider is None or wider >= w * 1.25]


def _decode(data: bytes, settings: Settings, notes: list[str]) -> Image.Image:
    with warnings.catch_warnings():
        # over the limit but under twice it: Pillow only warns; the size is checked below
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
        except Image.DecompressionBombError:
            raise Refused("image_bomb", limit=settings.max_pixels // 1_000_000) from None
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError):
            raise Refused("image_undecodable") from None
    width, height = image.size
    megapixels = round(width * height / 1_000_000)
    if image.format == "JPEG":
        # libjpeg decodes at 1/2, 1/4 or 1/8 scale, the smallest that keeps the upright width at
        # least the largest published one: a 4000 px photo is decoded at 2000 px (twice as fast,
        # a quarter of the memory), a 200-megapixel one within the pixel limit
        need = max(settings.widths)
        turned = image.getexif().get(0x0112, 1) in (5, 6, 7, 8)  # the stored height is the upright width
        image.draft(image.mode, (1, need) if turned else (need, 1))
        if image.size != (width, height):
            notes.append("reduced")
    if image.size[0] * image.size[1] > settings.max_pixels:
        raise Refused("image_too_large", megapixels=megapixels, width=width, height=height, limit=settings.max_pixels // 1_000_000)
    if getattr(image, "n_frames", 1) > 1:
        notes.append("animation")  # the first frame, which is the one open() gives
    try:
        image.load()
    except Image.DecompressionBombError:
        raise Refused("image_bomb", limit=settings.max_pixels // 1_000_000) from None
    except (OSError, ValueError, SyntaxError, EOFError) as error:
        raise Refused("image_truncated" if "truncated" in str(error) or isinstance(error, EOFError) else "image_undecodable") from None
    return image


def _upright_srgb(image: Image.Image, notes: list[str]) -> Image.Image:
    """The picture turned upright, in 8-bit sRGB (with alpha when it has transparency), bare."""
    exif = image.getexif()
    image = ImageOps.exif_transpose(image) or image
    if exif.get(0x0112, 1) != 1:
        notes.append("oriented")
    icc = image.info.get("icc_profile")
    if image.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I"):
        image = _eight_bits(image)
        notes.append("16-bit")
    if image.mode == "CMYK":
        notes.append("cmyk")
    if image.mode in ("P", "PA", "LA", "La", "1") or (image.mode == "L" and "transparency" in image.info):
        image = image.convert("RGBA")
    elif image.mode not in ("RGB", "RGBA", "CMYK", "L"):
        image = image.convert("RGB")
    if icc:
        image = _to_srgb(image, icc, notes)
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGB")
    if image.mode == "RGBA" and image.getchannel("A").getextrema()[0] == 255:
        image = image.convert("RGB")  # fully opaque: an alpha channel would only cost bytes
    image.info = {}  # nothing of the original's metadata is carried into what is saved
    return image


def _eight_bits(image: Image.Image) -> Image.Image:
    # Pillow's convert("L") clips 16-bit values at 255 (a white picture); scale them instead
    top = 65535 if image.mode.startswith("I;16") else max(image.getextrema()[1], 1)
    return image.point(lambda value: value * 255 / top).convert("L") if image.mode == "I" else image.point(lambda value: value / 256, "L")


def _to_srgb(image: Image.Image, icc: bytes, notes: list[str]) -> Image.Image:
    mode = "RGBA" if image.mode == "RGBA" else "RGB"
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        converted = ImageCms.profileToProfile(image, source, _SRGB, renderingIntent=ImageCms.Intent.PERCEPTUAL, outputMode=mode)
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        notes.append("bad-profile")  # taken as sRGB, which is what most such files are
        return image
    notes.append("profile")
    return converted or image


def _resized(image: Image.Image, width: int) -> Image.Image:
    if width >= image.width:
        return image
    height = max(1, round(image.height * width / image.width))
    return image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)


def _crop(image: Image.Image, aspect: tuple[int, int]) -> Image.Image:
    """The largest centred box of `aspect` inside the picture."""
    width, height = image.size
    box_w, box_h = min(width, height * aspect[0] // aspect[1]), min(height, width * aspect[1] // aspect[0])
    left, top = (width - box_w) // 2, (height - box_h) // 2
    return image.crop((left, top, left + box_w, top + box_h))


def _webp(image: Image.Image, quality: int, role: str) -> File:
    out = io.BytesIO()
    image.save(out, "WEBP", quality=quality, method=4, exif=b"", icc_profile=None, xmp=b"")
    return File(role, image.width, image.height, out.getvalue())


def _encode_jpeg(image: Image.Image, quality: int) -> bytes:
    if image.mode == "RGBA":
        flat = Image.new("RGB", image.size, _WHITE)
        flat.paste(image, mask=image.getchannel("A"))
        image = flat
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=True, progressive=True, subsampling="4:2:0")
    return out.getvalue()
