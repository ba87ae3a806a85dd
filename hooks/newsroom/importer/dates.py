"""Dates as Vietnamese documents and portals write them.

"Lai Châu, ngày 29 tháng 7 năm 2021", "Đăng lúc: Thứ bảy - 27/04/2019 14:23",
"(Ngày đăng :28/04/2023 4:48:27 CH)" (SA/CH: sáng/chiều, AM/PM), "Cập nhật lúc 03:36 ngày 10/10/2015".
Matching runs on folded text (no diacritics), so "ngay 29 thang 7 nam 2021" is understood too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..text import fold
from .blocks import fold_aligned

_WRITTEN = re.compile(r"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})")
_NUMERIC = re.compile(r"\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\b")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?\s*$")
_TIME = re.compile(r"\b(\d{1,2})\s*[:h]\s*(\d{2})(?:\s*:\s*\d{2})?(?:\s*(sa|ch|am|pm)\b)?")
_MONTH_YEAR = re.compile(r"\bthang\s*(\d{1,2})\s*(?:[/-]\s*(\d{4})\b|(?:\D{0,60}?)\bnam\s*(\d{4})\b)")


@dataclass(frozen=True)
class Moment:
    """A date, with a time of day when the source gave one."""

    day: date
    hour: int = 0
    minute: int = 0
    has_time: bool = False


def _date(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def written_date(text: str) -> tuple[date, int] | None:
    """("ngày 29 tháng 7 năm 2021" as a date, where it starts in `text`), or None."""
    match = _WRITTEN.search(fold_aligned(text))
    found = match and _date(match.group(3), match.group(2), match.group(1))
    return (found, match.start()) if found else None


def _time(text: str) -> tuple[int, int] | None:
    for match in _TIME.finditer(fold(text)):
        hour, minute, half = int(match.group(1)), int(match.group(2)), match.group(3)
        if half in ("ch", "pm") and hour < 12:
            hour += 12
        elif half in ("sa", "am") and hour == 12:
            hour = 0
        if hour < 24 and minute < 60:
            return hour, minute
    return None


def page_moment(text: str) -> Moment | None:
    """The date and time a portal gives a post: "27/04/2019 14:23", "03:36 ngày 10/10/2015"."""
    match = _NUMERIC.search(text)
    found = match and _date(match.group(3), match.group(2), match.group(1))
    if not found:
        return None
    time = _time(text[: match.start()] + " " + text[match.end() :])
    return Moment(found, *time, has_time=True) if time else Moment(found)


def title_month(text: str) -> tuple[date, str] | None:
    """The first day of the month a title names ("tháng 7 năm 2021", "tháng 7/2021"), and those words."""
    match = _MONTH_YEAR.search(fold_aligned(text))
    found = match and _date(match.group(2) or match.group(3), match.group(1), "1")
    return (found, text[match.start() : match.end()]) if found else None


def option_moment(text: str) -> Moment | None:
    """--date as typed: 2021-07-29, "2021-07-29 14:30", 29/07/2021, "29/07/2021 14:30"."""
    iso = _ISO.match(text)
    if iso:
        found = _date(iso.group(1), iso.group(2), iso.group(3))
        if not found:
            return None
        if iso.group(4) is None:
            return Moment(found)
        hour, minute = int(iso.group(4)), int(iso.group(5))
        return Moment(found, hour, minute, True) if hour < 24 and minute < 60 else None
    numeric = _NUMERIC.fullmatch(text.strip().split(" ")[0])
    if not numeric:
        return None
    return page_moment(text)
