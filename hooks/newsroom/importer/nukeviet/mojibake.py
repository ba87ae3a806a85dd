"""Vietnamese that arrives double-encoded ("CÃ´ng Ä‘oÃ n"), repaired where it is detected.

Old NukeViet sites wrote UTF-8 through a latin1 connection into latin1 columns; a dump of them in
utf8 turns each byte into a character. ftfy (pinned in requirements.txt) is the maintained tool
made for exactly this: it decides by its "badness" heuristic whether a text looks like mojibake,
and undoes the wrong decoding (including MySQL's latin1, which is really Windows-1252 with the
five undefined bytes kept as C1 controls). Text that does not look wrong is left untouched, so
correct Vietnamese is never "repaired".
"""

from __future__ import annotations

import re
from collections import Counter

import ftfy
from ftfy.badness import is_bad

_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,  # entities are the mapping's job (titles), and bodies are HTML
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    normalization=None,
    explain=False,
)


# UTF-8 read as Windows-1252/latin1 always shows a lead byte (Â-ï) followed by a continuation
# byte (0x80-0xBF as latin1 or their Windows-1252 letters): text without such a pair is left
# alone without running ftfy's heuristic (it costs a big regex on every Vietnamese body).
_PAIR = re.compile("[\u00c2-\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")


def repair(text: str) -> str:
    """`text` with its double encoding undone, or `text` itself when it does not look double-encoded."""
    if text.isascii() or not _PAIR.search(text) or not is_bad(text):
        return text
    return ftfy.fix_text(text, _CONFIG)


class Repairs:
    """Repairs text values and counts them by table and column, for the import's report."""

    def __init__(self) -> None:
        self.counts: Counter[tuple[str, str]] = Counter()

    def text(self, value: object, table: str, column: str) -> object:
        if not isinstance(value, str):
            return value
        fixed = repair(value)
        if fixed != value:
            self.counts[(table, column)] += 1
        return fixed

    @property
    def total(self) -> int:
        return sum(self.counts.values())
