"""The event lexicons and the French grammar words the rules read: verb and noun cues
(``data/event_verbs.tsv``, ``data/event_nouns.tsv``), one :class:`Cue` per line, and the word
lists of ``data/events_fr.json`` (:func:`grammar`, statement readings, idioms, future stems).
Language resources live in those files, not in the rules.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass(frozen=True)
class Cue:
    """One lexicon line: a verb or noun that states an event of a PLOVER type."""

    lemma: str
    type: str
    mode: str | None
    conditions: frozenset[str]
    reflexive: bool = False
    with_en: bool = False
    after: str = ""


_CONDITIONS = frozenset({
    "target", "actor-object", "aid", "troops", "trainees", "weapons", "agreement", "request",
    "no-clause", "no-complement", "promise", "negated-only", "phone", "prisoners", "threat",
    "adjective", "gathering", "named-object", "pair", "no-aid", "place", "occasion", "at-place",
    "cooperation", "object", "not-past", "no-own-act", "envoy", "no-request", "not-without",
    "affirmed", "no-saying", "as-enemy",
})
_TYPES = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
})


def _feats(token: Token, feature: str) -> list[str]:
    """A morphological feature's values ("Mood" → ["Cnd"])."""
    return list(token.morph.get(feature, []))


def _apostrophes(text: str) -> str:
    return text.replace("’", "'")


def _parse_cue(raw: str, type_: str, mode: str, conditions: str, source: str) -> Cue:
    words = _apostrophes(raw.strip()).split()
    reflexive = with_en = False
    if words and words[0] == "se":
        reflexive, words = True, words[1:]
    elif words and words[0].startswith("s'"):
        reflexive, words = True, [words[0][2:], *words[1:]]
    if reflexive and words and words[0] == "en":
        with_en, words = True, words[1:]
    if not words:
        raise ValueError(f"{source}: empty cue {raw!r}")
    wanted = frozenset(c.strip() for c in conditions.split(",") if c.strip())
    if type_ not in _TYPES or not wanted <= _CONDITIONS:
        raise ValueError(f"{source}: bad line for {raw!r}: {type_} {sorted(wanted)}")
    return Cue(lemma=words[0], type=type_, mode=mode or None, conditions=wanted,
               reflexive=reflexive, with_en=with_en, after=" ".join(words[1:]))


def _read_cues(name: str) -> dict[str, list[Cue]]:
    text = (resources.files("filrouge") / "data" / name).read_text(encoding="utf-8")
    cues: dict[str, list[Cue]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = [*line.split("\t"), "", "", ""]
        cue = _parse_cue(cells[0], cells[1].strip(), cells[2].strip(), cells[3], name)
        cues.setdefault(cue.lemma, []).append(cue)
    return cues


@dataclass(frozen=True)
class Grammar:
    """The French grammar words the rules use (``data/events_fr.json``)."""

    words: dict[str, frozenset[str]]

    def __getitem__(self, key: str) -> frozenset[str]:
        return self.words[key]


@lru_cache(maxsize=1)
def verb_cues() -> dict[str, list[Cue]]:
    """Verb lemma → its lexicon lines, in file order."""
    return _read_cues("event_verbs.tsv")


@lru_cache(maxsize=1)
def noun_cues() -> dict[str, list[Cue]]:
    """Noun lemma → its lexicon lines, in file order."""
    return _read_cues("event_nouns.tsv")


@lru_cache(maxsize=1)
def events_data() -> dict[str, Any]:
    """``events_fr.json`` as read, once: every reader of its keys below takes it from here."""
    raw: dict[str, Any] = json.loads((resources.files("filrouge") / "data" / "events_fr.json")
                                     .read_text(encoding="utf-8"))
    return raw


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    raw = events_data()
    return Grammar({key: frozenset(_apostrophes(w) for w in value)
                    for key, value in raw.items() if isinstance(value, list)})


@lru_cache(maxsize=1)
def statement_readings() -> list[tuple[str, tuple[str, ...], str]]:
    """(type, words, condition) read from ``statement_readings`` in ``events_fr.json``."""
    raw = events_data()["statement_readings"]
    found: list[tuple[str, tuple[str, ...], str]] = []
    for type_, entries in raw.items():
        if type_.startswith("_"):
            continue
        if type_ not in _TYPES:
            raise ValueError(f"events_fr.json: statement_readings: bad type {type_}")
        for entry in entries:
            words, _, condition = _apostrophes(entry).partition("@")
            found.append((type_, tuple(words.replace("'", "' ").split()), condition))
    return found


@lru_cache(maxsize=1)
def _idioms() -> dict[str, tuple[str, ...]]:
    """Cue lemma → the words after it that make an idiom of it (``idioms`` in
    ``events_fr.json``: "céder la place" → {"céder": ("la place",)})."""
    found: dict[str, list[str]] = {}
    for idiom in grammar()["idioms"]:
        if idiom.startswith(("se ", "s'")):
            continue  # a pronominal idiom: _pronominal_idioms
        lemma, _, rest = idiom.replace("'", "' ").partition(" ")
        found.setdefault(lemma, []).append(" ".join(rest.split()))
    return {lemma: tuple(rests) for lemma, rests in found.items()}


@lru_cache(maxsize=1)
def _pronominal_idioms() -> frozenset[str]:
    """Lemmas whose pronominal use is another verb, no event ("se livrer à des exactions",
    "les délégués se sont levés"): the ``idioms`` of ``events_fr.json`` that start with "se"."""
    return frozenset(_parse_cue(idiom, "AGREE", "", "", "idioms").lemma
                     for idiom in grammar()["idioms"] if idiom.startswith(("se ", "s'")))


@lru_cache(maxsize=1)
def _object_idioms() -> dict[str, frozenset[str]]:
    """Cue lemma → the heads of a direct object that make another sense of it
    (``object_idioms`` in ``events_fr.json``: "accuser une forte baisse", "lever son verre",
    "livrer un long discours"), whatever words come between."""
    found: dict[str, set[str]] = {}
    for idiom in grammar()["object_idioms"]:
        lemma, _, head = idiom.partition(" ")
        found.setdefault(lemma, set()).add(head.strip())
    return {lemma: frozenset(heads) for lemma, heads in found.items()}


@lru_cache(maxsize=1)
def _future_stems() -> dict[str, tuple[str, ...]]:
    raw = events_data()["future_stems"]
    return {k: tuple(v) for k, v in raw.items() if not k.startswith("_")}
