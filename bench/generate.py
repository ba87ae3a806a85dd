"""Generate realistic Vietnamese trade-union news posts in our front-matter format.

The text comes from a small grammar of real union phrases: a template names slots such as
`{subject}` or `{object}`, and each slot is filled with one of its phrases, recursively. Every
choice is drawn from one `random.Random(seed)`, so a seed always gives the same files.

    python bench/generate.py /tmp/posts --count 1000 --seed 1
"""

from __future__ import annotations

import argparse
import json
import random
import re
from datetime import datetime, timedelta
from pathlib import Path

import yaml

from newsroom.text import slugify

MKDOCS_YML = Path(__file__).resolve().parents[1] / "mkdocs.yml"
FIRST_DAY = datetime(2015, 1, 1)
DAYS = (datetime(2024, 12, 31) - FIRST_DAY).days + 1  # ten years: 2015-2024
DOCUMENT_SHARE = 0.15
DRAFT_SHARE = 0.03
SLUG_WORDS = 12
WORDS = (250, 660)  # the last sentence overshoots by up to ~40 words: bodies of 250-700 words

DISTRICTS = ("Tam Đường", "Phong Thổ", "Sìn Hồ", "Mường Tè", "Than Uyên", "Tân Uyên", "Nậm Nhùn")
UNITS = (
    "LĐLĐ tỉnh Lai Châu", "LĐLĐ thành phố Lai Châu", *(f"LĐLĐ huyện {d}" for d in DISTRICTS),
    "Công đoàn Viên chức tỉnh", "Công đoàn ngành Giáo dục", "Công đoàn ngành Y tế",
    "Công đoàn ngành Xây dựng", "Công đoàn ngành Nông nghiệp và Phát triển nông thôn",
    "Công đoàn Công ty Thủy điện Lai Châu", "Công đoàn Bệnh viện Đa khoa tỉnh",
)  # fmt: skip
AUTHORS = (
    "Hoàng Thị Lan", "Nguyễn Văn Hùng", "Lò Văn Thành", "Tao Thị Hương", "Vàng A Sử", "Phạm Minh Đức",
    "Lê Thị Mai", "Đỗ Quang Huy", "Giàng Thị Dung", "Trần Thu Trang", "Văn phòng LĐLĐ tỉnh",
    "Ban Tuyên giáo LĐLĐ tỉnh",
)  # fmt: skip
TAGS = (
    "Tháng Công nhân", "Chăm lo đoàn viên", "Phát triển đoàn viên", "Mái ấm Công đoàn", "Tết Sum vầy",
    "An toàn vệ sinh lao động", "Thương lượng tập thể", "Đối thoại tại nơi làm việc", "Bảo hiểm xã hội",
    "Bộ luật Lao động", "Học bổng", "COVID-19", "Đại hội công đoàn", "Nữ công", "Thi đua khen thưởng",
    "Tài chính công đoàn", "Kiểm tra giám sát", "Tuyên truyền", "Văn hóa thể thao", "Hội nghị người lao động",
    "Dân chủ cơ sở", "Tư vấn pháp luật", "Quỹ Xã hội", "Chương trình phúc lợi", "Công nhân lao động",
    "Viên chức", "Giáo dục", "Y tế", "Doanh nghiệp", "Ngày Quốc tế Phụ nữ", "Ngày Gia đình Việt Nam",
    "Kỷ niệm thành lập Công đoàn Việt Nam", "Chuyển đổi số", "Cải cách hành chính", "Phòng chống thiên tai",
    "Bình đẳng giới", "Tết Trung thu", "Học tập và làm theo Bác", "Cán bộ công đoàn", "Chuyến xe Công đoàn",
)  # fmt: skip
SIGNERS = (
    ("Lê Thị Minh Hoà", "TM. Ban Thường vụ - Chủ tịch"),
    ("Nguyễn Thị Thiện", "TM. Ban Thường vụ - Chủ tịch"),
    ("Tao Văn Khánh", "KT. Chủ tịch - Phó Chủ tịch"),
    ("Lò Văn Cương", "KT. Chủ tịch - Phó Chủ tịch"),
    ("Bùi Thị Hạnh", "TL. Ban Thường vụ - Chánh Văn phòng"),
)
RECIPIENTS = (
    "Tổng Liên đoàn Lao động Việt Nam (b/c)", "Thường trực Tỉnh ủy, UBND tỉnh (b/c)",
    "Các LĐLĐ huyện, thành phố; CĐN; CĐVC", "Các CĐCS trực thuộc LĐLĐ tỉnh", "Các Ban LĐLĐ tỉnh",
    "Ủy ban Kiểm tra LĐLĐ tỉnh", "Sở Lao động - Thương binh và Xã hội (p/h)", "Bảo hiểm xã hội tỉnh (p/h)",
)  # fmt: skip
DOCUMENT_TYPES = {"Báo cáo": "BC", "Kế hoạch": "KH", "Thông báo": "TB"}  # category = type, when declared
CATEGORY_WEIGHTS = {
    "Tin tức - Sự kiện": 30, "Chăm lo đoàn viên": 15, "Kết quả nổi bật": 8, "Báo cáo": 8, "Kế hoạch": 8,
    "Thông báo": 8, "Đại hội": 7, "An toàn vệ sinh lao động": 8,
}  # fmt: skip

# Each slot lists its phrases; `{name}` inside a phrase is another slot, or a value of the post
# (see _Writer.context), or a number (see _NUMBERS).
GRAMMAR: dict[str, tuple[str, ...]] = {
    "title": (
        "{unit} tổ chức {conference} năm {year}",
        "{unit} tập huấn nghiệp vụ công tác công đoàn năm {year}",
        "{unit} ra quân hưởng ứng {campaign} năm {year}",
        "Giao lưu văn nghệ, thể thao chào mừng {anniversary}",
        "Sơ kết công tác công đoàn {period} năm {year} tại {place}",
        "Tuyên truyền {law} cho đoàn viên, người lao động {place}",
        "Công đoàn {org} tổ chức {conference}",
        "Đoàn công tác Liên đoàn Lao động tỉnh làm việc tại {company}",
    ),
    "title:Báo cáo": (
        "Báo cáo kết quả hoạt động công đoàn {period} năm {year}",
        "Báo cáo tình hình công nhân, viên chức, lao động {period} năm {year}",
        "Báo cáo sơ kết {campaign} {period} năm {year}",
        "Báo cáo kết quả kiểm tra, giám sát tại {company}",
    ),
    "title:Kế hoạch": (
        "Kế hoạch tổ chức {campaign} năm {year}",
        "Kế hoạch kiểm tra, giám sát của Ủy ban Kiểm tra {unit} năm {year}",
        "Kế hoạch tuyên truyền {law} năm {year}",
        "Kế hoạch tổ chức {conference} năm {year}",
    ),
    "title:Thông báo": (
        "Thông báo kết quả xét tặng học bổng cho con đoàn viên năm học {year}-{next_year}",
        "Thông báo triệu tập {conference} {unit}",
        "Thông báo kết luận của Ban Thường vụ tại hội nghị tháng {month}/{year}",
        "Thông báo về việc tổ chức {campaign} năm {year}",
    ),
    "title:Đại hội": (
        "Đại hội Công đoàn {org} lần thứ {roman}, nhiệm kỳ {term}",
        "Công đoàn {org} tổ chức thành công Đại hội điểm nhiệm kỳ {term}",
        "{unit} chỉ đạo tổ chức đại hội công đoàn cơ sở nhiệm kỳ {term}",
    ),
    "title:Kết quả nổi bật": (
        "Một số kết quả nổi bật tháng {month} năm {year}",
        "Kết quả nổi bật của phong trào công nhân, viên chức, lao động {period} năm {year}",
        "{unit}: kết quả nổi bật trong {campaign} năm {year}",
    ),
    "title:Chăm lo đoàn viên": (
        "Trao {n} suất quà “Tết Sum vầy” cho đoàn viên {place}",
        "Bàn giao nhà “Mái ấm Công đoàn” cho đoàn viên {place}",
        "Thăm hỏi, tặng quà đoàn viên có hoàn cảnh khó khăn tại {company}",
        "Trao học bổng cho con đoàn viên {place} năm học {year}-{next_year}",
        "Công đoàn {org} chăm lo Tết cho đoàn viên, người lao động",
    ),
    "title:An toàn vệ sinh lao động": (
        "{unit} phát động Tháng hành động về an toàn, vệ sinh lao động năm {year}",
        "Kiểm tra công tác an toàn, vệ sinh lao động tại {company}",
        "Tập huấn an toàn, vệ sinh lao động cho công nhân {place}",
    ),
    "place": ("tại huyện {district}", "trên địa bàn thành phố Lai Châu", "huyện {district}", "các xã vùng cao huyện {district}"),
    "where": ("tại huyện {district}", "trên địa bàn thành phố Lai Châu", "tại các xã vùng cao huyện {district}"),
    "district": DISTRICTS,
    "unit": UNITS,
    "org": (
        "Trường Tiểu học {district}", "Trường THCS thị trấn {district}", "Trường Mầm non {district}",
        "Trung tâm Y tế huyện {district}", "Bệnh viện Đa khoa huyện {district}", "Hạt Kiểm lâm huyện {district}",
        "Kho bạc Nhà nước huyện {district}", "Chi cục Thuế khu vực {district}", "Trường THPT {district}",
    ),  # fmt: skip
    "company": (
        "Công ty Thủy điện Lai Châu", "Công ty Cổ phần Chè Tam Đường", "Nhà máy Thủy điện Bản Chát",
        "Nhà máy Thủy điện Huội Quảng", "Công ty Điện lực Lai Châu", "Công ty Cổ phần Cao su Lai Châu",
        "Công ty TNHH Xây dựng Sông Đà", "Công ty Cổ phần Môi trường đô thị Lai Châu",
    ),  # fmt: skip
    "campaign": (
        "Tháng Công nhân", "Tháng hành động về an toàn, vệ sinh lao động", "chương trình “Tết Sum vầy”",
        "phong trào “Xanh - Sạch - Đẹp, bảo đảm an toàn vệ sinh lao động”", "chương trình “Mái ấm Công đoàn”",
        "phong trào thi đua “Lao động giỏi, lao động sáng tạo”", "Ngày hội đoàn viên công đoàn",
        "phong trào “Giỏi việc nước, đảm việc nhà”",
    ),  # fmt: skip
    "conference": (
        "Hội nghị Ban Chấp hành lần thứ {small}", "Hội nghị sơ kết {period}", "Hội nghị tổng kết công tác công đoàn",
        "Hội nghị đối thoại giữa người sử dụng lao động và người lao động", "Hội nghị tập huấn công tác nữ công",
        "Hội nghị cán bộ, công chức, viên chức", "Hội nghị người lao động",
    ),  # fmt: skip
    "law": (
        "Bộ luật Lao động năm 2019", "Luật Công đoàn", "Luật An toàn, vệ sinh lao động", "Luật Bảo hiểm xã hội",
        "Luật Thực hiện dân chủ ở cơ sở", "chính sách bảo hiểm y tế",
    ),  # fmt: skip
    "period": ("6 tháng đầu", "quý I", "quý II", "quý III", "9 tháng đầu", "6 tháng cuối"),
    "anniversary": (
        "kỷ niệm {n} năm Ngày thành lập Công đoàn Việt Nam", "Ngày Quốc tế Phụ nữ 8/3",
        "Ngày Phụ nữ Việt Nam 20/10", "Ngày Gia đình Việt Nam 28/6", "Ngày Quốc tế Lao động 1/5",
    ),  # fmt: skip
    "lead": ("{opener}, {subject} {action} {object}, {purpose}.", "{opener}, {subject} {action} {object} {where}."),
    "sentence": (
        "{opener}, {subject} {action} {object}, {purpose}.",
        "{opener}, {subject} {action} {object}; {figure}.",
        "{Subject} {action} {object} {where}, {figure}.",
        "Phát biểu tại buổi làm việc, {leader} đề nghị {subject} tiếp tục {action} {object}, {purpose}.",
        "Kết quả, {figure}; {figure}.",
        "{Subject} đã {action} {object}, {purpose}.",
    ),
    "opener": (
        "Ngày {day}/{month}/{year}", "Sáng ngày {day}/{month}/{year}", "Trong tháng {month}/{year}",
        "Từ đầu năm {year} đến nay", "Thực hiện Kế hoạch số {docno}/KH-LĐLĐ của Ban Thường vụ Liên đoàn Lao động tỉnh",
        "Căn cứ Chương trình công tác năm {year}", "Hưởng ứng {campaign} năm {year}", "Trong {period} năm {year}",
        "Qua kiểm tra, giám sát", "Với phương châm hướng về cơ sở",
    ),  # fmt: skip
    "subject": (
        "Ban Thường vụ Liên đoàn Lao động tỉnh", "các cấp công đoàn trong tỉnh", "{unit}",
        "Liên đoàn Lao động huyện {district}", "Ban Chấp hành công đoàn cơ sở", "Ủy ban Kiểm tra Liên đoàn Lao động tỉnh",
        "Ban Nữ công quần chúng", "đoàn công tác của Liên đoàn Lao động tỉnh", "các công đoàn cơ sở trực thuộc",
        "Công đoàn {org}",
    ),  # fmt: skip
    "action": (
        "tổ chức", "triển khai", "phối hợp với chính quyền cùng cấp tổ chức", "chỉ đạo các công đoàn cơ sở thực hiện tốt",
        "tuyên truyền, phổ biến", "kịp thời nắm bắt tình hình và triển khai",
        "chủ động phối hợp với người sử dụng lao động thực hiện", "đẩy mạnh", "ban hành hướng dẫn và tổ chức",
        "kiểm tra, đôn đốc việc thực hiện",
    ),  # fmt: skip
    "object": (
        "các hoạt động hưởng ứng {campaign}", "chương trình “Tết Sum vầy” cho đoàn viên có hoàn cảnh khó khăn",
        "Hội nghị cán bộ, công chức, viên chức và Hội nghị người lao động",
        "công tác phát triển đoàn viên, thành lập công đoàn cơ sở", "{law} và các văn bản hướng dẫn thi hành",
        "chính sách bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp", "{campaign}",
        "đối thoại tại nơi làm việc và thương lượng tập thể", "việc xây dựng nhà “Mái ấm Công đoàn”",
        "công tác thu, chi, quản lý tài chính công đoàn",
        "việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "các giải thể thao, hội diễn văn nghệ quần chúng", "chương trình phúc lợi cho đoàn viên",
        "việc giám sát thực hiện quy chế dân chủ ở cơ sở", "tư vấn pháp luật miễn phí cho người lao động",
    ),  # fmt: skip
    "purpose": (
        "nhằm chăm lo, bảo vệ quyền và lợi ích hợp pháp, chính đáng của đoàn viên, người lao động",
        "góp phần xây dựng quan hệ lao động hài hòa, ổn định, tiến bộ trong doanh nghiệp",
        "tạo sự lan tỏa sâu rộng trong đội ngũ công nhân, viên chức, lao động",
        "qua đó nâng cao nhận thức, ý thức chấp hành pháp luật của người lao động và người sử dụng lao động",
        "góp phần hoàn thành thắng lợi nhiệm vụ chính trị của địa phương, đơn vị",
        "tạo niềm tin của đoàn viên đối với tổ chức Công đoàn",
        "bảo đảm đúng quy định, thiết thực, hiệu quả",
        "để mỗi đoàn viên thực sự cảm nhận được lợi ích khi tham gia tổ chức Công đoàn",
    ),
    "figure": (
        "đã phát triển mới {n} đoàn viên, đạt {pct} kế hoạch", "trao {n} suất quà, mỗi suất trị giá {money} đồng",
        "tổng kinh phí trên {n} triệu đồng", "có {n} đại biểu là cán bộ công đoàn chủ chốt tham dự",
        "{n}/{big} đơn vị tổ chức Hội nghị người lao động, đạt {pct}",
        "hỗ trợ xây mới và sửa chữa {small} nhà “Mái ấm Công đoàn”", "thành lập mới {small} công đoàn cơ sở",
        "{small} tập thể và {n} cá nhân được khen thưởng",
    ),  # fmt: skip
    "leader": (
        "đồng chí Phó Chủ tịch Liên đoàn Lao động tỉnh", "đồng chí Chủ tịch Liên đoàn Lao động tỉnh",
        "lãnh đạo Huyện ủy {district}", "đại diện Thường trực Tỉnh ủy",
    ),  # fmt: skip
    "heading": (
        "Kết quả đạt được", "Một số kết quả nổi bật", "Những tồn tại, hạn chế", "Nhiệm vụ trọng tâm thời gian tới",
        "Phương hướng, nhiệm vụ", "Nội dung chương trình", "Tổ chức thực hiện", "Mục đích, yêu cầu",
        "Đánh giá chung", "Kiến nghị, đề xuất",
    ),  # fmt: skip
    "bullet": ("{Action} {object}.", "{Action} {object}, {purpose}.", "{Figure}."),
}
INDICATORS = (
    "Phát triển đoàn viên mới", "Thành lập công đoàn cơ sở", "Nhà Mái ấm Công đoàn",
    "Đoàn viên được thăm hỏi, tặng quà", "Thu kinh phí công đoàn (triệu đồng)", "Cán bộ công đoàn được tập huấn",
)  # fmt: skip
_NUMBERS = {
    "n": lambda rng: _thousands(rng.randint(20, 1500)),
    "big": lambda rng: _thousands(rng.randint(1500, 3000)),
    "small": lambda rng: f"{rng.randint(1, 9):02d}",
    "pct": lambda rng: f"{rng.uniform(80, 130):.1f}%".replace(".", ","),
    "money": lambda rng: rng.choice(("300.000", "500.000", "1.000.000", "1.500.000", "2.000.000")),
    "docno": lambda rng: str(rng.randint(1, 300)),
}
_SLOT = re.compile(r"\{(\w+)\}")
_ROMAN = ("II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_YAML_UNSAFE = re.compile(r"^[-?:,\[\]{}#&*!|>'\"%@`\d\s]|: |\s#|:$|\s$")
_YAML_UNSAFE_IN_LIST = re.compile(r"[,\[\]{}]")


class _IgnoreTags(yaml.SafeLoader):
    """SafeLoader that reads MkDocs tags such as `!ENV` as plain values."""


_IgnoreTags.add_multi_constructor("!", lambda loader, suffix, node: None)


def load_mkdocs_yml(path: Path = MKDOCS_YML) -> dict:
    """The settings in a mkdocs.yml; MkDocs tags such as `!ENV` read as None."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_IgnoreTags)


def declared_categories(mkdocs_yml: Path = MKDOCS_YML) -> list[str]:
    """Category names declared in `extra.newsroom.categories` of `mkdocs_yml`."""
    items = load_mkdocs_yml(mkdocs_yml)["extra"]["newsroom"]["categories"]
    return [item["name"] if isinstance(item, dict) else item for item in items]


def _thousands(number: int) -> str:
    """Vietnamese digit grouping: 1500 -> "1.500"."""
    return f"{number:,}".replace(",", ".")


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Writer:
    """Fills grammar templates for one post, whose date the text refers to."""

    def __init__(self, rng: random.Random, date: datetime):
        self.rng = rng
        term_start = date.year - (date.year - 2013) % 5  # union terms: 2013-2018, 2018-2023, 2023-2028
        self.context = {
            "day": str(max(1, date.day - rng.randint(0, 2))),
            "month": str(date.month),
            "year": str(date.year),
            "next_year": str(date.year + 1),
            "term": f"{term_start} - {term_start + 5}",
            "roman": rng.choice(_ROMAN),
        }

    def fill(self, template: str) -> str:
        """`template` with every `{slot}` replaced; a capitalised slot name capitalises its text."""
        return _SLOT.sub(self._slot, template)

    def _slot(self, match: re.Match) -> str:
        name = match.group(1)
        key = name.lower()
        if key in self.context:
            text = self.context[key]
        elif key in _NUMBERS:
            text = _NUMBERS[key](self.rng)
        else:
            text = self.fill(self.rng.choice(GRAMMAR[key]))
        return _capitalise(text) if name[0].isupper() else text

    def sentence(self, slot: str = "sentence") -> str:
        """One sentence from the grammar's `slot`."""
        return _capitalise(self.fill(f"{{{slot}}}"))

    def bullets(self) -> str:
        """A Markdown list of three to six items."""
        return "\n".join(f"- {self.fill('{bullet}')}" for _ in range(self.rng.randint(3, 6)))

    def table(self) -> str:
        """A Markdown table of targets against results."""
        rows = ["| Chỉ tiêu | Kế hoạch | Thực hiện | Tỷ lệ |", "|---|---:|---:|---:|"]
        for name in self.rng.sample(INDICATORS, self.rng.randint(3, 5)):
            plan = self.rng.randint(5, 2000)
            done = round(plan * self.rng.uniform(0.8, 1.3))
            rate = f"{100 * done / plan:.1f}%".replace(".", ",")
            rows.append(f"| {name} | {_thousands(plan)} | {_thousands(done)} | {rate} |")
        return "\n".join(rows)

    def body(self, words: int) -> str:
        """Markdown of about `words` words: lead, two `##` sections, a bullet list, maybe a table.

        Sentences are added until the count is reached, then shared out between the sections.
        """
        headings = [f"## {self.fill('{heading}')}", f"## {self.fill('{heading}')}"]
        extras = [self.bullets()] + ([self.table()] if self.rng.random() < 0.25 else [])
        lead, first = self.rng.randint(2, 3), self.rng.randint(1, 2)
        sentences = [self.sentence("lead")]
        total = sum(_count_words(text) for text in (*headings, *extras, *sentences))
        while total < words or len(sentences) <= lead + first:  # each section gets a sentence
            sentences.append(self.sentence())
            total += _count_words(sentences[-1])
        blocks = [_paragraphs(sentences[:lead], self.rng), headings[0]]
        blocks += [_paragraphs(sentences[lead : lead + first], self.rng), *extras, headings[1]]
        blocks.append(_paragraphs(sentences[lead + first :], self.rng))
        return "\n\n".join(blocks) + "\n"


def _count_words(text: str) -> int:
    """Words (syllables) with at least one letter: Markdown marks and bare numbers do not count."""
    return sum(1 for token in text.split() if any(char.isalpha() for char in token))


def _paragraphs(sentences: list[str], rng: random.Random) -> str:
    """`sentences` as paragraphs of two to four sentences."""
    paragraphs = []
    while sentences:
        size = rng.randint(2, 4)
        paragraphs.append(" ".join(sentences[:size]))
        sentences = sentences[size:]
    return "\n\n".join(paragraphs)


def _yaml_text(value: str, in_list: bool = False) -> str:
    """A YAML scalar as a person would write it: plain unless it needs quotes."""
    unsafe = _YAML_UNSAFE.search(value) or (in_list and _YAML_UNSAFE_IN_LIST.search(value))
    return json.dumps(value, ensure_ascii=False) if unsafe else value


def _yaml_list(values: list[str]) -> str:
    """A flow list, `[a, b]`, as our sample posts write them."""
    return "[" + ", ".join(_yaml_text(v, in_list=True) for v in values) + "]"


def _document(rng: random.Random, kind: str, date: datetime) -> list[str]:
    """Front-matter lines of an official document's `document:` block."""
    signer, title = rng.choice(SIGNERS)
    recipients = [*rng.sample(RECIPIENTS, rng.randint(2, 5)), "Lưu: VT"]
    return [
        "document:",
        f"  type: {kind}",
        f"  number: {rng.randint(1, 320)}/{DOCUMENT_TYPES[kind]}-LĐLĐ",
        "  place: Lai Châu",
        f"  issued: {date:%Y-%m-%d}",
        f"  signer: {_yaml_text(signer)}",
        f"  signer_title: {_yaml_text(title)}",
        "  recipients:",
        *(f"    - {_yaml_text(r)}" for r in recipients),
    ]


def _categories(rng: random.Random, declared: list[str], document: str | None) -> list[str]:
    """One main category (the document's type when it is declared), sometimes a second one."""
    if document in declared:
        main = document
    else:
        main = rng.choices(declared, weights=[CATEGORY_WEIGHTS.get(name, 10) for name in declared])[0]
    others = [name for name in declared if name != main]
    return [main, rng.choice(others)] if others and rng.random() < 0.25 else [main]


def _front_matter(
    rng: random.Random, writer: _Writer, title: str, date: datetime, categories: list[str], document: str | None
) -> str:
    """The `---` block: required fields, then optional ones as often as the office fills them in."""
    lines = ["---", f"title: {_yaml_text(title)}", f"date: {date:%Y-%m-%d %H:%M}"]
    lines.append(f"categories: {_yaml_list(categories)}")
    tags = rng.sample(TAGS, rng.randint(0, 4))
    if tags:
        lines.append(f"tags: {_yaml_list(tags)}")
    if rng.random() < 0.7:
        lines.append(f"unit: {_yaml_text(rng.choice(UNITS))}")
    if rng.random() < 0.8:
        lines.append(f"authors: {_yaml_list(rng.sample(AUTHORS, rng.choice((1, 1, 1, 2))))}")
    if rng.random() < 0.3:
        lines.append(f"description: {_yaml_text(writer.fill('{Subject} {action} {object}, {purpose}.'))}")
    if rng.random() < DRAFT_SHARE:
        lines.append("draft: true")
    if document:
        lines.extend(_document(rng, document, date))
    lines.append("---")
    return "\n".join(lines)


def _post(rng: random.Random, declared: list[str]) -> tuple[datetime, str, str]:
    """(date, title, file text) of one random post."""
    date = FIRST_DAY + timedelta(days=rng.randrange(DAYS), hours=rng.randint(7, 17), minutes=rng.randrange(60))
    writer = _Writer(rng, date)
    document = rng.choice(list(DOCUMENT_TYPES)) if rng.random() < DOCUMENT_SHARE else None
    categories = _categories(rng, declared, document)
    template = GRAMMAR.get(f"title:{categories[0]}", GRAMMAR["title"])
    title = _capitalise(writer.fill(rng.choice(template)))
    meta = _front_matter(rng, writer, title, date, categories, document)
    return date, title, f"{meta}\n\n{writer.body(rng.randint(*WORDS))}"


def generate(out_dir: Path, count: int, seed: int = 1, mkdocs_yml: Path = MKDOCS_YML) -> list[Path]:
    """Write `count` posts as `out_dir/YYYY/MM/<slug>.md` and return their paths.

    `out_dir` is a posts folder; it must be missing or empty. Categories are the ones declared in
    `mkdocs_yml`. The same seed always writes the same files.
    """
    if out_dir.exists() and any(out_dir.iterdir()):
        raise ValueError(f"{out_dir} is not empty")
    rng = random.Random(seed)
    declared = declared_categories(mkdocs_yml)
    written: list[Path] = []
    taken: set[Path] = set()
    for _ in range(count):
        date, title, text = _post(rng, declared)
        path = _unique(out_dir / f"{date:%Y}" / f"{date:%m}", slugify(title, max_words=SLUG_WORDS), taken)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def _unique(folder: Path, slug: str, taken: set[Path]) -> Path:
    """`folder/<slug>.md`, or `<slug>-2.md`, `<slug>-3.md`... when that name is taken."""
    path, number = folder / f"{slug}.md", 1
    while path in taken:
        number += 1
        path = folder / f"{slug}-{number}.md"
    taken.add(path)
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path, help="posts folder to create (must be missing or empty)")
    parser.add_argument("--count", type=int, default=1000, help="number of posts (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    try:
        paths = generate(args.out_dir, args.count, args.seed)
    except ValueError as error:
        parser.error(str(error))
    print(f"{len(paths)} posts written to {args.out_dir}")


if __name__ == "__main__":
    main()
