"""Official documents in the Nghị định 30/2020 layout: header, type and trích yếu, body, footer.

    TỔNG LĐLĐ VIỆT NAM                  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM      <- parent, issuer, Quốc hiệu
    LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU         Độc lập - Tự do - Hạnh phúc
    Số: 263/KH-LĐLĐ                      Lai Châu, ngày 29 tháng 7 năm 2021      <- number, place and date
                              KẾ HOẠCH                                        <- type (capitals)
          Thực hiện Chương trình hành động số 09-CTr/TU ...                   <- trích yếu: the title
    I. MỤC ĐÍCH, YÊU CẦU ...                                                   <- body
    Nơi nhận:                                 TM. BAN THƯỜNG VỤ                <- footer
    - Ban Thường vụ Tỉnh ủy;                       CHỦ TỊCH
    - Lưu: VT.                                  Nguyễn Thị Thiện

Word puts the header and the footer in two-column tables; copied as text, the columns come one
after the other or on one line separated by tabs. Both are read the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from ..labels import cli_text
from ..model import Document
from ..text import fold
from .blocks import (
    HEADING,
    IMAGE,
    ITEM,
    PARA,
    SEPARATOR,
    TABLE,
    Block,
    Extracted,
    ends_sentence,
    fold_aligned,
    join_broken,
    starts_lower,
    without_images,
    word_count,
)
from .casing import is_capitals, lower_first, name_case, truecase
from .dates import written_date
from .markdown import numbered_lists, render
from .record import FROM_DOCUMENT, OFFICIAL, ImportedPost

# Ký hiệu codes (Nghị định 30/2020, Phụ lục III); case matters: CT is Chỉ thị, CTr Chương trình.
DOCUMENT_TYPES = {
    "NQ": "Nghị quyết", "QĐ": "Quyết định", "CT": "Chỉ thị", "QC": "Quy chế", "QyĐ": "Quy định",
    "TC": "Thông cáo", "TB": "Thông báo", "HD": "Hướng dẫn", "CTr": "Chương trình", "KH": "Kế hoạch",
    "PA": "Phương án", "ĐA": "Đề án", "DA": "Dự án", "BC": "Báo cáo", "BB": "Biên bản", "TTr": "Tờ trình",
    "HĐ": "Hợp đồng", "CĐ": "Công điện", "GN": "Bản ghi nhớ", "TTh": "Bản thỏa thuận", "GUQ": "Giấy ủy quyền",
    "GM": "Giấy mời", "GGT": "Giấy giới thiệu", "GNP": "Giấy nghỉ phép", "PG": "Phiếu gửi", "PC": "Phiếu chuyển",
    "PB": "Phiếu báo", "KL": "Kết luận",
}  # fmt: skip
CONG_VAN = "Công văn"
_TYPE_LINES = {fold(name): name for name in (*DOCUMENT_TYPES.values(), CONG_VAN)}

_COLUMNS = re.compile(r"\t+|\s{3,}")
_NATIONAL = ("cong hoa xa hoi chu nghia viet nam", "dang cong san viet nam")
_MOTTO = re.compile(r"doc lap\s*[-–]\s*tu do\s*[-–]\s*hanh phuc")
_NUMBER = re.compile(r"^so\s*[:.]?\s*(?=[\d.…])")
_ABOUT = re.compile(r"^(?:v\s*/\s*v|v\.v|ve viec)\s*[:.]?\s*")
_BODY_START = re.compile(r"^(?:can cu|kinh gui|[ivxlc]+\s*[.)]\s|\d+\s*[.)]\s)")
_RECIPIENTS = re.compile(r"^noi nhan\s*:?\s*")
_SIGN_PREFIX = re.compile(
    r"^(T\s*[./]?\s*M|K\s*\.?\s*T|T\s*\.?\s*U\s*\.?\s*Q|T\s*\.?\s*L|Q(?=\s*\.))(?:\s*\.\s*|\s+)(\S.*)$"
)
_TITLE_WORDS = set(
    "chu tich pho giam doc truong ban thuong vu chap hanh van phong chanh bi thu thu quy ke toan "
    "uy vien tong bien tap quyen nguoi lap bieu ky thay mat kiem tra to chuc dang uy cong doan".split()
)
# What OCR and copy-paste leave of signatures and seals: "[Handwritten signature of ...]", "(Đã ký)".
_DEBRIS = re.compile(
    r"\[[^\]]*(?:signature|seal|stamp|chu ky|con dau|dau do)[^\]]*\]"
    r"|\(\s*(?:da ky|ky ten|ky,? (?:va )?(?:dong dau|ghi ro ho ten))[^)]*\)|^da ky$|^\s*[-–]?\s*\d{1,3}\s*[-–]?\s*$",
)
_ROMAN = re.compile(r"^(?:PHẦN\s+)?([IVXLC]+)\s*[.)/-]\s*(\S.*)$")
_PART = re.compile(r"^(?:phan|chuong)\s+(?:thu\s+\w+|[ivxlc]+|\d+)\b")
_ARABIC = re.compile(r"^(\d{1,2})\s*[.)]\s+(\S.*)$")
_SUB = re.compile(r"^\d{1,2}\.\d{1,2}(?:\.\d{1,2})?\.?\s+(\S.*)$")
_ARTICLE = re.compile(r"^dieu\s+\d+\s*[.:]")
# "BAN CHẤP HÀNH LĐLĐ TỈNH ...": an organ of the body named after it, which is the unit.
_ORGAN = re.compile(r"^(?:ban chap hanh|ban thuong vu)\s+(?=\S+\s+\S)")


@dataclass
class _Header:
    issuers: list[str] = field(default_factory=list)  # lines in capitals above the number: parent, issuer
    number: str = ""
    place: str = ""
    issued: date | None = None
    type: str = ""
    about: bool = False  # a công văn: its trích yếu follows "V/v"
    summary: list[Block] = field(default_factory=list)  # the trích yếu


def _without_debris(text: str) -> str:
    folded = fold_aligned(text)
    kept, position = [], 0
    for match in _DEBRIS.finditer(folded):
        kept.append(text[position : match.start()])
        position = match.end()
    return " ".join("".join(kept + [text[position:]]).split())


def _cleaned(block: Block) -> Block:
    """`block` without signature and seal debris (then without its emphasis, which is rarely there)."""
    if block.kind == TABLE:
        return block
    kept = _without_debris(block.plain)
    return block if kept == block.plain else Block(block.kind, kept, block.level, block.ordered)


def _number(text: str) -> str:
    """The number as typed, without its spaces and end punctuation: "263 /KH - LĐLĐ." -> "263/KH-LĐLĐ"."""
    return re.sub(r"\s*([/-])\s*", r"\1", text).strip(" .,;:")


def type_of_number(number: str) -> str:
    """The document type its ký hiệu names: "263/KH-LĐLĐ" -> Kế hoạch, "09-CTr/TU" -> Chương trình.

    A công văn has no type code ("12/LĐLĐ-VP"): CONG_VAN. Empty when the number says nothing.
    """
    left, slash, right = number.partition("/")
    if not slash:
        return ""
    if "-" in left:  # party style: number-code/issuer
        return DOCUMENT_TYPES.get(left.split("-", 1)[1], "")
    segments = [s for s in right.split("/") if s and not s.isdigit()]  # "05/2021/NQ-HĐND": skip the year
    code = segments[0].split("-")[0] if segments else ""
    if code in DOCUMENT_TYPES:
        return DOCUMENT_TYPES[code]
    return CONG_VAN if segments and "-" in segments[0] else ""


class _HeaderReader:
    """Reads header lines one piece (column) at a time; stops at the first piece that is body."""

    def __init__(self) -> None:
        self.header = _Header()
        self.in_summary = False

    def kind(self, block: Block, piece: str) -> str:
        plain = Block(PARA, piece).plain
        folded = fold(plain)
        if not plain or SEPARATOR.match(plain) or folded.startswith(_NATIONAL) or _MOTTO.search(folded):
            return "skip"  # rules and the Quốc hiệu: the same on every document
        if _NUMBER.match(folded):
            return "number"
        if _is_place_and_date(plain):
            return "date"
        if not self.in_summary and _ABOUT.match(folded):
            return "about"
        if not self.in_summary and not self.header.type and is_capitals(plain) and folded in _TYPE_LINES:
            return "type"
        if self.in_summary and self.continues_summary(block, plain, folded):
            return "summary"
        if not self.in_summary and is_capitals(plain) and not _BODY_START.match(folded):
            return "issuer"
        return ""

    def continues_summary(self, block: Block, plain: str, folded: str) -> bool:
        summary = self.header.summary
        if not summary:
            return not (_BODY_START.match(folded) or plain.endswith(":") or word_count(plain) > 60)
        last = summary[-1]
        if starts_lower(plain) and not ends_sentence(last.plain):
            return True  # a trích yếu wrapped over two lines
        return block.bold and last.bold and not ends_sentence(last.plain) and word_count(plain) <= 30

    def take(self, block: Block) -> bool:
        """Record `block` if all of it is header; False (nothing recorded) when it is body."""
        if block.kind == IMAGE:
            return True  # an emblem or logo above the header
        if block.kind not in (PARA, HEADING):
            return False
        pieces = [p for p in _COLUMNS.split(block.text) if p.strip()]
        kinds = [self.kind(block, piece) for piece in pieces]
        if not pieces or "" in kinds:
            return False
        for piece, kind in zip(pieces, kinds, strict=True):
            self.apply(block, Block(PARA, piece).plain, kind)
        return True

    def apply(self, block: Block, plain: str, kind: str) -> None:
        header = self.header
        folded = fold_aligned(plain)
        if kind == "number":
            header.number = _number(plain[_NUMBER.match(folded).end() :])
        elif kind == "date":
            header.issued, start = written_date(plain)
            header.place = plain[:start].strip(" ,.-")
        elif kind == "about":
            header.about, self.in_summary = True, True
            self.summary(block, plain[_ABOUT.match(folded).end() :])
        elif kind == "type":
            header.type, self.in_summary = _TYPE_LINES[folded], True
        elif kind == "summary":
            self.summary(block, plain)
        elif kind == "issuer":
            header.issuers.append(plain)

    def summary(self, block: Block, plain: str) -> None:
        # keep whether the line was bold: a trích yếu set in bold goes on over bold lines only
        self.header.summary.append(Block(PARA, f"**{plain}**" if block.bold else plain))


def _is_place_and_date(text: str) -> bool:
    """A place-and-date line, "Lai Châu, ngày 29 tháng 7 năm 2021" (any place, or none), and not a
    title that names a date ("Kết quả Hội nghị ngày 5 tháng 3 năm 2022")."""
    found = written_date(text)
    if not found:
        return False
    place = text[: found[1]].strip()
    words = place.rstrip(",").split()
    return not re.search(r"\d", place) and (
        not place or place.endswith(",") and len(words) <= 8 or len(words) <= 5 and all(w[:1].isupper() for w in words)
    )


def _flatten_layout(blocks: list[Block]) -> list[Block]:
    """Header and footer tables become their cells, left column first; data tables stay tables."""
    out: list[Block] = []
    for block in blocks:
        if block.kind == TABLE and any(_is_layout(cell) for cell in block.cells()):
            out.extend(block.cells())
        else:
            out.append(block)
    return out


def _is_layout(block: Block) -> bool:
    folded = block.folded
    return bool(
        folded.startswith(_NATIONAL)
        or _NUMBER.match(folded)
        or _RECIPIENTS.match(folded)
        or _SIGN_PREFIX.match(block.plain)
        or _is_place_and_date(block.plain)
    )


def _is_title_line(text: str) -> bool:
    words = fold(text).replace(".", " ").split()
    return is_capitals(text) and bool(words) and all(w in _TITLE_WORDS for w in words)


def _footer_start(blocks: list[Block], start: int) -> int:
    for index in range(start, len(blocks)):
        plain = blocks[index].plain
        if _RECIPIENTS.match(fold(plain)) or _SIGN_PREFIX.match(plain):
            return index
        if _is_title_line(plain) and len(blocks) - index <= 10:
            return index
    return len(blocks)


def _is_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 6 and all(w[:1].isupper() and w.isalpha() for w in words) and not _is_title_line(text)


@dataclass
class _Footer:
    recipients: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    signer: str = ""


def _read_footer(blocks: list[Block]) -> _Footer:
    footer = _Footer()
    others: list[str] = []
    in_recipients = False
    for block in blocks:
        plain = _without_debris(block.plain)
        if not plain:
            continue
        found = _RECIPIENTS.match(fold_aligned(plain))
        if found:
            in_recipients = True
            rest = plain[found.end() :].strip()
            footer.recipients.extend(
                _recipient(part) for part in re.split(r"\s+[-–+•]\s+|;", rest) if part.strip(" -;.,")
            )
        elif _SIGN_PREFIX.match(plain) or _is_title_line(plain):
            in_recipients = False
            footer.titles.append(plain)
        elif in_recipients and footer.recipients and starts_lower(plain) and not ends_sentence(footer.recipients[-1]):
            footer.recipients[-1] = f"{footer.recipients[-1]} {_recipient(plain)}"
        elif in_recipients and (block.kind == ITEM or re.match(r"^[-–+•*]", plain) or plain.endswith((";", "."))):
            footer.recipients.append(_recipient(plain))
        else:
            in_recipients = False
            others.append(plain)
    names = [name_case(text) for text in others if _is_name(text)]
    footer.signer = names[-1] if names else ""
    footer.recipients = [r for r in footer.recipients if r]
    return footer


def _recipient(text: str) -> str:
    return re.sub(r"^[-–+•*]\s*", "", text).strip(" ;,.")


def _signer_title(titles: list[str], reference: str) -> str:
    parts = []
    for title in titles:
        prefix = _SIGN_PREFIX.match(title)
        if prefix:
            code = re.sub(r"[\s./]", "", prefix.group(1))
            parts.append(f"{code}. {truecase(prefix.group(2), reference)}")
        else:
            parts.append(truecase(title, reference))
    return " - ".join(parts)


def _is_heading(text: str, words: int, colon: bool = False) -> bool:
    """A section title rather than a numbered paragraph: short, and not a sentence."""
    text = text.rstrip(":").rstrip() if colon else text
    return word_count(text) <= words and not ends_sentence(text)


def _sections(blocks: list[Block]) -> list[Block]:
    """Numbered sections as headings (I. -> ##, 1. -> ###, 1.1. -> ####) when they are titles."""
    out: list[Block] = []
    roman_seen = False
    for block in blocks:
        plain = block.plain
        folded = fold(plain)
        if block.kind not in (PARA, HEADING):
            out.append(block)
            continue
        title = plain.rstrip(":").rstrip()
        roman, arabic, sub = _ROMAN.match(title), _ARABIC.match(title), _SUB.match(title)
        if (roman and _is_heading(roman.group(2), 20, colon=True)) or (_PART.match(folded) and word_count(plain) <= 20):
            roman_seen = True
            out.append(Block(HEADING, title, level=2))
        elif arabic and _is_heading(arabic.group(2), 15):
            out.append(Block(HEADING, plain, level=3 if roman_seen else 2))
        elif sub and _is_heading(sub.group(1), 15):
            out.append(Block(HEADING, plain, level=4 if roman_seen else 3))
        elif _ARTICLE.match(folded) and _is_heading(plain, 20):
            out.append(Block(HEADING, plain, level=3 if roman_seen else 2))
        elif block.kind == HEADING:
            out.append(Block(HEADING, plain, level=min(6, block.level + 1)))
        else:
            out.append(block)
    return numbered_lists(out)


def _kind(header: _Header) -> str:
    """The type line, else what the number's code says ("V/v" without a type line: a công văn)."""
    return header.type or (CONG_VAN if header.about else type_of_number(header.number))


def _title(header: _Header, reference: str) -> str:
    summary = " ".join(block.plain for block in header.summary).strip(" .")
    if summary and is_capitals(summary):
        summary = truecase(summary, reference)
    kind = _kind(header)
    if not summary:
        return f"{kind} số {header.number}" if kind and header.number else kind
    if header.about:
        return f"{kind or CONG_VAN} về việc {lower_first(summary)}"
    if not kind or fold(summary).startswith(fold(kind)):
        return summary
    return f"{kind} {lower_first(summary)}"


def _organisations(header: _Header, reference: str) -> tuple[str, str]:
    """(issuer, parent) in normal case. An organ of the parent ("BAN THƯỜNG VỤ") issues as the parent."""
    names = [truecase(name, reference, organisation=True) for name in header.issuers]
    if len(names) >= 2:
        parent, issuer = names[0], " ".join(names[1:])
        return (parent if fold(issuer).startswith("ban ") else issuer), parent
    issuer = names[0] if names else ""
    organ = _ORGAN.match(fold_aligned(issuer))
    return (issuer[organ.end() :] if organ else issuer), ""


def read_header(blocks: list[Block]) -> tuple[_Header, int]:
    """The header and where the body starts. Up to two short lines that are not in capitals (an
    issuing body typed in normal case) may come before the header; they are read as its issuers."""
    first = None
    for skipped in range(3):
        lead = blocks[:skipped]
        if any(b.kind != PARA or word_count(b.plain) > 12 or ends_sentence(b.plain) for b in lead):
            break
        reader = _HeaderReader()
        index = skipped
        while index < len(blocks) and reader.take(blocks[index]):
            index += 1
        header = reader.header
        if header.type or header.number or header.about:
            header.issuers[:0] = [b.plain for b in lead]
            return header, index
        first = first or (header, index)
    return first or (_Header(), 0)


def parse(extracted: Extracted) -> ImportedPost | None:
    """The post of an official document, or None when `extracted` is not one (no type, no number)."""
    blocks = _flatten_layout(list(extracted.blocks))
    header, start = read_header(blocks)
    if not (header.type or header.number or header.about):
        return None
    end = _footer_start(blocks, start)
    footer = _read_footer(blocks[end:])
    body, image_notes = without_images([_cleaned(b) for b in blocks[start:end]])
    body = [b for b in body if b.kind == TABLE or b.plain]
    reference = "\n".join(b.plain for b in (*body, *blocks[end:]))
    kind = _kind(header)
    issuer, parent = _organisations(header, reference)
    notes = list(dict.fromkeys((*extracted.notes, *image_notes)))
    if not footer.signer:
        notes.append(cli_text("note_no_signer"))
    document = Document(
        type=kind,
        number=header.number,
        place=header.place,
        issued=header.issued,
        signer=footer.signer,
        signer_title=_signer_title(footer.titles, reference),
        recipients=tuple(dict.fromkeys(footer.recipients)),
    )
    return ImportedPost(
        title=_title(header, reference),
        body=render(_sections(join_broken(body))),
        date=datetime.combine(header.issued, datetime.min.time()) if header.issued else None,
        document=document,
        kind=OFFICIAL,
        format=extracted.format,
        issuer=issuer,
        parent=parent,
        date_source=FROM_DOCUMENT if header.issued else "",
        notes=tuple(notes),
    )
