"""NukeViet's news tables, found in a dump and read into plain records.

NukeViet names a module's tables `<prefix>_<lang>_<module_data>_<table>` (modules/news/action_mysql.php):
any prefix, any module name (sites rename `news` and may run several copies). A module is found
by its `_rows` table holding the columns every version has. NukeViet 4 keeps the body in
`_detail`; NukeViet 3 in `_bodyhtml_N`, one table per 2,000 ids.

The dump is read twice, so that memory holds the small tables and the rows' headers but never
more than one statement of bodies: `read_portal` (first pass: every statement delimited and all but
the bodies parsed, so a truncated or broken dump is refused before anything is written), then
`bodies` (second pass: the body tables parsed, one statement at a time).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .mojibake import Repairs
from .sqldump import DumpError, Insert, Table, read_dump

_ROWS = re.compile(r"^(?P<prefix>[A-Za-z0-9]+)_(?P<lang>[a-z]{2})_(?P<module>[A-Za-z0-9_]+?)_rows$")
_ROW_COLUMNS = {"id", "catid", "listcatid", "title", "alias", "publtime", "status", "hometext", "homeimgfile"}
_BODYHTML = re.compile(r"^bodyhtml_(\d+)$")
_BODY_TABLE = re.compile(r"_(?:detail|bodyhtml_\d+)$")  # bodies: read in the second pass only
_PARTS = ("cat", "detail", "tags", "tags_id", "sources", "author", "authorlist", "topics")
# columns of _rows kept for the mapping (hitstotal, weight... are the portal's own business)
_KEEP = (
    "id", "catid", "listcatid", "topicid", "author", "sourceid", "status", "publtime", "exptime", "addtime",
    "title", "alias", "hometext", "homeimgfile", "homeimgalt", "homeimgthumb", "keywords",
)  # fmt: skip
_BODY_KEEP = ("id", "bodyhtml", "sourcetext", "files", "keywords")


@dataclass
class Module:
    """One news module of the dump: its tables and what the first pass read from them."""

    prefix: str
    lang: str
    name: str  # module_data, as in the table names
    tables: dict[str, Table] = field(default_factory=dict)  # "rows", "cat", "detail", "bodyhtml_1"...
    rows: dict[int, dict[str, object]] = field(default_factory=dict)
    cats: dict[int, dict[str, object]] = field(default_factory=dict)
    sources: dict[int, dict[str, object]] = field(default_factory=dict)
    tags: dict[int, str] = field(default_factory=dict)  # tid -> title
    tag_aliases: dict[int, str] = field(default_factory=dict)  # tid -> alias
    tags_of: dict[int, list[int]] = field(default_factory=dict)  # article id -> tids
    topics: dict[int, str] = field(default_factory=dict)  # topicid -> title (Chủ đề: a series of articles)
    authors: dict[int, str] = field(default_factory=dict)  # author id -> pseudonym
    authors_of: dict[int, list[str]] = field(default_factory=dict)  # article id -> pseudonyms
    duplicates: list[tuple[int, int, str]] = field(default_factory=list)  # (id, other id, alias)

    @property
    def base(self) -> str:
        return f"{self.prefix}_{self.lang}_{self.name}"

    @property
    def version(self) -> int:
        return 4 if "detail" in self.tables else 3

    def part(self, table: str) -> str | None:
        """Which of this module's tables `table` is ("cat", "bodyhtml_2"...), or None."""
        if not table.startswith(self.base + "_"):
            return None
        rest = table[len(self.base) + 1 :]
        return rest if rest in _PARTS or rest == "rows" or _BODYHTML.match(rest) else None


@dataclass
class Portal:
    path: Path
    modules: list[Module]
    repairs: Repairs
    statements: int = 0


def _records(insert: Insert, table: Table | None, keep: tuple[str, ...] | None, repairs: Repairs):
    columns = insert.columns or (table.columns if table else ())
    if not columns:
        raise DumpError("dump_no_columns", insert.line, table=insert.table)
    wanted = [(i, name) for i, name in enumerate(columns) if keep is None or name in keep]
    for row in insert.rows:
        if len(row) != len(columns):
            raise DumpError("dump_row_width", insert.line, table=insert.table, found=len(row), expected=len(columns))
        yield {name: repairs.text(row[i], insert.table, name) for i, name in wanted}


_BASE = re.compile(r"^(?P<prefix>[A-Za-z0-9]+)_(?P<lang>[a-z]{2})_(?P<module>[A-Za-z0-9_]+)$")


def _candidates(table: str) -> Iterator[tuple[str, str]]:
    """(module base, part) for each way `table` reads as `<prefix>_<lang>_<module>_<part>`."""
    for part in (*_PARTS, "rows"):
        if table.endswith("_" + part) and _BASE.match(table[: -len(part) - 1]):
            yield table[: -len(part) - 1], part
    match = re.match(r"^(.*)_(bodyhtml_\d+)$", table)
    if match and _BASE.match(match.group(1)):
        yield match.group(1), match.group(2)


def _is_news(module: Module) -> bool:
    rows = module.tables.get("rows")
    return rows is not None and _ROW_COLUMNS <= set(rows.columns)


def read_portal(path: Path, only: tuple[str, ...] = ()) -> Portal:
    """First pass: the modules of the dump (or those named in `only`) and all but their bodies.

    Every table that could belong to a module is read as it comes (mysqldump writes the tables in
    alphabetical order, so `_cat` comes before `_rows`); a module counts once its `_rows` table has
    the columns of a news module. DumpError when the dump cannot be read, has no news module, or
    lacks a module named in `only`.
    """
    tables: dict[str, Table] = {}
    candidates: dict[str, Module] = {}
    repairs = Repairs()
    count = 0
    with open(path, "rb") as stream:
        for item in read_dump(stream, wanted=lambda table: not _BODY_TABLE.search(table)):
            count += 1
            name = item.name if isinstance(item, Table) else item.table
            if isinstance(item, Table):
                tables[name] = item
            for base, part in _candidates(name):
                match = _BASE.match(base)
                if only and match["module"] not in only:
                    continue
                module = candidates.setdefault(base, Module(match["prefix"], match["lang"], match["module"]))
                if isinstance(item, Table):
                    module.tables[part] = item
                else:
                    _collect(module, part, item, module.tables.get(part), repairs)
    modules = [module for module in candidates.values() if _is_news(module)]
    if only and len({m.name for m in modules}) < len(set(only)):
        missing = sorted(set(only) - {m.name for m in modules})
        found = sorted({m.group("module") for t in tables if (m := _ROWS.match(t))})
        raise DumpError("dump_module_missing", 0, modules=", ".join(missing), found=", ".join(found) or "-")
    if not modules:
        raise DumpError("dump_no_news", 0)
    for module in modules:
        _check_aliases(module)
    return Portal(path, modules, repairs, count)


def _collect(module: Module, part: str, insert: Insert, table: Table | None, repairs: Repairs) -> None:
    if part == "rows":
        for row in _records(insert, table, _KEEP, repairs):
            module.rows[int(row["id"])] = row
    elif part == "cat":
        for row in _records(insert, table, ("catid", "parentid", "title", "alias"), repairs):
            module.cats[int(row["catid"])] = row
    elif part == "sources":
        for row in _records(insert, table, ("sourceid", "title", "link"), repairs):
            module.sources[int(row["sourceid"])] = row
    elif part == "tags":
        for row in _records(insert, table, ("tid", "title", "alias", "keywords"), repairs):
            module.tags[int(row["tid"])] = str(row.get("title") or row.get("keywords") or row.get("alias") or "")
            module.tag_aliases[int(row["tid"])] = str(row.get("alias") or "")
    elif part == "tags_id":
        for row in _records(insert, table, ("id", "tid"), repairs):
            module.tags_of.setdefault(int(row["id"]), []).append(int(row["tid"]))
    elif part == "topics":
        for row in _records(insert, table, ("topicid", "title"), repairs):
            module.topics[int(row["topicid"])] = str(row.get("title") or "")
    elif part == "author":
        for row in _records(insert, table, ("id", "pseudonym", "active"), repairs):
            module.authors[int(row["id"])] = str(row.get("pseudonym") or "")
    elif part == "authorlist":
        for row in _records(insert, table, ("id", "aid", "pseudonym"), repairs):
            module.authors_of.setdefault(int(row["id"]), []).append(str(row.get("pseudonym") or ""))


def _check_aliases(module: Module) -> None:
    """Two articles with one alias in one category: NukeViet would serve only one; say which."""
    seen: dict[tuple[object, str], int] = {}
    for article_id, row in sorted(module.rows.items()):
        key = (row.get("catid"), str(row.get("alias") or ""))
        if key in seen:
            module.duplicates.append((article_id, seen[key], key[1]))
        else:
            seen[key] = article_id


def bodies(portal: Portal) -> Iterator[tuple[Module, dict[str, object]]]:
    """Second pass: each body row (id, bodyhtml, sourcetext, files) with its module, in dump order."""
    owners: dict[str, Module] = {}
    for module in portal.modules:
        for part, table in module.tables.items():
            if part == "detail" or _BODYHTML.match(part):
                owners[table.name] = module
    with open(portal.path, "rb") as stream:
        for item in read_dump(stream, wanted=owners.__contains__):
            if isinstance(item, Insert) and item.table in owners:
                module = owners[item.table]
                table = module.tables.get(item.table[len(module.base) + 1 :])
                yield from ((module, row) for row in _records(item, table, _BODY_KEEP, portal.repairs))
