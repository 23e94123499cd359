"""Events are grounded in one sentence; negated and hypothetical ones are never facts."""

from __future__ import annotations

from filrouge.analyze.pipeline import Analyzer
from filrouge.model import Event

from .conftest import analyse_text


def events(analyzer: Analyzer, text: str, published: str = "2024-02-16") -> list[Event]:
    return analyse_text(analyzer, text, published).events


def test_an_agreement_with_actor_target_and_date(analyzer: Analyzer) -> None:
    (event,) = events(analyzer, "L'Allemagne a signé vendredi un accord de sécurité avec "
                                "l'Ukraine.")
    assert (event.type, event.actors, event.targets) == ("AGREE", ["DEU"], ["UKR"])
    assert event.date == "2024-02-16"
    assert not event.negated and not event.hypothetical
    assert event.text.startswith("L'Allemagne a signé")


def test_a_negated_event_is_flagged(analyzer: Analyzer) -> None:
    (event,) = events(analyzer, "La Hongrie n'a pas accepté le texte de l'Union européenne.")
    assert event.negated


def test_a_conditional_event_is_hypothetical(analyzer: Analyzer) -> None:
    (event,) = events(analyzer, "La France pourrait livrer des missiles à l'Ukraine.")
    assert event.type == "AID"
    assert event.hypothetical


def test_no_actor_no_event(analyzer: Analyzer) -> None:
    assert events(analyzer, "Un accord a été signé dans la soirée.") == []
