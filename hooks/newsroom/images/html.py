"""Pictures in rendered pages: `<picture>` with WebP widths, sizes, lazy loading, figures with captions.

`enhance_images` rewrites the `<img>` tags of a page body. A picture the pipeline made becomes a
`<picture>`: a WebP `srcset` of its widths with `sizes` saying how wide Material's content column
is, so a phone downloads the 480 px file and a desktop the 720 or 1600 px one, and the JPEG as
the `<img src>` for browsers without WebP; `width`/`height` of the upright picture (no layout shift
while it loads). The post's lead picture is fetched first (`loading="eager" fetchpriority="high"`:
it is what Lighthouse's LCP waits for), every other one lazily. An image alone in its paragraph
becomes a `<figure>` whose caption is the alt text, linked to the largest file for the lightbox.
Images the pipeline did not make (another site's) keep their `src` and get the size their header
gives. Links to a picture (`[ảnh gốc](anh.jpg)`) point to its largest file: the original is not
published.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from posixpath import dirname, relpath
from typing import Callable

from ..labels import LABELS
from .pipeline import Picture, Pictures
from .sizes import Size, site_path

# an image alone in its paragraph (group 1), or any other image
_IMAGES = re.compile(r"<p>\s*(<img\b[^>]*>)\s*</p>|<img\b[^>]*>", re.IGNORECASE)
_LINKS = re.compile(r"<a\b[^>]*\bhref=[^>]*>", re.IGNORECASE)
# How wide a picture in the body of a page is shown (Material 9.8 with this site's news.css; media
# queries and `sizes` count 16 px to the em): the whole width less 2 × 0.8 rem of margin on phones,
# less the navigation too from 60em, the fixed content column from 76.25em (61 rem grid at 20 px),
# wider from 100em where Material sets 22 px. Measured in Chromium, kept by tests/test_images_browser.py.
CONTENT_SIZES = "(min-width: 100em) 760px, (min-width: 76.25em) 690px, (min-width: 60em) calc(100vw - 274px), calc(100vw - 32px)"


@dataclass(frozen=True)
class PageImages:
    """The pictures as seen from the page at `page_url` ("2025/05/x/"): relative links to their files."""

    page_url: str
    pictures: Pictures

    def picture(self, src: str) -> Picture | None:
        return self.pictures.get(site_path(self.page_url, src))

    def url(self, path: str) -> str:
        """The link from this page to the site path `path`."""
        return relpath(path, dirname(self.page_url) or ".") if self.page_url else path


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attrs: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        self.attrs = {name: value or "" for name, value in attrs}

    handle_startendtag = handle_starttag


def _attributes(tag: str) -> dict[str, str]:
    parser = _Attributes()
    parser.feed(tag)
    parser.close()
    return parser.attrs


def _tag(name: str, attrs: dict[str, str]) -> str:
    return f"<{name} " + " ".join(f'{key}="{escape(value)}"' for key, value in attrs.items()) + ">"


def picture_html(picture: Picture, page: PageImages, attrs: dict[str, str], sizes: str = CONTENT_SIZES, lead: bool = False) -> str:
    """`<picture>` for `picture` on `page`; `attrs` are the `<img>`'s (alt, class...), the author's win."""
    attrs = dict(attrs)
    attrs["src"] = page.url(picture.jpeg.path)
    if "width" not in attrs and "height" not in attrs:
        attrs["width"], attrs["height"] = str(picture.width), str(picture.height)
    if lead:
        attrs.setdefault("loading", "eager")
        attrs.setdefault("fetchpriority", "high")
    else:
        attrs.setdefault("loading", "lazy")
    attrs.setdefault("decoding", "async")
    srcset = ", ".join(f"{page.url(v.path)} {v.width}w" for v in picture.webp)
    source = _tag("source", {"type": "image/webp", "srcset": srcset, "sizes": sizes})
    return f"<picture>{source}{_tag('img', attrs)}</picture>"


def enhance_images(
    html: str, size_of: Callable[[str], Size | None], page: PageImages | None = None, lead: bool = False
) -> str:
    """`html` with every `<img>` sized and lazy, pictures the pipeline made as `<picture>`, lone images as figures.

    `size_of` gets the `src` as written in the page; attributes already written by the author win.
    With `lead`, the first picture is the page's lead picture (fetched first, not lazily).
    """
    first = [lead]

    def image(attrs: dict[str, str]) -> str:
        picture = page.picture(attrs.get("src", "")) if page else None
        if picture is not None:
            is_lead, first[0] = first[0], False
            return picture_html(picture, page, attrs, lead=is_lead)
        attrs.setdefault("loading", "lazy")
        attrs.setdefault("decoding", "async")
        size = size_of(attrs.get("src", "")) if "width" not in attrs and "height" not in attrs else None
        if size:
            attrs["width"], attrs["height"] = str(size[0]), str(size[1])
        return _tag("img", attrs)

    def zoom_target(src: str) -> str:
        picture = page.picture(src) if page else None
        return page.url(picture.largest.path) if picture else src

    def figure(tag: str) -> str:
        attrs = _attributes(tag)
        src, alt = attrs.get("src", ""), " ".join(attrs.get("alt", "").split())
        caption = f"<figcaption>{escape(alt)}</figcaption>" if alt else ""
        name = "" if alt else f' aria-label="{escape(LABELS["image_zoom"])}"'  # a link needs a name
        link = f'<a class="news-figure__zoom" href="{escape(zoom_target(src))}"{name} data-news-lightbox>{image(attrs)}</a>'
        return f'<figure class="news-figure">{link}{caption}</figure>'

    def link(match: re.Match) -> str:
        attrs = _attributes(match.group(0))
        target = zoom_target(attrs.get("href", ""))
        if target == attrs.get("href", ""):
            return match.group(0)
        attrs["href"] = target
        return _tag("a", attrs)

    html = _LINKS.sub(link, html) if page else html
    return _IMAGES.sub(lambda m: figure(m.group(1)) if m.group(1) else image(_attributes(m.group(0))), html)
