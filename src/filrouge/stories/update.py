"""What changed since a date: new events, quotes and figures, and a short update summary that
does not repeat what was already known.

The summary is extractive. Each sentence of the articles published since the date is scored by
its salience among the new sentences (TF-IDF cosine with their centroid) minus its redundancy
with what was known before (highest cosine with any earlier sentence), with a small preference
for article leads and for sentences carrying a date, an actor and a figure; sentences are then
taken greedily (maximal marginal relevance) without repeating one another, up to a word budget.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from filrouge.model import Amount, Article, Event, Quote, SourceRef
from filrouge.stories.text import content_terms, sentence_spans
from filrouge.stories.timeline import cosine

NOVELTY_WEIGHT = 0.8  # how much resemblance to earlier sentences costs
LEAD_BONUS = 0.05
REPEAT = 0.5  # cosine above which two picked sentences say the same thing
MIN_WORDS, MAX_WORDS = 6, 60


@dataclass(frozen=True)
class Sentence:
    article: Article
    start: int
    end: int
    position: int
    terms: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.article.text[self.start:self.end].split())


@dataclass
class Update:
    """What the articles published since ``since`` add to a story."""

    since: str
    articles: list[str] = field(default_factory=list)
    events: list[tuple[Article, Event]] = field(default_factory=list)
    quotes: list[tuple[Article, Quote]] = field(default_factory=list)
    figures: list[tuple[Article, Amount]] = field(default_factory=list)
    summary: list[SourceRef] = field(default_factory=list)


def sentences(articles: Sequence[Article]) -> list[Sentence]:
    found = []
    for article in articles:
        for position, (start, end) in enumerate(sentence_spans(article.text)):
            n_words = len(article.text[start:end].split())
            if MIN_WORDS <= n_words <= MAX_WORDS:
                found.append(Sentence(article, start, end, position,
                                      tuple(content_terms(article.text[start:end]))))
    return found


def _vectors(pool: Sequence[Sentence],
             background: Sequence[Sentence]) -> dict[int, dict[str, float]]:
    df: Counter[str] = Counter()
    for sentence in [*pool, *background]:
        df.update(set(sentence.terms))
    n = len(pool) + len(background)
    vectors = {}
    for sentence in [*pool, *background]:
        counts = Counter(sentence.terms)
        vector = {t: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[t])) + 1)
                  for t, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors[id(sentence)] = {t: v / norm for t, v in vector.items()}
    return vectors


def update_summary(before: Sequence[Article], after: Sequence[Article],
                   max_words: int = 100) -> list[Sentence]:
    """Sentences of ``after`` that best tell what is new compared with ``before``."""
    pool = sentences([a for a in after if not a.duplicate_of])
    background = sentences([a for a in before if not a.duplicate_of])
    if not pool:
        return []
    vectors = _vectors(pool, background)
    centroid: Counter[str] = Counter()
    for sentence in pool:
        centroid.update(vectors[id(sentence)])
    norm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0
    centre = {t: v / norm for t, v in centroid.items()}
    old = [vectors[id(s)] for s in background]

    def score(sentence: Sentence) -> float:
        vector = vectors[id(sentence)]
        known = max((cosine(vector, o) for o in old), default=0.0)
        marks = _marks(sentence)
        return (cosine(vector, centre) - NOVELTY_WEIGHT * known
                + LEAD_BONUS * (sentence.position == 0) + 0.03 * marks)

    ranked = sorted(pool, key=lambda s: (-score(s), s.article.id, s.start))
    chosen: list[Sentence] = []
    used = 0
    for sentence in ranked:
        vector = vectors[id(sentence)]
        if any(cosine(vector, vectors[id(c)]) > REPEAT for c in chosen):
            continue
        n_words = len(sentence.text.split())
        if used and used + n_words > max_words * 1.1:
            continue
        chosen.append(sentence)
        used += n_words
        if used >= max_words:
            break
    return chosen


def _marks(sentence: Sentence) -> int:
    """How many of: a date, an actor, a figure the sentence carries."""
    article, start, end = sentence.article, sentence.start, sentence.end
    return (any(start <= t.start < end for t in article.times)
            + any(start <= e.start < end and e.actor for e in article.entities)
            + any(start <= a.start < end for a in article.amounts))


def lead_baseline(after: Sequence[Article], max_words: int = 100) -> list[Sentence]:
    """Baseline: the first sentence of each new article, newest first, up to the budget."""
    newest = sorted([a for a in after if not a.duplicate_of],
                    key=lambda a: (a.published.value or "", a.id), reverse=True)
    chosen: list[Sentence] = []
    used = 0
    for article in newest:
        leads = sentences([article])
        if not leads:
            continue
        chosen.append(leads[0])
        used += len(leads[0].text.split())
        if used >= max_words:
            break
    return chosen


def what_is_new(articles: Sequence[Article], since: str, max_words: int = 100) -> Update:
    """Split a story's articles at ``since`` (publication day) and report what the later ones
    add: their events and quotes dated on or after the day, their figures (each list oldest
    first), an update summary."""
    after = [a for a in articles if (a.published.value or "")[:10] >= since]
    before = [a for a in articles if a not in after]
    update = Update(since=since, articles=[a.id for a in after if not a.duplicate_of])
    for article in after:
        if article.duplicate_of:
            continue
        update.events += [(article, e) for e in article.events
                          if (e.date or article.published.value or "")[:10] >= since
                          and not e.hypothetical]
        update.quotes += [(article, q) for q in article.quotes
                          if (q.date or article.published.value or "")[:10] >= since]
        update.figures += [(article, a) for a in article.amounts]
    # oldest first, so that a listing cut at N shows the first N things that happened
    update.events.sort(key=lambda pair: (pair[1].date or pair[0].published.value or "",
                                         pair[0].id, pair[1].start))
    update.quotes.sort(key=lambda pair: (pair[1].date or pair[0].published.value or "",
                                         pair[0].id, pair[1].start))
    update.figures.sort(key=lambda pair: (pair[0].published.value or "", pair[0].id,
                                          pair[1].start))
    update.summary = [
        SourceRef(article=s.article.id, outlet=s.article.outlet, title=s.article.title,
                  published=s.article.published.value, start=s.start, end=s.end,
                  text=s.article.text[s.start:s.end])
        for s in update_summary(before, after, max_words)
    ]
    return update
