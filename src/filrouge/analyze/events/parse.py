"""Token-level readings of the dependency parse shared by the verb and noun rules: the cue
lemma (mended where the tagger erred) and the lexicon lines that fit it, passive and reflexive
verbs, objects and complements, and whether a phrase hangs on a verb.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from filrouge.analyze.events.flags import _future_read_as_adjective
from filrouge.analyze.events.lexicon import (
    Cue,
    _apostrophes,
    _feats,
    _idioms,
    _object_idioms,
    _pronominal_idioms,
    grammar,
    noun_cues,
    verb_cues,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


def _verb_chain(word: Token, governor: Token) -> bool:
    """Whether the infinitive ``word`` depends on ``governor`` through verbs only ("débloque …
    pour fournir", "fournir…, de former…"), not through a noun or a relative clause."""
    node = word
    for _ in range(4):
        if node.dep_ not in {"advcl", "conj", "xcomp"} or node.head.i == node.i:
            return False
        node = node.head
        if node.i == governor.i:
            return True
        if node.pos_ not in {"VERB", "AUX"}:
            return False
    return False


def _verb_lemma(token: Token) -> str:
    """The lemma, mended where the lemmatiser kept a noun for a verb ("que Moscou réclame":
    "réclame" → "réclamer")."""
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma not in verb_cues() and lemma == token.lower_ and (
        lemma + "r" in verb_cues()
    ):
        return lemma + "r"
    if _participle_read_as_noun(token):  # "a téléphoné" tagged as a noun
        return re.sub(r"ée?s?$", "er", token.lower_)
    return _future_read_as_adjective(token) or lemma


def _participle_read_as_noun(token: Token) -> bool:
    """"Trump a téléphoné à Poutine": a past participle after its auxiliary that the tagger
    read as a noun, for a first-group verb of the lexicon."""
    return token.pos_ == "NOUN" and re.search(r"ée?s?$", token.lower_) is not None and any(
        c.dep_ == "aux:tense" for c in token.children
    ) and re.sub(r"ée?s?$", "er", token.lower_) in verb_cues()


def _matching_cues(verb: Token, text: str) -> list[Cue]:
    entries = verb_cues().get(_verb_lemma(verb), [])
    reflexive = _has_reflexive(verb)
    with_en = any(c.lower_ == "en" and c.pos_ == "PRON" for c in verb.children)
    following = _apostrophes(text[verb.idx + len(verb.text):verb.idx + len(verb.text) + 40])
    following = " ".join(following.replace("'", "' ").split()).lower()
    if any(following.startswith(rest) for rest in _idioms().get(_verb_lemma(verb), ())):
        return []  # "céder la place à", "lever des fonds": an idiom, no event
    if _another_sense(verb, reflexive):
        return []
    fitting = [c for c in entries
               if (not c.with_en or with_en)
               and (not c.after or following.startswith(c.after.replace("'", "' ")))]
    if reflexive and any(c.reflexive for c in fitting):
        return [c for c in fitting if c.reflexive]
    return [c for c in fitting if not c.reflexive]


def _another_sense(verb: Token, reflexive: bool) -> bool:
    """The cue used in a sense that states no event, read from its object: "accuser une
    forte baisse", "lever son verre", "livrer un long discours", "a conclu sa visite" (the
    object's head, whatever words come between), or from its pronoun: "se livrer à des
    exactions", "les délégués se sont levés"."""
    lemma = _verb_lemma(verb)
    if reflexive and lemma in _pronominal_idioms():
        return True
    heads = _object_idioms().get(lemma)
    if not heads:
        return False
    objects = [c for c in verb.children if c.dep_ in {"obj", "nsubj:pass"}]
    if verb.dep_ in {"acl", "amod"}:
        objects.append(verb.head)  # "le discours livré mardi"
    return any(o.lemma_.lower() in heads or o.lower_ in heads for o in objects)


def _has_reflexive(verb: Token) -> bool:
    return any(c.pos_ == "PRON" and _apostrophes(c.lower_) in {"se", "s'"}
               for c in verb.children)


def _governor(verb: Token) -> Token | None:
    """The verb an infinitive or participle complement depends on ("refuse de livrer")."""
    if verb.dep_ in {"xcomp", "ccomp"} and verb.head.i != verb.i and (
        "Inf" in _feats(verb, "VerbForm")
    ):
        return verb.head
    return None


def _is_passive(verb: Token) -> bool:
    if _has_reflexive(verb):
        return False
    if any(c.dep_ == "aux:pass" for c in verb.children):
        return True
    if verb.dep_ == "advcl" and "Past" in _feats(verb, "Tense") and not any(
        c.dep_.startswith("aux") for c in verb.children
    ):  # ", exigée depuis des mois par Donald Trump": a bare participle is passive
        return "Part" in _feats(verb, "VerbForm")
    if verb.dep_ == "xcomp" and "Part" in _feats(verb, "VerbForm") and "Past" in _feats(
        verb, "Tense"
    ) and verb.head.lemma_.lower() in _COPULAS:  # "l'aide reste bloquée": its subject undergoes
        return True
    return verb.dep_ in {"acl", "amod"} and "Part" in _feats(verb, "VerbForm")


_COPULAS = frozenset({"rester", "reste", "demeurer", "sembler", "paraître", "être"})


def _object_pronoun(verb: Token) -> bool:
    """"le dénoncer": a clitic object standing for something named before."""
    return any(c.dep_ == "obj" and c.pos_ == "PRON" and c.lower_ in {"le", "la", "l'", "l’"}
               for c in verb.children)


def _object_words(verb: Token) -> list[Token]:
    """Words of the verb's object and complements (not of its subject or of clauses)."""
    words: list[Token] = []
    for child in verb.children:
        if child.dep_ in {"obj", "obl", "obl:arg", "obl:mod", "iobj", "nsubj:pass", "xcomp"}:
            words.extend(child.subtree)
    if verb.dep_ in {"acl", "amod"}:
        words.append(verb.head)
    return words


def _agreed_on(verb: Token) -> list[Token]:
    """What an agreement is on: the heads of the verb's object and complements and their
    noun complements ("signé un prêt", "un accord de prêt", "entendus sur un prêt"), not
    words further down ("signé entre X et Y, assorti d'un prêt" is an agreement)."""
    heads = [c for c in verb.children
             if c.dep_ in {"obj", "obl", "obl:arg", "obl:mod", "nsubj:pass"}]
    if verb.dep_ in {"acl", "amod", "acl:relcl"}:
        heads.append(verb.head)
    mark = next((c for c in verb.children if c.dep_ == "mark"
                 and _apostrophes(c.lower_) in {"que", "qu'"}), None)
    if mark is not None and mark.i > 0 and verb.doc[mark.i - 1].pos_ == "NOUN" and not any(
        c.dep_ == "obj" for c in verb.children
    ):  # "l'enveloppe de 60 milliards que le Congrès a adoptée", read as a que-clause
        node = verb.doc[mark.i - 1]
        heads.append(node)
        while node.dep_ == "nmod" and node.head.pos_ == "NOUN" and node.head.i < node.i:
            node = node.head  # "dollars" → "milliards" → "enveloppe"
            heads.append(node)
    # the parser hangs an object on a time word ("signé vendredi un prêt")
    return heads + [n for h in heads for n in h.children if n.dep_ in {"nmod", "obj"}]


def _joint_undertaking(verb: Token) -> Token | None:
    """The mission, operation or coalition the verb joins ("participer à une mission de
    l'Otan", "rejoindre la coalition"): the head of its object or complement."""
    words = grammar()["cooperation_words"]
    return next((c for c in verb.children if c.dep_ in {"obj", "obl", "obl:arg", "obl:mod"}
                 and c.lemma_.lower() in words), None)


def _names_aid(words: Iterable[Token]) -> bool:
    """Whether the words name money, arms or aid. A scale word counts only for money: "2
    milliards" and "des millions d'euros" do, "22 millions de signatures" does not."""
    aid = grammar()["aid_words"]
    scales = grammar()["scale_words"]

    def names(word: Token) -> bool:
        if word.lemma_.lower() not in scales:
            return word.lemma_.lower() in aid or word.text in aid
        counted = [c for c in word.children if c.dep_ == "nmod" and c.pos_ in {"NOUN", "PROPN"}]
        return all(c.lemma_.lower() in aid or c.text in aid for c in counted)

    return any(names(w) for w in words)


def _has_que_clause(verb: Token) -> bool:
    for child in verb.children:
        if child.dep_ in {"ccomp", "obj"} and any(
            _apostrophes(m.lower_) in {"que", "qu'"} for m in child.children if m.dep_ == "mark"
        ):
            return True
    return False


def _has_request_complement(verb: Token) -> bool:
    """Whether the verb has what is asked for: "à"/"de" + infinitive, "que", "pour". After a
    direct object, "pour"/"afin de" say why, not what is asked: "a appelé Volodymyr Zelensky
    pour l'informer" is a call (the phone reading of "appeler")."""
    purpose_only = any(c.dep_ == "obj" for c in verb.children)
    for word in verb.subtree:
        if word.i <= verb.i or "Inf" not in _feats(word, "VerbForm"):
            continue
        before = word.i - 1  # "à « accélérer »", "de se doter", "de lui donner"
        while before > verb.i and (verb.doc[before].pos_ in {"PUNCT", "PRON"}):
            before -= 1
        if _apostrophes(verb.doc[before].lower_) in {"à", "de", "d'"} and not (
            purpose_only and verb.doc[before - 1].lower_ == "afin"
        ):
            return True
    for child in verb.children:
        if child.dep_ in {"xcomp", "ccomp", "advcl"}:
            marks = {_apostrophes(m.lower_) for m in child.children if m.dep_ in {"mark", "case"}}
            if purpose_only and child.dep_ == "advcl" and marks & {"pour", "afin"}:
                continue
            if marks & {"à", "de", "d'", "que", "qu'", "pour"} or "Inf" in _feats(
                    child, "VerbForm"):
                return True
        if child.dep_.startswith("obl") and child.pos_ != "PROPN" and any(
            k.lower_ in {"à", "pour", "au", "aux"} for k in child.children if k.dep_ == "case"
        ) and child.lemma_.lower() not in grammar()["phone_words"]:
            # "appeler à la retenue"; "invité à Kiev" is where, "appeler X au téléphone" how
            return True
    return False


def _own_words(head: Token) -> list[Token]:
    """A noun phrase without its coordinated parts, relative clauses and participles."""
    words = [head]
    for child in head.children:
        if child.dep_ in {"conj", "cc", "acl:relcl", "acl", "punct", "advcl"} or (
            child.i < head.i and _feats(child, "VerbForm")
        ):
            continue  # "Réunis au World Forum, les dirigeants …": not who they are
        words.extend(child.subtree)
    return sorted(words, key=lambda t: t.i)


def _conjuncts(head: Token) -> list[Token]:
    found: list[Token] = []
    for child in head.children:
        if child.dep_ == "conj" and child.pos_ in {"PROPN", "NOUN", "PRON"}:
            found.append(child)
            found.extend(_conjuncts(child))
    return found


def _link_to(root: Token, verb: Token, max_hops: int = 6) -> Token | None:
    """The child of ``verb`` that ``root`` depends on (``root`` itself when a child)."""
    node = root
    for _ in range(max_hops):
        if node.head.i == verb.i:
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _in_clause_of(word: Token, verb: Token, max_hops: int = 4) -> bool:
    """Whether ``word`` depends on ``verb`` through nouns only ("exigée depuis des mois par
    Donald Trump", where the parser hung "par Donald Trump" on "mois")."""
    node, hops = word, 0
    while node.i != verb.i and hops < max_hops:
        if node.i != word.i and (node.pos_ in {"VERB", "AUX"} or _feats(node, "VerbForm")):
            return False
        if node.head.i == node.i:
            return False
        node, hops = node.head, hops + 1
    return node.i == verb.i


def _fronted_locative(root: Token, verb: Token) -> bool:
    """"Au Kremlin, Dmitri Peskov a prévenu…": a phrase in "à"/"au" opening the sentence and
    closed by a comma, before the verb, says where, not to whom."""
    doc = root.doc
    if not any(_apostrophes(k.lower_) in {"à", "au", "aux"} for k in root.children
               if k.dep_ == "case"):
        return False
    left, right = root.left_edge, root.right_edge
    opening = left.i == left.sent.start or doc[left.i - 1].is_punct
    return (opening and right.i + 1 < len(doc) and doc[right.i + 1].text == ","
            and right.i < verb.i)


def _attached(root: Token, verb: Token, max_hops: int = 4) -> bool:
    """Whether the phrase at ``root`` depends on ``verb`` itself, possibly through nouns the
    parser hung it on ("vendredi avec JD Vance"), but not through another clause nor another
    prepositional phrase ("… après un texte conclu avec X" is another happening)."""
    node, hops = root, 0
    while node.i != verb.i and hops < max_hops:
        if node.i != root.i and (node.pos_ in {"VERB", "AUX"} or _feats(node, "VerbForm")):
            return False  # in another clause
        if node.i != root.i and any(_apostrophes(k.lower_) not in {"de", "du", "des", "d'"}
                                    for k in node.children if k.dep_ == "case"):
            return False
        if node.head.i == node.i:
            return False
        node, hops = node.head, hops + 1
    return node.i == verb.i


def _noun_lemma(token: Token) -> str:
    lemma = token.lemma_.lower()
    if lemma in noun_cues():
        return lemma
    lower = token.lower_
    if lower.endswith("s") and lower[:-1] in noun_cues():
        return lower[:-1]
    return lower
