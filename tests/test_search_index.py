import json
from datetime import datetime

from conftest import VN, site_config
from helpers import make_post
from newsroom.model import Document
from newsroom.search import build_search_index, fnv1a
from newsroom.site import build_site
from newsroom.text import tone_key

NOW = datetime(2024, 1, 1, tzinfo=VN)


def index_of(posts):
    site = build_site(posts, site_config(), NOW)
    files = build_search_index(site.posts)
    return site, {path: json.loads(data) for path, data in files.items()}


def postings(files, term):
    meta = files["search/meta.json"]
    shard = files[f"search/s/{fnv1a(term) % meta['s']}.json"]
    flat = shard["p"].get(term, [])
    ids, weights, doc = [], [], 0
    for delta, weight in zip(flat[::2], flat[1::2]):
        doc += delta
        ids.append(doc)
        weights.append(weight)
    return ids, weights, shard["x"].get(term)


def corpus():
    return [
        make_post("dai-hoi", "2023-04-28 16:48", title="Đại hội Công đoàn cơ sở", body="Đại hội công đoàn lần thứ V.", categories=["Đại hội"], unit="CĐCS Sở"),
        make_post("dai-bieu", "2022-05-01 08:00", title="Tin ngắn", body="Buổi họp dài hơi của công đoàn.", tags=["Họp"]),
        make_post("hoa", "2021-07-29 08:00", title="Hoà giải lao động", body="Văn hóa công sở, hòa giải viên.", categories=["Báo cáo"]),
        make_post("nhap", "2023-05-01 08:00", title="Bản nháp công đoàn", body="Bí mật", draft=True),
        make_post("sap-toi", "2025-01-01 08:00", title="Tin công đoàn sắp đăng", body="Sắp tới"),
    ]


def test_fnv1a_matches_the_reference_values():
    assert fnv1a("") == 0x811C9DC5
    assert fnv1a("a") == 0xE40C292C
    assert fnv1a("foobar") == 0xBF9CF968


def test_documents_are_numbered_newest_first_without_drafts_or_scheduled_posts():
    site, files = index_of(corpus())
    meta = files["search/meta.json"]
    assert meta["n"] == 3
    records = [files[f"search/d/0/{i}.json"] for i in range(3)]
    assert [r["u"] for r in records] == ["2023/04/dai-hoi/", "2022/05/dai-bieu/", "2021/07/hoa/"]
    assert not any("nhap" in path or "sap-toi" in path for path in files)
    assert all("Bản nháp" not in json.dumps(v, ensure_ascii=False) and "sắp đăng" not in json.dumps(v, ensure_ascii=False) for v in files.values())
    assert meta["y"] == {"2023": [0, 1], "2022": [1, 2], "2021": [2, 3]}


def test_words_and_word_pairs_are_folded_and_weighted():
    _, files = index_of(corpus())
    ids, weights, _ = postings(files, "cong doan")
    assert ids == [0, 1]
    assert weights[0] >= 16 and weights[1] < 16  # in the title of post 0 only
    ids, _, _ = postings(files, "dai")
    assert ids == [0, 1]
    assert postings(files, "công")[0] == []  # only folded terms are keys


def test_a_document_s_own_number_is_marked_apart_from_titles_that_cite_it():
    plan = make_post("ke-hoach", "2021-07-29 08:00", title="Kế hoạch thực hiện Chương trình", body="Nội dung.", document=Document(type="Kế hoạch", number="263/KH-LĐLĐ"))
    report = make_post("so-ket", "2021-12-20 08:00", title="Sơ kết Kế hoạch 263/KH-LĐLĐ", body="Thực hiện Kế hoạch 263/KH-LĐLĐ, 263/KH-LĐLĐ.")
    _, files = index_of([report, plan])
    ids, weights, _ = postings(files, "263 kh")
    assert ids == [0, 1]
    assert 16 <= weights[0] < 32 <= weights[1]  # the report cites it in its title; the plan is it


def test_spelling_variants_record_which_posts_use_which_diacritics():
    _, files = index_of(corpus())
    _, _, variants = postings(files, "dai")
    assert variants["d"] == tone_key("đại")
    assert variants["m"] == {tone_key("dài"): [1]}
    assert variants["n"] == [1]  # post 1 has "dài" but not "đại"
    _, _, hoa = postings(files, "hoa")
    # "Hoà" and "hòa" (old and new tone placement) are one spelling; "hóa" is another
    assert {hoa["d"], *hoa["m"]} == {tone_key("hòa"), tone_key("hoà"), tone_key("hóa")}
    assert len({hoa["d"], *hoa["m"]}) == 2


def test_records_carry_what_a_result_shows():
    posts = corpus()
    posts[0] = make_post("dai-hoi", "2023-04-28 16:48", title="Kế hoạch", body="**Nội dung** [chính](x.md).", document=None)
    _, files = index_of(posts)
    record = files["search/d/0/0.json"]
    assert record == {"u": "2023/04/dai-hoi/", "t": "Kế hoạch", "d": "28/04/2023", "c": "Tin tức - Sự kiện", "n": "LĐLĐ tỉnh Lai Châu", "x": "Nội dung chính."}


def test_filters_list_categories_and_units_with_their_posts():
    _, files = index_of(corpus())
    meta = files["search/meta.json"]
    assert ["dai-hoi", "Đại hội", 1] in meta["c"] and ["bao-cao", "Báo cáo", 1] in meta["c"]
    assert ["cdcs-so", "CĐCS Sở", 1] in meta["u"]
    assert files["search/f/u-ldld-tinh-lai-chau.json"] == [1, 1]  # ids 1 and 2, delta-encoded
    assert meta["l"]["search_results"] == "{count} bài viết phù hợp"


def test_shard_count_grows_with_the_index():
    small = index_of(corpus())[1]["search/meta.json"]["s"]
    many = [make_post(f"p{i}", f"2020-01-{1 + i % 28:02d} 08:00", body=" ".join(f"từ{i}x{j}" for j in range(300))) for i in range(60)]
    large = index_of(many)[1]["search/meta.json"]["s"]
    assert small == 8 and large > small
