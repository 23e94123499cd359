"""What a run on real collections showed, each as a general rule: ingest re-runs without loading
the model, story labels that are noun phrases, story explanations in words a reader knows,
scare quotes and cut names that are no quotes or speakers."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from filrouge.cli import main
from filrouge.model import Article, Rejection


class _CountingAnalyzer:
    """Stands for the spaCy analyser: counts how often it is built, passes articles through."""

    built = 0

    def __init__(self, model: str, **options: Any) -> None:
        type(self).built += 1

    def analyze(self, articles: Iterable[Article]) -> Iterator[Article | Rejection]:
        yield from articles


def test_ingest_of_files_already_stored_loads_no_model(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import filrouge.analyze.pipeline

    monkeypatch.setattr(filrouge.analyze.pipeline, "Analyzer", _CountingAnalyzer)
    article = tmp_path / "pont.txt"
    article.write_text("Le pont neuf\n\nLe conseil municipal a voté lundi 12 millions d'euros "
                       "pour le pont neuf de la ville, a annoncé la maire.\n", encoding="utf-8")
    db = str(tmp_path / "pont.db")
    first = CliRunner().invoke(main, ["ingest", str(article), "--db", db])
    assert first.exit_code == 0, first.stderr
    assert _CountingAnalyzer.built == 1 and "loading the language model" in first.stderr
    again = CliRunner().invoke(main, ["ingest", str(article), "--db", db])
    assert again.exit_code == 0, again.stderr
    assert "1 already stored" in again.stderr
    assert _CountingAnalyzer.built == 1  # nothing new: the model was not loaded again
    assert "loading the language model" not in again.stderr


def _article(n: int, text: str, names: dict[str, str | None]) -> Article:
    from filrouge.model import Entity, Published, content_id

    entities = []
    for name, actor in names.items():
        start = text.find(name)
        entities.append(Entity(start=start, end=start + len(name), text=name, label="LOC",
                               actor=actor))
    return Article(id=content_id(text), source=f"a{n}.txt", title=text.split(".")[0],
                   text=text, entities=entities,
                   published=Published(value=f"2011-03-0{n + 1}", origin="input"))


def test_explain_shows_words_and_names_not_stems_and_ids(tmp_path: Path) -> None:
    from filrouge.store.sqlite import Store, content_hash

    texts = [
        "Les villes du Yémen attaquées. À Sanaa et à Aden, les villes attaquées par l'armée "
        "comptent leurs morts ; l'armée attaque encore les manifestants de Sanaa.",
        "Au Yémen, l'armée attaque les villes. Les manifestants de Sanaa et d'Aden fuient les "
        "villes que l'armée attaque depuis mardi, et les villes du sud se vident.",
    ]
    db = tmp_path / "explain.db"
    with Store(db) as store:
        for n, text in enumerate(texts):
            article = _article(n, text, {"Yémen": "YEM", "Sanaa": None, "Aden": None})
            store.add_article(article, digest=content_hash(article.text))
    built = CliRunner().invoke(main, ["stories", "--rebuild", "--db", str(db),
                                      "--format", "json"])
    assert built.exit_code == 0, built.stderr
    import json

    story = next(s for s in json.loads(built.stdout) if len(s["articles"]) == 2)
    raw = CliRunner().invoke(main, ["stories", "--explain", story["id"], "--db", str(db),
                                    "--format", "json"])
    rows = json.loads(raw.stdout)
    joined = next(r for r in rows if r["shared_terms"])
    assert "vill" in joined["shared_terms"] and "YEM" in joined["shared_actors"]  # JSON: keys
    shown = CliRunner().invoke(main, ["stories", "--explain", story["id"], "--db", str(db)])
    assert shown.exit_code == 0, shown.stderr
    text = " ".join(shown.stdout.split())
    terms = text.split("shared terms:")[1].split("shared actors:")[0]
    actors = text.split("shared actors:")[1]
    assert "villes" in terms and "vill," not in terms + "," and "armée" in terms
    assert "Yémen" in actors and "Sanaa" in actors and "YEM" not in actors
    assert "sanaa" not in actors


# -- story labels ---------------------------------------------------------------------------

def _story(texts: list[tuple[str, str]], outlet: str | None = None) -> list[Article]:
    from filrouge.model import Published, content_id

    return [Article(id=content_id(body), source=f"s-{n}.txt", title=title, text=body,
                    outlet=outlet or f"journal-{n}",
                    published=Published(value="2011-10-03", origin="input"))
            for n, (title, body) in enumerate(texts)]


def test_labels_hold_no_cut_word_no_agency_and_no_run_over_a_sentence_break() -> None:
    from filrouge.stories.labels import keyphrases

    texts = [
        ("Manifestation dans la 12ème rue de Tunis",
         "Des centaines de personnes ont défilé dans la 12ème rue de Tunis (AFP). La police a "
         "bouclé la 12ème rue de Tunis. Suivez-nous sur la Gazette Des manifestations "
         "anti-guerre ont eu lieu ailleurs. L'AFP rapporte que la 12ème rue reste fermée."),
        ("Tunis : la 12ème rue de nouveau bloquée (AFP)",
         "La 12ème rue de Tunis était de nouveau bloquée mardi, selon l'AFP. La police donne "
         "souvent des consignes contradictoires. Voici quelques réactions des habitants de la "
         "12ème rue. Gazette Des manifestations anti-guerre sont prévues."),
    ]
    found = keyphrases(_story(texts), n=4)
    assert found, found
    assert not any(p.lower().startswith("ème") for p in found), found  # "12ème" cut
    assert "AFP" not in found and not any("AFP" in p.split() for p in found), found
    assert not any(" Des " in f" {p} " for p in found), found  # a capital "Des": a new sentence
    assert not any(w in p.split() for p in found for w in ("souvent", "voici", "quelques")), found


def test_an_outlet_is_no_label_but_the_common_noun_it_spells_may_be() -> None:
    from filrouge.stories.labels import keyphrases

    texts = [
        ("Libération des otages à Gao",
         "La libération des otages de Gao a été annoncée lundi, écrit Libération. Selon "
         "Libération, les otages de Gao sont arrivés à Bamako. Libération cite un diplomate."),
        ("Gao : la libération des otages confirmée",
         "La libération des otages de Gao est confirmée, rapporte Libération. Les otages de "
         "Gao ont retrouvé leurs familles. Libération publie leurs portraits."),
    ]
    found = keyphrases(_story(texts, outlet="Libération"), n=4)
    assert "Libération" not in found, found
    assert any("otages" in p for p in found), found


def test_a_plural_verb_or_an_infinitive_ends_no_label() -> None:
    from filrouge.stories.labels import keyphrases

    texts = [
        ("Séisme : les écoles de Fès figurent parmi les bâtiments touchés",
         "Les écoles de Fès figurent parmi les bâtiments touchés. Les secours veulent démettre "
         "Karim Benali de ses fonctions. Les écoles de Fès continuent de fermer."),
        ("Fès : les écoles fermées après le séisme",
         "Après le séisme, les écoles de Fès figurent toujours sur la liste. Il faut démettre "
         "Karim Benali, disent les parents. Les écoles de Fès restent fermées."),
    ]
    found = keyphrases(_story(texts), n=4)
    assert "écoles de Fès" in found, found
    assert not any(p.split()[-1] in {"figurent", "continuent"} for p in found), found
    assert not any(p.split()[0] == "démettre" for p in found), found


def test_a_present_participle_opens_no_label_but_a_noun_in_ant_does() -> None:
    from filrouge.stories.labels import keyphrases

    texts = [
        ("Rabat : la foule dans la rue",
         "La foule a défilé en agitant des drapeaux verts. Le commandant des pompiers a "
         "pris la parole, agitant des drapeaux verts. La police a suivi le cortège."),
        ("Rabat : nouveau cortège",
         "Des milliers de personnes ont marché en agitant des drapeaux verts. Le commandant "
         "des pompiers a demandé une hausse des salaires."),
    ]
    found = keyphrases(_story(texts), n=4)
    assert not any(p.split()[0] == "agitant" for p in found), found
    assert any(p.startswith("commandant des pompiers") for p in found), found


# -- quotes and speakers --------------------------------------------------------------------

def _quotes(analyzer: Any, text: str) -> list[Any]:
    from tests.conftest import analyse_text

    return list(analyse_text(analyzer, text, "2013-07-01").quotes)


def test_a_name_with_a_model_number_is_no_speaker(analyzer: Any) -> None:
    quotes = _quotes(analyzer, (
        "L'appareil de type Lockhart Morrison LM-72 était exploité par Sunwing Air. Il "
        "transportait 90 passagers et 5 membres d'équipage. Le chef de l'aviation civile "
        "kényane rapporte qu'aucun passager n'a apparemment survécu."))
    (quote,) = quotes
    assert "LM-72" not in (quote.speaker_name or "") and quote.speaker_actor is None
    assert "aviation civile" in (quote.speaker_name or quote.speaker_description or "")


def test_a_speaker_is_not_cut_inside_a_hyphenated_name(analyzer: Any) -> None:
    (paper,) = _quotes(analyzer, (
        "La foule a envahi la place centrale toute la journée de mardi, affirmait mercredi le "
        "quotidien indépendant Al-Akhbar al-Jadida."))
    assert "Al-Akhbar" in (paper.speaker_name or "") and not (
        paper.speaker_name or "").endswith(" Al")
    (cited,) = _quotes(analyzer, (
        "Le rapport cite Paul Henders, ex-conseiller du colonel al-Hadi, qui estime que « les "
        "deux camps ne veulent pas négocier »."))
    assert not (cited.speaker_name or "").lower().endswith(" al"), cited.speaker_name


def test_a_quoted_term_inside_a_noun_phrase_is_no_direct_quote(analyzer: Any) -> None:
    quotes = _quotes(analyzer, (
        "On peut être sceptique sur les millions de signatures réunies contre le président "
        "Ahmed Karim, et sourire lorsqu'une « romancière belge » assure qu'elles ont été "
        "« recomptées par le tribunal »."))
    assert not any(q.kind == "direct" and q.text.strip("« »\u00a0") == "romancière belge"
                   for q in quotes), [(q.kind, q.text) for q in quotes]
    said = _quotes(analyzer, "« Nous ne céderons pas », a affirmé mardi la ministre.")
    assert [q.kind for q in said] == ["direct"]  # a quote with its cue is still one


def test_the_writers_own_clause_after_a_quoted_object_is_not_the_speakers(
        analyzer: Any) -> None:
    quotes = _quotes(analyzer, (
        "Le conseiller Paul Durand vient de qualifier les récents combats de « guerre civile » "
        "et il paraît assez clair que cette lecture colle à la situation du pays."))
    mixed = [q for q in quotes if "guerre civile" in q.text]
    assert mixed and all("paraît" not in q.text for q in mixed), [q.text for q in quotes]


def test_a_full_name_stays_a_label_when_its_parts_are_tagged_alone() -> None:
    from filrouge.model import Entity
    from filrouge.stories.labels import keyphrases

    texts = [
        ("Karim Benali quitte le pouvoir",
         "Le président Karim Benali a quitté le pouvoir mardi à Fès. Le départ de Karim Benali "
         "était attendu depuis un an."),
        ("Fès : Karim Benali parti",
         "Karim Benali est parti mardi. Les partisans de Karim Benali manifestent à Fès."),
    ]
    story = _story(texts)
    for article in story:  # the tagger also found each part of the name as a mention
        entities = []
        at = 0
        while (at := article.text.find("Karim Benali", at)) >= 0:
            entities += [Entity(start=at, end=at + 12, text="Karim Benali", label="PER"),
                         Entity(start=at, end=at + 5, text="Karim", label="PER"),
                         Entity(start=at + 6, end=at + 12, text="Benali", label="PER")]
            at += 12
        article.entities = entities
    assert "Karim Benali" in keyphrases(story, n=4)


def test_an_elided_conjunction_or_a_preposition_ends_no_label() -> None:
    from filrouge.stories.labels import keyphrases

    texts = [
        ("La grève des dockers",
         "Les dockers gardent leur conviction lorsqu'ils défilent. La grève des dockers dure. "
         "Le syndicat reste ferme envers la direction du port."),
        ("Port : la grève des dockers continue",
         "Leur conviction lorsqu'elle vacille est relancée par la grève des dockers. Le "
         "syndicat reste ferme envers la direction du port."),
    ]
    found = keyphrases(_story(texts), n=4)
    assert not any(p.split()[-1] in {"lorsqu", "envers"} for p in found), found


def test_a_name_does_not_run_on_into_its_verb() -> None:
    from filrouge.stories.labels import keyphrases

    texts = [
        ("Récolte : l'Unicef salue les efforts du Mali",
         "L'Unicef salue les efforts du Mali pour la récolte. Selon l'Unicef, la récolte de mil "
         "est bonne."),
        ("Mali : bonne récolte de mil",
         "La récolte de mil est bonne au Mali. L'Unicef salue aussi les paysans du Mali."),
    ]
    found = keyphrases(_story(texts), n=4)
    assert not any(p.split()[-1] == "salue" for p in found), found


def test_vient_ends_no_label_and_wikipedia_may_be_a_topic() -> None:
    from filrouge.stories.labels import keyphrases

    texts = [
        ("Wikipédia en grève contre la loi",
         "La communauté de Wikipédia fait grève contre la loi. Le gouvernement Lefort vient de "
         "durcir la loi. Wikipédia restera fermée un jour."),
        ("La loi contestée par Wikipédia",
         "Wikipédia conteste la loi sur internet. Le gouvernement Lefort vient de répondre à "
         "Wikipédia."),
    ]
    found = keyphrases(_story(texts), n=4)
    assert "Wikipédia" in found, found
    assert not any(p.split()[-1] == "vient" for p in found), found
