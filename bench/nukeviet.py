"""Benchmark of `newsroom import DUMP.sql` (issue 14). Not a test: it prints figures.

    .venv/bin/python bench/nukeviet.py                      # 10,000 articles, 30,000 pictures
    .venv/bin/python bench/nukeviet.py --articles 2000 --keep

1. A NukeViet 4 portal of N articles (3 pictures each: the home picture and two in the body,
   Vietnamese bodies of about 3 KB) is made in a private MariaDB and dumped with its real
   mysqldump (extended inserts), with an uploads/ folder of 3N small JPEG files.
2. Reading the dump: our reader's two passes (sqldump.py + portal.py), in a child process for its
   peak memory, beside sqlparse 0.6.1 (the well-kept Python SQL parser) splitting and parsing the
   same dump, and beside loading it into MariaDB (what a programmer with a server would do).
3. The whole import (`newsroom import DUMP.sql --uploads DIR`) into a copy of this site in a
   fresh child process: seconds and peak memory (ru_maxrss of the child).
4. `mkdocs build --strict` of the imported site, for scale.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "nukeviet"))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "hooks"))

import make_dumps  # noqa: E402  (the tests' MariaDB helper: same server, same mysqldump)

T0 = make_dumps.T0
WORDS = ("công đoàn liên đoàn lao động tỉnh đoàn viên người lao động hội nghị sơ kết tổng kết kế hoạch "
         "chăm lo đời sống việc làm an toàn vệ sinh tháng công nhân mái ấm tết sum vầy đại hội nhiệm kỳ "
         "ban chấp hành phong trào thi đua khen thưởng cơ sở doanh nghiệp").split()  # fmt: skip


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def portal_sql(articles: int, seed: int) -> list[str]:
    """INSERT statements of a portal with `articles` articles (500 rows a statement)."""
    rng = random.Random(seed)
    table = "nv4_vi_news"
    statements = [make_dumps.inserts(f"{table}_cat", make_dumps.CATS4)]
    rows, details = [], []
    for n in range(1, articles + 1):
        month = f"{2015 + n % 10}_{1 + n % 12:02d}"
        title = _sentence(rng, 10)
        body = "".join(f"<p>{_sentence(rng, 40)}</p>" for _ in range(8))
        body = (f'<p><img alt="Ảnh {n}" src="/uploads/news/{month}/anh-{n}-a.jpg" /></p>{body}'
                f'<p><img alt="" src="/uploads/news/{month}/anh-{n}-b.jpg" /></p>')  # fmt: skip
        rows.append(dict(id=n, catid=1 + n % 4, listcatid=str(1 + n % 4), topicid=0, admin_id=1, author="Văn phòng",
                         sourceid=0, addtime=T0, edittime=T0, status=1 if n % 20 else 4, weight=0,
                         publtime=T0 - n * 3600 * 7, exptime=0, archive=0, title=title, alias=f"bai-viet-{n}",
                         hometext=_sentence(rng, 20), homeimgfile=f"{month}/anh-{n}.jpg", homeimgalt="",
                         homeimgthumb=2, inhome=1, allowed_comm="4", allowed_rating=1))  # fmt: skip
        details.append(dict(id=n, titlesite="", description="", bodyhtml=body, keywords="", sourcetext="",
                            files="", imgposition=1, copyright=0, allowed_send=1, allowed_print=1, allowed_save=1))
    for chunk in range(0, len(rows), 500):
        for name, part in (("rows", rows), ("detail", details)):
            batch = part[chunk : chunk + 500]
            columns = ", ".join(f"`{k}`" for k in batch[0])
            values = ",\n".join("(" + ", ".join(make_dumps.quote(v) for v in row.values()) + ")" for row in batch)
            statements.append(f"INSERT INTO `{table}_{name}` ({columns}) VALUES\n{values};\n")
    return statements


def make_portal(folder: Path, articles: int, seed: int) -> tuple[Path, Path, float]:
    """(dump, uploads folder, seconds MariaDB took to load the dump back)."""
    dump, uploads = folder / "portal.sql", folder / "portal"
    with make_dumps.server() as db:
        db.sql(b"CREATE DATABASE portal CHARACTER SET utf8mb4")
        db.sql(make_dumps.schema(4, "nv4_vi_news").encode(), "portal")
        for statement in portal_sql(articles, seed):
            db.sql(statement.encode("utf-8"), "portal")
        dump.write_bytes(db.dump("portal"))
        db.sql(b"CREATE DATABASE reload CHARACTER SET utf8mb4")
        start = time.perf_counter()
        with open(dump, "rb") as stream:
            subprocess.run(db._client("utf8mb4", "reload"), stdin=stream, check=True, capture_output=True)
        reload_seconds = time.perf_counter() - start
    picture = (ROOT / "tests" / "fixtures" / "files" / "sample.jpg").read_bytes()
    for n in range(1, articles + 1):
        month = uploads / "uploads" / "news" / f"{2015 + n % 10}_{1 + n % 12:02d}"
        month.mkdir(parents=True, exist_ok=True)
        for name in (f"anh-{n}.jpg", f"anh-{n}-a.jpg", f"anh-{n}-b.jpg"):
            (month / name).write_bytes(picture)
    return dump, uploads, reload_seconds


def child(code: str, *args: str, cwd: Path | None = None) -> tuple[float, int, str]:
    """(seconds, peak RSS in MB, stdout) of `python -c code args` in a fresh process; the time counts
    from the line `start = ...` in `code` (after its imports) when it has one."""
    script = (
        "import resource, sys, time; start = time.perf_counter()\n" + code +
        "\nprint('BENCH', time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)"
    )  # fmt: skip
    result = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, cwd=cwd,
                            env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")})  # fmt: skip
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-3000:])
    line = [line for line in result.stderr.splitlines() if line.startswith("BENCH ")][-1].split()
    return float(line[1]), int(line[2]) // 1024, result.stdout


OURS = """
from pathlib import Path
from newsroom.importer.nukeviet import bodies, read_portal
start = time.perf_counter()
portal = read_portal(Path(sys.argv[1]))
count = sum(1 for _ in bodies(portal))
print(count, sum(len(m.rows) for m in portal.modules))
"""
STATEMENTS = """
from newsroom.importer.nukeviet.sqldump import read_dump
start = time.perf_counter()
print(sum(1 for _ in read_dump(open(sys.argv[1], "rb"))))
"""
SQLPARSE = """
import sqlparse
from sqlparse.exceptions import SQLParseError
text = open(sys.argv[1], encoding="utf-8").read()
start = time.perf_counter()
count = len(sqlparse.split(text))  # splitting only: statements as strings, values not read
split = time.perf_counter() - start
try:
    parsed = sum(1 for _ in sqlparse.parsestream(open(sys.argv[1], encoding="utf-8")))
    error = ""
except SQLParseError as exc:
    error = str(exc)
print(count, split, error)
"""
IMPORT = """
from newsroom.cli import main
code = main(["import", sys.argv[1], "--uploads", sys.argv[2], "--report", sys.argv[3]])
assert code == 0, code
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sqlparse-mb", type=float, default=5.0, help="parse only this many MB with sqlparse (it is slow)")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="newsroom-bench-nukeviet-"))
    try:
        start = time.perf_counter()
        dump, uploads, reload_seconds = make_portal(folder, args.articles, args.seed)
        size = dump.stat().st_size / 2**20
        pictures = sum(1 for p in uploads.rglob("*.jpg"))
        print(f"portal: {args.articles} articles, {pictures} pictures, dump {size:.1f} MB "
              f"(made in {time.perf_counter() - start:.1f} s)")  # fmt: skip

        seconds, peak, out = child(OURS, str(dump))
        print(f"read, ours (2 passes): {seconds:.2f} s, {size * 2 / seconds:.1f} MB/s, peak {peak} MB ({out.strip()})")
        part = folder / "part.sql"
        with open(dump, "rb") as stream:  # whole statements only, up to --sqlparse-mb
            kept, total = [], 0
            for line in stream:
                kept.append(line)
                total += len(line)
                if total > args.sqlparse_mb * 2**20 and line.rstrip().endswith(b";"):
                    break
        part.write_bytes(b"".join(kept))
        part_mb = part.stat().st_size / 2**20
        try:
            seconds_sp, peak_sp, out_sp = child(SQLPARSE, str(part))
        except RuntimeError:
            print("read, sqlparse: not installed (pip install sqlparse==0.6.1 to compare)")
            seconds_sp = 0
        if seconds_sp:
            count, split, error = out_sp.strip().split(" ", 2) + [""] * (3 - len(out_sp.strip().split(" ", 2)))
            split = float(split)
            print(f"read, sqlparse 0.6.1 split only (first {part_mb:.1f} MB): {split:.2f} s, {part_mb / split:.2f} MB/s "
                  f"-> about {size / (part_mb / split):.0f} s for the whole dump, before reading any value; "
                  f"parsestream: {error or 'ok'}")  # fmt: skip
        seconds_ours_part, _, _ = child(STATEMENTS, str(part))
        print(f"read, ours on the same {part_mb:.1f} MB (every statement parsed to values, no repair): "
              f"{seconds_ours_part:.2f} s ({part_mb / seconds_ours_part:.1f} MB/s)")  # fmt: skip
        print(f"load into MariaDB (mariadb < dump.sql, needs a server): {reload_seconds:.2f} s")

        project = folder / "site"
        for name in ("docs", "overrides", "hooks"):
            shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        (project / "posts").mkdir()
        seconds, peak, _ = child(IMPORT, str(dump), str(uploads), str(folder / "report.txt"), cwd=project)
        posts = sum(1 for _ in (project / "posts").rglob("*.md"))
        copied = sum(1 for _ in (project / "posts").rglob("*.jpg"))
        print(f"import (newsroom import DUMP.sql --uploads): {seconds:.1f} s, peak {peak} MB; "
              f"{posts} posts, {copied} pictures copied")  # fmt: skip

        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": str(T0 + 86400)}
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(folder / "out")],
                                cwd=project, env=env, capture_output=True, text=True)  # fmt: skip
        if result.returncode != 0:
            print(result.stderr[-3000:])
            return 1
        redirects = sum(1 for _ in (folder / "out" / "vi").rglob("*.html"))
        print(f"build of the imported site: {time.perf_counter() - start:.1f} s, {redirects} redirect pages under vi/")
    finally:
        if args.keep:
            print(f"kept: {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
