"""An offline link checker for a built site: every internal link, anchor and asset of every page,
resolved as a browser would when the site is served under `prefix` ("/" or "/tin-tuc/")."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

ORIGIN = "https://example.org"
REFERENCES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src", "form": "action"}


@lru_cache(maxsize=None)
def _page(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _ids(path: Path) -> set[str]:
    soup = _page(path)
    return {e["id"] for e in soup.find_all(id=True)} | {e["name"] for e in soup.find_all("a", attrs={"name": True})}


def _target(site: Path, url_path: str, prefix: str) -> Path | None:
    """The file served at absolute URL path `url_path`, or None when the server would answer 404."""
    if not url_path.startswith(prefix):
        return None
    rel = unquote(url_path[len(prefix) :])
    candidate = site / rel
    if rel == "" or rel.endswith("/"):
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def broken_links(site: Path, prefix: str = "/") -> list[str]:
    """"page: link" for every internal reference that leads nowhere (missing file or missing anchor)."""
    _page.cache_clear()
    broken = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        page_url = prefix + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        if rel == "404.html":
            page_url = prefix + "khong-co/trang/nay/"  # served at any missing address
        soup = _page(path)
        for tag, attribute in REFERENCES.items():
            for element in soup.find_all(tag, attrs={attribute: True}):
                link = element[attribute].strip()
                parts = urlsplit(link)
                if parts.scheme or parts.netloc or not link:
                    continue  # another site, mailto:, javascript:void(0) of Material's own buttons
                url_path = urlsplit(urljoin(ORIGIN + page_url, link)).path
                target = path if not parts.path else _target(site, url_path, prefix)
                if target is None:
                    broken.append(f"{rel}: {link}")
                elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in _ids(target):
                    broken.append(f"{rel}: {link} (no such anchor)")
    return broken
