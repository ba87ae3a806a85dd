"""Turns documents into posts: one adapter per source format (text.py, docx.py, html.py) gives
blocks, one parser per layout (official.py, article.py) reads them, convert.py applies the site's
settings, and newsroom.writer writes the resulting ImportedPost."""

from .convert import convert
from .record import ImportedPost, ImportFailed, ImportOptions

__all__ = ["ImportFailed", "ImportOptions", "ImportedPost", "convert"]
