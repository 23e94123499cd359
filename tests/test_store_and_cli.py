"""The CLI over the SQLite store, as a user runs it: ingest, read, export, and exit statuses."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pyarrow.parquet as pq
from click.testing import CliRunner

from filrouge.cli import main
from filrouge.store.sqlite import SCHEMA_VERSION, Store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_ingesting_the_same_files_twice_is_a_no_op(example_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    shutil.copy(example_db, db)
    with Store(db) as store:
        before = (store.count("articles"), store.count("sources"), store.count("quotes"))
    code, _, err = run("ingest", str(CORPUS), "--db", str(db))
    assert code == 0
    assert "0 new article(s)" in err
    with Store(db) as store:
        assert (store.count("articles"), store.count("sources"), store.count("quotes")) == before


def test_an_interrupted_run_resumes_where_it_stopped(tmp_path: Path) -> None:
    db = tmp_path / "resume.db"
    first = sorted(CORPUS.glob("2023-vilnius/*.txt"))[:2]
    code, _, _ = run("ingest", *map(str, first), "--db", str(db))
    assert code == 0
    code, _, err = run("ingest", str(CORPUS / "2023-vilnius"), "--db", str(db))
    assert code == 0
    assert "2 already stored" in err


def test_the_store_is_versioned_and_in_wal_mode(example_db: Path) -> None:
    with Store(example_db) as store:
        assert store.version == SCHEMA_VERSION
        mode = store.db.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_a_newer_database_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    db = tmp_path / "future.db"
    sqlite3.connect(db).execute("PRAGMA user_version=99").connection.close()
    try:
        Store(db)
    except RuntimeError as error:
        assert "newer than this filrouge" in str(error)
    else:
        raise AssertionError("a newer schema must be refused")


def test_rejected_inputs_exit_1_are_listed_and_recorded(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(next(CORPUS.glob("2023-vilnius/*.txt")), folder / "bon.txt")
    (folder / "vide.txt").write_text("")
    (folder / "binaire.txt").write_bytes(bytes(range(256)) * 4)
    db = tmp_path / "bad.db"
    code, _, err = run("ingest", str(folder), "--db", str(db))
    assert code == 1
    assert "vide.txt: empty file" in err
    assert "binaire.txt: binary file" in err
    with Store(db) as store:
        assert store.count("articles") == 1
        assert {r.reason for r in store.rejections()} >= {"empty file"}


def test_usage_errors_exit_2() -> None:
    assert run("ingest")[0] == 2
    assert run("list", "--db", "/nonexistent/x.db")[0] == 2
    assert run("export", "--format", "xml")[0] == 2


def test_analyze_prints_one_filrouge_record_per_line(tmp_path: Path) -> None:
    source = CORPUS / "2023-vilnius" / "veille-juillet-2023.jsonl"
    code, stdout, _ = run("analyze", str(source))
    assert code == 0
    lines = stdout.splitlines()
    assert len(lines) == 2
    record = json.loads(lines[0])
    assert record["schema"] == "filrouge/1"
    assert record["published"]["origin"] == "input"
    assert record["quotes"], "the example article has quotes"


def test_list_show_quotes_stories_and_timeline_in_json(example_db: Path) -> None:
    db = ("--db", str(example_db))
    code, listed, _ = run("list", *db, "--format", "json")
    assert code == 0
    articles = json.loads(listed)
    assert len(articles) >= 20
    code, shown, _ = run("show", articles[0]["id"][:8], *db, "--format", "json")
    assert code == 0 and json.loads(shown)["id"] == articles[0]["id"]
    code, quotes, _ = run("quotes", *db, "--format", "json", "--anonymous")
    assert code == 0
    assert all(q["anonymous"] for q in json.loads(quotes))
    code, stories, _ = run("stories", *db, "--format", "json")
    assert code == 0 and json.loads(stories)
    code, timeline, _ = run("timeline", *db, "--format", "json", "--max-dates", "5")
    entries = json.loads(timeline)
    assert code == 0 and 0 < len(entries) <= 5
    assert [e["date"] for e in entries] == sorted(e["date"] for e in entries)
    assert all(e["sources"] for e in entries)


def test_show_in_the_terminal_highlights_the_article(example_db: Path) -> None:
    code, listed, _ = run("list", "--db", str(example_db), "--format", "json")
    first = json.loads(listed)[0]["id"]
    code, shown, _ = run("show", first, "--db", str(example_db))
    assert code == 0
    assert "legend:" in shown and "quotes" in shown


def test_exports_in_every_format(example_db: Path, tmp_path: Path) -> None:
    db = ("--db", str(example_db))
    code, jsonl, _ = run("export", *db, "--format", "jsonl")
    assert code == 0
    assert all(json.loads(line)["schema"] == "filrouge/1" for line in jsonl.splitlines())
    code, csv_text, _ = run("export", *db, "--format", "csv", "--what", "quotes")
    assert code == 0 and csv_text.startswith("article,start,end,text,kind")
    target = tmp_path / "events.parquet"
    code, _, _ = run("export", *db, "--format", "parquet", "--what", "events", "-o", str(target))
    assert code == 0
    table = pq.read_table(target)
    assert table.num_rows > 0 and "type" in table.column_names
