"""Grouping articles into events and stories as they arrive (after Miranda et al., 2018).

Each article is reduced once to a :class:`Profile`: TF-IDF spaces for its content words (light
stems), its title and its actors, plus the dates it names. A new article is compared only with
the stories an inverted index proposes (stories sharing its most distinctive terms or actors),
so the cost of one decision does not grow with the number of stories. For each candidate, five
cosine similarities feed a small logistic model (weights in ``data/story_model.json``, fitted on
one rpm2 slice by ``python -m filrouge.eval.stories --calibrate``); the gap in days between the
article and the story lowers the log-odds with a fixed half-life. A title that more than two
articles carry is page furniture and is left out. The article joins the most probable story
when that probability reaches the model's threshold, and otherwise opens a story. Inside its
story it joins the event (one happening: same days, close wording) it is closest to, or opens
one.

Everything an article changes is local: the story it joins, the index keys it adds, document
frequencies. Early decisions are made on little evidence (the right story may not exist yet, or
hold one article), so every ``REVISE_EVERY`` articles and at the end of each batch a revision step
(:meth:`Grouper.revise`) revisits the stories changed since the last one with the same model:
it cuts a story whose two parts would not join each other, moves an article that joined
on a doubtful probability to a story now clearly more probable, and merges two stories whose
articles would join each other. Each story is tested again only once it has grown by half, so
adding articles to a stored grouping still costs time proportional to the new articles. Ids come
from each group's first article (``s-`` / ``e-`` + its id prefix), so they are the same in every
run over the same stream; a merge keeps the larger (then older) story's id, a cut keeps it on the
part holding the first article.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import islice
from typing import Any

from filrouge.model import Article
from filrouge.stories.text import content_terms

SPACES = ("words", "title", "actors")
FEATURES = ("words", "title", "title_body", "body_title", "actors")
# feature -> (the article's bag, the space of the story bag it is compared with): the title also
# against the story's words, the words also against the story's titles
_FEATURE_SPACES = {"words": ("words", "words"), "title": ("title", "title"),
                   "title_body": ("title", "words"), "body_title": ("words", "title"),
                   "actors": ("actors", "actors")}
MAX_WORDS = 80  # content terms kept per article: its most frequent ones
MAX_STORY_TERMS = 600  # terms kept per story bag and space: the most frequent ones
INDEX_TERMS = 10  # most distinctive terms of each article used as index keys
MAX_POSTING = 400  # a key shared by more stories than this does not propose candidates
RECENT_POSTING = 60  # of a key's stories, only the most recently active ones are proposed
MAX_CANDIDATES = 30
TITLE_REPEATS = 2  # a title shared by more articles than this (not wire copies) is page furniture
MIN_SHARED_KEYS = 2  # a story sharing one key only is not scored (on rpm2 none ever joined)
RECENT_EVENTS = 20  # an article is compared with its story's latest events only
EVENT_SIMILARITY = 0.25  # word cosine needed to join an event of the story
EVENT_DAYS = 3  # an event spans a few days at most
# revision (see Grouper.revise)
REVISE_EVERY = 20  # articles placed between two revisions inside a batch (and one at its end)
GROWTH = 1.5  # a story is tested again once it has grown by half since its last test
SPLIT_MIN, SPLIT_MAX = 4, 60  # sizes of the stories whose split is tested
SAMPLE = 20  # latest members of each story scored when two stories are compared
MERGE_CANDIDATES = 5  # stories compared with a revised story
DOUBT = 0.5  # a join less probable than this is scored again as its story and others grow
MOVE_MARGIN = math.log(2)  # log-odds by which another story must beat the article's own
_ACTOR_LABELS = frozenset({"PER", "ORG", "GPE", "LOC"})
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CAPITALISED = re.compile(r"\b[A-ZÉÈÀÂÎÔÛÇ][\w'-]+(?: [A-ZÉÈÀÂÎÔÛÇ][\w'-]+)*")
_SENTENCE_START = re.compile(r"(?:^|[.!?»\n]\s*)$")


@dataclass(frozen=True)
class Calibration:
    """The merge decision: logistic weights over the similarity features, an intercept, the
    probability needed to join a story and the half-life (days) of the time decay."""

    weights: dict[str, float]
    intercept: float
    threshold: float
    half_life_days: float
    note: str = ""
    # mean probability, over both stories' articles, that an article of one joins the other,
    # needed to merge two stories or to keep the two parts of one together (None: no revision)
    merge_threshold: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {"weights": self.weights, "intercept": self.intercept,
                "threshold": self.threshold, "merge_threshold": self.merge_threshold,
                "half_life_days": self.half_life_days, "note": self.note}


@lru_cache(maxsize=1)
def default_calibration() -> Calibration:
    raw = json.loads((resources.files("filrouge") / "data" / "story_model.json").read_text("utf-8"))
    return Calibration(weights=raw["weights"], intercept=raw["intercept"],
                       threshold=raw["threshold"], half_life_days=raw["half_life_days"],
                       note=raw.get("note", ""), merge_threshold=raw.get("merge_threshold"))


@dataclass
class Profile:
    """What grouping needs from one article, computed once and stored with the grouping."""

    id: str
    day: int | None  # proleptic ordinal of the publication day
    bags: dict[str, Counter[str]]
    dates: list[str]  # days the article names (ISO), publication day first

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "day": self.day, "dates": self.dates,
                "bags": {space: dict(bag) for space, bag in self.bags.items()}}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Profile:
        return cls(id=raw["id"], day=raw["day"], dates=list(raw["dates"]),
                   bags={space: Counter(raw["bags"].get(space, {})) for space in SPACES})


def _title_key(item: Profile) -> str:
    return " ".join(sorted(item.bags["title"]))


def reliable_date(article: Article) -> str | None:
    """The publication day when it was given or read, not guessed from the content: a guessed
    date years off would make the time decay split a thread."""
    if article.published.origin in ("inferred", "none"):
        return None
    return article.published.value


def _day(value: str | None) -> int | None:
    try:
        return dt.date.fromisoformat((value or "")[:10]).toordinal()
    except ValueError:
        return None


def actor_keys(article: Article) -> Counter[str]:
    """Who the article names: registry actors by id, other named entities by their words; for an
    article that was not analysed, runs of capitalised words inside sentences."""
    found: Counter[str] = Counter()
    for entity in article.entities:
        if entity.actor:
            found["@" + entity.actor] += 1
        elif entity.label in _ACTOR_LABELS:
            found["~" + " ".join(entity.text.lower().split())] += 1
    if not article.entities:  # names: capitalised runs, a lone one only inside a sentence
        for match in _CAPITALISED.finditer(article.text):
            name = match.group(0)
            if " " in name or not _SENTENCE_START.search(article.text[:match.start()][-3:]):
                found["~" + name.lower()] += 1
    return found


def profile(article: Article) -> Profile:
    words = Counter(content_terms(article.text))
    title = Counter(content_terms(article.title or ""))
    published = (reliable_date(article) or "")[:10]
    named = sorted({t.value for t in article.times if t.type == "DATE" and _DAY.match(t.value)})
    dates = ([published] if _DAY.match(published) else []) + [d for d in named if d != published]
    return Profile(
        id=article.id, day=_day(published),
        bags={"words": Counter(dict(words.most_common(MAX_WORDS))), "title": title,
              "actors": actor_keys(article)},
        dates=dates,
    )


@dataclass
class Group:
    """A story or an event: its members and the summed bags of their profiles."""

    id: str
    members: list[str] = field(default_factory=list)
    bags: dict[str, Counter[str]] = field(default_factory=lambda: {s: Counter() for s in SPACES})
    dates: Counter[str] = field(default_factory=Counter)
    first: int | None = None
    last: int | None = None
    keys: set[str] = field(default_factory=set)
    # per space: (document count when computed, squared norm of the TF-IDF vector), kept up to
    # date as articles join (see Grouper._attach) and recomputed when IDF has drifted
    _norms: dict[str, tuple[int, float]] = field(default_factory=dict)
    _ids: set[str] = field(default_factory=set)

    def absorb(self, item: Profile | Group) -> None:
        """Add an article's (or a group's) members, bags, dates and days. Squared norms that
        were not adjusted by the caller are dropped."""
        if len(self._ids) != len(self.members):
            self._ids = set(self.members)
        members = item.members if isinstance(item, Group) else [item.id]
        for member in members:
            if member not in self._ids:
                self._ids.add(member)
                self.members.append(member)
        for space in SPACES:
            bag = self.bags[space]
            bag.update(item.bags[space])
            if len(bag) > 2 * MAX_STORY_TERMS:
                self.bags[space] = Counter(dict(bag.most_common(MAX_STORY_TERMS)))
                self._norms.pop(space, None)
        if isinstance(item, Group):
            self.dates.update(item.dates)
            days = [d for d in (item.first, item.last) if d is not None]
        else:
            self.dates.update(item.dates)
            days = [item.day] if item.day is not None else []
        for day in days:
            self.first = day if self.first is None else min(self.first, day)
            self.last = day if self.last is None else max(self.last, day)
        if isinstance(item, Group):
            self._norms.clear()

    def remove(self, members: set[str], item: Profile | None = None) -> None:
        """Take members out; with ``item``, also its bags (the inverse of :meth:`absorb` for
        one article). Dates and days stay: a span only grows."""
        self.members = [m for m in self.members if m not in members]
        self._ids = set(self.members)
        if item is not None:
            for space in SPACES:
                self.bags[space].subtract(item.bags[space])
                self.bags[space] = +self.bags[space]
            self._norms.clear()

    def gap(self, day: int | None) -> int:
        """Days between ``day`` and this group's span (0 inside it or when a date is unknown)."""
        if day is None or self.first is None or self.last is None:
            return 0
        return max(0, self.first - day, day - self.last)

    def span_gap(self, other: Group) -> int:
        """Days between two groups' spans (0 when they overlap or a date is unknown)."""
        if None in (self.first, self.last, other.first, other.last):
            return 0
        assert self.first is not None and self.last is not None
        assert other.first is not None and other.last is not None
        return max(0, self.first - other.last, other.first - self.last)


@dataclass
class Decision:
    """Why an article went where it went: kept with the grouping and shown on request."""

    article: str
    story: str
    event: str
    probability: float | None  # None when it opened its story
    features: dict[str, float]
    shared_terms: list[str]
    shared_actors: list[str]
    shared_dates: list[str]
    duplicate_of: str | None = None
    corrected: bool = False
    revised: str | None = None  # what the revision step did to it, when it moved the article

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items()}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Decision:
        return cls(**raw)


class Grouper:
    """The incremental grouping state: stories, their events, index and document frequencies."""

    def __init__(self, calibration: Calibration | None = None) -> None:
        self.calibration = calibration or default_calibration()
        self.df: dict[str, Counter[str]] = {s: Counter() for s in SPACES}
        self.n_docs = 0
        self.stories: dict[str, Group] = {}
        self.events: dict[str, list[Group]] = {}
        # key -> the stories holding it, least recently active first (dict order)
        self.index: dict[str, dict[str, None]] = {}
        self.decisions: dict[str, Decision] = {}
        self.titles: Counter[str] = Counter()  # how many articles carry each title
        self._titled: set[str] = set()
        # revision state: each placed article's profile and arrival number, the stories changed
        # since the last revision, the size of each story when it was last tested, the articles
        # a user's corrections name (their stories are never revised), wire copies by original
        self.profiles: dict[str, Profile] = {}
        self.arrival: dict[str, int] = {}
        self.dirty: set[str] = set()
        self._split_sizes: dict[str, int] = {}  # story -> its size when last tested
        self._merge_sizes: dict[str, int] = {}
        self._cache: dict[str, dict[str, tuple[dict[str, float], float]]] | None = None
        self.rescored: dict[str, int] = {}  # article -> documents seen when last scored again
        self.pinned: set[str] = set()  # articles a user's correction names: never revised
        self.copies: dict[str, list[str]] = {}
        self._since_revision = 0

    # -- weighting -----------------------------------------------------------------------------

    def idf(self, space: str, term: str) -> float:
        return math.log((1 + self.n_docs) / (1 + self.df[space].get(term, 0))) + 1.0

    def _vector(self, space: str, bag: Counter[str]) -> dict[str, float]:
        return {t: (1 + math.log(n)) * self.idf(space, t) for t, n in bag.items() if n > 0}

    def _norm(self, group: Group, space: str) -> float:
        """Norm of a group's TF-IDF vector, recomputed once IDF has moved (10 % more documents)
        and otherwise adjusted as articles join, so a join costs the article's size only."""
        cached = group._norms.get(space)
        if cached and cached[0] * 1.1 >= self.n_docs:
            return math.sqrt(cached[1])
        squared = sum(v * v for v in self._vector(space, group.bags[space]).values())
        group._norms[space] = (self.n_docs, squared)
        return math.sqrt(squared)

    def _absorb(self, group: Group, item: Profile) -> None:
        """``group.absorb(item)``, adjusting the cached squared norms term by term."""
        for space, (when, squared) in list(group._norms.items()):
            bag = group.bags[space]
            for term, n in item.bags[space].items():
                if n <= 0:
                    continue
                idf = self.idf(space, term)
                old = bag.get(term, 0)
                if old > 0:
                    squared -= ((1 + math.log(old)) * idf) ** 2
                squared += ((1 + math.log(old + n)) * idf) ** 2
            group._norms[space] = (when, max(0.0, squared))
        group.absorb(item)

    def _cosine(self, vector: dict[str, float], group: Group, space: str) -> float:
        """Cosine of an article vector (weighted with the IDF of ``space``) with a group's bag
        in that space."""
        return self._prepared_cosine(self._prepare(vector, space), group, space)

    def _prepare(self, vector: dict[str, float], space: str) -> tuple[dict[str, float], float]:
        """An article vector ready for many cosines: each weight times the term's IDF (the
        group side's), divided by the vector's norm."""
        norm = math.sqrt(sum(v * v for v in vector.values()))
        if not norm:
            return {}, 0.0
        return {t: v * self.idf(space, t) / norm for t, v in vector.items()}, norm

    def _prepared_cosine(self, prepared: tuple[dict[str, float], float], group: Group,
                         space: str) -> float:
        dot = _dot(prepared[0], group.bags[space])
        norm_b = self._norm(group, space) if dot else 0.0
        return dot / norm_b if norm_b else 0.0

    def item_vectors(self, item: Profile) -> dict[str, tuple[dict[str, float], float]]:
        """The article's vectors for each feature and the group space each is compared with,
        prepared once per decision."""
        item = self.usable(item)
        return {
            feature: self._prepare(self._vector(space, item.bags[bag]), space)
            for feature, (bag, space) in _FEATURE_SPACES.items()
        }

    def features(self, item: Profile, story: Group,
                 vectors: dict[str, tuple[dict[str, float], float]] | None = None
                 ) -> dict[str, float]:
        prepared = vectors or self.item_vectors(item)
        return {feature: self._prepared_cosine(prepared[feature], story, space)
                for feature, (_, space) in _FEATURE_SPACES.items()}

    def probability(self, features: dict[str, float], gap_days: int) -> float:
        c = self.calibration
        logit = c.intercept + sum(w * features.get(k, 0.0) for k, w in c.weights.items())
        logit -= math.log(2) * gap_days / c.half_life_days
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, logit))))

    # -- candidates ----------------------------------------------------------------------------

    def _keys(self, item: Profile) -> set[str]:
        item = self.usable(item)
        words = sorted(item.bags["words"].items(),
                       key=lambda kv: (-(1 + math.log(kv[1])) * self.idf("words", kv[0]), kv[0]))
        keys = {"w:" + t for t, _ in words[:INDEX_TERMS]}
        keys |= {"w:" + t for t, _ in item.bags["title"].most_common(INDEX_TERMS)}
        keys |= {"a:" + t for t, _ in item.bags["actors"].most_common(INDEX_TERMS)}
        return keys

    def candidates(self, item: Profile) -> list[Group]:
        """Stories sharing the most index keys with the article. A key held by too many stories
        says nothing (IDF cap); of the others, only the stories most recently active under that
        key are read, and a story must share two keys to be scored, so a decision costs about the
        same at 1 k or 100 k articles."""
        hits: Counter[str] = Counter()
        keys = self._keys(item)
        for key in keys:
            posting = self.index.get(key)
            if posting and len(posting) <= MAX_POSTING:
                hits.update(islice(reversed(posting), RECENT_POSTING))
        needed = min(MIN_SHARED_KEYS, len(keys))
        ranked = sorted(((s, n) for s, n in hits.items() if n >= needed and s in self.stories),
                        key=lambda kv: (-kv[1], kv[0]))[:MAX_CANDIDATES]
        return [self.stories[s] for s, _ in ranked]

    # -- adding ----------------------------------------------------------------------------------

    def count(self, item: Profile) -> None:
        """Add an article to the document frequencies (before or as it is placed)."""
        self.n_docs += 1
        for space in SPACES:
            self.df[space].update(item.bags[space].keys())
        self.count_title(item)

    def count_title(self, item: Profile) -> None:
        """Count the article's title once (a batch counts all its titles before placing)."""
        if item.bags["title"] and item.id not in self._titled:
            self._titled.add(item.id)
            self.titles[_title_key(item)] += 1

    def usable(self, item: Profile) -> Profile:
        """The profile without its title when that title is shared by more than
        ``TITLE_REPEATS`` articles: a site name or a row of share buttons read as the headline
        would otherwise glue unrelated articles together."""
        if not item.bags["title"] or self.titles[_title_key(item)] <= TITLE_REPEATS:
            return item
        return Profile(id=item.id, day=item.day, dates=item.dates,
                       bags={**item.bags, "title": Counter()})

    def add(self, item: Profile, counted: bool = False) -> Decision:
        """Place one article: join the most probable story or open one; then its event.
        ``counted``: its document frequencies were already added (a batch counted first)."""
        if not counted:
            self.count(item)
        best: Group | None = None
        best_p, best_features = 0.0, {}
        vectors = self.item_vectors(item)
        for story in self.candidates(item):
            features = self.features(item, story, vectors)
            p = self.probability(features, story.gap(item.day))
            if p > best_p:
                best, best_p, best_features = story, p, features
        joined = best is not None and best_p >= self.calibration.threshold
        if best is None or not joined:
            best = Group(id="s-" + item.id[:10])
            self.stories[best.id] = best
            self.events[best.id] = []
        decision = Decision(
            article=item.id, story=best.id, event="",
            probability=round(best_p, 4) if joined else None,
            features={k: round(v, 4) for k, v in best_features.items()} if joined else {},
            shared_terms=self._shared(item, best, "words") if joined else [],
            shared_actors=self._shared(item, best, "actors") if joined else [],
            shared_dates=sorted(set(item.dates) & set(best.dates))[:8] if joined else [],
        )
        self._attach(item, best)
        decision.event = self._place_in_event(item, best.id)
        self.decisions[item.id] = decision
        self.remember(item)
        self.dirty.add(best.id)
        self._since_revision += 1
        if self._since_revision >= REVISE_EVERY:
            self.revise()
        return decision

    def settle(self) -> None:
        """Take a loaded grouping as revised: each story is tested again once it has grown by
        ``GROWTH``, each doubtful join once the stream has."""
        for story_id, story in self.stories.items():
            self._split_sizes[story_id] = self._merge_sizes[story_id] = len(story.members)
        for article in self.profiles:
            self.rescored[article] = self.n_docs
        self.dirty = set()
        self._since_revision = 0

    def remember(self, item: Profile) -> None:
        """Keep a placed article's profile and arrival number for the revision step."""
        self.profiles[item.id] = item
        self.arrival.setdefault(item.id, len(self.arrival))

    def _shared(self, item: Profile, story: Group, space: str, n: int = 8) -> list[str]:
        bag = story.bags[space]
        shared = [(t, self.idf(space, t)) for t in item.bags[space] if t in bag]
        shared.sort(key=lambda kv: (-kv[1] * (1 + math.log(bag[kv[0]])), kv[0]))
        return [t.lstrip("@~") for t, _ in shared[:n]]

    def _attach(self, item: Profile, story: Group) -> None:
        item = self.usable(item)
        self._absorb(story, item)
        for key in self._keys(item):
            posting = self.index.setdefault(key, {})
            posting.pop(story.id, None)
            posting[story.id] = None  # most recently active last
            story.keys.add(key)

    def _place_in_event(self, item: Profile, story_id: str) -> str:
        item = self.usable(item)
        prepared = self._prepare(self._vector("words", item.bags["words"]), "words")
        best, best_score = None, EVENT_SIMILARITY
        for event in self.events[story_id][-RECENT_EVENTS:]:
            if item.day is not None and event.gap(item.day) > EVENT_DAYS:
                continue
            score = self._prepared_cosine(prepared, event, "words")
            if score >= best_score:
                best, best_score = event, score
        if best is None:
            best = Group(id="e-" + item.id[:10])
            self.events[story_id].append(best)
        self._absorb(best, item)
        return best.id

    def add_duplicate(self, article_id: str, original: str) -> Decision | None:
        """A wire copy goes where its original went and is counted once (not in the bags)."""
        source = self.decisions.get(original)
        if source is None:
            return None
        decision = Decision(article=article_id, story=source.story, event=source.event,
                            probability=None, features={}, shared_terms=[], shared_actors=[],
                            shared_dates=[], duplicate_of=original)
        self.decisions[article_id] = decision
        self.copies.setdefault(original, []).append(article_id)
        return decision

    # -- revision --------------------------------------------------------------------------------

    def revise(self) -> None:
        """Revisit the early decisions of the stories changed since the last revision, with the
        evidence gathered since (run every ``REVISE_EVERY`` articles and at the end of a batch).

        1. *Split*: a story of ``SPLIT_MIN``–``SPLIT_MAX`` articles holding a join less
           probable than ``DOUBT`` is cut in two by two-means on the model's probabilities,
           seeded with its first article and the article that one explains least; the cut is
           kept when the two parts would not be merged (3).
        2. *Move*: an article that joined with a probability under ``DOUBT`` is scored again
           against its story (without itself) and the stories it could join; it moves when
           another is more probable by ``MOVE_MARGIN`` log-odds and reaches the threshold.
        3. *Merge*: a story is compared with the stories that share most index keys with it;
           two stories merge when the mean probability that an article of one joins the other
           (over both sides' latest ``SAMPLE`` articles) reaches ``merge_threshold``.

        All three use the same model as arrivals, scoring articles against whole stories, so a
        cut is never undone by the next merge. The larger story's id survives a merge (the older
        on a tie), the part holding a story's first article keeps its id after a cut; stories
        holding an article a user's correction names (``pinned``) are left alone. Each test
        runs again only once its story
        has grown by ``GROWTH``, so the cost per article stays constant.
        """
        self._since_revision = 0
        threshold = self.calibration.merge_threshold
        work = sorted((s for s in self.dirty if s in self.stories and not self.protected(s)),
                      key=self._age)
        self.dirty = set()
        if threshold is None or not work:
            return
        self._cache = {}
        cut = list(work)
        while cut:  # a cut part is tested again at once: a story may hold more than two
            story_id = cut.pop(0)
            part = self._try_split(story_id, threshold)
            if part:
                work.append(part)
                cut += [story_id, part]
        for story_id in list(work):
            self._rescore_members(story_id)
        queue = sorted((s for s in {*work, *self.dirty} if not self.protected(s)), key=self._age)
        while queue:
            story_id = queue.pop(0)
            kept = self._try_merge(story_id, threshold)
            if kept and kept not in queue:
                queue.append(kept)
        self.dirty = set()
        self._cache = None

    def protected(self, story_id: str) -> bool:
        """A story holding an article a user's correction named is left as the user made it."""
        story = self.stories.get(story_id)
        return bool(self.pinned) and story is not None and not self.pinned.isdisjoint(
            story.members)

    def _age(self, story_id: str) -> tuple[int, str]:
        story = self.stories.get(story_id)
        first = story.members[0] if story and story.members else ""
        return self.arrival.get(first, -1), story_id

    def _vectors_of(self, item: Profile) -> dict[str, tuple[dict[str, float], float]]:
        cache = self._cache
        if cache is None:
            return self.item_vectors(item)
        if item.id not in cache:
            cache[item.id] = self.item_vectors(item)
        return cache[item.id]

    def _loo_cosine(self, prepared: tuple[dict[str, float], float], group: Group, space: str,
                    removed: Counter[str]) -> float:
        """Cosine with the group's bag in ``space`` once ``removed`` (the article itself) is
        taken out of it."""
        bag = group.bags[space]
        dot = _dot(prepared[0], bag, removed)
        if not dot:
            return 0.0
        squared = self._norm(group, space) ** 2
        for term, n in removed.items():
            old = bag.get(term, 0)
            if old <= 0 or n <= 0:
                continue
            idf = self.idf(space, term)
            squared -= ((1 + math.log(old)) * idf) ** 2
            if old > n:
                squared += ((1 + math.log(old - n)) * idf) ** 2
        return dot / math.sqrt(squared) if squared > 1e-12 else 0.0

    def score(self, item: Profile, story: Group, inside: bool = False,
              gap: int | None = None) -> float:
        """Probability that the article belongs to the story, as at an arrival; ``inside``: the
        story holds the article, which is scored against the story's other articles; ``gap``:
        days to decay by instead of the article's distance to the story's span."""
        vectors = self._vectors_of(item)
        if inside:
            used = self.usable(item)
            features = {feature: self._loo_cosine(vectors[feature], story, space, used.bags[space])
                        for feature, (_, space) in _FEATURE_SPACES.items()}
        else:
            features = self.features(item, story, vectors)
        return self.probability(features, story.gap(item.day) if gap is None else gap)

    def _temporary(self, items: list[Profile]) -> Group:
        group = Group(id="~")
        for item in items:
            group.absorb(self.usable(item))
        return group

    def _link(self, left: list[Profile], left_group: Group, right: list[Profile],
              right_group: Group) -> float:
        """Mean probability that an article of one side joins the other, over both sides'
        latest ``SAMPLE`` articles, decayed by the days between the two sides' spans (a long
        thread's early and late parts are adjacent: the stream chained them)."""
        gap = left_group.span_gap(right_group)
        there = [self.score(item, right_group, gap=gap) for item in left[-SAMPLE:]]
        back = [self.score(item, left_group, gap=gap) for item in right[-SAMPLE:]]
        return (sum(there) / len(there) + sum(back) / len(back)) / 2

    def _members(self, story: Group) -> list[Profile]:
        return [self.profiles[m] for m in story.members if m in self.profiles]

    def _try_split(self, story_id: str, threshold: float) -> str | None:
        story = self.stories.get(story_id)
        if story is None:
            return None
        size = len(story.members)
        last = self._split_sizes.get(story_id, 0)
        if not SPLIT_MIN <= size <= SPLIT_MAX or size < GROWTH * last:
            return None
        self._split_sizes[story_id] = size
        items = self._members(story)
        doubtful = [i for i in items[1:] if (self.decisions[i.id].probability or 1.0) < DOUBT]
        if len(items) < SPLIT_MIN or not doubtful:
            return None
        anchor, rest = items[0], items[1:]
        alone = self._temporary([anchor])
        seed = min(rest, key=lambda i: (self.score(i, alone), self.arrival.get(i.id, 0)))
        other = {seed.id}
        side_a, side_b = alone, self._temporary([seed])
        for step in range(5):
            moved: set[str] = set()
            for item in rest:
                if step == 0:
                    if item is seed or self.score(item, side_b) > self.score(item, side_a):
                        moved.add(item.id)
                    continue
                in_b = item.id in other
                if self.score(item, side_b, inside=in_b) > self.score(item, side_a,
                                                                       inside=not in_b):
                    moved.add(item.id)
            if not moved or len(moved) == len(rest):
                return None
            changed = moved != other
            other = moved
            side_a = self._temporary([i for i in items if i.id not in other])
            side_b = self._temporary([i for i in items if i.id in other])
            if step and not changed:
                break
        part_a = [i for i in items if i.id not in other]
        part_b = [i for i in items if i.id in other]
        if len(part_b) < 2 or len(part_a) < 2:
            return None
        link = self._link(part_a, side_a, part_b, side_b)
        if link >= threshold:
            return None
        new_id = "s-" + part_b[0].id[:10]
        if new_id in self.stories:
            new_id = "r-" + hashlib.sha256(
                "\n".join(sorted(i.id for i in part_b)).encode()).hexdigest()[:10]
        reason = f"split from {story_id} (link {link:.2f})"
        self._reform(story_id, part_a, reason)
        self._reform(new_id, part_b, reason)
        self._split_sizes[story_id] = self._split_sizes[new_id] = 0  # each part is tested next
        return new_id

    def _reform(self, story_id: str, items: list[Profile], reason: str) -> None:
        """Rebuild a story (bags, index keys, events) from these articles, in arrival order."""
        story = Group(id=story_id)
        self.stories[story_id] = story
        self.events[story_id] = []
        for item in sorted(items, key=lambda i: self.arrival.get(i.id, 0)):
            self._attach(item, story)
            event = self._place_in_event(item, story_id)
            decision = self.decisions[item.id]
            if decision.story != story_id:
                decision.revised = reason
            self._follow(item.id, story_id, event)

    def _follow(self, article: str, story_id: str, event: str) -> None:
        """Set an article's story and event, and its wire copies'."""
        for follower in (article, *self.copies.get(article, ())):
            decision = self.decisions.get(follower)
            if decision is not None:
                decision.story, decision.event = story_id, event

    def _rescore_members(self, story_id: str) -> None:
        story = self.stories.get(story_id)
        if story is None:
            return
        threshold = self.calibration.threshold
        for item in self._members(story)[-SAMPLE:]:
            decision = self.decisions[item.id]
            if decision.probability is None or decision.probability >= DOUBT:
                continue
            if self.n_docs < GROWTH * self.rescored.get(item.id, 0):
                continue
            self.rescored[item.id] = self.n_docs
            current = self.stories[decision.story]
            if len(current.members) < 2:
                continue
            own = self.score(item, current, inside=True)
            best, best_p = None, threshold
            for other in self.candidates(item):
                if other.id == current.id or self.protected(other.id):
                    continue
                p = self.score(item, other)
                if p >= best_p:
                    best, best_p = other, p
            if best is not None and _logit(best_p) - _logit(own) >= MOVE_MARGIN:
                self._move(item, current.id, best.id,
                           f"moved from {current.id} (p {own:.2f} -> {best_p:.2f})")

    def _move(self, item: Profile, source_id: str, target_id: str, reason: str) -> None:
        source = self.stories[source_id]
        used = self.usable(item)
        source.remove({item.id}, used)
        for event in self.events.get(source_id, []):
            if item.id in event.members:
                event.remove({item.id}, used)
        self.events[source_id] = [e for e in self.events.get(source_id, []) if e.members]
        if not source.members:
            del self.stories[source_id]
            self.events.pop(source_id, None)
            for key in source.keys:
                self.index.get(key, {}).pop(source_id, None)
        else:
            self.dirty.add(source_id)
        target = self.stories[target_id]
        self._attach(item, target)
        event_id = self._place_in_event(item, target_id)
        self.decisions[item.id].revised = reason
        self._follow(item.id, target_id, event_id)
        self.dirty.add(target_id)

    def _try_merge(self, story_id: str, threshold: float) -> str | None:
        """Merge the story with the most linked other story, when the link reaches the
        threshold; returns the surviving story's id."""
        story = self.stories.get(story_id)
        if story is None or self.protected(story_id):
            return None
        size = len(story.members)
        if size < GROWTH * self._merge_sizes.get(story_id, 0):
            return None
        self._merge_sizes[story_id] = size
        pseudo = Profile(id="~" + story_id, day=None, dates=[], bags={
            space: Counter(dict(bag.most_common(MAX_WORDS))) for space, bag in story.bags.items()})
        others = [o for o in self.candidates(pseudo)
                  if o.id != story_id and not self.protected(o.id)][:MERGE_CANDIDATES]
        if not others:
            return None
        vectors = self.item_vectors(pseudo)
        items = self._members(story)
        best, best_link = None, threshold
        for other in others:
            # the whole story against the other is a cheap first look (a centroid is closer to
            # another story than its articles are): only a likely pair is scored article by
            # article
            if self.probability(self.features(pseudo, other, vectors),
                                other.span_gap(story)) < min(self.calibration.threshold,
                                                             threshold):
                continue
            link = self._link(items, story, self._members(other), other)
            if link >= best_link:
                best, best_link = other, link
        if best is None:
            return None
        keep, gone = sorted((story, best), key=lambda g: (-len(g.members), self._age(g.id)))
        self.merge(keep.id, gone.id, revised=f"merged into {keep.id} (link {best_link:.2f})")
        self._merge_sizes.pop(gone.id, None)
        self._split_sizes.pop(gone.id, None)
        return keep.id

    # -- corrections -----------------------------------------------------------------------------

    def merge(self, target: str, other: str, revised: str | None = None) -> None:
        """Move every article of story ``other`` into ``target``: a user's correction, or with
        ``revised`` (its reason) the revision step's."""
        if target == other or target not in self.stories or other not in self.stories:
            return
        absorbed = self.stories.pop(other)
        story = self.stories[target]
        story.absorb(absorbed)
        for key in absorbed.keys:
            posting = self.index.setdefault(key, {})
            posting.pop(other, None)
            posting[target] = None
            story.keys.add(key)
        self.events[target].extend(self.events.pop(other, []))
        if revised is None:
            for decision in self.decisions.values():
                if decision.story == other:
                    decision.story = target
                    decision.corrected = True
        else:  # the revision step: only the absorbed articles and their copies
            for article in absorbed.members:
                for follower in (article, *self.copies.get(article, ())):
                    moved = self.decisions.get(follower)
                    if moved is not None and moved.story == other:
                        moved.story = target
                        moved.revised = revised if follower == article else None
        self.dirty.discard(other)

    def split(self, profiles: list[Profile], new_id: str | None = None) -> str:
        """Move these articles out into a story of their own (a user's correction); their old
        story keeps its other members. Returns the new story's id."""
        moving = {p.id for p in profiles}
        story_id = new_id or "s-" + profiles[0].id[:10]
        old_ids = {self.decisions[p.id].story for p in profiles if p.id in self.decisions}
        for old_id in old_ids - {story_id}:
            old = self.stories.get(old_id)
            if old is None:
                continue
            old.remove(moving)
            for profile_ in profiles:
                if profile_.id in self.decisions and self.decisions[profile_.id].story == old_id:
                    old.remove(set(), self.usable(profile_))
            for event in self.events.get(old_id, []):
                event.remove(moving)
            self.events[old_id] = [e for e in self.events.get(old_id, []) if e.members]
            if not old.members:
                del self.stories[old_id]
                self.events.pop(old_id, None)
        story = self.stories.setdefault(story_id, Group(id=story_id))
        self.events.setdefault(story_id, [])
        for profile_ in profiles:
            if profile_.id in story.members:
                continue
            self._attach(profile_, story)
            decision = self.decisions.get(profile_.id)
            event_id = self._place_in_event(profile_, story_id)
            if decision is None:
                self.decisions[profile_.id] = Decision(
                    article=profile_.id, story=story_id, event=event_id, probability=None,
                    features={}, shared_terms=[], shared_actors=[], shared_dates=[],
                    corrected=True)
            else:
                decision.story, decision.event, decision.corrected = story_id, event_id, True
        for decision in self.decisions.values():  # wire copies follow their originals
            if decision.duplicate_of in moving:
                decision.story = story_id
        return story_id

    def story_of(self, article_id: str) -> str | None:
        decision = self.decisions.get(article_id)
        return decision.story if decision else None


def _logit(p: float) -> float:
    p = min(max(p, 1e-9), 1 - 1e-9)
    return math.log(p / (1 - p))


def order(articles: Iterable[Article]) -> list[Article]:
    """Arrival order for a batch: publication date, then id (undated articles last)."""
    return sorted(articles, key=lambda a: (reliable_date(a) or "9999", a.id))


def place(profiles: list[Profile], calibration: Calibration | None = None,
          revise: bool = True) -> Grouper:
    """Place a batch of profiles in this order into a new grouping (its titles counted first,
    revised every ``REVISE_EVERY`` articles and, with ``revise``, at the end)."""
    grouper = Grouper(calibration)
    for item in profiles:  # a title repeated across the batch is known before its first use
        grouper.count_title(item)
    for item in profiles:
        grouper.add(item)
    if revise:
        grouper.revise()
    return grouper


def group(articles: Iterable[Article], calibration: Calibration | None = None) -> Grouper:
    """Group a batch from scratch (the same stream always gives the same stories and ids)."""
    ordered = order(articles)
    grouper = place([profile(a) for a in ordered if not a.duplicate_of], calibration,
                    revise=False)
    for article in ordered:
        if article.duplicate_of and not grouper.add_duplicate(article.id, article.duplicate_of):
            grouper.add(profile(article))  # its original is not in this batch
    grouper.revise()
    return grouper


def _dot(weights: dict[str, float], bag: Counter[str],
         removed: Counter[str] | None = None) -> float:
    """Dot product of prepared article weights with a group's sublinear term counts, the
    counts of ``removed`` (the article itself) taken out first."""
    dot = 0.0
    for term, weight in weights.items():
        count = bag.get(term, 0)
        if removed:
            count -= removed.get(term, 0)
        if count > 0:
            dot += weight * (1 + math.log(count))
    return dot
