"""The gold's settled conventions the extractor follows (docs/gold.md, "Conventions settled by
the adjudication"; docs/events.md, "Gold conventions the extractor follows"): every named party
of a meeting or of a joint signing gets its own record, a happening is recorded once per
article. Invented sentences."""

from __future__ import annotations

from filrouge.analyze.pipeline import Analyzer
from filrouge.model import Event

from .conftest import analyse_text


def events(analyzer: Analyzer, text: str, kind: str, published: str = "2024-03-14",
           ) -> list[Event]:
    return [e for e in analyse_text(analyzer, text, published).events if e.type == kind]


def roles(found: list[Event]) -> list[tuple[list[str], list[str]]]:
    return [(e.actors, e.targets) for e in found]


# --------------------------------------------------------------------------- meetings


def test_a_talk_between_two_people_is_each_one_s(analyzer: Analyzer) -> None:
    found = events(analyzer, "Emmanuel Macron s'est entretenu mardi avec Volodymyr Zelensky.",
                   "CONSULT")
    assert roles(found) == [(["emmanuel-macron"], ["volodymyr-zelensky"]),
                            (["volodymyr-zelensky"], ["emmanuel-macron"])]
    first, second = found
    assert (second.start, second.end, second.date) == (first.start, first.end, first.date)


def test_a_meeting_with_two_people_named_together_is_one_record_per_party(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "Volodymyr Zelensky s'est entretenu mardi avec Emmanuel Macron "
                             "et Olaf Scholz.", "CONSULT")
    assert sorted(map(str, roles(found))) == sorted(map(str, [
        (["volodymyr-zelensky"], ["emmanuel-macron"]),
        (["volodymyr-zelensky"], ["olaf-scholz"]),
        (["emmanuel-macron"], ["volodymyr-zelensky"]),
        (["olaf-scholz"], ["volodymyr-zelensky"]),
    ]))


def test_a_call_between_two_named_together(analyzer: Analyzer) -> None:
    found = events(analyzer, "Emmanuel Macron et Olaf Scholz se sont parlé au téléphone mardi.",
                   "CONSULT")
    assert roles(found) == [(["emmanuel-macron"], ["olaf-scholz"]),
                            (["olaf-scholz"], ["emmanuel-macron"])]


def test_a_meeting_noun_between_two_people(analyzer: Analyzer) -> None:
    found = events(analyzer, "L'appel téléphonique entre Donald Trump et Vladimir Poutine a "
                             "duré deux heures mardi.", "CONSULT")
    assert roles(found) == [(["donald-trump"], ["vladimir-putin"]),
                            (["vladimir-putin"], ["donald-trump"])]


def test_a_meeting_between_three_is_each_one_s_with_the_two_others(analyzer: Analyzer) -> None:
    found = events(analyzer, "La rencontre entre Emmanuel Macron, Olaf Scholz et Volodymyr "
                             "Zelensky a eu lieu mardi.", "CONSULT")
    people = ["emmanuel-macron", "olaf-scholz", "volodymyr-zelensky"]
    assert sorted(map(str, roles(found))) == sorted(
        str(([a], [b])) for a in people for b in people if a != b)


def test_sides_named_inside_the_subject_of_a_reciprocal_meeting(analyzer: Analyzer) -> None:
    found = events(analyzer, "Les hauts fonctionnaires de Kyiv et de Washington doivent se "
                             "rencontrer dans les 24 heures.", "CONSULT")
    assert roles(found) == [(["UKR"], ["USA"]), (["USA"], ["UKR"])]


def test_a_visit_is_the_visitor_s_only(analyzer: Analyzer) -> None:
    found = events(analyzer, "Emmanuel Macron s'est rendu mardi à Kiev.", "CONSULT")
    assert roles(found) == [(["emmanuel-macron"], ["UKR"])]


def test_a_person_received_by_another_meets_the_host(analyzer: Analyzer) -> None:
    found = events(analyzer, "Emmanuel Macron a reçu mardi Olaf Scholz à l'Élysée.", "CONSULT")
    assert roles(found) == [(["emmanuel-macron"], ["olaf-scholz"]),
                            (["olaf-scholz"], ["emmanuel-macron"])]


def test_a_guest_of_a_passive_reception_meets_the_host(analyzer: Analyzer) -> None:
    found = events(analyzer, "Le Premier ministre Keir Starmer a été reçu à Berlin par "
                             "Friedrich Merz.", "CONSULT")
    assert roles(found) == [(["friedrich-merz"], ["keir-starmer"]),
                            (["keir-starmer"], ["friedrich-merz"])]


def test_a_body_received_has_no_reverse(analyzer: Analyzer) -> None:
    found = events(analyzer, "Emmanuel Macron a reçu mardi une délégation de l'Otan.",
                   "CONSULT")
    assert roles(found) == [(["emmanuel-macron"], ["NATO"])]


def test_the_guest_a_participle_of_reception_hangs_on(analyzer: Analyzer) -> None:
    found = events(analyzer, "Le chancelier Olaf Scholz est arrivé mardi à l'Élysée, accueilli "
                             "sur le perron par Emmanuel Macron.", "CONSULT")
    assert (["emmanuel-macron"], ["olaf-scholz"]) in roles(found)
    assert (["olaf-scholz"], ["emmanuel-macron"]) not in roles(found)


def test_a_wish_to_meet_is_one_side_s(analyzer: Analyzer) -> None:
    found = events(analyzer, "Emmanuel Macron espère rencontrer rapidement Donald Trump.",
                   "CONSULT")
    assert roles(found) == [(["emmanuel-macron"], ["donald-trump"])]


def test_negotiations_led_by_one_state_have_no_reverse(analyzer: Analyzer) -> None:
    found = events(analyzer, "La Pologne négocie avec l'Ukraine un accord sur les céréales.",
                   "CONSULT")
    assert roles(found) == [(["POL"], ["UKR"])]


# --------------------------------------------------------------------------- signings


def test_co_signers_named_together_sign_with_each_other(analyzer: Analyzer) -> None:
    found = events(analyzer, "Emmanuel Macron et Olaf Scholz ont signé mardi un accord de "
                             "coopération.", "AGREE")
    assert roles(found) == [(["emmanuel-macron"], ["olaf-scholz"]),
                            (["olaf-scholz"], ["emmanuel-macron"])]


def test_signing_with_a_person_stays_that_person_one_way(analyzer: Analyzer) -> None:
    found = events(analyzer, "Olaf Scholz a signé mardi un accord avec Volodymyr Zelensky.",
                   "AGREE")
    assert roles(found) == [(["olaf-scholz"], ["volodymyr-zelensky"])]


def test_co_signers_with_a_third_party_target_the_third_party(analyzer: Analyzer) -> None:
    found = events(analyzer, "Giorgia Meloni et Justin Trudeau ont signé samedi des accords de "
                             "sécurité avec l'Ukraine.", "AGREE")
    assert roles(found) == [(["giorgia-meloni", "justin-trudeau"], ["UKR"])]


# --------------------------------------------------------------------------- once per article


def test_a_visit_told_again_by_a_noun_is_recorded_once(analyzer: Analyzer) -> None:
    found = events(analyzer, "Emmanuel Macron s'est rendu mardi à Kiev. Sa visite de mardi "
                             "à Kiev était la troisième depuis le début de la guerre.", "CONSULT")
    assert [(e.actors, e.targets, e.trigger.text) for e in found] == [
        (["emmanuel-macron"], ["UKR"], "rendu")]


def test_a_reverse_record_stands_for_the_later_telling_of_the_other_side(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "Joe Biden et Volodymyr Zelensky ont signé jeudi un accord.\n\n"
                             "« C'est le document le plus solide que nous ayons signé avec les "
                             "États-Unis », a déclaré jeudi Volodymyr Zelensky.", "AGREE",
                   "2024-06-14")
    assert roles(found) == [(["joe-biden"], ["volodymyr-zelensky"]),
                            (["volodymyr-zelensky"], ["joe-biden"])]


def test_two_different_acts_of_one_day_stay_two(analyzer: Analyzer) -> None:
    found = events(analyzer, "Les alliés se sont engagés mardi à augmenter leurs dépenses.\n\n"
                             "Les alliés ont aussi approuvé mardi de nouveaux plans de défense.",
                   "AGREE")
    assert len(found) == 2


# --------------------------------------------------------------------------- addressees


def test_two_addressees_named_together_give_two_records(analyzer: Analyzer) -> None:
    found = events(analyzer, "Volodymyr Zelensky a exhorté mardi les États-Unis et l'Union "
                             "européenne à livrer davantage de munitions.", "REQUEST")
    assert roles(found) == [(["volodymyr-zelensky"], ["USA"]), (["volodymyr-zelensky"], ["EU"])]


def test_two_people_thanked_together_are_each_supported(analyzer: Analyzer) -> None:
    found = events(analyzer, "Volodymyr Zelensky a remercié mardi Emmanuel Macron et Olaf "
                             "Scholz pour leur soutien.", "SUPPORT")
    assert roles(found) == [(["volodymyr-zelensky"], ["emmanuel-macron"]),
                            (["volodymyr-zelensky"], ["olaf-scholz"])]


def test_talking_about_someone_is_not_a_talk_with_them(analyzer: Analyzer) -> None:
    found = events(analyzer, "Emmanuel Macron a évoqué mardi Vladimir Poutine lors de son "
                             "discours.", "CONSULT")
    assert (["vladimir-putin"], ["emmanuel-macron"]) not in roles(found)
    found = events(analyzer, "Emmanuel Macron a évoqué mardi avec Vladimir Poutine la "
                             "situation en Ukraine.", "CONSULT")
    assert (["vladimir-putin"], ["emmanuel-macron"]) in roles(found)


# --------------------------------------------------------------------------- summits


def test_a_summit_named_with_its_body_is_the_body_s_meeting(analyzer: Analyzer) -> None:
    found = events(analyzer, "Le Brésil accueillera en novembre le sommet des Brics.", "CONSULT")
    assert (["BRICS"], []) in roles(found)


def test_a_summit_that_only_places_a_signing_is_no_meeting(analyzer: Analyzer) -> None:
    found = events(analyzer, "En marge du sommet du G7, le Japon et l'Ukraine ont signé jeudi "
                             "un accord de sécurité.", "CONSULT")
    assert found == []


def test_a_summit_as_a_deadline_is_no_meeting(analyzer: Analyzer) -> None:
    found = events(analyzer, "Kiev veut boucler ces négociations d'ici au sommet de l'Otan.",
                   "CONSULT")
    assert (["NATO"], []) not in roles(found)


def test_a_meeting_a_host_offers_to_receive_is_the_host_s_with_each_party(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "Emmanuel Macron a proposé mardi d'accueillir à Paris une "
                             "rencontre entre Olaf Scholz, Joe Biden et Rishi Sunak.", "CONSULT")
    pairs = {(a, t) for e in found for a in e.actors for t in e.targets}
    assert pairs == {("emmanuel-macron", "olaf-scholz"), ("emmanuel-macron", "joe-biden"),
                     ("emmanuel-macron", "rishi-sunak")}


def test_two_subjects_of_a_meeting_verb_meet_its_object_not_each_other(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "Olaf Scholz et Rishi Sunak ont rencontré Joe Biden mardi.",
                   "CONSULT")
    pairs = {(a, t) for e in found for a in e.actors for t in e.targets}
    assert ("olaf-scholz", "rishi-sunak") not in pairs
    assert ("rishi-sunak", "olaf-scholz") not in pairs


def test_two_subjects_joining_someone_unnamed_do_not_meet_each_other(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "Olaf Scholz et Rishi Sunak ont ensuite rejoint les deux "
                             "présidents dans la salle.", "CONSULT")
    assert found == []


def test_two_subjects_of_an_intransitive_talk_meet_each_other(analyzer: Analyzer) -> None:
    found = events(analyzer, "Olaf Scholz et Rishi Sunak ont discuté mardi.", "CONSULT")
    assert roles(found) == [(["olaf-scholz"], ["rishi-sunak"]),
                            (["rishi-sunak"], ["olaf-scholz"])]
