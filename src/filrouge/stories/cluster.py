"""Grouping articles into stories: TF-IDF of words and actors, cosine similarity, time decay.

This first version follows the shape of Miranda et al. (2018): each article is compared with the
centroid of each existing story, joins the most similar one above a threshold (discounted by the
time gap), or opens a new story. Story ids derive from their first article, so they are stable
across runs over the same corpus.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from filrouge.model import Article

_WORD = re.compile(r"[A-Za-zÀ-ÿœŒæÆ]{4,}")
_STOP = frozenset(
    """avait avoir cette comme dans elle elles être leur leurs mais même nous pour plus sans
    selon sont tout tous toute toutes très vous ainsi alors aussi autre avec avant après chez
    déjà depuis donc encore entre était étaient fait faire peut pourrait quand quel quelle
    sera seront sous tandis vers celle celui ceux dont lors part jour jours année années
    mardi lundi mercredi jeudi vendredi samedi dimanche janvier février mars avril juin
    juillet août septembre octobre novembre décembre déclaré estimé ajouté selon""".split()
)
THRESHOLD = 0.08  # calibrated on rpm2 (BCubed F1), see README
HALF_LIFE_DAYS = 365.0


def terms(article: Article) -> Counter[str]:
    """Content words of title and text (title counted twice) plus the actors named."""
    words = Counter(
        w.lower() for w in _WORD.findall(article.text) if w.lower() not in _STOP
    )
    for w in _WORD.findall(article.title or ""):
        if w.lower() not in _STOP:
            words[w.lower()] += 2
    for entity in article.entities:
        if entity.actor:
            words["@" + entity.actor] += 1
    return words


def _date(article: Article) -> dt.date | None:
    try:
        return dt.date.fromisoformat((article.published.value or "")[:10])
    except ValueError:
        return None


@dataclass
class Cluster:
    id: str
    members: list[Article] = field(default_factory=list)
    centroid: Counter[str] = field(default_factory=Counter)
    vector: dict[str, float] = field(default_factory=dict)
    last: dt.date | None = None


def _weights(bag: Counter[str], idf: dict[str, float]) -> dict[str, float]:
    vector = {t: (1 + math.log(n)) * idf.get(t, 1.0) for t, n in bag.items()}
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {t: v / norm for t, v in vector.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def similarity_explained(a: Counter[str], b: Counter[str], n: int = 8) -> list[str]:
    """The terms two bags share, most frequent first: why two articles were grouped."""
    shared = {t: min(a[t], b[t]) for t in a.keys() & b.keys()}
    return [t for t, _ in sorted(shared.items(), key=lambda kv: -kv[1])[:n]]


def group(articles: Iterable[Article], threshold: float = THRESHOLD) -> list[Cluster]:
    """Incremental single pass in date order: each article joins the closest story or opens one."""
    ordered = sorted(articles, key=lambda a: (a.published.value or "9999", a.id))
    bags = {a.id: terms(a) for a in ordered}
    document_frequency: Counter[str] = Counter()
    for bag in bags.values():
        document_frequency.update(bag.keys())
    total = max(len(ordered), 1)
    idf = {t: math.log((1 + total) / (1 + df)) + 1 for t, df in document_frequency.items()}
    clusters: list[Cluster] = []
    for article in ordered:
        if article.duplicate_of:
            continue
        vector = _weights(bags[article.id], idf)
        when = _date(article)
        best, best_score = None, 0.0
        for cluster in clusters:
            score = _cosine(vector, cluster.vector)
            if when and cluster.last:
                gap = abs((when - cluster.last).days)
                score *= 0.5 ** (gap / HALF_LIFE_DAYS)
            if score > best_score:
                best, best_score = cluster, score
        if best is None or best_score < threshold:
            best = Cluster(id="s-" + article.id[:10])
            clusters.append(best)
        best.members.append(article)
        best.centroid.update(bags[article.id])
        best.vector = _weights(best.centroid, idf)
        if when and (best.last is None or when > best.last):
            best.last = when
    return clusters
