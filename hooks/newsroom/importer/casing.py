"""Capitals for words typed in CAPITALS: portal titles, issuing bodies, signing titles, names.

Vietnamese capitalises proper names syllable by syllable ("Lai Châu", "Ban Thường vụ"), which no
rule can guess; the document's own body usually writes the same names in normal case, so we learn
each word's capitals from it, with a short list of the names unions use most as a fallback.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..text import fold

# Organisation names and titles as unions write them (Nghị định 30/2020, Điều lệ Công đoàn).
KNOWN = (
    "Tổng Liên đoàn Lao động Việt Nam", "Liên đoàn Lao động", "Công đoàn Việt Nam", "Công đoàn Viên chức",
    "Ban Thường vụ", "Ban Chấp hành", "Ủy ban Kiểm tra", "Ban Nữ công", "Ban Tuyên giáo", "Ban Tổ chức",
    "Phó Chủ tịch", "Chủ tịch", "Phó Giám đốc", "Giám đốc", "Phó Trưởng ban", "Trưởng ban",
    "Phó Chánh Văn phòng", "Chánh Văn phòng", "Văn phòng", "Đại hội", "Tháng Công nhân", "Mái ấm Công đoàn",
    "Tết Sum vầy", "Việt Nam", "Hồ Chí Minh", "Tỉnh ủy", "Huyện ủy", "Thành ủy", "Ủy ban nhân dân",
    "Hội đồng nhân dân", "Mặt trận Tổ quốc", "Sở Lao động - Thương binh và Xã hội",
)  # fmt: skip
_WORD = re.compile(r"\w+")
_ROMAN = re.compile(r"^[IVXLC]+$")
# The shape of one Vietnamese syllable (without diacritics); a word of another shape is an acronym.
_SYLLABLE = re.compile(r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$")
# In the name of a body, what follows "tỉnh", "huyện"... is a place name: every syllable capitalised.
_PLACE_WORDS = {"tỉnh", "huyện", "phố", "xã", "phường", "quận", "trấn"}
_KNOWN_WORDS = sorted(([w for w in _WORD.findall(name)] for name in KNOWN), key=len, reverse=True)


def is_acronym(word: str) -> bool:
    return word.isupper() and (len(word) > 1 and not _SYLLABLE.match(fold(word)) or any(c.isdigit() for c in word))


def is_capitals(text: str) -> bool:
    """Mostly capital letters, as Vietnamese documents write names of bodies and document types."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _usage(reference: str) -> tuple[dict, dict]:
    """How `reference` writes each word (and each word after a given word), sentence starts left out."""
    words: dict[str, Counter] = defaultdict(Counter)
    pairs: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for line in reference.split("\n"):
        if is_capitals(line):
            continue  # a heading in capitals says nothing about how names are written
        previous = ""
        position = 0
        for match in _WORD.finditer(line):
            word = match.group()
            between = line[position : match.start()]
            position = match.end()
            if previous and not re.search(r"[.!?:;\"“]", between):
                words[word.lower()][word] += 1
                pairs[(previous.lower(), word.lower())][word] += 1
            previous = word
    return words, pairs


def _best(forms: Counter) -> str:
    return max(forms.items(), key=lambda item: (item[1], item[0].islower()))[0]


def truecase(text: str, reference: str = "", organisation: bool = False) -> str:
    """Sentence case for `text` written in capitals, with names capitalised as `reference` writes them.

    `organisation`: `text` is the name of a body ("LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU"), which ends
    with its place name even when `reference` never writes it.
    """
    parts = re.split(r"(\w+)", text)
    words = parts[1::2]
    lowers = [w.lower() for w in words]
    cased: list[str | None] = [None] * len(words)
    index = 0
    while index < len(words):
        for known in _KNOWN_WORDS:
            if [w.lower() for w in known] == lowers[index : index + len(known)]:
                cased[index : index + len(known)] = known
                index += len(known)
                break
        else:
            index += 1
    usage, pairs = _usage(reference)
    place = False
    for index, word in enumerate(words):
        after = lowers[index - 1] if index else ""
        place = place or organisation and after in _PLACE_WORDS and (after, lowers[index]) != ("xã", "hội")
        if cased[index] is not None:
            continue
        pair = pairs.get((lowers[index - 1], lowers[index])) if index else None
        if place:
            cased[index] = word if is_acronym(word) else word[:1].upper() + word[1:].lower()
        elif pair:
            cased[index] = _best(pair)
        elif lowers[index] in _PLACE_WORDS:
            cased[index] = lowers[index]  # "tỉnh Lai Châu": "Tỉnh ủy" elsewhere says nothing about it
        elif _ROMAN.match(word) or is_acronym(word):
            cased[index] = word
        elif lowers[index] in usage:
            cased[index] = _best(usage[lowers[index]])
        else:
            cased[index] = lowers[index]
    if cased and cased[0].islower():
        cased[0] = cased[0][:1].upper() + cased[0][1:]
    parts[1::2] = cased
    return "".join(parts)


def name_case(name: str) -> str:
    """A person's name with each syllable capitalised: "NGUYỄN THỊ THIỆN" -> "Nguyễn Thị Thiện"."""
    if not is_capitals(name):
        return name
    return re.sub(r"\w+", lambda m: m.group()[:1].upper() + m.group()[1:].lower(), name)


def lower_first(text: str) -> str:
    """`text` to follow other words: "Thực hiện ..." -> "thực hiện ...", but names and acronyms stay."""
    first = _WORD.match(text)
    if not first or is_acronym(first.group()):
        return text
    lowered = [w.lower() for w in _WORD.findall(text)]
    if any([w.lower() for w in known] == lowered[: len(known)] for known in _KNOWN_WORDS):
        return text
    return text[:1].lower() + text[1:]
