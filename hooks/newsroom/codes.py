"""Words as integers, shared by related news and search: counting and grouping then run in numpy.

A syllable is its id; a pair of adjacent syllables (a, b) is (a + 1) * 2**32 + b, so pair codes
never collide with syllable ids and both sort in one array.
"""

from __future__ import annotations

import numpy as np

PAIR = np.int64(1) << 32  # codes at or above this are pairs


def with_pairs(ids: np.ndarray) -> np.ndarray:
    """The syllable ids followed by the codes of every pair of neighbours."""
    return np.concatenate([ids, ((ids[:-1] + 1) << 32) | ids[1:]])


def pair_of(code: int) -> tuple[int, int]:
    """The two syllable ids of a pair code."""
    return (code >> 32) - 1, code & 0xFFFFFFFF
