"""Vietnamese text helpers: normalisation, accent folding, slugs, dates and syllables."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from functools import lru_cache

# "đ" is a letter of its own, not "d" plus a mark, so NFD does not decompose it;
# U+00D0 (Icelandic eth) looks identical and is what some Word fonts produce.
_LETTER_FOLDS = str.maketrans({"đ": "d", "Đ": "D", "Ð": "D", "ð": "d"})
_NON_SLUG = re.compile(r"[^a-z0-9]+")
_WORD = re.compile(r"[^\W_]+")  # letters and digits; the search script splits queries the same way
# The five Vietnamese tone marks (huyền, sắc, ngã, hỏi, nặng) as combining characters.
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")

WEEKDAYS = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")


def nfc(text: str) -> str:
    """Return `text` in NFC: Word and macOS often hand us decomposed (NFD) Vietnamese."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lowercase and strip every diacritic, đ included: "Công Đoàn" -> "cong doan"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_LETTER_FOLDS))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.lower()


@lru_cache(maxsize=65_536)  # a site repeats the same tags, units and categories thousands of times
def slugify(text: str, max_words: int | None = None) -> str:
    """URL slug without diacritics: "Tin tức - Sự kiện" -> "tin-tuc-su-kien"."""
    words = [w for w in _NON_SLUG.split(fold(text)) if w]
    if max_words:
        words = words[:max_words]
    return "-".join(words)


def syllables(text: str) -> list[str]:
    """Lowercased Vietnamese syllables (written words) of `text`, diacritics kept."""
    return _WORD.findall(nfc(text).lower())


def format_datetime(moment: datetime, with_time: bool = True) -> str:
    """Date as Vietnamese readers write it: "Thứ bảy, 27/04/2019 14:23"."""
    text = f"{WEEKDAYS[moment.weekday()]}, {moment:%d/%m/%Y}"
    return f"{text} {moment:%H:%M}" if with_time else text


def format_date(moment: datetime) -> str:
    """Short date for lists: "27/04/2019"."""
    return f"{moment:%d/%m/%Y}"


def tone_key(syllable: str) -> str:
    """The syllable with its tone mark moved to the end, so both tone placements compare equal.

    "hoà" (old placement) and "hòa" (new placement) both give "hoa" + the grave accent;
    "đại" and "dài" still differ. Used to rank results that match the diacritics typed.
    """
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    return "".join(c for c in decomposed if c not in _TONES) + "".join(c for c in decomposed if c in _TONES)


_MARKUP = [
    (re.compile(r"```.*?```", re.S), " "),
    (re.compile(r"<[^>]+>"), " "),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"^\s{0,3}(?:#{1,6}|>|[-*+]|\d+[.)])\s+", re.M), ""),
    (re.compile(r"^\s*\|?[\s:|-]+\|[\s:|-]*$", re.M), " "),
    (re.compile(r"[|*_`~]+"), " "),
    (re.compile(r"&(?:nbsp|amp|lt|gt|quot);"), " "),
]


def plain_text(markdown: str) -> str:
    """The reading text of a Markdown body, markup removed, on one line (for search and excerpts)."""
    text = markdown
    for pattern, replacement in _MARKUP:
        text = pattern.sub(replacement, text)
    return " ".join(text.split())
