"""Dating statements and events: the day their own sentence gives, else the article's date.

A quote is dated by the time expression attached to its reporting verb ("a déclaré dimanche à
CNN" → that Sunday), an event by the one attached to its trigger. The rules, in order:

1. candidates are the day-level expressions of the sentence (cut at paragraph breaks), outside
   the quoted words (what is talked about, not when it was said), not bounding an interval
   (``depuis le 1er juillet``, ``jusqu'au 5``), not vague, not a time of day whose day the
   tagger borrowed from an earlier paragraph; ``il y a dix jours`` and ``il y a une
   semaine`` count, as that many days before the publication date, and ``trois jours plus
   tard``, ``quelques heures plus tôt`` as that span from the last past day told before;
2. the candidate nearest to the cue or trigger wins; one that only qualifies a noun
   (``son débat du 27 juin``) or is counted from an event's day (``à la veille de la
   visite``) counts only when nothing else is there, and one inside a pluperfect relative
   clause (``qui avait hésité la veille``) not at all;
3. without one, an anaphoric phrase (``alors``, ``à cette occasion``, ``à l'issue de la
   réunion``) takes the last day mentioned before, in this paragraph or the one before; a
   pluperfect cue (``avait-elle déclaré``) the last day mentioned earlier in its paragraph;
   a quote continuing the same speaker's dated quote in the paragraph takes its day;
4. otherwise the publication date (origin ``published``).

Events (``periods``) have three more rules: a phrase saying they have no single day — a past
month or year only, ongoing ("depuis 2022", "Depuis, …", "reste bloquée", "étaient « très
avancées »"), repeated ("les demandes répétées", "répète que…") — nearer the trigger than any
day leaves them undated (:func:`_no_single_day`; a clause of time hung on the phrase's
clause shares it: "acquise en juin, après que…"), as does a noun told as done before by
someone with no day in its sentence ("les engagements pris par le G7", "les garanties
promises par le G7"); days inside quoted words do not date an event whose trigger stands
outside them (:func:`date_statements`); before the
publication date, an article published one to three days after its lead's day tells its
undated events that are not in the future on that day, and its plans only when the sentence
tells of the past ("a annoncé que Tokyo verserait", not "doit encore ratifier")
(:func:`lead_day`); and "trois jours après l'appel", "au lendemain du sommet" shift the
clause's day (:func:`_shifted`). Before the lead's day, an undated event told in the past goes
on with the last day its paragraph or the one before mentioned, when that day is the
publication day or one of the few before it, or any past day told in its own paragraph
(:func:`_narrative_day`: "se sont parlé mercredi… Trump a ensuite appelé Zelensky"; "Trois
jours plus tard, M. Orban atterrissait à Moscou. Vladimir Poutine l'a accueilli…"), except
in an entry of a live page ("16h45 — ").
A night "de X à Y" is day Y (:func:`_night_ends`); a pluperfect relative clause
(:func:`_background_clause`), "auparavant", a past week and a standing state ("refuse
toujours") leave an event undated; a day in a future relative clause dates only its antecedent.
In the answers of a question-and-answer interview (:func:`_interview_answers`), an event told
in the past with no day of its own is undated (the gold's "undated past act in an interview").

Tried on the dev half of the example gold and left out because they lost more than they
gained: leaving future hypothetical events undated, and giving every undated statement the
last day mentioned earlier in its paragraph.

Pure functions over the text and the tagger's output; the pipeline calls :func:`date_statements`
once quotes and events are found.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from filrouge.analyze.time import _lexicon, _number, _tense_markers, _unit, tense_at
from filrouge.model import Event, Quote, Span, TimeExpr

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_FLAGS = re.IGNORECASE
_AGO = re.compile(r"il\s+y\s+a\s+(?:(?:environ|près\s+d['’]|plus\s+d['’]|encore)\s+)?"
                  r"(?P<n>[\w-]+)\s+(?P<u>jours?|semaines?)$", _FLAGS)
# How far back a paragraph may lend its last date to an anaphoric phrase ("alors").
ANAPHORA_PARAGRAPHS = 2


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
    whose dates are what was talked about, not when it was said), else the publication date.

    A first draft the extractors use while they run; :func:`date_statements` refines it with
    the whole text once they are done."""
    for expr in times:
        if not start <= expr.start < end or expr.type not in {"DATE", "TIME"}:
            continue
        if not is_day(expr.value) or (skip is not None and skip[0] <= expr.start < skip[1]):
            continue
        return expr.value[:10], "sentence"
    return (published, "published") if published else (None, "none")


# --------------------------------------------------------------------------- resources


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(interval bounds before a date, noun complement before a date, anaphoric phrases)."""
    dating = _lexicon()["dating"]

    def alternation(words: list[str]) -> str:
        return "|".join(sorted(words, key=len, reverse=True))

    bounds = re.compile(r"(?:^|[\s(])(?:" + alternation(dating["interval_bounds"]) +
                        r")(?:\s+(?:le|la|l['’]|les))?\s*$", _FLAGS)
    complement = re.compile(r"\b[^\W\d]{3,}\s+(?:du|de\s+la|d['’])\s*$", _FLAGS)
    anaphora = re.compile(r"(?<!\w)(?:" + alternation(dating["anaphora"]) + r")(?!\w)", _FLAGS)
    return bounds, complement, anaphora


# --------------------------------------------------------------------------- candidates


@dataclass(frozen=True)
class _Dated:
    start: int
    end: int
    day: str
    noun_complement: bool
    of_event: bool = False  # "à la veille de la visite": counted from an event's day, a guess


def _ago_day(expr: TimeExpr, published: str | None) -> str | None:
    """``il y a dix jours``, ``il y a une semaine``: that many days before publication."""
    found = _AGO.search(expr.text)
    if found is None or published is None:
        return None
    amount = _number(found.group("n"))
    if amount is None:
        return None
    days = amount * (7 if _unit(found.group("u")) == "W" else 1)
    return (dt.date.fromisoformat(published[:10]) - dt.timedelta(days=days)).isoformat()


def _day_of(expr: TimeExpr, published: str | None) -> str | None:
    if expr.vague or expr.type not in {"DATE", "TIME"}:
        return None
    if is_day(expr.value):
        return expr.value[:10]
    return _ago_day(expr, published)


def _borrowed_day(text: str, times: Sequence[TimeExpr], expr: TimeExpr) -> bool:
    """A time of day whose day comes from an earlier paragraph (``à 15 h 30`` after a
    paragraph that said ``hier``) does not date the statements around it."""
    if expr.type != "TIME" or expr.anchor != "narrative":
        return False
    paragraph_start = text.rfind("\n", 0, expr.start) + 1
    return not any(paragraph_start <= other.start < expr.start and other.anchor == "document"
                   and is_day(other.value) for other in times)


def dated_expressions(text: str, times: Sequence[TimeExpr], published: str | None,
                      ) -> list[_Dated]:
    """Every expression that can date a statement, with its day. One that points back
    (``le même jour``, ``le jour même``) is no day of its own: the anaphora rule reads it."""
    bounds, complement, anaphora = _patterns()
    found: list[_Dated] = []
    for expr in times:
        day = _day_of(expr, published)
        if day is None:
            day = _later_day(text, expr, found, published)
            if day is not None:
                found.append(_Dated(expr.start, expr.end, day, False))
            continue
        if _borrowed_day(text, times, expr):
            continue
        before = text[max(0, expr.start - 30) : expr.start]
        if bounds.search(before) or anaphora.fullmatch(expr.text.strip()):
            continue
        found.append(_Dated(expr.start, expr.end, day, bool(complement.search(before)),
                            _EVE_OF_EVENT.match(text, expr.end) is not None
                            and _EVE_WORD.search(expr.text) is not None))
    return found


# "à la veille de la visite", "au lendemain du sommet": a day told from an event's, which the
# tagger can only guess from the article's day; a day the sentence writes out wins over it
# ("Le 16 octobre, à la veille de la visite de Zelensky, Trump et Poutine se parlent").
_EVE_WORD = re.compile(r"(?:veille|lendemain)$", _FLAGS)
_EVE_OF_EVENT = re.compile(r"\s+(?:du|de\s+la|de\s+l['’]|d['’])\s*(?![\d\s])", _FLAGS)


# "Trois jours plus tard", "quelques heures plus tôt", "une semaine plus tard": a day counted
# from the one the story told last.
_LATER = re.compile(r"\s+plus\s+(?P<dir>tard|tôt)\b", _FLAGS)
_SPAN = re.compile(r"P(?:(?P<n>\d+|X)(?P<u>[DW])|T(?:\d+|X)[HM])$")


def _later_day(text: str, expr: TimeExpr, found: Sequence[_Dated], published: str | None,
               ) -> str | None:
    """The day of "trois jours plus tard" (hours count as the same day): the last day told
    before it in its paragraph or the one before, moved by that span; None for anything else
    (a vague "quelques jours", a span of months or years, no day told before)."""
    later = _LATER.match(text, expr.end)
    span = _SPAN.match(expr.value) if expr.type == "DURATION" else None
    if later is None or span is None or span.group("n") == "X":
        return None
    floor = _paragraphs_back(text, expr.start)
    told = [d for d in found if floor <= d.start < expr.start and not d.noun_complement
            and (published is None or d.day <= published[:10])]  # the story's past, no plan
    if not told:
        return None
    days = int(span.group("n") or 0) * (7 if span.group("u") == "W" else 1)
    days = days if later.group("dir").lower() == "tard" else -days
    return (dt.date.fromisoformat(told[-1].day) + dt.timedelta(days=days)).isoformat()


def _paragraph(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, end if end >= 0 else len(text)


def _sentence_range(sentences: Sequence[tuple[int, int]], start: int, end: int,
                    ) -> tuple[int, int]:
    """Bounds of the sentences covering ``start``..``end`` (the span itself when none do)."""
    low, high = start, end
    for s_start, s_end in sentences:
        if s_start <= start < s_end:
            low = min(low, s_start)
        if s_start < end <= s_end:
            high = max(high, s_end)
    return low, high


# --------------------------------------------------------------------------- one statement


_RELATIVE_TO = re.compile(
    r"(?:(?P<n>[\w-]+)\s+(?P<u>jours?|semaines?)\s+(?P<dir>après|avant)|(?P<next>au\s+lendemain)"
    r"|(?P<eve>(?:à\s+)?la\s+veille))\s+(?:de\s+(?:la\s+|l['’])|du\s+|des\s+|d['’]|l['’]"
    r"|la\s+|le\s+|les\s+)?(?:[^\W\d]+\s+){0,2}$", _FLAGS)


def _shifted(text: str, day: str | None, cue: tuple[int, int]) -> str | None:
    """"trois jours après l'appel téléphonique": the call is three days before the day the
    clause tells; "au lendemain du sommet", "à la veille du sommet" likewise, by one day."""
    found = _RELATIVE_TO.search(text[max(0, cue[0] - 60) : cue[0]])
    if day is None or found is None:
        return day
    if found.group("next"):
        days = -1
    elif found.group("eve"):
        days = 1
    else:
        amount = _number(found.group("n"))
        if amount is None:
            return day
        days = int(amount) * (7 if _unit(found.group("u")) == "W" else 1)
        days = -days if found.group("dir").lower() == "après" else days
    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()


def date_span(
    text: str,
    times: Sequence[TimeExpr],
    sentences: Sequence[tuple[int, int]],
    span: tuple[int, int],
    published: str | None,
    *,
    focus: tuple[int, int] | None = None,
    skip: Sequence[tuple[int, int]] = (),
    dated: Sequence[_Dated] | None = None,
    lead: str | None = None,
    periods: bool = False,
    hypothetical: bool = False,
) -> tuple[str | None, str]:
    """The day of the statement or event at ``span``, and where it came from (``sentence``,
    ``context``, ``published`` or ``none``). ``focus`` is its cue or trigger (start, end);
    ``skip`` holds the quoted words. With ``periods`` (events), one dated by a past month or
    year only, or ongoing, has none, and one named "trois jours après", "au lendemain de", "à
    la veille de" the day the clause tells is shifted; ``lead`` is the article's
    :func:`lead_day`, which a ``hypothetical`` event takes only when its sentence tells
    of the past ("a annoncé que Tokyo verserait", not "doit encore ratifier")."""
    day, origin = _date_span(text, times, sentences, span, published, focus=focus, skip=skip,
                             dated=dated, lead=lead, periods=periods,
                             hypothetical=hypothetical)
    shifted = _shifted(text, day, focus if focus is not None else (span[0], span[0] + 1))
    if periods and shifted != day:
        return shifted, "context"
    return day, origin


def _date_span(
    text: str,
    times: Sequence[TimeExpr],
    sentences: Sequence[tuple[int, int]],
    span: tuple[int, int],
    published: str | None,
    *,
    focus: tuple[int, int] | None = None,
    skip: Sequence[tuple[int, int]] = (),
    dated: Sequence[_Dated] | None = None,
    lead: str | None = None,
    periods: bool = False,
    hypothetical: bool = False,
) -> tuple[str | None, str]:
    """:func:`date_span` before an event's relative phrase shifts its day."""
    published = published[:10] if published else None
    cue = focus if focus is not None else (span[0], span[0] + 1)
    anchor = cue[0]
    low, high = _sentence_range(sentences, min(span[0], anchor), max(span[1], cue[1]))
    paragraph = _paragraph(text, anchor)
    low, high = max(low, paragraph[0]), min(high, paragraph[1])
    candidates = dated if dated is not None else dated_expressions(text, times, published)
    if periods:
        candidates = _night_ends(text, candidates)
    inside = [d for d in candidates if low <= d.start < high
              and not any(s <= d.start < e for s, e in skip)
              and not _in_side_clause(text, d, anchor, low, high, later=periods)]
    background = _background_clause(text, cue, low, high) if periods else None
    if background is not None:
        # "La Pologne, qui avait menacé de livrer ses chars, a demandé mardi…": what the
        # relative clause recalls was done before the day the main clause tells
        inside = [d for d in inside if background[0] <= d.start < background[1]]
        if not inside:
            return None, "none"
    period = _no_single_day(text, times, cue, low, high, published, skip) if periods else None
    if inside:
        plain = [d for d in inside if not (d.noun_complement or d.of_event)] or inside
        best = min(plain, key=lambda d: _distance(d, cue))
        if period is None or _distance(best, cue) <= period:
            return best.day, "sentence"
    if period is not None or (periods and not inside and _done_before(text, cue)):
        return None, "none"  # "les engagements pris par le G7 à Vilnius": done before, undated
    _, _, anaphora = _patterns()
    if anaphora.search(text, low, high):
        earlier = _earlier_day(text, candidates, low)
        if earlier is not None:
            return earlier, "context"
    if _PLUPERFECT_CUE.search(text[max(paragraph[0], cue[0] - 30) : cue[1]]):
        # "La veille, X avait signé… « … », avait-elle déclaré": the pluperfect goes on
        # telling the moment the paragraph has set
        earlier_here = [d for d in candidates if paragraph[0] <= d.start < low]
        if earlier_here:
            return earlier_here[-1].day, "context"
    if periods and (_LIVE_ENTRY.match(text, paragraph[0])
                    or _LIVE_ENTRY.match(text, _paragraphs_back(text, paragraph[0], 2))):
        # "13h20 — Moscou menace …": a live page's entry is told on the page's day
        return (published, "published") if published else (None, "none")
    if periods:
        told = _narrative_day(text, candidates, anchor, (low, high), published, skip)
        if told is not None and not hypothetical:
            return told, "context"
    if lead is not None:  # the tenses are read only where a lead day could be taken
        markers = _tense_markers(text[low:high])
        told_in_past = any(kind == "past" for _, _, kind in markers)
        # a conditional ("pourrait") is read as both: only a past that is not one tells the past
        said_before = {(s, e) for s, e, kind in markers if kind == "past"} - {
            (s, e) for s, e, kind in markers if kind == "future"}
        if said_before if hypothetical else (
            told_in_past or tense_at(text, anchor) != "future"
        ):  # "Tokyo verserait…", as the day it was announced ("a annoncé que…")
            return lead, "context"
    return (published, "published") if published else (None, "none")


# The clock time heading an entry of a live page ("13h20 — ", "17h05 - ", "07h40 Nuit de
# frappes sur Kharkiv.").
_LIVE_ENTRY = re.compile(r"\s*\d{1,2}\s?h\s?\d{2}(?:\s*[—–-]\s|\s+(?-i:[A-ZÀ-Ý]))", _FLAGS)


def _narrative_day(text: str, candidates: Sequence[_Dated], anchor: int,
                   sentence: tuple[int, int], published: str | None,
                   skip: Sequence[tuple[int, int]]) -> str | None:
    """The day a news story is telling when an event told in the past gives none: the last
    day mentioned before it, in its paragraph or the one before ("Les deux dirigeants se
    sont parlé mercredi… Donald Trump a ensuite appelé Volodymyr Zelensky" → that
    Wednesday), when that day is the publication day or one of the few days before it (a
    story tells its own days; an older day is a recap's, not the narrative's), or any past
    day told in its own paragraph (a recap that tells its days goes on with them). None for
    an event told in the future, or with no such day."""
    if published is None:
        return None
    low, high = sentence
    markers = _tense_markers(text[low:high])
    if not any(kind == "past" for _, _, kind in markers) or tense_at(text, anchor) == "future":
        return None
    floor = _paragraphs_back(text, anchor)  # its paragraph and the one before
    paragraph = _paragraph(text, anchor)[0]
    today = dt.date.fromisoformat(published[:10])
    earlier = [d for d in candidates if floor <= d.start < low
               and not (d.noun_complement or d.of_event)
               and not any(s <= d.start < e for s, e in skip)
               and 0 <= (today - dt.date.fromisoformat(d.day)).days <= (
                   LEAD_DAYS if d.start < paragraph else 10_000)]
    return earlier[-1].day if earlier else None


# "la nuit de vendredi à samedi", "la nuit du 3 au 4 mars": a night named by its two days.
_NIGHT = re.compile(r"\bnuit\s+(?:de|du)\s+\S+(?:\s+\S+)?\s+(?:à|au)\s+\S", _FLAGS)


def _night_ends(text: str, candidates: Sequence[_Dated]) -> list[_Dated]:
    """An event "dans la nuit de X à Y" happened on day Y (docs/gold.md, events, convention
    5: the tagger gives the night's first day, as TimeML does; quotes keep it)."""
    return [replace(d, day=(dt.date.fromisoformat(d.day) + dt.timedelta(days=1)).isoformat())
            if _NIGHT.search(text[d.start:d.end]) else d for d in candidates]


_WEEK = re.compile(r"(?P<y>\d{4})-W(?P<w>\d{2})")
_COARSE = re.compile(r"\d{4}(?:-(?:\d{2}|SP|SU|FA|WI))?")


@cache
def _no_day_phrases() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(repeated, ongoing): "les demandes répétées", "à plusieurs reprises", "répète que" (not
    "a répété que…", one statement); "reste bloquée", "toujours pas", "en cours"."""
    dating = _lexicon()["dating"]
    return tuple(re.compile(r"(?<!\w)(?:" + "|".join(dating[key]) + r")(?!\w)", _FLAGS)
                 for key in ("repeated", "ongoing"))  # type: ignore[return-value]


# What may stand between "répète" and the act it reports: "répète (depuis) que Moscou exige".
_REPORTED = re.compile(r"\s*(?:depuis\s+)?(?:que|qu['’])\s[^,;:«»\"“”()]*", _FLAGS)
# A noun told as done earlier by someone: "les engagements pris par le G7", "les garanties
# promises à l'Ukraine par le G7" (a past participle, then "par" within a few words).
_DONE_BEFORE = re.compile(r"\s+(?:[^\W\d]+\s+)?[^\W\d]+(?:é|ée|és|ées|is|ise|ises|u|ue|us|ues)"
                          r"\s+(?:[\w'’-]+\s+){0,4}?par\s", _FLAGS)


_PARTICIPLE_BY = re.compile(r"(?:\s+[\w'’-]+){0,4}?\s+par\s", _FLAGS)
_PARTICIPLE = re.compile(r"[^\W\d]+(?:é|ée|és|ées|is|ise|ises|u|ue|us|ues)", _FLAGS)
_AUXILIARY_BEFORE = re.compile(r"\b(?:été|est|sont|était|étaient|sera|seront|serait|seraient|"
                               r"soit|soient|fut|furent|a|ont|avait|avaient|aura|auront|"
                               r"aurait|auraient|ait|aient)\s+(?:[^\W\d]+\s+)?$", _FLAGS)


def _done_before(text: str, cue: tuple[int, int]) -> bool:
    """Whether the event is a noun told as done earlier by someone ("les engagements pris par
    le G7", "l'aide promise à Kiev par Berlin"): a past participle qualifying it, then "par"
    within a few words. (A participle that is itself the cue may tell a plan: "des armes
    financées par les Européens".)"""
    if re.search(r"\s", text[cue[0] : cue[1]]):
        return False  # a phrase, not a cue word: what follows it is not its complement
    if _DONE_BEFORE.match(text, cue[1]):
        return True
    return bool(_PARTICIPLE.fullmatch(text, cue[0], cue[1])) and bool(
        _PARTICIPLE_BY.match(text, cue[1])) and not _AUXILIARY_BEFORE.search(
        text, max(0, cue[0] - 40), cue[0])


_SINCE_THEN = re.compile(r"\s*(?:et\s+)?depuis\s*,", _FLAGS)
_SINCE = re.compile(r"(?:^|[\s(])(?:depuis|dès)\s*$", _FLAGS)


# What may stand between a verb and its own time phrase: no comma, no other clause.
# (a decimal comma, "1,7 milliard", is none)
_CLAUSE_BREAK = re.compile(r"(?<!\d),(?!\d)|[;:«»\"“”()]"
                           r"|\b(?:qui|que|qu['’]|dont|où|lorsque|quand)\b", _FLAGS)
_NEAR = 80
# The head of a que-clause a time phrase is fronted in: "rappeler qu'en juin, …".
_CLAUSE_HEAD = re.compile(r"(?:^|\s)(?:que\s+|qu['’]\s*)(?:(?:dès|depuis|en)\s+)?$", _FLAGS)
# A clause of time hung on the one a time phrase dates: ", après que X eut …".
_THEN_CLAUSE = re.compile(r"\s*,\s*(?:après|avant|dès)\s+qu(?:e\s|['’])[^,;:«»\"“”()]{0,60}",
                          _FLAGS)


def _attached_time(text: str, expr: Span, cue: tuple[int, int], low: int) -> bool:
    """Whether the time phrase belongs to the cue's own clause: near it with no comma or
    other clause between ("a engagé 175 milliards depuis 2022"), or fronted at the head of
    the sentence ("Dès mars, Lavrov avait averti")."""
    if expr.start >= cue[1]:
        between = text[cue[1] : expr.start]
    else:
        between = text[expr.end : cue[0]]
        if not text[low : expr.start].strip(" —–-\t") or re.fullmatch(
            r"\s*(?:dès|depuis|en)\s*", text[low : expr.start], _FLAGS
        ):
            return True  # "Dès mars, …", "En avril, …"
        if _CLAUSE_HEAD.search(text, low, expr.start) and not _CLAUSE_BREAK.search(
            re.sub(r"^\s*,", "", between)
        ):
            return True  # "Il faut rappeler qu'en juin, l'Inde avait refusé…"
    if expr.end <= cue[0] and _THEN_CLAUSE.fullmatch(between):
        return True  # "acquise en juin, après que X eut levé son veto": the same time
    return len(between) <= _NEAR and not _CLAUSE_BREAK.search(between)


def _quoted(text: str, position: int, low: int) -> bool:
    """Whether ``position`` is inside guillemets opened since ``low``."""
    before = text[low:position]
    return before.count("«") > before.count("»")


def _no_single_day(text: str, times: Sequence[TimeExpr], cue: tuple[int, int], low: int,
                   high: int, published: str | None, skip: Sequence[tuple[int, int]],
                   ) -> int | None:
    """How near the cue a phrase says the event has no single day: a past month, season or
    year only ("votés en avril", "dès mars"), or ongoing ("depuis 2022", "exigée depuis des
    mois", "Depuis, les frappes se sont multipliées"); None when there is none. The gold
    leaves such events undated."""
    if published is None:
        return None
    if _SINCE_THEN.match(text, low):
        return 0
    nearest: int | None = None
    repeated, ongoing = _no_day_phrases()
    plain = re.sub(r"[«»\"“”]", " ", text)  # "étaient « très avancées »"
    for pattern in (repeated, ongoing):  # "les demandes répétées de Kiev", "reste bloquée"
        for found in pattern.finditer(plain, low, high):
            if any(s <= found.start() < e for s, e in skip) or _quoted(text, found.start(), low):
                continue  # « ne comprennent toujours pas »: what is said, not the event's time
            phrase = Span.of(text, found.start(), found.end())
            if _attached_time(plain, phrase, cue, low) or (
                pattern is repeated and phrase.end <= cue[0]
                and _REPORTED.fullmatch(text, phrase.end, cue[0])
            ):
                distance = max(0, phrase.start - cue[1], cue[0] - phrase.end)
                nearest = distance if nearest is None else min(nearest, distance)
    for expr in times:
        if not low <= expr.start < high or expr.type not in {"DATE", "DURATION"} or (
            (expr.vague and expr.value != "PAST_REF")
            or any(s <= expr.start < e for s, e in skip)
        ):
            continue
        if not _attached_time(text, expr, cue, low):
            continue
        before = text[max(low, expr.start - 12) : expr.start]
        since = bool(_SINCE.search(before))
        week = _WEEK.fullmatch(expr.value)
        if expr.value == "PAST_REF":
            undated = True  # "auparavant", "récemment": an undated past
        elif expr.type == "DURATION":
            undated = since
        elif week is not None:  # "la semaine dernière": a past week, no single day
            today = dt.date.fromisoformat(published[:10]).isocalendar()
            undated = (int(week["y"]), int(week["w"])) < (today[0], today[1])
        else:
            undated = bool(_COARSE.fullmatch(expr.value)) and (
                since or expr.value[:7] < published[: len(expr.value[:7])])
        if undated:
            distance = max(0, expr.start - cue[1], cue[0] - expr.end)
            nearest = distance if nearest is None else min(nearest, distance)
    return nearest


_RELATIVE = re.compile(r",\s*(?:qui|dont|où|lequel|laquelle|lesquels|lesquelles)(?!\w)", _FLAGS)


_PLUPERFECT = re.compile(r"\b(?:avait|avaient|était|étaient)\s+(?:[^\W\d]+\s+)?"
                         r"[^\W\d]+(?:é|ée|és|ées|i|is|ie|u|us|ue|it|ert|int)\b", _FLAGS)


_SUBJECT_RELATIVE = re.compile(r",\s*(?:qui|dont|lequel|laquelle|lesquels|lesquelles)(?!\w)",
                               _FLAGS)


def _background_clause(text: str, cue: tuple[int, int], low: int, high: int,
                       ) -> tuple[int, int] | None:
    """The relative clause in the pluperfect, set off by commas, the cue stands in ("Mike
    Johnson, qui avait longtemps refusé de soumettre le texte, a cédé"), as (start, end):
    background the article does not date by its main clause's day. None when the cue stands
    elsewhere."""
    opening = None
    for found in _SUBJECT_RELATIVE.finditer(text, low, cue[0]):
        opening = found.start()
    if opening is None or "," in text[opening + 1 : cue[0]]:
        return None
    closing = text.find(",", cue[1], high)
    closing = closing if closing >= 0 else high
    if not _PLUPERFECT.search(text, opening, closing):
        return None
    return opening, closing


# A cue that is the antecedent of the relative clause after it: the noun and its
# complements ("réunion d'urgence du Conseil Otan-Ukraine, qui…").
_ANTECEDENT = re.compile(r"[^\W\d]+(?:\s*(?:de|du|des|d['’])\s*[\w'’-]+(?:\s+[\w'’-]+)?){0,3}",
                         _FLAGS)


def _in_side_clause(text: str, dated: _Dated, anchor: int, low: int, high: int,
                    later: bool = False) -> bool:
    """``Le président, qui avait hésité la veille, a jugé…``: a date inside a relative clause
    in the pluperfect, set off by commas, tells of something earlier than the statement. (A
    clause in another tense may well date it: ``Peskov, qui s'exprimait jeudi, …``.) With
    ``later`` (events), one in the future tells of something later than the event ("Kiev a
    réclamé une réunion, qui se tiendra mardi, …"); the clause may then end the sentence."""
    opening = None
    for found in _RELATIVE.finditer(text, low, dated.start):
        opening = found.start()
    if opening is None:
        return False
    closing = text.find(",", dated.end, high)
    if later and closing < 0:
        closing = high
    if closing < 0:
        return False
    if later and _ANTECEDENT.fullmatch(text, anchor, opening):
        return False  # "une réunion d'urgence, qui se tiendra mardi": the noun's own day
    if not _PLUPERFECT.search(text, opening, closing):
        kinds = {kind for _, _, kind in _tense_markers(text[opening:closing])} if later else set()
        if "future" not in kinds or "past" in kinds:
            return False
    return not opening <= anchor < closing


def _distance(dated: _Dated, cue: tuple[int, int]) -> int:
    """Characters between a date and the cue (0 when they overlap): "a déclaré jeudi"."""
    return max(0, dated.start - cue[1], cue[0] - dated.end)


_PLUPERFECT_CUE = re.compile(
    r"\b(?:avai(?:en)?t|étai(?:en)?t)(?:[-‐‑]t)?(?:[-‐‑](?:il|elle|ils|elles|on))?\s+"
    r"(?:[^\W\d]+\s+)?[^\W\d]+(?:é|ée|és|ées|i|is|ie|u|us|ue|it|ert|int)\b", _FLAGS)


def _paragraphs_back(text: str, position: int, count: int = ANAPHORA_PARAGRAPHS) -> int:
    """Where the paragraph ``count - 1`` paragraphs before the one holding ``position``
    starts (blank lines between paragraphs are no paragraphs)."""
    floor = start = _paragraph(text, position)[0]
    for _ in range(count - 1):
        floor = text.rfind("\n", 0, max(0, floor - 1)) + 1
        while floor > 0 and not text[floor:start].strip():
            floor = text.rfind("\n", 0, floor - 1) + 1
        start = floor
    return floor


def _earlier_day(text: str, candidates: Sequence[_Dated], before: int) -> str | None:
    """The last day mentioned before ``before``, within the last few paragraphs."""
    floor = _paragraphs_back(text, before)
    earlier = [d for d in candidates if floor <= d.start < before]
    return earlier[-1].day if earlier else None


# --------------------------------------------------------------------------- a whole article

# How far into the text the lead runs, and how many days before publication its day may be.
LEAD_CHARACTERS = 400
LEAD_DAYS = 3
BYLINE_CHARACTERS = 80


def lead_day(text: str, dated: Sequence[_Dated], published: str | None) -> str | None:
    """The day an article published after the happening tells it on: its lead's first day
    ("Les États-Unis et l'Ukraine ont signé mercredi…" in Thursday's paper), when it falls in
    the few days before publication. Undated events further on (not in the future) are that
    day's, not the publication day's. A byline's date ("Par X · 14 juin 2024", a short line)
    is no day of the lead."""
    if published is None:
        return None
    today = dt.date.fromisoformat(published[:10])
    for found in dated:
        if found.start >= LEAD_CHARACTERS:
            return None
        line = _paragraph(text, found.start)
        if found.noun_complement or line[1] - line[0] < BYLINE_CHARACTERS:
            continue
        gap = (today - dt.date.fromisoformat(found.day)).days
        return found.day if 0 < gap <= LEAD_DAYS else None
    return None


@dataclass(frozen=True)
class QuoteSite:
    """Where a quote stands: its span, cue position, quoted words and who said it."""

    span: tuple[int, int]
    focus: tuple[int, int] | None
    quoted: tuple[tuple[int, int], ...]
    speaker: str | None


def date_quotes(
    text: str,
    times: Sequence[TimeExpr],
    sentences: Sequence[tuple[int, int]],
    sites: Sequence[QuoteSite],
    published: str | None,
) -> list[tuple[str | None, str]]:
    """The day of each quote, in text order. A quote with no date of its own that follows a
    dated quote of the same speaker in the same paragraph goes on the same speech
    (« …, a-t-il rappelé » after "M. Borrell a expliqué jeudi que…"): it takes that day."""
    dated = dated_expressions(text, times, published)
    results: list[tuple[str | None, str]] = []
    previous: tuple[QuoteSite, str | None, str] | None = None
    for site in sites:
        day, origin = date_span(text, times, sentences, site.span, published, focus=site.focus,
                                skip=site.quoted, dated=dated)
        if origin == "published" and previous is not None:
            last_site, last_day, last_origin = previous
            same_speech = (site.speaker is not None and site.speaker == last_site.speaker
                           and _paragraph(text, site.span[0]) == _paragraph(text,
                                                                            last_site.span[1]))
            if same_speech and last_origin in {"sentence", "context"}:
                day, origin = last_day, "context"
        results.append((day, origin))
        previous = (site, day, origin)
    return results


def date_statements(
    text: str,
    times: Sequence[TimeExpr],
    sentences: Sequence[tuple[int, int]],
    quotes: list[Quote],
    events: list[Event],
    published: str | None,
) -> tuple[list[Quote], list[Event]]:
    """Quotes and events re-dated with the whole text in view (see the module docstring)."""
    sites = [
        QuoteSite(
            span=(quote.start, quote.end),
            focus=(quote.cue.start, quote.cue.end) if quote.cue is not None else None,
            quoted=tuple((part.start, part.end) for part in quote.parts)
            or ((quote.start, quote.end),),
            speaker=quote.speaker_actor or quote.speaker_name,
        )
        for quote in quotes
    ]
    order = sorted(range(len(quotes)), key=lambda index: quotes[index].start)
    days = date_quotes(text, times, sentences, [sites[index] for index in order], published)
    new_quotes = list(quotes)
    for index, (day, origin) in zip(order, days, strict=True):
        new_quotes[index] = quotes[index].model_copy(update={"date": day, "date_origin": origin})
    dated = dated_expressions(text, times, published)
    lead = lead_day(text, _night_ends(text, dated), published)
    quoted = [part for site in sites for part in site.quoted]
    answers = _interview_answers(text)
    new_events: list[Event] = []
    for event in events:
        cue = (event.trigger.start, event.trigger.end)
        # the days inside quoted words are what is talked about, unless the event is told
        # there ("« L'Allemagne restera à vos côtés, aujourd'hui comme demain », a déclaré…")
        skip = [(s, e) for s, e in quoted if not s <= cue[0] < e]
        day, origin = date_span(text, times, sentences, (event.start, event.end), published,
                                focus=cue, skip=skip,
                                dated=dated, lead=lead, periods=True,
                                hypothetical=event.hypothetical)
        if answers is not None and cue[0] >= answers and origin == "published" and (
            _told_in_past(text, _sentence_range(sentences, cue[0], cue[1]))
        ):
            day, origin = None, "none"  # an interview recalls past acts without their day
        new_events.append(event.model_copy(update={"date": day, "date_origin": origin}))
    return new_quotes, new_events


def _told_in_past(text: str, sentence: tuple[int, int]) -> bool:
    """Whether the sentence is told in a past tense that is no conditional ("a appelé",
    "avait promis", not "pourrait se rendre" nor "discutent")."""
    markers = _tense_markers(text[sentence[0] : sentence[1]])
    return bool({(s, e) for s, e, kind in markers if kind == "past"} - {
        (s, e) for s, e, kind in markers if kind == "future"})

# A question asked in an interview: a paragraph of its own ending with "?" ("— Et Moscou ?",
# "Q : Pourquoi maintenant ?", "Afrique Hebdo : Comment interpréter ce départ ?").
_QUESTION = re.compile(r"^[^\n]{3,300}\?[ \t]*$", re.MULTILINE)
INTERVIEW_QUESTIONS = 3


def _interview_answers(text: str) -> int | None:
    """Where the answers of a question-and-answer interview start (its first question), or
    None for an article that is not one. docs/gold.md: an undated past act told in an
    interview has no day (the interviewee recalls it; the article does not date it)."""
    questions = list(_QUESTION.finditer(text))
    if len(questions) < INTERVIEW_QUESTIONS:
        return None
    return questions[0].start()
