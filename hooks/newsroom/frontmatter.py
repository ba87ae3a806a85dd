"""Front matter: split it from the body, parse it with line numbers, validate every field.

Every problem is collected (not only the first) so that one run tells the office everything to fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from .citations import number_key
from .config import SiteConfig
from .inert import reference_problem
from .labels import ALLOWED_FIELDS_HINT, message
from .model import TAG, UNIT, Attachment, Document, Post, Problem, Term
from .safety import body_findings
from .text import nfc, slugify

MAX_BYTES = 2 * 1024 * 1024
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
# [text](target), ![alt](target), src="target" / href="target", and reference definitions "[ref]: target"
_LINK_TARGET = re.compile(
    r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)|\b(?:src|href)=\"([^\"]+)\"|^ {0,3}\[[^\]]+\]:[ \t]*<?([^\s>]+)",
    re.MULTILINE,
)
# Control characters (Word pastes some) show as nothing and would make the feeds invalid XML: a space each.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#|/)", re.IGNORECASE)

DOCUMENT_FIELDS = ("type", "number", "place", "issued", "signer", "signer_title", "recipients", "attachments", "replaces")
EXAMPLES = {
    "title": "Tiêu đề bài viết",
    "date": "2021-07-29 14:30",
    "categories": "[Tin tức - Sự kiện]",
    "unit": "LĐLĐ tỉnh Lai Châu",
    "description": "Tóm tắt một câu",
    "image": "anh-dai-dien.jpg",
    "slug": "ten-bai-viet",
    "type": "Kế hoạch",
    "number": "263/KH-LĐLĐ",
    "place": "Lai Châu",
    "issued": "2021-07-29",
    "signer": "Nguyễn Văn A",
    "signer_title": "TM. Ban Thường vụ - Chủ tịch",
}


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when the wheel has it: 5x faster
    """SafeLoader that keeps dates as text, so that we parse them with our own rules and messages."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Source:
    """A post file's text, split into front matter and body, with the lines where each starts."""

    path: Path
    rel: str  # as shown to the user
    posts_rel: str = ""  # relative to the posts folder: the post's identity for `links`
    root: Path | None = None  # the repository (the site's folder): nothing outside it is published
    meta_text: str = ""
    meta_line: int = 2
    body_line: int = 0
    body: str = ""
    problems: list[Problem] = field(default_factory=list)

    def problem(self, line: int, field: str, kind: str, **values: object) -> None:
        what, fix = message(kind, field=field, **values)
        self.problems.append(Problem(self.rel, line, field, what, fix))


def decode(raw: bytes, source: Source) -> str | None:
    """UTF-8 (with or without BOM) text, NFC and LF, control characters made spaces; None with a
    problem when it is not UTF-8."""
    if len(raw) > MAX_BYTES:
        source.problem(1, "", "too_large", size=round(len(raw) / 1048576, 1), limit=MAX_BYTES // 1048576)
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        source.problem(line, "", "not_utf8")
        return None
    return nfc(_INVISIBLE.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n")))


def split(text: str, source: Source) -> bool:
    """Fill source.meta_text and source.body; False with a problem when there is no front matter."""
    if not text.strip():
        source.problem(1, "", "empty_file")
        return False
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        source.problem(1, "", "no_front_matter")
        return False
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            source.meta_text = "\n".join(lines[1:index])
            rest = "\n".join(lines[index + 1 :])
            body = rest.lstrip("\n")
            source.body_line = index + 2 + len(rest) - len(body)  # the file line the body starts on
            source.body = body.rstrip("\n") + "\n"
            return True
    source.problem(1, "", "unclosed_front_matter")
    return False


def parse(source: Source) -> tuple[dict[str, Any], dict[str, int]] | None:
    """The front matter mapping and the file line of each key ("document.number" for nested ones)."""
    loader = _Loader(source.meta_text)
    try:
        node = loader.get_single_node()
        tangled = _tangled(node)
        if tangled is not None:
            source.problem(source.meta_line + tangled, "", "yaml_structure")
            return None
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = source.meta_line + (mark.line if mark else 0)
        lines = source.meta_text.split("\n")
        if mark and mark.line < len(lines) and "\t" in lines[mark.line]:
            source.problem(line, "", "yaml_tab")
        else:
            source.problem(line, "", "yaml_syntax", problem=error.problem or str(error))
        return None
    except yaml.YAMLError as error:  # errors without a position, e.g. recursion
        source.problem(source.meta_line, "", "yaml_syntax", problem=str(error))
        return None
    finally:
        loader.dispose()
    if not isinstance(node, yaml.MappingNode) or not isinstance(data, dict):
        source.problem(source.meta_line, "", "not_mapping")
        return None
    lines: dict[str, int] = {}
    _key_lines(node, "", source, lines)
    return _cleaned(data), lines


MAX_DEPTH = 8  # front matter nests at most 4 deep: document > attachments > item > file


def _tangled(root: yaml.Node | None) -> int | None:
    """The line (from 0) of the first YAML alias (`*name`: a node met twice) or of a value nested too
    deep; None for a plain tree. Aliases have no use in a post and let a few lines stand for an
    endless or huge value."""
    seen: set[int] = set()
    stack = [(root, 0, root.start_mark.line)] if root is not None else []
    while stack:
        node, depth, line = stack.pop()
        if id(node) in seen or depth > MAX_DEPTH:
            return line
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in reversed(node.value):
                stack += [(value, depth + 1, key.start_mark.line), (key, depth + 1, key.start_mark.line)]
        elif isinstance(node, yaml.SequenceNode):
            stack += [(child, depth + 1, node.start_mark.line) for child in reversed(node.value)]
    return None


def _cleaned(value: Any) -> Any:
    """`value` with every text in it as decode() leaves text: YAML escapes ("\\b", "\\u0301") can bring back
    control characters and decomposed letters."""
    if isinstance(value, str):
        return nfc(_INVISIBLE.sub(" ", value))
    if isinstance(value, list):
        return [_cleaned(item) for item in value]
    if isinstance(value, dict):
        return {_cleaned(key): _cleaned(item) for key, item in value.items()}
    return value


def _key_lines(node: yaml.MappingNode, prefix: str, source: Source, lines: dict[str, int]) -> None:
    for key_node, value_node in node.value:
        key = f"{prefix}{key_node.value}"
        line = source.meta_line + key_node.start_mark.line
        if key in lines:
            source.problem(line, key, "duplicate_field")
        lines[key] = line
        if not prefix and isinstance(value_node, yaml.MappingNode):
            _key_lines(value_node, f"{key}.", source, lines)


def _type_name(value: Any) -> str:
    return {
        str: "văn bản",
        list: "một danh sách",
        dict: "một nhóm trường",
        bool: "true/false",
        int: "một con số",
        float: "một con số",
        type(None): "giá trị rỗng",
    }.get(type(value), type(value).__name__)


class _Fields:
    """Reads validated values out of one mapping, recording problems against `source`."""

    def __init__(self, data: dict[str, Any], lines: dict[str, int], source: Source, prefix: str = ""):
        self.data, self.lines, self.source, self.prefix = data, lines, source, prefix

    def line(self, key: str) -> int:
        return self.lines.get(self.prefix + key, self.source.meta_line)

    def fail(self, key: str, kind: str, **values: object) -> None:
        name = self.prefix + key
        self.source.problem(self.line(key), name, kind, example=EXAMPLES.get(key, "..."), **values)

    def text(self, key: str, required: bool = False) -> str:
        if key not in self.data:
            if required:
                self.source.problem(self.source.meta_line, self.prefix + key, "missing", example=EXAMPLES[key])
            return ""
        value = self.data[key]
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)  # `number: 12` or `place: 2021` mean the text the user typed
        if not isinstance(value, str):
            self.fail(key, "not_text", got=_type_name(value))
            return ""
        value = " ".join(value.split())
        if required and not value:
            self.fail(key, "empty_text")
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]  # one item written without brackets
        if not isinstance(value, list) or not all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in value):
            self.fail(key, "not_list", got=_type_name(value))
            return ()
        return tuple(dict.fromkeys(" ".join(str(v).split()) for v in value if str(v).strip()))

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            self.fail(key, "not_bool", got=_type_name(value))
            return False
        return value

    def moment(self, key: str, config: SiteConfig, required: bool = False) -> tuple[datetime | None, bool]:
        if key not in self.data:
            if required:
                self.source.problem(self.source.meta_line, self.prefix + key, "missing", example=EXAMPLES[key])
            return None, False
        value = self.data[key]
        match = _DATE.match(str(value).strip()) if isinstance(value, str) else None
        if match:
            year, month, day, hour, minute, second = (int(g) if g else 0 for g in match.groups())
            try:
                moment = datetime(year, month, day, hour, minute, second, tzinfo=config.tz)
                return moment, match.group(4) is not None
            except ValueError:
                pass
        self.fail(key, "bad_date", value=value)
        return None, False


def _category_terms(fields_: _Fields, config: SiteConfig) -> tuple[Term, ...]:
    if "categories" not in fields_.data:
        fields_.source.problem(fields_.source.meta_line, "categories", "missing", example=EXAMPLES["categories"])
        return ()
    known_problems = len(fields_.source.problems)
    names = fields_.texts("categories")
    if len(fields_.source.problems) > known_problems:
        return ()
    if not names:
        fields_.fail("categories", "no_category")
        return ()
    terms = []
    allowed = ", ".join(c.name for c in config.categories)
    for name in names:
        term = config.category(name)
        if term is None:
            fields_.fail("categories", "undeclared_category", value=name, allowed=allowed)
        elif term not in terms:
            terms.append(term)
    return tuple(terms)


def _local_file(value: str, post_dir: Path, docs_dir: Path | None) -> Path | None:
    """The file a relative or site-absolute reference points at, or None when it is external."""
    if re.match(r"^[a-z][a-z0-9+.-]*:|^//", value, re.IGNORECASE):
        return None
    if value.startswith("/"):
        return (docs_dir or post_dir) / value.lstrip("/")
    return post_dir / value


def _attachments(fields_: _Fields, post_dir: Path, url: str, docs_dir: Path | None) -> tuple[Attachment, ...]:
    value = fields_.data.get("attachments")
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    found = []
    for item in items:
        if isinstance(item, str):
            file, title = item.strip(), ""
        elif isinstance(item, dict) and isinstance(item.get("file"), str) and set(item) <= {"file", "title"}:
            file, title = item["file"].strip(), " ".join(str(item.get("title") or "").split())
        else:
            fields_.fail("attachments", "bad_attachment")
            continue
        found.append(_asset(fields_, "attachments", file, title, post_dir, url, docs_dir))
    return tuple(a for a in found if a)


def _asset(fields_: _Fields, key: str, file: str, title: str, post_dir: Path, url: str, docs_dir: Path | None):
    local = _local_file(file, post_dir, docs_dir)
    title = title or PurePosixPath(file).name
    if local is None:
        return Attachment(title, file)
    # "/x" is a file the site publishes from docs/; anything else must lie in the repository
    within = docs_dir if file.startswith("/") and docs_dir else _root(fields_.source)
    checked, (kind, values) = reference_problem(local, within, file, as_image=key == "image")
    if checked is None:
        fields_.fail(key, kind, **values)
        return None
    if file.startswith("/"):
        return Attachment(title, file.lstrip("/"))  # already published from docs/
    return Attachment(title, url + PurePosixPath(file).as_posix(), checked)


def _root(source: Source) -> Path:
    """The repository the post belongs to (the posts folder's parent when not given)."""
    return source.root if source.root is not None else _posts_dir(source).parent


def _posts_dir(source: Source) -> Path:
    depth = len(PurePosixPath(source.posts_rel).parts)
    return source.path.parents[depth - 1] if depth else source.path.parent


def _document(data: dict, lines: dict, source: Source, config: SiteConfig, url: str, docs_dir: Path | None):
    value = data.get("document")
    if value is None:
        return None
    top = _Fields(data, lines, source)
    if not isinstance(value, dict):
        top.fail("document", "not_mapping_field", got=_type_name(value))
        return None
    fields_ = _Fields(value, lines, source, "document.")
    for key in sorted(set(value) - set(DOCUMENT_FIELDS)):
        fields_.fail(key, "unknown_field", allowed=", ".join(DOCUMENT_FIELDS))
    issued, _ = fields_.moment("issued", config)
    number = fields_.text("number")
    return Document(
        type=fields_.text("type"),
        number=number,
        place=fields_.text("place"),
        issued=issued.date() if issued else None,
        signer=fields_.text("signer"),
        signer_title=fields_.text("signer_title"),
        recipients=fields_.texts("recipients"),
        attachments=_attachments(fields_, source.path.parent, url, docs_dir),
        replaces=_replaces(fields_, number),
    )


def _replaces(fields_: _Fields, own: str) -> tuple[str, ...]:
    """`document.replaces`: numbers of the documents this one replaces, each one recognisable."""
    numbers = fields_.texts("replaces")
    own_key = number_key(own) if own else None
    valid = []
    for number in numbers:
        key = number_key(number)
        if key is None:
            fields_.fail("replaces", "bad_document_number", value=number)
        elif key == own_key:
            fields_.fail("replaces", "replaces_itself", value=number)
        else:
            valid.append(number)
    return tuple(valid)


def body_assets(body: str, source: Source, url: str, body_line: int) -> tuple[Attachment, ...]:
    """Files beside the post that its body links to; they are published under the post's URL."""
    assets = []
    for match in _LINK_TARGET.finditer(body):
        target = match.group(match.lastindex).split("#")[0].split("?")[0]
        if not target or _EXTERNAL.match(target):
            continue
        local = source.path.parent / target
        line = body_line + body.count("\n", 0, match.start())
        if target.endswith(".md"):  # a link to another post: the reader points it at that post's page
            if not _is_post_file(local, source):
                source.problem(line, "nội dung", "unknown_body_link", value=target)
            continue
        # an image written ![...](...), or a src= (images, video): the rest are links to attachments
        as_image = match.group(0).startswith("!")
        checked, (kind, values) = reference_problem(local, _root(source), target, as_image=as_image)
        if checked is None:
            what, fix = message(kind, **values)
            source.problems.append(Problem(source.rel, line, "nội dung", what, fix))
            continue
        assets.append(Attachment(PurePosixPath(target).name, url + PurePosixPath(target).as_posix(), checked))
    return tuple(dict.fromkeys(assets))


def _is_post_file(path: Path, source: Source) -> bool:
    """True when `path` is a Markdown file inside the posts folder `source` was read from."""
    try:
        return path.is_file() and path.resolve().is_relative_to(_posts_dir(source).resolve())
    except (OSError, ValueError):  # a name too long or with a NUL byte
        return False


def body_safety(source: Source, config: SiteConfig) -> None:
    """Refuse raw HTML in the body that could run code in a reader's browser (see safety.py)."""
    for line, kind, values in body_findings(source.body, config.embeds):
        source.problem(source.body_line + line - 1, "nội dung", kind, **values)


def first_paragraph(body: str, limit: int = 300) -> str:
    """Plain text of the body's first paragraph, shortened at a word: the default description."""
    paragraph: list[str] = []
    for line in body.split("\n"):
        stripped = line.strip()
        if not stripped:
            if paragraph:
                break
            continue
        if stripped[0] in "#|<!" or stripped.startswith(("```", "---", "***")):
            if paragraph:
                break
            continue
        paragraph.append(stripped)
    text = " ".join(paragraph)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"(\*\*|__|\*|_|`)(.+?)\1", r"\2", text)
    text = re.sub(r"^(?:[-*+>]|\d+[.)])\s+", "", text)
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def build_post(source: Source, config: SiteConfig, docs_dir: Path | None = None) -> Post | None:
    """Validate the front matter of `source` and return its Post, or None (problems recorded)."""
    parsed = parse(source)
    if parsed is None:
        return None
    data, lines = parsed
    fields_ = _Fields(data, lines, source)
    for key in sorted(set(data) - set(FIELD_KEYS), key=str):
        fields_.fail(str(key), "unknown_field", allowed=ALLOWED_FIELDS_HINT)

    title = fields_.text("title", required=True)
    moment, has_time = fields_.moment("date", config, required=True)
    categories = _category_terms(fields_, config)
    tags = tuple(dict.fromkeys(Term(TAG, slugify(t), t) for t in fields_.texts("tags") if slugify(t)))
    unit_name = fields_.text("unit") or config.unit
    authors = fields_.texts("authors")
    description = fields_.text("description")
    image = fields_.text("image")
    draft, pin = fields_.flag("draft"), fields_.flag("pin")
    links = fields_.texts("links")
    old_id = fields_.text("old_id")
    aliases = _aliases(fields_)
    slug = fields_.text("slug")
    if slug and not _SLUG.match(slug):
        fields_.fail("slug", "bad_slug", value=slug, suggestion=slugify(slug) or "ten-bai-viet")
        slug = ""
    elif not slug:
        # The file name, not the title: fixing a typo in a title must not change the post's URL.
        slug = slugify(source.path.stem)
        if not slug:
            source.problem(source.meta_line, "slug", "empty_slug")
    body_safety(source, config)

    if source.problems or moment is None or not categories or not slug:
        return None
    url = f"{moment:%Y/%m}/{slug}/"
    document = _document(data, lines, source, config, url, docs_dir)
    image_assets = ()
    if image:
        found = _asset(fields_, "image", image, "", source.path.parent, url, docs_dir)
        image_assets = (found,) if found and found.source else ()
        image = found.href if found else ""
    assets = body_assets(source.body, source, url, source.body_line)
    if source.problems:
        return None
    return Post(
        source=source.path,
        path=source.posts_rel,
        title=title,
        date=moment,
        has_time=has_time,
        categories=categories,
        tags=tags,
        unit=Term(UNIT, slugify(unit_name), unit_name),
        authors=authors,
        description=description or first_paragraph(source.body),
        body=source.body,
        slug=slug,
        url=url,
        image=image,
        draft=draft,
        pin=pin,
        links=links,
        document=document,
        assets=tuple(dict.fromkeys((*image_assets, *assets, *(document.attachments if document else ())))),
        old_id=old_id,
        aliases=aliases,
    )


# An old address on the same site: path segments of URL-safe characters, a page (.html, .php) or
# a folder (/); never "..", a scheme or a host (the build writes a redirect page at each one).
_ALIAS = re.compile(r"^(?!.*(?:^|/)\.\.?(?:/|$))[A-Za-z0-9._~%+-]+(?:/[A-Za-z0-9._~%+-]+)*/?$")


def _aliases(fields_: _Fields) -> tuple[str, ...]:
    """`aliases`: old addresses of the post, as site paths ("vi/news/tin-tuc/bai-12.html")."""
    found = []
    for value in fields_.texts("aliases"):
        path = value.lstrip("/")
        if not _ALIAS.match(path):
            fields_.fail("aliases", "bad_alias", value=value)
            continue
        found.append(path)
    return tuple(found)


FIELD_KEYS = (
    "title", "date", "categories", "tags", "unit", "authors", "description",
    "image", "draft", "pin", "slug", "links", "document", "old_id", "aliases",
)  # fmt: skip
