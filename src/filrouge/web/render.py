"""Pure helpers for the HTML pages: annotated text as flat segments, safe links, SVG geometry.

Nothing here produces markup: templates do, with autoescaping, so article text (untrusted) is
always escaped. These functions only cut text and compute numbers.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from filrouge.model import Article

_SAFE_SCHEMES = {"http", "https"}


def safe_url(url: str | None) -> str | None:
    """The URL if it is a plain http(s) link, else None: data never becomes a ``javascript:``,
    ``data:`` or relative link."""
    if not url:
        return None
    candidate = url.strip()
    if any(c in candidate for c in "\x00\r\n\t <>\"'`\\") or not candidate.isprintable():
        return None
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in _SAFE_SCHEMES or not parts.netloc:
        return None
    return candidate


@dataclass(frozen=True)
class Segment:
    """A stretch of article text with the annotations covering it."""

    text: str
    classes: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    href: str | None = None
    anchor: str | None = None

    @property
    def title(self) -> str | None:
        return " · ".join(self.titles) if self.titles else None

    @property
    def css(self) -> str:
        return " ".join(self.classes)


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    css: str
    title: str | None = None
    href: str | None = None
    anchor: str | None = None


def _fmt_number(value: float) -> str:
    return f"{value:,.0f}".replace(",", " ") if value == int(value) else f"{value:g}"


def marks(article: Article) -> list[_Mark]:
    """Every annotation of the article as a mark over its text."""
    found: list[_Mark] = []
    for entity in article.entities:
        title = f"{entity.label}"
        if entity.actor:
            title = f"{entity.actor_name or entity.actor} ({entity.label}, {entity.actor})"
        href = f"/actors/{entity.actor}" if entity.actor else None
        found.append(_Mark(entity.start, entity.end, "ent", title, href))
    for expr in article.times:
        found.append(_Mark(expr.start, expr.end, "time",
                           f"{expr.value} ({expr.type}{', vague' if expr.vague else ''})"))
    for i, amount in enumerate(article.amounts):
        described = f"{_fmt_number(amount.value)} {amount.unit}"
        if amount.period:
            described += f" over {amount.period}"
        if amount.approx:
            described += f" ({amount.approx.replace('_', ' ')})"
        found.append(_Mark(amount.start, amount.end, "fig", described, anchor=f"fig-{i}"))
    for i, quote in enumerate(article.quotes):
        who = quote.speaker_name or (quote.speaker.text if quote.speaker else "unknown speaker")
        if quote.anonymous:
            who = f"{quote.speaker_description or who} (anonymous)"
        for n, part in enumerate(quote.parts or [quote]):
            found.append(_Mark(part.start, part.end, "quote", f"{quote.kind} quote: {who}",
                               anchor=f"q-{i}" if n == 0 else None))
        if quote.speaker:
            found.append(_Mark(quote.speaker.start, quote.speaker.end, "speaker",
                               f"speaker: {who}"))
        if quote.cue:
            found.append(_Mark(quote.cue.start, quote.cue.end, "cue", "reporting verb"))
    for i, event in enumerate(article.events):
        found.append(_Mark(event.trigger.start, event.trigger.end, "trigger",
                           f"event {event.type}" + (f" on {event.date}" if event.date else ""),
                           anchor=f"ev-{i}"))
    size = len(article.text)
    return [m for m in found if 0 <= m.start < m.end <= size]


def segments(article: Article) -> list[Segment]:
    """The text cut at every annotation boundary; each piece lists what covers it.

    A sweep over sorted boundaries keeps this linear in text size times overlap depth, so long
    articles with thousands of annotations still render quickly."""
    text = article.text
    found = marks(article)
    cuts = sorted({0, len(text), *(m.start for m in found), *(m.end for m in found)})
    starting: dict[int, list[_Mark]] = {}
    for mark in found:
        starting.setdefault(mark.start, []).append(mark)
    active: list[_Mark] = []
    pieces: list[Segment] = []
    anchors_done: set[str] = set()
    for left, right in itertools.pairwise(cuts):
        active = [m for m in active if m.end > left] + starting.get(left, [])
        if not active:
            pieces.append(Segment(text[left:right]))
            continue
        classes = tuple(sorted({m.css for m in active}))
        titles = tuple(dict.fromkeys(m.title for m in active if m.title))
        href = next((m.href for m in active if m.href), None)
        anchor = next((m.anchor for m in active
                       if m.anchor and m.start == left and m.anchor not in anchors_done), None)
        if anchor:
            anchors_done.add(anchor)
        pieces.append(Segment(text[left:right], classes, titles, href, anchor))
    return pieces


def marked_pieces(text: str, hits: list[list[int]] | list[tuple[int, int]]
                  ) -> list[tuple[str, bool]]:
    """Text cut into (piece, is_hit) for search snippets."""
    pieces: list[tuple[str, bool]] = []
    at = 0
    for start, end in sorted((int(s), int(e)) for s, e in hits):
        if start < at or end > len(text):
            continue
        if start > at:
            pieces.append((text[at:start], False))
        pieces.append((text[start:end], True))
        at = end
    if at < len(text):
        pieces.append((text[at:], False))
    return pieces


# -- charts -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str


def bars(counts: list[tuple[str, int]], width: float = 160, height: float = 32,
         gap: float = 1.0) -> list[Bar]:
    """Bar geometry for a small inline SVG chart (viewBox ``0 0 width height``)."""
    if not counts:
        return []
    top = max(n for _, n in counts) or 1
    step = width / len(counts)
    result = []
    for i, (label, n) in enumerate(counts):
        h = 0.0 if n == 0 else max(1.5, (height - 2) * n / top)
        result.append(Bar(round(i * step, 2), round(height - h, 2),
                          round(max(step - gap, 0.5), 2), round(h, 2), label))
    return result


_DAY = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def day_number(value: str | None) -> int | None:
    """Days since 1970-01-01 for a date (YYYY, YYYY-MM, YYYY-MM-DD prefixes), else None."""
    if not value:
        return None
    match = _DAY.match(value)
    if match is None:
        return None
    year, month, day = match.group(1), match.group(2) or "01", match.group(3) or "01"
    try:
        return (dt.date(int(year), int(month), int(day)) - dt.date(1970, 1, 1)).days
    except ValueError:
        return None


@dataclass(frozen=True)
class Dot:
    x: float
    r: float
    day: int
    date: str
    anchor: str
    label: str


def timeline_dots(entries: list[Any], width: float = 1000) -> tuple[list[Dot], list[tuple[float,
                                                                                        str]]]:
    """Positions of timeline entries on a date axis, and year ticks (x, label)."""
    days = [(day_number(e.date), i, e) for i, e in enumerate(entries)]
    placed = [(d, i, e) for d, i, e in days if d is not None]
    if not placed:
        return [], []
    first = min(d for d, _, _ in placed)
    last = max(d for d, _, _ in placed)
    span = max(last - first, 1)
    pad = 12.0
    usable = width - 2 * pad
    dots = [
        Dot(round(pad + usable * (d - first) / span, 2), min(3 + len(e.sources), 9), d, e.date,
            f"entry-{i}", f"{e.date}: {len(e.sources)} source(s)")
        for d, i, e in placed
    ]
    ticks = []
    start_year = (dt.date(1970, 1, 1) + dt.timedelta(days=first)).year
    end_year = (dt.date(1970, 1, 1) + dt.timedelta(days=last)).year
    for year in range(start_year, end_year + 2):
        day = (dt.date(year, 1, 1) - dt.date(1970, 1, 1)).days
        if first <= day <= last:
            ticks.append((round(pad + usable * (day - first) / span, 2), str(year)))
    return dots, ticks
