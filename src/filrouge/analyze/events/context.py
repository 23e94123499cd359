"""What the rules know about one article besides the parse: :class:`_Context` (its text,
entities, quotes, clauses, states by salience, the speakers' resolver), the :class:`_Draft` an
event is before it is finished, and the article-level indexes built once every cue is read
(whom its aid goes to, who strikes, the parties of its agreements).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from filrouge.analyze.entities import EntityIndex
from filrouge.analyze.events.lexicon import Cue, _apostrophes, grammar
from filrouge.analyze.speakers import Speaker, SpeakerResolver
from filrouge.model import Entity, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass
class _Context:
    """What the rules need about one article besides the parse."""

    text: str
    entities: EntityIndex
    quotes: list[Quote]
    adjectives: dict[str, str]
    clauses: list[tuple[int, int]]
    states: list[str]  # states named in the article, most named first
    recipients: list[str] = field(default_factory=list)  # whom its named aid goes to, most first
    hostile: list[str] = field(default_factory=list)  # states that strike or threaten, most first
    parties: list[str] = field(default_factory=list)  # the sides of its named agreements
    # what its actors decide or do, in text order (cue position, actors, type): the authors
    # of "la décision" that a praise or a charge names without saying whose
    deeds: list[tuple[int, list[str], str]] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    published: str | None = None
    # the quotes stage's resolver of pronouns, over this article
    speakers: SpeakerResolver | None = None

    def __post_init__(self) -> None:
        self.starts = [e.start for e in self.entities.entities]

    def country_of(self, actor: str) -> str | None:
        record = self.entities.registry.get(actor)
        if record is None:
            return None
        return actor if record.type == "state" else record.country

    def side_of(self, actor: str) -> str:
        """The state an actor speaks for (a person's country, an institution's state), or the
        actor itself (an organisation)."""
        record = self.entities.registry.get(actor)
        if record is None or record.type == "state":
            return actor
        return record.country or record.part_of or actor

    def implicit_target(self, actors: list[str]) -> str | None:
        """The state the article is most about, other than the actors' own: whom aid, troops,
        strikes or sanctions go to when the sentence does not say."""
        own = {self.side_of(a) for a in actors}
        return next((state for state in [*self.recipients, *self.states] if state not in own),
                    None)

    def quote_at(self, position: int) -> Quote | None:
        """The quote whose reported words hold ``position`` (direct: inside the marks)."""
        for quote in self.quotes:
            parts = quote.parts or [quote]
            if any(p.start <= position < p.end for p in parts):
                return quote
        return None

    def clause_of(self, position: int) -> tuple[int, int]:
        for start, end in self.clauses:
            if start <= position < end:
                return start, end
        return position, position + 1


_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"\n]*\"")


def _speaker_resolver(doc: Doc, context: _Context) -> SpeakerResolver:
    """The resolver the quotes stage uses for speakers, over the events' sentences, with the
    article's speakers remembered: one reading of "il" and "elle" for quotes and events."""
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(context.text)]
    paragraphs = [0] + [m.end() for m in re.finditer(r"\n+", context.text)]
    resolver = SpeakerResolver(doc, context.entities, context.published, quoted,
                               [start for start, _ in context.clauses], paragraphs,
                               context.text)
    for quote in context.quotes:
        if quote.speaker_actor or quote.anonymous:
            resolver.remember(quote.start, Speaker(None, quote.speaker_actor,
                                                   quote.speaker_name, quote.anonymous,
                                                   quote.speaker_description))
    return resolver


def _titled_only(context: _Context) -> dict[str, str]:
    """People the article names only by a title ("le porte-parole du Kremlin", never "Dmitri
    Peskov") → whom the title names them for: the gold records their acts as their
    institution's or state's (docs/gold.md, "Anonymous sources"). That is the actor named
    in the title (the Kremlin, NATO), else its adjective of nationality ("la porte-parole du
    ministère russe des Affaires étrangères" → Russia), else the person's country."""
    registry = context.entities.registry
    named: set[str] = set()
    titles: dict[str, str] = {}
    for entity in context.entities.entities:
        if entity.actor is None:
            continue
        if registry.kind_of(entity.text) == "role":
            titles.setdefault(entity.actor, entity.text)
        else:
            named.add(entity.actor)
    for quote in context.quotes:  # a speaker the quotes stage found by title alone
        if quote.speaker_actor and quote.speaker is not None and re.match(
            r"(?:les?|la|l['’])\s*\w", quote.speaker.text, re.IGNORECASE
        ):
            titles.setdefault(quote.speaker_actor, quote.speaker.text)
    found: dict[str, str] = {}
    for person, title in titles.items():
        record = registry.get(person)
        if person in named or record is None or record.type != "person":
            continue
        bare = re.sub(r"^(?:les?|la|l['’])\s*", "", title, flags=re.IGNORECASE)
        inner = [e.actor for e in registry.find(bare, context.published)  # no article: the
                 if e.actor and e.actor != person and e.label != "PER"]  # names inside
        states = [context.adjectives[w] for w in re.findall(r"[\w-]+", title.lower())
                  if w in context.adjectives]
        speaks_for = (inner or states or [record.country or ""])[0]
        if speaks_for:
            found[person] = speaks_for
    return found


def _adjective_actors(entities: EntityIndex) -> dict[str, str]:
    """Adjective of nationality (any gender and number) → state id: "russes" → RUS."""
    found: dict[str, str] = {}
    for actor in entities.registry.actors.values():
        for adjective in actor.adjectives:
            base = adjective.lower()
            forms = {base, base + "s"} if not base.endswith(("s", "x")) else {base}
            for form in forms:
                found.setdefault(form, actor.id)
    return found


_LEAD_CHARACTERS = 400


def _states_by_salience(doc: Doc, context: _Context) -> list[str]:
    """States of the article, most named first: by name, capital, adjective ("ukrainiens") or
    through their people ("Volodymyr Zelensky" counts for Ukraine)."""
    counts: Counter[str] = Counter()
    lead = _LEAD_CHARACTERS

    def weight(position: int) -> int:
        return 3 if position < lead else 1  # the lead says what the article is about

    for entity in context.entities.entities:
        state = context.country_of(entity.actor) if entity.actor else None
        if state is not None:
            counts[state] += weight(entity.start)
    for token in doc:
        state = context.adjectives.get(token.lower_)
        if state is not None and token.pos_ == "ADJ":
            counts[state] += weight(token.idx)
    return [state for state, _ in counts.most_common()]


_FINAL = frozenset('.!?…:;»"”)')


def _clauses(doc: Doc) -> list[tuple[int, int]]:
    """Sentences, cut again at line breaks (the parser runs lines together), trimmed of list
    marks and spaces."""
    text = doc.text
    out: list[tuple[int, int]] = []
    bounds: list[tuple[int, int]] = []
    for sentence in doc.sents:
        start, end = sentence.start_char, sentence.end_char
        previous = text[bounds[-1][0]:bounds[-1][1]].rstrip() if bounds else ""
        if previous and previous[-1] not in _FINAL and "\n" not in text[bounds[-1][1]:start]:
            bounds[-1] = (bounds[-1][0], end)  # the parser cut inside a sentence
        else:
            bounds.append((start, end))
    for start, end in bounds:
        for line in re.finditer(r"[^\n]+", text[start:end]):
            s, e = start + line.start(), start + line.end()
            while s < e and text[s] in " \t-–—•*·»":
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append((s, e))
    return out


# Events whose named target receives: the article's usual recipient of aid or troops.
_RECEIVING = frozenset({"AID", "MOBILIZE", "SUPPORT"})
# ... and not the states that give it nor those that strike or threaten.
_GIVING = frozenset({"AID", "MOBILIZE"})
_HOSTILE = frozenset({"ASSAULT", "THREATEN", "COERCE"})


def _named_recipients(drafts: list[_Draft], context: _Context) -> list[str]:
    """States the article's aid, troops and support go to by name ("40 milliards à
    l'Ukraine"), most often first: whom the aid a sentence does not address goes to."""
    counts: Counter[str] = Counter()
    for draft in drafts:
        if draft.cue.type in _RECEIVING and draft.targets and not draft.target_implicit and (
            draft.cue.type != "SUPPORT"
            or draft.trigger.lemma_.lower() in grammar()["giving_support_words"]
        ):  # "le soutien à l'Ukraine", not praise: "a remercié Abou Dhabi" receives nothing
            state = context.country_of(draft.targets[0])
            if state is not None:
                counts[state] += 1
    if drafts:  # "un déploiement européen en Ukraine", "des soldats européens en Ukraine"
        counts.update(_troops_sent_to(drafts[0].trigger.doc, context))
    # a threat or a charge read from a statement's words ("Israël « fera payer le prix »")
    # does not make its speaker's state a striker: it may still be whom the aid goes to
    givers = {context.country_of(a) for d in drafts if d.cue.type in _GIVING | _HOSTILE
              and not d.read_from_words for a in d.actors}
    ranked = [state for state, _ in counts.most_common()]
    return ranked + [s for s in context.states if s not in givers and s not in counts]


def _troops_sent_to(doc: Doc, context: _Context) -> list[str]:
    """The countries the article's troops are sent to, whoever sends them: a country after
    "en" on a word for troops or a deployment ("un déploiement européen en Ukraine")."""
    words = grammar()
    found: list[str] = []
    for token in doc:
        lemma = token.lemma_.lower()
        if token.pos_ != "NOUN" or not (
            lemma in words["troop_words"] or lemma in words["deployment_nouns"]
        ):
            continue
        for child in token.children:
            if child.dep_ in {"nmod", "obl", "obl:mod"} and any(
                _apostrophes(k.lower_) == "en" for k in child.children if k.dep_ == "case"
            ):
                entity = _entity_at(context, child)
                actor = entity.actor if entity is not None else None
                if actor and context.country_of(actor) == actor:
                    found.append(actor)
    return found


def _hostile_states(drafts: list[_Draft], context: _Context) -> list[str]:
    """States that strike, threaten or coerce in the article, most often first, then the
    other states it names most that receive no aid: whom sanctions a sentence does not
    address are taken against ("sans annoncer de nouvelles sanctions")."""
    counts: Counter[str] = Counter(
        state for d in drafts if d.cue.type in _HOSTILE for a in d.actors
        if (state := context.country_of(a)) is not None)
    ranked = [state for state, _ in counts.most_common()]
    aided = set(context.recipients[:1])
    return ranked + [s for s in context.states if s not in aided and s not in counts]


def _agreement_parties(drafts: list[_Draft], context: _Context) -> list[str]:
    """The sides of the agreements the article names with both parties ("Les États-Unis et
    l'Ukraine ont signé un accord"), most often first: who "le texte" is signed with."""
    counts: Counter[str] = Counter()
    for draft in drafts:
        if draft.cue.type == "AGREE" and draft.targets and not draft.target_implicit:
            for actor in [*draft.actors, *draft.targets]:
                counts[context.side_of(actor)] += 1
    return [side for side, _ in counts.most_common()]


@dataclass
class _Draft:
    cue: Cue
    trigger: Token
    actors: list[str]
    targets: list[str]
    negated: bool
    hypothetical: bool
    from_noun: bool
    resolved_pronoun: bool = False
    target_implicit: bool = False
    read_from_words: bool = False  # what a statement does, read from its words
    # How the actor was found: subject, pronoun, agentless (speaker, context, words before
    # the verb), or for a noun its own words (of, by, between, adjective), a light verb,
    # an apposition, a possessive; "statement" for a statement reading.
    way: str = "subject"


def _is_person(actor: str, context: _Context) -> bool:
    record = context.entities.registry.get(actor)
    return actor.startswith("local:") or (record is not None and record.type == "person")


def _entity_at(context: _Context, token: Token) -> Entity | None:
    """The entity mention covering ``token`` (a registry actor over a model's guess)."""
    entities = context.entities.entities
    found: Entity | None = None
    for index in range(bisect.bisect_right(context.starts, token.idx) - 1, -1, -1):
        entity = entities[index]
        if entity.end <= token.idx and entity.start < token.idx - 200:
            break
        if entity.start <= token.idx < entity.end and (found is None or (
                not found.actor and entity.actor)):
            found = entity
    return found


# What an actor decides or gives: "la décision", "le vote", "le geste" saluted or denounced
# without an author is the last one of these before.
# (Not a concession: "Orban a levé son veto" lets the others take the decision.)
_DEEDS = frozenset({"AGREE", "AID", "SANCTION", "MOBILIZE", "COOPERATE", "RETREAT", "COERCE"})


def _deeds(drafts: list[_Draft]) -> list[tuple[int, list[str], str]]:
    """The acts of the article that a later "décision" may stand for, in text order."""
    return sorted((d.trigger.idx, d.actors, d.cue.type) for d in drafts
                  if d.cue.type in _DEEDS and d.actors and not d.negated
                  and not d.hypothetical)
