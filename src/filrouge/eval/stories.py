"""Story grouping scored on rpm2: 10 stories × 2 time slices; the file names are the labels.

BCubed precision/recall/F1 (Bagga & Baldwin) and pairwise F1, on the articles as ingested (read,
cleaned, dated; no analysis, so grouping uses words and titles only).
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import combinations
from pathlib import Path

from filrouge.ingest.prepare import read_articles
from filrouge.model import Article
from filrouge.stories.cluster import group

_LABEL = re.compile(r"T(\d+)_C\d+_\d+")


def bcubed(clusters: list[list[str]], labels: dict[str, str]) -> dict[str, float]:
    """BCubed and pairwise scores of a clustering of ids against their gold labels."""
    per_label = Counter(labels.values())
    precision = recall = 0.0
    for members in clusters:
        inside = Counter(labels[m] for m in members)
        for member in members:
            precision += inside[labels[member]] / len(members)
            recall += inside[labels[member]] / per_label[labels[member]]
    n = sum(len(c) for c in clusters) or 1
    precision, recall = precision / n, recall / n
    predicted_pairs = {tuple(sorted(p)) for c in clusters for p in combinations(c, 2)}
    ids = sorted(labels)
    gold_pairs = {(a, b) for a, b in combinations(ids, 2) if labels[a] == labels[b]}
    hit = len(predicted_pairs & gold_pairs)
    pair_p = hit / len(predicted_pairs) if predicted_pairs else 0.0
    pair_r = hit / len(gold_pairs) if gold_pairs else 0.0
    return {
        "bcubed precision": round(precision, 4),
        "bcubed recall": round(recall, 4),
        "bcubed f1": round(2 * precision * recall / (precision + recall), 4)
        if precision + recall else 0.0,
        "pairwise f1": round(2 * pair_p * pair_r / (pair_p + pair_r), 4)
        if pair_p + pair_r else 0.0,
    }


def evaluate_rpm2(root: Path) -> dict[str, float | int]:
    documents = root / "Corpus_RPM2_documents"
    articles = [a for a in read_articles([documents]) if isinstance(a, Article)]
    labels = {}
    for article in articles:
        found = _LABEL.search(article.source)
        if found:
            labels[article.id] = found.group(1)
    clusters = [[a.id for a in c.members if a.id in labels] for c in group(articles)]
    return {"articles": len(labels), "stories found": len(clusters), **bcubed(clusters, labels)}
