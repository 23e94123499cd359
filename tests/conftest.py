"""Shared fixtures: the French model is loaded once, the example corpus analysed once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from filrouge.analyze.pipeline import Analyzer
from filrouge.cli import main
from filrouge.eval.runner import analysed_examples
from filrouge.model import Article, Event

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CORPUS = EXAMPLES / "corpus"


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    """The rules alone: each extractor test pins what its rule reads in one sentence. The learned
    event scorer, on by default, is tested on its own (test_events_learned.py)."""
    return Analyzer(learned=False)


@pytest.fixture(scope="session")
def example_articles() -> list[Article]:
    return analysed_examples(CORPUS)


@pytest.fixture(scope="session")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding the ingested example corpus (built once for the whole run)."""
    db = tmp_path_factory.mktemp("store") / "examples.db"
    result = CliRunner().invoke(main, ["ingest", str(CORPUS), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def analyse_text(analyzer: Analyzer, text: str, published: str = "2023-07-11") -> Article:
    """Run the whole pipeline on one snippet, as if it were an article published that day."""
    from filrouge.model import Published, content_id

    article = Article(id=content_id(text), source="test", text=text,
                      published=Published(value=published, origin="input", confidence=1.0))
    (result,) = analyzer.analyze([article])
    assert isinstance(result, Article)
    return result


def sentences_of(text: str) -> list[tuple[int, int]]:
    """Sentence bounds for the tests: after ., ! or ? and at line breaks."""
    bounds, start = [], 0
    for found in re.finditer(r"(?<=[.!?»])\s+|\n+", text):
        bounds.append((start, found.start()))
        start = found.end()
    return [*bounds, (start, len(text))]


def one(found: list[Event], kind: str, actor: str, trigger: str | None = None) -> Event:
    """The single event of that type by that actor (and that trigger word, when given)."""
    (event,) = [e for e in found if e.type == kind and actor in e.actors
                and trigger in {None, e.trigger.text}]
    return event
