"""The admin page's files as MkDocs files: the thin adapter over newsroom.admin.

The CMS packages are read from NEWSROOM_ADMIN_PACKAGES (default: .cache/admin/ beside mkdocs.yml,
where `make admin` puts them) and checked against package-lock.json beside mkdocs.yml.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from newsroom.admin import PackageError, SiteFacts, admin_files

ADMIN_DIR = "admin"
_THEME_CSS = re.compile(r"^assets/stylesheets/(?:main|palette)\.[0-9a-f]+\.min\.css$")


def admin_mkdocs_files(config, settings, posts, files) -> list[File]:
    """The generated files of /admin/, or [] when extra.newsroom.admin is not set."""
    if not settings.admin.enabled:
        return []
    root = Path(config.config_file_path).parent
    packages = Path(os.environ.get("NEWSROOM_ADMIN_PACKAGES") or root / ".cache" / "admin")
    site_path = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
    units = Counter(post.unit.name for post in posts)
    facts = SiteFacts(
        site_name=config.site_name,
        site_url=config.site_url or "",
        units=tuple(dict.fromkeys([settings.unit, *sorted(units, key=lambda name: (-units[name], name))])),
        years=tuple(sorted({post.date.year for post in posts}, reverse=True)),
    )
    theme_css = sorted(file.src_uri for file in files if _THEME_CSS.match(file.src_uri))
    styles = [site_path + path for path in (*theme_css, *config.extra_css)]
    try:
        generated = admin_files(
            settings, facts, lock=root / "package-lock.json", packages_dir=packages,
            admin_url=f"{site_path}{ADMIN_DIR}/", preview_styles=styles,
        )  # fmt: skip
    except (PackageError, ValueError) as error:
        raise PluginError(str(error)) from None
    return [File.generated(config, f"{ADMIN_DIR}/{path}", content=content) for path, content in sorted(generated.items())]
