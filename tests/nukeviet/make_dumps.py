"""Writes the NukeViet dumps the importer tests read, with a real MariaDB and its real mysqldump.

    python tests/nukeviet/make_dumps.py [OUT_DIR]     (default: tests/fixtures/nukeviet)

Starts a private `mariadbd` (a data folder made by mariadb-install-db in a temporary folder, a
Unix socket there, no TCP port), creates NukeViet's own tables (schema-4.sql and schema-3.sql,
copied from nukeviet/nukeviet), inserts the rows below and dumps them:

- nukeviet4.sql   NukeViet 4, prefix nv4, module `news`, utf8mb4, `mysqldump` extended inserts;
- phpmyadmin.sql  NukeViet 4, prefix lc, the module renamed `tintuc`: one INSERT with its column
                  list and one row per line, phpMyAdmin's layout (made from mysqldump's
                  --complete-insert output, one row per statement, joined by table);
- nukeviet3.sql   NukeViet 3, prefix nv3, a latin1 database whose columns hold UTF-8 bytes (the
                  portal wrote UTF-8 through a latin1 connection), dumped as utf8mb4: the
                  Vietnamese arrives double-encoded ("CÃ´ng Ä‘oÃ n"), as from real old hosts;
                  bodies split into _bodyhtml_1 and _bodyhtml_2 (ids above 2000).

tests/test_nukeviet_dump.py runs this script against the committed files.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).parent
FIXTURES = HERE.parent / "fixtures" / "nukeviet"
# 2021-07-29 08:00 in Vietnam (UTC+7)
T0 = 1627520400
DAY = 86400


def binaries() -> dict[str, str]:
    """The MariaDB programs, or a RuntimeError naming the Debian packages (make test installs them)."""
    found = {}
    for name, alternatives in {
        "install_db": ("mariadb-install-db", "mysql_install_db"),
        "server": ("mariadbd", "mysqld"),
        "client": ("mariadb", "mysql"),
        "dump": ("mariadb-dump", "mysqldump"),
    }.items():
        for alternative in alternatives:
            path = shutil.which(alternative) or shutil.which(alternative, path="/usr/sbin:/usr/bin")
            if path:
                found[name] = path
                break
        else:
            raise RuntimeError(f"{alternatives[0]} not found: install Debian's mariadb-server and mariadb-client (make test does)")
    return found


class MariaDB:
    """A private server on a socket in `folder`, for the time of a `with` block."""

    def __init__(self, folder: Path):
        self.bin = binaries()
        self.folder = folder
        self.socket = folder / "mysqld.sock"
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> MariaDB:
        data = self.folder / "data"
        user = ["--user=root"] if os.geteuid() == 0 else []  # mariadbd refuses to run as root without it
        subprocess.run(
            [self.bin["install_db"], "--no-defaults", f"--datadir={data}", "--auth-root-authentication-method=normal",
             "--skip-test-db", *user],
            check=True, capture_output=True,
        )  # fmt: skip
        self.process = subprocess.Popen(
            [self.bin["server"], "--no-defaults", f"--datadir={data}", f"--socket={self.socket}", "--skip-networking",
             f"--pid-file={self.folder / 'mysqld.pid'}", f"--log-error={self.folder / 'error.log'}",
             "--skip-grant-tables=0", "--character-set-server=utf8mb4", *user],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while not self._ready():
            if self.process.poll() is not None or time.monotonic() > deadline:
                log = (self.folder / "error.log").read_text(errors="replace")[-2000:]
                self.__exit__()
                raise RuntimeError(f"mariadbd did not start:\n{log}")
            time.sleep(0.1)
        return self

    def _ready(self) -> bool:
        if not self.socket.exists():
            return False
        return subprocess.run(self._client("utf8mb4") + ["-e", "SELECT 1"], capture_output=True).returncode == 0

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def _client(self, charset: str, database: str = "") -> list[str]:
        args = [self.bin["client"], "--no-defaults", f"--socket={self.socket}", "-uroot", f"--default-character-set={charset}"]
        return args + ([database] if database else [])

    def sql(self, text: bytes, database: str = "", charset: str = "utf8mb4") -> None:
        subprocess.run(self._client(charset, database), input=text, check=True, capture_output=True)

    def dump(self, database: str, *options: str) -> bytes:
        args = [self.bin["dump"], "--no-defaults", f"--socket={self.socket}", "-uroot", "--skip-dump-date",
                "--default-character-set=utf8mb4", *options, database]  # fmt: skip
        return subprocess.run(args, check=True, capture_output=True).stdout


@contextmanager
def server():
    with tempfile.TemporaryDirectory(prefix="newsroom-mariadb-") as folder, MariaDB(Path(folder)) as db:
        yield db


def quote(value: object) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, int):
        return str(value)
    text = str(value).replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\r", "\\r")
    return f"'{text}'"


def inserts(table: str, rows: list[dict[str, object]]) -> str:
    return "".join(
        f"INSERT INTO `{table}` ({', '.join(f'`{k}`' for k in row)}) VALUES ({', '.join(quote(v) for v in row.values())});\n"
        for row in rows
    )


def schema(version: int, table: str) -> str:
    return (HERE / f"schema-{version}.sql").read_text(encoding="utf-8").replace("{table}", table)


# -- the rows: every status, entities in titles, tags, authors, sources, files, pictures -----------

CATS4 = [
    dict(catid=1, parentid=0, title="Tin tức - Sự kiện", alias="tin-tuc-su-kien", weight=1, sort=1),
    dict(catid=2, parentid=0, title="Hoạt động công đoàn", alias="hoat-dong-cong-doan", weight=2, sort=2),
    dict(catid=3, parentid=2, title="Chăm lo đời sống", alias="cham-lo-doi-song", weight=1, sort=3, lev=1),
    dict(catid=4, parentid=0, title="Báo cáo", alias="bao-cao", weight=3, sort=4),
]
BODY = (
    "<p>Sáng 29/7, <strong>Liên đoàn Lao động tỉnh</strong> tổ chức hội nghị sơ kết công tác "
    "công đoàn 6 tháng đầu năm.</p>"
    '<p style="text-align:center"><img alt="Toàn cảnh hội nghị" src="/uploads/news/2021_07/hoi-nghi.jpg" /></p>'
    "<h3>Kết quả nổi bật</h3><ul><li>Phát triển 1.200 đoàn viên mới;</li><li>Thành lập 12 công đoàn cơ sở.</li></ul>"
    '<p><img src="https://baolaichau.vn/uploads/anh-ngoai.jpg" alt="Ảnh của báo" /></p>'
    '<p>Xem thêm <a href="https://congdoan.vn/tin-tuc">trang Tổng Liên đoàn</a>.</p>'
)


def rows4() -> list[dict[str, object]]:
    common = dict(admin_id=1, addtime=T0 - 3600, edittime=T0, weight=0, exptime=0, archive=0, inhome=1,
                  allowed_comm="4", allowed_rating=1, hitstotal=10)  # fmt: skip
    return [
        dict(id=1, catid=1, listcatid="2,1", topicid=1, author="Nguyễn Văn An", sourceid=1, status=1, publtime=T0,
             title="Hội nghị sơ kết công tác công đoàn 6 tháng đầu năm 2021 &amp; phương hướng&#33;",
             alias="hoi-nghi-so-ket-cong-tac-cong-doan-6-thang-dau-nam-2021",
             hometext="Liên đoàn Lao động tỉnh sơ kết công tác 6 tháng đầu năm.", homeimgfile="2021_07/hoi-nghi.jpg",
             homeimgalt="Hội nghị", homeimgthumb=1, **common),
        dict(id=2, catid=3, listcatid="3", topicid=0, author="", sourceid=0, status=1, publtime=T0 + DAY,
             title="Trao 200 suất quà &quot;Tết Sum vầy&quot; cho đoàn viên", alias="trao-200-suat-qua-tet-sum-vay",
             hometext="", homeimgfile="2021_07/khong-co-anh.jpg", homeimgalt="", homeimgthumb=2, **common),
        dict(id=3, catid=4, listcatid="4", topicid=0, author="Phòng Tuyên giáo", sourceid=2, status=1,
             publtime=T0 + 2 * DAY, title="Báo cáo tháng 7 năm 2021", alias="bao-cao-thang-7-nam-2021",
             hometext="Báo cáo kết quả hoạt động tháng 7.", homeimgfile="https://baolaichau.vn/uploads/bia.jpg",
             homeimgalt="", homeimgthumb=3, **common),
        dict(id=4, catid=1, listcatid="1", topicid=0, author="", sourceid=0, status=2, publtime=T0 + 400 * DAY,
             title="Kế hoạch tổ chức Tháng Công nhân năm 2022", alias="ke-hoach-thang-cong-nhan-2022",
             hometext="Hẹn giờ đăng.", homeimgfile="", homeimgalt="", homeimgthumb=0, **common),
        dict(id=5, catid=1, listcatid="1", topicid=0, author="", sourceid=0, status=4, publtime=T0 + 3 * DAY,
             title="Bản nháp: thông báo lịch họp", alias="ban-nhap-thong-bao-lich-hop", hometext="",
             homeimgfile="", homeimgalt="", homeimgthumb=0, **common),
        dict(id=6, catid=1, listcatid="1", topicid=0, author="", sourceid=0, status=0, publtime=T0 + 4 * DAY,
             title="Tin đã ngưng hiệu lực", alias="tin-da-ngung-hieu-luc", hometext="", homeimgfile="",
             homeimgalt="", homeimgthumb=0, **common),
        dict(id=7, catid=1, listcatid="1", topicid=0, author="", sourceid=0, status=3, publtime=T0 + 5 * DAY,
             title="Tin đã hết hạn", alias="tin-da-het-han", hometext="", homeimgfile="", homeimgalt="",
             homeimgthumb=0, **{**common, "exptime": T0 + 6 * DAY}),
        dict(id=8, catid=2, listcatid="2", topicid=0, author="", sourceid=0, status=5, publtime=T0 + 6 * DAY,
             title="Bài chờ duyệt", alias="bai-cho-duyet", hometext="", homeimgfile="", homeimgalt="",
             homeimgthumb=0, **common),
    ]


def details4() -> list[dict[str, object]]:
    base = dict(titlesite="", description="", keywords="", imgposition=1, copyright=0, allowed_send=1,
                allowed_print=1, allowed_save=1)  # fmt: skip
    out = []
    for row in rows4():
        body = BODY if row["id"] == 1 else f"<p>{row['hometext'] or 'Nội dung bài ' + str(row['id'])}.</p>"
        files = "2021_07/ke-hoach-263.pdf,2021_07/danh-sach.xlsx,2021_07/khong-co.pdf" if row["id"] == 1 else ""
        source = {1: "Báo Lai Châu", 3: "https://congdoan.vn/bao-cao-thang-7"}.get(row["id"], "")
        out.append(dict(id=row["id"], bodyhtml=body, sourcetext=source, files=files, **base))
    return out


def site4(db: MariaDB, database: str, prefix: str, module: str) -> None:
    table = f"{prefix}_vi_{module}"
    db.sql(f"CREATE DATABASE `{database}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci".encode())
    sql = schema(4, table)
    sql += inserts(f"{table}_cat", CATS4)
    sql += inserts(f"{table}_sources", [
        dict(sourceid=1, title="Báo Lai Châu", link="https://baolaichau.vn", logo="", weight=1, add_time=T0, edit_time=T0),
        dict(sourceid=2, title="Công đoàn Việt Nam", link="https://congdoan.vn", logo="", weight=2, add_time=T0, edit_time=T0),
    ])  # fmt: skip
    sql += inserts(f"{table}_topics", [
        dict(topicid=1, title="Sơ kết 6 tháng", alias="so-ket-6-thang", description="", weight=1, keywords="", add_time=T0, edit_time=T0),
    ])  # fmt: skip
    sql += inserts(f"{table}_rows", rows4())
    sql += inserts(f"{table}_detail", details4())
    sql += inserts(f"{table}_tags", [
        dict(tid=1, numnews=2, title="Đại hội XIII", alias="dai-hoi-xiii", description="", keywords="Đại hội XIII"),
        dict(tid=2, numnews=1, title="Tết Sum vầy", alias="tet-sum-vay", description="", keywords="Tết Sum vầy"),
    ])  # fmt: skip
    sql += inserts(f"{table}_tags_id", [
        dict(id=1, tid=1, keyword="Đại hội XIII"), dict(id=2, tid=2, keyword="Tết Sum vầy"), dict(id=3, tid=1, keyword="Đại hội XIII"),
    ])  # fmt: skip
    sql += inserts(f"{table}_author", [
        dict(id=1, uid=5, alias="tran-thi-binh", pseudonym="Trần Thị Bình", description="", add_time=T0, edit_time=T0, active=1, numnews=1),
    ])  # fmt: skip
    sql += inserts(f"{table}_authorlist", [dict(id=1, aid=1, alias="tran-thi-binh", pseudonym="Trần Thị Bình")])
    db.sql(sql.encode("utf-8"), database)


CATS3 = [
    dict(catid=1, parentid=0, title="Tin hoạt động", titlesite="", alias="tin-hoat-dong", description="", weight=1,
         keywords="", admins="", inhome=1),
    dict(catid=2, parentid=0, title="Công đoàn cơ sở", titlesite="", alias="cong-doan-co-so", description="",
         weight=2, keywords="", admins="", inhome=1),
]  # fmt: skip


def site3(db: MariaDB, database: str) -> None:
    table = "nv3_vi_news"
    db.sql(f"CREATE DATABASE `{database}` CHARACTER SET latin1".encode())
    base = schema(3, table)
    # NukeViet 3 opens a _bodyhtml_N table for every 2,000 ids (ceil(id / 2000)): the second as it would
    start = base.index(f"CREATE TABLE `{table}_bodyhtml_1`")
    sql = base + "\n" + base[start : base.index(";", start) + 1].replace("_bodyhtml_1", "_bodyhtml_2") + "\n"
    sql += inserts(f"{table}_cat", CATS3)
    common = dict(topicid=0, admin_id=1, sourceid=0, addtime=T0, edittime=T0, exptime=0, archive=0, homeimgalt="",
                  homeimgthumb="", inhome=1, allowed_comm=1, allowed_rating=1, keywords="công đoàn")  # fmt: skip
    rows = [
        dict(id=1, catid=1, listcatid="1,2", author="Văn phòng", status=1, publtime=T0 - 365 * DAY,
             title="Công đoàn tỉnh tổ chức Đại hội lần thứ XIII", alias="cong-doan-tinh-to-chuc-dai-hoi",
             hometext="Đại hội Công đoàn tỉnh nhiệm kỳ 2018 - 2023.", homeimgfile="2020_07/dai-hoi.jpg", **common),
        dict(id=2001, catid=2, listcatid="2", author="", status=1, publtime=T0 - 300 * DAY,
             title="Công đoàn cơ sở trường Tiểu học Đoàn Kết", alias="cong-doan-co-so-truong-tieu-hoc",
             hometext="Hoạt động của công đoàn cơ sở.", homeimgfile="", **common),
    ]  # fmt: skip
    sql += inserts(f"{table}_rows", rows)
    sql += inserts(f"{table}_bodyhtml_1", [dict(id=1, bodyhtml="<p>Đại hội đã bầu Ban Chấp hành gồm 35 đồng chí.</p>",
                                                sourcetext="Báo Lao Động", imgposition=1, copyright=0, allowed_send=1,
                                                allowed_print=1, allowed_save=1)])  # fmt: skip
    sql += inserts(f"{table}_bodyhtml_2", [dict(id=2001, bodyhtml="<p>Công đoàn cơ sở trao quà cho giáo viên.</p>",
                                                sourcetext="", imgposition=1, copyright=0, allowed_send=1,
                                                allowed_print=1, allowed_save=1)])  # fmt: skip
    sql += inserts(f"{table}_bodytext", [dict(id=1, bodytext="Đại hội"), dict(id=2001, bodytext="Công đoàn")])
    # UTF-8 bytes through a latin1 connection into latin1 columns: what NukeViet 3 on old MySQL did
    db.sql(sql.encode("utf-8"), database, charset="latin1")


def phpmyadmin(dump: bytes) -> bytes:
    """mysqldump's one-row --complete-insert statements joined as phpMyAdmin writes them:
    `INSERT INTO t (cols) VALUES` then one `(row),` per line, a header like phpMyAdmin's."""
    out = [b"-- phpMyAdmin SQL Dump\n-- version 5.2.1\n-- https://www.phpmyadmin.net/\n--\n",
           b'SET SQL_MODE = "NO_AUTO_VALUE_ON_ZERO";\nSTART TRANSACTION;\nSET time_zone = "+00:00";\n\n',
           b"/*!40101 SET NAMES utf8mb4 */;\n\n"]  # fmt: skip
    head, rows = b"", []

    def flush():
        if rows:
            out.append(head + b"\n" + b",\n".join(rows) + b";\n\n")

    for line in dump.splitlines():
        if line.startswith(b"INSERT INTO "):
            prefix, row = line.split(b" VALUES ", 1)
            if prefix + b" VALUES" != head:
                flush()
                head, rows = prefix + b" VALUES", []
            rows.append(row[:-1])  # without the final ;
            continue
        flush()
        head, rows = b"", []
        if not line.startswith((b"LOCK TABLES", b"UNLOCK TABLES", b"/*!40000 ALTER TABLE")):
            out.append(line + b"\n")
    flush()
    out.append(b"COMMIT;\n")
    return b"".join(out)


def make(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    with server() as db:
        site4(db, "portal4", "nv4", "news")
        site4(db, "portal_lc", "lc", "tintuc")
        site3(db, "portal3")
        files = {
            "nukeviet4.sql": db.dump("portal4"),
            "phpmyadmin.sql": phpmyadmin(db.dump("portal_lc", "--complete-insert", "--skip-extended-insert")),
            "nukeviet3.sql": db.dump("portal3"),
        }
    written = []
    for name, content in files.items():
        (out / name).write_bytes(content)
        written.append(out / name)
    return written


if __name__ == "__main__":
    for path in make(Path(sys.argv[1]) if len(sys.argv) > 1 else FIXTURES):
        print(path, path.stat().st_size)
