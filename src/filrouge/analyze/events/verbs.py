"""Verb cues: an event for a verb of ``event_verbs.tsv`` whose actor its sentence names,
once the line's conditions hold on the parse (its object names aid, troops, an agreement…), and
not when the verb only introduces a quote, yields to the verb it depends on or is denied.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from filrouge.analyze.events.actors import (
    _leading_actors,
    _phrase_actors,
    _received_visitor,
    _relational_referent,
    _verb_actors,
)
from filrouge.analyze.events.context import _Context, _Draft, _entity_at
from filrouge.analyze.events.flags import (
    _future_or_conditional_form,
    _future_read_as_adjective,
    _is_hypothetical,
    _is_negated,
    _no_longer,
)
from filrouge.analyze.events.lexicon import Cue, _apostrophes, _feats, grammar, noun_cues
from filrouge.analyze.events.nouns import _states_its_object
from filrouge.analyze.events.parse import (
    _agreed_on,
    _governor,
    _has_que_clause,
    _has_reflexive,
    _has_request_complement,
    _is_passive,
    _joint_undertaking,
    _matching_cues,
    _names_aid,
    _noun_lemma,
    _object_pronoun,
    _object_words,
)
from filrouge.analyze.events.targets import (
    _ADDRESSED,
    _clause_actors,
    _pair_symmetric,
    _verb_targets,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


def _verb_event(verb: Token, context: _Context) -> list[_Draft]:
    if verb.pos_ == "ADJ" and "Part" not in _feats(verb, "VerbForm") and not (
        _future_read_as_adjective(verb)
    ):
        return []
    if verb.pos_ == "AUX":
        return []
    cues = _matching_cues(verb, context.text)
    if not cues or _yields_to_governor(verb, context) or _denied_report(verb):
        return []
    if _states_its_object(verb, context):  # "ont adopté un paquet de sanctions" (nouns.py)
        return []
    negated = _is_negated(verb)
    actors, pronoun, agentless = _verb_actors(verb, context)
    if not actors and verb.dep_ in {"acl", "amod"} and all(c.type == "CONSULT" for c in cues):
        actors = _phrase_actors(verb.head, context)  # "les dirigeants, réunis jeudi"
    if not actors and verb.dep_ == "advcl" and "Part" in _feats(verb, "VerbForm") and all(
        c.type == "CONSULT" for c in cues
    ) and verb.head.pos_ in {"VERB", "AUX"}:
        actors = _verb_actors(verb.head, context)[0]  # "Réunis jeudi à Paris, les dirigeants …"
    borrowed = False
    if not actors and verb.dep_ == "advcl" and "Part" in _feats(verb, "VerbForm") and (
        "Pres" in _feats(verb, "Tense")
    ) and verb.head.pos_ in {"VERB", "AUX"} and verb.head.i < verb.i:
        # "…, en désignant la Russie comme la menace", "…, accusant Minsk de…": a present
        # participle saying something after its clause has the clause's subject
        actors, borrowed = _verb_actors(verb.head, context)[0], True
    if not actors and all(c.type == "CONSULT" for c in cues):
        actors, cues = _received_visitor(verb, cues, context)
    if not actors and all(c.type == "CONSULT" for c in cues) and _has_reflexive(verb):
        # "L'accord prévoit que Londres et Kiev se consultent", parsed with "accord" as the
        # subject: the names right before the reciprocal verb meet
        actors = _leading_actors(verb, context)
    if not actors:
        return []
    for cue in cues:
        if borrowed and cue.type not in _SPEECH_ACTS | {"SUPPORT"}:
            continue  # "…, promettant de poursuivre le soutien", "en visant Moscou": no deed
        if not _conditions_hold(cue, verb, negated, context, actors):
            continue
        if cue.type not in _SPEECH_ACTS and verb.lemma_.lower() not in _PRAISE and (
            _only_introduces_a_quote(verb, context)
        ):
            continue  # "« … », a salué le dirigeant ukrainien": a way of saying, no act
        if cue.type == "REJECT" and not cue.conditions & {"negated-only", "agreement"} and (
            negated and _no_longer(verb)
        ):  # "ne s'oppose plus", "ne bloque plus": the veto lifted (docs/gold.md)
            cue = Cue(lemma=cue.lemma, type="CONCEDE", mode=None, conditions=frozenset())
            negated = False
        ranked = _verb_targets(verb, cue, context, actors)
        targets = [actor for _, actor in ranked]
        if "target" in cue.conditions and not any(rank <= _ADDRESSED for rank, _ in ranked):
            continue
        if "pair" in cue.conditions and len(actors) < 2 and not any(
            rank <= _ADDRESSED for rank, _ in ranked
        ):
            continue  # "Poutine et Trump ont évoqué l'idée", "a évoqué avec Kiev"
        if cue.type == "ACCUSE" and (doer := _deed_doer(verb, context, actors)):
            targets = [doer]  # "a condamné l'attaque russe contre Kiev": Russia is accused
        if not targets and cue.type in {"REJECT", "ACCUSE", "THREATEN"}:
            targets = _clause_actors(verb, context, actors)[:1]  # whom the warning is about
        if cue.type == "AGREE" and any(w.lemma_.lower() in grammar()["aid_agreement_words"]
                                       for w in _agreed_on(verb)):
            # "ont signé un prêt de 2 milliards", "se sont entendus sur un prêt": the aid
            cue = Cue(lemma=cue.lemma, type="AID", mode="economic", conditions=frozenset())
            targets = targets or [a for a in actors[1:]]
            actors = actors[:1] if targets else actors
        if cue.type == "AGREE" and not targets and len(actors) == 1:
            # "les dirigeants du G7 se sont mis d'accord pour donner à l'Ukraine 50 milliards":
            # the agreement is about Ukraine, whom the agreed act goes to
            targets = _complement_targets(verb, context, actors)
        actors_here, targets = _pair_symmetric(cue, actors, targets)
        if "negated-only" in cue.conditions:
            negated = False
        if cue.type in _OWN_ACTS and (refusal := _refusing_governor(verb, context)) is not None:
            negated = not _is_negated(refusal)  # "ne refuse pas de livrer" gives
        hypothetical = "promise" in cue.conditions or _is_hypothetical(verb)
        return [_Draft(cue, verb, actors_here, targets, negated, hypothetical, False,
                       pronoun or agentless,
                       target_implicit=_referred_only(verb, targets, actors, context),
                       way="pronoun" if pronoun else "agentless" if agentless else "subject")]
    return []


def _referred_only(verb: Token, targets: list[str], actors: list[str], context: _Context,
                   ) -> bool:
    """Whether the target is a person the clause names only through the actor ("remercié ses
    hôtes"): not named in the sentence, so not a recipient the article names."""
    start, end = context.clause_of(verb.idx)
    if not targets or any(e.actor == targets[0] for e in context.entities.within(start, end)):
        return False
    return any(_relational_referent(w, actors, context) == targets[0]
               for w in verb.doc.char_span(start, end, alignment_mode="expand") or [])


# Deeds whose doer, not whom they hit, is accused when they are condemned.
_DEEDS = frozenset({"ASSAULT", "COERCE", "THREATEN", "SANCTION", "MOBILIZE"})


def _deed_doer(verb: Token, context: _Context, actors: list[str]) -> str | None:
    """Who did the deed an accusation is about, by nationality or "par X" ("a condamné
    l'attaque russe contre Kiev", "l'invasion de l'Ukraine par la Russie"): the accused, not
    the victim the deed's own complements name. "De X" is left alone: doer or victim."""
    own = {context.side_of(a) for a in actors}
    for deed in verb.children:
        if deed.dep_ != "obj" or not any(c.type in _DEEDS
                                         for c in noun_cues().get(_noun_lemma(deed), [])):
            continue
        for child in deed.children:
            doer = None
            if child.dep_ == "amod" and child.pos_ == "ADJ":
                doer = context.adjectives.get(child.lower_)
            elif child.dep_ == "nmod" and any(k.lower_ == "par" for k in child.children
                                              if k.dep_ == "case"):
                entity = _entity_at(context, child)
                doer = entity.actor if entity is not None and entity.label != "LOC" else None
            if doer is not None and context.side_of(doer) not in own:
                return doer
    return None


# What a speaker does by saying it: "« … », a dénoncé M. Zelensky" is an accusation.
_SPEECH_ACTS = frozenset({"ACCUSE", "REJECT", "THREATEN", "REQUEST"})
# Praise is support by saying it ("« … », a salué le dirigeant ukrainien").
_PRAISE = frozenset({"saluer", "féliciter"})


def _only_introduces_a_quote(verb: Token, context: _Context) -> bool:
    """The verb is the cue of a quote and has no object of its own ("a-t-elle soutenu")."""
    cued = any(q.cue is not None and q.cue.start <= verb.idx < q.cue.end
               for q in context.quotes)
    return cued and not any(c.dep_ in {"obj", "iobj"} or c.dep_.startswith("obl:arg")
                            for c in verb.children)


def _denied_report(verb: Token) -> bool:
    """"Il n'a pas dit qu'il renonçait", "n'a pas dit si Washington allait lever": a clause
    under a negated verb of saying asserts nothing."""
    node = verb
    for _ in range(3):
        if node.dep_ == "ccomp" and node.head.i != node.i:
            head = node.head
            return head.lemma_.lower() in {"dire", "indiquer", "préciser", "annoncer",
                                           "confirmer", "affirmer"} and _is_negated(head)
        if node.dep_ not in {"xcomp", "conj"} or node.head.i == node.i:
            return False
        node = node.head
    return False


def _yields_to_governor(verb: Token, context: _Context) -> bool:
    """An infinitive under a cue that carries the event itself ("refuse de livrer": REJECT,
    "appelle à livrer": REQUEST) is not a second event; under "s'engager à" or "proposer de",
    the infinitive is the event. "Pousser pour livrer", "militer pour livrer": a request
    over "pour" + infinitive carries it too, and so does an accusation ("a convoqué
    l'ambassadeur pour protester": the protest made to his state)."""
    head = _governor(verb)
    if head is None and verb.dep_ == "advcl" and "Inf" in _feats(verb, "VerbForm") and any(
        m.lower_ == "pour" for m in verb.children if m.dep_ == "mark"
    ) and any(c.type in {"REQUEST", "ACCUSE"}
              for c in _matching_cues(verb.head, context.text)):
        head = verb.head
    if head is None:
        return False
    cues = _matching_cues(head, context.text)
    if any("no-complement" in c.conditions for c in cues):
        return False
    negated = _is_negated(head)
    # only to a cue that states an event here ("discuter d'un engagement à fournir" states
    # no meeting: the aid is the event)
    return any(_conditions_hold(c, head, negated, context, []) and (
        not c.conditions & {"target", "pair"} or any(
            rank <= _ADDRESSED for rank, _ in _verb_targets(head, c, context, []))
    ) for c in cues)


# What one refuses to do oneself is that act, negated, as ruling it out is (docs/gold.md,
# "Statements"): "Berlin refuse de livrer des missiles Taurus" is no aid, "refuse de condamner
# Moscou" no accusation. Refusing to sign, to yield or to meet stays a refusal (REJECT).
_OWN_ACTS = frozenset({"AID", "MOBILIZE", "ACCUSE", "SUPPORT", "SANCTION", "ASSAULT",
                       "COOPERATE"})


def _refusing_governor(verb: Token, context: _Context) -> Token | None:
    """The refusal an infinitive depends on, if its lexicon line lets an own act be the event
    ("refuse de livrer", "refuse de condamner X et de livrer": the second infinitive too)."""
    node = verb
    if node.dep_ == "conj" and "Inf" in _feats(node, "VerbForm") and node.head.i != node.i:
        node = node.head
    head = _governor(node)
    if head is None or not any("no-own-act" in c.conditions
                               for c in _matching_cues(head, context.text)):
        return None
    return head


def _event_complement(verb: Token, context: _Context, actors: list[str],
                      types: frozenset[str] | None = None) -> bool:
    """Whether an infinitive complement of ``verb`` states an event itself ("s'engager à
    livrer des missiles"; not "s'engager à consacrer 2 % du PIB"), of one of ``types`` when
    given."""
    for child in _infinitive_complements(verb):
        for cue in _matching_cues(child, context.text):
            if types is not None and cue.type not in types:
                continue
            if _conditions_hold(cue, child, False, context, actors) and (
                not cue.conditions & {"target", "pair"}
                or ("pair" in cue.conditions and len(actors) > 1)
                or any(rank <= _ADDRESSED for rank, _ in _verb_targets(child, cue, context,
                                                                       actors))
            ):  # "s'entendre pour échanger des prisonniers" exchanges with nobody named
                return True
    return False


def _infinitive_complements(verb: Token) -> list[Token]:
    """The infinitives that complete the verb: "s'engager à livrer", "se mettre d'accord pour
    livrer", and "se sont engagés dimanche à livrer", where the parser hung the infinitive on
    the bare day read as an object."""
    found: list[Token] = []
    for child in verb.children:
        if "Inf" in _feats(child, "VerbForm") and (
            child.dep_ in {"xcomp", "ccomp"} or (child.dep_ == "advcl" and any(
                m.lower_ == "pour" for m in child.children if m.dep_ in {"mark", "case"}))
        ):
            found.append(child)
        elif child.pos_ == "NOUN" and child.dep_ in {"obj", "obl", "obl:mod", "nmod"} and not any(
            k.dep_ in {"det", "case"} for k in child.children
        ):  # "engagés dimanche à livrer": a day needs no article
            found += [g for g in child.children if g.dep_ == "acl" and "Inf" in _feats(
                g, "VerbForm") and any(_apostrophes(m.lower_) in {"à", "de", "d'"}
                                       for m in g.children if m.dep_ == "mark")]
    return found


def _complement_targets(verb: Token, context: _Context, actors: list[str]) -> list[str]:
    """Whom the act an infinitive complement states is addressed to ("s'entendre pour livrer
    des obus à Kiev": Kiev), as for :func:`_event_complement`."""
    for child in _infinitive_complements(verb):
        for cue in _matching_cues(child, context.text):
            if not _conditions_hold(cue, child, False, context, actors):
                continue
            ranked = _verb_targets(child, cue, context, actors)
            named = [actor for rank, actor in ranked if rank <= _ADDRESSED]
            if named:
                return named[:1]
    return []


def _conditions_hold(cue: Cue, verb: Token, negated: bool, context: _Context,
                     actors: list[str]) -> bool:
    conditions = cue.conditions
    words = grammar()
    objects = _object_words(verb) + _en_antecedents(verb, context)
    if "negated-only" in conditions and not negated:
        return False
    if "affirmed" in conditions and negated:
        return False  # "n'a pas exclu que l'Allemagne prenne la présidence": left open
    if "no-saying" in conditions and any(c.lemma_.lower() in words["saying_verbs"]
                                         for c in _infinitive_complements(verb)):
        return False  # "a refusé de commenter", "n'a pas voulu dire si": silence, no refusal
    if "as-enemy" in conditions and not _named_as_enemy(verb):
        return False
    if "not-without" in conditions and any(_apostrophes(c.lower_) in words["without"]
                                           for c in verb.children if c.dep_ in {"mark", "case"}):
        return False  # "ont salué la proposition, sans s'engager sur un chiffre": a hedge
    if "no-clause" in conditions and _has_que_clause(verb):
        return False
    if "no-complement" in conditions and _event_complement(verb, context, actors):
        return False
    if "no-own-act" in conditions and _event_complement(verb, context, actors, _OWN_ACTS):
        return False  # "refuse de livrer des missiles": the aid, negated
    if "no-request" in conditions and _event_complement(verb, context, actors,
                                                        frozenset({"REQUEST"})):
        return False  # "a convoqué l'ambassadeur pour exiger le retrait": the demand
    if "envoy" in conditions and not any(
        c.dep_ == "obj" and c.lemma_.lower() in words["envoy_words"] for c in verb.children
    ):
        return False
    if "aid" in conditions and not _names_aid(objects):
        return False
    if "no-aid" in conditions and _names_aid(objects):
        return False
    if cue.type == "AID" and any(w.lemma_.lower() in words["word_objects"] for w in objects
                                 if w.dep_ == "obj" and w.head.i == verb.i):
        return False  # "avait fourni des « assurances écrites »": words given, no aid
    if "troops" in conditions and not any(w.lemma_.lower() in words["troop_words"]
                                          for w in objects):
        return False
    if "trainees" in conditions and not any(w.lemma_.lower() in words["trainee_words"]
                                            for w in objects):
        return False
    if "weapons" in conditions and not any(w.lemma_.lower() in words["weapon_words"]
                                           for w in objects):
        return False
    if "threat" in conditions and not any(w.lemma_.lower() in words["threat_words"]
                                          for w in objects):
        return False
    if "prisoners" in conditions and not any(w.lemma_.lower() in words["prisoner_words"]
                                             for w in objects):
        return False  # "libérer des prisonniers", not "libérer la ville"
    if "gathering" in conditions and not any(w.lemma_.lower() in words["gathering_words"]
                                             for w in objects):
        return False
    if "cooperation" in conditions and (not _joint_undertaking(verb) or "Inf" in _feats(
        verb, "VerbForm"
    )):  # "ne serait pas contrainte de participer à la mission" joins nothing
        return False
    if "agreement" in conditions and not any(
        w.lemma_.lower() in words["agreement_words"] for c in verb.children
        if c.dep_ in {"obj", "obl", "obl:arg", "obl:mod", "iobj"} for w in [c]
    ) and not (verb.dep_ == "acl" or _object_pronoun(verb)):
        return False
    if "request" in conditions and not _has_request_complement(verb):
        return False
    if "not-past" in conditions and _told_as_past(verb):
        return False
    if "object" in conditions and not (
        any(c.dep_ in {"obj", "nsubj:pass"} for c in verb.children)
        or verb.dep_ in {"acl", "amod", "acl:relcl"} or _is_passive(verb)
    ):  # "a conclu en appelant à l'unité", "a conclu :": the end of a speech
        return False
    if "named-object" in conditions and not any(
        (c.dep_ == "obj" or (c.dep_ == "nsubj:pass" and _is_passive(verb)))
        and not any(k.dep_ == "case" for k in c.children)
        and (c.lemma_.lower() in words["counterpart_nouns"] | words["guest_words"] or (
            (entity := _entity_at(context, c)) is not None and entity.actor
            and entity.label != "LOC")) for c in verb.children
    ):  # "a reçu X", "X a été reçu par", "a reçu son homologue"
        return False
    if "actor-object" in conditions:
        direct = [c for c in verb.children if c.dep_ == "obj"]
        if not any(_phrase_actors(c, context, adjectives=False)
                   or _relational_referent(c, actors, context) for c in direct):
            return False  # "a remercié ses hôtes" names them too
    return True


def _named_as_enemy(verb: Token) -> bool:
    """"en désignant la Russie comme la menace", "désigne Moscou comme son principal
    adversaire": the object named "comme" a threat or an enemy (enemy_words in events_fr.json),
    where the parser hung "comme …" on the verb or on its object."""
    words = grammar()["enemy_words"]
    heads = [*verb.children, *(g for c in verb.children if c.dep_ == "obj" for g in c.children)]
    return any(h.lemma_.lower() in words and any(
        k.lower_ == "comme" for k in h.children if k.dep_ in {"case", "mark"}) for h in heads)


def _told_as_past(verb: Token) -> bool:
    """Whether the verb tells a past happening: a compound past ("n'a pas accepté"), a simple
    past or an imperfect ("n'acceptait pas"); not a present, future or conditional ("n'accepte
    pas", "n'accepterait jamais"), which states a stance."""
    if any(c.dep_ in {"aux:tense", "aux:pass"} for c in verb.children):
        return True
    if _future_or_conditional_form(verb):
        return False  # "accepterait", tagged as an imperfect
    return bool({"Past", "Imp"} & set(_feats(verb, "Tense")))


def _en_antecedents(verb: Token, context: _Context) -> list[Token]:
    """"La Slovaquie n'en enverrait pas": the nouns "en" stands for, named before it in its
    sentence or in the sentence before (only for a verb with "en" and no object of its own)."""
    if not any(c.lower_ == "en" and c.pos_ == "PRON" for c in verb.children) or any(
        c.dep_ == "obj" for c in verb.children
    ):
        return []
    start, _ = context.clause_of(verb.idx)
    index = bisect.bisect_left([s for s, _ in context.clauses], start)
    if index > 0 and "\n\n" not in context.text[context.clauses[index - 1][1]:start]:
        start = context.clauses[index - 1][0]
    return [t for t in verb.doc[:verb.i] if t.idx >= start and t.pos_ == "NOUN"]
