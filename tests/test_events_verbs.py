"""Verb cues, their senses and types, and the negated/hypothetical flags of what they state
(src/filrouge/analyze/events/verbs.py, flags.py, parse.py; data/event_verbs.tsv). Sentences
are made up for the tests."""

from __future__ import annotations

from filrouge.analyze.pipeline import Analyzer
from filrouge.model import Event

from .conftest import analyse_text


def events(analyzer: Analyzer, text: str, published: str = "2024-03-05") -> list[Event]:
    return analyse_text(analyzer, text, published).events


def kinds(found: list[Event]) -> set[tuple[str, str, str | None]]:
    return {(e.type, a, t) for e in found for a in e.actors for t in (e.targets or [None])}


def test_agreeing_to_do_something_is_the_agreement(analyzer: Analyzer) -> None:
    # "convenir de" + infinitive: the parties agree, whatever they agree on (the gold's
    # "ont convenu d'échanger des prisonniers", "sont convenus de lancer des négociations")
    found = events(analyzer, "La Russie et l'Ukraine ont convenu de se rencontrer à Istanbul.")
    assert {("AGREE", "RUS", "UKR"), ("AGREE", "UKR", "RUS")} <= kinds(found)


def test_an_agreement_on_an_act_goes_to_whom_the_act_goes(analyzer: Analyzer) -> None:
    # one party agreeing on aid to X: the agreement's target is X (dev gold: the G7's loan)
    found = events(analyzer, "Les dirigeants du G7 se sont mis d'accord pour donner à "
                             "l'Ukraine 50 milliards de dollars.")
    assert ("AGREE", "G7", "UKR") in kinds(found)


def test_committing_on_a_day_to_deliver_is_the_delivery(analyzer: Analyzer) -> None:
    # the parser hangs "à livrer" on the bare day: still the delivery, promised, and no
    # agreement between the two who commit
    found = events(analyzer, "Le Danemark et les Pays-Bas se sont engagés dimanche à livrer "
                             "des avions de combat F-16 à l'Ukraine.")
    assert [e.type for e in found] == ["AID"]
    assert found[0].hypothetical


def test_without_committing_is_no_agreement(analyzer: Analyzer) -> None:
    found = events(analyzer, "La Norvège et les Pays-Bas ont salué la proposition, sans "
                             "s'engager sur un chiffre.")
    assert "AGREE" not in [e.type for e in found]


def test_signing_a_decree_is_no_agreement(analyzer: Analyzer) -> None:
    # a decree, a law or a doctrine signed is one's own act, not an agreement with anyone
    assert events(analyzer, "Vladimir Poutine a signé mardi un décret sur la mobilisation.") == []
    assert events(analyzer, "Le même jour, Vladimir Poutine signait la nouvelle doctrine "
                            "nucléaire de la Russie.") == []


def test_no_longer_opposing_is_a_concession(analyzer: Analyzer) -> None:
    # "ne … plus" on a refusal lifts it (docs/gold.md: lifting a veto is CONCEDE)
    (event,) = events(analyzer, "La Turquie ne bloque plus l'adhésion de la Suède.")
    assert (event.type, event.actors, event.negated) == ("CONCEDE", ["TUR"], False)
    (event,) = events(analyzer, "La Hongrie ne s'oppose pas au fonds.")
    assert (event.type, event.negated) == ("REJECT", True)



def test_refusing_to_comment_is_no_refusal(analyzer: Analyzer) -> None:
    assert events(analyzer, "Le Kremlin a refusé de commenter ces informations.") == []
    assert events(analyzer, "Margarita Robles n'a pas voulu dire si Madrid se rallierait à "
                            "l'objectif.") == []
    (event,) = events(analyzer, "Volodymyr Zelensky a refusé de céder le Donbass.")
    assert event.type == "REJECT"


def test_not_ruling_out_is_no_refusal(analyzer: Analyzer) -> None:
    assert events(analyzer, "Boris Pistorius n'a pas exclu que l'Allemagne prenne un jour la "
                            "présidence du groupe.") == []


def test_naming_a_state_as_the_threat_accuses_it(analyzer: Analyzer) -> None:
    # a present participle after its clause has the clause's subject
    found = events(analyzer, "La Pologne et l'Estonie ont quitté la convention, en désignant la "
                             "Russie et la Biélorussie comme la menace.")
    assert {("ACCUSE", "POL", "RUS"), ("ACCUSE", "EST", "BLR")} <= kinds(found)
    found = events(analyzer, "Les ambassadeurs de l'Otan ont désigné Mark Rutte comme "
                             "secrétaire général.")
    assert "ACCUSE" not in [e.type for e in found]
