"""Story grouping scored on rpm2: 10 stories × 2 time slices (C1, then C2 a month later); the
file names are the labels.

Protocol (documented in docs/stories.md): the merge model is calibrated on slice C1 only
(``python -m filrouge.eval.stories --calibrate`` writes ``data/story_model.json``), and checked on
slice C2, which calibration never sees. We also report all 200 articles grouped together (both
slices in one stream), the setting a user meets. Articles are read, cleaned and analysed exactly as
``filrouge ingest`` does. Scores: BCubed precision/recall/F1 (Bagga & Baldwin) and pairwise F1.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path

from filrouge.model import Article
from filrouge.stories.cluster import (
    FEATURES,
    Calibration,
    Group,
    Grouper,
    default_calibration,
    group,
    order,
    profile,
)

_LABEL = re.compile(r"T(\d+)_(C\d)_\d+")
MODEL_FILE = Path(__file__).resolve().parents[1] / "data" / "story_model.json"


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


def rpm2_articles(root: Path) -> list[Article]:
    """The rpm2 documents, read and analysed as `filrouge ingest` does."""
    from filrouge.analyze.pipeline import Analyzer
    from filrouge.ingest.prepare import read_articles

    found = [a for a in read_articles([root / "Corpus_RPM2_documents"]) if isinstance(a, Article)]
    return [a for a in Analyzer().analyze(found) if isinstance(a, Article)]


def labels_of(articles: Sequence[Article]) -> dict[str, tuple[str, str]]:
    """Gold (story, slice) of each article, from its file name."""
    labels = {}
    for article in articles:
        found = _LABEL.search(article.source)
        if found:
            labels[article.id] = (found.group(1), found.group(2))
    return labels


def score_grouping(articles: Sequence[Article], labels: dict[str, str],
                   calibration: Calibration | None = None,
                   shuffle_seed: int | None = None) -> dict[str, float | int]:
    """Group the articles in arrival order (or in a seeded random order) and score it."""
    if shuffle_seed is None:
        grouper = group(articles, calibration)
    else:
        import random

        shuffled = sorted(articles, key=lambda a: a.id)
        random.Random(shuffle_seed).shuffle(shuffled)
        grouper = Grouper(calibration)
        for article in shuffled:
            grouper.add(profile(article))
    clusters = [[m for m in s.members if m in labels] for s in grouper.stories.values()]
    clusters = [c for c in clusters if c]
    return {"articles": len(labels), "stories found": len(clusters), **bcubed(clusters, labels)}


def evaluate_rpm2(root: Path, articles: Sequence[Article] | None = None,
                  calibration: Calibration | None = None) -> dict[str, dict[str, float | int]]:
    """Grouping figures on the check slice C2, the calibration slice C1 and both together."""
    articles = list(articles) if articles is not None else rpm2_articles(root)
    gold = labels_of(articles)
    results: dict[str, dict[str, float | int]] = {}
    for name, chosen in (("C2, check slice", "C2"), ("C1, calibration slice", "C1"),
                         ("C1 + C2 in one stream", None)):
        part = [a for a in articles if a.id in gold and chosen in (None, gold[a.id][1])]
        labels = {a.id: gold[a.id][0] for a in part}
        results[name] = score_grouping(part, labels, calibration)
    return results


# -- calibration ------------------------------------------------------------------------------


def training_rows(articles: Sequence[Article], labels: dict[str, str],
                  calibration: Calibration) -> list[tuple[list[float], int]]:
    """Replay the stream with the gold stories as the state: for each article, the features
    against every story seen so far, labelled 1 for its own story and 0 for the others."""
    grouper = Grouper(calibration)
    gold_groups: dict[str, Group] = {}
    rows: list[tuple[list[float], int]] = []
    for article in order(articles):
        item = profile(article)
        grouper.n_docs += 1
        for space, bag in item.bags.items():
            grouper.df[space].update(bag.keys())
        label = labels[article.id]
        for story_label, story in gold_groups.items():
            features = grouper.features(item, story)
            rows.append(([features[k] for k in FEATURES], int(story_label == label)))
        gold_groups.setdefault(label, Group(id=label)).absorb(item)
    return rows


def fit_logistic(rows: list[tuple[list[float], int]], l2: float = 0.1,
                 steps: int = 50) -> tuple[list[float], float]:
    """Logistic regression by Newton's method with a small L2 penalty (numpy, few features)."""
    import numpy as np

    x = np.array([[1.0, *r] for r, _ in rows])
    y = np.array([label for _, label in rows], dtype=float)
    w = np.zeros(x.shape[1])
    penalty = l2 * np.eye(x.shape[1])
    penalty[0, 0] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + penalty @ w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if float(np.abs(step).max()) < 1e-8:
            break
    return [float(v) for v in w[1:]], float(w[0])


ORDERS = 8  # random arrival orders averaged when choosing the thresholds


def calibrate(articles: Sequence[Article], slice_name: str = "C1") -> Calibration:
    """Fit the merge model on one rpm2 slice, then pick the joining probability on that same
    slice: mean BCubed F1 over a coarse grid and several random
    arrival orders (a single order makes the choice noisy). The time half-life is a fixed
    prior: rpm2 has no publication dates to learn it from."""
    base = default_calibration()
    gold = labels_of(articles)
    part = [a for a in articles if a.id in gold and gold[a.id][1] == slice_name]
    labels = {a.id: gold[a.id][0] for a in part}
    weights, intercept = fit_logistic(training_rows(part, labels, base))
    fitted = Calibration(weights=dict(zip(FEATURES, (round(w, 4) for w in weights), strict=True)),
                         intercept=round(intercept, 4), threshold=0.5,
                         half_life_days=base.half_life_days)
    best = (-1.0, 0.5)
    for threshold in (0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6):
        trial = Calibration(fitted.weights, fitted.intercept, threshold, fitted.half_life_days)
        f1 = sum(float(score_grouping(part, labels, trial, seed)["bcubed f1"])
                 for seed in range(ORDERS)) / ORDERS
        if f1 > best[0] + 1e-9:
            best = (f1, threshold)
    return Calibration(fitted.weights, fitted.intercept, best[1], fitted.half_life_days,
                       note=f"fitted on rpm2 slice {slice_name} ({len(part)} articles) by "
                            "python -m filrouge.eval.stories --calibrate")


def main(argv: list[str] | None = None) -> int:
    from filrouge.eval.pubdate import shared_data_dir

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calibrate", action="store_true",
                        help="refit data/story_model.json on rpm2 slice C1")
    options = parser.parse_args(argv)
    root = shared_data_dir()
    if root is None or not (root / "rpm2").is_dir():
        print("../shared/data/rpm2 not found: set FILROUGE_SHARED")
        return 2
    articles = rpm2_articles(root / "rpm2")
    if options.calibrate:
        fitted = calibrate(articles)
        MODEL_FILE.write_text(json.dumps(fitted.to_json(), indent=2, ensure_ascii=False) + "\n")
        print(json.dumps(fitted.to_json(), indent=2))
        default_calibration.cache_clear()
    print(json.dumps(evaluate_rpm2(root / "rpm2", articles), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
