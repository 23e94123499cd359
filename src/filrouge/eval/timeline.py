"""Timeline summarisation scored on ml-crisis-fr against its human timelines.

Metrics follow tilse (Martschat & Markert 2017) as used by Ghalandari & Ifrim (2020):

- Date F1: predicted days against reference days.
- Alignment-based ROUGE-1/ROUGE-2 F ("align+ m:1", tilse ``align_date_content_costs_many_to_one``):
  each predicted day is mapped to the reference day of least cost, cost = (1 - 1/(|Δdays|+1)) ×
  (1 - approximate ROUGE-1 F of the two days' summaries); n-gram matches are weighted by
  1/(|Δdays|+1); precision sums over predicted days (unmatched ones count only in the
  denominator), recall maps each reference day to a predicted day the same way.

N-grams are counted over a day's summary as one text, across its sentences, as ROUGE-1.5.5
reads a summary. Checked against tilse 0.2.1 with the Perl ROUGE-1.5.5 (no stemming, no stop
words, on accent-folded text): identical precision, recall and F for AR-1 and AR-2, on a small
example (``tests/test_stories.py``) and on both ml-crisis-fr timelines.

Tokens (``rouge_terms``) are the French counterpart of the ``-m -s`` options tilse gives
ROUGE-1.5.5: lower case, split at every non-alphanumeric character, function words removed,
light stemming, accents folded. tilse as shipped (English Porter stemmer and English stop list)
leaves French function words in, which match everywhere: on the same timelines it gives about
2.5 times our AR-1. We implement the measures rather than depend on tilse, which needs Perl,
XML::DOM and English resources.

The mean over crises is news-tls's (Ghalandari & Ifrim 2020, ``experiments/evaluate.py``):
precision and recall averaged over crises, F computed from the averages.

Ceilings: ``oracle_timeline`` fills the reference days from our dated candidate sentences
(tilse's upper bound); ``free_oracle_timeline`` from any source sentence.

Protocol (standard since Martschat & Markert 2018): the system is given the number of
reference days as its number of dates, the reference's mean sentences per day (rounded) as its
sentences per date, and the reference's first and last day as its window. Publication dates
are the dataset's (its ``YYYY-MM-DD/`` folders), as in the original collections.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

from filrouge.model import Article, Published
from filrouge.stories.text import stem

Timeline = dict[str, list[str]]  # ISO day -> sentences
Tokenizer = Callable[[str], list[str]]
_FOLDER = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SEPARATOR = re.compile(r"^-{5,}\s*$", re.MULTILINE)
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def read_reference(path: Path) -> Timeline:
    """A reference timeline: a date line, then that day's text; entries between dashes.

    The lines of the French files are not sentences: a line can end inside a name ("Abd al" /
    "- Fatah al" / "- Sîsî") or after an article ("L’"). Each day's lines are therefore joined
    into one text and cut into sentences at sentence punctuation, so that the budget (sentences
    per day) counts sentences.
    """
    from filrouge.stories.text import sentence_spans

    texts: dict[str, list[str]] = {}
    for block in _SEPARATOR.split(path.read_text(encoding="utf-8")):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        if lines and _FOLDER.match(lines[0]):
            texts.setdefault(lines[0], []).extend(lines[1:])
    timeline: Timeline = {}
    for day, lines in texts.items():
        text = " ".join(lines)
        sentences = [text[s:e] for s, e in sentence_spans(text)]
        if sentences:
            timeline[day] = sentences
    return timeline


def rouge_terms(text: str) -> list[str]:
    """The French counterpart of ROUGE-1.5.5 with stemming and stop-word removal (``-m -s``,
    as tilse runs it): lower case, split at every non-alphanumeric character (apostrophes,
    hyphens), function words dropped, light stem, accents folded last (capitals often lose
    theirs in French, "Egypte" / "Égypte", and transliterated names vary)."""
    stop = function_words()
    terms = []
    for token in _TOKEN.findall(unicodedata.normalize("NFC", text).lower()):
        if token in stop or (len(token) == 1 and not token.isdigit()):
            continue
        terms.append(_fold(stem(token)))
    return terms


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Stop words for ROUGE: the grammatical words of ``data/stopwords_fr.json`` only (its news
    words, months and numerals are content in a summary)."""
    raw = (resources.files("filrouge") / "data" / "stopwords_fr.json").read_text("utf-8")
    return frozenset(json.loads(raw)["function_words"])


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word)
                   if not unicodedata.combining(c))


def _ngrams(sentences: Sequence[str], n: int, tokens: Tokenizer) -> Counter[tuple[str, ...]]:
    return _cached_ngrams(tuple(sentences), n, tokens)


@lru_cache(maxsize=8192)
def _cached_ngrams(sentences: tuple[str, ...], n: int,
                   tokens: Tokenizer) -> Counter[tuple[str, ...]]:
    """N-grams of a summary taken as one text, across its sentence boundaries, as ROUGE-1.5.5
    reads a summary."""
    terms = [t for sentence in sentences for t in tokens(sentence)]
    return Counter(tuple(terms[i:i + n]) for i in range(len(terms) - n + 1))


def rouge_counts(predicted: Sequence[str], references: Sequence[Sequence[str]],
                 n: int, tokens: Tokenizer = rouge_terms) -> tuple[float, float, float]:
    """(matches, predicted n-grams × references, reference n-grams), pooled over references as
    ROUGE-1.5.5 does with several models."""
    mine = _ngrams(predicted, n, tokens)
    hits = 0.0
    reference_total = 0.0
    for reference in references:
        theirs = _ngrams(reference, n, tokens)
        hits += sum(min(c, theirs[g]) for g, c in mine.items())
        reference_total += sum(theirs.values())
    return hits, sum(mine.values()) * len(references), reference_total


def rouge_f(predicted: Sequence[str], references: Sequence[Sequence[str]], n: int,
            tokens: Tokenizer = rouge_terms) -> float:
    hits, p_total, r_total = rouge_counts(predicted, references, n, tokens)
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
            predicted_is_source: bool, tokens: Tokenizer) -> list[tuple[str, str]]:
    """Many-to-one: each source day goes to the target day of least cost, cost = date factor ×
    (1 - unigram F of the two days' summaries); ties go to the earliest target day (tilse's
    ``argmin``). tilse's content factor splits raw text at spaces; ours uses the same tokens as
    the scores."""
    pairs = []
    for s in sources:
        best, best_cost = None, float("inf")
        for t in targets:
            date_factor = 1 - 1 / (abs(_ordinal(s) - _ordinal(t)) + 1)
            pred, ref = (source_tl[s], target_tl[t]) if predicted_is_source else (
                target_tl[t], source_tl[s])
            cost = date_factor * (1 - rouge_f(pred, [ref], 1, tokens)) if date_factor else 0.0
            if cost < best_cost:
                best, best_cost = t, cost
        if best is not None:
            pairs.append((s, best))
    return pairs


def alignment_rouge(predicted: Timeline, reference: Timeline, n: int,
                    tokens: Tokenizer = rouge_terms) -> dict[str, float]:
    """tilse's align+ m:1 ROUGE-n precision, recall and F."""
    pred_days, ref_days = sorted(predicted), sorted(reference)
    p_num = p_den = r_num = r_den = 0.0
    for pred_day, ref_day in _assign(pred_days, ref_days, predicted, reference, True, tokens):
        hits, p_total, _ = rouge_counts(predicted[pred_day], [reference[ref_day]], n, tokens)
        p_num += hits / (abs(_ordinal(pred_day) - _ordinal(ref_day)) + 1)
        p_den += p_total
    if not ref_days:
        p_den += sum(rouge_counts(predicted[d], [[]], n, tokens)[1] for d in pred_days)
    for ref_day, pred_day in _assign(ref_days, pred_days, reference, predicted, False, tokens):
        hits, _, r_total = rouge_counts(predicted[pred_day], [reference[ref_day]], n, tokens)
        r_num += hits / (abs(_ordinal(pred_day) - _ordinal(ref_day)) + 1)
        r_den += r_total
    if not pred_days:
        r_den += sum(rouge_counts([], [reference[d]], n, tokens)[2] for d in ref_days)
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


def _greedy(texts: Sequence[str], reference: Sequence[str], per_day: int) -> list[str]:
    """Up to ``per_day`` of ``texts``, each the one raising ROUGE-1 F against ``reference``
    most (the 80 sharing most terms with it are tried)."""
    wanted = set(rouge_terms(" ".join(reference)))
    pool = sorted(dict.fromkeys(texts), key=lambda t: -len(wanted & set(rouge_terms(t))))[:80]
    chosen: list[str] = []
    for _ in range(per_day):
        left = [t for t in pool if t not in chosen]
        if not left:
            break
        chosen.append(max(left, key=lambda t: rouge_f([*chosen, t], [reference], 1)))
    return chosen


def oracle_timeline(articles: Sequence[Article], reference: Timeline, per_day: int,
                    undated: bool = False) -> Timeline:
    """The ceiling of our dated extraction (tilse's upper bound, Martschat & Markert 2018): each
    reference day that some candidate sentence is dated to, filled greedily with the candidates
    of that day raising its ROUGE-1 F most. Any system that dates sentences as
    ``stories.timeline.candidates`` does stays below it. Candidates include the leads (the first
    sentences naming no time) on their publication day; ``undated`` puts every other sentence
    that names no day on its article's publication day too (DATEWISE's collector without its
    cut at the first sentences)."""
    pool: dict[str, list[str]] = {}
    for day, text in dated_sentences(articles, undated):
        if day in reference:
            pool.setdefault(day, []).append(text)
    return {day: _greedy(texts, reference[day], per_day) for day, texts in pool.items()}


def dated_sentences(articles: Sequence[Article], undated: bool = False
                    ) -> list[tuple[str, str]]:
    """(day, sentence) for every candidate of ``stories.timeline.candidates``; with ``undated``,
    also every other statement naming no day, on its article's publication day."""
    from filrouge.stories.text import sentence_spans
    from filrouge.stories.timeline import MAX_WORDS, MIN_WORDS, candidates, statement_span

    found = []
    for article in articles:
        chosen = candidates(article)
        found += [(c.date, " ".join(c.text.split())) for c in chosen]
        published = (article.published.value or "")[:10]
        if not undated or not _FOLDER.match(published):
            continue
        named = {c.start for c in chosen if c.explicit}
        for first, last in sentence_spans(article.text):
            span = statement_span(article.text, first, last)
            if span is None or span[0] in named:
                continue
            text = " ".join(article.text[span[0]:span[1]].split())
            if MIN_WORDS <= len(text.split()) <= MAX_WORDS:
                found.append((published, text))
    return found


def budget_date_ceiling(articles: Sequence[Article], reference: Timeline) -> float:
    """The best Date F1 under the budget: as many dates as the reference (or as many days as
    the candidates name in its window, when fewer), every reference day some candidate names
    among them."""
    days = sorted(reference)
    named = {day for day, _ in dated_sentences(articles) if days[0] <= day <= days[-1]}
    predicted = min(len(reference), len(named))
    reachable = min(len(named & set(reference)), predicted)
    return 2 * reachable / (predicted + len(reference)) if predicted else 0.0


def free_oracle_timeline(articles: Sequence[Article], reference: Timeline,
                         per_day: int) -> Timeline:
    """Every reference day filled with the source sentences (any, dated or not) raising its
    ROUGE-1 F most: what extraction would reach if any sentence could go on any day. Most of
    what it gains is the crisis's common vocabulary ("manifestants", "place Tahrir"), not the
    day's event: it bounds the metric, not what dating can reach."""
    from filrouge.stories.text import sentence_spans

    texts = list(dict.fromkeys(
        " ".join(a.text[s:e].split()) for a in articles for s, e in sentence_spans(a.text)))
    texts = [t for t in texts if 6 <= len(t.split()) <= 60]
    return {day: _greedy(texts, summary, per_day) for day, summary in reference.items()}


def score_timeline(articles: Sequence[Article], reference: Timeline) -> dict[str, float | int]:
    """Build a timeline under the reference's budget and score it (with the ceilings beside)."""
    from filrouge.stories.timeline import build_timeline

    per_day = round(sum(len(s) for s in reference.values()) / len(reference))
    days = sorted(reference)
    entries = build_timeline(articles, max_dates=len(reference), sentences_per_date=per_day,
                             since=days[0], until=days[-1])
    predicted = {e.date: _sentences(e.summary) for e in entries}
    r1, r2 = alignment_rouge(predicted, reference, 1), alignment_rouge(predicted, reference, 2)
    shared = len(set(predicted) & set(reference))
    oracle = oracle_timeline(articles, reference, per_day)
    undated = oracle_timeline(articles, reference, per_day, undated=True)
    free = free_oracle_timeline(articles, reference, per_day)
    return {
        "articles": len(articles), "reference dates": len(reference),
        "sentences per date": per_day, "dates predicted": len(predicted),
        "date f1": round(date_f1(predicted, reference), 4),
        "date precision": round(shared / len(predicted), 4) if predicted else 0.0,
        "date recall": round(shared / len(reference), 4),
        "ar-1 f": round(r1["f"], 4), "ar-2 f": round(r2["f"], 4),
        "ar-1 precision": round(r1["precision"], 4), "ar-1 recall": round(r1["recall"], 4),
        "ar-2 precision": round(r2["precision"], 4), "ar-2 recall": round(r2["recall"], 4),
        "oracle date f1": round(date_f1(oracle, reference), 4),
        "oracle ar-1 f": round(alignment_rouge(oracle, reference, 1)["f"], 4),
        "oracle ar-2 f": round(alignment_rouge(oracle, reference, 2)["f"], 4),
        "budget date f1 ceiling": round(budget_date_ceiling(articles, reference), 4),
        "oracle undated on publication day date f1": round(date_f1(undated, reference), 4),
        "oracle undated on publication day ar-1 f": round(
            alignment_rouge(undated, reference, 1)["f"], 4),
        "free oracle ar-1 f": round(alignment_rouge(free, reference, 1)["f"], 4),
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
        results["mean"] = average(list(results.values()))
    return results


def average(per_topic: Sequence[dict[str, float | int]]) -> dict[str, float | int]:
    """The mean over topics as news-tls reports it: precision and recall averaged, F computed
    from the averages (date selection, AR-1, AR-2); the ceilings are plain means of F."""
    mean: dict[str, float | int] = {}
    for name, key in (("date", "date"), ("ar-1", "ar-1"), ("ar-2", "ar-2")):
        precision = sum(float(r[f"{key} precision"]) for r in per_topic) / len(per_topic)
        recall = sum(float(r[f"{key} recall"]) for r in per_topic) / len(per_topic)
        mean[f"{name} f1" if name == "date" else f"{name} f"] = round(_f(precision, recall), 4)
    for key in ("oracle date f1", "oracle ar-1 f", "oracle ar-2 f", "budget date f1 ceiling",
                "oracle undated on publication day date f1",
                "oracle undated on publication day ar-1 f", "free oracle ar-1 f"):
        mean[key] = round(sum(float(r[key]) for r in per_topic) / len(per_topic), 4)
    return mean
