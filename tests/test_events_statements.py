"""What statements do, who acts when the parse is weak, and the counterpart of an address."""

from __future__ import annotations

from filrouge.analyze.events import statement_readings
from filrouge.analyze.pipeline import Analyzer
from filrouge.model import Event

from .conftest import analyse_text


def events(analyzer: Analyzer, text: str, published: str = "2024-03-05") -> list[Event]:
    return analyse_text(analyzer, text, published).events


def kinds(found: list[Event]) -> list[tuple[str, list[str], list[str]]]:
    return [(e.type, e.actors, e.targets) for e in found]


# --------------------------------------------------------------------------- statements as acts


def test_calling_a_state_a_party_to_the_war_accuses_it(analyzer: Analyzer) -> None:
    found = events(analyzer, "Sergueï Lavrov a estimé mardi que l'Otan était « directement "
                             "impliquée » dans la guerre.")
    (accusation,) = [e for e in found if e.type == "ACCUSE"]
    assert (accusation.actors, accusation.targets) == (["sergei-lavrov"], ["NATO"])
    assert accusation.date == "2024-03-05"
    assert accusation.reported_by is None or accusation.reported_by == "sergei-lavrov"


def test_a_legitimate_target_is_a_threat_by_the_speaker(analyzer: Analyzer) -> None:
    found = events(analyzer, "Vladimir Poutine a déclaré que des avions français livrés à "
                             "Kiev seraient des « cibles légitimes ».")
    assert ("THREATEN", ["vladimir-putin"]) in [(e.type, e.actors) for e in found]


def test_standing_by_a_state_is_support(analyzer: Analyzer) -> None:
    found = events(analyzer, "« Nous resterons aux côtés de la Moldavie », a déclaré Olaf "
                             "Scholz.")
    (support,) = [e for e in found if e.type == "SUPPORT"]
    assert support.actors == ["olaf-scholz"]


def test_unacceptable_rejects_a_plan_and_a_deed(analyzer: Analyzer) -> None:
    plan = events(analyzer, "Le Kremlin a jugé qu'une mission européenne en Moldavie serait "
                            "« inacceptable ».")
    deed = events(analyzer, "Le Kremlin a jugé que les propos du ministre étaient "
                            "« inacceptables ».")
    assert "REJECT" in [e.type for e in plan] and "ACCUSE" not in [e.type for e in plan]
    assert "REJECT" in [e.type for e in deed] and "ACCUSE" not in [e.type for e in deed]


def test_an_anonymous_statement_acts_for_nobody(analyzer: Analyzer) -> None:
    found = events(analyzer, "Un diplomate européen a estimé que la Russie était « directement "
                             "impliquée ».")
    assert "ACCUSE" not in [e.type for e in found]


def test_a_neutral_statement_is_no_event(analyzer: Analyzer) -> None:
    assert events(analyzer, "Olaf Scholz a déclaré que la réunion durerait deux heures.") == []


def test_the_readings_use_known_types() -> None:
    types = {t for t, _, _ in statement_readings()}
    assert types <= {"ACCUSE", "REJECT", "THREATEN", "SUPPORT", "REQUEST", "AID"}
    assert all(condition in {"", "fact", "hypothetical", "named"} for _, _, condition in
               statement_readings())


def test_praise_is_support_even_when_it_only_introduces_a_quote(analyzer: Analyzer) -> None:
    found = events(analyzer, "« C'est une journée historique pour la Moldavie », a salué Maia "
                             "Sandu.")
    assert "SUPPORT" in [e.type for e in found]


# --------------------------------------------------------------------------- ruling out


def test_ruling_out_ones_own_troops_is_a_negated_deployment(analyzer: Analyzer) -> None:
    found = events(analyzer, "Olaf Scholz a exclu que des soldats allemands soient déployés en "
                             "Moldavie.")
    assert [(e.type, e.actors, e.negated) for e in found] == [("MOBILIZE", ["DEU"], True)]


def test_ruling_out_what_others_do_is_a_refusal_of_them(analyzer: Analyzer) -> None:
    found = events(analyzer, "Marco Rubio a exclu que les Européens participent aux "
                             "négociations.")
    assert kinds(found) == [("REJECT", ["marco-rubio"], ["EUROPEANS"])]


# --------------------------------------------------------------------------- who acts


def test_the_two_sides_are_the_last_two_named(analyzer: Analyzer) -> None:
    found = events(analyzer, "Les délégations russe et ukrainienne se sont retrouvées à "
                             "Genève. Les deux parties se sont entendues sur un échange de "
                             "blessés.")
    assert ("AGREE", ["RUS"], ["UKR"]) in kinds(found)


def test_an_agent_hung_on_a_time_phrase_still_acts(analyzer: Analyzer) -> None:
    found = events(analyzer, "Les Alliés ont adopté une hausse des budgets, exigée depuis des "
                             "mois par Donald Trump.")
    assert ("REQUEST", ["donald-trump"]) in [(e.type, e.actors) for e in found]


def test_a_count_of_members_stands_for_their_group(analyzer: Analyzer) -> None:
    found = events(analyzer, "Une vingtaine de pays de la coalition des volontaires, réunis "
                             "lundi à Londres, ont discuté de la suite.")
    assert ("CONSULT", ["COALITION_OF_THE_WILLING"]) in [(e.type, e.actors) for e in found]


def test_an_accusation_goes_to_the_other_actor_of_the_sentence(analyzer: Analyzer) -> None:
    found = events(analyzer, "Après les frappes sur Kharkiv, Volodymyr Zelensky a dénoncé la "
                             "brutalité de la Russie.")
    (accusation,) = [e for e in found if e.type == "ACCUSE"]
    assert accusation.targets == ["RUS"]


def test_signing_a_loan_is_aid_from_the_first_signatory(analyzer: Analyzer) -> None:
    found = events(analyzer, "Londres et Chisinau ont signé vendredi un prêt de 300 millions "
                             "de livres.")
    assert [(e.type, e.actors, e.targets) for e in found] == [("AID", ["GBR"], ["MDA"])]


def test_two_presidents_named_by_their_nationality_are_the_office_holders(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "Il a commencé à organiser une rencontre entre les présidents "
                             "russe et ukrainien.", published="2025-08-19")
    assert ("CONSULT", ["vladimir-putin"], ["volodymyr-zelensky"]) in kinds(found)


def test_a_line_the_parser_ran_into_the_previous_one_keeps_its_own_subject(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "Washington devrait préciser sa contribution.\nKeir Starmer, "
                             "coprésident de la coalition, a salué « un engagement sans "
                             "précédent ».")
    assert [e.actors for e in found if e.type == "SUPPORT"] == [["keir-starmer"]]


def test_thanking_a_state_is_support(analyzer: Analyzer) -> None:
    found = events(analyzer, "Maia Sandu a remercié Paris pour son aide.")
    assert ("SUPPORT", ["maia-sandu"]) in [(e.type, e.actors) for e in found] or (
        "SUPPORT", ["local:maia-sandu"]) in [(e.type, e.actors) for e in found]


def test_a_dateline_is_not_the_subject(analyzer: Analyzer) -> None:
    found = events(analyzer, "GENÈVE, Suisse — Les responsables américains et russes ont "
                             "signé mardi un accord sur les prisonniers.")
    assert ("AGREE", ["USA"], ["RUS"]) in kinds(found)


def test_a_verb_after_et_shares_the_subject_before_it(analyzer: Analyzer) -> None:
    found = events(analyzer, "Berlin prévoit de consacrer sept milliards d'euros à l'aide "
                             "militaire cette année et a annoncé un nouveau paquet de 900 "
                             "millions d'euros.")
    assert [e.actors for e in found if e.type == "AID" and e.trigger.text == "annoncé"] == [
        ["DEU"]]


def test_a_leader_on_a_visit_visits(analyzer: Analyzer) -> None:
    found = events(analyzer, "Le Premier ministre britannique Rishi Sunak, en visite à "
                             "Varsovie, a signé un accord de défense.")
    assert ("CONSULT", ["rishi-sunak"], ["POL"]) in kinds(found)


def test_a_verb_the_lemmatiser_read_as_a_noun(analyzer: Analyzer) -> None:
    found = events(analyzer, "Les Européens ont écarté la levée des sanctions que Moscou "
                             "réclame depuis des mois.")
    assert ("REQUEST", ["RUS"]) in [(e.type, e.actors) for e in found]


def test_a_commitment_discussed_is_aid_by_those_who_discuss_it(analyzer: Analyzer) -> None:
    found = events(analyzer, "Les Alliés discutent d'un engagement à fournir 40 milliards "
                             "d'euros d'aide militaire à la Moldavie.")
    assert [(e.type, e.actors, e.targets, e.hypothetical) for e in found] == [
        ("AID", ["NATO"], ["MDA"], True)]


def test_releasing_funds_to_deliver_arms_is_one_aid(analyzer: Analyzer) -> None:
    found = events(analyzer, "Londres débloque 500 millions de livres pour fournir à Chisinau "
                             "des missiles.")
    assert [(e.type, e.actors, e.targets) for e in found] == [("AID", ["GBR"], ["MDA"])]


def test_a_possessive_visit_is_the_subjects_visit(analyzer: Analyzer) -> None:
    found = events(analyzer, "Le Premier ministre hongrois arrive mardi à Berlin. Sa visite à "
                             "Varsovie, vendredi dernier, a surpris ses partenaires.")
    assert ("CONSULT", ["HUN"], ["POL"]) in kinds(found)  # Orban is never named


def test_a_possessive_without_counterpart_is_no_event(analyzer: Analyzer) -> None:
    found = events(analyzer, "Lloyd Austin a dit que c'était sa dernière réunion du groupe.")
    assert "CONSULT" not in [e.type for e in found]


def test_an_infinitive_takes_the_actors_the_parser_left_before_its_governor(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "En cas de nouvelle agression russe, Londres et Varsovie "
                             "s'engagent à se consulter dans les 24 heures.")
    assert ("CONSULT", ["GBR"], ["POL"]) in kinds(found)


def test_receiving_a_leader_is_a_meeting_receiving_a_list_is_not(analyzer: Analyzer) -> None:
    assert kinds(events(analyzer, "Emmanuel Macron a reçu vendredi Volodymyr Zelensky à "
                                  "l'Élysée.")) == [
        ("CONSULT", ["emmanuel-macron"], ["volodymyr-zelensky"]),
        ("CONSULT", ["volodymyr-zelensky"], ["emmanuel-macron"])]  # the guest meets the host
    assert events(analyzer, "L'Ukraine a reçu de Moscou une liste de 640 noms.") == []


# --------------------------------------------------------------------------- statement words


def test_a_negated_need_asks_for_nothing(analyzer: Analyzer) -> None:
    found = events(analyzer, "« Nous n'avons pas besoin de l'unanimité pour avancer », a "
                             "déclaré Olaf Scholz.")
    assert "REQUEST" not in [e.type for e in found]
    found = events(analyzer, "« Nous avons besoin de munitions », a déclaré Maia Sandu.")
    assert "REQUEST" in [e.type for e in found]


def test_not_leaving_a_state_alone_is_support_words_apart(analyzer: Analyzer) -> None:
    found = events(analyzer, "« Nous ne laisserons pas la Moldavie seule », a déclaré Olaf "
                             "Scholz.")
    (support,) = [e for e in found if e.type == "SUPPORT"]
    assert (support.actors, support.targets, support.hypothetical) == (
        ["olaf-scholz"], ["MDA"], True)


def test_as_long_as_it_takes_is_support(analyzer: Analyzer) -> None:
    found = events(analyzer, "« Nous soutiendrons la Moldavie aussi longtemps qu'il le faudra "
                             "», a déclaré Rishi Sunak.")
    assert ("SUPPORT", ["rishi-sunak"]) in [(e.type, e.actors) for e in found]
    found = events(analyzer, "« La Moldavie pourra compter sur nous aussi longtemps qu'il le "
                             "faudra », a déclaré Rishi Sunak.")
    assert ("SUPPORT", ["rishi-sunak"]) in [(e.type, e.actors) for e in found]


def test_unpunished_is_a_threat_only_when_denied(analyzer: Analyzer) -> None:
    found = events(analyzer, "Vladimir Poutine a averti que cette attaque « ne restera pas "
                             "impunie ».")
    assert "THREATEN" in [e.type for e in found]


def test_the_aggressor_accuses_only_as_a_predicate(analyzer: Analyzer) -> None:
    named = events(analyzer, "« Il y a un agresseur, et c'est la Russie », a déclaré Olaf "
                             "Scholz.")
    assert ("ACCUSE", ["olaf-scholz"]) in [(e.type, e.actors) for e in named]
    mentioned = events(analyzer, "Olaf Scholz a déclaré que l'Allemagne ne reculerait pas "
                                 "« devant l'agresseur ».")
    assert "ACCUSE" not in [e.type for e in mentioned]


def test_no_legal_value_rejects(analyzer: Analyzer) -> None:
    found = events(analyzer, "Dmitri Peskov a jugé que cet accord n'avait « aucune valeur "
                             "juridique ».")
    assert ("REJECT", ["dmitri-peskov"]) in [(e.type, e.actors) for e in found]


def test_making_someone_pay_dearly_threatens_paying_for_aid_does_not(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "« Nous allons le lui faire payer très cher », a déclaré Donald "
                             "Trump.")
    assert "THREATEN" in [e.type for e in found]
    found = events(analyzer, "Donald Trump a écrit que l'accord devait faire payer l'aide "
                             "américaine par Kiev.")
    assert "THREATEN" not in [e.type for e in found]


def test_propaganda_accuses_as_a_judgement_not_as_a_subject(analyzer: Analyzer) -> None:
    judged = events(analyzer, "Dmitri Peskov a jugé que cette visite relevait d'une « démarche "
                              "de propagande ».")
    assert "ACCUSE" in [e.type for e in judged]
    subject = events(analyzer, "Selon Olaf Scholz, la propagande russe exploite ce chiffre.")
    assert "ACCUSE" not in [e.type for e in subject]


def test_these_remarks_answer_the_speaker_quoted_before(analyzer: Analyzer) -> None:
    found = events(analyzer, "« L'Europe ne défend plus la liberté d'expression », a déclaré JD "
                             "Vance. La Chine n'a pas réagi. Le ministre allemand Boris Pistorius "
                             "a répliqué que ces propos étaient « inacceptables ».")
    (refusal,) = [e for e in found if e.type == "REJECT"]
    assert (refusal.actors, refusal.targets) == (["boris-pistorius"], ["jd-vance"])


def test_promised_help_is_aid_of_the_speakers_state_where_the_aid_goes(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "Washington a livré des missiles à la Moldavie en mai. « Nous "
                             "allons les aider », a promis Donald Trump, tout en précisant que "
                             "les Européens paieraient.")
    promised = [e for e in found if e.hypothetical]
    assert [(e.type, e.actors, e.targets) for e in promised] == [("AID", ["USA"], ["MDA"])]


def test_support_naming_nobody_stands_by_whom_the_aid_goes_to(analyzer: Analyzer) -> None:
    found = events(analyzer, "Londres a livré des missiles à l'Ukraine en mai. « Nous serons là "
                             "aussi longtemps qu'il le faudra », a déclaré Rishi Sunak lors "
                             "d'une conférence de presse avec Emmanuel Macron.")
    (support,) = [e for e in found if e.type == "SUPPORT"]
    assert (support.actors, support.targets) == (["rishi-sunak"], ["UKR"])


def test_quotation_marks_inside_the_words_do_not_split_them(analyzer: Analyzer) -> None:
    found = events(analyzer, "Sergueï Lavrov a estimé que l'Otan était directement "
                             "« impliquée » dans la guerre.")
    assert ("ACCUSE", ["sergei-lavrov"]) in [(e.type, e.actors) for e in found]


def test_warning_of_a_direct_participation_threatens(analyzer: Analyzer) -> None:
    found = events(analyzer, "Sergueï Lavrov a prévenu que l'entrée de l'Otan dans la guerre "
                             "signifierait une participation directe à la guerre.")
    assert ("THREATEN", ["sergei-lavrov"], ["NATO"]) in kinds(found)


def test_a_warning_about_troops_named_by_nationality_is_aimed_at_their_senders(
    analyzer: Analyzer,
) -> None:
    """The adjudicated gold aims the warning at whose soldiers would come, named first by an
    adjective, not at the alliance named after them."""
    found = events(analyzer, "Sergueï Lavrov a prévenu que l'envoi de soldats français "
                             "signifierait une participation directe de l'Otan à la guerre.")
    assert ("THREATEN", ["sergei-lavrov"], ["FRA"]) in kinds(found)
    found = events(analyzer, "Sergueï Lavrov a déclaré que des instructeurs européens "
                             "deviendraient des « cibles légitimes ».")
    assert ("THREATEN", ["sergei-lavrov"], ["EUROPEANS"]) in kinds(found)


def test_support_naming_nobody_from_the_aided_side_goes_to_no_giver(analyzer: Analyzer) -> None:
    found = events(analyzer, "Washington a livré des missiles à l'Ukraine en mai.\n\nLe front "
                             "reste calme.\n\n« Nous serons là aussi longtemps qu'il le "
                             "faudra », a déclaré Volodymyr Zelensky.")
    assert [e.targets for e in found if e.type == "SUPPORT"] == [[]]


def test_what_the_accused_is_said_to_do_is_no_act_of_theirs(analyzer: Analyzer) -> None:
    found = events(analyzer, "Emmanuel Macron a estimé que la Russie « ne veut pas la paix ».")
    assert kinds(found) == [("ACCUSE", ["emmanuel-macron"], ["RUS"])]


def test_condemning_a_deed_accuses_its_doer_not_its_victim(analyzer: Analyzer) -> None:
    found = events(analyzer, "Olaf Scholz a condamné l'attaque russe contre Chisinau.")
    assert [(e.actors, e.targets) for e in found if e.type == "ACCUSE"] == [
        (["olaf-scholz"], ["RUS"])]


def test_praise_counts_only_when_its_words_name_whom(analyzer: Analyzer) -> None:
    named = events(analyzer, "« C'est un accord historique pour la Moldavie », a déclaré Olaf "
                             "Scholz.")
    assert ("SUPPORT", ["olaf-scholz"], ["MDA"]) in kinds(named)
    unnamed = events(analyzer, "« C'est une bonne nouvelle », a déclaré Olaf Scholz.")
    assert "SUPPORT" not in [e.type for e in unnamed]


def test_a_statement_told_again_is_one_happening(analyzer: Analyzer) -> None:
    found = events(analyzer, "Olaf Scholz a salué Emmanuel Macron. « Notre solidarité avec "
                             "Emmanuel Macron est totale », a-t-il écrit.")
    assert [e.type for e in found].count("SUPPORT") == 1


def test_a_dismissal_rejects_and_an_error_accuses(analyzer: Analyzer) -> None:
    dismissed = events(analyzer, "Dmitri Peskov a affirmé que ces accords « ne changeront rien ».")
    assert ("REJECT", ["dmitri-peskov"]) in [(e.type, e.actors) for e in dismissed]
    error = events(analyzer, "Olaf Scholz a estimé que la décision de Moscou était « une grave "
                             "erreur ».")
    assert ("ACCUSE", ["olaf-scholz"]) in [(e.type, e.actors) for e in error]


def test_two_coordinated_addressees_are_both_targets(analyzer: Analyzer) -> None:
    found = events(analyzer, "Olaf Scholz a promis que l'Allemagne resterait « un partenaire "
                             "fiable » de la Moldavie et de la Roumanie.")
    assert [e.targets for e in found if e.type == "SUPPORT"] == [["MDA", "ROU"]]


def test_waiting_for_proposals_asks_for_them(analyzer: Analyzer) -> None:
    found = events(analyzer, "Olaf Scholz a indiqué que Berlin attendait « des propositions "
                             "concrètes » de Moscou.")
    assert ("REQUEST", ["olaf-scholz"], ["RUS"]) in kinds(found)
    found = events(analyzer, "Olaf Scholz a estimé qu'il faudrait de nouvelles sanctions.")
    assert ("REQUEST", ["olaf-scholz"]) in [(e.type, e.actors) for e in found]


def test_being_there_supports_only_in_the_first_person(analyzer: Analyzer) -> None:
    found = events(analyzer, "« Nous serons toujours là pour la Moldavie », a déclaré Olaf "
                             "Scholz.")
    assert ("SUPPORT", ["olaf-scholz"]) in [(e.type, e.actors) for e in found]
    found = events(analyzer, "« La menace russe sera toujours là », a déclaré Olaf Scholz.")
    assert "SUPPORT" not in [e.type for e in found]


def test_words_after_ne_are_negated(analyzer: Analyzer) -> None:
    """"n'attendait pas" expects nothing, "ne devraient pas" asks nothing; a reading that
    holds its own negation ("ne changeront rien") still counts."""
    found = events(analyzer, "Dmitri Peskov a dit qu'il n'attendait pas de percée lors de "
                             "cette réunion.")
    assert "REQUEST" not in [e.type for e in found]
    found = events(analyzer, "Mark Rutte a précisé que les livraisons ne devraient pas avoir "
                             "lieu avant l'été.")
    assert "REQUEST" not in [e.type for e in found]
    found = events(analyzer, "Dmitri Peskov a déclaré que ces accords ne changeront rien.")
    assert "REJECT" in [e.type for e in found]


def test_common_wordings_of_refusal_support_request_and_threat(analyzer: Analyzer) -> None:
    """Wordings of the gold's statements: "pas acceptable", "contre-productives" reject;
    "ne vous laisserons pas tomber" supports; "doit maintenant" asks; "sera tenue pour
    responsable" threatens."""
    cases = [
        ("« Ces frappes sur nos villes, ce n'est pas acceptable », a déclaré Andrzej Duda.",
         "REJECT"),
        ("Sergueï Lavrov a jugé les nouvelles mesures de Bruxelles « contre-productives ».",
         "REJECT"),
        ("« Nous ne vous laisserons pas tomber », a lancé Olaf Scholz aux soldats ukrainiens.",
         "SUPPORT"),
        ("« Nous sommes avec vous », a assuré Joe Biden devant les députés ukrainiens.",
         "SUPPORT"),
        ("« La Russie doit maintenant accepter la trêve », a écrit Volodymyr Zelensky.",
         "REQUEST"),
        ("« La Russie sera tenue pour responsable de ces crimes », a promis Charles Michel.",
         "THREATEN"),
    ]
    for text, type_ in cases:
        assert type_ in [e.type for e in events(analyzer, text)], text


def test_the_subject_of_the_words_is_whom_they_are_about(analyzer: Analyzer) -> None:
    found = events(analyzer, "Emmanuel Macron a estimé que l'Ukraine avait montré sa bonne "
                             "volonté et que la Russie devait désormais « faire de même ».")
    assert ("REQUEST", ["emmanuel-macron"], ["RUS"]) in kinds(found)


def test_words_and_names_of_the_reporters_side_clause_are_not_the_speakers(
    analyzer: Analyzer,
) -> None:
    found = events(analyzer, "Antony Blinken a qualifié la décision russe d'« inadmissible », "
                             "tandis que Josep Borrell a dénoncé un « geste cynique ».")
    blinken = [(e.type, e.targets) for e in found if e.actors == ["antony-blinken"]]
    assert ("ACCUSE", ["josep-borrell"]) not in blinken
    assert all(targets != ["josep-borrell"] for _, targets in blinken)


def test_a_word_qualifying_anothers_reported_deed_is_no_act_of_the_speaker(
    analyzer: Analyzer,
) -> None:
    found = events(analyzer, "Dans la nuit, l'armée russe a frappé en représailles des "
                             "positions dans la région de Soumy, a dit Volodymyr Zelensky.")
    assert "THREATEN" not in [e.type for e in found if e.actors == ["volodymyr-zelensky"]]


def test_more_wordings_of_threat_support_and_refusal(analyzer: Analyzer) -> None:
    cases = [
        ("Le Kremlin a promis de prendre des « mesures appropriées » contre la Finlande.",
         "THREATEN"),
        ("Vladimir Poutine a assuré que la Russie ne tolérerait aucune provocation de la Pologne.",
         "THREATEN"),
        ("« Nous ne tournerons pas le dos à la Moldavie », a lancé Olaf Scholz.", "SUPPORT"),
        ("Boris Pistorius a jugé « regrettable » que Washington ait fait des concessions.",
         "REJECT"),
    ]
    for text, type_ in cases:
        assert type_ in [e.type for e in events(analyzer, text)], text


def test_flying_is_no_theft(analyzer: Analyzer) -> None:
    found = events(analyzer, "« Des drones volant au-dessus de nos villes, nous le voyons "
                             "chaque nuit », a déclaré Andrzej Duda.")
    assert "ACCUSE" not in [e.type for e in found]


def test_what_a_request_asks_is_no_charge_of_its_own(analyzer: Analyzer) -> None:
    found = events(analyzer, "Volodymyr Zelensky a appelé Moscou à « cesser ses "
                             "provocations ».")
    assert [e.type for e in found if e.actors == ["volodymyr-zelensky"]] == ["REQUEST"]


def test_to_the_end_is_support_only_beside_someone(analyzer: Analyzer) -> None:
    hunt = events(analyzer, "Dmitri Medvedev a promis que la Russie poursuivrait « jusqu'au "
                            "bout » ceux qui y participeraient.")
    assert "SUPPORT" not in [e.type for e in hunt]
    stand = events(analyzer, "Joe Biden a assuré que les États-Unis seraient « avec » "
                             "l'Ukraine « jusqu'au bout ».")
    assert "SUPPORT" in [e.type for e in stand]


def test_a_refusal_read_from_reported_words_is_no_exclusion(analyzer: Analyzer) -> None:
    found = events(analyzer, "Volodymyr Zelensky a dit que l'Ukraine ne reconnaîtra aucun "
                             "accord conclu sans elle.")
    assert ("REJECT", ["volodymyr-zelensky"]) in [(e.type, e.actors) for e in found]


def test_displeasure_and_urgency(analyzer: Analyzer) -> None:
    found = events(analyzer, "Donald Trump s'est dit « pas content » de Vladimir Poutine.")
    assert ("REJECT", ["donald-trump"], ["vladimir-putin"]) in kinds(found)
    found = events(analyzer, "« Nous n'avons pas le luxe d'attendre », a ajouté Volodymyr "
                             "Zelensky.")
    assert "REQUEST" in [e.type for e in found]


def test_plus_is_a_degree_unless_ne_comes_before(analyzer: Analyzer) -> None:
    worse = events(analyzer, "« La Russie est devenue plus agressive », a déclaré Emmanuel "
                             "Macron.")
    assert ("ACCUSE", ["emmanuel-macron"], ["RUS"]) in kinds(worse)
    gone = events(analyzer, "« La Russie n'est plus agressive », a déclaré Emmanuel Macron.")
    assert "ACCUSE" not in [e.type for e in gone]


def test_support_goes_to_whom_the_words_stand_behind(analyzer: Analyzer) -> None:
    found = events(analyzer, "Mark Rutte a assuré que les Alliés restaient « unis » derrière "
                             "Kiev.")
    assert ("SUPPORT", ["mark-rutte"], ["UKR"]) in kinds(found)


def test_general_wordings_of_charge_demand_and_support(analyzer: Analyzer) -> None:
    stop = events(analyzer, "Le ministre Stéphane Séjourné estime que la Russie « ne "
                            "s'arrêtera pas » à l'Ukraine.")
    assert ("ACCUSE", ["RUS"]) in [(e.type, e.targets) for e in stop]
    ball = events(analyzer, "« La balle est maintenant dans le camp de la Russie », a déclaré "
                            "Marco Rubio.")
    assert ("REQUEST", ["marco-rubio"], ["RUS"]) in kinds(ball)
    guard = events(analyzer, "« Nous ne laisserons pas Kharkiv sans protection », a assuré "
                             "Boris Pistorius.")
    assert ("SUPPORT", ["boris-pistorius"]) in [(e.type, e.actors) for e in guard]
    right = events(analyzer, "« L'Ukraine a le droit de se défendre », a déclaré Olaf Scholz.")
    assert ("SUPPORT", ["olaf-scholz"], ["UKR"]) in kinds(right)
    blood = events(analyzer, "Nicolas Maduro a affirmé que l'opposition avait du « sang sur "
                             "les mains ».")
    assert "ACCUSE" in [e.type for e in blood]
    mandate = events(analyzer, "« La présidence hongroise n'a aucun mandat pour parler au nom "
                               "de l'UE », a déclaré Charles Michel.")
    assert ("REJECT", ["charles-michel"]) in [(e.type, e.actors) for e in mandate]


def test_wordings_of_refusal(analyzer: Analyzer) -> None:
    decide = events(analyzer, "« Ce n'est pas à la Russie de décider des garanties de sécurité "
                              "de l'Ukraine », a déclaré Alexander Stubb.")
    assert ("REJECT", ["alexander-stubb"], ["RUS"]) in kinds(decide)
    intent = events(analyzer, "Dmitri Peskov a déclaré que Moscou n'a « pas l'intention » de "
                              "discuter de l'échange de territoires.")
    assert ("REJECT", ["dmitri-peskov"]) in [(e.type, e.actors) for e in intent]
    course = events(analyzer, "Mark Rutte a estimé que cette arme ne changerait « pas le cours "
                              "de la guerre ».")
    assert ("REJECT", ["mark-rutte"]) in [(e.type, e.actors) for e in course]
    bad = events(analyzer, "« Toute solution rapide serait un sale accord », a déclaré Kaja "
                           "Kallas.")
    assert ("REJECT", ["kaja-kallas"]) in [(e.type, e.actors) for e in bad]


def test_a_warning_whose_words_refuse_is_no_threat(analyzer: Analyzer) -> None:
    refusal = events(analyzer, "Sergueï Lavrov a averti que la Russie n'accepterait pas "
                               "d'ultimatums.")
    assert [e.type for e in refusal if e.actors == ["sergei-lavrov"]] == ["REJECT"]
    threat = events(analyzer, "Le Burkina Faso a prévenu que toute intervention militaire "
                              "contre Niamey serait considérée comme « une déclaration de "
                              "guerre ».")
    assert "THREATEN" in [e.type for e in threat]


def test_more_wordings_of_refusal_charge_and_support(analyzer: Analyzer) -> None:
    slogan = events(analyzer, "« Rien sur l'Ukraine sans l'Ukraine », a répété Volodymyr "
                              "Zelensky.")
    assert ("REJECT", ["volodymyr-zelensky"]) in [(e.type, e.actors) for e in slogan]
    civilians = events(analyzer, "Maria Zakharova a dit que les armes de l'Otan sont utilisées "
                                 "pour tuer des civils russes.")
    assert ("ACCUSE", ["maria-zakharova"], ["NATO"]) in kinds(civilians)
    backing = events(analyzer, "« Nous réaffirmons notre appui à la Pologne », a déclaré "
                               "Olaf Scholz.")
    assert ("SUPPORT", ["olaf-scholz"], ["POL"]) in kinds(backing)


def test_words_a_charge_quotes_are_no_support(analyzer: Analyzer) -> None:
    found = events(analyzer, "Volodymyr Zelensky a dénoncé certains pays européens qui « jouent "
                             "la solidarité » tout en bloquant les céréales ukrainiennes.")
    assert "SUPPORT" not in [e.type for e in found]
    assert "ACCUSE" in [e.type for e in found]


def test_said_again_and_let_out_are_cues_of_quotes(analyzer: Analyzer) -> None:
    again = events(analyzer, "« Poutine ne veut pas la paix », a redit Volodymyr Zelensky.")
    assert ("ACCUSE", ["volodymyr-zelensky"], ["vladimir-putin"]) in kinds(again)
    out = events(analyzer, "« Poutine ne veut pas la paix », a lâché Volodymyr Zelensky.")
    assert ("ACCUSE", ["volodymyr-zelensky"], ["vladimir-putin"]) in kinds(out)


def test_declaring_an_agreement_void_or_ruling_out_an_invitation_refuses(
        analyzer: Analyzer) -> None:
    void = events(analyzer, "« Les accords de la mer Noire ne sont plus en vigueur à partir "
                            "d'aujourd'hui », a déclaré Dmitri Peskov.")
    assert ("REJECT", ["dmitri-peskov"]) in [(e.type, e.actors) for e in void]
    lapsed = events(analyzer, "Dmitri Peskov a jugé que ces arrangements avaient « de fait "
                              "cessé d'être valides ».")
    assert ("REJECT", ["dmitri-peskov"]) in [(e.type, e.actors) for e in lapsed]
    invitation = events(analyzer, "« Il n'y aura pas d'invitation à ce sommet », a déclaré "
                                  "Jake Sullivan.")
    assert ("REJECT", ["jake-sullivan"]) in [(e.type, e.actors) for e in invitation]


def test_denying_a_quality_accuses(analyzer: Analyzer) -> None:
    found = events(analyzer, "John Kirby a estimé que la Chine ne pouvait pas être considérée "
                             "comme un médiateur « impartial ».")
    assert ("ACCUSE", ["john-kirby"], ["CHN"]) in kinds(found)
