"""Renders the generated news pages with MkDocs' own page and theme machinery, on every core.

MkDocs builds pages one by one in one process. A news site is mostly generated pages (posts
and listings) that depend on nothing but the data already computed, so after MkDocs has built
its own pages we render ours in forked worker processes: the same calls as MkDocs'
`_populate_page` and `_build_page` (read source, Markdown, page context, template, post-page
events, write), so the output is byte-identical to letting MkDocs render them (tests compare).
Workers take pages from a shared queue. `Background` runs a task (the search index) in its own
process from early in the build.

A worker that fails, or logs a warning in strict mode, fails the build as MkDocs would.
"""

from __future__ import annotations

import functools
import gc
import logging
import os
import signal
import struct
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

import markdown

from mkdocs import utils
from mkdocs.commands.build import get_context
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import (
    Page,
    _ExtractAnchorsTreeprocessor,
    _ExtractTitleTreeprocessor,
    _RawHTMLPreprocessor,
    _RelativePathTreeprocessor,
    get_toc,
)
from mkdocs.structure.pages import log as page_log

from news_cache import LookupRecorder, MarkdownCache

class MarkdownRenderer:
    """Page.render, with one Markdown converter per process reset between pages.

    MkDocs makes a new converter, loading every extension, for each page: about a sixth of the
    Markdown time of a news site. The steps are those of mkdocs.structure.pages.Page.render in
    mkdocs 1.6.1 (pinned); the build test compares the site with MkDocs rendering every page.
    With a `cache` (news_cache.MarkdownCache), a page rendered by an earlier build is not
    rendered again.
    """

    def __init__(self, config, cache: MarkdownCache | None = None):
        self._config = config
        self._converter: markdown.Markdown | None = None
        self._cache = cache

    def render(self, page: Page, files: Files) -> None:
        if self._cache is None or not page.markdown.strip():  # an empty body is not even converted
            self._render(page, files)
            return
        entry = self._cache.load(page, files)
        if entry is not None:
            _restore(page, entry, files)
            return
        recorder = LookupRecorder(files)
        with _Counter(logging.NOTSET, "mkdocs", "MARKDOWN") as logged:
            self._render(page, recorder)
        if not logged.count:  # a warning must come back on every build: never cached
            self._cache.store(page, _entry(page, self._converter), recorder.lookups)

    def _render(self, page: Page, files) -> None:
        config = self._config
        if self._converter is None:
            self._converter = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {})
        md = self._converter.reset()
        raw_html_ext = _RawHTMLPreprocessor()
        raw_html_ext._register(md)  # registering under the same name replaces the last page's
        extract_anchors_ext = _ExtractAnchorsTreeprocessor(page.file, files, config)
        extract_anchors_ext._register(md)
        relative_path_ext = _RelativePathTreeprocessor(page.file, files, config)
        relative_path_ext._register(md)
        extract_title_ext = _ExtractTitleTreeprocessor()
        extract_title_ext._register(md)
        page.content = md.convert(page.markdown)
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = extract_title_ext.title
        page.present_anchor_ids = extract_anchors_ext.present_anchor_ids | raw_html_ext.present_anchor_ids
        if page_log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative_path_ext.links_to_anchors


def _entry(page: Page, converter: markdown.Markdown) -> dict:
    """What Page.render left on `page`, as JSON data (the table of contents as Markdown's tokens)."""
    links = page.links_to_anchors
    return {
        "content": page.content,
        "toc": getattr(converter, "toc_tokens", []),
        "title": page._title_from_render,
        "anchors": sorted(page.present_anchor_ids),
        "links": None if links is None else [[file.src_uri, anchors] for file, anchors in links.items()],
    }


def _restore(page: Page, entry: dict, files: Files) -> None:
    page.content = entry["content"]
    page.toc = get_toc(entry["toc"])
    page._title_from_render = entry["title"]
    page.present_anchor_ids = set(entry["anchors"])
    if page_log.getEffectiveLevel() > logging.DEBUG:
        # every file named here was a lookup of the entry, which load() found unchanged
        page.links_to_anchors = {files.get_file_from_path(uri): anchors for uri, anchors in entry["links"] or []}


def read_source(page: Page, config, known: tuple[Mapping, str] | None) -> None:
    """Page.read_source, without parsing again the front matter we wrote (`known`: meta, body).

    mkdocs.utils.meta.get_data parses it with pure-Python YAML, a tenth of a millisecond per
    page; what it returns is the meta as written and the body without its leading line breaks.
    """
    if known is None or config.plugins.events["page_read_source"]:  # a plugin may supply the source
        page.read_source(config)
        return
    meta, body = known
    page.markdown, page.meta = body.lstrip("\n"), dict(meta)


def build_page(
    file, config, files: Files, nav, env, doc_files: Sequence, renderer: MarkdownRenderer, known: tuple[Mapping, str] | None = None
) -> None:
    """One page, exactly as mkdocs.commands.build populates and builds a page."""
    page = Page(None, file, config)
    config._current_page = page
    try:
        page = config.plugins.on_pre_page(page, config=config, files=files)
        read_source(page, config, known)
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        renderer.render(page, files)
        page.content = config.plugins.on_page_content(page.content, page=page, config=config, files=files)
        page.active = True
        context = get_context(nav, doc_files, config, page)
        template = env.get_template(page.meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        output = template.render(context)
        output = config.plugins.on_post_page(output, page=page, config=config)
        if output.strip():
            utils.write_file(output.encode("utf-8", errors="xmlcharrefreplace"), page.file.abs_dest_path)
    finally:
        page.active = False
        config._current_page = None


class _Counter(logging.Handler):
    """Counts the records of `level` or above that `loggers` log while in a `with` block."""

    def __init__(self, level: int, *loggers: str):
        super().__init__(level)
        self.loggers, self.count = [logging.getLogger(name) for name in loggers], 0

    def emit(self, record):
        self.count += 1

    def __enter__(self):
        for logger in self.loggers:
            logger.addHandler(self)
        return self

    def __exit__(self, *exc):
        for logger in self.loggers:
            logger.removeHandler(self)


def _run(work: Iterable[Callable[[], None]] | Callable[[], Iterable[Callable[[], None]]], strict: bool) -> int:
    """Exit status of a worker: 0 done, 1 crashed, 2 warnings under strict."""
    with _Counter(logging.WARNING, "mkdocs") as warnings:
        try:
            for task in work() if callable(work) else work:
                task()
        except Exception:  # reported by the parent as a build failure; the traceback helps us
            traceback.print_exc()
            return 1
    return 2 if strict and warnings.count else 0


def run_parallel(tasks: list[Callable[[], None]], jobs: int, strict: bool) -> None:
    """Run tasks in `jobs` processes (this one included); raise PluginError if any failed."""
    if not _can_fork(jobs):
        _raise_if_failed([_run(tasks, strict)])
        return
    # The queue is a pipe holding every chunk number, written before any worker starts: a read of
    # one number is atomic, so each chunk goes to exactly one worker, and an empty pipe ends them.
    size = max(_CHUNK, len(tasks) * _NUMBER.size // _PIPE_CAPACITY + 1)
    parts = [range(start, min(start + size, len(tasks))) for start in range(0, len(tasks), size)]
    queue_out, queue_in = os.pipe()
    os.write(queue_in, b"".join(_NUMBER.pack(number) for number in range(len(parts))))
    os.close(queue_in)
    take = functools.partial(_next_tasks, queue_out, tasks, parts)
    try:
        children = [_fork(take, strict) for _ in range(jobs - 1)]
        gc.freeze()  # this process's share: its collections, too, can leave the old objects alone
        statuses = [_run(take, strict)]
    finally:
        gc.unfreeze()
        os.close(queue_out)
    _raise_if_failed(statuses + [_wait(pid) for pid in children])


_CHUNK = 8  # pages per chunk: small enough to even out, large enough that the queue costs nothing
_NUMBER = struct.Struct("=I")
_PIPE_CAPACITY = 60_000  # Linux pipes hold 64 KiB; all chunk numbers are written before reading


def _next_tasks(queue: int, tasks: list[Callable[[], None]], parts: list[range]) -> Iterator[Callable[[], None]]:
    while len(data := os.read(queue, _NUMBER.size)) == _NUMBER.size:
        (number,) = _NUMBER.unpack(data)
        yield from (tasks[index] for index in parts[number])


class Background:
    """A task run in a forked process while the build goes on (inline if there is one core).

    The search index needs only the published posts, so it is built beside the rest of the
    build (reading the nav, MkDocs' own pages, rendering ours) rather than after it.
    """

    def __init__(self, task: Callable[[], None], jobs: int, strict: bool):
        self._pid = None
        if not _can_fork(jobs):
            _raise_if_failed([_run([task], strict)])
            return
        self._pid = _fork([task], strict)

    def wait(self) -> None:
        """Raise PluginError if the task failed or warned under strict."""
        pid, self._pid = self._pid, None
        if pid is not None:
            _raise_if_failed([_wait(pid)])

    def cancel(self) -> None:
        """Stop the task: the build failed elsewhere."""
        if self._pid is not None:
            os.kill(self._pid, signal.SIGTERM)
            os.waitpid(self._pid, 0)
            self._pid = None


def _can_fork(jobs: int) -> bool:
    return jobs > 1 and hasattr(os, "fork")


def _fork(work, strict: bool) -> int:
    """Start `work` (as `_run` takes it) in a child process; its pid."""
    sys.stdout.flush(), sys.stderr.flush()
    gc.freeze()  # the child shares this process's objects; without this, its collections copy them
    pid = os.fork()
    if pid == 0:  # the child: its work, then leave without running MkDocs' cleanup
        status = _run(work, strict)
        sys.stdout.flush(), sys.stderr.flush()
        os._exit(status)
    gc.unfreeze()
    return pid


def _wait(pid: int) -> int:
    _, code = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(code)


def _raise_if_failed(statuses: list[int]) -> None:
    failed = [status for status in statuses if status]
    if failed:
        raise PluginError(_failure(2 if set(failed) == {2} else 1))


def _failure(status: int) -> str:
    if status == 2:
        return "Có cảnh báo khi dựng trang tin (chế độ strict) -> xem các dòng WARNING ở trên"
    return "Lỗi khi dựng trang tin -> xem thông báo lỗi ở trên"
