"""Line-level scoring of debris removal on real pages (ml-crisis-fr), side by side.

The gold (``examples/gold-shared/ml-crisis-debris.jsonl``, guidelines in docs/gold.md) labels
every non-blank line of 40 files as ``body``, ``title`` or ``debris``. It stores line numbers and
a short hash of each line, never the text: the text is read in place from ``../shared``.

Three systems see the same raw text and each says which lines stay in the article body:

- filrouge: ``clean_text`` (lines it removes, and the line it takes as title, leave the body);
- trafilatura: ``trafilatura.extract`` on the text wrapped minimally in HTML, one ``<p>`` per
  non-blank line, comments excluded;
- jusText: the same HTML with the French stop list; its non-boilerplate paragraphs stay.

Title lines are left out of the debris figures (they are neither body nor debris); filrouge's
title is scored on its own: ``title_exact`` over the files whose gold has a title,
``title_right`` over all files (no title where the gold has none), ``debris_titles`` the files
whose title is a line the gold calls debris. Files are split into a dev half (rules were
written looking at it) and a test half (the headline) by the same stable hash of the file name
as the example gold.

:func:`evaluate_titles` needs no gold: it reads every ml-crisis-fr article as ``filrouge
analyze`` does and counts titles shared by several articles (a slogan or a teaser taken as
title glues unrelated articles into one story downstream) and the outlets found.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from filrouge.eval.example import examples_dir, split_of

GOLD_FILE = "gold-shared/ml-crisis-debris.jsonl"
HASH_CHARS = 12

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class GoldLine:
    number: int  # 1-based, in the text split on "\n" after CRLF → LF
    digest: str  # sha1 of the stripped line, first 12 hex characters
    label: str  # "body", "title" or "debris"
    kind: str | None = None  # for debris: menu, comments, related, caption…


@dataclass(frozen=True)
class GoldFile:
    name: str  # path relative to ml-crisis-fr/
    lines: tuple[GoldLine, ...]


def line_digest(line: str) -> str:
    return hashlib.sha1(line.strip().encode("utf-8")).hexdigest()[:HASH_CHARS]


def gold_path() -> Path | None:
    examples = examples_dir()
    if examples is None:
        return None
    path = examples / GOLD_FILE
    return path if path.is_file() else None


def load_debris_gold(path: Path) -> list[GoldFile]:
    files: list[GoldFile] = []
    for row in path.read_text(encoding="utf-8").splitlines():
        if not row.strip():
            continue
        record = json.loads(row)
        lines = tuple(
            GoldLine(int(item[0]), str(item[1]), str(item[2]), item[3] if len(item) > 3 else None)
            for item in record["lines"]
        )
        files.append(GoldFile(str(record["file"]), lines))
    return files


def source_lines(raw: str) -> list[str]:
    """The file's lines as numbered by the gold (and by ``clean_text``)."""
    return raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _key(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _as_html(lines: list[str]) -> str:
    paragraphs = "".join(f"<p>{html.escape(line.strip())}</p>\n" for line in lines if line.strip())
    return f"<html><body>\n{paragraphs}</body></html>"


# ---------------------------------------------------------------------------------------------
# Systems: raw text → numbers of the lines kept in the body


def kept_by_filrouge(raw: str) -> set[int]:
    from filrouge.ingest.clean import clean_text

    lines = source_lines(raw)
    cleaned = clean_text(raw)
    removed = {r.line for r in cleaned.removed if r.line is not None}
    kept = {n for n, line in enumerate(lines, 1) if line.strip() and n not in removed}
    if cleaned.title is not None:
        title = _key(cleaned.title)
        in_body = {_key(p) for p in cleaned.text.split("\n\n")}
        for n in sorted(kept):
            if _key(lines[n - 1]) == title and title not in in_body:
                kept.discard(n)  # the line taken as title leaves the body
                break
    return kept


def _match_in_order(lines: list[str], kept_texts: list[str]) -> set[int]:
    """Line numbers whose text is among ``kept_texts`` (each kept text used once)."""
    budget = Counter(_key(t) for t in kept_texts if _key(t))
    kept: set[int] = set()
    for n, line in enumerate(lines, 1):
        key = _key(line)
        if key and budget[key] > 0:
            budget[key] -= 1
            kept.add(n)
    return kept


def kept_by_trafilatura(raw: str) -> set[int]:
    import trafilatura

    lines = source_lines(raw)
    out = trafilatura.extract(_as_html(lines), include_comments=False, include_tables=False)
    return _match_in_order(lines, (out or "").split("\n"))


def kept_by_justext(raw: str) -> set[int]:
    import justext

    lines = source_lines(raw)
    paragraphs = justext.justext(_as_html(lines).encode("utf-8"), justext.get_stoplist("French"))
    return _match_in_order(lines, [p.text for p in paragraphs if not p.is_boilerplate])


SYSTEMS: dict[str, Callable[[str], set[int]]] = {
    "filrouge": kept_by_filrouge,
    "trafilatura": kept_by_trafilatura,
    "jusText": kept_by_justext,
}


# ---------------------------------------------------------------------------------------------
# Scoring


@dataclass
class Counts:
    tp: int = 0  # debris removed
    fp: int = 0  # body removed
    fn: int = 0  # debris kept
    tn: int = 0  # body kept
    file_f1: list[float] = field(default_factory=list)

    def add(self, gold: GoldFile, kept: set[int]) -> None:
        tp = fp = fn = tn = 0
        for line in gold.lines:
            if line.label == "title":
                continue
            removed = line.number not in kept
            if line.label == "debris":
                tp += removed
                fn += not removed
            else:
                fp += removed
                tn += not removed
        self.tp += tp
        self.fp += fp
        self.fn += fn
        self.tn += tn
        self.file_f1.append(_f1(tp, fp, fn))

    def figures(self) -> dict[str, float | int]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return {
            "precision": precision,
            "recall": recall,
            "f1": _f1(self.tp, self.fp, self.fn),
            "macro_f1_per_file": sum(self.file_f1) / len(self.file_f1) if self.file_f1 else 0.0,
            "debris_lines": self.tp + self.fn,
            "body_lines": self.fp + self.tn,
            "body_lines_removed": self.fp,
            "debris_lines_kept": self.fn,
        }


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0


def check_file(gold: GoldFile, raw: str) -> str | None:
    """Why this file cannot be scored (its text differs from the annotated one), else None."""
    lines = source_lines(raw)
    for line in gold.lines:
        if line.number > len(lines) or line_digest(lines[line.number - 1]) != line.digest:
            return f"line {line.number} differs from the annotated text"
    numbered = {n for n, text in enumerate(lines, 1) if text.strip()}
    if numbered != {line.number for line in gold.lines}:
        return "non-blank lines differ from the annotated ones"
    return None


def _title_right(gold: GoldFile, raw: str) -> bool:
    from filrouge.ingest.clean import clean_text

    title = clean_text(raw).title
    digests = {line.digest for line in gold.lines if line.label == "title"}
    if not digests:
        return title is None
    return title is not None and line_digest(title) in digests


def _title_is_debris(gold: GoldFile, raw: str) -> bool:
    """Is the line taken as title one the gold labels debris (a caption, a link, a stamp…)?"""
    from filrouge.ingest.clean import clean_text

    title = clean_text(raw).title
    if title is None:
        return False
    digest = line_digest(title)
    return any(line.digest == digest and line.label == "debris" for line in gold.lines)


def evaluate_debris(
    root: Path, gold_file: Path, systems: dict[str, Callable[[str], set[int]]] | None = None
) -> dict[str, dict[str, float | int | str]]:
    """Debris-line P/R/F1 of each system on each half of the gold files found under ``root``."""
    chosen = systems or SYSTEMS
    gold = load_debris_gold(gold_file)
    results: dict[str, dict[str, float | int | str]] = {}
    skipped: list[str] = []
    usable: list[tuple[GoldFile, str]] = []
    for item in gold:
        path = root / item.name
        if not path.is_file():
            skipped.append(f"{item.name}: missing")
            continue
        raw = path.read_text(encoding="utf-8", errors="replace")
        problem = check_file(item, raw)
        if problem:
            skipped.append(f"{item.name}: {problem}")
            continue
        usable.append((item, raw))
    for half in ("test", "dev"):
        pairs = [(g, raw) for g, raw in usable if split_of(g.name) == half]
        titled = [(g, raw) for g, raw in pairs if any(x.label == "title" for x in g.lines)]
        for name, system in chosen.items():
            key = f"ingest — ml-crisis-fr debris lines, {half} half, {name}"
            counts = Counts()
            try:
                for item, raw in pairs:
                    counts.add(item, system(raw))
            except ImportError as error:
                results[key] = {"skipped": f"{error.name or name} not installed"}
                continue
            figures: dict[str, float | int | str] = {"files": len(pairs)}
            figures.update(counts.figures())
            if name == "filrouge":
                right = sum(_title_right(g, raw) for g, raw in titled)
                figures["title_exact"] = right / len(titled) if titled else 0.0
                figures["files_with_title"] = len(titled)
                everywhere = sum(_title_right(g, raw) for g, raw in pairs)
                figures["title_right"] = everywhere / len(pairs) if pairs else 0.0
                figures["debris_titles"] = sum(_title_is_debris(g, raw) for g, raw in pairs)
            results[key] = figures
    if skipped:
        results["ingest — ml-crisis-fr debris, files not scored"] = {
            str(i): reason for i, reason in enumerate(skipped, 1)
        }
    results.update(evaluate_titles(root))
    return results


def evaluate_titles(root: Path) -> dict[str, dict[str, float | int | str]]:
    """Titles and outlets of every ml-crisis-fr article, read as ``filrouge analyze`` reads a
    folder (site lines included), per half: how many have a title, how many titles are shared
    with another article of the whole set, the largest such group, how many have an outlet and
    how many outlets are a file name (there should be none)."""
    from filrouge.ingest.prepare import read_articles
    from filrouge.model import Article

    topics = sorted(p for p in root.iterdir() if p.is_dir() and p.name != "reference")
    articles = [a for a in read_articles(topics) if isinstance(a, Article)]
    counts = Counter(a.title for a in articles if a.title)
    results: dict[str, dict[str, float | int | str]] = {}
    for half in ("test", "dev"):
        part = [a for a in articles if split_of(Path(a.source).relative_to(root).as_posix())
                == half]
        titled = [a for a in part if a.title]
        shared = [a for a in titled if a.title and counts[a.title] > 1]
        results[f"ingest — ml-crisis-fr titles and outlets, {half} half"] = {
            "articles": len(part),
            "with_title": len(titled),
            "distinct_titles": len({a.title for a in titled}),
            "titles_shared_with_another_article": len(shared),
            "largest_group_with_one_title": max((counts[a.title] for a in shared if a.title),
                                                default=1 if titled else 0),
            "with_outlet": sum(1 for a in part if a.outlet),
            "distinct_outlets": len({a.outlet for a in part if a.outlet}),
            "outlet_is_a_file_name": sum(1 for a in part
                                         if a.outlet and a.outlet == Path(a.source).name),
        }
    return results
