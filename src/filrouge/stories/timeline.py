"""Timelines: dated entries built from event and statement dates, each an extractive summary that
cites the sentences it came from."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from filrouge.model import Article, SourceRef, Story, TimelineEntry
from filrouge.stories.cluster import Cluster, group

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[»”\"]?|$)")


@dataclass(frozen=True)
class Candidate:
    """A sentence that can stand for what happened on a date."""

    date: str
    article: Article
    start: int
    end: int
    score: float


def _lead(article: Article) -> tuple[int, int] | None:
    """The article's first sentence: the wire-style summary of what it reports."""
    for match in _SENTENCE.finditer(article.text):
        if len(match.group(0).split()) >= 8:
            return match.start(), match.end()
    return None


def candidates(article: Article) -> list[Candidate]:
    """Dated sentences of one article: its events (facts only), dated statements, its lead."""
    found: list[Candidate] = []
    amounts = [(a.start, a.end) for a in article.amounts]
    for event in article.events:
        if event.date and not event.hypothetical and not event.negated:
            bonus = 0.5 * any(event.start <= s < event.end for s, _ in amounts)
            bonus += 0.5 * (event.date_origin == "sentence")
            found.append(Candidate(event.date, article, event.start, event.end,
                                   1.0 + bonus + len(event.targets) * 0.3))
    for quote in article.quotes:
        if quote.date and quote.date_origin == "sentence" and quote.speaker_actor:
            start, end = _sentence_around(article.text, quote.start, quote.end)
            found.append(Candidate(quote.date, article, start, end, 0.8))
    lead = _lead(article)
    if lead and article.published.value:
        found.append(Candidate(article.published.value[:10], article, *lead, 1.2))
    return [c for c in found if len(article.text[c.start:c.end].split()) >= 6]


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return left + 1 if left >= 0 else 0, right


def _clean(sentence: str) -> str:
    return " ".join(sentence.split())


def build_timeline(
    articles: Iterable[Article],
    *,
    max_dates: int | None = None,
    sentences_per_date: int = 1,
    since: str | None = None,
) -> list[TimelineEntry]:
    """Entries in date order. Dates reported by more articles come first when ``max_dates``
    cuts the list; within a date the best-scored sentences are the summary, without repeats."""
    by_date: dict[str, list[Candidate]] = defaultdict(list)
    for article in articles:
        for candidate in candidates(article):
            if since is None or candidate.date >= since:
                by_date[candidate.date].append(candidate)
    dates = sorted(by_date)
    if max_dates is not None and len(dates) > max_dates:
        support = {d: len({c.article.id for c in by_date[d]}) for d in dates}
        dates = sorted(sorted(dates, key=lambda d: (-support[d], d))[:max_dates])
    entries = []
    for date in dates:
        chosen = _pick(by_date[date], sentences_per_date)
        sources: dict[str, SourceRef] = {}
        for candidate in sorted(by_date[date], key=lambda c: -c.score):
            article = candidate.article
            if article.id not in sources:
                sources[article.id] = SourceRef(
                    article=article.id, outlet=article.outlet or _source_name(article.source),
                    published=article.published.value, start=candidate.start,
                    end=candidate.end, text=article.text[candidate.start:candidate.end],
                )
        summary = " ".join(_clean(c.article.text[c.start:c.end]) for c in chosen)
        entries.append(TimelineEntry(date=date, summary=summary, sources=list(sources.values())))
    return entries


def _pick(pool: list[Candidate], k: int) -> list[Candidate]:
    """Highest-scored sentences that do not repeat one another (word overlap below a half)."""
    chosen: list[Candidate] = []
    support: dict[str, int] = defaultdict(int)
    for candidate in pool:
        support[candidate.article.id] += 1
    for candidate in sorted(pool, key=lambda c: (-c.score, c.article.id, c.start)):
        words = set(candidate.article.text[candidate.start:candidate.end].lower().split())
        if all(
            len(words & set(o.article.text[o.start:o.end].lower().split())) < 0.5 * len(words)
            for o in chosen
        ):
            chosen.append(candidate)
        if len(chosen) >= k:
            break
    return chosen


def _source_name(source: str) -> str:
    return source.rsplit("/", 1)[-1]


def story_from_cluster(cluster: Cluster, **options: int | None) -> Story:
    """A labelled story: title from its most distinctive words, main actors, span, timeline."""
    articles = cluster.members
    bag = cluster.centroid  # the summed terms of its members
    actors = [t[1:] for t, _ in bag.most_common() if t.startswith("@")][:6]
    words = [t for t, _ in bag.most_common() if not t.startswith("@")][:4]
    dates = sorted(a.published.value[:10] for a in articles if a.published.value)
    return Story(
        id=cluster.id,
        title=" · ".join(words) if words else (articles[0].title or cluster.id),
        articles=[a.id for a in articles],
        actors=actors,
        start=dates[0] if dates else None,
        end=dates[-1] if dates else None,
        timeline=build_timeline(
            articles,
            max_dates=options.get("max_dates"),
            sentences_per_date=options.get("sentences_per_date") or 1,
        ),
    )


def build_stories(articles: Iterable[Article]) -> list[Story]:
    return [story_from_cluster(c) for c in group(articles)]
