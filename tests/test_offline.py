"""The build's side of reading without a connection (newsroom/offline): manifest, icons, latest
posts, the worker's settings and version."""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image

from conftest import ROOT, site_config
from newsroom.config import ConfigError
from newsroom.offline import icon_files, latest_posts, manifest, worker_script
from newsroom.offline.plan import cache_first_assets

LOGO = ROOT / "docs/assets/images/logo.png"


def told(script: bytes) -> dict:
    first = script.split(b"\n", 1)[0].decode("utf-8")
    assert first.startswith("self.NEWS_OFFLINE = ") and first.endswith(";")
    return json.loads(first[len("self.NEWS_OFFLINE = ") : -1])


def small_site(tmp_path, css="body{}"):
    for rel, text in {
        "ngoai-tuyen/index.html": "<html><head></head></html>",
        "da-luu/index.html": "<html></html>",
        "manifest.webmanifest": "{}",
        "stylesheets/news.css": css,
        "assets/javascripts/news-site.js": "1",
        "assets/javascripts/lunr/min/lunr.vi.min.js": "unused",
        "assets/javascripts/workers/search.js": "unused",
        "search/s/1.json": "{}",
        "admin/sveltia-cms.js": "staff only",
        "2025/05/post/index.html": "<p>",
    }.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_icons_are_square_pngs_made_from_the_logo():
    icons = icon_files(LOGO)
    assert set(icons) == {"assets/images/icon-192.png", "assets/images/icon-512.png", "assets/images/icon-180.png", "assets/images/icon-512-maskable.png"}
    for path, data in icons.items():
        image = Image.open(io.BytesIO(data))
        size = int(path.split("-")[1].split(".")[0])
        assert image.format == "PNG" and image.size == (size, size)
    maskable = Image.open(io.BytesIO(icons["assets/images/icon-512-maskable.png"])).convert("RGB")
    assert maskable.getpixel((5, 5)) == Image.open(LOGO).convert("RGB").getpixel((0, 0))  # padded with the logo's colour


def test_a_logo_that_is_not_square_is_refused(tmp_path):
    wide = tmp_path / "wide.png"
    Image.new("RGB", (1200, 630), "red").save(wide)
    with pytest.raises(ValueError, match="vuông"):
        icon_files(wide)


def test_manifest_is_relative_to_the_site_folder_and_vietnamese():
    settings = site_config().offline
    data = json.loads(manifest("Liên đoàn Lao động tỉnh Lai Châu", "LĐLĐ Lai Châu", "Tin", settings))
    assert data["lang"] == "vi" and data["name"] == "Liên đoàn Lao động tỉnh Lai Châu" and data["short_name"] == "LĐLĐ Lai Châu"
    assert data["start_url"] == data["scope"] == "./"
    assert all(not icon["src"].startswith(("/", "http")) for icon in data["icons"])
    assert data["theme_color"] == "#c62828"


def test_latest_lists_the_newest_posts_first(sample_model):
    listed = json.loads(latest_posts(sample_model.posts, 3))["posts"]
    assert [p["url"] for p in listed] == [p.url for p in sample_model.posts[:3]]
    assert listed[0]["date"] > listed[1]["date"] > listed[2]["date"]


def test_worker_keeps_the_sites_stylesheets_and_scripts_not_lunr_nor_search(tmp_path):
    site = small_site(tmp_path)
    assert cache_first_assets(site) == ["assets/javascripts/news-site.js", "stylesheets/news.css"]
    settings = told(worker_script(site, site_config().offline, "Mất mạng"))
    assert settings["shell"] == ["ngoai-tuyen/", "da-luu/"]
    assert settings["precache"] == ["assets/javascripts/news-site.js", "stylesheets/news.css", "manifest.webmanifest"]
    assert settings["pageTimeout"] == 3000 and settings["fallbackText"] == "Mất mạng"


def test_version_changes_with_a_kept_file_only(tmp_path):
    first = told(worker_script(small_site(tmp_path / "a"), site_config().offline, ""))
    same = small_site(tmp_path / "b")
    (same / "2025/05/post/index.html").write_text("<p>changed post: pages are network-first</p>", encoding="utf-8")
    assert told(worker_script(same, site_config().offline, ""))["version"] == first["version"]
    changed = told(worker_script(small_site(tmp_path / "c", css="body{color:red}"), site_config().offline, ""))
    assert changed["version"] != first["version"]
    assert changed["hashes"]["stylesheets/news.css"] != first["hashes"]["stylesheets/news.css"]
    assert changed["hashes"]["assets/javascripts/news-site.js"] == first["hashes"]["assets/javascripts/news-site.js"]


@pytest.mark.parametrize(
    "values, message",
    [
        ({"latest": 0}, "offline.latest"),
        ({"page_timeout": 0}, "page_timeout"),
        ({"theme_color": "red"}, "#rrggbb"),
        ({"colour": "#ffffff"}, "không được hỗ trợ"),
    ],
    ids=["no-latest", "no-timeout", "colour-name", "unknown-key"],
)
def test_bad_offline_settings_name_the_key(values, message):
    with pytest.raises(ConfigError, match=message):
        site_config(offline=values)
