"""Categories added to `extra.newsroom.categories` in mkdocs.yml, with its comments and layout kept.

A careful text edit rather than a YAML round trip: the new items are inserted after the last
line of the existing list, with the list's own indentation, so every comment, blank line, quote
style and key order stays as the person wrote it (ruamel.yaml's round trip re-indents sequences
and would be one more dependency for one edit). The result is parsed again and must hold exactly
the old categories followed by the new ones, else nothing is written.
"""

from __future__ import annotations

import re

import yaml

from ...project import _ConfigLoader


class ConfigEditError(ValueError):
    pass


def _categories_of(text: str) -> list:
    values = yaml.load(text, Loader=_ConfigLoader) or {}
    return list(((values.get("extra") or {}).get("newsroom") or {}).get("categories") or [])


def _scalar(name: str) -> str:
    return yaml.safe_dump(name, allow_unicode=True, default_style=None, width=10**6).strip().removesuffix("\n...").strip()


def with_categories(text: str, names: list[str]) -> str:
    """mkdocs.yml `text` with categories `names` appended to extra.newsroom.categories."""
    if not names:
        return text
    lines = text.splitlines(keepends=True)
    path: list[tuple[int, str]] = []  # the keys above the current line, with their indentation
    for index, line in enumerate(lines):
        match = re.match(r"^(\s*)([A-Za-z_][\w-]*):(.*)$", line.rstrip("\n"))
        if not match or line.lstrip().startswith("#"):
            continue
        indent, key, rest = len(match.group(1)), match.group(2), match.group(3)
        path = [(i, k) for i, k in path if i < indent] + [(indent, key)]
        if [k for _, k in path] != ["extra", "newsroom", "categories"]:
            continue
        flow = re.match(r"^\s*\[(.*)\]\s*(#.*)?$", rest)
        if flow:  # categories: [A, B]
            items = flow.group(1).strip()
            added = ", ".join(_scalar(n) for n in names)
            comment = f"  {flow.group(2)}" if flow.group(2) else ""
            lines[index] = f"{match.group(1)}{key}: [{items + ', ' if items else ''}{added}]{comment}\n"
            break
        end, item_indent, dict_items = index + 1, None, False
        for later in range(index + 1, len(lines)):
            stripped = lines[later].strip()
            if not stripped or stripped.startswith("#"):
                continue
            current = len(lines[later]) - len(lines[later].lstrip())
            if current <= indent and not (current == indent and stripped.startswith("- ")):
                break
            if stripped.startswith("- ") and item_indent is None:
                item_indent = current
                dict_items = bool(re.match(r"^-\s+name:", stripped))
            end = later + 1
        if item_indent is None:
            raise ConfigEditError("extra.newsroom.categories")
        pad = " " * item_indent
        new = [f"{pad}- name: {_scalar(n)}\n" if dict_items else f"{pad}- {_scalar(n)}\n" for n in names]
        if end > 0 and not lines[end - 1].endswith("\n"):
            lines[end - 1] += "\n"
        lines[end:end] = new
        break
    else:
        raise ConfigEditError("extra.newsroom.categories")
    result = "".join(lines)
    before, after = _categories_of(text), _categories_of(result)
    names_after = [c["name"] if isinstance(c, dict) else c for c in after]
    if after[: len(before)] != before or names_after[len(before) :] != list(names):
        raise ConfigEditError("extra.newsroom.categories")
    return result
