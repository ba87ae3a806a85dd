"""A second engine: ProperDocs (the maintained fork of MkDocs 1.6) builds the same site with our
hooks and Material unchanged, byte for byte apart from the generator tag; MkDocs 2, a rewrite
without plugins or hooks, can never be installed by our pins."""

from __future__ import annotations

import os
import re
from importlib.metadata import version

import pytest

from conftest import ROOT, mkdocs_build
from test_build import differences

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


@pytest.mark.build
def test_properdocs_builds_the_same_site_as_mkdocs(sample_site, tmp_path):
    other = tmp_path / "site"
    result = mkdocs_build(ROOT, other, engine="properdocs")
    assert result.returncode == 0, result.stderr
    changed = differences(sample_site, other)
    assert len(list(other.rglob("index.html"))) > 100
    only_generator = []
    for path in changed:
        left, right = (sample_site / path).read_bytes(), (other / path).read_bytes()
        assert GENERATOR.sub(b"", left) == GENERATOR.sub(b"", right), f"{path} differs beyond the generator tag"
        only_generator.append(path)
    assert b"ProperDocs" in (other / "index.html").read_bytes()
    assert only_generator, "the generator tag names the engine: at least the pages differ there"


def test_the_comparison_reads_every_byte(tmp_path):
    """Same size and modification time, one byte apart: still a difference (and a file on one side only)."""
    for side, text in (("left", b"<p>ProperDocs</p>"), ("right", b"<p>ProperDoc$</p>")):
        (tmp_path / side / "page").mkdir(parents=True)
        (tmp_path / side / "page" / "index.html").write_bytes(text)
        os.utime(tmp_path / side / "page" / "index.html", ns=(1_700_000_000_000_000_000,) * 2)
    (tmp_path / "right" / "extra.html").write_bytes(b"")
    assert sorted(differences(tmp_path / "left", tmp_path / "right")) == ["extra.html", "page/index.html"]


def test_the_pins_keep_mkdocs_1_and_properdocs():
    pins = dict(
        line.split("==", 1) for line in (ROOT / "requirements.txt").read_text().splitlines() if "==" in line and not line.startswith("#")
    )
    assert pins["mkdocs"].startswith("1.6.") and pins["properdocs"].startswith("1.6.")
    assert version("mkdocs").startswith("1.") and version("properdocs").startswith("1.")
