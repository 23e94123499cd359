"""`filrouge report`: a dossier for one story, as self-contained HTML or plain Markdown."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from markupsafe import escape

from filrouge.analyze.pipeline import Analyzer
from filrouge.cli import main
from filrouge.export.dossier import build_dossier, markdown_text
from filrouge.model import Article, Story
from filrouge.store.sqlite import Store, content_hash
from filrouge.stories.timeline import build_stories

from .conftest import analyse_text

HOSTILE_TEXT = (
    "Le ministre Jean Dupont a annoncé mardi à Paris une aide de 2 milliards d'euros à "
    "l'Ukraine pour l'année 2024, selon un communiqué publié le jour même. "
    "« Nous tiendrons parole <script>window.__pwned=1</script> jusqu'au bout », a déclaré "
    "mardi Emmanuel Macron devant la presse réunie à l'Élysée. "
    "Le texte <a href=\"javascript:window.__pwned=1\">ici</a> et <img src=x onerror=alert(1)> "
    "circulait aussi."
)


def _report(db: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["report", *args, "--db", str(db)])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def biggest_story(example_db: Path) -> tuple[Story, list[Article]]:
    with Store(example_db) as store:
        story = max(store.stories(), key=lambda s: len(s.articles))
        articles = [a for a in store.articles() if a.id in set(story.articles)]
    return story, articles


@pytest.fixture(scope="module")
def hostile_db(example_db: Path, analyzer: Analyzer,
               tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A copy of the example store plus one article whose every field carries markup."""
    db = tmp_path_factory.mktemp("hostile") / "hostile.db"
    shutil.copy(example_db, db)
    article = analyse_text(analyzer, HOSTILE_TEXT, published="2024-03-05").model_copy(update={
        "title": "<script>window.__pwned=1</script>Titre",
        "outlet": "<b onmouseover=alert(1)>Le Canard</b>",
        "url": "javascript:window.__pwned=1",
        "byline": "<i>Anonyme</i>",
    })
    with Store(db) as store:
        store.add_article(article, digest=content_hash(article.text))
        store.replace_stories(build_stories(store.articles()))
        (story,) = [s for s in store.stories() if article.id in s.articles]
    return db, story.id


def test_html_dossier_holds_the_timeline_quotes_figures_and_sources(
    example_db: Path, biggest_story: tuple[Story, list[Article]]
) -> None:
    story, articles = biggest_story
    page = _report(example_db, story.id[:6], "--format", "html")
    assert page.startswith("<!doctype html>")
    assert str(escape(story.title)) in page
    for entry in story.timeline:
        assert f'<time datetime="{entry.date}">' in page
        assert str(escape(entry.summary)) in page
    for article in articles:  # every article is listed with what identifies it
        assert article.id in page
        if article.title:
            assert str(escape(article.title)) in page
    quoted = [q for a in articles for q in a.quotes if q.kind == "direct" and q.speaker_actor
              and not q.speaker_actor.startswith("local:")]
    shown = [q for q in quoted if str(escape(" ".join(q.text.split()))) in page]
    # every speaker quoted in their own words has some of those words shown
    assert {q.speaker_actor for q in shown} == {q.speaker_actor for q in quoted}
    money = [m for a in articles for m in a.amounts if m.unit in {"EUR", "USD"}]
    assert money and all(str(escape(" ".join(m.text.split()))) in page for m in money)


def test_every_citation_points_to_a_listed_source(
    example_db: Path, biggest_story: tuple[Story, list[Article]]
) -> None:
    story, articles = biggest_story
    page = _report(example_db, story.id)
    anchors = set(re.findall(r'<li id="(src-\d+)"', page))
    cited = set(re.findall(r'<a href="#(src-\d+)">', page))
    assert len(anchors) == len(articles)
    assert cited and cited <= anchors


def test_html_is_self_contained_and_print_ready(
    example_db: Path, biggest_story: tuple[Story, list[Article]]
) -> None:
    page = _report(example_db, biggest_story[0].id)
    assert "<script" not in page
    assert not re.search(r"<link|@import|url\(|\ssrc=", page)
    assert "@media print" in page and "break-before: page" in page
    assert "Content-Security-Policy" in page


def test_markup_in_articles_is_escaped(hostile_db: tuple[Path, str]) -> None:
    db, story_id = hostile_db
    page = _report(db, story_id, "--format", "html")
    assert "<script" not in page and "<img" not in page and "<b " not in page
    assert 'href="javascript:' not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;Titre" in page
    assert "javascript:window.__pwned=1 (not a web link)" in page
    markdown = _report(db, story_id, "--format", "md")
    assert not re.search(r"(?<!\\)<", markdown)  # no '<' that a renderer would read as a tag
    assert r"\<script\>window.\_\_pwned=1\</script\>Titre" in markdown


def test_markdown_dossier_reads_as_plain_text(
    example_db: Path, biggest_story: tuple[Story, list[Article]], tmp_path: Path
) -> None:
    story, articles = biggest_story
    target = tmp_path / "dossier.md"
    CliRunner().invoke(main, ["report", story.id, "--format", "md", "-o", str(target),
                              "--db", str(example_db)])
    text = target.read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", text, flags=re.M)
    assert headings == ["Summary", "Timeline", "Key quotes", "Figures", "Sources"]
    for entry in story.timeline:
        assert f"**{markdown_text(entry.date)}** {markdown_text(entry.summary)}" in text
    for number, article in enumerate(sorted(articles, key=lambda a: (a.published.value or "9999",
                                                                    a.id)), 1):
        assert re.search(rf"^{number}\. .*\n   `{article.id}`", text, flags=re.M)
    assert not re.search(r"(?<!\\)<(?!https://)", text)


def test_quotes_are_grouped_by_speaker_most_quoted_first(
    example_db: Path, biggest_story: tuple[Story, list[Article]]
) -> None:
    with Store(example_db) as store:
        dossier = build_dossier(store, biggest_story[0].id)
    named = [g for g in dossier.speakers if not g.anonymous]
    sizes = [len(g.quotes) + g.more for g in named]
    assert sizes == sorted(sizes, reverse=True)
    assert len({g.name for g in named}) == len(named)
    assert all(len(g.quotes) <= dossier.quotes_per_speaker for g in dossier.speakers)
    assert dossier.quotes_shown + dossier.quotes_unattributed <= dossier.quotes_total


def test_unknown_story_is_a_usage_error(example_db: Path) -> None:
    result = CliRunner().invoke(main, ["report", "s-nope", "--db", str(example_db)])
    assert result.exit_code == 2
    assert "no story with id starting 's-nope'" in result.output
    ambiguous = CliRunner().invoke(main, ["report", "s-", "--db", str(example_db)])
    assert ambiguous.exit_code == 2
    assert "give more characters" in ambiguous.output
