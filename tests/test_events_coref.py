"""Actors and targets named only through the article: pronouns, "son successeur", "son invité",
"l'Occident" (light coreference for events)."""

from __future__ import annotations

from filrouge.analyze.pipeline import Analyzer
from filrouge.model import Event

from .conftest import analyse_text


def events(analyzer: Analyzer, text: str, published: str = "2024-06-26") -> list[Event]:
    return analyse_text(analyzer, text, published).events


def roles(found: list[Event], kind: str) -> list[tuple[list[str], list[str]]]:
    return [(e.actors, e.targets) for e in found if e.type == kind]


def test_a_successor_is_who_took_over_the_office_in_the_registry(analyzer: Analyzer) -> None:
    found = events(analyzer, "Les Alliés ont choisi mercredi le prochain chef de l'Alliance. "
                             "Jens Stoltenberg a salué la désignation de son successeur.")
    assert (["jens-stoltenberg"], ["mark-rutte"]) in roles(found, "SUPPORT")


def test_a_guest_is_the_person_of_the_other_side_named_most(analyzer: Analyzer) -> None:
    found = events(analyzer, "Donald Trump a reçu Volodymyr Zelensky à la Maison Blanche. "
                             "Volodymyr Zelensky a rappelé les crimes de Vladimir Poutine. "
                             "Donald Trump a accusé son invité de manquer de respect.",
                   "2025-02-28")
    assert roles(found, "ACCUSE")[-1] == (["donald-trump"], ["volodymyr-zelensky"])


def test_a_counterpart_is_never_of_the_actor_s_own_side(analyzer: Analyzer) -> None:
    found = events(analyzer, "Joe Biden a reçu Antony Blinken. Joe Biden a accusé son "
                             "interlocuteur de mentir.", "2024-06-26")
    assert all(t != ["antony-blinken"] for _, t in roles(found, "ACCUSE"))


def test_the_west_is_an_actor_by_name_and_by_adjective(analyzer: Analyzer) -> None:
    found = events(analyzer, "Maria Zakharova a accusé l'Occident de prolonger la guerre.",
                   "2024-09-06")
    assert roles(found, "ACCUSE") == [(["maria-zakharova"], ["WEST"])]
    found = events(analyzer, "Des soldats occidentaux ont été déployés en Ukraine.",
                   "2024-09-06")
    assert [e.actors for e in found if e.type == "MOBILIZE"] == [["WEST"]]


def test_troops_of_any_side_are_sent_by_no_one(analyzer: Analyzer) -> None:
    found = events(analyzer, "Vladimir Poutine a prévenu que toute troupe occidentale "
                             "déployée en Ukraine serait une cible.", "2025-09-05")
    assert not [e for e in found if e.type == "MOBILIZE"]


def test_a_pronoun_deep_in_its_sentence_follows_the_portrait_s_subject(
        analyzer: Analyzer) -> None:
    text = ("Roustem Oumerov a gardé le même visage impassible. Roustem Oumerov parle peu. "
            "Le président Volodymyr Zelensky l'avait nommé à la Défense en 2023. Selon un "
            "ancien conseiller de la présidence, il voulait « un visage propre ».\n"
            "Son vrai terrain, ce sont les prisonniers. Depuis trois ans, il a participé à "
            "la négociation avec la Russie.")
    found = events(analyzer, text, "2025-06-07")
    assert [e.actors for e in found if e.type == "CONSULT"] == [["rustem-umerov"]]


def test_a_pronoun_after_a_name_in_its_own_sentence_keeps_that_name(
        analyzer: Analyzer) -> None:
    text = ("Vladimir Poutine a reçu Steve Witkoff.\nDonald Trump a de son côté indiqué jeudi "
            "qu'il s'entretiendrait « très bientôt » avec M. Poutine.")
    found = events(analyzer, text, "2025-09-04")
    assert roles(found, "CONSULT")[-2:] == [(["donald-trump"], ["vladimir-putin"]),
                                            (["vladimir-putin"], ["donald-trump"])]


def test_thanking_one_s_hosts_thanks_the_people_of_the_other_side(analyzer: Analyzer) -> None:
    found = events(analyzer, "Giorgia Meloni et Justin Trudeau sont arrivés à Kiev. Giorgia "
                             "Meloni a signé un accord avec l'Ukraine. Volodymyr Zelensky a "
                             "remercié ses hôtes.", "2024-02-24")
    thanks = [e for e in found if e.type == "SUPPORT" and e.trigger.text == "remercié"]
    assert [(e.actors, e.targets) for e in thanks] == [(["volodymyr-zelensky"],
                                                        ["giorgia-meloni", "justin-trudeau"])]
    assert thanks[0].target_implicit  # named through the actor, not in the sentence


def test_a_counterpart_with_a_nationality_is_of_that_state(analyzer: Analyzer) -> None:
    found = events(analyzer, "Antony Blinken a reçu Hakan Fidan. Sergueï Lavrov était absent. "
                             "Antony Blinken a accusé son homologue russe de mentir.",
                   "2024-06-26")
    assert roles(found, "ACCUSE")[-1] == (["antony-blinken"], ["sergei-lavrov"])


def test_a_person_named_only_by_title_acts_for_the_institution_in_it(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "Le porte-parole du Kremlin a accusé l'Otan de prolonger la "
                             "guerre.", "2024-06-14")
    assert roles(found, "ACCUSE") == [(["KREMLIN"], ["NATO"])]


def test_a_person_named_only_by_title_acts_for_the_state_of_its_adjective(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "Le chancelier allemand a accusé la Russie de mentir.",
                   "2024-06-14")
    assert roles(found, "ACCUSE") == [(["DEU"], ["RUS"])]


def test_a_person_also_named_by_name_stays_that_person(analyzer: Analyzer) -> None:
    found = events(analyzer, "Dmitri Peskov est arrivé. Le porte-parole du Kremlin a accusé "
                             "l'Otan de prolonger la guerre.", "2024-06-14")
    assert roles(found, "ACCUSE") == [(["dmitri-peskov"], ["NATO"])]


def test_the_text_an_agreement_named_before_is_concluded_by_its_sides(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "Le 3 mars, Ankara a annoncé qu'elle se retirait de l'accord sur "
                             "le transit du gaz russe. Ce texte avait été conclu il y a deux ans "
                             "à Genève.", "2024-03-05")
    agreed = sorted((e.actors[0], e.targets[0]) for e in found if e.type == "AGREE")
    assert agreed == [("RUS", "TUR"), ("TUR", "RUS")]


def test_a_text_is_no_actor_of_what_it_provides_for_others(analyzer: Analyzer) -> None:
    found = events(analyzer, "Le G7 a pris un engagement envers l'Ukraine. Valable dix ans, "
                             "l'accord prévoit que Londres et Kiev se consultent en cas "
                             "d'agression.", "2024-01-12")
    assert not [e for e in found if e.type == "CONSULT" and "G7" in e.actors]


def test_a_speaker_found_by_title_alone_speaks_for_the_state_of_the_title(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "La porte-parole du ministère des Affaires étrangères russe a dit "
                             "que l'Occident est « directement impliqué » dans le conflit.",
                   "2024-09-06")
    assert roles(found, "ACCUSE") == [(["RUS"], ["WEST"])]


def test_elle_continues_the_woman_who_spoke_in_the_sentence_before(analyzer: Analyzer) -> None:
    found = events(analyzer, "« Ce serait une erreur », a prévenu mardi la cheffe de la "
                             "diplomatie de l'UE, Kaja Kallas, à l'issue d'un sommet de l'Otan. "
                             "Elle a critiqué Washington pour ses concessions.", "2025-02-13")
    assert (["kaja-kallas"], ["USA"]) in roles(found, "ACCUSE")  # not NATO, named after her


def test_a_title_and_a_name_read_as_two_subjects_name_the_person(analyzer: Analyzer) -> None:
    found = events(analyzer, "Lundi soir, le chancelier allemand Olaf Scholz a remercié la "
                             "Pologne pour son aide.", "2024-05-31")
    assert [a for a, _ in roles(found, "SUPPORT")] == [["olaf-scholz"]]


def test_a_person_in_apposition_to_a_long_title_acts_not_the_state_of_the_title(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "Le ministre allemand de la Défense, Boris Pistorius, a dénoncé "
                             "mardi les frappes russes.\n\nSon collègue polonais Radoslaw "
                             "Sikorski a lui aussi dénoncé ces frappes.", "2024-05-31")
    actors = [a for a, _ in roles(found, "ACCUSE")]
    assert ["boris-pistorius"] in actors and ["radoslaw-sikorski"] in actors


def test_two_subjects_joined_by_et_both_act(analyzer: Analyzer) -> None:
    found = events(analyzer, "C'est fait. MM. Xi et Poutine ont signé deux déclarations "
                             "communes.", "2023-03-21")
    assert (["xi-jinping"], ["vladimir-putin"]) in roles(found, "AGREE")


def test_a_refusal_reported_of_one_s_own_country_is_the_speaker_s(analyzer: Analyzer) -> None:
    found = events(analyzer, "Le chancelier Olaf Scholz a répété mardi que l'Allemagne "
                             "n'acceptera jamais un tel accord.", "2024-02-27")
    assert [a for a, _ in roles(found, "REJECT")] == [["olaf-scholz"]]  # not Germany
