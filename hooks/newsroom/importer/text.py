"""Plain text files: find the encoding (UTF-8, UTF-16, Windows-1258), then one block per line."""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..labels import cli_text
from .blocks import HEADING, ITEM, PARA, SEPARATOR, Block, Extracted, clean_text
from .record import ImportFailed

# The marks Vietnamese letters carry: five tones, circumflex, breve, horn.
_VIETNAMESE_MARKS = {0x300, 0x301, 0x303, 0x309, 0x323, 0x302, 0x306, 0x31B}
_ALLOWED_SYMBOLS = set("°€№•→←≤≥")
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_HEADING = re.compile(r"^(#{1,6})\s+(\S.*)$")
# "- ", "+ ", "• ", "– " and "* " bullets; a dash may touch the word ("-Ban Thường vụ").
_BULLET = re.compile(r"^(?:([-–•+])\s*(?=[^\W\d_])|(\*)\s+)(.*)$")


def decode(raw: bytes, name: str, declared: str = "") -> tuple[str, str, tuple[str, ...]]:
    """(text, encoding shown to the user, notes); ImportFailed when no encoding gives Vietnamese.

    `declared` is the encoding the file names for itself (an HTML <meta charset>), tried first.
    """
    text, encoding, notes = _declared(raw, declared) or _decode(raw, name)
    if _looks_wrong(text):
        raise ImportFailed("import_encoding", file=name)
    return clean_text(text), encoding, notes


def _declared(raw: bytes, declared: str) -> tuple[str, str, tuple[str, ...]] | None:
    if not declared or declared.lower().replace("_", "-") in ("utf-8", "utf8") or raw.startswith(_BOMS):
        return None  # UTF-8 is tried first anyway, and a byte-order mark says more than a declaration
    try:
        return raw.decode(declared), declared, ()
    except (LookupError, UnicodeDecodeError):
        return None


def _decode(raw: bytes, name: str) -> tuple[str, str, tuple[str, ...]]:
    for bom, codec, shown in ((codecs.BOM_UTF8, "utf-8-sig", "UTF-8"), (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
                              (codecs.BOM_UTF16_BE, "utf-16", "UTF-16")):  # fmt: skip
        if raw.startswith(bom):
            try:
                return raw.decode(codec), shown, ()
            except UnicodeDecodeError:
                raise ImportFailed("import_encoding", file=name) from None
    try:
        return raw.decode("utf-8"), "UTF-8", ()
    except UnicodeDecodeError:
        pass
    if raw.count(b"\x00") > len(raw) // 4:  # UTF-16 saved without its mark: every other byte is 0
        codec = "utf-16-le" if raw[1::2].count(0) > raw[0::2].count(0) else "utf-16-be"
        try:
            return raw.decode(codec), "UTF-16", (cli_text("note_guessed_encoding", encoding="UTF-16"),)
        except UnicodeDecodeError:
            raise ImportFailed("import_encoding", file=name) from None
    try:
        # Windows-1258 writes most tones as separate combining marks: clean_text() recomposes them.
        return raw.decode("cp1258"), "Windows-1258", (cli_text("note_guessed_encoding", encoding="Windows-1258"),)
    except UnicodeDecodeError:
        raise ImportFailed("import_encoding", file=name) from None


def _is_vietnamese_letter(char: str) -> bool:
    if char in "đĐ":
        return True
    parts = unicodedata.normalize("NFD", char)
    return parts[0].isascii() and parts[0].isalpha() and all(ord(m) in _VIETNAMESE_MARKS for m in parts[1:])


def _looks_wrong(text: str) -> bool:
    """True for text in an encoding we did not recognise: TCVN3 or VNI read as Windows-1258, mojibake.

    Vietnamese uses a known set of accented letters; legacy font encodings come out as symbols and
    Western letters (®, µ, ª, Ç, ß...) that a Vietnamese text almost never has.
    """
    text = unicodedata.normalize("NFC", text)
    odd = letters = 0
    for char in text:
        if char.isascii():
            odd += char < " " and char not in "\t\n\r\f"
        elif _is_vietnamese_letter(char):
            letters += 1
        elif unicodedata.category(char)[0] not in "PZ" and char not in _ALLOWED_SYMBOLS:
            odd += 1
    return odd >= 3 and odd > 0.05 * (letters + odd)


def extract_text(raw: bytes, name: str) -> Extracted:
    text, encoding, notes = decode(raw, name)
    blocks = []
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped or SEPARATOR.match(stripped):
            continue
        heading = _HEADING.match(stripped)
        bullet = _BULLET.match(stripped)
        if heading:
            blocks.append(Block(HEADING, heading.group(2), level=len(heading.group(1))))
        elif bullet and bullet.group(3).strip():
            blocks.append(Block(ITEM, bullet.group(3).strip(), level=int(bullet.group(1) == "+")))
        else:
            blocks.append(Block(PARA, stripped))
    if not blocks:
        raise ImportFailed("import_empty", file=name)
    return Extracted(tuple(blocks), cli_text("format_text", encoding=encoding), notes)
