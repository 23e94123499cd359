"""Scoring figure extraction (``Amount``) against the example-corpus gold.

Gold amounts are dicts as in ``docs/gold.md`` (``text``, ``value``, ``unit``, ``period``,
``approx``, ``measures``): they carry no offsets, so each gold ``text`` is looked up in the
article text by exact substring search. When the same text occurs several times, successive gold
records take successive occurrences (gold lists amounts in order of appearance).

A prediction matches a gold amount when their character spans overlap; matching is one-to-one,
largest overlap first. A matched pair is also a *value* match when the value is equal within a
relative tolerance of 1e-6, the unit is equal (case-insensitively) and the period is equal.

    counts = score_article(text, gold, predicted)      # one article
    total = sum(per_article_counts, Counts())          # a corpus
    summarise(total)                                    # precision, recall, f1, value_f1…

Gold texts that cannot be found in the article are counted as misses (``fn``) and also in
``unlocated``, so a drifting gold is visible rather than silently dropped.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

from filrouge.model import Amount

REL_TOLERANCE = 1e-6


@dataclass(frozen=True)
class Counts:
    """Match counts for one article or, summed, for a corpus."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    value_tp: int = 0
    unlocated: int = 0

    def __add__(self, other: Counts) -> Counts:
        if not isinstance(other, Counts):
            return NotImplemented
        summed = {f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)}
        return Counts(**summed)

    def __radd__(self, other: object) -> Counts:
        # Lets ``sum(list_of_counts)`` start from the integer 0.
        if other == 0:
            return self
        if isinstance(other, Counts):
            return other + self
        return NotImplemented


@dataclass(frozen=True)
class _GoldSpan:
    start: int
    end: int
    record: Mapping[str, Any]


def locate_gold(text: str, gold: Sequence[Mapping[str, Any]]) -> tuple[list[_GoldSpan], int]:
    """Offsets of each gold amount in ``text``; also how many could not be found."""
    cursor: dict[str, int] = {}
    spans: list[_GoldSpan] = []
    missing = 0
    for record in gold:
        needle = str(record.get("text") or "")
        if not needle:
            missing += 1
            continue
        pos = text.find(needle, cursor.get(needle, 0))
        if pos < 0:
            pos = text.find(needle)  # listed out of order: reuse the first occurrence
        if pos < 0:
            missing += 1
            continue
        cursor[needle] = pos + len(needle)
        spans.append(_GoldSpan(pos, pos + len(needle), record))
    return spans, missing


def _same_value(record: Mapping[str, Any], predicted: Amount) -> bool:
    try:
        gold_value = float(record.get("value"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    if not math.isclose(gold_value, predicted.value, rel_tol=REL_TOLERANCE, abs_tol=1e-12):
        return False
    gold_unit = str(record.get("unit") or "").strip().casefold()
    if gold_unit != predicted.unit.strip().casefold():
        return False
    gold_period = record.get("period") or None
    return gold_period == (predicted.period or None)


def _match(
    gold: Sequence[tuple[int, int, Mapping[str, Any]]], predicted: Sequence[Amount]
) -> Counts:
    pairs: list[tuple[int, int, int]] = []
    for gi, (gs, ge, _) in enumerate(gold):
        for pi, p in enumerate(predicted):
            overlap = min(ge, p.end) - max(gs, p.start)
            if overlap > 0:
                pairs.append((overlap, gi, pi))
    pairs.sort(key=lambda pair: (-pair[0], pair[1], pair[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    tp = value_tp = 0
    for _, gi, pi in pairs:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        tp += 1
        if _same_value(gold[gi][2], predicted[pi]):
            value_tp += 1
    return Counts(tp=tp, fp=len(predicted) - tp, fn=len(gold) - tp, value_tp=value_tp)


def score_article(
    text: str, gold: Sequence[Mapping[str, Any]], predicted: Sequence[Amount]
) -> Counts:
    """Counts for one article: gold amount dicts against predicted ``Amount`` spans of ``text``."""
    spans, missing = locate_gold(text, gold)
    counts = _match([(s.start, s.end, s.record) for s in spans], predicted)
    return counts + Counts(fn=missing, unlocated=missing)


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def summarise(counts: Counts) -> dict[str, float]:
    """Precision, recall and F1 on span overlap, and the same with the exact normalised value."""
    predicted = counts.tp + counts.fp
    gold = counts.tp + counts.fn
    precision = _ratio(counts.tp, predicted)
    recall = _ratio(counts.tp, gold)
    value_precision = _ratio(counts.value_tp, predicted)
    value_recall = _ratio(counts.value_tp, gold)
    return {
        "precision": precision,
        "recall": recall,
        "f1": _f1(precision, recall),
        "value_precision": value_precision,
        "value_recall": value_recall,
        "value_f1": _f1(value_precision, value_recall),
        "tp": float(counts.tp),
        "fp": float(counts.fp),
        "fn": float(counts.fn),
        "value_tp": float(counts.value_tp),
        "unlocated": float(counts.unlocated),
    }


def score_amounts(
    gold: Sequence[Mapping[str, Any]], predicted: Sequence[Amount], text: str | None = None
) -> dict[str, float]:
    """Scores of one article's predictions (see :func:`summarise`).

    With ``text``, gold spans are located in it (as :func:`score_article`). Without it, a gold
    amount and a prediction overlap when one text contains the other, taken in order.
    """
    if text is not None:
        return summarise(score_article(text, gold, predicted))
    # No article text, hence no offsets: pair gold and predicted amounts by their texts.
    pairs: list[tuple[int, int, int]] = []
    for gi, record in enumerate(gold):
        needle = str(record.get("text") or "")
        for pi, p in enumerate(predicted):
            if needle and (needle in p.text or p.text in needle):
                pairs.append((min(len(needle), len(p.text)), gi, pi))
    pairs.sort(key=lambda pair: (-pair[0], pair[1], pair[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    tp = value_tp = 0
    for _, gi, pi in pairs:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        tp += 1
        if _same_value(gold[gi], predicted[pi]):
            value_tp += 1
    return summarise(Counts(tp=tp, fp=len(predicted) - tp, fn=len(gold) - tp, value_tp=value_tp))
