from datetime import datetime
from xml.etree import ElementTree as ET

from conftest import VN, site_config
from helpers import make_post
from newsroom.feeds import feeds, sitemap
from newsroom.site import build_site

NOW = datetime(2024, 1, 1, tzinfo=VN)
BASE = "https://lai-chau.example/tin/"


def site(n=60):
    posts = [make_post(f"tin-{i:02d}", f"2022-{1 + i % 12:02d}-{1 + i % 28:02d} 08:00", categories=["Báo cáo"] if i % 2 else ["Đại hội"], description=f"Tóm tắt {i} & <b>", title=f"Tin <{i}> & “công đoàn”") for i in range(n)]
    posts.append(make_post("nhap", "2022-05-05 08:00", draft=True))
    posts.append(make_post("sau-nay", "2025-05-05 08:00"))
    return build_site(posts, site_config(feed_size=50), NOW)


def test_main_feed_is_valid_rss_with_the_newest_50():
    out = feeds(site(), BASE, "LĐLĐ tỉnh Lai Châu")
    root = ET.fromstring(out["feed.xml"])
    assert root.tag == "rss" and root.get("version") == "2.0"
    items = root.findall("channel/item")
    assert len(items) == 50
    dates = [datetime.strptime(i.findtext("pubDate"), "%a, %d %b %Y %H:%M:%S %z") for i in items]
    assert dates == sorted(dates, reverse=True)
    first = items[0]
    assert first.findtext("title").startswith("Tin <") and "“công đoàn”" in first.findtext("title")
    assert first.findtext("link").startswith(BASE + "2022/")
    assert first.findtext("description").endswith("& <b>")
    assert first.findtext("category") in ("Báo cáo", "Đại hội")
    assert first.findtext("pubDate").endswith("+0700")
    links = [i.findtext("link") for i in items]
    assert not any("nhap" in link or "sau-nay" in link for link in links)


def test_one_feed_per_category():
    out = feeds(site(), BASE, "LĐLĐ")
    assert set(out) == {"feed.xml", "chuyen-muc/bao-cao/feed.xml", "chuyen-muc/dai-hoi/feed.xml"}
    items = ET.fromstring(out["chuyen-muc/bao-cao/feed.xml"]).findall("channel/item")
    assert len(items) == 30 and all(i.findtext("category") == "Báo cáo" for i in items)


def test_sitemap_lists_every_published_post_and_the_other_pages():
    s = site()
    xml = ET.fromstring(sitemap(s, BASE, ["", "gioi-thieu/", "luu-tru/"]))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [loc.text for loc in xml.findall("s:url/s:loc", ns)]
    assert len(locs) == 60 + 3
    assert BASE in locs and BASE + "gioi-thieu/" in locs
    assert all(BASE + p.url in locs for p in s.posts)
    assert not any("nhap" in loc or "sau-nay" in loc for loc in locs)
