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
