from pathlib import Path

import pytest

from conftest import ROOT, copy_project, mkdocs_build, post_meta, write_post
from newsroom.preview import plan_preview


def test_small_sites_are_previewed_whole():
    files = [Path(f"posts/2020/01/p{i}.md") for i in range(50)]
    plan = plan_preview(files, {f: 0.0 for f in files})
    assert plan.paths == tuple(files) and not plan.partial


def test_large_sites_preview_the_newest_and_the_just_saved():
    files = sorted(Path(f"posts/{2000 + i // 12}/{1 + i % 12:02d}/p{i:04d}.md") for i in range(1000))
    mtimes = {f: 1.0 for f in files}
    edited = files[3]  # an old post, far from the newest
    mtimes[edited] = 99.0
    plan = plan_preview(files, mtimes, newest=100, recent=5)
    assert edited in plan.paths
    assert set(files[-100:]) <= set(plan.paths)
    assert plan.partial and plan.total == 1000 and len(plan.paths) == 105
    assert list(plan.paths) == sorted(plan.paths)


@pytest.mark.build
def test_preview_build_shows_drafts_and_says_it_is_a_preview(tmp_path):
    site = tmp_path / "site"
    result = mkdocs_build(ROOT, site, extra_env={"NEWSROOM_PREVIEW": "1"})
    assert result.returncode == 0, result.stderr
    draft = next(p for p in (ROOT / "posts").rglob("*.md") if "draft: true" in p.read_text(encoding="utf-8"))
    page = (site / draft.parent.relative_to(ROOT / "posts") / draft.stem / "index.html").read_text(encoding="utf-8")
    assert "Bản nháp: chưa xuất bản" in page
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Bản xem trước cho văn phòng" in home and 'class="md-banner' in home


@pytest.mark.build
def test_preview_of_a_large_site_builds_a_subset_that_includes_the_edited_post(tmp_path):
    project = copy_project(tmp_path / "project", with_posts=False)
    for i in range(200):
        write_post(project / "posts", f"2020/{1 + i % 12:02d}/tin-{i:03d}.md", **post_meta(date=f"2020-{1 + i % 12:02d}-01 08:00", title=f"Tin {i}"))
    edited = project / "posts/2020/01/tin-000.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nĐoạn vừa sửa.\n", encoding="utf-8")
    import os

    os.utime(edited, (2e9, 2e9))
    site = tmp_path / "site"
    result = mkdocs_build(project, site, extra_env={"NEWSROOM_PREVIEW": "1"})
    assert result.returncode == 0, result.stderr
    built = list(site.glob("2020/*/tin-*/index.html"))
    assert 150 <= len(built) < 200
    assert "Đoạn vừa sửa." in (site / "2020/01/tin-000/index.html").read_text(encoding="utf-8")
    assert "trên tổng số 200 bài" in (site / "index.html").read_text(encoding="utf-8")
