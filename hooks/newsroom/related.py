"""Related news ("Tin liên quan"), computed for every post at once with sparse matrices.

Score of candidate B for post A (each weight from RelatedConfig; 0 turns an index off):

    base  = content * cos(tfidf(A), tfidf(B))
          + tags * cos(tags(A), tags(B))              (shared tags / sqrt(|tags A| * |tags B|))
          + categories * cos(categories(A), categories(B))
          + unit * [unit(A) == unit(B)]
    score = base * (1 + recency * 2 ** (-|days(A) - days(B)| / recency_days))

Content is Vietnamese written syllables and syllable pairs ("công đoàn" is two syllables, one
word) of the title (counted twice) and body, weighted by sublinear TF and smoothed IDF. Terms on
one post only, or on more than `max_document_share` of the posts, carry no signal and are dropped.
Candidates scoring under `threshold` are not related. Ties go to the newer post, then the URL.
Hand-picked `links` come first, in the order written.

Every index is a cosine, so `base` is one product of a single weighted, row-normalised sparse
matrix with itself, computed in blocks of rows so that memory stays bounded; no Python loop
runs over pairs of posts. Recency multiplies by at most (1 + recency), so only candidates whose
base reaches the count-th best base / (1 + recency) can make a list: only those get it.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import count

import numpy as np
from scipy import sparse

from .codes import with_pairs
from .config import RelatedConfig
from .model import Post
from .text import syllables

BLOCK = 512
_MAX_TERMS_PER_POST = 80


def _codes(post: Post, ids: dict[str, int]) -> np.ndarray:
    """The post's terms as integers: syllable ids and syllable-pair codes (see codes.py)."""
    return with_pairs(np.fromiter(map(ids.__getitem__, syllables(post.title) * 2 + syllables(post.body)), dtype=np.int64))


def _tfidf(posts: tuple[Post, ...], max_share: float) -> sparse.csr_matrix:
    ids: dict[str, int] = defaultdict(count().__next__)
    terms, counts = [], []
    for post in posts:
        unique, tf = np.unique(_codes(post, ids), return_counts=True)
        terms.append(unique)
        counts.append(tf)
    n = len(posts)
    if not ids:
        return sparse.csr_matrix((n, 1))
    columns, column_of = np.unique(np.concatenate(terms), return_inverse=True)
    indptr = np.concatenate([[0], np.cumsum([len(t) for t in terms])])
    matrix = sparse.csr_matrix(
        (np.concatenate(counts).astype(np.float64), column_of.ravel(), indptr), shape=(n, len(columns))
    )
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    useful = (df > 1) & (df <= max(2, max_share * n))
    idf = np.where(useful, np.log((1 + n) / (1 + df)) + 1, 0.0)
    matrix.data = (1 + np.log(matrix.data)) * idf[matrix.indices]
    matrix.eliminate_zeros()
    return _normalised(_keep_strongest(matrix, _MAX_TERMS_PER_POST))


def _keep_strongest(matrix: sparse.csr_matrix, limit: int) -> sparse.csr_matrix:
    """Keep each row's `limit` heaviest terms: long posts stop dominating and products stay sparse."""
    keep = np.ones(matrix.nnz, dtype=bool)
    for row in np.nonzero(np.diff(matrix.indptr) > limit)[0]:
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        # stable: among equal weights the lower column wins, so results are repeatable
        order = np.lexsort((matrix.indices[start:end], -matrix.data[start:end]))
        keep[start + order[limit:]] = False
    matrix.data = np.where(keep, matrix.data, 0.0)
    matrix.eliminate_zeros()
    return matrix


def _binary(rows: list[list[str]]) -> sparse.csr_matrix:
    vocabulary: dict[str, int] = {}
    indices, indptr = [], [0]
    for row in rows:
        indices.extend(sorted({vocabulary.setdefault(key, len(vocabulary)) for key in row}))
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float64)
    return _normalised(sparse.csr_matrix((data, indices, indptr), shape=(len(rows), max(len(vocabulary), 1))))


def _normalised(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1
    return sparse.csr_matrix(sparse.diags(1 / norms) @ matrix)


def _features(posts: tuple[Post, ...], config: RelatedConfig) -> sparse.csr_matrix:
    """One row per post: each index's unit vector scaled by the square root of its weight."""
    parts = [
        (config.content, lambda: _tfidf(posts, config.max_document_share)),
        (config.tags, lambda: _binary([[t.slug for t in p.tags] for p in posts])),
        (config.categories, lambda: _binary([[t.slug for t in p.categories] for p in posts])),
        (config.unit, lambda: _binary([[p.unit.slug] for p in posts])),
    ]
    blocks = [np.sqrt(weight) * build() for weight, build in parts if weight]
    if not blocks:
        return sparse.csr_matrix((len(posts), 1))
    return sparse.csr_matrix(sparse.hstack(blocks, format="csr"))


def _best(row: np.ndarray, candidates: np.ndarray, days: np.ndarray, i: int, rank: np.ndarray, wanted: int, config: RelatedConfig) -> np.ndarray:
    scores = row[candidates]
    if config.recency:
        scores = scores * (1 + config.recency * np.exp2(-np.abs(days[candidates] - days[i]) / config.recency_days))
    # rounding makes ties exact, so the tie rule decides them rather than floating-point noise
    scores = np.round(scores, 9)
    keep = scores >= config.threshold
    candidates, scores = candidates[keep], scores[keep]
    return candidates[np.lexsort((rank[candidates], -scores))][:wanted]


def related_posts(posts: tuple[Post, ...], config: RelatedConfig) -> dict[str, tuple[Post, ...]]:
    """For each post's URL, its `config.count` most related other posts among `posts`.

    `posts` must be the published posts only: nothing else can appear in a list.
    """
    if not posts:
        return {}
    features = _features(posts, config)
    days = np.array([p.date.timestamp() / 86400 for p in posts])
    by_path = {post.path: i for i, post in enumerate(posts)}
    # Newer first, then URL: the tie rule, as one rank per post.
    rank = np.empty(len(posts), dtype=np.int64)
    rank[sorted(range(len(posts)), key=lambda i: (-posts[i].date.timestamp(), posts[i].url))] = np.arange(len(posts))
    count_ = config.count
    others = features.T.tocsr()  # the product would convert the transpose anew for every block
    result: dict[str, tuple[Post, ...]] = {}
    for start in range(0, len(posts), BLOCK):
        stop = min(start + BLOCK, len(posts))
        base = (features[start:stop] @ others).toarray()
        picks = []
        for offset in range(stop - start):
            i = start + offset
            picked = [by_path[p] for p in posts[i].links if p in by_path and by_path[p] != i]
            picked = list(dict.fromkeys(picked))[:count_]
            base[offset, [i, *picked]] = -1.0
            picks.append(picked)
        if base.shape[1] > count_:
            floor = np.partition(base, -count_, axis=1)[:, -count_] / (1 + config.recency) - 1e-9
        else:
            floor = np.zeros(stop - start)
        rows, columns = np.nonzero((base > 0) & (base >= floor[:, None]))
        bounds = np.searchsorted(rows, np.arange(stop - start + 1))
        for offset, picked in enumerate(picks):
            i = start + offset
            wanted = count_ - len(picked)
            if wanted > 0:
                candidates = columns[bounds[offset] : bounds[offset + 1]]
                picked = picked + [int(j) for j in _best(base[offset], candidates, days, i, rank, wanted, config)]
            result[posts[i].url] = tuple(posts[j] for j in picked)
    return result
