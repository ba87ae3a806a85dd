"""The image pipeline in a real build: what the site publishes, what its pages say, the cache."""

from __future__ import annotations

import io
import json

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from conftest import copy_project, mkdocs_build, post_meta, write_post
from newsroom.images.settings import PICTURE_SUFFIXES
from photos import GPS_IFD, photo

pytestmark = pytest.mark.build
POST = "2025/05/anh-dai-hoi/"


def photo_site(project):
    """A post with a portrait phone photo (orientation 6, GPS) as `image:`, a HEIC and a PNG in its body."""
    copy_project(project, with_posts=False)
    folder = project / "posts/2025/05"
    folder.mkdir(parents=True)
    (folder / "chan-dung.jpg").write_bytes(photo(1600, 1200, orientation=6, seed=3))
    (folder / "iphone.heic").write_bytes(photo(1200, 900, fmt="HEIF", quality=50, seed=4))
    (folder / "bieu-do.jpg").write_bytes(photo(900, 600, seed=5))
    body = "Đại hội khai mạc.\n\n![Đoàn viên dự đại hội](iphone.heic)\n\nBiểu đồ:\n\n![Biểu đồ](bieu-do.jpg)\n\n[Ảnh gốc](bieu-do.jpg)\n"
    write_post(project / "posts", "2025/05/anh-dai-hoi.md", body, **post_meta(title="Ảnh đại hội", date="2025-05-02 08:00", image="chan-dung.jpg"))
    write_post(project / "posts", "2025/05/khong-anh-rieng.md", "Tin.\n\n![Ảnh](bieu-do.jpg)\n", **post_meta(title="Tin khác", date="2025-05-03 08:00"))
    return project


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = photo_site(tmp_path_factory.mktemp("photos") / "project")
    site = project.parent / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return project, site


def opened(path):
    with Image.open(path) as image:
        image.load()
    return image


def pictures_in(site):
    return sorted(p for p in site.rglob("*") if p.suffix.lower() in PICTURE_SUFFIXES)


def test_no_published_picture_carries_exif_or_gps_and_no_original_is_published(built):
    project, site = built
    published = pictures_in(site)
    assert published
    for path in published:
        image = opened(path)
        assert not image.getexif() and not image.getexif().get_ifd(GPS_IFD), path
        assert not {"exif", "xmp", "icc_profile"} & set(image.info), (path, image.info)
        assert b"F2LXK0ABCDEF" not in path.read_bytes()
    names = {p.name for p in published}
    assert not {"chan-dung.jpg", "iphone.heic", "bieu-do.jpg", "chia-se.png", "logo.png"} & names
    assert not any(p.suffix == ".heic" for p in published)
    assert any(n.startswith("iphone.") and n.endswith(".webp") for n in names)
    assert any(n.startswith("iphone.") and n.endswith(".jpg") for n in names)


def test_the_lead_photo_is_upright_eager_and_the_body_pictures_lazy_with_srcset(built):
    _, site = built
    page = BeautifulSoup((site / POST / "index.html").read_text(encoding="utf-8"), "html.parser")
    lead = page.select_one("picture > img.news-post__image")
    assert (lead["width"], lead["height"]) == ("1200", "1600")  # stored 1600×1200, orientation 6
    assert (lead["loading"], lead["fetchpriority"]) == ("eager", "high")
    widest = lead.find_previous_sibling("source")["srcset"].split(", ")[-1].split(" ")[0]
    assert opened(site / POST / widest).size == (1200, 1600)  # upright
    assert opened(site / POST / lead["src"]).size == (900, 1200)  # the JPEG, 1200 px on its long side
    body = page.select(".news-post__body picture")
    assert len(body) == 2
    for picture in body:
        img, source = picture.select_one("img"), picture.select_one("source")
        assert img["loading"] == "lazy" and not img.has_attr("fetchpriority")
        assert source["type"] == "image/webp" and "480w" in source["srcset"] and source["sizes"]
        for candidate in source["srcset"].split(", "):
            name, width = candidate.split(" ")
            assert opened(site / POST / name).width == int(width.rstrip("w"))
        zoom = picture.find_parent("a")
        assert zoom["href"].endswith(".webp") and (site / POST / zoom["href"]).is_file()
    link = page.find("a", string="Ảnh gốc")
    assert link["href"].endswith(".webp") and (site / POST / link["href"]).is_file()


def test_the_first_body_picture_leads_when_the_post_has_no_image_field(built):
    _, site = built
    page = BeautifulSoup((site / "2025/05/khong-anh-rieng/index.html").read_text(encoding="utf-8"), "html.parser")
    (img,) = page.select(".news-post__body picture img")
    assert (img["loading"], img["fetchpriority"]) == ("eager", "high")


def test_open_graph_and_json_ld_show_the_1200_px_jpeg(built):
    _, site = built
    page = BeautifulSoup((site / POST / "index.html").read_text(encoding="utf-8"), "html.parser")
    url = page.select_one('meta[property="og:image"]')["content"]
    width = page.select_one('meta[property="og:image:width"]')["content"]
    assert url.endswith(".jpg") and "chan-dung." in url
    image = opened(site / POST / url.rsplit("/", 1)[1])
    height = page.select_one('meta[property="og:image:height"]')["content"]
    # 1200 px on its long side: the portrait photo's is 900×1200
    assert image.format == "JPEG" and (str(image.width), str(image.height)) == (width, height) == ("900", "1200")
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["image"] == [url]
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    shared = home.select_one('meta[property="og:image"]')["content"]
    assert "assets/images/chia-se." in shared and shared.endswith(".jpg")


def tree(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_a_warm_build_is_byte_identical_to_a_cold_one(built, tmp_path):
    """The module's build had no cache (a temporary folder); these two share one, as CI's do."""
    project, cold_site = built
    cache = {"NEWSROOM_IMAGE_CACHE": str(tmp_path / "images")}
    first, warm = mkdocs_build(project, tmp_path / "first", extra_env=cache), mkdocs_build(project, tmp_path / "warm", extra_env=cache)
    assert first.returncode == 0 and warm.returncode == 0, first.stderr + warm.stderr
    # 3 photos beside the posts (one shown by both) and the logo and share image of docs/
    assert "5 ảnh được xử lý mới / 6 ảnh" in first.stderr
    assert "ảnh được xử lý mới" not in warm.stderr  # nothing made again
    cold, filled, warm_files = tree(cold_site), tree(tmp_path / "first"), tree(tmp_path / "warm")
    assert cold.keys() == filled.keys() == warm_files.keys()
    assert [path for path in cold if not cold[path] == filled[path] == warm_files[path]] == []


@pytest.mark.parametrize(
    "name, data, expected",
    [
        ("hong.jpg", b"\xff\xd8\xff\xe0" + b"not a photo" * 50, "không đọc được: tệp hỏng"),
        ("cut.jpg", photo(800, 600)[:20_000], "bị cắt cụt"),
    ],
    ids=["undecodable", "truncated"],
)
def test_a_bad_picture_stops_the_build_naming_the_post_and_line(tmp_path, name, data, expected):
    project = photo_site(tmp_path / "project")
    (project / "posts/2025/05" / name).write_bytes(data)
    write_post(project / "posts", "2025/05/anh-hong.md", f"Đoạn một.\n\n![Ảnh]({name})\n", **post_meta(title="Ảnh hỏng", date="2025-05-04 08:00"))
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode != 0
    assert f'posts/2025/05/anh-hong.md:10: nội dung: ảnh "{name}" {expected}' in result.stderr
    assert "chưa có gì được xuất bản" in result.stderr and "Traceback" not in result.stderr
    assert not site.exists() or not any(site.iterdir())


def test_search_results_show_the_published_3_2_crop(built):
    _, site = built
    records = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((site / "search/d").rglob("*.json"))]
    (record,) = [r for r in records if r["u"] == POST]
    thumb = record["i"]
    assert thumb["u"].startswith(POST + "chan-dung.") and thumb["u"].endswith(".t320.webp")
    for url, width in thumb["s"]:
        image = opened(site / url)
        assert (image.width, image.height) == (width, round(width * 2 / 3)) and image.format == "WEBP"
