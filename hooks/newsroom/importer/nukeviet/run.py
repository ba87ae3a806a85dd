"""`newsroom import DUMP.sql`: a NukeViet news module moved into posts/, all or nothing.

1. read the dump (first pass): a truncated dump, an unknown charset, no news tables or duplicate
   aliases stop here, with nothing written;
2. every article becomes a post in a staging folder beside posts/ (second pass, one body at a time),
   with its pictures and attachments copied there after the inert-content checks, and is validated
   at that place by the build's own rules;
3. only then: the new categories go into mkdocs.yml and the staged files are moved into posts/
   without ever replacing a file (a hard link, which fails when the name exists).

Articles imported before (their `old_id` is in a post) are recognised and left alone, so running
the import again on a newer dump adds only what is new. `--dry-run` stages in a temporary folder
outside the site and writes nothing to it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ...config import SiteConfig
from ...labels import cli_text, message
from ...model import CATEGORY, Term
from ...project import Project
from ...reader import read_posts
from ...text import slugify
from ...writer import create, plan, post_text, problems_in
from ..record import ImportFailed
from .mapping import DRAFT, PUBLISHED, SCHEDULED, STOPPED, Article, map_article
from .portal import Module, Portal, bodies, read_portal
from .siteconfig import ConfigEditError, with_categories
from .sqldump import DumpError
from .uploads import Uploads


@dataclass(frozen=True)
class DumpOptions:
    uploads: Path | None = None
    modules: tuple[str, ...] = ()
    url_names: dict[str, str] = field(default_factory=dict)  # module_data -> its name in old URLs
    category_map: dict[str, str] = field(default_factory=dict)  # old category alias -> site category
    dry_run: bool = False


@dataclass
class Outcome:
    """What the import did, for the report; `failure` set when nothing could be written."""

    portal: Portal | None = None
    written: list[tuple[Article, str]] = field(default_factory=list)  # (article, post path shown)
    existing: list[tuple[str, str]] = field(default_factory=list)  # (old id, post path)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (old id, reason)
    refused: list[tuple[str, str, str]] = field(default_factory=list)  # (old id, file, reason)
    files: int = 0
    added_categories: list[str] = field(default_factory=list)
    mapped_categories: list[tuple[str, str]] = field(default_factory=list)
    failure: list[str] = field(default_factory=list)


def _category_names(module: Module, settings: SiteConfig, mapping: dict[str, str]) -> tuple[dict[int, str], list[str], list[tuple[str, str]]]:
    """Old category id -> site category name; the names to add to mkdocs.yml; (old, new) pairs mapped."""
    names: dict[int, str] = {}
    added: list[str] = []
    mapped: list[tuple[str, str]] = []
    for cat_id, cat in sorted(module.cats.items()):
        alias, title = str(cat.get("alias") or ""), " ".join(str(cat.get("title") or "").split())
        wanted = mapping.get(alias) or mapping.get(title) or title
        found = settings.category(wanted)
        if found is not None:
            names[cat_id] = found.name
            if mapping.get(alias) or mapping.get(title):
                mapped.append((title, found.name))
        elif slugify(wanted):
            names[cat_id] = wanted
            if wanted not in added:
                added.append(wanted)
    return names, added, mapped


def _existing(project: Project) -> tuple[dict[str, str], set[str]]:
    """old_id -> post file of the posts there now, and the URLs they take."""
    corpus = read_posts(project.posts_dir, project.settings, root=project.root)
    ids = {post.old_id: os.path.relpath(post.source, project.root) for post in corpus.posts if post.old_id}
    return ids, {post.url for post in corpus.posts}


def _link_or_copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def import_dump(dump: Path, project: Project, options: DumpOptions, now: datetime, shown: str) -> Outcome:
    outcome = Outcome()
    try:
        portal = read_portal(dump, options.modules)
    except DumpError as error:
        what, fix = message(error.kind, line=error.line, **error.values)
        outcome.failure.append(f"{shown}:{error.line or ''}: {what} -> {fix}".replace(":: ", ": "))
        return outcome
    except OSError as error:
        what, fix = message("dump_unreadable", error=error.strerror or error)
        outcome.failure.append(f"{shown}: {what} -> {fix}")
        return outcome
    outcome.portal = portal
    for module in portal.modules:
        for article_id, other, alias in module.duplicates:
            what, fix = message("dump_duplicate_alias", module=module.name, id=article_id, other=other, alias=alias)
            outcome.failure.append(f"{shown}: {what} -> {fix}")
    if outcome.failure:
        return outcome

    settings = project.settings
    categories: dict[str, dict[int, str]] = {}
    for module in portal.modules:
        names, added, mapped = _category_names(module, settings, options.category_map)
        categories[module.base] = names
        outcome.added_categories += [n for n in added if n not in outcome.added_categories]
        outcome.mapped_categories += mapped
    if outcome.added_categories:
        extra = tuple(Term(CATEGORY, slugify(n), n) for n in outcome.added_categories)
        settings = _with_categories(settings, extra)
        try:
            config_text = with_categories(project.config_file.read_text(encoding="utf-8"), outcome.added_categories)
        except (ConfigEditError, OSError):
            outcome.failure.append(cli_text("nv_config_edit_failed", names=", ".join(outcome.added_categories)))
            return outcome
    existing, taken = _existing(project)
    planned = set(taken)
    uploads = {module.base: Uploads(options.uploads, module.name) for module in portal.modules}
    stage = Path(tempfile.mkdtemp(prefix=".newsroom-import-", dir=None if options.dry_run else project.root))
    stage_posts = stage / project.settings.posts_dir
    staged: list[tuple[Article, Path, Path]] = []  # (article, staged post, final post)
    try:
        seen: set[tuple[str, int]] = set()
        for module, body in bodies(portal):
            _one(module, body, portal, project, settings, categories, options, uploads, now, existing, planned,
                 stage_posts, staged, outcome)  # fmt: skip
            seen.add((module.base, int(body["id"])))
        for module in portal.modules:  # rows without a body row: imported from their hometext
            for article_id in sorted(set(module.rows) - {i for b, i in seen if b == module.base}):
                _one(module, {"id": article_id}, portal, project, settings, categories, options, uploads, now,
                     existing, planned, stage_posts, staged, outcome)  # fmt: skip
        if options.dry_run:
            outcome.written = [(article, os.path.relpath(final, Path.cwd())) for article, _, final in staged]
            return outcome
        if outcome.added_categories:
            project.config_file.write_text(config_text, encoding="utf-8")
        for article, staged_post, final in staged:
            _move(article, staged_post, final)
            outcome.written.append((article, os.path.relpath(final, Path.cwd())))
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return outcome


def _with_categories(settings: SiteConfig, extra: tuple[Term, ...]) -> SiteConfig:
    from dataclasses import replace

    return replace(settings, categories=settings.categories + extra)


def _one(module, body, portal, project, settings, categories, options, uploads, now, existing, planned, stage_posts,
         staged, outcome) -> None:  # fmt: skip
    article_id = int(body["id"])
    old_id = f"nukeviet:{module.base}:{article_id}"
    row = module.rows.get(article_id)
    if row is None:
        outcome.skipped.append((old_id, cli_text("nv_body_without_row")))
        return
    if old_id in existing:
        outcome.existing.append((old_id, existing[old_id]))
        return
    found = uploads[module.base]
    url_name = options.url_names.get(module.name, module.name)
    try:
        article = map_article(module, row, body, categories[module.base], url_name, now, settings.tz, found.find)
        final = plan(project.posts_dir, article.post, planned)
        if final.path.stem != article.post.slug:  # the name was taken: the files beside it follow the post's name
            article = map_article(module, row, body, categories[module.base], url_name, now, settings.tz, found.find,
                                  slug=final.path.stem)  # fmt: skip
    except ImportFailed:
        outcome.skipped.append((old_id, cli_text("nv_no_body")))
        return
    for reference in article.missing:
        if reference in found.refused:
            kind, values = found.refused[reference]
            what, fix = message(kind, **values)
            outcome.refused.append((old_id, reference, f"{what} -> {fix}"))
    target = stage_posts / final.path.relative_to(project.posts_dir)
    text = post_text(article.post)
    for upload in article.uploads:
        source = found.find(upload.reference, upload.image)
        _link_or_copy(source, target.parent / upload.name)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    invalid = problems_in(text, target, stage_posts, settings, os.path.relpath(final.path, project.root))
    if invalid:
        outcome.skipped.append((old_id, cli_text("nv_invalid", problems="; ".join(str(p) for p in invalid))))
        target.unlink()
        return
    planned.add(final.url)
    outcome.files += len(article.uploads)
    staged.append((article, target, final.path))


def _move(article: Article, staged_post: Path, final: Path) -> None:
    """The post and the files staged beside it into posts/; a name that exists is never replaced."""
    final.parent.mkdir(parents=True, exist_ok=True)
    pairs = [(staged_post.parent / u.name, final.parent / u.name) for u in article.uploads] + [(staged_post, final)]
    for source, destination in pairs:  # the post last: it is never there without its pictures
        try:
            os.link(source, destination)
        except FileExistsError:
            if destination.read_bytes() != source.read_bytes():
                raise
        except OSError:  # a file system without hard links
            with open(destination, "xb") as file:  # exclusive: fails rather than replaces
                file.write(source.read_bytes())


def status_counts(outcome: Outcome) -> Counter:
    return Counter(article.status for article, _ in outcome.written)


def report(outcome: Outcome, shown: str) -> list[str]:
    """The report's lines: counts first, then each article and each file."""
    portal = outcome.portal
    modules = "; ".join(cli_text("nv_module", version=m.version, name=m.name, base=m.base) for m in portal.modules)
    counts = status_counts(outcome)
    files = [a for a, _ in outcome.written]
    missing = [(a, m) for a in files for m in a.missing if m not in {f for o, f, _ in outcome.refused if o == a.post.old_id}]
    external = [(a, url) for a in files for url in a.external_images]
    where = ", ".join(f"{t}.{c}: {n}" for (t, c), n in sorted(portal.repairs.counts.items()))
    lines = [
        cli_text("nv_head", file=shown, modules=modules),
        cli_text("nv_count_imported", count=len(files), published=counts[PUBLISHED], scheduled=counts[SCHEDULED],
                 draft=counts[DRAFT], stopped=counts[STOPPED]),  # fmt: skip
        cli_text("nv_count_existing", count=len(outcome.existing)),
        cli_text("nv_count_skipped", count=len(outcome.skipped)),
        cli_text("nv_count_files", count=outcome.files),
        cli_text("nv_count_missing", count=len(missing)),
        cli_text("nv_count_refused", count=len(outcome.refused)),
        cli_text("nv_count_external", count=len(external)),
        cli_text("nv_count_repaired", count=portal.repairs.total, where=f" ({where})" if where else ""),
    ]
    if outcome.added_categories:
        lines.append(cli_text("nv_categories_added", names=", ".join(outcome.added_categories)))
    if outcome.mapped_categories:
        lines.append(cli_text("nv_categories_mapped", pairs=", ".join(f"{a} -> {b}" for a, b in outcome.mapped_categories)))
    lines.append(cli_text("nv_section_items"))
    for article, path in outcome.written:
        lines.append(cli_text("nv_item", old_id=article.post.old_id, target=path, status=cli_text(f"nv_status_{article.status}")))
        lines += [cli_text("nv_item_note", old_id=article.post.old_id, note=note) for note in article.notes]
    lines += [cli_text("nv_item_existing", old_id=o, path=p) for o, p in outcome.existing]
    lines += [cli_text("nv_item_skipped", old_id=o, reason=r) for o, r in outcome.skipped]
    if missing or outcome.refused or external:
        lines.append(cli_text("nv_section_files"))
    lines += [cli_text("nv_item_missing", old_id=a.post.old_id, file=m) for a, m in missing]
    lines += [cli_text("nv_item_refused", old_id=o, file=f, reason=r) for o, f, r in outcome.refused]
    lines += [cli_text("nv_item_external", old_id=a.post.old_id, url=u) for a, u in external]
    return lines
