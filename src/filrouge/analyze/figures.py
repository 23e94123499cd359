"""Figures in French news text: money, counts of people and things, percentages.

``find_amounts(text)`` reads plain text (no NLP model) and returns :class:`~filrouge.model.Amount`
records, sorted and non-overlapping, with ``text[a.start:a.end] == a.text``. The language
resources (currencies, scale words, approximation and period markers, number words, stop lists)
live in ``filrouge/data/figures_fr.json``.

What one figure looks like::

    [approximation] number [scale] [de] unit [period]
    plus de          2,5    milliards de  dollars  sur cinq ans

- ``value`` is the number after scale (``107 milliards`` → ``107e9``; ``2 %`` → ``2``). Digits
  take French separators: ``40 000``, ``40 000`` and ``40 000`` (U+0020, U+00A0, U+202F or
  U+2009 between groups of three), ``2,5`` (decimal comma), ``40.000`` (dotted thousands).
  Number words are parsed here (``trente-huit``, ``vingt et un``, ``quatre-vingt-dix``).
  French ``billion`` is 10^12. Abbreviations ``k``, ``M``, ``Md``, ``Mds``, ``Mrd`` only scale
  a figure followed by a currency (``500 M€``, ``3 Md$``, ``2 Mds d'euros``).
- ``unit``: an ISO 4217 code for money, ``percent`` for percentages (``%``, ``pour cent``),
  otherwise the singular lemma of the counted noun (``soldats`` → ``soldat``, ``pays`` →
  ``pays``, ``généraux`` → ``général``). From 2 on the noun must be plural (``23 consacrent``
  counts nothing). A figure that leaves its unit out takes it from its context: a partitive
  (``11 des 31 membres`` → ``membre``), the count just before in the same sentence after
  ``dont``/``contre``/``sur les``/``une de`` (``32 membres dont 23``, ``26 pays sur les 35``,
  ``une liste de 640 noms ; Kiev en a transmis une de 1 200``), or, for a scaled sum, the
  currency of the money just before (``1,7 milliard d'euros en 2022 puis 2,1 milliards en
  2023`` → ``EUR``). Any other figure with no unit (``ils étaient 300``, ``les 27``) is not
  returned: it cannot be normalised.
- ``approx`` comes from the marker before the number (``environ``, ``près de`` → ``about``;
  ``plus de``, ``au moins`` → ``more_than``; ``moins de`` → ``less_than``; ``jusqu'à`` →
  ``up_to``). Approximate nouns count as ``about``: ``une trentaine de pays`` → 30 pays,
  ``about``; so does ``environ`` after the figure (``250 millions d'euros environ``). The
  marker is part of the span.
- ``period``: ``par an`` → ``P1Y``, ``par mois`` → ``P1M``, ``sur cinq ans`` → ``P5Y``,
  ``sur la période 2024-2027`` → ``P4Y``, ``en un an``, ``pour l'année qui vient`` → ``P1Y``;
  also before the figure (``un budget annuel de …``, ``chaque année 2 milliards``) and after
  the money's complement and recipient (``… d'aide à Kiev pour l'année qui vient``). ``d'ici
  2030`` is a deadline and ``cette année`` a date, not periods. The period is part of the span
  when it directly follows the unit. A percentage never has one: it is a ratio (``chaque année
  au moins 2 % du PIB`` → ``2``, ``percent``, no period). A total stated apart from its period
  (``soit 20 milliards d'euros au total``) has none either.
- ``measures``: for money, the complement (``700 millions d'euros d'aide militaire`` →
  ``aide militaire``) or the noun the figure is attached to (``une aide de 500 millions
  d'euros`` → ``aide``); for percentages, what they are a share of (``2 % du PIB`` → ``PIB``);
  for counts, the counted noun as written (``soldats``).

Ranges (``entre 20 000 et 30 000 soldats``, ``de 20 à 30 milliards d'euros``) give ONE amount
whose span covers the whole range and whose value is the lower bound, with ``approx`` left
``None`` (a stated range is not an approximation; the upper bound can be read from the span). A
lower bound without its own scale takes the scale of the upper one (``entre 20 et 30 milliards``
→ ``20e9``).

Not amounts: years (``2023``, ``en 2024``: a four-digit number from 1000 to 2100 counting a noun),
dates (``11 juillet``), times (``14h30``, ``14 heures``), durations and ages (``45 ans``),
ordinals (``1er``, ``75e``, ``deuxième``), reference numbers (``l'article 5``, ``page 3``),
model names (``F-16``, ``G7``), ``un``/``une`` used as an article (``un diplomate``; but ``un
milliard d'euros`` is a figure), ratios (``deux fois plus``), and number words after a definite
determiner meaning "both" (``les deux pays``; but ``les sept membres du G7`` count), capitalised
number words (``les Vingt-Sept``), and figures in a headline written in Title Case.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal, TypeVar, cast

from filrouge.model import Amount

_T = TypeVar("_T")
Approx = Literal["about", "more_than", "less_than", "up_to"]
_APPROX_VALUES: frozenset[str] = frozenset({"about", "more_than", "less_than", "up_to"})

_SEPARATORS = " \u00a0\u202f\u2009"
_TOKEN = re.compile(
    r"(?P<num>\d{1,3}(?:[ \u00a0\u202f\u2009](?=\d{3}(?!\d))\d{3})+(?:,\d+)?(?!\d)"
    r"|\d{1,3}(?:\.\d{3})+(?![\d,])"
    r"|\d+(?:[.,]\d+)?)"
    r"|(?P<word>[^\W\d_]+(?:-[^\W\d_]+)*(?:['’](?=[^\W\d_]))?)"
    r"|(?P<other>\S)"
)
_DOTTED_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_SENTENCE_OPENERS = frozenset('.!?«"“(:;—–…\n')
_DE = frozenset({"de", "d'"})
_PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées")
_ELLIPSIS_REACH = 300  # characters: how far back an omitted currency is looked for
_SCALE_AFTER_APPROX_NOUN = frozenset({"milliers", "millions", "milliards"})


@dataclass(frozen=True)
class _Tok:
    text: str
    start: int
    end: int
    kind: Literal["num", "word", "other", "end"]
    norm: str


def _tokenise(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    for m in _TOKEN.finditer(text):
        kind = cast(Literal["num", "word", "other"], m.lastgroup)
        toks.append(_Tok(m.group(), m.start(), m.end(), kind, m.group().lower().replace("’", "'")))
    # Sentinels so that look-ahead never runs off the end.
    toks.extend(_Tok("", len(text), len(text), "end", "") for _ in range(8))
    return toks


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(t.norm for t in _tokenise(text) if t.kind != "end")


@dataclass(frozen=True)
class _Resources:
    currencies: tuple[tuple[tuple[str, ...], str], ...]
    ambiguous_currencies: frozenset[str]
    scales: dict[str, float]
    scale_abbreviations: dict[str, float]
    approximate_nouns: dict[str, float]
    approximation_markers: tuple[tuple[tuple[str, ...], Approx], ...]
    percent_phrases: tuple[tuple[str, ...], ...]
    period_phrases: tuple[tuple[tuple[str, ...], str], ...]
    period_adjectives_before: dict[str, str]
    period_spread_words: tuple[tuple[str, ...], ...]
    period_units: dict[str, str]
    period_unit_modifiers: frozenset[str]
    number_words: dict[str, int]
    reference_words: frozenset[str]
    definite_determiners: frozenset[str]
    pre_nominal_adjectives: frozenset[str]
    determiners_for_measures: frozenset[str]
    not_counted: frozenset[str]
    invariable_nouns: frozenset[str]
    irregular_plurals: dict[str, str]
    year_prepositions: frozenset[str]
    anaphoric_count_words: frozenset[str]


def _longest_first(
    items: Iterable[tuple[tuple[str, ...], _T]],
) -> tuple[tuple[tuple[str, ...], _T], ...]:
    return tuple(sorted(items, key=lambda item: -len(item[0])))


def _str_map(raw: object) -> dict[str, str]:
    assert isinstance(raw, dict)
    return {str(k): str(v) for k, v in raw.items()}


def _num_map(raw: object) -> dict[str, float]:
    assert isinstance(raw, dict)
    return {str(k): float(v) for k, v in raw.items()}


def _str_list(raw: object) -> list[str]:
    assert isinstance(raw, list)
    return [str(v) for v in raw]


@lru_cache(maxsize=1)
def _resources() -> _Resources:
    path = resources.files("filrouge") / "data" / "figures_fr.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    markers: list[tuple[tuple[str, ...], Approx]] = []
    for phrase, kind in _str_map(data["approximation_markers"]).items():
        if kind not in _APPROX_VALUES:
            raise ValueError(f"figures_fr.json: unknown approximation {kind!r}")
        markers.append((_phrase(phrase), cast(Approx, kind)))
    return _Resources(
        currencies=_longest_first((_phrase(k), v) for k, v in _str_map(data["currencies"]).items()),
        ambiguous_currencies=frozenset(_str_list(data["ambiguous_currencies"])),
        scales=_num_map(data["scales"]),
        scale_abbreviations=_num_map(data["scale_abbreviations"]),
        approximate_nouns=_num_map(data["approximate_nouns"]),
        approximation_markers=_longest_first(markers),
        percent_phrases=tuple(
            sorted((_phrase(p) for p in _str_list(data["percent_phrases"])), key=lambda p: -len(p))
        ),
        period_phrases=_longest_first(
            (_phrase(k), v) for k, v in _str_map(data["period_phrases"]).items()
        ),
        period_adjectives_before=_str_map(data["period_adjectives_before"]),
        period_spread_words=tuple(
            sorted(
                (_phrase(p) for p in _str_list(data["period_spread_words"])), key=lambda p: -len(p)
            )
        ),
        period_units=_str_map(data["period_units"]),
        period_unit_modifiers=frozenset(_str_list(data["period_unit_modifiers"])),
        number_words={k: int(v) for k, v in _num_map(data["number_words"]).items()},
        reference_words=frozenset(_str_list(data["reference_words"])),
        definite_determiners=frozenset(_str_list(data["definite_determiners"])),
        pre_nominal_adjectives=frozenset(_str_list(data["pre_nominal_adjectives"])),
        determiners_for_measures=frozenset(_str_list(data["determiners_for_measures"])),
        not_counted=frozenset(_str_list(data["not_counted"])),
        invariable_nouns=frozenset(_str_list(data["invariable_nouns"])),
        irregular_plurals=_str_map(data["irregular_plurals"]),
        year_prepositions=frozenset(_str_list(data["year_prepositions"])),
        anaphoric_count_words=frozenset(_str_list(data["anaphoric_count_words"])),
    )


# --------------------------------------------------------------------------- number words


def words_to_number(parts: list[str], number_words: dict[str, int]) -> int | None:
    """Value of French number words (``["quatre", "vingt", "dix", "neuf"]`` → 99), or None.

    ``et`` may join a ten and ``un``/``une``/``onze`` (``vingt et un``, ``soixante et onze``).
    Returns None for sequences that are not one number (``deux trois``).
    """
    total = 0
    current = 0
    last: int | None = None
    for i, part in enumerate(parts):
        if part == "et":
            nxt = parts[i + 1] if i + 1 < len(parts) else ""
            if last is None or last < 20 or last >= 100 or nxt not in {"un", "une", "onze"}:
                return None
            continue
        if part not in number_words:
            return None
        v = number_words[part]
        if v == 1000:
            if last == 1000:
                return None
            total += (current or 1) * 1000
            current = 0
        elif v == 100:
            if current >= 100:
                return None  # "deux cent trois cents"
            current = (current or 1) * 100
        elif v == 20 and last == 4 and current % 100 == 4:
            current += 76  # quatre-vingt(s)
            v = 80
        else:
            if last is not None and last < 100:
                ok = (
                    (last % 10 == 0 and last >= 10 and v < 10)
                    or (last in (60, 80) and 10 <= v < 20)
                    or (last == 10 and 7 <= v <= 9)
                )
                if not ok:
                    return None
            current += v
        last = v
    if last is None:
        return None
    return total + current


# --------------------------------------------------------------------------- the scanner


@dataclass(frozen=True)
class _Quantity:
    first: int  # index of the first token of the number
    end: int  # index after the number and its scale
    number: float
    multiplier: float
    is_words: bool
    year_like: bool
    approx_noun: bool
    needs_currency: bool  # scaled by an abbreviation (M, Md…): only valid before a currency

    @property
    def value(self) -> float:
        return self.number * self.multiplier


def _glued(a: _Tok, b: _Tok) -> bool:
    return a.end == b.start and a.kind != "end" and b.kind != "end"


def _digits_value(text: str) -> float:
    raw = text
    for sep in _SEPARATORS:
        raw = raw.replace(sep, "")
    if _DOTTED_THOUSANDS.fullmatch(raw):
        raw = raw.replace(".", "")
    return float(raw.replace(",", "."))


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = _tokenise(text)
        self.res = _resources()
        self.last_money: tuple[str, int] | None = None
        self.last_count: tuple[str, int] | None = None
        # First words of the approximation markers: most tokens open none, and trying every
        # marker at every token was the costliest step of the scan.
        self.approximation_openers = frozenset(p[0] for p, _ in self.res.approximation_markers
                                               if p)
        self.approximation_de = any(w in _DE for w in self.approximation_openers)

    # -- small helpers -------------------------------------------------------------------

    def tok(self, i: int) -> _Tok:
        if i < 0:
            return _Tok("", 0, 0, "end", "")
        return self.toks[min(i, len(self.toks) - 1)]

    def sentence_initial(self, i: int) -> bool:
        if i == 0:
            return True
        prev = self.tok(i - 1)
        between = self.text[prev.end : self.tok(i).start]
        return "\n" in between or prev.text in _SENTENCE_OPENERS

    def match_phrase(self, i: int, phrase: tuple[str, ...]) -> bool:
        for offset, word in enumerate(phrase):
            norm = self.tok(i + offset).norm
            if norm != word and not (norm in _DE and word in _DE):
                return False
        return True

    def is_abbreviation(self, tok: _Tok) -> float | None:
        if tok.kind != "word":
            return None
        abbreviations = self.res.scale_abbreviations
        if len(tok.text) == 1:
            return abbreviations.get(tok.text)
        for key, value in abbreviations.items():
            if len(key) > 1 and key.lower() == tok.norm:
                return value
        return None

    def noun_candidate(self, tok: _Tok, allow_capital: bool = False) -> bool:
        if tok.kind != "word" or tok.norm.endswith("'"):
            return False
        if tok.norm in self.res.not_counted or tok.norm in self.res.number_words:
            return False
        if tok.norm in self.res.scales or tok.norm in self.res.approximate_nouns:
            return False
        if tok.text[0].isupper():
            if allow_capital:
                return True
            # Demonyms and the like: "300 Ukrainiens", not "Leopard" nor "PIB".
            return len(tok.text) > 3 and tok.text[1:].islower() and tok.norm[-1] in "sx"
        return True

    # -- numbers -------------------------------------------------------------------------

    def number(self, j: int) -> tuple[float, int, bool, bool] | None:
        """(value, next index, is_words, year_like) of the number starting at ``j``."""
        t = self.tok(j)
        prev = self.tok(j - 1)
        if prev.kind == "word" and prev.norm.rstrip(".") in self.res.reference_words:
            return None
        if prev.text == "°" or (prev.kind == "other" and prev.text in "#/"):
            return None
        if t.kind == "num":
            if _glued(prev, t) and (
                prev.kind in ("word", "num")
                or (prev.text in "-–" and _glued(self.tok(j - 2), prev))
                or prev.text in "/:."
            ):
                return None
            nxt = self.tok(j + 1)
            if _glued(t, nxt):
                if nxt.kind == "word" and self.is_abbreviation(nxt) is None:
                    return None  # 1er, 75e, 14h30, 4x4
                if nxt.text in "/:" and self.tok(j + 2).kind == "num":
                    return None  # 11/07/2023, 14:30
                if nxt.text == "." and _glued(nxt, self.tok(j + 2)):
                    return None  # 5.1.2
            value = _digits_value(t.text)
            year_like = bool(re.fullmatch(r"\d{4}", t.text)) and 1000 <= value <= 2100
            return value, j + 1, False, year_like
        if t.kind != "word":
            return None
        # Number words: the longest run of tokens that forms one number.
        if t.text[0].isupper() and not self.sentence_initial(j):
            return None  # les Vingt-Sept
        if prev.norm == "pour" and t.norm in ("cent", "cents"):
            return None
        parts: list[str] = []
        best: tuple[int, int] | None = None
        k = j
        while True:
            tk = self.tok(k)
            if tk.kind != "word":
                break
            pieces = tk.norm.split("-")
            if tk.norm == "et":
                pieces = ["et"]
            elif not all(p in self.res.number_words or p == "et" for p in pieces):
                break
            if k > j and tk.text[0].isupper():
                break
            parts.extend(pieces)
            if tk.norm != "et":
                parsed = words_to_number(parts, self.res.number_words)
                if parsed is None:
                    break
                best = (parsed, k + 1)
            k += 1
        if best is None:
            return None
        return float(best[0]), best[1], True, False

    def quantity(self, j: int) -> _Quantity | None:
        found = self.number(j)
        if found is None:
            return None
        number, k, is_words, year_like = found
        multiplier = 1.0
        approx_noun = False
        needs_currency = False
        t = self.tok(k)
        if t.norm in self.res.approximate_nouns:
            multiplier = self.res.approximate_nouns[t.norm]
            approx_noun = True
            k += 1
            if self.tok(k).norm in _DE and self.tok(k + 1).norm in _SCALE_AFTER_APPROX_NOUN:
                scale = self.tok(k + 1).norm
                multiplier *= 1e3 if scale == "milliers" else self.res.scales[scale]
                k += 2
        elif t.norm in self.res.scales:
            multiplier = self.res.scales[t.norm]
            k += 1
        else:
            abbreviation = self.is_abbreviation(t)
            if abbreviation is not None:
                multiplier = abbreviation
                needs_currency = True
                k += 1
        if is_words and multiplier == 1.0 and number == 1 and k == j + 1:
            return None  # "un diplomate": an article, not a figure
        return _Quantity(j, k, number, multiplier, is_words, year_like, approx_noun, needs_currency)

    # -- units ---------------------------------------------------------------------------

    def percent(self, k: int) -> int:
        for phrase in self.res.percent_phrases:
            if self.match_phrase(k, phrase):
                return len(phrase)
        return 0

    def currency(self, k: int, scaled: bool) -> tuple[str, int] | None:
        start = k
        if self.tok(k).norm in _DE:
            if not scaled:
                return None
            k += 1
        for phrase, code in self.res.currencies:
            if self.match_phrase(k, phrase):
                if len(phrase) == 1 and phrase[0] in self.res.ambiguous_currencies and not scaled:
                    continue  # "500 livres" are books unless a scale makes them money
                return code, k + len(phrase) - start
        return None

    def period(self, k: int) -> tuple[str, int] | None:
        """(ISO 8601 duration, number of tokens) of a period marker at ``k``."""
        for phrase, value in self.res.period_phrases:
            if self.match_phrase(k, phrase):
                return value, len(phrase)
        for spread in self.res.period_spread_words:
            if not self.match_phrase(k, spread):
                continue
            m = k + len(spread)
            if self.tok(m).norm == "la" and self.tok(m + 1).norm == "période":
                first, last = self.tok(m + 2), self.tok(m + 4)
                if (
                    first.kind == "num"
                    and last.kind == "num"
                    and self.tok(m + 3).text in ("-", "–", "à")
                    and re.fullmatch(r"\d{4}", first.text)
                    and re.fullmatch(r"\d{4}", last.text)
                    and int(last.text) >= int(first.text)
                ):
                    return f"P{int(last.text) - int(first.text) + 1}Y", m + 5 - k
                return None
            if self.tok(m).norm in ("les", "des"):
                m += 1
            found = self.number(m)
            if found is None:
                return None
            count, m, _, _ = found
            if self.tok(m).norm in self.res.period_unit_modifiers:
                m += 1
            unit = self.res.period_units.get(self.tok(m).norm)
            if unit is None or count <= 0 or count != int(count):
                return None
            return f"P{int(count)}{unit}", m + 1 - k
        return None

    def money_measures(self, k: int, first: int) -> tuple[str | None, int]:
        """What money is for: ``d'aide militaire`` after it, or ``une aide de`` before it."""
        if self.tok(k).norm in _DE and self.noun_candidate(self.tok(k + 1)):
            words = [self.tok(k + 1).text]
            end = k + 2
            second = self.tok(k + 2)
            if (
                self.noun_candidate(second)
                and self.period(k + 2) is None
                and not second.text[0].isupper()
            ):
                words.append(second.text)
                end += 1
            return " ".join(words), end
        if self.tok(first - 1).norm in _DE:
            w = self.tok(first - 2)
            before = self.tok(first - 3)
            dets = self.res.determiners_for_measures
            if self.noun_candidate(w) and not w.text[0].isupper():
                if before.norm in dets:
                    return w.text, k
                if self.noun_candidate(before) and self.tok(first - 4).norm in dets:
                    if w.norm.endswith(_PARTICIPLE_ENDINGS):
                        return before.text, k  # "un fonds doté de": the fonds
                    return f"{before.text} {w.text}", k
        return None, k

    def percent_measures(self, k: int) -> str | None:
        if self.tok(k).norm not in ("du", "de", "des", "d'"):
            return None
        m = k + 1
        if self.tok(m).norm in self.res.determiners_for_measures and self.tok(k).norm in _DE:
            m += 1
        if not self.noun_candidate(self.tok(m), allow_capital=True):
            return None
        words = [self.tok(m).text]
        # "du produit intérieur brut": keep the adjectives that follow a lower-case noun.
        while (
            len(words) < 3
            and words[0].islower()
            and self.noun_candidate(self.tok(m + len(words)))
            and self.tok(m + len(words)).text.islower()
        ):
            words.append(self.tok(m + len(words)).text)
        return " ".join(words)

    def agrees(self, value: float, noun: _Tok) -> bool:
        """From 2 on, the counted noun is plural: "23 consacrent" counts nothing."""
        if value < 2 or noun.norm in self.res.invariable_nouns:
            return True
        return noun.norm[-1] in "sxz"

    def elliptic_currency(self, lower: _Quantity, upper: _Quantity, k: int) -> str | None:
        """The currency of a scaled figure that leaves it out, from the money just before it."""
        if self.last_money is None or lower.approx_noun or upper.approx_noun:
            return None
        if upper.multiplier < 1e6 or self.tok(upper.end - 1).norm not in self.res.scales:
            return None
        code, end = self.last_money
        start = self.tok(lower.first).start
        if start - end > _ELLIPSIS_REACH or "\n\n" in self.text[end:start]:
            return None
        if self.tok(k).norm in _DE and self.noun_candidate(self.tok(k + 1), allow_capital=True):
            return None  # "2 millions de Syriens" is a count, not money
        return code

    def counted_noun(self, k: int, scaled: bool) -> int | None:
        """Index of the noun counted by a figure ending before ``k``: ``soldats``, ``de gens``."""
        m = k
        if self.tok(m).norm in _DE:
            if not scaled:
                return None  # "40 000 de" is not French; "1,2 million de personnes" is
            m += 1
        skipped = 0
        while skipped < 2 and (self.tok(m).norm in self.res.pre_nominal_adjectives or (
                # "quinze interminables minutes": an -able adjective before the noun
                self.tok(m).norm.endswith(("ables", "ibles"))
                and self.tok(m + 1).kind == "word")):
            m += 1
            skipped += 1
        return m if self.noun_candidate(self.tok(m)) else None

    def elliptic_count(
        self, lower: _Quantity, upper: _Quantity, k: int, approx: Approx | None
    ) -> str | None:
        """The unit of a count that leaves its noun out, or None.

        Partitives take it from the noun that follows (``11 des 31 membres`` → ``membre``);
        ``dont 23`` and ``contre trois`` take it from the count just before, in the same sentence.
        """
        if upper.multiplier != 1.0 or lower.year_like or upper.year_like:
            return None
        if self.tok(k).norm == "des" or (
            self.tok(k).norm == "d'" and self.tok(k + 1).norm == "entre"
        ):
            m = k + 1
            whole = self.quantity(m)
            if whole is not None and not whole.year_like and whole.multiplier == 1.0:
                m = whole.end
            found = self.counted_noun(m, False)
            if found is not None and self.agrees(2, self.tok(found)):
                return self.singular(self.tok(found).text)
            return None
        before = self.tok(lower.first - 1).norm
        two_before = self.tok(lower.first - 2).norm
        anaphoric = (
            before in self.res.anaphoric_count_words
            # "26 pays sur les 35", "une liste de 640 noms ; Kiev en a transmis une de 1 200"
            or (before == "les" and two_before in self.res.anaphoric_count_words)
            or (before in _DE and two_before in ("un", "une"))
        )
        if self.last_count is None or not anaphoric:
            return None
        unit, end = self.last_count
        between = self.text[end : self.tok(lower.first).start]
        # same sentence; a semicolon may part the two clauses of an ellipsis
        if len(between) > _ELLIPSIS_REACH or re.search(r"[.!?]\s|\n", between):
            return None
        return unit

    def skip_recipient(self, k: int) -> int:
        """Skip "à Kiev", "à l'Ukraine" between a sum and its period."""
        if self.tok(k).norm not in ("à", "au", "aux"):
            return k
        m = k + 1
        if self.tok(m).norm in ("l'", "la", "le", "les"):
            m += 1
        if not (self.tok(m).kind == "word" and self.tok(m).text[0].isupper()):
            return k
        while self.tok(m).kind == "word" and self.tok(m).text[0].isupper():
            m += 1
        return m

    def period_before(self, i: int) -> str | None:
        """A period stated just before the figure: "chaque année au moins 2 %"."""
        for phrase, value in self.res.period_phrases:
            n = len(phrase)
            if n >= 2 and i - n >= 0 and self.match_phrase(i - n, phrase):
                return value
        return None

    def plural_count_after_year(self, q: _Quantity, noun: _Tok) -> bool:
        """``2000 soldats`` counts soldiers; ``depuis 2014`` or ``en 2024 …`` are years."""
        prev = self.tok(q.first - 1).norm
        if prev in self.res.year_prepositions or prev in self.res.not_counted:
            return False
        directly_after = noun.start == self.tok(q.first + 1).start
        return directly_after and noun.norm[-1] in "sx" and noun.text.islower()

    def singular(self, word: str) -> str:
        w = word.lower()
        res = self.res
        if w in res.irregular_plurals:
            return res.irregular_plurals[w]
        if w in res.invariable_nouns or len(w) <= 2 or w.endswith(("ais", "ois")):
            return w  # pays, Français, Suédois
        if w.endswith("eaux") or w.endswith("eux") or w.endswith("oux"):
            return w[:-1]
        if w.endswith("aux"):
            return w[:-3] + "al"
        if w.endswith("s") and not w.endswith("ss"):
            return w[:-1]
        return w

    # -- one figure ----------------------------------------------------------------------

    def amount_at(self, i: int) -> tuple[Amount, int] | None:
        """The figure starting at token ``i`` and the index after it, or None."""
        approx: Approx | None = None
        j = i
        first = self.tok(i).norm
        if first in self.approximation_openers or (first in _DE and self.approximation_de):
            for phrase, marker_kind in self.res.approximation_markers:
                if self.match_phrase(i, phrase):
                    approx, j = marker_kind, i + len(phrase)
                    break
        between = self.tok(j).norm == "entre"
        if between:
            j += 1
        q1 = self.quantity(j)
        if q1 is None:
            return None
        k = q1.end
        lower, upper = q1, q1
        if between:
            k += self.percent(k) if q1.multiplier == 1.0 else 0
            if self.tok(k).norm != "et":
                return None
            q2 = self.quantity(k + 1)
            if q2 is None:
                return None
            upper, k = q2, q2.end
        elif self.tok(k).norm == "à" or (
            self.tok(k).text in ("-", "–") and self.tok(k + 1).kind == "num"
        ):
            q2 = self.quantity(k + 1)
            if q2 is not None and q2.value >= q1.value and q2.is_words == q1.is_words:
                upper, k = q2, q2.end
        # A lower bound without a scale takes the upper one's: "entre 20 et 30 milliards".
        multiplier = lower.multiplier if lower.multiplier != 1.0 else upper.multiplier
        value = lower.number * multiplier
        scaled = multiplier != 1.0
        if lower.approx_noun or upper.approx_noun:
            approx = approx or "about"

        unit: str | None = None
        measures: str | None = None
        kind: Literal["money", "percent", "count"]
        n_pct = self.percent(k) if not upper.needs_currency else 0
        money = self.currency(k, scaled) if not n_pct else None
        if n_pct:
            unit, kind, k = "percent", "percent", k + n_pct
        elif money is not None:
            unit, kind, k = money[0], "money", k + money[1]
        else:
            if upper.needs_currency:
                return None
            noun_at = self.counted_noun(k, scaled)
            if noun_at is None or not self.agrees(value, self.tok(noun_at)):
                elliptic = self.elliptic_currency(lower, upper, k)
                counted = None if elliptic else self.elliptic_count(lower, upper, k, approx)
                if elliptic is not None:
                    # "1,7 milliard d'euros en 2022 puis 2,1 milliards en 2023"
                    unit, kind = elliptic, "money"
                elif counted is not None:
                    # "11 des 31 membres", "32 membres dont 23", "contre trois en 2014"
                    unit, kind = counted, "count"
                else:
                    return None
            else:
                noun = self.tok(noun_at)
                if lower.year_like and not scaled and not self.plural_count_after_year(lower, noun):
                    return None  # "en 2024, trois soldats…": 2024 is a year
                if (
                    lower.is_words
                    and value == 2
                    and not scaled
                    and approx is None
                    and not between
                    and self.tok(lower.first - 1).norm in self.res.definite_determiners
                ):
                    return None  # "les deux pays" is "both", but "les sept membres du G7" count
                unit, kind, k = self.singular(noun.text), "count", noun_at + 1
                measures = noun.text
        end_tok = k - 1
        if approx is None and self.tok(k).norm == "environ":
            approx, end_tok, k = "about", k, k + 1  # "250 millions d'euros environ"

        period: str | None = None
        # A percentage is a ratio: it carries no period ("chaque année au moins 2 % du PIB").
        found_period = self.period(k) if kind != "percent" else None
        if found_period is not None:
            period = found_period[0]
            end_tok = k + found_period[1] - 1
        if kind == "money":
            measures, after = self.money_measures(k if period is None else end_tok + 1, i)
            if period is None:
                later = self.period(self.skip_recipient(after))
                if later is not None:
                    period = later[0]
        elif kind == "percent":
            measures = self.percent_measures(k)
        if period is None and kind != "percent" and self.tok(i - 1).norm in _DE:
            for back in (i - 2, i - 3):
                adjective = self.res.period_adjectives_before.get(self.tok(back).norm)
                if adjective is not None:
                    period = adjective
                    break
        if period is None and kind != "percent":
            period = self.period_before(i)
        if kind == "money":
            self.last_money = (unit, self.tok(end_tok).end)
        elif kind == "count":
            self.last_count = (unit, self.tok(end_tok).end)

        start = self.tok(i).start
        end = self.tok(end_tok).end
        amount = Amount(
            start=start,
            end=end,
            text=self.text[start:end],
            value=value,
            unit=unit,
            period=period,
            approx=approx,
            measures=measures,
        )
        return amount, end_tok + 1

    def scan(self) -> list[Amount]:
        found: list[Amount] = []
        i = 0
        n = len(self.toks)
        while i < n and self.toks[i].kind != "end":
            hit = self.amount_at(i)
            if hit is None:
                i += 1
                continue
            amount, i = hit
            if not _title_case_line(self.text, amount.start):
                found.append(amount)
        return found


def _title_case_line(text: str, position: int) -> bool:
    """A Headline Written In Title Case ("Trump Dit Que L'Ukraine Doit Payer"): a repeated
    headline or a link from another site, never French prose."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text[start:end if end >= 0 else None])
             if len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def find_amounts(text: str) -> list[Amount]:
    """Every figure of ``text`` (money, counts, percentages), sorted, non-overlapping."""
    return _Scanner(text).scan()
