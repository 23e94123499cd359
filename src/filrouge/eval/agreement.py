"""How far two people annotating events agree: the ceiling any extractor is measured under.

A second annotator re-annotated part of the example corpus from its text and ``docs/gold.md``
alone, without seeing the gold or any system output (``examples/gold-second/*.jsonl``, same
record format). Scoring the second reading against the gold with the very measure the extractor
gets — (type, actor, target, date) tuples — says how much of the gap to a perfect score is the
task's own ambiguity. The system's figures on the same articles are reported beside it.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from filrouge.eval.example import PRF, Gold, _event_actor, load_gold
from filrouge.model import Article

Key = tuple[str, str | None, str | None, str | None]


def tuple_keys(events: list[dict[str, Any]]) -> Counter[Key]:
    """One (type, actor, target, date) key per gold-format event record."""
    return Counter((e["type"], e.get("actor"), e.get("target"), e.get("date")) for e in events)


def compare(reference: Counter[Key], other: Counter[Key]) -> dict[str, PRF]:
    """Tuple, (type, actor) and type-only counts of ``other`` read against ``reference``."""
    out: dict[str, PRF] = {}
    widths = {"tuple": 4, "(type, actor, target)": 3, "(type, actor)": 2}
    for name, width in widths.items():
        ref = Counter(k[:width] for k in reference.elements())
        oth = Counter(k[:width] for k in other.elements())
        hit = sum((ref & oth).values())
        out[name] = PRF(tp=hit, fp=sum(oth.values()) - hit, fn=sum(ref.values()) - hit)
    return out


def second_reading(examples: Path) -> dict[str, Gold]:
    """The second annotator's records by document, or nothing when none ship."""
    folder = examples / "gold-second"
    return load_gold(folder) if folder.is_dir() else {}


def system_keys(article: Article) -> Counter[Key]:
    """The extractor's events as keys, one per actor, exactly as ``score_events`` counts them."""
    return Counter((e.type, _event_actor(actor),
                    _event_actor(e.targets[0]) if e.targets else None, e.date)
                   for e in article.events for actor in e.actors)


def agreement(gold: dict[str, Gold], readings: dict[str, Counter[Key]]) -> dict[str, float | int]:
    """Another reading (a second annotator's or the system's) scored against the gold on the
    documents both cover."""
    totals: dict[str, PRF] = {}
    docs = [doc for doc in readings if "events" in gold.get(doc, {})]
    for doc in docs:
        for name, counts in compare(tuple_keys(gold[doc]["events"]), readings[doc]).items():
            totals.setdefault(name, PRF()).add(counts)
    figures: dict[str, float | int] = {"articles": len(docs)}
    for name, counts in totals.items():
        figures.update(counts.figures(f"event {name} "))
    figures["gold events"] = sum(len(gold[doc]["events"]) for doc in docs)
    figures["events read"] = sum(sum(readings[doc].values()) for doc in docs)
    return figures
