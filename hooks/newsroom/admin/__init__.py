"""The admin page at /admin/: Sveltia CMS from its pinned npm package, with a form generated from
the validator's schema. `admin_files` is all the build needs; nothing here imports MkDocs."""

from __future__ import annotations

from importlib.resources import files as package_files
from pathlib import Path

import yaml

from ..config import SiteConfig
from .form import SiteFacts, check_form, cms_config, post_fields
from .packages import PackageError, open_packages
from .page import admin_css, admin_js, index_html
from .vendor import BUNDLE, SCHEMA, WANTED, vendor

__all__ = [
    "PackageError", "SiteFacts", "admin_files", "check_form", "cms_config", "config_yaml",
    "post_fields",
]  # fmt: skip


def config_yaml(config: dict, admin_url: str) -> str:
    # The first line names the schema the way the CMS expects, so it does not suggest adding it.
    head = f"# yaml-language-server: $schema={admin_url}{SCHEMA}\n# Tạo tự động khi dựng trang, từ mkdocs.yml và hooks/newsroom: đừng sửa tay.\n"
    return head + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=200)


def admin_files(
    settings: SiteConfig, facts: SiteFacts, *, lock: Path, packages_dir: Path, admin_url: str,
    preview_styles: list[str],
) -> dict[str, bytes]:  # fmt: skip
    """Every file of the admin folder (paths relative to it); raises PackageError when a package is missing or altered."""
    vendored = vendor(open_packages(lock, packages_dir, WANTED), admin_url)
    files = dict(vendored.files)
    files["index.html"] = index_html(BUNDLE).encode()
    files["preview.css"] = package_files(__package__).joinpath("preview.css").read_bytes()
    files["admin.js"] = admin_js([*preview_styles, f"{admin_url}preview.css"]).encode()
    files["admin.css"] = admin_css(vendored.font_css).encode()
    files["config.yml"] = config_yaml(cms_config(settings, facts), admin_url).encode()
    return files
