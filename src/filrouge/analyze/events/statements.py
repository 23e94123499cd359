"""Statements read as acts: what a quote does by what it says ("serait
« inacceptable »" rejects, "nous resterons aux côtés de l'Ukraine" supports), matched against
the statement readings of ``events_fr.json``; and "X a exclu que …" read as a refusal or as a
negated act of X's own side.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from filrouge.analyze.events.context import _Context, _Draft
from filrouge.analyze.events.flags import _future_or_conditional_form, _near_future
from filrouge.analyze.events.lexicon import (
    Cue,
    _apostrophes,
    _feats,
    events_data,
    grammar,
    statement_readings,
)
from filrouge.analyze.events.parse import _has_que_clause
from filrouge.analyze.events.targets import _named_as_place
from filrouge.model import Entity, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _resolve_exclusions(drafts: list[_Draft], context: _Context) -> list[_Draft]:
    """"X a exclu que …": ruling out what one's own side would do is that act, negated ("Londres
    exclut que des soldats britanniques soient déployés": no deployment by Britain); ruling
    out what others would do is a refusal of them ("exclut que les Européens participent":
    REJECT, the Europeans its target), and their act is not stated."""
    dropped: set[int] = set()
    for draft in drafts:
        if draft.from_noun or draft.read_from_words or draft.cue.type != "REJECT" or not (
            _has_que_clause(draft.trigger)
        ):  # a refusal read from words ("a dit que l'Ukraine ne reconnaîtra aucun accord")
            continue  # is no exclusion by its cue
        clause = next(c for c in draft.trigger.children if c.dep_ in {"ccomp", "obj"} and any(
            _apostrophes(m.lower_) in {"que", "qu'"} for m in c.children if m.dep_ == "mark"))
        inside = [d for d in drafts if d is not draft and not d.from_noun
                  and d.trigger.i in {w.i for w in clause.subtree}]
        if not inside:
            continue
        own = set(draft.actors) | {context.country_of(a) or a for a in draft.actors}
        if all(a in own or (context.country_of(a) or a) in own
               for d in inside for a in d.actors):
            for d in inside:
                d.negated = True
            dropped.add(id(draft))
        else:
            dropped.update(id(d) for d in inside)
            if not draft.targets:
                draft.targets = [a for d in inside for a in d.actors][:1]
    return [d for d in drafts if id(d) not in dropped]


def _token_forms(tokens: Sequence[Token]) -> list[frozenset[str]]:
    """Each token's written form and lemma, lower-cased: what a reading's words match."""
    return [frozenset({_apostrophes(t.lower_), t.lemma_.lower()}) for t in tokens]


_GAP = "…"  # in a reading, up to _GAP_TOKENS words of any kind ("laisser … seul")
_GAP_TOKENS = 4


def _words_end(forms: Sequence[frozenset[str]], index: int, words: tuple[str, ...],
               ) -> int | None:
    """Where the words end when they occur from ``index`` on, each as a form or a lemma of its
    token."""
    if not words:
        return index
    if words[0] == _GAP:
        return next((end for skip in range(_GAP_TOKENS + 1)
                     if (end := _words_end(forms, index + skip, words[1:])) is not None), None)
    if index < len(forms) and words[0] in forms[index]:
        return _words_end(forms, index + 1, words[1:])
    return None


def _positions(forms: Sequence[frozenset[str]]) -> dict[str, list[int]]:
    """Each form or lemma → where it occurs, in order: the places a reading can start, so
    that each of the many readings is tried only there."""
    found: dict[str, list[int]] = {}
    for index, token_forms in enumerate(forms):
        for form in token_forms:
            found.setdefault(form, []).append(index)
    return found


def _find_words(forms: Sequence[frozenset[str]], words: tuple[str, ...],
                positions: dict[str, list[int]] | None = None) -> tuple[int, int] | None:
    """Where the words first occur in a row (a gap mark allowing a few words between), not
    right after a negation: "n'avons pas besoin de" asks nothing, "pas inacceptable" rejects
    nothing. ``positions`` (:func:`_positions` of ``forms``) narrows the starts tried."""
    negations = grammar()["negations"]
    particles = grammar()["negation_particles"]
    # "ne" right before words that hold no negation of their own negates them ("il
    # n'attendait pas de percée", "elles ne devraient pas avoir lieu"); "ne changeront rien"
    # holds its own
    negative = any(w in negations or w in particles for w in words)
    starts: Sequence[int] = range(len(forms))
    if positions is not None and words and words[0] != _GAP:
        starts = positions.get(words[0], [])
    for index in starts:
        end = _words_end(forms, index, words)
        if end is not None and not any(
            _negates(forms, i, negations, particles) for i in range(max(0, index - 2), index)
        ) and (negative or index == 0 or not forms[index - 1] & particles):
            return index, end
    return None


def _negates(forms: Sequence[frozenset[str]], index: int, negations: frozenset[str],
             particles: frozenset[str]) -> bool:
    """Whether the word at ``index`` is a negation: "plus" only after "ne" ("elle ne veut
    plus", not "elle est devenue plus agressive")."""
    found = forms[index] & negations
    if not found or found - grammar()["degree_negations"]:
        return bool(found)
    # a negation that is also a word of degree ("plus") negates only after "ne"
    return any(forms[i] & particles for i in range(max(0, index - 3), index))


def _statement_readings(doc: Doc, context: _Context, drafts: list[_Draft]) -> list[_Draft]:
    """What a statement does by what it says: "l'Otan était « pleinement impliquée »" accuses
    NATO, "serait « inacceptable »" rejects, "une « cible légitime »" threatens, "nous resterons
    aux côtés de l'Ukraine" supports. The speaker acts; the target is the first other actor
    its words name. One event per type and statement, none where the cue already states it.
    A verb event inside the words of an accusation is its content: it is taken out of
    ``drafts`` (in place)."""
    found: list[_Draft] = []
    deeds = {d.trigger.i: d for d in drafts if not d.from_noun and not d.read_from_words}
    for quote in context.quotes:
        speaker = quote.speaker_actor
        if not speaker or quote.anonymous:
            continue
        cue = _cue_token(doc, quote)
        pieces = quote.parts or [quote]
        tokens = [t for piece in pieces for t in doc.char_span(
            piece.start, piece.end, alignment_mode="expand") or []]
        if cue is None or not tokens:
            continue
        hypothetical = any("Cnd" in _feats(t, "Mood") or "Fut" in _feats(t, "Tense")
                           or _future_or_conditional_form(t) or _near_future(t)
                           for t in tokens)
        # quotation marks inside the words are no words: 'est "le vol"', 'sont « des … »'
        words_only = [t for t in tokens if not t.is_quote]
        forms = _token_forms(words_only)
        positions = _positions(forms)
        cue_sentence = cue.sent
        within = {t.i for t in tokens}
        seen = {d.cue.type for d in [*drafts, *found]
                if speaker in d.actors and (d.trigger.sent == cue_sentence
                                            or d.trigger.i in within)}
        if any(d.trigger.i == cue.i and d.cue.type == "REQUEST" for d in drafts):
            # words that say what is asked are no charge of their own ("a appelé Pékin à
            # « cesser ses intimidations »", "a exigé qu'on les désigne comme « terroristes »")
            seen.add("ACCUSE")
        if any(d.trigger.i == cue.i and d.cue.type in {"ACCUSE", "REJECT"} for d in drafts):
            # words a charge or a refusal quotes are the other side's, no support ("a dénoncé
            # certains pays qui « jouent la solidarité »", "a rejeté une « aide » empoisonnée")
            seen.add("SUPPORT")
        read_before = len(found)
        for type_, words, condition in statement_readings():
            if type_ in seen or (condition == "fact" and hypothetical) or (
                condition == "hypothetical" and not hypothetical
            ):
                continue
            if not words or (words[0] != _GAP and words[0] not in positions) or (
                where := _find_words(forms, words, positions)
            ) is None:
                continue
            reported = quote.kind in {"indirect", "mixed"}  # the reporter's own syntax
            if reported and any(_in_side_clause(t, cue) for t in
                                                words_only[where[0]:where[1]]):
                continue  # "croient que la guerre durera, tandis que Moscou parle de …"
            if _describes_anothers_act(words_only[where[0]:where[1]], cue, {
                    i: d for i, d in deeds.items() if i in within}, speaker, context):
                continue  # "l'armée russe a frappé en représailles …, a dit Kiev"
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
            named = [e for e in context.entities.within(start, end)
                     if e.actor and e.label != "LOC" and not _named_as_place(e, context)
                     and not (e.actor.startswith("local:") and e.label != "PER")
                     and context.side_of(e.actor) != context.side_of(speaker)
                     and not _entity_in_place(e, doc)
                     and not (reported and _entity_in_side_clause(e, doc, cue))]
            # the subject of the words is whom they are about ("l'Ukraine avait fait preuve
            # de …, et la Russie devait désormais « faire de même »": Russia)
            subjects = {id(e) for e in named
                        if _subject_of(e, doc, words_only[where[0]:where[1]])}
            named = [e for e in named if id(e) in subjects] + [
                e for e in named if id(e) not in subjects]
            if type_ == "SUPPORT":  # but whom support goes to follows its words ("les Alliés
                # restaient « unis » derrière Kiev", "le G7 reste aux côtés de l'Ukraine")
                complements = {id(e) for e in named
                               if _complement_of(e, doc, words_only[where[0]:where[1]])}
                named = [e for e in named if id(e) in complements] + [
                    e for e in named if id(e) not in complements]
            targets = _with_coordinated(named[:1], named, context.text)
            # an adjective of nationality names a side as well as its name does, where it
            # comes first ("la présence de soldats européens serait … de l'Otan", "Chers
            # amis ukrainiens, vous n'êtes …")
            adjectival = next(((t.idx, state) for t in tokens
                               if t.pos_ == "ADJ" and t.dep_ == "amod" and not _in_place(t)
                               and (state := context.adjectives.get(t.lower_)
                                    or _group_adjectives().get(t.lower_)) is not None
                               and context.side_of(state) != context.side_of(speaker)), None)
            if adjectival is not None and (not named or adjectival[0] < named[0].start):
                targets = [adjectival[1]]
            if condition == "named" and not targets:
                continue  # praise of what the words do not name ("une bonne nouvelle")
            if targets and any(d.cue.type == type_ and speaker in d.actors
                               and d.targets[:1] == targets for d in [*drafts, *found]):
                continue  # told again in the article: one happening ("a salué …", « … »)
            seen.add(type_)
            if type_ == "ACCUSE":  # "Moscou « ne veut pas la paix »": what the accused is
                said = {t.i for t in words_only[where[0]:where[1]]}  # said to do is no act
                drafts[:] = [d for d in drafts if d.trigger.i not in said or d.from_noun
                             or speaker in d.actors]
            cue_line = Cue(lemma=cue.lemma_.lower(), type=type_, mode=None,
                           conditions=frozenset())
            found.append(_Draft(cue_line, cue, [speaker], targets, False,
                                type_ in _PROMISED and hypothetical, False,
                                read_from_words=True, way="statement"))
        if len(found) > read_before and _lemma(cue) in grammar()["warning_verbs"] and not any(
            type_ == "THREATEN" and _find_words(forms, words, positions) is not None
            for type_, words, _ in statement_readings()
        ):  # a warning whose words refuse, charge or ask is that act, no threat ("a averti
            # que la Russie n'accepterait pas d'ultimatums", "a prévenu que ce serait une erreur")
            drafts[:] = [d for d in drafts if not (
                d.trigger.i == cue.i and d.cue.type == "THREATEN" and not d.read_from_words)]
    return found


def _lemma(cue: Token) -> str:
    """The cue's lemma, with its particle ("mettre en garde")."""
    lemma = cue.lemma_.lower()
    particles = [c.lower_ for c in cue.children if c.dep_ in {"compound:prt", "fixed"}]
    return " ".join([lemma, *particles]) if lemma == "mettre" and particles else lemma


@cache
def _group_adjectives() -> dict[str, str]:
    """``_adjectives`` of ``statement_readings`` in ``events_fr.json``: "soldats européens"
    names the Europeans."""
    raw = events_data()["statement_readings"]["_adjectives"]
    return {form: actor for form, actor in raw.items() if not form.startswith("_")}


# What makes a noun phrase a place: "sur le territoire russe", "dans l'espace aérien polonais".
_PLACE_CASES = frozenset({"sur", "dans", "en", "vers", "depuis"})


def _in_place(word: Token) -> bool:
    """Whether the word (an adjective, a name) lies in a phrase of place ("sur le territoire
    russe", "dans l'espace aérien de l'Otan"), which names where something happens, not whom
    the words are about."""
    node = word.head if word.dep_ == "amod" else word
    for step in range(3):
        cases = {_apostrophes(k.lower_) for k in node.children if k.dep_ == "case"}
        if cases & _PLACE_CASES and not (step == 0 and node is word and "sur" in cases):
            return True  # a name right after "sur" is whom pressure goes to ("sur Moscou")
        if node.dep_ not in {"nmod", "flat:name", "appos"} or node.head.i == node.i:
            return False
        node = node.head
    return False


def _entity_in_place(entity: Entity, doc: Doc) -> bool:
    span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and _in_place(span.root)


# Relations that join a clause of its own: its head's subject is not the words' subject.
_CLAUSES = frozenset({"conj", "ccomp", "advcl", "parataxis", "acl:relcl", "csubj", "ROOT"})


def _entity_in_side_clause(entity: Entity, doc: Doc, cue: Token) -> bool:
    """"a qualifié la décision d'« inadmissible », tandis que Josep Borrell a dénoncé …":
    a name in the reporter's side clause is not whom the words are about."""
    span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and _in_side_clause(span.root, cue)


def _subject_of(entity: Entity, doc: Doc, matched: Sequence[Token]) -> bool:
    """Whether the entity is the subject of the matched words or of the word they qualify
    ("la Russie devait désormais", "l'Otan était « impliquée »")."""
    span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    heads = {t.i for t in matched} | {t.head.i for t in matched if t.dep_ not in _CLAUSES}
    return root.dep_.startswith("nsubj") and root.head.i in heads


# Relations of a complement: "derrière Kiev", "aux côtés de l'Ukraine", "soutien à la Pologne".
_COMPLEMENTS = frozenset({"nmod", "obl", "obl:arg", "obl:mod", "iobj"})


def _complement_of(entity: Entity, doc: Doc, matched: Sequence[Token]) -> bool:
    """Whether the entity is a complement of the matched words or of the verb they complete
    ("aux côtés de l'Ukraine", "restaient « unis » derrière Kiev")."""
    span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root  # on the words or on the verb they complete ("restaient « unis »")
    return root.dep_ in _COMPLEMENTS and root.head.i in {
        i for t in matched for i in (t.i, t.head.i)}


def _describes_anothers_act(matched: Sequence[Token], cue: Token, deeds: dict[int, _Draft],
                            speaker: str, context: _Context) -> bool:
    """Whether the words qualify a deed the speaker reports of another side ("l'armée russe a
    frappé en représailles des positions …, a dit l'administration ukrainienne": the
    reprisals are Russia's strike, no threat by Kiev): a word whose parse leads, before the
    cue, to the verb of an event of the words (``deeds``) whose actors are all of another
    side."""
    own = context.side_of(speaker)
    inside = {w.i for w in matched}  # "Moscou « ne veut pas la paix »": the words themselves
    for word in matched:
        node = word
        for _ in range(8):
            if node.i == cue.i or node.head.i == node.i:
                break
            node = node.head
            deed = deeds.get(node.i) if node.i not in inside else None
            if deed is not None and deed.actors and all(
                context.side_of(a) != own for a in deed.actors
            ):
                return True
    return False


def _in_side_clause(word: Token, cue: Token) -> bool:
    """Whether ``word`` lies in an adverbial clause with a subject of its own inside reported
    words ("tandis que Moscou parle de provocation"): the reporter's framing, not what the
    speaker says. Only a clause under the cue: a parse that hangs the reported clause
    elsewhere ("Quand Sunak affirme que son pays restera …, il faut …") says nothing; nor
    does a bare "que", the reported clause itself."""
    node = word
    side = False
    for _ in range(12):
        if node.i == cue.i:
            return side
        if node.head.i == node.i:
            return False
        if node.dep_ == "advcl" and any(c.dep_.startswith("nsubj") for c in node.children) and (
            {_apostrophes(c.lower_) for c in node.children if c.dep_ == "mark"}
            - {"que", "qu'"}
        ):
            side = True
        node = node.head
    return False


# What joins two coordinated names: "X et Y", "X, de Y", "X et de l'Y".
_AND = re.compile(r"\s*(?:,|et|ou)\s*(?:(?:de|du|des|la|le|les|l['’]|d['’])\s*)*", re.IGNORECASE)


# What a statement promises rather than does ("nous serons à vos côtés", "nous les aiderons").
_PROMISED = frozenset({"SUPPORT", "AID"})


def _with_coordinated(first: list[Entity], named: list[Entity], text: str) -> list[str]:
    """The first actor the words name and the one coordinated with it, as two addressees are
    two ("un partenaire fiable des États-Unis et de l'Otan": both)."""
    if not first:
        return []
    second = next((e.actor for e in named if e.actor and e.actor != first[0].actor
                   and e.start > first[0].end
                   and _AND.fullmatch(text[first[0].end:e.start])), None)
    return [str(first[0].actor)] + ([second] if second else [])


def _cue_token(doc: Doc, quote: Quote) -> Token | None:
    """The verb of a quote's cue ("a déclaré" → "déclaré"), else its first word."""
    if quote.cue is None:
        return None
    span = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verbs = [t for t in span if t.pos_ == "VERB"]
    return verbs[0] if verbs else span.root
