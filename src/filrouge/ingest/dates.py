"""Publication dates from file names and small parsers for French date strings.

Pure functions; the only I/O is reading the month names from ``data/debris_fr.json``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import PurePath

from filrouge.model import Published

FILENAME_CONFIDENCE = 0.6
FOLDER_CONFIDENCE = 0.5
MIN_YEAR = 1900
MAX_YEAR = 2100


@lru_cache(maxsize=1)
def _resources() -> dict[str, object]:
    text = resources.files("filrouge").joinpath("data/debris_fr.json").read_text("utf-8")
    data: dict[str, object] = json.loads(text)
    return data


@lru_cache(maxsize=1)
def months() -> dict[str, int]:
    """French month names and abbreviations → month number (case-folded, with/without accents)."""
    raw = _resources()["months"]
    assert isinstance(raw, dict)
    table = {str(k).casefold(): int(v) for k, v in raw.items()}
    for name, number in list(table.items()):
        table.setdefault(_strip_accents(name), number)
    return table


@lru_cache(maxsize=1)
def weekdays() -> tuple[str, ...]:
    raw = _resources()["weekdays"]
    assert isinstance(raw, list)
    return tuple(str(w).casefold() for w in raw)


def _strip_accents(s: str) -> str:
    decomposed = unicodedata.normalize("NFD", s)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _month_alternation() -> str:
    names = sorted(months(), key=len, reverse=True)
    return "|".join(re.escape(n) for n in names)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    month = _month_alternation()
    day_names = "|".join(weekdays())
    return {
        # 11 juillet 2023, 1er juillet 2023, mercredi 12 juillet 2023, 12 juil. 2023, 11 juillet
        "textual": re.compile(
            rf"(?<![\w])(?:(?P<wd>{day_names})\s+)?(?P<d>[0-3]?\d)(?:er|e)?\s+"
            rf"(?P<m>{month})\.?(?![\w])(?:,?\s+(?P<y>\d{{4}}))?(?!\d)",
            re.IGNORECASE,
        ),
        # 2023-07-11, 2023/07/11, 2023.07.11, 2023 07 11
        "iso": re.compile(r"(?<!\d)(?P<y>\d{4})[-/._ ](?P<m>[01]?\d)[-/._ ](?P<d>[0-3]?\d)(?!\d)"),
        # 11/07/2023, 11-07-2023, 11.07.2023, 11/07/23
        "dmy": re.compile(
            r"(?<![\d/.-])(?P<d>[0-3]?\d)[/.-](?P<m>[01]?\d)[/.-](?P<y>\d{4}|\d{2})(?![\d/])"
        ),
        # 20230711
        "compact": re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)"),
    }


@dataclass(frozen=True)
class DateMatch:
    """A date found in a string: where, the parsed day and whether the year was written."""

    start: int
    end: int
    text: str
    date: dt.date | None
    has_year: bool


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    if not (MIN_YEAR <= year <= MAX_YEAR):
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _expand_year(y: str) -> int:
    year = int(y)
    if len(y) == 2:
        year += 2000 if year < 70 else 1900
    return year


def find_dates(s: str, reference_year: int | None = None) -> list[DateMatch]:
    """Every date written in ``s``, in order. Yearless dates use ``reference_year`` when given.

    A textual date without a year and without ``reference_year`` is reported with
    ``date=None`` and ``has_year=False`` so callers still know a date was written.
    """
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    pats = _patterns()
    for kind in ("textual", "iso", "dmy", "compact"):
        for m in pats[kind].finditer(s):
            if not free(m.start(), m.end()):
                continue
            if kind == "textual":
                month = months()[_strip_accents(m.group("m").casefold()).rstrip(".")]
                day = int(m.group("d"))
                if m.group("y"):
                    date = _make_date(int(m.group("y")), month, day)
                    has_year = True
                else:
                    has_year = False
                    date = None
                    if reference_year is not None:
                        date = _make_date(reference_year, month, day)
                    elif not 1 <= day <= 31:
                        continue
            else:
                year = _expand_year(m.group("y"))
                date = _make_date(year, int(m.group("m")), int(m.group("d")))
                if date is None:
                    continue
                has_year = True
            taken.append((m.start(), m.end()))
            found.append(DateMatch(m.start(), m.end(), m.group(0), date, has_year))
    found.sort(key=lambda d: d.start)
    return found


_YEAR_IN_TEXT = re.compile(r"(?<![\d/.\-])((?:19|20)\d{2})(?![\d/.\-])")


def years_mentioned(text: str) -> set[int]:
    """The plausible years written in a text ("en 2013", "Egypte 2013 ...")."""
    return {int(y) for y in _YEAR_IN_TEXT.findall(text) if MIN_YEAR <= int(y) <= MAX_YEAR}


def infer_year(match: DateMatch, candidates: set[int]) -> dt.date | None:
    """A yearless date with its weekday ("mercredi 30 janvier") in the one candidate year where
    that day falls on that weekday; ``None`` when no weekday is written or the year is not unique.

    Why: page stamps often omit the year, and the weekday pins it down among the years the page
    mentions, without falling back on the date the file was collected.
    """
    if match.has_year:
        return match.date
    m = _patterns()["textual"].fullmatch(match.text)
    if m is None or not m.group("wd"):
        return None
    weekday = weekdays().index(m.group("wd").casefold())
    month = months()[_strip_accents(m.group("m").casefold()).rstrip(".")]
    fitting = {
        date
        for year in candidates
        if (date := _make_date(year, month, int(m.group("d")))) is not None
        and date.weekday() == weekday
    }
    return fitting.pop() if len(fitting) == 1 else None


def parse_french_date(s: str, reference_year: int | None = None) -> dt.date | None:
    """The first date written in ``s`` ("11 juillet 2023", "11/07/2023", "2023-07-11"…).

    A date without a year ("11 juillet") takes ``reference_year``; without one it gives ``None``.
    """
    for match in find_dates(s, reference_year):
        if match.date is not None:
            return match.date
    return None


def unix_epoch_date(s: str) -> dt.date | None:
    """A Unix time stamp alone ("1750852980", or in milliseconds) → its UTC day, else ``None``."""
    text = s.strip()
    if not re.fullmatch(r"\d{10}(?:\d{3})?", text):
        return None
    seconds = int(text[:10])
    if not 631152000 <= seconds <= 4102444800:  # 1990 … 2100
        return None
    return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date()


_FILENAME_PATTERNS = (
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})[-_.](?P<m>[01]\d)[-_.](?P<d>[0-3]\d)(?!\d)"),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)"),
    re.compile(r"(?<!\d)(?P<d>[0-3]\d)[-_.](?P<m>[01]\d)[-_.](?P<y>(?:19|20)\d{2})(?!\d)"),
)


def _date_in_name(name: str) -> dt.date | None:
    for pattern in _FILENAME_PATTERNS:
        for m in pattern.finditer(name):
            date = _make_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            if date is not None:
                return date
    return None


def date_from_filename(path: str) -> Published | None:
    """A date written in the file name (0.6) or else in its parent folder name (0.5)."""
    p = PurePath(path)
    date = _date_in_name(p.name)
    if date is not None:
        return Published(value=date.isoformat(), origin="filename", confidence=FILENAME_CONFIDENCE)
    if p.parent.name:
        date = _date_in_name(p.parent.name)
        if date is not None:
            return Published(
                value=date.isoformat(), origin="filename", confidence=FOLDER_CONFIDENCE
            )
    return None
