"""Links from one post's body to another post's file (`[Tin cũ](../06/tin-cu.md)`) lead to its page.

The office writes links between posts as paths between their files, which also work in GitHub's
own preview. A post's page is generated at `<its URL>index.md`, not where its file is, so once
every post is read each such link is pointed at the generated page of the post it names; MkDocs
then checks it and writes the page's URL. Links to files that are not posts are reported by the
validator (frontmatter.body_assets), with the line.
"""

from __future__ import annotations

import posixpath
from dataclasses import replace
from pathlib import Path

from .frontmatter import _EXTERNAL, _LINK_TARGET
from .model import Post


def _page_of(target: str, post: Post, posts_dir: Path, by_path: dict[str, Post]) -> str | None:
    """The relative link to the generated page of the post file `target` names, or None."""
    try:
        rel = (post.source.parent / target).resolve().relative_to(posts_dir.resolve()).as_posix()
    except (OSError, ValueError):
        return None
    other = by_path.get(rel)
    return posixpath.relpath(f"{other.url}index.md", post.url) if other else None


def link_posts(posts: list[Post], posts_dir: Path) -> list[Post]:
    """`posts` with every body link to another post's file pointed at that post's page."""
    by_path = {post.path: post for post in posts}
    linked = []
    for post in posts:
        pieces, last = [], 0
        for match in _LINK_TARGET.finditer(post.body) if ".md" in post.body else ():
            start, end = match.span(match.lastindex)
            path = post.body[start:end].split("#")[0].split("?")[0]
            if not path.endswith(".md") or _EXTERNAL.match(path):
                continue
            page = _page_of(path, post, posts_dir, by_path)
            if page is not None:
                pieces += [post.body[last:start], page]
                last = start + len(path)
        linked.append(replace(post, body="".join(pieces) + post.body[last:]) if pieces else post)
    return linked
