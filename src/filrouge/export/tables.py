"""Exports: full JSON records as JSON Lines; flat rows (one per item) as CSV or Parquet."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from filrouge.model import Article
from filrouge.store.sqlite import Store

if TYPE_CHECKING:
    from filrouge.analyze.event_groups import EventGroup

_ITEM_FIELDS = {
    "quotes": ["start", "end", "text", "kind", "speaker_actor", "speaker_name", "anonymous",
               "speaker_description", "date", "date_origin"],
    "events": ["start", "end", "text", "type", "mode", "trigger", "actors", "targets",
               "target_implicit", "date", "date_origin", "negated", "hypothetical", "reported",
               "reported_by", "confidence"],
    "amounts": ["start", "end", "text", "value", "unit", "period", "approx", "measures"],
    "entities": ["start", "end", "text", "label", "actor", "actor_name"],
    "times": ["start", "end", "text", "type", "value", "anchor", "vague"],
}


Window = tuple[str | None, str | None]  # first and last ISO day, each optional


def _inside(day: str | None, window: Window) -> bool:
    first, last = window
    if not first and not last:
        return True
    return day is not None and (not first or day[:10] >= first) and (
        not last or day[:10] <= last)


def _story_inside(start: str | None, end: str | None, window: Window) -> bool:
    first, last = window
    if not first and not last:
        return True
    return bool(start or end) and (not last or (start or end or "")[:10] <= last) and (
        not first or (end or start or "")[:10] >= first)


def rows(store: Store, what: str, window: Window = (None, None)) -> Iterator[dict[str, Any]]:
    """Flat rows: one per article, story, or extracted item (with its article id). With a
    window, articles by publication day, quotes and events by their own day (else their
    article's), other items by their article's day, stories whose span meets it."""
    if what == "stories":
        for story in store.stories():
            if not _story_inside(story.start, story.end, window):
                continue
            yield {"id": story.id, "title": story.title, "start": story.start,
                   "end": story.end, "articles": len(story.articles),
                   "actors": "|".join(story.actors)}
        return
    if what == "happenings":
        for group in _happenings(store, window):
            yield {"id": group.id, "type": group.type, "mode": group.mode,
                   "actors": "|".join(group.actors), "targets": "|".join(group.targets),
                   "mutual": group.mutual, "start": group.start, "end": group.end,
                   "negated": group.negated, "hypothetical": group.hypothetical,
                   "sources": group.sources, "mentions": len(group.mentions),
                   "articles": "|".join(dict.fromkeys(m.article for m in group.mentions)),
                   "text": group.mentions[0].text}
        return
    for article in store.articles():
        if what == "articles":
            if _inside(article.published.value, window):
                yield _article_row(article)
            continue
        for item in getattr(article, what):
            if not _inside(getattr(item, "date", None) or article.published.value, window):
                continue
            record = item.model_dump(mode="json")
            row: dict[str, Any] = {"article": article.id}
            for name in _ITEM_FIELDS[what]:
                value = record.get(name)
                if isinstance(value, dict):  # a span: its words
                    value = value.get("text")
                row[name] = "|".join(value) if isinstance(value, list) else value
            yield row


def _happenings(store: Store, window: Window) -> Iterator[EventGroup]:
    """The events of all articles grouped into happenings (`events --grouped`), those with a
    day in the window (any day of the happening; an undated one only without a window)."""
    from filrouge.analyze.event_groups import group_events

    for group in group_events(store.articles()):
        if _story_inside(group.start, group.end, window):
            yield group


def _item_records(store: Store, what: str, window: Window) -> Iterator[dict[str, Any]]:
    """Full item records (as in the article schema) with their article id: JSON Lines keep
    lists as lists ("targets": ["a", "b"]) and spans as spans, where CSV rows must join them."""
    if what == "happenings":
        yield from (group.model_dump(mode="json") for group in _happenings(store, window))
        return
    for article in store.articles():
        for item in getattr(article, what):
            if _inside(getattr(item, "date", None) or article.published.value, window):
                yield {"article": article.id, **item.model_dump(mode="json")}


def _article_row(article: Article) -> dict[str, Any]:
    return {
        "id": article.id, "source": article.source, "title": article.title,
        "byline": article.byline, "outlet": article.outlet, "language": article.language,
        "published": article.published.value, "published_origin": article.published.origin,
        "duplicate_of": article.duplicate_of, "quotes": len(article.quotes),
        "events": len(article.events), "amounts": len(article.amounts), "text": article.text,
    }


def export_store(store: Store, *, fmt: str, what: str, output: Path | None,
                 window: Window = (None, None)) -> int:
    """Write the export; returns how many records were written."""
    if fmt == "jsonl":
        records: Iterator[dict[str, Any]] = (
            (a.to_json_dict() for a in store.articles()
             if _inside(a.published.value, window)) if what == "articles"
            else (s.to_json_dict() for s in store.stories()
                  if _story_inside(s.start, s.end, window)) if what == "stories"
            else _item_records(store, what, window)
        )
        stream = output.open("w", encoding="utf-8") if output else sys.stdout
        count = 0
        try:
            for record in records:
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
        finally:
            if output:
                stream.close()
        return count
    table = list(rows(store, what, window))
    if fmt == "csv":
        stream = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
        try:
            fields = list(table[0]) if table else ["id"]
            writer = csv.DictWriter(stream, fieldnames=fields)
            writer.writeheader()
            writer.writerows(table)
        finally:
            if output:
                stream.close()
        return len(table)
    import pyarrow as pa
    import pyarrow.parquet as pq

    assert output is not None
    pq.write_table(pa.Table.from_pylist(table), output)
    return len(table)
