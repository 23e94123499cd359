"""The same happening reported by several articles, as one event with all its mentions.

Each article's events (:mod:`filrouge.analyze.events`) are mentions. Two mentions are of the
same happening when

- they have the same PLOVER type and the same polarity: a fact, a hypothetical (a promise, a
  plan) and a denial are three different things, never merged;
- their actors are compatible: they share an actor, or one names a person or an institution of
  the state the other names ("Joe Biden" and "Washington"), and a mention naming several states
  ("l'Allemagne et la France ont signé") only one naming the same states; likewise their
  targets, when both have one named in their sentence;
- or, for the mutual types (:data:`MUTUAL_TYPES`: a meeting, an agreement, a cooperation is
  both sides'), their sides are swapped: the actors of one are compatible with the named
  targets of the other and the other way round. The gold and the extractor give each party of
  a meeting or signing its own record ("A s'est entretenu avec B" → A→B and B→A; "B a reçu A"
  tells A's visit to B); these mirrored records are one happening, shown with both sides
  (``mutual``: "A ↔ B");
- their days are at most ``window_days`` apart, or both are undated;
- within one article, their cue words share a stem ("signé", "la signature"): two sentences of
  one article with different cues are more often two happenings of the same day.

A mention joins a group only when it is the same happening as every mention already in it
(complete link: "Macron signs with Zelensky" and "Scholz signs with Zelensky" on the same day
stay apart even when a third mention names both). A group counts its
**independent sources**: the distinct articles among its mentions, a wire copy
(``Article.duplicate_of``) counting as the article it copies, so a dispatch taken up word for
word by ten sites is one source. A happening told by three outlets in their own words is
three.

    groups = group_events(articles)            # every group, most sourced first
    facts = [g for g in groups if g.is_fact]   # what a timeline may state
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TypeVar

from pydantic import Field

from filrouge.analyze.actors import ActorRegistry, load_registry
from filrouge.model import Article, Event, EventType, Model

DEFAULT_WINDOW_DAYS = 1

# PLOVER types whose two sides do the same thing to each other: CONSULT is "all consultations
# and meetings" (visiting and hosting are one meeting), COOPERATE is "mutual" cooperation by its
# definition, and AGREE the same day between two sides is the agreement they reached (the gold
# records each co-signer with the other as target). The other types have a giver and a receiver:
# A threatening B and B threatening A are two happenings.
MUTUAL_TYPES: frozenset[str] = frozenset({"CONSULT", "AGREE", "COOPERATE"})

T = TypeVar("T")


class EventMention(Model):
    """One article's sentence stating the happening."""

    article: str
    index: int = Field(ge=0, description="position of the event in the article's events")
    source: str  # the original article: itself, or the one it is a wire copy of
    outlet: str | None = None
    published: str | None = None
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    trigger: str
    date: str | None = None
    reported: bool = False


class EventGroup(Model):
    """One happening, with every mention of it and how many independent sources tell it."""

    id: str
    type: EventType
    mode: str | None = None
    actors: list[str]
    targets: list[str]
    start: str | None = None
    end: str | None = None
    negated: bool = False
    hypothetical: bool = False
    mutual: bool = Field(default=False, description=(
        "the mentions name each side as actor and as target (a mutual type's mirrored "
        "records): actors and targets are the two sides, shown as 'actors ↔ targets'"))
    mentions: list[EventMention]
    sources: int = Field(ge=1)

    @property
    def is_fact(self) -> bool:
        """Stated as having happened: neither denied nor hypothetical."""
        return not self.negated and not self.hypothetical


def group_events(
    articles: Iterable[Article],
    *,
    window_days: int = DEFAULT_WINDOW_DAYS,
    registry: ActorRegistry | None = None,
) -> list[EventGroup]:
    """Every event of ``articles`` grouped with the mentions of the same happening; groups
    with more independent sources first, then by date."""
    registry = registry or load_registry()
    mentions: list[tuple[Article, int, Event]] = [
        (article, index, event) for article in articles
        for index, event in enumerate(article.events)
    ]
    buckets: dict[tuple[str, bool, bool], list[int]] = defaultdict(list)
    for position, (_, _, event) in enumerate(mentions):
        buckets[(event.type, event.negated, event.hypothetical)].append(position)
    components: list[list[int]] = []
    for members in buckets.values():
        members.sort(key=lambda p: (mentions[p][2].date or "", p))
        open_groups: list[list[int]] = []
        for position in members:
            event = mentions[position][2]
            fitting = [group for group in open_groups if all(
                _days_close(event.date, mentions[other][2].date, window_days)
                and _same_happening(event, mentions[other][2], registry,
                                    mentions[other][0].id == mentions[position][0].id)
                for other in group)]
            if fitting:
                max(fitting, key=len).append(position)
            else:
                open_groups.append([position])
        components.extend(open_groups)
    groups = [_group([mentions[p] for p in members], registry) for members in components]
    return sorted(groups, key=lambda g: (-g.sources, g.start or "9999", g.id))


def _days_close(a: str | None, b: str | None, window: int) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        first, second = dt.date.fromisoformat(a[:10]), dt.date.fromisoformat(b[:10])
    except ValueError:
        return a == b
    return abs((first - second).days) <= window


def _states(actors: Iterable[str], registry: ActorRegistry) -> set[str]:
    """The actors with, for each, the state it belongs to (a person's country, an office's
    state): what "the same side" means when one article says "Joe Biden" and another
    "Washington"."""
    found: set[str] = set()
    for actor in actors:
        found.add(actor)
        record = registry.get(actor)
        if record is not None and record.type != "state":
            for state in (record.country, record.part_of):
                if state:
                    found.add(state)
    return found


def _sides(actors: Iterable[str], registry: ActorRegistry) -> set[str]:
    """The state each actor acts for (a person's country, an office's state), else itself."""
    found: set[str] = set()
    for actor in actors:
        record = registry.get(actor)
        found.add(actor if record is None or record.type == "state"
                  else record.country or record.part_of or actor)
    return found


def _compatible(a: list[str], b: list[str], registry: ActorRegistry) -> bool:
    """They share an actor or its state; and when one names several states ("l'Allemagne et
    la France ont signé"), the other names the same ones: Macron's signing is not Germany's."""
    if not _states(a, registry) & _states(b, registry):
        return False
    sides_a, sides_b = _sides(a, registry), _sides(b, registry)
    return (len(sides_a) <= 1 and len(sides_b) <= 1) or sides_a == sides_b


def _same_happening(a: Event, b: Event, registry: ActorRegistry, same_article: bool = False,
                    ) -> bool:
    if same_article and _stem(a.trigger.text) != _stem(b.trigger.text):
        return False  # one article, two sentences: "engagés" and "approuvé" are two things
    return _same_sides(a, b, registry) or _mirrored(a, b, registry)


def _named(event: Event) -> list[str]:
    """The targets the sentence names (not the article's usual recipient it implies)."""
    return event.targets if not event.target_implicit else event.targets[1:]


def _same_sides(a: Event, b: Event, registry: ActorRegistry) -> bool:
    if not _compatible(a.actors, b.actors, registry):
        return False
    named_a, named_b = _named(a), _named(b)
    return not (named_a and named_b) or _compatible(named_a, named_b, registry)


def _mirrored(a: Event, b: Event, registry: ActorRegistry) -> bool:
    """A mutual happening told from the other side: B→A for A→B. One that names no target
    ("Biden a signé") is B's side of it when the other names B as its target, as it is the
    same sides' when the other is B→A: what it leaves out does not part them."""
    named_a, named_b = _named(a), _named(b)
    if a.type not in MUTUAL_TYPES or not (named_a or named_b):
        return False
    return ((not named_b or _compatible(a.actors, named_b, registry))
            and (not named_a or _compatible(named_a, b.actors, registry)))


def _stem(word: str) -> str:
    return word.lower()[:4]


def _group(members: list[tuple[Article, int, Event]], registry: ActorRegistry) -> EventGroup:
    members = sorted(members, key=lambda m: (m[2].date or "", m[0].published.value or "",
                                             m[0].id, m[1]))
    first = members[0][2]
    # a mirrored record (B→A where the first mention says A→B) counts its actors as targets
    flipped = [not _same_sides(first, e, registry) and _mirrored(first, e, registry)
               for _, _, e in members]
    mentions = [
        EventMention(article=article.id, index=index, source=article.duplicate_of or article.id,
                     outlet=article.outlet, published=article.published.value,
                     start=event.start, end=event.end, text=event.text,
                     trigger=event.trigger.text, date=event.date, reported=event.reported)
        for article, index, event in members
    ]
    days = sorted(e.date for _, _, e in members if e.date)
    actors = _ranked(a for (_, _, e), flip in zip(members, flipped, strict=True)
                     for a in (_named(e) if flip else e.actors))
    targets = _ranked(t for (_, _, e), flip in zip(members, flipped, strict=True)
                      for t in (e.actors if flip else [] if e.target_implicit else e.targets))
    if not targets:
        targets = _ranked(t for _, _, e in members for t in e.targets)
    modes = _ranked(e.mode for _, _, e in members if e.mode)
    key = "|".join(f"{m.article}:{m.index}" for m in mentions)
    return EventGroup(
        id="e-" + hashlib.sha1(key.encode()).hexdigest()[:10],
        type=first.type,
        mode=modes[0] if modes else None,
        actors=actors,
        targets=targets,
        start=days[0] if days else None,
        end=days[-1] if days else None,
        negated=first.negated,
        hypothetical=first.hypothetical,
        mutual=any(flipped),
        mentions=mentions,
        sources=len({m.source for m in mentions}),
    )


def _ranked(values: Iterable[str]) -> list[str]:
    """Distinct values, the most frequent first (ties in order of appearance)."""
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return sorted(counts, key=lambda v: -counts[v])


def mirror_parts(event: Event, *where: Hashable,
                 ) -> tuple[str, Sequence[str], Sequence[str], Hashable]:
    """What :func:`fold_mirrored` compares for an :class:`Event`: its type, its sides and its
    place — ``where`` (an article id, say), then its position, day and flags."""
    return event.type, event.actors, event.targets, (
        *where, event.start, event.date, event.negated, event.hypothetical)


def fold_mirrored(items: Iterable[T],
                  parts: Callable[[T], tuple[str, Sequence[str], Sequence[str], Hashable]],
                  ) -> list[tuple[T, bool]]:
    """A listing of event records with each mirrored pair of one sentence shown once: B→A is
    dropped after A→B when both are of a mutual type and ``parts`` (type, actors, targets,
    place: the article, sentence, day and flags) agree; the kept one is flagged mutual, to be
    shown "A ↔ B". The records themselves stay as they are (the data and its JSON)."""
    kept: list[T] = []
    mutual: list[bool] = []
    where: dict[tuple[str, frozenset[str], frozenset[str], Hashable], int] = {}
    for item in items:
        kind, actors, targets, place = parts(item)
        if kind in MUTUAL_TYPES and actors and targets:
            mirror = where.get((kind, frozenset(targets), frozenset(actors), place))
            if mirror is not None:
                mutual[mirror] = True
                continue
        where.setdefault((kind, frozenset(actors), frozenset(targets), place), len(kept))
        kept.append(item)
        mutual.append(False)
    return list(zip(kept, mutual, strict=True))
