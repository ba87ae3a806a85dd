"""A MySQL/MariaDB dump read as a stream of statements, without a database server.

Reads what `mysqldump` (extended inserts, one statement per line) and phpMyAdmin (column-listed
inserts, one row per line) write: `CREATE TABLE` (column names and the table's charset), `INSERT
INTO ... [(columns)] VALUES (...), (...)`, and `SET NAMES` (the charset of every string that
follows). Everything else (DROP, LOCK, conditional comments, transactions) is skipped.

Memory stays at one statement: the file is read line by line and a statement is parsed as soon
as its closing `;` is read outside a string. mysqldump keeps a statement under its
net_buffer_length (1 MB by default); a single row is as large as its largest text.

Strings are bytes in the dump's connection charset; they are decoded one by one with the codec
of that charset, so a dump in latin1 or utf8 reads the same as one in utf8mb4.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

# MySQL's names for the charsets old portals used -> Python codecs. MySQL's "latin1" is in fact
# Windows-1252 (0x80-0x9f are printable there), which matters for repairing double encoding.
CHARSETS = {
    "utf8mb4": "utf-8", "utf8": "utf-8", "utf8mb3": "utf-8", "latin1": "cp1252", "ascii": "ascii",
    "binary": "utf-8", "ucs2": "utf-16-be", "utf16": "utf-16-be", "utf32": "utf-32-be", "cp1250": "cp1250",
    "cp1251": "cp1251", "cp1256": "cp1256", "cp1257": "cp1257", "latin2": "iso8859-2", "tis620": "tis-620",
}  # fmt: skip


class DumpError(Exception):
    """The dump cannot be read: `kind` names the message, `line` where it was found."""

    def __init__(self, kind: str, line: int, **values: object):
        self.kind, self.line, self.values = kind, line, values
        super().__init__(f"{kind} at line {line}: {values}")


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[str, ...]
    charset: str  # the table's DEFAULT CHARSET, "" when not said
    line: int


@dataclass(frozen=True)
class Insert:
    table: str
    columns: tuple[str, ...]  # as listed in the statement; () when not listed (mysqldump's default)
    rows: tuple[tuple[object, ...], ...]  # str, int, float, bytes (binary strings) or None
    line: int


_TOKEN = re.compile(
    rb"""\s+
    |'((?:[^'\\]|\\.|'')*)'
    |`((?:[^`]|``)*)`
    |"((?:[^"\\]|\\.|"")*)"
    |0x([0-9A-Fa-f]*)
    |[xX]'([0-9A-Fa-f]*)'
    |[bB]'([01]*)'
    |(-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)
    |(_[A-Za-z0-9]+|[A-Za-z][A-Za-z0-9_$]*)
    |(--[^\n]*|\#[^\n]*|/\*!?\d*(?:[^*]|\*(?!/))*\*/)
    |(.)""",
    re.S | re.X,
)
STRING, QUOTED, DQUOTED, HEX, XHEX, BITS, NUMBER, WORD, COMMENT, OTHER = range(1, 11)
_ESCAPES = {b"0": b"\0", b"b": b"\b", b"n": b"\n", b"r": b"\r", b"t": b"\t", b"Z": b"\x1a"}
_ESCAPE = re.compile(rb"\\(.)|''", re.S)
_SET_NAMES = re.compile(rb"SET\s+NAMES\s+'?([A-Za-z0-9_]+)", re.I)
_CHARSET = re.compile(rb"(?:DEFAULT\s+)?(?:CHARSET|CHARACTER\s+SET)\s*=?\s*([A-Za-z0-9_]+)", re.I)
# Inside a CREATE TABLE body, lines that are not columns
_NOT_COLUMN = {"PRIMARY", "KEY", "UNIQUE", "INDEX", "CONSTRAINT", "FOREIGN", "FULLTEXT", "SPATIAL", "CHECK"}


def _unescape(raw: bytes) -> bytes:
    if b"\\" not in raw and b"''" not in raw:
        return raw
    # \% and \_ keep their backslash in MySQL; every other \x is x
    return _ESCAPE.sub(lambda m: b"'" if m.group(1) is None else _ESCAPES.get(m.group(1), m.group(1) if m.group(1) not in b"%_" else b"\\" + m.group(1)), raw)


def codec_of(charset: str, line: int) -> str:
    codec = CHARSETS.get(charset.lower())
    if codec is None:
        raise DumpError("dump_charset", line, charset=charset)
    return codec


def _tokenize(text: bytes) -> list[tuple[int, bytes]]:
    """(kind, bytes) of every token of `text` up to its final `;`, without spaces and comments."""
    tokens = [(kind, match[kind]) for match in _TOKEN.finditer(text) if (kind := match.lastindex) and kind != COMMENT]
    return tokens[:-1] if tokens and tokens[-1] == (OTHER, b";") else tokens


# Quote state carried from line to line, so each line is scanned once whatever a string spans:
# outside strings, a run of other characters then an opening quote; inside, the rest of the
# string up to its closing quote. Possessive (++, *+): no backtracking, linear time.
_OUTSIDE = re.compile(rb"[^'\"`]*+")
_INSIDE = {
    quote: re.compile(rb"(?:[^" + quote + rb"\\]++|\\.|" + quote + quote + rb")*+" + quote, re.S)
    for quote in (b"'", b'"', b"`")
}  # fmt: skip
_INSERT_TABLE = re.compile(rb"\s*(?:INSERT|REPLACE)\s+(?:(?:IGNORE|LOW_PRIORITY|DELAYED|HIGH_PRIORITY)\s+)*INTO\s+`?([^`\s(]+)", re.I)


def _quote_after(line: bytes, quote: bytes | None) -> bytes | None:
    """The quote still open at the end of `line` (None: outside any string), given the one open
    at its start. A backslash escapes the next character, even a line break."""
    position = 0
    while True:
        if quote is not None:
            match = _INSIDE[quote].match(line, position)
            if match is None:
                return quote
            position, quote = match.end(), None
        position = _OUTSIDE.match(line, position).end()
        if position >= len(line):
            return None
        quote = line[position : position + 1]
        position += 1


def statements(lines: Iterable[bytes]) -> Iterator[tuple[int, bytes]]:
    """(first line number, statement bytes) for every statement of the dump.

    A statement ends at a line ending in `;` (after optional spaces) outside any string; each line
    is scanned once for quotes. DumpError("dump_truncated") when the dump ends inside a statement.
    """
    parts: list[bytes] = []
    start = 0
    number = 0
    quote: bytes | None = None
    for number, line in enumerate(lines, 1):
        if not parts:
            stripped = line.lstrip()
            if not stripped or stripped.startswith((b"--", b"#")):
                continue
            if stripped.startswith(b"/*") and stripped.rstrip().endswith(b"*/"):
                continue  # a comment alone on its line, such as MariaDB's sandbox-mode line (no ;)
            start = number
        parts.append(line)
        quote = _quote_after(line, quote)
        if quote is None and line.rstrip().endswith(b";"):
            yield start, b"".join(parts)
            parts = []
    if parts and b"".join(parts).strip():
        raise DumpError("dump_truncated", start)


class _Tokens:
    def __init__(self, items: list[tuple[int, bytes]], line: int):
        self.items = items
        self.index = 0
        self.line = line

    def peek(self) -> tuple[int | None, bytes | None]:
        return self.items[self.index] if self.index < len(self.items) else (None, None)

    def next(self) -> tuple[int | None, bytes | None]:
        item = self.peek()
        self.index += 1
        return item

    def word(self) -> str:
        kind, value = self.peek()
        return value.decode("ascii").upper() if kind == WORD else ""

    def expect(self, symbol: bytes) -> None:
        kind, value = self.next()
        if kind != OTHER or value != symbol:
            raise DumpError("dump_syntax", self.line, expected=symbol.decode(), found=(value or b"").decode("latin-1"))

    def name(self) -> str:
        kind, value = self.next()
        if kind == QUOTED:
            return value.replace(b"``", b"`").decode("utf-8")
        if kind == WORD:
            name = value.decode("utf-8")
            if self.peek() == (OTHER, b"."):  # `db`.`table`: the table's own name
                self.next()
                return self.name()
            return name
        raise DumpError("dump_syntax", self.line, expected="name", found=(value or b"").decode("latin-1"))


def _value(tokens: _Tokens, codec: str) -> object:
    kind, value = tokens.next()
    if kind == WORD and value.startswith(b"_"):  # _binary '...', _utf8mb4 '...': an introducer
        kind, value = tokens.next()
        if kind == STRING:
            return _unescape(value)
    if kind == STRING:
        return _unescape(value).decode(codec, "surrogateescape")
    if kind == NUMBER:
        return float(value) if any(c in value for c in b".eE") else int(value)
    if kind == WORD and value.upper() == b"NULL":
        return None
    if kind == WORD and value.upper() in (b"TRUE", b"FALSE"):
        return int(value.upper() == b"TRUE")
    if kind in (HEX, XHEX):
        return bytes.fromhex(value.decode("ascii"))
    if kind == BITS:
        return int(value or b"0", 2)
    if kind == OTHER and value in (b"-", b"+"):  # `- 5` as phpMyAdmin never writes, but valid SQL
        number = _value(tokens, codec)
        return -number if value == b"-" else number
    raise DumpError("dump_syntax", tokens.line, expected="value", found=(value or b"").decode("latin-1"))


def _insert(tokens: _Tokens, codec: str) -> Insert:
    while tokens.word() in ("INSERT", "REPLACE", "IGNORE", "INTO", "LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY"):
        tokens.next()
    table = tokens.name()
    columns: list[str] = []
    if tokens.peek() == (OTHER, b"("):
        tokens.next()
        while True:
            columns.append(tokens.name())
            kind, value = tokens.next()
            if value == b")":
                break
            if value != b",":
                raise DumpError("dump_syntax", tokens.line, expected=",", found=(value or b"").decode("latin-1"))
    if tokens.word() not in ("VALUES", "VALUE"):
        raise DumpError("dump_syntax", tokens.line, expected="VALUES", found=tokens.word())
    tokens.next()
    rows = []
    while True:
        tokens.expect(b"(")
        row = []
        while True:
            row.append(_value(tokens, codec))
            kind, value = tokens.next()
            if value == b")":
                break
            if value != b",":
                raise DumpError("dump_syntax", tokens.line, expected=",", found=(value or b"").decode("latin-1"))
        rows.append(tuple(row))
        kind, value = tokens.next()
        if kind is None:
            break
        if value != b",":  # ON DUPLICATE KEY UPDATE ...: the rows are what matters
            break
    return Insert(table, tuple(columns), tuple(rows), tokens.line)


def _create(tokens: _Tokens, text: bytes) -> Table:
    while tokens.word() in ("CREATE", "TABLE", "TEMPORARY", "IF", "NOT", "EXISTS", "OR", "REPLACE"):
        tokens.next()
    table = tokens.name()
    tokens.expect(b"(")
    columns = []
    depth, at_start = 0, True
    while True:
        kind, value = tokens.peek()
        if kind is None:
            raise DumpError("dump_truncated", tokens.line)
        if depth == 0 and at_start:
            if kind == QUOTED or (kind == WORD and value.decode("ascii").upper() not in _NOT_COLUMN):
                columns.append(tokens.name())
                at_start = False
                continue
            at_start = False
        tokens.next()
        if value == b"(":
            depth += 1
        elif value == b")":
            if depth == 0:
                break
            depth -= 1
        elif value == b"," and depth == 0:
            at_start = True
    tail = text[text.rfind(b")") :]
    charset = _CHARSET.search(tail)
    return Table(table, tuple(columns), charset.group(1).decode("ascii").lower() if charset else "", tokens.line)


def read_dump(stream: BinaryIO, charset: str = "utf8mb4", wanted=None) -> Iterator[Table | Insert]:
    """The tables and inserts of a dump, in order. DumpError names the line of any problem.

    `charset` is the connection charset until the dump says `SET NAMES` (mysqldump and phpMyAdmin
    both do, near the top). `wanted(table)`, when given, says which tables' rows to read: the
    inserts of the others are only delimited, not parsed (most of a portal's dump is bodies).
    """
    codec = codec_of(charset, 0)
    for line, text in statements(stream):
        head = text.lstrip()[:40].upper()
        if head.startswith((b"/*!", b"SET")):
            names = _SET_NAMES.search(text)
            if names:
                codec = codec_of(names.group(1).decode("ascii"), line)
            continue
        if head.startswith((b"INSERT", b"REPLACE")):
            if wanted is not None:
                table = _INSERT_TABLE.match(text)
                if table and not wanted(table.group(1).decode("utf-8", "replace")):
                    continue
            yield _insert(_Tokens(_tokenize(text), line), codec)
        elif head.startswith(b"CREATE") and re.match(rb"CREATE\s+(?:TEMPORARY\s+)?TABLE", head):
            yield _create(_Tokens(_tokenize(text), line), text)
