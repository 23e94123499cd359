"""Whom an event is addressed to when the sentence does not say it in so many words, and the
day of events the sentence does not date (filrouge.analyze.events, filrouge.analyze.dating)."""

from __future__ import annotations

from filrouge.analyze.pipeline import Analyzer
from filrouge.model import Event

from .conftest import analyse_text, one


def events(analyzer: Analyzer, text: str, published: str) -> list[Event]:
    return analyse_text(analyzer, text, published).events


# --------------------------------------------------------------------------- to whom


def test_praise_without_a_named_addressee_goes_to_the_last_actor_of_the_paragraph_before(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "Joe Biden a promis mardi cinq systèmes de défense antiaérienne "
                             "à Kiev.\n\n« C'est un accord historique », a salué le dirigeant "
                             "ukrainien.", "2024-07-12")
    support = one(found, "SUPPORT", "UKR")  # the Ukrainian leader is never named
    assert support.targets[:1] == ["joe-biden"] and support.target_implicit


def test_a_place_is_no_counterpart(analyzer: Analyzer) -> None:
    found = events(analyzer, "Depuis le Portugal, Emmanuel Macron a dénoncé des propos "
                             "« inacceptables ».", "2025-02-28")
    assert one(found, "ACCUSE", "emmanuel-macron").targets == []


def test_a_refusal_in_a_clause_addresses_the_actor_of_its_sentence(analyzer: Analyzer) -> None:
    found = events(analyzer, "Les 32 pays membres de l'Otan se sont engagés mercredi à porter "
                             "leurs dépenses de défense à 5 %, même si l'Espagne a refusé de "
                             "s'y plier.", "2025-06-25")
    assert one(found, "REJECT", "ESP").targets == ["NATO"]


def test_people_met_named_by_their_nationality_stand_for_their_state(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "Le chef de la diplomatie américaine, Marco Rubio, doit "
                             "rencontrer la semaine prochaine des responsables russes.",
                   "2025-02-15")
    assert one(found, "CONSULT", "marco-rubio").targets == ["RUS"]


def test_unaddressed_aid_goes_to_the_article_s_main_state_but_not_to_its_aggressor(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "La Russie a frappé Kiev. Moscou a menacé les Européens. Moscou a "
                             "dénoncé une provocation.\n\nWashington fournira un soutien en "
                             "matière de renseignement.", "2025-09-06")
    aid = one(found, "AID", "USA")
    assert aid.targets == ["UKR"] and aid.target_implicit


# --------------------------------------------------------------------------- which day


def test_an_article_of_the_next_day_tells_its_undated_events_on_the_lead_s_day(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "RIYAD — Les responsables américains et russes ont convenu mardi "
                             "de travailler ensemble sur la fin de la guerre.\n\nLes États-Unis "
                             "et la Russie ont signé un accord.\n\nLa Russie signera un accord "
                             "avec l'Ukraine.", "2025-02-19")
    agreements = [e for e in found if e.type == "AGREE"]
    assert [(e.actors, e.date) for e in agreements] == [
        (["USA"], "2025-02-18"), (["RUS"], "2025-02-18"),  # each party's record
        (["USA"], "2025-02-18"), (["RUS"], "2025-02-18"),
        (["RUS"], "2025-02-19"),  # the future is not the lead's day
    ]


def test_a_byline_s_date_is_not_the_lead_s_day(analyzer: Analyzer) -> None:
    found = events(analyzer, "Par Jean Martin · 14 juin 2024\n\nLe Japon et l'Ukraine ont signé "
                             "jeudi, en marge du sommet du G7, un accord de sécurité.\n\n"
                             "L'Allemagne a signé un texte comparable avec l'Ukraine.",
                   "2024-06-14")
    assert one(found, "AGREE", "DEU").date == "2024-06-13"


def test_what_has_no_single_day_is_undated(analyzer: Analyzer) -> None:
    found = events(analyzer, "Depuis, les frappes russes se sont multipliées contre Odessa."
                             "\n\nDès mars, Sergueï Lavrov avait averti que les soldats européens "
                             "seraient une « cible légitime ».\n\nMoscou a frappé Kiev, qui avait "
                             "déjà été visée en mars.", "2023-07-24")
    assert [(e.type, e.date) for e in found] == [
        ("ASSAULT", None), ("THREATEN", None),
        ("ASSAULT", "2023-07-24"),  # "en mars" dates the relative clause, not the strike
    ]


def test_le_meme_jour_is_the_day_told_before(analyzer: Analyzer) -> None:
    found = events(analyzer, "Le Japon a signé jeudi un accord avec l'Ukraine.\n\nL'Allemagne a "
                             "signé un texte comparable le même jour.", "2024-06-15")
    assert one(found, "AGREE", "DEU").date == "2024-06-13"


def test_an_ongoing_demand_is_undated_even_beside_a_dated_event(analyzer: Analyzer) -> None:
    found = events(analyzer, "Les 32 pays membres de l'Otan se sont engagés mercredi à porter "
                             "leurs dépenses de défense à 5 %, une hausse exigée depuis des mois "
                             "par Donald Trump.\n\nDepuis plus de trois ans, le Kremlin exige que "
                             "toute architecture de sécurité tienne compte de ses préoccupations.",
                   "2025-06-26")
    assert [(e.type, e.actors, e.date) for e in found] == [
        ("AGREE", ["NATO"], "2025-06-25"),  # "mercredi" is the commitment's own day
        ("REQUEST", ["donald-trump"], None), ("REQUEST", ["KREMLIN"], None),
    ]


def test_signing_a_text_with_no_counterpart_named_signs_it_with_the_article_s_main_state(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "Giorgia Meloni a promis une aide militaire à l'Ukraine. Le "
                             "Danemark a signé un accord comparable.\n\nLes membres de l'Alliance "
                             "se sont engagés à consacrer 2 % de leur PIB à la défense.",
                   "2024-02-24")
    signed = one(found, "AGREE", "DNK")
    assert signed.targets == ["UKR"] and signed.target_implicit
    assert one(found, "AGREE", "NATO").targets == []  # a commitment, no text signed with anyone


def test_support_in_words_addresses_the_nationality_it_names(analyzer: Analyzer) -> None:
    found = events(analyzer, "Le Premier ministre polonais, Donald Tusk, a écrit sur X : « Chers "
                             "amis ukrainiens, vous n'êtes pas seuls. »", "2025-02-28")
    assert one(found, "SUPPORT", "donald-tusk").targets == ["UKR"]


def test_a_refusal_addresses_the_nationality_its_sentence_names(analyzer: Analyzer) -> None:
    found = events(analyzer, "Le 17 juillet, Moscou a annoncé qu'elle se retirait de l'accord sur "
                             "l'exportation des céréales ukrainiennes.", "2023-07-24")
    assert one(found, "REJECT", "RUS").targets == ["UKR"]


def test_what_is_repeated_is_undated(analyzer: Analyzer) -> None:
    found = events(analyzer, "Berlin refuse toujours de livrer des missiles Taurus, malgré les "
                             "demandes répétées de Kiev.", "2024-02-16")
    assert [(e.type, e.date) for e in found if e.type == "REQUEST"] == [("REQUEST", None)]
    # "refuse toujours": a standing refusal, undated as the gold has it (docs/events.md, phase B)
    assert [e.date for e in found if "DEU" in e.actors] == [None]


def test_an_event_named_days_before_the_clause_s_day_is_shifted(analyzer: Analyzer) -> None:
    found = events(analyzer, "Volodymyr Zelensky a prévenu samedi qu'il n'accepterait aucun "
                             "accord, trois jours après l'appel téléphonique entre Donald Trump "
                             "et Vladimir Poutine.", "2025-02-15")
    assert one(found, "CONSULT", "donald-trump").date == "2025-02-12"


def test_support_said_of_aid_goes_where_the_article_s_aid_goes(analyzer: Analyzer) -> None:
    found = events(analyzer, "Les Alliés ont promis 40 milliards d'euros d'aide à l'Ukraine, a "
                             "rappelé Joe Biden mardi.\n\nKeir Starmer a assuré que le soutien de "
                             "Londres resterait « inébranlable ».", "2024-07-12")
    assert one(found, "SUPPORT", "keir-starmer").targets == ["UKR"]  # not Joe Biden


def test_thanks_make_no_recipient_of_the_article_s_aid(analyzer: Analyzer) -> None:
    found = events(analyzer, "Le président ukrainien a remercié le Qatar pour sa médiation.\n\n"
                             "L'Ukraine a été frappée par des drones russes. Les Pays-Bas ont "
                             "annoncé mardi un nouveau paquet d'aide militaire.", "2024-06-25")
    aid = one(found, "AID", "NLD")
    assert aid.targets == ["UKR"] and aid.target_implicit  # not Qatar, thanked


def test_a_threat_naming_no_addressee_has_no_target(analyzer: Analyzer) -> None:
    found = events(analyzer, "Le Danemark a livré ses premiers avions de combat à Kiev.\n\n"
                             "Le Kremlin a prévenu que ces avions « brûleraient » comme les "
                             "autres.", "2024-08-01")
    assert one(found, "THREATEN", "KREMLIN").targets == []  # convention 8: not Denmark


def test_a_co_subject_or_the_body_of_a_title_is_no_addressee(analyzer: Analyzer) -> None:
    found = events(analyzer, "Le directeur général de l'AIEA, Rafael Grossi, a appelé mardi à "
                             "la plus grande prudence.", "2024-08-08")
    assert one(found, "REQUEST", "rafael-grossi").targets == []  # his agency, not addressed


def test_praise_of_an_unattributed_decision_goes_to_whoever_took_it(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "Les Pays-Bas ont annoncé mardi la livraison de chars à l'Ukraine, "
                             "a rappelé le Kremlin.\n\nVolodymyr Zelensky a salué mercredi une "
                             "décision « courageuse ».", "2024-03-06")
    support = one(found, "SUPPORT", "volodymyr-zelensky")
    assert support.targets == ["NLD"] and support.target_implicit  # not the Kremlin


def test_an_addressee_named_but_unknown_is_not_replaced_by_another_actor(
        analyzer: Analyzer) -> None:
    text = ("Le Cameroun accueille le sommet. La République dominicaine reproche à la "
            "Francophonie l'excès de son volet historique.")
    (accuse,) = [e for e in events(analyzer, text, "2024-02-16") if e.type == "ACCUSE"]
    assert (accuse.actors, accuse.targets) == (["DOM"], [])


def test_a_dismissal_of_these_texts_is_aimed_at_the_authors_of_the_article_s_act(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "Le Premier ministre britannique Rishi Sunak a signé vendredi à "
                             "Kiev un accord de sécurité avec l'Ukraine.\n\nLe porte-parole du "
                             "Kremlin, Dmitri Peskov, a déclaré que ces engagements bilatéraux "
                             "« ne changeront rien » sur le terrain.", "2024-01-12")
    (refusal,) = [e for e in found if e.type == "REJECT"]
    assert refusal.targets == ["GBR"] and refusal.target_implicit


def test_a_request_addresses_only_whom_its_own_complements_name(analyzer: Analyzer) -> None:
    found = events(analyzer, "Roustem Oumerov, le ministre ukrainien de la Défense, a réclamé "
                             "mercredi davantage de systèmes Patriot et de munitions, alors que "
                             "la Russie a encore frappé jeudi les infrastructures énergétiques "
                             "du pays.", "2025-02-13")
    assert one(found, "REQUEST", "rustem-umerov").targets == []


def test_a_request_addresses_the_state_its_object_names_by_an_adjective(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "Sergueï Lavrov a répété que Moscou exige une « neutralité » "
                             "ukrainienne.", "2025-09-06")
    (request,) = [e for e in found if e.type == "REQUEST"]
    assert request.targets == ["UKR"]


def test_a_speaker_quoted_beside_is_not_whom_a_charge_is_aimed_at(analyzer: Analyzer) -> None:
    found = events(analyzer, "La Russie a annoncé lundi qu'elle se retirait de l'accord sur les "
                             "céréales.\n\nLe secrétaire d'État américain Antony Blinken a "
                             "qualifié la décision d'« inadmissible », tandis que le chef de la "
                             "diplomatie européenne, Josep Borrell, a dénoncé un « geste "
                             "cynique » et appelé Moscou à revenir sur sa décision.",
                   "2023-07-17")
    assert one(found, "ACCUSE", "josep-borrell").targets == ["RUS"]


def test_two_addressees_joined_by_et_are_both_targets_whatever_the_parse(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "Le porte-parole de la présidence russe, Dmitri Peskov, a accusé "
                             "Berlin et Washington de « jeter de l'huile sur le feu ».",
                   "2024-05-31")
    assert one(found, "ACCUSE", "dmitri-peskov").targets == ["DEU", "USA"]


def test_a_truce_accepted_with_no_one_named_is_agreed_with_the_other_side(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "La Russie a frappé Kiev dans la nuit. Les drones russes ont "
                             "touché Odessa.\n\nKiev a accepté mardi un cessez-le-feu de trente "
                             "jours.", "2025-03-11")
    assert one(found, "AGREE", "UKR").targets == ["RUS"]


def test_an_attack_condemned_with_no_doer_named_is_charged_to_the_side_that_strikes(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "La Russie a frappé Kherson dans la nuit. Des drones russes ont "
                             "touché Odessa.\n\nLe secrétaire général de l'ONU, Antonio Guterres, "
                             "s'est rendu sur place.\n\nLe président du Conseil européen Charles "
                             "Michel a condamné une attaque contre une infrastructure civile.",
                   "2023-06-06")
    assert one(found, "ACCUSE", "charles-michel").targets == ["RUS"]
