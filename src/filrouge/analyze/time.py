"""French temporal tagger: find time expressions and normalise them the TimeML (TIMEX3) way.

Pure Python: regular expressions built from ``filrouge/data/time_fr.json``. The pipeline is

1. *candidates* — every rule runs over the text; a rule's match may consume context words
   (``en 2008``) but only its named group ``x`` is the expression's span (``2008``);
2. *selection* — overlapping candidates are resolved longest first;
3. *normalisation*, in text order — absolute expressions resolve on their own, relative ones
   against the reference date (``anchor="document"``), narrative ones (``la veille``, times of
   day) against the last day mentioned before them (``anchor="narrative"``);
4. *merging* — ``fin`` + ``juin``, ``mardi`` + ``soir``, ``hier à`` + ``10 h`` become one
   expression; helper pieces that merged with nothing are dropped.

A bare weekday or a day without a year is resolved with a small tense heuristic: the verb
marker (future ``se rendra``, ``va signer``…, past ``a annoncé``…) nearest to the expression in
its sentence decides between the next and the previous occurrence; news default to the past.
A text retelling an earlier year (``En janvier 2011, … Le 25 janvier, …``) gives its days and
months without a year that year instead (the story time, TimeML's reference time).
"""

from __future__ import annotations

import calendar
import datetime
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any, Literal

from filrouge.model import TimeExpr, TimeType

Tense = Literal["future", "past"]
Anchor = Literal["document", "narrative", "none"]

UNKNOWN_DAY = "XXXX-XX-XX"
# How far a day without a year may lie against the sentence's tense before the year moves.
WRONG_WAY_DAYS = 31
_DAY_VALUE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_FLAGS = re.IGNORECASE
# "à": capitalised, the press often drops the accent ("A 18 heures", "A l'époque").
_A_GRAVE = "(?:à|(?-i:A))"


# --------------------------------------------------------------------------- resources


@cache
def _lexicon() -> dict[str, Any]:
    source = resources.files("filrouge").joinpath("data/time_fr.json")
    data: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
    return data


def _key(text: str) -> str:
    """Lookup form of a matched word: lower case, straight apostrophe, hyphens as spaces; a
    capital ``A`` opening a phrase is the preposition ``à`` written without its accent."""
    if re.match(r"A\s", text):
        text = "à" + text[1:]
    text = text.lower().replace("’", "'")
    text = re.sub(r"[-‐‑]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


@cache
def _table(name: str) -> dict[str, Any]:
    return {_key(word): value for word, value in _lexicon()[name].items()}


def _lookup(name: str, text: str) -> Any:
    return _table(name).get(_key(text))


def _phrase(word: str) -> str:
    """Regex for a lexicon entry: apostrophes, spaces and hyphens match their variants."""
    parts: list[str] = []
    for char in word:
        if char == "'":
            parts.append("['’]")
        elif char == " ":
            parts.append(r"\s+")
        elif char == "-":
            parts.append(r"[-‐‑\s]")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


def _alt(words: Iterable[str]) -> str:
    ordered = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(_phrase(word) for word in ordered) + ")"


def _words(name: str) -> list[str]:
    entry = _lexicon()[name]
    return list(entry)


# --------------------------------------------------------------------------- patterns


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    helper: bool = False  # a piece that only counts when merged into a neighbour


@cache
def _fragments() -> dict[str, str]:
    lex = _lexicon()
    months = _words("months")
    free_months = [m for m in months if m not in lex["months_needing_context"]]
    numbers = _alt(_words("numbers"))
    units = _words("units")
    singular_units = [u for u in units if not u.endswith("s") or u == "mois"]
    plural_units = [u for u in units if u.endswith("s")]
    directions = _alt(_words("directions"))
    narrative = _alt(_words("narrative_directions"))
    return {
        "D": r"(?:1er|1re|premier|[12]\d|3[01]|0?[1-9])(?!\d)",
        "MONTH": _alt(months) + r"(?!\w)",
        "FREE_MONTH": _alt(free_months) + r"(?!\w)",
        # "23 nov", "3 déc": a timeline's abbreviations without their full stop, lower case
        "MONTH_ANY": "(?:" + _alt(months) + r"(?!\w)|" + _alt(_words("month_abbreviations"))
        + "|(?-i:" + _alt(lex["month_abbreviations_bare"]) + r")(?![\w.]))",
        "Y4": r"(?:1[5-9]\d\d|20\d\d|21\d\d)(?![\d,]\d|\d)",
        "WD": _alt(_words("weekdays")) + r"(?!\w)",
        "WD_PL": "(?:" + _alt(_words("weekdays")) + "s)",
        "NUM": rf"(?:\d+(?:[.,]\d+)?|{numbers}(?:(?:[-‐‑\s]|\s+et\s+){numbers})*)",
        "VAGUEQ": _alt(_words("vague_quantities")),
        "APPROX": r"(?:une\s+)?" + _alt(_words("approximate_numbers")) + r"\s+d(?:e\s+|['’]\s*)",
        "DMOD": _alt(_words("duration_modifiers")),
        "MOD_GAP": r"(?:(?<=['’])\s*|\s+)",
        "UNIT": _alt(units) + r"(?!\w)",
        "UNIT_SG": _alt(singular_units) + r"(?!\w)",
        "UNIT_PL": _alt(plural_units) + r"(?!\w)",
        "DIR": directions + r"(?!\w)",
        "NDIR": narrative + r"(?!\w)",
        "ANYDIR": "(?:" + directions + "|" + narrative + r")(?!\w)",
        "THIS": _alt(lex["this_determiners"]),
        "PERIOD": _alt(_words("periods")),
        "SEASON": _alt(_words("seasons")) + r"(?!\w)",
        "POD": _alt(_words("parts_of_day")) + r"(?!\w)",
        "POD_PL": _alt(_words("parts_of_day_plural")) + r"(?!\w)",
        "RELDAY": _alt(_words("relative_days")) + r"(?!\w)",
        "NARRDAY": _alt(_words("narrative_days")) + r"(?!\w)",
        # "Noël Saez" is a man: a holiday is not followed by a capitalised name
        "HOLIDAY": "(?-i:" + _alt(_words("holidays")) + r")(?!\w)(?![-‐‑]\w)"
        r"(?!\s+(?-i:[A-ZÉÈ][a-zéèëï]))",
        "HOLIDAY_ART": "(?-i:" + _alt(_words("holidays_needing_article")) + r")(?!\w)(?![-‐‑]\w)",
        "ORD": _alt(_words("ordinals")),
        "VAGUE": _alt(_words("vague")) + r"(?!\w)",
        "NAMED": _alt(_words("named_durations")) + r"(?!\w)",
        "HOUR": rf"(?:[01]?\d|2[0-3]|{numbers}(?:[-‐‑\s]{numbers})?)",
        "DUR_ADJ": r"(?:bonnes?|petites?|longues?|grosses?|courtes?|pleines?|bons|petits|longs|"
        r"courts|pleins)",
        "AFTER": r"(?:à\s+venir|qui\s+viennent|suivant(?:e)?s|précédent(?:e)?s|passé(?:e)?s|"
        r"écoulé(?:e)?s)",
        "DECADE_WORD": _alt(_words("decade_words")) + r"(?!\w)",
        "CENTURY_WORD": _alt(_words("century_words")),
        "CLOCK_CONTEXT": r"(?:à|vers|dès|jusqu['’]à|avant|après|de|entre|et|à\s+partir\s+de|"
        r"aux\s+alentours\s+de|autour\s+de|peu\s+avant|peu\s+après)",
    }


_RULE_SOURCES: tuple[tuple[str, str, bool], ...] = (
    ("date_dmy", r"(?P<x>(?:(?:le|ce)\s+)?(?:(?P<wd>{WD})\s+)?(?P<d>{D})(?:\s*|[-‐‑])"
     r"(?P<m>{MONTH_ANY})(?:\s+(?P<y>{Y4}))?(?:\s+(?P<dir>{DIR}))?)", False),
    ("date_range_first", r"(?:du|entre\s+le|les?|des|aux)\s+(?P<x>(?P<d>{D}))\s+"
     r"(?:au|et\s+le|et)\s+"
     r"(?={D}\s*(?P<m>{MONTH_ANY})(?:\s+(?P<y>{Y4}))?)", False),
    ("date_numeric", r"(?<![\d/.])(?P<x>(?P<d>[0-3]?\d)([/.])(?P<m>[01]?\d)\3(?P<y>\d{{4}}|\d\d))"
     r"(?![\d/]|[.,]\d)", False),
    ("date_dashed", r"(?<![\d-])(?P<x>(?P<d>[0-3]?\d)-(?P<m>[01]?\d)-(?P<y>(?:19|20)\d\d))"
     r"(?![\d-])", False),
    ("date_iso", r"(?<![\d-])(?P<x>(?P<y>\d{{4}})-(?P<m>[01]\d)-(?P<d>[0-3]\d))(?![\d-])", False),
    ("month_year", r"(?P<x>(?:(?:le\s+)?mois\s+d(?:e\s+|['’]))?(?P<m>{MONTH})\s+"
     r"(?P<y>{Y4}|['’]?\d\d(?!\d|[,.]\d|\s*%)))", False),
    ("month_dir", r"(?P<x>(?:(?:le\s+)?mois\s+d(?:e\s+|['’]))?(?P<m>{MONTH})\s+(?P<dir>{DIR}))",
     False),
    # "la première semaine de juillet", "les derniers jours d'août": a part of the month
    ("month_part", r"(?P<x>(?:la|le|les)\s+(?:{NUM}\s+)?(?:premi(?:er|ère)s?|deuxième|seconde?|"
     r"troisième|derni(?:er|ère)s?)\s+(?:semaines?|quinzaine|week[-‐‑\s]end|jours)\s+"
     r"(?:de|d['’]|du\s+mois\s+d(?:e|['’]))\s*(?P<m>{MONTH})(?:\s+(?P<y>{Y4}))?)(?!\w)", False),
    # "la deuxième journée de grève", "le premier jour des soldes": a day of the story told
    ("ordinal_day", r"(?P<x>(?:la|le)\s+(?:premi(?:er|ère)|deuxième|seconde?|troisième|quatrième|"
     r"cinquième|derni(?:er|ère)|\d+e)\s+(?P<p>journée|jour|semaine|nuit))(?!\w)"
     r"(?!\s+(?:de|d['’]|du\s+mois\s+d(?:e|['’]))\s*{MONTH})", False),
    ("month_named", r"(?P<x>(?:le\s+)?mois\s+d(?:e\s+|['’])(?P<m>{MONTH}))", False),
    ("month_bare", r"(?P<x>(?P<m>{FREE_MONTH}))", False),
    ("month_context", r"(?:(?:en|de|depuis|dès|fin|début|mi|courant|avant|après|jusqu['’]en|"
     r"pour|et|ou)[-‐‑\s]+|d['’])(?P<x>(?P<m>{MONTH}))", False),
    ("year", r"(?P<x>(?:(?:l['’]an|l['’]année|l['’]exercice)\s+)?(?P<y>{Y4}))(?!\w)", False),
    ("year_short", r"(?:en|depuis|dès|fin|début|courant|mi)[-‐‑\s]+(?P<x>(?P<y>['’]?\d\d))"
     r"(?!\w|[,.]\d|\s*(?:%|°|€|\$|[-‐‑/]\d))", False),
    ("decade", r"(?P<x>(?:les\s+)?années\s+(?P<dec>(?:19|20)?\d0|{DECADE_WORD})(?!\d))", False),
    ("century", r"(?P<x>(?:le\s+)?(?P<c>[XVI]+|\d\d?|{CENTURY_WORD})(?:(?<=\d|[XVI])(?:e|ème|è))?"
     r"\s+siècle)", False),
    ("quarter", r"(?P<x>(?:le\s+)?(?P<o>{ORD})\s+(?P<u>trimestre|semestre)(?:\s+(?P<y>{Y4}))?)",
     False),
    ("relday", r"(?P<x>(?P<rel>{RELDAY})(?:\s+(?P<wd>{WD}))?)", False),
    ("narrday", r"(?P<x>(?P<rel>{NARRDAY}))", False),
    ("narrday_au", r"au\s+(?P<x>(?P<rel>lendemain))(?!\w)", False),
    ("weekday", r"(?P<x>(?:(?P<det>{THIS}|le)\s+)?(?P<wd>{WD})(?:\s+(?P<dir>{ANYDIR}))?)", False),
    # "samedi 12 et dimanche 13 octobre", "du lundi 3 au vendredi 7 juin": the first day
    # takes the month (and year) of the second
    ("weekday_range_first", r"(?P<x>(?:(?:le|ce)\s+)?(?P<wd>{WD})\s+(?P<d>{D}))\s*,?\s+"
     r"(?:au|et|à|jusqu['’]au)\s+(?=(?:(?:le\s+)?{WD}\s+)?{D}\s*(?P<m>{MONTH_ANY})"
     r"(?:\s+(?P<y>{Y4}))?)", False),
    ("weekday_day", r"(?P<x>(?:(?:le|ce)\s+)?(?P<wd>{WD})\s+(?P<d>{D}))"
     r"(?!\s*(?:{MONTH_ANY}|[/.]\d|\d|h(?!\w)|heures?(?!\w)))(?!\w)", False),
    ("period_this", r"(?P<x>(?P<det>{THIS})\s+(?P<p>{PERIOD})(?P<there>-ci|-là)?)(?!\w)", False),
    # "la même année", "le même mois": the period the narrative is at
    ("period_same", r"(?P<x>(?:la|le)\s+(?P<there>même)\s+(?P<p>semaine|mois|année))(?!\w)", False),
    ("period_dir", r"(?P<x>(?:(?:la|le|l['’])\s*)?(?P<p>{PERIOD})\s+(?P<dir>{ANYDIR}))", False),
    ("period_bare", r"(?P<x>(?:la\s+|le\s+|l['’])?(?P<p>semaine|mois|année|an))(?!\w)", True),
    ("season_det", r"(?P<x>(?P<det>{THIS}|l['’]|le)\s*(?P<s>{SEASON})(?:\s+(?P<dir>{ANYDIR}))?"
     r"(?:\s+(?P<y>{Y4}))?)", False),
    ("season_prep", r"(?P<prep>en|au|d['’]ici\s+l['’]|dès\s+l['’])\s*(?P<x>(?P<s>{SEASON})"
     r"(?:\s+(?P<dir>{ANYDIR}))?(?:\s+(?P<y>{Y4}))?)", False),
    ("season_months", r"(?P<x>(?:les\s+)?mois\s+d['’](?P<s>{SEASON}))", False),
    # a season with no article ("Été comme hiver", "hiver après hiver") is generic; "été"
    # only capitalised (lower case it is the participle), never after "de" ("sports d'hiver")
    ("season_bare", r"(?<!d['’])(?<!de\s)(?<!le\s)(?<!l['’])"
     r"(?P<x>(?P<s>(?-i:[ÉE]té)|hiver|printemps|automne)(?:\s+(?P<y>{Y4}))?)(?!\w)", False),
    ("present_until", r"d['’](?P<x>ici)(?=\s+(?:à|au|la|le|l['’]|fin|début|mi|{NUM}|{MONTH}|{Y4}))",
     False),
    ("pod_this", r"(?P<x>(?:{THIS})\s+(?P<pod>{POD}))", False),
    ("noon_this", r"(?P<x>ce\s+(?P<cw>midi))(?!\w)", False),
    ("pod_last_night", r"(?P<x>la\s+nuit\s+(?:dernière|passée))", False),
    ("pod_en", r"en\s+(?P<x>(?P<pod>matinée|soirée))(?!\w)", False),
    ("pod_in", r"(?:dans|durant|pendant|au\s+cours\s+de|en|dès|tout\s+au\s+long\s+de)\s+"
     r"(?P<x>(?:la\s+|l['’])(?P<pod>matinée|soirée|nuit|journée|après[-‐‑\s]midi))(?!\w)", False),
    ("pod_mod", r"(?P<x>(?P<mod>début|fin|milieu)\s+d(?:e\s+|['’])\s*"
     r"(?P<pod>matinée|soirée|après[-‐‑\s]midi|journée|nuit))(?!\w)", False),
    # "le soir du 21 avril": that day's evening
    ("pod_of_day", r"(?P<x>(?:le|la|l['’])\s*(?P<pod>(?-i:matin|matinée|après[-‐‑\s]midi|soir|"
     r"soirée|nuit))\s+(?:du|de)\s+(?P<d>{D})\s*(?P<m>{MONTH_ANY})(?:\s+(?P<y>{Y4}))?)(?!\w)",
     False),
    # "la journée d'hier", "la soirée de samedi", "la nuit de lundi": that day's part
    ("pod_of_rel", r"(?P<x>(?:le|la|l['’])\s*(?P<pod>(?-i:journée|matinée|après[-‐‑\s]midi|soirée|"
     r"matin|soir))\s+(?:d['’]\s*(?P<rel>hier|aujourd['’]hui|avant[-‐‑]hier)|d[eu]\s+(?P<wd>{WD})))"
     r"(?!\w)(?!\s+\d)", False),
    # "le matin", "l'après-midi" on their own: the day the text is at; not "la soirée de gala"
    ("pod_det", r"(?P<x>(?:le|la|l['’])\s*(?:même\s+)?(?P<pod>(?-i:matin|matinée|après[-‐‑\s]midi|"
     r"soir|soirée|nuit))(?:\s+même)?)(?!\w)(?!\s+(?:de|du|des|d['’])(?!\w))", False),
    ("pod_bare", r"(?P<x>(?P<pod>{POD}))", True),
    ("night_range", r"(?P<x>la\s+nuit\s+(?:de|du)\s+(?P<d1>{WD}|{D})"
     r"(?:\s+(?P<m1>{MONTH_ANY}))?(?:\s+(?:à|au)\s+(?P<d2>{WD}|{D})(?:\s+(?P<m>{MONTH_ANY})"
     r"(?:\s+(?P<y>{Y4}))?)?)?)(?!\w)", False),
    # "en 2 h 30": a race time, not a time of day
    ("duration_clock", r"(?:en|pendant|durant)\s+(?P<x>(?P<h>\d{{1,2}})\s?h\s?(?P<mi>[0-5]\d)"
     r"(?:\s?(?:min|mn|['’]))?)(?!\w)", False),
    ("clock", r"(?<![\w,.])(?P<x>(?:(?P<h>[01]?\d|2[0-3])\s?[hH](?:\s?(?P<mi>[0-5]\d))?"
     r"|(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d))(?!\w|[:,.]\d)"
     r"(?:\s+(?P<half>du\s+matin|du\s+soir|de\s+l['’]après[-‐‑\s]midi)(?!\w))?"
     r"(?:\s+(?:(?-i:UTC|GMT|CEST|CET)|heure\s+(?:locale|française|de\s+Paris))(?!\w))?)", False),
    # "de 14 à 18 h", "entre 9 et 11 heures": the first hour shares the second's unit
    ("clock_range_first", r"(?:de|entre)\s+(?P<x>(?P<h>[01]?\d|2[0-3]))\s+(?:à|et)\s+"
     r"(?=(?:[01]?\d|2[0-3])\s?(?:h|heures?)(?!\w))", False),
    ("clock_hours", r"(?<!plus\s)(?<!moins\s)(?<!près\s){CLOCK_CONTEXT}\s+(?P<x>(?P<h>{HOUR})\s+"
     r"heures?(?:\s+(?P<mi>[0-5]\d|et\s+demie|et\s+quart|moins\s+le\s+quart))?"
     r"(?:\s+(?P<half>du\s+matin|du\s+soir|de\s+l['’]après[-‐‑\s]midi))?)(?!\w)", False),
    # "cinq heures du matin" needs no preposition
    ("clock_hours_half", r"(?P<x>(?P<h>{HOUR})\s+heures?"
     r"(?:\s+(?P<mi>[0-5]\d|et\s+demie|et\s+quart))?"
     r"\s+(?P<half>du\s+matin|du\s+soir|de\s+l['’]après[-‐‑\s]midi))(?!\w)", False),
    ("clock_word", r"{CLOCK_CONTEXT}\s+(?P<x>(?P<cw>midi|minuit))(?!\w)", False),
    # "mardi midi", "hier midi": only with the day it follows
    ("clock_word_bare", r"(?P<x>(?P<cw>midi|minuit))(?!\w)", True),
    # "une bonne heure", "deux longues années", "une année entière"
    ("duration", r"(?P<x>(?:(?P<mod>{DMOD}){MOD_GAP})?(?P<n>{NUM}|{VAGUEQ}|{APPROX})\s*"
     r"(?:{DUR_ADJ}\s+)?(?P<u>{UNIT})(?:\s+et\s+(?P<half>demie?))?"
     r"(?:\s+(?:entière?s?|entiers?|pleine?s?)(?!\w))?)", False),
    # "de longues années", "de longs mois": an unspecified length
    ("duration_long", r"(?:de|d['’])\s+(?P<x>(?:longue|longs|longues|nombreuses|nombreux)\s+"
     r"(?P<u>{UNIT_PL}))(?!\w)", False),
    ("duration_half", r"(?P<x>(?:une\s+)?demi[-‐‑\s](?P<u>heure|journée|siècle))(?!\w)", False),
    ("duration_named", r"(?P<x>{NAMED})", False),
    ("duration_quarter_hour", r"(?P<x>(?P<n>un|trois)\s+quarts?\s+d['’]heure)(?!\w)", False),
    # "toute la journée", "tout le mois", "toute l'année": the whole of one unit
    ("duration_whole", r"(?P<x>tout(?:e)?\s+(?:la\s+|le\s+|l['’]\s*)(?P<u>journée|semaine|année|"
     r"mois|week[-‐‑\s]end))(?!\w)(?!\s+(?:d['’e]|\d|dernier|prochain|précédent|suivant))",
     False),
    ("recent_span", r"(?P<x>(?:ces|les)\s+(?:(?P<n>{NUM})\s+)?(?P<dir>derni[eè]re?s|prochaine?s)"
     r"\s+(?P<u>{UNIT_PL}))", False),
    ("recent_span_de", r"(?:des|aux)\s+(?P<x>(?:(?P<n>{NUM})\s+)?(?P<dir>derni[eè]re?s|"
     r"prochaine?s)\s+(?P<u>{UNIT_PL}))", False),
    # "les jours à venir", "les années suivantes", "des mois précédents"
    ("span_after", r"(?P<x>(?:les|ces)\s+(?:(?P<n>{NUM})\s+)?(?P<u>{UNIT_PL})\s+{AFTER})(?!\w)",
     False),
    ("span_after_de", r"(?:des|aux)\s+(?P<x>(?:(?P<n>{NUM})\s+)?(?P<u>{UNIT_PL})\s+{AFTER})"
     r"(?!\w)", False),
    ("holiday", r"(?P<x>(?:(?:la|le|l['’])\s*)?(?P<h>{HOLIDAY})(?:\s+(?P<y>{Y4}))?)(?!\w)",
     False),
    # "la Saint-Nicolas", not the town of Saint-Nicolas-de-Port
    ("holiday_article", r"(?P<x>la\s+(?P<h>{HOLIDAY_ART})(?:\s+(?P<y>{Y4}))?)(?!\w)", False),
    ("ago", r"(?P<x>il\s+y\s+a\s+(?:encore\s+|déjà\s+|maintenant\s+|désormais\s+)?"
     r"(?:(?P<mod>{DMOD}){MOD_GAP})?(?P<n>{NUM}|{VAGUEQ}|{APPROX})\s*"
     r"(?P<u>{UNIT}))", False),
    ("set_each", r"(?P<x>chaque\s+(?P<u>{UNIT_SG}|{WD}|{POD}|{SEASON}|week[-‐‑\s]end))(?!\w)",
     False),
    ("set_all", r"(?P<x>tou(?:s|tes)\s+les\s+(?:(?P<n>{NUM})\s+)?(?P<u>{UNIT_PL}|{WD_PL}|{POD_PL}"
     r"|week[-‐‑\s]ends))(?!\w)", False),
    # "les samedis et dimanches", "les mardis soir"
    ("set_plural_day", r"(?P<x>les\s+(?P<u>{WD_PL}))(?!\w)", False),
    ("set_per", r"par\s+(?P<x>(?P<u>an|année|mois|semaine|jour|heure|trimestre|semestre))(?!\w)",
     False),
    # "quotidiennement", "chaque année" said in one word
    ("set_adverb", r"(?P<x>(?P<u>quotidiennement|hebdomadairement|mensuellement|annuellement))"
     r"(?!\w)", False),
    ("vague", r"(?P<x>{VAGUE})", False),
    ("vague_epoch", r"à\s+(?P<x>(?:l['’]|cette\s+)époque(?:[-‐‑]là)?)(?!\s+d)(?!\w)", False),
    ("mod", r"(?P<x>(?:(?:la|le|cette|ce)\s+)?(?:tout\s+|toute\s+)?(?P<mod>début|fin|mi|milieu|"
     r"courant))"
     r"(?=\s|[-‐‑])", True),
)


@cache
def _rules() -> tuple[_Rule, ...]:
    fragments = _fragments()
    rules: list[_Rule] = []
    for name, source, helper in _RULE_SOURCES:
        pattern = (r"(?<![\w])" + source.format(**fragments)).replace("à", _A_GRAVE)
        rules.append(_Rule(name, re.compile(pattern, _FLAGS), helper))
    return tuple(rules)


# --------------------------------------------------------------------------- candidates


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    rule: _Rule
    match: re.Match[str]


def _previous_word(text: str, start: int) -> str:
    """The word before ``start``, an elided ``qu'`` or ``jusqu'`` left out (``qu'en`` → ``en``)."""
    found = re.search(r"([\w'’]+)[-‐‑]?\s*$", text[max(0, start - 40) : start])
    word = _key(found.group(1)) if found else ""
    return re.sub(r"^(?:qu|lorsqu|puisqu)'(?=\w)", "", word)


@cache
def _word_set(name: str) -> frozenset[str]:
    return frozenset(_key(word) for word in _lexicon()[name])


@cache
def _story_words(name: str) -> frozenset[str]:
    return frozenset(_key(word) for word in _lexicon()["story"][name])


def _year_ok(text: str, match: re.Match[str]) -> bool:
    """A bare four-digit number is a year only in a temporal context."""
    if not match.group("x")[:1].isdigit():
        return True
    start, end = match.span("x")
    previous = _previous_word(text, start)
    following = re.match(r"\s*([\w'’]+|\S|$)", text[end:])
    next_token = _key(following.group(1)) if following else ""
    if re.fullmatch(r"[^\W\d_]+", next_token) and next_token not in _word_set("year_followers"):
        return False
    if re.search(r"(?<!\d)(?:1[5-9]|20)\d\d\s?[-‐‑/]\s?$", text[max(0, start - 7) : start]):
        return True  # the second year of "2002-2003", "1999/2000"
    if previous in _word_set("year_blockers_before") or previous.isdigit():
        return False
    if next_token in {"%", "€", "$"}:
        return False
    return previous in _word_set("year_context_before") or not re.fullmatch(r"\w+", next_token)


def _pod_this_ok(text: str, match: re.Match[str]) -> bool:
    """``Cette soirée, qui sera animée par…``: a party, not an evening."""
    if _key(match.group("pod")) not in {"soirée", "journée", "matinée"}:
        return True
    return not re.match(r"\s*,?\s*(?:qui|sera|seront|est|sont|a|ont|aura|fut|était|se|s['’])\b",
                        text[match.end("x") :])


def _season_ok(text: str, match: re.Match[str]) -> bool:
    """``le Printemps de Bourges``, ``depuis le Printemps arabe``: a capital season after a
    lower-case article is a name."""
    return not (match.group("s")[:1].isupper() and match.group("det")[:1].islower())


def _short_year_ok(text: str, match: re.Match[str]) -> bool:
    """``en 98``, ``depuis 95,``: a two-digit year only before punctuation or a conjunction."""
    following = re.match(r"\s*([\w'’]+|\S|$)", text[match.end("x") :])
    next_token = _key(following.group(1)) if following else ""
    return not re.fullmatch(r"\w+", next_token) or next_token in {"et", "ou", "à", "puis"}


def _is_age(text: str, match: re.Match[str]) -> bool:
    """``un homme de 38 ans``, ``Alain, 53 ans,``, ``les 6-16 ans``: ages, not durations."""
    if _unit(match.group("u")) != "Y":
        return False
    start, end = match.span("x")
    if _g(match, "mod"):
        # "les moins de 18 ans", "des plus de 60 ans": an age group
        return _previous_word(text, start) in {"les", "des", "aux"}
    if (_previous_word(text, start) == "à"
            and not re.match(r"\s+(?:d['’e]|du|des)\b", text[end:])
            and not re.search(r"(?:ici|jusqu['’])\s*à\s*$", text[max(0, start - 12) : start])):
        return True  # "gagner à 37 ans", not "à deux ans de la retraite", "d'ici à dix ans"
    before = text[max(0, start - 2) : start]
    if before.endswith(("-", "‑")) or (before == ", " and text[end : end + 1] in {",", ")"}):
        return True
    previous = _previous_word(text, start)
    if previous in {"de", "d'"}:
        noun = re.search(r"([\w'’]+)\s+d(?:e\s+|['’]\s*)$", text[max(0, start - 40) : start])
        if noun and _key(noun.group(1)) in _word_set("duration_nouns"):
            return False  # "un accord de dix ans", "au bout de trois ans"
    return previous in _word_set("age_words_before")


def _duration_ok(text: str, match: re.Match[str]) -> bool:
    number = _key(match.group("n") or "")
    unit = _key(match.group("u") or "")
    if number == "des" and unit not in _word_set("vague_des_units"):
        # "des jours" only where it is a length: "depuis des jours", "pendant des jours"
        return unit == "jours" and _previous_word(text, match.start("x")) in {
            "depuis", "pendant", "durant"}
    if number in {"un", "une"} and unit in {"jour", "journée", "fois"}:
        previous = _previous_word(text, match.start("x"))
        return previous in {"pendant", "durant", "depuis", "en", "pour", "d'un", "plus", "moins"}
    return not (number == "des" and re.match(r"\s+\d", text[match.end("x") :]))


def _plain_duration_ok(text: str, match: re.Match[str]) -> bool:
    return _duration_ok(text, match) and not _is_age(text, match)


def _numeric_ok(match: re.Match[str]) -> bool:
    return 1 <= int(match.group("d")) <= 31 and 1 <= int(match.group("m")) <= 12


def _period_this_ok(match: re.Match[str]) -> bool:
    return _key(match.group("p")) not in {"an"}


# A quoted name opened by a weekday: « vendredi de la colère », « le mardi noir », "Vendredi de
# la dignité". The weekday opens the quotation and words follow it up to the closing mark.
_OPENING_QUOTE = re.compile(r"[«“\"‹„]\s*$")
_NAME_AFTER_WEEKDAY = re.compile(
    r"(?:\s*[-‑]\s*|\s+)(?:(?:de|du|des|d['’])\s*(?:[^\W\d_][\w'’-]*\s*){1,7}"
    r"|[^\W\d_][\w'’-]*\s*(?:[^\W\d_][\w'’-]*\s*)?)[»”\"›]", re.IGNORECASE)


def _weekday_ok(text: str, match: re.Match[str]) -> bool:
    """False for a weekday opening a quoted name (a protest day's slogan, a nickname): the
    name says nothing of when the sentence happens, « Nous manifesterons vendredi » does."""
    if match.group("dir") or not _OPENING_QUOTE.search(
            text[max(0, match.start("x") - 3):match.start("x")]):
        return True
    return _NAME_AFTER_WEEKDAY.match(text, match.end("wd")) is None


_VALIDATORS: dict[str, Callable[[str, re.Match[str]], bool]] = {
    "year": _year_ok,
    "year_short": _short_year_ok,
    "season_det": _season_ok,
    "pod_this": _pod_this_ok,
    "duration": _plain_duration_ok,
    "ago": _duration_ok,
    "date_numeric": lambda _text, match: _numeric_ok(match),
    "date_iso": lambda _text, match: _numeric_ok(match),
    "date_dashed": lambda _text, match: _numeric_ok(match),
    "period_this": lambda _text, match: _period_this_ok(match),
    "weekday": _weekday_ok,
}


def _candidates(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    for rule in _rules():
        validator = _VALIDATORS.get(rule.name)
        for match in rule.pattern.finditer(text):
            start, end = match.span("x")
            if end <= start or (validator is not None and not validator(text, match)):
                continue
            found.append(_Candidate(start, end, rule, match))
    return found


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep non-overlapping candidates, longest first (then real expressions before helpers)."""
    order = {rule.name: index for index, rule in enumerate(_rules())}
    ranked = sorted(
        candidates,
        key=lambda c: (-(c.end - c.start), c.rule.helper, order[c.rule.name], c.start),
    )
    taken: list[_Candidate] = []
    for candidate in ranked:
        if all(candidate.end <= t.start or candidate.start >= t.end for t in taken):
            taken.append(candidate)
    return sorted(taken, key=lambda c: c.start)


# --------------------------------------------------------------------------- tense


@cache
def _tense_patterns() -> tuple[tuple[Tense, re.Pattern[str]], ...]:
    tense = _lexicon()["tense"]
    patterns: list[tuple[Tense, re.Pattern[str]]] = []
    for source in tense["future"]:
        patterns.append(("future", re.compile(source, _FLAGS)))
    for source in tense["past"]:
        patterns.append(("past", re.compile(source, _FLAGS)))
    return tuple(patterns)


# An imperfect whose stem ends in r looks like a conditional (infinitive + -ait): no conditional
# ends in -arait, -érait, -orait, -eurait, -ntrait, -ffrait, -ouvrait, nor in -urait after
# anything but a or l (aurait, saurait, conclurait are conditionals).
_IMPERFECT_IN_RAIT = re.compile(r"(?:a|é|o|eu|nt|ff|ouv|[^al]u)r(?:ait|aient)$")


def _tense_markers(text: str) -> list[tuple[int, int, Tense]]:
    tense = _lexicon()["tense"]
    exceptions = {word.lower() for word in tense["future_exceptions"] + tense["past_exceptions"]}
    markers: list[tuple[int, int, Tense]] = []
    for kind, pattern in _tense_patterns():
        for match in pattern.finditer(text):
            word = match.group(0)
            single = " " not in word
            if single and (word.lower() in exceptions or word[:1].isupper()):
                continue
            if re.match(r"A\s", word):
                continue  # "A la fin du mois": the preposition "à", not the auxiliary
            if kind == "future" and single and re.search(r"(?:[ao]ra|(?<!a)ura)$", word.lower()):
                continue  # "déplora", "déclara", "assura": a past historic, not a future
            if kind == "future" and single and _IMPERFECT_IN_RAIT.search(word.lower()):
                continue  # "se retirait", "déclarait", "assurait": an imperfect, no conditional
            if kind == "past" and re.search(r"\s(?:lieu|trait|cours|recours)$", word.lower()):
                continue  # "a lieu", "a trait à", "a cours": present tense
            markers.append((match.start(), match.end(), kind))
    return markers


# A past participle just before a day ("le décret signé mardi", "l'accord conclu lundi"), but
# not one that tells a plan ("prévu mardi", "attendu jeudi", "programmée lundi").
_PARTICIPLE_BEFORE = re.compile(r"(?:^|[^\w'’-])(?!(?:le|la|les|un|une|des|du|sa|son|ses|ce|cet|"
                                r"cette|ces|leur|leurs|notre|votre|[ld]['’]|a|ont|avait|avaient|"
                                r"aura|auront|aurait|auraient|est|sont|était|étaient|sera|seront|"
                                r"serait|seraient|été|être|soit|soient|fut|furent)\s*\w)\S*\s+"
                                r"(?-i:[a-zà-ÿ])[\w-]{2,}(?:é|ée|és|ées|u|ue|us|ues|"
                                r"is|ise|ises|it|ite|its)\s+(?:le\s+)?$")
_PLANNED_BEFORE = re.compile(r"(?<![\w'’-])(?:prévue?s?|attendue?s?|programmée?s?|fixée?s?|"
                             r"annoncée?s?\s+pour|reportée?s?|repoussée?s?)\s+(?:le\s+)?$", _FLAGS)


# A full stop that ends no sentence: after a title or an initial ("M. Maduro", "Mme Kallas"
# has none, "J. Biden", "A. P. :").
_ABBREVIATION_STOP = re.compile(r"(?:^|[\s(«\"])(?:M|MM|Mme|Mmes|Mlle|Mgr|Dr|Pr|Me|St|Ste|"
                                r"[A-ZÀ-Ý])\.$")


def _full_stop(text: str, position: int) -> bool:
    """Whether the ". " at ``position`` ends a sentence."""
    return not _ABBREVIATION_STOP.search(text, max(0, position - 6), position + 1)


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    stop = text.rfind(". ", 0, start)
    while stop > 0 and not _full_stop(text, stop):
        stop = text.rfind(". ", 0, stop)
    before = max(stop, text.rfind("\n", 0, start),
                 text.rfind("! ", 0, start), text.rfind("? ", 0, start))
    stop = text.find(". ", end)
    while stop >= 0 and not _full_stop(text, stop):
        stop = text.find(". ", stop + 1)
    after_candidates = [i for i in (stop, text.find("\n", end)) if i >= 0]
    return before + 1, min(after_candidates) if after_candidates else len(text)


# --------------------------------------------------------------------------- context


@dataclass(frozen=True)
class _Value:
    type: TimeType
    value: str
    anchor: Anchor = "document"
    vague: bool = False


Precision = Literal["Y", "M", "D"]


@dataclass(frozen=True)
class _Story:
    """The time a retold story stands at (TimeML's reference time): the last date written with
    its year (``En janvier 2011,``, ``le 25 janvier 2011``), then each day told after it."""

    day: datetime.date
    precision: Precision
    at: int  # where the text last told it


@dataclass
class _Context:
    text: str
    reference: datetime.date | None
    markers: list[tuple[int, int, Tense]]
    last_day: datetime.date | None = None
    last_day_at: int = 0
    last_night: bool = False  # the last day was told as a night "de X à Y": the story is at Y
    span: tuple[int, int] = (0, 0)
    story: _Story | None = None
    # where the text speaks of its own present (``aujourd'hui``, ``mardi``, ``cette semaine``)
    present_at: tuple[int, ...] = ()
    # the story time the current expression took its year from, if it did
    told: tuple[datetime.date, Precision] | None = None

    def tense(self) -> Tense | None:
        """The direction the current expression points to: a governing preposition (``depuis``
        looks back, ``d'ici`` ahead), else the verb marker nearest to it in its sentence."""
        start, end = self.span
        governed = _governing_direction(self.text, start)
        if governed is not None:
            return governed
        if _PARTICIPLE_BEFORE.search(self.text, max(0, start - 30), start) and not (
                _PLANNED_BEFORE.search(self.text, max(0, start - 30), start)):
            return "past"  # "le décret signé mardi", "l'accord conclu lundi": done that day
        low, high = _sentence_bounds(self.text, start, end)
        best: tuple[int, int, Tense] | None = None
        for m_start, m_end, kind in self.markers:
            if m_start < low or m_end > high or (m_start < end and m_end > start):
                continue
            if m_start >= end and _SUBORDINATE.search(self.text, end, m_start):
                continue  # "a indiqué jeudi qu'il s'entretiendrait": the verb of another clause
            distance = m_start - end if m_start >= end else start - m_end
            rank = 0 if kind == "future" else 1
            if best is None or (distance, rank) < best[:2]:
                best = (distance, rank, kind)
        return best[2] if best else None

    def day(self, clock: bool = False, back: int = 0) -> tuple[datetime.date | None, Anchor]:
        """The day a narrative expression refers to: the last day mentioned in the same
        paragraph (the text narrates), else the reference (a new paragraph goes back to the
        news of the day). A clock time (``à 15 h 30``) looks further back: it happens on the
        last day the text told of, whatever the paragraph; ``back`` paragraphs further back
        for a phrase that can only point back (``Le lendemain``, ``Le même jour``)."""
        if self.last_day is not None and (clock or len(_PARAGRAPH_BREAK.findall(
                self.text, self.last_day_at, self.span[0])) <= back):
            if self.last_night and not clock:  # "la nuit du 23 au 24 avril… Le lendemain": the 25th
                return self.last_day + datetime.timedelta(days=1), "narrative"
            return self.last_day, "narrative"
        return self.reference, "document"

    def story_year(self) -> _Story | None:
        """The story time a day or month without a year takes its year from, when the text is
        retelling an earlier year: one written in this paragraph or the one before (or carried
        on by the days told since), with no return to the present in between nor in the
        expression's own sentence (``aujourd'hui``, ``mardi``, ``cette semaine``). A story in
        the document's own year changes nothing (the tense rules place the day), nor does one
        ahead of it (plans are told in the future, whose days the tense rules place); a day the
        verb puts ahead (``il se rendra le 3 mars``) is not the past story's."""
        story, reference = self.story, self.reference
        if story is None or reference is None or story.day.year >= reference.year:
            return None
        start, end = self.span
        if len(_PARAGRAPH_BREAK.findall(self.text, story.at, start)) > 1:
            return None
        low, high = _sentence_bounds(self.text, start, end)
        if any(story.at < at < start or low <= at < high for at in self.present_at):
            return None
        if self.tense() == "future":
            return None
        return story

    def story_day(self, month: int, day: int) -> datetime.date | None:
        """``Le 11 février`` in a paragraph retelling January 2011: 11 February 2011. A story
        at a month or a day moves on to the next year when the day would lie over half a year
        behind it (``Le 14 janvier`` after ``En décembre 2010``)."""
        story = self.story_year()
        if story is None:
            return None
        found = _safe_date(story.day.year, month, day)
        if found is None:
            return None
        if story.precision != "Y" and (story.day - found).days > HALF_YEAR_DAYS:
            found = _safe_date(story.day.year + 1, month, day) or found
        if not _story_side_ok(found, self.reference):
            return None
        self.told = (found, "D")
        return found

    def story_month(self, month: int) -> str | None:
        """``En février`` in a paragraph retelling 2011: February 2011 (the same rule)."""
        story = self.story_year()
        if story is None:
            return None
        found = datetime.date(story.day.year, month, 1)
        if story.precision != "Y" and (story.day.replace(day=1) - found).days > HALF_YEAR_DAYS:
            found = datetime.date(story.day.year + 1, month, 1)
        if not _story_side_ok(found, self.reference):
            return None
        self.told = (found, "M")
        return f"{found.year:04d}-{month:02d}"


HALF_YEAR_DAYS = 183
_PARAGRAPH_BREAK = re.compile(r"\n\s*")


def _story_side_ok(found: datetime.date, reference: datetime.date | None) -> bool:
    """A past story's day stays before the document's date."""
    return reference is not None and found <= reference


_SUBORDINATE = re.compile(r"\b(?:(?:que|lorsque|quand|où|si)(?!\w)|qu['’])", _FLAGS)


def _governing_direction(text: str, start: int) -> Tense | None:
    """``depuis mardi``, ``depuis la fin décembre``: past; ``d'ici mi-mars``: future."""
    before = _key(text[max(0, start - 40) : start])
    for word, kind in _lexicon()["governing_prepositions"].items():
        pattern = re.escape(_key(word)) + r"(?: (?:le|la|les|l'|à|au))?(?: (?:fin|début|mi))?" \
            r"(?: (?:de|du|d'))?\s*$"
        if re.search(r"(?:^|[\s(])" + pattern, before):
            return "past" if kind == "past" else "future"
    return None


def _anchors_narrative(text: str, start: int) -> bool:
    """A date that bounds an interval (``depuis le 1er juillet``, ``jusqu'au 5``) is not where
    the story stands: it does not become the anchor of ``le jour même`` or ``la veille``."""
    before = _key(text[max(0, start - 25) : start])
    return not re.search(r"(?:^|\s)(?:depuis|jusqu'(?:à|au|en)|à partir d[eu]|dès)"
                         r"(?: (?:le|la|l'))?\s*$", before)


# --------------------------------------------------------------------------- values


def _iso(day: datetime.date | None) -> str:
    return day.isoformat() if day is not None else UNKNOWN_DAY


def _iso_week(day: datetime.date | None) -> str:
    if day is None:
        return UNKNOWN_DAY
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last))


def _shift(day: datetime.date, amount: int, unit: str) -> datetime.date:
    if unit == "D":
        return day + datetime.timedelta(days=amount)
    if unit == "W":
        return day + datetime.timedelta(weeks=amount)
    if unit in {"M", "Q", "HALF"}:
        factor = {"M": 1, "Q": 3, "HALF": 6}[unit]
        return _add_months(day, amount * factor)
    if unit in {"Y", "DE", "CE"}:
        factor = {"Y": 1, "DE": 10, "CE": 100}[unit]
        return _add_months(day, 12 * amount * factor)
    return day


def _granular(day: datetime.date | None, unit: str) -> str:
    """A date at the granularity of ``unit``: year for years, ISO week for weeks…"""
    if day is None:
        return UNKNOWN_DAY
    if unit in {"Y", "DE", "CE"}:
        return f"{day.year:04d}"
    if unit in {"M", "Q", "HALF"}:
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "W":
        return _iso_week(day)
    return day.isoformat()


def _number(text: str | None) -> float | None:
    """A French number written in digits or words; None when vague (``quelques``)."""
    if text is None:
        return None
    key = _key(text)
    if re.fullmatch(r"\d+(?:[.,]\d+)?", key):
        return float(key.replace(",", "."))
    approx = re.match(r"(?:une )?(\w+) d", key)
    if approx and approx.group(1) in _table("approximate_numbers"):
        return float(_table("approximate_numbers")[approx.group(1)])
    return _number_words(key)


def _number_words(key: str) -> float | None:
    numbers = _table("numbers")
    if key in numbers:
        return float(numbers[key])
    total = current = 0
    tokens = [t for t in re.split(r"\s+", key) if t != "et"]
    index = 0
    while index < len(tokens):
        pair = " ".join(tokens[index : index + 2])
        if pair in numbers and index + 1 < len(tokens):
            token_value, index = int(numbers[pair]), index + 2
        elif tokens[index] in numbers:
            token_value, index = int(numbers[tokens[index]]), index + 1
        else:
            return None
        if token_value == 100:
            current = max(current, 1) * 100
        elif token_value == 1000:
            total, current = total + max(current, 1) * 1000, 0
        else:
            current += token_value
    return float(total + current)


def _duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration: ``P3Y``, ``PT48H``, ``PXD``; fractions move to the smaller unit."""
    if unit == "Q":
        amount, unit = (amount * 3 if amount is not None else None), "M"
    if unit == "HALF":
        amount, unit = (amount * 6 if amount is not None else None), "M"
    smaller = {"Y": (12, "M"), "D": (24, "H"), "H": (60, "MIN"), "W": (7, "D")}
    if amount is not None and amount != int(amount) and unit in smaller:
        factor, unit = smaller[unit]
        amount *= factor
    designator = {"MIN": "M"}.get(unit, unit)
    prefix = "PT" if unit in {"H", "MIN", "S"} else "P"
    if amount is None:
        return f"{prefix}X{designator}"
    shown = f"{amount:g}" if amount != int(amount) else str(int(amount))
    return f"{prefix}{shown}{designator}"


def _unit(text: str | None) -> str:
    return str(_lookup("units", text or "") or "D")


def _month(text: str) -> int:
    key = _key(text)
    value = _table("months").get(key) or _table("month_abbreviations").get(key)
    if value is None:
        value = _table("month_abbreviations").get(key + ".")
    return int(value or 0)


def _day_number(text: str) -> int:
    key = _key(text)
    return 1 if key in {"1er", "1re", "premier"} else int(key)


def _year_of(text: str, reference: datetime.date | None) -> int:
    digits = int(re.sub(r"\D", "", text))
    if digits >= 100:
        return digits
    base = reference.year if reference else 2000
    year = (base // 100) * 100 + digits
    return year - 100 if year > base + 10 else year


def _direction(text: str | None) -> tuple[int, bool]:
    """(+1/-1/0, narrative?) of ``dernier``, ``prochain``, ``suivant``…"""
    if not text:
        return 0, False
    value = _lookup("directions", text)
    if value is not None:
        return int(value), False
    value = _lookup("narrative_directions", text)
    return (int(value), True) if value is not None else (0, False)


def _resolve_day_month(month: int, day: int, ctx: _Context) -> str:
    """A day without a year: the year of the story the text is retelling, else the reference's
    year, moved by the sentence's tense."""
    reference = ctx.reference
    if reference is None:
        return f"XXXX-{month:02d}-{day:02d}"
    told = ctx.story_day(month, day)
    if told is not None:
        return told.isoformat()
    years = (reference.year - 1, reference.year, reference.year + 1)
    candidates = [c for c in (_safe_date(year, month, day) for year in years) if c is not None]
    if not candidates:
        return f"XXXX-{month:02d}-{day:02d}"
    nearest = min(candidates, key=lambda c: abs((c - reference).days))
    tense = ctx.tense()
    # A tense marker may belong to another clause ("Affaibli par son débat du 27 juin, Biden
    # doit…"): the nearest occurrence stands unless it lies over a month the wrong way. Without
    # any marker (a historical present: "Le 27 janvier, des milliers de manifestants
    # descendent…", written in August) news default to the past, as with a past marker.
    if tense != "future" and (nearest - reference).days > WRONG_WAY_DAYS:
        nearest = max(c for c in candidates if c <= reference)
    elif tense == "future" and (reference - nearest).days > WRONG_WAY_DAYS:
        nearest = min(c for c in candidates if c >= reference)
    return nearest.isoformat()


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _resolve_month(month: int, ctx: _Context, direction: int = 0) -> str:
    reference = ctx.reference
    if reference is None:
        return f"XXXX-{month:02d}"
    if direction == 0:
        told = ctx.story_month(month)
        if told is not None:
            return told
    year = reference.year
    tense = ctx.tense()
    if direction < 0 or (direction == 0 and tense == "past"):
        year -= month > reference.month if direction == 0 else month >= reference.month
    elif direction > 0 or (direction == 0 and tense == "future"):
        year += month < reference.month if direction == 0 else month <= reference.month
    elif abs(month - reference.month) > 6:
        # no tense: the nearest such month ("décembre" written in January is last December)
        year += 1 if month < reference.month else -1
    return f"{year:04d}-{month:02d}"


def _weekday_date(weekday: int, ctx: _Context, direction: int, this: bool) -> datetime.date | None:
    reference = ctx.reference
    if reference is None:
        return None
    delta = weekday - reference.isoweekday()
    if this:
        if delta == 0:
            return reference
        tense = ctx.tense()
        if tense == "future" and delta < 0:
            delta += 7
        elif tense == "past" and delta > 0:
            delta -= 7
        return reference + datetime.timedelta(days=delta)
    back = (reference.isoweekday() - weekday) % 7
    ahead = delta % 7
    if direction:
        # "mardi dernier" written on a Wednesday is not yesterday (that would be "hier"), nor
        # is "jeudi prochain" tomorrow: the adjacent day moves a week further.
        steps = back if direction < 0 else ahead
        steps = steps + 7 if steps <= 1 else steps
        return reference + datetime.timedelta(days=-steps if direction < 0 else steps)
    tense = ctx.tense()
    if tense == "future":  # "se réunira dimanche soir" in Sunday's paper: that evening (a
        return reference + datetime.timedelta(days=ahead)  # week later is "prochain")
    if tense == "past" or back == 0 or back <= ahead:
        return reference - datetime.timedelta(days=back)
    # no tense marker ("les travaux reprennent mercredi"): the nearest occurrence
    return reference + datetime.timedelta(days=ahead)


# --------------------------------------------------------------------------- normalisers


Normaliser = Callable[[re.Match[str], _Context], "_Value | None"]


def _g(match: re.Match[str], name: str) -> str | None:
    try:
        return match.group(name)
    except IndexError:
        return None


def _norm_date_dmy(match: re.Match[str], ctx: _Context) -> _Value:
    month, day = _month(match.group("m")), _day_number(match.group("d"))
    year = _g(match, "y")
    if year:
        safe = _safe_date(_year_of(year, ctx.reference), month, day)
        value = safe.isoformat() if safe else f"{_year_of(year, ctx.reference)}-{month:02d}"
        return _Value("DATE", value)
    direction, _ = _direction(_g(match, "dir"))
    if direction and ctx.reference is not None:
        return _Value("DATE", _day_with_direction(month, day, ctx.reference, direction))
    weekday = _g(match, "wd")
    if weekday and ctx.reference is not None:
        told = ctx.story_day(month, day)
        if told is not None and told.isoweekday() == _lookup("weekdays", weekday):
            return _Value("DATE", told.isoformat())
        ctx.told = None
        fitting = _weekday_year(month, day, int(_lookup("weekdays", weekday) or 0), ctx.reference)
        if fitting is not None:
            return _Value("DATE", fitting.isoformat())
    return _Value("DATE", _resolve_day_month(month, day, ctx))


def _weekday_year(month: int, day: int, weekday: int,
                  reference: datetime.date) -> datetime.date | None:
    """``dimanche 5 janvier``: the year near the reference where that day is that weekday."""
    years = (reference.year, reference.year + 1, reference.year - 1)
    fitting = [d for d in (_safe_date(y, month, day) for y in years)
               if d is not None and d.isoweekday() == weekday]
    return min(fitting, key=lambda d: abs((d - reference).days)) if fitting else None


def _day_with_direction(month: int, day: int, reference: datetime.date, direction: int) -> str:
    year = reference.year
    candidate = _safe_date(year, month, day)
    if candidate is None:
        return f"{year}-{month:02d}-{day:02d}"
    if direction < 0 and candidate > reference:
        candidate = _safe_date(year - 1, month, day) or candidate
    if direction > 0 and candidate < reference:
        candidate = _safe_date(year + 1, month, day) or candidate
    return candidate.isoformat()


def _norm_numeric(match: re.Match[str], ctx: _Context) -> _Value | None:
    year = _year_of(match.group("y"), ctx.reference)
    day = _safe_date(year, int(match.group("m")), int(match.group("d")))
    return _Value("DATE", day.isoformat()) if day else None


def _norm_month_year(match: re.Match[str], ctx: _Context) -> _Value:
    year = _year_of(match.group("y"), ctx.reference)
    return _Value("DATE", f"{year:04d}-{_month(match.group('m')):02d}")


def _norm_month(match: re.Match[str], ctx: _Context) -> _Value:
    direction, _ = _direction(_g(match, "dir"))
    return _Value("DATE", _resolve_month(_month(match.group("m")), ctx, direction))


def _norm_ordinal_day(match: re.Match[str], ctx: _Context) -> _Value:
    day, anchor = ctx.day()
    period = _key(match.group("p"))
    if period == "semaine":
        return _Value("DATE", _iso_week(day), anchor)
    if period == "nuit":
        return _Value("TIME", f"{_iso(day)}TNI", anchor)
    return _Value("DATE", _iso(day), anchor)


def _norm_month_part(match: re.Match[str], ctx: _Context) -> _Value:
    if _g(match, "y"):
        return _norm_month_year(match, ctx)
    return _norm_month(match, ctx)


def _norm_year(match: re.Match[str], ctx: _Context) -> _Value:
    return _Value("DATE", match.group("y"))


def _norm_year_short(match: re.Match[str], ctx: _Context) -> _Value:
    return _Value("DATE", f"{_year_of(match.group('y'), ctx.reference):04d}")


def _norm_decade(match: re.Match[str], ctx: _Context) -> _Value:
    digits = match.group("dec")
    word = _lookup("decade_words", digits)
    if word is not None:
        digits = str(word)
    if len(digits) == 2:
        digits = ("19" if digits != "00" and int(digits) > 20 else "20") + digits
    return _Value("DATE", digits[:3] + "X")


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman(text: str) -> int:
    total = 0
    values = [_ROMAN.get(char, 0) for char in text.upper()]
    for index, value in enumerate(values):
        following = values[index + 1] if index + 1 < len(values) else 0
        total += -value if value < following else value
    return total


def _norm_century(match: re.Match[str], ctx: _Context) -> _Value:
    raw = match.group("c")
    word = _lookup("century_words", raw)
    number = int(word) if word is not None else int(raw) if raw.isdigit() else _roman(raw)
    return _Value("DATE", f"{number - 1:02d}XX")


def _norm_quarter(match: re.Match[str], ctx: _Context) -> _Value:
    index = int(_lookup("ordinals", match.group("o")) or 1)
    letter = "Q" if _key(match.group("u")) == "trimestre" else "H"
    year = _g(match, "y")
    if year:
        return _Value("DATE", f"{year}-{letter}{index}")
    prefix = f"{ctx.reference.year}" if ctx.reference else "XXXX"
    return _Value("DATE", f"{prefix}-{letter}{index}")


def _norm_relday(match: re.Match[str], ctx: _Context) -> _Value:
    offset = int(_lookup("relative_days", match.group("rel")) or 0)
    if ctx.reference is None:
        return _Value("DATE", UNKNOWN_DAY)
    return _Value("DATE", (ctx.reference + datetime.timedelta(days=offset)).isoformat())


def _norm_narrday(match: re.Match[str], ctx: _Context) -> _Value:
    offset = int(_lookup("narrative_days", match.group("rel")) or 0)
    day, anchor = ctx.day(back=LOOK_BACK_PARAGRAPHS if offset >= 0 else 0)
    if _EVENT_COMPLEMENT.match(ctx.text, match.end("x")):
        # "la veille du sommet": the day before the event being reported, not before the last
        # date mentioned; in news that event is the document's. "Au lendemain de l'annonce":
        # the news is the day after the event, the document's day.
        day, anchor = ctx.reference, "document"
        offset = min(offset, 0)
    if day is None:
        return _Value("DATE", UNKNOWN_DAY, anchor)
    return _Value("DATE", (day + datetime.timedelta(days=offset)).isoformat(), anchor)


# How many paragraphs back "Le lendemain", "Le même jour" (no complement) find the day they
# count from: such a phrase opening a paragraph goes on with the story told just before.
LOOK_BACK_PARAGRAPHS = 1
_EVENT_COMPLEMENT = re.compile(r"\s+(?:du|de\s+la|de\s+l['’]|d['’])\s*(?![\d\s])"
                               r"(?!(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b)",
                               _FLAGS)


# A compound past just before "le jeudi": one act done that Thursday ("ont effectué le jeudi
# une nouvelle étape"), not a habit ("se réunit le jeudi", "effectuaient le jeudi").
_DONE_ON_THE_DAY = re.compile(r"\b(?:a|ont)\s+(?:[^\W\d]+\s+)?(?!(?:lieu|trait|cours)\s)"
                              r"[^\W\d]+(?:é|és|ée|ées|i|is|u|us|it)\s+$", _FLAGS)


def _norm_weekday(match: re.Match[str], ctx: _Context) -> _Value:
    weekday = int(_lookup("weekdays", match.group("wd")) or 1)
    det = _key(_g(match, "det") or "")
    direction, narrative = _direction(_g(match, "dir"))
    if det == "le" and not direction and not _DONE_ON_THE_DAY.search(
            ctx.text, max(0, ctx.span[0] - 60), ctx.span[0]):
        return _Value("SET", f"XXXX-WXX-{weekday}")
    if narrative:
        day, _ = ctx.day()
        if day is None:
            return _Value("DATE", UNKNOWN_DAY, "narrative")
        shifted = _Context(ctx.text, day, ctx.markers)
        return _Value("DATE", _iso(_weekday_date(weekday, shifted, direction, False)), "narrative")
    this = det in {_key(word) for word in _lexicon()["this_determiners"]}
    return _Value("DATE", _iso(_weekday_date(weekday, ctx, direction, this)))


def _norm_weekday_day(match: re.Match[str], ctx: _Context) -> _Value:
    weekday = int(_lookup("weekdays", match.group("wd")) or 1)
    day = _day_number(match.group("d"))
    if ctx.reference is None:
        return _Value("DATE", UNKNOWN_DAY)
    for months in (0, 1, -1, 2, -2):
        month_start = _add_months(ctx.reference.replace(day=1), months)
        candidate = _safe_date(month_start.year, month_start.month, day)
        if candidate is not None and candidate.isoweekday() == weekday:
            return _Value("DATE", candidate.isoformat())
    return _Value("DATE", f"{ctx.reference.year}-{ctx.reference.month:02d}-{day:02d}")


_PERIOD_UNIT = {"W": "W", "WE": "W", "M": "M", "Y": "Y", "Q": "Q", "H": "HALF", "CE": "CE",
                "DE": "DE"}


def _period_value(day: datetime.date | None, period: str) -> str:
    if day is None:
        return UNKNOWN_DAY
    if period == "WE":
        return _iso_week(day) + "-WE"
    if period == "Q":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if period == "H":
        return f"{day.year}-H{(day.month - 1) // 6 + 1}"
    if period == "CE":
        return f"{day.year // 100:02d}XX"
    if period == "DE":
        return f"{day.year // 10:03d}X"
    return _granular(day, _PERIOD_UNIT[period])


def _norm_period(match: re.Match[str], ctx: _Context) -> _Value:
    period = str(_lookup("periods", match.group("p")) or "Y")
    direction, narrative = _direction(_g(match, "dir"))
    there = _key(_g(match, "there") or "") in {"là", "même"}
    base, anchor = ctx.day() if narrative or there else (ctx.reference, "document")
    if base is not None and direction:
        base = _shift(base, direction, _PERIOD_UNIT[period])
    elif base is not None and period == "WE" and not there and _g(match, "det"):
        # "ce week-end" read early in the week: the one just past, unless the verb looks ahead
        tense = ctx.tense()
        if (base.isoweekday() == 1 and tense != "future") or (
                base.isoweekday() <= 4 and tense == "past"):
            base = base - datetime.timedelta(weeks=1)
    return _Value("DATE", _period_value(base, period), anchor)


def _season_year(ctx: _Context, direction: int, season: str) -> int | None:
    reference = ctx.reference
    if reference is None:
        return None
    starts = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
    start = starts[season]
    if season == "WI" and reference.month <= 2:
        # January's winter began last December: "cet hiver" is the winter of last year
        reference = datetime.date(reference.year - 1, 12, 31)
    year = reference.year
    if direction < 0 and start + 2 >= reference.month:
        year -= 1
    elif direction > 0 and start <= reference.month:
        year += 1
    return year


def _norm_season(match: re.Match[str], ctx: _Context) -> _Value:
    season = str(_lookup("seasons", match.group("s")) or "SU")
    year = _g(match, "y")
    if year:
        return _Value("DATE", f"{year}-{season}")
    direction, _ = _direction(_g(match, "dir"))
    generic = _key(_g(match, "prep") or "") == "en" and not direction
    found = None if generic else _season_year(ctx, direction, season)
    return _Value("DATE", f"{found if found is not None else 'XXXX'}-{season}")


def _norm_season_generic(match: re.Match[str], ctx: _Context) -> _Value:
    return _Value("DATE", f"XXXX-{_lookup('seasons', match.group('s')) or 'SU'}")


def _norm_season_bare(match: re.Match[str], ctx: _Context) -> _Value:
    year = _g(match, "y") or "XXXX"
    return _Value("DATE", f"{year}-{_lookup('seasons', match.group('s')) or 'SU'}")


def _norm_present(match: re.Match[str], ctx: _Context) -> _Value:
    return _Value("DATE", "PRESENT_REF", vague=True)


def _pod_code(text: str) -> str:
    return str(_lookup("parts_of_day", text) or _lookup("parts_of_day_plural", text) or "DT")


def _norm_pod_this(match: re.Match[str], ctx: _Context) -> _Value:
    return _Value("TIME", f"{_iso(ctx.reference)}T{_pod_code(match.group('pod'))}")


def _norm_noon_this(match: re.Match[str], ctx: _Context) -> _Value:
    return _Value("TIME", f"{_iso(ctx.reference)}T12:00")


def _norm_last_night(match: re.Match[str], ctx: _Context) -> _Value:
    day = ctx.reference - datetime.timedelta(days=1) if ctx.reference else None
    return _Value("TIME", f"{_iso(day)}TNI")


_DAY_MOD_POD = {"début": "MO", "milieu": "MI", "fin": "EV"}


def _norm_pod(match: re.Match[str], ctx: _Context) -> _Value:
    day, anchor = ctx.day()
    if _key(match.group("pod")) == "journée":
        # "en fin de journée" is an evening, "la journée" a whole day
        mod = _key(_g(match, "mod") or "")
        if mod in _DAY_MOD_POD:
            return _Value("TIME", f"{_iso(day)}T{_DAY_MOD_POD[mod]}", anchor)
        return _Value("DATE", _iso(day), anchor)
    return _Value("TIME", f"{_iso(day)}T{_pod_code(match.group('pod'))}", anchor)


def _norm_pod_of_rel(match: re.Match[str], ctx: _Context) -> _Value:
    if _g(match, "rel"):
        day = _norm_relday(match, ctx).value
    else:
        weekday = int(_lookup("weekdays", match.group("wd")) or 1)
        day = _iso(_weekday_date(weekday, ctx, 0, False))
    if _key(match.group("pod")) == "journée":
        return _Value("DATE", day)
    return _Value("TIME", f"{day}T{_pod_code(match.group('pod'))}")


def _norm_pod_of_day(match: re.Match[str], ctx: _Context) -> _Value:
    day = _norm_date_dmy(match, ctx).value
    return _Value("TIME", f"{day}T{_pod_code(match.group('pod'))}")


def _norm_night(match: re.Match[str], ctx: _Context) -> _Value:
    first = match.group("d1")
    month_text = _g(match, "m1") or _g(match, "m")
    if first[:1].isdigit() or _key(first) in {"1er", "premier"}:
        if month_text is None:
            return _Value("TIME", f"{UNKNOWN_DAY}TNI")
        year = _g(match, "y")
        month, day = _month(month_text), _day_number(first)
        if year:
            safe = _safe_date(int(year), month, day)
            return _Value("TIME", f"{_iso(safe)}TNI")
        return _Value("TIME", f"{_resolve_day_month(month, day, ctx)}TNI")
    weekday = int(_lookup("weekdays", first) or 1)
    return _Value("TIME", f"{_iso(_weekday_date(weekday, ctx, 0, False))}TNI")


def _hour(text: str) -> int | None:
    value = _number(text)
    return int(value) if value is not None and 0 <= value <= 24 else None


def _norm_clock(match: re.Match[str], ctx: _Context) -> _Value | None:
    hour = _hour(_g(match, "h") or _g(match, "h2") or "")
    if hour is None:
        return None
    minutes_text = _key(_g(match, "mi") or _g(match, "mi2") or "")
    minutes = {"et demie": 30, "et quart": 15}.get(minutes_text)
    if minutes_text == "moins le quart":
        hour, minutes = hour - 1, 45
    if minutes is None:
        minutes = int(minutes_text) if minutes_text.isdigit() else 0
    half = _key(_g(match, "half") or "")
    if hour < 12 and half in {"du soir", "de l'après midi"}:
        hour += 12
    day, anchor = ctx.day(clock=True)
    return _Value("TIME", f"{_iso(day)}T{hour % 24:02d}:{minutes:02d}", anchor)


def _norm_duration_clock(match: re.Match[str], ctx: _Context) -> _Value:
    return _Value("DURATION", f"PT{int(match.group('h'))}H{int(match.group('mi'))}M")


def _norm_clock_word(match: re.Match[str], ctx: _Context) -> _Value:
    day, anchor = ctx.day(clock=True)
    clock = str(_lookup("clock_words", match.group("cw")) or "12:00")
    return _Value("TIME", f"{_iso(day)}T{clock}", anchor)


def _norm_duration(match: re.Match[str], ctx: _Context) -> _Value:
    amount = _number(_g(match, "n"))
    if amount is not None and _g(match, "half"):
        amount += 0.5
    return _Value("DURATION", _duration_value(amount, _unit(match.group("u"))))


def _norm_duration_half(match: re.Match[str], ctx: _Context) -> _Value:
    values = {"heure": "PT30M", "journée": "PT12H", "siècle": "P50Y"}
    return _Value("DURATION", values.get(_key(match.group("u")), "PT30M"))


def _norm_named_duration(match: re.Match[str], ctx: _Context) -> _Value:
    return _Value("DURATION", str(_lookup("named_durations", match.group("x"))))


def _norm_quarter_hour(match: re.Match[str], ctx: _Context) -> _Value:
    return _Value("DURATION", "PT45M" if _key(match.group("n")) == "trois" else "PT15M")


def _norm_whole(match: re.Match[str], ctx: _Context) -> _Value:
    unit = _key(match.group("u"))
    if unit.startswith("week"):
        return _Value("DURATION", "P1WE")
    return _Value("DURATION", _duration_value(1, _unit(unit)))


def _norm_recent_span(match: re.Match[str], ctx: _Context) -> _Value:
    return _Value("DURATION", _duration_value(_number(_g(match, "n")), _unit(match.group("u"))))


def _relative_amount(match: re.Match[str], ctx: _Context, sign: int, base: datetime.date | None,
                     anchor: Anchor) -> _Value:
    amount = _number(match.group("n"))
    if amount is None:
        return _Value("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", anchor, vague=True)
    unit = _unit(match.group("u"))
    if unit in {"H", "MIN", "S"}:
        # "il y a 48 heures": whole days back; "il y a deux heures": the same day
        amount = amount // 24 if unit == "H" else 0
        unit = "D"
    if base is None:
        return _Value("DATE", UNKNOWN_DAY, anchor)
    return _Value("DATE", _granular(_shift(base, sign * int(amount), unit), unit), anchor)


def _easter(year: int) -> datetime.date:
    """Easter Sunday (Gregorian), the anonymous algorithm (Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


def _holiday_in(year: int, rule: str) -> datetime.date | None:
    if rule.startswith("easter"):
        return _easter(year) + datetime.timedelta(days=int(rule[6:] or 0))
    month, day = (int(part) for part in rule.split("-"))
    return _safe_date(year, month, day)


def _norm_holiday(match: re.Match[str], ctx: _Context) -> _Value:
    """``Noël``, ``la Toussaint``, ``Pâques``, ``le 14-Juillet``: that day in the year given,
    else in the year of the story the text retells, else in the year the sentence's tense
    points to (like a day without a year)."""
    rule = str(_lookup("holidays", match.group("h"))
               or _lookup("holidays_needing_article", match.group("h")))
    year = _g(match, "y")
    if year:
        return _Value("DATE", _iso(_holiday_in(int(year), rule)))
    if ctx.reference is None:
        return _Value("DATE", f"XXXX-{rule}" if not rule.startswith("easter") else UNKNOWN_DAY)
    reference = ctx.reference
    story = ctx.story_year()
    told = _holiday_in(story.day.year, rule) if story is not None else None
    if told is not None and told <= reference:
        ctx.told = (told, "D")
        return _Value("DATE", told.isoformat())
    candidates = [d for d in (_holiday_in(y, rule) for y in range(reference.year - 1,
                                                                  reference.year + 2)) if d]
    nearest = min(candidates, key=lambda d: abs((d - reference).days))
    tense = ctx.tense()
    if tense == "past" and (nearest - reference).days > WRONG_WAY_DAYS:
        nearest = max(d for d in candidates if d <= reference)
    elif tense == "future" and (reference - nearest).days > WRONG_WAY_DAYS:
        nearest = min(d for d in candidates if d >= reference)
    return _Value("DATE", nearest.isoformat())


def _norm_ago(match: re.Match[str], ctx: _Context) -> _Value:
    return _relative_amount(match, ctx, -1, ctx.reference, "document")


def _set_unit_value(unit_text: str, amount: float | None) -> str:
    weekday = _lookup("weekdays", re.sub(r"s$", "", _key(unit_text)))
    if weekday is not None:
        return f"XXXX-WXX-{weekday}"
    pod = _lookup("parts_of_day", unit_text) or _lookup("parts_of_day_plural", unit_text)
    if pod is not None:
        return f"XXXX-XX-XXT{pod}"
    season = _lookup("seasons", unit_text)
    if season is not None:
        return f"XXXX-{season}"
    if _key(unit_text).startswith("week"):
        return "XXXX-WXX-WE"
    return _duration_value(amount if amount is not None else 1, _unit(unit_text))


def _norm_set(match: re.Match[str], ctx: _Context) -> _Value:
    return _Value("SET", _set_unit_value(match.group("u"), _number(_g(match, "n"))))


def _norm_set_adverb(match: re.Match[str], ctx: _Context) -> _Value:
    values = {"quotidiennement": "P1D", "hebdomadairement": "P1W", "mensuellement": "P1M",
              "annuellement": "P1Y"}
    return _Value("SET", values.get(_key(match.group("u")), "P1D"))


def _norm_vague(match: re.Match[str], ctx: _Context) -> _Value:
    return _Value("DATE", str(_lookup("vague", match.group("x"))), vague=True)


def _norm_epoch(match: re.Match[str], ctx: _Context) -> _Value:
    return _Value("DATE", "PAST_REF", vague=True)


def _norm_helper(match: re.Match[str], ctx: _Context) -> _Value:
    return _Value("DATE", "")


def _norm_period_bare(match: re.Match[str], ctx: _Context) -> _Value:
    period = str(_lookup("periods", match.group("p")) or "Y")
    return _Value("DATE", _period_value(ctx.reference, period))


_NORMALISERS: Mapping[str, Normaliser] = {
    "date_dmy": _norm_date_dmy,
    "date_range_first": _norm_date_dmy,
    "date_numeric": _norm_numeric,
    "date_iso": _norm_numeric,
    "date_dashed": _norm_numeric,
    "month_year": _norm_month_year,
    "month_dir": _norm_month,
    "month_named": _norm_month,
    "ordinal_day": _norm_ordinal_day,
    "month_part": _norm_month_part,
    "month_bare": _norm_month,
    "month_context": _norm_month,
    "year": _norm_year,
    "year_short": _norm_year_short,
    "decade": _norm_decade,
    "century": _norm_century,
    "quarter": _norm_quarter,
    "relday": _norm_relday,
    "narrday": _norm_narrday,
    "narrday_au": _norm_narrday,
    "weekday": _norm_weekday,
    "weekday_range_first": _norm_date_dmy,
    "weekday_day": _norm_weekday_day,
    "period_this": _norm_period,
    "period_same": _norm_period,
    "period_dir": _norm_period,
    "period_bare": _norm_period_bare,
    "season_det": _norm_season,
    "season_prep": _norm_season,
    "season_months": _norm_season_generic,
    "season_bare": _norm_season_bare,
    "present_until": _norm_present,
    "pod_this": _norm_pod_this,
    "pod_last_night": _norm_last_night,
    "noon_this": _norm_noon_this,
    "pod_en": _norm_pod,
    "pod_in": _norm_pod,
    "pod_mod": _norm_pod,
    "pod_bare": _norm_pod,
    "pod_det": _norm_pod,
    "pod_of_day": _norm_pod_of_day,
    "pod_of_rel": _norm_pod_of_rel,
    "night_range": _norm_night,
    "clock": _norm_clock,
    "duration_clock": _norm_duration_clock,
    "clock_hours": _norm_clock,
    "clock_range_first": _norm_clock,
    "clock_word": _norm_clock_word,
    "clock_hours_half": _norm_clock,
    "clock_word_bare": _norm_clock_word,
    "duration": _norm_duration,
    "duration_half": _norm_duration_half,
    "duration_named": _norm_named_duration,
    "duration_long": _norm_duration,
    "duration_quarter_hour": _norm_quarter_hour,
    "duration_whole": _norm_whole,
    "recent_span": _norm_recent_span,
    "span_after": _norm_recent_span,
    "span_after_de": _norm_recent_span,
    "recent_span_de": _norm_recent_span,
    "holiday": _norm_holiday,
    "holiday_article": _norm_holiday,
    "ago": _norm_ago,
    "set_each": _norm_set,
    "set_all": _norm_set,
    "set_per": _norm_set,
    "set_plural_day": _norm_set,
    "set_adverb": _norm_set_adverb,
    "vague": _norm_vague,
    "vague_epoch": _norm_epoch,
    "mod": _norm_helper,
}


# --------------------------------------------------------------------------- found & merging


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    value: _Value
    rule: str
    helper: bool


def _day_of(value: str) -> datetime.date | None:
    found = _DAY_VALUE.match(value)
    if not found:
        return None
    return _safe_date(int(found.group(1)), int(found.group(2)), int(found.group(3)))


# "la nuit de vendredi à samedi", "dans la nuit du 23 au 24 avril": a night named by its two days.
_NIGHT_OF_TWO_DAYS = re.compile(r"\bnuit\s+(?:de|du)\s+\S+(?:\s+\S+)?\s+(?:à|au)\s+\S", _FLAGS)


def _normalise(text: str, reference: datetime.date | None,
               chosen: list[_Candidate]) -> list[_Found]:
    ctx = _Context(text, reference, _tense_markers(text))
    ctx.present_at = tuple(c.start for c in chosen if _speaks_of_present(c))
    found: list[_Found] = []
    yearless: list[bool] = []
    for candidate in chosen:
        ctx.span = (candidate.start, candidate.end)
        ctx.told = None
        value = _NORMALISERS[candidate.rule.name](candidate.match, ctx)
        if value is None:
            continue
        _follow_story(text, ctx, candidate, value)
        found.append(_Found(candidate.start, candidate.end, value, candidate.rule.name,
                            candidate.rule.helper))
        yearless.append(_is_yearless(candidate))
        day = _day_of(value.value)
        told_back = _NORMALISERS[candidate.rule.name] is _norm_narrday
        # "la veille du sommet" (the document's day, a guess) moves no story, nor does "La
        # veille, il avait hésité" (a look back); "Le lendemain", counted from a day the text
        # wrote, does ("Le lendemain, … Le même jour, …")
        explicit = not candidate.rule.helper and (
            value.anchor == "narrative" and day is not None and ctx.last_day is not None
            and day >= ctx.last_day if told_back else value.anchor == "document")
        if (day is not None and explicit and value.type in {"DATE", "TIME"}
                and _anchors_narrative(text, candidate.start)):
            ctx.last_day, ctx.last_day_at = day, candidate.start
            ctx.last_night = bool(_NIGHT_OF_TWO_DAYS.search(text, candidate.start, candidate.end))
    return _generic_sentences(text, ctx.markers, found, yearless)


# --------------------------------------------------------------------------- story time


def _follow_story(text: str, ctx: _Context, candidate: _Candidate, value: _Value) -> None:
    """Move the story time: to a date written with its year when it frames what is told, or to
    the day or month a year-less expression took from the story."""
    if ctx.told is not None:
        ctx.story = _Story(ctx.told[0], ctx.told[1], candidate.start)
        return
    if candidate.rule.helper or not _g(candidate.match, "y"):
        return
    found = re.match(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", value.value)
    if found is None:
        return
    year, month, day = found.groups()
    precision: Precision = "D" if day else "M" if month else "Y"
    if not _sets_story(text, candidate.start, candidate.end, precision):
        return
    moment = _safe_date(int(year), int(month or 1), int(day or 1))
    if moment is not None:
        ctx.story = _Story(moment, precision, candidate.start)


# words that make a date in their clause the bound of an interval, not the story's time
# ("depuis 2011", "entre 2008 et 2011", "d'avant 2014", "depuis son arrivée en octobre 2022")
_STORY_BOUND = re.compile(
    r"(?:^|\s|d')(?:depuis|jusqu'(?:à|au|en)?|à partir d[eu]|à compter d[eu]|dès|d'ici|avant|"
    r"après|entre)\s|(?:^|\s)à\s*$")
# "à 1 % au 1er janvier 2009", "du 3 au 25 janvier": the day something reaches or ends
_STORY_BOUND_DAY = re.compile(r"(?:^|\s)au\s*$")
# what may stand before a year or a month of the year that frames what follows: "En 2011, …",
# "Fin 2010, …", "Au printemps 2011, …", "C'est en janvier 2011 que…", "…, en 2011, …"
_STORY_FRAME = re.compile(
    r"^\s*(?:(?:et|mais|puis|or|ensuite|alors|déjà|enfin|ainsi|pourtant|cependant|toutefois|"
    r"c'est|c'était|ce fut|dès lors)\s+)*(?:(?:en|au|à|dans|vers|durant|pendant|courant|fin|"
    r"début|mi|milieu|au cours de|au début de|à la fin de|au milieu de|à la mi|au mois de|"
    r"le|la|l')\s*)*(?:l'année|l'an)?\s*$")


def _sets_story(text: str, start: int, end: int, precision: Precision) -> bool:
    """Whether a date written with its year sets the time of what the text goes on telling
    (``En janvier 2011, …``, ``le 25 janvier 2011``) rather than playing another part: the bound
    of an interval (``depuis 2011``, ``entre 2008 et 2011``, ``1981-2011``), a noun's complement
    (``la Constitution de 2012``, ``la révolution du 25 janvier 2011``), an aside (in
    parentheses, a detached participle ``Élu en 2012, …``, a relative clause ``, qui a été élu
    en 2012,``)."""
    low, _ = _sentence_bounds(text, start, end)
    before = text[low:start]
    if before.count("(") > before.count(")"):
        return False
    if re.search(r"\d\s*[-‐‑/]\s*$", before) or re.match(r"\s*[-‐‑/]\s*\d", text[end:]):
        return False
    segments = re.split(r"[,;:(—–]", before)
    segment = segments[-1]
    if len(segments) > 2 and _key(segments[-2].strip()) in _story_words("asides"):
        return False  # ", qui, en 1919, avait permis…": the relative pronoun stands alone
    if _STORY_BOUND.search(_key(segment)) or (
            text[start:end][:1].isdigit() and _STORY_BOUND_DAY.search(_key(segment))):
        return False
    if precision != "D" and not _STORY_FRAME.match(_key(segment)):
        return False  # "son arrivée au pouvoir en octobre 2022", "qu'en 2022 et en 2023"
    if _previous_word(text, start) in {"de", "d'", "du", "des"}:
        head = re.search(r"([\w'’]+)\s*(?:de\s|du\s|des\s|d['’])\s*$", before)
        if head is None or _key(head.group(1)) not in _story_words("period_heads"):
            return False
    first = re.match(r"\s*([^\W\d_]+)(?![\w'’])", segment)
    if first is None:
        return True
    word = _key(first.group(1))
    if word in _story_words("asides"):
        return False
    participle = (re.fullmatch(r"\w{2,}(?:é|ée|és|ées)", word) is not None
                  or word in _story_words("participles"))
    return not participle or word in _story_words("not_participles")


def _speaks_of_present(candidate: _Candidate) -> bool:
    """An expression counted from the document's date (``aujourd'hui``, ``mardi``, ``cette
    semaine``, ``l'an dernier``, ``actuellement``): the text is back at its own present."""
    match, name = candidate.match, candidate.rule.name
    if candidate.rule.helper:
        return False
    direction, narrative = _direction(_g(match, "dir"))
    if narrative:
        return False
    if name in {"relday", "weekday_day", "pod_this", "noon_this", "pod_last_night", "pod_of_rel",
                "ago", "recent_span", "recent_span_de", "present_until"}:
        return True
    if name == "weekday":
        if _previous_word(match.string, candidate.start) in {"un", "chaque"}:
            return False  # "le 25 janvier 2011, un mardi,": a day of the story
        return _key(_g(match, "det") or "") != "le" or direction != 0
    if name == "period_this":
        return not _g(match, "there")
    if name in {"period_dir", "month_dir", "date_dmy"}:
        return direction != 0
    if name in {"season_det", "season_prep"}:
        this = _key(_g(match, "det") or "") in _word_set("this_determiners")
        return direction != 0 or this
    if name == "vague":
        return _key(match.group("x")) in _story_words("present_words")
    return False


_YEARLESS_RULES = frozenset({"date_dmy", "date_range_first", "month_bare", "month_context",
                             "month_named"})


def _is_yearless(candidate: _Candidate) -> bool:
    """A day or month whose year the tagger chose (``le 15 juillet``, ``en juin``)."""
    match = candidate.match
    return candidate.rule.name in _YEARLESS_RULES and not any(
        _g(match, group) for group in ("y", "dir", "wd"))


def _generic_sentences(text: str, markers: list[tuple[int, int, Tense]], found: list[_Found],
                       yearless: list[bool]) -> list[_Found]:
    """In a present-tense sentence that speaks of a habit (a set, ``en été``), a day or a month
    without a year is any year's: "Pendant les mois d'été, et particulièrement entre le 15
    juillet et le 15 août, le camping affiche complet" → ``XXXX-07-15``."""
    result = list(found)
    for index, item in enumerate(found):
        if not yearless[index] or not re.match(r"^\d{4}-\d\d(?:-\d\d)?$", item.value.value):
            continue
        low, high = _sentence_bounds(text, item.start, item.end)
        if any(low <= start and end <= high for start, end, _ in markers):
            continue
        habitual = any(
            low <= other.start < high and not other.helper
            and (other.value.type == "SET" or other.value.value.startswith("XXXX-"))
            for other in found)
        if habitual:
            result[index] = replace(item, value=replace(
                item.value, value="XXXX" + item.value.value[4:]))
    return result


_MOD_GAP = re.compile(r"(?:\s*[-‐‑]\s*|\s+|\s+d(?:e|u|es)\s+|\s+d['’]\s*)", _FLAGS)
_WEEKLY = re.compile(r"^XXXX-WXX-\d$")
_TIME_GAP = re.compile(r"(?:,?\s+|\s+(?:à|au|en|dans|dès)\s+)", _FLAGS)
_DAY_LEVEL = re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)$")


def _merge_pair(text: str, first: _Found, second: _Found) -> _Found | None:
    gap = text[first.end : second.start]
    if first.rule == "mod" and _MOD_GAP.fullmatch(gap):
        usable = second.value.type == "DATE" and not second.value.vague and second.value.value
        if usable:
            return replace(second, start=first.start, helper=False)
    if second.value.type != "TIME" or "T" not in second.value.value:
        return None
    time_of_day = second.value.value.split("T", 1)[1]
    if (not first.helper and first.value.type == "SET" and _WEEKLY.match(first.value.value)
            and ":" not in time_of_day and gap.isspace()):
        # "le samedi matin", "tous les dimanches soir"
        return _Found(first.start, second.end, replace(
            first.value, value=f"{first.value.value}T{time_of_day}"), first.rule, False)
    if first.helper or first.value.type != "DATE" or not _DAY_LEVEL.match(first.value.value):
        return None
    # A part of day joins its day ("hier soir", "mardi en fin d'après-midi"); a clock time
    # stays apart ("samedi à 15 h", "hier vers 18 h": two expressions in French TimeBank),
    # except a bare "midi" right after the day ("mardi midi").
    # French TimeBank splits "samedi à 8 h" and "jeudi 23 mai, à 20 h 30" but keeps
    # "Hier à 10 h" whole: a relative day and its clock time directly joined by "à" are one.
    clock = ":" in time_of_day
    joined = (second.rule == "clock_word_bare" and gap.isspace()) or (
        first.rule == "relday" and re.fullmatch(r"\s+(?:à|(?-i:A))\s+", gap) is not None)
    if (clock and not joined) or not _TIME_GAP.fullmatch(gap):
        return None
    merged = replace(second.value, value=f"{first.value.value}T{time_of_day}",
                     anchor=first.value.anchor)
    return _Found(first.start, second.end, merged, second.rule, False)


def _merge(text: str, found: list[_Found]) -> list[_Found]:
    merged: list[_Found] = []
    for item in found:
        if merged:
            combined = _merge_pair(text, merged[-1], item)
            if combined is not None:
                merged[-1] = combined
                continue
        merged.append(item)
    return [item for item in merged if not item.helper]


# --------------------------------------------------------------------------- public API


def written_in_full(expression: str) -> bool:
    """Whether a time expression writes its day out ("le 28 janvier 2011", "28/01", "le 3
    mars"): a day number, unlike a bare weekday ("vendredi") or a relative word ("hier") that
    only the context places."""
    return bool(re.search(r"\d", expression) or _written_day().search(expression))


def bare_weekday(expression: str) -> bool:
    """A weekday without its day number ("vendredi", "mardi soir"): the tagger places it in
    the week around the article's date, a guess that a day written in full in the same
    sentence ("le 28 janvier 2011") outranks when the two disagree."""
    return not written_in_full(expression) and _weekday_word().search(expression) is not None


@cache
def _weekday_word() -> re.Pattern[str]:
    return re.compile(r"(?i)(?<!\w)" + _alt(_words("weekdays")) + r"(?!\w)")


@cache
def _written_day() -> re.Pattern[str]:
    """A day number in words before its month: "le premier mars", "le trente juin"."""
    numbers = [*_words("ordinals"), *_lexicon()["numbers"]]
    return re.compile(r"(?i)(?<!\w)(?:" + _alt(numbers) + r")\s+(?:"
                      + _alt(_lexicon()["months"]) + r")(?!\w)")


def tense_at(text: str, position: int) -> Tense | None:
    """The tense of the verb at ``position`` (the marker covering it, else the nearest one in
    its sentence, future first on ties), or the direction a governing preposition gives an
    expression starting there (``depuis``, ``d'ici``)."""
    governed = _governing_direction(text, position)
    if governed is not None:
        return governed
    low, high = _sentence_bounds(text, position, position + 1)
    best: tuple[int, int, Tense] | None = None
    for m_start, m_end, kind in _tense_markers(text[low:high]):
        m_start, m_end = m_start + low, m_end + low
        distance = 0 if m_start <= position < m_end else min(abs(m_start - position),
                                                             abs(position - m_end))
        rank = 0 if kind == "future" else 1
        if best is None or (distance, rank) < best[:2]:
            best = (distance, rank, kind)
    return best[2] if best else None


def find_times(text: str, reference: datetime.date | None) -> list[TimeExpr]:
    """Time expressions of a French text, sorted and non-overlapping, with TIMEX3 values.

    ``reference`` is the document date (publication date) relative expressions resolve
    against; without it they get ``XXXX-XX-XX`` placeholders, absolute ones still resolve.
    """
    chosen = _select(_candidates(text))
    found = _merge(text, _normalise(text, reference, chosen))
    return [
        TimeExpr(
            start=item.start,
            end=item.end,
            text=text[item.start : item.end],
            type=item.value.type,
            value=item.value.value,
            anchor=item.value.anchor,
            vague=item.value.vague,
        )
        for item in found
    ]
