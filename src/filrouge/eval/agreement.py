"""How far two people annotating events agree: the ceiling any extractor is measured under.

Every article with an events layer was read twice more, blind, from its text and
``docs/gold.md`` alone — without the gold, the other reading or any system output
(``examples/gold-second/reading-x.jsonl`` and ``reading-y.jsonl``, gold record format). The two
readings scored against each other with the very measure the extractor gets — (type, actor,
target, date) tuples — say how much of the gap to a perfect score is the task's own ambiguity;
the gold is their adjudication (docs/gold.md).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from filrouge.eval.example import PRF, EventKey, Gold, gold_event_keys, load_gold_file


def compare(reference: Counter[EventKey], other: Counter[EventKey]) -> dict[str, PRF]:
    """Counts of ``other`` read against ``reference`` on whole tuples, on (type, actor, target)
    and on (type, actor)."""
    out: dict[str, PRF] = {}
    widths = {"tuple": 4, "(type, actor, target)": 3, "(type, actor)": 2}
    for name, width in widths.items():
        ref = Counter(k[:width] for k in reference.elements())
        oth = Counter(k[:width] for k in other.elements())
        hit = sum((ref & oth).values())
        out[name] = PRF(tp=hit, fp=sum(oth.values()) - hit, fn=sum(ref.values()) - hit)
    return out


def blind_readings(examples: Path) -> dict[str, dict[str, Gold]]:
    """Each blind reading's records by document, by reading name (``x``, ``y``); nothing when
    none ship."""
    folder = examples / "gold-second"
    readings: dict[str, dict[str, Gold]] = {}
    for path in sorted(folder.glob("reading-*.jsonl")) if folder.is_dir() else []:
        readings[path.stem.removeprefix("reading-")] = load_gold_file(path)
    return readings


def agreement(gold: dict[str, Gold],
              readings: dict[str, Counter[EventKey]]) -> dict[str, float | int]:
    """One reading (an annotator's or the system's) scored against another taken as reference
    (``gold``), on the documents both cover."""
    totals: dict[str, PRF] = {}
    docs = [doc for doc in readings if "events" in gold.get(doc, {})]
    for doc in docs:
        for name, counts in compare(gold_event_keys(gold[doc]["events"]), readings[doc]).items():
            totals.setdefault(name, PRF()).add(counts)
    figures: dict[str, float | int] = {"articles": len(docs)}
    for name, counts in totals.items():
        figures.update(counts.figures(f"event {name} "))
    figures["gold events"] = sum(len(gold[doc]["events"]) for doc in docs)
    figures["events read"] = sum(sum(readings[doc].values()) for doc in docs)
    return figures
