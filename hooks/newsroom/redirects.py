"""Old addresses kept working on GitHub Pages, which has no server redirects.

From the posts' `aliases` (their old addresses, written by `newsroom import DUMP.sql`) the build
writes a small static page at each old path: a meta refresh, a canonical link and a visible link
to the post, `noindex`, no script, and a policy that lets it load nothing (policy.py). The
folder of an old article address (`vi/news/<category>/`) leads to the page of the post's main
category, and `vi/news/tag/<tag>/` to the tag's page. Every other old form (`index.php?nv=news&
op=...`, an article under another category) reaches the 404 page, whose script looks the old id
up in `old-links.json` and replaces the location.

These pages are not MkDocs pages: they are in neither the sitemap nor the search index.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from html import escape

from .labels import LABELS, message
from .model import Post, Problem
from .policy import REDIRECT_REFERRER, meta_tags, redirect_policy
from .taxonomy import term_url

MAP_PATH = "assets/old-links.json"


@dataclass(frozen=True)
class Redirect:
    path: str  # the file written, relative to the site root: "vi/news/tin-tuc/bai-1.html"
    target: str  # the page it leads to, relative to the site root: "2021/07/bai/"
    title: str


def _file_of(alias: str) -> str:
    if alias.endswith("/"):
        return alias + "index.html"
    if alias.rsplit("/", 1)[-1].lower().endswith((".html", ".htm")):
        return alias
    return alias + "/index.html"


def plan_redirects(posts: tuple[Post, ...], posts_dir: str = "posts") -> tuple[tuple[Redirect, ...], list[Problem]]:
    """The redirect pages of the published `posts`, and a Problem for each old address two posts claim."""
    pages: dict[str, Redirect] = {}
    owners: dict[str, Post] = {}
    problems: list[Problem] = []
    folders: dict[str, Counter] = defaultdict(Counter)
    tags: dict[str, dict[str, object]] = defaultdict(dict)
    for post in posts:
        for alias in post.aliases:
            path = _file_of(alias)
            if path in owners and owners[path].url != post.url:
                what, fix = message("alias_taken", value=alias, other=f"{posts_dir}/{owners[path].path}")
                problems.append(Problem(f"{posts_dir}/{post.path}", 0, "aliases", what, fix))
                continue
            owners[path] = post
            pages[path] = Redirect(path, post.url, post.title)
            parts = alias.strip("/").split("/")
            if len(parts) >= 3:  # <lang>/<module>/<category>/<alias>-<id>.html: the category's folder
                folders["/".join(parts[:-1]) + "/"][post.category] += 1
                for tag in post.tags:
                    tags["/".join(parts[:-2]) + f"/tag/{tag.slug}/"][tag.slug] = tag
    for folder, counted in folders.items():
        path = _file_of(folder)
        if path not in pages:
            term = max(counted.items(), key=lambda item: (item[1], item[0].slug))[0]
            pages[path] = Redirect(path, term_url(term), term.name)
    for folder, found in tags.items():
        path = _file_of(folder)
        if path not in pages:
            (tag,) = found.values()
            pages[path] = Redirect(path, term_url(tag), tag.name)
    return tuple(sorted(pages.values(), key=lambda r: r.path)), problems


def redirect_page(redirect: Redirect, site_url: str) -> bytes:
    """The HTML of one redirect page: works from any depth, under a project path too."""
    depth = redirect.path.count("/")
    relative = posixpath.join(*([".."] * depth), redirect.target) if depth else redirect.target
    relative = relative or "./"
    canonical = site_url.rstrip("/") + "/" + redirect.target if site_url else relative
    title = escape(redirect.title)
    href = escape(relative)
    return (
        "<!doctype html>\n"
        '<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        f"{meta_tags(redirect_policy(), REDIRECT_REFERRER)}\n"
        f"<title>{escape(LABELS['moved_title'])}: {title}</title>\n"
        '<meta name="robots" content="noindex">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<link rel="canonical" href="{escape(canonical)}">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        "</head>\n<body>\n"
        f'<p>{escape(LABELS["moved_text"])} <a href="{href}">{title}</a></p>\n'
        "</body>\n</html>\n"
    ).encode("utf-8")


def old_links_map(posts: tuple[Post, ...], redirects: tuple[Redirect, ...] | None = None) -> bytes:
    """`old-links.json` for the 404 page's script: each old address (without `/` or `.html`) and
    "<module>/<id>" -> the post's URL (when two
    imported portals used the same module name and id, the newer post keeps it: posts come newest first)."""
    ids = {}
    for post in posts:
        kind, _, rest = post.old_id.partition(":")
        if kind == "nukeviet" and rest.count(":") == 1:  # nukeviet:<prefix>_<lang>_<module>:<id>
            base, article_id = rest.split(":")
            ids.setdefault(f"{base.split('_', 2)[-1]}/{article_id}", post.url)
        for alias in post.aliases:  # the module as it appears in old URLs (it may differ from the tables')
            parts = alias.strip("/").split("/")
            if kind == "nukeviet" and len(parts) >= 3:
                ids.setdefault(f"{parts[-3]}/{rest.rsplit(':', 1)[-1]}", post.url)
    if redirects is None:
        redirects = plan_redirects(posts)[0]
    paths = {_key(r.path.removesuffix("index.html")): r.target for r in redirects}
    return json.dumps({"paths": dict(sorted(paths.items())), "ids": dict(sorted(ids.items()))},
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")  # fmt: skip


def _key(alias: str) -> str:
    """An old address as the 404 page's script looks it up: without a final `/` or `.html`."""
    return re.sub(r"(?:\.html?|/)$", "", alias.strip("/"), flags=re.I).lower()


def redirect_files(posts: tuple[Post, ...], site_url: str, posts_dir: str = "posts") -> tuple[dict[str, bytes], list[Problem]]:
    """Every file the old links need: the redirect pages and the 404 page's map."""
    redirects, problems = plan_redirects(posts, posts_dir)
    files = {redirect.path: redirect_page(redirect, site_url) for redirect in redirects}
    files[MAP_PATH] = old_links_map(posts, redirects)
    return files, problems
