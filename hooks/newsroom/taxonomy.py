"""Categories, tags and units: which posts carry each term."""

from __future__ import annotations

from dataclasses import dataclass

from .model import CATEGORY, TAG, UNIT, Post, Term

PREFIX = {CATEGORY: "chuyen-muc", TAG: "the", UNIT: "don-vi"}


@dataclass(frozen=True)
class TermIndex:
    term: Term
    posts: tuple[Post, ...]  # newest first

    @property
    def url(self) -> str:
        return term_url(self.term)


def term_url(term: Term) -> str:
    return f"{PREFIX[term.kind]}/{term.slug}/"


def _terms_of(post: Post, kind: str) -> tuple[Term, ...]:
    if kind == CATEGORY:
        return post.categories
    if kind == TAG:
        return post.tags
    return (post.unit,)


def index_terms(posts: tuple[Post, ...], kind: str, declared: tuple[Term, ...] = ()) -> tuple[TermIndex, ...]:
    """One TermIndex per term of `kind` used by `posts` (newest first).

    Declared terms (the configured categories) keep their configured order and spelling;
    other terms are ordered by number of posts, then by slug. The spelling shown is the one
    of the newest post, so that renaming a tag in new posts renames its page.
    """
    found: dict[str, list[Post]] = {}
    names: dict[str, Term] = {term.slug: term for term in declared}
    for post in posts:
        for term in _terms_of(post, kind):
            found.setdefault(term.slug, []).append(post)
            names.setdefault(term.slug, term)
    if declared:
        order = [term.slug for term in declared if term.slug in found]
    else:
        order = sorted(found, key=lambda slug: (-len(found[slug]), slug))
    return tuple(TermIndex(names[slug], tuple(found[slug])) for slug in order)
