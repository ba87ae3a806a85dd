"""Reading without a connection: the service worker, the web app manifest and their inputs.

The build writes everything the browser needs to know (which files to keep, the newest posts,
the build's version) from the model and the built files; the worker (worker.js) only follows it.
"""

from .icons import icon_files
from .plan import (
    LATEST_PATH,
    MANIFEST_PATH,
    OFFLINE_URL,
    SAVED_URL,
    WORKER_PATH,
    build_version,
    cache_first_assets,
    head_links,
    latest_posts,
    manifest,
    offline_pages,
    worker_script,
)

__all__ = [
    "LATEST_PATH",
    "MANIFEST_PATH",
    "OFFLINE_URL",
    "SAVED_URL",
    "WORKER_PATH",
    "build_version",
    "cache_first_assets",
    "head_links",
    "icon_files",
    "latest_posts",
    "manifest",
    "offline_pages",
    "worker_script",
]
