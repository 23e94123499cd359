"""Scoring the day given to each statement and event against the example-corpus gold.

Gold quotes and events carry ``date``: the day the words were said or the thing happened (the
sentence's own date when it gives one, else the publication day). Two measures:

* **extracted** — each gold quote (event) is paired with the predicted quote (event) it overlaps
  most, as the quote and event scorers pair them (quotes: ≥ 0.3 of the gold words covered; events:
  same type, predicted sentence overlapping the gold evidence). The measure is the share of
  pairs whose predicted date equals the gold date. It depends on what the extractors find.
* **on gold spans** — :func:`filrouge.analyze.dating.date_span` applied to every gold quote and
  event where it stands in the text (the cue or evidence as focus). It measures the dating rule
  alone, over all gold items, whatever the extractors found.

Gold items whose ``date`` is null (an event the gold does not date: hypothetical, ongoing) are
counted apart: how often the dating also leaves them undated is ``undated agreement``.
"""

from __future__ import annotations

import datetime as dt
import statistics
from pathlib import Path
from typing import Any

from filrouge.analyze.dating import QuoteSite, date_quotes, date_span, dated_expressions, lead_day
from filrouge.analyze.pubdate import DatedCollection, Inferred, infer, infer_from_text
from filrouge.eval.example import (
    Gold,
    Tally,
    _gold_quote_span,
    _token_overlap,
    locate,
    occurrences,
)
from filrouge.model import Article


def _sentences(article: Article) -> list[tuple[int, int]]:
    """Sentence bounds from the same spaCy model the pipeline uses (already loaded by then)."""
    from filrouge.analyze.pipeline import load_model

    doc = load_model()(article.text)
    return [(s.start_char, s.end_char) for s in doc.sents]


def _cue_position(text: str, quote: Gold, span: tuple[int, int]) -> tuple[int, int] | None:
    """Where the gold cue stands: its occurrence nearest to the quote (inside, before or
    after it)."""
    found = occurrences(text, quote.get("cue") or "")
    if not found:
        return None

    def gap(where: tuple[int, int]) -> int:
        return max(0, span[0] - where[1], where[0] - span[1])

    return min(found, key=gap)


def _quote_parts(text: str, quote: Gold, span: tuple[int, int]) -> list[tuple[int, int]]:
    """The quoted words only (an incise between the parts is not quoted)."""
    parts: list[tuple[int, int]] = []
    for part in quote.get("parts") or [quote["text"]]:
        found = locate(text[span[0]:span[1]], part)
        if found is not None:
            parts.append((span[0] + found[0], span[0] + found[1]))
    return parts or [span]


def _located_quotes(text: str, gold: Gold) -> list[tuple[Gold, QuoteSite]]:
    """Gold quotes found in the text, in text order, as the dating sees them."""
    located: list[tuple[Gold, QuoteSite]] = []
    for quote in gold.get("quotes", []):
        span = _gold_quote_span(text, quote)
        if span is None:
            continue
        site = QuoteSite(span, _cue_position(text, quote, span),
                         tuple(_quote_parts(text, quote, span)),
                         quote.get("speaker") or quote.get("speaker_text"))
        located.append((quote, site))
    return sorted(located, key=lambda pair: pair[1].span[0])


def _gold_event_span(text: str, event: Gold) -> tuple[int, int] | None:
    return locate(text, event.get("evidence") or "")


def _count(tally: Tally, name: str, gold_date: str | None, predicted: str | None) -> None:
    if gold_date is None:
        tally.accuracy(f"{name} undated agreement", predicted is None)
    else:
        tally.accuracy(name, predicted == gold_date)


def score_dating(article: Article, gold: Gold, tally: Tally,
                 sentences: list[tuple[int, int]] | None = None) -> None:
    """Add the dating figures of one article to ``tally`` (both measures, quotes and events)."""
    text = article.text
    published = article.published.value[:10] if article.published.value else None
    bounds = sentences if sentences is not None else _sentences(article)
    used: set[int] = set()
    located = _located_quotes(text, gold)
    days = date_quotes(text, article.times, bounds, [site for _, site in located], published)
    for (quote, site), (predicted, _) in zip(located, days, strict=True):
        span = site.span
        _count(tally, "quote date on gold spans", quote.get("date"), predicted)
        scored = [(_token_overlap(span, (q.start, q.end), text), i)
                  for i, q in enumerate(article.quotes) if i not in used]
        scored = [s for s in scored if s[0] >= 0.3]
        if scored:
            best = max(scored)[1]
            used.add(best)
            _count(tally, "quote date extracted", quote.get("date"), article.quotes[best].date)
    used_events: set[int] = set()
    lead = lead_day(text, dated_expressions(text, article.times, published), published)
    for event in gold.get("events", []):
        where = _gold_event_span(text, event)
        if where is None:
            continue
        predicted, _ = date_span(text, article.times, bounds, where, published, focus=where,
                                 lead=lead, periods=True)  # as events are dated
        _count(tally, "event date on gold spans", event.get("date"), predicted)
        match = _best_event(article, event, where, used_events)
        if match is not None:
            used_events.add(match)
            _count(tally, "event date extracted", event.get("date"), article.events[match].date)


def _best_event(article: Article, event: Gold, span: tuple[int, int],
                used: set[int]) -> int | None:
    best: tuple[int, int] | None = None
    for index, predicted in enumerate(article.events):
        if index in used or predicted.type != event.get("type"):
            continue
        overlap = min(span[1], predicted.end) - max(span[0], predicted.start)
        if overlap > 0 and (best is None or overlap > best[0]):
            best = (overlap, index)
    return best[1] if best else None


def dating_errors(article: Article, gold: Gold) -> list[dict[str, Any]]:
    """The gold items the dating gets wrong on gold spans, for reading while writing rules."""
    text = article.text
    published = article.published.value[:10] if article.published.value else None
    bounds = _sentences(article)
    errors: list[dict[str, Any]] = []
    located = _located_quotes(text, gold)
    days = date_quotes(text, article.times, bounds, [site for _, site in located], published)
    items = [("quote", quote, site.span, day) for (quote, site), day in zip(located, days,
                                                                          strict=True)]
    lead = lead_day(text, dated_expressions(text, article.times, published), published)
    for event in gold.get("events", []):
        span = _gold_event_span(text, event)
        if span is not None:
            items.append(("event", event, span, date_span(text, article.times, bounds, span,
                                                          published, focus=span, lead=lead,
                                                          periods=True)))
    for kind, item, span, (predicted, origin) in items:
        if predicted != item.get("date"):
            errors.append({"kind": kind, "gold": item.get("date"), "predicted": predicted,
                           "origin": origin, "span": span})
    return errors


# --------------------------------------------------------------------------- publication dates


def mlcrisis_articles(root: Path) -> list[tuple[str, str, dt.date, str]]:
    """(topic, file, true day, text) for every ml-crisis-fr article, the text as the cleaner
    leaves it with its dateline cut out: the date it states is hidden, as are the folder and
    any metadata, so only what the article tells remains."""
    from filrouge.ingest.clean import clean_text

    found: list[tuple[str, str, dt.date, str]] = []
    for topic in sorted(p.name for p in root.iterdir() if p.is_dir() and p.name != "reference"):
        for folder in sorted((root / topic).iterdir()):
            try:
                truth = dt.date.fromisoformat(folder.name)
            except ValueError:
                continue
            for path in sorted(folder.iterdir()):
                if not path.is_file():
                    continue
                cleaned = clean_text(path.read_text(encoding="utf-8", errors="replace"))
                text = cleaned.text
                if cleaned.dateline:
                    text = text.replace(cleaned.dateline, " " * len(cleaned.dateline), 1)
                found.append((topic, f"{topic}/{folder.name}/{path.name}", truth, text))
    return found


def _inference_figures(results: list[tuple[dt.date, Inferred | None]]) -> dict[str, float | int]:
    inferred = [(truth, guess) for truth, guess in results if guess is not None]
    inside = [(truth, guess) for truth, guess in inferred
              if guess.earliest <= truth <= guess.latest]
    widths = sorted(guess.width for _, guess in inferred)
    return {
        "articles": len(results),
        "with a range": len(inferred),
        "range holds the day (share of all)": round(len(inside) / len(results), 4)
        if results else 0.0,
        "range holds the day (share of inferred)": round(len(inside) / len(inferred), 4)
        if inferred else 0.0,
        "median range width (days)": statistics.median(widths) if widths else 0,
        "exact day": sum(guess.value == truth for truth, guess in inferred),
    }


def evaluate_inference_mlcrisis(root: Path) -> dict[str, dict[str, float | int]]:
    """Publication-date inference on ml-crisis-fr, text only and with the collection: each
    article's own date hidden, the other articles of its topic dated (leave one out)."""
    articles = mlcrisis_articles(root)
    text_only: list[tuple[dt.date, Inferred | None]] = []
    with_collection: list[tuple[dt.date, Inferred | None]] = []
    for topic in sorted({a[0] for a in articles}):
        members = [a for a in articles if a[0] == topic]
        collection = DatedCollection.build([(text, truth) for _, _, truth, text in members])
        for position, (_, _, truth, text) in enumerate(members):
            text_only.append((truth, infer_from_text(text)))
            with_collection.append((truth, infer(text, collection, exclude=position)))
    return {"text only": _inference_figures(text_only),
            "text and dated collection (leave one out)": _inference_figures(with_collection)}


def evaluate_inference_wikinews(root: Path) -> dict[str, dict[str, float | int]]:
    """The same measure on wikinews-fr, a dev set for the inference rules: each page's dateline
    gives the truth and is cut out of the text; the other pages form the dated collection."""
    from filrouge.eval.pubdate import html_to_text
    from filrouge.ingest.clean import clean_text

    pages: list[tuple[dt.date, str]] = []
    for path in sorted(root.glob("*.html")):
        cleaned = clean_text(html_to_text(path.read_text(encoding="utf-8", errors="replace")))
        if cleaned.published.origin != "dateline" or not cleaned.published.value:
            continue
        text = cleaned.text
        if cleaned.dateline:
            text = text.replace(cleaned.dateline, " " * len(cleaned.dateline), 1)
        pages.append((dt.date.fromisoformat(cleaned.published.value[:10]), text))
    collection = DatedCollection.build([(text, truth) for truth, text in pages])
    text_only = [(truth, infer_from_text(text)) for truth, text in pages]
    with_collection = [(truth, infer(text, collection, exclude=position))
                       for position, (truth, text) in enumerate(pages)]
    return {"text only": _inference_figures(text_only),
            "text and dated collection (leave one out)": _inference_figures(with_collection)}
