"""The static search index: sharded, accent-folded, fetched piece by piece by the reader's browser.

Why not one file: a phone on a slow connection must not download the whole site to search it.
Each query word is looked up in one shard (chosen by a hash of the folded word), so a two-word
query fetches three shards (two words and their pair) and the short records of the results shown.

Layout under `search/` (all JSON, compact):
    meta.json            counts, shard count, years -> id ranges, categories and units with counts
    s/<n>.json           shard n: {"p": {term: postings}, "x": {term: diacritic variants}}
    d/<k>/<id>.json      one record per post: url, title, date, category, unit, number, text
    f/c-<slug>.json      ids of a category's posts (fetched only when the filter is used)
    f/u-<slug>.json      ids of a unit's posts

Document ids are positions in the published list, newest first, so "newer first" is "smaller id
first" and a year is a contiguous id range. Terms are folded syllables ("cong") and folded pairs
of adjacent syllables ("cong doan"), so phrases and document numbers ("263 kh") rank first.
Postings are flat lists [id delta, weight, id delta, weight, ...] with weight = min(tf, 15) + 16
when the term is in the title. Variants record which spelling with diacritics a post uses, so
that results with the exact diacritics typed can come first: "d" is the most common spelling
(tone key, see text.tone_key), "n" the ids of posts lacking it, "m" the ids of each other spelling.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from .labels import SEARCH_LABELS
from .model import Post
from .text import fold, format_date, plain_text, syllables, tone_key

VERSION = 1
SHARD_TARGET_BYTES = 16_000
RECORD_TEXT_CHARS = 2_500
RECORDS_PER_FOLDER = 1_000


def fnv1a(text: str) -> int:
    """32-bit FNV-1a of the UTF-8 bytes: the same function picks shards in the browser."""
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value


# A site has a few thousand distinct syllables but millions of occurrences: fold each spelling once.
_fold_word = lru_cache(maxsize=200_000)(fold)
_tone_word = lru_cache(maxsize=200_000)(tone_key)


def _dumps(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _delta(ids: list[int]) -> list[int]:
    return [b - a for a, b in zip([0, *ids], ids)]


@dataclass
class _Postings:
    weights: dict[str, dict[int, int]]
    variants: dict[str, dict[str, set[int]]]


def _title_text(post: Post) -> str:
    extra = [post.document.number, post.document.type] if post.document else []
    return " ".join([post.title, *extra])


def _body_text(post: Post, plain: str) -> str:
    names = [t.name for t in post.tags] + [post.unit.name] + [c.name for c in post.categories]
    return " ".join([plain, *names, *post.authors])


def _collect(posts: tuple[Post, ...], plains: list[str]) -> _Postings:
    weights: dict[str, dict[int, int]] = defaultdict(dict)
    variants: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for doc, post in enumerate(posts):
        in_title: set[str] = set()
        counts: Counter[str] = Counter()
        for is_title, text in ((True, _title_text(post)), (False, _body_text(post, plains[doc]))):
            words = syllables(text)
            folded = [_fold_word(w) for w in words]
            terms = folded + [f"{a} {b}" for a, b in zip(folded, folded[1:])]
            counts.update(terms)
            if is_title:
                in_title.update(terms)
            for word, plain in set(zip(words, folded)):
                variants[plain][_tone_word(word)].add(doc)
        for term, count in counts.items():
            weights[term][doc] = min(count, 15) + (16 if term in in_title else 0)
    return _Postings(weights, variants)


def _variant_entry(term: str, spellings: dict[str, set[int]], docs: list[int]) -> dict | None:
    """Which posts use which spelling of `term`; None when only the plain spelling exists."""
    if set(spellings) == {term}:
        return None
    dominant = max(spellings, key=lambda key: (len(spellings[key]), key))
    entry: dict = {"d": dominant}
    lacking = sorted(set(docs) - spellings[dominant])
    if lacking:
        entry["n"] = _delta(lacking)
    others = {key: _delta(sorted(ids)) for key, ids in sorted(spellings.items()) if key != dominant}
    if others:
        entry["m"] = others
    return entry


def _shards(postings: _Postings) -> list[dict]:
    encoded: dict[str, list[int]] = {}
    for term, by_doc in postings.weights.items():
        flat: list[int] = []
        previous = 0
        for doc in sorted(by_doc):
            flat += [doc - previous, by_doc[doc]]
            previous = doc
        encoded[term] = flat
    size = sum(len(v) * 3 + len(k) + 4 for k, v in encoded.items())
    count = 8
    while count * SHARD_TARGET_BYTES < size and count < 8192:
        count *= 2
    shards: list[dict] = [{"p": {}, "x": {}} for _ in range(count)]
    for term in sorted(encoded):
        shard = shards[fnv1a(term) % count]
        shard["p"][term] = encoded[term]
        if " " not in term and term in postings.variants:
            entry = _variant_entry(term, postings.variants[term], sorted(postings.weights[term]))
            if entry:
                shard["x"][term] = entry
    return shards


def _record(post: Post, plain: str) -> dict:
    record = {
        "u": post.url,
        "t": post.title,
        "d": format_date(post.date),
        "c": post.category.name,
        "n": post.unit.name,
        "x": plain[:RECORD_TEXT_CHARS],
    }
    if post.document and post.document.number:
        record["k"] = post.document.number
    return record


def _ranges(posts: tuple[Post, ...]) -> dict[str, list[int]]:
    years: dict[str, list[int]] = {}
    for doc, post in enumerate(posts):
        years.setdefault(str(post.date.year), [doc, doc])[1] = doc + 1
    return years


def build_search_index(posts: tuple[Post, ...]) -> dict[str, bytes]:
    """Every file of the search index, by path under the site root.

    `posts` are the published posts, newest first: drafts and scheduled posts never get in.
    """
    plains = [plain_text(post.body) for post in posts]
    shards = _shards(_collect(posts, plains))
    files = {f"search/s/{n}.json": _dumps(shard) for n, shard in enumerate(shards)}
    for doc, post in enumerate(posts):
        files[f"search/d/{doc // RECORDS_PER_FOLDER}/{doc}.json"] = _dumps(_record(post, plains[doc]))
    filters: dict[str, tuple[str, list[int]]] = {}
    for doc, post in enumerate(posts):
        for key, name in [(f"c-{c.slug}", c.name) for c in post.categories] + [(f"u-{post.unit.slug}", post.unit.name)]:
            filters.setdefault(key, (name, []))[1].append(doc)
    for key, (_, ids) in filters.items():
        files[f"search/f/{key}.json"] = _dumps(_delta(ids))

    def listed(prefix: str) -> list:
        found = [(key[2:], name, len(ids)) for key, (name, ids) in filters.items() if key.startswith(prefix)]
        return sorted(found, key=lambda item: (-item[2], item[0]))

    meta = {
        "v": VERSION,
        "n": len(posts),
        "s": len(shards),
        "f": RECORDS_PER_FOLDER,
        "y": _ranges(posts),
        "c": listed("c-"),
        "u": listed("u-"),
        "l": SEARCH_LABELS,
    }
    files["search/meta.json"] = _dumps(meta)
    return files
