"""The event lexicon's wider vocabulary and the conditions that keep its cues from firing on
what is no event (issue 6). Sentences are made up for the tests."""

from __future__ import annotations

from filrouge.analyze.events import verb_cues
from filrouge.analyze.pipeline import Analyzer
from filrouge.model import Event

from .conftest import analyse_text


def events(analyzer: Analyzer, text: str, published: str = "2024-03-05") -> list[Event]:
    return analyse_text(analyzer, text, published).events


def kinds(found: list[Event]) -> list[tuple[str, list[str], list[str]]]:
    return [(e.type, e.actors, e.targets) for e in found]


# --------------------------------------------------------------------------- verbs


def test_addressing_a_meeting_is_taking_part_in_it(analyzer: Analyzer) -> None:
    found = events(analyzer, "Le président finlandais s'est adressé mardi aux participants "
                             "du sommet par visioconférence.")
    assert [(e.type, e.actors) for e in found] == [("CONSULT", ["FIN"])]  # never named


def test_addressing_the_press_is_no_meeting(analyzer: Analyzer) -> None:
    assert events(analyzer, "Le ministre s'est adressé aux journalistes mardi.") == []


def test_helping_a_state_is_aid_to_it(analyzer: Analyzer) -> None:
    (event,) = events(analyzer, "Les Pays-Bas aideront l'Ukraine à reconstruire son réseau "
                                "électrique.")
    assert (event.type, event.actors, event.targets) == ("AID", ["NLD"], ["UKR"])
    assert event.hypothetical  # a future


def test_two_leaders_raising_a_question_consult_each_other(analyzer: Analyzer) -> None:
    found = events(analyzer, "Olaf Scholz et Emmanuel Macron ont évoqué jeudi la livraison de "
                             "missiles.")
    assert kinds(found) == [("CONSULT", ["olaf-scholz"], ["emmanuel-macron"]),
                            ("CONSULT", ["emmanuel-macron"], ["olaf-scholz"])]


def test_one_leader_raising_a_question_consults_nobody(analyzer: Analyzer) -> None:
    assert events(analyzer, "Emmanuel Macron a évoqué jeudi la livraison de missiles.") == []


def test_pair_condition_is_a_known_condition() -> None:
    assert any("pair" in cue.conditions for cue in verb_cues()["évoquer"])


# --------------------------------------------------------------------------- agreements on aid


def test_an_agreement_with_a_loan_attached_stays_an_agreement(analyzer: Analyzer) -> None:
    found = events(analyzer, "Il a préparé l'accord de dix ans signé entre Emmanuel Macron et "
                             "Volodymyr Zelensky, assorti d'un prêt de 3 milliards d'euros.")
    assert ("AGREE", ["emmanuel-macron"], ["volodymyr-zelensky"]) in kinds(found)
    assert not any(e.type == "AID" and e.trigger.text == "signé" for e in found)


# --------------------------------------------------------------------------- flags


def test_irregular_futures_in_a_statement_make_it_hypothetical(analyzer: Analyzer) -> None:
    found = events(analyzer, "« Nous serons à vos côtés », a déclaré mercredi le chancelier "
                             "allemand Olaf Scholz à Volodymyr Zelensky.")
    (support,) = [e for e in found if e.type == "SUPPORT"]
    assert support.actors == ["olaf-scholz"] and support.hypothetical


def test_aller_with_an_infinitive_is_a_future_in_a_statement(analyzer: Analyzer) -> None:
    found = events(analyzer, "« Nous allons riposter », a déclaré mercredi Sergueï Lavrov.")
    assert [(e.type, e.actors) for e in found] == [("THREATEN", ["sergei-lavrov"])]
    assert events(analyzer, "« Nous ripostons », a déclaré mercredi Sergueï Lavrov.") == []


# --------------------------------------------------------------------------- nouns


def test_their_own_sanctions_are_no_happening_between_the_owners(analyzer: Analyzer) -> None:
    found = events(analyzer, "L'Ukraine et les Européens, qui ont leurs propres sanctions, "
                             "devront être consultés.")
    assert not any(e.type == "SANCTION" for e in found)


def test_a_capital_after_a_meeting_noun_is_where_it_is_held(analyzer: Analyzer) -> None:
    found = events(analyzer, "Le ministre a quitté mardi les discussions de Riyad.")
    assert not any(e.type == "CONSULT" and e.actors == ["SAU"] for e in found)


# --------------------------------------------------------------------------- what is no event


def test_inviting_someone_to_a_capital_is_no_request(analyzer: Analyzer) -> None:
    found = events(analyzer, "Volodymyr Zelensky a félicité Mark Rutte, qu'il a invité à Kiev.")
    assert not any(e.type == "REQUEST" for e in found)
    found = events(analyzer, "Volodymyr Zelensky a invité les Européens à livrer davantage "
                             "d'obus.")
    assert ("REQUEST", ["volodymyr-zelensky"], ["EUROPEANS"]) in kinds(found)


def test_what_remains_blocked_does_not_block(analyzer: Analyzer) -> None:
    found = events(analyzer, "La visite intervient alors que l'aide américaine reste bloquée "
                             "à Washington.")
    assert not any(e.type == "REJECT" for e in found)


def test_an_idiom_is_no_event(analyzer: Analyzer) -> None:
    assert events(analyzer, "Jens Stoltenberg cédera la place à Mark Rutte le 1er octobre.") == []
    found = events(analyzer, "Le Kremlin a cédé aux demandes de la Turquie.")
    assert ("CONCEDE", ["KREMLIN"]) in [(e.type, e.actors) for e in found]


def test_receiving_aid_is_no_meeting(analyzer: Analyzer) -> None:
    assert events(analyzer, "L'Ukraine a reçu des Américains 60 milliards de dollars "
                            "d'aide.") == []
    found = events(analyzer, "Emmanuel Macron a reçu Volodymyr Zelensky à l'Élysée.")
    assert ("CONSULT", ["emmanuel-macron"], ["volodymyr-zelensky"]) in kinds(found)


def test_agreeing_to_deliver_is_the_delivery(analyzer: Analyzer) -> None:
    found = events(analyzer, "Les dirigeants du G7 se sont mis d'accord pour livrer à "
                             "l'Ukraine des obus.")  # and the agreement (dev gold)
    assert kinds(found) == [("AGREE", ["G7"], ["UKR"]), ("AID", ["G7"], ["UKR"])]


def test_agreeing_to_exchange_prisoners_stays_an_agreement(analyzer: Analyzer) -> None:
    found = events(analyzer, "La Russie et l'Ukraine se sont entendues pour échanger tous les "
                             "prisonniers blessés.")
    assert [e.type for e in found] == ["AGREE", "AGREE"]  # one record for each side


# --------------------------------------------------------------------------- who acts


def test_a_capital_the_tagger_read_as_a_pronoun_still_acts(analyzer: Analyzer) -> None:
    found = events(analyzer, "Un responsable a indiqué à Reuters que Kiev espérait conclure "
                             "« une douzaine d'accords supplémentaires » d'ici juillet.")
    assert [(e.type, e.actors, e.hypothetical) for e in found] == [("AGREE", ["UKR"], True)]


def test_a_possessive_in_a_reported_clause_is_the_reporter(analyzer: Analyzer) -> None:
    found = events(analyzer, "Berlin a confirmé que ses discussions avec Kiev étaient très "
                             "avancées.")
    assert kinds(found) == [("CONSULT", ["DEU"], ["UKR"])]


def test_en_stands_for_the_troops_named_before(analyzer: Analyzer) -> None:
    found = events(analyzer, "Plusieurs pays envisagent d'envoyer des soldats en Ukraine. La "
                             "Pologne, elle, n'en enverra pas.")
    (refusal,) = [e for e in found if e.actors == ["POL"]]
    assert refusal.type == "MOBILIZE" and refusal.negated and refusal.hypothetical
    assert events(analyzer, "La Pologne n'en enverra pas.") == []


def test_an_appearance_at_a_meeting_is_taking_part(analyzer: Analyzer) -> None:
    found = events(analyzer, "Le président ukrainien a fait mardi une apparition à la réunion "
                             "du groupe de contact.")
    assert [(e.type, e.actors) for e in found] == [("CONSULT", ["UKR"])]  # never named
    assert events(analyzer, "La présence de la France en Afrique inquiète Moscou.") == []


# --------------------------------------------------------------------------- meetings and visits


def test_ways_of_meeting(analyzer: Analyzer) -> None:
    for text, expected in [
        ("Emmanuel Macron a rendu visite mardi à Volodymyr Zelensky.",
         ("CONSULT", ["emmanuel-macron"], ["volodymyr-zelensky"])),
        ("Emmanuel Macron a eu mardi un entretien téléphonique avec Volodymyr Zelensky.",
         ("CONSULT", ["emmanuel-macron"], ["volodymyr-zelensky"])),
        ("Emmanuel Macron a dialogué avec Vladimir Poutine.",
         ("CONSULT", ["emmanuel-macron"], ["vladimir-putin"])),
        ("Joe Biden a joint Volodymyr Zelensky au téléphone.",
         ("CONSULT", ["joe-biden"], ["volodymyr-zelensky"])),
        ("Rishi Sunak a effectué un voyage à Kiev.", ("CONSULT", ["rishi-sunak"], ["UKR"])),
        ("Washington et Kiev ont repris les négociations mardi.", ("CONSULT", ["USA"], ["UKR"])),
    ]:
        assert expected in kinds(events(analyzer, text)), text


def test_having_something_is_no_event(analyzer: Analyzer) -> None:
    assert events(analyzer, "La Pologne et la Lituanie ont leurs propres sanctions.") == []
    assert events(analyzer, "« Nous avons eu une rencontre longue », a écrit Emmanuel "
                            "Macron.") == []


def test_il_opening_a_sentence_continues_the_subject_before(analyzer: Analyzer) -> None:
    found = events(analyzer, "Volodymyr Zelensky a rencontré mardi Recep Tayyip Erdogan à "
                             "Ankara. Il a ensuite reporté sa visite en Arabie saoudite.")
    (visit,) = [e for e in found if e.trigger.text == "visite"]
    assert visit.actors == ["volodymyr-zelensky"]


def test_a_meeting_of_a_joint_body_is_between_its_two_sides(analyzer: Analyzer) -> None:
    found = events(analyzer, "La première réunion du Conseil Otan-Ukraine s'est tenue "
                             "mercredi.")
    assert kinds(found) == [("CONSULT", ["NATO"], ["UKR"])]


def test_a_topic_phrase_yields_to_the_name_after_it(analyzer: Analyzer) -> None:
    found = events(analyzer, "Côté américain, Joe Biden s'est dit « pas content » de Vladimir "
                             "Poutine, sans annoncer de sanctions.")
    (sanction,) = [e for e in found if e.type == "SANCTION"]
    assert sanction.actors == ["joe-biden"] and sanction.negated


def test_a_letter_speaks_for_its_author(analyzer: Analyzer) -> None:
    found = events(analyzer, "Une lettre de M. Rutte accordait mercredi à Madrid un délai "
                             "supplémentaire.")
    assert kinds(found) == [("CONCEDE", ["mark-rutte"], ["ESP"])]


def test_withdrawing_a_candidacy_and_questioning_legitimacy(analyzer: Analyzer) -> None:
    found = events(analyzer, "Le président roumain Klaus Iohannis a retiré sa candidature "
                             "mardi.")
    assert [(e.type, e.actors) for e in found] == [("CONCEDE", ["klaus-iohannis"])]
    found = events(analyzer, "Le porte-parole du Kremlin Dmitri Peskov a remis en cause la "
                             "légitimité du président ukrainien.")
    assert kinds(found) == [("ACCUSE", ["dmitri-peskov"], ["UKR"])]  # a title only


def test_you_should_have_is_a_reproach(analyzer: Analyzer) -> None:
    found = events(analyzer, "« Vous auriez dû signer cet accord », a lancé Donald Trump à "
                             "Volodymyr Zelensky.")
    assert kinds(found) == [("ACCUSE", ["donald-trump"], ["volodymyr-zelensky"])]


# --------------------------------------------------------------------------- news vocabulary
# Standard French news wording of the types, written from the language, not from the corpus:
# one sentence per family of rows, and the readings their conditions keep out.


def test_support_wording(analyzer: Analyzer) -> None:
    assert kinds(events(analyzer, "Emmanuel Macron a fait l'éloge de Volodymyr Zelensky "
                                  "mardi.")) == [
        ("SUPPORT", ["emmanuel-macron"], ["volodymyr-zelensky"])]
    assert kinds(events(analyzer, "L'Allemagne s'est rangée derrière la France sur ce "
                                  "dossier.")) == [("SUPPORT", ["DEU"], ["FRA"])]
    assert kinds(events(analyzer, "La Turquie s'est dite favorable à l'adhésion de "
                                  "l'Ukraine.")) == [("SUPPORT", ["TUR"], ["UKR"])]
    (noun,) = events(analyzer, "Antonio Guterres a exprimé sa solidarité avec la Pologne.")
    assert (noun.type, noun.targets) == ("SUPPORT", ["POL"])
    assert events(analyzer, "Emmanuel Macron a loué un appartement à Paris.") == []


def test_request_wording(analyzer: Analyzer) -> None:
    assert kinds(events(analyzer, "Volodymyr Zelensky a supplié les Occidentaux de livrer des "
                                  "avions.")) == [("REQUEST", ["volodymyr-zelensky"], ["WEST"])]
    assert kinds(events(analyzer, "Washington a mis en demeure Moscou de respecter le "
                                  "traité.")) == [("REQUEST", ["USA"], ["RUS"])]
    assert [(e.type, e.actors) for e in events(
        analyzer, "Le Kremlin a posé comme condition le retrait des troupes ukrainiennes."
    )] == [("REQUEST", ["KREMLIN"])]


def test_reject_wording(analyzer: Analyzer) -> None:
    assert kinds(events(analyzer, "La Hongrie s'est prononcée contre l'adhésion de "
                                  "l'Ukraine.")) == [("REJECT", ["HUN"], ["UKR"])]
    assert [(e.type, e.actors) for e in events(
        analyzer, "La Hongrie a mis son veto à l'aide européenne.")] == [("REJECT", ["HUN"])]
    assert [(e.type, e.actors) for e in events(
        analyzer, "La Russie a quitté le traité sur les forces conventionnelles."
    )] == [("REJECT", ["RUS"])]  # leaving an agreement
    assert events(analyzer, "Le ministre russe a quitté la salle mardi.") == []


def test_accuse_wording(analyzer: Analyzer) -> None:
    assert kinds(events(analyzer, "Kiev soupçonne Moscou de préparer une offensive.")) == [
        ("ACCUSE", ["UKR"], ["RUS"])]
    assert kinds(events(analyzer, "Le président ukrainien a pointé du doigt la Russie.")) == [
        ("ACCUSE", ["UKR"], ["RUS"])]


def test_threaten_wording(analyzer: Analyzer) -> None:
    assert [(e.type, e.actors) for e in events(
        analyzer, "Moscou a brandi la menace d'une riposte nucléaire.")] == [
        ("THREATEN", ["RUS"])]
    assert [(e.type, e.actors) for e in events(
        analyzer, "Vladimir Poutine a juré une riposte implacable.")] == [
        ("THREATEN", ["vladimir-putin"])]


def test_concede_wording_and_prisoners_condition(analyzer: Analyzer) -> None:
    assert kinds(events(analyzer, "La Russie a libéré 90 prisonniers ukrainiens mardi.")) == [
        ("CONCEDE", ["RUS"], ["UKR"])]
    assert events(analyzer, "L'Ukraine a libéré la ville de Kherson en novembre.") == []
    assert kinds(events(analyzer, "La Russie s'est excusée auprès de l'Azerbaïdjan.")) == [
        ("CONCEDE", ["RUS"], ["AZE"])]


def test_sanction_wording(analyzer: Analyzer) -> None:
    assert kinds(events(analyzer, "La Moldavie a rappelé son ambassadeur à Moscou.")) == [
        ("SANCTION", ["MDA"], ["RUS"])]
    assert kinds(events(analyzer, "Les États-Unis ont coupé l'aide militaire à "
                                  "l'Ukraine.")) == [("SANCTION", ["USA"], ["UKR"])]
    assert events(analyzer, "Le Kremlin a rappelé que la guerre continuait.") == []


def test_retreat_protest_coerce_wording(analyzer: Analyzer) -> None:
    assert [(e.type, e.actors) for e in events(
        analyzer, "La Russie a rappelé ses troupes de la frontière.")] == [("RETREAT", ["RUS"])]
    assert [(e.type, e.actors) for e in events(
        analyzer, "Les forces russes se sont repliées sur la rive gauche.")] == [
        ("RETREAT", ["RUS"])]
    assert [e.type for e in events(analyzer, "La CGT a fait grève mardi.")] == ["PROTEST"]
    assert kinds(events(analyzer, "Les autorités russes ont placé en détention un journaliste "
                                  "américain.")) == [("COERCE", ["RUS"], ["USA"])]


def test_assault_wording(analyzer: Analyzer) -> None:
    assert [(e.type, e.actors) for e in events(
        analyzer, "L'armée russe a déclenché une offensive contre Kharkiv.")] == [
        ("ASSAULT", ["RUS"])]
    assert kinds(events(analyzer, "Le Hamas a revendiqué l'attaque contre Israël.")) == [
        ("ASSAULT", ["hamas"], ["ISR"])]
    assert [(e.type, e.actors) for e in events(
        analyzer, "Les raids russes contre Odessa se sont multipliés.")] == [
        ("ASSAULT", ["RUS"])]


def test_another_sense_of_a_cue_read_from_its_object_is_no_event(analyzer: Analyzer) -> None:
    """"Accuser une baisse", "lever son verre", "livrer un discours", "conclure sa visite":
    the head of the object, whatever words come between, makes another verb of the cue."""
    for text in ("Le rouble accuse une nette baisse face au dollar depuis lundi.",
                 "Le Kremlin a accusé le coup après la décision de l'Otan.",
                 "Vladimir Poutine a levé son verre à l'amitié entre les deux peuples.",
                 "Joe Biden a livré mercredi un long discours à la Maison Blanche.",
                 "Emmanuel Macron a livré sa vision de la défense européenne."):
        assert events(analyzer, text) == [], text
    found = events(analyzer, "Olaf Scholz a conclu jeudi sa visite en Chine.")
    assert [e.type for e in found] == ["CONSULT"]  # the visit, no agreement
    found = events(analyzer, "L'Allemagne a livré mardi des chars Leopard à l'Ukraine.")
    assert kinds(found) == [("AID", ["DEU"], ["UKR"])]
    found = events(analyzer, "La Hongrie a levé son veto.")
    assert [e.type for e in found] == ["CONCEDE"]


def test_a_pronominal_use_of_a_cue_can_be_another_verb(analyzer: Analyzer) -> None:
    for text in ("Les soldats russes se sont livrés à des exactions dans la région.",
                 "Les députés se sont levés pour applaudir Volodymyr Zelensky.",
                 "L'Ukraine se retrouve isolée face à la Russie.",
                 "Les Européens se retrouvent en première ligne face à Moscou."):
        assert events(analyzer, text) == [], text
    found = events(analyzer, "Emmanuel Macron et Olaf Scholz se retrouveront dimanche à Berlin.")
    assert ("CONSULT", ["emmanuel-macron"], ["olaf-scholz"]) in kinds(found)


def test_ending_a_speech_concludes_no_agreement(analyzer: Analyzer) -> None:
    assert events(analyzer, "Olaf Scholz a conclu en rendant hommage aux soldats.") == []
    found = events(analyzer, "La Pologne et l'Ukraine ont conclu un accord de sécurité.")
    assert ("AGREE", ["POL"], ["UKR"]) in kinds(found)


def test_calling_someone_to_inform_them_is_a_call(analyzer: Analyzer) -> None:
    """After a direct object, "pour" + infinitive says why one calls, not what one asks."""
    found = events(analyzer, "Emmanuel Macron a appelé Olaf Scholz pour le tenir informé.")
    assert [(e.type, e.mode) for e in found] == [("CONSULT", "phone")] * 2
    found = events(analyzer, "Emmanuel Macron a appelé Olaf Scholz à livrer des missiles.")
    assert ("REQUEST", ["emmanuel-macron"], ["olaf-scholz"]) in kinds(found)


def test_refusing_to_accept_from_now_on_is_a_refusal(analyzer: Analyzer) -> None:
    """"N'accepterait jamais", "n'accepte pas": a stance, the refusal; "n'a pas accepté"
    tells that an agreement did not happen."""
    found = events(analyzer, "La Serbie n'acceptera jamais un tel compromis.")
    assert [(e.type, e.actors) for e in found] == [("REJECT", ["SRB"])]
    found = events(analyzer, "La Hongrie n'accepte pas les conditions de la Commission.")
    assert [e.type for e in found] == ["REJECT"]
    found = events(analyzer, "La Serbie n'a pas accepté le compromis.")
    assert [(e.type, e.negated) for e in found] == [("AGREE", True)]


def test_refusing_to_do_ones_own_act_is_that_act_negated(analyzer: Analyzer) -> None:
    """"Refuse de livrer" is no aid (the gold's convention for ruling out one's own act);
    refusing to sign, to yield or to meet stays a refusal."""
    found = events(analyzer, "Le gouvernement espagnol refuse de livrer des chars à l'Ukraine.")
    assert [(e.type, e.actors, e.negated) for e in found] == [("AID", ["ESP"], True)]
    found = events(analyzer, "L'Autriche a refusé de condamner Moscou et de livrer des armes.")
    assert sorted((e.type, e.negated) for e in found) == [("ACCUSE", True), ("AID", True)]
    found = events(analyzer, "La Turquie a refusé de signer la déclaration finale.")
    assert [e.type for e in found] == ["REJECT"]
    found = events(analyzer, "L'Italie ne refuse pas de livrer des obus à l'Ukraine.")
    assert [(e.type, e.negated) for e in found] == [("AID", False)]


def test_verbs_of_news_that_name_concessions_and_accusations(analyzer: Analyzer) -> None:
    """Permission is granted ("autoriser": CONCEDE), bodies handed back are a release;
    "déplorer" an act or a silence accuses, "délivrer un mandat d'arrêt contre X" too."""
    found = events(analyzer, "Paris a autorisé Kiev à utiliser ses missiles SCALP en Russie.")
    assert ("CONCEDE", ["FRA"], ["UKR"]) in kinds(found)
    found = events(analyzer, "Moscou a remis 500 corps de soldats à l'Ukraine.")
    assert ("CONCEDE", ["RUS"], ["UKR"]) in kinds(found)
    found = events(analyzer, "La CPI a délivré un mandat d'arrêt contre Benyamin Netanyahou.")
    assert [e.type for e in found] == ["ACCUSE"]
    found = events(analyzer, "Le président finlandais a déploré l'attaque russe contre Odessa.")
    assert [(e.type, e.targets) for e in found if e.type == "ACCUSE"] == [("ACCUSE", ["RUS"])]
    assert events(analyzer, "Antonio Guterres a déploré que les civils en paient le prix.") == []


def test_pushing_for_a_delivery_is_the_request(analyzer: Analyzer) -> None:
    found = events(analyzer, "La Pologne pousse pour livrer des chars à l'Ukraine.")
    assert [e.type for e in found] == ["REQUEST"]


def test_summoning_an_ambassador_is_a_protest_to_his_state(analyzer: Analyzer) -> None:
    """"Convoquer l'ambassadeur de X": an accusation aimed at X; "pour protester" is that
    protest, "pour exiger" a demand; "convoquer une réunion" accuses no one."""
    found = events(analyzer, "La Roumanie a convoqué l'ambassadeur de Russie.")
    assert kinds(found) == [("ACCUSE", ["ROU"], ["RUS"])]
    found = events(analyzer, "Tokyo a convoqué l'ambassadeur de Chine pour protester contre "
                             "ces manœuvres.")
    assert [(e.type, e.targets) for e in found] == [("ACCUSE", ["CHN"])]
    found = events(analyzer, "La Roumanie a convoqué l'ambassadeur de Russie pour exiger des "
                             "explications.")
    assert [e.type for e in found] == ["REQUEST"]
    assert not [e for e in events(analyzer, "Le président roumain a convoqué une réunion du "
                                            "gouvernement.") if e.type == "ACCUSE"]


def test_denouncing_a_treaty_is_leaving_it(analyzer: Analyzer) -> None:
    """Leaving an agreement is REJECT (docs/gold.md, table of recurring cases), as for
    "se retirer de", "quitter"; denouncing a person stays an accusation."""
    found = events(analyzer, "La Russie a dénoncé mardi le traité sur les forces "
                             "conventionnelles en Europe.")
    assert [(e.type, e.actors) for e in found] == [("REJECT", ["RUS"])]
    found = events(analyzer, "La Pologne a dénoncé l'attitude de Viktor Orban.")
    assert [e.type for e in found] == ["ACCUSE"]
