"""What a newcomer meets first on the command line: clear messages and the documented exit
statuses (0 all went well, 1 some inputs rejected, 2 usage error), counts that match what is
shown, and readable listings."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from filrouge.cli import main

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
