"""What the service worker is told by the build: its version, the files to keep, the newest posts.

Cache names carry the site's path (the worker reads it from its own scope), so the project sites
of one `<org>.github.io` origin never share or delete each other's caches. Files that change only
with a build (stylesheets, scripts, the offline page) are kept in caches named by `build_version`,
a hash of exactly those files: a build that changes none of them leaves the worker byte for byte
the same, and the phone downloads nothing new. Saved posts, visited pages and pictures are kept in
caches that outlive builds; pages are always asked from the network first, so they refresh.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..config import OfflineConfig
from ..model import Post
from ..pages import GeneratedPage
from .icons import APPLE_SIZE, icon_path, manifest_icons

OFFLINE_URL = "ngoai-tuyen/"  # "Bạn đang không có kết nối", shown for a page that is not on the phone
SAVED_URL = "da-luu/"  # the saved posts, with "Xóa"
WORKER_PATH = "sw.js"  # at the site's root: a worker's scope is at most its own folder
MANIFEST_PATH = "manifest.webmanifest"
LATEST_PATH = "offline/latest.json"
OFFLINE_TEMPLATE = "news/offline.html"
SAVED_TEMPLATE = "news/saved.html"
WORKER_SOURCE = Path(__file__).with_name("worker.js")
# kept cache-first per build; Material's lunr files and its own search worker are never loaded
# (our search worker replaces them), and the admin page (3 MB of CMS, for staff) is no reader's
_CACHE_FIRST = (".css", ".js", ".woff2", ".woff", ".ttf")
_NOT_KEPT = ("assets/javascripts/lunr/", "assets/javascripts/workers/", "search/", "admin/", WORKER_PATH)
_Json = dict[str, object]
# the engine's name in a page (MkDocs or ProperDocs) is not content: both engines give one version
_GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _dumps(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def offline_pages(offline_title: str, saved_title: str) -> list[GeneratedPage]:
    """The offline page and the saved-posts page: out of the navigation, the search and the sitemap."""
    hidden = {"search": {"exclude": True}, "hide": ["navigation", "toc"]}
    return [
        GeneratedPage(f"{OFFLINE_URL}index.md", {"template": OFFLINE_TEMPLATE, "title": html.escape(offline_title), **hidden}),
        GeneratedPage(f"{SAVED_URL}index.md", {"template": SAVED_TEMPLATE, "title": html.escape(saved_title), **hidden}),
    ]


def latest_posts(posts: Sequence[Post], count: int) -> bytes:
    """The newest `count` published posts (posts come newest first), for "Lưu các tin mới nhất"."""
    return _dumps({"posts": [{"url": post.url, "title": post.title, "date": post.date.isoformat()} for post in posts[:count]]})


def manifest(name: str, short_name: str, description: str, settings: OfflineConfig) -> bytes:
    """The web app manifest; every URL in it is relative to the manifest, that is to the site's folder."""
    return _dumps({
        "name": settings.name or name,
        "short_name": settings.short_name or short_name,
        "description": description,
        "lang": "vi",
        "dir": "ltr",
        "start_url": "./",
        "scope": "./",
        "id": "./",
        "display": "standalone",
        "theme_color": settings.theme_color,
        "background_color": settings.background_color,
        "icons": manifest_icons(),
    })  # fmt: skip


def head_links() -> _Json:
    """What the pages link to: manifest, icon, script, saved-posts page (the templates print it)."""
    return {"manifest": MANIFEST_PATH, "apple_icon": icon_path(APPLE_SIZE), "script": "assets/javascripts/news-offline.js", "saved": SAVED_URL}


def cache_first_assets(site_dir: Path) -> list[str]:
    """Stylesheets, scripts and fonts of the built site, site-relative, sorted."""
    found = []
    for path in site_dir.rglob("*"):
        rel = path.relative_to(site_dir).as_posix()
        if path.suffix in _CACHE_FIRST and path.is_file() and not rel.startswith(_NOT_KEPT):
            found.append(rel)
    return sorted(found)


def build_version(site_dir: Path, paths: Iterable[str], extra: bytes = b"") -> str:
    """A short hash of the named built files (path and bytes) and `extra`."""
    digest = hashlib.sha256(extra)
    for rel in sorted(paths):
        digest.update(rel.encode("utf-8") + b"\0")
        digest.update(_GENERATOR.sub(b"", (site_dir / rel).read_bytes()))
    return digest.hexdigest()[:12]


def worker_settings(settings: OfflineConfig, assets: Sequence[str], fallback_text: str) -> _Json:
    """Everything but the version the worker is told (the version hashes this too)."""
    return {
        "shell": [OFFLINE_URL, SAVED_URL],  # kept on install, even with Save-Data: offline needs them
        "precache": [*assets, MANIFEST_PATH],  # kept after install unless the reader saves data
        "home": "",  # kept with them: the installed app opens on it
        "offline": OFFLINE_URL,
        "latest": LATEST_PATH,
        "pageTimeout": round(settings.page_timeout * 1000),
        "pagesMax": settings.pages,
        "imagesMax": settings.images,
        "imagesMaxAge": settings.image_days * 86_400_000,
        "fallbackText": fallback_text,
    }


def worker_script(site_dir: Path, settings: OfflineConfig, fallback_text: str) -> bytes:
    """sw.js for the site built in `site_dir`: its settings and version as a first line, then
    the hand-written worker. The version hashes what the worker keeps per build."""
    assets = cache_first_assets(site_dir)
    told = worker_settings(settings, assets, fallback_text)
    source = WORKER_SOURCE.read_bytes()
    shell = [f"{url}index.html" for url in told["shell"]]
    told["hashes"] = {rel: build_version(site_dir, [rel]) for rel in told["precache"]}
    told["version"] = build_version(site_dir, shell, _dumps(told) + source)
    return b"self.NEWS_OFFLINE = " + _dumps(told) + b";\n" + source
