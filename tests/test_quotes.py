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


# -- mixed and indirect statements ---------------------------------------------------------


def test_a_que_clause_holding_quoted_words_is_one_mixed_quote(analyzer: Analyzer) -> None:
    (quote,) = quotes(analyzer, "Dmitri Peskov a affirmé que l'adhésion aurait des conséquences "
                                "« très négatives » pour la sécurité du continent.")
    assert quote.kind == "mixed"
    assert quote.text == ("l'adhésion aurait des conséquences « très négatives » pour la "
                          "sécurité du continent")
    assert quote.speaker_actor == "dmitri-peskov"


def test_a_quoted_fragment_inside_an_object_is_mixed(analyzer: Analyzer) -> None:
    (quote,) = quotes(analyzer, "Giorgia Meloni a salué un « message fort » envoyé à Moscou.")
    assert quote.kind == "mixed"
    assert quote.text == "un « message fort » envoyé à Moscou"


def test_quoted_words_that_are_the_whole_object_are_direct(analyzer: Analyzer) -> None:
    (quote,) = quotes(analyzer, "Jake Sullivan a salué jeudi « un partenaire exigeant et "
                                "loyal ».", "2024-06-18")
    assert (quote.kind, quote.text) == ("direct", "un partenaire exigeant et loyal")
    assert quote.speaker_actor == "jake-sullivan"


def test_selon_before_the_statement(analyzer: Analyzer) -> None:
    (quote,) = quotes(analyzer, "Selon un diplomate européen, Moscou cherche à gagner du temps.")
    assert (quote.kind, quote.text) == ("indirect", "Moscou cherche à gagner du temps")
    assert quote.anonymous and quote.speaker_description == "diplomate européen"
    assert quote.cue is not None and quote.cue.text == "Selon"


def test_selon_after_the_statement_names_an_institution(analyzer: Analyzer) -> None:
    (quote,) = quotes(analyzer, "La Russie a lancé quarante missiles dans la nuit, selon "
                                "l'armée de l'air ukrainienne.")
    assert quote.text == "La Russie a lancé quarante missiles dans la nuit"
    assert quote.speaker_actor == "UKR"


def test_selon_a_document_names_who_published_it(analyzer: Analyzer) -> None:
    (quote,) = quotes(analyzer, "L'Ukraine versera la moitié des revenus au fonds, selon le "
                                "texte publié par le gouvernement ukrainien.", "2025-05-01")
    assert quote.speaker_actor == "UKR"
    assert quote.speaker is not None and quote.speaker.text == "le gouvernement ukrainien"


def test_selon_lui_with_only_quoted_words_is_direct(analyzer: Analyzer) -> None:
    found = quotes(analyzer, "Jens Stoltenberg est arrivé mardi à Vilnius. Selon lui, « la "
                             "fierté n'empêche pas la peur ».")
    assert [(q.kind, q.text, q.speaker_actor) for q in found] == [
        ("direct", "la fierté n'empêche pas la peur", "jens-stoltenberg")]


def test_selon_moi_and_selon_ses_mots_are_not_sources(analyzer: Analyzer) -> None:
    assert quotes(analyzer, "Ce qui compte, selon moi, c'est la manière dont Berlin va "
                            "suivre.") == []
    (quote,) = quotes(analyzer, "Volodymyr Zelensky a souligné que ces accords formaient, selon "
                                "ses mots, « une architecture de sécurité ».", "2024-02-16")
    assert quote.cue is not None and quote.cue.text == "a souligné"
    assert quote.speaker_actor == "volodymyr-zelensky"


def test_a_statement_before_an_inverted_cue_without_quotation_marks(
        analyzer: Analyzer) -> None:
    (quote,) = quotes(analyzer, "Marco Rubio rencontrera la semaine prochaine des responsables "
                                "russes, a confirmé samedi un haut responsable du département "
                                "d'État, sous couvert d'anonymat.", "2025-02-15")
    assert quote.kind == "indirect"
    assert quote.text == "Marco Rubio rencontrera la semaine prochaine des responsables russes"
    assert quote.anonymous
    assert [p.text for p in quote.parts] == [quote.text]


def test_an_incise_in_unquoted_words_splits_the_statement(analyzer: Analyzer) -> None:
    found = quotes(analyzer, "Maria Zakharova a réagi jeudi. Ces prétendues garanties, "
                             "a-t-elle soutenu, sont « des garanties de danger ».", "2025-09-05")
    (quote,) = found
    assert quote.kind == "mixed"
    assert [p.text for p in quote.parts] == ["Ces prétendues garanties",
                                             "sont « des garanties de danger »"]
    assert quote.speaker_actor == "maria-zakharova"


def test_a_document_is_not_a_speaker(analyzer: Analyzer) -> None:
    assert quotes(analyzer, "Le document confirme que l'avenir de l'Ukraine est dans "
                            "l'Otan.") == []


def test_negation_through_a_modal_or_personne(analyzer: Analyzer) -> None:
    assert quotes(analyzer, "Personne ne peut promettre que la guerre finira cette "
                            "année.") == []
    assert quotes(analyzer, "Cela veut dire que l'Otan restera prudente.") == []


def test_a_named_thing_after_dit_is_not_a_quote(analyzer: Analyzer) -> None:
    assert quotes(analyzer, "Trente pays ont rejoint la déclaration dite « de Vilnius » "
                            "adoptée par le G7.") == []


# -- speakers ---------------------------------------------------------------------------------


def test_il_is_the_subject_of_the_sentence_before_in_apposition(analyzer: Analyzer) -> None:
    found = quotes(analyzer, "« L'Europe doit se réveiller », a déclaré Donald Trump.\n\n"
                             "Le ministre allemand de la Défense, Boris Pistorius, a répliqué "
                             "samedi. « Cette Europe-là n'est pas celle que je connais », "
                             "a-t-il ajouté.", "2025-02-15")
    assert [q.speaker_actor for q in found] == ["donald-trump", "boris-pistorius"]


def test_a_name_inside_the_quote_is_not_the_antecedent(analyzer: Analyzer) -> None:
    found = quotes(analyzer, "Dans un communiqué, Jens Stoltenberg a salué la désignation de "
                             "son successeur. « Mark est un vrai transatlantiste », a-t-il écrit.",
                   "2024-06-26")
    assert [q.speaker_actor for q in found] == ["jens-stoltenberg"]


def test_elle_skips_a_man_the_text_marks_as_such(analyzer: Analyzer) -> None:
    found = quotes(analyzer, "Le chancelier Olaf Scholz a reçu Mme Kaja Kallas à Berlin. "
                             "« Nous devons agir vite », a-t-elle déclaré.", "2024-02-16")
    assert [q.speaker_actor for q in found] == ["kaja-kallas"]


def test_a_pronoun_chain_reaches_the_named_subject(analyzer: Analyzer) -> None:
    found = quotes(analyzer, "Andriy Yermak dirige l'administration présidentielle. Le 13 juin, "
                             "il a supervisé l'accord signé entre Joe Biden et Volodymyr "
                             "Zelensky. « Chaque virgule a été discutée », a-t-il raconté.",
                   "2024-06-18")
    assert [q.speaker_actor for q in found] == ["andriy-yermak"]


def test_a_title_goes_to_the_person_introduced_with_it(analyzer: Analyzer) -> None:
    found = quotes(analyzer, "La députée de la circonscription, Anne-Sophie Girard, a visité "
                             "l'usine. « Nous avons les compétences et la main-d'œuvre », a "
                             "insisté l'élue.", "2025-06-26")
    assert [q.speaker_actor for q in found] == ["local:anne-sophie-girard"]


def test_a_nationality_goes_to_the_person_of_that_country(analyzer: Analyzer) -> None:
    found = quotes(analyzer, "Jens Stoltenberg cédera la place à Mark Rutte le 1er octobre. "
                             "« Nous n'avons jamais été aussi unis », a fait valoir vendredi le "
                             "Norvégien.", "2024-07-09")
    assert [q.speaker_actor for q in found] == ["jens-stoltenberg"]


def test_a_name_in_apposition_to_the_subject_is_the_speaker(analyzer: Analyzer) -> None:
    (quote,) = quotes(analyzer, "Le ministre tchèque des Affaires étrangères, Jan Lipavsky, a "
                                "déclaré que Prague enverrait des obus.", "2024-02-26")
    assert quote.speaker_actor == "local:jan-lipavsky"


def test_the_envoy_of_someone_is_not_that_someone(analyzer: Analyzer) -> None:
    found = quotes(analyzer, "Keith Kellogg, l'émissaire de Donald Trump pour l'Ukraine, est "
                             "arrivé à Munich. L'émissaire de Donald Trump a exclu que les "
                             "Européens participent aux négociations.", "2025-02-15")
    assert [q.speaker_actor for q in found] == ["keith-kellogg"]


def test_an_institution_named_by_its_country(analyzer: Analyzer) -> None:
    (quote,) = quotes(analyzer, "La présidence russe a fait savoir que ces textes n'engageaient "
                                "en rien Moscou.", "2024-01-12")
    assert quote.speaker_actor == "KREMLIN"
    assert quote.cue is not None and quote.cue.text == "a fait savoir"


def test_an_anonymous_source_taken_up_again_keeps_its_description(
        analyzer: Analyzer) -> None:
    found = quotes(analyzer, "« Nous avons besoin de temps », a confié un haut responsable "
                             "ukrainien. « Le temps joue contre nous », a averti le même "
                             "responsable.", "2024-02-24")
    assert [(q.anonymous, q.speaker_description) for q in found] == [
        (True, "haut responsable ukrainien"), (True, "haut responsable ukrainien")]


# -- direct quotes ----------------------------------------------------------------------------


def test_a_cue_the_tagger_reads_as_a_noun(analyzer: Analyzer) -> None:
    (quote,) = quotes(analyzer, "« Il est meilleur diplomate que gestionnaire », tranche un "
                                "député de l'opposition.", "2025-06-07")
    assert quote.anonymous
    assert quote.cue is not None and quote.cue.text == "tranche"


def test_subject_before_the_verb_after_the_quote(analyzer: Analyzer) -> None:
    found = quotes(analyzer, "Sergueï Lavrov a jugé la conversation utile. « Nous n'avons pas "
                             "seulement écouté », il a dit à la télévision russe.", "2025-02-19")
    assert [(q.speaker.text if q.speaker else None, q.speaker_actor) for q in found] == [
        ("il", "sergei-lavrov")]


def test_a_quote_over_two_paragraphs_reopened_with_a_mark(analyzer: Analyzer) -> None:
    (quote,) = quotes(analyzer, "« Nous resterons aussi longtemps qu'il le faudra.\n\n« Nous ne "
                                "partirons pas », a déclaré Volodymyr Zelensky.")
    assert [p.text for p in quote.parts] == ["Nous resterons aussi longtemps qu'il le faudra.",
                                             "Nous ne partirons pas"]
    assert quote.speaker_actor == "volodymyr-zelensky"


def test_a_dialogue_dash_counts_only_with_an_incise(analyzer: Analyzer) -> None:
    (quote,) = quotes(analyzer, "— Nous ne céderons rien, a répondu Dmytro Kuleba.",
                      "2023-07-11")
    assert (quote.text, quote.speaker_actor) == ("Nous ne céderons rien", "dmytro-kuleba")
    assert quotes(analyzer, "— Pourquoi aucune invitation ?\n\n— Parce que Washington n'en "
                            "voulait pas.") == []


def test_et_d_ajouter_continues_the_speaker(analyzer: Analyzer) -> None:
    found = quotes(analyzer, "« Chaque nom compte », répète Roustem Oumerov. Et d'ajouter : « On "
                             "négocie des vies. »", "2025-06-07")
    assert [q.speaker_actor for q in found] == ["rustem-umerov", "rustem-umerov"]


def test_a_whole_sentence_quote_without_cue_continues_the_paragraph_speaker(
        analyzer: Analyzer) -> None:
    found = quotes(analyzer, "« C'est un accord sans équivalent », a salué Volodymyr Zelensky. "
                             "« Il nous rapproche de l'Otan. »\n\n« Une autre phrase sans "
                             "auteur connu ici. »", "2024-01-12")
    assert [(q.text, q.speaker_actor) for q in found] == [
        ("C'est un accord sans équivalent", "volodymyr-zelensky"),
        ("Il nous rapproche de l'Otan.", "volodymyr-zelensky")]


def test_the_cue_class_comes_from_the_lexicon(analyzer: Analyzer) -> None:
    (quote,) = quotes(analyzer, "« Nous n'enverrons pas de troupes », a démenti Emmanuel Macron.",
                      "2024-02-27")
    assert quote.cue_class == "denial"


def test_the_channel_of_a_statement(analyzer: Analyzer) -> None:
    (quote,) = quotes(analyzer, "« Chaque virgule a été discutée », a écrit Andriy Yermak sur "
                                "Telegram.", "2024-06-14")
    assert quote.channel is not None and quote.channel.text == "sur Telegram"
    (quote,) = quotes(analyzer, "Sergueï Lavrov a estimé que ces garanties ne valaient rien, "
                                "dans des propos rapportés par RIA Novosti.", "2025-09-01")
    assert quote.channel is not None and quote.channel.text.endswith("RIA Novosti")


# -- rules found on real text and the dev half ----------------------------------------------


def test_que_after_a_prepositional_phrase_even_if_parsed_as_relative(analyzer: Analyzer) -> None:
    (quote,) = quotes(analyzer, "Dmitri Medvedev a écrit sur Telegram que Trump avait « cassé » "
                                "le régime de Kiev.", "2025-05-01")
    assert quote.kind == "mixed"
    assert quote.text.startswith("Trump avait « cassé »")
    assert quote.speaker_actor == "dmitri-medvedev"


def test_compound_and_comparative_que_are_not_content_clauses(analyzer: Analyzer) -> None:
    assert quotes(analyzer, "Cette prudence relève d'une plus grande maturité que celle de ses "
                            "rivaux.") == []
    found = quotes(analyzer, "L'Ukraine propose d'acheter des armes américaines, a expliqué "
                             "Volodymyr Zelensky, ainsi qu'un accord sur les drones.", "2025-08-19")
    assert [q.speaker_actor for q in found] == ["volodymyr-zelensky"]
    assert not any(q.text.startswith("un accord") for q in found)


def test_a_colon_after_a_clause_about_a_person_introduces_a_quote(analyzer: Analyzer) -> None:
    (quote,) = quotes(analyzer, "Donald Trump s'en est ensuite pris à Madrid : « L'Espagne est "
                                "la seule à refuser. »", "2025-06-26")
    assert (quote.kind, quote.speaker_actor) == ("direct", "donald-trump")
    assert quote.cue_class is None  # no reporting verb, so no class


def test_an_unresolved_pronoun_keeps_its_quote(analyzer: Analyzer) -> None:
    (quote,) = quotes(analyzer, "Elle a prévenu que le Berry devrait se battre pour ses usines.")
    assert quote.speaker is not None and quote.speaker.text == "Elle"
    assert quote.speaker_actor is None


def test_a_time_word_read_as_subject_is_skipped(analyzer: Analyzer) -> None:
    found = quotes(analyzer, "Keir Starmer est arrivé à Washington. Mercredi, il a assuré que "
                             "les États-Unis étaient « avec » leurs alliés.", "2025-06-26")
    assert [(q.speaker.text if q.speaker else None, q.speaker_actor) for q in found] == [
        ("il", "keir-starmer")]


def test_a_source_opening_the_sentence_reports_the_clause_after_it(analyzer: Analyzer) -> None:
    (quote,) = quotes(analyzer, "D'après une source diplomatique à Moscou, la Russie juge que "
                                "l'envoi de troupes serait « inacceptable ».", "2025-03-02")
    assert quote.anonymous
    assert quote.text.startswith("la Russie juge que")


def test_a_media_after_selon_is_the_channel(analyzer: Analyzer) -> None:
    (quote,) = quotes(analyzer, "Selon l'agence Tass, Iouri Ouchakov a jugé que les Européens "
                                "« ne comprennent toujours pas ».", "2025-09-06")
    assert quote.speaker_actor == "yuri-ushakov"
    assert quote.channel is not None and quote.channel.text.startswith("Selon l'agence Tass")


def test_participles_and_passives_are_not_cues(analyzer: Analyzer) -> None:
    assert quotes(analyzer, "Le parquet a ouvert une enquête, confiée à la brigade financière, "
                            "à la suite d'une plainte.") == []
    assert quotes(analyzer, "Israël est assuré d'une aide annuelle que le Congrès vote.") == []
    assert quotes(analyzer, "La guerre entre ces deux ennemis jurés que sont les clans dure.") == []


def test_a_gerund_takes_the_subject_of_the_main_clause(analyzer: Analyzer) -> None:
    found = quotes(analyzer, "Jens Stoltenberg lui a remis le marteau en le décrivant comme un "
                             "homme « qui sait trouver des compromis ».", "2024-10-01")
    assert [q.speaker_actor for q in found] == ["jens-stoltenberg"]


def test_a_relative_clause_and_a_participle_phrase_before_the_verb(analyzer: Analyzer) -> None:
    found = quotes(analyzer, "Un haut responsable ukrainien, qui a requis l'anonymat, a indiqué "
                             "à Reuters que Kiev espérait conclure d'autres accords.", "2024-02-24")
    assert [(q.anonymous, q.speaker_description) for q in found] == [
        (True, "haut responsable ukrainien")]


def test_a_name_before_its_apposition_is_the_speaker(analyzer: Analyzer) -> None:
    (quote,) = quotes(analyzer, "Hakan Fidan, son ministre des Affaires étrangères, a qualifié "
                                "la séance de « très positive ».", "2025-06-04")
    assert quote.speaker_actor == "hakan-fidan"


def test_an_indefinite_title_is_an_anonymous_source(analyzer: Analyzer) -> None:
    (quote,) = quotes(analyzer, "Un général a récemment admis que des contrôles avaient eu "
                                "lieu.", "2011-06-04")
    assert quote.anonymous and quote.speaker_description == "général"


def test_a_title_holder_from_the_registry_when_the_article_names_nobody(
        analyzer: Analyzer) -> None:
    (quote,) = quotes(analyzer, "La porte-parole du ministère des Affaires étrangères russe a dit "
                                "que l'Occident était « directement impliqué ».", "2024-09-06")
    assert quote.speaker_actor == "maria-zakharova"


def test_a_definite_title_points_back_to_the_person_just_named(analyzer: Analyzer) -> None:
    found = quotes(analyzer, "Vladimir Medinski a mené la délégation russe. L'ancien ministre "
                             "russe de la Culture a reconnu que son homologue était « un "
                             "interlocuteur sérieux ».", "2025-06-07")
    assert [q.speaker_actor for q in found] == ["vladimir-medinsky"]


def test_an_incise_before_a_quote_after_a_connector(analyzer: Analyzer) -> None:
    found = quotes(analyzer, "Mohammed Morsi a parlé longuement. Pourtant, ajoute-t-il, « si "
                             "nous comprenons la colère, nous ne descendrons pas dans la rue ».",
                   "2013-06-27")
    assert [(q.kind, q.text[:20]) for q in found] == [("direct", "si nous comprenons l")]


def test_a_quoted_name_after_a_noun_is_not_a_quote(analyzer: Analyzer) -> None:
    found = quotes(analyzer, "Hosni Moubarak s'est confié au quotidien « El Hayat », assure son "
                             "entourage.", "2013-07-04")
    assert "El Hayat" not in [q.text for q in found]


def test_coordinated_reporting_verbs_give_two_statements(analyzer: Analyzer) -> None:
    found = quotes(analyzer, "Volodymyr Zelensky a dit qu'il soutiendrait une pause, mais a "
                             "accusé Vladimir Poutine de vouloir « affaiblir » l'Ukraine.",
                   "2025-03-19")
    assert [(q.kind, q.speaker_actor) for q in found] == [
        ("indirect", "volodymyr-zelensky"), ("mixed", "volodymyr-zelensky")]
    assert found[0].text == "il soutiendrait une pause"


def test_a_cue_read_as_a_noun_before_que(analyzer: Analyzer) -> None:
    (quote,) = quotes(analyzer, "Le président américain juge qu'un accord de paix vaut mieux "
                                "qu'une trêve.", "2025-08-19")
    assert quote.cue is not None and quote.cue.text == "juge"
    assert quote.text == "un accord de paix vaut mieux qu'une trêve"


def test_a_fragment_followed_by_more_words_is_mixed(analyzer: Analyzer) -> None:
    (quote,) = quotes(analyzer, "Donald Trump s'est dit « pas content » de Vladimir Poutine.",
                      "2025-09-06")
    assert (quote.kind, quote.text) == ("mixed", "« pas content » de Vladimir Poutine")


def test_a_title_case_headline_is_not_prose(analyzer: Analyzer) -> None:
    assert quotes(analyzer, "Lié : Trump Dit Que L'Ukraine Doit Rembourser Toute L'Aide") == []


def test_an_incise_verb_needs_quoted_words_or_a_speaker(analyzer: Analyzer) -> None:
    assert quotes(analyzer, "Il parle peu, sourit souvent et ne hausse jamais la voix.") == []
