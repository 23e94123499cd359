"""Scoring against the example-corpus gold (``examples/gold/*.jsonl``, format in docs/gold.md).

Gold stores exact substrings, not offsets: each scorer finds the gold strings in the cleaned
article text and compares them with the predicted spans.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from filrouge.model import Article, Event

Gold = dict[str, Any]


def repo_root() -> Path:
    return Path(__file__).resolve().parents[3]


def examples_dir() -> Path | None:
    for candidate in (Path.cwd() / "examples", repo_root() / "examples"):
        if (candidate / "gold").is_dir():
            return candidate
    return None


def load_gold(gold_dir: Path) -> dict[str, Gold]:
    """Gold records by ``doc`` (path relative to examples/corpus, ``#id`` for JSON Lines)."""
    records: dict[str, Gold] = {}
    for path in sorted(gold_dir.glob("*.jsonl")):
        records.update(load_gold_file(path))
    return records


def load_gold_file(path: Path) -> dict[str, Gold]:
    """One JSON Lines file of gold-format records, by ``doc``."""
    records: dict[str, Gold] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            records[record["doc"]] = record
    return records


def doc_key(article: Article, corpus: Path) -> str:
    """The gold ``doc`` key of an article read from ``corpus``."""
    path, _, given = article.source.partition("#")
    try:
        relative = Path(path).resolve().relative_to(corpus.resolve()).as_posix()
    except ValueError:
        relative = Path(path).as_posix()
    return f"{relative}#{given}" if given else relative


def split_of(doc: str) -> str:
    """Rules are written on the 'dev' half and reported on the 'test' half: a stable hash of the
    document name decides, so the split does not depend on file order."""
    import hashlib

    return "dev" if int(hashlib.sha1(doc.encode()).hexdigest(), 16) % 2 == 0 else "test"


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    if not needle:
        return []
    return [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text)]


def locate(text: str, needle: str, nth: int = 0) -> tuple[int, int] | None:
    found = occurrences(text, needle)
    return found[nth] if nth < len(found) else (found[0] if found else None)


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def figures(self, prefix: str = "") -> dict[str, float | int]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {f"{prefix}precision": round(precision, 4), f"{prefix}recall": round(recall, 4),
                f"{prefix}f1": round(f1, 4)}


@dataclass
class Tally:
    """Counts for one stage, summed over articles."""

    prf: dict[str, PRF] = field(default_factory=dict)
    right: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    # (gold actor, predicted id) of each gold mention found: alias merging over the corpus
    links: set[tuple[str, str]] = field(default_factory=set)

    def counts(self, name: str) -> PRF:
        return self.prf.setdefault(name, PRF())

    def accuracy(self, name: str, ok: bool) -> None:
        self.total[name] += 1
        self.right[name] += int(ok)

    def figures(self) -> dict[str, float | int]:
        out: dict[str, float | int] = {}
        for name, counts in self.prf.items():
            out.update(counts.figures(f"{name} "))
        for name in self.total:
            label = name if name.endswith(" rate") else f"{name} accuracy"
            out[label] = round(self.right[name] / self.total[name], 4)
            out[f"{name} n"] = self.total[name]
        if self.links:
            ids: dict[str, set[str]] = {}
            golds: dict[str, set[str]] = {}
            for gold, predicted in self.links:
                ids.setdefault(gold, set()).add(predicted)
                golds.setdefault(predicted, set()).add(gold)
            out["alias: gold actors found"] = len(ids)
            out["alias: gold actors split over ids"] = sum(len(v) > 1 for v in ids.values())
            out["alias: ids merging gold actors"] = sum(len(v) > 1 for v in golds.values())
        return out


def _norm_line(line: str) -> str:
    return " ".join(line.split()).casefold()


def score_ingest(article: Article, gold: Gold, tally: Tally) -> None:
    """Debris lines removed (line P/R), title and publication day right."""
    removed = {_norm_line(r.text) for r in article.removed}
    debris = {_norm_line(d) for d in gold.get("debris", [])}
    body = _norm_line(article.text)
    counts = tally.counts("debris line")
    for line in debris:
        if line in removed or line not in body:
            counts.tp += 1
        else:
            counts.fn += 1
    title = _norm_line(gold.get("title") or "")
    for line in removed - debris:
        if line and line != title and line in body:
            continue  # removed a copy, but the words are still in the body
        if line and line != title:
            counts.fp += 1
    tally.accuracy("publication day", (article.published.value or "")[:10] == gold["published"])
    if gold.get("title"):
        tally.accuracy("title", _norm_line(article.title or "") == title)


def score_actors(article: Article, gold: Gold, tally: Tally) -> None:
    """Mentions of registry actors: found (P/R on text) and linked to the right id."""
    predicted = Counter((e.text, e.actor) for e in article.entities if e.actor
                        and not e.actor.startswith("local:"))
    by_text = Counter(e.text for e in article.entities if e.actor)
    expected = Counter((g["text"], g["actor"]) for g in gold.get("entities", []))
    counts = tally.counts("mention")
    for (text, actor), n in expected.items():
        linked = min(n, predicted[(text, actor)])
        found = min(n, by_text[text])
        counts.tp += found
        counts.fn += n - found
        for i in range(n):
            tally.accuracy("linking", i < linked)
    gold_texts = Counter(g["text"] for g in gold.get("entities", []))
    for (text, _actor), n in predicted.items():
        counts.fp += max(0, n - gold_texts[text])
    # Alias merging: every surface form of one gold actor should get one predicted id, and no
    # id should gather two gold actors (a corpus-local id counts as the gold slug it spells).
    # Gold mentions are in order and do not overlap: each is looked for after the previous one.
    cursor = 0
    for mention in gold.get("entities", []):
        found = article.text.find(mention["text"], cursor)
        if found < 0:
            continue
        end = found + len(mention["text"])
        cursor = end
        overlapping = [e for e in article.entities if e.actor and e.start < end and found < e.end]
        exact = [e for e in overlapping if (e.start, e.end) == (found, end)]
        hits = exact or overlapping
        if hits and hits[0].actor:
            given = hits[0].actor
            tally.links.add((str(mention["actor"]),
                             mention["actor"] if same_actor(given, mention["actor"]) else given))


def score_times(article: Article, gold: Gold, tally: Tally) -> None:
    counts = tally.counts("time (relaxed)")
    used: set[int] = set()
    seen: Counter[str] = Counter()
    for expr in gold.get("times", []):
        where = locate(article.text, expr["text"], seen[expr["text"]])
        seen[expr["text"]] += 1
        if where is None:
            counts.fn += 1
            continue
        match = next((i for i, t in enumerate(article.times)
                      if i not in used and t.start < where[1] and where[0] < t.end), None)
        if match is None:
            counts.fn += 1
            continue
        used.add(match)
        counts.tp += 1
        tally.accuracy("time value", article.times[match].value == expr["value"])
    counts.fp += len(article.times) - len(used)


def _token_overlap(a: tuple[int, int], b: tuple[int, int], text: str) -> float:
    """Share of the gold span's words covered by the predicted span."""
    gold_words = [(m.start(), m.end()) for m in re.finditer(r"\w+", text[a[0]:a[1]])]
    if not gold_words:
        return 0.0
    covered = sum(1 for s, e in gold_words if b[0] <= a[0] + s and a[0] + e <= b[1])
    return covered / len(gold_words)


def _gold_quote_span(text: str, quote: Gold) -> tuple[int, int] | None:
    parts = quote.get("parts") or [quote["text"]]
    first = locate(text, parts[0])
    if first is None:
        return None
    last = locate(text[first[0]:], parts[-1])
    return (first[0], first[0] + last[1]) if last else first


def same_actor(predicted: str, gold: str | None) -> bool:
    """A corpus-local id (``local:`` + slug of the name) names the same person as the gold's
    slug id: people outside the registry are still told apart by name."""
    return gold is not None and (predicted == gold or predicted == f"local:{gold}")


def score_quotes(article: Article, gold: Gold, tally: Tally, kinds: set[str]) -> None:
    """Quote detection at ≥0.3 and ≥0.8 token overlap, exact span, speaker and anonymity."""
    golds = [q for q in gold.get("quotes", []) if q.get("kind", "direct") in kinds]
    preds = [q for q in article.quotes if q.kind in kinds]
    for threshold, name in ((0.3, "quote@0.3"), (0.8, "quote@0.8")):
        counts = tally.counts(name)
        used: set[int] = set()
        for quote in golds:
            span = _gold_quote_span(article.text, quote)
            best = None
            if span is not None:
                scored = [(_token_overlap(span, (p.start, p.end), article.text), i)
                          for i, p in enumerate(preds) if i not in used]
                scored = [s for s in scored if s[0] >= threshold]
                best = max(scored)[1] if scored else None
            if best is None:
                counts.fn += 1
                continue
            used.add(best)
            counts.tp += 1
            if threshold == 0.3:
                predicted = preds[best]
                tally.accuracy("exact span", (predicted.start, predicted.end) == span)
                same = (predicted.anonymous and quote.get("anonymous")) or (
                    predicted.speaker_actor is not None
                    and same_actor(predicted.speaker_actor, quote.get("speaker")))
                tally.accuracy("speaker", bool(same))
                anonymous = bool(quote.get("anonymous"))
                tally.accuracy("anonymous flag", predicted.anonymous == anonymous)
        counts.fp += len(preds) - len(used)


def _event_actor(actor: str | None) -> str | None:
    """A corpus-local id (``local:`` + slug) names the same person as the gold's slug."""
    return actor[len("local:"):] if actor and actor.startswith("local:") else actor


EventKey = tuple[str, str | None, str | None, str | None]


def event_keys(event: Event) -> list[EventKey]:
    """The (type, actor, target, date) tuples an event stands for: one per actor and per target,
    as the gold records them (docs/gold.md: two addressees make two records)."""
    targets: list[str | None] = [_event_actor(t) for t in event.targets] or [None]
    return [(event.type, _event_actor(actor), target, event.date)
            for actor in event.actors for target in targets]


def gold_event_keys(events: list[dict[str, Any]]) -> Counter[EventKey]:
    """One (type, actor, target, date) key per gold-format event record."""
    return Counter((e["type"], e.get("actor"), e.get("target"), e.get("date")) for e in events)


def score_events(article: Article, gold: Gold, tally: Tally) -> None:
    """(type, actor, target, date) tuples, one per actor and target of each predicted event, and the
    looser (type, actor) pairs. An event is *spurious* when it matches no gold event at all:
    none of its type whose evidence lies in its sentence, and none of its type and actor."""
    golds = gold.get("events", [])
    expected = gold_event_keys(golds)
    items = [(e, key) for e in article.events for key in event_keys(e)]
    predicted: Counter[EventKey] = Counter(key for _, key in items)
    counts = tally.counts("event tuple")
    hit = sum((expected & predicted).values())
    counts.tp += hit
    counts.fp += sum(predicted.values()) - hit
    counts.fn += sum(expected.values()) - hit
    loose_gold = Counter((t, a) for t, a, _, _ in expected.elements())
    loose_pred = Counter((t, a) for t, a, _, _ in predicted.elements())
    loose = tally.counts("event (type, actor)")
    loose_hit = sum((loose_gold & loose_pred).values())
    loose.tp += loose_hit
    loose.fp += sum(loose_pred.values()) - loose_hit
    loose.fn += sum(loose_gold.values()) - loose_hit
    evidence = [(g["type"], g.get("actor"), locate(article.text, g.get("evidence") or ""))
                for g in golds]
    for event, (kind, actor, _, _) in items:
        in_sentence = any(t == kind and where is not None and event.start <= where[1]
                          and where[0] <= event.end for t, _, where in evidence)
        same = any(t == kind and a == actor for t, a, _ in evidence)
        tally.accuracy("event spurious rate", not (in_sentence or same))
    unused = list(items)
    for g in golds:
        key = (g["type"], g.get("actor"), g.get("target"), g.get("date"))
        match = next((pair for pair in unused if pair[1] == key), None)
        if match is None:
            continue
        unused.remove(match)
        tally.accuracy("event hypothetical flag", match[0].hypothetical == bool(
            g.get("hypothetical")))
        tally.accuracy("event negated flag", match[0].negated == bool(g.get("negated")))
