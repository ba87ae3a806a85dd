"""What every source adapter produces: a flat list of blocks of inline Markdown.

A .txt line, a Word paragraph and an HTML <p> all become a `Block`; the two parsers (official
documents, portal articles) only ever see blocks, so they work the same for every format.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from ..labels import cli_text
from ..text import fold

PARA, HEADING, ITEM, TABLE, CAPTION = "para", "heading", "item", "table", "caption"
IMAGE = "image"  # where a picture was: not copied (its file is not in the input), only counted

# A line that only rules off parts of a document: "-----", "___", "-----oOo-----".
SEPARATOR = re.compile(r"^[-_=*~.·•\s]*(?:o\s*O\s*o)?[-_=*~.·•\s]*$")
_MARKS = re.compile(r"(?<!\\)\*+")
_ESCAPED = re.compile(r"\\([\\`*_#.\-+!\[\]()<>|])")
_SENTENCE_END = (".", ";", ":", "!", "?", "…", '"', "”", "»", ")")


@dataclass(frozen=True)
class Block:
    kind: str
    text: str = ""  # inline Markdown: **bold**, *italic*, [link](url)
    level: int = 0  # heading level 1-6; list nesting depth, 0 at the top
    ordered: bool = False  # list items: numbered (<ol>) rather than bulleted
    rows: tuple[tuple[tuple[Block, ...], ...], ...] = ()  # tables: rows of cells of blocks
    src: str = ""  # images: where the picture is (its alt text is `text`); importers that have it set it

    @property
    def plain(self) -> str:
        """The text without Markdown emphasis: what the words say, for matching."""
        return " ".join(_ESCAPED.sub(r"\1", _MARKS.sub("", self.text)).split())

    @property
    def folded(self) -> str:
        """Lowercase without diacritics, for matching what people type with or without accents."""
        return fold(self.plain)

    @property
    def bold(self) -> bool:
        text = self.text.strip()
        return len(text) > 4 and text.startswith("**") and text.endswith("**")

    def cells(self) -> list[Block]:
        """A table's blocks, row by row and cell by cell (left before right)."""
        return [block for row in self.rows for cell in row for block in cell]


@dataclass(frozen=True)
class Extracted:
    """One input file as blocks, with what the adapter had to guess."""

    blocks: tuple[Block, ...]
    format: str  # the format's name as shown to the user: "văn bản .txt, UTF-8"
    notes: tuple[str, ...] = ()
    title_hint: str = ""  # the page's own idea of its title (<title>, <h1>), when it has one


def clean_text(text: str) -> str:
    """NFC, one kind of space and newline, no invisible characters."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return re.sub(r"[\u200b\u200c\u200d\u2060\ufeff]", "", text).replace("\u00a0", " ")


def ends_sentence(text: str) -> bool:
    return text.rstrip().rstrip("*").rstrip().endswith(_SENTENCE_END)


def starts_lower(text: str) -> bool:
    letters = [c for c in text.lstrip("*\"“'‘([ ") if c.isalpha()]
    return bool(letters) and letters[0].islower()


def join_broken(blocks: list[Block]) -> list[Block]:
    """Join paragraphs that a page break or a hard wrap cut in the middle of a sentence.

    Word and PDF copies often leave "... đẩy mạnh" / "phát triển đoàn viên ..." as two paragraphs:
    the first does not end a sentence and the second starts in lowercase.
    """
    joined: list[Block] = []
    for block in blocks:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and block.kind == PARA
            and previous.kind in (PARA, ITEM)
            and not ends_sentence(previous.text)
            and starts_lower(block.text)
        ):
            joined[-1] = replace(previous, text=f"{previous.text.rstrip()} {block.text.lstrip()}")
        else:
            joined.append(block)
    return joined


def without_images(blocks: list[Block]) -> tuple[list[Block], tuple[str, ...]]:
    """`blocks` without picture markers, and the note that says how many pictures to upload again."""
    kept = [block for block in blocks if block.kind != IMAGE]
    count = len(blocks) - len(kept)
    return kept, (cli_text("note_images", count=count),) if count else ()


def word_count(text: str) -> int:
    return len(text.split())


def fold_aligned(text: str) -> str:
    """`fold(text)` with one character for each character of `text`, so that a match in the folded
    text can be cut out of the original with the same positions."""
    return "".join(f if len(f) == 1 else c for c, f in ((c, fold(c)) for c in text))
