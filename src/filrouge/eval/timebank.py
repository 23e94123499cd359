"""Score a temporal tagger on the French TimeBank with the TempEval-3 measures.

The corpus (``*.tml`` files, ISO-TimeML inline annotation) is read-only and lives outside the
repository: ``$FILROUGE_SHARED/data/fr-timebank`` or ``../shared/data/fr-timebank``.

For each document, the reference date is the value of ``<DCT><TIMEX3 value=…>``; the text is the
content of ``<TEXT>`` with every tag stripped, and gold offsets are computed on that text.

Measures (TempEval-3):

* strict span P/R/F1 — a system expression matches a gold one when the offsets are identical;
* relaxed span P/R/F1 — a match is any overlap;
* type and value accuracy — over the relaxed matches (paired one to one);
* value F1 — relaxed F1 × value accuracy (type F1 likewise).

Figures are given for all files and for each half of the sorted file list: ``dev`` (the first
half, the only one rules may be tuned on) and ``heldout`` (the second half). A second split
interleaves the files (``even``/``odd``): each of its halves holds half of the dev files the
rules were written on, so its figures show how much they vary with the split, not a held-out
measure.
"""

from __future__ import annotations

import datetime
import os
import pathlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from filrouge.analyze.time import find_times

SHARED_SUBPATH = pathlib.Path("data") / "fr-timebank"


@dataclass(frozen=True)
class Timex:
    """A time expression located in a document's text (gold or system)."""

    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True)
class TmlDocument:
    """One TimeML document: its plain text, creation date and gold expressions."""

    name: str
    text: str
    dct: datetime.date | None
    timexes: tuple[Timex, ...]


Tagger = Callable[[str, datetime.date | None], list[Timex]]


def timebank_dir() -> pathlib.Path | None:
    """The French TimeBank folder, or None when it is not on this machine."""
    candidates: list[pathlib.Path] = []
    shared = os.environ.get("FILROUGE_SHARED")
    if shared:
        candidates.append(pathlib.Path(shared) / SHARED_SUBPATH)
    candidates.append(pathlib.Path.cwd().parent / "shared" / SHARED_SUBPATH)
    for candidate in candidates:
        if candidate.is_dir() and any(candidate.glob("*.tml")):
            return candidate
    return None


def _parse_date(value: str) -> datetime.date | None:
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if not match:
        return None
    year, month, day = (int(group) for group in match.groups())
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _walk(element: ET.Element, parts: list[str], found: list[Timex]) -> None:
    """Append the text content of ``element`` to ``parts``, recording TIMEX3 offsets."""
    start = sum(len(part) for part in parts)
    if element.text:
        parts.append(element.text)
    for child in element:
        _walk(child, parts, found)
        if child.tail:
            parts.append(child.tail)
    if element.tag == "TIMEX3":
        end = sum(len(part) for part in parts)
        found.append(
            Timex(start, end, element.get("type", ""), element.get("value", ""))
        )


def read_tml(path: pathlib.Path) -> TmlDocument:
    """Read one ``.tml`` file: the stripped text of ``<TEXT>``, its DCT and gold TIMEX3."""
    root = ET.parse(path).getroot()
    dct_timex = root.find("DCT/TIMEX3")
    dct = _parse_date(dct_timex.get("value", "")) if dct_timex is not None else None
    text_element = root.find("TEXT")
    parts: list[str] = []
    found: list[Timex] = []
    if text_element is not None:
        _walk(text_element, parts, found)
    found.sort(key=lambda timex: (timex.start, timex.end))
    return TmlDocument(path.stem, "".join(parts), dct, tuple(found))


def _overlap(a: Timex, b: Timex) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def _pairs(gold: Iterable[Timex], system: Iterable[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one relaxed pairing, largest overlaps first."""
    candidates = [
        (_overlap(g, s), g, s) for g in gold for s in system if _overlap(g, s) > 0
    ]
    candidates.sort(key=lambda item: -item[0])
    used_gold: set[Timex] = set()
    used_system: set[Timex] = set()
    pairs: list[tuple[Timex, Timex]] = []
    for _, g, s in candidates:
        if g not in used_gold and s not in used_system:
            used_gold.add(g)
            used_system.add(s)
            pairs.append((g, s))
    return pairs


@dataclass
class _Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def add(self, gold: list[Timex], system: list[Timex]) -> None:
        self.gold += len(gold)
        self.system += len(system)
        spans = {(g.start, g.end) for g in gold}
        self.strict += sum((s.start, s.end) in spans for s in system)
        pairs = _pairs(gold, system)
        self.relaxed += len(pairs)
        self.type_ok += sum(g.type == s.type for g, s in pairs)
        self.value_ok += sum(g.value == s.value for g, s in pairs)


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def _f1(precision: float, recall: float) -> float:
    return _ratio(2 * precision * recall, precision + recall)


def _figures(counts: _Counts) -> dict[str, float | int]:
    strict_p = _ratio(counts.strict, counts.system)
    strict_r = _ratio(counts.strict, counts.gold)
    relaxed_p = _ratio(counts.relaxed, counts.system)
    relaxed_r = _ratio(counts.relaxed, counts.gold)
    relaxed_f1 = _f1(relaxed_p, relaxed_r)
    type_acc = _ratio(counts.type_ok, counts.relaxed)
    value_acc = _ratio(counts.value_ok, counts.relaxed)
    return {
        "files": 0,
        "gold": counts.gold,
        "system": counts.system,
        "strict_p": strict_p,
        "strict_r": strict_r,
        "strict_f1": _f1(strict_p, strict_r),
        "relaxed_p": relaxed_p,
        "relaxed_r": relaxed_r,
        "relaxed_f1": relaxed_f1,
        "type_acc": type_acc,
        "type_f1": relaxed_f1 * type_acc,
        "value_acc": value_acc,
        "value_f1": relaxed_f1 * value_acc,
    }


def _tml_files(directory: pathlib.Path, files: list[pathlib.Path] | None) -> list[pathlib.Path]:
    return sorted(files) if files is not None else sorted(directory.glob("*.tml"))


def _score(files: list[pathlib.Path], tagger: Tagger) -> dict[str, float | int]:
    """Flat figures: ``all.*``, ``dev.*`` (first half) and ``heldout.*`` (second half), and a
    second split the other way, ``even.*``/``odd.*`` (every other file of the sorted list)."""
    half = (len(files) + 1) // 2
    groups = {"all": files, "dev": files[:half], "heldout": files[half:],
              "even": files[0::2], "odd": files[1::2]}
    results: dict[str, float | int] = {}
    for name, group in groups.items():
        counts = _Counts()
        for path in group:
            document = read_tml(path)
            counts.add(list(document.timexes), tagger(document.text, document.dct))
        figures = _figures(counts)
        figures["files"] = len(group)
        results.update({f"{name}.{key}": value for key, value in figures.items()})
    return results


def _filrouge_tagger(text: str, reference: datetime.date | None) -> list[Timex]:
    return [Timex(t.start, t.end, t.type, t.value) for t in find_times(text, reference)]


def evaluate_timebank(
    directory: pathlib.Path, files: list[pathlib.Path] | None = None
) -> dict[str, float | int]:
    """TempEval-3 figures of :func:`filrouge.analyze.time.find_times` on the French TimeBank."""
    return _score(_tml_files(directory, files), _filrouge_tagger)


def _dateparser_value(moment: datetime.datetime) -> tuple[str, str]:
    if moment.time() != datetime.time(0, 0):
        return "TIME", moment.strftime("%Y-%m-%dT%H:%M")
    return "DATE", moment.date().isoformat()


def _dateparser_tagger(text: str, reference: datetime.date | None) -> list[Timex]:
    from dateparser.search import search_dates  # dev dependency: imported only when used

    settings: dict[str, object] = {}
    if reference is not None:
        settings["RELATIVE_BASE"] = datetime.datetime.combine(reference, datetime.time())
    found = search_dates(text, languages=["fr"], settings=settings) or []
    timexes: list[Timex] = []
    cursor = 0
    for substring, moment in found:
        start = text.find(substring, cursor)
        if start < 0:
            start = text.find(substring)
            if start < 0:
                continue
        end = start + len(substring)
        cursor = end
        kind, value = _dateparser_value(moment)
        timexes.append(Timex(start, end, kind, value))
    return timexes


def evaluate_dateparser_baseline(
    directory: pathlib.Path, files: list[pathlib.Path] | None = None
) -> dict[str, float | int]:
    """The same figures for ``dateparser.search.search_dates`` (French, DCT as base)."""
    return _score(_tml_files(directory, files), _dateparser_tagger)


def format_report(results: dict[str, float | int]) -> str:
    """A small table: one line per group, percentages."""
    keys = [
        "strict_p", "strict_r", "strict_f1", "relaxed_p", "relaxed_r", "relaxed_f1",
        "type_acc", "value_acc", "value_f1",
    ]
    lines = ["group    files gold  sys  " + " ".join(f"{key:>10}" for key in keys)]
    for group in ("dev", "heldout", "even", "odd", "all"):
        head = (
            f"{group:<8} {results[group + '.files']:>5} {results[group + '.gold']:>4} "
            f"{results[group + '.system']:>4}  "
        )
        lines.append(head + " ".join(f"{100 * results[f'{group}.{k}']:>10.2f}" for k in keys))
    return "\n".join(lines)


def main() -> None:
    """Print the tagger's figures and the dateparser baseline's."""
    directory = timebank_dir()
    if directory is None:
        raise SystemExit("French TimeBank not found (set FILROUGE_SHARED)")
    print("filrouge\n" + format_report(evaluate_timebank(directory)))
    print("dateparser\n" + format_report(evaluate_dateparser_baseline(directory)))


if __name__ == "__main__":
    main()
