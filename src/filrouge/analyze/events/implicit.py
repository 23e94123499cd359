"""Targets the sentence does not name: aid, troops, strikes and sanctions always go to
someone (the state the article is most about, whom its aid goes to, who strikes), an accusation
or a support to the sentence's other actor or the one named before, a signature to the other
party of the article's agreements.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from filrouge.analyze.events.actors import _adjective_list, _phrase_actors
from filrouge.analyze.events.context import _Context, _Draft, _entity_at, _is_person
from filrouge.analyze.events.lexicon import _apostrophes, _feats, grammar, noun_cues
from filrouge.analyze.events.parse import (
    _conjuncts,
    _fronted_locative,
    _joint_undertaking,
    _noun_lemma,
    _own_words,
)
from filrouge.analyze.events.statements import _find_words, _token_forms
from filrouge.analyze.events.targets import _named_as_place, _with_capital
from filrouge.model import Entity

if TYPE_CHECKING:
    from spacy.tokens import Token


def _deployed_in(draft: _Draft, context: _Context) -> list[str]:
    """The state troops are sent to ("envoyer des soldats en Ukraine", "un déploiement en
    Ukraine"): a country after "en" on the cue or on what it sends."""
    trigger = draft.trigger
    heads = [trigger, *[c for c in trigger.children if c.dep_ in {"obj", "nmod", "obl:arg"}]]
    for head in heads:
        for child in head.children:
            if child.dep_ not in {"obl", "obl:arg", "obl:mod", "nmod"} or not any(
                _apostrophes(k.lower_) == "en" for k in child.children if k.dep_ == "case"
            ):
                continue
            entity = _entity_at(context, child)
            actor = entity.actor if entity is not None else None
            state = context.country_of(actor) if actor else None
            if state is not None and state == actor and state not in {
                context.side_of(a) for a in draft.actors
            }:
                return [state]
    return []


# Aid is given by states: a minister's or leader's aid is his country's; so are troops sent
# and strikes (no person acts in the gold's MOBILIZE and ASSAULT). An armed group or a
# movement ("le Hamas", "Wagner") acts as itself.
_STATE_ACTED = frozenset({"AID", "MOBILIZE", "ASSAULT"})
# Events that always have someone on the receiving end, the article's main state by default.
_ALWAYS_TARGETED = frozenset({"AID", "MOBILIZE", "ASSAULT", "SANCTION", "COOPERATE", "COERCE"})


_SIGNING = frozenset({"signer", "ratifier", "signature", "ratification", "conclure"})
_TEXTS = frozenset({"accord", "texte", "traité", "document", "pacte", "mémorandum"})


def _signs_a_text(draft: _Draft) -> bool:
    """"a signé un accord", "ratifier le texte": an agreement between two sides, the other
    one unnamed."""
    trigger = draft.trigger
    if trigger.lemma_.lower() not in _SIGNING:
        return False
    return any(w.lemma_.lower() in _TEXTS for w in trigger.children
               if w.dep_ in {"obj", "nmod", "nsubj:pass"})


_AID_WORDS = frozenset({"soutien", "aide", "aider", "soutenir", "assistance"})


def _about_aid(draft: _Draft, context: _Context) -> bool:
    """Whether the support is said of aid given ("le soutien de Londres resterait
    inébranlable", "nous allons les aider"): it goes where the article's aid goes."""
    start, end = _statement_words(draft, context) or context.clause_of(draft.trigger.idx)
    clause = draft.trigger.doc.char_span(start, end, alignment_mode="expand")
    words = list(clause) if clause is not None else []
    names = [e for e in context.entities.within(start, end) if e.actor and e.label != "LOC"
             and context.side_of(e.actor) not in {context.side_of(a) for a in draft.actors}]
    if names:
        return False
    # a promise of support that names nobody ("nous serons là aussi longtemps qu'il le
    # faudra") stands by whom the article's aid goes to, unless said from that side (praise,
    # "c'est une bonne nouvelle", goes to the one praised, named in the sentence or before)
    first = next(iter(context.recipients or context.states), None)
    return (draft.read_from_words and draft.hypothetical and first is not None
            and first not in {context.side_of(a) for a in draft.actors}) or any(
        t.lemma_.lower() in _AID_WORDS for t in words)


def _is_organisation(actor: str, context: _Context) -> bool:
    record = context.entities.registry.get(actor)
    return record is not None and record.type == "organisation"


# What a speaker does by saying it: a refusal, a request, a charge, a threat, support.
_SPOKEN = frozenset({"REJECT", "REQUEST", "ACCUSE", "THREATEN", "SUPPORT"})


def _speaking_for(draft: _Draft, context: _Context) -> str | None:
    """"Zelensky a dit que l'Ukraine ne reconnaîtra aucun accord", "Peskov a déclaré que la
    Russie … et a appelé la partie ukrainienne à…": a refusal or a request a person reports of
    his own country is his own act (docs/gold.md, convention 9: the speaker acts, also when he
    speaks for his country). The person who reports the words holding the cue, when every
    actor read from them is his state or one of its institutions."""
    if draft.cue.type not in _SPOKEN or draft.read_from_words or not draft.actors:
        return None
    if any(c.dep_ == "aux:tense" for c in draft.trigger.children):
        return None  # "Oumerov a dit que l'Ukraine a proposé une rencontre": what it did
    quote = context.quote_at(draft.trigger.idx)
    speaker = quote.speaker_actor if quote is not None and not quote.anonymous else None
    if speaker is None or not _is_person(speaker, context) or speaker in draft.actors:
        return None
    side = context.side_of(speaker)
    if all(not _is_person(a, context) and context.side_of(a) == side for a in draft.actors):
        return speaker
    return None


def _with_implicit_roles(draft: _Draft, context: _Context) -> _Draft:
    if (speaker := _speaking_for(draft, context)) is not None:
        draft.actors = [speaker]
        draft.targets = [t for t in draft.targets if t != speaker]
    if draft.cue.type in _STATE_ACTED:
        states = [a if _is_organisation(a, context) else context.country_of(a) or a
                  for a in draft.actors]
        draft.actors = list(dict.fromkeys(states))
    if not draft.targets and draft.cue.type == "SUPPORT" and _about_aid(draft, context):
        implicit = context.implicit_target(draft.actors)  # "le soutien de Londres restera…"
        if implicit is not None:
            draft.targets, draft.target_implicit = [implicit], True
    if not draft.targets and draft.cue.type in _JUDGED and (
        author := _deed_author(draft, context)
    ) is not None:  # "Zelensky a salué une décision « historique »": whoever took it
        draft.targets, draft.target_implicit = [author], True
    if not draft.targets and draft.cue.type == "ACCUSE" and (
        striker := _striker_condemned(draft, context)
    ) is not None:  # "a condamné une attaque contre une infrastructure civile": who strikes
        draft.targets, draft.target_implicit = [striker], True
    if not draft.targets and draft.cue.type in _DISMISSING and (
        author := _dismissed_author(draft, context)
    ) is not None:  # "Peskov a dit que ces engagements « ne changeront rien »": their authors
        draft.targets, draft.target_implicit = [author], True
    if not draft.targets and draft.cue.type in _ADDRESSED_TYPES | _SENTENCE_ADDRESSED and not (
        draft.cue.type in _ADDRESSED_TYPES and _addressed_to_no_actor(draft, context)
    ):
        named = _sentence_counterpart(draft, context,
                                      before=draft.cue.type in _ADDRESSED_TYPES)
        if named is not None:
            draft.targets, draft.target_implicit = [named], True
    if not draft.targets and draft.cue.type == "AGREE" and (
        other_side := _truce_counterpart(draft, context)
    ) is not None:  # "Kiev a accepté le cessez-le-feu": with Russia
        draft.targets, draft.target_implicit = [other_side], True
    if not draft.targets and draft.cue.type == "AGREE" and (
        _signs_a_text(draft) or draft.from_noun  # "l'engagement pris par le G7": to someone
    ):
        own = {context.side_of(a) for a in draft.actors}  # "doit encore ratifier le texte"
        implicit = next((p for p in context.parties if p not in own), None) if (
            own & set(context.parties)) else None  # "Le Japon a signé un texte comparable"
        implicit = implicit or context.implicit_target(draft.actors)
        if implicit is not None:
            draft.targets, draft.target_implicit = [implicit], True
    if not draft.targets and draft.cue.type == "SANCTION":
        own = {context.side_of(a) for a in draft.actors}
        hostile = next((s for s in context.hostile if s not in own), None)
        if hostile is not None:  # sanctions go against the side that strikes
            draft.targets, draft.target_implicit = [hostile], True
    if not draft.targets and draft.cue.type == "COOPERATE" and not draft.from_noun and (
        undertaking := _joint_undertaking(draft.trigger)
    ) is not None:  # "participer à une mission de l'Otan": with NATO
        owners = [a for c in undertaking.children if c.dep_ == "nmod"
                  and any(_apostrophes(k.lower_) in {"de", "du", "des", "d'"}
                          for k in c.children if k.dep_ == "case")
                  for a in _phrase_actors(c, context, adjectives=False)
                  if context.side_of(a) not in {context.side_of(x) for x in draft.actors}]
        draft.targets = owners[:1]
    if not draft.targets and draft.cue.type in _ALWAYS_TARGETED:
        implicit = context.implicit_target(draft.actors)
        if implicit is not None:
            draft.targets, draft.target_implicit = [implicit], True
    return draft


# Praise and charges whose object is a deed with no author named ("une décision", "le vote")
_JUDGED = frozenset({"SUPPORT", "ACCUSE"})
# How far back the deed judged may lie.
_DEED_REACH = 2000


def _deed_author(draft: _Draft, context: _Context) -> str | None:
    """"Volodymyr Zelensky a salué une décision « historique »", "a dénoncé un vote": a deed
    noun (``deed_nouns``) as the object, naming no author (no "de X", no adjective of
    nationality), stands for the last act of another side before it (``context.deeds``); its
    actor is the one praised or accused."""
    trigger = draft.trigger
    deed = next((c for c in trigger.children if c.dep_ == "obj"
                 and c.lemma_.lower() in grammar()["deed_nouns"]), None)
    if deed is None or _adjective_list(deed, context) or any(
        c.dep_ in {"nmod", "appos"} and _phrase_actors(c, context) for c in deed.children
    ) or any("Yes" in _feats(c, "Poss") for c in deed.children if c.dep_ == "det"):
        return None
    own = {context.side_of(a) for a in draft.actors}
    for at, actors, _ in reversed(context.deeds):
        if at >= trigger.idx or at < trigger.idx - _DEED_REACH:
            continue
        others = [context.side_of(a) for a in actors if context.side_of(a) not in own]
        if others:  # a decision is its state's or its body's ("la Maison Blanche" → USA)
            return others[0]
    return None


# Dismissals and charges whose words point back at an act ("ces accords n'ont « aucune
# valeur juridique »"): aimed at its authors (docs/gold.md, convention 7).
_DISMISSING = frozenset({"REJECT", "ACCUSE"})
_DEMONSTRATIVES = frozenset({"ce", "cet", "cette", "ces"})


def _dismissed_author(draft: _Draft, context: _Context) -> str | None:
    """"Peskov a déclaré que ces engagements bilatéraux « ne changeront rien »", "le Kremlin a
    fait savoir que ces textes ne l'engageaient en rien": the words of a statement read as a
    refusal or a charge point with a demonstrative at a deed (``deed_nouns``) or at what is
    given or signed (``dismissed_nouns``) that names no author of its own; it stands for the
    article's news, the first act of another side told before it (``context.deeds``), whose
    actor the words are aimed at (the last one may be a side remark: "dans le cadre de
    l'engagement pris par le G7")."""
    span = _statement_words(draft, context)
    if span is None:
        return None
    words = draft.trigger.doc.char_span(span[0], span[1], alignment_mode="expand")
    nouns = grammar()["deed_nouns"] | grammar()["dismissed_nouns"]
    for word in words or []:
        if word.pos_ != "NOUN" or word.lower_ not in nouns or not any(
            c.dep_ == "det" and c.lower_ in _DEMONSTRATIVES for c in word.children
        ):
            continue
        if _adjective_list(word, context) or any(
            c.dep_ in {"nmod", "appos"} and _phrase_actors(c, context) for c in word.children
        ):
            return None  # "ces accords avec Kiev": whom they are with is named
        own = {context.side_of(a) for a in draft.actors}
        for at, actors, _ in context.deeds:  # the article's news: its first act, not the last
            others = [context.side_of(a) for a in actors if context.side_of(a) not in own]
            if others and at < draft.trigger.idx:
                return others[0]
        return None
    return None


def _addressed_to_no_actor(draft: _Draft, context: _Context) -> bool:
    """"reproche à la Francophonie l'excès…": the sentence names whom the act is addressed to,
    and it is no actor of the registry or of the article; another actor of the sentence or the
    paragraph is not the addressee then."""
    for child in draft.trigger.children:
        cases = {_apostrophes(k.lower_) for k in child.children if k.dep_ == "case"}
        if child.pos_ in {"NOUN", "PROPN"} and child.dep_.startswith(("obl", "iobj")) and (
            cases & {"à", "au", "aux"}
        ) and not _phrase_actors(child, context, adjectives=False):
            return True
    return False


# Events nearly always addressed to someone (the gold names a target for 95 % of them): when
# the cue's own complements name nobody, the sentence's other actor is the counterpart, else
# the last one named before in the paragraph ("… ont frappé Kharkiv. Zelensky a dénoncé …").
_ADDRESSED_TYPES = frozenset({"ACCUSE", "SUPPORT", "CONCEDE"})


# A refusal, a request or a threat addresses only whom its own sentence names (docs/gold.md,
# convention 8: "a request or threat that names no addressee has no target").
_SENTENCE_ADDRESSED = frozenset({"REJECT", "REQUEST", "THREATEN"})


def _statement_words(draft: _Draft, context: _Context) -> tuple[int, int] | None:
    """Where the words of the statement a reading was read from lie (its cue is the trigger),
    from the first part to the last."""
    if not draft.read_from_words:
        return None
    at = draft.trigger.idx
    quote = next((q for q in context.quotes if q.cue is not None
                  and q.cue.start <= at < q.cue.end), None)
    return (quote.start, quote.end) if quote is not None else None


# How far back the statement answered by "ces propos" may lie.
_ANSWER_REACH = 1500


def _answered_speaker(draft: _Draft, context: _Context) -> str | None:
    """"Pistorius a répliqué que ces propos étaient « inacceptables »": words that point at
    what was said (``said_words`` in ``events_fr.json``) answer the last named speaker of
    another side quoted before."""
    start, end = context.clause_of(draft.trigger.idx)
    clause = draft.trigger.doc.char_span(start, end, alignment_mode="expand")
    forms = _token_forms(list(clause) if clause is not None else [])
    if not any(_find_words(forms, tuple(_apostrophes(phrase).replace("'", "' ").split()))
               is not None for phrase in grammar()["said_words"]):
        return None
    own = {context.side_of(a) for a in draft.actors}
    earlier = [q for q in context.quotes if q.speaker_actor and not q.anonymous
               and start - _ANSWER_REACH <= q.start < start
               and context.side_of(q.speaker_actor) not in own]
    return max(earlier, key=lambda q: q.start).speaker_actor if earlier else None


_WHERE_CASES = frozenset({"à", "au", "aux", "en", "dans", "pour", "vers", "depuis"})


def _where_not_whom(entity: Entity, draft: _Draft) -> bool:
    """"Au Kremlin, Peskov a prévenu…" (a locative opening the sentence) and "avant de
    s'envoler pour la Lituanie" (where a journey goes, ``travel_verbs``): a place, no one
    the act is addressed to."""
    doc = draft.trigger.doc
    span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    cases = {_apostrophes(k.lower_) for k in root.children if k.dep_ == "case"}
    head = root.head
    if head.i != root.i and head.i != draft.trigger.i and head.pos_ == "VERB" and (
        head.lemma_.lower() in grammar()["travel_verbs"]
    ) and (cases & _WHERE_CASES or (root.dep_ == "obj" and not cases)):
        return True
    return _fronted_locative(root, draft.trigger)


def _subject_stretches(trigger: Token) -> list[tuple[int, int]]:
    """Where the subject of the cue (or of the verbs it depends on) lies: the co-actors and
    the words of a title ("Le directeur de l'AIEA, Rafael Grossi, a appelé") are no one the
    act is addressed to."""
    stretches: list[tuple[int, int]] = []
    node = trigger
    for _ in range(3):
        for child in node.children:
            if child.dep_ in {"nsubj", "nsubj:pass"} and child.i < node.i:
                for part in [child, *_conjuncts(child)]:
                    words = _own_words(part)
                    stretches.append((words[0].idx, words[-1].idx + len(words[-1])))
        if node.dep_ not in {"xcomp", "conj"} or node.head.i == node.i:
            break
        node = node.head
    return stretches


def _sentence_counterpart(draft: _Draft, context: _Context, before: bool = True,
                          ) -> str | None:
    """The speaker answered ("ces propos"), else the first actor of the sentence other than
    the event's actors' sides (by name, else by an adjective of nationality), else (with
    ``before``) the last one named before it in its paragraph or the one before."""
    if (answered := _answered_speaker(draft, context)) is not None:
        return answered
    start, end = context.clause_of(draft.trigger.idx)
    own = {context.side_of(a) for a in draft.actors}
    subject = _subject_stretches(draft.trigger)
    sentence = draft.trigger.sent
    co_speakers = {  # who speaks in a clause of their own: no one the act is addressed to
        q.speaker_actor for q in context.quotes
        if q.speaker_actor and q.cue is not None and not q.anonymous
        and sentence.start_char <= q.cue.start < sentence.end_char
        and not q.cue.start <= draft.trigger.idx < q.cue.end}

    def other(entity: Entity) -> str | None:
        entity = _with_capital(entity, context)
        if not entity.actor or entity.label == "LOC" or entity.actor.startswith("local:"):
            return None
        if any(low <= entity.start < high for low, high in subject):
            return None  # "Macron et Starmer ont appelé", "Le directeur de l'AIEA, X, a appelé"
        if _named_as_place(entity, context) or _where_not_whom(entity, draft):
            return None
        if entity.actor in co_speakers:
            return None  # "X a qualifié la décision d'« inadmissible », tandis que Y a dénoncé"
        return None if context.side_of(entity.actor) in own else entity.actor

    own_words = _own_complements(draft)
    for entity in context.entities.within(start, end):
        if own_words is not None and not any(w.idx <= entity.start < w.idx + len(w)
                                             for w in own_words):
            continue
        if (found := other(entity)) is not None:
            return found
    # by nationality: "se retirait de l'accord sur l'exportation des céréales ukrainiennes"
    for token in draft.trigger.doc.char_span(start, end, alignment_mode="expand") or []:
        state = context.adjectives.get(token.lower_) if (
            token.pos_ == "ADJ" and token.dep_ == "amod"
            and (own_words is None or token in own_words)) else None
        if state is not None and context.side_of(state) not in own:
            return state
    if not before or own_words is not None:
        return None
    paragraph = context.text.rfind("\n", 0, start) + 1
    for entity in reversed(context.entities.within(paragraph, start)):
        if (found := other(entity)) is not None:
            return found
    previous = context.text.rfind("\n", 0, max(0, paragraph - 1))
    while previous > 0 and not context.text[previous:paragraph].strip():
        previous = context.text.rfind("\n", 0, previous - 1)
    for entity in reversed(context.entities.within(previous + 1, paragraph)):
        if (found := other(entity)) is not None:
            return found
    return None


_SIDE_CLAUSES = frozenset({"acl:relcl", "advcl", "parataxis", "conj"})


def _own_complements(draft: _Draft) -> list[Token] | None:
    """The words of a verb request's own complements, without its side clauses: whom
    "a appelé Moscou à…" or "a demandé à l'Otan de…" addresses; an actor named elsewhere in
    the sentence ("alors que la Russie a encore frappé", "les pays détenant des avoirs
    russes", "selon un communiqué de Josep Borrell") is no addressee. None (the whole
    sentence) for other events, and when the verb points at someone by a pronoun ("lui a
    demandé de cesser": whoever the sentence names)."""
    trigger = draft.trigger
    if draft.cue.type != "REQUEST" or draft.from_noun or draft.read_from_words or (
        trigger.dep_ in {"acl", "amod"}
    ):  # "une hausse exigée par Trump": the participle's noun is asked of the sentence
        return None
    if any(c.pos_ == "PRON" and c.dep_ in {"obj", "iobj", "obl:arg"} for c in trigger.children):
        return None
    def side(word: Token) -> bool:
        return word.dep_ in _SIDE_CLAUSES and (word.dep_ != "conj" or word.pos_ in {"VERB", "AUX"})

    words: list[Token] = []
    todo = [c for c in trigger.children if not side(c) and c.dep_ not in {"nsubj", "nsubj:pass"}]
    while todo:
        word = todo.pop()
        words.append(word)
        todo.extend(c for c in word.children if not side(c))
    return words


def _truce_counterpart(draft: _Draft, context: _Context) -> str | None:
    """"Kiev a accepté le cessez-le-feu", "les séparatistes ont accepté une cessation des
    hostilités": a truce agreed to with no other party named is agreed with the other side
    of the war (docs/gold.md, convention 8): the state that strikes most in the article,
    or, for that state itself, the one it strikes (the article's main state)."""
    trigger = draft.trigger
    truce = grammar()["truce_words"]
    agreed = [trigger, *(c for c in trigger.children
                         if c.dep_ in {"obj", "obl:arg", "nsubj:pass"})]
    if trigger.dep_ in {"acl", "amod"}:
        agreed.append(trigger.head)  # "le cessez-le-feu accepté par Kiev"
    if not any(w.lower_ in truce for w in agreed):
        return None
    own = {context.side_of(a) for a in draft.actors}
    hostile = [s for s in context.hostile[:1] if s not in own]
    return hostile[0] if hostile else context.implicit_target(draft.actors)


def _striker_condemned(draft: _Draft, context: _Context) -> str | None:
    """"Charles Michel a condamné une « attaque contre une infrastructure civile »", "a dénoncé
    les frappes": an attack condemned that names no doer (no "par X", no adjective of
    nationality, no "de X") is the doing of the state that strikes most in the article."""
    for deed in draft.trigger.children:
        if deed.dep_ != "obj" or not any(c.type == "ASSAULT"
                                         for c in noun_cues().get(_noun_lemma(deed), [])):
            continue
        if _adjective_list(deed, context) or any(
            c.dep_ in {"nmod", "appos"} and _phrase_actors(c, context, adjectives=False)
            and any(_apostrophes(k.lower_) in {"de", "du", "des", "d'", "par"}
                    for k in c.children if k.dep_ == "case")
            for c in deed.children
        ):
            return None
        own = {context.side_of(a) for a in draft.actors}
        return next((s for s in context.hostile[:1] if s not in own), None)
    return None
