"""Which files may be published: only the repository's own files, and only kinds that cannot run code.

A symbolic link would publish whatever it points at on the build machine (`/etc/passwd`,
`/proc/self/environ` with the build's secrets), and an HTML, XHTML or SVG file opened on the
site's origin runs its script there, where every project site of `<org>.github.io` and the admin
page's sign-in token live. So every file the build reads from the repository passes here:

- `reference_problem`: a file a post names (its image, an attachment, a file its body links to)
  must be a real file inside the repository, reached without any symbolic link, and of an
  allowed kind by its content, agreeing with its name;
- `tree_problems`: the folders MkDocs copies as they are (docs/, the theme's overrides/) hold no
  symbolic link and no file that runs code.

Kinds are recognised by content with libmagic (the `file` command's database, through
python-magic), then checked against an allow-list keyed by the file's extension: GitHub Pages
chooses the Content-Type from the extension, so both must agree. SVG is refused, not sanitised:
an SVG opened directly gets no Content-Security-Policy on GitHub Pages (no headers, and an SVG
carries no <meta>), so a sanitiser bypass would run script on the origin (README, Guarantees).
"""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .labels import message
from .model import Problem


@dataclass(frozen=True)
class Kind:
    """An allowed kind of file: what readers are told it is, its extensions and libmagic's names for it."""

    label: str
    extensions: tuple[str, ...]
    mimes: tuple[str, ...]
    image: bool = False
    zip_part: str = ""  # a part every such archive holds: confirms OOXML/ODF when libmagic says only "zip"


_OLE = ("application/x-ole-storage", "application/CDFV2")  # a compound file whose application libmagic could not name
KINDS: tuple[Kind, ...] = (
    Kind("ảnh JPEG", ("jpg", "jpeg", "jpe"), ("image/jpeg",), image=True),
    Kind("ảnh PNG", ("png",), ("image/png",), image=True),
    Kind("ảnh WebP", ("webp",), ("image/webp",), image=True),
    Kind("ảnh GIF", ("gif",), ("image/gif",), image=True),
    Kind("ảnh AVIF", ("avif",), ("image/avif",), image=True),
    Kind("ảnh HEIC", ("heic", "heif"), ("image/heic", "image/heif", "image/heic-sequence", "image/heif-sequence"), image=True),
    Kind("tài liệu PDF", ("pdf",), ("application/pdf",)),
    Kind("tài liệu Word", ("docx",), ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",), zip_part="word/document.xml"),
    Kind("bảng tính Excel", ("xlsx",), ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",), zip_part="xl/workbook.xml"),
    Kind("trình chiếu PowerPoint", ("pptx",), ("application/vnd.openxmlformats-officedocument.presentationml.presentation",), zip_part="ppt/presentation.xml"),
    Kind("tài liệu Word 97-2003", ("doc",), ("application/msword", *_OLE)),
    Kind("bảng tính Excel 97-2003", ("xls",), ("application/vnd.ms-excel", *_OLE)),
    Kind("trình chiếu PowerPoint 97-2003", ("ppt",), ("application/vnd.ms-powerpoint", *_OLE)),
    Kind("văn bản OpenDocument", ("odt",), ("application/vnd.oasis.opendocument.text",), zip_part="content.xml"),
    Kind("bảng tính OpenDocument", ("ods",), ("application/vnd.oasis.opendocument.spreadsheet",), zip_part="content.xml"),
    Kind("trình chiếu OpenDocument", ("odp",), ("application/vnd.oasis.opendocument.presentation",), zip_part="content.xml"),
    Kind("tệp nén ZIP", ("zip",), ("application/zip",)),
    Kind("tệp nén RAR", ("rar",), ("application/x-rar", "application/vnd.rar")),
    Kind("tệp nén 7z", ("7z",), ("application/x-7z-compressed",)),
    Kind("văn bản thuần", ("txt",), ("text/plain",)),
    Kind("bảng CSV", ("csv",), ("text/csv", "text/plain", "application/csv")),
    Kind("âm thanh MP3", ("mp3",), ("audio/mpeg",)),
    Kind("video MP4", ("mp4", "m4v"), ("video/mp4",)),
)
_BY_EXTENSION = {extension: kind for kind in KINDS for extension in kind.extensions}
ACCEPTED = "PDF, Word, Excel, PowerPoint (cả dạng 97-2003), OpenDocument, ZIP, RAR, 7z, TXT, CSV, MP3, MP4, ảnh JPEG, PNG, WebP, GIF, AVIF, HEIC"

# Kinds that run script when a browser opens them from the site, by extension and by content.
_ACTIVE_EXTENSIONS = {
    "html": "trang web HTML", "htm": "trang web HTML", "shtml": "trang web HTML", "xhtml": "trang XHTML",
    "xht": "trang XHTML", "svg": "ảnh SVG", "svgz": "ảnh SVG", "xml": "tệp XML", "xsl": "tệp XSLT",
    "xslt": "tệp XSLT", "js": "mã JavaScript", "mjs": "mã JavaScript", "swf": "tệp Flash", "mht": "trang web MHTML",
    "mhtml": "trang web MHTML", "hta": "ứng dụng HTML", "php": "mã PHP", "exe": "chương trình", "bat": "chương trình",
}  # fmt: skip
_ACTIVE_MIMES = {
    "text/html": "trang web HTML", "application/xhtml+xml": "trang XHTML", "image/svg+xml": "ảnh SVG",
    "text/xml": "tệp XML", "application/xml": "tệp XML", "application/javascript": "mã JavaScript",
    "text/javascript": "mã JavaScript", "application/x-shockwave-flash": "tệp Flash",
    "application/x-dosexec": "chương trình", "application/x-executable": "chương trình",
}  # fmt: skip

# Files of the site's own code and pages in docs/ and overrides/: reviewed like code, never uploaded.
_SITE_CODE = {"md", "css", "js", "json", "map", "webmanifest", "woff", "woff2", "ico"}
_TEMPLATES = {"html", "jinja", "j2"}  # overrides/: Jinja templates, rendered, never copied as they are
_NOT_PUBLISHED = {"py", "pyc", "yml", "yaml"}  # MkDocs does not copy these from a theme folder


def kind_of(path: Path) -> Kind | None:
    """The allowed kind `path` is by its content and name, or None."""
    extension = _extension(path)
    kind = _BY_EXTENSION.get(extension)
    return kind if kind is not None and _content_matches(path, kind, sniff(path)) else None


def sniff(path: Path) -> str:
    """libmagic's MIME type of the file's content ("image/jpeg"); "" when it cannot say."""
    try:
        return _magic().from_file(str(path)) or ""
    except OSError:
        return ""
    except Exception as error:  # python-magic raises its own MagicException for unreadable files
        if type(error).__name__ == "MagicException":
            return ""
        raise


def _content_matches(path: Path, kind: Kind, mime: str) -> bool:
    if mime in kind.mimes:
        return True
    # OOXML and OpenDocument written by some programs put their parts in an order libmagic does
    # not look for: the archive is then confirmed by the part every such file holds.
    return bool(kind.zip_part) and mime in ("application/zip", "application/octet-stream") and _has_part(path, kind.zip_part)


def _has_part(path: Path, part: str) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return part in archive.NameToInfo
    except (OSError, zipfile.BadZipFile, ValueError):
        return False


def _extension(path: Path | str) -> str:
    name = os.path.basename(path)
    return name.rsplit(".", 1)[1].lower() if "." in name.strip(".") else ""


_MAGIC = None


def _magic():
    """One libmagic handle per process (forked readers inherit it; libmagic keeps no thread state)."""
    global _MAGIC
    if _MAGIC is None:
        try:
            import magic
        except ImportError as error:  # the library is there but not libmagic itself
            raise MissingLibmagic() from error
        _MAGIC = magic.Magic(mime=True)
    return _MAGIC


class MissingLibmagic(RuntimeError):
    def __init__(self) -> None:
        super().__init__(
            "thiếu thư viện libmagic để nhận biết loại tệp -> cài gói libmagic1 "
            "(Debian/Ubuntu: sudo apt-get install libmagic1; `make setup` tự cài khi chạy bằng root)"
        )


def check_libmagic() -> None:
    """Raise MissingLibmagic now rather than in the middle of reading posts."""
    _magic()


def reference_problem(path: Path, root: Path, value: str, as_image: bool = False) -> tuple[Path | None, tuple[str, dict]]:
    """(the file to publish, None) for a file a post names, or (None, (message kind, values)).

    `path` is where the reference points, not normalised ("posts/2021/07/../anh.jpg"); `value`
    is the reference as written. The file must lie inside `root`, be reached without a symbolic
    link, exist, and be an allowed kind by content (an image kind when `as_image`).
    """
    root = Path(os.path.abspath(root))
    target = Path(os.path.normpath(os.path.abspath(path)))
    if not target.is_relative_to(root):
        return None, ("outside_repository", {"value": value})
    current = root
    for part in target.relative_to(root).parts:
        current = current / part
        if current.is_symlink():
            kind = "symlink" if current == target else "symlink_in_path"
            return None, (kind, {"value": value, "link": _shown(current, root), "target": os.readlink(current)})
    if not target.is_file():
        return None, ("missing_file", {"value": value, "folder": _shown(target.parent, root)})
    problem = content_problem(target, value, as_image)
    return (None, problem) if problem else (target, ("", {}))


def content_problem(path: Path, value: str, as_image: bool = False) -> tuple[str, dict] | None:
    """(message kind, values) when the real file `path` may not be published as `value`; else None."""
    extension = _extension(path)
    mime = sniff(path)
    active = _ACTIVE_EXTENSIONS.get(extension) or _ACTIVE_MIMES.get(mime)
    if active:
        return _active(value, active)
    kind = _BY_EXTENSION.get(extension)
    if kind is None:
        return "unknown_kind", {"value": value, "extension": f".{extension}" if extension else "(không có đuôi)", "accepted": ACCEPTED}
    if not _content_matches(path, kind, mime):
        actual = _label_of(path, mime)
        if actual is None:
            return "unreadable_kind", {"value": value, "expected": kind.label, "extension": f".{extension}"}
        return "kind_mismatch", {"value": value, "extension": f".{extension}", "actual": actual, "expected": kind.label}
    if as_image and not kind.image:
        return "not_image", {"value": value, "actual": kind.label}
    return None


def _active(value: str, what: str) -> tuple[str, dict]:
    return ("active_svg" if "SVG" in what else "active_file"), {"value": value, "what": what}


def _label_of(path: Path, mime: str) -> str | None:
    """What the content is, in words, when it is one of the kinds we know."""
    if mime == "application/zip":
        return next((kind.label for kind in KINDS if kind.zip_part and _has_part(path, kind.zip_part)), "tệp nén ZIP")
    if mime in _OLE:
        return "tài liệu Office 97-2003"
    if mime == "text/plain":
        return "văn bản thuần"
    return next((kind.label for kind in KINDS if mime in kind.mimes), None)


def tree_problems(folder: Path, root: Path, templates: bool = False) -> list[Problem]:
    """Symbolic links and files that run code in a folder MkDocs publishes as it is (docs/, overrides/).

    Pages, stylesheets and scripts of the site itself (Markdown, CSS, JS, JSON, fonts) are code
    reviewed in the repository; every other file must be an allowed kind by content. With
    `templates`, the folder is the theme's: its HTML files are Jinja templates, never copied.
    """
    problems: list[Problem] = []
    if folder.is_symlink():
        return [_link_problem(folder, root)]
    for path, is_dir in _walk(folder):
        if path.is_symlink():
            problems.append(_link_problem(path, root))
            continue
        if is_dir:
            continue
        extension = _extension(path)
        if extension in _SITE_CODE or (templates and extension in _TEMPLATES | _NOT_PUBLISHED):
            continue
        found = content_problem(path, path.name)
        if found:
            kind, values = found
            problems.append(Problem(_shown(path, root), 0, "", *message(kind, **values)))
    return problems


def posts_tree_problems(posts_dir: Path, root: Path) -> list[Problem]:
    """Symbolic links among the posts: a linked post file or folder is never read.

    Other linked files are reported where a post names them (with its line); unnamed, they are
    never published.
    """
    if posts_dir.is_symlink():
        return [_link_problem(posts_dir, root)]
    return [
        _link_problem(path, root)
        for path, is_dir in _walk(posts_dir)
        if path.is_symlink() and (is_dir or path.suffix == ".md")
    ]


def _walk(folder: Path):
    """(path, is a folder) for everything under `folder`, not following links, in a stable order;
    hidden files and folders are skipped as MkDocs and the reader skip them."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        is_dir = entry.is_dir(follow_symlinks=True)
        yield path, is_dir
        if is_dir and not entry.is_symlink():
            yield from _walk(path)


def _link_problem(path: Path, root: Path) -> Problem:
    kind = "symlink_folder" if path.is_dir() else "symlink_file"
    return Problem(_shown(path, root), 0, "", *message(kind, target=os.readlink(path)))


def _shown(path: Path, root: Path) -> str:
    return os.path.relpath(path, root).replace(os.sep, "/")
