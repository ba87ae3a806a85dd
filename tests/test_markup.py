"""Valid markup: the Nu HTML Checker (npm `vnu-jar`, pinned in package-lock.json) over every page
of the built sample site, in one Java process, reports no error in our markup.

Two messages come from Material's own base.html, which has no block around them, and are kept out
on purpose (README, Guarantees): `autocomplete="off"` on its two hidden checkboxes (the drawer and
the search toggle). The attribute is not allowed on a checkbox, but it is what stops Firefox from
restoring a checked toggle on Back, which would reopen the menu or the search over the page.
Only those two exact elements are excluded; any other error, Material's included, fails.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import node_tool

# needs `make test`'s tools (npm ci for vnu.jar, Java), like the browser tests: not in `make test-fast`
pytestmark = pytest.mark.browser

AUTOCOMPLETE = "Attribute “autocomplete” is only allowed when the input type is"
UPSTREAM = {
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
    '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
}


def check(folder: Path) -> list[dict]:
    """Every message of the checker over the HTML files in `folder`, in one JVM call."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is missing: `make test` installs Debian's default-jre-headless; run it, or install Java 11 or later")
    vnu = node_tool("vnu-jar/build/dist/vnu.jar")
    result = subprocess.run(
        [java, "-jar", str(vnu), "--format", "json", "--skip-non-html", str(folder)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode in (0, 1), result.stderr[-2000:]  # 1: errors were found
    return json.loads(result.stderr)["messages"]


def is_upstream(message: dict) -> bool:
    return message["message"].startswith(AUTOCOMPLETE) and any(element in message.get("extract", "") for element in UPSTREAM)


def where(message: dict, folder: Path) -> str:
    path = message.get("url", "").removeprefix("file:").removeprefix(str(folder.resolve()) + "/")
    return f"{path}:{message.get('lastLine', '?')}: {message['message']} [{message.get('extract', '').strip()[:100]}]"


def test_no_errors_in_our_markup_on_any_page_of_the_sample_site(sample_site):
    messages = check(sample_site)
    errors = [m for m in messages if m["type"] in ("error", "non-document-error")]
    ours = [where(m, sample_site) for m in errors if not is_upstream(m)]
    assert ours == [], f"{len(ours)} errors:\n" + "\n".join(ours)
    # the checker read every page: each Material page has the two upstream toggles
    material_pages = {p for p in sample_site.rglob("*.html") if 'data-md-toggle="drawer"' in p.read_text(encoding="utf-8")}
    assert len(material_pages) > 100
    flagged = {Path(m["url"].removeprefix("file:")) for m in errors if is_upstream(m)}
    assert flagged == {p.resolve() for p in material_pages}
    print(f"\nNu HTML Checker: {len(list(sample_site.rglob('*.html')))} pages, 0 errors in our markup, "
          f"{len(errors) - len(ours)} upstream (Material's checkbox autocomplete, 2 a page)")  # fmt: skip


def test_the_checker_finds_what_the_issue_found(sample_site, tmp_path):
    """The check can fail: a listing page's heading skip and a label for nothing are reported."""
    page = (sample_site / "chuyen-muc" / "bao-cao" / "index.html").read_text(encoding="utf-8")
    broken = page.replace("<h1>", '<label for="khong-co">x</label><h1>', 1).replace("</h1>", "</h1><h3>bỏ cấp</h3>", 1)
    (tmp_path / "index.html").write_text(broken, encoding="utf-8")
    found = [m["message"] for m in check(tmp_path) if m["type"] == "error" and not is_upstream(m)]
    assert any("skipping 1 heading level" in m for m in found), found
    assert any("“for” attribute of the “label” element" in m for m in found), found


def test_a_redirect_stub_is_valid_markup(tmp_path):
    """The pages of old addresses are not MkDocs pages (redirects.py): the sample site has none."""
    from newsroom.redirects import Redirect, redirect_page

    stub = Redirect("vi/news/tin-tuc/hoi-nghi-1.html", "2021/07/hoi-nghi/", 'Hội nghị <b>"sơ kết"</b> & Tết')
    (tmp_path / "hoi-nghi-1.html").write_bytes(redirect_page(stub, "https://congdoan-laichau.github.io/tin-tuc/"))
    errors = [where(m, tmp_path) for m in check(tmp_path) if m["type"] in ("error", "non-document-error")]
    assert errors == []
