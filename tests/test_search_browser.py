"""Readers' queries typed into the real header search box of the built sample site, in Chromium.

Expected orders come from `oracle`, a plain Python reading of the ranking rules over the post
files themselves (not over the index): all words first, then the diacritics typed, then title
matches, then phrases, newer first among equals.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime

import pytest
import yaml

from conftest import ROOT, SAMPLE_EPOCH, VN
from newsroom.config import load_config
from newsroom.reader import read_posts
from newsroom.site import published
from newsroom.text import fold, plain_text, syllables, tone_key
from waiting import wait_until

pytestmark = pytest.mark.browser
SHOWN = 10  # what the header box returns (news-search-worker.js)


@pytest.fixture(scope="module")
def posts():
    settings = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]["newsroom"]
    corpus = read_posts(ROOT / "posts", load_config(settings))
    return published(corpus.posts, datetime.fromtimestamp(SAMPLE_EPOCH, VN))


def fields(post):
    title = " ".join([post.title] + ([post.document.number, post.document.type] if post.document else []))
    names = [t.name for t in post.tags] + [post.unit.name] + [c.name for c in post.categories]
    body = " ".join([plain_text(post.body), *names, *post.authors])
    return syllables(title), syllables(body)


def oracle(posts, query):
    """Titles in the order the ranking rules give, best first."""
    words = []
    for word in syllables(unicodedata.normalize("NFC", query)):
        if fold(word) not in [fold(w) for w in words]:
            words.append(word)
    folded = [fold(w) for w in words]
    pairs = [f"{a} {b}" for a, b in zip(folded, folded[1:])]
    scored = []
    for rank, post in enumerate(posts):
        title, body = fields(post)
        present = {fold(w) for w in title + body}
        in_title = {fold(w) for w in title}
        own_number = {fold(w) for w in syllables(post.document.number)} if post.document and post.document.number else set()
        keys = {tone_key(w) for w in title + body}
        doc_pairs = {f"{fold(a)} {fold(b)}" for text in (title, body) for a, b in zip(text, text[1:])}
        all_ = sum(f in present for f in folded)
        if not all_:
            continue
        exact = sum(1 for w, f in zip(words, folded) if w != f and f in present and tone_key(w) in keys)
        number = sum(f in own_number for f in folded)
        titles = sum(f in in_title for f in folded)
        phrase = sum(p in doc_pairs for p in pairs)
        scored.append(((-all_, -exact, -number, -titles, -phrase, rank), post.title))
    return [title for _, title in sorted(scored)]


def header_search(browser, base_url, query):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base_url)
    page.keyboard.press("/")  # Material's shortcut focuses the header search box
    box = page.locator("input.md-search__input")
    assert box.evaluate("e => e === document.activeElement")
    box.fill(query)
    box.press("End")  # Material reads the box on key up
    wait_until(
        page,
        "() => /phù hợp|Không tìm thấy/.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    # Material writes the count, then the items: wait for as many items as it announced
    wait_until(
        page,
        """() => {
          const text = document.querySelector('.md-search-result__meta').textContent.trim();
          const announced = /^\\d+/.test(text) ? parseInt(text, 10) : 0;
          return document.querySelectorAll('.md-search-result__item').length === Math.min(10, announced);
        }"""
    )
    # Material shows the first 10 at once and the rest as the reader scrolls
    titles = page.locator(".md-search-result__item h1").all_inner_texts()
    assert errors == []
    return page, titles


def shown_count(page):
    text = page.locator(".md-search-result__meta").inner_text()
    return 1 if text.startswith("1 ") else int(text.split()[0])


QUERIES = [
    "cong doan", "CÔNG ĐOÀN", "Công Đoàn", unicodedata.normalize("NFD", "công đoàn"), "lien doan",
    "dai hoi", "Đại hội", "mai am cong doan", "hoà", "hòa", "thuý", "thúy", "263/KH-LĐLĐ", "263 KH", "89/BC",
]  # fmt: skip


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.encode("unicode_escape").decode() if q != unicodedata.normalize("NFC", q) else q)
def test_header_search_returns_the_ranked_posts(browser, base_url, posts, query):
    page, titles = header_search(browser, base_url, query)
    expected = oracle(posts, query)
    assert expected, f"the sample site has posts for {query!r}"
    assert shown_count(page) == min(SHOWN, len(expected))
    assert titles == expected[: len(titles)] and len(titles) == min(10, len(expected))
    page.close()


def test_diacritics_case_and_normal_form_do_not_matter(browser, base_url):
    lists = [header_search(browser, base_url, q)[1] for q in ("Công Đoàn", "CÔNG ĐOÀN", unicodedata.normalize("NFD", "công đoàn"))]
    assert lists[0] == lists[1] == lists[2] and len(lists[0]) == 10


def test_both_tone_placements_find_the_same_posts(browser, base_url, posts):
    for old, new in (("hoà", "hòa"), ("thuý", "thúy")):
        assert header_search(browser, base_url, old)[1] == header_search(browser, base_url, new)[1]
    first = header_search(browser, base_url, "hòa")[1][0]
    post = next(p for p in posts if p.title == first)
    assert {"hoà", "hòa"} & {w for w in syllables(post.title + " " + post.body)}


def test_document_numbers(browser, base_url, posts):
    by_number = {p.document.number: p.title for p in posts if p.document and p.document.number}
    assert header_search(browser, base_url, "263/KH-LĐLĐ")[1][0] == by_number["263/KH-LĐLĐ"]
    assert header_search(browser, base_url, "263 KH")[1][0] == by_number["263/KH-LĐLĐ"]
    assert header_search(browser, base_url, "89/BC")[1][0] == by_number["89/BC-LĐLĐ"]


def test_mai_am_cong_doan_puts_the_housing_posts_first_newest_first(browser, base_url, posts):
    titles = header_search(browser, base_url, "mai am cong doan")[1]
    housing = [p for p in posts if "mái ấm công đoàn" in p.title.lower()]
    assert len(housing) >= 3
    assert titles[: len(housing)] == [p.title for p in housing]  # posts are newest first already


def test_a_result_shows_title_date_category_excerpt_and_opens_the_post(browser, base_url, posts):
    page, titles = header_search(browser, base_url, "lien doan")
    first = page.locator(".md-search-result__item").first
    post = next(p for p in posts if p.title == titles[0])
    meta = first.locator(".news-search__meta").inner_text()
    assert post.category.name in meta and f"{post.date:%d/%m/%Y}" in meta
    marks = [fold(m) for m in first.locator("mark").all_inner_texts()]
    assert "lien" in marks and "doan" in marks
    first.locator("a").first.click()
    page.wait_for_url(f"{base_url}{post.url}")
    assert page.locator(".news-post__header h1").inner_text() == post.title
    page.close()


def test_unknown_words_are_shown_not_dropped(browser, base_url):
    page, titles = header_search(browser, base_url, "cong doan xyzw")
    assert titles
    assert "xyzw" in page.locator(".md-search-result__terms").first.inner_text()
    page.close()


def test_search_page_filters_by_year_category_and_unit(browser, base_url, posts):
    page = browser.new_page()
    page.goto(f"{base_url}tim-kiem/?tu-khoa=cong+doan&nam=2023")
    page.wait_for_selector(".news-search__result")
    metas = page.locator(".news-search__result .news-meta").all_inner_texts()
    assert metas and all("/2023" in m for m in metas)
    expected = [p for p in posts if p.date.year == 2023 and "cong doan" in fold(" ".join(sum(fields(p), [])))]
    assert len(metas) == len(expected)
    page.select_option("select[name=nam]", "")
    page.select_option("select[name=chuyen-muc]", "dai-hoi")
    wait_until(page, "() => location.search.includes('chuyen-muc=dai-hoi')")
    page.wait_for_timeout(300)
    metas = page.locator(".news-search__result .news-meta").all_inner_texts()
    assert metas and all(m.startswith("Đại hội") for m in metas)
    page.select_option("select[name=chuyen-muc]", "")
    page.select_option("select[name=don-vi]", "ldld-tinh-cao-bang")
    page.wait_for_timeout(300)
    metas = page.locator(".news-search__result .news-meta").all_inner_texts()
    assert metas and all("LĐLĐ tỉnh Cao Bằng" in m for m in metas)
    page.close()


def test_javascript_folding_matches_python(browser, base_url):
    samples = ["Công Đoàn", "CÔNG ĐOÀN", unicodedata.normalize("NFD", "công đoàn"), "Ðại hội", "hoà", "hòa", "thuý", "thúy", "Liên đoàn Lao động", "263/KH-LĐLĐ"]
    page = browser.new_page()
    page.goto(f"{base_url}tim-kiem/")
    got = page.evaluate("s => s.map(x => [NewsSearch.fold(x), NewsSearch.toneKey(x), NewsSearch.fnv1a(NewsSearch.fold(x))])", samples)
    from newsroom.search import fnv1a

    assert got == [[fold(s), tone_key(s), fnv1a(fold(s))] for s in samples]
    page.close()
