"""Scoring publication-date extraction from text on real collections (read-only shared data).

- ml-crisis-fr: ``root/{egypt,yemen}/YYYY-MM-DD/*.txt``; the folder date is the truth. The reader
  only ever sees the file content: ``clean_text`` is called on the text alone, never the path.
  Accuracy is the share of exact days among the files where a date was found; coverage the share
  of files where one was found. Figures are given for all files and for the dev and test halves
  (the same stable hash of the file name as the debris gold; date rules were written on dev).
- wikinews-fr: HTML pages whose first paragraph opens with a dateline ("22 mai 2012. -"). The
  truth is that dateline read by a small parser of this module, independent of the cleaner.

Run: ``PYTHONPATH=src python -m filrouge.eval.pubdate [shared-data-dir]``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

from filrouge.eval.example import split_of
from filrouge.ingest.clean import clean_text

_FOLDER_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "br",
        "tr",
        "section",
        "article",
        "header",
        "footer",
        "blockquote",
        "figcaption",
        "title",
        "dt",
        "dd",
        "pre",
        "table",
        "ul",
        "ol",
    }
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head"})
WIKINEWS_YEAR = "2012"


def shared_data_dir() -> Path | None:
    """The shared data folder: $FILROUGE_SHARED, else ``../shared`` beside the cwd or the repo."""
    env = os.environ.get("FILROUGE_SHARED")
    candidates: list[Path] = []
    if env:
        candidates.append(Path(env))
    repo_root = Path(__file__).resolve().parents[3]
    for base in (Path.cwd(), repo_root):
        candidates.append(base.parent / "shared")
    for candidate in candidates:
        for path in (candidate / "data", candidate):
            if (path / "ml-crisis-fr").is_dir() or (path / "wikinews-fr").is_dir():
                return path
    return None


class _TextExtractor(HTMLParser):
    """Visible text of an HTML page, one line per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data.replace("\n", " "))


def html_to_text(html: str) -> str:
    """Strip the tags of an HTML page, keeping block boundaries as blank lines."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def _days_apart(a: str, b: str) -> int:
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)


def _tally(pairs: list[tuple[str, str | None]]) -> dict[str, float | int]:
    """(truth, found) pairs → counts, accuracy where found, coverage. ``within_2_days`` tells
    near misses (a print edition dated the next day) from wrong dates; ``n_found_earlier`` and
    ``n_found_later`` which side the misses fall on."""
    n = len(pairs)
    found = sum(1 for _, value in pairs if value is not None)
    correct = sum(1 for truth, value in pairs if value is not None and value == truth)
    near = sum(1 for truth, value in pairs if value is not None and _days_apart(truth, value) <= 2)
    return {
        "n_articles": n,
        "n_with_date": found,
        "n_correct": correct,
        # Misses by side: a page found earlier than the truth states a day before it was filed.
        "n_found_earlier": sum(1 for truth, value in pairs if value is not None and value < truth),
        "n_found_later": sum(1 for truth, value in pairs if value is not None and value > truth),
        "accuracy": correct / found if found else 0.0,
        "accuracy_within_2_days": near / found if found else 0.0,
        "coverage": found / n if n else 0.0,
        "correct_over_all": correct / n if n else 0.0,
    }


def mlcrisis_predictions(root: Path) -> list[tuple[str, str, str | None]]:
    """(file name, folder date, day found in the text alone) for every ml-crisis-fr article."""
    rows: list[tuple[str, str, str | None]] = []
    for topic in ("egypt", "yemen"):
        topic_dir = root / topic
        if not topic_dir.is_dir():
            continue
        for folder in sorted(topic_dir.iterdir()):
            if not folder.is_dir() or not _FOLDER_DATE.match(folder.name):
                continue
            for path in sorted(folder.iterdir()):
                if not path.is_file():
                    continue
                content = path.read_text(encoding="utf-8", errors="replace")
                value = clean_text(content).published.value  # content only: never the path
                rows.append((path.relative_to(root).as_posix(), folder.name, value))
    return rows


def evaluate_pubdate_mlcrisis(root: Path) -> dict[str, float | int]:
    """Exact-day accuracy and coverage of dates stated in the text, against the folder date:
    all files, then the test and dev halves (``test_accuracy``, ``dev_coverage``…)."""
    rows = mlcrisis_predictions(root)
    report = _tally([(truth, value) for _, truth, value in rows])
    for half in ("test", "dev"):
        part = _tally([(truth, value) for name, truth, value in rows if split_of(name) == half])
        report.update({f"{half}_{key}": value for key, value in part.items()})
    return report


_MONTHS = {
    "janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
}
_WIKINEWS_DATELINE = re.compile(
    r"<p>\s*(\d{1,2})(?:er)?\s+(" + "|".join(_MONTHS) + r")\s+(\d{4})\s*\.\s*[-–—]", re.I
)


def wikinews_dateline(html: str) -> str | None:
    """The day written at the head of the first paragraph, read without the cleaner."""
    m = _WIKINEWS_DATELINE.search(html)
    if m is None:
        return None
    day, month, year = int(m.group(1)), _MONTHS[m.group(2).lower()], int(m.group(3))
    return f"{year:04d}-{month:02d}-{day:02d}"


def evaluate_pubdate_wikinews(root: Path) -> dict[str, float | int]:
    """Exact-day accuracy (against the dateline as written) and coverage on wikinews pages."""
    pairs: list[tuple[str, str | None]] = []
    from_dateline = in_year = 0
    for path in sorted(root.glob("*.html")):
        page = path.read_text(encoding="utf-8", errors="replace")
        truth = wikinews_dateline(page)
        published = clean_text(html_to_text(page)).published
        if published.value is not None:
            from_dateline += published.origin == "dateline"
            in_year += published.value.startswith(WIKINEWS_YEAR)
        if truth is not None:
            pairs.append((truth, published.value))
    report = _tally(pairs)
    n_files = len(list(root.glob("*.html")))
    report.update(
        {
            "n_files": n_files,
            "n_files_with_dateline": len(pairs),
            "n_from_dateline": from_dateline,
            "n_in_2012": in_year,
        }
    )
    return report


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    base = Path(args[0]) if args else shared_data_dir()
    if base is None:
        print("shared data not found: set FILROUGE_SHARED or pass the folder", file=sys.stderr)
        return 2
    report = {
        "ml-crisis-fr": evaluate_pubdate_mlcrisis(base / "ml-crisis-fr"),
        "wikinews-fr": evaluate_pubdate_wikinews(base / "wikinews-fr"),
    }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
