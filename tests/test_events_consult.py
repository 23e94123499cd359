"""CONSULT events: meetings, visits and calls, with whom they were held (docs/events.md)."""

from __future__ import annotations

from filrouge.analyze.pipeline import Analyzer
from filrouge.model import Event

from .conftest import analyse_text


def consults(analyzer: Analyzer, text: str, published: str = "2024-03-14") -> list[Event]:
    return [e for e in analyse_text(analyzer, text, published).events if e.type == "CONSULT"]


def roles(found: list[Event]) -> list[tuple[list[str], list[str]]]:
    return [(e.actors, e.targets) for e in found]


def first(found: list[Event]) -> tuple[list[str], list[str]]:
    """The record of the cue itself (a meeting's other side may follow: docs/gold.md)."""
    assert found
    return found[0].actors, found[0].targets[:1]


# --------------------------------------------------------------------------- whom one meets


def test_the_name_beside_a_counterpart_is_the_one_met(analyzer: Analyzer) -> None:
    found = consults(analyzer, "Volodymyr Zelensky a rencontré mardi son homologue polonais "
                               "Andrzej Duda.")
    assert first(found) == (["volodymyr-zelensky"], ["andrzej-duda"])


def test_the_one_met_after_a_place_the_parser_hung_it_on(analyzer: Analyzer) -> None:
    found = consults(analyzer, "Marco Rubio a rencontré mardi à Riyad son homologue russe "
                               "Sergueï Lavrov.")
    assert first(found) == (["marco-rubio"], ["sergei-lavrov"])


def test_the_name_beside_a_counterpart_after_avec_is_the_one_met(analyzer: Analyzer) -> None:
    found = consults(analyzer, "Andrii Sybiha doit s'entretenir jeudi avec son homologue "
                               "Jean-Noël Barrot.")
    assert first(found) == (["andrii-sybiha"], ["jean-noel-barrot"])


def test_a_counterpart_named_only_by_nationality_is_the_state(analyzer: Analyzer) -> None:
    found = consults(analyzer, "Le président américain s'est entretenu mardi avec son "
                               "homologue chinois.")
    assert [e.targets for e in found] == [["CHN"]]


def test_a_call_held_with_someone_on_the_telephone(analyzer: Analyzer) -> None:
    event = consults(analyzer, "Olaf Scholz s'est entretenu mardi au téléphone avec "
                               "Volodymyr Zelensky.")[0]
    assert (event.actors, event.targets, event.mode) == (
        ["olaf-scholz"], ["volodymyr-zelensky"], "phone")


def test_a_participle_the_tagger_read_as_a_noun(analyzer: Analyzer) -> None:
    event = consults(analyzer, "Donald Trump a téléphoné mardi à Vladimir Poutine.")[0]
    assert (event.actors, event.targets, event.mode) == (
        ["donald-trump"], ["vladimir-putin"], "phone")


# --------------------------------------------------------------------------- hosts


def test_the_host_of_a_passive_reception_receives_its_subject(analyzer: Analyzer) -> None:
    found = consults(analyzer, "Volodymyr Zelensky a été reçu mardi à la Maison Blanche par "
                               "Donald Trump.")
    assert first(found) == (["donald-trump"], ["volodymyr-zelensky"])


def test_receiving_a_counterpart_unnamed(analyzer: Analyzer) -> None:
    found = consults(analyzer, "Donald Trump a reçu mardi son homologue ukrainien à la Maison "
                               "Blanche.")
    assert roles(found) == [(["donald-trump"], ["UKR"])]


def test_the_host_of_a_meeting_between_others_meets_them(analyzer: Analyzer) -> None:
    found = consults(analyzer, "Recep Tayyip Erdogan a proposé d'accueillir une rencontre "
                               "entre Joe Biden et Vladimir Poutine.")
    hosts = [e for e in found if e.actors == ["recep-tayyip-erdogan"]]
    assert hosts and hosts[0].targets[:1] == ["joe-biden"]


def test_attending_a_bodys_meeting_meets_the_body(analyzer: Analyzer) -> None:
    found = consults(analyzer, "Volodymyr Zelensky participe mardi au sommet du G7.")
    assert roles(found) == [(["volodymyr-zelensky"], ["G7"])]


# --------------------------------------------------------------------------- nouns


def test_two_subjects_having_talks_meet_each_other(analyzer: Analyzer) -> None:
    found = consults(analyzer, "Marco Rubio et Sergueï Lavrov ont eu mardi des discussions "
                               "à Riyad.")
    assert first(found) == (["marco-rubio"], ["sergei-lavrov"])


def test_an_exchange_with_someone_is_a_meeting_not_a_swap(analyzer: Analyzer) -> None:
    found = consults(analyzer, "Emmanuel Macron a eu mardi un échange avec Volodymyr "
                               "Zelensky.")
    assert first(found) == (["emmanuel-macron"], ["volodymyr-zelensky"])


def test_a_phone_call_had_with_someone(analyzer: Analyzer) -> None:
    event = consults(analyzer, "Volodymyr Zelensky a eu mardi un appel téléphonique avec "
                               "Joe Biden.")[0]
    assert (event.actors, event.targets, event.mode) == (
        ["volodymyr-zelensky"], ["joe-biden"], "phone")


def test_the_occasion_of_a_statement_is_its_subjects_meeting(analyzer: Analyzer) -> None:
    found = consults(analyzer, "Lors d'un appel téléphonique avec Joe Biden, Volodymyr "
                               "Zelensky a demandé des missiles.")
    assert first(found) == (["volodymyr-zelensky"], ["joe-biden"])
    found = consults(analyzer, "Lors d'un déplacement à Kiev mardi, Olaf Scholz a promis "
                               "des chars.")
    assert roles(found) == [(["olaf-scholz"], ["UKR"])]


def test_a_meeting_without_a_counterpart_is_no_occasion(analyzer: Analyzer) -> None:
    assert consults(analyzer, "Lors de la réunion, Emmanuel Macron a accusé la Russie de "
                              "mentir.") == []


def test_a_press_conference_is_where_it_is_said(analyzer: Analyzer) -> None:
    assert consults(analyzer, "Olaf Scholz a déclaré lors d'une conférence de presse commune "
                              "avec Joe Biden que l'aide continuerait.") == []


# --------------------------------------------------------------------------- visits


def test_joining_states_in_what_they_did_is_no_visit(analyzer: Analyzer) -> None:
    assert consults(analyzer, "L'Italie a signé samedi un accord avec l'Ukraine, rejoignant "
                              "le Royaume-Uni, l'Allemagne et la France.") == []
    found = consults(analyzer, "Volodymyr Zelensky doit rejoindre Paris vendredi.")
    assert roles(found) == [(["volodymyr-zelensky"], ["FRA"])]


def test_a_visitor_named_beside_a_nationality_read_as_the_head(analyzer: Analyzer) -> None:
    found = consults(analyzer, "15h02 — Le chancelier allemand Olaf Scholz est arrivé à "
                               "l'Élysée.", published="2024-02-26")
    assert roles(found) == [(["olaf-scholz"], ["FRA"])]


def test_a_visit_hung_on_a_place_by_ou(analyzer: Analyzer) -> None:
    found = consults(analyzer, "Roustem Oumerov est apprécié à Washington, où il s'est rendu "
                               "à plusieurs reprises.")
    assert roles(found) == [(["rustem-umerov"], ["USA"])]


# --------------------------------------------------------------------------- summits


def test_a_summit_is_a_meeting_only_as_an_occasion(analyzer: Analyzer) -> None:
    found = consults(analyzer, "Lors du sommet de l'Otan à Vilnius, les Alliés ont promis des "
                               "armes.")
    assert roles(found) == [(["NATO"], [])]
    assert consults(analyzer, "Les Alliés espèrent un accord d'ici au sommet de l'Otan de "
                              "juillet.") == []


def test_attending_the_meeting_named_before_meets_its_body(analyzer: Analyzer) -> None:
    found = consults(analyzer, "Emmanuel Macron a parlé jeudi au terme du sommet de la "
                               "coalition des volontaires. L'émissaire Steve Witkoff assistait "
                               "à la réunion.")
    assert (["steve-witkoff"], ["COALITION_OF_THE_WILLING"]) in roles(found)


def test_a_group_received_or_met_stands_for_its_body_or_state(analyzer: Analyzer) -> None:
    found = consults(analyzer, "Joe Biden s'est entretenu mardi avec ses homologues du G7.")
    assert roles(found) == [(["joe-biden"], ["G7"])]
    found = consults(analyzer, "Volodymyr Zelensky a reçu mardi une délégation de sénateurs "
                               "américains.")
    assert roles(found) == [(["volodymyr-zelensky"], ["USA"])]


def test_one_received_or_expected_somewhere_visits_it(analyzer: Analyzer) -> None:
    found = consults(analyzer, "Volodymyr Zelensky a été reçu mardi à l'Élysée.")
    assert [(e.actors, e.targets, e.mode) for e in found] == [
        (["volodymyr-zelensky"], ["FRA"], "visit")]
    found = consults(analyzer, "Emmanuel Macron est attendu jeudi à Kiev.")
    assert roles(found) == [(["emmanuel-macron"], ["UKR"])]
    assert consults(analyzer, "Une décision est attendue jeudi à Bruxelles.") == []


def test_coming_and_going_to_a_place_is_a_visit(analyzer: Analyzer) -> None:
    found = consults(analyzer, "Volodymyr Zelensky est revenu mardi à Washington.")
    assert roles(found) == [(["volodymyr-zelensky"], ["USA"])]
    assert consults(analyzer, "Le Kremlin est revenu sur sa décision.") == []
    assert consults(analyzer, "L'ancien diplomate Bernard Aumont revient sur les engagements "
                              "pris envers Kiev.") == []
    assert consults(analyzer, "Les États-Unis vont venir en aide à l'Ukraine.") == []


def test_a_visit_and_the_meeting_held_there_are_two(analyzer: Analyzer) -> None:
    found = consults(analyzer, "Lors de son séjour à Pékin, Emmanuel Macron a rencontré Xi "
                               "Jinping.")
    assert (["emmanuel-macron"], ["CHN"]) in roles(found)
    assert (["emmanuel-macron"], ["xi-jinping"]) in roles(found)


def test_seeing_each_other_is_meeting_but_not_being_refused(analyzer: Analyzer) -> None:
    found = consults(analyzer, "Emmanuel Macron et Olaf Scholz se sont vus mardi à Berlin.")
    assert first(found) == (["emmanuel-macron"], ["olaf-scholz"])
    assert consults(analyzer, "Volodymyr Zelensky s'est vu refuser l'adhésion à l'Otan.") == []


def test_talks_attended_with_someone(analyzer: Analyzer) -> None:
    found = consults(analyzer, "Le Kremlin a participé mardi à des pourparlers avec l'Ukraine "
                               "à Istanbul.")
    assert first(found) == (["KREMLIN"], ["UKR"])


def test_attending_a_meeting_of_a_named_body(analyzer: Analyzer) -> None:
    found = consults(analyzer, "Volodymyr Zelensky a annoncé sa participation au sommet de "
                               "l'Otan.")
    assert roles(found) == [(["volodymyr-zelensky"], ["NATO"])]


def test_the_names_before_a_reciprocal_verb_meet(analyzer: Analyzer) -> None:
    found = consults(analyzer, "L'accord prévoit que Londres et Kiev se consultent dans les 24 "
                               "heures en cas de nouvelle agression russe.",
                     published="2024-01-12")
    assert first(found) == (["GBR"], ["UKR"])


def test_an_appearance_at_the_contact_groups_meeting(analyzer: Analyzer) -> None:
    found = consults(analyzer, "Volodymyr Zelensky a fait vendredi une rare apparition à la "
                               "réunion du groupe de contact pour la défense de l'Ukraine.")
    assert roles(found) == [(["volodymyr-zelensky"], ["UDCG"])]  # the meeting is not another


def test_one_in_whose_presence_a_meeting_is_held_attends_it(analyzer: Analyzer) -> None:
    found = consults(analyzer, "Les travaux reprennent mercredi avec la première réunion du "
                               "Conseil Otan-Ukraine, en présence de M. Zelensky.")
    assert (["volodymyr-zelensky"], ["NATO"]) in roles(found)
    assert consults(analyzer, "La présence de soldats français en Ukraine inquiète Moscou.") == []


# --------------------------------------------------------------------------- planned days


def test_a_meeting_planned_for_the_weekday_of_the_paper_is_that_day(analyzer: Analyzer) -> None:
    # published on a Sunday: "dimanche soir" is that evening, not a week later
    found = consults(analyzer, "Le Conseil de sécurité de l'ONU se réunira en urgence dimanche "
                               "soir à New York.", published="2024-03-17")
    assert [(e.actors, e.date, e.hypothetical) for e in found] == [
        (["UN_SECURITY_COUNCIL"], "2024-03-17", True)]


# --------------------------------------------------------------------------- companions


def test_a_companion_named_en_presence_de_meets_both_parties(analyzer: Analyzer) -> None:
    found = roles(consults(analyzer, "Mercredi, Andrzej Duda a été reçu à l'Élysée par "
                                     "Emmanuel Macron, en présence du chancelier Olaf Scholz."))
    for pair in [("olaf-scholz", "andrzej-duda"), ("andrzej-duda", "olaf-scholz"),
                 ("olaf-scholz", "emmanuel-macron"), ("emmanuel-macron", "olaf-scholz")]:
        assert ([pair[0]], [pair[1]]) in found


def test_a_companion_of_one_side_meets_the_other_side_only(analyzer: Analyzer) -> None:
    found = roles(consults(analyzer, "Antony Blinken, accompagné de Lloyd Austin, a rencontré "
                                     "Volodymyr Zelensky lundi à Kiev."))
    assert (["lloyd-austin"], ["volodymyr-zelensky"]) in found
    assert (["volodymyr-zelensky"], ["lloyd-austin"]) in found
    assert (["lloyd-austin"], ["antony-blinken"]) not in found


def test_a_country_beside_a_meeting_is_no_companion(analyzer: Analyzer) -> None:
    found = roles(consults(analyzer, "Emmanuel Macron a reçu mardi Volodymyr Zelensky, "
                                     "promettant de rester aux côtés de l'Ukraine."))
    assert all(actors[0] in {"emmanuel-macron", "volodymyr-zelensky"} for actors, _ in found)


# --------------------------------------------------------------------------- whom one talks with


def test_the_name_beside_a_title_after_avec_is_the_one_met(analyzer: Analyzer) -> None:
    # "avec le président américain Joe Biden": the person, not his state
    found = roles(consults(analyzer, "Mohamed Bazoum s'est entretenu dimanche avec le président "
                                     "américain Joe Biden."))
    assert (["mohamed-bazoum"], ["joe-biden"]) in found
    assert (["joe-biden"], ["mohamed-bazoum"]) in found


def test_avec_hung_on_when_or_where_the_talk_was_held_is_the_one_met(analyzer: Analyzer) -> None:
    for text in ["Iouri Ouchakov devait s'entretenir dans la journée avec Mike Waltz.",
                 "Iouri Ouchakov s'est entretenu en marge avec Mike Waltz."]:
        found = roles(consults(analyzer, text))
        assert (["yuri-ushakov"], ["mike-waltz"]) in found, text
        assert (["mike-waltz"], ["yuri-ushakov"]) in found, text


# --------------------------------------------------------------------------- hosts and guests


def test_a_host_receiving_a_visitor_named_by_a_pronoun_receives_the_visitor(
    analyzer: Analyzer,
) -> None:
    for text in ["Volodymyr Zelensky s'est rendu au Pentagone, où Lloyd Austin l'a reçu.",
                 "Volodymyr Zelensky s'est rendu à Rome, où il a été reçu par Giorgia Meloni.",
                 "Volodymyr Zelensky s'est rendu à Rome, où il devait être reçu par la "
                 "présidente du Conseil italien, Giorgia Meloni."]:
        found = roles(consults(analyzer, text))
        host = "lloyd-austin" if "Austin" in text else "giorgia-meloni"
        assert ([host], ["volodymyr-zelensky"]) in found, text
        assert (["volodymyr-zelensky"], [host]) not in found, text  # the visit is his record


def test_two_names_before_a_reciprocal_verb_meet_each_other(analyzer: Analyzer) -> None:
    found = roles(consults(analyzer, "L'accord prévoit que Londres et Kiev se consultent dans "
                                     "les 24 heures en cas de nouvelle agression russe."))
    assert (["GBR"], ["UKR"]) in found
    assert (["UKR"], ["GBR"]) in found


# --------------------------------------------------------------------------- opening participles


def test_a_sentence_opening_on_reunis_tells_the_meeting_of_its_subject(analyzer: Analyzer) -> None:
    found = roles(consults(analyzer, "Réunis samedi en marge du G20 de Johannesburg, Emmanuel "
                                     "Macron, Keir Starmer et Friedrich Merz ont estimé que le "
                                     "plan était une base."))
    for a, b in [("emmanuel-macron", "keir-starmer"), ("keir-starmer", "friedrich-merz"),
                 ("friedrich-merz", "emmanuel-macron"), ("keir-starmer", "emmanuel-macron")]:
        assert ([a], [b]) in found
    assert len(found) == 6


def test_a_body_reunie_at_the_opening_holds_its_meeting(analyzer: Analyzer) -> None:
    found = consults(analyzer, "Réunis au World Forum de La Haye, les dirigeants de l'Alliance "
                               "ont adopté un objectif de 5 %.", published="2025-06-25")
    assert [(e.actors, e.targets, e.date) for e in found] == [(["NATO"], [], "2025-06-25")]


def test_a_host_receiving_the_person_named_before_meets_them_both_ways(analyzer: Analyzer) -> None:
    found = roles(consults(analyzer, "Viktor Orban est arrivé vendredi à Moscou pour une visite "
                                     "surprise. Vladimir Poutine l'a accueilli au Kremlin "
                                     "pendant plus de deux heures."))
    assert (["vladimir-putin"], ["viktor-orban"]) in found
    assert (["viktor-orban"], ["vladimir-putin"]) in found


def test_one_a_meeting_is_held_without_is_not_met(analyzer: Analyzer) -> None:
    found = roles(consults(analyzer, "Mercredi, le groupe de contact sur la défense de l'Ukraine "
                                     "s'est réuni sans le secrétaire américain à la Défense."))
    assert found == [(["UDCG"], [])]


def test_each_party_named_with_avec_meets_the_subject_back(analyzer: Analyzer) -> None:
    found = roles(consults(analyzer, "Selon un diplomate européen, M. Orban a cédé au terme "
                                     "d'une réunion matinale avec le président français "
                                     "Emmanuel Macron, le chancelier allemand Olaf Scholz et la "
                                     "cheffe du gouvernement italien Giorgia Meloni."))
    assert (["emmanuel-macron"], ["viktor-orban"]) in found
    assert (["olaf-scholz"], ["viktor-orban"]) in found
