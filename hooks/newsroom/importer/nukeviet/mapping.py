"""One NukeViet article (its `_rows` row, its body row, the module's tables) as an ImportedPost.

Field by field (NukeViet 4.x and 3.x columns):
  title        HTML entities unescaped (NukeViet stores `&amp;`, `&#33;`, `&quot;`)
  alias        the file name (slug), so the new address reads like the old one
  publtime     the date, Vietnam time (addtime when 0)
  catid, listcatid  categories, the main one (catid) first; names mapped or added to mkdocs.yml
  tags         _tags_id -> _tags (4.x); keywords (3.x, which has no tag tables); topicid -> _topics
  author, _authorlist  authors
  sourceid, sourcetext  a "Nguồn" line at the end of the body, linked when there is a URL
  hometext     description
  homeimgfile  image (homeimgthumb 1 and 2: a file in uploads, 3: a URL)
  bodyhtml     Markdown, through the HTML path of the other imports; pictures kept
  files        attachments, linked from the end of the body
  status       1 published (2 scheduled: its date is in the future), 4 and review states draft,
               0 stopped and 3 expired kept as drafts with a note
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field, replace
from datetime import datetime

from ...labels import cli_text
from ...text import nfc, slugify
from ..blocks import IMAGE, Block
from ..html import blocks_of_html
from ..markdown import render
from ..record import FROM_PAGE, ImportedPost, ImportFailed
from .portal import Module

PUBLISHED, SCHEDULED, DRAFT, STOPPED = "published", "scheduled", "draft", "stopped"
_TAG = re.compile(r"<[^>]+>")
_URL = re.compile(r"^https?://", re.I)


@dataclass(frozen=True)
class Upload:
    """A file the post needs from the old site's uploads folder."""

    reference: str  # as the dump names it: "2021_07/anh.jpg" or "/uploads/news/2021_07/anh.jpg"
    name: str  # the file name beside the post
    image: bool


@dataclass(frozen=True)
class Article:
    """What one article becomes: the post, the files it needs, and what the report says about it."""

    post: ImportedPost
    module: str
    id: int
    status: str
    uploads: tuple[Upload, ...] = ()
    external_images: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()  # files the dump names that the uploads folder does not have
    notes: tuple[str, ...] = field(default=())


def text_of(value: object) -> str:
    """A NukeViet text field as plain text: entities unescaped (twice-escaped ones too), tags dropped."""
    text = str(value or "")
    for _ in range(2):  # "&amp;quot;" as some editors saved it
        unescaped = html.unescape(text)
        if unescaped == text:
            break
        text = unescaped
    return " ".join(nfc(_TAG.sub(" ", text)).split())


def status_of(row: dict[str, object], now: datetime) -> str:
    status = int(row.get("status") or 0)
    expires = int(row.get("exptime") or 0)
    if status == 1 and expires and expires < now.timestamp():
        return STOPPED
    if status in (1, 2):
        return PUBLISHED if status == 1 else SCHEDULED
    return STOPPED if status in (0, 3) else DRAFT


def old_paths(module: Module, url_name: str, cat_alias: str, alias: str, article_id: int) -> tuple[str, ...]:
    """The article's addresses on the old portal (with and without the language part)."""
    tail = f"{cat_alias}/{alias}-{article_id}" + (".html" if module.version == 4 else "/")
    return (f"{module.lang}/{url_name}/{tail}", f"{url_name}/{tail}")


def _upload_name(reference: str, slug: str) -> str:
    """`<slug>-<file name>`: many posts share a month folder, and their pictures share names."""
    base = reference.rsplit("/", 1)[-1]
    stem, dot, extension = base.rpartition(".")
    stem = slugify(stem if dot else base) or "tep"
    return f"{slug}-{stem}.{extension.lower()}" if dot else f"{slug}-{stem}"


def local_reference(src: str, module_upload: str) -> str | None:
    """The path under the module's uploads folder of a picture the body shows from the old site
    (`/uploads/news/2021_07/x.jpg` -> `2021_07/x.jpg`); None for pictures on other hosts."""
    if _URL.match(src) or src.startswith(("//", "data:")):
        return None
    match = re.search(r"(?:^|/)(?:uploads|assets)/" + re.escape(module_upload) + r"/(.+)$", src.split("?")[0])
    return match.group(1) if match else None


def _external(src: str) -> str:
    return src.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def _body(body_html: str, slug: str, module_upload: str, find):
    """(Markdown, uploads, external pictures, missing pictures) of the body; pictures from the
    old site's uploads are renamed beside the post, other hosts' kept as links."""
    if not _TAG.sub("", body_html).strip() and "<img" not in body_html:
        return "", [], [], []
    blocks: list[Block] = list(blocks_of_html(body_html, "", name="").blocks) if _TAG.sub("", body_html).strip() else []
    uploads, external, missing, out = [], [], [], []
    for block in blocks:
        if block.kind != IMAGE:
            out.append(block)
            continue
        reference = local_reference(block.src, module_upload)
        if reference is None and _URL.match(block.src):
            external.append(block.src)
            out.append(replace(block, src=_external(block.src)))
        elif reference is not None and find(reference, True) is not None:
            upload = Upload(reference, _upload_name(reference, slug), image=True)
            uploads.append(upload)
            out.append(replace(block, src=upload.name))
        elif block.src:
            missing.append(reference or block.src)
    return render(out) if out else "", uploads, external, missing


def map_article(
    module: Module,
    row: dict[str, object],
    body: dict[str, object] | None,
    categories: dict[int, str],
    url_name: str,
    now: datetime,
    tz,
    find=lambda reference, image: None,
    slug: str = "",
) -> Article:
    """The post one article becomes. ImportFailed when it has no title or no text at all."""
    article_id = int(row["id"])
    title = text_of(row.get("title"))
    if not title:
        raise ImportFailed("import_no_title", file=f"{module.name}/{article_id}")
    alias = str(row.get("alias") or "")
    slug = slug or slugify(alias) or slugify(title, max_words=10)
    stamp = int(row.get("publtime") or 0) or int(row.get("addtime") or 0)
    date = datetime.fromtimestamp(stamp, tz)
    main = int(row.get("catid") or 0)
    listed = [int(c) for c in str(row.get("listcatid") or "").split(",") if c.strip().isdigit()]
    cat_ids = list(dict.fromkeys([c for c in (main, *listed) if c]))
    names = tuple(dict.fromkeys(categories[c] for c in cat_ids if c in categories))
    notes: list[str] = []
    if module.version == 4:
        tags = [module.tags[t] for t in module.tags_of.get(article_id, []) if module.tags.get(t)]
    else:
        tags = [t for t in (text_of(k) for k in str(row.get("keywords") or "").split(",")) if t]
    topic = text_of(module.topics.get(int(row.get("topicid") or 0)))
    tags += [topic] if topic else []  # a topic (Chủ đề) groups a series of articles: a tag here
    authors = [text_of(a) for a in str(row.get("author") or "").split(",")] + module.authors_of.get(article_id, [])
    module_upload = module.name  # NukeViet's uploads folder of a module is named after its module_data
    body_html = str((body or {}).get("bodyhtml") or "")
    markdown, uploads, external, missing = _body(body_html, slug, module_upload, find)
    description = text_of(row.get("hometext"))
    if not markdown.strip():
        if not description:
            raise ImportFailed("import_empty", file=f"{module.name}/{article_id}")
        markdown = description + "\n"
    # the source: the sources table (4.x sourceid), else sourcetext, which is a name or a URL
    source = module.sources.get(int(row.get("sourceid") or 0))
    source_text = text_of((body or {}).get("sourcetext"))
    lines = []
    if source:
        name, link = text_of(source.get("title")), str(source.get("link") or "")
        lines.append(cli_text("nv_source", source=f"[{name}]({link})" if _URL.match(link) else name))
    elif source_text:
        lines.append(cli_text("nv_source", source=f"<{source_text}>" if _URL.match(source_text) else source_text))
    files = [f.strip() for f in str((body or {}).get("files") or "").split(",") if f.strip()]
    attachments = [Upload(f, _upload_name(f, slug), image=False) for f in files if find(f, False) is not None]
    missing += [f for f in files if find(f, False) is None]
    if attachments:
        lines.append(cli_text("nv_attachments"))
        lines.extend(f"- [{a.reference.rsplit('/', 1)[-1]}]({a.name})" for a in attachments)
    image = ""
    picture = str(row.get("homeimgfile") or "").strip()
    thumb = str(row.get("homeimgthumb") or "0")
    if picture and (_URL.match(picture) or thumb == "3"):
        image = picture
        external.append(picture)
    elif picture and find(picture, True) is not None:
        upload = Upload(picture, _upload_name(picture, slug), image=True)
        uploads.insert(0, upload)
        image = upload.name
    elif picture:
        missing.insert(0, picture)
    status = status_of(row, now)
    if status == STOPPED:
        notes.append(cli_text("nv_note_stopped", status=row.get("status")))
    body_text = markdown.rstrip() + ("\n\n" + "\n\n".join(_grouped(lines)) if lines else "") + "\n"
    cat_alias = str(module.cats.get(main, {}).get("alias") or "")
    post = ImportedPost(
        title=title,
        body=body_text,
        date=date,
        has_time=True,
        categories=names,
        tags=tuple(dict.fromkeys(tags)),
        authors=tuple(dict.fromkeys(a for a in authors if a)),
        description=description,
        image=image,
        draft=status in (DRAFT, STOPPED),
        slug=slug,
        old_id=f"nukeviet:{module.base}:{article_id}",
        aliases=old_paths(module, url_name, cat_alias, alias, article_id) if cat_alias and alias else (),
        kind="article",
        format="NukeViet",
        date_source=FROM_PAGE,
    )
    return Article(
        post, module.name, article_id, status, tuple(dict.fromkeys(uploads + attachments)), tuple(external),
        tuple(dict.fromkeys(missing)), tuple(notes),
    )


def _grouped(lines: list[str]) -> list[str]:
    """The source line and the attachment heading alone; the attachments' list items as one block."""
    out: list[str] = []
    for line in lines:
        if line.startswith("- ") and out and out[-1].startswith("- "):
            out[-1] += "\n" + line
        else:
            out.append(line)
    return out
