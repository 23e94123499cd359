"""People outside the registry: one corpus-local id for the spellings of one name, and places
that are no actors. Names and sentences here are written for the tests."""

from __future__ import annotations

from filrouge.analyze.entities import merge_local_people
from filrouge.analyze.names import name_key, plan_merges
from filrouge.model import Article, Entity, Event, Span


def _targets(counts: dict[str, int], known: dict[str, list[str]] | None = None
             ) -> dict[str, str]:
    return {m.source: m.target for m in plan_merges(counts, known)}


# -- the spelling key -------------------------------------------------------------------------


def test_transliterations_of_one_name_share_a_key() -> None:
    for variants in (["mohamed-morsi", "mohammed-morsi", "mohammad-morsi", "muhammad-mursi"],
                     ["ali-abdallah-saleh", "ali-abdullah-saleh", "ali-abdulla-saleh"],
                     ["volodymyr-zelensky", "volodymyr-zelenski", "volodymyr-zelenskyy"],
                     ["serguei-lavrov", "sergei-lavrov", "sergey-lavrov"],
                     ["abdel-fattah-al-sissi", "abd-el-fattah-sissi", "abdelfattah-el-sissi"],
                     ["anouar-el-sadate", "anwar-sadat"],
                     ["ahmed-chafiq", "ahmad-shafik", "ahmed-chafik"],
                     ["hillary-clinton", "hilary-clinton"]):
        assert len({name_key(v) for v in variants}) == 1, variants


def test_different_names_keep_different_keys() -> None:
    for one, other in (("hosni-moubarak", "gamal-moubarak"), ("hassan", "hussein"),
                       ("mohamed", "mahmoud"), ("george-h-bush", "george-w-bush"),
                       ("ahmed-ali", "hamed-ali")):
        assert name_key(one) != name_key(other)


# -- merges across a corpus --------------------------------------------------------------------


def test_spellings_and_the_surname_alone_become_the_most_used_spelling() -> None:
    merged = _targets({"mohamed-morsi": 50, "mohammed-morsi": 10, "mohammad-morsi": 3,
                       "morsi": 8, "anti-morsi": 1})
    assert merged == {"local:mohammed-morsi": "local:mohamed-morsi",
                      "local:mohammad-morsi": "local:mohamed-morsi",
                      "local:morsi": "local:mohamed-morsi"}


def test_two_first_names_with_one_surname_stay_apart() -> None:
    merged = _targets({"hosni-moubarak": 40, "gamal-moubarak": 5, "moubarak": 9,
                       "hafez-el-assad": 1, "bachar-el-assad": 12, "assad": 4})
    assert merged == {}  # neither the sons, nor the surname alone (two people fit)


def test_the_surname_alone_joins_the_one_fuller_name_even_in_another_spelling() -> None:
    merged = _targets({"hosni-moubarak": 40, "hosni-mubarak": 2, "mubarak": 3})
    assert merged == {"local:hosni-mubarak": "local:hosni-moubarak",
                      "local:mubarak": "local:hosni-moubarak"}


def test_a_first_name_alone_is_no_one_in_particular() -> None:
    merged = _targets({"mohamed-tahar": 3, "mohamed": 4, "mohammed": 2, "hussein-tantaoui": 2,
                       "saddam-hussein": 1, "hussein": 3})
    assert merged == {}


def test_the_fathers_name_after_ibn_is_not_the_sons() -> None:
    assert _targets({"ibn-seoud": 3, "seoud": 2}) == {}


def test_middle_names_left_out_and_initials() -> None:
    merged = _targets({"alexandre-gelievich-douguine": 1, "alexandre-douguine": 2,
                       "jean-marc-ayrault": 2, "j-m-ayrault": 3, "n-sarkozy": 1,
                       "nicolas-sarkozy": 9, "mr-sarkozy": 1})
    assert merged == {"local:alexandre-douguine": "local:alexandre-gelievich-douguine",
                      "local:j-m-ayrault": "local:jean-marc-ayrault",
                      "local:n-sarkozy": "local:nicolas-sarkozy",
                      "local:mr-sarkozy": "local:nicolas-sarkozy"}


def test_a_middle_name_that_differs_is_another_person() -> None:
    merged = _targets({"ali-abdallah-saleh": 9, "ali-mohsen-saleh": 2, "ali-saleh": 1})
    assert merged == {}


def test_a_local_spelling_of_a_registry_person_takes_the_registry_id() -> None:
    merged = _targets({"volodymyr-zelenskyy": 2, "zelenskyy": 1},
                      {"volodymyr-zelensky": ["Volodymyr Zelensky", "Zelensky"]})
    assert merged == {"local:volodymyr-zelenskyy": "volodymyr-zelensky",
                      "local:zelenskyy": "volodymyr-zelensky"}
    # and a registry id is never renamed, whatever the local spellings
    assert all(m.source.startswith("local:") for m in plan_merges(
        {"joe-biden": 3}, {"joe-biden": ["Joe Biden"], "JOE": ["Joe Biden"]}))


def test_merges_say_why() -> None:
    reasons = {m.source: m.reason for m in plan_merges({"mohamed-morsi": 5, "mohammed-morsi": 2,
                                                         "morsy": 1})}
    assert reasons == {"local:mohammed-morsi": "same spelling key",
                       "local:morsy": "shorter form"}


def test_merging_relinks_mentions_and_events_in_the_store_articles() -> None:
    def article(ident: str, name: str, slug: str) -> Article:
        text = f"{name} a accusé l'armée."
        return Article(id=ident, source=ident, text=text,
                       entities=[Entity(start=0, end=len(name), text=name, label="PER",
                                        actor=f"local:{slug}")],
                       events=[Event(start=0, end=len(text), text=text, type="ACCUSE",
                                     trigger=Span(start=len(name) + 3, end=len(name) + 9,
                                                  text="accusé"),
                                     actors=[f"local:{slug}"], targets=[])])

    articles = [article("a", "Mohamed Morsi", "mohamed-morsi"),
                article("b", "Mohamed Morsi", "mohamed-morsi"),
                article("c", "Mohammed Morsi", "mohammed-morsi"),
                article("d", "M. Morsi", "morsi")]
    changed = merge_local_people(articles)
    assert set(changed) == {"c", "d"}
    assert {a.entities[0].actor for a in changed.values()} == {"local:mohamed-morsi"}
    assert {a.events[0].actors[0] for a in changed.values()} == {"local:mohamed-morsi"}


# -- analysis of one article -------------------------------------------------------------------


def test_a_place_named_like_a_name_is_no_actor(analyzer) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import analyse_text

    article = analyse_text(analyzer, (
        "Des milliers de manifestants ont occupé la place Talaat Harb mardi. Vendredi, Talaat "
        "Harb était de nouveau noire de monde.\n\nOnze personnes ont été tuées mardi dans une "
        "attaque menée par l'armée yéménite contre une manifestation dans le district de Bani "
        "Yaghmour, ravagé par les combats."))
    places = {e.text for e in article.entities if e.label == "LOC"}
    assert {"Talaat Harb", "Bani Yaghmour"} <= places
    assert not [e for e in article.entities
                if e.text in {"Talaat Harb", "Bani Yaghmour"} and e.actor]
    assert not [a for ev in article.events for a in ev.actors + ev.targets
                if "harb" in a or "yaghmour" in a]


def test_instead_of_is_no_place(analyzer) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import analyse_text

    article = analyse_text(analyzer, "Le ministre Karim Benslimane a parlé à la place de Nadia "
                                     "Ferhat, retenue à Alger.")
    assert "local:nadia-ferhat" in {e.actor for e in article.entities}


def test_a_surname_alone_with_two_such_people_in_the_article_is_neither(analyzer) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import analyse_text

    article = analyse_text(analyzer, (
        "Hosni Moubarak a longtemps préparé son fils Gamal Moubarak à lui succéder. Mais "
        "Moubarak a renoncé en février."))
    linked = {e.text: e.actor for e in article.entities if e.label == "PER"}
    assert linked.get("Moubarak") not in {"local:gamal-moubarak", "local:hosni-moubarak"}


def test_a_nationality_after_a_removed_title_is_not_part_of_the_name() -> None:
    from filrouge.analyze.entities import bare_name

    assert bare_name("Président tunisien Kaïs Benamor") == "Kaïs Benamor"
    assert bare_name("le président égyptien Hosni Moubarak") == "Hosni Moubarak"
    assert bare_name("de Villiers") == "de Villiers"  # no title: the particle stays


def test_mr_is_a_civility(analyzer) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import analyse_text

    article = analyse_text(analyzer, "Le Président tunisien Kaïs Benamor a reçu les syndicats "
                                     "mardi. Mr Benamor a promis des réformes.")
    ids = {e.actor for e in article.entities if e.label == "PER"}
    assert ids == {"local:kais-benamor"}


def test_a_name_in_a_heading_does_not_make_the_surname_ambiguous(analyzer) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import analyse_text

    article = analyse_text(analyzer, (
        "Le règne de Farid Benhaddou\n\nLe président Karim Benhaddou a démissionné mardi après "
        "trente ans au pouvoir. Benhaddou a quitté la capitale dans la soirée."))
    linked = {e.text: e.actor for e in article.entities if e.label == "PER"}
    assert linked["Benhaddou"] == "local:karim-benhaddou"


def test_two_surnames_side_by_side_are_no_fuller_name() -> None:
    merged = _targets({"francois-hollande": 9, "jean-marc-ayrault": 0, "hollande-ayrault": 1,
                       "ayrault": 2, "habib-m": 1, "m": 1})
    assert merged["local:ayrault"] == "local:jean-marc-ayrault"
    assert "local:m" not in merged


def test_a_first_name_that_is_also_a_surname_still_opens_a_fuller_name() -> None:
    merged = _targets({"hussein-tantaoui": 4, "tantaoui": 2, "saddam-hussein": 1,
                       "hussein-kamel": 1})
    assert merged == {"local:tantaoui": "local:hussein-tantaoui"}


def test_a_slogans_vocative_is_no_first_name() -> None:
    merged = _targets({"hosni-moubarak": 40, "ya-moubarak": 2, "moubarak": 9})
    assert merged == {"local:ya-moubarak": "local:hosni-moubarak",
                      "local:moubarak": "local:hosni-moubarak"}
