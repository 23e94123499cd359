"""One actor per real-world entity, whatever the text calls it."""

from __future__ import annotations

import re

from filrouge.analyze.actors import load_registry


def actors_in(text: str, on: str | None = "2023-07-11") -> list[tuple[str, str | None]]:
    return [(e.text, e.actor) for e in load_registry().find(text, on)]


def test_aliases_of_nato_are_one_actor() -> None:
    found = actors_in("L'OTAN, l'Otan, l'Alliance atlantique et NATO désignent la même chose.")
    assert {actor for _, actor in found} == {"NATO"}
    assert len(found) == 4


def test_kiev_and_kyiv_speak_for_ukraine_but_a_trip_to_kiev_is_a_place() -> None:
    assert actors_in("Kiev a salué la décision, Kyiv aussi.") == [("Kiev", "UKR"), ("Kyiv", "UKR")]
    assert actors_in("Il s'est rendu à Kiev mardi.") == []


def test_a_title_resolves_to_who_held_the_office_that_day() -> None:
    title = "Le secrétaire général de l'Otan a parlé."
    assert actors_in(title, "2023-07-11") == [("Le secrétaire général de l'Otan",
                                                 "jens-stoltenberg")]
    assert actors_in(title, "2025-06-25") == [("Le secrétaire général de l'Otan", "mark-rutte")]


def test_people_by_full_name_surname_and_honorific() -> None:
    found = actors_in("Sergueï Lavrov a répondu. M. Lavrov a ensuite ajouté que Lavrov partait.")
    assert [a for _, a in found] == ["sergei-lavrov"] * 3


def test_a_user_file_extends_the_registry(tmp_path) -> None:  # type: ignore[no-untyped-def]
    extra = tmp_path / "mes-acteurs.json"
    extra.write_text('{"actors": [{"id": "ACME", "name": "Acme", "type": "organisation",'
                     ' "aliases": ["Acme Corp"]}]}', encoding="utf-8")
    registry = load_registry((extra,))
    assert [e.actor for e in registry.find("Acme Corp et l'Otan.", None)] == ["ACME", "NATO"]


def test_every_iso_state_is_known_by_its_french_and_english_names() -> None:
    found = actors_in("La Syrie, la Corée du Sud, le Brésil et Germany ont voté; la Jordanie "
                      "s'est abstenue.")
    assert [a for _, a in found] == ["SYR", "KOR", "BRA", "DEU", "JOR"]


def test_an_english_name_that_is_also_a_first_name_is_not_a_state() -> None:
    assert actors_in("Jordan Bardella a réagi.") == []


def test_a_mention_is_the_name_without_its_article_unless_the_name_needs_it() -> None:
    assert actors_in("l'Ukraine et la Russie") == [("Ukraine", "UKR"), ("Russie", "RUS")]
    assert actors_in("Selon l'Alliance, rien.") == [("l'Alliance", "NATO")]
    assert actors_in("Les alliés ont tranché.") == [("Les alliés", "NATO")]


def test_a_title_alone_names_its_holder_and_beside_a_name_leaves_the_mention_to_it() -> None:
    assert actors_in("Le porte-parole du Kremlin a démenti.") == [
        ("Le porte-parole du Kremlin", "dmitri-peskov")]
    assert actors_in("Le porte-parole du Kremlin, Dmitri Peskov, a démenti.") == [
        ("Kremlin", "KREMLIN"), ("Dmitri Peskov", "dmitri-peskov")]
    assert actors_in("Dmitri Peskov, le porte-parole du Kremlin, a démenti.") == [
        ("Dmitri Peskov", "dmitri-peskov"), ("Kremlin", "KREMLIN")]
    assert actors_in("Le secrétaire général de l'Otan Jens Stoltenberg a parlé.") == [
        ("Otan", "NATO"), ("Jens Stoltenberg", "jens-stoltenberg")]


def test_a_title_without_reference_names_nobody() -> None:
    assert actors_in("Il a été choisi comme prochain secrétaire général de l'Alliance.") == [
        ("l'Alliance", "NATO")]
    assert actors_in("L'ancien président russe a parlé; aucun président américain n'a cédé.") == []
    assert actors_in("Il a reçu l'accolade du Premier ministre britannique.", "2025-03-02") == [
        ("Premier ministre britannique", "keir-starmer")]


def test_a_contracted_article_stays_outside_and_a_seat_after_a_is_a_place() -> None:
    assert actors_in("Le premier des Alliés a promis aux Ukrainiens l'appui des Vingt-Sept.") == [
        ("Alliés", "NATO"), ("Ukrainiens", "UKR"), ("Vingt-Sept", "EU")]
    assert actors_in("Ils ont signé à l'Élysée, puis à Bruxelles; l'Élysée a confirmé.") == [
        ("Élysée", "ELYSEE")]
    assert actors_in("Cinq cents millions d'Européens; les Européens ont hésité.") == [
        ("les Européens", "EUROPEANS")]


def test_a_state_government_is_named_through_its_adjective() -> None:
    assert actors_in("Selon le gouvernement britannique et les autorités ukrainiennes, non.") == [
        ("le gouvernement britannique", "GBR"), ("les autorités ukrainiennes", "UKR")]
    assert actors_in("Le président du gouvernement espagnol a parlé.", "2025-06-25") == [
        ("Le président du gouvernement espagnol", "pedro-sanchez")]


def test_a_nationality_noun_and_a_first_name_point_back_to_a_named_person(analyzer) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import analyse_text

    article = analyse_text(analyzer, "Jens Stoltenberg a ouvert le sommet avec Mark Rutte. "
                           "« Nous sommes unis », a dit le Norvégien. « Mark sera un bon "
                           "successeur », a-t-il ajouté.")
    found = [(e.text, e.actor) for e in article.entities]
    assert ("le Norvégien", "jens-stoltenberg") in found
    assert ("Mark", "mark-rutte") in found


def test_a_capital_addressed_after_a_is_its_government(analyzer) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import analyse_text

    helped = analyse_text(analyzer, "Les alliés ont promis leur soutien à Kiev pour l'an prochain.")
    visited = analyse_text(analyzer, "Les ministres se sont réunis à Kiev mardi soir.")
    assert ("Kiev", "UKR") in [(e.text, e.actor) for e in helped.entities]
    assert ("Kiev", "UKR") not in [(e.text, e.actor) for e in visited.entities]


def test_name_variants_of_an_unknown_person_merge_across_articles() -> None:
    from filrouge.analyze.entities import bare_name, merge_name_variants

    assert bare_name("l'amiral Cavo Dragone") == "Cavo Dragone"
    merged = merge_name_variants(["cavo-dragone", "giuseppe-cavo-dragone", "smith",
                                  "john-smith", "jane-smith"])
    assert merged == {"cavo-dragone": "giuseppe-cavo-dragone"}


def test_section_headings_give_no_unknown_entities(analyzer) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import analyse_text

    article = analyse_text(analyzer, "APPEL AU DIALOGUE EUROPE\n\nLe texte a été signé mardi "
                                     "par Rob Bauer, qui préside le comité militaire.")
    names = [e.text for e in article.entities if e.actor and e.actor.startswith("local:")]
    assert names == ["Rob Bauer"]


def test_a_bad_actor_file_is_a_usage_error_with_what_is_wrong(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from filrouge.cli import main

    bad = tmp_path / "acteurs.json"
    for content, message in (("{not json", "not a readable JSON file"),
                             ('[{"id": "x"}]', 'expected {"actors"'),
                             ('{"actors": [{"id": "x"}]}', "actor #1 lacks name, type")):
        bad.write_text(content, encoding="utf-8")
        result = CliRunner().invoke(main, ["ingest", str(tmp_path), "--db",
                                           str(tmp_path / "x.db"), "--actors", str(bad)])
        assert result.exit_code == 2
        assert message in result.output


def test_names_as_the_press_writes_them_without_accents_or_in_title_case() -> None:
    assert actors_in("L'Egypte, l'Arabie Saoudite et les Etats-Unis; Riyad et Le Caire.") == [
        ("Egypte", "EGY"), ("Arabie Saoudite", "SAU"), ("Etats-Unis", "USA"), ("Riyad", "SAU"),
        ("Le Caire", "EGY")]


def test_common_words_tagged_as_names_are_no_actors_and_short_names_join_the_full_one(
        analyzer) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import analyse_text

    article = analyse_text(analyzer, "Le président syrien Bachar Al-Assad a reçu Liu Jianchao. La "
                           "Constitution a été suspendue. Assad a ensuite parlé à M. Liu, selon "
                           "Bachar lui-même.")
    ids = {e.text: e.actor for e in article.entities if e.actor}
    assert "Constitution" not in ids
    assert ids["Assad"] == ids["Bachar"] == ids["Bachar Al-Assad"] == "local:bachar-al-assad"
    assert ids["M. Liu"] == "local:liu-jianchao"


def test_a_title_is_known_under_the_other_words_the_press_uses() -> None:
    assert actors_in("Le leader américain et le chef du gouvernement polonais.", "2024-06-13") == [
        ("Le leader américain", "joe-biden"), ("le chef du gouvernement polonais", "donald-tusk")]


def test_the_registry_pattern_takes_the_longest_form_that_ends_on_a_word() -> None:
    from filrouge.analyze.actors import _trie_alternatives

    forms = ["Union", "Union européenne", "Union européenne de défense", "l'Otan"]
    pattern = re.compile(r"(?<![\w-])(?:" + _trie_alternatives(forms) + r")(?![\w-])")
    text = "L'Union européenne et l’Otan ; l'Union européennes ; Union européenne de défenses"
    assert [m.group(0) for m in pattern.finditer(text)] == [
        "Union européenne", "l’Otan", "Union", "Union européenne"]
