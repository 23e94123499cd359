"""Dating statements and events: the day their own sentence gives, else the article's date."""

from __future__ import annotations

import re

from filrouge.model import TimeExpr

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def is_day(value: str) -> bool:
    """Whether a TIMEX3 value names one calendar day (possibly with a time or part of day)."""
    return bool(_DAY.match(value))


def statement_date(
    times: list[TimeExpr],
    start: int,
    end: int,
    published: str | None,
    skip: tuple[int, int] | None = None,
) -> tuple[str | None, str]:
    """The first day-level date between ``start`` and ``end`` (outside ``skip``, the quoted words,
    whose dates are what was talked about, not when it was said), else the publication date."""
    for expr in times:
        if not start <= expr.start < end or expr.type != "DATE" or not is_day(expr.value):
            continue
        if skip is not None and skip[0] <= expr.start < skip[1]:
            continue
        return expr.value[:10], "sentence"
    return (published, "published") if published else (None, "none")
