"""Timeline summarisation scored on ml-crisis-fr against its human timelines.

Metrics follow tilse (Martschat & Markert 2017) as used by Ghalandari & Ifrim (2020):

- Date F1: predicted days against reference days.
- Alignment-based ROUGE-1/ROUGE-2 F ("align+ m:1", tilse ``align_date_content_costs_many_to_one``):
  each predicted day is mapped to the reference day of least cost, cost = (1 - 1/(|Δdays|+1)) ×
  (1 - approximate ROUGE-1 F of the two days' summaries); n-gram matches are weighted by
  1/(|Δdays|+1); precision sums over predicted days (unmatched ones count only in the
  denominator), recall maps each reference day to a predicted day the same way.

ROUGE counts use our French tokenisation (``stories.text.content_terms``: lower case, words split
at apostrophes and punctuation, stop words removed, light stemming): the French counterpart of
the stemming and stop-word removal tilse asks of ROUGE-1.5.5. We implement the measures rather
than depend on tilse, whose ROUGE goes through the Perl ROUGE-1.5.5 and English resources.

Protocol (standard since Martschat & Markert 2018): the system is given the number of
reference days as its number of dates, the reference's mean sentences per day (rounded) as its
sentences per date, and the reference's first and last day as its window. Publication dates
are the dataset's (its ``YYYY-MM-DD/`` folders), as in the original collections.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from filrouge.model import Article, Published
from filrouge.stories.text import content_terms

Timeline = dict[str, list[str]]  # ISO day -> sentences
_FOLDER = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SEPARATOR = re.compile(r"^-{5,}\s*$", re.MULTILINE)


def read_reference(path: Path) -> Timeline:
    """A reference timeline: a date line, then that day's sentences; entries between dashes."""
    timeline: Timeline = {}
    for block in _SEPARATOR.split(path.read_text(encoding="utf-8")):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        if lines and _FOLDER.match(lines[0]):
            timeline.setdefault(lines[0], []).extend(lines[1:])
    return timeline


def _ngrams(sentences: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return _cached_ngrams(tuple(sentences), n)


@lru_cache(maxsize=4096)
def _cached_ngrams(sentences: tuple[str, ...], n: int) -> Counter[tuple[str, ...]]:
    grams: Counter[tuple[str, ...]] = Counter()
    for sentence in sentences:
        terms = content_terms(sentence)
        grams.update(tuple(terms[i:i + n]) for i in range(len(terms) - n + 1))
    return grams


def rouge_counts(predicted: Sequence[str], references: Sequence[Sequence[str]],
                 n: int) -> tuple[float, float, float]:
    """(matches, predicted n-grams × references, reference n-grams), pooled over references as
    ROUGE-1.5.5 does with several models."""
    mine = _ngrams(predicted, n)
    hits = 0.0
    reference_total = 0.0
    for reference in references:
        theirs = _ngrams(reference, n)
        hits += sum(min(c, theirs[g]) for g, c in mine.items())
        reference_total += sum(theirs.values())
    return hits, sum(mine.values()) * len(references), reference_total


def rouge_f(predicted: Sequence[str], references: Sequence[Sequence[str]], n: int) -> float:
    hits, p_total, r_total = rouge_counts(predicted, references, n)
    return _f(hits / p_total if p_total else 0.0, hits / r_total if r_total else 0.0)


def _f(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def date_f1(predicted: Timeline, reference: Timeline) -> float:
    shared = len(set(predicted) & set(reference))
    return _f(shared / len(predicted) if predicted else 0.0,
              shared / len(reference) if reference else 0.0)


def _ordinal(day: str) -> int:
    return dt.date.fromisoformat(day).toordinal()


def _assign(sources: list[str], targets: list[str], source_tl: Timeline, target_tl: Timeline,
            predicted_is_source: bool) -> list[tuple[str, str]]:
    """Many-to-one: each source day goes to the target day of least date × content cost."""
    pairs = []
    for s in sources:
        best, best_cost = None, float("inf")
        for t in targets:
            date_factor = 1 - 1 / (abs(_ordinal(s) - _ordinal(t)) + 1)
            pred, ref = (source_tl[s], target_tl[t]) if predicted_is_source else (
                target_tl[t], source_tl[s])
            cost = date_factor * (1 - rouge_f(pred, [ref], 1))
            if cost < best_cost:
                best, best_cost = t, cost
        if best is not None:
            pairs.append((s, best))
    return pairs


def alignment_rouge(predicted: Timeline, reference: Timeline, n: int) -> dict[str, float]:
    """tilse's align+ m:1 ROUGE-n precision, recall and F."""
    pred_days, ref_days = sorted(predicted), sorted(reference)
    p_num = p_den = r_num = r_den = 0.0
    for pred_day, ref_day in _assign(pred_days, ref_days, predicted, reference, True):
        hits, p_total, _ = rouge_counts(predicted[pred_day], [reference[ref_day]], n)
        p_num += hits / (abs(_ordinal(pred_day) - _ordinal(ref_day)) + 1)
        p_den += p_total
    if not ref_days:
        p_den += sum(rouge_counts(predicted[d], [[]], n)[1] for d in pred_days)
    for ref_day, pred_day in _assign(ref_days, pred_days, reference, predicted, False):
        hits, _, r_total = rouge_counts(predicted[pred_day], [reference[ref_day]], n)
        r_num += hits / (abs(_ordinal(pred_day) - _ordinal(ref_day)) + 1)
        r_den += r_total
    if not pred_days:
        r_den += sum(rouge_counts([], [reference[d]], n)[2] for d in ref_days)
    precision = p_num / p_den if p_den else 0.0
    recall = r_num / r_den if r_den else 0.0
    return {"precision": precision, "recall": recall, "f": _f(precision, recall)}


def crisis_articles(folder: Path) -> list[Article]:
    """One crisis's articles, dated by their folder, read and analysed as `filrouge ingest`."""
    from filrouge.analyze.pipeline import Analyzer
    from filrouge.ingest.prepare import read_articles

    found = []
    for path in sorted(folder.rglob("*.txt")):
        if not _FOLDER.match(path.parent.name):
            continue
        for article in read_articles([path]):
            if isinstance(article, Article):
                found.append(article.model_copy(update={"published": Published(
                    value=path.parent.name, origin="input", confidence=1.0)}))
    return [a for a in Analyzer().analyze(found) if isinstance(a, Article)]


def score_timeline(articles: Sequence[Article], reference: Timeline) -> dict[str, float | int]:
    """Build a timeline under the reference's budget and score it."""
    from filrouge.stories.timeline import build_timeline

    per_day = round(sum(len(s) for s in reference.values()) / len(reference))
    days = sorted(reference)
    entries = build_timeline(articles, max_dates=len(reference), sentences_per_date=per_day,
                             since=days[0], until=days[-1])
    predicted = {e.date: _sentences(e.summary) for e in entries}
    r1, r2 = alignment_rouge(predicted, reference, 1), alignment_rouge(predicted, reference, 2)
    return {
        "articles": len(articles), "reference dates": len(reference),
        "sentences per date": per_day, "dates predicted": len(predicted),
        "date f1": round(date_f1(predicted, reference), 4),
        "ar-1 f": round(r1["f"], 4), "ar-2 f": round(r2["f"], 4),
        "ar-1 precision": round(r1["precision"], 4), "ar-1 recall": round(r1["recall"], 4),
    }


def _sentences(summary: str) -> list[str]:
    from filrouge.stories.text import sentence_spans

    return [summary[s:e] for s, e in sentence_spans(summary)]


def evaluate_mlcrisis(root: Path,
                      articles: dict[str, list[Article]] | None = None
                      ) -> dict[str, dict[str, float | int]]:
    """Per crisis, and the mean over crises."""
    results: dict[str, dict[str, float | int]] = {}
    for reference_file in sorted((root / "reference").glob("*.txt")):
        name = reference_file.stem
        if not (root / name).is_dir():
            continue
        crisis = articles[name] if articles and name in articles else crisis_articles(root / name)
        results[name] = score_timeline(crisis, read_reference(reference_file))
    if results:
        keys = ("date f1", "ar-1 f", "ar-2 f")
        results["mean"] = {k: round(sum(float(r[k]) for r in results.values()) / len(results), 4)
                           for k in keys}
    return results
