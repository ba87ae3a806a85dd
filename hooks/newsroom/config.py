"""Site settings (the `extra.newsroom` block of mkdocs.yml) as data classes, defaults merged in."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from typing import Any
from zoneinfo import ZoneInfo

from .model import CATEGORY, UNIT, Term
from .text import nfc, slugify


_HOSTNAME = re.compile(r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", re.IGNORECASE)


DEFAULT_EMBEDS = ("www.youtube.com", "www.youtube-nocookie.com", "www.facebook.com")


class ConfigError(ValueError):
    """The site configuration cannot be used; the message says which key and why."""


@dataclass(frozen=True)
class RelatedConfig:
    """How "Tin liên quan" is scored (see related.py for the formula).

    Each weight multiplies one index's similarity; 0 turns the index off. A metadata value
    counts by how rare it is and how well its posts' texts agree (see related.py).
    """

    count: int = 5
    content: float = 1.0  # TF-IDF cosine of title and body syllables and syllable pairs
    tags: float = 1.0  # tags in common, each by its rarity and agreement (0.5 before they were discounted)
    categories: float = 0.25  # categories in common, the same way
    unit: float = 0.15  # same issuing unit, the same way
    documents: float = 0.5  # documents both cite (or one is and the other cites), the same way
    threshold: float = 0.05  # a candidate scoring below this is not related
    recency: float = 0.15  # at most this share of the score is added for posts close in time
    recency_days: float = 365.0  # half of the recency bonus is lost after this many days
    max_document_share: float = 0.5  # content terms on more than this share of posts are ignored


@dataclass(frozen=True)
class Publisher:
    """What the footer must say about who publishes the site."""

    organisation: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    responsible: str = ""
    licence: str = ""


@dataclass(frozen=True)
class AdminConfig:
    """The admin page at /admin/ (admin/ subpackage); off while `repo` is empty."""

    repo: str = ""  # the site's GitHub repository, "owner/name"
    branch: str = "main"  # the branch the workflow publishes

    @property
    def enabled(self) -> bool:
        return bool(self.repo)


_REPO = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$")


@dataclass(frozen=True)
class OfflineConfig:
    """Reading without a connection (newsroom/offline): what the phone keeps and the app's look."""

    enabled: bool = True  # the service worker, the manifest and the save buttons
    latest: int = 10  # posts kept by "Lưu các tin mới nhất"
    page_timeout: float = 3.0  # seconds a page may take before the copy on the phone is shown
    pages: int = 30  # pages last visited kept (saved posts are kept apart, until "Xóa")
    images: int = 60  # pictures last seen kept (those of saved posts are kept apart)
    image_days: int = 30  # a picture kept longer is asked again
    name: str = ""  # the installed app's name; default: site_name
    short_name: str = ""  # under the icon on a home screen; default: unit
    theme_color: str = "#c62828"
    background_color: str = "#ffffff"
    logo: str = "assets/images/logo.png"  # square, at least 512 px, in docs/: the app icons are made from it


_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class SiteConfig:
    unit: str = "Liên đoàn Lao động"  # the site's own organisation: default unit of every post
    categories: tuple[Term, ...] = ()
    category_descriptions: dict[str, str] = field(default_factory=dict)
    per_page: int = 10
    home_latest: int = 10
    home_per_category: int = 4
    feed_size: int = 50
    timezone: str = "Asia/Ho_Chi_Minh"
    posts_dir: str = "posts"
    related: RelatedConfig = RelatedConfig()
    publisher: Publisher = Publisher()
    # Publishing (Open Graph, sharing, GitHub Pages):
    default_image: str = ""  # shown when a shared post has no image: a file in docs/ ("assets/images/x.png") or a URL
    cname: str = ""  # the site's own domain ("tin.congdoanlaichau.vn"), written to site/CNAME; empty on github.io
    sharing: bool = True  # Zalo, Facebook, copy-link and print buttons under every post
    # Hosts a post may embed with <iframe>/<embed>/<object> (https:// only); nothing else may be embedded.
    embeds: tuple[str, ...] = DEFAULT_EMBEDS
    admin: AdminConfig = AdminConfig()
    offline: OfflineConfig = OfflineConfig()

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def default_unit(self) -> Term:
        return Term(UNIT, slugify(self.unit), self.unit)

    def category(self, name: str) -> Term | None:
        slug = slugify(name)
        return next((c for c in self.categories if c.slug == slug), None)


def _merge(cls: type, values: Any, where: str) -> Any:
    """Build dataclass `cls` from a mapping, rejecting unknown keys and wrong types."""
    if values is None:
        return cls()
    if not isinstance(values, dict):
        raise ConfigError(f"{where}: phải là nhóm khóa con, không phải {type(values).__name__}")
    known = {f.name: f for f in fields(cls)}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise ConfigError(f"{where}: khóa không được hỗ trợ: {', '.join(unknown)}; các khóa hợp lệ: {', '.join(known)}")
    defaults = cls()
    changes = {}
    for key, value in values.items():
        expected = type(getattr(defaults, key))
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, expected) or isinstance(value, bool) != (expected is bool):
            raise ConfigError(f"{where}.{key}: phải là {expected.__name__}, không phải {type(value).__name__}")
        changes[key] = nfc(value) if isinstance(value, str) else value
    return replace(defaults, **changes)


def _categories(values: Any) -> tuple[tuple[Term, ...], dict[str, str]]:
    if not isinstance(values, list) or not values:
        raise ConfigError("extra.newsroom.categories: cần một danh sách chuyên mục, ví dụ [Tin tức - Sự kiện, Báo cáo]")
    terms, descriptions = [], {}
    for item in values:
        if isinstance(item, dict) and set(item) <= {"name", "description"} and isinstance(item.get("name"), str):
            name, description = nfc(item["name"]), nfc(str(item.get("description", "")))
        elif isinstance(item, str):
            name, description = nfc(item), ""
        else:
            raise ConfigError(f"extra.newsroom.categories: mục không hợp lệ {item!r}; viết tên chuyên mục hoặc name/description")
        term = Term(CATEGORY, slugify(name), name)
        if not term.slug or term in terms:
            raise ConfigError(f"extra.newsroom.categories: chuyên mục \"{name}\" trống hoặc bị trùng")
        terms.append(term)
        descriptions[term.slug] = description
    return tuple(terms), descriptions


def load_config(values: dict[str, Any] | None) -> SiteConfig:
    """SiteConfig from the `extra.newsroom` mapping; raises ConfigError naming the key."""
    values = dict(values or {})
    related = _merge(RelatedConfig, values.pop("related", None), "extra.newsroom.related")
    publisher = _merge(Publisher, values.pop("publisher", None), "extra.newsroom.publisher")
    admin = _merge(AdminConfig, values.pop("admin", None), "extra.newsroom.admin")
    if admin.repo and not _REPO.match(admin.repo):
        raise ConfigError(f"extra.newsroom.admin.repo: \"{admin.repo}\" không phải tên kho GitHub; viết chủ/tên-kho, ví dụ congdoan-laichau/tin-tuc")
    offline = _offline(values.pop("offline", None))
    categories, descriptions = _categories(values.pop("categories", None))
    embeds = _embeds(values.pop("embeds", list(DEFAULT_EMBEDS)))
    config = _merge(SiteConfig, values, "extra.newsroom")
    for key in ("per_page", "home_latest", "feed_size"):
        if getattr(config, key) < 1:
            raise ConfigError(f"extra.newsroom.{key}: phải lớn hơn 0")
    if related.count < 1 or related.threshold < 0:
        raise ConfigError("extra.newsroom.related: count phải lớn hơn 0 và threshold không âm")
    if config.cname and not _HOSTNAME.match(config.cname):
        raise ConfigError(
            f"extra.newsroom.cname: \"{config.cname}\" không phải tên miền; viết tên miền không có https:// và dấu /, ví dụ tin.congdoan.vn"
        )
    try:
        ZoneInfo(config.timezone)
    except (KeyError, ValueError) as error:
        raise ConfigError(f"extra.newsroom.timezone: không biết múi giờ {config.timezone!r}") from error
    return replace(
        config, categories=categories, category_descriptions=descriptions, related=related, publisher=publisher,
        embeds=embeds, admin=admin, offline=offline,
    )  # fmt: skip


def _offline(values: Any) -> OfflineConfig:
    offline = _merge(OfflineConfig, values, "extra.newsroom.offline")
    for key in ("latest", "pages", "images", "image_days"):
        if getattr(offline, key) < 1:
            raise ConfigError(f"extra.newsroom.offline.{key}: phải lớn hơn 0")
    if not 0 < offline.page_timeout <= 30:
        raise ConfigError("extra.newsroom.offline.page_timeout: số giây chờ mạng, từ 0 đến 30 (ví dụ 3)")
    for key in ("theme_color", "background_color"):
        if not _COLOUR.match(getattr(offline, key)):
            raise ConfigError(f"extra.newsroom.offline.{key}: viết mã màu dạng #rrggbb, ví dụ #c62828")
    return offline


def _embeds(values: Any) -> tuple[str, ...]:
    """The embed allow-list: host names such as www.youtube.com, lowercased."""
    if values is None:
        return ()
    if not isinstance(values, list) or not all(isinstance(v, str) and _HOSTNAME.match(v) for v in values):
        raise ConfigError(
            "extra.newsroom.embeds: cần danh sách tên miền được phép nhúng (không có https:// và dấu /), "
            "ví dụ [www.youtube.com, www.facebook.com]"
        )
    return tuple(sorted({v.lower() for v in values}))
