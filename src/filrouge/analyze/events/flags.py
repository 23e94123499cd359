"""Flags of an event: negated ("n'a pas accepté", "sans signature") and hypothetical
(conditional, future, "pourrait", "envisage de", a purpose "pour livrer"), for verbs and nouns,
so a hypothetical is never presented as a fact.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from filrouge.analyze.events.lexicon import _apostrophes, _feats, _future_stems, grammar, verb_cues

if TYPE_CHECKING:
    from spacy.tokens import Token


def _future_read_as_adjective(token: Token) -> str | None:
    """"que la France et le Royaume-Uni piloteraient une force": a conditional or future of a
    verb of the lexicon built on its infinitive that the tagger read as an adjective."""
    if token.pos_ != "ADJ":
        return None
    word = token.lower_
    return next((word[: -len(e)] for e in _FUTURE_ENDINGS if word.endswith(e)
                 and word[: -len(e)].endswith(("er", "ir")) and word[: -len(e)] in verb_cues()),
                None)


def _past_participle_on(noun: Token) -> bool:
    """"l'aide versée", "le prêt accordé": done, not promised."""
    return any(c.dep_ in {"acl", "amod"} and "Part" in _feats(c, "VerbForm")
               and "Past" in _feats(c, "Tense") for c in noun.children)


def _noun_negated(noun: Token) -> bool:
    words = grammar()
    if any(_apostrophes(c.lower_) in words["without"] for c in noun.children if c.dep_ == "case"):
        return True
    if any(c.lower_ in {"aucun", "aucune", "nul", "nulle"} for c in noun.children):
        return True
    head = noun.head
    return (head.i != noun.i and head.pos_ in {"VERB", "AUX"} and not _time_adjunct(noun)
            and _is_negated(head))


def _time_adjunct(noun: Token) -> bool:
    """"trois jours après l'appel entre X et Y": the noun dates the clause, it is no part of
    what the clause negates or supposes."""
    return any(c.dep_ == "case" and c.lower_ in grammar()["time_cases"] for c in noun.children)


def _in_preparation(noun: Token) -> bool:
    """"organise une rencontre entre X et Y", "a commencé à organiser", "les arrangements pour
    une rencontre": a meeting being prepared is not yet held ("a organisé" one is)."""
    words, head = grammar(), noun.head
    if head.i == noun.i:
        return False
    if noun.dep_ == "obj" and head.lemma_.lower() in words["preparation_verbs"]:
        if head.lemma_.lower() != "organiser":
            return True
        if "Inf" in _feats(head, "VerbForm"):
            return head.head.lemma_.lower() in words["start_verbs"]
        return "Pres" in _feats(head, "Tense") and "Fin" in _feats(head, "VerbForm") and not any(
            c.dep_.startswith("aux") for c in head.children)
    if not any(c.dep_ == "case" and c.lower_ == "pour" for c in noun.children):
        return False
    return head.lemma_.lower() in words["preparation_nouns"] or any(
        c.dep_ == "obj" and c.lemma_.lower() in words["preparation_nouns"]
        for c in head.children)


def _governing_hypothetical(noun: Token) -> bool:
    if _in_preparation(noun):
        return True
    head = noun.head
    if head.i == noun.i or head.pos_ not in {"VERB", "AUX"} or _time_adjunct(noun):
        return False
    return _is_hypothetical(head)




def _is_negated(verb: Token) -> bool:
    words = grammar()
    scope = [verb, *[c for c in verb.children if c.dep_.startswith("aux")]]
    if verb.dep_ == "xcomp" and verb.head.i != verb.i:
        scope.append(verb.head)
    children = [c for node in scope for c in node.children]
    particle = any(_apostrophes(c.lower_) in words["negation_particles"] for c in children)
    negation = any(c.lower_ in words["negations"] for c in children
                   if c.dep_ in {"advmod", "advmod:neg", "obj", "det", "nsubj", "iobj"})
    if not negation:
        negation = any(d.lower_ in {"aucun", "aucune"} for c in verb.children
                       if c.dep_ == "obj" for d in c.subtree)
    if particle and not negation:  # "n'accepterait « jamais » un accord": the guillemets
        negation = any(d.lower_ in words["negations"] and d.dep_.startswith("advmod")
                       and d.i < c.i for c in verb.children if c.dep_ == "obj"
                       for d in c.children)  # hang "jamais" on the object
    if particle and negation:
        return True
    return any(_apostrophes(c.lower_) in words["without"] for c in verb.children
               if c.dep_ in {"mark", "case"})


def _no_longer(verb: Token) -> bool:
    """"La Hongrie ne s'oppose plus", "ne s'y opposeraient plus": negated by "ne … plus" alone
    (no "pas", "jamais"): what held until now stops."""
    words = grammar()
    scope = [verb, *[c for c in verb.children if c.dep_.startswith("aux")]]
    children = [c for node in scope for c in node.children]
    if not any(_apostrophes(c.lower_) in words["negation_particles"] for c in children):
        return False
    found = {c.lower_ for c in children if c.lower_ in words["negations"]
             and c.dep_ in {"advmod", "advmod:neg"}}
    return found == {"plus"}


_FUTURE_ENDINGS = ("ai", "as", "a", "ons", "ez", "ont", "ais", "ait", "ions", "iez", "aient")


def _future_or_conditional_form(token: Token) -> bool:
    """"livrerons", "enverrait": the tagger sometimes reads a future as a present; the form
    built on the infinitive tells ("livrer" + "ons")."""
    if _future_read_as_adjective(token):
        return True
    if "Fin" not in _feats(token, "VerbForm"):
        return False
    word, lemma = token.lower_, token.lemma_.lower()
    stems = {s for s in {lemma, lemma[:-1] if lemma.endswith("re") else ""} if len(s) > 3}
    stems |= _irregular_future_stems(lemma)
    return any(word == stem + ending for stem in stems for ending in _FUTURE_ENDINGS)


def _irregular_future_stems(lemma: str) -> set[str]:
    """"serons", "enverrait", "soutiendra": futures and conditionals not built on the
    infinitive (``future_stems`` in ``events_fr.json``, and the families "-tenir"/"-venir"
    → "-tiendr"/"-viendr", "-cevoir" → "-cevr")."""
    stems = set(_future_stems().get(lemma, ()))
    if lemma.endswith(("tenir", "venir")):
        stems.add(lemma[:-4] + "iendr")
    elif lemma.endswith("cevoir"):
        stems.add(lemma[:-3] + "r")
    return stems


def _near_future(token: Token) -> bool:
    """"va répondre", "nous allons les aider": "aller" in the present with an infinitive."""
    return token.lemma_.lower() == "aller" and "Pres" in _feats(token, "Tense") and any(
        c.dep_ == "xcomp" and "Inf" in _feats(c, "VerbForm") for c in token.children)


def _is_hypothetical(verb: Token) -> bool:
    words = grammar()
    node = verb
    for _ in range(3):
        auxiliaries = [a for a in node.children if a.dep_.startswith("aux")]
        moods = [m for t in (node, *auxiliaries) for m in _feats(t, "Mood")]
        tenses = [m for t in (node, *auxiliaries) for m in _feats(t, "Tense")]
        if "Cnd" in moods or ("Fut" in tenses and node.pos_ != "ADJ") or any(
            _future_or_conditional_form(t) for t in (node, *auxiliaries)
        ):
            return True
        marks = {_apostrophes(c.lower_) for c in node.children if c.dep_ == "mark"}
        if marks & words["hypothesis_markers"]:
            return True
        if marks & words["purpose_markers"] or any(
            _apostrophes(c.lower_) in words["purpose_markers"] for c in node.children
            if c.dep_ == "case"
        ):
            return True
        if any(a.lemma_.lower() in words["modal_verbs"] for a in auxiliaries):
            return True
        if "Inf" not in _feats(node, "VerbForm") or node.head.i == node.i:
            return False
        head = node.head
        if head.lemma_.lower() in words["modal_verbs"] or head.lower_ in words[
            "modal_adjectives"
        ] or head.lower_ in words["purpose_markers"]:
            return True
        if head.pos_ == "NOUN":
            return True
        node = head
    return False
