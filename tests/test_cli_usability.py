"""What a newcomer meets first on the command line: clear messages and the documented exit
statuses (0 all went well, 1 some inputs rejected, 2 usage error), counts that match what is
shown, and readable listings."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from filrouge.cli import main
from filrouge.model import Amount, Article, Event, Published, Quote, Span, Story, content_id
from filrouge.store.sqlite import Store, content_hash

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_a_path_that_does_not_exist_is_a_usage_error_and_nothing_is_read(
        tmp_path: Path) -> None:
    db = tmp_path / "never.db"
    code, _, err = run("ingest", str(tmp_path / "does-not-exist"), "--db", str(db))
    assert code == 2
    assert "does-not-exist" in err and "does not exist" in err
    assert not db.exists()  # no model loaded, no database created


def test_one_missing_path_among_good_ones_stops_before_reading_any(tmp_path: Path) -> None:
    good = tmp_path / "bon.txt"
    shutil.copy(next(CORPUS.glob("2023-vilnius/*.txt")), good)
    db = tmp_path / "mixed.db"
    code, _, err = run("ingest", str(good), str(tmp_path / "typo.txt"), "--db", str(db))
    assert code == 2 and "typo.txt" in err and not db.exists()


def test_analyze_treats_a_missing_path_the_same_way(tmp_path: Path) -> None:
    code, out, err = run("analyze", str(tmp_path / "absent.jsonl"))
    assert code == 2 and "absent.jsonl" in err and out == ""


def test_an_existing_but_unreadable_input_is_a_rejection_not_a_usage_error(
        tmp_path: Path) -> None:
    (tmp_path / "vide.txt").write_text("")
    code, out, err = run("analyze", str(tmp_path / "vide.txt"))
    assert code == 1 and "vide.txt: empty file" in err and out == ""


def test_ingest_says_what_it_is_doing_on_stderr_only(tmp_path: Path) -> None:
    article = tmp_path / "pont.txt"
    article.write_text("Le pont neuf\n\nLe conseil municipal a voté lundi 12 millions d'euros "
                       "pour le pont neuf de la ville, a annoncé la maire.\n", encoding="utf-8")
    code, out, err = run("ingest", str(article), "--db", str(tmp_path / "pont.db"))
    assert code == 0 and out == ""
    steps = ["loading the language model", "reading and analysing",
             "grouping stories", "1 new article(s)"]
    at = [err.find(step) for step in steps]
    assert all(i >= 0 for i in at) and at == sorted(at), err


def since_store(path: Path, n_events: int) -> Path:
    """A story of two articles; the second, after 2024-05-01, holds n_events dated events, as
    many quotes and as many figures."""
    old_text = "Le conseil municipal ouvre le débat sur le nouveau pont de la ville ce jour-là."
    sentence = "La mairie promet 12 millions d'euros pour le pont."
    new_text = " ".join([sentence] * n_events)
    step = len(sentence) + 1
    spans = [Span(start=i * step, end=i * step + len(sentence), text=sentence)
             for i in range(n_events)]
    new = Article(
        id=content_id(new_text), source="new.txt", title="Le pont financé", text=new_text,
        published=Published(value="2024-05-10", origin="input", confidence=1.0),
        events=[Event(**s.model_dump(), type="AID", trigger=s, actors=["mairie"], targets=[],
                      date=f"2024-05-{10 + i % 10:02d}", date_origin="published")
                for i, s in enumerate(spans)],
        quotes=[Quote(**s.model_dump(), parts=[s], kind="direct", speaker_name="la maire",
                      date="2024-05-10", date_origin="published") for s in spans],
        amounts=[Amount(**s.model_dump(), value=12e6, unit="EUR") for s in spans])
    old = Article(id=content_id(old_text), source="old.txt", title="Le pont", text=old_text,
                  published=Published(value="2024-04-01", origin="input", confidence=1.0))
    with Store(path) as store:
        for article in (old, new):
            store.add_article(article, digest=content_hash(article.text))
        store.replace_stories([Story(id="s-pont000001", title="pont · mairie",
                                     articles=[old.id, new.id], start="2024-04-01",
                                     end="2024-05-10")])
    return path


def test_since_headers_count_what_exists_and_say_how_many_are_shown(tmp_path: Path) -> None:
    db = str(since_store(tmp_path / "since.db", 14))
    code, out, _ = run("since", "2024-05-01", "--story", "s-pont", "--db", db)
    assert code == 0
    for section in ("Events", "Quotes", "Figures"):
        assert f"{section} (14, first 10 shown; --limit 0 shows all)" in out
    assert out.count("la maire:") == 10
    code, out, _ = run("since", "2024-05-01", "--story", "s-pont", "--db", db, "--limit", "0")
    assert "Events (14)" in out and out.count("la maire:") == 14


def test_since_lists_events_oldest_first(tmp_path: Path) -> None:
    db = str(since_store(tmp_path / "order.db", 12))
    code, out, _ = run("since", "2024-05", "--story", "s-pont", "--db", db, "--format", "json")
    days = [e["date"] for e in json.loads(out)["events"]]
    assert code == 0 and len(days) == 12 and days == sorted(days)


def test_a_short_list_is_shown_whole_with_its_plain_count(tmp_path: Path) -> None:
    db = str(since_store(tmp_path / "short.db", 3))
    code, out, _ = run("since", "2024-05-01", "--story", "s-pont", "--db", db)
    assert code == 0 and "Events (3)" in out and "shown" not in out


def stories_store(path: Path) -> Path:
    """Three stories: one over two months with a wire copy, one of a single day, one empty of
    actors; titles long enough to wrap."""
    texts = {n: f"Article {n} sur le pont de la ville et son financement." for n in range(5)}
    made = {n: Article(id=content_id(t), source=f"{n}.txt", text=t, outlet=f"Journal {n % 3}",
                       published=Published(value=f"2024-0{1 + n}-15", origin="input"))
            for n, t in texts.items()}
    long_title = " · ".join(["financement du pont de la ville"] * 4)
    with Store(path) as store:
        for article in made.values():
            store.add_article(article, digest=content_hash(article.text))
        store.replace_stories([
            Story(id="s-pont000001", title=long_title, articles=[made[0].id, made[1].id],
                  duplicates=[made[2].id], actors=["FRA", "NATO"], start="2024-01-15",
                  end="2024-02-15", outlets=["Journal 0", "Journal 1", "Journal 2"]),
            Story(id="s-pont000002", title="mairie · budget", articles=[made[3].id],
                  actors=["local:jeanne-martin"], start="2024-04-15", end="2024-04-15",
                  outlets=["Journal 0"]),
            Story(id="s-pont000003", title="sans date", articles=[made[4].id]),
        ])
    return path


def test_the_story_listing_reads_as_sentences(tmp_path: Path) -> None:
    import filrouge.cli

    code, out, _ = run("stories", "--db", str(stories_store(tmp_path / "s.db")))
    assert code == 0
    assert out.startswith("3 stories over 4 articles (+1 wire copy), largest first")
    assert "s-pont000001  2024-01-15 → 2024-02-15 · 2 articles (+1 copy) · 3 outlets" in out
    assert "s-pont000002  2024-04-15 · 1 article · 1 outlet · 0 events" in out  # one day
    assert "s-pont000003  undated · 1 article · 0 events" in out  # no outlet named
    assert "actors: France, OTAN" in out  # names, not registry ids
    assert "actors: Jeanne Martin" in out
    assert "(s)" not in out and "None" not in out
    lines = out.splitlines()
    assert all(len(line) <= max(filrouge.cli.out.width, 40) for line in lines)
    wrapped = [line for line in lines if line.startswith("      financement")]
    assert wrapped, "a long title wraps under its own indent"


def test_the_story_listing_in_json_holds_every_record_field(tmp_path: Path) -> None:
    code, out, _ = run("stories", "--db", str(stories_store(tmp_path / "j.db")), "--format",
                       "json")
    assert code == 0
    records = json.loads(out)
    assert [r["id"] for r in records] == ["s-pont000001", "s-pont000002", "s-pont000003"]
    first = records[0]
    assert set(first) >= {"schema", "id", "title", "articles", "duplicates", "actors", "start",
                          "end", "outlets", "keyphrases", "events", "timeline"}
    assert len(first["articles"]) == 2 and len(first["duplicates"]) == 1


def test_an_empty_store_says_how_to_get_stories(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    Store(db).close()
    code, out, _ = run("stories", "--db", str(db))
    assert code == 0 and "filrouge ingest" in out


def bracket_store(path: Path) -> Path:
    """Two articles whose ids share a prefix, one quoting text with square brackets."""
    text = "« Nous paierons [sic] le pont [/b] », a déclaré la maire [Jeanne Martin]."
    said = Span(start=2, end=35, text=text[2:35])
    with Store(path) as store:
        for n, suffix in enumerate(("01", "02")):
            store.add_article(Article(
                id="feed" + "0" * 10 + suffix, source=f"b{n}.txt", text=text + " " * n,
                title=f"Le pont [{n}]", published=Published(value="2024-05-02", origin="input"),
                quotes=[Quote(**said.model_dump(), parts=[said], kind="direct",
                              speaker_name="[Jeanne Martin]", date="2024-05-02")]),
                digest=content_hash(text + " " * n))
    return path


def test_square_brackets_in_article_text_are_printed_as_written(tmp_path: Path) -> None:
    db = str(bracket_store(tmp_path / "b.db"))
    code, out, _ = run("quotes", "--db", db)
    assert code == 0
    assert "Nous paierons [sic] le pont [/b]" in out and "[Jeanne Martin]" in out
    code, out, _ = run("list", "--db", db)
    assert code == 0 and "Le pont [0]" in out


def test_show_tells_an_unknown_id_from_an_ambiguous_one(tmp_path: Path) -> None:
    db = str(bracket_store(tmp_path / "s.db"))
    code, _, err = run("show", "beef", "--db", db)
    assert code == 2 and "no article with id starting 'beef'" in err
    code, _, err = run("show", "feed", "--db", db)
    assert code == 2 and "several articles have ids starting 'feed'" in err
    assert "feed0000000000" in err and "give more characters" in err
    code, out, _ = run("show", "feed000000000001", "--db", db, "--format", "json")
    assert code == 0 and json.loads(out)["id"] == "feed000000000001"


def test_an_unknown_event_type_lists_the_known_ones(tmp_path: Path) -> None:
    db = str(bracket_store(tmp_path / "t.db"))
    code, _, err = run("events", "--type", "HELP", "--db", db)
    assert code == 2 and "assault" in err.lower() and "agree" in err.lower()
    code, out, err = run("events", "--type", "aid", "--db", db)
    assert code == 0 and out == "" and "no event matches these filters" in err


def test_an_empty_answer_says_so_on_stderr(tmp_path: Path) -> None:
    db = str(bracket_store(tmp_path / "e.db"))
    code, out, err = run("quotes", "--speaker", "personne", "--db", db)
    assert code == 0 and out == "" and "no quote matches these filters" in err


def test_the_timeline_wraps_each_entry_under_its_text(tmp_path: Path) -> None:
    import filrouge.cli

    db = str(bracket_store(tmp_path / "tl.db"))
    code, out, _ = run("timeline", "--db", db)
    assert code == 0
    lines = [line for line in out.splitlines() if line]
    assert lines[0].startswith("2024-05-02  « Nous paierons [sic] le pont [/b] »")
    assert all(line.startswith(" " * 12) for line in lines[1:]), out
    assert any(line.strip().startswith("sources: ") for line in lines)
    assert all(len(line) <= max(filrouge.cli.out.width, 40) for line in lines)


def test_a_file_that_is_not_a_database_is_named_not_a_traceback(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("des notes, pas une base de données\n" * 200)
    for command in (["list"], ["stories"], ["ingest", str(notes)], ["serve"]):
        code, _, err = run(*command, "--db", str(notes))
        assert code == 2, command
        assert "is not a filrouge database" in err and "Traceback" not in err
    assert notes.read_text().startswith("des notes")  # left as it was


def test_serve_on_a_busy_port_says_so(tmp_path: Path) -> None:
    import socket

    db = since_store(tmp_path / "busy.db", 1)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code, _, err = run("serve", "--db", str(db), "--port", str(port))
    assert code == 2 and f"cannot listen on 127.0.0.1:{port}" in err and "--port" in err
