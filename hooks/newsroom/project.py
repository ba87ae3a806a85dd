"""The site a command works on: finds mkdocs.yml and reads its `extra.newsroom` settings.

Used by the command line only; the MkDocs hook gets the same settings from MkDocs itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .config import ConfigError, SiteConfig, load_config
from .labels import cli_text

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")


class _ConfigLoader(yaml.SafeLoader):
    """SafeLoader that reads tags it does not know (`!!python/name:`, `!ENV`, `!relative`) as nothing.

    mkdocs.yml may name Python objects for MkDocs' own loader; we only need plain values from it,
    and must never import or run anything it names.
    """


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Project:
    config_file: Path
    settings: SiteConfig
    docs_dir_name: str = "docs"
    theme_dir_name: str = ""  # theme.custom_dir (overrides/): MkDocs publishes its non-template files

    @property
    def root(self) -> Path:
        return self.config_file.parent

    @property
    def posts_dir(self) -> Path:
        return self.root / self.settings.posts_dir

    @property
    def docs_dir(self) -> Path:
        return self.root / self.docs_dir_name

    @property
    def theme_dirs(self) -> tuple[Path, ...]:
        return (self.root / self.theme_dir_name,) if self.theme_dir_name else ()


def find_config_file(start: Path) -> Path | None:
    """mkdocs.yml in `start` or the nearest folder above it."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
    return None


def load_project(config_file: Path | None, cwd: Path) -> Project:
    """The project of `config_file`, or of the mkdocs.yml found from `cwd` upward; ConfigError if none."""
    path = config_file or find_config_file(cwd.resolve())
    if path is None:
        raise ConfigError(cli_text("config_not_found", folder=cwd))
    path = path.resolve()
    if not path.is_file():
        raise ConfigError(cli_text("config_missing", file=path))
    try:
        values = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_ConfigLoader) or {}
    except OSError as error:
        raise ConfigError(cli_text("config_unreadable", file=path, error=error.strerror)) from None
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise ConfigError(cli_text("config_unreadable", file=path, error=str(error).replace("\n", " "))) from None
    if not isinstance(values, dict):
        raise ConfigError(cli_text("config_unreadable", file=path, error=cli_text("config_not_mapping")))
    extra = values.get("extra") if isinstance(values.get("extra"), dict) else {}
    settings = load_config(extra.get("newsroom"))
    docs_dir = values.get("docs_dir") if isinstance(values.get("docs_dir"), str) else "docs"
    theme = values.get("theme") if isinstance(values.get("theme"), dict) else {}
    custom_dir = theme.get("custom_dir") if isinstance(theme.get("custom_dir"), str) else ""
    return Project(path, settings, docs_dir, custom_dir)
