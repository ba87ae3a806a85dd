"""Related news ("Tin liên quan"), computed for every post at once with sparse matrices.

Score of candidate B for post A (each weight from RelatedConfig; 0 turns an index off):

    base  = content * cos(tfidf(A), tfidf(B))
          + tags * jaccard(tags(A), tags(B))
          + categories * jaccard(categories(A), categories(B))
          + unit * [unit(A) == unit(B)]
    score = base * (1 + recency * 2 ** (-|days(A) - days(B)| / recency_days))

Content is Vietnamese written syllables and syllable pairs ("công đoàn" is two syllables, one
word) of the title (counted twice) and body, weighted by sublinear TF and smoothed IDF. Terms on
one post only, or on more than `max_document_share` of the posts, carry no signal and are dropped.
Candidates scoring under `threshold` are not related. Ties go to the newer post, then the URL.
Hand-picked `links` come first, in the order written. Rows are computed in blocks so that
memory stays bounded and no Python loop runs over pairs of posts.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from .config import RelatedConfig
from .model import Post
from .text import syllables

BLOCK = 512
_MAX_TERMS_PER_POST = 80


@dataclass(frozen=True)
class _Matrices:
    content: sparse.csr_matrix
    tags: sparse.csr_matrix
    categories: sparse.csr_matrix
    units: sparse.csr_matrix
    days: np.ndarray


def _content_terms(post: Post) -> list[str]:
    words = syllables(post.title) * 2 + syllables(post.body)
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


def _binary(rows: list[list[str]]) -> sparse.csr_matrix:
    vocabulary: dict[str, int] = {}
    indices, indptr = [], [0]
    for row in rows:
        indices.extend(sorted({vocabulary.setdefault(key, len(vocabulary)) for key in row}))
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float64)
    return sparse.csr_matrix((data, indices, indptr), shape=(len(rows), max(len(vocabulary), 1)))


def _tfidf(posts: tuple[Post, ...], max_share: float) -> sparse.csr_matrix:
    vocabulary: dict[str, int] = {}
    rows, cols, counts = [], [], []
    for row, post in enumerate(posts):
        ids, tf = np.unique([vocabulary.setdefault(t, len(vocabulary)) for t in _content_terms(post)], return_counts=True)
        rows.append(np.full(len(ids), row)), cols.append(ids), counts.append(tf)
    n = len(posts)
    if not vocabulary or n == 0:
        return sparse.csr_matrix((n, 1))
    matrix = sparse.csr_matrix(
        (np.concatenate(counts).astype(np.float64), (np.concatenate(rows), np.concatenate(cols))),
        shape=(n, len(vocabulary)),
    )
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    useful = (df > 1) & (df <= max(2, max_share * n))
    idf = np.where(useful, np.log((1 + n) / (1 + df)) + 1, 0.0)
    matrix.data = (1 + np.log(matrix.data)) * idf[matrix.indices]
    matrix.eliminate_zeros()
    matrix = _keep_strongest(matrix, _MAX_TERMS_PER_POST)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1
    return sparse.csr_matrix(sparse.diags(1 / norms) @ matrix)


def _keep_strongest(matrix: sparse.csr_matrix, limit: int) -> sparse.csr_matrix:
    """Keep each row's `limit` heaviest terms: long posts stop dominating and products stay sparse."""
    matrix = matrix.tocsr()
    keep = np.ones(matrix.nnz, dtype=bool)
    for row in np.nonzero(np.diff(matrix.indptr) > limit)[0]:
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        values = matrix.data[start:end]
        # stable: among equal weights the lower term id (first seen) wins, so results are repeatable
        order = np.lexsort((matrix.indices[start:end], -values))
        keep[start + order[limit:]] = False
    matrix.data = np.where(keep, matrix.data, 0.0)
    matrix.eliminate_zeros()
    return matrix


def _matrices(posts: tuple[Post, ...], config: RelatedConfig) -> _Matrices:
    return _Matrices(
        content=_tfidf(posts, config.max_document_share) if config.content else sparse.csr_matrix((len(posts), 1)),
        tags=_binary([[t.slug for t in p.tags] for p in posts]),
        categories=_binary([[t.slug for t in p.categories] for p in posts]),
        units=_binary([[p.unit.slug] for p in posts]),
        days=np.array([p.date.timestamp() / 86400 for p in posts]),
    )


def _jaccard(block: sparse.csr_matrix, every: sparse.csr_matrix, sizes: np.ndarray, rows: slice) -> np.ndarray:
    common = (block @ every.T).toarray()
    union = sizes[rows, None] + sizes[None, :] - common
    return np.divide(common, union, out=np.zeros_like(common), where=union > 0)


def _block_scores(m: _Matrices, rows: slice, config: RelatedConfig, sizes: dict[str, np.ndarray]) -> np.ndarray:
    scores = np.zeros((rows.stop - rows.start, m.content.shape[0]))
    if config.content:
        scores += config.content * (m.content[rows] @ m.content.T).toarray()
    if config.tags:
        scores += config.tags * _jaccard(m.tags[rows], m.tags, sizes["tags"], rows)
    if config.categories:
        scores += config.categories * _jaccard(m.categories[rows], m.categories, sizes["categories"], rows)
    if config.unit:
        scores += config.unit * (m.units[rows] @ m.units.T).toarray()
    if config.recency:
        distance = np.abs(m.days[rows, None] - m.days[None, :])
        scores *= 1 + config.recency * np.exp2(-distance / config.recency_days)
    # rounding makes ties exact, so the tie rule decides them rather than floating-point noise
    return np.round(scores, 9)


def related_posts(posts: tuple[Post, ...], config: RelatedConfig) -> dict[str, tuple[Post, ...]]:
    """For each post's URL, its `config.count` most related other posts among `posts`.

    `posts` must be the published posts only: nothing else can appear in a list.
    """
    if not posts:
        return {}
    m = _matrices(posts, config)
    sizes = {
        "tags": np.asarray(m.tags.sum(axis=1)).ravel(),
        "categories": np.asarray(m.categories.sum(axis=1)).ravel(),
    }
    by_path = {post.path: i for i, post in enumerate(posts)}
    # Newer first, then URL: the tie rule, as one rank per post.
    rank = np.empty(len(posts), dtype=np.int64)
    rank[sorted(range(len(posts)), key=lambda i: (-posts[i].date.timestamp(), posts[i].url))] = np.arange(len(posts))
    result: dict[str, tuple[Post, ...]] = {}
    for start in range(0, len(posts), BLOCK):
        rows = slice(start, min(start + BLOCK, len(posts)))
        scores = _block_scores(m, rows, config, sizes)
        for offset, row in enumerate(scores):
            i = start + offset
            row[i] = -1.0
            picked = [by_path[p] for p in posts[i].links if p in by_path and by_path[p] != i]
            picked = list(dict.fromkeys(picked))[: config.count]
            row[picked] = -1.0
            wanted = config.count - len(picked)
            if wanted > 0:
                candidates = np.nonzero((row >= config.threshold) & (row > 0))[0]
                if len(candidates) > wanted:
                    cutoff = np.partition(row[candidates], -wanted)[-wanted]
                    candidates = candidates[row[candidates] >= cutoff]
                best = candidates[np.lexsort((rank[candidates], -row[candidates]))][:wanted]
                picked.extend(int(j) for j in best)
            result[posts[i].url] = tuple(posts[j] for j in picked)
    return result
