"""One actor per real-world entity, whatever the text calls it."""

from __future__ import annotations

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
