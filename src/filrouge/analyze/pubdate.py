"""Inferring a missing publication date from what the article says, and from the collection.

When no metadata, timestamp or dateline gives the date, the text still bounds it:

* **from the text alone** — a news article is written after the events it tells in the past
  tense and before those it announces. The latest day it mentions as past (``le 25 janvier
  2011``, or ``le 25 janvier`` with the year the text gives, checked against a weekday written
  with it: ``mardi 25 janvier``) is a lower bound, and the article most often follows it within
  days; a day it announces is an upper bound. Without a day, the latest month or year mentioned
  gives a wider range.
* **from dated articles of the same collection** — a sentence that tells the same happening as a
  sentence of a dated article (many rare words in common) carries that happening's day: the day
  the dated sentence gives, or the dated article's own day. The undated article's words around
  it then place its publication: ``hier`` → the next day, a weekday in the past → within the
  week after, no time word → some days after. A near copy of a dated article (wire copies)
  shares its day.

The result is a range ``[earliest, latest]``, a point estimate inside it and a confidence, stored
as ``Published(origin="inferred")``. Each rule and its window were set on the dev material (the
French TimeBank's dev half with its document dates, and the example corpus); the ml-crisis-fr
evaluation reports how often the range holds the true day and how wide it is.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property

from filrouge.analyze.time import _lexicon, bare_weekday, find_times, tense_at
from filrouge.model import Article, Published, TimeExpr

# Days an article typically follows a happening it tells with no time word of its own.
DAYS_AFTER_TOLD = 10
_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d\d)$")
_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_PARTIAL_DAY = re.compile(r"^XXXX-(\d\d)-(\d\d)$")
_WORD = re.compile(r"[^\W\d_]{3,}|\d{2,}")


@dataclass(frozen=True)
class Inferred:
    """A publication date inferred from evidence: a range, a best guess and how sure we are."""

    earliest: dt.date
    latest: dt.date
    value: dt.date
    confidence: float
    evidence: str

    @property
    def width(self) -> int:
        """Days in the range, bounds included."""
        return (self.latest - self.earliest).days + 1

    def published(self) -> Published:
        return Published(value=self.value.isoformat(), origin="inferred",
                         confidence=round(self.confidence, 2),
                         earliest=self.earliest.isoformat(), latest=self.latest.isoformat())


# --------------------------------------------------------------------------- from the text


@dataclass(frozen=True)
class _Window:
    """Evidence that the publication day lies in ``[earliest, latest]``, with its weight."""

    earliest: dt.date
    latest: dt.date
    weight: float
    evidence: str
    # "before" when the window only bounds the day from above (a day the text announces),
    # "after" when only from below (a day it tells of): the other side is left far open
    open_side: str | None = None
    # a bound given to the day ("le 3 juin 2012"), not a bare month or year ("en 1949")
    precise: bool = True


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _days(amount: int) -> dt.timedelta:
    return dt.timedelta(days=amount)


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return following - _days(1)


def _weekday_in(text: str) -> int | None:
    """The weekday (ISO number) written in an expression (``mardi 25 janvier``), if any."""
    weekdays: dict[str, int] = _lexicon()["weekdays"]
    for word in re.findall(r"[^\W\d_]+", text.lower()):
        if word in weekdays:
            return int(weekdays[word])
    return None


@cache
def _name_head() -> re.Pattern[str]:
    """A noun that a date after "du" (or a year after "de") names: "la loi du", "les accords
    de paix du", "la « loi Leonetti » du", "la loi de [2005]"; the nouns are in
    ``time_fr.json`` (inference.name_heads)."""
    heads = sorted(_lexicon()["inference"]["name_heads"], key=len, reverse=True)
    return re.compile(r"(?i)(?<!\w)(?:" + "|".join(map(re.escape, heads)) + r")(?!\w)"
                      r"(?:\s*[\"«“]?\s*(?-i:[A-ZÀ-Ý][\w'’-]*)\s*[\"»”]?"
                      r"|\s+d(?:e|['’])\s*[\w-]+){0,2}\s+(?:du|de|d['’])\s*$")


def in_a_name(text: str, start: int) -> bool:
    """Whether the date at ``start`` belongs to a name ("la loi du 22 avril 2005", "les
    accords du 12 février", "la révolution du 25 janvier"): it tells when the law was passed or
    the uprising began, not when the article was written, so it bounds nothing."""
    return _name_head().search(text, max(0, start - 60), start) is not None


def _present(text: str) -> bool:
    """``ce jeudi 12 juillet``, ``aujourd'hui 5 juillet``: the day of writing itself."""
    return bool(re.match(r"(?i)\s*(?:ce|cet|cette|aujourd['’]hui)\b", text))


@dataclass(frozen=True)
class _Mention:
    """An absolute date the text gives: its first and last day, how it reads and where."""

    first: dt.date
    last: dt.date
    kind: str  # "day", "month" or "year"
    tense: str | None  # "past", "future" or None (no verb marker: present, a title…)
    pinned: bool  # written with its weekday or as today: the day of writing is near
    text: str


def _mentions(text: str, times: Sequence[TimeExpr],
              plausible: tuple[dt.date, dt.date] | None = None) -> list[_Mention]:
    """Absolute dates; a day without a year gets one when the text's other dates (or the
    weekday written with it) decide it. ``plausible`` is where the article most likely falls
    (the collection's span): it chooses among the years a weekday fits."""
    found: list[_Mention] = []
    partial: list[tuple[int, int, TimeExpr]] = []
    for expr in times:
        if expr.vague or expr.type not in {"DATE", "TIME"} or expr.anchor != "document":
            continue
        if in_a_name(text, expr.start):
            continue
        tense = tense_at(text, expr.start)
        pinned = _weekday_in(expr.text) is not None or _present(expr.text)
        if match := _DAY.match(expr.value):
            day = _safe(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            if day is not None:
                found.append(_Mention(day, day, "day", tense, pinned, expr.text))
        elif match := _MONTH.match(expr.value):
            year, month = int(match.group(1)), int(match.group(2))
            found.append(_Mention(dt.date(year, month, 1), _month_end(year, month), "month",
                                  tense, False, expr.text))
        elif match := _YEAR.match(expr.value):
            year = int(match.group(1))
            found.append(_Mention(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", tense,
                                  False, expr.text))
        elif match := _PARTIAL_DAY.match(expr.value):
            partial.append((int(match.group(1)), int(match.group(2)), expr))
    latest_year = max((m.first.year for m in found if m.tense != "future"), default=None)
    for month, day_number, expr in partial:
        tense = tense_at(text, expr.start)
        weekday = _weekday_in(expr.text)
        if weekday is not None:
            placed = _fit_weekday(month, day_number, weekday, latest_year, plausible)
            if placed is not None:
                found.append(_Mention(placed, placed, "day", tense, True, expr.text))
            continue
        if plausible is None:
            # the latest year the text names is often one it recalls ("le mur tombé en
            # 1989"), not the year of writing: without a collection, "le 6 décembre" is
            # placed in no year
            continue
        placed = _place_day(month, day_number, latest_year, plausible)
        if placed is not None:
            found.append(_Mention(placed, placed, "day", tense, False, expr.text))
    return found


def _place_day(month: int, day: int, latest_year: int | None,
               plausible: tuple[dt.date, dt.date] | None) -> dt.date | None:
    """``le 9 juin``: in the plausible span when it falls there in exactly one year, else in
    the latest year the text mentions."""
    if plausible is not None:
        inside = [d for d in (_safe(y, month, day)
                              for y in range(plausible[0].year, plausible[1].year + 1))
                  if d is not None and plausible[0] <= d <= plausible[1]]
        return inside[0] if len(inside) == 1 else None
    return _safe(latest_year, month, day) if latest_year is not None else None


def _fit_weekday(month: int, day: int, weekday: int, latest_year: int | None,
                 plausible: tuple[dt.date, dt.date] | None) -> dt.date | None:
    """The year in which ``day``/``month`` falls on ``weekday``: inside the plausible span when
    one is known, else the first fitting year from the latest year the text mentions."""
    if plausible is not None:
        years = range(plausible[0].year, plausible[1].year + 1)
        fitting = [d for d in (_safe(y, month, day) for y in years)
                   if d is not None and d.isoweekday() == weekday
                   and plausible[0] <= d <= plausible[1]]
        return fitting[0] if len(fitting) == 1 else None
    if latest_year is None:
        return None
    # the latest year the text names, or the next: further on, any of the years the weekday
    # fits in every five or six is as likely as the first (an article recalling 1936 is not
    # written in 1941)
    for year in range(latest_year, latest_year + 2):
        candidate = _safe(year, month, day)
        if candidate is not None and candidate.isoweekday() == weekday:
            return candidate
    return None


# What each kind of mention says of the day of writing. A day written with its weekday is
# within a week of it; a past date is a lower bound (articles recall old events, so it opens
# a window without end), a future one an upper bound. Open windows end OPEN_DAYS away.
PINNED_DAYS = 7
OPEN_DAYS = 36500
# A date in a sentence without a verb marker (present tense, a heading) is near the writing.
PRESENT_DAYS = 60
# A past day inside the collection's span is most likely the news the article reports.
RECENT_DAYS = 30
RECENT_WEIGHT = 1.0
# Without a collection, a range left open after its lower bound is cut this long after it.
TEXT_ONLY_SPAN_DAYS = 365


def _text_windows(text: str, times: Sequence[TimeExpr],
                  plausible: tuple[dt.date, dt.date] | None = None) -> list[_Window]:
    windows: list[_Window] = []
    mentions = _mentions(text, times, plausible)
    recent = [m for m in mentions if m.kind == "day" and m.tense == "past" and not m.pinned
              and plausible is not None and plausible[0] <= m.first <= plausible[1]]
    if recent:
        last = max(m.first for m in recent)
        windows.append(_Window(last, last + _days(RECENT_DAYS), RECENT_WEIGHT,
                               f"the latest day it tells of, {last}, is recent"))
    for mention in mentions:
        if mention.pinned:
            before = 0 if mention.tense == "past" else PINNED_DAYS
            after = 0 if mention.tense == "future" else PINNED_DAYS
            windows.append(_Window(mention.first - _days(before), mention.last + _days(after),
                                   2.0, f"a day written with its weekday or as today: "
                                   f"{mention.text!r}"))
        elif mention.tense == "future":
            windows.append(_Window(mention.first - _days(OPEN_DAYS), mention.last,
                                   0.3, f"announces {mention.text!r}", "before",
                                   mention.kind == "day"))
        elif mention.tense == "past":
            windows.append(_Window(mention.first, mention.last + _days(OPEN_DAYS),
                                   0.3, f"tells of {mention.text!r}", "after",
                                   mention.kind == "day"))
        elif mention.kind == "day":
            windows.append(_Window(mention.first - _days(PRESENT_DAYS),
                                   mention.last + _days(PRESENT_DAYS), 0.3,
                                   f"mentions {mention.text!r} with no tense"))
    return windows


# --------------------------------------------------------------------------- the collection


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in _stopwords()]


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(_lexicon()["inference"]["stopwords"])


def _sentences(text: str) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    start = 0
    for found in re.finditer(r"(?<=[.!?»])\s+(?=[«A-ZÀ-Ý\"])|\n+", text):
        if found.start() > start:
            bounds.append((start, found.start()))
        start = found.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


@dataclass(frozen=True)
class _DatedSentence:
    """A sentence of a dated article (``text[start:end]``), published on ``published``."""

    text: str
    start: int
    end: int
    published: dt.date
    words: frozenset[str]
    article: int

    @cached_property
    def day(self) -> dt.date:
        """The day it tells of, read when first asked: the time words of every sentence of a
        batch cost seconds, and only those an undated article matches are ever read."""
        return _sentence_day(self.text, self.start, self.end, self.published)


@dataclass
class DatedCollection:
    """The articles of a collection, indexed by sentence for :func:`infer`: the dated ones lend
    their days, all of them count for how rare a word is."""

    sentences: list[_DatedSentence] = field(default_factory=list)
    by_word: dict[str, list[int]] = field(default_factory=dict)
    vectors: dict[int, dict[str, float]] = field(default_factory=dict)
    days: dict[int, dt.date] = field(default_factory=dict)
    document_frequency: Counter[str] = field(default_factory=Counter)
    size: int = 0

    @classmethod
    def build(cls, articles: Iterable[tuple[str, dt.date | None]]) -> DatedCollection:
        """Index ``(text, publication day or None)`` pairs; an article is then known by its
        position (what :func:`infer` leaves out with ``exclude``)."""
        collection = cls()
        texts = list(articles)
        bags = [Counter(_words(text)) for text, _ in texts]
        for bag in bags:
            collection.document_frequency.update(set(bag))
        collection.size = len(texts)
        for position, ((text, day), bag) in enumerate(zip(texts, bags, strict=True)):
            if day is None:
                continue
            collection.days[position] = day
            collection.vectors[position] = collection.vector(bag)
            for start, end in _sentences(text):
                words = frozenset(_words(text[start:end]))
                if len(words) < MIN_SENTENCE_WORDS:
                    continue
                for word in words:
                    collection.by_word.setdefault(word, []).append(len(collection.sentences))
                collection.sentences.append(_DatedSentence(text, start, end, day, words,
                                                           position))
        return collection

    def idf(self, word: str) -> float:
        return math.log((1 + self.size) / (1 + self.document_frequency[word]))

    def vector(self, bag: Counter[str]) -> dict[str, float]:
        weights = {w: (1 + math.log(n)) * self.idf(w) for w, n in bag.items()}
        norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
        return {w: v / norm for w, v in weights.items()}

    def closest_sentence(self, words: frozenset[str], exclude: int | None,
                         ) -> tuple[float, _DatedSentence] | None:
        """The dated sentence sharing the rarest words with ``words``, and that rarity."""
        rarity: dict[int, float] = {}
        for word in words:
            postings = self.by_word.get(word)
            if postings and len(postings) < len(self.sentences) // 4 + 2:
                weight = self.idf(word)
                for index in postings:
                    rarity[index] = rarity.get(index, 0.0) + weight
        ranked = sorted(rarity.items(), key=lambda item: -item[1])
        for index, score in ranked:
            if self.sentences[index].article != exclude:
                return score, self.sentences[index]
        return None


MIN_SENTENCE_WORDS = 6
# Shared rarity (sum of idf of the words two sentences share) from which they tell one happening.
SHARED_RARITY = 14.0
# Cosine from which an article is a copy of another (wire copies, republications).
NEAR_COPY = 0.6
# Cosine from which an article is on the same news as another, and how near in time that puts
# it (tried on the dev collections; see docs/time.md).
SIMILAR = 0.2
SIMILAR_DAYS = 30
SIMILAR_WEIGHT = 1.0


def _sentence_day(text: str, start: int, end: int, published: dt.date) -> dt.date:
    """The day a sentence of a dated article tells of: its own day-level date (a bare weekday
    only when no day is written in full: "vendredi" is a guess, "le 28 janvier 2011" is not),
    else the day the article was published."""
    days: list[tuple[bool, dt.date]] = []
    for expr in find_times(text[start:end], published):
        if expr.type in {"DATE", "TIME"} and not expr.vague and (day := _DAY.match(expr.value)):
            found = _safe(int(day.group(1)), int(day.group(2)), int(day.group(3)))
            if found is not None and tense_at(text[start:end], expr.start) != "future":
                days.append((not bare_weekday(expr.text), found))
    return next((d for sure, d in days if sure), days[0][1] if days else published)


def _offsets(text: str, start: int, end: int) -> tuple[int, int, str]:
    """How many days after the happening told in this sentence the article can be, from the
    sentence's own time words (``hier``: one; a past weekday: one to seven; none: up to ten)."""
    times = find_times(text[start:end], None)
    relative = _lexicon()["relative_days"]
    if any(tense_at(text[start:end], expr.start) == "future" for expr in times):
        return -2 * PINNED_DAYS, 0, "announced"
    for expr in times:
        key = expr.text.lower().replace("’", "'")
        if key in relative:
            offset = -int(relative[key])
            return offset, offset, expr.text
        if expr.value == "XXXX-XX-XX" and re.search(r"(?i)lundi|mardi|mercredi|jeudi|vendredi|"
                                                    r"samedi|dimanche", expr.text):
            if tense_at(text[start:end], expr.start) == "future":
                return -7, -1, expr.text
            return 0, 7, expr.text
    return 0, DAYS_AFTER_TOLD, "no time word"


def _collection_windows(text: str, collection: DatedCollection,
                        exclude: int | None) -> list[_Window]:
    windows: list[_Window] = []
    vector = collection.vector(Counter(_words(text)))
    for position, other in collection.vectors.items():
        if position == exclude:
            continue
        cosine = sum(v * other.get(w, 0.0) for w, v in vector.items())
        day = collection.days[position]
        if cosine >= NEAR_COPY:
            windows.append(_Window(day - _days(1), day + _days(1), 3.0,
                                   f"near copy of an article of {day}"))
        elif cosine >= SIMILAR and SIMILAR_WEIGHT:
            windows.append(_Window(day - _days(SIMILAR_DAYS), day + _days(SIMILAR_DAYS),
                                   SIMILAR_WEIGHT * cosine, f"close to an article of {day}"))
    for start, end in _sentences(text):
        words = frozenset(_words(text[start:end]))
        if len(words) < MIN_SENTENCE_WORDS:
            continue
        best = collection.closest_sentence(words, exclude)
        if best is None or best[0] < SHARED_RARITY:
            continue
        low, high, cue = _offsets(text, start, end)
        day = best[1].day
        windows.append(_Window(day + dt.timedelta(days=low), day + dt.timedelta(days=high),
                               best[0] / SHARED_RARITY,
                               f"tells what a dated article puts on {day} ({cue})"))
    return windows


def _combine(windows: Sequence[_Window]) -> Inferred | None:
    """The days most evidence agrees on: the stretch where the summed weight of the windows
    covering a day is highest (a sweep over the window bounds)."""
    if not windows:
        return None
    changes: dict[dt.date, float] = {}
    for window in windows:
        changes[window.earliest] = changes.get(window.earliest, 0.0) + window.weight
        after = window.latest + _days(1)
        changes[after] = changes.get(after, 0.0) - window.weight
    best_weight, best_start, best_end = -1.0, windows[0].earliest, windows[0].latest
    weight = 0.0
    bounds = sorted(changes)
    for index, day in enumerate(bounds[:-1]):
        weight += changes[day]
        if weight > best_weight + 1e-9:
            best_weight, best_start, best_end = weight, day, bounds[index + 1] - _days(1)
    at_bound: dt.date | None = None
    if (best_end - best_start).days > OPEN_DAYS // 2:  # bounded on one side only
        open_before = any(w.open_side == "before" and w.earliest == best_start
                          for w in windows)
        open_after = not open_before or any(w.open_side == "after" and w.latest == best_end
                                            for w in windows)
        # Only a day bounds the writing usefully: articles recall old years and months
        # ("en 1949", "depuis juin 1999") far more often than old days, so a stretch bounded
        # by a bare year or month alone places nothing.
        bounding = [w for w in windows if (w.earliest == best_start if open_after
                                           else w.latest == best_end)]
        if not any(w.precise for w in bounding):
            return None
        # the best guess is the bound itself: an article most often follows the day it tells
        # of (precedes the day it announces), not a year later
        if open_after:
            best_end = best_start + _days(TEXT_ONLY_SPAN_DAYS)
            at_bound = best_start
        else:
            best_start = best_end - _days(TEXT_ONLY_SPAN_DAYS)
            at_bound = best_end
    agreeing = [w for w in windows if w.earliest <= best_start and w.latest >= best_end]
    total = sum(w.weight for w in windows)
    strongest = max(agreeing, key=lambda w: w.weight)
    width = (best_end - best_start).days + 1
    confidence = (best_weight / total) * min(1.0, 0.35 + best_weight / 6) / (1 + width / 365)
    value = at_bound or (best_start if strongest.earliest == best_start else best_end)
    return Inferred(best_start, best_end, min(max(value, best_start), best_end),
                    min(confidence, 0.95), strongest.evidence)


def _span_window(collection: DatedCollection, exclude: int | None) -> _Window | None:
    """The collection's own time span: an undated article of it most likely falls inside."""
    days = [day for position, day in collection.days.items() if position != exclude]
    if len(days) < MIN_COLLECTION:
        return None
    return _Window(min(days) - _days(COLLECTION_MARGIN_DAYS),
                   max(days) + _days(COLLECTION_MARGIN_DAYS), 0.5,
                   f"the collection's dated articles span {min(days)} to {max(days)}")


MIN_COLLECTION = 3
COLLECTION_MARGIN_DAYS = 30


def infer_from_text(text: str, times: Sequence[TimeExpr] | None = None) -> Inferred | None:
    """The publication range the text alone allows, or None when it gives no absolute date.

    ``times`` are the text's expressions tagged *without* a reference date (relative ones stay
    unresolved); they are tagged here when not given."""
    tagged = list(times) if times is not None else find_times(text, None)
    return _combine(_text_windows(text, tagged))


def infer(text: str, collection: DatedCollection | None = None,
          exclude: int | None = None) -> Inferred | None:
    """The publication range of an undated article: its text's bounds together with what
    dated articles of the same collection say of the same happenings. ``exclude`` is the
    article's own position in the collection, if it is in it."""
    span = _span_window(collection, exclude) if collection is not None else None
    plausible = (span.earliest, span.latest) if span is not None else None
    windows = _text_windows(text, find_times(text, None), plausible)
    if collection is not None:
        windows += _collection_windows(text, collection, exclude)
    if span is not None:
        windows.append(span)
    return _combine(windows)


# --------------------------------------------------------------------------- in the pipeline

# An inferred date is used to resolve "hier", "mardi"… only when its range is this narrow.
REFERENCE_MAX_WIDTH = 7


def collection_for(articles: Sequence[Article]) -> DatedCollection | None:
    """The batch as a dated collection, when some of its articles lack a date (else None:
    nothing to infer, nothing to build)."""
    if all(article.published.value for article in articles):
        return None
    return DatedCollection.build((article.text, _day(article.published.value))
                                 for article in articles)


def _day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def with_inferred_date(article: Article, collection: DatedCollection | None = None) -> Article:
    """The article with an inferred publication date when it has none (unchanged otherwise,
    and when nothing in the text or collection bounds the date)."""
    if article.published.value:
        return article
    inferred = infer(article.text, collection)
    if inferred is None:
        return article
    return article.model_copy(update={"published": inferred.published()})


def reference_day(published: Published) -> dt.date | None:
    """The day relative expressions resolve against: the publication day, or an inferred one
    when its range is narrow enough to trust (a wide guess would put "hier" on a wrong day)."""
    day = _day(published.value)
    if day is None or published.origin != "inferred":
        return day
    earliest, latest = _day(published.earliest), _day(published.latest)
    if earliest is None or latest is None or (latest - earliest).days + 1 > REFERENCE_MAX_WIDTH:
        return None
    return day
