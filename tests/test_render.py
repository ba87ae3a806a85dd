"""The fast paths of hooks/news_render.py against MkDocs' own, page by page (the build test
compares whole sites, whose posts may not exercise everything a converter carries over)."""

import dataclasses
import functools
import logging
import os
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from news_cache import MarkdownCache
from news_render import Background, MarkdownRenderer, run_parallel
from newsroom.pages import generated_pages
from newsroom.views import PostView

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


def _touch(folder, name):
    with open(folder / name, "x") as file:  # a task run twice fails
        file.write(str(os.getpid()))


def test_every_task_runs_exactly_once_across_the_workers(tmp_path):
    names = [f"{n}.txt" for n in range(1000)]
    tasks = [functools.partial(_touch, tmp_path, name) for name in names]
    run_parallel(tasks, jobs=3, strict=True)
    assert sorted(p.name for p in tmp_path.glob("*.txt")) == sorted(names)
    assert len({p.read_text() for p in tmp_path.glob("*.txt")}) > 1  # more than one process did some


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_failing_or_warning_task_fails_the_build(jobs):
    with pytest.raises(PluginError, match="Lỗi khi dựng"):
        run_parallel([lambda: None, lambda: 1 / 0], jobs=jobs, strict=True)
    warn = functools.partial(logging.getLogger("mkdocs.plugins.newsroom").warning, "cảnh báo")
    with pytest.raises(PluginError, match="strict"):
        run_parallel([warn], jobs=jobs, strict=True)
    run_parallel([warn], jobs=jobs, strict=False)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_background_task_is_done_or_reported_when_waited_for(tmp_path, jobs):
    Background(functools.partial(_touch, tmp_path, "done.txt"), jobs=jobs, strict=True).wait()
    assert (tmp_path / "done.txt").exists()
    with pytest.raises(PluginError, match="Lỗi khi dựng"):
        Background(lambda: 1 / 0, jobs=jobs, strict=True).wait()


HOSTILE = ['"><script>alert(1)</script>', "yes", "null", "1.5", "- a: b", "#không", "Kế hoạch: 263/KH-LĐLĐ", "a\\nb", "'"]


def test_the_front_matter_we_keep_is_what_mkdocs_parses_from_the_page(sample_model):
    """news_render.read_source trusts GeneratedPage.meta and .body instead of parsing content."""
    pages = generated_pages(sample_model)
    post = sample_model.posts[0]
    strange = [dataclasses.replace(post, title=title, description=title, url=f"{post.url}{n}/") for n, title in enumerate(HOSTILE)]
    views = {p.url: PostView(p, (), None, None) for p in strange}
    title_pages = generated_pages(dataclasses.replace(sample_model, post_views=views))
    assert len(pages) > 50 and len(title_pages) == len(pages) - len(sample_model.posts) + len(HOSTILE)
    for page in pages + title_pages:
        markdown, meta = get_data(page.content)
        assert (markdown, meta) == (page.body.lstrip("\n"), dict(page.meta)), page.src_uri


def test_pages_from_the_markdown_cache_are_the_pages_rendered(tmp_path):
    config = load_config(str(ROOT / "mkdocs.yml"))
    files = Files([_file(config, uri, text) for uri, text in SOURCES.items()])
    cold = MarkdownRenderer(config, MarkdownCache(tmp_path, config))
    expected = {}
    for uri in SOURCES:
        page = _page(config, files, uri)
        cold.render(page, files)
        expected[uri] = _rendered(page)
    warm_cache = MarkdownCache(tmp_path, config)
    warm = MarkdownRenderer(config, warm_cache)
    for uri in SOURCES:
        page = _page(config, files, uri)
        warm.render(page, files)
        assert _rendered(page) == expected[uri], uri
    assert (warm_cache.hits, warm_cache.misses) == (3, 0)  # b/index.md is empty: never converted


def test_a_cached_page_whose_link_now_leads_elsewhere_is_rendered_again(tmp_path):
    config = load_config(str(ROOT / "mkdocs.yml"))
    files = Files([_file(config, uri, text) for uri, text in SOURCES.items()])
    page = _page(config, files, "c/index.md")
    MarkdownRenderer(config, MarkdownCache(tmp_path, config)).render(page, files)
    assert 'href="../a/#muc-1"' in page.content
    moved = Files([_file(config, uri.replace("a/", "moi/a/"), text) for uri, text in SOURCES.items() if uri != "c/index.md"])
    moved.append(files.get_file_from_path("c/index.md"))
    cache = MarkdownCache(tmp_path, config)
    again = _page(config, moved, "c/index.md")
    MarkdownRenderer(config, cache).render(again, moved)
    assert (cache.hits, cache.misses) == (0, 1) and 'href="../a/#muc-1"' not in again.content


def test_a_page_whose_rendering_warned_is_not_kept_so_the_warning_comes_back(tmp_path, caplog):
    config = load_config(str(ROOT / "mkdocs.yml"))
    files = Files([_file(config, "e/index.md", "Xem [bài đã xoá](../khong-co.md).\n")])
    for _ in range(2):
        caplog.clear()
        MarkdownRenderer(config, MarkdownCache(tmp_path, config)).render(_page(config, files, "e/index.md"), files)
        assert "khong-co.md" in caplog.text
    assert not list(tmp_path.rglob("*.json"))
