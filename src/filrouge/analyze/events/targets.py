"""Whom an event is addressed to, as its own clause names it: "entre X et Y", "avec X",
"contre X", an indirect or direct object, "à X", or the place of a visit, ranked by how surely
each mention is the target. A capital or a seat of government read as a place is where
something happens, not whom it is addressed to.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from filrouge.analyze.events.actors import (
    _GROUP_HEADS,
    _adjective_list,
    _between,
    _one_phrase_actor,
    _relational_referent,
)
from filrouge.analyze.events.context import _Context, _entity_at
from filrouge.analyze.events.lexicon import Cue, _apostrophes, _feats, grammar
from filrouge.analyze.events.parse import (
    _attached,
    _conjuncts,
    _fronted_locative,
    _in_clause_of,
    _is_passive,
    _link_to,
)
from filrouge.model import Entity

if TYPE_CHECKING:
    from spacy.tokens import Token


# Ranks up to this one name whom the event is addressed to ("avec X", "à X", the object);
# beyond, only whom it is about ("la désignation de X").
_ADDRESSED = 3


def _verb_targets(verb: Token, cue: Cue, context: _Context, actors: list[str],
                  ) -> list[tuple[int, str]]:
    """Whom the event is addressed to, best first: "entre X et Y", "avec X", "contre X", an
    indirect object, the direct object when it names an actor (not for aid or troops, whose
    object is what is sent), then "à X", or the place of a visit. Every actor of the clause
    is tried, following its parse up to the verb, so a complement the parser hung on a
    neighbouring noun ("vendredi avec JD Vance") still counts; none in a clause of its own.
    Returns (rank, actor) pairs, best first."""
    ranked: list[tuple[int, str]] = []
    between = _between(verb, context)
    if len(between) >= 2:
        ranked.append((0, between[1]))
    start, end = context.clause_of(verb.idx)
    for entity in context.entities.within(start, end):
        entity = _with_capital(entity, context)
        if not entity.actor or entity.label == "LOC" or entity.actor in actors:
            continue
        span = verb.doc.char_span(entity.start, entity.end, alignment_mode="expand")
        if span is None:
            continue
        rank = _target_rank(span.root, verb, cue, context, entity)
        if rank is not None:
            ranked.append((rank, _as_target(entity, cue, context)))
    for word in verb.doc.char_span(start, end, alignment_mode="expand") or []:
        if word.pos_ != "NOUN":
            continue  # no relational referent (a quick test first: this runs per word)
        for nth in range(2 if "Plur" in _feats(word, "Number") else 1):  # "ses hôtes": two
            referent = _relational_referent(word, actors, context, nth)  # "la désignation de
            if referent is None:                                          # son successeur"
                break
            mention = Entity(start=word.idx, end=word.idx + len(word), text=word.text,
                             label="PER", actor=referent)
            rank = _target_rank(word, verb, cue, context, mention)
            if rank is not None:
                ranked.append((rank, referent))
    if not ranked and "gathering" in cue.conditions:  # "assistait à la réunion"
        ranked.extend((_ADDRESSED, a) for a in _body_met_before(verb, context, actors))
    if not ranked and cue.mode == "visit":  # "À Washington, où il s'est rendu…"
        ranked.extend((_ADDRESSED, a) for a in _visited_where(verb, context))
    if not ranked and cue.type in _MEETING_TYPES:  # "rencontrer des responsables russes"
        ranked.extend((_ADDRESSED + 1, a) for a in _met_by_nationality(verb, context, actors))
    if cue.type == "ASSAULT":  # "a lancé 367 drones contre les villes ukrainiennes"
        for word in verb.subtree:
            if word.lower_ == "contre" and word.dep_ == "case" and _attached(word.head, verb):
                ranked.extend((1, a) for a in _target_actors(word.head, context, True,
                                                             adjectives=True))
    ranked.sort(key=lambda r: r[0])
    seen: set[str] = set()
    best: list[tuple[int, str]] = []
    for rank, actor in ranked:
        if actor not in seen and actor not in actors:
            seen.add(actor)
            best.append((rank, actor))
    return best


_MEETING_TYPES = frozenset({"CONSULT"})


def _met_by_nationality(verb: Token, context: _Context, actors: list[str]) -> list[str]:
    """People a meeting verb names by their nationality only ("rencontrer des responsables
    russes", "s'entretenir avec ses homologues allemands"): their state, when one side."""
    own = {context.side_of(a) for a in actors}
    found: list[str] = []
    for word in verb.subtree:
        if word.i <= verb.i or word.pos_ != "NOUN" or word.lemma_.lower() not in (
            _GROUP_HEADS | grammar()["counterpart_nouns"]
        ):  # "a reçu son homologue ukrainien"
            continue
        if not _in_clause_of(word, verb, max_hops=5) or any(
            k.dep_ == "case" and k.lower_ in grammar()["without"] for k in word.children
        ):  # "s'est réuni sans le secrétaire américain": not met
            continue
        for state in _adjective_list(word, context):
            if state not in own and state not in found:
                found.append(state)
    return found if len(found) == 1 else []


def _meeting_body(noun: Token, context: _Context) -> str | None:
    """The organisation whose meeting a noun names ("le sommet de la coalition")."""
    for child in noun.children:
        if child.dep_ != "nmod" or not any(_apostrophes(k.lower_) in {"de", "du", "des", "d'"}
                                           for k in child.children if k.dep_ == "case"):
            continue
        entity = _entity_at(context, child)
        record = context.entities.registry.get(entity.actor) if (
            entity is not None and entity.actor) else None
        if entity is not None and record is not None and record.type not in {
            "state", "person"
        } and context.entities.registry.kind_of(entity.text) != "capital":
            return record.id
    return None


def _body_met_before(verb: Token, context: _Context, actors: list[str]) -> list[str]:
    """"L'émissaire assistait à la réunion": "la réunion" with nothing of its own is the
    meeting of a body named before in the article ("au terme du sommet de la coalition")."""
    words = grammar()
    meeting = next((w for c in verb.children if c.dep_ in {"obj", "obl:arg", "obl"}
                    for w in [c] if w.lemma_.lower() in words["gathering_words"]), None)
    if meeting is None or any(c.dep_ in {"nmod", "amod"} for c in meeting.children) or not any(
        c.dep_ == "det" and "Def" in _feats(c, "Definite") for c in meeting.children
    ):
        return []
    for earlier in reversed(verb.doc[:meeting.i]):
        if earlier.pos_ == "NOUN" and earlier.lemma_.lower() in words["gathering_words"]:
            body = _meeting_body(earlier, context)
            if body is not None:
                return [body] if body not in actors else []
    return []


# a destination in the words themselves ("à Kiev", "en Chine", "aux États-Unis")
_AT_PLACE = re.compile(r"(?:^|[\s(])(?:à|en|au|aux|dans|chez)\s+(?:l['’]|la\s+|le\s+|les\s+)?$",
                       re.IGNORECASE)


def _place_after(noun: Token, context: _Context) -> list[str]:
    """The place right after a visit noun in the words ("sa visite à Pékin", "son séjour en
    Chine"), however the parser hung it."""
    end = noun.idx + len(noun.text)
    visit = Cue(lemma="", type="CONSULT", mode="visit", conditions=frozenset())
    for entity in context.entities.within(end, end + 20):
        entity = _with_capital(entity, context)
        record = context.entities.registry.get(entity.actor) if entity.actor else None
        if record is not None and _AT_PLACE.search(" " + context.text[end:entity.start]) and (
            _is_place(entity, context) or record.type == "state"
        ):
            return [_as_target(entity, visit, context)]
        break
    return []


def _visited_where(verb: Token, context: _Context) -> list[str]:
    """The place a relative "où" hangs a visit on ("À Washington, où il s'est rendu…")."""
    where = next((c for c in verb.children if c.lower_ == "où" and c.i < verb.i), None)
    if where is None or where.i == 0:
        return []
    before = verb.doc[where.i - 1]
    if before.text == "," and where.i > 1:
        before = verb.doc[where.i - 2]
    entity = _entity_at(context, before)  # the place right before "où", whatever the parse
    if entity is None:
        return []
    entity = _with_capital(entity, context)
    record = context.entities.registry.get(entity.actor) if entity.actor else None
    if record is None or not (_is_place(entity, context) or record.type == "state"):
        return []
    return [_as_target(entity, Cue(lemma="", type="CONSULT", mode="visit",
                                   conditions=frozenset()), context)]


def _meeting_rank(root: Token, verb: Token, cue: Cue, context: _Context, entity: Entity,
                  cases: set[str]) -> int | None:
    """Whom a meeting verb names where the parse hid it: -1 when the mention is surely not
    the one met, a rank when it surely is, None to let the general rules decide.

    - "s'est entretenu au téléphone avec X": "avec X" hung on the telephone word;
    - "a rencontré son homologue polonais Andrzej Duda": a name beside the person met,
      wherever the parser hung that person ("à Riyad son homologue");
    - "X a été reçu par Y": the one received is the subject of the passive;
    - "a assisté à la réunion de la coalition": the body holding the meeting it attends."""
    words = grammar()
    if "place" in cue.conditions and (not (
        _is_place(entity, context) or _named_as_place(entity, context)
    ) or (cases and not cases & words["visit_cases"])):
        return -1  # "rejoignant le Royaume-Uni et l'Allemagne" (as signatories), "revient sur
        # les engagements pris envers Kiev": no visit
    if "at-place" in cue.conditions and not _AT_PLACE.search(
        context.text[max(0, entity.start - 12):entity.start]
    ):
        return -1  # "revient sur les engagements pris envers Kiev" parsed with Kiev as object
    if cue.mode == "visit" and (entity.actor or "").startswith("local:") and (
        entity.label != "PER"
    ):
        return -1  # "dans le Bureau ovale" guessed as an organisation: not whom one visits
    link = _link_to(root, verb)
    if link is None:
        return None
    if link.dep_ == "nsubj:pass" and (root.i == link.i or root.head.i == link.i) and (
        _is_passive(verb)
    ):
        return 2
    if link.dep_ == "nsubj" and link.i > verb.i and root.i == link.i and any(
        c.dep_ == "nsubj" and c.i < verb.i for c in verb.children
    ):
        return 2  # "X a rencontré Xi Jinping", the object read as a second subject
    if link.dep_.startswith("nsubj") or link.dep_ in {"obl:agent", "expl:subj"}:
        return None
    if not cases and root.dep_ == "nmod" and root.head.i == link.i and link.dep_ == "obl:mod" and (
        link.pos_ == "NOUN" and not any(k.dep_ == "case" for k in link.children)
    ):
        return 2  # "a rencontré vendredi Vladimir Poutine", the name hung on the day
    if "avec" in cases and root.head.lemma_.lower() in words["gathering_words"] and (
        root.head.i == link.i or _attached(root.head, verb)
    ):
        return 1  # "a participé à des pourparlers avec X"
    if "avec" in cases and root.head.lemma_.lower() in words["phone_words"] and _attached(
        root.head, verb
    ):
        return 1
    holder = root.head
    if root.dep_ in {"appos", "amod", "flat:name", "nmod"} and not cases and (
        holder.pos_ == "NOUN" and holder.i != root.i and (
            holder.lemma_.lower() in words["counterpart_nouns"]
            or (holder.i == link.i and holder.lemma_.lower() in _GROUP_HEADS and (
                link.dep_ == "obj" or any(k.lower_ == "avec" for k in holder.children))))
    ) and not any(k.dep_ == "case" and k.lower_ not in {"à", "avec"}
                  for k in holder.children) and (
        _in_clause_of(root, verb, max_hops=5)
    ):
        return 2
    if root.dep_ == "nmod" and cases & {"de", "du", "des", "d'"} and holder.pos_ == "NOUN" and (
        holder.lemma_.lower() in words["guest_words"] | words["counterpart_nouns"]
    ) and ((holder.i == link.i and link.dep_ == "obj") or any(
        _apostrophes(k.lower_) == "avec" for k in holder.children if k.dep_ == "case"
    )) and _attached(holder, verb):
        return 2  # "avec ses homologues du G7", "a reçu une délégation de l'Otan"
    gathering = link.pos_ == "NOUN" and link.lemma_.lower() in words["gathering_words"]
    if gathering and "gathering" in cue.conditions and root.head.i == link.i and (
        cases & {"de", "du", "des", "d'"}
    ):
        record = context.entities.registry.get(entity.actor) if entity.actor else None
        if record is not None and record.type not in {"state", "person"} and not _is_place(
            entity, context
        ):
            return 3  # "assistait à la réunion de la coalition"
    return None


def _target_rank(root: Token, verb: Token, cue: Cue, context: _Context, entity: Entity,
                 ) -> int | None:
    """How surely the mention at ``root`` is the verb's target, or None when it is not."""
    words = grammar()
    cases = {_apostrophes(k.lower_) for k in root.children if k.dep_ == "case"}
    if cue.type in _MEETING_TYPES:
        met = _meeting_rank(root, verb, cue, context, entity, cases)
        if met is not None:
            return met if met >= 0 else None
    if "pour" in cases and _meant_for(root, verb, cue):
        return _ADDRESSED
    if not _attached(root, verb):
        return None
    link = root
    while link.head.i != verb.i:
        link = link.head
    if link.dep_ == "conj" and root.i == link.i and root.pos_ in {"PROPN", "NOUN"} and (
        first := _coordinated_object(root, verb)
    ) is not None:
        link = root = first  # "a accusé Berlin et Washington", Washington hung on the verb
    visit = cue.mode == "visit"
    place = _is_place(entity, context)
    if link.dep_.startswith("nsubj") or link.dep_ in {"obl:agent", "expl:subj"}:
        return None
    if cases & {"avec", "contre", "envers", "auprès", "face"}:
        return 1
    if cases & {"entre"}:
        return 1
    if link.dep_ == "iobj" and root.i == link.i:
        return 1
    direct = root.i == link.i or (root.dep_ == "appos" and root.head.i == link.i)
    if link.dep_ == "obj" and direct and not cases:  # "a désigné le Premier ministre, X"
        return None if cue.type in {"AID", "MOBILIZE", "RETREAT"} else 2
    if link.dep_ == "obj" and root.head.i == link.i and cases & {"de", "du", "des", "d'"} and (
        cue.type in {"SUPPORT", "ACCUSE", "REJECT"}
    ):
        return 4  # "a salué la désignation de Mark Rutte", "dénonce l'attitude de Moscou"
    if cases & {"à", "au", "aux", "chez"} or (visit and cases & words["visit_cases"]):
        if place and not visit and cue.type in {"AGREE", "CONSULT"}:
            return None  # "signé à Kiev", "réunis à l'Élysée": where, not with whom
        if not visit and _fronted_locative(root, verb):
            return None  # "Au Kremlin, Peskov a prévenu…"
        return 3
    return None


def _coordinated_object(word: Token, verb: Token) -> Token | None:
    """The object a name joined by "et" or "ou" continues when the parser hung the name on
    the verb itself ("a accusé Berlin et Washington de…"): the verb's object or indirect
    object right before it."""
    before = word.doc[word.i - 1] if word.i > 0 else None
    if before is None or before.dep_ != "cc" or before.lower_ not in {"et", "ou"}:
        return None
    objects = [c for c in verb.children if c.dep_ in {"obj", "iobj"} and verb.i < c.i < word.i]
    return objects[-1] if objects else None


def _meant_for(root: Token, verb: Token, cue: Cue) -> bool:
    """Whether "pour X" at ``root`` names whom the verb's aid is for: "a débloqué 500 millions
    d'euros pour Kiev", "ont adopté une enveloppe de 61 milliards pour l'Ukraine", also when
    the aid is agreed on ("se sont mis d'accord sur une aide … pour l'Ukraine": the agreement
    and the aid go to Ukraine, not to the state the article names most). Only aid words carry
    it in an agreement ("un accord pour la paix" is for no one)."""
    if cue.type == "AID" and _attached(root, verb):
        return True
    holder = root.head  # the aid word, through the amount the parser may hang X on
    for _ in range(3):  # ("une aide de 50 milliards d'euros pour l'Ukraine")
        if holder.lemma_.lower() in grammar()["aid_agreement_words"] or not (
            holder.dep_ == "nmod" and {_apostrophes(k.lower_) for k in holder.children
                                       if k.dep_ == "case"} <= {"de", "du", "des", "d'"}
        ):
            break
        holder = holder.head
    return (cue.type in {"AID", "AGREE"} and holder.i not in {root.i, verb.i}
            and holder.lemma_.lower() in grammar()["aid_agreement_words"]
            and _attached(holder, verb))


def _with_capital(entity: Entity, context: _Context) -> Entity:
    """A capital the model saw as a mere place ("4,5 milliards à Kiev") names its state."""
    registry = context.entities.registry
    if entity.actor or registry.kind_of(entity.text) != "capital":
        return entity
    state = registry.resolve(entity.text)
    if state is None:
        return entity
    return entity.model_copy(update={"actor": state.id, "label": "GPE"})


def _is_place(entity: Entity, context: _Context) -> bool:
    """A capital or a seat of government (Élysée, Kremlin) standing where it is named."""
    registry = context.entities.registry
    record = registry.get(entity.actor) if entity.actor else None
    seat = record is not None and record.type not in {"state", "person"} and (
        record.part_of is not None or record.country is not None)
    return registry.kind_of(entity.text) == "capital" or seat


_LOCATIVE = re.compile(r"(?:^|[\s(])(?:en|dans|depuis|vers)\s*$", re.IGNORECASE)
_AT = re.compile(r"(?:^|[\s(])[àÀ]\s*$")


def _named_as_place(entity: Entity, context: _Context) -> bool:
    """"en Ukraine", "dans le Bureau ovale", "À Ankara, …": where something happens, not
    whom it is addressed to (a state after "à" still may be: "a promis à l'Ukraine")."""
    before = context.text[max(0, entity.start - 12) : entity.start]
    before = re.sub(r"(?:\b(?:le|la|les)\s+|\bl['’])$", "", before)
    return bool(_LOCATIVE.search(before)) or (
        bool(_AT.search(before)) and _is_place(entity, context))


def _as_target(entity: Entity, cue: Cue, context: _Context) -> str:
    """A visit to the Élysée is a visit to France."""
    actor = entity.actor or ""
    if cue.mode == "visit" and _is_place(entity, context):
        record = context.entities.registry.get(actor)
        if record is not None and record.type not in {"state", "person"}:
            return record.country or record.part_of or actor
    return actor


def _clause_actors(verb: Token, context: _Context, actors: list[str]) -> list[str]:
    """Actors named in the verb's que-clause: whom a warning or a charge is about."""
    found: list[str] = []
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        words = list(clause.subtree)
        for entity in context.entities.within(words[0].idx,
                                              words[-1].idx + len(words[-1].text)):
            if entity.actor and entity.label != "LOC" and entity.actor not in actors and (
                not _named_as_place(entity, context)
            ):
                found.append(entity.actor)
    return found


def _target_actors(node: Token, context: _Context, place_ok: bool,
                   adjectives: bool = False) -> list[str]:
    """Actors a complement addresses; a capital or a seat of government read as a place
    ("signé à Kiev", "réunis à l'Élysée") is no target unless ``place_ok``; with
    ``adjectives``, what is struck names its state ("contre les villes ukrainiennes")."""
    found: list[str] = []
    for part in [node, *_conjuncts(node)]:
        entity = _entity_at(context, part)
        if entity is not None:
            entity = _with_capital(entity, context)
        if entity is None or not entity.actor:
            actor = (_one_phrase_actor(part, context, adjectives=adjectives)
                     if part.pos_ != "PRON" else None)
            if actor:
                found.append(actor)
            continue
        if entity.label == "LOC":
            continue
        registry = context.entities.registry
        kind = registry.kind_of(entity.text)
        actor_record = registry.get(entity.actor)
        seat = actor_record is not None and actor_record.type not in {"state", "person"} and (
            actor_record.part_of is not None or actor_record.country is not None)
        if kind == "capital" or seat:
            if not place_ok:
                continue
            if seat and actor_record is not None:
                found.append(actor_record.country or actor_record.part_of or entity.actor)
                continue
        found.append(entity.actor)
    return found


def _pair_symmetric(cue: Cue, actors: list[str], targets: list[str],
                    ) -> tuple[list[str], list[str]]:
    """"Biden et Zelensky ont signé" (no other counterpart): Biden signed with Zelensky."""
    if not targets and len(actors) >= 2 and cue.type in {"AGREE", "CONSULT", "COOPERATE"}:
        return actors[:1], actors[1:2]
    return actors, targets
