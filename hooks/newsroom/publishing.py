"""Files at the root of the published site for hosts and crawlers: robots.txt and CNAME."""

from __future__ import annotations

from urllib.parse import urlsplit

from .config import ConfigError, SiteConfig
from .feeds import absolute


def check_site_url(settings: SiteConfig, site_url: str) -> None:
    """ConfigError when the site has its own domain but `site_url` points elsewhere.

    Every absolute URL (canonical, Open Graph, feeds, sitemap) is made from `site_url`.
    """
    if settings.cname and (urlsplit(site_url or "").hostname or "").lower() != settings.cname.lower():
        raise ConfigError(
            f"extra.newsroom.cname là {settings.cname} nhưng site_url là \"{site_url}\" -> sửa site_url thành https://{settings.cname}/"
        )


def site_files(settings: SiteConfig, base_url: str) -> dict[str, bytes]:
    """robots.txt (with the sitemap's address) and, for a site with its own domain, CNAME."""
    files = {"robots.txt": f"User-agent: *\nAllow: /\n\nSitemap: {absolute(base_url, 'sitemap.xml')}\n".encode()}
    if settings.cname:
        files["CNAME"] = f"{settings.cname}\n".encode()
    return files
