"""The NukeViet dump reader: the SQL tokenizer, NukeViet's tables, and double-encoding repair.

The dumps in tests/fixtures/nukeviet were written by a real MariaDB mysqldump from NukeViet's own
schema (tests/nukeviet/make_dumps.py); one test runs that script again and compares.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from newsroom.importer.nukeviet.mojibake import repair
from newsroom.importer.nukeviet.portal import bodies, read_portal
from newsroom.importer.nukeviet.sqldump import DumpError, Insert, Table, read_dump

FIXTURES = Path(__file__).parent / "fixtures" / "nukeviet"
sys.path.insert(0, str(Path(__file__).parent / "nukeviet"))


def dump(text: str | bytes) -> list:
    return list(read_dump(io.BytesIO(text.encode("utf-8") if isinstance(text, str) else text)))


def test_extended_insert_values_escapes_null_numbers_and_binary():
    items = dump(
        "/*!40101 SET NAMES utf8mb4 */;\n"
        "CREATE TABLE `t` (\n  `id` int(11) NOT NULL,\n  `title` varchar(250) COMMENT 'Tên (x)',\n"
        "  `price` decimal(10,2) DEFAULT NULL,\n  PRIMARY KEY (`id`),\n  KEY `title` (`title`)\n"
        ") ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;\n"
        "INSERT INTO `t` VALUES (1,'Tin t\\'ức; \\\\ \\n ok',NULL),(2,'it''s',-1.5),(3,_binary 'x\\0y',0x414243);\n"
    )
    assert items[0] == Table("t", ("id", "title", "price"), "utf8mb4", 2)
    assert items[1].rows == ((1, "Tin t'ức; \\ \n ok", None), (2, "it's", -1.5), (3, b"x\0y", b"ABC"))


def test_phpmyadmin_column_list_rows_on_lines_and_semicolons_in_strings():
    (insert,) = dump(
        "INSERT INTO `t` (`id`, `title`) VALUES\n(4, 'dòng;\nmới'),\n(5, '-- không phải chú thích;');\n"
    )
    assert insert == Insert("t", ("id", "title"), ((4, "dòng;\nmới"), (5, "-- không phải chú thích;")), 1)


def test_truncated_dump_is_refused_with_its_line():
    with pytest.raises(DumpError) as error:
        dump("INSERT INTO `t` VALUES (1,'a'),\n(2,'b")
    assert error.value.kind == "dump_truncated" and error.value.line == 1


def test_a_long_unclosed_string_is_a_truncated_dump_not_a_hang():
    # many lines ending in ; inside one string: each is checked, in linear time (possessive regex)
    with pytest.raises(DumpError) as error:
        dump(b"INSERT INTO `t` VALUES (1,'" + b"m\xe1\xbb\x99t d\xc3\xb2ng;\n" * 20000)
    assert error.value.kind == "dump_truncated"


def test_unknown_charset_is_refused():
    with pytest.raises(DumpError) as error:
        dump("/*!40101 SET NAMES koi8u */;\nINSERT INTO t VALUES (1);\n")
    assert error.value.kind == "dump_charset" and error.value.values == {"charset": "koi8u"}


def test_latin1_connection_decodes_as_windows_1252():
    (insert,) = dump(b"SET NAMES latin1;\nINSERT INTO t VALUES ('caf\xe9 \x93x\x94');\n")
    assert insert.rows == (("café “x”",),)


def test_repair_only_where_double_encoded():
    assert repair("CÃ´ng Ä‘oÃ\xa0n tá»‰nh") == "Công đoàn tỉnh"
    assert repair("Ä\x90áº¡i há»™i") == "Đại hội"
    for good in ["Công đoàn", "Liên đoàn Lao động tỉnh Lai Châu", "Đại hội XIII", "hoà hòa", "Số: 263/KH-LĐLĐ",
                 "“Tết Sum vầy”", "Ñandú", "© 2021", "Ông Ã"]:  # fmt: skip
        assert repair(good) == good


def test_correct_vietnamese_of_the_seeds_is_never_repaired():
    seeds = Path(__file__).parents[2] / "shared" / "seeds"
    texts = [p.read_text(encoding="utf-8", errors="strict") for p in sorted(seeds.glob("*.txt"))]
    assert texts, seeds
    for text in texts:
        for line in text.splitlines():
            assert repair(line) == line


@pytest.mark.parametrize("name", ["nukeviet4.sql", "phpmyadmin.sql"])
def test_nukeviet4_modules_found_with_any_prefix_and_module_name(name):
    portal = read_portal(FIXTURES / name)
    (module,) = portal.modules
    assert (module.prefix, module.name) == (("nv4", "news") if name == "nukeviet4.sql" else ("lc", "tintuc"))
    assert module.version == 4 and module.lang == "vi"
    assert sorted(module.rows) == [1, 2, 3, 4, 5, 6, 7, 8]
    assert module.cats[3] == {"catid": 3, "parentid": 2, "title": "Chăm lo đời sống", "alias": "cham-lo-doi-song"}
    assert module.tags == {1: "Đại hội XIII", 2: "Tết Sum vầy"} and module.tags_of == {1: [1], 2: [2], 3: [1]}
    assert module.authors_of == {1: ["Trần Thị Bình"]} and module.topics == {1: "Sơ kết 6 tháng"}
    assert module.rows[1]["title"].endswith("&amp; phương hướng&#33;")  # entities as NukeViet stores them
    assert portal.repairs.total == 0
    found = {row["id"]: row for _, row in bodies(portal)}
    assert sorted(found) == [1, 2, 3, 4, 5, 6, 7, 8]
    assert found[1]["files"] == "2021_07/ke-hoach-263.pdf,2021_07/danh-sach.xlsx,2021_07/khong-co.pdf"
    assert '<img alt="Toàn cảnh hội nghị" src="/uploads/news/2021_07/hoi-nghi.jpg" />' in found[1]["bodyhtml"]


def test_nukeviet3_latin1_dump_is_repaired_and_split_bodies_read():
    portal = read_portal(FIXTURES / "nukeviet3.sql")
    (module,) = portal.modules
    assert module.version == 3 and sorted(module.tables) >= ["bodyhtml_1", "bodyhtml_2", "cat", "rows"]
    assert module.rows[1]["title"] == "Công đoàn tỉnh tổ chức Đại hội lần thứ XIII"
    assert module.cats[2]["title"] == "Công đoàn cơ sở"
    assert portal.repairs.total >= 7 and portal.repairs.counts[("nv3_vi_news_rows", "title")] == 2
    found = {row["id"]: row["bodyhtml"] for _, row in bodies(portal)}
    assert found == {1: "<p>Đại hội đã bầu Ban Chấp hành gồm 35 đồng chí.</p>",
                     2001: "<p>Công đoàn cơ sở trao quà cho giáo viên.</p>"}  # fmt: skip


def test_dump_without_news_tables(tmp_path):
    path = tmp_path / "other.sql"
    path.write_text("CREATE TABLE `nv4_users` (`userid` int);\nINSERT INTO `nv4_users` VALUES (1);\n")
    with pytest.raises(DumpError) as error:
        read_portal(path)
    assert error.value.kind == "dump_no_news"


def test_module_named_on_the_command_line_must_exist():
    with pytest.raises(DumpError) as error:
        read_portal(FIXTURES / "nukeviet4.sql", only=("tintuc",))
    assert error.value.kind == "dump_module_missing" and error.value.values["found"] == "news"


def test_duplicate_aliases_in_one_category_are_found(tmp_path):
    text = (FIXTURES / "nukeviet4.sql").read_text(encoding="utf-8")
    text = text.replace("'ban-nhap-thong-bao-lich-hop'", "'tin-da-ngung-hieu-luc'")
    (tmp_path / "dup.sql").write_text(text, encoding="utf-8")
    (module,) = read_portal(tmp_path / "dup.sql").modules
    assert module.duplicates == [(6, 5, "tin-da-ngung-hieu-luc")]


def test_truncated_fixture_is_refused(tmp_path):
    raw = (FIXTURES / "nukeviet4.sql").read_bytes()
    cut = raw[: raw.index(b"INSERT INTO `nv4_vi_news_rows`") + 500]
    (tmp_path / "cut.sql").write_bytes(cut)
    with pytest.raises(DumpError) as error:
        read_portal(tmp_path / "cut.sql")
    assert error.value.kind == "dump_truncated"


def test_fixtures_are_what_real_mysqldump_writes(tmp_path):
    """The generator, run again with MariaDB's own server and mysqldump, writes the committed dumps
    byte for byte (make test installs Debian's mariadb-server and mariadb-client)."""
    import make_dumps

    written = make_dumps.make(tmp_path)
    assert [p.name for p in written] == ["nukeviet4.sql", "phpmyadmin.sql", "nukeviet3.sql"]
    head = written[0].read_bytes()[:200]
    assert b"-- MariaDB dump" in head or b"-- MySQL dump" in head, head
    for path in written:
        assert path.read_bytes() == (FIXTURES / path.name).read_bytes(), path.name
