"""One file in, one post out: adapter by file type -> parser by layout -> site settings applied."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from ..config import SiteConfig
from ..labels import cli_text
from ..text import fold
from . import article, official
from .blocks import Extracted
from .dates import title_month
from .docx import extract_docx
from .html import extract_html
from .record import FROM_OPTION, FROM_TITLE, ImportedPost, ImportFailed, ImportOptions
from .text import extract_text

ADAPTERS = {
    ".txt": extract_text,
    ".text": extract_text,
    ".docx": extract_docx,
    ".html": extract_html,
    ".htm": extract_html,
}
# Formats people will try that we cannot read, and what to do instead (the message names the fix).
OTHER_FORMATS = {".doc": "Word 97-2003", ".pdf": "PDF", ".rtf": "RTF", ".odt": "OpenDocument"}
# Abbreviations in unit names, so that "LĐLĐ tỉnh Lai Châu" is "Liên đoàn Lao động tỉnh Lai Châu".
_ABBREVIATIONS = {
    "ldld": "lien doan lao dong",
    "tld": "tong lien doan",
    "cdcs": "cong doan co so",
    "cdvc": "cong doan vien chuc",
    "cdn": "cong doan nganh",
    "cd": "cong doan",
}


def extract(path: Path, shown: str) -> Extracted:
    """The blocks of `path`; ImportFailed when it cannot be read."""
    suffix = path.suffix.lower()
    if suffix in OTHER_FORMATS:
        raise ImportFailed("import_other_format", file=shown, format=OTHER_FORMATS[suffix])
    if suffix not in ADAPTERS:
        raise ImportFailed("import_unknown_type", file=shown, suffix=suffix or "(không có)")
    if not path.is_file():
        raise ImportFailed("import_missing", file=shown)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ImportFailed("import_unreadable", file=shown, error=error.strerror or error) from None
    if not raw.strip():
        raise ImportFailed("import_empty", file=shown)
    return ADAPTERS[suffix](raw, shown)


def _expanded(name: str) -> str:
    return " ".join(_ABBREVIATIONS.get(word, word) for word in fold(name).replace("-", " ").split())


def _unit(post: ImportedPost, settings: SiteConfig, options: ImportOptions) -> tuple[str, str]:
    """(unit, note) — the option, else the issuing body (the site's own spelling if it is the site)."""
    if options.unit:
        return options.unit, ""
    if not post.issuer:
        return settings.unit, cli_text("note_unit_default", unit=settings.unit)
    site_names = {_expanded(settings.unit), _expanded(settings.publisher.organisation)}
    if _expanded(post.issuer) in site_names:
        return settings.unit, ""
    return post.issuer, cli_text("note_unit_issuer", unit=post.issuer)


def _category(post: ImportedPost, settings: SiteConfig, options: ImportOptions) -> tuple[str, str]:
    default = settings.categories[0].name
    if options.category:
        return options.category, ""
    kind = post.document.type if post.document else ""
    if not kind:
        return default, ""
    found = settings.category(kind)
    if found:
        return found.name, ""
    return default, cli_text("note_category_fallback", type=kind, category=default)


def resolve(post: ImportedPost, settings: SiteConfig, options: ImportOptions, shown: str) -> ImportedPost:
    """Apply the options and the site's settings: date, category, unit. ImportFailed without a date."""
    if not post.title:
        raise ImportFailed("import_no_title", file=shown)
    if not post.body.strip():
        raise ImportFailed("import_empty", file=shown)
    notes = list(post.notes)
    date, has_time, source, found = post.date, post.has_time, post.date_source, ""
    if options.date is not None:
        date, has_time, source = options.date.replace(tzinfo=None), options.has_time, FROM_OPTION
    elif date is None:
        month = title_month(post.title)
        if month is None:
            raise ImportFailed("import_no_date", file=shown)
        date, has_time, source, found = datetime.combine(month[0], datetime.min.time()), False, FROM_TITLE, month[1]
    category, category_note = _category(post, settings, options)
    unit, unit_note = _unit(post, settings, options)
    notes.extend(note for note in (category_note, unit_note) if note)
    return replace(
        post,
        date=date.replace(tzinfo=settings.tz),
        has_time=has_time,
        date_source=source,
        date_found=found,
        categories=(category,),
        unit=unit,
        notes=tuple(dict.fromkeys(notes)),
    )


def convert(path: Path, settings: SiteConfig, options: ImportOptions, shown: str) -> ImportedPost:
    """The post `path` becomes; ImportFailed (nothing to write) when it cannot be read or dated."""
    extracted = extract(path, shown)
    post = official.parse(extracted) or article.parse(extracted)
    return resolve(replace(post, source=path), settings, options, shown)
