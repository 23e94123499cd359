"""Wire copies and near-duplicates: the same dispatch run by several outlets is one item.

This first version compares word 5-gram shingles (Jaccard) with every stored article; it is exact
and fast enough for thousands of articles. MinHash LSH replaces the all-pairs scan for larger
corpora (see the ingestion issue).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from filrouge.model import Article

NEAR_DUPLICATE = 0.5
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=100_000)
def shingles(text: str, size: int = 5) -> frozenset[int]:
    words = _WORD.findall(text.lower())
    count = max(1, len(words) - size + 1)
    return frozenset(hash(" ".join(words[i:i + size])) for i in range(count))


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def mark_duplicates(article: Article, known: Iterable[Article]) -> Article:
    """The article, pointing at the earliest known article it copies (if any)."""
    mine = shingles(article.text)
    best: Article | None = None
    best_score = NEAR_DUPLICATE
    for other in known:
        if other.id == article.id:
            continue
        score = jaccard(mine, shingles(other.text))
        if score >= best_score:
            best, best_score = other, score
    if best is None:
        return article
    original = best.duplicate_of or best.id
    return article.model_copy(update={"duplicate_of": original})
