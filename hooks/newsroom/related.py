"""Related news ("Tin liên quan"), computed for every post at once with sparse matrices.

Score of candidate B for post A (each weight from RelatedConfig; 0 turns an index off):

    base  = content * cos(tfidf(A), tfidf(B))
          + tags * shared(tags)  + categories * shared(categories)
          + unit * shared(unit)  + documents * shared(documents cited)
    shared(index) = sum of g(v) over the values v A and B have in common / sqrt(|A| * |B|)
    score = base * (1 + recency * 2 ** (-|days(A) - days(B)| / recency_days))

(|A| is how many values of that index A has.) Metadata must earn its weight: each value v (a
tag, a category, a unit, a document number) counts g(v) = rarity(v) * agreement(v), in [0, 1]:

    rarity(v)    = log((N + 1) / df(v)) / log(N + 1)       df: posts with v, N: posts
    agreement(v) = clip((w(v) - b) / (c - b), 0, 1)
    w(v)         = (pairs(v) * mean_cos(v) + K * mean_cos(index)) / (pairs(v) + K)

A unit on every post has rarity ~0; a tag on a third of the posts about 0.16 on 1,000 posts; a tag
shared by two posts about 0.9. Agreement is the share of the pairs of v's posts that are alike
in text as neighbours are: mean_cos(v) is the mean text cosine of the posts with v (over their
pairs(v) pairs), b the mean text cosine of any two posts, c the mean cosine of a post and its
`count` nearest posts by text (on a sample of BLOCK posts). A tag put on posts whose texts are no
more alike than any two posts is noise and counts 0, whatever its rarity. A value on few posts
says little about itself, so w(v) leans on its index's mean over all its pairs (K = 3 pairs): on
a site whose tags follow the text a tag on two posts is trusted, on a site where tags are random
it is not. With the content index off, or no text to compare, agreement is 1.

Content is Vietnamese written syllables and syllable pairs ("công đoàn" is two syllables, one
word) of the title (counted twice) and body, weighted by sublinear TF and smoothed IDF. Terms on
one post only, or on more than `max_document_share` of the posts, carry no signal and are dropped.
Candidates scoring under `threshold` are not related. Ties go to the newer post, then the URL.
Hand-picked `links` come first, in the order written.

Every index is a dot product of row vectors, so `base` is one product of a single weighted
sparse matrix with itself, computed in blocks of rows so that memory stays bounded; no Python
loop runs over pairs of posts (the agreements too are sums of vectors: the squared norm of the
sum of the text vectors of v's posts is the sum of their pairwise cosines). Recency multiplies
by at most (1 + recency), so only candidates whose base reaches the count-th best base /
(1 + recency) can make a list: only those get it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import count

import numpy as np
from scipy import sparse

from .citations import Citations, index_citations
from .codes import with_pairs
from .config import RelatedConfig
from .model import Post
from .text import syllables

BLOCK = 512
_MAX_TERMS_PER_POST = 80
PRIOR_PAIRS = 3  # K: pairs of posts a value must have before its own agreement outweighs its index's


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


def _membership(rows: list[list[str]]) -> sparse.csr_matrix:
    """Posts x values, 1 where the post has the value (values in order of first appearance)."""
    vocabulary: dict[str, int] = {}
    indices, indptr = [], [0]
    for row in rows:
        indices.extend(sorted({vocabulary.setdefault(key, len(vocabulary)) for key in row}))
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float64)
    return sparse.csr_matrix((data, indices, indptr), shape=(len(rows), max(len(vocabulary), 1)))


def rarity(membership: sparse.csr_matrix) -> np.ndarray:
    """Per value: log((N + 1) / df) / log(N + 1), 1 for a value on one post, ~0 on every post."""
    n = membership.shape[0]
    df = np.bincount(membership.indices, minlength=membership.shape[1])
    with np.errstate(divide="ignore"):
        return np.where(df > 0, np.log((n + 1) / np.maximum(df, 1)) / np.log(n + 1), 0.0)


@dataclass(frozen=True)
class TextScale:
    """What text cosines mean on this site: `chance` for any two posts, `related` for neighbours."""

    chance: float  # b: mean cosine of two posts
    related: float  # c: mean cosine of a post and one of its `count` nearest posts by text


def text_scale(text: sparse.csr_matrix, rank: np.ndarray, count: int) -> TextScale:
    """Measured on the whole site (b) and on a sample of at most BLOCK posts (c): one block's product."""
    has_text = np.diff(text.indptr) > 0
    texts = int(has_text.sum())
    if texts < 2:
        return TextScale(0.0, 0.0)
    total = np.asarray(text.sum(axis=0)).ravel()
    chance = (total @ total - texts) / (texts * (texts - 1))
    # every step-th post in the order of the tie rule (newest first, then URL): the same sample
    # whatever order the posts came in
    step = -(-texts // BLOCK)
    sample = np.nonzero(has_text & (rank % step == 0))[0]
    products = (text[sample] @ text.T).toarray()
    products[np.arange(len(sample)), sample] = -1.0
    k = min(count, texts - 1)
    nearest = np.partition(products, -k, axis=1)[:, -k:]
    return TextScale(float(chance), float(nearest.mean()))


def agreement(membership: sparse.csr_matrix, text: sparse.csr_matrix | None, scale: TextScale | None) -> np.ndarray:
    """Per value: the share of pairs of its posts that are alike in text as neighbours are, in [0, 1].

    If a share p of the pairs of v's posts are related, their mean cosine is about
    p * related + (1 - p) * chance; this solves for p. `text` has unit rows (or empty ones);
    without text, or when text tells neighbours from any two posts apart no better: all 1.
    """
    values = membership.shape[1]
    if text is None or scale is None or scale.related <= scale.chance:
        return np.ones(values)
    has_text = (np.diff(text.indptr) > 0).astype(np.float64)
    members = sparse.csr_matrix(sparse.diags(has_text) @ membership)
    sums = sparse.csr_matrix(members.T @ text)  # per value, the sum of its posts' text vectors
    with_text = np.asarray(members.sum(axis=0)).ravel()
    pair_sums = (np.asarray(sums.multiply(sums).sum(axis=1)).ravel() - with_text) / 2
    pairs = with_text * (with_text - 1) / 2
    index_mean = pair_sums.sum() / pairs.sum() if pairs.sum() > 0 else scale.chance
    mean = (pair_sums + PRIOR_PAIRS * index_mean) / (pairs + PRIOR_PAIRS)
    return np.clip((mean - scale.chance) / (scale.related - scale.chance), 0.0, 1.0)


def _metadata(rows: list[list[str]], text: sparse.csr_matrix | None, scale: TextScale | None) -> sparse.csr_matrix:
    """Posts x values, sqrt(g(v) / |values of the post|): the dot product of two rows is shared()."""
    membership = _membership(rows)
    weight = rarity(membership) * agreement(membership, text, scale)
    per_post = np.diff(membership.indptr)
    matrix = membership.copy()
    rows_of = np.repeat(np.arange(membership.shape[0]), per_post)
    matrix.data = np.sqrt(weight[matrix.indices] / per_post[rows_of])
    matrix.eliminate_zeros()
    return matrix


def _normalised(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1
    return sparse.csr_matrix(sparse.diags(1 / norms) @ matrix)


def _features(posts: tuple[Post, ...], config: RelatedConfig, citations: Citations | None, rank: np.ndarray) -> sparse.csr_matrix:
    """One row per post: each index's vector scaled by the square root of its weight."""
    text = _tfidf(posts, config.max_document_share) if config.content else None
    scale = text_scale(text, rank, config.count) if text is not None else None
    if config.documents and citations is None:
        citations = index_citations(posts)
    metadata = [
        (config.tags, lambda: [[t.slug for t in p.tags] for p in posts]),
        (config.categories, lambda: [[t.slug for t in p.categories] for p in posts]),
        (config.unit, lambda: [[p.unit.slug] for p in posts]),
        (config.documents, lambda: [list(citations.document_keys(p)) for p in posts]),
    ]
    blocks = [np.sqrt(config.content) * text] if text is not None else []
    blocks += [np.sqrt(weight) * _metadata(rows(), text, scale) for weight, rows in metadata if weight]
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


def related_posts(
    posts: tuple[Post, ...], config: RelatedConfig, citations: Citations | None = None
) -> dict[str, tuple[Post, ...]]:
    """For each post's URL, its `config.count` most related other posts among `posts`.

    `posts` must be the published posts only: nothing else can appear in a list. `citations` is
    their citation index (made here when the documents index needs it and none is given).
    """
    if not posts:
        return {}
    days = np.array([p.date.timestamp() / 86400 for p in posts])
    by_path = {post.path: i for i, post in enumerate(posts)}
    # Newer first, then URL: the tie rule, as one rank per post.
    rank = np.empty(len(posts), dtype=np.int64)
    rank[sorted(range(len(posts)), key=lambda i: (-posts[i].date.timestamp(), posts[i].url))] = np.arange(len(posts))
    features = _features(posts, config, citations, rank)
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
