"""Stories and timelines: grouping measured on rpm2, timeline entries cite their sentences."""

from __future__ import annotations

import pytest

from filrouge.eval.pubdate import shared_data_dir
from filrouge.eval.stories import bcubed, evaluate_rpm2
from filrouge.model import Article
from filrouge.stories.timeline import build_stories, build_timeline


def test_bcubed_rewards_the_right_grouping_and_punishes_a_merge() -> None:
    labels = {"a": "1", "b": "1", "c": "2"}
    assert bcubed([["a", "b"], ["c"]], labels)["bcubed f1"] == 1.0
    merged = bcubed([["a", "b", "c"]], labels)
    assert merged["bcubed recall"] == 1.0 and merged["bcubed precision"] < 0.6


def test_timeline_entries_are_dated_in_order_and_cite_exact_sentences(
    example_articles: list[Article],
) -> None:
    by_id = {a.id: a for a in example_articles}
    entries = build_timeline(example_articles)
    assert len(entries) >= 10
    assert [e.date for e in entries] == sorted(e.date for e in entries)
    for entry in entries:
        for source in entry.sources:
            article = by_id[source.article]
            assert source.start is not None and source.end is not None
            assert article.text[source.start:source.end] == source.text


def test_the_example_story_is_mostly_one_thread(example_articles: list[Article]) -> None:
    stories = build_stories(example_articles)
    largest = max(len(s.articles) for s in stories)
    assert largest >= len(example_articles) // 2
    assert all(s.start and s.end and s.start <= s.end for s in stories)


def test_grouping_on_rpm2() -> None:
    root = shared_data_dir()
    if root is None or not (root / "rpm2").is_dir():
        pytest.skip("../shared/data/rpm2 not found: set FILROUGE_SHARED to run this evaluation")
    figures = evaluate_rpm2(root / "rpm2")
    assert figures["articles"] == 200
    assert figures["bcubed f1"] >= 0.85  # measured 0.898
