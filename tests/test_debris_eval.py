"""The line-level debris scorer on ml-crisis-fr and its gold (line numbers and hashes only).

Unit tests use text written for them; the real-data tests skip when ../shared is absent.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from filrouge.eval.debris import (
    Counts,
    GoldFile,
    GoldLine,
    check_file,
    evaluate_debris,
    gold_path,
    kept_by_filrouge,
    line_digest,
    load_debris_gold,
)
from filrouge.eval.example import split_of
from filrouge.eval.pubdate import shared_data_dir

PAGE = (
    "Partager sur Facebook\n"
    "Le port rouvre après la tempête\n"
    "Les navires ont pu reprendre la mer mardi matin, après trois jours d'interruption liés aux "
    "vents violents sur la côte.\n"
    "\n"
    "#port #tempête\n"
)


def gold_for(raw: str, labels: dict[int, str]) -> GoldFile:
    lines = raw.split("\n")
    return GoldFile(
        "x/page.txt",
        tuple(
            GoldLine(n, line_digest(text), labels.get(n, "body"))
            for n, text in enumerate(lines, 1)
            if text.strip()
        ),
    )


def test_counts_score_debris_lines_and_leave_titles_out() -> None:
    gold = gold_for(PAGE, {1: "debris", 2: "title", 5: "debris"})
    counts = Counts()
    counts.add(gold, kept={3, 5})  # removed the share line, kept the hashtags
    figures = counts.figures()
    assert (counts.tp, counts.fp, counts.fn, counts.tn) == (1, 0, 1, 1)
    assert figures["precision"] == 1.0
    assert figures["recall"] == 0.5
    assert figures["f1"] == pytest.approx(2 / 3)


def test_removing_body_costs_precision() -> None:
    gold = gold_for(PAGE, {1: "debris", 2: "title", 5: "debris"})
    counts = Counts()
    counts.add(gold, kept=set())
    assert (counts.tp, counts.fp) == (2, 1)
    assert counts.figures()["precision"] == pytest.approx(2 / 3)


def test_filrouge_keeps_the_body_and_takes_the_title_out() -> None:
    assert kept_by_filrouge(PAGE) == {3}


def test_changed_text_is_not_scored() -> None:
    gold = gold_for(PAGE, {})
    assert check_file(gold, PAGE) is None
    assert check_file(gold, PAGE.replace("mardi", "mercredi")) == (
        "line 3 differs from the annotated text"
    )
    assert check_file(gold, PAGE + "Une ligne de plus\n") == (
        "non-blank lines differ from the annotated ones"
    )


def test_split_is_stable_and_by_file_name() -> None:
    assert split_of("egypt/2013-07-09/ext_50.txt") == "dev"
    assert split_of("egypt/2012-06-19/ext_18.txt") == "test"


# --- the gold file ------------------------------------------------------------------------------

GOLD = gold_path()


@pytest.mark.skipif(GOLD is None, reason="examples/gold-shared not found (run from the repo)")
def test_gold_holds_labels_and_hashes_never_text() -> None:
    assert GOLD is not None
    files = load_debris_gold(GOLD)
    assert len(files) == 40
    assert len({f.name for f in files}) == 40
    halves = [split_of(f.name) for f in files]
    assert (halves.count("dev"), halves.count("test")) == (21, 19)
    for row in GOLD.read_text(encoding="utf-8").splitlines():
        record = json.loads(row)
        assert set(record) == {"file", "lines"}
        for item in record["lines"]:
            assert isinstance(item[0], int)
            assert re.fullmatch(r"[0-9a-f]{12}", item[1])
            assert item[2] in {"body", "title", "debris"}
            assert len(item) == 3 or (item[2] == "debris" and re.fullmatch(r"[a-z-]+", item[3]))


# --- real data ----------------------------------------------------------------------------------

SHARED = shared_data_dir()
needs_mlcrisis = pytest.mark.skipif(
    SHARED is None or not (SHARED / "ml-crisis-fr").is_dir() or GOLD is None,
    reason="shared data not found (../shared/data/ml-crisis-fr or $FILROUGE_SHARED)",
)


@pytest.fixture(scope="module")
def report() -> dict[str, dict[str, float | int | str]]:
    assert SHARED is not None and GOLD is not None
    return evaluate_debris(Path(SHARED) / "ml-crisis-fr", GOLD)


@needs_mlcrisis
def test_every_gold_file_is_scored(report: dict[str, dict[str, float | int | str]]) -> None:
    assert not any("not scored" in key for key in report)
    assert report["ingest — ml-crisis-fr debris lines, test half, filrouge"]["files"] == 19


@needs_mlcrisis
def test_filrouge_debris_removal_on_the_test_half(
    report: dict[str, dict[str, float | int | str]],
) -> None:
    # Measured: P 1.000, R 0.963, F1 0.981 on 19 files (915 debris lines, 317 body lines).
    figures = report["ingest — ml-crisis-fr debris lines, test half, filrouge"]
    assert float(figures["f1"]) >= 0.95
    assert float(figures["precision"]) >= 0.98


@needs_mlcrisis
def test_baselines_run_side_by_side(report: dict[str, dict[str, float | int | str]]) -> None:
    for system in ("trafilatura", "jusText"):
        figures = report[f"ingest — ml-crisis-fr debris lines, test half, {system}"]
        assert "skipped" in figures or 0.0 <= float(figures["f1"]) <= 1.0
