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
_TARGET_CASES = {"à", "au", "aux", "avec", "contre", "envers", "vers", "pour", "auprès"}


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
            actors = _actors_of(token, entities)
            if not actors:
                continue
            targets = [t for t in _targets_of(token, entities) if t not in actors]
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
                    actors=actors,
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


def _actors_of(verb: Token, entities: EntityIndex) -> list[str]:
    """The actors: the subject (or the agent of a passive) and subjects coordinated with it,
    through a pronoun if need be; for a verb governed by another ("a décidé de livrer"), the
    governing verb's subject."""
    node: Token | None = verb
    for _ in range(3):
        if node is None:
            break
        for child in node.children:
            if child.dep_ in {"nsubj", "obl:agent"}:
                if child.lower_ in _PRONOUN_SUBJECTS:
                    found = entities.last_actor_before(child.idx)
                    return [found.actor] if found and found.actor else []
                heads = [child, *[c for c in child.children if c.dep_ == "conj"]]
                actors: list[str] = []
                for head in heads:
                    words = [head, *[c for c in head.subtree if c.dep_ != "conj"
                                     and c.i >= head.i and not _in_conj(c, head)]]
                    start = min(w.idx for w in words)
                    end = max(w.idx + len(w.text) for w in words)
                    found = entities.best_actor(start, end)
                    if found and found.actor and found.actor not in actors:
                        actors.append(found.actor)
                return actors
        node = node.head if node.dep_ in {"xcomp", "conj", "ccomp", "advcl"} else None
    return []


def _in_conj(token: Token, head: Token) -> bool:
    """Whether ``token`` belongs to a conjunct of ``head`` rather than to ``head`` itself."""
    node = token
    while node.i != head.i and node.head.i != node.i:
        if node.dep_ == "conj" and node.head.i == head.i:
            return True
        node = node.head
    return False


def _targets_of(verb: Token, entities: EntityIndex) -> list[str]:
    targets: list[str] = []
    for child in verb.children:
        if child.dep_ not in _TARGET_DEPS:
            continue
        cases = {c.lower_ for c in child.children if c.dep_ == "case"}
        if child.dep_.startswith(("obl", "nmod")) and not cases & _TARGET_CASES:
            continue  # "à la marge du sommet du G7" is where, not to whom
        words = list(child.subtree)
        for entity in entities.within(words[0].idx, words[-1].idx + len(words[-1].text)):
            if entity.actor and entity.actor not in targets and entity.label != "LOC":
                targets.append(entity.actor)
    return targets


def _is_negated(verb: Token) -> bool:
    words = [c for c in verb.children if c.dep_ in {"advmod", "advmod:neg"}]
    if verb.head.i != verb.i and verb.dep_ == "xcomp":
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
    if verb.dep_ == "xcomp" and head.i != verb.i:
        return head.lemma_.lower() in _MODALS or "Cnd" in head.morph.get("Mood", [])
    return False
