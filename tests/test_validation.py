"""One test per kind of bad input: each names the file, the line, the field and the fix."""

import shutil
import unicodedata
from datetime import datetime

import pytest
import yaml

from conftest import ROOT, VN, post_meta, site_config, write_post
from newsroom.config import load_config
from newsroom.frontmatter import first_paragraph
from newsroom.reader import read_posts
from samples import make_sample


def problems_of(posts_dir, config=None):
    return read_posts(posts_dir, config or site_config(), root=posts_dir.parent).problems


def only_problem(posts_dir, config=None):
    problems = problems_of(posts_dir, config)
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def test_a_valid_post_has_no_problem(posts_dir):
    write_post(posts_dir, "2021/07/tin.md", **post_meta(tags=["Đại hội"], authors=["Văn phòng"]))
    corpus = read_posts(posts_dir, site_config(), root=posts_dir.parent)
    assert corpus.problems == ()
    (post,) = corpus.posts
    assert post.title == "Tin công đoàn"
    assert post.date == datetime(2021, 7, 29, 8, 0, tzinfo=VN)
    assert post.has_time
    assert post.url == "2021/07/tin/"
    assert post.unit.name == "LĐLĐ tỉnh Lai Châu"
    assert post.description == "Nội dung bài viết về công đoàn."


def test_message_format_is_file_line_field_what_fix(posts_dir):
    write_post(posts_dir, "2021/07/tin.md", **post_meta(date="31/02/2021"))
    problem = only_problem(posts_dir)
    text = str(problem)
    assert text.startswith("posts/2021/07/tin.md:3: date: ")
    assert '"31/02/2021" không hợp lệ -> ' in text
    assert "2021-07-29" in problem.fix


@pytest.mark.parametrize("bad", ["31/02/2021", "2021-02-31", "2021-13-01", "hôm qua", "2021-07-29 25:00"])
def test_bad_dates(posts_dir, bad):
    write_post(posts_dir, "a.md", **post_meta(date=bad))
    problem = only_problem(posts_dir)
    assert (problem.field, problem.line) == ("date", 3)


def test_date_only_and_seconds_are_accepted(posts_dir):
    write_post(posts_dir, "a.md", **post_meta(date="2019-04-27"))
    write_post(posts_dir, "b.md", **post_meta(date="2019-04-27 14:23:59"))
    posts = {p.path: p for p in read_posts(posts_dir, site_config()).posts}
    assert not posts["a.md"].has_time and posts["a.md"].date.hour == 0
    assert posts["b.md"].date == datetime(2019, 4, 27, 14, 23, 59, tzinfo=VN)


def test_missing_title(posts_dir):
    write_post(posts_dir, "a.md", **post_meta(title=None))
    problem = only_problem(posts_dir)
    assert problem.field == "title" and "thiếu trường bắt buộc" in problem.what
    assert "title:" in problem.fix


def test_empty_title(posts_dir):
    write_post(posts_dir, "a.md", **post_meta(title="  "))
    assert only_problem(posts_dir).field == "title"


def test_missing_date(posts_dir):
    write_post(posts_dir, "a.md", **post_meta(date=None))
    assert only_problem(posts_dir).field == "date"


def test_missing_categories(posts_dir):
    write_post(posts_dir, "a.md", **post_meta(categories=None))
    assert only_problem(posts_dir).field == "categories"


def test_empty_categories(posts_dir):
    write_post(posts_dir, "a.md", **post_meta(categories=[]))
    problem = only_problem(posts_dir)
    assert problem.field == "categories" and "ít nhất một" in problem.what


def test_undeclared_category_lists_the_declared_ones(posts_dir):
    write_post(posts_dir, "a.md", **post_meta(categories=["Tin tức - Sự kiện", "Thể thao"]))
    problem = only_problem(posts_dir)
    assert problem.field == "categories" and problem.line == 4
    assert '"Thể thao" chưa được khai báo' in problem.what
    assert "Báo cáo" in problem.fix and "mkdocs.yml" in problem.fix


def test_category_spelling_variants_are_the_same_category(posts_dir):
    write_post(posts_dir, "a.md", **post_meta(categories=["tin tuc - su kien", "Tin tức - Sự kiện"]))
    (post,) = read_posts(posts_dir, site_config()).posts
    assert [c.name for c in post.categories] == ["Tin tức - Sự kiện"]


def test_unknown_field(posts_dir):
    write_post(posts_dir, "a.md", **post_meta(tieu_de="x"))
    problem = only_problem(posts_dir)
    assert problem.field == "tieu_de" and problem.line == 6
    assert "title, date, categories" in problem.fix


def test_unknown_document_field(posts_dir):
    write_post(posts_dir, "a.md", **post_meta(document={"number": "1/BC-LĐLĐ", "so": "1"}))
    problem = only_problem(posts_dir)
    assert problem.field == "document.so" and problem.line == 8


def test_list_where_text_belongs(posts_dir):
    write_post(posts_dir, "a.md", **post_meta(unit=["LĐLĐ tỉnh", "LĐLĐ huyện"]))
    problem = only_problem(posts_dir)
    assert problem.field == "unit" and "danh sách" in problem.what


def test_mapping_where_list_belongs(posts_dir):
    write_post(posts_dir, "a.md", **post_meta(tags={"a": 1}))
    assert only_problem(posts_dir).field == "tags"


def test_single_text_where_list_belongs_is_one_item(posts_dir):
    write_post(posts_dir, "a.md", **post_meta(tags="Đại hội", authors="Văn phòng"))
    (post,) = read_posts(posts_dir, site_config()).posts
    assert [t.name for t in post.tags] == ["Đại hội"] and post.authors == ("Văn phòng",)


def test_not_a_boolean(posts_dir):
    write_post(posts_dir, "a.md", **post_meta(draft="có"))
    problem = only_problem(posts_dir)
    assert problem.field == "draft" and problem.what == "phải là true hoặc false, không phải văn bản"
    assert problem.fix == "viết `draft: true` hoặc `draft: false`"


def test_bad_slug(posts_dir):
    write_post(posts_dir, "a.md", **post_meta(slug="Tin Mới"))
    problem = only_problem(posts_dir)
    assert problem.field == "slug" and "tin-moi" in problem.fix


def test_document_must_be_a_mapping(posts_dir):
    write_post(posts_dir, "a.md", **post_meta(document="263/KH-LĐLĐ"))
    assert only_problem(posts_dir).field == "document"


def test_duplicate_field(posts_dir):
    write_post(posts_dir, "a.md", raw_meta="title: A\ntitle: B\ndate: 2021-07-29\ncategories: [Báo cáo]\n")
    problem = only_problem(posts_dir)
    assert (problem.field, problem.line) == ("title", 3)


def test_no_front_matter(posts_dir):
    (posts_dir / "a.md").write_text("# Tin\n\nNội dung\n", encoding="utf-8")
    problem = only_problem(posts_dir)
    assert problem.line == 1 and "thiếu phần thông tin đầu bài" in problem.what


def test_unclosed_front_matter(posts_dir):
    (posts_dir / "a.md").write_text("---\ntitle: A\n\nNội dung\n", encoding="utf-8")
    assert "không có dòng `---` đóng lại" in only_problem(posts_dir).what


def test_broken_yaml_names_the_line(posts_dir):
    write_post(posts_dir, "a.md", raw_meta='title: A\ndate: 2021-07-29\ncategories: [Báo cáo\ntags: [x]\n')
    problem = only_problem(posts_dir)
    assert "cú pháp YAML" in problem.what and problem.line in (4, 5)


def test_tabs_in_yaml(posts_dir):
    write_post(posts_dir, "a.md", raw_meta="title: A\ndate: 2021-07-29\ncategories:\n\t- Báo cáo\n")
    problem = only_problem(posts_dir)
    assert "Tab" in problem.what and problem.line == 5


def test_front_matter_that_is_not_a_mapping(posts_dir):
    write_post(posts_dir, "a.md", raw_meta="- title\n- date\n")
    assert "tên: giá trị" in only_problem(posts_dir).what


def test_empty_file(posts_dir):
    (posts_dir / "a.md").write_bytes(b"")
    assert only_problem(posts_dir).what == "tệp rỗng"


def test_windows_1258_file(posts_dir):
    (posts_dir / "a.md").write_bytes("---\ntitle: Công đoàn\n---\n".encode("cp1258"))
    problem = only_problem(posts_dir)
    assert "UTF-8" in problem.what and problem.line == 2


def test_huge_file(posts_dir):
    (posts_dir / "a.md").write_bytes(b"x" * (5 * 1024 * 1024))
    assert "quá lớn" in only_problem(posts_dir).what


def test_missing_attachment_names_the_folder(posts_dir):
    write_post(posts_dir, "2021/07/a.md", **post_meta(document={"attachments": ["ke-hoach.pdf"]}))
    problem = only_problem(posts_dir)
    assert problem.field == "document.attachments" and '"ke-hoach.pdf"' in problem.what


def test_missing_image_in_body_names_the_body_line(posts_dir):
    write_post(posts_dir, "a.md", body="Đoạn một.\n\n![Ảnh đại hội](anh-dai-hoi.jpg)\n", **post_meta())
    problem = only_problem(posts_dir)
    assert problem.line == 10 and "anh-dai-hoi.jpg" in problem.what  # line 7 is blank, 8 "Đoạn một."


def test_missing_front_matter_image(posts_dir):
    write_post(posts_dir, "a.md", **post_meta(image="anh.jpg"))
    assert only_problem(posts_dir).field == "image"


def test_existing_files_become_assets_under_the_post_url(posts_dir):
    (posts_dir / "2021" / "07").mkdir(parents=True)
    (posts_dir / "2021/07/kh.pdf").write_bytes(b"%PDF-1.4")
    make_sample(posts_dir / "2021/07", "jpg", "anh.jpg")
    write_post(
        posts_dir,
        "2021/07/a.md",
        body="![Ảnh](anh.jpg)\n",
        **post_meta(document={"attachments": [{"file": "kh.pdf", "title": "Kế hoạch (PDF)"}]}),
    )
    (post,) = read_posts(posts_dir, site_config()).posts
    assert [a.href for a in post.assets] == ["2021/07/a/anh.jpg", "2021/07/a/kh.pdf"]
    assert post.document.attachments[0].title == "Kế hoạch (PDF)"


def test_duplicate_url(posts_dir):
    write_post(posts_dir, "2021/07/tin.md", **post_meta())
    write_post(posts_dir, "khac/tin.md", **post_meta())
    problem = only_problem(posts_dir)
    assert problem.path == "posts/khac/tin.md" and problem.field == "slug"
    assert "/2021/07/tin/" in problem.what and "posts/2021/07/tin.md" in problem.what


def test_duplicate_slug_given_explicitly(posts_dir):
    write_post(posts_dir, "a.md", **post_meta(slug="tin-moi"))
    write_post(posts_dir, "b.md", **post_meta(slug="tin-moi"))
    problem = only_problem(posts_dir)
    assert problem.path == "posts/b.md" and problem.line == 6


def test_link_to_a_post_that_does_not_exist(posts_dir):
    write_post(posts_dir, "2021/07/a.md", **post_meta(links=["2021/07/khong-co.md"]))
    problem = only_problem(posts_dir)
    assert problem.field == "links" and problem.line == 6 and "khong-co.md" in problem.what


def test_link_to_itself(posts_dir):
    write_post(posts_dir, "2021/07/a.md", **post_meta(links=["2021/07/a.md"]))
    assert "chính nó" in only_problem(posts_dir).what


def test_every_problem_is_reported_not_only_the_first(posts_dir):
    write_post(posts_dir, "a.md", **post_meta(title=None, date="hôm nay", categories=["Thể thao"], pin="x"))
    write_post(posts_dir, "b.md", **post_meta(foo=1))
    fields = sorted((p.path, p.field) for p in problems_of(posts_dir))
    assert fields == [
        ("posts/a.md", "categories"),
        ("posts/a.md", "date"),
        ("posts/a.md", "pin"),
        ("posts/a.md", "title"),
        ("posts/b.md", "foo"),
    ]


def test_nfd_and_windows_line_endings_are_normalised(posts_dir):
    text = "---\r\ntitle: Đại hội Công đoàn\r\ndate: 2023-04-28\r\ncategories: [Đại hội]\r\n---\r\n\r\nNội dung.\r\n"
    (posts_dir / "a.md").write_bytes(unicodedata.normalize("NFD", text).encode("utf-8-sig"))
    (post,) = read_posts(posts_dir, site_config()).posts
    assert post.title == "Đại hội Công đoàn" and unicodedata.is_normalized("NFC", post.body)
    assert "\r" not in post.body


def test_drafts_are_validated_too(posts_dir):
    write_post(posts_dir, "a.md", **post_meta(draft=True, categories=["Thể thao"]))
    assert only_problem(posts_dir).field == "categories"


@pytest.mark.parametrize(
    "body, description",
    [
        ("Đoạn **đầu** có [liên kết](http://x).\nDòng hai.\n\nĐoạn sau.", "Đoạn đầu có liên kết. Dòng hai."),
        ("## Tiêu đề\n\n- Mục một\n", "Mục một"),
        ("", ""),
    ],
)
def test_first_paragraph(body, description):
    assert first_paragraph(body) == description


def test_first_paragraph_is_shortened_at_a_word():
    text = first_paragraph("công đoàn " * 100, limit=50)
    assert text.endswith("…") and len(text) <= 51 and not text[:-1].endswith(" ")


def test_reading_in_several_processes_gives_the_same_posts_and_problems(tmp_path):
    """The build reads posts on every core (read_posts jobs=); the corpus must not change."""
    posts_dir = tmp_path / "posts"
    shutil.copytree(ROOT / "posts", posts_dir)
    for bad in sorted((ROOT / "tests" / "bad_posts").glob("*.md"))[:8]:
        shutil.copy(bad, posts_dir / bad.name)
    config = load_config(yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]["newsroom"])
    one = read_posts(posts_dir, config, root=tmp_path)
    assert len(one.problems) >= 5 and len(one.posts) > 25
    for jobs in (2, 3, 64):
        assert read_posts(posts_dir, config, root=tmp_path, jobs=jobs) == one
