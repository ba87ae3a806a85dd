"""Material's page frame (header search, tabs, navigation, footer, config) rendered once per
folder of pages, not once per page.

A news site has thousands of pages outside the navigation: posts and listings. On all of them
those parts of Material's frame come out the same except for their relative links
(`../../chuyen-muc/`): no navigation entry is active, there is no previous or next page, and no
part links to the page itself. A relative link to anywhere but the page itself (or below it)
depends only on the folder the page is in, so a part is rendered once per folder (`2021/07/`)
and kept. A page in the navigation (Material marks its entry active and may show its table of
contents there) is always rendered in full, as is a page MkDocs renders without our context.

Without this, the frame was about half of all template time on a large site.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from mkdocs.structure.nav import Navigation

FrameKey = tuple[str]


class FrameCache:
    """Rendered frame parts by (part name, frame key), for one build."""

    def __init__(self, nav: Navigation):
        self._in_nav = {page.file.src_uri for page in nav.pages}
        self._html: dict[tuple[str, FrameKey], str] = {}

    def key(self, page) -> FrameKey | None:
        """What the frame of `page` depends on (its folder), or None to render it in full."""
        if page is None or page.file.src_uri in self._in_nav or page.previous_page or page.next_page:
            return None
        return (posixpath.dirname(page.url.rstrip("/")),)

    def render(self, part: str, key: FrameKey | None, caller: Callable[[], str]) -> str:
        """The HTML of `part` for frame `key`: rendered by `caller` the first time only."""
        if not key:  # also a Jinja Undefined: a page rendered without our context
            return caller()
        found = self._html.get((part, key))
        if found is None:
            found = self._html[(part, key)] = caller()
        return found
