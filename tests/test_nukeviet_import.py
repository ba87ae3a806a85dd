"""`newsroom import DUMP.sql`: NukeViet dumps written by real mysqldump (tests/fixtures/nukeviet)
become posts, pictures and attachments, with a report; bad dumps write nothing."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_project, mkdocs_build
from samples import make_sample
from test_cli import NOW, files, run, site  # noqa: F401 (site is a fixture)

FIXTURES = ROOT / "tests" / "fixtures" / "nukeviet"
POST1 = "posts/2021/07/hoi-nghi-so-ket-cong-tac-cong-doan-6-thang-dau-nam-2021.md"


@pytest.fixture
def uploads(tmp_path):
    """The old portal's folder: uploads/news/... (one picture is an SVG script named .jpg)."""
    folder = tmp_path / "portal" / "uploads" / "news" / "2021_07"
    make_sample(folder, "jpg", "hoi-nghi.jpg")
    make_sample(folder, "pdf", "ke-hoach-263.pdf")
    make_sample(folder, "xlsx", "danh-sach.xlsx")
    (folder / "khong-co-anh.jpg").write_text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
    return tmp_path / "portal"


def meta_of(path: Path) -> tuple[dict, str]:
    _, head, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(head), body


def count(out: str, label: str) -> int:
    return int(re.search(re.escape(label) + r"[^:]*: (\d+)", out).group(1))


def test_nukeviet4_dump_becomes_posts_with_pictures_attachments_and_a_report(site, uploads, capsys):
    before = (site / "mkdocs.yml").read_text(encoding="utf-8")
    code, out, err = run(capsys, "import", str(FIXTURES / "nukeviet4.sql"), "--uploads", str(uploads), "--report", "bao-cao.txt")
    assert code == 0, err
    assert count(out, "bài sẽ nhập / đã nhập") == 8 and "xuất bản 3, hẹn giờ 1, nháp 2, ngưng hoặc hết hạn 2" in out
    assert count(out, "ảnh và tệp chép vào bài") == 3
    assert count(out, "tệp bị từ chối") == 1 and "2021_07/khong-co-anh.jpg" in out
    assert "thiếu tệp 2021_07/khong-co.pdf" in out
    assert "ảnh ở trang khác https://baolaichau.vn/uploads/anh-ngoai.jpg" in out
    assert (site / "bao-cao.txt").read_text(encoding="utf-8").strip() == out.strip().rsplit("\n", 1)[0].strip()

    meta, body = meta_of(site / POST1)
    assert meta["title"] == "Hội nghị sơ kết công tác công đoàn 6 tháng đầu năm 2021 & phương hướng!"
    assert meta["date"] == "2021-07-29 08:00"  # publtime 1627520400 in Vietnam time
    assert meta["categories"] == ["Tin tức - Sự kiện", "Hoạt động công đoàn"]  # catid first, then listcatid
    assert meta["tags"] == ["Đại hội XIII", "Sơ kết 6 tháng"] and meta["authors"] == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert meta["description"] == "Liên đoàn Lao động tỉnh sơ kết công tác 6 tháng đầu năm."
    assert meta["old_id"] == "nukeviet:nv4_vi_news:1"
    assert meta["aliases"] == [
        "vi/news/tin-tuc-su-kien/hoi-nghi-so-ket-cong-tac-cong-doan-6-thang-dau-nam-2021-1.html",
        "news/tin-tuc-su-kien/hoi-nghi-so-ket-cong-tac-cong-doan-6-thang-dau-nam-2021-1.html",
    ]
    picture = meta["image"]
    assert (site / "posts/2021/07" / picture).read_bytes() == (uploads / "uploads/news/2021_07/hoi-nghi.jpg").read_bytes()
    assert f"![Toàn cảnh hội nghị]({picture})" in body
    assert "![Ảnh của báo](https://baolaichau.vn/uploads/anh-ngoai.jpg)" in body
    assert "*Nguồn: [Báo Lai Châu](https://baolaichau.vn)*" in body
    assert re.search(r"- \[ke-hoach-263\.pdf\]\((hoi-nghi-\S+-ke-hoach-263\.pdf)\)", body)
    assert "khong-co.pdf" not in body and "### Kết quả nổi bật" in body

    meta2, _ = meta_of(site / "posts/2021/07/trao-200-suat-qua-tet-sum-vay.md")
    assert meta2["title"] == 'Trao 200 suất quà "Tết Sum vầy" cho đoàn viên' and "image" not in meta2
    assert meta2["categories"] == ["Chăm lo đời sống"]
    assert meta_of(site / "posts/2021/07/bao-cao-thang-7-nam-2021.md")[0]["image"] == "https://baolaichau.vn/uploads/bia.jpg"
    drafts = {p.stem for p in (site / "posts").rglob("*.md") if meta_of(p)[0].get("draft")}
    assert drafts == {"ban-nhap-thong-bao-lich-hop", "tin-da-ngung-hieu-luc", "tin-da-het-han", "bai-cho-duyet"}
    assert not list((site / "posts").rglob("*khong-co-anh*"))  # the SVG was refused, not copied

    after = (site / "mkdocs.yml").read_text(encoding="utf-8")
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert added == ["      - name: Hoạt động công đoàn", "      - name: Chăm lo đời sống"]
    assert after.replace("\n".join(added) + "\n", "") == before  # comments and layout untouched
    assert not list(site.glob(".newsroom-import-*"))


def test_the_site_builds_right_after_the_import(tmp_path, uploads, capsys, monkeypatch):
    project = copy_project(tmp_path / "site", with_posts=False)
    monkeypatch.chdir(project)
    assert run(capsys, "import", str(FIXTURES / "nukeviet4.sql"), "--uploads", str(uploads))[0] == 0
    result = mkdocs_build(project, tmp_path / "out", epoch=int(NOW.timestamp()))
    assert result.returncode == 0, result.stderr[-3000:]
    page = (tmp_path / "out/2021/07/hoi-nghi-so-ket-cong-tac-cong-doan-6-thang-dau-nam-2021/index.html").read_text()
    assert "Hội nghị sơ kết công tác công đoàn 6 tháng đầu năm 2021 &amp; phương hướng!" in page
    assert "ke-hoach-263.pdf" in page
    assert (tmp_path / "out/chuyen-muc/hoat-dong-cong-doan/index.html").exists()


def test_dry_run_writes_nothing(site, uploads, capsys):
    before = files(site)
    code, out, _ = run(capsys, "import", str(FIXTURES / "nukeviet4.sql"), "--uploads", str(uploads), "--dry-run")
    assert code == 0 and "Chạy thử: chưa ghi tệp nào." in out and count(out, "bài sẽ nhập / đã nhập") == 8
    assert files(site) == before


def test_reimport_adds_only_what_is_new_and_never_overwrites(site, uploads, capsys, tmp_path):
    assert run(capsys, "import", str(FIXTURES / "nukeviet4.sql"), "--uploads", str(uploads))[0] == 0
    (site / POST1).write_text((site / POST1).read_text(encoding="utf-8") + "\nSửa tay sau khi nhập.\n", encoding="utf-8")
    edited = files(site / "posts")
    code, out, _ = run(capsys, "import", str(FIXTURES / "nukeviet4.sql"), "--uploads", str(uploads))
    assert code == 0 and count(out, "bài sẽ nhập / đã nhập") == 0 and count(out, "bài đã có từ lần nhập trước") == 8
    assert files(site / "posts") == edited
    # a newer dump: one more article, whose alias a hand-written post already uses as its file name
    newer = (FIXTURES / "nukeviet4.sql").read_text(encoding="utf-8")
    row8 = re.search(r"\(8,2,'2',.*?\)(?=[,;]\n)", newer).group(0)
    newer = newer.replace(row8, row8 + ",\n" + row8.replace("(8,", "(9,", 1).replace("'bai-cho-duyet',''", "'bai-moi','Bài mới đăng.'").replace(",5,", ",1,", 1))
    (tmp_path / "newer.sql").write_text(newer, encoding="utf-8")
    (site / "posts/2021/08/bai-moi.md").write_text("viết tay", encoding="utf-8")
    code, out, err = run(capsys, "import", str(tmp_path / "newer.sql"))
    assert code == 0, err
    assert count(out, "bài sẽ nhập / đã nhập") == 1 and "posts/2021/08/bai-moi-2.md" in out
    assert (site / "posts/2021/08/bai-moi.md").read_text(encoding="utf-8") == "viết tay"


def test_nukeviet3_latin1_dump_is_repaired_and_said_so(site, capsys):
    code, out, err = run(capsys, "import", str(FIXTURES / "nukeviet3.sql"))
    assert code == 0, err
    assert "NukeViet 3, module news" in out and re.search(r"chữ lỗi mã hóa \(đã sửa\): \d+ giá trị \(.*nv3_vi_news_rows.title: 2", out)
    meta, body = meta_of(site / "posts/2020/07/cong-doan-tinh-to-chuc-dai-hoi.md")
    assert meta["title"] == "Công đoàn tỉnh tổ chức Đại hội lần thứ XIII"
    assert meta["categories"] == ["Tin hoạt động", "Công đoàn cơ sở"] and meta["tags"] == ["công đoàn"]
    assert meta["aliases"] == ["vi/news/tin-hoat-dong/cong-doan-tinh-to-chuc-dai-hoi-1/", "news/tin-hoat-dong/cong-doan-tinh-to-chuc-dai-hoi-1/"]
    assert "Đại hội đã bầu Ban Chấp hành gồm 35 đồng chí." in body and "*Nguồn: Báo Lao Động*" in body
    assert "thiếu tệp 2020_07/dai-hoi.jpg" in out
    second = meta_of(site / "posts/2020/10/cong-doan-co-so-truong-tieu-hoc.md")[1]  # from _bodyhtml_2
    assert "Công đoàn cơ sở trao quà cho giáo viên." in second


def test_renamed_module_in_a_phpmyadmin_dump_with_mapped_categories(site, capsys):
    code, out, err = run(
        capsys, "import", str(FIXTURES / "phpmyadmin.sql"), "--module", "tintuc=tin-tuc",
        "--map-category", "hoat-dong-cong-doan=Tin tức - Sự kiện", "--map-category", "cham-lo-doi-song=Chăm lo đoàn viên",
    )  # fmt: skip
    assert code == 0, err
    assert "module tintuc (bảng lc_vi_tintuc_*)" in out and "thêm vào mkdocs.yml" not in out
    meta, _ = meta_of(site / POST1)
    assert meta["old_id"] == "nukeviet:lc_vi_tintuc:1" and meta["categories"] == ["Tin tức - Sự kiện"]
    assert meta["aliases"][0] == "vi/tin-tuc/tin-tuc-su-kien/hoi-nghi-so-ket-cong-tac-cong-doan-6-thang-dau-nam-2021-1.html"
    assert meta_of(site / "posts/2021/07/trao-200-suat-qua-tet-sum-vay.md")[0]["categories"] == ["Chăm lo đoàn viên"]
    assert (site / "mkdocs.yml").read_text(encoding="utf-8") == (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def _truncated(path: Path) -> None:
    raw = (FIXTURES / "nukeviet4.sql").read_bytes()
    path.write_bytes(raw[: raw.index(b"INSERT INTO `nv4_vi_news_rows`") + 300])


def _no_news(path: Path) -> None:
    path.write_text("CREATE TABLE `nv4_users` (`userid` int);\nINSERT INTO `nv4_users` VALUES (1);\n")


def _charset(path: Path) -> None:
    path.write_bytes(b"/*!40101 SET NAMES koi8u */;\n" + (FIXTURES / "nukeviet4.sql").read_bytes())


def _duplicate(path: Path) -> None:
    text = (FIXTURES / "nukeviet4.sql").read_text(encoding="utf-8")
    path.write_text(text.replace("'ban-nhap-thong-bao-lich-hop'", "'tin-da-ngung-hieu-luc'"), encoding="utf-8")


@pytest.mark.parametrize(
    "make, said",
    [
        (_truncated, "tệp sao lưu bị cắt cụt"),
        (_no_news, "không có bảng tin tức NukeViet"),
        (_charset, "bảng mã \"koi8u\""),
        (_duplicate, "bài 6 và bài 5 cùng đường dẫn \"tin-da-ngung-hieu-luc\""),
    ],
    ids=["truncated", "no-news-tables", "unknown-charset", "duplicate-aliases"],
)
def test_bad_dump_clear_message_nothing_written(site, capsys, tmp_path, make, said):
    make(tmp_path / "bad.sql")
    before = files(site)
    code, out, err = run(capsys, "import", str(tmp_path / "bad.sql"))
    assert code == 1 and said in err and "chưa ghi gì" in err and " -> " in err
    assert files(site) == before


def test_two_modules_in_one_dump_are_both_imported_and_told_apart(site, capsys, tmp_path):  # noqa: F811
    both = tmp_path / "both.sql"
    both.write_bytes((FIXTURES / "nukeviet4.sql").read_bytes() + (FIXTURES / "phpmyadmin.sql").read_bytes())
    code, out, err = run(capsys, "import", str(both))
    assert code == 0, err
    assert "module news (bảng nv4_vi_news_*)" in out and "module tintuc (bảng lc_vi_tintuc_*)" in out
    assert count(out, "bài sẽ nhập / đã nhập") == 16
    ids = {meta_of(p)[0]["old_id"] for p in (site / "posts").rglob("*.md")}
    assert len(ids) == 16 and "nukeviet:lc_vi_tintuc:1" in ids and "nukeviet:nv4_vi_news:1" in ids
    assert (site / POST1.replace(".md", "-2.md")).exists()
    code, out, _ = run(capsys, "import", str(both), "--module", "tintuc")
    assert code == 0 and count(out, "bài đã có từ lần nhập trước") == 8 and "nv4_vi_news" not in out.split("Từng bài")[0]
