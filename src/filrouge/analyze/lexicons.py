"""Language resources shipped as data files in ``filrouge/data`` and read once."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def _data_text(name: str) -> str:
    return (resources.files("filrouge") / "data" / name).read_text(encoding="utf-8")


def _tsv_rows(name: str) -> list[list[str]]:
    rows = []
    for line in _data_text(name).splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([cell.strip() for cell in line.split("\t")])
    return rows


@lru_cache(maxsize=1)
def quote_verbs() -> dict[str, str]:
    """Reporting verbs (lemma → class: neutral, assertive, denial, warning, opinion)."""
    return {row[0]: row[1] for row in _tsv_rows("quote_verbs.tsv")}


@dataclass(frozen=True)
class EventVerb:
    type: str
    mode: str | None


@lru_cache(maxsize=1)
def event_verbs() -> dict[str, EventVerb]:
    """Verbs that state an event, with their PLOVER type and mode."""
    return {
        row[0]: EventVerb(type=row[1], mode=row[2] if len(row) > 2 and row[2] else None)
        for row in _tsv_rows("event_verbs.tsv")
    }


@dataclass(frozen=True)
class AnonymousLexicon:
    heads: frozenset[str]
    indefinite: tuple[str, ...]
    markers: tuple[str, ...]
    people: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def anonymous_sources() -> AnonymousLexicon:
    """Words that mark an unnamed source ("un diplomate européen", "sous couvert d'anonymat")."""
    data = json.loads(_data_text("anonymous_fr.json"))
    return AnonymousLexicon(
        heads=frozenset(data["heads"]),
        indefinite=tuple(data["indefinite"]),
        markers=tuple(data["markers"]),
        people=frozenset(data.get("people", [])),
    )
