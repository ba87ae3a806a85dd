import unicodedata
from datetime import datetime

import pytest

from newsroom.text import fold, format_date, format_datetime, nfc, slugify, syllables


@pytest.mark.parametrize(
    "text, folded",
    [
        ("Công Đoàn", "cong doan"),
        ("CÔNG ĐOÀN", "cong doan"),
        (unicodedata.normalize("NFD", "công đoàn"), "cong doan"),
        ("Ðại hội", "dai hoi"),  # U+00D0, as some Word fonts type Đ
        ("hoà", "hoa"),
        ("hòa", "hoa"),
        ("thuý", "thuy"),
        ("Liên đoàn Lao động", "lien doan lao dong"),
    ],
)
def test_fold_strips_every_diacritic(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize(
    "text, slug",
    [
        ("Tin tức - Sự kiện", "tin-tuc-su-kien"),
        ("Đại hội Công đoàn", "dai-hoi-cong-doan"),
        ("  Mái ấm   Công đoàn!! ", "mai-am-cong-doan"),
        ("Kế hoạch 263/KH-LĐLĐ", "ke-hoach-263-kh-ldld"),
        ("", ""),
    ],
)
def test_slugify(text, slug):
    assert slugify(text) == slug


def test_slugify_limits_words():
    assert slugify("một hai ba bốn năm", max_words=3) == "mot-hai-ba"


def test_nfc_recomposes_word_and_macos_text():
    decomposed = unicodedata.normalize("NFD", "Lai Châu")
    assert decomposed != "Lai Châu"
    assert nfc(decomposed) == "Lai Châu"


def test_syllables_keep_diacritics_and_lowercase():
    assert syllables("Công đoàn, Lai Châu!") == ["công", "đoàn", "lai", "châu"]


@pytest.mark.parametrize(
    "moment, with_time, text",
    [
        (datetime(2019, 4, 27, 14, 23), True, "Thứ bảy, 27/04/2019 14:23"),
        (datetime(2019, 4, 28, 9, 5), True, "Chủ nhật, 28/04/2019 09:05"),
        (datetime(2021, 7, 26), False, "Thứ hai, 26/07/2021"),
    ],
)
def test_vietnamese_dates(moment, with_time, text):
    assert format_datetime(moment, with_time) == text


def test_short_date():
    assert format_date(datetime(2023, 4, 28)) == "28/04/2023"
