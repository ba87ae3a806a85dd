"""Material's page frame (tabs, sidebar navigation, footer) rendered once per frame, not per page.

A news site has thousands of pages outside the navigation: posts and listings. For every one of
them Material's tabs, navigation and footer come out the same except for their relative links
(`../../chuyen-muc/`), because no navigation entry is active, there is no previous or next page
and nothing else in them depends on the page. So their HTML is kept under the relative address
of every navigation entry as seen from the page, and a page with the same addresses gets the
same HTML. A page in the navigation (Material marks its entry active and may show its table of
contents there) is always rendered in full, as is a page MkDocs renders without our context.

Without this, the frame was about half of all template time on a large site.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from mkdocs.structure.nav import Navigation, Section
from mkdocs.utils import normalize_url

FrameKey = tuple[str, ...]


class FrameCache:
    """Rendered frame parts by (part name, frame key), for one build."""

    def __init__(self, nav: Navigation, homepage: str | None = None):
        urls = [item.url for item in _entries(nav.items) if not isinstance(item, Section)]
        if nav.homepage is not None:
            urls.append(nav.homepage.url)
        if homepage:  # Material's `extra.homepage` replaces the logo's link
            urls.append(homepage)
        self._urls = tuple(urls)
        self._in_nav = {page.file.src_uri for page in nav.pages}
        self._html: dict[tuple[str, FrameKey], str] = {}

    def key(self, page) -> FrameKey | None:
        """What the frame of `page` depends on, or None if it must be rendered in full."""
        if page is None or page.file.src_uri in self._in_nav or page.previous_page or page.next_page:
            return None
        return tuple(normalize_url(url, page) for url in self._urls)

    def render(self, part: str, key: FrameKey | None, caller: Callable[[], str]) -> str:
        """The HTML of `part` for frame `key`: rendered by `caller` the first time only."""
        if not key:  # also a Jinja Undefined: a page rendered without our context
            return caller()
        found = self._html.get((part, key))
        if found is None:
            found = self._html[(part, key)] = caller()
        return found


def _entries(items: Iterable) -> Iterable:
    for item in items:
        yield item
        yield from _entries(getattr(item, "children", None) or ())
