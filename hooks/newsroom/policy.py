"""Content Security Policies and referrer policies of every page the build writes, in one place.

GitHub Pages sends no headers of ours, so each page carries its policy as
`<meta http-equiv="Content-Security-Policy">` (and `<meta name="referrer">`) at the top of its
`<head>`, before anything that loads or runs: a policy given in a `<meta>` governs only what
comes after it (tests/test_csp_browser.py checks that only other `<meta>` elements precede it).
A `<meta>` policy cannot say `frame-ancestors`, `report-uri` or `sandbox` (browsers ignore them
there, with a console error), so none of these is used.

- Reader pages (Material's theme and ours): files of the site only; no inline script anywhere
  (Material's inline scripts are replaced by files in overrides/); frames only from
  `extra.newsroom.embeds`, the hosts the post validator lets a post embed (safety.py).
- The admin page (/admin/): the site and api.github.com, where the CMS reads and commits.
- Redirect stubs of old addresses (redirects.py): nothing at all is loaded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

Policy = dict[str, tuple[str, ...]]

GITHUB_API = "https://api.github.com"
# A bare host name, as config.py accepts for embeds: nothing that could end a directive (; , space, ').
_HOST = re.compile(r"^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$")

# YouTube's player refuses to play without the embedding site's origin as Referer (its error 153):
# other sites get the origin only, never the address of the page read; same origin gets it all.
SITE_REFERRER = "strict-origin-when-cross-origin"
ADMIN_REFERRER = "same-origin"  # api.github.com needs no referrer
REDIRECT_REFERRER = "same-origin"


def _embed_sources(embeds: Iterable[str]) -> tuple[str, ...]:
    hosts = sorted(set(embeds))
    for host in hosts:
        if not _HOST.match(host):
            raise ValueError(f"embeds: {host!r} is not a host name (such as www.youtube.com)")
    return tuple(f"https://{host}" for host in hosts) or ("'none'",)


def site_policy(embeds: Iterable[str]) -> Policy:
    """Every reader page: home, posts, listings, search, Văn bản, 404, offline and saved pages."""
    frames = _embed_sources(embeds)
    return {
        "default-src": ("'self'",),
        "script-src": ("'self'",),
        # No <style> element is ours or Material's (and safety.py refuses them in posts), but style
        # *attributes* are written by Markdown's tables (`|---:|` -> style="text-align: right") and
        # may be in posts. An attribute can restyle its own element only: it has no selectors to read
        # the page with, and what its url() could load is still held to img-src and font-src.
        "style-src": ("'self'",),
        "style-src-attr": ("'unsafe-inline'",),
        # data: for the icons inside Material's stylesheet and pictures posts may inline (safety.py
        # allows data:image/png, jpeg, gif, webp, avif, bmp)
        "img-src": ("'self'", "data:"),
        # the validator lets a post embed with <iframe>, <embed> or <object> from these hosts only
        "frame-src": frames,
        "object-src": frames,
        "base-uri": ("'self'",),  # the offline page is answered with a <base> of the site (offline/worker.js)
        "form-action": ("'self'",),  # the search forms of the header, the search page and the 404 page
    }


def admin_policy() -> Policy:
    """The admin page: Sveltia CMS from the site's own files, GitHub's API, nothing else."""
    return {
        "default-src": ("'none'",),
        "script-src": ("'self'",),
        # Sveltia (Svelte) puts its component styles in <style> elements: 'unsafe-inline' for styles only.
        "style-src": ("'self'", "'unsafe-inline'"),
        "font-src": ("'self'",),
        # pictures being uploaded are shown from blob: URLs, the CMS's icons from data: URLs
        "img-src": ("'self'", "blob:", "data:"),
        "media-src": ("'self'", "blob:"),
        "connect-src": ("'self'", GITHUB_API, "data:", "blob:"),  # the CMS fetch()es its own data: logo
        "worker-src": ("'self'", "blob:"),
        "frame-src": ("'self'", "blob:"),
        "manifest-src": ("'self'",),
        "base-uri": ("'self'",),  # the preview frame sets a <base> of the site's origin
        "form-action": ("'none'",),
        "object-src": ("'none'",),
    }


def redirect_policy() -> Policy:
    """A page that only says where a post went: a meta refresh and a link, nothing loaded."""
    return {"default-src": ("'none'",), "base-uri": ("'none'",), "form-action": ("'none'",)}


def serialize(policy: Policy) -> str:
    """The policy as the value of a Content-Security-Policy header or meta tag."""
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in policy.items())


def meta_tags(policy: Policy, referrer: str) -> str:
    """The two `<meta>` elements, to be written first in `<head>`."""
    return (
        f'<meta http-equiv="Content-Security-Policy" content="{escape(serialize(policy))}">\n'
        f'<meta name="referrer" content="{escape(referrer)}">'
    )
