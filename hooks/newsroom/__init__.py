"""News logic for Vietnamese trade-union news sites: read, validate, index, list, feed.

Nothing here imports MkDocs; `hooks/news.py` adapts it to MkDocs events.
"""

from .config import ConfigError, SiteConfig, load_config
from .model import Attachment, Document, Post, Problem, Term
from .reader import Corpus, read_posts
from .site import Site, build_site, published

__all__ = [
    "Attachment",
    "ConfigError",
    "Corpus",
    "Document",
    "Post",
    "Problem",
    "Site",
    "SiteConfig",
    "Term",
    "build_site",
    "load_config",
    "published",
    "read_posts",
]
