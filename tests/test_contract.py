"""The filrouge/1 JSON contract: documented schema files, real output valid against them, and
every annotation pointing at the exact words it came from."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from filrouge.model import Article
from filrouge.schema import SCHEMAS, schema_for, schema_path
from filrouge.store.sqlite import Store

ROOT = Path(__file__).resolve().parents[1]


def test_committed_schema_files_match_the_model() -> None:
    for name in SCHEMAS:
        committed = json.loads(schema_path(ROOT, name).read_text(encoding="utf-8"))
        assert committed == schema_for(name), f"run `make schema`: {name} schema is stale"


def test_every_example_article_validates_against_the_article_schema(
    example_articles: list[Article],
) -> None:
    schema = json.loads(schema_path(ROOT, "article").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    assert len(example_articles) >= 20
    for article in example_articles:
        record = article.to_json_dict()
        assert record["schema"] == "filrouge/1"
        errors = list(validator.iter_errors(record))
        assert not errors, f"{article.source}: {errors[0].message}"


def test_stories_validate_against_the_story_schema(example_db: Path) -> None:
    schema = json.loads(schema_path(ROOT, "story").read_text(encoding="utf-8"))
    with Store(example_db) as store:
        stories = store.stories()
    assert stories
    for story in stories:
        jsonschema.validate(story.to_json_dict(), schema)


def test_every_annotation_points_at_its_own_words(example_articles: list[Article]) -> None:
    for article in example_articles:
        text = article.text
        spans = [*article.entities, *article.times, *article.quotes, *article.amounts,
                 *article.events]
        spans += [p for q in article.quotes for p in q.parts]
        spans += [s for q in article.quotes for s in (q.cue, q.speaker, q.channel) if s]
        spans += [e.trigger for e in article.events]
        for span in spans:
            assert text[span.start:span.end] == span.text, (article.source, span)


def test_a_record_round_trips_through_json(example_articles: list[Article]) -> None:
    article = example_articles[0]
    again = Article.model_validate_json(json.dumps(article.to_json_dict()))
    assert again == article
