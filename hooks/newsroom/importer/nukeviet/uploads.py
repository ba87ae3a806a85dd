"""The old portal's uploads folder: finding the files a dump names, and refusing what is not inert.

NukeViet keeps a module's files in `uploads/<module>/` (full pictures, attachments) and small copies
in `assets/<module>/` (the thumbnails homeimgthumb=1 points at). `--uploads` may name the portal's
root folder (holding uploads/ and assets/) or its uploads/ folder itself. Every file is held to the
site's own rules (newsroom.inert): no links, nothing outside the folder, inert kinds by content.
"""

from __future__ import annotations

from pathlib import Path

from ...inert import content_problem


class Uploads:
    def __init__(self, folder: Path | None, module: str):
        self.folder = folder.resolve() if folder else None
        self.module = module
        self._found: dict[tuple[str, bool], Path | None] = {}
        self.refused: dict[str, tuple[str, dict]] = {}  # reference -> (message kind, values)

    def _candidates(self, reference: str) -> list[Path]:
        root = self.folder
        if root is None:
            return []
        parent = root.parent
        return [
            root / "uploads" / self.module / reference,
            root / self.module / reference,
            root / "assets" / self.module / reference,
            parent / "assets" / self.module / reference,
        ]

    def find(self, reference: str, image: bool = False) -> Path | None:
        """The file `reference` ("2021_07/anh.jpg") names, when the folder has it and it may be
        published (as a picture when `image`); else None, and `refused` says why when it exists."""
        key = (reference, image)
        if key not in self._found:
            path = next((p for p in self._candidates(reference) if self._usable(p)), None)
            if path is not None:
                problem = content_problem(path, reference, as_image=image)
                if problem is not None:
                    self.refused[reference] = problem
                    path = None
            self._found[key] = path
        return self._found[key]

    def _usable(self, path: Path) -> bool:
        if ".." in Path(path).parts:
            return False
        try:
            return path.is_file() and not path.is_symlink() and path.resolve().is_relative_to(self.folder.parent)
        except (OSError, ValueError):
            return False
