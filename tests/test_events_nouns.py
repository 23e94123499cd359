"""Events told by nouns and of the types AID, AGREE, MOBILIZE, COOPERATE, SANCTION: who acts,
towards whom, and the day (filrouge.analyze.events, filrouge.analyze.dating). Invented
sentences."""

from __future__ import annotations

from filrouge.analyze.pipeline import Analyzer
from filrouge.model import Event

from .conftest import analyse_text, one


def events(analyzer: Analyzer, text: str, published: str) -> list[Event]:
    return analyse_text(analyzer, text, published).events


# --------------------------------------------------------------------------- to whom


def test_sanctions_no_one_is_named_for_go_against_the_side_that_strikes(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "Washington a promis lundi une aide militaire à l'Ukraine. Les "
                             "frappes russes ont repris contre Kiev. Donald Trump s'est dit déçu "
                             "par Vladimir Poutine, sans annoncer de nouvelles sanctions.",
                   "2025-07-08")
    sanction = one(found, "SANCTION", "donald-trump")
    assert sanction.targets == ["RUS"] and sanction.negated  # not Ukraine, which is struck


def test_troops_sent_to_a_country_go_to_it_and_so_do_those_refused(analyzer: Analyzer) -> None:
    found = events(analyzer, "À Paris, le président français a réuni les dirigeants européens "
                             "à l'Élysée. Le chancelier a affirmé que des pays de l'Union "
                             "européenne pourraient envoyer des soldats en Ukraine. Il a précisé "
                             "que la Pologne, elle, n'en enverrait pas.", "2024-02-27")
    refused = one(found, "MOBILIZE", "POL")
    assert refused.targets == ["UKR"] and refused.negated  # not France, where it is said


def test_the_text_is_ratified_with_the_other_side_of_the_article_s_agreement(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "Les États-Unis et l'Ukraine ont signé mardi un accord sur les "
                             "terres rares, que Moscou et le Kremlin ont aussitôt critiqué. La "
                             "Russie dénonce un pillage, selon la diplomatie russe. Le parlement "
                             "ukrainien doit encore ratifier le texte.", "2025-05-01")
    ratified = one(found, "AGREE", "UKR", "ratifier")
    assert ratified.targets == ["USA"] and ratified.hypothetical  # not Russia


def test_a_comparable_text_signed_by_a_third_state_is_signed_with_the_recipient(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "Les États-Unis ont signé jeudi un accord de sécurité avec "
                             "l'Ukraine et promis une aide militaire à Kiev. Le Canada a signé "
                             "un texte comparable.", "2024-06-14")
    assert one(found, "AGREE", "CAN").targets == ["UKR"]  # Canada is no party to the first


def test_a_commitment_named_by_a_noun_is_made_to_someone(analyzer: Analyzer) -> None:
    found = events(analyzer, "Les Alliés ont promis 40 milliards d'euros d'aide à l'Ukraine. Le "
                             "chercheur rappelle l'engagement pris par l'Otan à Madrid.",
                   "2024-07-12")
    commitment = one(found, "AGREE", "NATO")
    assert commitment.targets == ["UKR"] and commitment.target_implicit


def test_working_with_someone_is_cooperation(analyzer: Analyzer) -> None:
    found = events(analyzer, "Le chancelier allemand travaillera avec Emmanuel Macron sur la "
                             "défense européenne.", "2025-05-07")
    assert [(e.type, e.targets) for e in found if e.type == "COOPERATE"] == [
        ("COOPERATE", ["emmanuel-macron"])]


def test_contributing_to_a_force_is_mobilising(analyzer: Analyzer) -> None:
    found = events(analyzer, "Le Danemark contribuera à une force déployée en Ukraine.",
                   "2025-09-05")
    assert one(found, "MOBILIZE", "DNK").hypothetical


def test_aid_for_a_state_goes_to_it_not_to_the_state_the_article_names_most(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "L'Ukraine attend toujours ses munitions. Kiev s'impatiente, et "
                             "l'Ukraine le dit. Les Vingt-Sept se sont entendus jeudi sur une "
                             "aide de 4 milliards d'euros pour la Moldavie. Le Japon a débloqué "
                             "vendredi une enveloppe de 300 millions de dollars pour Chisinau.",
                   "2024-03-08")
    assert one(found, "AID", "EU").targets == ["MDA"]
    assert one(found, "AID", "JPN").targets == ["MDA"]


# --------------------------------------------------------------------------- the day


def test_what_stays_blocked_is_undated(analyzer: Analyzer) -> None:
    found = events(analyzer, "Paris a confirmé que ses discussions avec Berlin étaient « très "
                             "avancées ».", "2024-03-02")
    assert [(e.type, e.date) for e in found] == [("CONSULT", None)]


def test_what_is_said_again_and_again_is_undated(analyzer: Analyzer) -> None:
    found = events(analyzer, "Le ministre russe répète que Moscou exige le retrait des troupes "
                             "ukrainiennes.", "2025-04-02")
    assert [e.date for e in found if e.type == "REQUEST" and "RUS" in e.actors] == [None]


def test_a_commitment_told_as_taken_before_is_undated(analyzer: Analyzer) -> None:
    found = events(analyzer, "La chercheuse analyse les engagements pris par l'Otan à Madrid.",
                   "2024-01-20")
    assert one(found, "AGREE", "NATO").date is None


def test_a_plan_without_a_day_is_dated_when_stated_not_by_the_lead(analyzer: Analyzer) -> None:
    found = events(analyzer, "Les États-Unis et l'Ukraine ont signé mercredi un accord sur les "
                             "terres rares, après des mois de négociations difficiles entre les "
                             "deux pays.\n\nLe parlement ukrainien doit encore ratifier le "
                             "texte, ce qui pourrait prendre quelques semaines.", "2025-05-01")
    assert one(found, "AGREE", "USA", "signé").date == "2025-04-30"  # the lead's Wednesday
    assert one(found, "AGREE", "UKR", "ratifier").date == "2025-05-01"  # to come: said today


def test_a_conditional_the_tagger_read_as_an_adjective_is_still_the_verb(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "Le président a annoncé que l'Allemagne et la Pologne piloteraient "
                             "une force de réassurance.", "2025-03-27")
    (mobilize,) = [e for e in found if e.type == "MOBILIZE"]
    assert mobilize.actors == ["DEU", "POL"] and mobilize.hypothetical


def test_aid_that_is_the_subject_is_given_by_the_nationality_it_bears(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "Cette visite intervient alors que l'aide britannique reste bloquée "
                             "à Londres.", "2024-01-12")
    assert [(e.type, e.actors, e.date) for e in found] == [("AID", ["GBR"], None)]  # ongoing


def test_an_aid_package_adopted_in_a_relative_clause_is_aid(analyzer: Analyzer) -> None:
    found = events(analyzer, "Le ministre a fait référence à l'enveloppe de 40 milliards de "
                             "dollars que le Congrès américain n'a pas encore adoptée.",
                   "2024-02-24")
    assert [(e.type, e.actors) for e in found] == [("AID", ["USA"])]


def test_troops_refused_go_where_the_article_deploys_troops(analyzer: Analyzer) -> None:
    found = events(analyzer, "À Paris, la France a réuni ses partenaires à l'Élysée, et Emmanuel "
                             "Macron a parlé avec la presse française. Les dirigeants ont discuté "
                             "d'un déploiement européen en Moldavie. L'Italie n'enverra pas de "
                             "troupes.", "2025-03-27")
    assert one(found, "MOBILIZE", "ITA").targets == ["MDA"]  # not France, the host


def test_days_inside_the_quoted_words_do_not_date_the_statement(analyzer: Analyzer) -> None:
    found = events(analyzer, "« L'Allemagne restera aux côtés de l'Ukraine, aujourd'hui comme "
                             "demain », a déclaré Olaf Scholz.", "2024-02-16")
    assert one(found, "SUPPORT", "olaf-scholz").date == "2024-02-16"  # not tomorrow


def test_joining_a_mission_or_a_coalition_is_cooperation(analyzer: Analyzer) -> None:
    found = events(analyzer, "Le ministre a assuré que la Suède participerait à la mission de "
                             "l'Otan en mer Baltique. La Pologne a rejoint la coalition des "
                             "drones avec la Lettonie.", "2024-07-12")
    assert [(e.type, e.actors, e.targets) for e in found if e.type == "COOPERATE"] == [
        ("COOPERATE", ["SWE"], ["NATO"]), ("COOPERATE", ["POL"], ["LVA"])]


def test_being_made_to_join_a_mission_joins_nothing(analyzer: Analyzer) -> None:
    found = events(analyzer, "Budapest a obtenu l'assurance que la Hongrie ne serait pas "
                             "contrainte de participer à la mission de l'Otan.", "2024-06-18")
    assert [e for e in found if e.type == "COOPERATE"] == []


# --------------------------------------------------------------------------- releases


def test_a_prisoner_exchange_carried_out_is_a_release_by_each_side(analyzer: Analyzer) -> None:
    found = events(analyzer, "L'Arménie et l'Azerbaïdjan ont procédé lundi à un échange de "
                             "prisonniers, le premier depuis un an.", "2024-03-05")
    assert sorted((e.type, e.actors, e.targets, e.date) for e in found) == [
        ("CONCEDE", ["ARM"], ["AZE"], "2024-03-04"), ("CONCEDE", ["AZE"], ["ARM"], "2024-03-04")]


# --------------------------------------------------------------------------- who acts


def test_troops_and_strikes_of_a_leader_are_his_state_s(analyzer: Analyzer) -> None:
    found = events(analyzer, "Le président finlandais Alexander Stubb a annoncé mardi l'envoi de "
                             "200 soldats en Estonie.", "2024-03-05")
    assert one(found, "MOBILIZE", "FIN").targets == ["EST"]
    assert not [e for e in found if "alexander-stubb" in e.actors and e.type == "MOBILIZE"]


def test_aid_of_several_states_listed_after_de_is_each_one_s(analyzer: Analyzer) -> None:
    found = events(analyzer, "Les inondations ont été contenues mardi avec l'aide de l'Autriche, "
                             "de la Hongrie et de la Slovénie.", "2024-09-17")
    assert sorted(a for e in found if e.type == "AID" for a in e.actors) == ["AUT", "HUN", "SVN"]


# --------------------------------------------------------------------------- sanctions


def test_a_package_of_sanctions_adopted_is_a_sanction_not_aid(analyzer: Analyzer) -> None:
    found = events(analyzer, "L'Union européenne a adopté mercredi un nouveau paquet de "
                             "sanctions contre la Biélorussie.", "2024-05-16")
    assert [(e.type, e.actors, e.targets) for e in found] == [("SANCTION", ["EU"], ["BLR"])]


def test_sanctions_announced_against_arms_makers_are_no_aid(analyzer: Analyzer) -> None:
    found = events(analyzer, "Pékin a annoncé lundi des sanctions contre trois fabricants "
                             "d'armement américains.", "2024-05-20")
    assert [e.type for e in found] == ["SANCTION"]


def test_jets_sent_to_protect_an_ally_are_a_deployment(analyzer: Analyzer) -> None:
    found = events(analyzer, "L'Espagne a annoncé mardi l'envoi de quatre avions de chasse pour "
                             "protéger le ciel de la Lituanie.", "2024-03-05")
    assert [e.type for e in found] == ["MOBILIZE"]


# --------------------------------------------------------------------------- commitments


def test_a_commitment_restating_aid_or_held_by_a_possessive_is_no_agreement(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "Ottawa a annoncé lundi la livraison de 500 drones à Kiev, un "
                             "engagement de 90 millions de dollars.", "2024-03-05")
    assert [e.type for e in found] == ["AID"]
    found = events(analyzer, "Le ministre a appelé les pays voisins à « respecter leurs "
                             "engagements ».", "2024-03-05")
    assert [e for e in found if e.type == "AGREE"] == []


def test_committing_to_develop_something_together_is_the_cooperation(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "L'Inde et le Brésil se sont engagés mardi à développer leurs "
                             "liaisons maritimes. Le Brésil développe seul un nouveau satellite.",
                   "2024-03-05")
    assert [e.type for e in found] == ["COOPERATE"]
    assert one(found, "COOPERATE", "IND").targets == ["BRA"]


# --------------------------------------------------------------------------- strikes


def test_a_strike_made_of_weapons_of_a_nationality_is_that_state_s(analyzer: Analyzer) -> None:
    found = events(analyzer, "Les autorités ont fermé l'aéroport après l'incursion de drones "
                             "russes dans l'espace aérien lituanien.", "2024-03-05")
    assert [(e.type, e.actors, e.targets) for e in found] == [("ASSAULT", ["RUS"], ["LTU"])]
    found = events(analyzer, "La frappe contre un dépôt de missiles iraniens a eu lieu mardi.",
                   "2024-03-05")
    assert not [e for e in found if "IRN" in e.actors]  # what is hit, not who strikes


def test_two_sides_listed_before_a_scattered_exchange_release_to_each_other(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "L'Arménie et l'Azerbaïdjan ont procédé lundi, après des mois de "
                             "tractations, à un échange de prisonniers.", "2024-04-17")
    assert sorted((e.type, e.actors[0], e.targets[0], e.date) for e in found) == [
        ("CONCEDE", "ARM", "AZE", "2024-04-15"), ("CONCEDE", "AZE", "ARM", "2024-04-15")]


# --------------------------------------------------------------------------- light verbs


def test_a_partitive_object_of_a_light_verb_is_the_subject_s_event(analyzer: Analyzer) -> None:
    found = events(analyzer, "Washington a annoncé jeudi de nouvelles sanctions contre Moscou.",
                   "2024-04-19")
    sanction = one(found, "SANCTION", "USA")
    assert sanction.targets == ["RUS"] and sanction.date == "2024-04-18"
    found = events(analyzer, "L'armée chinoise a lancé jeudi de vastes manœuvres autour de "
                             "Taïwan.", "2024-05-24")
    assert one(found, "MOBILIZE", "CHN").date == "2024-05-23"


def test_a_withdrawal_from_a_body_or_a_treaty_is_its_refusal(analyzer: Analyzer) -> None:
    found = events(analyzer, "Le Mali, le Burkina Faso et le Niger ont annoncé dimanche leur "
                             "retrait « sans délai » de la Cédéao.", "2024-01-29")
    left = one(found, "REJECT", "MLI")
    assert left.targets == ["ecowas"] and left.date == "2024-01-28"
    found = events(analyzer, "Le Kremlin a annoncé lundi le retrait des troupes russes de "
                             "Kherson.", "2024-01-29")
    assert [e.type for e in found] == ["RETREAT"]


# --------------------------------------------------------------------------- givers


def test_the_congress_and_the_house_vote_the_aid_of_the_united_states(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "La Chambre des représentants a adopté samedi une enveloppe de 61 "
                             "milliards de dollars pour l'Ukraine.", "2024-04-21")
    aid = one(found, "AID", "USA")
    assert aid.targets == ["UKR"] and aid.date == "2024-04-20"
    found = events(analyzer, "Kiev attend toujours les 61 milliards de dollars d'aide votés en "
                             "avril par le Congrès.", "2024-06-14")
    assert one(found, "AID", "USA").date is None  # a month, no day


def test_a_strike_condemned_with_another_deed_is_the_charge_s_object(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "Le ministre a condamné l'invasion et les frappes russes contre "
                             "Kiev.", "2024-03-05")
    assert not [e for e in found if e.type == "ASSAULT"]  # a charge, no strike of its own


def test_a_strike_in_a_region_of_a_state_hits_that_state(analyzer: Analyzer) -> None:
    found = events(analyzer, "Le Qatar et l'Égypte tentent une médiation entre les deux camps. "
                             "La guerre a été déclenchée par l'attaque sans précédent menée le 7 "
                             "octobre par le Hezbollah dans le nord d'Israël, qui a fait dix "
                             "morts.", "2023-11-05")
    strike = one(found, "ASSAULT", "hezbollah")
    assert strike.targets == ["ISR"] and strike.date == "2023-10-07"
