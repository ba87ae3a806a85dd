"""Document numbers (số ký hiệu) in text, which post cites which document, and links to them.

Recognised forms (Nghị định 30/2020 for state and union documents, Hướng dẫn 36-HD/VPTW for the
Party's), each with or without "số"/"Số:" before it and with spaces around "/" and "-":

    263/KH-LĐLĐ      number / type code - issuer          (Kế hoạch of a Labour Federation)
    12/2021/NQ-HĐND  number / year / type code - issuer   (legal documents carry their year)
    1234/LĐLĐ-VP     number / issuer - drafting office    (công văn, no type code)
    89/BC            number / code                        (a single code of two capitals or more)
    02-NQ/TW         number - type code / issuer          (the Party's form: 09-CTr/TU, 08-QĐi/TW)
    7c/NQ-BCH        a letter may follow the digits (01A/KH-CĐ too)

A code is capitals (A-Z, Đ; Ð and D typed for Đ) with at most one small letter inside, as in
CTr, TTg, QĐi, QyĐ: codes are case-sensitive, so "CTr" (chương trình) and "CT" (chỉ thị) are two
documents, and words such as "Covid", "Kế" or "Hà" are never codes. Dates (28/7/2021), ratios
(790/812), ranges (2021-2026) and names such as Covid-19 have no code and never match.

Two spellings are the same document when their keys are equal: spaces dropped, Đ read as D,
leading zeros of the number dropped (02-NQ/TW = 2-NQ/TW), the letter after the digits in either
case (7C/NQ-BCH = 7c/NQ-BCH). A match never stops inside a code: "263/KH-LĐLĐ/2021" is not
read as "263/KH". The text may be NFC or NFD.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape

from .model import Post

_SPACE = r"[ \t\u00a0]{0,2}"
_UPPER = "A-ZĐÐ"
# capitals with at most one small ASCII letter inside: CTr, TTg, QĐi, QyĐ, but not Covid, Kế
_CODE = rf"[{_UPPER}]+(?:[a-z][{_UPPER}]*)?(?![\w\u0300-\u036f])"
_CODES = rf"{_CODE}(?:{_SPACE}-{_SPACE}{_CODE})*"
_NUMBER = r"(?<![\w\u0300-\u036f/.,-])(?P<head>\d{1,5}[a-zA-Z]?)"
_PATTERN = re.compile(
    rf"{_NUMBER}(?:"
    rf"{_SPACE}/{_SPACE}(?:(?:19|20)\d\d{_SPACE}/{_SPACE})?(?>{_CODES})"  # 263/KH-LĐLĐ, 12/2021/NQ-HĐND
    rf"|{_SPACE}-{_SPACE}{_CODE}{_SPACE}/{_SPACE}(?>{_CODES})"  # 02-NQ/TW
    r")(?![\w\u0300-\u036f]|/\d)"
)
_WHITESPACE = re.compile(r"[ \t\u00a0]+")
_HEAD = re.compile(r"^0*(\d+)([a-zA-Z]?)")
_CAPITALS = re.compile(f"[{_UPPER}]")


@dataclass(frozen=True)
class Mention:
    """A document number found in a text: as written there (without spaces), its key and place."""

    number: str
    key: str
    start: int
    end: int


def _written(raw: str) -> str:
    return unicodedata.normalize("NFC", _WHITESPACE.sub("", raw)).replace("Ð", "Đ")


def _key(number: str) -> str:
    number = number.replace("Đ", "D").replace("đ", "d")
    return _HEAD.sub(lambda m: m.group(1) + m.group(2).lower(), number, count=1)


# Every number has a "/" followed by a capital ("/KH", "/TW", "/NQ" after a year); dates and
# ratios have none. Scanning for that (a literal first: fast in `re`) and running the whole
# pattern only around it makes a pass over a big site several times cheaper.
_HINT = re.compile(rf"/{_SPACE}[{_UPPER}]")
_BEFORE_HINT = 24  # the longest "12345c / 2021 / " or "12345c - QĐi / " before the "/", and then some
_AFTER_HINT = 160


def _matches(text: str):
    end = 0
    for hint in _HINT.finditer(text):
        if hint.start() < end:
            continue
        match = _PATTERN.search(text, max(end, hint.start() - _BEFORE_HINT), hint.end() + _AFTER_HINT)
        if match and match.start() <= hint.start():
            end = match.end()
            yield match


def find_numbers(text: str) -> list[Mention]:
    """Every document number in `text`, in order; offsets are into `text` as given."""
    found = []
    for match in _matches(text):
        number = _written(match.group())
        # "89/BC" names a document; "5/A", "3/Ba" or "5A/B" do not: two capitals at least in the codes
        if len(_CAPITALS.findall(match.group()[match.end("head") - match.start() :])) < 2:
            continue
        found.append(Mention(number, _key(number), match.start(), match.end()))
    return found


def number_key(number: str) -> str | None:
    """The key of a document number written on its own (front matter), or None if it is not one."""
    number = number.strip()
    mentions = find_numbers(number)
    if len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end == len(number):
        return mentions[0].key
    return None


# Markdown that is not prose: code blocks and spans, link targets, raw tags. A number in a file
# name or an address is not a citation.
_NOT_PROSE = re.compile(r"^(`{3,}|~{3,})[^\n]*\n.*?^\1[ \t]*$|`[^`\n]+`|\]\([^)\n]*\)|<[^>\n]*>", re.MULTILINE | re.DOTALL)


def _post_mentions(post: Post) -> list[Mention]:
    prose = _NOT_PROSE.sub(" ", post.body) if ("`" in post.body or "](" in post.body or "<" in post.body) else post.body
    return [m for text in (post.title, post.description, prose) for m in find_numbers(text)]


@dataclass(frozen=True)
class Citation:
    """A document a post names: as first written in it, and the post of the site that is it."""

    number: str
    key: str
    post: Post | None = None


@dataclass(frozen=True)
class Citations:
    """Who cites what, among the published posts (keyed by post URL)."""

    cites: Mapping[str, tuple[Citation, ...]]  # documents named in a post, in order of first mention
    cited_by: Mapping[str, tuple[Post, ...]]  # posts naming a document post, newest first
    replaces: Mapping[str, tuple[Citation, ...]]  # what a document post's `document.replaces` names
    replaced_by: Mapping[str, tuple[Post, ...]]  # document posts that replace this one, newest first

    def document_keys(self, post: Post) -> tuple[str, ...]:
        """The documents a post is about: its own number and those it names (for related news)."""
        own = _own_key(post)
        return tuple(dict.fromkeys([*([own] if own else []), *(c.key for c in self.cites.get(post.url, ()))]))


def _own_key(post: Post) -> str | None:
    return number_key(post.document.number) if post.document and post.document.number else None


def _newest_first(posts: Iterable[Post]) -> tuple[Post, ...]:
    unique = {post.url: post for post in posts}  # by URL: hashing a whole post hashes its body
    return tuple(sorted(unique.values(), key=lambda p: (-p.date.timestamp(), p.url)))


def index_citations(posts: tuple[Post, ...]) -> Citations:
    """The citation index of `posts` (published posts only): one pass over their text, no pairs.

    When two posts carry the same document number, the older one is the document (the first
    to publish it); the newer one cites it.
    """
    documents: dict[str, Post] = {}
    for post in sorted(posts, key=lambda p: (p.date.timestamp(), p.url)):
        key = _own_key(post)
        if key and key not in documents:
            documents[key] = post
    cites, cited_by, replaces, replaced_by = {}, defaultdict(list), {}, defaultdict(list)
    for post in posts:
        own = _own_key(post)
        named: dict[str, Citation] = {}
        if own and documents[own] is not post:  # a second post of the same number cites the first
            named[own] = Citation(_written(post.document.number), own, documents[own])
            own = None
        for mention in _post_mentions(post):
            if mention.key != own and mention.key not in named:
                named[mention.key] = Citation(mention.number, mention.key, documents.get(mention.key))
        replaced = []
        for number in post.document.replaces if post.document else ():
            key = number_key(number)
            if key and key != own:
                citation = named.setdefault(key, Citation(_written(number), key, documents.get(key)))
                replaced.append(citation)
                if citation.post is not None:
                    replaced_by[citation.post.url].append(post)
        cites[post.url] = tuple(named.values())
        replaces[post.url] = tuple(replaced)
        for citation in named.values():
            if citation.post is not None and citation.post is not post:
                cited_by[citation.post.url].append(post)
    return Citations(
        cites,
        {url: _newest_first(found) for url, found in cited_by.items()},
        replaces,
        {url: _newest_first(found) for url, found in replaced_by.items()},
    )


def citation_links(post: Post, citations: Citations) -> dict[str, str]:
    """For the page of `post`: each cited document's key -> the link to its page, relative to it."""
    return {
        c.key: posixpath.relpath(c.post.url, post.url) + "/"
        for c in citations.cites.get(post.url, ())
        if c.post is not None and c.post.url != post.url
    }


# Text inside these is not linked: a link in a link is invalid HTML, and headings and code show
# the number as written on purpose.
_NOT_LINKED = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "kbd", "samp", "script", "style", "textarea", "button", "select", "svg", "math"})


# A tag, a comment or a declaration of the rendered HTML (quoted attribute values may hold ">").
# One compiled pattern instead of html.parser: the pass over a big site is about five times
# cheaper, and Python-Markdown's output (with the raw HTML safety.py lets through) is regular.
_MARKUP = re.compile(
    r"<!--.*?(?:-->|$)|<([/]?)([a-zA-Z][a-zA-Z0-9-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*(>|$)|<[!?][^>]*(?:>|$)",
    re.DOTALL,
)
_RAW_TEXT = frozenset({"script", "style", "textarea"})  # their content is not markup: skipped whole


def _text_runs(html: str):
    """(offset, text) of each run of text outside tags and outside `_NOT_LINKED` elements."""
    inside, position = 0, 0
    for tag in _MARKUP.finditer(html):
        if tag.start() < position:  # within a raw-text element already skipped
            continue
        if not inside and tag.start() > position:
            yield position, html[position : tag.start()]
        position = tag.end()
        closing, name = tag.group(1), (tag.group(2) or "").lower()
        if name not in _NOT_LINKED or tag.group().endswith("/>"):
            continue
        if closing:
            inside = max(inside - 1, 0)
        elif name in _RAW_TEXT:
            close = re.compile(rf"</{name}\b[^>]*>", re.IGNORECASE).search(html, position)
            position = close.end() if close else len(html)
        else:
            inside += 1
    if not inside and position < len(html):
        yield position, html[position:]


def link_citations(html: str, links: Mapping[str, str]) -> str:
    """`html` (a rendered post body) with the first mention of each document in `links` linked.

    `links` maps a document key to the address of its page. Mentions inside links, headings and
    code stay as they are; so does every later mention of the same document.
    """
    if not links:
        return html
    # Most pages name no document of the site: they are not scanned for markup. On the others
    # the scan stops after the last mention of one (a mention may sit in an attribute or a
    # heading: the scan decides which are text to link).
    wanted = [m for m in find_numbers(html) if m.key in links]
    if not wanted:
        return html
    # A number never spans a tag ("<" is not in the pattern): each mention of the whole page lies
    # in one run of text, or in a tag, or in an element not linked.
    pieces, last, done, queue = [], 0, set(), iter(wanted)
    mention = next(queue)
    for offset, text in _text_runs(html):
        run_end = offset + len(text)
        while mention is not None and mention.start < run_end:
            if mention.start >= offset and mention.key not in done:
                done.add(mention.key)
                href = escape(links[mention.key])
                pieces += [html[last : mention.start], f'<a class="news-citation" href="{href}">{html[mention.start : mention.end]}</a>']
                last = mention.end
            mention = next(queue, None)
        if mention is None:
            break
    return "".join(pieces) + html[last:] if pieces else html
