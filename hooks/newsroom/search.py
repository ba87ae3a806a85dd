"""The static search index: sharded, accent-folded, fetched piece by piece by the reader's browser.

Why not one file: a phone on a slow connection must not download the whole site to search it.
Each query word is looked up in one shard (chosen by a hash of the folded word), so a two-word
query fetches three shards (two words and their pair) and the short records of the results shown.

Layout under `search/` (all JSON, compact):
    meta.json            counts, shard count, years -> id ranges, categories and units with counts
    s/<n>.json           shard n: {"p": {term: postings}, "x": {term: diacritic variants}}
    d/<k>/<id>.json      one record per post: url, title, date, category, unit, number, text,
                         thumbnail ("i": src, width, height, sizes, srcset; only when it has a picture)
    f/c-<slug>.json      ids of a category's posts (fetched only when the filter is used)
    f/u-<slug>.json      ids of a unit's posts

Document ids are positions in the published list, newest first, so "newer first" is "smaller id
first" and a year is a contiguous id range. Terms are folded syllables ("cong") and folded pairs
of adjacent syllables ("cong doan"), so phrases and document numbers ("263 kh") rank first.
Postings are flat lists [id delta, weight, id delta, weight, ...] with weight = min(tf, 15), + 16
when the term is in the title, + 32 when it is in the post's own document number (so that the
plan 263/KH-LĐLĐ ranks above the newer reports that cite it in their titles). Variants record which spelling with diacritics a post uses, so
that results with the exact diacritics typed can come first: "d" is the most common spelling
(tone key, see text.tone_key), "n" the ids of posts lacking it, "m" the ids of each other spelling.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from itertools import accumulate, count
from typing import Callable

import numpy as np

from .codes import PAIR, pair_of, with_pairs
from .labels import SEARCH_LABELS
from .model import Post
from .text import fold, format_date, plain_text, syllables, tone_key
from .thumbnails import SMALL, Thumbnail

VERSION = 1
SHARD_TARGET_BYTES = 16_000
RECORD_TEXT_CHARS = 1_200  # enough for an excerpt near the start; the site's size counts at 10,000 posts
RECORDS_PER_FOLDER = 1_000


def fnv1a(text: str) -> int:
    """32-bit FNV-1a of the UTF-8 bytes: the same function picks shards in the browser."""
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value


def _dumps(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _delta(ids: list[int]) -> list[int]:
    return [b - a for a, b in zip([0, *ids], ids)]


@dataclass
class _Postings:
    encoded: dict[str, list[int]]  # term -> [id delta, weight, ...]
    variants: dict[str, dict[str, list[int]]]  # folded syllable -> tone key -> sorted ids


def _title_text(post: Post) -> str:
    extra = [post.document.number, post.document.type] if post.document else []
    return " ".join([post.title, *extra])


def _number_text(post: Post) -> str:
    return post.document.number if post.document and post.document.number else ""


def _body_text(post: Post, plain: str) -> str:
    names = [t.name for t in post.tags] + [post.unit.name] + [c.name for c in post.categories]
    return " ".join([plain, *names, *post.authors])


def _collect(posts: tuple[Post, ...], plains: list[str]) -> _Postings:
    """Postings of every folded syllable and syllable pair, and the spellings of each syllable.

    Words become integers once (a site has a few thousand distinct syllables but millions of
    occurrences), so counting, pairing and grouping run in numpy rather than per word.
    """
    word_ids: dict[str, int] = defaultdict(count().__next__)
    fields = [
        [np.fromiter(map(word_ids.__getitem__, syllables(text)), dtype=np.int64) for text in (_title_text(post), _body_text(post, plains[doc]), _number_text(post))]
        for doc, post in enumerate(posts)
    ]
    words = list(word_ids)
    folded_ids: dict[str, int] = defaultdict(count().__next__)
    folded_of = np.fromiter((folded_ids[fold(w)] for w in words), dtype=np.int64, count=len(words))
    folded = list(folded_ids)
    docs, codes, weights, spelled = [], [], [], []
    for doc, (title, body, number) in enumerate(fields):
        title_codes = with_pairs(folded_of[title])
        terms, tf = np.unique(np.concatenate([title_codes, with_pairs(folded_of[body])]), return_counts=True)
        codes.append(terms)
        weights.append(np.minimum(tf, 15) + 16 * np.isin(terms, title_codes) + 32 * np.isin(terms, with_pairs(folded_of[number])))
        docs.append(np.full(len(terms), doc, dtype=np.int64))
        spelled.append(np.unique(np.concatenate([title, body])))
    codes_, docs_, weights_ = np.concatenate(codes), np.concatenate(docs), np.concatenate(weights)
    order = np.lexsort((docs_, codes_))
    codes_, docs_, weights_ = codes_[order], docs_[order], weights_[order]
    starts = np.flatnonzero(np.r_[True, codes_[1:] != codes_[:-1]])
    ends = np.r_[starts[1:], len(codes_)]
    encoded = {}
    for start, end in zip(starts.tolist(), ends.tolist()):
        code = int(codes_[start])
        term = folded[code] if code < PAIR else " ".join(folded[i] for i in pair_of(code))
        ids = docs_[start:end]
        flat = np.empty(2 * (end - start), dtype=np.int64)
        flat[0::2] = np.diff(ids, prepend=0)
        flat[1::2] = weights_[start:end]
        encoded[term] = flat.tolist()
    tone = [tone_key(w) for w in words]
    variants: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for doc, used in enumerate(spelled):
        for word in used.tolist():
            variants[folded[folded_of[word]]][tone[word]].add(doc)
    return _Postings(encoded, {term: {key: sorted(ids) for key, ids in spellings.items()} for term, spellings in variants.items()})


def _variant_entry(term: str, spellings: dict[str, list[int]], docs: list[int]) -> dict | None:
    """Which posts use which spelling of `term`; None when only the plain spelling exists."""
    if set(spellings) == {term}:
        return None
    dominant = max(spellings, key=lambda key: (len(spellings[key]), key))
    entry: dict = {"d": dominant}
    lacking = sorted(set(docs) - set(spellings[dominant]))
    if lacking:
        entry["n"] = _delta(lacking)
    others = {key: _delta(ids) for key, ids in sorted(spellings.items()) if key != dominant}
    if others:
        entry["m"] = others
    return entry


def _shards(postings: _Postings) -> list[dict]:
    encoded = postings.encoded
    size = sum(len(v) * 3 + len(k) + 4 for k, v in encoded.items())
    count_ = 8
    while count_ * SHARD_TARGET_BYTES < size and count_ < 8192:
        count_ *= 2
    shards: list[dict] = [{"p": {}, "x": {}} for _ in range(count_)]
    for term in sorted(encoded):
        shard = shards[fnv1a(term) % count_]
        shard["p"][term] = encoded[term]
        if " " not in term and term in postings.variants:
            docs = list(accumulate(encoded[term][0::2]))
            entry = _variant_entry(term, postings.variants[term], docs)
            if entry:
                shard["x"][term] = entry
    return shards


def _record(post: Post, plain: str, thumbnail: Thumbnail | None = None) -> dict:
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
    if thumbnail:  # site paths, like "u": the browser resolves them against the site's base
        record["i"] = {"u": thumbnail.src, "w": thumbnail.width, "h": thumbnail.height, "z": thumbnail.sizes}
        if thumbnail.srcset:
            record["i"]["s"] = [[c.url, c.width] for c in thumbnail.srcset]
    return record


def _ranges(posts: tuple[Post, ...]) -> dict[str, list[int]]:
    years: dict[str, list[int]] = {}
    for doc, post in enumerate(posts):
        years.setdefault(str(post.date.year), [doc, doc])[1] = doc + 1
    return years


def build_search_index(
    posts: tuple[Post, ...], thumbnail_of: Callable[[Post, str], Thumbnail | None] | None = None
) -> dict[str, bytes]:
    """Every file of the search index, by path under the site root.

    `posts` are the published posts, newest first: drafts and scheduled posts never get in.
    `thumbnail_of(post, kind)` gives the picture shown beside a result (see build_site).
    """
    plains = [plain_text(post.body) for post in posts]
    shards = _shards(_collect(posts, plains))
    files = {f"search/s/{n}.json": _dumps(shard) for n, shard in enumerate(shards)}
    for doc, post in enumerate(posts):
        thumbnail = thumbnail_of(post, SMALL) if thumbnail_of else None
        files[f"search/d/{doc // RECORDS_PER_FOLDER}/{doc}.json"] = _dumps(_record(post, plains[doc], thumbnail))
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
