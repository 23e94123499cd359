"""Timelines: dated entries, each summarised by sentences taken from the sources and citing
them, in the manner of DATEWISE (Ghalandari & Ifrim, 2020): rank the days first, then summarise
each kept day from the sentences that speak of it.

**Which sentences can be written.** A sentence is cut from the article text, its opening
dateline or site mark trimmed ("LE CAIRE, 3 juillet (AFP) -", "EGYPTE -", "(Londres)",
"Edit du 04/07/2013 :"), and left out when it is not a statement of the news: a footnote or
bibliographic reference, a link, a photo credit, a tweet handle, a heading without final
punctuation, a fragment opening in lower case, a teaser cut by "…", a question, a line
announcing a quote (":"), or shorter than 6 or longer than 60 words.

**Which sentences speak of a day.** A sentence *mentions* a day when the time tagger resolved
one of its expressions to that day ("le 28 janvier", "mardi", "la veille"), or when a quote or
an event in it was dated from its context; a day inside a name ("le pont du 6 Octobre", "le
Mouvement du 6 avril", "la révolution du 25 janvier" without its year) or the date of a source
("Le Figaro du 25 juillet", "édition du", "datée du") is not a mention. The first sentences of an
article that name no time at all are *leads*: they stand for the publication day.

**How much a sentence or an article belongs to the collection.** Articles gathered on a topic
come with strays (a page of world news, a film review). An article's *relevance* is the cosine
of its TF-IDF vector with the centroid of the other articles, divided by the median over the
collection and capped at 1: a typical article counts fully, a stray a little. A sentence's
relevance is its cosine with the same centroid. This stands in for the topic keywords DATEWISE
requires in every summary sentence, without needing them.

**Which days.** A day's support is the relevance-weighted number of articles mentioning it,
plus half as much per article published on it (date-reference counting, Tran et al. 2013;
Martschat & Markert 2018); an article recalling a day after it happened counts more
(``RECALL_WEIGHT``): a day still cited weeks later is a landmark, as in the supervised date
ranker of DATEWISE, whose strongest features count mentions from later articles. A day only
the leads of its own articles point at still needs a mention or a publication to be kept.

**Which sentences.** A day's topic vector is the mean of the centroid of its mentioning
sentences and the centroid of its leads, kept to the words both share when there are both
(DATEWISE's "PM-Mean"); sentences are then picked greedily so that the summary's TF-IDF vector
stays closest to that topic vector (centroid optimisation), plus a share of each sentence's
relevance to the collection, never repeating an entry already written (cosine above 0.5).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from filrouge.analyze.time import bare_weekday
from filrouge.model import Article, Event, Quote, SourceRef, Story, TimelineEntry
from filrouge.stories.sources import outlet_name
from filrouge.stories.text import content_terms, sentence_spans

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LEAD_SENTENCES = 5  # undated sentences this close to the top report the publication days
LEAD_DAYS = 1  # days back from the publication day a lead stands for
MENTION_WEIGHT = 1.0  # an article naming a day
FIT = 1.0  # how much a mentioning sentence's own relevance weighs on its mention
RECALL_WEIGHT = 1.0  # more for an article naming a day it was published after
RECALL_GAP = 7  # ... more than this many days after (a landmark, not the news)
PUBLICATION_WEIGHT = 0.5  # an article published that day
RELEVANCE_WEIGHT = 1.5  # share of a sentence's relevance to the collection in its score
MIN_WORDS, MAX_WORDS = 6, 60
REDUNDANCY = 0.5  # cosine above which a sentence repeats one already chosen

# What opens a sentence without belonging to its statement.
_OPENERS = [
    re.compile(r"^(?:[-–—•*]\s*)+"),  # list bullets
    re.compile(r"^\((?:[A-ZÀ-Ý][\w'’.\- ]{1,30})\)\s*[-–—:]?\s*"),  # "(Londres)"
    re.compile(r"^(?-i:[A-ZÀ-ÝŒ][A-ZÀ-ÝŒ'’.\- ]{2,40}?)\s*[-–—:]\s+"),  # "EGYPTE - "
    re.compile(r"^(?:edit|mise? à jour|maj|update)\b[^:]{0,40}:\s*", re.IGNORECASE),
    re.compile(r"^\d{1,2}(?:er)?\s+\w+\s*:\s*(?:[A-Z/\-]{2,}\s*[-–—]\s*)?"),  # "4 août: GB - "
]
_DEBRIS = [
    re.compile(r"^\s*[(\[]\d{1,3}[)\]]"),  # footnote: "(12) Bassem Youssef, « … », site, date."
    re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|org|net|fr|info|be|ch|ca)\b", re.IGNORECASE),
    re.compile(r"«[^»]{3,200}»\s*,\s*[A-Z][^,]{1,60},\s*(?:\d|[a-z]+ \d)"),  # cited title
    re.compile(r"^(?:photo|crédits?|image|vidéo|source|lire aussi|voir aussi|à lire)\b",
               re.IGNORECASE),
    re.compile(r"©|@\w+"),  # credits, handles
    re.compile(r"\|"),  # page furniture or a reader's comment: "Nom | 1 août 2013 14h48 |"
]
_TERMINAL = re.compile(r"[.!»\"”)]\s*$")
_TEASER = re.compile(r"(?:…|\.\.\.)\s*$")
# A day inside a name, or a source's own date, is not a mention of that day.
_NAME_HEAD = re.compile(
    r"\b(?:pont|rue|avenue|boulevard|place|quai|stade|mouvement|coalition|alliance|front|"
    r"brigades?|révolution|soulèvement)\s+du\s*$", re.IGNORECASE)
_SOURCE_DATE = re.compile(
    r"\b(?:édition|edition|edit|datée?|publiée?|parue?|mise? à jour|numéro)\s+(?:du|le)\s*$"
    r"|(?-i:\b[A-Z][\w-]+)\s+du\s*$", re.IGNORECASE)
_YEAR = re.compile(r"\b\d{4}\b")
# "au lendemain de la révolution", "la veille de la manifestation", "du jour au lendemain":
# the day next to an event, or an idiom, not a day the tagger could place.
_EVENT_NEIGHBOUR = re.compile(r"^(?:(?:le|la|au|à la)\s+)?(?:lendemain|veille)$", re.IGNORECASE)
_OF = re.compile(r"\s+d(?:e|u|es)\b|\s+d['’]", re.IGNORECASE)
_IDIOM_BEFORE = re.compile(r"\bdu jour au\s*$", re.IGNORECASE)


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

    @property
    def dangling(self) -> bool:
        """The sentence opens on a pronoun whose person a reader of the timeline cannot know
        ("Il a ajouté que…", "Ce dernier…"): the sentence naming them is not shown."""
        return _dangling().match(self.text) is not None


@cache
def _dangling() -> re.Pattern[str]:
    """A subject pronoun opening a sentence, unless it is an impersonal "il" ("Il y a",
    "Il faut", "Il est probable que") that points back to no one."""
    raw = json.loads((resources.files("filrouge") / "data" / "stopwords_fr.json").read_text(
        "utf-8"))

    def alternation(words: list[str]) -> str:
        return "|".join(re.escape(w).replace("'", "['’]").replace(r"\ ", r"\s+")
                        for w in sorted(words, key=len, reverse=True))

    impersonal = (r"(?:" + alternation(raw["impersonal_after_il"]) + r")(?!\w)"
                  r"|(?:est|était|sera|serait|semble)\s+\w+\s+(?:de|d['’]|que|qu['’])")
    return re.compile(r"(?i)(?:" + alternation(raw["dangling_subjects"]) + r")(?![\w-])"
                      r"(?!(?<=il)\s+(?:" + impersonal + r"))")


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


def statement_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The part of ``text[start:end]`` that states the news, its dateline or site mark trimmed;
    ``None`` when the sentence is debris rather than a statement (see the module notes)."""
    from filrouge.ingest.clean import find_dateline

    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    opening = start
    for _ in range(3):  # openers can stack: "- EGYPTE - Le Caire, 3 juillet (AFP) -"
        before = start
        dateline = find_dateline(text[start:end])
        if dateline is not None:
            start += text[start:end].find(dateline[0]) + len(dateline[0])
        for opener in _OPENERS:
            match = opener.match(text[start:end])
            if match and start + match.end() < end:
                start += match.end()
        while start < end and (text[start].isspace() or text[start] in "-–—:,"):
            start += 1
        if start == before:
            break
    sentence = text[start:end]
    if not sentence or (start == opening and not (
            sentence[0].isupper() or sentence[0].isdigit() or sentence[0] in "«\"“")):
        return None  # a fragment: the sentence began on an earlier line
    if (not _TERMINAL.search(sentence) or _TEASER.search(sentence)
            or sentence.rstrip().endswith(("?", ":"))):
        return None
    if any(pattern.search(sentence) for pattern in _DEBRIS):
        return None
    return start, end


def _mentions_day(text: str, start: int, end: int) -> bool:
    """False for a day inside a name, a source's own date, or the day before or after an
    event the tagger cannot date (see the module notes)."""
    before = text[max(0, start - 40):start]
    if _SOURCE_DATE.search(before):
        return False
    if _EVENT_NEIGHBOUR.match(text[start:end]) and (
            _OF.match(text, end) or _IDIOM_BEFORE.search(before)):
        return False
    return not (_NAME_HEAD.search(before) and not _YEAR.search(text[start:end]))


def _sentence_days(found: list[tuple[str, bool]]) -> set[str]:
    """The days a sentence mentions; a day read from a bare weekday ("vendredi") gives way to
    a day written in full in the same sentence ("le 28 janvier 2011"): the weekday was only
    placed in the week of the article's date, the written day is certain."""
    written = {value for value, bare in found if not bare}
    return written or {value for value, _ in found}


def candidates(article: Article, *, actor: str | None = None) -> list[Candidate]:
    """Dated sentences of one article (only those naming ``actor`` when given)."""
    published = (article.published.value or "")[:10]
    days = [(t.start, t.value, bare_weekday(t.text)) for t in article.times
            if t.type == "DATE" and _DAY.match(t.value) and not t.vague
            and _mentions_day(article.text, t.start, t.end)]
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
    for position, (first, last) in enumerate(sentence_spans(article.text)):
        named = sorted(_sentence_days([(v, bare) for at, v, bare in days if first <= at < last])
                       or {value for at, value in contextual if first <= at < last})
        span = statement_span(article.text, first, last)
        if span is None:
            continue
        start, end = span
        if not MIN_WORDS <= len(article.text[start:end].split()) <= MAX_WORDS:
            continue
        if actor and not _inside(first, last, wanted):
            continue
        if named:
            dates, explicit = named, True
        elif position < LEAD_SENTENCES and lead_days and not _inside(first, last, other_times):
            dates, explicit = lead_days, False
        else:
            continue
        terms = tuple(content_terms(article.text[start:end]))
        for date in dates:
            found.append(Candidate(date, article, start, end, explicit,
                                   _inside(first, last, actors), _inside(first, last, figures),
                                   terms))
    return found


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


class Relevance:
    """How much each article, and each sentence, belongs to the collection (module notes)."""

    def __init__(self, articles: Sequence[Article], weights: _Weights) -> None:
        vectors = {a.id: weights.vector(content_terms(a.text)) for a in articles}
        total: Counter[str] = Counter()
        for vector in vectors.values():
            total.update(vector)
        self.centroid = _normalise(dict(total))
        squared = sum(v * v for v in total.values())
        raw = {}
        for article_id, vector in vectors.items():
            # cosine with the others' sum, total - vector, without building it
            dot = sum(v * total[t] for t, v in vector.items())
            mine = sum(v * v for v in vector.values())
            rest = math.sqrt(max(squared - 2 * dot + mine, 0.0))
            raw[article_id] = (dot - mine) / rest if len(vectors) > 1 and rest else 1.0
        middle = statistics.median(raw.values()) if raw else 0.0
        self.articles = {i: min(1.0, r / middle) if middle > 0 else 1.0 for i, r in raw.items()}
        self._vector = weights.vector
        self.typical = 1.0

    def calibrate(self, sentences: Iterable[tuple[str, ...]]) -> None:
        """The median relevance of these sentences becomes the norm ``fit`` divides by."""
        scores = [self.sentence(self._vector(terms)) for terms in sentences]
        self.typical = statistics.median(scores) if scores and statistics.median(scores) > 0 \
            else 1.0

    def article(self, article_id: str) -> float:
        return self.articles.get(article_id, 1.0)

    def sentence(self, vector: dict[str, float]) -> float:
        return cosine(vector, self.centroid)

    def fit(self, candidate: Candidate) -> float:
        """A mentioning sentence's relevance against the median sentence's, capped at 1."""
        share = min(1.0, self.sentence(self._vector(candidate.terms)) / self.typical)
        return 1.0 - FIT + FIT * share


def date_support(pool: dict[str, list[Candidate]], articles: Sequence[Article],
                 relevance: Relevance | None = None) -> dict[str, float]:
    """Relevance-weighted articles mentioning each day (more when they recall it afterwards),
    plus (less) the articles published on it."""
    weight = relevance.article if relevance else (lambda _: 1.0)
    published: dict[str, float] = defaultdict(float)
    for article in articles:
        published[(article.published.value or "")[:10]] += weight(article.id)
    support = {}
    for day, found in pool.items():
        mentioning: dict[str, tuple[Article, float]] = {}
        for c in found:
            if c.explicit:
                fit = relevance.fit(c) if relevance else 1.0
                if fit > mentioning.get(c.article.id, (c.article, -1.0))[1]:
                    mentioning[c.article.id] = (c.article, fit)
        score = sum(weight(i) * fit * (MENTION_WEIGHT + RECALL_WEIGHT * (
            _gap(day, a) > RECALL_GAP)) for i, (a, fit) in mentioning.items())
        support[day] = score + PUBLICATION_WEIGHT * published.get(day, 0.0)
    return support


def _gap(day: str, article: Article) -> int:
    """Days from ``day`` to the article's publication (0 when either is unknown)."""
    then, published = _ordinal(day), _ordinal((article.published.value or "")[:10])
    return published - then if then is not None and published is not None else 0


def rank_dates(pool: dict[str, list[Candidate]], articles: Sequence[Article],
               relevance: Relevance | None = None) -> list[str]:
    """Days by support, best first; a day nobody names and nobody published on (only the leads
    of the next day's articles point at it) is not a date of the chronology."""
    support = date_support(pool, articles, relevance)
    return sorted((d for d in pool if support[d] > 0), key=lambda d: (-support[d], d))


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
    weights = _Weights(c.terms for found in pool.values() for c in found)
    relevance = Relevance(chosen_articles, weights)
    relevance.calibrate(c.terms for found in pool.values() for c in found if c.explicit)
    days = rank_dates(pool, chosen_articles, relevance)
    if max_dates is not None:
        days = days[:max_dates]
    query_vector = weights.vector(query_terms) if query_terms else None
    written: list[dict[str, float]] = []
    entries: dict[str, TimelineEntry] = {}
    for day in days:  # best-supported days first: they get first pick of the sentences
        picked = _pick(pool[day], sentences_per_date, weights, written, query_vector, relevance)
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
          query: dict[str, float] | None, relevance: Relevance | None = None
          ) -> list[Candidate]:
    """Centroid optimisation: add the sentence that brings the summary closest to the day's
    topic vector (plus its relevance to the collection), until ``k`` sentences or no sentence
    helps. A sentence opening on a pronoun that names no one ("Il a ajouté que…") is taken only
    when no sentence of the day that names its subject is left."""
    unique: dict[tuple[str, int], Candidate] = {}
    for candidate in pool:
        unique.setdefault((candidate.article.id, candidate.start), candidate)
    choices = sorted(unique.values(), key=lambda c: (c.article.id, c.start))
    vectors = {id(c): weights.vector(c.terms) for c in choices}
    topic = topic_vector(choices, vectors)
    belonging = {id(c): RELEVANCE_WEIGHT * relevance.sentence(vectors[id(c)])
                 if relevance else 0.0 for c in choices}
    chosen: list[Candidate] = []
    summary: Counter[str] = Counter()
    while len(chosen) < k:
        best, best_score = None, (False, -math.inf)
        for candidate in choices:
            vector = vectors[id(candidate)]
            if candidate in chosen or not vector or any(
                    cosine(vector, other) > REDUNDANCY for other in written):
                continue
            trial = summary.copy()
            trial.update(vector)
            score = (not candidate.dangling, cosine(_normalise(dict(trial)), topic)
                     + belonging[id(candidate)] + sentence_bonus(candidate, query))
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
            # the outlet and title a reader knows it by, never the file it was read from
            sources[article.id] = SourceRef(
                article=article.id, outlet=outlet_name(article.outlet), title=article.title,
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
