"""Cleaning of plain text copied from French news websites.

No HTML structure helps here: each line is judged from its own words (share buttons, menus,
subscription offers, credits…) and from its place in the page (before the headline, repeated,
after the article's end: an end marker, or three lines of page chrome in a row, after which
only real paragraphs count as article and a thread announced as comments is comments).
Hard-wrapped text is joined back into lines first. Every non-blank input line ends up either in
the body, as the title, or in ``removed`` with a reason, so nothing given is silently lost;
stamps, bylines and datelines also become the article's metadata.

Language resources (word lists) live in ``data/debris_fr.json``; the only I/O is reading it.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from filrouge.ingest.dates import (
    DateMatch,
    find_dates,
    infer_year,
    unix_epoch_date,
    weekdays,
    years_mentioned,
)
from filrouge.model import Published, Removed

# How sure a publication day is, by where it was read.
TIMESTAMP_CONFIDENCE = 0.9  # a declared stamp: "Publié le 3 mars 2021 à 10h"
DATELINE_CONFIDENCE = 0.8  # "VILNIUS, 11 juillet (AFP) -", "22 mai 2012. -"
BARE_STAMP_CONFIDENCE = 0.75  # a date alone near the top: "30-06-13 à 17h43"
UPDATE_STAMP_CONFIDENCE = 0.7  # only an update is stated: "Mis à jour le …"
CITATION_CONFIDENCE = 0.7  # the page cites itself: "Source : « Titre », Journal, 11 mai 2011"
INFERRED_YEAR_CONFIDENCE = 0.5  # "Mercredi 30 janvier": the year from the weekday
# Bare stamps that belong to a list of dated items at the top (related videos, other articles):
# they tell the article's day only because they agree, so they count less than a stamp of its own.
LIST_STAMP_CONFIDENCE = 0.6

# A line is "body-like" when it reads as prose: this many words, or a finished sentence.
PARAGRAPH_MIN_WORDS = 25
SENTENCE_MIN_WORDS = 12
HEADLINE_MAX_WORDS = 30
# Lines this short may be debris even though a debris word is only part of them.
SHORT_LINE_WORDS = 15
# A footer marker only ends the article once this much body has been read.
FOOTER_MIN_BODY_WORDS = 60
# Undeclared stamps (a bare date) count only this many lines past the first paragraph.
HEAD_EXTRA_LINES = 3
# This many headline-like lines in a row make a list of links.
LINK_LIST_MIN_RUN = 3
# Datelines are looked for in the first few body paragraphs.
DATELINE_SEARCH_PARAGRAPHS = 3
# A run this long of headline-like lines is a list of links wherever it stands after the body
# has started (shorter runs only count before or after all the prose).
LONG_LINK_RUN = 6
# The article ends at the first run of this many page-chrome lines in a row...
END_RUN = 3
# ...once this much body has been read; after it, text resumes only as real paragraphs.
END_MIN_BODY_WORDS = 80
# A "Lire aussi :" header owns at most this many link lines after it.
READ_ALSO_MAX_LINKS = 8
# Specific interface phrases this long mark a line by themselves, even a full sentence.
LONG_UI_PHRASE = 20
# A caption carrying its own credit is at most this long.
CAPTION_MAX_WORDS = 45
# Hard-wrapped text: lines cut at a width this narrow at most, nearly all of them within the
# width, most of them in its upper band, and this share of them running on in lower case.
WRAP_MAX_WIDTH = 100
WRAP_MIN_LINES = 20
WRAP_BAND = 0.6
WRAP_MIN_RUN_ON = 0.3


@dataclass(frozen=True)
class Cleaned:
    """The article body and what was taken out of the raw text."""

    text: str
    title: str | None
    byline: str | None
    removed: list[Removed]
    published: Published
    dateline: str | None
    outlet: str | None = None  # the site the page names in its own chrome (copyright, cookies…)


# ---------------------------------------------------------------------------------------------
# Resources


@dataclass(frozen=True)
class _Vocab:
    share: re.Pattern[str]
    menu: re.Pattern[str]
    comments: re.Pattern[str]
    read_also: tuple[str, ...]
    subscription: re.Pattern[str]
    cookie_terms: re.Pattern[str]
    cookie_context: re.Pattern[str]
    photo_prefix: re.Pattern[str]
    agencies: re.Pattern[str]
    agency_names: tuple[str, ...]
    lone_words: frozenset[str]
    ui_phrases: tuple[str, ...]
    footer_markers: tuple[str, ...]
    byline_roles: re.Pattern[str]
    published_kw: re.Pattern[str]
    updated_kw: re.Pattern[str]
    series_notes: tuple[str, ...]


def _strings(data: dict[str, object], key: str) -> list[str]:
    raw = data[key]
    assert isinstance(raw, list)
    return [_norm(str(x)) for x in raw]


def _alternation(phrases: Iterable[str], *, after_digit: bool = False) -> re.Pattern[str]:
    """Whole-phrase matcher, longest phrase first, bounded by non-word characters (or, with
    ``after_digit``, also right after a digit: "10:45publié le" as copied from some pages)."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    body = "|".join(re.escape(p) for p in ordered if p)
    before = r"(?<![^\W\d_])(?<!')" if after_digit else r"(?<![\w'])"
    return re.compile(rf"{before}(?:{body})(?![\w'])")


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    text = resources.files("filrouge").joinpath("data/debris_fr.json").read_text("utf-8")
    data: dict[str, object] = json.loads(text)
    kw = data["timestamp_keywords"]
    assert isinstance(kw, dict)
    agencies = _strings(data, "photo_agencies")
    agency_names = (
        tuple(str(a) for a in data["agencies"]) if isinstance(data["agencies"], list) else ()
    )
    return _Vocab(
        share=_alternation(_strings(data, "share")),
        menu=_alternation(_strings(data, "menu")),
        comments=_alternation(_strings(data, "comments")),
        read_also=tuple(sorted(_strings(data, "read_also"), key=len, reverse=True)),
        subscription=_alternation(_strings(data, "subscription")),
        cookie_terms=_alternation(_strings(data, "cookie_terms")),
        cookie_context=_alternation(_strings(data, "cookie_context")),
        photo_prefix=re.compile(
            r"^(?:"
            + "|".join(
                re.escape(p)
                for p in sorted(_strings(data, "photo_credit_prefixes"), key=len, reverse=True)
            )
            + r")\s*(?:[:/©|]|$)"
        ),
        agencies=_alternation(agencies + [_norm(a) for a in agency_names]),
        agency_names=agency_names,
        lone_words=frozenset(_strings(data, "lone_words")),
        ui_phrases=tuple(_strings(data, "ui_phrases")),
        footer_markers=tuple(_strings(data, "footer_markers")),
        byline_roles=_alternation(_strings(data, "byline_roles")),
        published_kw=_alternation((_norm(str(x)) for x in kw["published"]), after_digit=True),
        updated_kw=_alternation((_norm(str(x)) for x in kw["updated"]), after_digit=True),
        series_notes=tuple(_strings(data, "series_notes")),
    )


# ---------------------------------------------------------------------------------------------
# Line features

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007\u200b\u200e\u200f\ufeff]+")
_WORD = re.compile(r"[\w][\w'’\-]*")
_SEPARATORS = re.compile(r"[|/>›»«•·,;:\-–—→()\[\]!?.…*+=_~\"“”'’]+")
_SENTENCE_END = re.compile(r"[.!…](?:\s*[»\"”)\]])*$")
_TERMINAL = re.compile(r"[.!?…:;»\"”)\]](?:\s*[»\"”)\]])*$")
_TIME = re.compile(r"(?<!\d)(?:[01]?\d|2[0-3])\s*(?:h|:|H)\s*(?:[0-5]\d)?(?::[0-5]\d)?(?!\d)")
_HASHTAG_TOKEN = re.compile(r"^[#＃][\w\-’']+[,.;]?$")
_CAPITALISED = re.compile(r"^[A-ZÀ-ÝŒ][\w'’.\-]*$")
_NAME_CONNECTORS = frozenset(
    {
        "et",
        "avec",
        "de",
        "du",
        "des",
        "la",
        "le",
        "les",
        "l'",
        "d'",
        "van",
        "von",
        "der",
        "ben",
        "el",
        "al",
        "ibn",
        "bin",
        "&",
        "notre",
        "nos",
        "à",
        "au",
        "aux",
        "en",
        "par",
        "pour",
    }
)
_RELATIVE_STAMP = re.compile(
    r"^(?:today|aujourd'hui|hier|yesterday|ce matin|ce soir)(?:\s*(?:à|,|-))?\s*"
    r"(?:\d{1,2}\s*[h:]\s*\d{0,2})?$|^il y a \d+\s*(?:s|sec|secondes?|min|minutes?|h|heures?|"
    r"jours?|j)$"
)
_PAREN = re.compile(r"\([^)]*\)")
# "kammal2005 21 hours ago", "il y a 3 heures": a relative stamp closing a short line.
_AGO = re.compile(
    r"(?:\b(?:\d+|an?|one)\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|"
    r"months?|years?)\s+ago|\bil y a\s+\d+\s*(?:secondes?|minutes?|min|heures?|h|jours?|"
    r"semaines?|mois|ans?))\s*$"
)
# Marks of a social-media post (quoted tweets are content, never captions or titles).
_SOCIAL = re.compile(r"(?:^|\s)[#@][\w]|https?://|www\.")
# A caption ending with its credit: "… Photo de X, sous licence CC BY 2.0", "… (NOM / AGENCE)".
_CAPS = r"[A-ZÀ-ÝŒ][A-ZÀ-ÝŒ0-9.'’\-]+"
_CREDIT_TAIL = re.compile(
    r"(?:(?:^|[.,;:)\]\-–—]\s+)(?:[Pp]hotos?|[Ii]mages?|[Cc]r[ée]dits?|[Ii]llustration|[Vv]idéo)"
    r"\s*(?:de|par|:|©)\s*[\"“«]?\s*[A-ZÀ-ÝŒ@][^.!?«»]{0,90}"
    r"|\(\s*CC[ -]BY[^)]*\)|licence\s+CC[ -]BY[\w.\- ]*"
    rf"|\(\s*(?:{_CAPS}\s+{_CAPS}[A-ZÀ-ÝŒ .'’\-]*/\s*{_CAPS}[A-ZÀ-ÝŒ0-9 .'’\-]*"
    rf"|{_CAPS}\s*/\s*{_CAPS}\s+{_CAPS}[A-ZÀ-ÝŒ0-9 .'’\-]*)\))\s*\.?$"
)
# "(Traduit de l'anglais par X)", "Traduction : X", "Adapté par X".
_TRANSLATION = re.compile(
    r"^\(?\s*(?i:traduit|traduite|traduction|adapté|adaptée|adaptation)\b[^()]{0,60}?"
    r"(?:\bpar\b|:)\s*[A-ZÀ-ÝŒ][^()]{0,60}\)?\.?$"
)
# Wire-copy credits: "(Reportage X, avec Y à Rome ; édité par Z)", "Édité par M. Keane.",
# "Cet article a été traduit automatiquement de l'anglais.", desk initials "pz/dab".
_WIRE_CREDIT = re.compile(
    r"^\(\s*(?i:reportage|rédigé|rédaction|édité|édition|avec|version|texte|traduit|traduction)"
    r"\b[^()]*\)\.?$"
    r"|(?i:(?<![\w'])[ée]dité par\s+[A-ZÀ-ÝŒ]|traduite? automatiquement)"
    r"|^[a-z]{2,5}(?:[/-][a-z]{2,5}){1,3}$"
)
# Two sentences in one line ("… chemin. Mais …"): a standfirst, not a headline. A capitalised
# kicker before the stop ("REPORTAGE. …", "VIDÉO. …") does not count.
_TWO_SENTENCES = re.compile(r"[a-zà-ÿ]{2,}[.!?…]\s+[«\"“]?\s*[A-ZÀ-ÝŒ]")


# Small words that glue share buttons into a phrase ("Envoyer par courriel", "Partagez cet
# article", "sur les réseaux sociaux") and their counters ("Réagir (14)"): a line of share
# phrases and these is still buttons.
_SHARE_GLUE = (
    r"(?<![\w'])(?:par|sur|via|à|au|aux|avec|et|ou|ce|cet|cette|le|la|les|l'|de|du|des|vos|votre|"
    r"amis|article|réseaux|sociaux|\d+)(?![\w])"
)


def _norm(s: str) -> str:
    """Comparable form of a line: NFC, one space, straight apostrophes, case-folded."""
    s = unicodedata.normalize("NFC", s).replace("’", "'").replace("ʼ", "'")
    return _SPACES.sub(" ", s).strip().casefold()


def normal_line(line: str) -> str:
    """The form under which lines are compared (white space, apostrophes and case ignored)."""
    return _norm(line)


def _words(s: str) -> list[str]:
    return _WORD.findall(s)


def _only_phrases(norm: str, pattern: re.Pattern[str], extra: str = "") -> tuple[bool, float]:
    """Is the line made only of the pattern's phrases and separators? And which share of words."""
    total = len(_words(norm))
    if total == 0:
        return False, 0.0
    rest = pattern.sub(" ", norm)
    if extra:
        rest = re.sub(extra, " ", rest)
    rest = _SEPARATORS.sub(" ", rest)
    left = len(_words(rest))
    return left == 0, 1.0 - left / total


@dataclass
class _Line:
    number: int  # 1-based line number in the normalised input
    raw: str  # the line without surrounding white space
    norm: str
    block: int  # blank-line separated block
    words: int
    reason: str | None = None
    stamp: _Stamp | None = None
    byline: str | None = None
    listed: bool = False  # a headline in a list of dated items (never the title)
    # Hard-wrapped text: the physical lines (number, text) joined into this one.
    parts: tuple[tuple[int, str], ...] = ()

    @property
    def last(self) -> int:
        """The number of the last physical line this line spans."""
        return self.parts[-1][0] if self.parts else self.number

    @property
    def flat(self) -> str:
        """The line with white space collapsed; stamp offsets refer to it."""
        return _SPACES.sub(" ", self.raw).strip()

    @property
    def is_sentence(self) -> bool:
        return bool(_SENTENCE_END.search(self.raw)) and self.words >= SENTENCE_MIN_WORDS

    @property
    def paragraph_like(self) -> bool:
        return self.words >= PARAGRAPH_MIN_WORDS or self.is_sentence

    @property
    def headline_like(self) -> bool:
        raw = self.raw
        if not 2 <= self.words <= HEADLINE_MAX_WORDS or len(raw) > 250:
            return False
        if raw.endswith((":", ";", ",", ".", "…")):
            return False
        return not raw[0].islower()


@dataclass
class _Stamp:
    date: DateMatch | None
    published: bool  # the date follows a "publié"-like word (not "mis à jour")
    strong: bool = True  # said to be a publication stamp ("Publié le", a byline), not only a date
    timed: bool = False  # carries a time of day
    listed: bool = False  # dates an item of a list at the top, not the article itself


# ---------------------------------------------------------------------------------------------
# Line rules (context free)


# A full date opening a short line may carry a section or reading-time label after it.
HEADER_LABEL_MAX_WORDS = 4


def _timestamp(line: _Line, reference_year: int | None) -> _Stamp | None:
    """A publication/update stamp: "Publié le …", "30-06-13 à 17h43", "le 2 mai 2013 à 9:30"…"""
    v = _vocab()
    norm = line.norm
    epoch = unix_epoch_date(norm)
    if epoch is not None:
        return _Stamp(DateMatch(0, len(line.raw), line.raw, epoch, True), True, True, True)
    if _RELATIVE_STAMP.match(norm) or (line.words <= 6 and _AGO.search(norm)):
        return _Stamp(None, True)
    if line.words > HEADLINE_MAX_WORDS or norm.endswith(":"):
        return None
    flat = line.flat
    low = flat.lower().replace("’", "'")  # same offsets as ``flat``
    dates = find_dates(flat, reference_year)
    kw_pub = list(v.published_kw.finditer(low))
    kw_upd = list(v.updated_kw.finditer(low))
    lead = len(low) - len(low.lstrip(" -–—|:•·>»"))
    starts_with_kw = any(m.start() == lead for m in kw_pub + kw_upd)
    has_time = bool(_TIME.search(low))
    # What is left once dates, times, stamp words and separators are gone.
    rest = low
    for d in sorted(dates, key=lambda d: -d.start):
        rest = rest[: d.start] + " " + rest[d.end :]
    rest = v.published_kw.sub(" ", rest)
    rest = v.updated_kw.sub(" ", rest)
    rest = _TIME.sub(" ", rest)
    rest = re.sub(
        r"(?<!\w)(?:le|à|a|du|de|et|ce|depuis|dès|heure|heures|gmt|utc|cet|cest|cest)(?!\w)",
        " ",
        rest,
    )
    rest = re.sub("|".join(weekdays()), " ", rest)
    leftover = len(_words(_SEPARATORS.sub(" ", rest)))

    strong = bool(kw_pub or kw_upd)

    def pick() -> _Stamp:
        if not dates:
            return _Stamp(None, bool(kw_pub), strong, has_time)
        for d in dates:
            before = low[max(0, d.start - 40) : d.start]
            if v.published_kw.search(before) and not v.updated_kw.search(before[-20:]):
                return _Stamp(d, True, strong, has_time)
        dated = [d for d in dates if d.date is not None]
        first = dates[0]
        for d in dated:
            if first.date is None or (d.date is not None and d.date < first.date):
                first = d
        return _Stamp(first, bool(kw_pub), strong, has_time)

    if starts_with_kw and (dates or has_time or line.words <= 6):
        return pick()
    if dates and leftover == 0:
        return pick()
    if (dates and dates[0].start == lead == 0 and dates[0].has_year
            and dates[0].date is not None and low.startswith(weekdays())
            and leftover <= HEADER_LABEL_MAX_WORDS and not line.is_sentence):
        # a dated page header: "Lundi 30 juin 2025 — Monde", "… | Temps de lecture : 5 min";
        # not "— 23 juillet 2020 — Temps de lecture" under each item of a list of links
        return pick()
    if dates and (kw_pub or kw_upd) and line.words <= HEADLINE_MAX_WORDS and not line.is_sentence:
        return pick()
    if dates and has_time and line.words <= 20 and not line.is_sentence:
        return pick()
    return None


_BYLINE_START = re.compile(
    r"^(?:par|by|de|texte|textes|propos recueillis par)\s*:?\s+", re.IGNORECASE
)


def _name_part(text: str) -> str | None:
    """The author names at the start of ``text`` (up to a date, a comma or a stamp word)."""
    v = _vocab()
    text = _PAREN.sub(" ", text)
    cut = len(text)
    for pattern in (v.published_kw, v.updated_kw):
        m = pattern.search(text.casefold().replace("’", "'"))
        if m:
            cut = min(cut, m.start())
    for d in find_dates(text):
        cut = min(cut, d.start)
    for sep in (",", "|", " — ", " – ", " - ", ":"):
        i = text.find(sep)
        if i != -1:
            cut = min(cut, i)
    name = re.sub(r"\s+(?:le|la|les)\s*$", "", text[:cut].strip(), flags=re.IGNORECASE)
    name = _SPACES.sub(" ", name).strip(" -–—|,")
    tokens = name.split()
    if not tokens or len(tokens) > 9:
        return None
    caps = 0
    for tok in tokens:
        low = tok.casefold().replace("’", "'")
        if low in _NAME_CONNECTORS or v.byline_roles.fullmatch(low):
            continue
        if _CAPITALISED.match(tok) or tok.isupper():
            caps += 1
        elif not low.startswith(("l'", "d'")):
            return None
    return name if caps else None


def _byline(line: _Line, *, top: bool = False) -> str | None:
    """ "Par Claire Dubois", "Par Julien Marchal avec AFP", "Par L'Obs" → the names. At the top
    of the article a description may follow: "Par Zoé Marin, ancienne diplomate."."""
    if line.words > HEADLINE_MAX_WORDS or (line.raw.endswith(".") and line.words > 8 and not top):
        return None
    m = _BYLINE_START.match(line.raw)
    if not m:
        return None
    rest = line.raw[m.end() :].strip()
    if not rest:
        return None
    lead = m.group(0).strip().casefold()
    if lead == "de" and not _vocab().byline_roles.search(_norm(rest)) and len(rest.split()) > 4:
        return None
    name = _name_part(rest)
    if name is None and lead == "de" and _vocab().byline_roles.match(_norm(rest)):
        return rest
    return name


def _role_byline(line: _Line) -> str | None:
    """ "Claire Dubois, envoyée spéciale à Vilnius", "Envoyé spécial au Caire" (top only)."""
    if line.words > 12 or line.raw.endswith((".", ":")):
        return None
    v = _vocab()
    if v.byline_roles.match(line.norm) or re.match(r"^(?:de )?(?:notre|nos) ", line.norm):
        return line.raw if v.byline_roles.search(line.norm) else None
    if "," not in line.raw:
        return None
    head, tail = line.raw.split(",", 1)
    if not v.byline_roles.match(_norm(tail)):
        return None
    return _name_part(head)


def _read_also(line: _Line) -> bool:
    norm = line.norm
    for prefix in _vocab().read_also:
        if norm.startswith(prefix):
            rest = norm[len(prefix) :]
            if rest and (rest[0].isalnum() and not prefix.endswith(":")):
                continue
            if not rest.strip() or re.match(r"^\s*[:|\-–—»>›]", rest):
                return True
            return line.words <= 25 and not line.raw.endswith(".")
    return False


def _series_note(line: _Line) -> bool:
    """"Ce billet fait partie de notre dossier…": the site's note on a series, not the story."""
    if line.words > 40:
        return False
    return any(
        line.norm.startswith(note) or (line.words <= 25 and note in line.norm)
        for note in _vocab().series_notes
    )


def _subscription(line: _Line) -> bool:
    v = _vocab()
    hits = list(v.subscription.finditer(line.norm))
    if not hits:
        return False
    if hits[0].start() <= 2 and line.words <= 30:
        return True
    if line.words <= 30 and not line.is_sentence:
        return True
    return len(hits) >= 2 and line.words <= 60


def _cookie(line: _Line) -> bool:
    v = _vocab()
    if not v.cookie_terms.search(line.norm) or line.words > 90:
        return False
    context = len(v.cookie_context.findall(line.norm))
    return line.words <= 6 or context >= 2 or (context >= 1 and not line.is_sentence)


def _comments(line: _Line) -> bool:
    v = _vocab()
    only, _ = _only_phrases(line.norm, v.comments, extra=r"\d+")
    if only and line.words <= 8 and v.comments.search(line.norm):
        return True
    # A long, specific phrase ("veuillez laisser ce champ vide") marks a form line by itself.
    return line.words <= 40 and any(len(m.group(0)) >= 15 for m in v.comments.finditer(line.norm))


def _photo_credit(line: _Line) -> str | None:
    v = _vocab()
    norm = line.norm
    social = bool(_SOCIAL.search(line.raw))
    if (
        not social
        and line.words <= CAPTION_MAX_WORDS
        and _CREDIT_TAIL.search(line.raw)
        and not v.photo_prefix.match(norm)
    ):
        return "caption"
    if line.words > 25:
        return None
    if norm.startswith("©") or "copyright" in norm or "tous droits réservés" in norm:
        return "copyright"
    if v.photo_prefix.match(norm) and not social:
        return "photo-credit"
    if "©" in norm and line.words <= 20:
        return "photo-credit"
    agency = v.agencies.pattern
    if line.words <= 12 and re.search(
        rf"(?:/\s*(?:{agency})(?!\w))|(?:(?<!\w)(?:{agency})\s*/)", norm
    ):
        return "photo-credit"
    if re.search(r"\s[-–]\s*[-–]$", line.raw):  # caption whose credit was stripped: "… - -"
        return "photo-credit"
    return None


def _menu(line: _Line) -> bool:
    v = _vocab()
    if line.words > 25:
        return False
    found = v.menu.findall(line.norm)
    if len(found) < 2:
        return False
    only, _ = _only_phrases(line.norm, v.menu)
    if only:
        return True
    # Breadcrumb: "Accueil > Monde > …" or "Accueil Société Actu mondiale <title>".
    return line.norm.startswith("accueil") and bool(v.menu.match(line.norm, len("accueil") + 1))


@lru_cache(maxsize=1)
def _long_ui_phrases() -> tuple[str, ...]:
    return tuple(p for p in _vocab().ui_phrases if len(p) >= LONG_UI_PHRASE)


def _ui(line: _Line) -> bool:
    norm = line.norm
    if line.words <= 4 and "newsletter" in norm:
        return True
    if line.words > 2 * SHORT_LINE_WORDS:
        return False
    short = line.words <= SHORT_LINE_WORDS and not line.is_sentence
    if not short:  # longer lines and sentences: only a long, specific phrase opening the line
        return any(norm.startswith(phrase) for phrase in _long_ui_phrases())
    for phrase in _vocab().ui_phrases:
        if " " not in phrase and line.words > 4:  # a lone word ("suivez") only heads short lines
            continue
        if norm.startswith(phrase) or (line.words <= 8 and phrase in norm and len(phrase) > 12):
            return True
        if len(phrase) >= LONG_UI_PHRASE and line.words <= SHORT_LINE_WORDS and phrase in norm:
            return True
    return False


def _lone(line: _Line) -> bool:
    norm = line.norm.strip(" .:!")
    if norm in _vocab().lone_words:
        return True
    return not _words(line.norm)  # only symbols: "***", "—", "•"


@lru_cache(maxsize=1)
def _agency_dateline_pattern() -> re.Pattern[str]:
    names = "|".join(re.escape(a) for a in _vocab().agency_names)
    return re.compile(
        rf"(?:à\s+)?[\w' \-]{{2,40}}\s*\((?:{names})(?:\s*[/,-]\s*\w+)*\)\s*[-–—:]?"
    )


def _agency_dateline(line: _Line) -> bool:
    """A location/agency line alone: "à Le Caire (AFP)", "VILNIUS (AFP)"."""
    return line.words <= 8 and bool(_agency_dateline_pattern().fullmatch(line.raw))


def _classify(line: _Line, reference_year: int | None) -> str | None:
    v = _vocab()
    norm = line.norm
    if not _words(norm):
        return "lone-word"  # only symbols: "***", "—", "- - -"
    tokens = line.raw.split()
    if tokens and all(_HASHTAG_TOKEN.match(t) for t in tokens):
        return "hashtags"
    byline = _byline(line)
    stamp = _timestamp(line, reference_year)
    if byline is not None:
        line.byline = byline
        if stamp is not None and stamp.date is not None:
            line.stamp = stamp
            return "timestamp"
        dates = find_dates(line.raw, reference_year)
        if dates:
            line.stamp = _Stamp(dates[0], True, True, bool(_TIME.search(norm)))
        return "byline"
    if stamp is not None:
        line.stamp = stamp
        if stamp.date is not None:
            prefix = line.flat[: stamp.date.start]
            segment = re.split(r"[—–|]| - ", prefix)[0]
            name = _name_part(segment) if segment.strip() and ":" not in segment else None
            if name and not v.published_kw.search(_norm(name)):
                line.byline = name
        return "timestamp"
    if line.words <= SHORT_LINE_WORDS and not line.is_sentence and v.share.search(norm):
        only, _ = _only_phrases(norm, v.share, extra=_SHARE_GLUE)
        if only:
            return "share-buttons"
    if _series_note(line):
        return "series-note"
    if _read_also(line):
        return "read-also"
    if line.words <= 15 and _TRANSLATION.match(line.raw):
        return "credit"
    if line.words <= 30 and _WIRE_CREDIT.search(line.raw):
        return "credit"
    if _cookie(line):
        return "cookie-notice"
    if _subscription(line):
        return "subscription"
    if _comments(line):
        return "comments"
    credit = _photo_credit(line)
    if credit:
        return credit
    if _menu(line):
        return "menu"
    if _lone(line):
        return "lone-word"
    if _ui(line):
        return "interface"
    if _agency_dateline(line):
        return "dateline"
    return None


# ---------------------------------------------------------------------------------------------
# Outlet: the site a page names in its own chrome

# The name ends at a year, a legal form, a notice, a credit or a separator.
_NAME_END = (
    r"(?=\s*(?:[(,;|]|\s[-–—]\s|\s[-–—]$|\d{4}|\binc\b|\bsa\b|\bsas\b|\bltd\b"
    r"|tous droits|all rights|\.\s|\.$|$))"
)
_NAME = r"(?P<name>[A-Z0-9À-ÝŒ][\w'’&+.\- ]{1,40}?)"
# "© Copyright 2006-2020 Le Journal.com. Tous droits réservés", "Copyright : Le Courrier, 2013".
_COPYRIGHT_NAME = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:(?:©|copyright)\s*)?[:]?\s*"
    r"(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*[-–,]?\s*)?" + _NAME + _NAME_END,
    re.IGNORECASE,
)
# "Le Journal du Nord © 2025 – Tous droits réservés".
_NAME_BEFORE_COPYRIGHT = re.compile(r"^" + _NAME + r"\s*(?:©|\(c\)|copyright)\s*\d{4}", re.I)
# "Le Journal utilise des cookies pour …", "Le Journal utilise les technologies du logiciel libre".
_SITE_USES = re.compile(
    r"^" + _NAME + r"\s+utilise\s+(?:des|les)\s+(?:cookies|traceurs|technologies)\b"
)
# "Avec un compte LeJournal.fr", "Tout le site lejournal.fr accessible…", "Tu aimes lejournal.com ?"
_HOST = re.compile(
    r"(?<![\w@/.])(?P<name>[A-Za-zÀ-ÿ][\w\-]{1,40}\.(?:fr|com|be|ch|ca|org|net|info|ma|dz|tn|"
    r"sn|ci|lu|eu|io|tv))(?![\w.])"
)
_HOST_CONTEXT = re.compile(r"\b(?:compte|site|abonn\w*|aimes?|newsletter)\b", re.IGNORECASE)
# "À propos de la Radio du Nord" in a footer.
_ABOUT = re.compile(r"^(?i:à|a) (?i:propos) (?i:de|du|des|d['’])\s*(?i:la |le |l['’])?"
                    r"(?P<name>[A-Z0-9À-ÝŒ][\w'’&.\-]*(?: [A-Z0-9À-ÝŒ][\w'’&.\-]*){0,3})$")
# "Ce billet fait partie du dossier spécial de Le Réseau sur …"
_SERIES_OF = re.compile(r"\b(?:dossier|série|rubrique)\b[^.]{0,40}?\b(?:de|du)\s+"
                        r"(?P<name>[A-Z][\w'’&.\-]*(?: [A-Z][\w'’&.\-]*){0,3})")
# Reasons of the lines an outlet may be read from: the page's own chrome, never the article
# body, captions or photo credits (an agency or a photographer), nor comments.
_OUTLET_REASONS = frozenset({"copyright", "credit", "cookie-notice", "footer", "interface",
                             "subscription", "menu", "navigation", "related-links",
                             "series-note"})
# Words that are not names of a site however they are capitalised.
_NOT_OUTLET = frozenset({"ce site", "notre site", "nous", "le site", "ce site web", "site",
                         "l'auteur", "auteur", "nous contacter", "contact"})


@lru_cache(maxsize=1)
def _agency_norms() -> frozenset[str]:
    return frozenset(_norm(a) for a in _vocab().agency_names)


def _outlet_name(name: str) -> str | None:
    name = _SPACES.sub(" ", name).strip(" -–—.,:;'’")
    low = _norm(name)
    if len(name) < 2 or low in _NOT_OUTLET or low in _agency_norms():
        return None  # a news agency is a source of the text, not the site that published it
    return name


# What makes a "© …" line a site's notice rather than a photographer's credit, wherever it stands.
_NOTICE = re.compile(r"copyright|droits|rights|\d{4}|\.(?:fr|com|be|ch|ca|org|net)\b", re.I)


def _outlet_from(line: _Line, among_links: bool, after_body: bool) -> tuple[int, str] | None:
    """(rank, name) when ``line`` names the site: a copyright notice (rank 0), a cookie notice
    ("Le Journal utilise des cookies") or "À propos de …" after the article (1), an account or
    a site named by its host ("votre compte lejournal.fr") (2), the series the page belongs to
    (3). ``among_links``: the line stands after the article among other page links (a lone
    "À propos de …" inside swept text may be a reader's comment). A bare "© Name" counts only
    after the article (in it, it credits a photograph)."""
    raw = line.flat
    reason = line.reason or ""
    if (reason in ("copyright", "credit", "footer") and "/" not in raw and line.words <= 20
            and (after_body or _NOTICE.search(raw))):
        m = _COPYRIGHT_NAME.match(raw) or _NAME_BEFORE_COPYRIGHT.match(raw)
        if m and (name := _outlet_name(m.group("name"))):
            return 0, name
    if reason in ("cookie-notice", "footer", "interface"):
        m = _SITE_USES.match(raw)
        if m and (name := _outlet_name(m.group("name"))):
            return 1, name
    if among_links and line.words <= 6:
        m = _ABOUT.match(raw)
        if m and (name := _outlet_name(m.group("name"))):
            return 1, name
    if reason in ("interface", "subscription") and line.words <= 30:
        m = _HOST.search(raw)
        if m and _HOST_CONTEXT.search(raw) and (name := _outlet_name(m.group("name"))):
            return 2, name
    if reason == "series-note":
        m = _SERIES_OF.search(raw)
        if m and (name := _outlet_name(m.group("name"))):
            return 3, name
    return None


def _find_outlet(lines: list[_Line]) -> str | None:
    """The site the page names in its own chrome, the most trusted kind of line first, then
    the name given most often, then the first."""
    found: list[tuple[int, str]] = []
    body = [i for i, line in enumerate(lines) if line.reason is None]
    body_end = body[-1] if body else -1
    links = _CHROME_REASONS - {"footer", "comments"}

    def among_links(i: int) -> bool:
        if i <= body_end:
            return False
        if lines[i].reason in links:
            return True
        return any(0 <= j < len(lines) and lines[j].reason in links for j in (i - 1, i + 1))

    for i, line in enumerate(lines):
        if line.reason in _OUTLET_REASONS:
            named = _outlet_from(line, among_links(i), i > body_end)
            if named is not None:
                found.append(named)
    if not found:
        return None
    best = min(rank for rank, _ in found)
    names = [name for rank, name in found if rank == best]
    return max(names, key=lambda n: (names.count(n), -names.index(n)))


# ---------------------------------------------------------------------------------------------
# Dateline


@lru_cache(maxsize=1)
def _dateline_pattern() -> re.Pattern[str]:
    from filrouge.ingest.dates import months

    month = "|".join(re.escape(m) for m in sorted(months(), key=len, reverse=True))
    day_names = "|".join(weekdays())
    agencies = "|".join(re.escape(a) for a in _vocab().agency_names)
    place = r"[A-ZÀ-ÝŒ][\w'’.\- ]{1,40}?"
    return re.compile(
        rf"^(?P<dl>(?:(?P<place>{place})(?:\s*\([^)]{{1,40}}\))?\s*,\s*)?"
        rf"(?:le\s+)?(?P<date>(?:(?:{day_names})\s+)?\d{{1,2}}(?:er)?\s+(?:{month})\.?"
        rf"(?:\s+\d{{4}})?)\s*\.?\s*(?:\((?P<agency>[^)]{{2,40}})\))?\s*[-–—]+)"
        rf"|^(?P<dl2>(?-i:[A-ZÀ-ÝŒ][A-ZÀ-ÝŒ'’.\- ]{{1,40}})(?:\s*\([^)]{{1,40}}\))?\s*"
        rf"\((?-i:{agencies})\)\s*[-–—]+)",
        re.IGNORECASE,
    )


def find_dateline(
    paragraph: str, reference_year: int | None = None
) -> tuple[str, DateMatch | None] | None:
    """A dateline opening ``paragraph``: "VILNIUS, 11 juillet (AFP) -", "22 mai 2012. -"."""
    m = _dateline_pattern().match(paragraph)
    if not m:
        return None
    if m.group("dl2"):
        return m.group("dl2").strip(), None
    dates = find_dates(m.group("date"), reference_year)
    return m.group("dl").strip(), (dates[0] if dates else None)


# ---------------------------------------------------------------------------------------------
# Paragraphs


def _paragraphs(lines: list[_Line]) -> list[str]:
    """Join kept lines into paragraphs: blank lines always split, wrapped lines are re-joined."""
    out: list[str] = []
    groups: list[list[_Line]] = []
    for line in lines:
        if (
            groups
            and groups[-1][-1].block == line.block
            and groups[-1][-1].last == line.number - 1
        ):
            groups[-1].append(line)
        else:
            groups.append([line])
    for group in groups:
        if len(group) == 1:
            out.append(group[0].raw)
            continue
        unfinished = sum(1 for ln in group[:-1] if not _TERMINAL.search(ln.raw))
        if unfinished / (len(group) - 1) < 0.5:
            out.extend(ln.raw for ln in group)  # one line per paragraph
            continue
        width = max(len(ln.raw) for ln in group)
        current: list[str] = []
        for ln in group:
            current.append(ln.raw)
            if _TERMINAL.search(ln.raw) and len(ln.raw) < 0.7 * width:
                out.append(" ".join(current))
                current = []
        if current:
            out.append(" ".join(current))
    return out


# ---------------------------------------------------------------------------------------------
# Main entry point


def _is_footer_marker(line: _Line) -> bool:
    if line.words > 8:
        return False
    norm = line.norm.strip(" :.-–—|")
    if re.fullmatch(r"\d+\s+(?:commentaires?|réactions?)", norm):
        return True
    return any(
        norm == m
        or (" " in m and (norm.startswith(m + " ") or norm.endswith(" " + m)) and line.words <= 6)
        for m in _vocab().footer_markers
    )


def _mark_link_lists(lines: list[_Line]) -> None:
    """Runs of 3+ consecutive headline-like lines before the first or after the last paragraph
    of prose are lists of links to other articles (related, most read…). Inside the body such
    short runs are kept (quoted posts, lists and intertitles are content); a run of 6+ is a list
    of links wherever it stands, since intertitles alternate with paragraphs."""
    prose = [i for i, ln in enumerate(lines) if ln.reason is None and ln.paragraph_like]
    first, last = (prose[0], prose[-1]) if prose else (len(lines), -1)
    run: list[int] = []

    def flush() -> None:
        if not run:
            return
        outside = run[-1] < first or run[0] > last
        long_after_start = (
            len(run) >= LONG_LINK_RUN
            and run[0] > first
            and all(_starts_capitalised(lines[i].raw) for i in run)
        )
        if (len(run) >= LINK_LIST_MIN_RUN and outside) or long_after_start:
            for i in run:
                lines[i].reason = "related-links"
        run.clear()

    for i, ln in enumerate(lines):
        if ln.reason is not None:
            continue
        teaser = ln.raw.endswith("…") and ln.words <= HEADLINE_MAX_WORDS
        social = any(mark in ln.raw for mark in ("@", "#", "://"))
        if (ln.headline_like or teaser) and not ln.paragraph_like and ln.words >= 3 and not social:
            run.append(i)
        else:
            flush()
    flush()


_METADATA_REASONS = frozenset({"timestamp", "byline", "dateline"})
# Page chrome: what ends an article when it comes in a dense block. Captions, credits, stamps,
# bylines and duplicates are left out: they also stand between paragraphs of a body.
_CHROME_REASONS = frozenset(
    {
        "share-buttons",
        "menu",
        "interface",
        "subscription",
        "cookie-notice",
        "comments",
        "related-links",
        "read-also",
        "footer",
        "lone-word",
        "hashtags",
        "navigation",
        "copyright",
    }
)


def _starts_capitalised(raw: str) -> bool:
    first = re.sub(r"^[\W_]+", "", raw)[:1]
    return first.isupper() or first.isdigit()


def _mark_continuations(lines: list[_Line]) -> None:
    """A debris line wrapped onto the next one ("Consultez les articles de la rubrique," then
    "suivez les informations…"): the lower-case continuation is debris of the same kind."""
    for prev, line in itertools.pairwise(lines):
        if (
            line.reason is None
            and prev.reason is not None
            and prev.reason not in _METADATA_REASONS
            and line.number == prev.last + 1
            and line.raw[:1].islower()
            and not _SENTENCE_END.search(prev.raw)
        ):
            line.reason = prev.reason


def _mark_read_also_links(lines: list[_Line]) -> None:
    """ "À lire :" alone heads the links listed under it; "Lire notre dossier" the next line."""
    for i, line in enumerate(lines):
        if line.reason != "read-also" or line.words > 6 or _is_footer_marker(line):
            continue  # a footer marker ("Sur le même sujet") ends the article instead
        heads_list = line.raw.rstrip().endswith(":")
        for nxt in lines[i + 1 : i + 1 + (READ_ALSO_MAX_LINKS if heads_list else 1)]:
            if nxt.reason is not None or nxt.paragraph_like or not nxt.headline_like:
                break
            nxt.reason = "read-also"


# A headline does not end on an article, a preposition or a conjunction ("Luc MICHEL pour"),
# nor on a separator ("PCN-SPO / avec Le Temps – Mena –"): such a line is a piece of something.
_DANGLING = re.compile(
    r"(?<![\w'’])(?i:de|du|des|la|le|les|l['’]|d['’]|à|au|aux|un|une|et|ou|pour|par|avec|en|sur|"
    r"dans|chez|vers|que|qui)$"
)
_TRAILING_SEPARATOR = re.compile(r"[-–—/|•·]$")
# "Rodez. La journaliste …", "EGYPTE. …": one word before the first stop is a kicker, not a
# first sentence.
_KICKER = re.compile(r"^[^\s.]{2,30}\.\s+")
# A headline written around a numeric date needs this many other words ("ELAC Website /
# 2013 01 30/" is a stamp or a path).
TITLE_WORDS_BESIDE_NUMERIC_DATE = 5


def _stamp_like(raw: str) -> bool:
    """A numeric date with only a few words around it: a stamp, a path or a file name."""
    numeric = [d for d in find_dates(raw) if not re.search(r"[^\W\d_]", d.text)]
    if not numeric:
        return False
    rest = raw
    for d in sorted(numeric, key=lambda d: -d.start):
        rest = rest[: d.start] + " " + rest[d.end :]
    return len(_words(rest)) < TITLE_WORDS_BESIDE_NUMERIC_DATE


def _title_candidate(line: _Line) -> bool:
    """Headlines carry no hashtag, handle or link, and are one sentence (a standfirst is two);
    they are whole (no dangling last word or separator) and not a stamp."""
    raw = line.raw.strip()
    return (
        line.headline_like
        and not _SOCIAL.search(raw)
        and not _TWO_SENTENCES.search(_KICKER.sub("", raw, count=1))
        and not _TRAILING_SEPARATOR.search(raw)
        and not _DANGLING.search(raw)
        and not _stamp_like(raw)
        # "Par notre service International", "Avec Reuters": a byline or credit
        and not raw.casefold().startswith(_lexicon_prefixes("not_title_prefixes"))
        # "De notre envoyé spécial à Washington, Jeanne Roy"
        and _role_byline(line) is None
    )


@lru_cache(maxsize=4)
def _lexicon_prefixes(key: str) -> tuple[str, ...]:
    data = json.loads(resources.files("filrouge").joinpath("data/debris_fr.json")
                      .read_text("utf-8"))
    return tuple(str(p) for p in data.get(key, []))


# Reasons of the short labels that may stand between a listed headline and its date
# ("L'actu en vidéo", "Audio de l'info").
_LABEL_REASONS = frozenset({"interface", "menu", "share-buttons", "lone-word", "hashtags"})
# This many headlines, each followed by its own bare date, make a list of dated items.
DATED_LIST_MIN_ITEMS = 2
# Labels this short may stand between a listed headline and its date.
LABEL_MAX_WORDS = 6


def _mark_dated_lists(lines: list[_Line], head: range) -> None:
    """Headlines each followed by a bare date of their own ("Bataille rangée place Tahrir",
    "L'actu en vidéo", "le 28 janvier 2013 à 11:44"), twice or more in the head: a list of
    related items, whose dates are theirs, not the article's. One headline followed by a bare
    date is the article's own headline and stamp."""
    items: list[tuple[int, int]] = []
    for i in head:
        line = lines[i]
        if line.reason not in (None, "related-links") or not line.headline_like:
            continue
        j = i + 1
        while (j < len(lines) and lines[j].reason in _LABEL_REASONS
               and lines[j].words <= LABEL_MAX_WORDS):
            j += 1
        stamp = lines[j].stamp if j < len(lines) and lines[j].reason == "timestamp" else None
        if stamp is not None and stamp.date is not None and not stamp.strong:
            items.append((i, j))
    if len(items) < DATED_LIST_MIN_ITEMS:
        return
    for i, j in items:
        lines[i].reason = "related-links"
        lines[i].listed = True
        stamp = lines[j].stamp
        if stamp is not None:
            stamp.listed = True


def _next_to_body(lines: list[_Line], i: int, first_para: int | None) -> bool:
    """Does only metadata or chrome (stamps, bylines, buttons; no other headline) stand between
    line ``i`` and the first paragraph?"""
    if first_para is None or i >= first_para:
        return False
    return all(
        (ln.reason is not None and not (ln.reason == "related-links" and _title_candidate(ln)))
        or (ln.reason is None and (_role_byline(ln) or _byline(ln, top=True)))
        for ln in lines[i + 1 : first_para]
    )


# A masthead: the site's name, maybe with an edition ("Le Journal — Édition du soir").
MASTHEAD_EXTRA_WORDS = 3


def _masthead(line: _Line, outlet: str | None) -> bool:
    """Is the line the site's own name, as its chrome gives it?"""
    if not outlet:
        return False
    name = _norm(outlet)
    if line.norm == name:
        return True
    rest = line.norm[len(name):] if line.norm.startswith(name) else ""
    return bool(re.match(r"^\s*[-–—|:·•]", rest)) and len(_words(rest)) <= MASTHEAD_EXTRA_WORDS


def _choose_title(lines: list[_Line], head: range, first_para: int | None,
                  site_lines: frozenset[str], outlet: str | None = None) -> int | None:
    """The headline: the last headline-like line before the first paragraph (the first one
    when there is no paragraph). Lines of a dated list are never headlines, nor are lines the
    site repeats at the head of unrelated articles (``site_lines``). When every headline-like
    line was swept into a run of links, the one right above the body wins, else a line
    repeated in the head, else the run's last. The site's own name (``outlet``, read from its
    chrome) is a masthead, not a headline."""

    def usable(i: int) -> bool:
        line = lines[i]
        return (not line.listed and line.norm not in site_lines and not _masthead(line, outlet)
                and _title_candidate(line))

    kept = [i for i in head if lines[i].reason is None and usable(i) and not _continues(lines, i)]
    if kept:
        return kept[-1] if first_para is not None else kept[0]
    swept = [i for i in head if lines[i].reason == "related-links" and usable(i)]
    if not swept:
        return None
    if _next_to_body(lines, swept[-1], first_para):
        return swept[-1]
    norms = [lines[i].norm for i in head]
    repeated = [i for i in swept if norms.count(lines[i].norm) > 1]
    chosen = repeated or swept
    return chosen[-1] if first_para is not None else chosen[0]


def _mark_captions(lines: list[_Line], title_index: int | None) -> None:
    """The one-sentence line just above a bare credit ("Photo : AFP / X") is its caption."""
    prefix = _vocab().photo_prefix
    for i in range(1, len(lines)):
        credit, caption = lines[i], lines[i - 1]
        if credit.reason != "photo-credit" or credit.words > 10 or not prefix.match(credit.norm):
            continue
        if (
            i - 1 == title_index
            or caption.reason is not None
            or caption.last != credit.number - 1
            or caption.words > 30
            or caption.raw.endswith(":")
            or _SOCIAL.search(caption.raw)
            or _TWO_SENTENCES.search(caption.raw)
        ):
            continue
        caption.reason = "caption"


_ADDRESS = re.compile(r"(?<![\w'])(?:vous|votre|vos|nous|notre|nos|you|your|we|our)(?![\w'])")
_QUOTED = re.compile(r"«[^»]*»|\"[^\"]*\"|“[^”]*”")


def _comment_signal(line: _Line) -> bool:
    """A flagged line that announces or frames reader comments."""
    if line.reason is None:
        return False
    if re.search(r"comment|réaction|réagi", line.norm):
        return True
    return line.reason == "comments" and any(
        len(m.group(0)) >= 15 for m in _vocab().comments.finditer(line.norm)
    )


def _article_end(lines: list[_Line], title_index: int | None) -> int | None:
    """Where the article ends: the first run of page chrome (menus, share buttons, forms, link
    lists) three lines long, once some body has been read. A lone "Lire aussi" between two
    paragraphs does not end anything."""
    body_words = 0
    for i, line in enumerate(lines):
        if i == title_index:
            continue
        run = lines[i : i + END_RUN]
        if (
            body_words >= END_MIN_BODY_WORDS
            and len(run) == END_RUN
            and all(r.reason in _CHROME_REASONS for r in run)
        ):
            return i
        if line.reason is None:
            body_words += line.words
    return None


def _resumes(run: list[_Line]) -> bool:
    """Does this text after the article's end read as article prose? A full paragraph that
    does not address the reader ("vous pouvez…", "nos newsletters") outside quotes."""
    return any(
        line.words >= PARAGRAPH_MIN_WORDS and not _ADDRESS.search(_QUOTED.sub(" ", line.norm))
        for line in run
    )


def _sweep_tail(lines: list[_Line], end: int) -> int | None:
    """Text left after the article's end: a comment thread when comments are announced there,
    else site footer (licences, appeals, teasers) unless it reads as article prose again.
    Returns the index of the first line swept, if any."""
    tail = lines[end:]
    thread = any(_comment_signal(line) for line in tail)
    runs: list[list[_Line]] = []
    for prev, line in zip([None, *tail], tail, strict=False):
        if line.reason is not None:
            continue
        if prev is not None and prev.reason is None and runs:
            runs[-1].append(line)
        else:
            runs.append([line])
    first: int | None = None
    for run in runs:
        if not thread and _resumes(run):
            continue
        for line in run:
            line.reason = "comments" if thread else "footer"
        index = lines.index(run[0])
        first = index if first is None else min(first, index)
    return first


def _continues(lines: list[_Line], i: int) -> bool:
    """Is line ``i`` wrapped onto the next one (no blank line, next starts in lower case, and
    is not a stamp or a byline: "le 11 mars 2021 à 18:30" under a headline is its date)?"""
    if i + 1 >= len(lines):
        return False
    nxt = lines[i + 1]
    return (nxt.number == lines[i].last + 1 and nxt.raw[:1].islower()
            and nxt.reason not in _METADATA_REASONS)


def _best_stamp(
    lines: list[_Line], footer_from: int | None, head_end: int, years: set[int]
) -> tuple[dt.date, float] | None:
    """The publication day from stamp lines, and how sure it is: a declared stamp ("Publié le
    …") first, else bare dates near the top, provided they agree (a list of related items shows
    different days). A yearless "mercredi 30 janvier" gets its year from its weekday."""
    end = footer_from if footer_from is not None else len(lines)
    strong: list[tuple[_Stamp, dt.date, bool]] = []
    weak: list[tuple[_Stamp, dt.date, bool]] = []
    for i, ln in enumerate(lines[:end]):
        stamp = ln.stamp
        if stamp is None or stamp.date is None:
            continue
        day = stamp.date.date
        inferred = day is None
        if day is None:
            day = infer_year(stamp.date, years)
        if day is None:
            continue
        if stamp.strong:
            strong.append((stamp, day, inferred))
        elif i <= head_end:
            weak.append((stamp, day, inferred))
    for group in (strong, weak):
        with_year = [x for x in group if x[0].date is not None and x[0].date.has_year]
        chosen = with_year or group
        if not chosen:
            continue
        if group is weak and len({day for _, day, _ in chosen}) > 1:
            return None
        stamp, day, inferred = next((x for x in chosen if x[0].published), chosen[0])
        if inferred:
            confidence = INFERRED_YEAR_CONFIDENCE
        elif stamp.listed:
            confidence = LIST_STAMP_CONFIDENCE
        elif not stamp.strong:
            confidence = BARE_STAMP_CONFIDENCE
        else:
            confidence = TIMESTAMP_CONFIDENCE if stamp.published else UPDATE_STAMP_CONFIDENCE
        return day, confidence
    return None


def _self_citation(lines: list[_Line], title: str | None) -> dt.date | None:
    """The day in a line citing the article itself: "Source : « <title> », par X, Journal,
    11 mai 2011"."""
    if not title or len(_words(title)) < 3:
        return None
    wanted = _norm(title)
    for line in lines:
        low = _norm(line.flat)
        at = low.find(wanted)
        if at < 0 or not re.search(r"[«\"“]\s*$", low[max(0, at - 3) : at]):
            continue
        after = line.flat[at + len(wanted) :]
        for match in find_dates(after):
            if match.has_year and match.date is not None:
                return match.date
    return None


def _hard_wrapped(lines: list[_Line]) -> int | None:
    """The wrap width when the text was cut into lines of nearly equal length (a PDF, an email,
    a narrow column copied as is), else None. Each line of such text is only a piece of a
    sentence, so it must be joined back before it is judged."""
    if len(lines) < WRAP_MIN_LINES:
        return None
    lengths = sorted(len(ln.raw) for ln in lines)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if width > WRAP_MAX_WIDTH or lengths[int(0.99 * (len(lengths) - 1))] > 1.25 * width:
        return None
    in_band = sum(1 for n in lengths if 0.6 * width <= n <= width) / len(lengths)
    run_on = sum(
        1
        for a, b in itertools.pairwise(lines)
        if b.number == a.number + 1 and not _TERMINAL.search(a.raw) and b.raw[:1].islower()
    ) / len(lines)
    return width if in_band >= WRAP_BAND and run_on >= WRAP_MIN_RUN_ON else None


def _reflow(lines: list[_Line], width: int) -> list[_Line]:
    """Join the pieces of hard-wrapped text: a line runs on when the next starts in lower case,
    or when it fills the width and the next one does too or ends a sentence. A short line ends
    its paragraph; a short line after a full one ("Mercredi 30 janvier" under a heading) stands
    alone. A piece ending on an article or a preposition always runs on."""
    full = 0.75 * width
    out: list[_Line] = []
    for line in lines:
        prev = out[-1] if out else None
        last_raw = prev.parts[-1][1] if prev is not None and prev.parts else ""
        runs_on = (
            line.raw[:1].islower()
            or bool(_DANGLING.search(last_raw))  # "Après les manipulations du" / "« Printemps …"
            or (len(last_raw) >= full
                and (len(line.raw) >= full or bool(_SENTENCE_END.search(line.raw))))
        )
        adjacent = prev is not None and line.block == prev.block and line.number == prev.last + 1
        if prev is not None and adjacent and runs_on:
            joined = f"{prev.raw} {line.raw}"
            norm = _norm(joined)
            parts = (*prev.parts, (line.number, line.raw))
            out[-1] = _Line(prev.number, joined, norm, prev.block, len(_words(norm)), parts=parts)
        else:
            parts = ((line.number, line.raw),)
            out.append(_Line(line.number, line.raw, line.norm, line.block, line.words, parts=parts))
    return out


def clean_text(
    raw: str,
    *,
    title: str | None = None,
    reference_year: int | None = None,
    site_lines: Iterable[str] = (),
) -> Cleaned:
    """Separate the article body from the page debris copied with it; find title, byline, date.

    ``site_lines`` are lines known to head many unrelated articles of the same run (a site's
    slogan, its list of most-read articles; compared as :func:`normal_line` gives them): in the
    head they are page chrome ("navigation"), never the title."""
    known = frozenset(normal_line(line) for line in site_lines)
    text = (
        raw.replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\u2028", "\n")
        .replace("\u2029", "\n")
    )
    lines: list[_Line] = []
    block = 0
    for number, line_text in enumerate(text.split("\n"), start=1):
        stripped = _SPACES.sub(" ", line_text).strip()
        if not stripped:
            block += 1
            continue
        raw_line = line_text.strip().strip("\u200e\u200f\ufeff\u200b").strip()
        norm = _norm(raw_line)
        lines.append(_Line(number, raw_line, norm, block, len(_words(norm))))
    width = _hard_wrapped(lines)
    if width is not None:
        lines = _reflow(lines, width)

    for line in lines:
        line.reason = _classify(line, reference_year)
    _mark_continuations(lines)
    _mark_read_also_links(lines)
    _mark_link_lists(lines)

    # A bare date without a time, deep in the body, is content (a chronology), not a stamp.
    first_para = next(
        (i for i, ln in enumerate(lines) if ln.reason is None and ln.paragraph_like), None
    )
    head_end = (first_para if first_para is not None else len(lines)) + HEAD_EXTRA_LINES
    for i, ln in enumerate(lines):
        stamp = ln.stamp
        if (
            i > head_end
            and ln.reason == "timestamp"
            and stamp
            and not (stamp.strong or stamp.timed)
        ):
            ln.reason = None
            ln.stamp = None
    _mark_dated_lists(lines, range(first_para) if first_para is not None else range(len(lines)))

    # Title: given, or the last headline-like line before the first paragraph of prose.
    given_title = title.strip() if title and title.strip() else None
    title_norm = _norm(given_title) if given_title else None
    title_index: int | None = None
    if title_norm is not None:
        title_index = next(
            (
                i
                for i, ln in enumerate(lines)
                if ln.norm == title_norm and (first_para is None or i <= first_para)
            ),
            None,
        )
    else:
        head = range(first_para) if first_para is not None else range(len(lines))
        title_index = _choose_title(lines, head, first_para, known, _find_outlet(lines))
        if title_index is not None:
            lines[title_index].reason = None
            given_title = lines[title_index].raw
            title_norm = lines[title_index].norm
    for i in range(first_para if first_para is not None else len(lines)):
        if lines[i].reason is None and i != title_index and lines[i].norm in known:
            lines[i].reason = "navigation"

    # Page chrome before the title: navigation, related headlines.
    auto_title = title is None and title_index is not None
    _mark_captions(lines, title_index)
    if title_index is not None:
        for ln in lines[:title_index]:
            if ln.reason is None and not ln.paragraph_like:
                ln.reason = "navigation"

    # Repeated headline and repeated lines.
    seen: set[str] = set()
    for i, ln in enumerate(lines):
        if auto_title and i == title_index:
            seen.add(ln.norm)
            continue
        if ln.reason is not None and ln.reason not in ("navigation",):
            continue
        if title_norm is not None and ln.norm == title_norm:
            ln.reason = "repeated-title"
        elif ln.norm in seen and ln.words >= 2:
            ln.reason = "duplicate"
        elif ln.reason is None:
            seen.add(ln.norm)

    # A byline of the "Name, envoyée spéciale à X" kind, only near the top.
    body_seen = 0
    for i, ln in enumerate(lines):
        if i == title_index or ln.reason is not None:
            continue
        if body_seen >= 2:
            break
        name = _role_byline(ln) or _byline(ln, top=True)
        if name is not None:
            ln.reason = "byline"
            ln.byline = name
            continue
        body_seen += 1

    # End of the article: everything after an end marker ("Sur le même sujet", "Commentaires"…).
    footer_from: int | None = None
    body_words = 0
    for i, ln in enumerate(lines):
        if i == title_index:
            continue
        if body_words >= FOOTER_MIN_BODY_WORDS and _is_footer_marker(ln):
            footer_from = i
            break
        if ln.reason is None:
            body_words += ln.words
    if footer_from is not None:
        for ln in lines[footer_from:]:
            if ln.reason is None or ln.reason in ("duplicate", "repeated-title"):
                ln.reason = "footer"
        lines[footer_from].reason = "footer"

    # End of the article without a marker: a dense block of debris, then only chrome.
    end = _article_end(lines, title_index)
    if end is not None:
        swept = _sweep_tail(lines, end)
        if swept is not None and (footer_from is None or swept < footer_from):
            footer_from = swept

    # Metadata.
    byline: str | None = None
    for i, ln in enumerate(lines):
        if footer_from is not None and i >= footer_from:
            break
        if ln.byline and ln.reason in ("byline", "timestamp"):
            byline = ln.byline
            break

    published = Published()
    best = _best_stamp(lines, footer_from, head_end, years_mentioned(text))
    if best is not None:
        published = Published(value=best[0].isoformat(), origin="timestamp", confidence=best[1])

    body_index = title_index if auto_title else None
    kept = [ln for i, ln in enumerate(lines) if ln.reason is None and i != body_index]
    paragraphs = _paragraphs(kept)

    dateline: str | None = None
    for paragraph in paragraphs[:DATELINE_SEARCH_PARAGRAPHS]:
        found = find_dateline(paragraph, reference_year)
        if found is None:
            continue
        dateline = found[0]
        match = found[1]
        if published.value is None and match is not None and match.date is not None:
            published = Published(
                value=match.date.isoformat(), origin="dateline", confidence=DATELINE_CONFIDENCE
            )
        break
    if dateline is None:
        dateline = next((ln.raw for ln in lines if ln.reason == "dateline"), None)
    if published.value is None:
        cited = _self_citation(lines, given_title)
        if cited is not None:
            published = Published(
                value=cited.isoformat(), origin="text", confidence=CITATION_CONFIDENCE
            )

    removed = [
        Removed(text=text, reason=ln.reason, line=number)
        for i, ln in enumerate(lines)
        if ln.reason is not None and i != body_index
        for number, text in (ln.parts or ((ln.number, ln.raw),))
    ]
    out_title = given_title if title is None else title.strip() or None
    return Cleaned(
        text="\n\n".join(paragraphs),
        title=out_title,
        byline=byline,
        removed=removed,
        published=published,
        dateline=dateline,
        outlet=_find_outlet(lines),
    )
