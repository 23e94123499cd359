"""Language resources shipped as data files in ``filrouge/data`` and read once."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal, cast

CueClass = Literal["neutral", "assertive", "denial", "warning", "opinion"]


def _data_text(name: str) -> str:
    return (resources.files("filrouge") / "data" / name).read_text(encoding="utf-8")


def _tsv_rows(name: str) -> list[list[str]]:
    rows = []
    for line in _data_text(name).splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([cell.strip() for cell in line.split("\t")])
    return rows


@dataclass(frozen=True)
class ReportingVerb:
    """One row of ``quote_verbs.tsv``: a lemma (possibly several words, "faire savoir"), what it
    says about the statement (``cue_class``) and the constructions in which it reports speech
    (``frame``: any, clause, incise, source)."""

    lemma: str
    cue_class: CueClass
    frame: str


REPORTING_CLASSES = frozenset({"neutral", "assertive", "denial", "warning", "opinion"})
REPORTING_FRAMES = frozenset({"any", "clause", "incise", "source"})


@lru_cache(maxsize=1)
def reporting_verbs() -> dict[str, ReportingVerb]:
    """Reporting verbs by lemma; a bad class or frame in the data file is an error, not a
    silent default."""
    verbs: dict[str, ReportingVerb] = {}
    for row in _tsv_rows("quote_verbs.tsv"):
        lemma, cue_class = row[0], row[1]
        frame = row[2] if len(row) > 2 and row[2] else "any"
        if cue_class not in REPORTING_CLASSES or frame not in REPORTING_FRAMES:
            raise ValueError(f"quote_verbs.tsv: bad class or frame for {lemma!r}: {row}")
        verbs[lemma] = ReportingVerb(lemma, cast(CueClass, cue_class), frame)
    return verbs


# Forms of the irregular verbs of the lexicon: 3rd person present (sg, pl), past participle,
# imperfect stem. Regular -er and -ir verbs are conjugated by rule.
_IRREGULAR = {
    "dire": ("dit", "disent", "dit", "dis"), "écrire": ("écrit", "écrivent", "écrit", "écriv"),
    "décrire": ("décrit", "décrivent", "décrit", "décriv"),
    "prédire": ("prédit", "prédisent", "prédit", "prédis"),
    "prévenir": ("prévient", "préviennent", "prévenu", "préven"),
    "soutenir": ("soutient", "soutiennent", "soutenu", "souten"),
    "reconnaître": ("reconnaît", "reconnaissent", "reconnu", "reconnaiss"),
    "admettre": ("admet", "admettent", "admis", "admett"),
    "promettre": ("promet", "promettent", "promis", "promett"),
    "mettre": ("met", "mettent", "mis", "mett"), "faire": ("fait", "font", "fait", "fais"),
    "craindre": ("craint", "craignent", "craint", "craign"),
    "conclure": ("conclut", "concluent", "conclu", "conclu"),
    "exclure": ("exclut", "excluent", "exclu", "exclu"),
    "répondre": ("répond", "répondent", "répondu", "répond"),
    "démentir": ("dément", "démentent", "démenti", "dément"),
    "sourire": ("sourit", "sourient", "souri", "souri"),
    "poursuivre": ("poursuit", "poursuivent", "poursuivi", "poursuiv"),
    "reprendre": ("reprend", "reprennent", "repris", "repren"),
    "croire": ("croit", "croient", "cru", "croy"),
}


def _conjugated(lemma: str) -> set[str]:
    """Third-person forms of a verb: present, imperfect, passé simple, past participle."""
    if lemma in _IRREGULAR:
        present, plural, participle, imperfect = _IRREGULAR[lemma]
        return {lemma, present, plural, participle, participle + "e", participle + "s",
                imperfect + "ait", imperfect + "aient"}
    if lemma.endswith("er"):
        stem = lemma[:-2]
        soft = stem + ("e" if stem.endswith("g") else "")
        soft = soft[:-1] + "ç" if stem.endswith("c") else soft
        present = re.sub(r"é([^aeiouyéèêàâîôû]+)$", r"è\1", stem)
        if lemma.endswith(("eler", "eter")) and lemma not in {"acheter", "geler"}:
            present = stem + stem[-1]
        return {lemma, present + "e", present + "ent", stem + "é", stem + "ée", stem + "és",
                soft + "ait", soft + "aient", soft + "a", stem + "èrent"}
    if lemma.endswith("ir"):
        stem = lemma[:-2]
        return {lemma, stem + "it", stem + "issent", stem + "i", stem + "ie",
                stem + "issait", stem + "issaient"}
    return {lemma}


@lru_cache(maxsize=1)
def reporting_forms() -> dict[str, ReportingVerb]:
    """Surface form → reporting verb, for cues the tagger reads as a noun or an adjective
    ("« … », tranche-t-il", "plaisante un diplomate"). Only the last word of a multi-word
    lemma is conjugated."""
    forms: dict[str, ReportingVerb] = {}
    for lemma, verb in reporting_verbs().items():
        if verb.frame == "source":
            continue
        bare = lemma.removeprefix("se ").removeprefix("s'")
        if " " in bare:
            continue
        for form in _conjugated(bare):
            forms.setdefault(form, verb)
    return forms


@lru_cache(maxsize=1)
def quote_verbs() -> dict[str, str]:
    """Reporting verbs (lemma → class: neutral, assertive, denial, warning, opinion)."""
    return {lemma: verb.cue_class for lemma, verb in reporting_verbs().items()}


@dataclass(frozen=True)
class QuoteCues:
    """Word lists of ``quotes_fr.json``: what may follow "selon", which phrases wrap a source
    ("le compte rendu du Kremlin"), which heads cannot speak, titles, gender markers."""

    source_not_speaker_after: tuple[str, ...]
    source_wrappers: tuple[str, ...]
    not_speakers: frozenset[str]
    first_person: frozenset[str]
    continuation_infinitives: frozenset[str]
    titles: tuple[str, ...]
    title_synonyms: dict[str, tuple[str, ...]]
    institution_heads: frozenset[str]
    organisation_heads: frozenset[str]
    presidencies: dict[str, str]
    feminine_markers: tuple[str, ...]
    masculine_markers: tuple[str, ...]
    platforms: tuple[str, ...]
    media_words: tuple[str, ...]


@lru_cache(maxsize=1)
def quote_cues() -> QuoteCues:
    data = json.loads(_data_text("quotes_fr.json"))
    return QuoteCues(
        source_not_speaker_after=tuple(data["source_not_speaker_after"]),
        source_wrappers=tuple(data["source_wrappers"]),
        not_speakers=frozenset(data["not_speakers"]),
        first_person=frozenset(data["first_person"]),
        continuation_infinitives=frozenset(data["continuation_infinitives"]),
        titles=tuple(data["titles"]),
        title_synonyms={k: tuple(v) for k, v in data["title_synonyms"].items()},
        institution_heads=frozenset(data["institution_heads"]),
        organisation_heads=frozenset(data["organisation_heads"]),
        presidencies=dict(data["presidencies"]),
        feminine_markers=tuple(data["feminine_markers"]),
        masculine_markers=tuple(data["masculine_markers"]),
        platforms=tuple(data["platforms"]),
        media_words=tuple(data["media_words"]),
    )


@dataclass(frozen=True)
class EventVerb:
    type: str
    mode: str | None


@lru_cache(maxsize=1)
def event_verbs() -> dict[str, EventVerb]:
    """Verbs that state an event, with their PLOVER type and mode."""
    return {
        row[0]: EventVerb(type=row[1], mode=row[2] if len(row) > 2 and row[2] else None)
        for row in _tsv_rows("event_verbs.tsv")
    }


@dataclass(frozen=True)
class AnonymousLexicon:
    heads: frozenset[str]
    indefinite: tuple[str, ...]
    markers: tuple[str, ...]
    people: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def anonymous_sources() -> AnonymousLexicon:
    """Words that mark an unnamed source ("un diplomate européen", "sous couvert d'anonymat")."""
    data = json.loads(_data_text("anonymous_fr.json"))
    return AnonymousLexicon(
        heads=frozenset(data["heads"]),
        indefinite=tuple(data["indefinite"]),
        markers=tuple(data["markers"]),
        people=frozenset(data.get("people", [])),
    )
