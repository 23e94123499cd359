"""Who said what, on sentences written the way French wire copy writes them."""

from __future__ import annotations

from filrouge.analyze.pipeline import Analyzer
from filrouge.model import Quote

from .conftest import analyse_text


def quotes(analyzer: Analyzer, text: str, published: str = "2023-07-11") -> list[Quote]:
    return analyse_text(analyzer, text, published).quotes


def test_inverted_cue_after_the_quote(analyzer: Analyzer) -> None:
    (quote,) = quotes(analyzer, "« L'avenir de l'Ukraine est dans l'Otan », a déclaré mardi "
                                "Jens Stoltenberg à Vilnius.")
    assert quote.text == "L'avenir de l'Ukraine est dans l'Otan"
    assert quote.kind == "direct"
    assert quote.speaker_actor == "jens-stoltenberg"
    assert quote.cue is not None and quote.cue.text == "a déclaré"
    assert quote.date == "2023-07-11"


def test_cue_before_with_a_colon(analyzer: Analyzer) -> None:
    (quote,) = quotes(analyzer, "Volodymyr Zelensky a dénoncé : « Il est absurde qu'aucun "
                                "calendrier ne soit fixé. »")
    assert quote.speaker_actor == "volodymyr-zelensky"
    assert quote.text.startswith("Il est absurde")


def test_a_quote_split_by_its_cue_has_two_parts(analyzer: Analyzer) -> None:
    (quote,) = quotes(analyzer, "Jens Stoltenberg était prudent. « Nous tiendrons parole, "
                                "a-t-il assuré, mais pas avant la fin de la guerre. »")
    assert [p.text for p in quote.parts] == ["Nous tiendrons parole",
                                             "mais pas avant la fin de la guerre."]
    assert quote.speaker_actor == "jens-stoltenberg"


def test_an_anonymous_source_stays_anonymous(analyzer: Analyzer) -> None:
    (quote,) = quotes(analyzer, "« Personne ne voulait d'une date butoir », a confié un "
                                "diplomate européen.")
    assert quote.anonymous
    assert quote.speaker_actor is None
    assert quote.speaker_description == "diplomate européen"


def test_a_pronoun_speaker_is_the_last_person_named(analyzer: Analyzer) -> None:
    found = quotes(analyzer, "Sergueï Lavrov a reçu la presse lundi. « Ces garanties ne "
                             "valent rien », a-t-il lancé.", "2025-09-01")
    assert [q.speaker_actor for q in found] == ["sergei-lavrov"]


def test_a_title_speaker_is_the_office_holder(analyzer: Analyzer) -> None:
    (quote,) = quotes(analyzer, "« Nous restons attentifs », a indiqué le porte-parole du "
                                "Kremlin.")
    assert quote.speaker_actor == "dmitri-peskov"


def test_indirect_speech_with_que(analyzer: Analyzer) -> None:
    (quote,) = quotes(analyzer, "Olaf Scholz a affirmé que l'Allemagne resterait le "
                                "deuxième donateur de l'Ukraine.", "2024-02-16")
    assert quote.kind == "indirect"
    assert quote.speaker_actor == "olaf-scholz"
    assert quote.text.startswith("l'Allemagne resterait")


def test_scare_quotes_and_quoted_names_are_not_quotes(analyzer: Analyzer) -> None:
    assert quotes(analyzer, "Le format « Quad » réunit les « grands » pays de l'Alliance.") == []


def test_negated_reporting_is_not_a_statement(analyzer: Analyzer) -> None:
    assert quotes(analyzer, "Emmanuel Macron n'a pas dit que la France enverrait des "
                            "troupes.", "2024-02-27") == []
