"""Events: who did what to whom, when, in PLOVER types, each grounded in one sentence.

A verb of the event lexicon (a data file) becomes an event only when its subject names an actor:
what cannot be grounded in the sentence is not output. Negated, hypothetical (conditional,
future, "pourrait", "envisage de") and reported (inside a quote) statements are flagged, so a
hypothetical is never presented as a fact.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from filrouge.analyze.dating import statement_date
from filrouge.analyze.entities import EntityIndex
from filrouge.analyze.lexicons import event_verbs
from filrouge.model import Event, Quote, Span, TimeExpr

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_NEGATIONS = {"pas", "jamais", "plus", "guère", "aucunement", "nullement"}
_MODALS = {"pouvoir", "devoir", "vouloir", "envisager", "souhaiter", "espérer", "compter",
           "proposer", "aller", "prévoir", "menacer", "promettre", "s'engager", "entendre"}
_TARGET_DEPS = {"obj", "iobj", "obl", "obl:arg", "obl:mod", "nmod"}
_PRONOUN_SUBJECTS = {"il", "elle", "ils", "elles"}


def find_events(
    doc: Doc,
    entities: EntityIndex,
    quotes: list[Quote],
    times: list[TimeExpr],
    published: str | None,
) -> list[Event]:
    lexicon = event_verbs()
    text = doc.text
    events: list[Event] = []
    for sentence in doc.sents:
        for token in sentence:
            entry = lexicon.get(_lemma(token))
            if entry is None or token.pos_ != "VERB":
                continue
            actor = _actor_of(token, entities)
            if actor is None:
                continue
            targets = [t for t in _targets_of(token, entities) if t != actor]
            date, origin = statement_date(times, sentence.start_char, sentence.end_char,
                                           published)
            hypothetical = _is_hypothetical(token)
            events.append(
                Event(
                    start=sentence.start_char,
                    end=sentence.end_char,
                    text=text[sentence.start_char:sentence.end_char],
                    type=entry.type,
                    mode=entry.mode,
                    trigger=Span.of(text, token.idx, token.idx + len(token.text)),
                    actors=[actor],
                    targets=targets[:2],
                    date=date,
                    date_origin=origin,
                    negated=_is_negated(token),
                    hypothetical=hypothetical,
                    reported=any(q.start <= token.idx < q.end for q in quotes),
                    confidence=(0.7 if targets else 0.5) * (0.6 if hypothetical else 1.0),
                )
            )
    return events


def _lemma(token: Token) -> str:
    reflexive = any(c.dep_ == "expl:comp" or c.lower_ in {"se", "s'"} for c in token.children)
    lemma = token.lemma_.lower()
    return f"s'{lemma}" if reflexive and f"s'{lemma}" in event_verbs() else lemma


def _actor_of(verb: Token, entities: EntityIndex) -> str | None:
    """The actor: the subject (or the agent of a passive), through a pronoun if need be; for a
    verb governed by another ("a décidé de livrer"), the governing verb's subject."""
    node: Token | None = verb
    for _ in range(3):
        if node is None:
            break
        for child in node.children:
            if child.dep_ in {"nsubj", "obl:agent"}:
                if child.lower_ in _PRONOUN_SUBJECTS:
                    found = entities.last_actor_before(child.idx)
                else:
                    words = list(child.subtree)
                    found = entities.best_actor(words[0].idx, words[-1].idx + len(words[-1].text))
                return found.actor if found else None
        node = node.head if node.dep_ in {"xcomp", "conj", "ccomp", "advcl"} else None
    return None


def _targets_of(verb: Token, entities: EntityIndex) -> list[str]:
    targets: list[str] = []
    for child in verb.children:
        if child.dep_ not in _TARGET_DEPS:
            continue
        words = list(child.subtree)
        for entity in entities.within(words[0].idx, words[-1].idx + len(words[-1].text)):
            if entity.actor and entity.actor not in targets and entity.label != "LOC":
                targets.append(entity.actor)
    return targets


def _is_negated(verb: Token) -> bool:
    words = [c for c in verb.children if c.dep_ in {"advmod", "advmod:neg"}]
    if verb.head is not verb and verb.dep_ == "xcomp":
        words += [c for c in verb.head.children if c.dep_ in {"advmod", "advmod:neg"}]
    return any(w.lower_ in _NEGATIONS for w in words) and any(
        w.lower_ in {"ne", "n'", "n’"} for w in [*verb.children, *verb.head.children]
    )


def _is_hypothetical(verb: Token) -> bool:
    auxiliaries = [a for a in verb.children if a.dep_.startswith("aux")]
    moods = [m for t in (verb, *auxiliaries) for m in t.morph.get("Mood", [])]
    tenses = [m for t in (verb, *auxiliaries) for m in t.morph.get("Tense", [])]
    if "Cnd" in moods or "Fut" in tenses:
        return True
    if any(c.lower_ == "si" and c.dep_ == "mark" for c in verb.children):
        return True
    head = verb.head
    if verb.dep_ == "xcomp" and head is not verb:
        return head.lemma_.lower() in _MODALS or "Cnd" in head.morph.get("Mood", [])
    return False
