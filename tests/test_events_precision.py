"""An event's confidence is the share of its class of events that were right on the dev half
(docs/events.md, "Precision by class"): a cue in the article's own words, a cue inside a
quote, a statement reading. Hypothetical and negated events are flagged, not doubted."""

from __future__ import annotations

import re
from pathlib import Path

from filrouge.analyze.events.extract import _CONFIDENCE
from filrouge.analyze.pipeline import Analyzer
from filrouge.model import Event

from .conftest import analyse_text


def events(analyzer: Analyzer, text: str, published: str = "2024-03-05") -> list[Event]:
    return analyse_text(analyzer, text, published).events


def test_a_cue_in_the_articles_own_words_is_the_surest(analyzer: Analyzer) -> None:
    (event,) = events(analyzer, "L'Allemagne a signé vendredi un accord de sécurité avec "
                                "l'Ukraine.")
    assert event.confidence == _CONFIDENCE["cue"]


def test_a_hypothetical_event_is_not_less_sure_to_be_read_right(analyzer: Analyzer) -> None:
    found = [e for e in events(analyzer, "L'Allemagne pourrait signer un accord de sécurité "
                                         "avec l'Ukraine.") if e.type == "AGREE"]
    assert found and found[0].hypothetical
    assert found[0].confidence == _CONFIDENCE["cue"]


def test_a_statement_reading_is_less_sure_than_a_cue(analyzer: Analyzer) -> None:
    found = events(analyzer, "Sergueï Lavrov a estimé mardi que l'Otan était « directement "
                             "impliquée » dans la guerre.")
    (accusation,) = [e for e in found if e.type == "ACCUSE"]
    assert accusation.confidence == _CONFIDENCE["statement"]


def test_a_cue_inside_a_quote_is_less_sure(analyzer: Analyzer) -> None:
    found = events(analyzer, "« Nous avons signé un accord de sécurité avec l'Ukraine », a "
                             "déclaré Olaf Scholz.")
    quoted = [e for e in found if e.reported and e.type == "AGREE"]
    assert quoted and quoted[0].confidence == _CONFIDENCE["quoted"]


def test_the_classes_are_ordered_and_documented() -> None:
    # both folds of the dev half agree only that a cue in the article's own words is surest
    assert _CONFIDENCE["cue"] > max(_CONFIDENCE["quoted"], _CONFIDENCE["statement"]) > 0.5
    doc = (Path(__file__).parents[1] / "docs" / "events.md").read_text(encoding="utf-8")
    section = doc.split("## Precision by class", 1)[1]
    for value in _CONFIDENCE.values():
        assert re.search(rf"\b{value:.2f}\b", section), value
