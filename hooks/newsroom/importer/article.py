"""News articles copied or saved from the old NukeViet-style portals.

Trang chủ Tin tức sự kiện                                 <- breadcrumb (dropped)
TIÊU ĐỀ BÀI VIẾT                                          <- title (often in capitals)
(Ngày đăng :28/04/2023 4:48:27 CH)                         <- date: also "Đăng lúc: Thứ bảy - 27/04/2019 14:23",
                                                              "Cập nhật lúc 03:36 ngày 10/10/2015"
... body, image captions ...
Tác giả bài viết: Bàn Thương – Văn phòng LĐLĐ tỉnh        <- authors
Đánh giá bài viết / Ý kiến bạn đọc / Tin liên quan ...    <- widgets, related news, footer (dropped)
"""

from __future__ import annotations

import re
from datetime import datetime

from ..labels import cli_text
from ..text import fold
from .blocks import (
    CAPTION,
    HEADING,
    PARA,
    TABLE,
    Block,
    Extracted,
    ends_sentence,
    fold_aligned,
    join_broken,
    without_images,
    word_count,
)
from .casing import is_capitals, truecase
from .dates import page_moment
from .markdown import numbered_lists, render
from .record import ARTICLE, FROM_PAGE, ImportedPost

# A block that is one of these (and short) ends the article: what follows is the portal's, not the post's.
_END = re.compile(
    r"^(?:tin lien quan|y kien ban doc|tin cung chuyen muc|cac tin khac|tin khac|nhung tin moi hon|"
    r"nhung tin cu hon|tin moi hon|tin cu hon|bai viet lien quan|cac bai viet khac|gui y kien|binh luan)\b"
)
# Portal furniture that can sit anywhere around the article.
_DEBRIS = re.compile(
    r"^(?:trang chu\b|danh gia bai viet|tong so diem|click de danh gia|ban da khong su dung site|xep hang|"
    r"luot xem|so lan doc|chia se|in bai viet|gui bai viet|luu bai viet|ban in|quay lai|len dau trang|xem them$|"
    r"\d+\s+nguoi dang (?:online|truy cap)|dang truy cap|tong (?:so )?luot truy cap|luot truy cap|"
    r"thong ke truy cap|tu khoa\b|facebook$|twitter$|zalo$|tweet$|email$|print$)"
)
_FOOTER = re.compile(
    r"^(?:dia chi|dt\b|dien thoai|email|e-mail|fax|website|chiu trach nhiem|ghi ro nguon|ban quyen|"
    r"copyright|©|giay phep|co quan chu quan)"
)
_MOMENT_WORDS = re.compile(
    r"(?:dang luc|ngay dang|ngay cap nhat|cap nhat|thoi gian|^\(?\s*thu |^\(?\s*chu nhat|^\(?ngay\b)"
)
_AUTHOR = re.compile(r"^(?:tac gia bai viet|tac gia|but danh)\s*:\s*")
_POSTER = re.compile(r"nguoi dang(?: bai viet| tin)?\s*:\s*")


class _Meta:
    """Date and people found in the portal's lines around the article."""

    def __init__(self) -> None:
        self.posted = self.updated = None
        self.authors: list[str] = []
        self.poster = ""

    def take(self, block: Block) -> bool:
        """Record what `block` says about the post; True when it is such a line (then dropped)."""
        plain = block.plain
        folded = fold_aligned(plain)
        author = _AUTHOR.match(folded)
        if author:
            self.authors.extend(a.strip(" .") for a in re.split(r"[,;]", plain[author.end() :]) if a.strip(" ."))
            return True
        moment = page_moment(plain) if word_count(plain) <= 25 else None
        poster = _POSTER.search(folded)
        if moment and (_MOMENT_WORDS.search(folded) or word_count(plain) <= 8):
            if "cap nhat" in folded and "dang" not in folded:
                self.updated = self.updated or moment
            else:
                self.posted = self.posted or moment
            if poster:
                self.poster = self.poster or plain[poster.end() :].strip(" .-)")
            return True
        if poster and word_count(plain) <= 15:
            self.poster = self.poster or plain[poster.end() :].strip(" .-)")
            return True
        return False


def _is_debris(block: Block) -> bool:
    return block.kind != TABLE and bool(_DEBRIS.match(block.folded)) and word_count(block.plain) <= 15


def _is_end(block: Block) -> bool:
    return block.kind != TABLE and bool(_END.match(block.folded)) and word_count(block.plain) <= 6


def _title_index(blocks: list[Block], hint: str) -> int:
    """Where the title is: the line the page names as its title, else its main heading, else the
    first line of text that is not portal furniture (menus are lists, so they are passed over)."""
    wanted = " ".join(fold(hint).split())
    candidates = [
        (index, block)
        for index, block in enumerate(blocks)
        if block.kind in (PARA, HEADING) and word_count(block.plain) >= 2 and not _is_debris(block)
    ]
    for index, block in candidates:
        if wanted and (block.folded == wanted or wanted.startswith(block.folded) and word_count(block.plain) >= 4):
            return index
    headings = [index for index, block in candidates if block.kind == HEADING and word_count(block.plain) >= 4]
    if headings:
        return headings[0]
    return next((index for index, block in candidates if not _Meta().take(block)), -1)


def _trim_footer(blocks: list[Block]) -> list[Block]:
    """The portal's footer (address, phone, copyright, the body's name in capitals) at the very end."""
    end = len(blocks)
    while (
        end
        and blocks[end - 1].kind != TABLE
        and (
            _FOOTER.match(blocks[end - 1].folded)
            or is_capitals(blocks[end - 1].plain)
            and word_count(blocks[end - 1].plain) <= 12
        )
    ):
        end -= 1
    return blocks[:end]


def _caption_or_number(block: Block, number: int, text: str) -> list[Block]:
    """A numbered line cut off from its list: a portal numbered an image caption; else keep the number."""
    caption = Block(PARA, text).plain.rstrip(":").strip()
    if _is_caption(caption):
        return [Block(CAPTION, caption)]
    return [Block(PARA, f"{number}\\. {text}")]


def _is_caption(text: str) -> bool:
    return 0 < word_count(text) <= 30 and not ends_sentence(text) and not is_capitals(text)


def _body(blocks: list[Block]) -> list[Block]:
    out = []
    for block in numbered_lists(join_broken(blocks), _caption_or_number):
        if block.kind == HEADING:
            out.append(Block(HEADING, block.plain, level=max(2, min(6, block.level))))
        elif block.kind == TABLE and len(block.rows) == 1 and len(block.rows[0]) == 1:
            out.extend(block.cells())  # a one-cell table is page layout, not data
        elif block.kind == PARA and not block.bold and _is_caption(block.plain):
            out.append(Block(CAPTION, block.plain))
        else:
            out.append(block)
    return out


def parse(extracted: Extracted) -> ImportedPost:
    blocks = list(extracted.blocks)
    meta = _Meta()
    start = _title_index(blocks, extracted.title_hint)
    if start < 0:
        return ImportedPost(title="", body="", kind=ARTICLE, format=extracted.format)
    for block in blocks[:start]:
        meta.take(block)  # a date above the title still dates the post
    body: list[Block] = []
    dropped = 0
    for block in blocks[start + 1 :]:
        if _is_end(block):
            dropped += 1
            break
        if _is_debris(block):
            dropped += 1
        elif not meta.take(block):
            body.append(block)
    body, image_notes = without_images(body)
    trimmed = _trim_footer(body)
    dropped += len(body) - len(trimmed)
    reference = "\n".join(b.plain for b in trimmed)
    title = blocks[start].plain.strip(" .")
    if is_capitals(title):
        title = truecase(title, reference)
    moment = meta.posted or meta.updated
    notes = [*extracted.notes, *image_notes]
    if dropped:
        notes.append(cli_text("note_debris"))
    return ImportedPost(
        title=title,
        body=render(_body(trimmed)),
        date=datetime.combine(moment.day, datetime.min.time()).replace(hour=moment.hour, minute=moment.minute)
        if moment
        else None,
        has_time=bool(moment and moment.has_time),
        authors=tuple(dict.fromkeys(meta.authors or ([meta.poster] if meta.poster else []))),
        kind=ARTICLE,
        format=extracted.format,
        date_source=FROM_PAGE if moment else "",
        notes=tuple(dict.fromkeys(notes)),
    )
