"""Image sizes from file headers and the rewriting of <img> tags (newsroom.images)."""

from __future__ import annotations

import struct
import zlib

import pytest
from bs4 import BeautifulSoup

from newsroom.images import ImageSizes, enhance_images, header_size, image_size, site_path


def png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\x00\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def jpeg(width: int, height: int, exif: int = 0) -> bytes:
    """Markers as cameras write them: APP1 (EXIF, often large), a quantisation table, then the frame."""
    app1 = b"\xff\xe1" + struct.pack(">H", exif + 2) + b"\x00" * exif if exif else b""
    dqt = b"\xff\xdb" + struct.pack(">H", 67) + b"\x00" * 65
    frame = b"\xff\xc2" + struct.pack(">HBHHB", 17, 8, height, width, 3) + b"\x01\x22\x00" * 3
    return b"\xff\xd8" + app1 + dqt + frame + b"\xff\xd9"


SAMPLES = {
    "png": (png(3, 2), (3, 2)),
    "gif": (b"GIF89a" + struct.pack("<HH", 640, 480) + b"\x00" * 20, (640, 480)),
    "jpeg": (jpeg(1024, 768), (1024, 768)),
    "jpeg-with-exif": (jpeg(4000, 3000, exif=20_000), (4000, 3000)),
    "webp-lossy": (b"RIFF\x00\x00\x00\x00WEBPVP8 \x00\x00\x00\x00\x00\x00\x00\x9d\x01\x2a" + struct.pack("<HH", 800, 600), (800, 600)),
    "webp-lossless": (b"RIFF\x00\x00\x00\x00WEBPVP8L\x00\x00\x00\x00\x2f" + (799 | (599 << 14)).to_bytes(4, "little"), (800, 600)),
    "webp-extended": (b"RIFF\x00\x00\x00\x00WEBPVP8X\x00\x00\x00\x00\x00\x00\x00\x00" + (1919).to_bytes(3, "little") + (1079).to_bytes(3, "little"), (1920, 1080)),
}


@pytest.mark.parametrize("name", SAMPLES)
def test_sizes_from_file_headers(name):
    data, size = SAMPLES[name]
    assert header_size(data) == size


@pytest.mark.parametrize("data", [b"", b"<svg xmlns='http://www.w3.org/2000/svg'/>", b"\xff\xd8\xff\xe0\x00", b"GIF8"], ids=["empty", "svg", "broken-jpeg", "short-gif"])
def test_unknown_or_broken_images_have_no_size(data):
    assert header_size(data) is None


def test_a_file_is_read_from_disk_and_a_missing_one_has_no_size(tmp_path):
    (tmp_path / "a.png").write_bytes(png(5, 4))
    assert image_size(tmp_path / "a.png") == (5, 4)
    assert image_size(tmp_path / "missing.png") is None


@pytest.mark.parametrize(
    "page, src, expected",
    [
        ("2019/04/tin/", "anh.jpg", "2019/04/tin/anh.jpg"),
        ("2019/04/tin/", "../../../assets/a.png", "assets/a.png"),
        ("", "assets/a.png", "assets/a.png"),
        ("2019/04/tin/", "/assets/a.png", "assets/a.png"),
        ("2019/04/tin/", "anh.jpg?v=2#x", "2019/04/tin/anh.jpg"),
        ("2019/04/tin/", "../../../../ra-ngoai.png", None),
        ("2019/04/tin/", "https://cdn.example/a.png", None),
        ("2019/04/tin/", "data:image/png;base64,AAAA", None),
    ],
)
def test_site_path_of_an_image_written_on_a_page(page, src, expected):
    assert site_path(page, src) == expected


def test_an_image_alone_in_its_paragraph_becomes_a_captioned_figure_linked_to_itself():
    html = '<p><img alt="Lễ khai mạc &quot;Tháng Công nhân&quot; &amp; trao quà" src="anh.jpg" /></p>'
    page = BeautifulSoup(enhance_images(html, lambda src: (960, 540)), "html.parser")
    figure = page.select_one("figure.news-figure")
    img = figure.select_one("a[data-news-lightbox] > img")
    assert figure.select_one("a")["href"] == "anh.jpg" == img["src"]
    assert (img["loading"], img["decoding"], img["width"], img["height"]) == ("lazy", "async", "960", "540")
    assert figure.select_one("figcaption").get_text() == 'Lễ khai mạc "Tháng Công nhân" & trao quà' == img["alt"]
    assert page.select_one("p") is None


def test_an_image_inside_text_stays_inline_and_the_authors_attributes_win():
    html = '<p>Xem ảnh <img alt="" src="a.png" width="10" loading="eager"> và <img src="b.png"></p>'
    page = BeautifulSoup(enhance_images(html, lambda src: {"a.png": (1, 1), "b.png": (30, 20)}[src]), "html.parser")
    first, second = page.select("p > img")
    assert page.select_one("figure") is None
    assert (first["width"], first.get("height"), first["loading"]) == ("10", None, "eager")
    assert (second["width"], second["height"], second["loading"]) == ("30", "20", "lazy")


def test_a_figure_without_alt_text_has_no_caption_but_a_named_link():
    page = BeautifulSoup(enhance_images('<p><img src="a.png"></p>', lambda src: None), "html.parser")
    assert page.select_one("figcaption") is None
    assert page.select_one("a")["aria-label"] == "Phóng to ảnh"
    assert not page.select_one("img").has_attr("width")


def test_sizes_are_looked_up_among_post_files_then_in_docs(tmp_path):
    (tmp_path / "docs/assets").mkdir(parents=True)
    (tmp_path / "docs/assets/logo.png").write_bytes(png(7, 3))
    (tmp_path / "anh.png").write_bytes(png(2, 9))
    sizes = ImageSizes({"2019/04/tin/anh.png": tmp_path / "anh.png"}, tmp_path / "docs")
    on_post = sizes.on_page("2019/04/tin/")
    assert on_post("anh.png") == (2, 9)
    assert on_post("../../../assets/logo.png") == (7, 3)
    assert on_post("khong-co.png") is None and sizes(None) is None
