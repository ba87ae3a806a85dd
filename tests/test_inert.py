"""Only the repository's own, inert files reach the site: symlinks, paths that leave the repository
and files that could run code (or whose name lies about their content) are refused with one
`file:line: field: what -> fix` message, from `newsroom check` and from the build, and nothing
is published.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, copy_project, mkdocs_build, post_meta, site_config, write_post
from newsroom import inert
from newsroom.cli import main
from newsroom.reader import read_posts
from samples import make_sample

SECRET = "NEWSROOM_TEST_SECRET_VALUE_9f3c"


ATTACHMENT_KINDS = ["pdf", "docx", "xlsx", "pptx", "doc", "xls", "ppt", "odt", "ods", "odp", "zip", "txt", "csv", "mp3", "mp4"]
IMAGE_KINDS = ["jpg", "png", "webp", "gif", "avif", "heic"]


# --- the reader: posts, their images and attachments ---------------------------------------------------------


def problems(posts_dir: Path) -> list[str]:
    return [str(p) for p in read_posts(posts_dir, site_config(), root=posts_dir.parent).problems]


def attach(posts_dir: Path, name: str, title: str = "Tệp đính kèm") -> Path:
    meta = post_meta(document={"type": "Kế hoạch", "number": "263/KH-LĐLĐ", "attachments": [{"file": name, "title": title}]})
    return write_post(posts_dir, "2021/07/tin.md", **meta)


@pytest.mark.parametrize("kind", ATTACHMENT_KINDS + IMAGE_KINDS)
def test_every_allowed_kind_is_accepted_as_an_attachment(posts_dir, kind):
    make_sample(posts_dir / "2021/07", kind)
    attach(posts_dir, f"sample.{kind}")
    assert problems(posts_dir) == []


@pytest.mark.parametrize("kind", IMAGE_KINDS)
def test_every_image_kind_is_accepted_as_an_image(posts_dir, kind):
    make_sample(posts_dir / "2021/07", kind)
    write_post(posts_dir, "2021/07/tin.md", f"![Ảnh](sample.{kind})\n", **post_meta(image=f"sample.{kind}"))
    assert problems(posts_dir) == []


def test_the_detected_kinds_match_the_files(tmp_path):
    for kind in ATTACHMENT_KINDS + IMAGE_KINDS:
        found = inert.kind_of(make_sample(tmp_path, kind))
        assert found is not None and kind in found.extensions, (kind, found)
    assert inert.kind_of(tmp_path / "sample.heic").image
    assert not inert.kind_of(tmp_path / "sample.pdf").image


def test_a_symlinked_attachment_is_refused_and_names_the_line(posts_dir):
    (posts_dir / "2021/07").mkdir(parents=True)
    (posts_dir / "2021/07/ke-hoach.pdf").symlink_to("/etc/passwd")
    attach(posts_dir, "ke-hoach.pdf")
    (problem,) = problems(posts_dir)
    assert problem.startswith("posts/2021/07/tin.md:9: document.attachments: ")
    assert '"ke-hoach.pdf"' in problem and "liên kết tượng trưng" in problem and " -> " in problem


def test_a_symlinked_image_is_refused(posts_dir):
    (posts_dir / "2021/07").mkdir(parents=True)
    (posts_dir / "2021/07/anh.jpg").symlink_to(make_sample(posts_dir.parent / "elsewhere", "jpg"))
    write_post(posts_dir, "2021/07/tin.md", "Ảnh hội nghị:\n\n![Hội nghị](anh.jpg)\n", **post_meta(image="anh.jpg"))
    found = problems(posts_dir)
    assert len(found) == 2, found  # the image field and the body image: two references, one message each
    assert found[0].startswith("posts/2021/07/tin.md:6: image: ")
    assert found[1].startswith("posts/2021/07/tin.md:11: nội dung: ")
    assert all("liên kết tượng trưng" in line for line in found)


def test_a_symlinked_post_file_is_refused(posts_dir, tmp_path):
    real = write_post(tmp_path / "outside", "tin.md", **post_meta())
    (posts_dir / "2021/07").mkdir(parents=True)
    (posts_dir / "2021/07/tin.md").symlink_to(real)
    (problem,) = problems(posts_dir)
    assert problem.startswith("posts/2021/07/tin.md: ") and "liên kết tượng trưng" in problem


def test_a_symlinked_folder_in_posts_is_refused(posts_dir, tmp_path):
    write_post(tmp_path / "outside", "tin.md", **post_meta())
    (posts_dir / "2021").mkdir()
    (posts_dir / "2021/07").symlink_to(tmp_path / "outside", target_is_directory=True)
    (problem,) = problems(posts_dir)
    assert problem.startswith("posts/2021/07: ") and "thư mục" in problem and "liên kết tượng trưng" in problem


def test_a_file_reached_through_a_symlinked_folder_is_refused(posts_dir, tmp_path):
    make_sample(tmp_path / "machine", "pdf")
    (posts_dir / "2021/07").mkdir(parents=True)
    (posts_dir / "2021/07/tep").symlink_to(tmp_path / "machine", target_is_directory=True)
    attach(posts_dir, "tep/sample.pdf")
    found = problems(posts_dir)
    assert any(line.startswith("posts/2021/07/tin.md:9: document.attachments: ") for line in found), found
    assert any(line.startswith("posts/2021/07/tep: ") for line in found), found


@pytest.mark.parametrize("reference", ["../../../../secret.pdf", "/../../secret.pdf"])
def test_a_path_that_leaves_the_repository_is_refused(tmp_path, reference):
    project = tmp_path / "project"
    posts_dir = project / "posts"
    make_sample(tmp_path, "pdf").rename(tmp_path / "secret.pdf")
    (project / "docs").mkdir(parents=True)
    attach(posts_dir, reference)
    found = [str(p) for p in read_posts(posts_dir, site_config(), root=project, docs_dir=project / "docs").problems]
    assert len(found) == 1, found
    assert found[0].startswith("posts/2021/07/tin.md:9: document.attachments: ") and "ngoài thư mục của trang" in found[0]


SVG_SCRIPT = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.domain)</script></svg>\n'
SVG_PLAIN = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#c00"/></svg>\n'
HTML = "<!DOCTYPE html>\n<html><body><script>alert(document.cookie)</script></body></html>\n"
XHTML = '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><script>alert(1)</script></body></html>\n'


@pytest.mark.parametrize("content", [SVG_SCRIPT, SVG_PLAIN], ids=["with-script", "plain"])
def test_an_svg_image_is_refused_with_a_way_out(posts_dir, content):
    (posts_dir / "2021/07").mkdir(parents=True)
    (posts_dir / "2021/07/logo.svg").write_text(content, encoding="utf-8")
    write_post(posts_dir, "2021/07/tin.md", **post_meta(image="logo.svg"))
    (problem,) = problems(posts_dir)
    assert problem.startswith("posts/2021/07/tin.md:6: image: ") and "SVG" in problem
    assert "PNG" in problem.split(" -> ")[1]


@pytest.mark.parametrize("name, content", [("trang.html", HTML), ("trang.htm", HTML), ("trang.xhtml", XHTML), ("ma.js", "alert(1)\n")])
def test_html_xhtml_and_script_attachments_are_refused(posts_dir, name, content):
    (posts_dir / "2021/07").mkdir(parents=True)
    (posts_dir / "2021/07" / name).write_text(content, encoding="utf-8")
    attach(posts_dir, name)
    (problem,) = problems(posts_dir)
    assert problem.startswith("posts/2021/07/tin.md:9: document.attachments: ") and "chạy mã" in problem


def test_html_linked_from_the_body_is_refused(posts_dir):
    (posts_dir / "2021/07").mkdir(parents=True)
    (posts_dir / "2021/07/trang.html").write_text(HTML, encoding="utf-8")
    write_post(posts_dir, "2021/07/tin.md", "Xem [trang](trang.html).\n", **post_meta())
    (problem,) = problems(posts_dir)
    assert problem.startswith("posts/2021/07/tin.md:8: nội dung: ") and "chạy mã" in problem


def test_a_pdf_named_jpg_is_refused(posts_dir):
    make_sample(posts_dir / "2021/07", "pdf").rename(posts_dir / "2021/07/anh.jpg")
    write_post(posts_dir, "2021/07/tin.md", **post_meta(image="anh.jpg"))
    (problem,) = problems(posts_dir)
    assert problem.startswith("posts/2021/07/tin.md:6: image: ")
    assert ".jpg" in problem and "PDF" in problem


def test_a_jpeg_named_pdf_is_refused(posts_dir):
    make_sample(posts_dir / "2021/07", "jpg").rename(posts_dir / "2021/07/ke-hoach.pdf")
    attach(posts_dir, "ke-hoach.pdf")
    (problem,) = problems(posts_dir)
    assert problem.startswith("posts/2021/07/tin.md:9: document.attachments: ")
    assert ".pdf" in problem and "JPEG" in problem


def test_html_named_txt_is_refused(posts_dir):
    (posts_dir / "2021/07").mkdir(parents=True)
    (posts_dir / "2021/07/ghi-chu.txt").write_text(HTML, encoding="utf-8")
    attach(posts_dir, "ghi-chu.txt")
    (problem,) = problems(posts_dir)
    assert ".txt" in problem and "HTML" in problem


def test_a_pdf_is_not_an_image(posts_dir):
    make_sample(posts_dir / "2021/07", "pdf")
    write_post(posts_dir, "2021/07/tin.md", "![Văn bản](sample.pdf)\n", **post_meta())
    (problem,) = problems(posts_dir)
    assert problem.startswith("posts/2021/07/tin.md:8: nội dung: ") and "không phải ảnh" in problem


@pytest.mark.parametrize("name, content", [("chay.exe", b"MZ\x90\x00" + bytes(60)), ("khong-ro", b"\x00\x01\x02 data"), ("flash.swf", b"FWS\x0a" + bytes(20))])
def test_unknown_and_executable_kinds_are_refused(posts_dir, name, content):
    (posts_dir / "2021/07").mkdir(parents=True)
    (posts_dir / "2021/07" / name).write_bytes(content)
    attach(posts_dir, name)
    (problem,) = problems(posts_dir)
    assert problem.startswith("posts/2021/07/tin.md:9: document.attachments: ")
    assert "PDF" in problem.split(" -> ")[1], "the fix names the kinds that are accepted"


# --- docs/ and overrides/: MkDocs publishes what is there, so it is checked before MkDocs reads it -----------


def test_symlinks_and_active_files_in_docs_and_overrides_are_refused(tmp_path):
    project = copy_project(tmp_path / "project", with_posts=False)
    (project / "docs/assets/images/bieu-trung.png").symlink_to("/etc/passwd")
    (project / "docs/trang-cu.md").symlink_to(ROOT / "README.md")
    (project / "docs/tai-lieu").symlink_to(tmp_path, target_is_directory=True)
    (project / "docs/assets/images/bieu-do.svg").write_text(SVG_PLAIN, encoding="utf-8")
    (project / "docs/trang.html").write_text(HTML, encoding="utf-8")
    (project / "overrides/thu.xhtml").write_text(XHTML, encoding="utf-8")
    (project / "overrides/partials/footer.html").symlink_to(ROOT / "overrides/main.html")
    found = sorted(str(p) for p in inert.tree_problems(project / "docs", project) + inert.tree_problems(project / "overrides", project, templates=True))
    assert [line.split(": ")[0] for line in found] == [
        "docs/assets/images/bieu-do.svg",
        "docs/assets/images/bieu-trung.png",
        "docs/tai-lieu",
        "docs/trang-cu.md",
        "docs/trang.html",
        "overrides/partials/footer.html",
        "overrides/thu.xhtml",
    ]
    assert all(" -> " in line for line in found)


def test_the_repository_itself_is_clean():
    assert inert.tree_problems(ROOT / "docs", ROOT) == []
    assert inert.tree_problems(ROOT / "overrides", ROOT, templates=True) == []


# --- the whole chain: `newsroom check` and the real build, with the build machine's secrets -------------------


@pytest.fixture
def project(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "project", with_posts=False)
    write_post(project / "posts", "2021/07/bai-mau.md", **post_meta(title="Bài mẫu"))
    monkeypatch.chdir(project)
    return project


def run_check(capsys, project: Path) -> tuple[int, list[str]]:
    code = main(["check", "--config", str(project / "mkdocs.yml")])
    out, _ = capsys.readouterr()
    return code, out.splitlines()


def built_bytes(site: Path) -> bytes:
    return b"".join(p.read_bytes() for p in site.rglob("*") if p.is_file()) if site.exists() else b""


BREAKAGES = {
    "attachment -> /proc/self/environ": "attachment",
    "attachment -> /etc/passwd": "passwd",
    "post file symlinked": "post",
    "posts folder symlinked": "posts-folder",
    "docs page symlinked": "docs-page",
    "docs folder symlinked": "docs-folder",
    "svg with script": "svg",
    "html attachment": "html",
}


def break_project(project: Path, how: str, outside: Path) -> str:
    """Commit one hostile thing to `project`; the path the message must start with."""
    posts = project / "posts"
    folder = posts / "2021/07"
    if how in ("attachment", "passwd"):
        (folder / "bao-cao.pdf").symlink_to("/proc/self/environ" if how == "attachment" else "/etc/passwd")
        attach_to(posts, "bao-cao.pdf")
        return "posts/2021/07/tin.md:9: document.attachments:"
    if how == "post":
        write_post(outside, "tin.md", **post_meta(title="Bài ngoài"))
        (folder / "tin.md").symlink_to(outside / "tin.md")
        return "posts/2021/07/tin.md:"
    if how == "posts-folder":
        write_post(outside, "tin.md", **post_meta(title="Bài ngoài", date="2021-08-01"))
        (posts / "2021/08").symlink_to(outside, target_is_directory=True)
        return "posts/2021/08:"
    if how == "docs-page":
        (project / "docs/bi-mat.md").symlink_to("/proc/self/environ")
        return "docs/bi-mat.md:"
    if how == "docs-folder":
        (project / "docs/he-thong").symlink_to("/etc", target_is_directory=True)
        return "docs/he-thong:"
    if how == "svg":
        (folder / "logo.svg").write_text(SVG_SCRIPT, encoding="utf-8")
        write_post(posts, "2021/07/tin.md", **post_meta(image="logo.svg"))
        return "posts/2021/07/tin.md:6: image:"
    if how == "html":
        (folder / "trang.html").write_text(HTML, encoding="utf-8")
        attach_to(posts, "trang.html")
        return "posts/2021/07/tin.md:9: document.attachments:"
    raise ValueError(how)


def attach_to(posts: Path, name: str) -> None:
    meta = post_meta(document={"type": "Kế hoạch", "number": "263/KH-LĐLĐ", "attachments": [{"file": name, "title": "Tệp"}]})
    write_post(posts, "2021/07/tin.md", **meta)


@pytest.mark.build
@pytest.mark.parametrize("how", list(BREAKAGES.values()), ids=list(BREAKAGES))
def test_hostile_files_stop_check_and_build_and_nothing_leaks(capsys, project, tmp_path, how):
    where = break_project(project, how, tmp_path / "outside")
    code, lines = run_check(capsys, project)
    assert code == 1
    *found, summary = lines
    assert len(found) == 1 and found[0].startswith(where + " ") and " -> " in found[0], lines
    assert summary.startswith("1 lỗi.")

    site = tmp_path / "site"
    result = mkdocs_build(project, site, extra_env={"NEWSROOM_SECRET": SECRET})
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    shown = [line.strip() for line in result.stderr.splitlines() if line.startswith("  ")]
    assert shown == [found[0]], result.stderr
    published = built_bytes(site)
    assert SECRET.encode() not in published and b"root:x:0:0" not in published
    assert not any(site.rglob("*.html")), "nothing is published"
