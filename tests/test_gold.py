"""The example gold is usable (every annotation findable in the cleaned text) and the pipeline
stays above the figures measured on it (floors a few points under the README's numbers)."""

from __future__ import annotations

from pathlib import Path

import pytest

from filrouge.eval.example import (
    Gold,
    Tally,
    doc_key,
    load_gold,
    score_ingest,
    score_quotes,
    score_times,
    split_of,
)
from filrouge.eval.figures import Counts, score_article, summarise
from filrouge.model import Article

ROOT = Path(__file__).resolve().parents[1]
GOLD = load_gold(ROOT / "examples" / "gold")
CORPUS = ROOT / "examples" / "corpus"


def pairs(articles: list[Article], half: str | None = None) -> list[tuple[Article, Gold]]:
    found = []
    for article in articles:
        key = doc_key(article, CORPUS)
        if key in GOLD and (half is None or split_of(key) == half):
            found.append((article, GOLD[key]))
    return found


def test_every_gold_record_matches_one_ingested_article(example_articles: list[Article]) -> None:
    keys = {doc_key(a, CORPUS) for a in example_articles}
    assert set(GOLD) <= keys
    assert len(GOLD) >= 20


def test_gold_strings_are_found_in_the_cleaned_text(example_articles: list[Article]) -> None:
    missing = []
    for article, gold in pairs(example_articles):
        # a record may leave out a layer it was not annotated for (docs/gold.md)
        strings = [item["text"] for layer in ("quotes", "times", "amounts", "entities")
                   for item in gold.get(layer, [])]
        missing += [(article.source, s) for s in strings if s not in article.text]
    assert len(missing) <= 3, missing[:5]


@pytest.mark.parametrize(
    ("stage", "floors"),
    [
        ("quotes", {"quote@0.3 f1": 0.88, "speaker accuracy": 0.85}),
        ("time", {"time (relaxed) f1": 0.88, "time value accuracy": 0.72}),
        ("ingest", {"debris line f1": 0.85, "publication day accuracy": 0.80}),
    ],
)
def test_test_half_stays_above_its_floor(
    example_articles: list[Article], stage: str, floors: dict[str, float]
) -> None:
    tally = Tally()
    layer = {"quotes": "quotes", "time": "times", "ingest": "published"}[stage]
    for article, gold in pairs(example_articles, "test"):
        if layer not in gold:
            continue
        if stage == "quotes":
            score_quotes(article, gold, tally, {"direct"})
        elif stage == "time":
            score_times(article, gold, tally)
        else:
            score_ingest(article, gold, tally)
    figures = tally.figures()
    for name, floor in floors.items():
        assert figures[name] >= floor, (name, figures[name])


def test_figures_on_the_test_half(example_articles: list[Article]) -> None:
    total = Counts()
    for article, gold in pairs(example_articles, "test"):
        if "amounts" in gold:
            total = total + score_article(article.text, gold["amounts"], article.amounts)
    assert summarise(total)["value_f1"] >= 0.93
