"""Blocks, once a parser has given each its role, as the Markdown body of a post."""

from __future__ import annotations

import re
from collections.abc import Callable

from .blocks import CAPTION, HEADING, IMAGE, ITEM, PARA, TABLE, Block

# At the start of a paragraph these would make a heading or a quote of ordinary words.
_BLOCK_SYNTAX = re.compile(r"^(#|>)")
NUMBERED = re.compile(r"^(\d{1,2})\s*[.)]\s+(\S.*)$")


def numbered(block: Block) -> tuple[int, str] | None:
    """(number, text after it) of a paragraph written "3. ...", or None."""
    if block.kind != PARA:
        return None
    match = NUMBERED.match(block.text) or NUMBERED.match(block.plain)
    return (int(match.group(1)), match.group(2)) if match else None


def escaped_number(block: Block, number: int, text: str) -> list[Block]:
    """Keep "3. ..." as a paragraph that shows its own number."""
    return [Block(PARA, f"{number}\\. {text}")]


def numbered_lists(
    blocks: list[Block], stray: Callable[[Block, int, str], list[Block]] = escaped_number
) -> list[Block]:
    """Paragraphs numbered 1, 2, 3... in a row become a Markdown numbered list; others go to `stray`.

    Markdown renumbers every list from 1 (Python-Markdown's lazy_ol), so a lone "3. ..." written as
    a list item would show as "1.": such paragraphs keep their number as text instead.
    """
    out: list[Block] = []
    index = 0
    while index < len(blocks):
        run = []
        while index + len(run) < len(blocks) and (found := numbered(blocks[index + len(run)])):
            run.append(found)
        if not run:
            out.append(blocks[index])
            index += 1
            continue
        if [number for number, _ in run] == list(range(1, len(run) + 1)):
            out.extend(Block(ITEM, text, ordered=True) for _, text in run)
        else:
            for offset, (number, text) in enumerate(run):
                out.extend(stray(blocks[index + offset], number, text))
        index += len(run)
    return out


def _inline(text: str) -> str:
    return " ".join(text.split())


def _table(block: Block) -> list[str]:
    rows = [
        ["<br>".join(_inline(b.text) for b in cell if b.text).replace("|", "\\|") for cell in row] for row in block.rows
    ]
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "|".join([" --- "] * width) + "|"]
    return lines + ["| " + " | ".join(row) + " |" for row in rows[1:]]


def render(blocks: list[Block]) -> str:
    """Markdown text: blank lines between blocks, list items kept together and nested by 4 spaces."""
    chunks: list[list[str]] = []
    depth = -1  # nesting of the list being written; -1 outside lists
    numbers: dict[int, int] = {}
    for block in blocks:
        if block.kind == IMAGE:
            if block.src:  # a picture whose file the import has (the others are counted, not written)
                depth, numbers = -1, {}
                alt = block.text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
                chunks.append([f"![{alt}]({block.src})"])
            continue
        if block.kind != ITEM:
            depth, numbers = -1, {}
        if block.kind == ITEM:
            if depth < 0:
                chunks.append([])
            depth = min(block.level, depth + 1)  # a list cannot start deeper than its first level
            numbers = {level: n for level, n in numbers.items() if level <= depth}
            numbers[depth] = numbers.get(depth, 0) + 1
            marker = f"{numbers[depth]}." if block.ordered else "-"
            chunks[-1].append(f"{'    ' * depth}{marker} {_inline(block.text)}")
        elif block.kind == HEADING:
            chunks.append([f"{'#' * block.level} {block.plain}"])
        elif block.kind == CAPTION:
            chunks.append([f"*{block.plain.replace('*', '')}*"])
        elif block.kind == TABLE:
            chunks.append(_table(block))
        else:
            text = _inline(block.text)
            chunks.append([f"\\{text}" if _BLOCK_SYNTAX.match(text) else text])
    return "\n\n".join("\n".join(chunk) for chunk in chunks if chunk) + "\n"
