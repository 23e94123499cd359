"""Scoring publication-date extraction from text on real collections (read-only shared data).

- ml-crisis-fr: ``root/{egypt,yemen}/YYYY-MM-DD/*.txt``; the folder date is the truth. The reader
  only ever sees the file content: ``clean_text`` is called without the path.
- wikinews-fr: HTML pages whose first paragraph opens with a dateline ("22 mai 2012. -"). There is
  no separate gold, so we count the files that yield a date and, as a sanity check, how many of
  those fall in 2012, the year the pages were collected.

Run: ``PYTHONPATH=src python -m filrouge.eval.pubdate [shared-data-dir]``.
"""

from __future__ import annotations

import json
import os
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

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


def evaluate_pubdate_mlcrisis(root: Path) -> dict[str, float | int]:
    """Exact-day accuracy and coverage of dates stated in the text, against the folder date."""
    n = found = correct = 0
    for topic in ("egypt", "yemen"):
        topic_dir = root / topic
        if not topic_dir.is_dir():
            continue
        for folder in sorted(topic_dir.iterdir()):
            if not folder.is_dir() or not _FOLDER_DATE.match(folder.name):
                continue
            truth = folder.name
            for path in sorted(folder.iterdir()):
                if not path.is_file():
                    continue
                content = path.read_text(encoding="utf-8", errors="replace")
                n += 1
                value = clean_text(content).published.value  # content only: never the path
                if value is None:
                    continue
                found += 1
                correct += value == truth
    return {
        "n_articles": n,
        "n_with_date": found,
        "n_correct": correct,
        "accuracy": correct / found if found else 0.0,
        "coverage": found / n if n else 0.0,
        "correct_over_all": correct / n if n else 0.0,
    }


def evaluate_pubdate_wikinews(root: Path) -> dict[str, float | int]:
    """How many wikinews pages yield a date from their text, and how many of those are in 2012."""
    n = found = in_year = from_dateline = 0
    for path in sorted(root.glob("*.html")):
        n += 1
        text = html_to_text(path.read_text(encoding="utf-8", errors="replace"))
        published = clean_text(text).published
        if published.value is None:
            continue
        found += 1
        in_year += published.value.startswith(WIKINEWS_YEAR)
        from_dateline += published.origin == "dateline"
    return {
        "n_files": n,
        "n_with_date": found,
        "n_from_dateline": from_dateline,
        "n_in_2012": in_year,
        "coverage": found / n if n else 0.0,
    }


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
