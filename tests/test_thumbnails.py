"""Which picture stands for a post, and the thumbnail the templates and the search index print."""

import json
from datetime import datetime
from pathlib import Path

import pytest

from conftest import VN, site_config
from helpers import make_post
from newsroom.images import Picture, Variant
from newsroom.model import Attachment
from newsroom.search import build_search_index
from newsroom.site import build_site
from newsroom.thumbnails import LEAD, SIZES, SMALL, Thumbnail, fill_thumbnail, lead_picture, post_thumbnail

NOW = datetime(2026, 1, 1, tzinfo=VN)
SIZES_ON_DISK = {"2025/10/a/anh.jpg": (1600, 1067), "2025/10/a/hai.png": (800, 600), "2025/10/b/bia.webp": (1200, 800)}


def picture(path, width, height):
    """What the image pipeline makes of a picture this size (pipeline.py names its files so)."""
    stem = path.rsplit(".", 1)[0]
    webp = tuple(Variant(f"{stem}.k.{w}.webp", w, round(height * w / width), 1) for w in sorted({min(w, width) for w in (480, 720, 1080, 1600)}))
    thumbs = tuple(Variant(f"{stem}.k.t{w}.webp", w, w * 2 // 3, 1) for w in (160, 320, 480))
    return Picture(path, width, height, webp, Variant(f"{stem}.k.1200.jpg", 1200, round(height * 1200 / width), 1), thumbs)


MADE = {path: picture(path, *size) for path, size in SIZES_ON_DISK.items()}


def size_of(path):  # what the pipeline made of `path`, by its site path (the name kept for the tests' reading)
    return MADE.get(path)


def asset(href):
    return Attachment(Path(href).name, href, Path("/posts") / href)


@pytest.mark.parametrize(
    "overrides, picture",
    [
        pytest.param({"image": "2025/10/b/bia.webp", "assets": (asset("2025/10/a/anh.jpg"),)}, "2025/10/b/bia.webp", id="front-matter-image-wins"),
        pytest.param({"assets": (asset("2025/10/a/bao-cao.pdf"), asset("2025/10/a/hai.png"), asset("2025/10/a/anh.jpg"))}, "2025/10/a/hai.png", id="first-body-picture"),
        pytest.param({"assets": (asset("2025/10/a/ANH.JPG"),)}, "2025/10/a/ANH.JPG", id="suffix-in-capitals"),
        pytest.param({"assets": (asset("2025/10/a/bao-cao.pdf"),)}, "", id="attachments-are-not-pictures"),
        pytest.param({}, "", id="no-picture"),
        pytest.param({"image": "https://baolaichau.vn/anh.jpg"}, "https://baolaichau.vn/anh.jpg", id="image-by-url"),
    ],
)
def test_lead_picture_is_the_image_field_else_the_first_body_picture(overrides, picture):
    assert lead_picture(make_post("a", "2025-10-14 15:00", **overrides)) == picture


def test_a_small_thumbnail_is_the_pictures_3_2_crops_and_the_lead_its_webp_widths():
    from newsroom.thumbnails import Candidate

    thumb = fill_thumbnail("2025/10/a/anh.jpg", SMALL, size_of)
    crops = tuple(Candidate(f"2025/10/a/anh.k.t{w}.webp", w) for w in (160, 320, 480))
    assert thumb == Thumbnail("2025/10/a/anh.k.t320.webp", crops, SIZES[SMALL], 320, 213, "")
    lead = fill_thumbnail("2025/10/a/anh.jpg", LEAD, size_of)
    assert (lead.src, lead.width, lead.height, lead.sizes) == ("2025/10/a/anh.k.720.webp", 720, 480, SIZES[LEAD])
    assert [c.width for c in lead.srcset] == [480, 720, 1080, 1600]
    small = fill_thumbnail("2025/10/a/hai.png", LEAD, size_of)  # 800 px wide: its own width is the widest
    assert (small.src, [c.width for c in small.srcset]) == ("2025/10/a/hai.k.720.webp", [480, 720, 800])
    assert fill_thumbnail("2025/10/a/khong-lam.jpg", SMALL, size_of) is None  # not made by the pipeline


@pytest.mark.parametrize(
    "picture",
    ["", "https://baolaichau.vn/anh.jpg", "//cdn.example/anh.jpg", "2025/10/a/khong-doc-duoc.jpg"],
    ids=["none", "other-site", "protocol-relative", "size-unknown"],
)
def test_no_thumbnail_without_a_picture_of_known_size_on_this_site(picture):
    assert fill_thumbnail(picture, SMALL, size_of) is None


def posts():
    return [
        make_post("a", "2025-10-14 15:00", assets=(asset("2025/10/a/anh.jpg"),), pin=True),
        make_post("b", "2025-10-10 09:00", image="2025/10/b/bia.webp"),
        make_post("chu", "2025-09-01 08:00"),  # text only
    ]


def thumbnail_of(post, kind):
    return post_thumbnail(post, kind, size_of)


def test_post_views_carry_the_small_thumbnail_and_the_home_page_the_large_lead_photo():
    site = build_site(posts(), site_config(), NOW, thumbnail_of=thumbnail_of)
    by_slug = {post.slug: post for post in site.posts}
    assert site.thumbnail(by_slug["a"]).src == "2025/10/a/anh.k.t320.webp"
    assert site.thumbnail(by_slug["b"]) == fill_thumbnail("2025/10/b/bia.webp", SMALL, size_of)
    assert site.thumbnail(by_slug["chu"]) is None
    home = site.home
    assert home.lead.slug == "a"  # pinned first
    assert [p.slug for p in home.top] == ["b", "chu"]
    assert home.lead_picture == fill_thumbnail("2025/10/a/anh.jpg", LEAD, size_of)


def test_without_a_thumbnail_function_no_post_has_a_picture():
    site = build_site(posts(), site_config(), NOW)
    assert [site.thumbnail(post) for post in site.posts] == [None, None, None]
    assert site.home.lead_picture is None


def test_the_home_page_splits_its_stories_into_lead_top_and_more():
    many = [make_post(f"tin-{n}", f"2025-10-{20 - n:02d} 08:00") for n in range(8)]
    home = build_site(many, site_config(home_latest=8), NOW).home
    assert home.lead.slug == "tin-0"
    assert [p.slug for p in home.top] == ["tin-1", "tin-2", "tin-3", "tin-4"]
    assert [p.slug for p in home.more] == ["tin-5", "tin-6", "tin-7"]


def test_search_records_carry_the_thumbnail_of_posts_that_have_one():
    site = build_site(posts(), site_config(), NOW)
    files = {path: json.loads(data) for path, data in build_search_index(site.posts, thumbnail_of).items()}
    records = {files[f"search/d/0/{n}.json"]["u"]: files[f"search/d/0/{n}.json"] for n in range(3)}
    crops = [[f"2025/10/a/anh.k.t{w}.webp", w] for w in (160, 320, 480)]
    assert records["2025/10/a/"]["i"] == {"u": "2025/10/a/anh.k.t320.webp", "w": 320, "h": 213, "z": SIZES[SMALL], "s": crops}
    assert records["2025/10/b/"]["i"]["u"] == "2025/10/b/bia.k.t320.webp"
    assert "i" not in records["2025/09/chu/"]


def test_a_srcset_reaches_the_search_record_as_url_width_pairs():
    from newsroom.thumbnails import Candidate

    def variants(post, kind):
        return Thumbnail("x/a-480.webp", (Candidate("x/a-240.webp", 240), Candidate("x/a-480.webp", 480)), "120px", 480, 320)

    site = build_site(posts()[:1], site_config(), NOW)
    record = json.loads(build_search_index(site.posts, variants)["search/d/0/0.json"])
    assert record["i"] == {"u": "x/a-480.webp", "w": 480, "h": 320, "z": "120px", "s": [["x/a-240.webp", 240], ["x/a-480.webp", 480]]}
