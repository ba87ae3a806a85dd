"""The files of the admin page that come from npm: the CMS bundle, its locales and the fonts.

Sveltia's browser bundle (`dist/sveltia-cms.js`) builds a few URLs on unpkg.com and jsDelivr:
its interface locales (`locales/vi.json`), the update check (`package.json`), lazily loaded
modules and three font files; it also asks www.githubstatus.com whether GitHub is down. The site must make no request to any origin but its own and
api.github.com, and the bundle has no option to move those URLs (sveltia/sveltia-cms#909), so
the copy we publish has those URL literals pointed at files we serve ourselves, from the same
packages. Each literal must be found exactly as often as listed: a new CMS release that builds
its URLs differently stops the build here instead of quietly reaching a CDN. Lazily loaded
modules we do not serve (translation, map, SVG and WebP tools, Decap-style preview templates:
features this site does not enable) then fail on the site's own origin, not elsewhere.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..labels import admin_text
from .packages import CMS, ICONS, MONO, SANS, Package, PackageError

UNPKG = "https://unpkg.com/"
UNPKG_USES = 4  # the CMS itself (locales, update check, chunks), @sveltia/ui, @shikijs, npm dependencies
JSDELIVR_FONTS = "https://cdn.jsdelivr.net/fontsource/fonts/"
# (URL in the bundle, package, file in the package) for each font the bundle names
FONTS = (
    ("source-sans-3:vf@{SANS}/latin-wght-normal.woff2", SANS, "files/source-sans-3-latin-wght-normal.woff2"),
    ("noto-mono@{MONO}/latin-400-normal.woff2", MONO, "files/noto-mono-latin-400-normal.woff2"),
    ("material-symbols-outlined:vf@{ICONS}/latin-wght-normal.woff2", ICONS, "files/material-symbols-outlined-latin-wght-normal.woff2"),
)
# Subsets of the interface font the bundle leaves out: without them ă, đ, ơ, ư and the tone marks
# would come from another font in the middle of a word.
EXTRA_SUBSETS = ("latin-ext", "vietnamese")
# Asked on the sign-in page to warn of GitHub outages: answered by a file saying "unknown", which shows nothing.
GITHUB_STATUS = "https://www.githubstatus.com/api/v2/status.json"
STATUS_FILE = "github-status.json"
BUNDLE = "sveltia-cms.js"
SCHEMA = "unpkg/@sveltia/cms/schema/sveltia-cms.json"


# What vendor() reads from each package (path prefixes): the rest of the tarballs is never decompressed into memory.
WANTED = {
    CMS: (f"dist/{BUNDLE}", "dist/chunks/react-dom.js", "locales/", "schema/", "LICENSE"),
    SANS: ("files/source-sans-3-latin-", "files/source-sans-3-vietnamese-wght-normal", "unicode.json", "LICENSE"),
    MONO: ("files/noto-mono-latin-400-normal.woff2", "LICENSE"),
    ICONS: ("files/material-symbols-outlined-latin-wght-normal.woff2", "LICENSE"),
}


@dataclass(frozen=True)
class Vendored:
    files: dict[str, bytes]  # path under admin/ -> content
    font_css: str  # @font-face rules for the extra subsets, for admin.css
    version: str


def vendor(packages: dict[str, Package], admin_url: str) -> Vendored:
    """The npm files published under admin/; `admin_url` is the admin folder's path ("/tin-tuc/admin/")."""
    cms = packages[CMS]
    version = cms.pin.version
    versions = {name: package.pin.version for name, package in packages.items()}
    bundle = cms.read(f"dist/{BUNDLE}").decode("utf-8")
    bundle = _replace(bundle, UNPKG, f"{admin_url}unpkg/", UNPKG_USES)
    files: dict[str, bytes] = {STATUS_FILE: b'{"status": {"indicator": "unknown"}}'}
    bundle = _replace(bundle, GITHUB_STATUS, admin_url + STATUS_FILE, 1)
    for url, name, member in FONTS:
        target = f"fonts/{member.rsplit('/', 1)[1]}"
        url = JSDELIVR_FONTS + url.format(SANS=versions[SANS], MONO=versions[MONO], ICONS=versions[ICONS])
        bundle = _replace(bundle, url, admin_url + target, 1)
        files[target] = packages[name].read(member)
    for leftover in ("unpkg.com", "cdn.jsdelivr.net"):
        if leftover in bundle:
            raise PackageError(admin_text("unknown_cdn_url", host=leftover, version=version))
    files[BUNDLE] = bundle.encode("utf-8")
    files["chunks/react-dom.js"] = cms.read("dist/chunks/react-dom.js")  # looked for beside the bundle first
    base = f"unpkg/@sveltia/cms@{version}/"
    for name in cms.names("locales/"):
        files[base + name] = cms.read(name)
    files[SCHEMA] = cms.read("schema/sveltia-cms.json")  # named by the config file's first line
    # the update check asks for the newest version: the pinned one is, so nothing is offered
    files["unpkg/@sveltia/cms/package.json"] = json.dumps({"name": CMS, "version": version}).encode()
    files["LICENSE-sveltia-cms.txt"] = cms.read("LICENSE.txt")
    for name in (SANS, MONO, ICONS):
        files[f"fonts/LICENSE-{name.rsplit('/', 1)[1]}.txt"] = packages[name].read("LICENSE")
    css = []
    ranges = json.loads(packages[SANS].read("unicode.json"))
    for subset in EXTRA_SUBSETS:
        file = f"source-sans-3-{subset}-wght-normal.woff2"
        files[f"fonts/{file}"] = packages[SANS].read(f"files/{file}")
        css.append(
            "@font-face{font-family:'Source Sans 3';font-style:normal;font-display:swap;font-weight:200 900;"
            f"src:url({admin_url}fonts/{file}) format('woff2-variations');unicode-range:{ranges[subset]}}}"
        )
    return Vendored(files, "\n".join(css), version)


def schema(packages: dict[str, Package]) -> dict:
    """The JSON schema of the CMS configuration, as the pinned CMS ships it."""
    return json.loads(packages[CMS].read("schema/sveltia-cms.json"))


def _replace(text: str, old: str, new: str, count: int) -> str:
    found = text.count(old)
    if found != count:
        raise PackageError(admin_text("bundle_changed", url=old, expected=count, found=found))
    return text.replace(old, new)
