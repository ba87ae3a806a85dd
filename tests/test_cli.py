"""The `newsroom` command: new, check and import, as the office runs them."""

import re
import shutil
import subprocess
import sys
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, copy_project, mkdocs_build, post_meta, write_post
from newsroom.cli import main

SEEDS = ROOT.parent / "shared" / "seeds"
FIXTURES = ROOT / "tests" / "fixtures"
# 2024-05-01 09:30 in Vietnam (UTC+7), given in UTC: the command must show Vietnam time.
NOW = datetime(2024, 5, 1, 2, 30, 15, tzinfo=UTC)
PROBLEM_LINE = re.compile(
    r"^(?P<path>posts/\S+?):(?P<line>\d+:)?(?: (?P<field>[\w.]+|nội dung):)? (?P<what>.+) -> (?P<fix>.+)$"
)


@pytest.fixture
def site(tmp_path, monkeypatch):
    """The real site configuration with an empty posts folder; the command runs from its root."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "posts").mkdir()
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *argv):
    code = main(list(argv), now=NOW)
    out, err = capsys.readouterr()
    return code, out, err


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- help and usage ---------------------------------------------------------------------------------------------


def test_help_is_in_vietnamese(capsys):
    code, out, _ = run(capsys, "-h")
    assert code == 0
    assert out.startswith("cách dùng: newsroom")
    for words in (
        "lệnh:",
        "tùy chọn:",
        "tạo bài viết mới",
        "kiểm tra bài viết",
        "chuyển tệp .txt, .docx, .html",
        "Ví dụ:",
    ):
        assert words in out


@pytest.mark.parametrize("command, words", [("new", "TIÊU_ĐỀ"), ("check", "ĐƯỜNG_DẪN"), ("import", "--dry-run")])
def test_each_command_has_vietnamese_help(capsys, command, words):
    code, out, _ = run(capsys, command, "-h")
    assert code == 0 and words in out and "tham số" in out and "hiện hướng dẫn này rồi thoát" in out


@pytest.mark.parametrize(
    "argv, words",
    [
        (["xoa"], "không có lệnh hay lựa chọn 'xoa'"),
        (["new"], "thiếu tham số bắt buộc: TIÊU_ĐỀ"),
        (["check", "--nhanh"], "không hiểu tham số"),
    ],
)
def test_wrong_command_lines_are_explained_in_vietnamese(capsys, site, argv, words):
    code, _, err = run(capsys, *argv)
    assert code == 2 and words in err and "lỗi:" in err and "newsroom" in err


def test_no_command_prints_the_help(capsys, site):
    code, out, _ = run(capsys)
    assert code == 2 and "cách dùng:" in out


def test_without_mkdocs_yml_says_where_to_run(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "check")
    assert code == 2 and "không tìm thấy mkdocs.yml" in err and "--config" in err


def test_mkdocs_yml_is_found_upward_and_python_tags_are_ignored(capsys, site, monkeypatch):
    config = (site / "mkdocs.yml").read_text(encoding="utf-8")
    config += "\nmarkdown_extensions_extra:\n  emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
    config += "env_value: !ENV [SITE_NAME, 'x']\n"
    (site / "mkdocs.yml").write_text(config, encoding="utf-8")
    (site / "posts" / "2024").mkdir()
    monkeypatch.chdir(site / "posts" / "2024")
    code, out, _ = run(capsys, "check")
    assert code == 0 and "Không có lỗi (0 bài viết)." in out


def test_config_option_from_another_folder(capsys, site, tmp_path_factory, monkeypatch):
    monkeypatch.chdir(tmp_path_factory.mktemp("elsewhere"))
    code, out, _ = run(capsys, "new", "Tin mới", "--config", str(site / "mkdocs.yml"))
    assert code == 0 and (site / "posts/2024/05/tin-moi.md").is_file()
    assert out.strip() == (site / "posts/2024/05/tin-moi.md").as_posix()


def test_a_config_option_that_names_no_file(capsys, site):
    code, _, err = run(capsys, "check", "--config", "khong-co/mkdocs.yml")
    assert code == 2 and "không có tệp" in err and "--config" in err


def test_the_command_does_not_import_mkdocs():
    code = "import sys, newsroom.cli; print(sorted(m for m in sys.modules if m.startswith('mkdocs')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_a_broken_configuration_is_named(capsys, site):
    (site / "mkdocs.yml").write_text("site_name: x\nextra:\n  newsroom:\n    per_page: 0\n    categories: [Báo cáo]\n")
    code, _, err = run(capsys, "check")
    assert code == 2 and "per_page" in err and "mkdocs.yml" in err


# --- new --------------------------------------------------------------------------------------------------------


def test_new_writes_complete_front_matter_and_prints_the_path(capsys, site):
    code, out, err = run(capsys, "new", "Công đoàn tỉnh trao quà Tết Sum vầy")
    assert code == 0
    path = site / "posts/2024/05/cong-doan-tinh-trao-qua-tet-sum-vay.md"
    assert out == "posts/2024/05/cong-doan-tinh-trao-qua-tet-sum-vay.md\n"
    assert "newsroom check posts/2024/05/cong-doan-tinh-trao-qua-tet-sum-vay.md" in err
    text = path.read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---\n")[1])
    assert meta == {
        "title": "Công đoàn tỉnh trao quà Tết Sum vầy",
        "date": "2024-05-01 09:30",  # Vietnam time, not UTC
        "categories": ["Tin tức - Sự kiện"],
        "tags": [],
        "unit": "LĐLĐ tỉnh Lai Châu",
        "authors": [],
    }
    assert "categories: [Tin tức - Sự kiện]\n" in text and "date: 2024-05-01 09:30\n" in text
    assert run(capsys, "check", str(path))[0] == 0


def test_new_normalises_a_decomposed_title(capsys, site):
    out = run(capsys, "new", unicodedata.normalize("NFD", "Đại hội Công đoàn"))[1].strip()
    assert out == "posts/2024/05/dai-hoi-cong-doan.md"
    assert "title: Đại hội Công đoàn\n" in (site / out).read_text(encoding="utf-8")


def test_new_with_category_and_unit(capsys, site):
    code, out, _ = run(
        capsys, "new", "Tháng hành động", "--category", "an toan ve sinh lao dong", "--unit", "LĐLĐ huyện Tam Đường"
    )
    meta = yaml.safe_load((site / out.strip()).read_text(encoding="utf-8").split("---\n")[1])
    assert code == 0 and meta["categories"] == ["An toàn vệ sinh lao động"] and meta["unit"] == "LĐLĐ huyện Tam Đường"


def test_new_refuses_an_undeclared_category(capsys, site):
    code, _, err = run(capsys, "new", "Tin", "--category", "Thể thao")
    assert code == 2 and '"Thể thao" chưa được khai báo' in err and "Báo cáo" in err
    assert files(site / "posts") == {}


def test_new_refuses_a_title_without_words(capsys, site):
    code, _, err = run(capsys, "new", " ?! ")
    assert code == 2 and "tiêu đề" in err and files(site / "posts") == {}


def test_new_never_overwrites(capsys, site):
    existing = site / "posts/2024/05/tin-moi.md"
    existing.parent.mkdir(parents=True)
    existing.write_text("bài của người khác\n", encoding="utf-8")
    outputs = [run(capsys, "new", "Tin mới")[1].strip() for _ in range(2)]
    assert outputs == ["posts/2024/05/tin-moi-2.md", "posts/2024/05/tin-moi-3.md"]
    assert existing.read_text(encoding="utf-8") == "bài của người khác\n"


def test_new_avoids_a_url_taken_by_a_post_in_another_folder(capsys, site):
    write_post(site / "posts", "cu/tin-moi.md", **post_meta(date="2024-05-20"))
    assert run(capsys, "new", "Tin mới")[1].strip() == "posts/2024/05/tin-moi-2.md"


# --- check ------------------------------------------------------------------------------------------------------


def test_check_passes_the_sample_site(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    code, out, _ = run(capsys, "check")
    assert code == 0 and out.startswith("Không có lỗi (")


def bad_post(posts, kind):
    """Write one post with the problem `kind` (the kinds of tests/test_validation.py); returns its path."""
    rel = "2021/07/tin.md"
    path = posts / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = {
        "bad_date": "title: Tin\ndate: 31/02/2021\ncategories: [Báo cáo]\n",
        "missing_title": "date: 2021-07-29\ncategories: [Báo cáo]\n",
        "empty_title": "title: '  '\ndate: 2021-07-29\ncategories: [Báo cáo]\n",
        "missing_date": "title: Tin\ncategories: [Báo cáo]\n",
        "missing_categories": "title: Tin\ndate: 2021-07-29\n",
        "empty_categories": "title: Tin\ndate: 2021-07-29\ncategories: []\n",
        "undeclared_category": "title: Tin\ndate: 2021-07-29\ncategories: [Thể thao]\n",
        "unknown_field": "title: Tin\ndate: 2021-07-29\ncategories: [Báo cáo]\ntieu_de: x\n",
        "unknown_document_field": "title: Tin\ndate: 2021-07-29\ncategories: [Báo cáo]\ndocument:\n  so: 1\n",
        "list_where_text_belongs": "title: Tin\ndate: 2021-07-29\ncategories: [Báo cáo]\nunit: [a, b]\n",
        "not_a_boolean": "title: Tin\ndate: 2021-07-29\ncategories: [Báo cáo]\ndraft: có\n",
        "bad_slug": "title: Tin\ndate: 2021-07-29\ncategories: [Báo cáo]\nslug: Tin Mới\n",
        "document_not_a_mapping": "title: Tin\ndate: 2021-07-29\ncategories: [Báo cáo]\ndocument: 263/KH\n",
        "duplicate_field": "title: A\ntitle: B\ndate: 2021-07-29\ncategories: [Báo cáo]\n",
        "yaml_syntax": "title: A\ndate: 2021-07-29\ncategories: [Báo cáo\n",
        "yaml_tab": "title: A\ndate: 2021-07-29\ncategories:\n\t- Báo cáo\n",
        "not_a_mapping": "- title\n- date\n",
        "missing_attachment": "title: Tin\ndate: 2021-07-29\ncategories: [Báo cáo]\ndocument:\n  attachments: [kh.pdf]\n",
        "missing_image": "title: Tin\ndate: 2021-07-29\ncategories: [Báo cáo]\nimage: anh.jpg\n",
        "unknown_link": "title: Tin\ndate: 2021-07-29\ncategories: [Báo cáo]\nlinks: [2021/07/khong-co.md]\n",
        "self_link": "title: Tin\ndate: 2021-07-29\ncategories: [Báo cáo]\nlinks: [2021/07/tin.md]\n",
    }.get(kind)
    if raw is not None:
        path.write_text(f"---\n{raw}---\n\nNội dung.\n", encoding="utf-8")
    elif kind == "missing_body_image":
        path.write_text(
            "---\ntitle: Tin\ndate: 2021-07-29\ncategories: [Báo cáo]\n---\n\n![Ảnh](anh.jpg)\n", encoding="utf-8"
        )
    elif kind == "no_front_matter":
        path.write_text("# Tin\n\nNội dung.\n", encoding="utf-8")
    elif kind == "unclosed_front_matter":
        path.write_text("---\ntitle: Tin\n\nNội dung.\n", encoding="utf-8")
    elif kind == "empty_file":
        path.write_bytes(b"")
    elif kind == "not_utf8":
        path.write_bytes("---\ntitle: Công đoàn\n---\n".encode("cp1258"))
    elif kind == "too_large":
        path.write_bytes(b"x" * (3 * 1024 * 1024))
    elif kind == "duplicate_url":
        write_post(posts, "khac/tin.md", **post_meta())
        write_post(posts, rel, **post_meta())
    return path


BAD_POSTS = {
    "bad_date": (3, "date", '"31/02/2021" không hợp lệ'),
    "missing_title": (2, "title", "thiếu trường bắt buộc"),
    "empty_title": (2, "title", "không được để trống"),
    "missing_date": (2, "date", "thiếu trường bắt buộc"),
    "missing_categories": (2, "categories", "thiếu trường bắt buộc"),
    "empty_categories": (4, "categories", "cần ít nhất một chuyên mục"),
    "undeclared_category": (4, "categories", '"Thể thao" chưa được khai báo'),
    "unknown_field": (5, "tieu_de", "trường không được hỗ trợ"),
    "unknown_document_field": (6, "document.so", "trường không được hỗ trợ"),
    "list_where_text_belongs": (5, "unit", "phải là một đoạn văn bản"),
    "not_a_boolean": (5, "draft", "phải là true hoặc false"),
    "bad_slug": (5, "slug", "chỉ được chứa chữ thường"),
    "document_not_a_mapping": (5, "document", "phải là nhóm trường con"),
    "duplicate_field": (3, "title", "trường bị khai báo hai lần"),
    "yaml_syntax": (None, None, "lỗi cú pháp YAML"),
    "yaml_tab": (5, None, "ký tự Tab"),
    "not_a_mapping": (2, None, "dạng `tên: giá trị`"),
    "missing_attachment": (6, "document.attachments", '"kh.pdf"'),
    "missing_image": (5, "image", '"anh.jpg"'),
    "missing_body_image": (None, "nội dung", '"anh.jpg"'),
    "unknown_link": (5, "links", "không tồn tại"),
    "self_link": (5, "links", "chính nó"),
    "no_front_matter": (1, None, "thiếu phần thông tin đầu bài"),
    "unclosed_front_matter": (1, None, "không có dòng `---` đóng lại"),
    "empty_file": (1, None, "tệp rỗng"),
    "not_utf8": (2, None, "UTF-8"),
    "too_large": (None, None, "tệp quá lớn"),
    "duplicate_url": (None, "slug", "trùng với bài"),
}


@pytest.mark.parametrize("kind", list(BAD_POSTS))
def test_check_reports_each_kind_of_bad_post(capsys, site, kind):
    line, field, what = BAD_POSTS[kind]
    path = bad_post(site / "posts", kind)
    code, out, _ = run(capsys, "check", str(path.relative_to(site)))
    assert code == 1
    problems = out.splitlines()[:-1]
    assert len(problems) == 1, out
    match = PROBLEM_LINE.match(problems[0])
    assert match, problems[0]
    assert match.group("path") == "posts/2021/07/tin.md"
    if line is not None:
        assert match.group("line") == f"{line}:"
    assert match.group("field") == field
    assert what in match.group("what") and match.group("fix")
    assert out.splitlines()[-1].startswith("1 lỗi.")


def test_check_with_paths_checks_only_those_but_against_all_posts(capsys, site):
    posts = site / "posts"
    write_post(posts, "2021/07/a.md", **post_meta(links=["2021/07/b.md"]))
    write_post(posts, "2021/07/b.md", **post_meta())
    write_post(posts, "2021/07/hong.md", **post_meta(date="hôm qua"))
    code, out, _ = run(capsys, "check", "posts/2021/07/a.md")
    assert (code, out) == (0, "Không có lỗi (1 bài viết).\n")  # its link to b.md is found; hong.md is not checked
    code, out, _ = run(capsys, "check")
    assert code == 1 and out.startswith("posts/2021/07/hong.md:3: date:")


def test_check_a_folder(capsys, site):
    write_post(site / "posts", "2021/07/hong.md", **post_meta(date="hôm qua"))
    write_post(site / "posts", "2022/01/tot.md", **post_meta())
    assert run(capsys, "check", "posts/2022")[0] == 0
    assert run(capsys, "check", "posts/2021")[0] == 1


def test_check_paths_that_are_not_posts(capsys, site):
    (site / "docs" / "gioi-thieu.md").write_text("# Giới thiệu\n", encoding="utf-8")
    (site / "posts" / "anh.jpg").write_bytes(b"jpg")
    code, out, _ = run(capsys, "check", "docs/gioi-thieu.md", "posts/anh.jpg", "posts/khong-co.md")
    assert code == 1
    assert "docs/gioi-thieu.md: tệp không nằm trong thư mục posts/ nên sẽ không được đăng -> " in out
    assert "posts/anh.jpg: không phải bài viết (tệp .md) -> " in out
    assert "posts/khong-co.md: không tìm thấy tệp hoặc thư mục này -> " in out


def test_pre_commit_hook_runs_newsroom_check_on_changed_posts():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (repo,) = config["repos"]
    (hook,) = repo["hooks"]
    assert repo["repo"] == "local" and hook["language"] == "system" and hook["pass_filenames"] is True
    assert hook["entry"].split()[-2:] == ["newsroom", "check"] or hook["entry"].endswith("newsroom check")
    assert re.search(hook["files"], "posts/2021/07/ke-hoach-263.md")
    assert not re.search(hook["files"], "docs/index.md") and not re.search(hook["files"], "posts/2025/01/kh.pdf")


def test_the_installed_command_checks_the_sample_site_as_pre_commit_would():
    posts = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "posts").rglob("*.md"))[:3]
    command = Path(sys.executable).parent / "newsroom"
    result = subprocess.run([str(command), "check", *posts], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "Không có lỗi (3 bài viết).\n"


# --- import -----------------------------------------------------------------------------------------------------


def test_import_a_seed_prints_what_it_read_and_writes_a_valid_post(capsys, site):
    code, out, _ = run(capsys, "import", str(SEEDS / "ke-hoach-263-KH-LDLD-lai-chau-2021.txt"))
    assert code == 0
    target = "posts/2021/07/ke-hoach-thuc-hien-chuong-trinh-hanh-dong-so-09.md"
    for line in (
        "ke-hoach-263-KH-LDLD-lai-chau-2021.txt: văn bản hành chính (tệp văn bản, bảng mã UTF-8)",
        "  tiêu đề: Kế hoạch thực hiện Chương trình hành động số 09-CTr/TU của Tỉnh ủy",
        "  ngày đăng: 2021-07-29 (ngày ban hành ghi trong văn bản)",
        "  chuyên mục: Kế hoạch",
        "  đơn vị: LĐLĐ tỉnh Lai Châu",
        "  số, ký hiệu: 263/KH-LĐLĐ",
        "  nơi, ngày ban hành: Lai Châu, 29/07/2021",
        "  người ký: TM. Ban Thường vụ - Chủ tịch - Nguyễn Thị Thiện",
        "  nơi nhận (7): Ban Thường vụ Tỉnh ủy; Tổng Liên đoàn Lao động Việt Nam;",
        f"  sẽ ghi vào: {target}",
        f"Đã tạo {target}",
    ):
        assert line in out
    text = (site / target).read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: Kế hoạch thực hiện Chương trình hành động số 09-CTr/TU")
    assert "\ndate: 2021-07-29\ncategories: [Kế hoạch]\nunit: LĐLĐ tỉnh Lai Châu\ndocument:\n  type: Kế hoạch\n" in text
    assert "  recipients:\n  - Ban Thường vụ Tỉnh ủy\n" in text
    assert run(capsys, "check", target) == (0, "Không có lỗi (1 bài viết).\n", "")


def test_import_every_seed_portal_page_and_docx_then_check_them_all(capsys, site):
    sources = [*sorted(SEEDS.glob("*.txt")), FIXTURES / "nukeviet-dai-hoi.html"]
    code, out, _ = run(capsys, "import", *map(str, sources))
    assert code == 0 and out.count("Đã tạo posts/") == 4
    assert "lưu ý: tệp gốc có 2 ảnh không chép được" in out
    assert run(capsys, "check")[:2] == (0, "Không có lỗi (4 bài viết).\n")


def test_dry_run_writes_nothing(capsys, site):
    code, out, _ = run(capsys, "import", "--dry-run", str(SEEDS / "ket-qua-noi-bat-thang-4-2019-cao-bang.txt"))
    assert code == 0
    assert "  tiêu đề: Một số kết quả nổi bật tháng 4 năm 2019" in out
    assert "  ngày đăng: 2019-04-27 14:23 (ngày đăng ghi trên trang)" in out
    assert "  tác giả: Bàn Thương – Văn phòng LĐLĐ tỉnh" in out
    assert "  sẽ ghi vào: posts/2019/04/mot-so-ket-qua-noi-bat-thang-4-nam-2019.md" in out
    assert out.endswith("Chạy thử: chưa ghi tệp nào.\n") and "Đã tạo" not in out
    assert files(site / "posts") == {}


def test_import_never_overwrites(capsys, site):
    seed = str(SEEDS / "ket-qua-noi-bat-thang-4-2019-cao-bang.txt")
    first = run(capsys, "import", seed)[1]
    before = files(site / "posts")
    second = run(capsys, "import", seed)[1]
    assert "Đã tạo posts/2019/04/mot-so-ket-qua-noi-bat-thang-4-nam-2019.md" in first
    assert "Đã tạo posts/2019/04/mot-so-ket-qua-noi-bat-thang-4-nam-2019-2.md" in second
    after = files(site / "posts")
    assert {k: v for k, v in after.items() if k in before} == before and len(after) == 2


def test_two_files_with_the_same_title_in_one_run(capsys, site):
    seed = SEEDS / "ket-qua-noi-bat-thang-4-2019-cao-bang.txt"
    copy = site / "ban-sao.txt"
    shutil.copy(seed, copy)
    code, out, _ = run(capsys, "import", str(seed), "ban-sao.txt")
    assert code == 0 and "nam-2019.md" in out and "nam-2019-2.md" in out
    assert len(files(site / "posts")) == 2


def test_one_unreadable_file_means_nothing_is_written(capsys, site):
    (site / "tcvn3.txt").write_bytes(b"Li\xaan \xae\xa8o\xb5n Lao \xae\xe9ng t\xdenh Lai Ch\xa9u\r\n")
    code, _, err = run(capsys, "import", str(SEEDS / "ket-qua-noi-bat-thang-4-2019-cao-bang.txt"), "tcvn3.txt")
    assert code == 1
    assert "tcvn3.txt: không nhận ra bảng mã của tệp" in err and "UTF-8" in err
    assert "Chưa ghi tệp nào: 1 tệp có lỗi ở trên." in err
    assert files(site / "posts") == {}


def test_import_options_win(capsys, site):
    code, out, _ = run(
        capsys, "import", str(SEEDS / "ket-qua-noi-bat-thang-4-2019-cao-bang.txt"),
        "--date", "28/04/2019 07:00", "--category", "Kết quả nổi bật", "--unit", "LĐLĐ tỉnh Cao Bằng",
    )  # fmt: skip
    assert code == 0
    meta = yaml.safe_load(
        (site / "posts/2019/04/mot-so-ket-qua-noi-bat-thang-4-nam-2019.md").read_text().split("---\n")[1]
    )
    assert (meta["date"], meta["categories"], meta["unit"]) == (
        "2019-04-28 07:00",
        ["Kết quả nổi bật"],
        "LĐLĐ tỉnh Cao Bằng",
    )
    assert "  ngày đăng: 2019-04-28 07:00 (theo --date)" in out


@pytest.mark.parametrize(
    "option, words",
    [
        (["--date", "30/02/2021"], 'ngày "30/02/2021" không hợp lệ'),
        (["--category", "Thể thao"], '"Thể thao" chưa được khai báo'),
    ],
)
def test_bad_import_options(capsys, site, option, words):
    code, _, err = run(capsys, "import", str(SEEDS / "ket-qua-noi-bat-thang-4-2019-cao-bang.txt"), *option)
    assert code == 2 and words in err and files(site / "posts") == {}


def test_a_document_without_date_asks_for_one(capsys, site):
    (site / "bc.txt").write_text("BÁO CÁO\nKết quả hoạt động công đoàn\n\nNội dung báo cáo.\n", encoding="utf-8")
    code, _, err = run(capsys, "import", "bc.txt")
    assert code == 1 and "bc.txt: không tìm thấy ngày" in err and "--date 2021-07-29" in err
    code, out, _ = run(capsys, "import", "bc.txt", "--date", "2021-07-29")
    assert code == 0 and "(theo --date)" in out


def test_the_date_taken_from_the_title_is_said(capsys, site):
    (site / "bc.txt").write_text("BÁO CÁO\nKết quả hoạt động tháng 7 năm 2021\n\nNội dung báo cáo.\n", encoding="utf-8")
    code, out, _ = run(capsys, "import", "bc.txt")
    assert code == 0
    assert '  ngày đăng: 2021-07-01 (văn bản không ghi ngày nên lấy theo tiêu đề ("tháng 7 năm 2021")' in out


@pytest.mark.build
def test_imported_posts_build_with_the_site(tmp_path, capsys, monkeypatch):
    project = copy_project(tmp_path / "project", with_posts=False)
    monkeypatch.chdir(project)
    sources = [*sorted(SEEDS.glob("*.txt")), FIXTURES / "nukeviet-dai-hoi.html"]
    assert run(capsys, "import", *map(str, sources))[0] == 0
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site/2021/07/ke-hoach-thuc-hien-chuong-trinh-hanh-dong-so-09/index.html").read_text()
    assert "I. MỤC ĐÍCH, YÊU CẦU</h2>" in page and "263/KH-LĐLĐ" in page
