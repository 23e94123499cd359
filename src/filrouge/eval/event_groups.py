"""Score how event mentions are grouped across articles into happenings.

The example gold gives each article's events as (type, actor, target, date) with flags, not
happening ids, and two articles telling one happening often name its sides differently ("Rishi
Sunak" and "le Royaume-Uni"; a threat aimed at "l'Occident" in one, at "la coalition" in the
other). Two gold events are therefore taken as the same happening when they have the same type,
the same polarity (fact, hypothetical, negated) and the same known day, and their actors belong
to the same side (a person or an office counts as the state it serves, from the actor
registry); targets are not compared, except for the mutual types (meetings, agreements,
cooperation: :data:`~filrouge.analyze.event_groups.MUTUAL_TYPES`), where the gold gives every
party its own record ("A s'est entretenu avec B" → A→B and B→A, conventions 2 and 8 of
docs/gold.md): there, the happening is the pair of sides, whichever acts, so the mirrored
records are one happening. Undated gold events take part in no pair: an undated "aid
from the United States" in two articles may be two packages. One article with two gold events
of one happening (the alliance agreed to three things that day) leaves unknown which one another
article tells: such events are left out (a record and its mirror are one event there).

Each predicted event is tied to the gold event whose evidence its sentence contains, of the same
type (same actor preferred); grouping is scored on those tied mentions only, so the figures say
how well :func:`filrouge.analyze.event_groups.group_events` groups what extraction found, apart
from extraction errors (those are `filrouge eval events`' tuple figures):

- pairwise precision / recall / F1 over pairs of tied mentions;
- BCubed precision / recall / F1 over the same mentions (gold happenings are the connected
  classes of the relation above);
- independent sources: for each gold happening that two or more articles tell (wire copies
  once), whether the group holding most of its tied mentions counts as many sources — end to
  end, so an article whose extraction missed the event lowers it too.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations

from filrouge.analyze.actors import ActorRegistry, load_registry
from filrouge.analyze.event_groups import MUTUAL_TYPES, group_events
from filrouge.eval.example import Gold, _event_actor, locate
from filrouge.model import Article

# type, side of the actor, day, negated, hypothetical
HappeningKey = tuple[str, str | None, str | None, bool, bool]
Mention = tuple[str, int]  # article id, index of the event in the article


def _side(actor: str | None, registry: ActorRegistry) -> str | None:
    """The state a person or an office acts for, else the actor itself."""
    record = registry.get(actor) if actor else None
    if record is not None and record.type != "state":
        return record.country or record.part_of or actor
    return actor


def _key(g: Gold, registry: ActorRegistry) -> HappeningKey:
    side = _side(g.get("actor"), registry)
    if g["type"] in MUTUAL_TYPES and g.get("target"):  # both sides', whichever acts
        sides = {s for s in (side, _side(g.get("target"), registry)) if s}
        side = " ↔ ".join(sorted(sides))
    return (g["type"], side, g.get("date"), bool(g.get("negated")), bool(g.get("hypothetical")))


def _happenings(gold: Gold, registry: ActorRegistry) -> Counter[HappeningKey]:
    """How many gold events of the article have each happening key, a record and its mirror
    (A→B and B→A of a mutual type) counting once."""
    oriented = Counter((_key(g, registry), g.get("actor"), g.get("target"))
                       for g in gold.get("events", []))
    counts: Counter[HappeningKey] = Counter()
    for (key, actor, target), n in oriented.items():
        mirror = oriented.get((key, target, actor), 0) if key[0] in MUTUAL_TYPES else 0
        if mirror and (actor or "") > (target or ""):
            continue  # counted with its mirror
        counts[key] += max(n, mirror)
    return counts


def _tie(article: Article, gold: Gold, registry: ActorRegistry) -> dict[int, HappeningKey]:
    """Predicted event index → the dated gold happening its sentence states."""
    candidates: list[tuple[HappeningKey, tuple[int, int], str | None]] = []
    keys = _happenings(gold, registry)
    for g in gold.get("events", []):
        where = locate(article.text, g.get("evidence") or "")
        key = _key(g, registry)
        if where is None or key[2] is None:
            continue
        candidates.append((key, where, g.get("actor")))
    ties: dict[int, HappeningKey] = {}
    used: set[int] = set()
    for index, event in enumerate(article.events):
        actors = {_event_actor(a) for a in event.actors}
        fitting = [(actor not in actors, n) for n, (key, where, actor) in enumerate(candidates)
                   if n not in used and key[0] == event.type
                   and event.start <= where[0] and where[1] <= event.end]
        if fitting:
            _, best = min(fitting)
            used.add(best)
            if keys[candidates[best][0]] == 1:  # two of one happening in one article: which?
                ties[index] = candidates[best][0]
    return ties


def score_event_groups(pairs: list[tuple[Article, Gold]],
                       everything: list[Article] | None = None) -> dict[str, float | int]:
    """Grouping figures for the mentions of ``pairs``' articles; ``everything`` (default: those
    articles) is what :func:`group_events` groups, as a user's store would hold it."""
    registry = load_registry()
    articles = [article for article, _ in pairs]
    groups = group_events(everything if everything is not None else articles, registry=registry)
    group_of: dict[Mention, str] = {}
    sources_of: dict[str, int] = {}
    for group in groups:
        sources_of[group.id] = group.sources
        for mention in group.mentions:
            group_of[(mention.article, mention.index)] = group.id
    tied: list[tuple[Mention, HappeningKey, str]] = []  # mention, gold happening, its group
    for article, gold in pairs:
        for index, key in _tie(article, gold, registry).items():
            if (article.id, index) in group_of:
                tied.append(((article.id, index), key, group_of[(article.id, index)]))
    figures: dict[str, float | int] = {"event mentions tied to dated gold": len(tied)}
    tp = fp = fn = 0
    for (_, gold_a, pred_a), (_, gold_b, pred_b) in combinations(tied, 2):
        same_gold, same_pred = gold_a == gold_b, pred_a == pred_b
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    figures.update(_prf("event groups pairwise", tp, fp, fn))
    by_gold: dict[HappeningKey, list[str]] = defaultdict(list)
    by_pred: dict[str, list[HappeningKey]] = defaultdict(list)
    for _, key, group_id in tied:
        by_gold[key].append(group_id)
        by_pred[group_id].append(key)
    if tied:
        precision = sum(Counter(by_pred[group_id])[key] / len(by_pred[group_id])
                        for _, key, group_id in tied) / len(tied)
        recall = sum(Counter(by_gold[key])[group_id] / len(by_gold[key])
                     for _, key, group_id in tied) / len(tied)
        figures.update(_f1("event groups BCubed", precision, recall))
    articles_of: dict[HappeningKey, set[str]] = defaultdict(set)  # by the gold, every article
    for article, gold in pairs:
        for g in gold.get("events", []):
            if g.get("date"):
                articles_of[_key(g, registry)].add(article.duplicate_of or article.id)
    told_twice = [key for key in by_gold if len(articles_of[key]) >= 2]
    right = sum(sources_of[Counter(by_gold[key]).most_common(1)[0][0]] == len(articles_of[key])
                for key in told_twice)
    figures["happenings told by two or more articles"] = len(told_twice)
    figures["independent sources counted right"] = (right / len(told_twice) if told_twice
                                                    else 0.0)
    return figures


def _prf(name: str, tp: int, fp: int, fn: int) -> dict[str, float | int]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {**_f1(name, precision, recall), f"{name} gold pairs": tp + fn}


def _f1(name: str, precision: float, recall: float) -> dict[str, float]:
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {f"{name} precision": precision, f"{name} recall": recall, f"{name} f1": f1}
