"""Material's page frame (header search, tabs, navigation, footer, config) rendered once per
folder of pages, not once per page.

A news site has thousands of pages outside the navigation: posts and listings. On all of them
those parts of Material's frame come out the same except for their relative links
(`../../chuyen-muc/`): no navigation entry is active, there is no previous or next page, and no
part links to the page itself. A relative link to anywhere but the page itself (or below it)
depends only on the folder the page is in, so a part is rendered once per folder (`2021/07/`)
and kept. A page in the navigation (Material marks its entry active and may show its table of
contents there) is always rendered in full, as is a page MkDocs renders without our context.

The header also shows the page title: it is rendered once per folder with a stand-in page whose
title is a marker (`TitleStub`), and the marker is replaced by each page's own title.

Without this, the frame was about half of all template time on a large site.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from mkdocs.structure.nav import Navigation

FrameKey = tuple[str]
TITLE = "\x00news-frame-title\x00"  # cannot occur in a template or a title: YAML refuses NUL


class TitleStub:
    """The page as a titled part sees it: Material's header reads only its title, and the `url`
    filter its address (any page of the folder gives the same relative links)."""

    title = TITLE

    def __init__(self, page):
        self.url = page.url
        self.meta = {"title": TITLE}


class FrameCache:
    """Rendered frame parts by (part name, frame key), for one build."""

    def __init__(self, nav: Navigation):
        self._in_nav = {page.file.src_uri for page in nav.pages}
        self._html: dict[tuple[str, FrameKey], str] = {}

    def key(self, page) -> FrameKey | None:
        """What the frame of `page` depends on (its folder), or None to render it in full."""
        if page.file.src_uri in self._in_nav or page.previous_page or page.next_page:
            return None
        folder = posixpath.dirname(page.url.rstrip("/"))
        # the few pages at the top (tim-kiem/, da-luu/, ngoai-tuyen/) are rendered in full: the
        # search frame links to tim-kiem/, which is "./" on the search page itself
        return (folder,) if folder else None

    def render(self, part: str, key: FrameKey | None, caller: Callable[[], str], title: str | None = None) -> str:
        """The HTML of `part` for frame `key`: rendered by `caller` the first time only.

        With `title`, the part was rendered for a `TitleStub` and its marker becomes `title`.
        """
        if not key:  # also a Jinja Undefined: a page rendered without our context
            return caller()
        found = self._html.get((part, key))
        if found is None:
            found = self._html[(part, key)] = caller()
        return found if title is None else found.replace(TITLE, str(title))
