"""HTML (pages saved from the old portals, and Word files through mammoth) as blocks.

Keeps what carries meaning in a post: paragraphs, headings, lists, bold and italics, tables,
captions and web links. Drops what cannot be carried over: scripts, menus, forms and images
(their files are not in the saved page; the summary says how many to upload again).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

from ..labels import cli_text
from .blocks import CAPTION, HEADING, IMAGE, ITEM, PARA, TABLE, Block, Extracted, clean_text
from .record import ImportFailed
from .text import decode

_SKIP = {
    "script", "style", "noscript", "template", "iframe", "form", "button", "select", "input", "textarea",
    "svg", "nav", "head", "object", "embed", "canvas", "map", "audio", "video", "aside", "footer",
}  # fmt: skip
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_INLINE = {
    "a", "abbr", "b", "big", "cite", "code", "del", "em", "font", "i", "ins", "kbd", "label", "mark", "q",
    "s", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var",
}  # fmt: skip
_NOT_TEXT = (Comment, Declaration, Doctype, ProcessingInstruction)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.IGNORECASE)
_ITALIC_STYLE = re.compile(r"font-style\s*:\s*italic", re.IGNORECASE)
_NEWLINE = None  # a line break inside a paragraph


@dataclass(frozen=True)
class _Run:
    text: str
    bold: bool
    italic: bool
    href: str = ""


def _escape(text: str) -> str:
    """Characters that would turn plain words into Markdown or HTML."""
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("`", "\\`").replace("<", "&lt;")


def _render_line(runs: list[_Run]) -> str:
    """Runs of one line as inline Markdown; emphasis markers hug the words, as Markdown requires."""
    groups: list[_Run] = []
    for run in runs:
        if groups and (groups[-1].bold, groups[-1].italic, groups[-1].href) == (run.bold, run.italic, run.href):
            groups[-1] = _Run(groups[-1].text + run.text, run.bold, run.italic, run.href)
        else:
            groups.append(run)
    out = []
    for group in groups:
        text = re.sub(r"\s+", " ", group.text)
        core = text.strip()
        if not core:
            out.append(text)
            continue
        core = _escape(core)
        if group.href:
            core = f"[{core}]({group.href})"
        mark = "*" * (2 * group.bold + group.italic)
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
        out.append(f"{lead}{mark}{core}{mark}{trail}")
    return " ".join("".join(out).split())


@dataclass
class _Builder:
    blocks: list[Block] = field(default_factory=list)
    runs: list[_Run | None] = field(default_factory=list)
    items: list[tuple[int, bool]] = field(default_factory=list)  # open list items: (depth, ordered)
    images: list[Block] = field(default_factory=list)  # pictures in the paragraph being read, placed after it

    def flush(self, kind: str = PARA, level: int = 0) -> None:
        """End the current paragraph; each line break in it starts a block of its own."""
        if self.items and kind == PARA:
            kind, (level, ordered) = ITEM, self.items[-1]
        else:
            ordered = False
        lines: list[list[_Run]] = [[]]
        for run in self.runs:
            if run is _NEWLINE:
                lines.append([])
            else:
                lines[-1].append(run)
        self.runs = []
        for runs in lines:
            text = _render_line(runs)
            if text:
                self.blocks.append(Block(kind, text, level=level, ordered=ordered))
        self.blocks.extend(self.images)
        self.images = []

    def walk(self, node: Tag, bold: bool = False, italic: bool = False) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if not isinstance(child, _NOT_TEXT):
                    self.runs.append(_Run(str(child), bold, italic))
            elif isinstance(child, Tag):
                self.element(child, bold, italic)

    def element(self, tag: Tag, bold: bool, italic: bool) -> None:
        name = tag.name.lower()
        style = str(tag.get("style") or "")
        if name in _SKIP:
            return
        if name == "br":
            self.runs.append(_NEWLINE)
        elif name == "img":
            alt = " ".join(str(tag.get("alt") or "").split())
            self.images.append(Block(IMAGE, alt, src=str(tag.get("src") or "").strip()))
        elif name in _HEADINGS:
            self.flush()
            self.walk(tag)
            self.flush(HEADING, _HEADINGS[name])
        elif name in ("ul", "ol"):
            self.flush()
            self.list(tag, name == "ol")
        elif name == "li":  # outside any list: invalid HTML that portals still produce
            self.flush()
            self.items.append((len(self.items), False))
            self.walk(tag, bold, italic)
            self.flush()
            self.items.pop()
        elif name == "table":
            self.flush()
            self.table(tag)
        elif name == "figcaption":
            self.flush()
            self.walk(tag)
            self.flush(CAPTION)
        elif name == "a" and re.match(r"^https?://", str(tag.get("href") or "")):
            self.runs.append(_Run(tag.get_text(), bold, italic, str(tag["href"]).strip()))
        elif name in _INLINE:
            bold = bold or name in ("b", "strong") or bool(_BOLD_STYLE.search(style))
            italic = italic or name in ("i", "em") or bool(_ITALIC_STYLE.search(style))
            self.walk(tag, bold, italic)
        else:  # p, div, section, blockquote, hr, and anything unknown: a paragraph boundary
            self.flush()
            self.walk(tag, bold, italic)
            self.flush()

    def list(self, tag: Tag, ordered: bool) -> None:
        depth = len(self.items)
        for child in tag.children:
            if isinstance(child, Tag) and child.name.lower() == "li":
                self.items.append((depth, ordered))
                self.walk(child)
                self.flush()
                self.items.pop()
            elif isinstance(child, Tag):
                self.element(child, False, False)
            elif isinstance(child, NavigableString) and not isinstance(child, _NOT_TEXT) and child.strip():
                self.items.append((depth, ordered))
                self.runs.append(_Run(str(child), False, False))
                self.flush()
                self.items.pop()

    def table(self, tag: Tag) -> None:
        rows = []
        for row in tag.find_all("tr"):
            if row.find_parent("table") is not tag:
                continue  # a row of a nested table: read with its cell
            cells = []
            for cell in row.find_all(["td", "th"], recursive=False):
                inner = _Builder()
                inner.walk(cell)
                inner.flush()
                cells.append(
                    tuple(b for block in inner.blocks for b in (block.cells() if block.kind == TABLE else [block]))
                )
            if any(cells):
                rows.append(tuple(cells))
        if rows:
            self.blocks.append(Block(TABLE, rows=tuple(rows)))


def _title_hint(soup: BeautifulSoup) -> str:
    meta = soup.find("meta", attrs={"property": "og:title"})
    if isinstance(meta, Tag) and meta.get("content"):
        return clean_text(str(meta["content"])).strip()
    if soup.title and soup.title.string:
        # "Tiêu đề bài - Tên cổng thông tin": the site's name follows the last separator
        return re.split(r"\s+[-|–]\s+(?=[^-|–]*$)", clean_text(soup.title.string).strip())[0]
    return ""


def blocks_of_html(html: str, format_shown: str, notes: tuple[str, ...] = (), name: str = "") -> Extracted:
    soup = BeautifulSoup(clean_text(html), "html.parser")
    builder = _Builder()
    builder.walk(soup.body or soup)
    builder.flush()
    if not any(block.kind != IMAGE for block in builder.blocks):
        raise ImportFailed("import_empty", file=name)
    return Extracted(tuple(builder.blocks), format_shown, notes, _title_hint(soup))


def extract_html(raw: bytes, name: str) -> Extracted:
    declared = _CHARSET.search(raw[:4096])
    text, encoding, notes = decode(raw, name, declared.group(1).decode("ascii", "replace") if declared else "")
    return blocks_of_html(text, cli_text("format_html", encoding=encoding), notes, name)
