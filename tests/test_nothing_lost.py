"""Nothing lost: the build writes only its site folder, and the office's commands only ever add files.

Already covered in test_cli.py: `new` takes the next free name (-2, -3) and leaves the existing
file as it was (test_new_never_overwrites), also when the URL is taken from another folder
(test_new_avoids_a_url_taken_by_a_post_in_another_folder); `import` never overwrites
(test_import_never_overwrites), writes nothing when one file fails (test_one_unreadable_file_means_
nothing_is_written) or with --dry-run (test_dry_run_writes_nothing). test_bad_posts.py checks that a
failed `make build` leaves site/ as it was and removes its temporary folder.
"""

from __future__ import annotations

import hashlib
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from conftest import ROOT, copy_project, mkdocs_build
from newsroom import writer
from newsroom.cli import main
from newsroom.importer import ImportedPost
from sitecheck import broken_links

SEEDS = ROOT.parent / "shared" / "seeds"
NOW = datetime(2024, 5, 1, 2, 30, tzinfo=UTC)


def snapshot(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, tuple[str, int]]:
    """Every file and symlink under `folder` (but `skip` folders and Python's __pycache__): hash and mtime."""
    found = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if rel.parts[0] in skip or "__pycache__" in rel.parts or path.is_dir() and not path.is_symlink():
            continue
        data = os.readlink(path).encode() if path.is_symlink() else path.read_bytes()
        found[rel.as_posix()] = (hashlib.sha256(data).hexdigest(), path.lstat().st_mtime_ns)
    return found


@pytest.mark.build
def test_the_build_writes_only_its_site_folder(tmp_path):
    """The sample site (posts with images and attachments) built twice: the project is untouched and
    the temporary folder left as empty as it was found."""
    project = copy_project(tmp_path / "project")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    before = snapshot(project)
    for _ in range(2):  # the second build replaces the first site
        result = mkdocs_build(project, project / "site", extra_env={"TMPDIR": str(temporary)})
        assert result.returncode == 0, result.stderr
    assert snapshot(project, skip=("site",)) == before
    assert list(temporary.iterdir()) == []
    assert broken_links(project / "site", "/tin-tuc/") == []


@pytest.fixture
def office(tmp_path, monkeypatch):
    """A site with one post, where the office runs its commands."""
    project = copy_project(tmp_path / "project")
    monkeypatch.chdir(project)
    return project


def test_new_and_import_only_add_files(office, capsys):
    before = snapshot(office)
    assert main(["new", "Một số kết quả nổi bật tháng 4 năm 2019"], now=NOW) == 0
    assert main(["import", str(SEEDS / "ket-qua-noi-bat-thang-4-2019-cao-bang.txt")], now=NOW) == 0
    assert main(["import", str(SEEDS / "ket-qua-noi-bat-thang-4-2019-cao-bang.txt")], now=NOW) == 0
    capsys.readouterr()
    after = snapshot(office)
    assert {path: after[path] for path in before} == before, "no file changed or removed"
    added = sorted(set(after) - set(before))
    assert added == [
        "posts/2019/04/mot-so-ket-qua-noi-bat-thang-4-nam-2019-2.md",  # the sample site has the -.md already
        "posts/2019/04/mot-so-ket-qua-noi-bat-thang-4-nam-2019-3.md",
        "posts/2024/05/mot-so-ket-qua-noi-bat-thang-4-nam-2019.md",
    ]


def test_new_does_not_write_through_a_symlink_at_its_name(office, capsys, tmp_path):
    """A dangling link where the new post would go (say, committed to point outside the site) is left alone."""
    outside = tmp_path / "outside.md"
    link = office / "posts/2024/05/tin-moi.md"
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(outside)
    assert main(["new", "Tin mới"], now=NOW) == 0
    assert capsys.readouterr().out.strip() == "posts/2024/05/tin-moi-2.md"
    assert not outside.exists() and link.is_symlink()


def test_a_file_made_between_planning_and_writing_is_not_overwritten(tmp_path, monkeypatch):
    """Two people (or commands) creating the same post at once: the exclusive create keeps the first one."""
    posts = tmp_path / "posts"
    first = posts / "2024/05/tin-moi.md"
    first.parent.mkdir(parents=True)
    first.write_text("bài viết trước\n", encoding="utf-8")
    monkeypatch.setattr(Path, "exists", lambda self: False)  # as if the other file appeared after the check
    post = ImportedPost(title="Tin mới", body="Nội dung.", date=datetime(2024, 5, 1, 9, 30), has_time=True, categories=("Báo cáo",), unit="LĐLĐ")
    planned = writer.create(posts, post, "bài viết sau\n", set())
    assert planned.path == posts / "2024/05/tin-moi-2.md"
    assert first.read_text(encoding="utf-8") == "bài viết trước\n"
    assert planned.path.read_text(encoding="utf-8") == "bài viết sau\n"

