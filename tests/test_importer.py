"""The importer: every seed with every field it must read, and the variants offices send us."""

import io
import re
import unicodedata
from datetime import date, datetime

import docx
import pytest
from conftest import ROOT, VN, site_config
from newsroom.importer import ImportFailed, ImportOptions, convert
from newsroom.importer.casing import name_case, truecase
from newsroom.importer.dates import option_moment, page_moment, title_month
from newsroom.importer.official import type_of_number
from newsroom.writer import plan, post_text, problems_in

SEEDS = ROOT.parent / "shared" / "seeds"
FIXTURES = ROOT / "tests" / "fixtures"
CATEGORIES = [
    "Tin tức - Sự kiện", "Báo cáo", "Kế hoạch", "Thông báo", "Đại hội", "Kết quả nổi bật", "Chăm lo đoàn viên",
    "An toàn vệ sinh lao động",
]  # fmt: skip
SETTINGS = site_config(categories=CATEGORIES, publisher={"organisation": "Liên đoàn Lao động tỉnh Lai Châu"})


def imported(path, **options):
    return convert(path, SETTINGS, ImportOptions(**options), path.name)


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def assert_valid(post, tmp_path):
    """The post passes the build's own validation, at the path the writer would give it."""
    posts_dir = tmp_path / "posts"
    target = plan(posts_dir, post, set())
    assert problems_in(post_text(post), target.path, posts_dir, SETTINGS, "x.md") == []


def to_cp1258(text):
    """Windows-1258 bytes as Word and Notepad write them: tone marks as separate combining characters."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", char)
        tones = [m for m in parts if m in "\u0300\u0301\u0303\u0309\u0323"]
        out.append(unicodedata.normalize("NFC", "".join(m for m in parts if m not in tones)) + "".join(tones))
    return "".join(out).encode("cp1258")


# --- the seeds --------------------------------------------------------------------------------------------------


def test_seed_plan_263_every_field(tmp_path):
    post = imported(SEEDS / "ke-hoach-263-KH-LDLD-lai-chau-2021.txt")
    assert post.title == (
        "Kế hoạch thực hiện Chương trình hành động số 09-CTr/TU của Tỉnh ủy về thực hiện Nghị quyết "
        "Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"
    )
    assert post.date == datetime(2021, 7, 29, tzinfo=VN) and not post.has_time
    assert post.date_source == "document"
    assert post.categories == ("Kế hoạch",)
    assert post.unit == "LĐLĐ tỉnh Lai Châu"  # no issuing body in the copy: the site's own unit
    assert post.authors == ()
    document = post.document
    assert document.type == "Kế hoạch"
    assert document.number == "263/KH-LĐLĐ"
    assert document.place == "Lai Châu"
    assert document.issued == date(2021, 7, 29)
    assert document.signer == "Nguyễn Thị Thiện"
    assert document.signer_title == "TM. Ban Thường vụ - Chủ tịch"
    assert document.recipients == (
        "Ban Thường vụ Tỉnh ủy",
        "Tổng Liên đoàn Lao động Việt Nam",
        "Các Ban Đảng, Văn phòng Tỉnh ủy",
        "Ủy ban MTTQ Việt Nam tỉnh",
        "Các LĐLĐ huyện, thành phố; CĐN; CĐVC",
        "Các Ban LĐLĐ tỉnh",
        "Lưu: VT",
    )
    body = post.body
    assert body.startswith("Thực hiện Chương trình hành động số 09-CTr/TU ngày 19/7/2021 của Tỉnh ủy Lai Châu")
    headings = [line for line in body.split("\n") if line.startswith("#")]
    assert headings == [
        "## I. MỤC ĐÍCH, YÊU CẦU",
        "## II. NỘI DUNG",
        "### 1. Mục tiêu chung",
        "### 2. Chỉ tiêu cụ thể",
        "### 3. Nhiệm vụ và giải pháp",
        "## III. TỔ CHỨC THỰC HIỆN",
        "### 1. Liên đoàn Lao động tỉnh",
        "### 2. Liên đoàn Lao động các huyện, thành phố, Công đoàn Ngành, Công đoàn Viên chức",
    ]
    assert "\n1. Cụ thể hóa các quan điểm" in body and "\n3. Phát huy tinh thần trách nhiệm" in body
    assert "\n2.9. Trong nhiệm kỳ" in body and "\n3.10. Ban Thường vụ LĐLĐ tỉnh" in body
    assert "\n- Xây dựng kế hoạch và chỉ đạo các cấp công đoàn" in body
    # sentences the copy cut at a page break are whole again
    assert "đẩy mạnh phát triển đoàn viên, thành lập CĐCS" in body
    assert "phát huy dân chủ đi đôi với tăng cường kỷ luật" in body
    for footer in ("Nơi nhận", "Lưu: VT", "TM. BAN", "CHỦ TỊCH**", "Nguyễn Thị Thiện", "**"):
        assert footer not in body
    assert_valid(post, tmp_path)


def test_seed_monthly_highlights_article_every_field(tmp_path):
    post = imported(SEEDS / "ket-qua-noi-bat-thang-4-2019-cao-bang.txt")
    assert post.title == "Một số kết quả nổi bật tháng 4 năm 2019"
    assert post.date == datetime(2019, 4, 27, 14, 23, tzinfo=VN) and post.has_time
    assert post.date_source == "page"
    assert post.categories == ("Tin tức - Sự kiện",)
    assert post.unit == "LĐLĐ tỉnh Lai Châu"
    assert post.authors == ("Bàn Thương – Văn phòng LĐLĐ tỉnh",)
    assert post.document is None
    body = post.body
    assert body.startswith("Năm 2019 có ý nghĩa đặc biệt quan trọng")
    assert "\n\nBan Thường vụ Liên đoàn Lao động (LĐLĐ) tỉnh Cao Bằng" in body
    items = [line for line in body.split("\n") if line.startswith("- ")]
    assert len(items) == 9 and items[0].startswith("- Tiếp tục đẩy mạnh công tác tuyên truyền")
    assert "Tổ chức phát động" in body  # runs of spaces from the portal are gone
    for debris in (
        "Đăng lúc",
        "Người đăng",
        "Tác giả bài viết",
        "Đánh giá bài viết",
        "Tổng số điểm",
        "Click để",
        "Ý kiến bạn đọc",
    ):
        assert debris not in body
    assert_valid(post, tmp_path)


def test_seed_congress_article_every_field(tmp_path):
    post = imported(SEEDS / "dai-hoi-cdcs-so-ldtbxh-lai-chau-2023.txt")
    assert post.title == (
        "Công đoàn cơ sở Sở Lao động - Thương binh và Xã hội tổ chức thành công Đại hội lần thứ V, nhiệm kỳ 2023-2028"
    )
    assert post.date == datetime(2023, 4, 28, 16, 48, tzinfo=VN) and post.has_time  # 4:48:27 CH
    assert post.categories == ("Tin tức - Sự kiện",)
    assert post.unit == "LĐLĐ tỉnh Lai Châu"
    assert post.authors == ()
    assert post.document is None
    body = post.body
    assert body.startswith("Thực hiện Kế hoạch số 85/KH-CĐVC ngày 02/6/2022")
    assert "\n1. Tăng cường công tác tuyên truyền" in body and "\n6. Thực hiện tốt công tác bầu cử" in body
    # image captions the portal numbered 7, 8, 9 are captions again
    assert "\n*Đ/c Nùng Văn Nim- Phó Bí thư Đảng ủy- Phó Giám đốc Sở phát biểu chỉ đạo Đại hội*\n" in body
    assert "\n*đ/c Nguyễn Thị Thủy - PGĐ Sở Phát biểu tham gia với Đại hội*\n" in body
    assert "\n*Chia tay BCH khóa cũ*\n" in body and body.endswith("\n*Văn nghệ chào mừng ĐH*\n")
    assert not re.search(r"^[789]\\?\.", body, re.MULTILINE)
    for debris in (
        "Trang chủ",
        "Ngày đăng",
        "Tin liên quan",
        "Trao tặng quà",
        "Người đang Online",
        "Địa chỉ:",
        "Ghi rõ nguồn",
    ):
        assert debris not in body
    assert "\n...\n" not in body
    assert any("phần thừa" in note for note in post.notes)
    assert_valid(post, tmp_path)


# --- official documents: the variants ---------------------------------------------------------------------------

HEADER = (
    "TỔNG LĐLĐ VIỆT NAM\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU\t\tĐộc lập - Tự do - Hạnh phúc\n"
    "----------\t\t--------------------\n"
)


def official(tmp_path, header=HEADER, number="Số: 45/BC-LĐLĐ", place_date="Lai Châu, ngày 3 tháng 8 năm 2022",
             kind="BÁO CÁO", summary="Kết quả hoạt động công đoàn tháng 7 năm 2022",
             body="I. KẾT QUẢ\n\n1. Phát triển 72 đoàn viên mới, đạt 65% kế hoạch năm.\n",
             footer="Nơi nhận:\n- Tổng LĐLĐ Việt Nam;\n- Lưu: VT.\n\nTM. BAN THƯỜNG VỤ\nCHỦ TỊCH\n\nNguyễn Thị Thiện\n",
             **options):  # fmt: skip
    lines = [
        header,
        f"{number}\t\t{place_date}\n" if number or place_date else "",
        f"\n{kind}\n{summary}\n\n",
        body,
        "\n",
        footer,
    ]
    return imported(write(tmp_path, "van-ban.txt", "".join(lines)), **options)


def test_issuing_body_parent_and_national_header_lines(tmp_path):
    post = official(tmp_path)
    assert post.parent == "Tổng LĐLĐ Việt Nam"
    assert post.issuer == "Liên đoàn Lao động tỉnh Lai Châu"
    assert post.unit == "LĐLĐ tỉnh Lai Châu"  # the site itself: its own spelling
    assert post.document.number == "45/BC-LĐLĐ" and post.document.type == "Báo cáo"
    assert post.title == "Báo cáo kết quả hoạt động công đoàn tháng 7 năm 2022"
    assert post.categories == ("Báo cáo",)
    for header in ("CỘNG HÒA", "Độc lập", "LIÊN ĐOÀN", "Số:", "ngày 3 tháng 8", "---"):
        assert header not in post.body
    assert post.body == "## I. KẾT QUẢ\n\n1. Phát triển 72 đoàn viên mới, đạt 65% kế hoạch năm.\n"
    assert_valid(post, tmp_path)


def test_an_other_issuing_body_becomes_the_unit(tmp_path):
    header = "LĐLĐ TỈNH LAI CHÂU\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nLĐLĐ HUYỆN TAM ĐƯỜNG\t\tĐộc lập - Tự do - Hạnh phúc\n"
    post = official(tmp_path, header=header, number="Số: 7/KH-LĐLĐ", place_date="Tam Đường, ngày 2 tháng 3 năm 2024")
    assert (post.parent, post.issuer, post.unit) == (
        "LĐLĐ tỉnh Lai Châu",
        "LĐLĐ huyện Tam Đường",
        "LĐLĐ huyện Tam Đường",
    )
    assert post.document.place == "Tam Đường"
    assert any("Tam Đường" in note and "--unit" in note for note in post.notes)


def test_an_organ_of_the_body_issues_as_the_body(tmp_path):
    header = "LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU\nBAN CHẤP HÀNH\n"
    post = official(tmp_path, header=header, number="Số: 01-NQ/LĐLĐ", kind="NGHỊ QUYẾT", summary="Về công tác năm 2024")
    assert post.unit == "LĐLĐ tỉnh Lai Châu"
    assert post.document.type == "Nghị quyết"


@pytest.mark.parametrize(
    "number, kind",
    [
        ("263/KH-LĐLĐ", "Kế hoạch"),
        ("45/BC-LĐLĐ", "Báo cáo"),
        ("01-NQ/LĐLĐ", "Nghị quyết"),
        ("10/QĐ-LĐLĐ", "Quyết định"),
        ("3/QyĐ-LĐLĐ", "Quy định"),
        ("05/CT-UBND", "Chỉ thị"),
        ("09-CTr/TU", "Chương trình"),
        ("12/TB-LĐLĐ", "Thông báo"),
        ("4/HD-LĐLĐ", "Hướng dẫn"),
        ("7/TTr-LĐLĐ", "Tờ trình"),
        ("05/2021/NQ-HĐND", "Nghị quyết"),
        ("12/LĐLĐ-VP", "Công văn"),
        ("15/kh-LĐLĐ", "Công văn"),  # type codes are case-sensitive: "kh" is no code
        ("09-Ctr/TU", ""),
        ("263", ""),
    ],
)
def test_type_codes_are_case_sensitive(number, kind):
    assert type_of_number(number) == kind


def test_cong_van_has_no_type_code_and_a_v_v_line(tmp_path):
    text = (
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Số: 12/LĐLĐ-VP\t\tLai Châu, ngày 5 tháng 3 năm 2022\n"
        "V/v tổ chức các hoạt động\nchào mừng ngày Quốc tế Phụ nữ 8/3\n\n"
        "Kính gửi: Các công đoàn cơ sở trực thuộc.\n\nĐề nghị các đơn vị tổ chức các hoạt động thiết thực.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nLò Văn Dũng\n"
    )
    post = imported(write(tmp_path, "cv.txt", text))
    assert post.document.type == "Công văn" and post.document.number == "12/LĐLĐ-VP"
    assert post.title == "Công văn về việc tổ chức các hoạt động chào mừng ngày Quốc tế Phụ nữ 8/3"
    assert (
        post.body
        == "Kính gửi: Các công đoàn cơ sở trực thuộc.\n\nĐề nghị các đơn vị tổ chức các hoạt động thiết thực.\n"
    )
    assert post.document.signer_title == "KT. Chủ tịch - Phó Chủ tịch"
    assert post.categories == ("Tin tức - Sự kiện",)
    assert_valid(post, tmp_path)


@pytest.mark.parametrize(
    "line, place, issued",
    [
        ("Lai Châu, ngày 29 tháng 7 năm 2021", "Lai Châu", date(2021, 7, 29)),
        ("Thị xã Mường Lay, ngày 05 tháng 03 năm 2022", "Thị xã Mường Lay", date(2022, 3, 5)),
        ("Thành phố Lai Châu, ngày 1 tháng 12 năm 2020", "Thành phố Lai Châu", date(2020, 12, 1)),
        ("Tam Đường ngày 9 tháng 1 năm 2024", "Tam Đường", date(2024, 1, 9)),
        ("Lai Chau, ngay 29 thang 7 nam 2021", "Lai Chau", date(2021, 7, 29)),
    ],
)
def test_place_and_date_line(tmp_path, line, place, issued):
    post = official(tmp_path, place_date=line)
    assert (post.document.place, post.document.issued) == (place, issued)
    assert post.date == datetime.combine(issued, datetime.min.time(), tzinfo=VN)


@pytest.mark.parametrize(
    "kind, category",
    [("BÁO CÁO", "Báo cáo"), ("KẾ HOẠCH", "Kế hoạch"), ("THÔNG BÁO", "Thông báo")],
)
def test_document_types_with_a_category_of_their_own(tmp_path, kind, category):
    post = official(tmp_path, number="Số: 9/LĐLĐ", kind=kind)
    assert post.document.type == category and post.categories == (category,)
    assert not any("chuyên mục riêng" in note for note in post.notes)


@pytest.mark.parametrize(
    "kind, name", [("NGHỊ QUYẾT", "Nghị quyết"), ("QUYẾT ĐỊNH", "Quyết định"), ("TỜ TRÌNH", "Tờ trình")]
)
def test_types_without_a_category_fall_back_to_news_and_say_so(tmp_path, kind, name):
    post = official(tmp_path, number="Số: 9/LĐLĐ", kind=kind, summary="Về việc khen thưởng năm 2022")
    assert post.categories == ("Tin tức - Sự kiện",)
    assert post.document.type == name
    assert post.title == f"{name} về việc khen thưởng năm 2022"
    assert any(f'"{name}"' in note and "Tin tức - Sự kiện" in note for note in post.notes)
    assert_valid(post, tmp_path)


@pytest.mark.parametrize(
    "footer, recipients",
    [
        ("Nơi nhận:\n- Như trên;\n- Lưu: VT.\n", ("Như trên", "Lưu: VT")),
        ("Noi nhan:\n- Như trên;\n- Lưu: VT.\n", ("Như trên", "Lưu: VT")),
        ("*Nơi nhận:*\n- Như trên;\n- Ban Thường vụ Tỉnh ủy\n(để báo cáo);\n- Lưu: VT, VP.\n",
         ("Như trên", "Ban Thường vụ Tỉnh ủy (để báo cáo)", "Lưu: VT, VP")),
        ("Nơi nhận: - Như trên; - Lưu VT.\n", ("Như trên", "Lưu VT")),
    ],
)  # fmt: skip
def test_recipients_go_to_the_document_block_not_the_body(tmp_path, footer, recipients):
    post = official(tmp_path, footer=footer + "\nTM. BAN THƯỜNG VỤ\nCHỦ TỊCH\n\nNguyễn Thị Thiện\n")
    assert post.document.recipients == recipients
    assert "Như trên" not in post.body and "nhận" not in post.body.lower()


@pytest.mark.parametrize(
    "block, title, signer",
    [
        ("**TM. BAN THƯỜNG VỤ\nCHỦ TỊCH**\n\n\n\nNguyễn Thị Thiện", "TM. Ban Thường vụ - Chủ tịch", "Nguyễn Thị Thiện"),
        ("**TM. BAN THƯỜNG VỤ**\n**CHỦ TỊCH**\n\n**Nguyễn Thị Thiện**", "TM. Ban Thường vụ - Chủ tịch", "Nguyễn Thị Thiện"),
        ("T.M BAN CHẤP HÀNH\nCHỦ TỊCH\n\nNGUYỄN THỊ THIỆN", "TM. Ban Chấp hành - Chủ tịch", "Nguyễn Thị Thiện"),
        ("T.M. BAN THƯỜNG VỤ\nPHÓ CHỦ TỊCH\n\nLò Văn Dũng", "TM. Ban Thường vụ - Phó Chủ tịch", "Lò Văn Dũng"),
        ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n[Handwritten signature of Lò Văn Dũng]\n\nLò Văn Dũng", "KT. Chủ tịch - Phó Chủ tịch", "Lò Văn Dũng"),
        ("CHỦ TỊCH\n\n(Đã ký)\n\nGiàng A Páo", "Chủ tịch", "Giàng A Páo"),
    ],
)  # fmt: skip
def test_signing_block_variants(tmp_path, block, title, signer):
    post = official(tmp_path, footer="Nơi nhận:\n- Lưu: VT.\n\n" + block + "\n")
    assert (post.document.signer_title, post.document.signer) == (title, signer)
    assert "signature" not in post.body and "Đã ký" not in post.body and signer not in post.body


def test_signing_block_before_the_recipients(tmp_path):
    post = official(
        tmp_path, footer="TM. BAN THƯỜNG VỤ\nCHỦ TỊCH\n\nNguyễn Thị Thiện\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n"
    )
    assert post.document.signer == "Nguyễn Thị Thiện" and post.document.recipients == ("Như trên", "Lưu: VT")


def test_no_signer_is_said(tmp_path):
    post = official(tmp_path, footer="Nơi nhận:\n- Lưu: VT.\n")
    assert post.document.signer == "" and any("người ký" in note for note in post.notes)


def test_without_number_and_date_the_date_comes_from_the_title(tmp_path):
    post = official(tmp_path, header="", number="", place_date="", summary="Kết quả hoạt động tháng 7 năm 2021")
    assert post.date == datetime(2021, 7, 1, tzinfo=VN) and post.date_source == "title"
    assert post.date_found == "tháng 7 năm 2021"
    assert post.document.issued is None and post.document.number == ""
    assert post.title == "Báo cáo kết quả hoạt động tháng 7 năm 2021"
    assert_valid(post, tmp_path)


def test_without_number_and_date_the_date_comes_from_the_option(tmp_path):
    options = {"date": datetime(2021, 8, 2, 9, 30), "has_time": True}
    post = official(
        tmp_path, header="", number="", place_date="", summary="Kết quả hoạt động tháng 7 năm 2021", **options
    )
    assert post.date == datetime(2021, 8, 2, 9, 30, tzinfo=VN) and post.has_time and post.date_source == "option"


def test_the_option_date_wins_but_the_document_keeps_its_own(tmp_path):
    post = official(tmp_path, date=datetime(2022, 8, 5))
    assert post.date == datetime(2022, 8, 5, tzinfo=VN) and post.document.issued == date(2022, 8, 3)


def test_no_date_anywhere_is_an_error(tmp_path):
    with pytest.raises(ImportFailed, match="--date"):
        official(tmp_path, header="", number="", place_date="", summary="Kết quả hoạt động công đoàn")


def test_trich_yeu_in_capitals_gets_normal_case(tmp_path):
    post = official(
        tmp_path,
        summary="TỔNG KẾT CÔNG TÁC CÔNG ĐOÀN NĂM 2022 TẠI TỈNH LAI CHÂU",
        body="Năm 2022, Liên đoàn Lao động tỉnh Lai Châu đã hoàn thành các chỉ tiêu.\n",
    )
    assert post.title == "Báo cáo tổng kết công tác công đoàn năm 2022 tại tỉnh Lai Châu"


def test_sections_become_headings_and_numbered_runs_lists(tmp_path):
    body = (
        "PHẦN I\n\nI. MỤC ĐÍCH, YÊU CẦU:\n\n1. Cụ thể hóa các chỉ tiêu của Đại hội.\n2. Bảo đảm thiết thực, hiệu quả.\n\n"
        "II. NỘI DUNG\n\n1. Mục tiêu chung\n\nNâng cao chất lượng hoạt động.\n\n2. Chỉ tiêu cụ thể\n\n"
        "2.1. Mục tiêu phát triển\n\n2.2. Hằng năm, 98% đoàn viên được học tập nghị quyết.\n\n"
        "a) Công đoàn cơ sở tổ chức học tập.\n\n- Tuyên truyền;\n+ qua mạng xã hội;\n+ qua hội nghị.\n\n"
        "Điều 3. Hiệu lực thi hành\n\n4. Một mục lẻ đánh số bốn, dài hơn một tiêu đề nên vẫn là một đoạn văn.\n"
    )
    post = official(tmp_path, body=body)
    assert post.body.split("\n\n") == [
        "## PHẦN I",
        "## I. MỤC ĐÍCH, YÊU CẦU",
        "1. Cụ thể hóa các chỉ tiêu của Đại hội.\n2. Bảo đảm thiết thực, hiệu quả.",
        "## II. NỘI DUNG",
        "### 1. Mục tiêu chung",
        "Nâng cao chất lượng hoạt động.",
        "### 2. Chỉ tiêu cụ thể",
        "#### 2.1. Mục tiêu phát triển",
        "2.2. Hằng năm, 98% đoàn viên được học tập nghị quyết.",
        "a) Công đoàn cơ sở tổ chức học tập.",
        "- Tuyên truyền;\n    - qua mạng xã hội;\n    - qua hội nghị.",
        "### Điều 3. Hiệu lực thi hành",
        "4\\. Một mục lẻ đánh số bốn, dài hơn một tiêu đề nên vẫn là một đoạn văn.\n",
    ]


def test_docx_made_in_the_test(tmp_path):
    document = docx.Document()
    header = document.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "TỔNG LĐLĐ VIỆT NAM\nLIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    header.cell(1, 0).text = "Số: 45/BC-LĐLĐ"
    header.cell(1, 1).text = "Lai Châu, ngày 3 tháng 8 năm 2022"
    document.add_paragraph().add_run("BÁO CÁO").bold = True
    document.add_paragraph().add_run("Kết quả hoạt động công đoàn tháng 7 năm 2022").bold = True
    document.add_heading("I. KẾT QUẢ ĐẠT ĐƯỢC", level=1)
    paragraph = document.add_paragraph("Trong tháng, các cấp công đoàn đã ")
    paragraph.add_run("hoàn thành").bold = True
    paragraph.add_run(" các chỉ tiêu đề ra.")
    document.add_paragraph("Phát triển mới 72 đoàn viên;", style="List Bullet")
    document.add_paragraph("Thành lập 3 công đoàn cơ sở.", style="List Bullet")
    table = document.add_table(rows=3, cols=2)
    for row, cells in enumerate([("Chỉ tiêu", "Kết quả"), ("Đoàn viên mới", "72"), ("CĐCS mới", "3")]):
        table.cell(row, 0).text, table.cell(row, 1).text = cells
    document.add_heading("II. PHƯƠNG HƯỚNG THÁNG 8", level=1)
    document.add_paragraph("Tiếp tục tổ chức Tháng Công nhân.", style="List Number")
    document.add_paragraph("Chăm lo đoàn viên khó khăn.", style="List Number")
    footer = document.add_table(rows=1, cols=2)
    footer.cell(0, 0).text = "Nơi nhận:\n- Tổng LĐLĐ Việt Nam;\n- Thường trực Tỉnh ủy;\n- Lưu: VT, VP."
    footer.cell(0, 1).text = "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n[Handwritten signature]\n\nLÒ VĂN DŨNG"
    buffer = io.BytesIO()
    document.save(buffer)
    post = imported(write(tmp_path, "bao-cao.docx", buffer.getvalue()))

    assert post.title == "Báo cáo kết quả hoạt động công đoàn tháng 7 năm 2022"
    assert post.date == datetime(2022, 8, 3, tzinfo=VN) and post.categories == ("Báo cáo",)
    assert (post.parent, post.issuer, post.unit) == (
        "Tổng LĐLĐ Việt Nam",
        "Liên đoàn Lao động tỉnh Lai Châu",
        "LĐLĐ tỉnh Lai Châu",
    )
    assert post.document.number == "45/BC-LĐLĐ" and post.document.place == "Lai Châu"
    assert (post.document.signer_title, post.document.signer) == ("KT. Chủ tịch - Phó Chủ tịch", "Lò Văn Dũng")
    assert post.document.recipients == ("Tổng LĐLĐ Việt Nam", "Thường trực Tỉnh ủy", "Lưu: VT, VP")
    assert post.body == (
        "## I. KẾT QUẢ ĐẠT ĐƯỢC\n\n"
        "Trong tháng, các cấp công đoàn đã **hoàn thành** các chỉ tiêu đề ra.\n\n"
        "- Phát triển mới 72 đoàn viên;\n- Thành lập 3 công đoàn cơ sở.\n\n"
        "| Chỉ tiêu | Kết quả |\n| --- | --- |\n| Đoàn viên mới | 72 |\n| CĐCS mới | 3 |\n\n"
        "## II. PHƯƠNG HƯỚNG THÁNG 8\n\n"
        "1. Tiếp tục tổ chức Tháng Công nhân.\n2. Chăm lo đoàn viên khó khăn.\n"
    )
    assert post.format == "tệp Word .docx"
    assert_valid(post, tmp_path)


# --- web articles: the variants ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, moment",
    [
        ("Đăng lúc: Thứ bảy - 27/04/2019 14:23", datetime(2019, 4, 27, 14, 23)),
        ("(Ngày đăng :28/04/2023 4:48:27 CH)", datetime(2023, 4, 28, 16, 48)),
        ("(Ngày đăng :28/04/2023 12:05:00 SA)", datetime(2023, 4, 28, 0, 5)),
        ("(Ngày đăng :28/04/2023 12:05:00 CH)", datetime(2023, 4, 28, 12, 5)),
        ("Cập nhật lúc 03:36 ngày 10/10/2015", datetime(2015, 10, 10, 3, 36)),
        ("Thứ năm, 10/10/2015 - 15:36", datetime(2015, 10, 10, 15, 36)),
    ],
)
def test_article_date_lines(tmp_path, line, moment):
    text = f"Trang chủ Tin tức sự kiện\nCông đoàn tỉnh trao quà Tết Sum vầy\n{line}\nSáng nay, công đoàn tỉnh trao 100 suất quà.\n"
    post = imported(write(tmp_path, "tin.txt", text))
    assert post.title == "Công đoàn tỉnh trao quà Tết Sum vầy"
    assert post.date == moment.replace(tzinfo=VN) and post.has_time
    assert post.body == "Sáng nay, công đoàn tỉnh trao 100 suất quà.\n"


def test_article_poster_is_the_author_when_no_author_is_named(tmp_path):
    text = "Trao quà Tết\nĐăng lúc: Thứ hai - 01/02/2021 08:00 - Người đăng bài viết: Văn phòng LĐLĐ\nNội dung bài.\n"
    assert imported(write(tmp_path, "tin.txt", text)).authors == ("Văn phòng LĐLĐ",)


def test_article_portal_debris_without_related_list_is_dropped(tmp_path):
    text = (
        "Trang chủ » Tin tức\nTrao quà Tết Sum vầy\nCập nhật lúc 03:36 ngày 10/10/2015\n"
        "Đoạn một của bài viết.\nĐánh giá bài viết\nTổng số điểm của bài viết là: 5 trong 1 đánh giá\n"
        "Đoạn hai của bài viết.\nTác giả bài viết: Quàng Văn Hưng\nLượt xem: 1234\n25 Người đang Online\n"
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU\nĐịa chỉ: Tầng 4, Nhà B\nĐT: 0213 3876 123\nEmail: vp@ldld.vn\n"
        "Ghi rõ nguồn khi phát hành lại thông tin từ website này.\n"
    )
    post = imported(write(tmp_path, "tin.txt", text))
    assert post.body == "Đoạn một của bài viết.\n\nĐoạn hai của bài viết.\n"
    assert post.authors == ("Quàng Văn Hưng",) and post.date == datetime(2015, 10, 10, 3, 36, tzinfo=VN)


def test_saved_portal_html_page():
    post = imported(FIXTURES / "nukeviet-dai-hoi.html")
    assert post.title == "Đại hội Công đoàn Trường THPT Chuyên Lê Quý Đôn nhiệm kỳ 2023-2028"
    assert post.date == datetime(2023, 4, 27, 9, 15, tzinfo=VN)
    assert post.authors == ("Nguyễn Văn An - CĐCS Trường THPT Chuyên",)
    assert post.categories == ("Tin tức - Sự kiện",) and post.document is None
    assert post.body.split("\n\n") == [
        "Sáng 27/4, Công đoàn cơ sở Trường THPT Chuyên Lê Quý Đôn tổ chức Đại hội lần thứ IV, nhiệm kỳ 2023-2028.",
        "Dự Đại hội có đồng chí Trần Thị Hoa, Phó Chủ tịch Công đoàn Viên chức tỉnh; lãnh đạo nhà trường và 62 "
        "đoàn viên công đoàn Trường THPT Chuyên Lê Quý Đôn.",
        "*Toàn cảnh Đại hội*",
        "**Kết quả nhiệm kỳ 2017-2023**",
        "Nhiệm kỳ qua, Công đoàn Trường THPT Chuyên Lê Quý Đôn đã thực hiện tốt chức năng đại diện, chăm lo "
        "quyền lợi của đoàn viên:",
        "- 100% đoàn viên được học tập nghị quyết;\n- thăm hỏi 45 lượt đoàn viên ốm đau, hoạn nạn;\n"
        "- giới thiệu 6 đoàn viên ưu tú cho Đảng.",
        "| **Chỉ tiêu** | **Kết quả** |\n| --- | --- |\n| Đoàn viên được học tập nghị quyết | 100% |\n"
        "| Sáng kiến kinh nghiệm | 24 |",
        "Đại hội đã bầu Ban Chấp hành khóa mới gồm 5 đồng chí; đồng chí Lê Văn Bình được bầu giữ chức Chủ tịch. "
        "Xem thêm tại [Báo Lao Động](https://www.congdoan.vn/tin-tuc/dai-hoi.html).\n",
    ]
    assert any("2 ảnh" in note for note in post.notes)  # the article's pictures, not the site logo


def test_html_without_a_page_title_uses_its_main_heading(tmp_path):
    page = (
        '<div id="menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/gt">Giới thiệu chung</a></li></ul></div>'
        "<div class='breadcrumb'>Trang chủ &raquo; Tin tức sự kiện</div>"
        "<h2>Công đoàn huyện trao quà cho đoàn viên</h2><div>Cập nhật lúc 03:36 ngày 10/10/2015</div>"
        "<p>Sáng 9/10, Công đoàn huyện trao 50 suất quà.</p><div>Lượt xem: 120</div>"
    )
    post = imported(write(tmp_path, "tin.htm", page))
    assert post.title == "Công đoàn huyện trao quà cho đoàn viên"
    assert post.body == "Sáng 9/10, Công đoàn huyện trao 50 suất quà.\n"
    assert post.date == datetime(2015, 10, 10, 3, 36, tzinfo=VN)


def test_html_in_windows_1258_with_its_charset_declared(tmp_path):
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head><body>'
    page += "<h1>Trao quà Tết Sum vầy</h1><p>Ngày đăng: 02/02/2024</p><p>Công đoàn tỉnh trao quà.</p></body></html>"
    post = imported(write(tmp_path, "tin.html", to_cp1258(page)))
    assert post.title == "Trao quà Tết Sum vầy" and post.body == "Công đoàn tỉnh trao quà.\n"
    assert post.date == datetime(2024, 2, 2, tzinfo=VN) and not post.has_time


# --- encodings, line endings, bad input ------------------------------------------------------------------------

ARTICLE = (
    "Trao quà Tết Sum vầy cho đoàn viên\r\nĐăng lúc: Thứ hai - 01/02/2021 08:00\r\nCông đoàn tỉnh trao quà Tết.\r\n"
)


@pytest.mark.parametrize(
    "raw, encoding, guessed",
    [
        (ARTICLE.encode("utf-8"), "UTF-8", False),
        (ARTICLE.encode("utf-8-sig"), "UTF-8", False),
        (unicodedata.normalize("NFD", ARTICLE).encode("utf-8"), "UTF-8", False),
        (ARTICLE.encode("utf-16"), "UTF-16", False),
        (ARTICLE.encode("utf-16-le"), "UTF-16", True),
        (to_cp1258(ARTICLE), "Windows-1258", True),
    ],
    ids=["utf-8", "utf-8-bom", "nfd", "utf-16-bom", "utf-16-no-bom", "windows-1258"],
)
def test_encodings_and_line_endings(tmp_path, raw, encoding, guessed):
    post = imported(write(tmp_path, "tin.txt", raw))
    assert post.title == "Trao quà Tết Sum vầy cho đoàn viên"
    assert post.body == "Công đoàn tỉnh trao quà Tết.\n"
    assert unicodedata.is_normalized("NFC", post.title + post.body) and "\r" not in post.body
    assert encoding in post.format
    assert any(encoding in note and "đoán" in note for note in post.notes) == guessed


@pytest.mark.parametrize(
    "name, raw, words",
    [
        (
            "tcvn3.txt",
            b"Li\xaan \xae\xa8o\xb5n Lao \xae\xe9ng t\xdenh Lai Ch\xa9u\r\n\xae\xa9y l\xb5 b\xb5i vi\xd5t.\r\n",
            "UTF-8",
        ),
        ("rong.txt", b"  \r\n\r\n", "không có nội dung"),
        ("hong.docx", b"PK\x03\x04 not really a zip", ".docx"),
        ("cu.doc", b"\xd0\xcf\x11\xe0", "Word 97-2003"),
        ("van-ban.pdf", b"%PDF-1.4", "PDF"),
        ("anh.jpg", b"\xff\xd8", "chỉ nhập được tệp .txt, .docx và .html"),
    ],
)
def test_input_that_cannot_be_read_is_a_clear_error(tmp_path, name, raw, words):
    with pytest.raises(ImportFailed) as error:
        imported(write(tmp_path, name, raw))
    assert words in str(error.value) and " -> " in str(error.value)


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(ImportFailed, match="không tìm thấy tệp -> kiểm tra lại tên"):
        imported(tmp_path / "khong-co.txt")


# --- helpers ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, reference, expected",
    [
        ("LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU", "", "Liên đoàn Lao động tỉnh Lai Châu"),
        ("BAN THƯỜNG VỤ", "", "Ban Thường vụ"),
        ("PHÓ CHỦ TỊCH", "", "Phó Chủ tịch"),
        ("ĐẠI HỘI LẦN THỨ XIII CỦA CĐCS", "", "Đại hội lần thứ XIII của CĐCS"),
        ("TRAO QUÀ TẠI XÃ BẢN BO", "Đoàn công tác đến xã Bản Bo, huyện Tam Đường.", "Trao quà tại xã Bản Bo"),
    ],
)
def test_truecase(text, reference, expected):
    assert truecase(text, reference, organisation=text.startswith("LIÊN")) == expected


def test_name_case():
    assert name_case("NGUYỄN THỊ THIỆN") == "Nguyễn Thị Thiện" and name_case("Lò Văn Dũng") == "Lò Văn Dũng"


def test_date_helpers():
    assert page_moment("Thứ bảy - 27/04/2019").has_time is False
    assert title_month("Báo cáo tháng 7/2021")[0] == date(2021, 7, 1)
    assert title_month("Báo cáo năm 2021") is None
    assert option_moment("2021-07-29 14:30").hour == 14 and option_moment("29/07/2021").day == date(2021, 7, 29)
    assert option_moment("2021-02-30") is None and option_moment("hôm qua") is None
