"""Which posts a live preview builds on a large site, so that an edit shows within seconds.

`make serve` on a site of thousands of posts would rebuild everything on each save. The preview
builds the newest posts by path (posts/YYYY/MM/...) and the most recently saved files (the one
just edited is always the newest), and every page says so. `make build` always builds them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PreviewPlan:
    paths: tuple[Path, ...]  # the files to build, in the usual order
    total: int  # how many post files the site has

    @property
    def partial(self) -> bool:
        return len(self.paths) < self.total


def plan_preview(files: list[Path], mtimes: dict[Path, float], newest: int = 150, recent: int = 20) -> PreviewPlan:
    """The newest `newest` files by path and the `recent` last saved ones; all when few."""
    if len(files) <= newest + recent:
        return PreviewPlan(tuple(files), len(files))
    by_path = sorted(files, reverse=True)[:newest]
    by_save = sorted(files, key=lambda path: (-mtimes[path], str(path)))[:recent]
    chosen = set(by_path) | set(by_save)
    return PreviewPlan(tuple(path for path in files if path in chosen), len(files))
