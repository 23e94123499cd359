"""Every date option takes a day, a month or a year: `--from 2024` starts on 1 January 2024,
`--to 2024-06` ends on 30 June, and a date that is not one stops with exit status 2 and says
which option was wrong and what it expects. Over a small hand-made store (no model needed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from filrouge.cli import date_bound, main
from filrouge.model import Article, Event, Published, Quote, Span, Story, content_id
from filrouge.store.sqlite import Store, content_hash

DAYS = ["2023-12-31", "2024-01-01", "2024-06-15", "2024-06-30", "2024-07-01", "2025-01-01"]


def dated_article(day: str) -> Article:
    text = (f"« Nous livrerons les obus », a déclaré le ministre le {day}. "
            f"Le ministère promet des obus au régiment.")
    said = Span(start=2, end=24, text=text[2:24])
    sentence_start = text.index("Le ministère")
    sentence = Span(start=sentence_start, end=len(text), text=text[sentence_start:])
    promise = text.index("promet")
    return Article(
        id=content_id(text), source=f"{day}.txt", title=f"Obus, le {day}", text=text,
        outlet="La Gazette", published=Published(value=day, origin="input", confidence=1.0),
        quotes=[Quote(**said.model_dump(), parts=[said], kind="direct", speaker_name="le ministre",
                      date=day, date_origin="sentence")],
        events=[Event(**sentence.model_dump(), type="AID",
                      trigger=Span(start=promise, end=promise + 6, text="promet"),
                      actors=["FRA"], targets=["UKR"], date=day, date_origin="published")],
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("dates") / "dates.db"
    articles = [dated_article(day) for day in DAYS]
    with Store(path) as store:
        for article in articles:
            store.add_article(article, digest=content_hash(article.text))
        store.replace_stories([Story(id="s-obus000001", title="obus · régiment",
                                     articles=[a.id for a in articles], start=DAYS[0],
                                     end=DAYS[-1])])
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def days_of(output: str, key: str = "date") -> list[str]:
    return sorted(row[key] for row in json.loads(output))


def test_a_year_or_a_month_stands_for_its_first_or_last_day() -> None:
    assert date_bound("2024") == "2024-01-01"
    assert date_bound("2024", end=True) == "2024-12-31"
    assert date_bound("2024-02", end=True) == "2024-02-29"  # leap year
    assert date_bound("2024-06") == "2024-06-01"
    assert date_bound("2024-06-15", end=True) == "2024-06-15"
    assert date_bound("2024-13") is None and date_bound("2023-02-29") is None
    assert date_bound("juin") is None and date_bound("24") is None


@pytest.mark.parametrize("command", [["quotes"], ["events"], ["timeline"]])
def test_quotes_events_and_timeline_take_a_year(db: Path, command: list[str]) -> None:
    code, output, _ = run(*command, "--db", str(db), "--format", "json",
                          "--from", "2024", "--to", "2024")
    assert code == 0
    found = days_of(output)
    assert found and all("2024-01-01" <= d <= "2024-12-31" for d in found)
    assert "2024-01-01" in found  # the year's first day is inside, the day before is not


def test_grouped_events_are_kept_when_any_of_their_days_is_in_the_window(db: Path) -> None:
    code, output, _ = run("events", "--grouped", "--db", str(db), "--format", "json",
                          "--from", "2024-06", "--to", "2024-06")
    assert code == 0
    spans = [(g["start"], g["end"]) for g in json.loads(output)]
    assert spans and all(end >= "2024-06-01" and start <= "2024-06-30" for start, end in spans)


def test_a_month_runs_to_its_last_day(db: Path) -> None:
    code, output, _ = run("quotes", "--db", str(db), "--format", "json",
                          "--from", "2024-06", "--to", "2024-06")
    assert code == 0
    assert days_of(output) == ["2024-06-15", "2024-06-30"]


def test_since_takes_a_month(db: Path) -> None:
    code, output, _ = run("since", "2024-07", "--story", "s-obus", "--db", str(db),
                          "--format", "json")
    assert code == 0
    report = json.loads(output)
    assert report["since"] == "2024-07-01" and len(report["articles"]) == 2


def test_export_keeps_what_falls_in_the_window(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "quotes.jsonl"
    code, _, err = run("export", "--db", str(db), "--what", "quotes", "--from", "2024-06",
                       "--to", "2024", "-o", str(out))
    assert code == 0 and "exported 3 quotes" in err
    assert sorted(json.loads(line)["date"] for line in out.read_text().splitlines()) == [
        "2024-06-15", "2024-06-30", "2024-07-01"]
    code, _, err = run("export", "--db", str(db), "--what", "stories", "--from", "2026",
                       "-o", str(tmp_path / "stories.jsonl"))
    assert code == 0 and "exported 0 stories" in err


@pytest.mark.parametrize("command", [["timeline", "--from"], ["timeline", "--to"],
                                     ["quotes", "--from"], ["events", "--to"],
                                     ["export", "--from"], ["since", "--story", "s-obus"]])
@pytest.mark.parametrize("bad", ["2024-13", "juin 2024", "2023-02-29"])
def test_a_bad_date_is_a_usage_error_that_says_what_is_expected(
        db: Path, command: list[str], bad: str) -> None:
    args = [*command, bad] if command[-1].startswith("--") and command[-1] != "--story" else [
        command[0], bad, *command[1:]]
    code, _, err = run(*args, "--db", str(db))
    assert code == 2
    assert "YYYY, YYYY-MM or YYYY-MM-DD" in err and bad in err
