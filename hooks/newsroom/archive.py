"""Year and year-month archives: a groupby over posts sorted newest first."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from .model import Post


@dataclass(frozen=True)
class Period:
    year: int
    month: int | None  # None for a whole year
    posts: tuple[Post, ...]

    @property
    def url(self) -> str:
        return f"luu-tru/{self.year}/" if self.month is None else f"luu-tru/{self.year}/{self.month:02d}/"


@dataclass(frozen=True)
class YearArchive:
    year: Period
    months: tuple[Period, ...]  # newest first


def archives(posts: tuple[Post, ...]) -> tuple[YearArchive, ...]:
    """Archives of `posts` (newest first), newest year first, each with its months."""
    years = []
    for year, in_year in groupby(posts, key=lambda p: p.date.year):
        in_year = tuple(in_year)
        months = tuple(
            Period(year, month, tuple(in_month)) for month, in_month in groupby(in_year, key=lambda p: p.date.month)
        )
        years.append(YearArchive(Period(year, None, in_year), months))
    return tuple(years)
