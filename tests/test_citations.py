"""Document numbers in text (citations.py): recognition, the citation index, links in post pages."""

import unicodedata
from pathlib import Path

import pytest

from conftest import ROOT, post_meta, site_config, write_post
from helpers import make_post
from newsroom.citations import Citation, find_numbers, index_citations, link_citations, number_key
from newsroom.model import Document
from newsroom.reader import read_posts

SEEDS = ROOT.parent / "shared" / "seeds"

# Real sentences, copied from the seeds (../shared/seeds/), and the exact numbers they cite.
SEED_SENTENCES = [
    ("ke-hoach-263-KH-LDLD-lai-chau-2021.txt", "Số: 263/KH-LĐLĐ", ["263/KH-LĐLĐ"]),
    (
        "ke-hoach-263-KH-LDLD-lai-chau-2021.txt",
        "Thực hiện Chương trình hành động số 09-CTr/TU ngày 19/7/2021 của Tỉnh ủy Lai Châu",
        ["09-CTr/TU"],
    ),
    (
        "ke-hoach-263-KH-LDLD-lai-chau-2021.txt",
        "Chương trình hành động số 09-CT/TU của Tỉnh ủy và Kế hoạch này",
        ["09-CT/TU"],
    ),
    (
        "ke-hoach-263-KH-LDLD-lai-chau-2021.txt",
        "Nghị quyết số 02-NQ/TW, ngày 12/6/2021 của Bộ Chính trị về đổi mới tổ chức và hoạt động của Công đoàn Việt Nam "
        "trong tình hình mới, Chỉ thị 16/CT-TTg, ngày 14/6/2021 của Chính Phủ",
        ["02-NQ/TW", "16/CT-TTg"],
    ),
    ("ke-hoach-263-KH-LDLD-lai-chau-2021.txt", "Chương trình hành động số 09- CTTr/TU của Tỉnh ủy", ["09-CTTr/TU"]),
    (
        "ke-hoach-263-KH-LDLD-lai-chau-2021.txt",
        "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV, nhiệm kỳ 2020- 2025 phù hợp với điều kiện thực tế",
        [],
    ),
    (
        "dai-hoi-cdcs-so-ldtbxh-lai-chau-2023.txt",
        "Thực hiện Kế hoạch số 85/KH-CĐVC ngày 02/6/2022 của Công đoàn Viên chức tỉnh về tổ chức Đại hội công đoàn cấp "
        "cơ sở, Đại hội đại biểu Công đoàn Viên chức lần thứ V, nhiệm kỳ 2023-2028",
        ["85/KH-CĐVC"],
    ),
    ("dai-hoi-cdcs-so-ldtbxh-lai-chau-2023.txt", "(Ngày đăng :28/04/2023 4:48:27 CH)", []),
    ("dai-hoi-cdcs-so-ldtbxh-lai-chau-2023.txt", "Triển khai đào tạo nghề cho 44.377/40.000 lao động, đạt 110,9%", []),
    ("dai-hoi-cdcs-so-ldtbxh-lai-chau-2023.txt", "Tổ chức cai nghiện cho 1.497/1420 lượt người", []),
    (
        "ket-qua-noi-bat-thang-4-2019-cao-bang.txt",
        "Triển khai Chỉ thị số 06/CT-UBND ngày 16/4/2019 của Ủy ban nhân dân tỉnh Cao Bằng",
        ["06/CT-UBND"],
    ),
    ("ket-qua-noi-bat-thang-4-2019-cao-bang.txt", "kết quả: 790/812 đơn vị tổ chức Hội nghị CBCCVC, đạt 97,29%", []),
    ("ket-qua-noi-bat-thang-4-2019-cao-bang.txt", "kỷ niệm 90 năm ngày thành lập công đoàn tỉnh Cao Bằng (28/7/1929 – 28/7/2019)", []),
    ("ket-qua-noi-bat-thang-4-2019-cao-bang.txt", "Đăng lúc: Thứ bảy - 27/04/2019 14:23 - Người đăng bài viết: Văn phòng LĐLĐ", []),
]


@pytest.mark.parametrize("seed, sentence, numbers", SEED_SENTENCES, ids=[s[1][:40] for s in SEED_SENTENCES])
def test_numbers_in_real_sentences_of_the_seeds(seed, sentence, numbers):
    assert sentence in " ".join((SEEDS / seed).read_text(encoding="utf-8").split()), "not the seed's own words"
    assert [m.number for m in find_numbers(sentence)] == numbers


OWN_SENTENCES = [
    ("Căn cứ Nghị quyết số 12/2021/NQ-HĐND ngày 15/7/2021 của HĐND tỉnh", ["12/2021/NQ-HĐND"]),
    ("Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư", ["30/2020/NĐ-CP"]),
    ("Thông tư 15/2019/TT-BLĐTBXH hướng dẫn", ["15/2019/TT-BLĐTBXH"]),
    ("Công văn số 1234/LĐLĐ-VP về việc tổ chức hội nghị", ["1234/LĐLĐ-VP"]),
    ("Quyết định số 08-QĐi/TW của Bộ Chính trị", ["08-QĐi/TW"]),
    ("theo Hướng dẫn 36-HD/VPTW của Văn phòng Trung ương", ["36-HD/VPTW"]),
    ("Nghị quyết 7c/NQ-BCH của Ban Chấp hành", ["7c/NQ-BCH"]),
    ("Kế hoạch số 01A/KH-CĐ ngày 05/01/2024", ["01A/KH-CĐ"]),
    ("Quyết định số 123/QĐ-UBND-VX ngày 2/3/2022", ["123/QĐ-UBND-VX"]),
    ("Quy định 12/QyĐ-TLĐ và Tờ trình 45/TTr-LĐLĐ", ["12/QyĐ-TLĐ", "45/TTr-LĐLĐ"]),
    ("Kế hoạch số 263 / KH - LĐLĐ (có dấu cách)", ["263/KH-LĐLĐ"]),
    ("Nghị quyết 02 - NQ/TW", ["02-NQ/TW"]),
    ("Kế hoạch số 263/KH-LDLD (D thay Đ)", ["263/KH-LDLD"]),
    ("Quyết định 1234/QĐ-TTg.", ["1234/QĐ-TTg"]),
    ("Báo cáo số 89/BC, ngày 18/12/2020", ["89/BC"]),
    ("Số:263/KH-LĐLĐ;Số 45/KH-LĐLĐ", ["263/KH-LĐLĐ", "45/KH-LĐLĐ"]),
]

NEAR_MISSES = [
    "ngày 28/7/2021 và 1/5",  # dates
    "790/812 đơn vị, 04/04 doanh nghiệp",  # ratios
    "nhiệm kỳ 2021-2026, giai đoạn 2023 - 2028",  # ranges
    "phòng chống dịch Covid-19 và COVID-19/2020",  # names with numbers
    "263/kh-lđlđ viết thường",  # codes are capitals: case-sensitive
    "5/Kế hoạch, 3/Ba, lớp 12/A1, phòng 5/A",  # words, not codes
    "tệp 05-KH-LDLD-2025.pdf",  # a file name: no "/" between number and issuer
    "số 12/2021 chưa có ký hiệu",  # a year without a code
    "1/5/2021-NQ",  # a date first
    "lúc 4:48:27 CH",
    "Covid-19/Bộ Y tế",  # the digits follow a hyphen: part of a name
    "số nhà 12/Tan-Phong, ngõ 5/Hoa-Binh",  # addresses typed without diacritics: words, not codes
    "phòng 5A/B, tổ 12c/A",  # one capital after a letter suffix is not a code
    "thư mục 263/KH-LĐLĐ/2021/",  # a path: never half a number ("263/KH")
]


@pytest.mark.parametrize("sentence, numbers", OWN_SENTENCES, ids=[s[0][:40] for s in OWN_SENTENCES])
def test_numbers_in_every_recognised_form(sentence, numbers):
    assert [m.number for m in find_numbers(sentence)] == numbers


@pytest.mark.parametrize("sentence", NEAR_MISSES)
def test_near_misses_are_never_documents(sentence):
    assert find_numbers(sentence) == []


def test_nfd_text_gives_the_same_numbers_and_true_offsets():
    text = "Thực hiện Kế hoạch số 263/KH-LĐLĐ và Nghị quyết 02-NQ/TW; Kế-Hà/Nội"
    decomposed = unicodedata.normalize("NFD", text)
    mentions = find_numbers(decomposed)
    assert [m.number for m in mentions] == ["263/KH-LĐLĐ", "02-NQ/TW"]
    assert [decomposed[m.start : m.end] for m in mentions] == ["263/KH-LĐLĐ", "02-NQ/TW"]


def test_spellings_of_one_document_share_a_key_and_type_codes_stay_distinct():
    same = ["263/KH-LĐLĐ", "263 / KH - LĐLĐ", "263/KH-LDLD", "263/KH-LÐLÐ", "0263/KH-LĐLĐ"]
    assert {number_key(n) for n in same} == {"263/KH-LDLD"}
    assert number_key("02-NQ/TW") == number_key("2-NQ/TW")
    assert number_key("7C/NQ-BCH") == number_key("07c/NQ-BCH") == "7c/NQ-BCH"
    assert number_key("09-CTr/TU") != number_key("09-CT/TU")  # chương trình is not chỉ thị
    assert number_key("Kế hoạch 263/KH-LĐLĐ") is None and number_key("28/7/2021") is None


def _plan(slug="ke-hoach-263", when="2021-07-29 08:00"):
    return make_post(
        slug, when, title="Kế hoạch thực hiện Chương trình 09-CTr/TU",
        body="Số: 263/KH-LĐLĐ. Thực hiện Chương trình hành động số 09-CTr/TU.",
        document=Document(type="Kế hoạch", number="263/KH-LĐLĐ"),
    )  # fmt: skip


def test_the_index_knows_who_cites_each_document_newest_first_and_never_the_document_itself():
    plan = _plan()
    old = make_post("so-ket", "2021-12-28 08:00", body="Sơ kết Kế hoạch 263/KH-LDLD và lại 263/KH-LĐLĐ.")
    new = make_post("tong-ket", "2023-01-05 08:00", title="Tổng kết Kế hoạch số 263/KH-LĐLĐ")
    other = make_post("khac", "2022-01-01 08:00", body="Không nhắc văn bản nào, chỉ ngày 29/7/2021.")
    citations = index_citations((new, other, old, plan))
    assert citations.cited_by[plan.url] == (new, old)
    assert citations.cites[old.url] == (Citation("263/KH-LDLD", "263/KH-LDLD", plan),)
    assert citations.cites[plan.url] == (Citation("09-CTr/TU", "9-CTr/TU", None),)  # its own number left out
    assert citations.cites[other.url] == () and other.url not in citations.cited_by
    assert citations.document_keys(old) == ("263/KH-LDLD",)
    assert citations.document_keys(plan) == ("263/KH-LDLD", "9-CTr/TU")


def test_numbers_in_code_and_link_targets_of_the_markdown_are_not_citations():
    plan = _plan()
    post = make_post("tin", body="Tệp [tải về](263/KH-LĐLĐ.pdf) và `263/KH-LĐLĐ`\n\n```\n263/KH-LĐLĐ\n```\n")
    assert index_citations((plan, post)).cites[post.url] == ()


def test_the_older_of_two_posts_with_one_number_is_the_document():
    first, second = _plan(), _plan("ke-hoach-263-dang-lai", "2022-07-29 08:00")
    citations = index_citations((second, first))
    assert citations.cites[second.url][0] == Citation("263/KH-LĐLĐ", "263/KH-LDLD", first)
    assert citations.cited_by[first.url] == (second,) and second.url not in citations.cited_by


def test_a_replaced_document_knows_what_replaced_it():
    plan = _plan()
    newer = make_post(
        "ke-hoach-moi", "2023-02-01 08:00", body="Kế hoạch mới.",
        document=Document(type="Kế hoạch", number="12/KH-LĐLĐ", replaces=("263/KH-LĐLĐ", "7/KH-LĐLĐ")),
    )  # fmt: skip
    citations = index_citations((newer, plan))
    assert citations.replaced_by[plan.url] == (newer,)
    assert [c.number for c in citations.replaces[newer.url]] == ["263/KH-LĐLĐ", "7/KH-LĐLĐ"]
    assert [c.post for c in citations.replaces[newer.url]] == [plan, None]
    assert citations.cited_by[plan.url] == (newer,)


LINKS = {"263/KH-LDLD": "../../07/ke-hoach-263/"}


def test_the_first_mention_in_prose_is_linked_and_later_ones_stay_text():
    html = "<p>Thực hiện Kế hoạch số 263/KH-LĐLĐ ngày 29/7/2021.</p>\n<p>Theo Kế hoạch 263/KH-LDLD.</p>"
    linked = link_citations(html, LINKS)
    assert linked == (
        '<p>Thực hiện Kế hoạch số <a class="news-citation" href="../../07/ke-hoach-263/">263/KH-LĐLĐ</a> ngày 29/7/2021.</p>\n'
        "<p>Theo Kế hoạch 263/KH-LDLD.</p>"
    )


@pytest.mark.parametrize(
    "inside",
    [
        '<h2 id="ke-hoach">Kế hoạch 263/KH-LĐLĐ</h2>',
        '<p><a href="https://example.vn/">263/KH-LĐLĐ</a></p>',
        "<p><code>263/KH-LĐLĐ</code></p>",
        "<pre><code>263/KH-LĐLĐ\n</code></pre>",
        '<p><a href="x"><strong>Kế hoạch 263/KH-LĐLĐ</strong></a></p>',
    ],
    ids=["heading", "link", "code", "code block", "inside a link's markup"],
)
def test_mentions_inside_headings_links_and_code_are_not_linked_but_the_next_one_is(inside):
    html = inside + "\n<p>Xem 263 / KH - LĐLĐ.</p>"
    linked = link_citations(html, LINKS)
    assert linked.startswith(inside)
    assert linked.endswith('<p>Xem <a class="news-citation" href="../../07/ke-hoach-263/">263 / KH - LĐLĐ</a>.</p>')


@pytest.mark.parametrize(
    "before",
    [
        '<p><img alt="a > 263/KH-LĐLĐ" src="ke-hoach.jpg"></p>',
        "<!-- 263/KH-LĐLĐ > -->",
        '<script type="application/ld+json">{"a": "<h2>", "b": "263/KH-LĐLĐ"}</script>',
        '<p><abbr title="Kế hoạch 263/KH-LĐLĐ">KH</abbr></p>',
        "<svg/><p><kbd>263/KH-LĐLĐ</kbd></p>",
    ],
    ids=["attribute holding >", "comment", "script holding tags", "attribute only", "self-closing and kbd"],
)
def test_mentions_in_markup_are_never_linked_and_the_text_after_them_is(before):
    html = before + "\n<p>Theo 263/KH-LĐLĐ.</p>"
    assert link_citations(html, LINKS) == before + '\n<p>Theo <a class="news-citation" href="../../07/ke-hoach-263/">263/KH-LĐLĐ</a>.</p>'
    assert link_citations(before, LINKS) == before


def test_text_with_entities_and_numbers_the_site_does_not_have_stays_as_it_is():
    html = "<p>Nghị quyết 02-NQ/TW &amp; Kế hoạch <em>263/KH-LĐLĐ</em> &lt;b&gt; 85/KH-CĐVC</p>"
    linked = link_citations(html, LINKS)
    assert linked == html.replace("<em>263/KH-LĐLĐ</em>", '<em><a class="news-citation" href="../../07/ke-hoach-263/">263/KH-LĐLĐ</a></em>')
    assert link_citations(html, {}) == html


def test_replaces_is_validated_with_a_message_naming_the_line(tmp_path):
    posts_dir = tmp_path / "posts"
    meta = post_meta(document={"type": "Kế hoạch", "number": "12/KH-LĐLĐ", "replaces": ["263/KH-LĐLĐ", "Kế hoạch cũ", "12/KH-LDLD"]})
    write_post(posts_dir, "2021/07/ke-hoach.md", **meta)
    write_post(posts_dir, "2021/08/dung.md", **post_meta(document={"number": "13/KH-LĐLĐ", "replaces": "12/KH-LĐLĐ"}))
    corpus = read_posts(posts_dir, site_config())
    messages = [str(p) for p in corpus.problems]
    assert len(messages) == 2, messages
    assert "ke-hoach.md:" in messages[0] and "document.replaces: \"Kế hoạch cũ\" không phải số ký hiệu văn bản" in messages[0]
    assert "document.replaces: văn bản không thể thay thế chính nó (12/KH-LDLD)" in messages[1]
    assert [p.document.replaces for p in corpus.posts] == [("12/KH-LĐLĐ",)]


# --- the sample site, built -------------------------------------------------------------------------------

PLAN = "2021/07/ke-hoach-263-thuc-hien-chuong-trinh-hanh-dong-09-ctr-tu/"
REVIEW = "2021/12/so-ket-thuc-hien-ke-hoach-263-kh-ldld/"  # cites 263/KH-LĐLĐ, 09-CTr/TU, 02-NQ/TW, 16/CT-TTg
OLD_PLAN = "2025/01/ke-hoach-phat-trien-doan-vien-nam-2025/"  # 05/KH-LĐLĐ, replaced by 98/KH-LĐLĐ
NEW_PLAN = "2025/06/ke-hoach-dieu-chinh-phat-trien-doan-vien-nam-2025/"


def _page(site: Path, url: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def _target(site: Path, url: str, href: str) -> Path:
    return (site / url / href).resolve()


@pytest.mark.build
def test_a_post_citing_a_document_of_the_site_links_its_first_mention_in_the_body(sample_site):
    page = _page(sample_site, REVIEW)
    links = page.select(".news-post__body a.news-citation")
    assert [a.get_text() for a in links] == ["263/KH-LĐLĐ"]  # once; 09-CTr/TU and 02-NQ/TW are not on the site
    assert _target(sample_site, REVIEW, links[0]["href"]) == (sample_site / PLAN).resolve()
    first = links[0].find_parent("p")
    assert "thực hiện Kế hoạch số 263/KH-LĐLĐ ngày 29/7/2021" in first.get_text() and first.find_previous_sibling("p") is None
    assert "263/KH-LĐLĐ" in page.select_one(".news-post__body").get_text().split("Kết quả sau 6 tháng")[1]  # later: text
    assert not page.select("h1 a.news-citation, h2 a.news-citation")


@pytest.mark.build
def test_a_document_page_lists_what_it_cites_and_every_post_citing_it_newest_first(sample_site):
    page = _page(sample_site, PLAN)
    cites = page.select("#van-ban-duoc-nhac-den li")
    assert [li.get_text(" ", strip=True).split(" ")[0] for li in cites] == ["09-CTr/TU", "02-NQ/TW", "16/CT-TTg"]
    assert all("chưa đăng trên trang" in li.get_text() and not li.a for li in cites)
    citing = page.select("#bai-viet-lien-quan-van-ban li a")
    assert page.select_one("#bai-viet-lien-quan-van-ban h2").get_text() == "Bài viết liên quan đến văn bản này"
    assert [_target(sample_site, PLAN, a["href"]) for a in citing] == [(sample_site / u).resolve() for u in (NEW_PLAN, REVIEW)]
    assert not page.select(".news-post__body a.news-citation")  # its own number is never a link to itself


@pytest.mark.build
def test_a_replaced_document_says_so_and_links_what_replaced_it(sample_site):
    page = _page(sample_site, OLD_PLAN)
    note = page.select_one(".news-document__replaced")
    assert note.get_text(" ", strip=True).startswith("Đã được thay thế bởi 98/KH-LĐLĐ")
    assert _target(sample_site, OLD_PLAN, note.a["href"]) == (sample_site / NEW_PLAN).resolve()
    newer = _page(sample_site, NEW_PLAN)
    replaced = newer.select(".news-document__replaces li a")
    assert [a.get_text() for a in replaced] == ["05/KH-LĐLĐ"]
    assert not newer.select(".news-document__replaced")
    cites = [li.get_text(" ", strip=True) for li in newer.select("#van-ban-duoc-nhac-den li")]
    assert [c.split(" ")[0] for c in cites] == ["05/KH-LĐLĐ", "02-NQ/TW", "263/KH-LĐLĐ"]


@pytest.mark.build
def test_the_documents_table_counts_citing_posts_and_shows_the_status(sample_site, sample_model):
    page = _page(sample_site, "van-ban/")
    rows = {r.select_one("td.news-documents__number").get_text(): r for r in page.select("table.news-documents tbody tr")}
    counts = {number: int(r.select_one("td.news-documents__cited").get_text(strip=True)) for number, r in rows.items()}
    assert counts["263/KH-LĐLĐ"] == 2 and counts["05/KH-LĐLĐ"] == 1 and counts["98/KH-LĐLĐ"] == 0
    assert sum(counts.values()) == sum(len(v) for v in sample_model.citations.cited_by.values())
    status = {number: r.select_one("td.news-documents__status").get_text(" ", strip=True) for number, r in rows.items()}
    assert status["05/KH-LĐLĐ"] == "Đã được thay thế bởi 98/KH-LĐLĐ"
    assert {s for n, s in status.items() if n != "05/KH-LĐLĐ"} == {"Hiện hành"}
    assert {r["data-year"] for r in rows.values()} == {str(y) for y in sample_model.documents.years}
    years = [o.get_text() for o in page.select("select[name=nam] option")]
    assert years[0] == "Mọi năm" and years[1:] == sorted(years[1:], reverse=True)


@pytest.mark.browser
def test_the_documents_table_filters_by_year(browser, pages_url, sample_model):
    page = browser.new_page()
    page.goto(pages_url + "van-ban/?nam=2025")
    shown = page.locator("tbody tr:not([hidden])")
    expected = [r for r in sample_model.documents.rows if r.issued.year == 2025]
    assert shown.count() == len(expected) >= 2
    assert page.locator("[data-news-documents-status]").inner_text() == f"Hiển thị {len(expected)}/{len(sample_model.documents.rows)} văn bản"
    page.select_option("select[name=nam]", "2021")
    assert sorted(shown.locator("td.news-documents__number").all_inner_texts()) == sorted(
        r.document.number for r in sample_model.documents.rows if r.issued.year == 2021
    )
    page.locator("th", has_text="Bài viết nhắc đến").locator("button").click()  # sortable like the others
    page.select_option("select[name=nam]", "")
    counts = [int(t) for t in page.locator("td.news-documents__cited").all_inner_texts()]
    assert counts == sorted(counts) and len(counts) == len(sample_model.documents.rows)
    page.close()
