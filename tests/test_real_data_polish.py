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
