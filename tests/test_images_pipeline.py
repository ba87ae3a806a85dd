"""The image pipeline without MkDocs: what is made of a photo, what is refused, the cache."""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
import pytest
from PIL import Image

from newsroom.images import DEFAULT, Refused, make_picture, make_pictures
from newsroom.images.cache import picture_key
from newsroom.images.problems import refusal_problems
from newsroom.labels import message
from photos import GPS_IFD, display_p3, photo


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def assert_bare(data: bytes) -> None:
    """No EXIF (so no GPS, camera, serial), no XMP, no ICC profile, no comment in a published file."""
    image = opened(data)
    assert not image.getexif(), image.getexif()
    assert not image.getexif().get_ifd(GPS_IFD)
    assert not {"exif", "xmp", "icc_profile", "comment", "XML:com.adobe.xmp"} & set(image.info), image.info
    assert b"Exif" not in data and b"iPhone" not in data and b"F2LXK0ABCDEF" not in data


def test_a_phone_photo_becomes_webp_widths_one_jpeg_and_thumbnails_none_with_metadata():
    made = make_picture(photo(2000, 1500, orientation=1), DEFAULT)
    by_role = {role: [(f.width, f.height) for f in made.files if f.role == role] for role in ("webp", "jpeg", "thumb")}
    assert by_role == {
        "webp": [(480, 360), (720, 540), (1080, 810), (1600, 1200)],
        "jpeg": [(1200, 900)],
        "thumb": [(160, 107), (320, 213), (480, 320)],
    }
    for file in made.files:
        assert_bare(file.data)
        assert opened(file.data).format == ("JPEG" if file.role == "jpeg" else "WEBP")


def test_a_small_picture_is_never_made_larger():
    made = make_picture(photo(600, 400), DEFAULT)
    assert [f.width for f in made.files if f.role == "webp"] == [480, 600]
    assert [f.width for f in made.files if f.role == "jpeg"] == [600]
    assert max(f.width for f in made.files) == 600


def test_a_portrait_shot_with_orientation_6_is_published_upright():
    upright = Image.new("RGB", (600, 800), (20, 90, 200))
    upright.paste((230, 20, 20), (0, 0, 600, 100))  # red along the top of the upright picture
    stored = upright.rotate(90, expand=True)  # how the phone stores it: turned, with orientation 6
    out = io.BytesIO()
    exif = Image.Exif()
    exif[0x0112] = 6
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (21.0, 1.0, 42.0)})
    stored.save(out, "JPEG", exif=exif.tobytes(), quality=95)
    assert stored.size == (800, 600)
    made = make_picture(out.getvalue(), DEFAULT)
    assert (made.width, made.height) == (600, 800)
    for file in made.files:
        image = opened(file.data).convert("RGB")
        if file.role != "thumb":
            assert image.height > image.width, file
            red, _, blue = image.getpixel((image.width // 2, 2))
            assert red > 180 and blue < 80, (file.role, file.width, image.getpixel((image.width // 2, 2)))
        assert_bare(file.data)


def test_heic_from_an_iphone_becomes_webp_and_jpeg():
    made = make_picture(photo(640, 480, fmt="HEIF", quality=60), DEFAULT)
    formats = {opened(f.data).format for f in made.files}
    assert formats == {"WEBP", "JPEG"}
    assert (made.width, made.height) == (640, 480)
    for file in made.files:
        assert_bare(file.data)


@pytest.mark.parametrize("icc, expected", [(None, (40, 200, 60)), ("p3", (0, 205, 0))], ids=["no-profile", "display-p3"])
def test_a_display_p3_photo_is_converted_to_srgb(icc, expected):
    """A Display-P3 green is greener than sRGB's numbers say: converted, it becomes sRGB's most
    saturated green; without a profile the numbers are taken as sRGB and kept."""
    flat = Image.new("RGB", (640, 480), (40, 200, 60))
    made = make_picture(encoded(flat, "JPEG", quality=98, **({"icc_profile": display_p3()} if icc else {})), DEFAULT)
    for file in made.files:
        shown = opened(file.data).convert("RGB").getpixel((100, 100))
        assert all(abs(a - b) <= 4 for a, b in zip(shown, expected)), (file.role, file.width, shown)
        assert "icc_profile" not in opened(file.data).info


def test_a_profile_is_applied_then_dropped():
    """An embedded ICC profile converts the pixels (here a greyscale profile on an RGB-looking
    file would be wrong, so use littleCMS's own sRGB): the published file carries none."""
    from PIL import ImageCms

    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    made = make_picture(photo(640, 480, icc=srgb), DEFAULT)
    assert "profile" in made.notes
    assert all("icc_profile" not in opened(f.data).info for f in made.files)


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims `width`×`height` (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 100)) + chunk(b"IEND", b"")


def encoded(image: Image.Image, fmt: str, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def refusal(data: bytes) -> Refused:
    with pytest.raises(Refused) as caught:
        make_picture(data, DEFAULT)
    return caught.value


def test_bad_pictures_are_refused_with_their_message():
    assert refusal(b"\xff\xd8\xff\xe0 not really a photo" * 10).kind == "image_undecodable"
    whole = photo(800, 600)
    assert refusal(whole[: len(whole) // 2]).kind == "image_truncated"
    bomb = refusal(png_claiming(30_000, 30_000))
    assert (bomb.kind, bomb.values) == ("image_bomb", {"limit": 100})
    what, fix = message(bomb.kind, value="anh.png", **bomb.values)
    assert "100 megapixel" in what and "anh.png" in what and fix


def test_a_picture_over_the_limit_that_is_not_a_jpeg_is_refused_with_its_size():
    large = encoded(Image.new("L", (11_000, 10_000), 128), "PNG", compress_level=1)
    refused = refusal(large)
    assert refused.kind == "image_too_large"
    assert refused.values == {"megapixels": 110, "width": 11_000, "height": 10_000, "limit": 100}
    what, _ = message(refused.kind, value="to.png", **refused.values)
    assert what == 'ảnh "to.png" có 110 megapixel (11000×10000), vượt giới hạn 100 megapixel cho ảnh không phải JPEG'


def test_a_200_megapixel_jpeg_is_made_at_reduced_scale():
    big = Image.new("L", (16_320, 12_240), 100)
    big.paste(200, (0, 0, 16_320, 1_000))
    made = make_picture(encoded(big, "JPEG", quality=70), DEFAULT)
    assert "reduced" in made.notes
    assert max(f.width for f in made.files) == 1600
    top = opened(next(f.data for f in made.files if f.width == 1600 and f.role == "webp")).convert("L")
    assert top.getpixel((800, 5)) > 180 and top.getpixel((800, 1000)) < 120


def test_a_cmyk_jpeg_is_published_in_rgb():
    cmyk = Image.new("CMYK", (400, 300), (0, 255, 255, 0))  # printers' red
    made = make_picture(encoded(cmyk, "JPEG"), DEFAULT)
    assert "cmyk" in made.notes
    image = opened(made.files[0].data)
    assert image.mode == "RGB"
    red, green, blue = image.getpixel((200, 150))
    assert red > 200 and green < 60 and blue < 60


def test_a_16_bit_png_is_scaled_to_8_bits_not_clipped_white():
    ramp = np.tile(np.linspace(0, 65535, 400).astype(np.uint16), (300, 1))
    made = make_picture(encoded(Image.fromarray(ramp), "PNG"), DEFAULT)
    assert "16-bit" in made.notes
    image = opened(made.files[0].data).convert("L")
    left, middle, right = (image.getpixel((x, 150)) for x in (5, image.width // 2, image.width - 5))
    assert left < 20 and 100 < middle < 160 and right > 235


def test_an_animated_gif_keeps_its_first_frame():
    frames = [Image.new("P", (200, 100), 0), Image.new("P", (200, 100), 1)]
    for frame in frames:
        frame.putpalette([230, 20, 20, 20, 20, 230] + [0] * 762)
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=200, loop=0)
    made = make_picture(out.getvalue(), DEFAULT)
    assert "animation" in made.notes
    for file in made.files:
        image = opened(file.data)
        assert getattr(image, "n_frames", 1) == 1
        red, _, blue = image.convert("RGB").getpixel((image.width // 2, image.height // 2))
        assert red > 180 and blue < 80


def test_transparency_is_kept_in_webp_and_flattened_on_white_in_the_jpeg():
    logo = Image.new("RGBA", (300, 300), (0, 0, 0, 0))
    logo.paste((200, 0, 0, 255), (100, 100, 200, 200))
    made = make_picture(encoded(logo, "PNG"), DEFAULT)
    webp = opened(next(f.data for f in made.files if f.role == "webp"))
    jpeg = opened(next(f.data for f in made.files if f.role == "jpeg"))
    assert webp.mode == "RGBA" and webp.getpixel((5, 5))[3] == 0
    assert jpeg.mode == "RGB" and min(jpeg.getpixel((5, 5))) > 245


def test_the_cache_gives_the_same_files_and_makes_nothing_twice(tmp_path):
    (tmp_path / "a.jpg").write_bytes(photo(900, 600, orientation=6, seed=1))
    (tmp_path / "b.png").write_bytes(encoded(Image.new("RGB", (500, 500), (10, 200, 30)), "PNG"))
    sources = {"2025/05/x/a.jpg": tmp_path / "a.jpg", "assets/b.png": tmp_path / "b.png", "2025/06/y/a.jpg": tmp_path / "a.jpg"}
    cold = make_pictures(sources, tmp_path / "cache", jobs=2)
    files = {path: file.read_bytes() for path, file in cold.files.items()}
    warm = make_pictures(sources, tmp_path / "cache", jobs=1)
    other = make_pictures(sources, tmp_path / "other-cache", jobs=1)
    assert (cold.made, warm.made, other.made) == (2, 0, 2)
    assert cold.by_path == warm.by_path == other.by_path
    assert {path: file.read_bytes() for path, file in warm.files.items()} == files
    assert {path: file.read_bytes() for path, file in other.files.items()} == files
    picture = cold.by_path["2025/05/x/a.jpg"]
    assert (picture.width, picture.height) == (600, 900)  # upright
    assert picture.jpeg.path.startswith("2025/05/x/a.") and picture.jpeg.path.endswith(".600.jpg")
    assert cold.by_path["2025/06/y/a.jpg"].jpeg.path.startswith("2025/06/y/a.")


def test_the_key_changes_with_the_bytes_and_the_settings():
    from dataclasses import replace

    data = photo(100, 80)
    assert picture_key(data, DEFAULT) == picture_key(data, DEFAULT)
    assert picture_key(data, DEFAULT) != picture_key(data + b"\0", DEFAULT)
    assert picture_key(data, DEFAULT) != picture_key(data, replace(DEFAULT, jpeg_quality=71))


def test_a_broken_cache_entry_is_made_again(tmp_path):
    (tmp_path / "a.jpg").write_bytes(photo(700, 500))
    first = make_pictures({"a.jpg": tmp_path / "a.jpg"}, tmp_path / "cache")
    victim = first.files[first.by_path["a.jpg"].jpeg.path]
    victim.unlink()
    again = make_pictures({"a.jpg": tmp_path / "a.jpg"}, tmp_path / "cache")
    assert again.made == 1 and victim.is_file()


def test_unused_entries_are_pruned(tmp_path):
    for name, seed in (("a.jpg", 1), ("b.jpg", 2)):
        (tmp_path / name).write_bytes(photo(500, 400, seed=seed))
    both = make_pictures({"a.jpg": tmp_path / "a.jpg", "b.jpg": tmp_path / "b.jpg"}, tmp_path / "cache")
    make_pictures({"a.jpg": tmp_path / "a.jpg"}, tmp_path / "cache", prune=True)
    entries = {p.name for p in (tmp_path / "cache").glob("*/*")}
    assert len(both.keys) == 2 and entries == {next(k for k in both.keys if k in entries)} and len(entries) == 1


def test_a_refused_picture_is_named_by_the_post_and_line_that_show_it(tmp_path):
    from helpers import make_post
    from newsroom.model import Attachment

    bad = tmp_path / "posts/2025/05/hong.jpg"
    bad.parent.mkdir(parents=True)
    bad.write_bytes(b"not a photo")
    post_file = tmp_path / "posts/2025/05/tin.md"
    post_file.write_text("---\ntitle: Tin\n---\n\nĐoạn một.\n\n![Ảnh hỏng](hong.jpg)\n", encoding="utf-8")
    post = make_post("tin", source=post_file, assets=(Attachment("hong.jpg", "2025/05/tin/hong.jpg", bad),))
    pictures = make_pictures({"2025/05/tin/hong.jpg": bad}, tmp_path / "cache")
    (problem,) = refusal_problems(pictures.refused, [post], tmp_path)
    assert str(problem) == (
        'posts/2025/05/tin.md:7: nội dung: ảnh "hong.jpg" không đọc được: tệp hỏng hoặc không phải ảnh dù mang đuôi ảnh'
        " -> mở ảnh trên máy; nếu xem được thì lưu lại thành JPEG (Lưu thành... → JPEG), nếu không thì chép lại ảnh gốc từ điện thoại hoặc máy ảnh"
    )
