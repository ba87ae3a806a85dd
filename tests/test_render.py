"""The fast paths of hooks/news_render.py against MkDocs' own, page by page (the build test
compares whole sites, whose posts may not exercise everything a converter carries over)."""

from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from news_render import MarkdownRenderer

ROOT = Path(__file__).resolve().parent.parent

# Each page leaves state a reused converter could carry into the next one: headings (table of
# contents, ids), a reference definition, raw HTML with an id; an empty page is not converted at all.
SOURCES = {
    "a/index.md": '# Tiêu đề\n\n## Mục 1\n\n[x]: https://a.example/\n\n<div id="neo">a</div>\n\nXem [x].\n',
    "b/index.md": "",
    "c/index.md": "Xem [x] và [liên kết][x].\n\n## Mục 1\n\n[Bài a](../a/index.md#muc-1)\n",
    "d/index.md": "# Tiêu đề\n\n## Mục 1\n",
}


def _file(config, uri, text):
    file = File(uri, src_dir=None, dest_dir=config.site_dir, use_directory_urls=True)
    file.content_string = text
    return file


def _page(config, files, uri):
    page = Page(None, files.get_file_from_path(uri), config)
    page.read_source(config)
    return page


def _rendered(page):
    return page.content, [str(item) for item in page.toc], page.title, page.present_anchor_ids, page.links_to_anchors


def test_one_converter_for_every_page_renders_each_page_as_mkdocs_does():
    config = load_config(str(ROOT / "mkdocs.yml"))
    files = Files([_file(config, uri, text) for uri, text in SOURCES.items()])
    renderer = MarkdownRenderer(config)
    for uri in [*SOURCES, *SOURCES]:  # twice: the second round follows the last page
        ours, theirs = _page(config, files, uri), _page(config, files, uri)
        renderer.render(ours, files)
        theirs.render(config, files)
        assert _rendered(ours) == _rendered(theirs), uri
