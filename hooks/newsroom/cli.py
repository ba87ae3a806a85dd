"""The `newsroom` command for the office: `new`, `check` and `import`, with Vietnamese help.

Exit status: 0 done, 1 problems found (or nothing imported), 2 the command or mkdocs.yml is wrong.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from datetime import datetime
from pathlib import Path

from .config import ConfigError, SiteConfig
from .importer import ImportedPost, ImportFailed, ImportOptions, convert
from .importer.dates import option_moment
from .importer.nukeviet.run import DumpOptions, import_dump
from .importer.nukeviet.run import report as dump_report
from .importer.record import OFFICIAL
from .labels import cli_text, message
from .model import Problem
from .project import Project, load_project
from .inert import MissingLibmagic, check_libmagic
from .reader import post_files, read_posts
from .text import format_date, nfc, slugify
from .writer import create, plan, post_text, problems_in

OK, PROBLEMS, USAGE = 0, 1, 2

# argparse words its own errors in English; these are the ones a person meets.
_ARGPARSE_ERRORS = (
    (re.compile(r"^the following arguments are required: (?P<names>.*)$"), "error_required"),
    (re.compile(r"^unrecognized arguments: (?P<names>.*)$"), "error_unrecognized"),
    (
        re.compile(r"^argument (?P<name>\S+): invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)$"),
        "error_choice",
    ),
    (re.compile(r"^argument (?P<name>.+): expected one argument$"), "error_expected_one"),
)


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix=cli_text("usage"))


class _Parser(argparse.ArgumentParser):
    """ArgumentParser that speaks Vietnamese: headings, -h, and the errors people meet."""

    def __init__(self, *args, **kwargs):
        kwargs.update(add_help=False, formatter_class=_Formatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = cli_text("positionals")
        self._optionals.title = cli_text("options")
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=cli_text("help"))

    def error(self, message: str):
        for pattern, key in _ARGPARSE_ERRORS:
            match = pattern.match(message)
            if match:
                message = cli_text(key, **match.groupdict())
                break
        self.print_usage(sys.stderr)
        self.exit(USAGE, cli_text("error", prog=self.prog, message=message))


def _add_config(parser: argparse.ArgumentParser, default) -> None:
    parser.add_argument("--config", type=Path, default=default, metavar="mkdocs.yml", help=cli_text("config_help"))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="newsroom", description=cli_text("description"), epilog=cli_text("epilog"))
    _add_config(parser, None)
    commands = parser.add_subparsers(title=cli_text("commands"), dest="command", metavar=cli_text("command_metavar"))

    new = commands.add_parser("new", help=cli_text("new_help"), description=cli_text("new_description"))
    new.add_argument("title", metavar="TIÊU_ĐỀ", help=cli_text("new_title_help"))
    new.add_argument("--category", metavar="CHUYÊN_MỤC", help=cli_text("category_help"))
    new.add_argument("--unit", metavar="ĐƠN_VỊ", help=cli_text("unit_help"))
    new.set_defaults(handler=_new)

    check = commands.add_parser("check", help=cli_text("check_help"), description=cli_text("check_description"))
    check.add_argument("paths", nargs="*", type=Path, metavar="ĐƯỜNG_DẪN", help=cli_text("check_paths_help"))
    check.set_defaults(handler=_check)

    imports = commands.add_parser("import", help=cli_text("import_help"), description=cli_text("import_description"))
    imports.add_argument("files", nargs="+", type=Path, metavar="TỆP", help=cli_text("import_dump_files_help"))
    imports.add_argument("--date", metavar="NGÀY", help=cli_text("date_help"))
    imports.add_argument("--category", metavar="CHUYÊN_MỤC", help=cli_text("category_help"))
    imports.add_argument("--unit", metavar="ĐƠN_VỊ", help=cli_text("unit_help"))
    imports.add_argument("--dry-run", action="store_true", help=cli_text("dry_run_help"))
    imports.add_argument("--uploads", type=Path, metavar="THƯ_MỤC", help=cli_text("uploads_help"))
    imports.add_argument("--module", action="append", default=[], metavar="TÊN", help=cli_text("module_help"))
    imports.add_argument("--map-category", action="append", default=[], metavar="ALIAS=TÊN", help=cli_text("map_category_help"))
    imports.add_argument("--report", type=Path, metavar="TỆP", help=cli_text("report_help"))
    imports.set_defaults(handler=_import)

    for sub in (new, check, imports):
        _add_config(sub, argparse.SUPPRESS)  # also accepted after the command; the main one is the default
    return parser


def main(argv: list[str] | None = None, now: datetime | None = None) -> int:
    """Run the command; `now` is the current time (tests pass it; the command reads the clock)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # -h, or a wrong command line: argparse has printed why
        return stop.code if isinstance(stop.code, int) else USAGE
    if args.command is None:
        parser.print_help()
        return USAGE
    try:
        project = load_project(args.config, Path.cwd())
    except ConfigError as error:
        print(cli_text("config_error", error=error), file=sys.stderr)
        return USAGE
    return args.handler(args, project, now or datetime.now(project.settings.tz))


def _shown(path: Path) -> str:
    """`path` as the person typed paths: relative to where they are, when it is below it."""
    relative = os.path.relpath(path, Path.cwd())
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


def _category(name: str | None, settings: SiteConfig) -> str | None:
    """The declared spelling of `name` (the first category when None); None after printing why not."""
    if name is None:
        return settings.categories[0].name
    found = settings.category(nfc(name))
    if found is None:
        allowed = ", ".join(c.name for c in settings.categories)
        print(cli_text("bad_category", value=name, allowed=allowed), file=sys.stderr)
        return None
    return found.name


def _taken_urls(project: Project) -> set[str]:
    """URLs of the posts that exist now: a new post must not take one, even from another folder."""
    return {post.url for post in read_posts(project.posts_dir, project.settings, root=project.root).posts}


def _new(args, project: Project, now: datetime) -> int:
    settings = project.settings
    title = " ".join(nfc(args.title).split())
    category = _category(args.category, settings)
    if not slugify(title):
        print(cli_text("new_title_empty"), file=sys.stderr)
        return USAGE
    if category is None:
        return USAGE
    post = ImportedPost(
        title=title,
        body=cli_text("new_body"),
        date=now.astimezone(settings.tz).replace(second=0, microsecond=0),
        has_time=True,
        categories=(category,),
        unit=nfc(args.unit).strip() if args.unit else settings.unit,
    )
    try:
        planned = create(project.posts_dir, post, post_text(post, template=True), _taken_urls(project))
    except OSError as error:
        print(cli_text("write_failed", path=_shown(project.posts_dir), error=error.strerror or error), file=sys.stderr)
        return PROBLEMS
    print(_shown(planned.path))
    print(cli_text("new_next", path=_shown(planned.path)), file=sys.stderr)
    return OK


def _selected(paths: list[Path], project: Project) -> tuple[set[str], list[Problem]]:
    """The post files PATHs name (as problems name them, relative to the site), and PATHs that are not posts."""
    selected: set[str] = set()
    problems: list[Problem] = []
    posts_dir = project.posts_dir.resolve()
    for path in paths:
        if not path.exists():
            problems.append(Problem(str(path), 0, "", *message("check_missing")))
            continue
        if path.is_symlink():  # a linked post or folder: named as it is, and reported as a link
            selected.add(_shown_in_site(Path(os.path.abspath(path)), project.root))
            continue
        resolved = path.resolve()
        for file in post_files(resolved) if resolved.is_dir() else [resolved]:
            if not file.is_relative_to(posts_dir):
                problems.append(
                    Problem(_shown(file), 0, "", *message("check_outside", posts=project.settings.posts_dir))
                )
            elif file.suffix != ".md":
                problems.append(Problem(_shown(file), 0, "", *message("check_not_post")))
            else:
                selected.add(_shown_in_site(file, project.root))
    return selected, problems


def _shown_in_site(path: Path, root: Path) -> str:
    """`path` as problems name it: relative to the site's folder, with "/"."""
    return os.path.relpath(path, root).replace(os.sep, "/")


def _check(args, project: Project, now: datetime) -> int:
    try:
        check_libmagic()
    except MissingLibmagic as error:
        print(error, file=sys.stderr)
        return USAGE
    every = post_files(project.posts_dir)
    selected, outside = _selected(args.paths, project) if args.paths else (None, [])
    if selected is not None:
        # Read every post, the selected ones last: a URL clash is reported on the post read second,
        # so a new post that takes an existing post's URL is the one named (pre-commit passes only it).
        chosen = [path for path in every if _shown_in_site(path, project.root) in selected]
        every = [path for path in every if path not in chosen] + chosen
    corpus = read_posts(
        project.posts_dir, project.settings, project.root, project.docs_dir, only=tuple(every), jobs=os.cpu_count() or 1,
        published_dirs=(project.docs_dir,), theme_dirs=project.theme_dirs,
    )  # fmt: skip
    problems = [p for p in corpus.problems if selected is None or p.path in selected] + outside
    count = len(every) if selected is None else len(selected)
    for problem in problems:
        print(problem)
    if problems:
        print(cli_text("check_failed", count=len(problems)))
        return PROBLEMS
    print(cli_text("check_ok", count=count))
    return OK


def _options(args, settings: SiteConfig) -> ImportOptions | None:
    moment = None
    if args.date is not None:
        moment = option_moment(args.date)
        if moment is None:
            print(cli_text("bad_date", value=args.date), file=sys.stderr)
            return None
    category = _category(args.category, settings) if args.category is not None else None
    if args.category is not None and category is None:
        return None
    return ImportOptions(
        date=datetime.combine(moment.day, datetime.min.time()).replace(hour=moment.hour, minute=moment.minute)
        if moment
        else None,
        has_time=bool(moment and moment.has_time),
        category=category,
        unit=nfc(args.unit).strip() if args.unit else None,
    )


def _summary(post: ImportedPost, shown: str, target: str) -> list[str]:
    """What the import read from one file, for the person to check before publishing."""
    kind = cli_text("kind_official" if post.kind == OFFICIAL else "kind_article")
    date = f"{post.date:%Y-%m-%d %H:%M}" if post.has_time else f"{post.date:%Y-%m-%d}"
    source = cli_text(f"date_{post.date_source}", found=post.date_found)
    body = post.body.split("\n\n")
    rows = [
        ("sum_title", post.title),
        ("sum_date", f"{date} ({source})"),
        ("sum_category", ", ".join(post.categories)),
        ("sum_unit", post.unit),
        ("sum_authors", ", ".join(post.authors)),
    ]
    document = post.document
    if document:
        issued = ", ".join(x for x in (document.place, format_date(document.issued) if document.issued else "") if x)
        rows += [
            ("sum_type", document.type),
            ("sum_number", document.number),
            ("sum_issued", issued),
            ("sum_issuer", post.issuer),
            ("sum_parent", post.parent),
            ("sum_signer", " - ".join(x for x in (document.signer_title, document.signer) if x)),
        ]
    rows.append(
        (
            "sum_body",
            cli_text(
                "sum_body_value",
                paragraphs=sum(1 for b in body if b and b[0] not in "#-|*" and not re.match(r"\d+\. ", b)),
                headings=sum(1 for b in body if b.startswith("#")),
                items=sum(1 for line in post.body.split("\n") if re.match(r"\s*(?:-|\d+\.) ", line)),
                tables=sum(1 for b in body if b.startswith("|")),
            ),
        )
    )
    lines = [cli_text("summary_head", file=shown, kind=kind, format=post.format)]
    lines += [cli_text("summary_line", label=cli_text(key), value=value) for key, value in rows if value]
    if document and document.recipients:
        label = cli_text("sum_recipients", count=len(document.recipients))
        lines.append(cli_text("summary_line", label=label, value="; ".join(document.recipients)))
    lines += [cli_text("summary_line", label=cli_text("sum_note"), value=note) for note in post.notes]
    lines.append(cli_text("summary_line", label=cli_text("sum_target"), value=target))
    return lines


def _pairs(values: list[str], form: str, example: str) -> dict[str, str] | None:
    pairs = {}
    for value in values:
        key, equals, name = value.partition("=")
        if not equals or not key.strip() or not name.strip():
            print(cli_text("dump_option_bad", value=value, form=form, example=example), file=sys.stderr)
            return None
        pairs[key.strip()] = nfc(name.strip())
    return pairs


def _import_dump(args, project: Project, now: datetime) -> int:
    """`newsroom import DUMP.sql`: a NukeViet news module (importer/nukeviet/run.py)."""
    dump = args.files[0]
    shown = _shown(dump)
    categories = _pairs(args.map_category, "ALIAS=Tên", 'hoat-dong="Tin tức - Sự kiện"')
    modules = [m.partition("=")[0].strip() for m in args.module]
    url_names = _pairs([m for m in args.module if "=" in m], "TÊN=ĐƯỜNG_DẪN", "tintuc=tin-tuc")
    if categories is None or url_names is None:
        return USAGE
    options = DumpOptions(args.uploads, tuple(m for m in modules if m), url_names, categories, args.dry_run)
    outcome = import_dump(dump, project, options, now, shown)
    if outcome.failure:
        print(cli_text("nv_failed", file=shown), file=sys.stderr)
        for line in outcome.failure:
            print(f"  {line}", file=sys.stderr)
        return PROBLEMS
    lines = dump_report(outcome, shown)
    print("\n".join(lines))
    if args.dry_run:
        print(cli_text("dry_run_done"))
        return OK
    path = args.report or project.root / f"nhap-nukeviet-{now:%Y%m%d-%H%M%S}.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(cli_text("nv_report_written", path=_shown(path)))
    return OK if outcome.written or outcome.existing else PROBLEMS


def _import(args, project: Project, now: datetime) -> int:
    dumps = [path for path in args.files if path.suffix.lower() == ".sql"]
    if dumps and len(args.files) > 1:
        print(cli_text("dump_alone", file=_shown(dumps[0])), file=sys.stderr)
        return USAGE
    if dumps:
        return _import_dump(args, project, now)
    settings = project.settings
    options = _options(args, settings)
    if options is None:
        return USAGE
    taken = _taken_urls(project)
    planned_urls = set(taken)  # the posts of this run must not plan the same name either
    ready: list[tuple[ImportedPost, str]] = []
    failed: list[Problem] = []
    for path in args.files:
        shown = _shown(path)
        try:
            post = convert(path, settings, options, shown)
            target = plan(project.posts_dir, post, planned_urls)
            text = post_text(post)
            invalid = problems_in(text, target.path, project.posts_dir, settings, _shown(target.path))
            if invalid:
                raise ImportFailed("import_invalid", problems="; ".join(str(p) for p in invalid))
        except ImportFailed as error:
            failed.append(error.problem(shown))
            continue
        planned_urls.add(target.url)
        ready.append((post, text))
        print("\n".join(_summary(post, shown, _shown(target.path))))
    if failed:
        for problem in failed:
            print(problem, file=sys.stderr)
        print(cli_text("import_failed", count=len(failed)), file=sys.stderr)
        return PROBLEMS
    if args.dry_run:
        print(cli_text("dry_run_done"))
        return OK
    for post, text in ready:
        try:
            written = create(project.posts_dir, post, text, taken)
        except OSError as error:
            print(
                cli_text("write_failed", path=_shown(project.posts_dir), error=error.strerror or error), file=sys.stderr
            )
            return PROBLEMS
        print(cli_text("created", path=_shown(written.path)))
    return OK


if __name__ == "__main__":
    sys.exit(main())
