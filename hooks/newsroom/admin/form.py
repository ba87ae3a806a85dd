"""The CMS configuration (admin/config.yml), generated from the validator's own schema.

One form field per front-matter field that `frontmatter.build_post` reads (FIELD_KEYS, and
DOCUMENT_FIELDS inside `document`), with the same rules: the declared categories, the date
format the validator parses, the slug pattern, the image and attachment kinds inert.py accepts.
A field added to the validator and not here (or the reverse) stops the build (`check_form`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..config import SiteConfig
from ..frontmatter import _SLUG, DOCUMENT_FIELDS, FIELD_KEYS
from ..inert import KINDS
from ..labels import ADMIN_LABELS as L
from ..labels import admin_text

POST_FORMAT = "YYYY-MM-DD HH:mm"  # frontmatter._DATE reads "2021-07-29 14:30"
DAY_FORMAT = "YYYY-MM-DD"


@dataclass(frozen=True)
class SiteFacts:
    """What the form offers beyond the settings: taken from the posts when the site is built."""

    site_name: str
    site_url: str  # https://owner.github.io/repo/
    units: tuple[str, ...] = ()  # every unit a post names, the site's own first
    years: tuple[int, ...] = ()  # years that have posts, newest first


def _accept(images: bool) -> str:
    kinds = [kind for kind in KINDS if kind.image == images] if images else list(KINDS)
    return ",".join(f".{extension}" for kind in kinds for extension in kind.extensions)


def _text(name: str, widget: str = "string", **extra: Any) -> dict[str, Any]:
    field = {"name": name, "label": L[name], "widget": widget, "required": False, **extra}
    if f"{name}_hint" in L and "hint" not in field:
        field["hint"] = L[f"{name}_hint"]
    return field


def _list(name: str, **extra: Any) -> dict[str, Any]:
    return _text(name, "list", **extra)


def post_fields(settings: SiteConfig, facts: SiteFacts) -> list[dict[str, Any]]:
    """Form fields in the order staff fill them; `body` is the Markdown after the front matter."""
    attachment_kinds = ", ".join(sorted({kind.label for kind in KINDS}))
    units = ", ".join(facts.units[:8]) or settings.unit
    return [
        _text("title", required=True, hint=L["title_hint"]),
        _text("date", "datetime", required=True, format=POST_FORMAT, picker_utc=False, default="{{now}}"),
        _text(
            "categories", "select", required=True, multiple=True, min=1,
            options=[category.name for category in settings.categories],
        ),  # fmt: skip
        _list("tags"),
        _text("unit", default=settings.unit, hint=L["unit_hint"].format(unit=settings.unit, units=units)),
        _list("authors"),
        _text("description", "text"),
        _text("image", "image", accept=_accept(images=True)),
        _text("draft", "boolean", default=False),
        _text("pin", "boolean", default=False),
        _text("slug", pattern=[_SLUG.pattern, L["slug_pattern"]]),
        _list("links"),
        _text(
            "document", "object", collapsed="auto",
            fields=[
                _text("type"),
                _text("number"),
                _text("place"),
                _text("issued", "datetime", format=DAY_FORMAT, time_format=False, picker_utc=False),
                _text("signer"),
                _text("signer_title"),
                _list("recipients"),
                _list("replaces"),
                _list(
                    "attachments", label_singular=L["attachment"],
                    fields=[
                        _text("file", "file", required=True, accept=_accept(images=False),
                              hint=L["file_hint"].format(accepted=attachment_kinds)),
                        _text("title", label=L["file_title"], hint=L["file_title_hint"]),
                    ],
                ),
            ],
        ),  # fmt: skip
        # written by `newsroom import` for a post moved from the old portal: shown, not to be edited
        _text("old_id", readonly=True),
        _list("aliases", readonly=True),
        {"name": "body", "label": L["body"], "widget": "markdown", "required": False},
    ]


def check_form(fields: list[dict[str, Any]]) -> None:
    """Raise ValueError naming the fields the form and the validator disagree on."""
    names = {field["name"] for field in fields} - {"body"}
    document = next((field for field in fields if field["name"] == "document"), {"fields": []})
    inner = {field["name"] for field in document["fields"]}
    differ = sorted(names ^ set(FIELD_KEYS)) + sorted(f"document.{name}" for name in inner ^ set(DOCUMENT_FIELDS))
    if differ:
        raise ValueError(admin_text("form_out_of_date", fields=", ".join(differ)))


def cms_config(settings: SiteConfig, facts: SiteFacts) -> dict[str, Any]:
    """The whole CMS configuration, as a mapping written to admin/config.yml."""
    admin = settings.admin
    fields = post_fields(settings, facts)
    check_form(fields)
    year_filters = [
        {"name": f"y{year}", "label": L["filter_year"].format(year=year), "field": "date", "pattern": f"^{year}-"}
        for year in facts.years
    ]
    return {
        "backend": {
            "name": "github",
            "repo": admin.repo,
            "branch": admin.branch,
            # a fine-grained token typed in the page: no OAuth server (Netlify's or ours) to reach
            "auth_methods": ["token"],
            "commit_messages": {
                "create": L["commit_create"],
                "update": L["commit_update"],
                "delete": L["commit_delete"],
                "uploadMedia": L["commit_upload"],
                "deleteMedia": L["commit_delete_media"],
            },
        },
        "app_title": L["app_title"].format(site=facts.site_name),
        "site_url": facts.site_url,
        "display_url": facts.site_url,
        "publish_mode": "simple",
        "media_folder": settings.posts_dir,
        "public_folder": "",
        "output": {"omit_empty_optional_fields": True},  # no `image: ''` or `document: null` lines
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-", "lowercase": True, "trim": True},
        "collections": [
            {
                "name": "posts",
                "label": L["collection"],
                "label_singular": L["collection_singular"],
                "description": L["collection_description"],
                "folder": settings.posts_dir,
                "extension": "md",
                "format": "yaml-frontmatter",
                "create": True,
                "delete": True,
                # posts/YYYY/MM/<slug>.md, from the post's date; the slug from the title, without diacritics
                "path": "{{fields.date | date('YYYY')}}/{{fields.date | date('MM')}}/{{slug}}",
                "slug": "{{title}}",
                "preview_path": "{{year}}/{{month}}/{{slug}}/",
                "preview_path_date_field": "date",
                # Pictures and attachments in a folder named like the post, beside it: posts/2021/07/<slug>/x.jpg
                # (the CMS reads an entry-relative "" as that folder), so two posts of a month never share a
                # name; written `image: <slug>/x.jpg`, relative to the post file, as the validator reads it.
                "media_folder": "",
                "public_folder": "{{filename}}",
                "identifier_field": "title",
                "summary": "{{date | date('DD/MM/YYYY')}} · {{title}}",
                "sortable_fields": {"fields": ["date", "title"], "default": {"field": "date", "direction": "descending"}},
                "view_filters": [
                    {"name": "drafts", "label": L["filter_drafts"], "field": "draft", "pattern": "true"},
                    {"name": "documents", "label": L["filter_documents"], "field": "document.type", "pattern": "."},
                    *year_filters,
                ],
                "view_groups": [{"name": "year", "label": L["group_year"], "field": "date", "pattern": r"^\d{4}"}],
                "fields": fields,
            }
        ],
    }
