"""Fuzzed input: Hypothesis writes post files with generated front matter values and Markdown bodies
(Vietnamese, NFD, control characters, markup, huge values, lists, mappings, numbers, dates). The
validator and the build either accept the post or refuse it with our messages; they never crash.

Deterministic (`derandomize`), so that a run of the suite is repeatable and CI is not flaky; a
failure prints the smallest example Hypothesis found.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import unicodedata
from datetime import date, datetime
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CATEGORIES, copy_project, mkdocs_build, site_config
from newsroom.model import Post, Problem
from newsroom.reader import read_posts
from sitecheck import broken_links

FIELDS = ["title", "date", "categories", "tags", "unit", "authors", "description", "image", "draft", "pin", "slug", "links", "document"]
DOCUMENT_FIELDS = ["type", "number", "place", "issued", "signer", "signer_title", "recipients", "attachments"]
VIETNAMESE = "Công đoàn Liên đoàn Lao động tỉnh Lai Châu Đại hội hoà hòa Thủy Thuỷ người lao động ưu đãi Ữ Ỵ ơ ư đ Đ"
CONTROL = "".join(map(chr, range(0x20))) + "\x7f\x85\u2028\u2029\ufeff\u200b\u202e"
YAML_MARKS = ":#-[]{}&*!|>'\"%@`,?\\ \t\n"
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # characters XML 1.0 forbids
MARKUP = [
    "<script>alert(1)</script>", "<iframe src=\"https://www.youtube.com/embed/x\"></iframe>", "<b onclick=x>b</b>",
    "[a](javascript:alert(1))", "[b](bai.md)", "![c](anh.jpg)", "```\n<script>x</script>\n```", "`<i>`", "{: onclick=x }",
    "<!--", "-->", "<![CDATA[", "]]>", "&#x6A;", "&amp;", "\n---\n", "\n...\n", "# Tiêu đề\n", "| a | b |\n|---|---|\n| 1 | 2 |\n",
    "    thụt lề\n", "- mục\n", "> trích\n", "<div markdown=\"1\">\n*x*\n</div>", "[^1]", "~~~\n", "<", ">", "\\",
]  # fmt: skip


def decomposed(text: str) -> str:
    return unicodedata.normalize("NFD", text)


letters = st.sampled_from(list(VIETNAMESE + decomposed(VIETNAMESE) + CONTROL + YAML_MARKS + "aZ09/._"))
short_text = st.text(letters, max_size=30) | st.text(max_size=20) | st.sampled_from(MARKUP + [VIETNAMESE, decomposed(VIETNAMESE)])
huge_text = st.builds(lambda text, times: text * times, short_text.filter(bool), st.integers(1000, 30_000))
scalars = (
    short_text
    | huge_text
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.booleans()
    | st.none()
    | st.dates(min_value=date(1, 1, 1))
    | st.datetimes(min_value=datetime(1, 1, 1))
    | st.sampled_from(["31/02/2021", "2021-02-31", "2021-07-29 25:00", "2021-07-29 08:00", "2021-07-29", "0000-00-00"])
    | st.sampled_from(CATEGORIES + ["Thể thao", "tin tuc - su kien"])
)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(short_text, inner, max_size=4), max_leaves=10)
document = st.dictionaries(st.sampled_from(DOCUMENT_FIELDS) | short_text, values, max_size=6)
front_matter = st.dictionaries(
    st.sampled_from(FIELDS) | short_text,
    values,
    max_size=10,
).flatmap(lambda meta: st.just(meta) | document.map(lambda doc: {**meta, "document": doc}))
body = st.lists(short_text | st.sampled_from(MARKUP), max_size=12).map("".join) | huge_text


def valid_base() -> dict:
    return {"title": "Tin công đoàn", "date": "2021-07-29 08:00", "categories": [CATEGORIES[0]]}


# Mostly what people type: text fields with odd characters and sizes, over a valid post.
text_fields = st.dictionaries(
    st.sampled_from(["title", "unit", "description", "slug"]), short_text | huge_text, max_size=3
) | st.dictionaries(st.sampled_from(["tags", "authors"]), st.lists(short_text, max_size=3), max_size=2)
plain_body = st.lists(st.text(letters, max_size=40) | st.sampled_from(MARKUP[3:]), max_size=10).map("".join)


@st.composite
def post_bytes(draw, mostly_valid: bool = False) -> bytes:
    """A whole post file: generated front matter over a valid post (or on its own), or raw text."""
    kinds = ["typed", "typed", "typed", "valid base"] if mostly_valid else ["typed", "valid base", "meta", "raw"]
    kind = draw(st.sampled_from(kinds))
    text_body = draw(plain_body if kind == "typed" else body)
    if kind == "raw":
        meta_text = draw(st.text(letters, max_size=200) | st.text(max_size=200))
    else:
        extra = draw(text_fields if kind == "typed" else front_matter)
        meta = {**valid_base(), **extra} if kind != "meta" else extra
        try:
            meta_text = yaml.safe_dump(meta, allow_unicode=draw(st.booleans()), sort_keys=False)
        except yaml.YAMLError:
            meta_text = repr(meta)
    text = f"---\n{meta_text}---\n\n{text_body}"
    if draw(st.booleans()):
        text = decomposed(text)
    raw = text.encode(draw(st.sampled_from(["utf-8"] * 6 + ["utf-8-sig", "utf-16"])), errors="surrogatepass")
    return draw(st.sampled_from([raw] * 6 + [raw.replace(b"\n", b"\r\n"), raw[: len(raw) // 2]]))


def assert_well_formed(problem) -> None:
    assert isinstance(problem, Problem)
    assert isinstance(problem.path, str) and problem.path.endswith(".md")
    assert isinstance(problem.line, int) and problem.line >= 0
    assert isinstance(problem.field, str)
    assert isinstance(problem.what, str) and problem.what and isinstance(problem.fix, str) and problem.fix
    assert " -> " in str(problem)


@settings(max_examples=300, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(raw=post_bytes(), name=st.sampled_from(["2021/07/tin.md", "tin công đoàn.md", "a.b.md", "-.md"]))
def test_the_validator_accepts_or_explains_never_crashes(raw, name):
    with tempfile.TemporaryDirectory() as folder:
        posts_dir = Path(folder) / "posts"
        path = posts_dir / name
        path.parent.mkdir(parents=True)
        path.write_bytes(raw)
        corpus = read_posts(posts_dir, site_config(), root=posts_dir.parent)
    for problem in corpus.problems:
        assert_well_formed(problem)
    for post in corpus.posts:
        assert isinstance(post, Post) and not corpus.problems
        shown = [post.title, post.body, post.description, post.unit.name, *post.authors, *(t.name for t in post.terms())]
        assert unicodedata.is_normalized("NFC", "".join(shown))
        assert not [text for text in shown if NOT_XML.search(text)], "feeds and pages must stay valid XML"
        assert post.title.strip() and post.url.endswith("/") and " " not in post.url


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(raw=st.binary(max_size=3000))
def test_any_bytes_at_all(raw):
    with tempfile.TemporaryDirectory() as folder:
        posts_dir = Path(folder) / "posts"
        posts_dir.mkdir()
        (posts_dir / "tin.md").write_bytes(raw)
        corpus = read_posts(posts_dir, site_config(), root=posts_dir.parent)
    for problem in corpus.problems:
        assert_well_formed(problem)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("fuzz") / "project", with_posts=False)


@pytest.mark.build
@settings(max_examples=15, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(raw=post_bytes(mostly_valid=True))
def test_the_build_publishes_or_stops_with_our_message(project, raw):
    posts = project / "posts"
    shutil.rmtree(posts)
    (posts / "2021/07").mkdir(parents=True)
    (posts / "2021/07/tin.md").write_bytes(raw)
    with tempfile.TemporaryDirectory() as folder:
        result = mkdocs_build(project, Path(folder) / "site")
        output = result.stdout + result.stderr
        assert "Traceback" not in output, output
        assert result.returncode == 0 or "Không thể dựng trang:" in result.stderr, result.stderr
        if result.returncode == 0:
            assert_outputs_parse(Path(folder) / "site")


def assert_outputs_parse(site: Path) -> None:
    """What readers' feed readers, search engines and browsers parse strictly: feeds, sitemap, JSON, JSON-LD."""
    for path in site.rglob("*.xml"):
        ET.parse(path)
    for path in (site / "search").rglob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))
    for path in site.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for script in soup.select('script[type="application/ld+json"]'):
            json.loads(script.string)
    assert broken_links(site, "/tin-tuc/") == []
