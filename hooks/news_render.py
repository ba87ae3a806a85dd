"""Renders the generated news pages with MkDocs' own page and theme machinery, on every core.

MkDocs builds pages one by one in one process. A news site is mostly generated pages (posts
and listings) that depend on nothing but the data already computed, so after MkDocs has built
its own pages we render ours in forked worker processes: the same calls as MkDocs'
`_populate_page` and `_build_page` (read source, Markdown, page context, template, post-page
events, write), so the output is byte-identical to letting MkDocs render them (tests compare).
Extra tasks (the search index) run in the same workers, beside the pages.

A worker that fails, or logs a warning in strict mode, fails the build as MkDocs would.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Callable, Sequence

from mkdocs import utils
from mkdocs.commands.build import get_context
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.newsroom")


def build_page(file, config, files: Files, nav, env, doc_files: Sequence) -> None:
    """One page, exactly as mkdocs.commands.build populates and builds a page."""
    page = Page(None, file, config)
    config._current_page = page
    try:
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        page.render(config, files)
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
    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


def _run(work: list[Callable[[], None]], strict: bool) -> int:
    """Exit status of a worker: 0 done, 1 crashed, 2 warnings under strict."""
    counter = _Counter()
    logging.getLogger("mkdocs").addHandler(counter)
    try:
        for task in work:
            task()
    except Exception:  # reported by the parent as a build failure; the traceback helps us
        traceback.print_exc()
        return 1
    finally:
        logging.getLogger("mkdocs").removeHandler(counter)
    return 2 if strict and counter.count else 0


def share(tasks: list[Callable[[], None]], costs: list[float], jobs: int) -> list[list[Callable[[], None]]]:
    """Split tasks into `jobs` lists of about equal cost, keeping each list in task order."""
    total = sum(costs) or 1.0
    lists: list[list[Callable[[], None]]] = [[] for _ in range(jobs)]
    done = 0.0
    for task, cost in zip(tasks, costs):
        index = min(jobs - 1, int(done / total * jobs))
        lists[index].append(task)
        done += cost
    return lists


def run_parallel(tasks: list[Callable[[], None]], costs: list[float], jobs: int, strict: bool) -> None:
    """Run tasks in `jobs` processes (this one included); raise PluginError if any failed."""
    if jobs <= 1 or not hasattr(os, "fork"):
        status = _run(tasks, strict)
        if status:
            raise PluginError(_failure(status))
        return
    parts = share(tasks, costs, jobs)
    sys.stdout.flush(), sys.stderr.flush()
    children = []
    for part in parts[1:]:
        pid = os.fork()
        if pid == 0:  # the worker: do its share, then leave without running MkDocs' cleanup
            status = _run(part, strict)
            sys.stdout.flush(), sys.stderr.flush()
            os._exit(status)
        children.append(pid)
    statuses = [_run(parts[0], strict)]
    for pid in children:
        _, code = os.waitpid(pid, 0)
        statuses.append(os.waitstatus_to_exitcode(code))
    failed = [status for status in statuses if status]
    if failed:
        raise PluginError(_failure(2 if set(failed) == {2} else 1))


def _failure(status: int) -> str:
    if status == 2:
        return "Có cảnh báo khi dựng trang tin (chế độ strict) -> xem các dòng WARNING ở trên"
    return "Lỗi khi dựng trang tin -> xem thông báo lỗi ở trên"
