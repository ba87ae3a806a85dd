"""Rendered Markdown of the generated pages, kept between builds (NEWSROOM_CACHE=folder).

Python-Markdown is about a third of a large build, and between two publishing runs almost every
post is unchanged. An entry holds what MkDocs' Page.render leaves on the page (HTML, table of
contents, title, anchors) under a hash of everything the HTML is made from: the page's address
and Markdown, the Markdown settings and the versions of MkDocs and Python-Markdown. The HTML also
depends on the posts a body links to: each entry records the files its links were looked up as
and what they resolved to, and is used only if every one of them still resolves the same way.
A page whose rendering logged anything (a broken link warns) is never kept, so its warning comes
back on every build.

Entries are JSON (a cache restored in CI is data, never code), written atomically; one that
cannot be read is a miss. Entries not used by a build are removed at its end (`prune`).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

FORMAT = 1


def _version(distribution: str) -> str:
    try:
        return version(distribution)
    except PackageNotFoundError:
        return ""


class LookupRecorder:
    """The site's files as a page's links see them, noting each lookup and its answer."""

    def __init__(self, files):
        self._files = files
        self.lookups: dict[str, tuple[str, bool] | None] = {}

    def get_file_from_path(self, path: str):
        found = self._files.get_file_from_path(path)
        self.lookups[path] = None if found is None else (found.url, found.inclusion.is_excluded())
        return found

    def __getattr__(self, name):
        return getattr(self._files, name)


class MarkdownCache:
    """Entries under `folder`, for one build with `config`."""

    def __init__(self, folder: Path, config):
        self.folder = Path(folder) / f"markdown-{FORMAT}"
        settings = [
            FORMAT,
            *(_version(name) for name in ("mkdocs", "markdown", "pymdown-extensions", "mkdocs-material")),
            repr(config["markdown_extensions"]),
            repr(sorted((config["mdx_configs"] or {}).items())),
            config["use_directory_urls"],
            repr(config["validation"]),
        ]
        self._salt = hashlib.sha256(json.dumps(settings, default=repr).encode()).hexdigest()
        self._started = time.time()
        self.hits = self.misses = 0

    def _path(self, page) -> Path:
        digest = hashlib.sha256(f"{self._salt}\0{page.file.src_uri}\0{page.file.url}\0{page.markdown}".encode()).hexdigest()
        return self.folder / digest[:2] / f"{digest}.json"

    def load(self, page, files) -> dict | None:
        """The entry for `page` if it is there and its links still lead where they did."""
        path = self._path(page)
        try:
            entry = json.loads(path.read_bytes())
            for target, answer in entry["lookups"]:
                found = files.get_file_from_path(target)
                if (None if found is None else [found.url, found.inclusion.is_excluded()]) != answer:
                    raise LookupError(target)
            os.utime(path)  # used by this build: kept by prune
        except (OSError, ValueError, KeyError, TypeError, LookupError):
            self.misses += 1
            return None
        self.hits += 1
        return entry

    def store(self, page, entry: dict, lookups: dict) -> None:
        """Keep `entry` for `page`, with the lookups its links made."""
        path = self._path(page)
        data = json.dumps({**entry, "lookups": [[target, None if answer is None else list(answer)] for target, answer in lookups.items()]})
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp") as temp:
                temp.write(data)
            os.replace(temp.name, path)
        except OSError:  # a cache that cannot be written only costs time
            pass

    def prune(self) -> int:
        """Remove entries this build did not use or write; how many were removed."""
        removed = 0
        for path in self.folder.glob("*/*"):
            try:
                if path.stat().st_mtime < self._started:  # coarse clocks only cost a re-render
                    path.unlink()
                    removed += 1
            except OSError:
                pass
        return removed
