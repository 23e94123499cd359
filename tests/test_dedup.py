"""Wire copies: the same dispatch run by several outlets is one item with several sources."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from filrouge.cli import main
from filrouge.eval.dedup import EDITS, edit_copy, evaluate_edited
from filrouge.ingest.dedup import DuplicateIndex, containment, duplicate_groups, shingles
from filrouge.model import Article, content_id

DISPATCH = "\n\n".join([
    "KIEV, 12 janvier (AFP) - Le Premier ministre britannique Rishi Sunak a signé vendredi à "
    "Kiev un accord de sécurité de dix ans avec l'Ukraine, le premier d'une série promise par "
    "les pays du G7 en marge du sommet de Vilnius.",
    "L'accord prévoit une aide militaire de 2,5 milliards de livres pour l'année 2024, en "
    "hausse de 200 millions par rapport aux deux années précédentes, a précisé Downing Street.",
    "« Nous ne faiblirons pas », a déclaré M. Sunak lors d'une conférence de presse commune "
    "avec le président ukrainien Volodymyr Zelensky, qui a salué un texte « sans précédent ».",
    "Selon un diplomate européen, la France et l'Allemagne devraient signer des textes "
    "comparables dans les prochaines semaines, avant le deuxième anniversaire de l'invasion.",
    "Moscou a aussitôt dénoncé une provocation, le porte-parole du Kremlin estimant que ces "
    "engagements ne changeraient rien au cours de la guerre sur le terrain.",
])

OTHER = "\n\n".join([
    "BRUXELLES, 3 avril (Reuters) - Les ministres des Affaires étrangères de l'Otan ont "
    "discuté mercredi d'un fonds pluriannuel de cent milliards d'euros pour l'Ukraine.",
    "Le secrétaire général Jens Stoltenberg a plaidé pour des engagements moins dépendants "
    "des annonces ponctuelles des alliés, jugées trop imprévisibles par Kiev.",
    "Plusieurs capitales, dont Budapest, ont exprimé des réserves sur le montant avancé et "
    "sur le rôle que l'Alliance jouerait dans la coordination des livraisons d'armes.",
])


def article(text: str, source: str, outlet: str | None = None, title: str | None = None
            ) -> Article:
    return Article(id=content_id(text), source=source, text=text, outlet=outlet, title=title)


def test_a_cut_copy_with_a_new_headline_is_found_and_points_at_the_original() -> None:
    original = article(DISPATCH, "afp.txt", "AFP")
    cut = "\n\n".join(DISPATCH.split("\n\n")[:3])
    index = DuplicateIndex.of([original, article(OTHER, "reuters.txt")])
    marked = index.mark(article(cut, "ouest.txt", "Ouest Vigie", title="Londres s'engage"))
    assert marked.duplicate_of == original.id
    assert marked.duplicate_score == 1.0


def test_typography_and_case_do_not_hide_a_copy() -> None:
    retyped = DISPATCH.replace("« ", '"').replace(" »", '"').replace("'", "’").upper()
    assert containment(shingles(DISPATCH), shingles(retyped)) == 1.0


def test_an_unrelated_article_on_the_same_story_is_not_a_copy() -> None:
    index = DuplicateIndex.of([article(DISPATCH, "afp.txt")])
    assert index.mark(article(OTHER, "reuters.txt")).duplicate_of is None


def test_a_short_brief_is_too_short_to_be_called_a_copy_of_anything() -> None:
    index = DuplicateIndex.of([article(DISPATCH, "afp.txt")])
    brief = "Le Premier ministre britannique Rishi Sunak a signé vendredi."
    assert index.candidates(brief) == set()


def test_copies_of_copies_join_the_first_group() -> None:
    first = article(DISPATCH, "a.txt")
    second = article(DISPATCH + "\n\nUn paragraphe ajouté par la rédaction locale, sur les "
                     "réactions des élus de la région.", "b.txt")
    index = DuplicateIndex.of([first])
    second = index.mark(second)
    index.add(second)
    third = index.mark(article("\n\n".join(second.text.split("\n\n")[1:]), "c.txt"))
    assert second.duplicate_of == third.duplicate_of == first.id


def test_a_group_lists_each_run_with_what_its_outlet_changed() -> None:
    original = article(DISPATCH, "afp.txt", "AFP", "Accord Londres-Kiev")
    cut = "\n\n".join(DISPATCH.split("\n\n")[:3])
    copy = DuplicateIndex.of([original]).mark(article(cut, "ouest.txt", "Ouest Vigie", "Titre"))
    [group] = duplicate_groups([original, copy], {original.id: ["afp.txt", "afp-bis.txt"]})
    assert group.id == original.id
    assert group.outlets == ["AFP", "Ouest Vigie"]
    runs = {c.source: c for c in group.copies}
    assert runs["ouest.txt"].sentences_dropped == 2
    assert runs["ouest.txt"].sentences_added == 0
    assert runs["ouest.txt"].title_changed
    assert "afp-bis.txt" in runs  # the same text read from a second source is one more run


def test_every_edit_an_outlet_makes_keeps_the_copy_findable() -> None:
    import random

    for kind in EDITS:
        edited = edit_copy(DISPATCH, kind, OTHER, random.Random(1))
        index = DuplicateIndex.of([article(DISPATCH, "afp.txt"), article(OTHER, "r.txt")])
        assert index.mark(article(edited, f"copy-{kind}.txt")).duplicate_of is not None, kind


def test_the_edited_copy_scorer_counts_missed_and_wrong_pairs() -> None:
    texts = [DISPATCH, OTHER] + [OTHER.replace("Reuters", f"agence {i}") + f" Note {i}."
                                 for i in range(2)]
    articles = [article(t, f"{i}.txt") for i, t in enumerate(texts)]
    results = evaluate_edited(articles, "a tiny pool", known=set())
    figures = next(v for k, v in results.items() if "MinHash" in k)
    # the two near-identical variants of OTHER are copies the gold does not list
    assert figures["precision"] < 1.0


def test_the_duplicates_command_lists_the_example_wire_copies(example_db: Path) -> None:
    result = CliRunner().invoke(main, ["duplicates", "--db", str(example_db), "--format", "json"])
    assert result.exit_code == 0, result.output
    groups = json.loads(result.output)
    sources = {Path(c["source"]).name for g in groups for c in g["copies"]}
    assert {"afp-2023-07-11-otan-ukraine-adhesion.txt",
            "courrier-du-matin-otan-kiev-promesse.txt"} <= sources
