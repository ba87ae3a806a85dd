from datetime import datetime

import pytest

from conftest import VN, site_config
from helpers import make_post
from newsroom.archive import archives
from newsroom.model import TAG
from newsroom.site import build_site, published
from newsroom.taxonomy import index_terms
from newsroom.views import Pager

NOW = datetime(2024, 1, 1, tzinfo=VN)


def sample():
    return [
        make_post("a", "2023-04-28 16:48", categories=["Đại hội"], tags=["Đại hội công đoàn"], unit="CĐCS Sở"),
        make_post("b", "2023-04-12 09:00", categories=["Báo cáo", "Đại hội"], tags=["đại hội CÔNG ĐOÀN"]),
        make_post("c", "2021-07-29 08:00", categories=["Kế hoạch"], pin=True),
        make_post("d", "2019-04-27 14:23", tags=["Mái ấm"]),
        make_post("nhap", "2023-05-01 08:00", draft=True, tags=["Bí mật"]),
        make_post("tuong-lai", "2024-06-01 08:00", tags=["Tương lai"]),
    ]


def test_published_leaves_out_drafts_and_future_posts_newest_first():
    assert [p.slug for p in published(sample(), NOW)] == ["a", "b", "c", "d"]
    later = datetime(2024, 6, 1, 8, 0, tzinfo=VN)
    assert "tuong-lai" in [p.slug for p in published(sample(), later)]


def test_archives_by_year_and_month():
    years = archives(published(sample(), NOW))
    assert [(y.year.year, len(y.year.posts)) for y in years] == [(2023, 2), (2021, 1), (2019, 1)]
    assert [(m.month, len(m.posts), m.url) for m in years[0].months] == [(4, 2, "luu-tru/2023/04/")]
    assert years[0].year.url == "luu-tru/2023/"


def test_terms_merge_spelling_variants_and_keep_the_newest_spelling():
    tags = index_terms(published(sample(), NOW), TAG)
    assert [(t.term.name, len(t.posts)) for t in tags] == [("Đại hội công đoàn", 2), ("Mái ấm", 1)]
    assert tags[0].url == "the/dai-hoi-cong-doan/"


def test_categories_keep_the_configured_order():
    site = build_site(sample(), site_config(), NOW)
    assert [c.term.name for c in site.categories] == ["Tin tức - Sự kiện", "Báo cáo", "Kế hoạch", "Đại hội"]


def test_every_page_kind_has_a_view_at_its_url():
    site = build_site(sample(), site_config(), NOW)
    for url in [
        "", "luu-tru/", "luu-tru/2023/", "luu-tru/2023/04/", "chuyen-muc/", "chuyen-muc/dai-hoi/",
        "the/", "the/dai-hoi-cong-doan/", "don-vi/", "don-vi/cdcs-so/", "don-vi/ldld-tinh-lai-chau/",
        "2023/04/a/", "2019/04/d/",
    ]:  # fmt: skip
        assert site.view(url) is not None, url
    assert site.view("the/bi-mat/") is None and site.view("2023/05/nhap/") is None
    assert site.view("the/tuong-lai/") is None


def test_pagination_links_pages_both_ways():
    posts = [make_post(f"p{i:02d}", f"2020-01-{i + 1:02d} 08:00") for i in range(23)]
    site = build_site(posts, site_config(per_page=10), NOW)
    pages = [v for v in site.list_views if v.term and v.term.slug == "tin-tuc-su-kien"]
    assert [v.url for v in pages] == [
        "chuyen-muc/tin-tuc-su-kien/",
        "chuyen-muc/tin-tuc-su-kien/trang/2/",
        "chuyen-muc/tin-tuc-su-kien/trang/3/",
    ]
    assert [len(v.posts) for v in pages] == [10, 10, 3]
    assert pages[0].pager.newer_url is None and pages[0].pager.older_url == pages[1].url
    assert pages[1].pager.newer_url == pages[0].url and pages[2].pager.older_url is None
    assert pages[0].posts[0].slug == "p22" and pages[2].posts[-1].slug == "p00"
    assert all(v.total == 23 for v in pages)
    assert pages[1].title.endswith("Trang 2")


def test_home_has_pinned_then_latest_then_per_category():
    site = build_site(sample(), site_config(home_latest=2, home_per_category=1), NOW)
    assert [p.slug for p in site.home.pinned] == ["c"]
    assert [p.slug for p in site.home.latest] == ["a", "b"]
    assert [(c.term.name, [p.slug for p in c.posts]) for c in site.home.by_category] == [
        ("Tin tức - Sự kiện", ["d"]),
        ("Báo cáo", ["b"]),
        ("Kế hoạch", ["c"]),
        ("Đại hội", ["a"]),
    ]


def test_previous_is_older_and_next_is_newer():
    site = build_site(sample(), site_config(), NOW)
    view = site.view("2023/04/b/")
    assert view.previous.slug == "c" and view.next.slug == "a"
    assert site.view("2023/04/a/").next is None and site.view("2019/04/d/").previous is None


def test_a_year_archive_is_one_page_of_its_months_and_newest_posts():
    posts = [make_post(f"p{i:02d}", f"2020-{1 + i % 12:02d}-{1 + i % 28:02d} 08:00") for i in range(23)]
    site = build_site(posts, site_config(per_page=10), NOW)
    year = [v for v in site.list_views if v.url.startswith("luu-tru/2020/") and v.months]
    assert [v.url for v in year] == ["luu-tru/2020/"]
    assert len(year[0].posts) == 10 and year[0].total == 23 and year[0].pager.pages == 1
    assert len(year[0].months) == 12
    assert site.view("luu-tru/2020/trang/2/") is None and site.view("luu-tru/2020/01/") is not None


@pytest.mark.parametrize(
    "page, pages, shown",
    [
        (1, 1, (1,)),
        (2, 3, (1, 2, 3)),
        (1, 30, (1, 2, 3, None, 30)),
        (4, 30, (1, 2, 3, 4, 5, 6, None, 30)),
        (5, 30, (1, 2, 3, 4, 5, 6, 7, None, 30)),  # a gap of one page shows the page
        (15, 30, (1, None, 13, 14, 15, 16, 17, None, 30)),
        (30, 30, (1, None, 28, 29, 30)),
        (4, 7, (1, 2, 3, 4, 5, 6, 7)),
    ],
)
def test_the_pager_links_the_ends_and_the_pages_near_this_one(page, pages, shown):
    """Linking every page from every page grows with the square of a category's size."""
    assert Pager(page, tuple(f"p{n}/" for n in range(1, pages + 1))).shown == shown
