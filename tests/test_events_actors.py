"""Who acts: a group named through the members "dont" lists, "ils" continuing a coordinated
subject, "les deux hommes", "les deux pays", a title followed by
the name of who holds it."""

from __future__ import annotations

from filrouge.analyze.pipeline import Analyzer
from filrouge.model import Event

from .conftest import analyse_text


def events(analyzer: Analyzer, text: str, published: str) -> list[Event]:
    return analyse_text(analyzer, text, published).events


def actors_of(found: list[Event], kind: str) -> list[list[str]]:
    return [e.actors for e in found if e.type == kind]


def test_a_group_named_through_its_members_is_those_members(analyzer: Analyzer) -> None:
    found = events(analyzer, "Plusieurs alliés de Caracas, dont la Russie, la Chine et l'Iran, "
                             "ont en revanche félicité M. Maduro dès lundi.", "2024-08-01")
    assert actors_of(found, "SUPPORT") == [["RUS", "CHN", "IRN"]]


def test_a_title_followed_by_a_name_is_the_named_person(analyzer: Analyzer) -> None:
    found = events(analyzer, "Le ministre des Affaires étrangères de l'Ukraine Dmytro Kuleba a "
                             "appelé les partenaires internationaux à fournir une aide "
                             "d'urgence.", "2023-06-06")
    assert actors_of(found, "REQUEST") == [["dmytro-kuleba"]]


def test_they_continues_the_coordinated_subject_before(analyzer: Analyzer) -> None:
    found = events(analyzer, "Emmanuel Macron et Olaf Scholz ont reçu Volodymyr Zelensky à "
                             "Paris. Ils ont appelé la Russie à retirer ses troupes.",
                   "2024-02-17")
    assert actors_of(found, "REQUEST") == [["emmanuel-macron", "olaf-scholz"]]


def test_the_two_men_are_the_two_people_named_together(analyzer: Analyzer) -> None:
    found = events(analyzer, "Vendredi, le Premier ministre arménien Nikol Pachinian et le "
                             "président azerbaïdjanais Ilham Aliev ont paraphé un accord de "
                             "paix, sous le regard de Donald Trump. Les deux hommes ont aussi "
                             "signé avec le président américain une déclaration commune.",
                   "2025-08-11")
    signed = [e for e in found if e.type == "AGREE" and e.trigger.text == "signé"]
    assert {a for e in signed for a in e.actors} >= {"nikol-pashinyan", "ilham-aliyev"}


def test_the_two_countries_are_not_those_a_quote_names(analyzer: Analyzer) -> None:
    found = events(analyzer, "Marco Rubio a rencontré à Djeddah la délégation ukrainienne. "
                             "Volodymyr Zelensky a remercié les États-Unis. « La Russie doit "
                             "maintenant montrer si elle veut la paix », a-t-il écrit. Les deux "
                             "pays ont signé un accord sur les minerais.", "2025-03-12")
    parties = {a for e in found if e.type == "AGREE" for a in [*e.actors, *e.targets]}
    assert "RUS" not in parties
    assert parties >= {"USA", "UKR"}


def test_a_verb_joined_to_a_que_clause_continues_the_reporting_subject(
        analyzer: Analyzer) -> None:
    found = events(analyzer, "Le porte-parole du Kremlin Dmitri Peskov a déclaré que la Russie "
                             "remplit ses engagements et a appelé la partie ukrainienne à faire "
                             "la même chose.", "2025-06-12")
    assert actors_of(found, "REQUEST") == [["dmitri-peskov"]]


def test_the_voice_of_a_state_is_the_person_who_speaks(analyzer: Analyzer) -> None:
    found = events(analyzer, "Téhéran, par la voix de son ministre des Affaires étrangères "
                             "Hossein Amir-Abdollahian, a salué la trêve conclue par le Hamas.",
                   "2023-11-22")
    assert actors_of(found, "SUPPORT") == [["hossein-amir-abdollahian"]]
