"""Timelines: dated entries, each summarised by sentences taken from the sources and citing
them, in the manner of DATEWISE (Ghalandari & Ifrim, 2020): rank the days first, then summarise
each kept day from the sentences that speak of it.

**Which sentences speak of a day.** A sentence *mentions* a day when the time tagger resolved
one of its expressions to that day ("le 28 janvier", "mardi", "la veille"), or when a quote or
an event in it was dated from its context. The first sentences of an article that name no time
at all are *leads*: they stand for the publication day. (DATEWISE also gives them the day
before; on ml-crisis-fr that lowered Date F1 and AR-1 on both crises: French reports resolve
"hier" to a date the tagger reads, so an undated lead is about its own day.)

**Which days.** Days are ranked by the number of distinct articles mentioning them, plus half a
point per article published that day (date-reference counting, Tran et al. 2013; Martschat &
Markert 2018); a day only the leads of the next day's articles point at is left out.

**Which sentences.** A day's topic vector is the mean of the centroid of its mentioning
sentences and the centroid of its leads, kept to the words both share when there are both
(DATEWISE's "PM-Mean"); sentences are then picked greedily so that the summary's TF-IDF vector
stays closest to that topic vector (centroid optimisation), never repeating an entry already
written (cosine above 0.5).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from filrouge.model import Article, Event, Quote, SourceRef, Story, TimelineEntry
from filrouge.stories.text import content_terms, sentence_spans

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LEAD_SENTENCES = 5  # undated sentences this close to the top report the publication days
LEAD_DAYS = 1  # days back from the publication day a lead stands for
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
    explicit: bool  # the sentence itself names the date (or dates a quote or event in it)
    has_actor: bool
    has_figure: bool
    terms: tuple[str, ...]

    @property
    def text(self) -> str:
        return self.article.text[self.start:self.end]


def _ordinal(day: str) -> int | None:
    try:
        return dt.date.fromisoformat(day).toordinal() if _DAY.match(day) else None
    except ValueError:
        return None


def _inside(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start <= s < end for s, _ in spans)


def _lead_days(published: str) -> list[str]:
    day = _ordinal(published)
    if day is None:
        return []
    return [dt.date.fromordinal(day - k).isoformat() for k in range(LEAD_DAYS)]


def candidates(article: Article, *, actor: str | None = None) -> list[Candidate]:
    """Dated sentences of one article (only those naming ``actor`` when given)."""
    published = (article.published.value or "")[:10]
    days = [(t.start, t.value) for t in article.times
            if t.type == "DATE" and _DAY.match(t.value) and not t.vague]
    dated: list[Quote | Event] = [*article.quotes, *article.events]
    contextual = [(item.start, item.date) for item in dated
                  if item.date_origin == "context" and item.date and _DAY.match(item.date)]
    other_times = [(t.start, t.end) for t in article.times]
    actors = [(e.start, e.end) for e in article.entities if e.actor]
    wanted = [(e.start, e.end) for e in article.entities if actor and e.actor == actor]
    wanted += [(q.start, q.end) for q in article.quotes if actor and q.speaker_actor == actor]
    figures = [(a.start, a.end) for a in article.amounts]
    lead_days = _lead_days(published)
    found: list[Candidate] = []
    for position, (start, end) in enumerate(sentence_spans(article.text)):
        sentence = article.text[start:end]
        n_words = len(sentence.split())
        if not MIN_WORDS <= n_words <= MAX_WORDS:
            continue
        if actor and not _inside(start, end, wanted):
            continue
        named = sorted({value for at, value in days if start <= at < end}
                       or {value for at, value in contextual if start <= at < end})
        if named:
            dates, explicit = named, True
        elif position < LEAD_SENTENCES and lead_days and not _inside(start, end, other_times):
            dates, explicit = lead_days, False
        else:
            continue
        terms = tuple(content_terms(sentence))
        for date in dates:
            found.append(Candidate(date, article, start, end, explicit,
                                   _inside(start, end, actors), _inside(start, end, figures),
                                   terms))
    return found


def date_support(pool: dict[str, list[Candidate]], articles: Sequence[Article]
                 ) -> dict[str, float]:
    """Distinct articles mentioning each day, plus (less) the articles published on it."""
    published = Counter((a.published.value or "")[:10] for a in articles)
    return {
        day: MENTION_WEIGHT * len({c.article.id for c in found if c.explicit})
        + PUBLICATION_WEIGHT * published.get(day, 0)
        for day, found in pool.items()
    }


def rank_dates(pool: dict[str, list[Candidate]], articles: Sequence[Article]) -> list[str]:
    """Days by support, best first; a day nobody names and nobody published on (only the leads
    of the next day's articles point at it) is not a date of the chronology."""
    support = date_support(pool, articles)
    return sorted((d for d in pool if support[d] > 0), key=lambda d: (-support[d], d))


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
        return _normalise({t: (1 + math.log(c)) * self.idf.get(t, 1.0) for t, c in counts.items()})


def _normalise(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {t: v / norm for t, v in vector.items() if v}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def _centroid(vectors: Iterable[dict[str, float]]) -> dict[str, float]:
    total: Counter[str] = Counter()
    n = 0
    for vector in vectors:
        total.update(vector)
        n += 1
    return {t: v / n for t, v in total.items()} if n else {}


def topic_vector(pool: Sequence[Candidate], vectors: dict[int, dict[str, float]]
                 ) -> dict[str, float]:
    """What the day is about: the mean of the mentions' and the leads' centroids, on the words
    both share when there are both (a word only one side uses is often about another day)."""
    mentions = _centroid(vectors[id(c)] for c in pool if c.explicit)
    leads = _centroid(vectors[id(c)] for c in pool if not c.explicit)
    if mentions and leads:
        shared = {t: (mentions[t] + leads[t]) / 2 for t in mentions.keys() & leads.keys()}
        if shared:
            return _normalise(shared)
    return _normalise(mentions or leads)


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


def sentence_bonus(candidate: Candidate, query: dict[str, float] | None) -> float:
    """Small preferences between sentences about as central: a date, an actor and a figure in
    the sentence; and the user's query words."""
    bonus = 0.05 * candidate.explicit
    bonus += 0.03 * candidate.has_actor + 0.03 * candidate.has_figure
    if query:
        bonus += 0.5 * sum(query.get(t, 0.0) for t in set(candidate.terms))
    return bonus


def _pick(pool: list[Candidate], k: int, weights: _Weights, written: list[dict[str, float]],
          query: dict[str, float] | None) -> list[Candidate]:
    """Centroid optimisation: add the sentence that brings the summary closest to the day's
    topic vector, until ``k`` sentences or no sentence helps."""
    unique: dict[tuple[str, int], Candidate] = {}
    for candidate in pool:
        unique.setdefault((candidate.article.id, candidate.start), candidate)
    choices = sorted(unique.values(), key=lambda c: (c.article.id, c.start))
    vectors = {id(c): weights.vector(c.terms) for c in choices}
    topic = topic_vector(choices, vectors)
    chosen: list[Candidate] = []
    summary: Counter[str] = Counter()
    while len(chosen) < k:
        best, best_score = None, -math.inf
        for candidate in choices:
            vector = vectors[id(candidate)]
            if candidate in chosen or not vector or any(
                    cosine(vector, other) > REDUNDANCY for other in written):
                continue
            trial = summary.copy()
            trial.update(vector)
            score = cosine(_normalise(dict(trial)), topic) + sentence_bonus(candidate, query)
            if score > best_score:
                best, best_score = candidate, score
        if best is None:
            break
        chosen.append(best)
        summary.update(vectors[id(best)])
        written.append(vectors[id(best)])
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
