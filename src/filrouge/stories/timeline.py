"""Timelines: dated entries built from the dates events and statements carry, each summarised by
one or two sentences taken from the sources and citing them.

A sentence is a candidate for a day when it names that day ("le 28 janvier", "mardi", resolved by
the time tagger against the publication date); the first sentences of an article that name no
day are candidates for its publication day (news leads report that day's events). Days are
ranked by how many distinct articles point at them (mentions count more than publications),
following the date-reference counts of Tran et al. (2013) and Martschat & Markert (2018). For
each kept day, sentences are ranked by salience (TF-IDF cosine with the centroid of that day's
candidates), with a preference for sentences that carry a date, an actor and a figure, and
picked without repeating one another or an entry already written.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from filrouge.model import Article, SourceRef, Story, TimelineEntry
from filrouge.stories.text import content_terms, sentence_spans

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LEAD_SENTENCES = 5  # undated sentences this close to the top speak of the publication day
MENTION_WEIGHT = 1.0  # an article naming a day
PUBLICATION_WEIGHT = 0.5  # an article published that day
MIN_WORDS, MAX_WORDS = 6, 60
REDUNDANCY = 0.5  # cosine above which a sentence repeats one already chosen


@dataclass(frozen=True)
class Candidate:
    """A sentence that can stand for what happened on a date."""

    date: str
    article: Article
    start: int
    end: int
    explicit: bool  # the sentence itself names the date
    has_actor: bool
    has_figure: bool
    terms: tuple[str, ...]

    @property
    def text(self) -> str:
        return self.article.text[self.start:self.end]


def _inside(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start <= s < end for s, _ in spans)


def candidates(article: Article, *, actor: str | None = None) -> list[Candidate]:
    """Dated sentences of one article (only those naming ``actor`` when given)."""
    published = (article.published.value or "")[:10]
    days = [(t.start, t.value) for t in article.times
            if t.type == "DATE" and _DAY.match(t.value) and not t.vague]
    other_times = [(t.start, t.end) for t in article.times]
    actors = [(e.start, e.end) for e in article.entities if e.actor]
    wanted = [(e.start, e.end) for e in article.entities if actor and e.actor == actor]
    wanted += [(q.start, q.end) for q in article.quotes if actor and q.speaker_actor == actor]
    figures = [(a.start, a.end) for a in article.amounts]
    found: list[Candidate] = []
    for position, (start, end) in enumerate(sentence_spans(article.text)):
        sentence = article.text[start:end]
        n_words = len(sentence.split())
        if not MIN_WORDS <= n_words <= MAX_WORDS:
            continue
        if actor and not _inside(start, end, wanted):
            continue
        named = sorted({value for at, value in days if start <= at < end})
        if named:
            dates, explicit = named, True
        elif position < LEAD_SENTENCES and _DAY.match(published) and not _inside(
                start, end, other_times):
            dates, explicit = [published], False
        else:
            continue
        terms = tuple(content_terms(sentence))
        for date in dates:
            found.append(Candidate(date, article, start, end, explicit,
                                   _inside(start, end, actors), _inside(start, end, figures),
                                   terms))
    return found


def rank_dates(pool: dict[str, list[Candidate]], articles: Sequence[Article]) -> list[str]:
    """Days by support: distinct articles naming them, plus (less) articles published then."""
    published = Counter((a.published.value or "")[:10] for a in articles)
    support = {
        day: MENTION_WEIGHT * len({c.article.id for c in found if c.explicit})
        + PUBLICATION_WEIGHT * published.get(day, 0)
        for day, found in pool.items()
    }
    return sorted(pool, key=lambda d: (-support[d], d))


class _Weights:
    """IDF over the candidate sentences: words every sentence uses say little."""

    def __init__(self, sentences: Iterable[tuple[str, ...]]) -> None:
        df: Counter[str] = Counter()
        n = 0
        for terms in sentences:
            df.update(set(terms))
            n += 1
        self.idf = {t: math.log((1 + n) / (1 + c)) + 1 for t, c in df.items()}

    def vector(self, terms: Iterable[str]) -> dict[str, float]:
        counts = Counter(terms)
        vector = {t: (1 + math.log(c)) * self.idf.get(t, 1.0) for t, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        return {t: v / norm for t, v in vector.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def sentence_score(candidate: Candidate, salience: float, query: dict[str, float] | None) -> float:
    """Salience first; then a date, an actor and a figure in the sentence each help."""
    score = salience
    score += 0.10 * candidate.explicit + 0.05 * candidate.has_actor + 0.05 * candidate.has_figure
    if query:
        score += 0.5 * sum(query.get(t, 0.0) for t in set(candidate.terms))
    return score


def build_timeline(
    articles: Iterable[Article],
    *,
    max_dates: int | None = None,
    sentences_per_date: int = 1,
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
    query: str | None = None,
) -> list[TimelineEntry]:
    """Entries in date order, at most ``max_dates`` (the best-supported days), each with up to
    ``sentences_per_date`` sentences; wire copies are left out (their originals speak)."""
    chosen_articles = [a for a in articles if not a.duplicate_of]
    query_terms = set(content_terms(query)) if query else set()
    if query_terms:
        chosen_articles = [a for a in chosen_articles
                           if len(query_terms & set(content_terms(a.text))) * 2
                           >= len(query_terms)]
    pool: dict[str, list[Candidate]] = defaultdict(list)
    for article in chosen_articles:
        for candidate in candidates(article, actor=actor):
            if (since is None or candidate.date >= since) and (
                    until is None or candidate.date <= until):
                pool[candidate.date].append(candidate)
    if not pool:
        return []
    days = rank_dates(pool, chosen_articles)
    if max_dates is not None:
        days = days[:max_dates]
    weights = _Weights(c.terms for found in pool.values() for c in found)
    query_vector = weights.vector(query_terms) if query_terms else None
    written: list[dict[str, float]] = []
    entries: dict[str, TimelineEntry] = {}
    for day in days:  # best-supported days first: they get first pick of the sentences
        picked = _pick(pool[day], sentences_per_date, weights, written, query_vector)
        if picked:
            entries[day] = _entry(day, picked, pool[day])
    return [entries[d] for d in sorted(entries)]


def _pick(pool: list[Candidate], k: int, weights: _Weights, written: list[dict[str, float]],
          query: dict[str, float] | None) -> list[Candidate]:
    vectors = {id(c): weights.vector(c.terms) for c in pool}
    centroid: Counter[str] = Counter()
    for vector in vectors.values():
        centroid.update(vector)
    norm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0
    centre = {t: v / norm for t, v in centroid.items()}
    ranked = sorted(pool, key=lambda c: (-sentence_score(c, cosine(vectors[id(c)], centre), query),
                                         c.article.id, c.start))
    chosen: list[Candidate] = []
    for candidate in ranked:
        vector = vectors[id(candidate)]
        if any(cosine(vector, other) > REDUNDANCY for other in written):
            continue
        chosen.append(candidate)
        written.append(vector)
        if len(chosen) >= k:
            break
    return sorted(chosen, key=lambda c: (c.article.published.value or "", c.article.id, c.start))


def _clean(sentence: str) -> str:
    return " ".join(sentence.split())


def _entry(day: str, chosen: list[Candidate], pool: list[Candidate]) -> TimelineEntry:
    sources: dict[str, SourceRef] = {}
    for candidate in [*chosen, *sorted(pool, key=lambda c: (c.article.id, c.start))]:
        article = candidate.article
        if article.id not in sources:
            sources[article.id] = SourceRef(
                article=article.id, outlet=article.outlet or _source_name(article.source),
                published=article.published.value, start=candidate.start, end=candidate.end,
                text=candidate.text,
            )
    seen = sorted(s.published[:10] for s in sources.values() if s.published)
    return TimelineEntry(
        date=day, summary=" ".join(_clean(c.text) for c in chosen),
        sources=list(sources.values()),
        outlets=sorted({s.outlet for s in sources.values() if s.outlet}),
        first_seen=seen[0] if seen else None, last_seen=seen[-1] if seen else None,
    )


def _source_name(source: str) -> str:
    return source.rsplit("/", 1)[-1]


def build_stories(articles: Iterable[Article]) -> list[Story]:
    """Group a batch from scratch and label each story (no store involved)."""
    from filrouge.stories.cluster import group
    from filrouge.stories.labels import build_story

    pool = list(articles)
    by_id = {a.id: a for a in pool}
    grouper = group(pool)
    members: dict[str, list[Article]] = defaultdict(list)
    for decision in grouper.decisions.values():
        members[decision.story].append(by_id[decision.article])
    return [build_story(story_id, members[story_id], grouper) for story_id in sorted(members)]
