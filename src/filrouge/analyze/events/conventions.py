"""The conventions docs/gold.md settles for every article ("Conventions settled by
the adjudication"), applied to what the cues found: every named party of a meeting or of a
signing named together gets its own record, and a happening told again later in the article is
recorded once. They hold for any news text, whatever the cue that found it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from filrouge.analyze.entities import EntityIndex
from filrouge.analyze.events.actors import (
    _between,
    _leading_actors,
    _one_phrase_actor,
    _phrase_actors,
    _verb_actors,
)
from filrouge.analyze.events.context import _Context, _Draft, _is_person
from filrouge.analyze.events.flags import _is_hypothetical, _is_negated
from filrouge.analyze.events.implicit import _SIGNING
from filrouge.analyze.events.lexicon import Cue, Grammar, _apostrophes, _feats, grammar, verb_cues
from filrouge.analyze.events.parse import (
    _conjuncts,
    _has_reflexive,
    _is_passive,
    _object_pronoun,
    _own_words,
)
from filrouge.model import Event

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


_MEETING_AND_SIGNING = frozenset({"CONSULT", "AGREE"})


def _with_every_party(drafts: list[_Draft], context: _Context) -> list[_Draft]:
    """Convention 2 (meetings) and 8 (co-signers): "A s'est entretenu avec B" is also B's
    meeting with A, "A et B ont signé" is signed by each with the other, "avec B et C" is a
    meeting with each; one draft per added (actor, target) pair, citing the same words."""
    out: list[_Draft] = []
    visiting = {(d.trigger.sent.start, a) for d in drafts
                if d.cue.type == "CONSULT" and d.cue.mode == "visit" for a in d.actors}
    told = {(d.trigger.sent.start, a, t) for d in drafts if d.cue.type == "CONSULT"
            for a in d.actors for t in d.targets}
    for draft in drafts:
        if draft.cue.type == "CONSULT" and not draft.read_from_words:
            met = _met_after(draft, context)
            if met is not None:  # "A et B ont rencontré X": each of them met X
                for a in draft.actors + draft.targets[:1] if met else []:
                    out.append(replace(draft, actors=[a], targets=[met[0]], way="party"))
                    if _is_person(a, context) and _is_person(met[0], context):
                        out.append(replace(draft, actors=[met[0]], targets=[a], way="party"))
                continue
        out.append(draft)
        if draft.read_from_words:
            continue
        if draft.cue.type not in _MEETING_AND_SIGNING:
            out.extend(_addressees(draft, context))
            continue
        if draft.cue.type == "CONSULT" and not draft.targets:
            draft.targets = _received_guest(draft, context) or _met_beside_setting(draft, context)
        pairs = _party_pairs(draft, context, visiting)
        if pairs and not draft.targets:  # "les responsables de Kyiv et de Washington doivent
            out.pop()                    # se rencontrer": the parties' records stand for it
        have = {(a, t) for a in draft.actors for t in draft.targets[:2]}
        if draft.cue.type == "CONSULT":  # a companion's record another cue gave is not repeated
            pairs += [(a, t) for a, t in _companion_pairs(draft, context)
                      if (draft.trigger.sent.start, a, t) not in told]
        for actor, target in pairs:
            if (actor, target) not in have:
                have.add((actor, target))
                out.append(replace(draft, actors=[actor], targets=[target],
                                   target_implicit=False, way="party"))
    seen: set[tuple[int, str, tuple[str, ...], tuple[str, ...]]] = set()
    kept: list[_Draft] = []
    for draft in out:  # one record per cue and pair, however many rules gave it
        key = (draft.trigger.i, draft.cue.type, tuple(draft.actors), tuple(draft.targets[:1]))
        if key not in seen:
            seen.add(key)
            kept.append(draft)
    return kept


def _meetings_told(drafts: list[_Draft], context: _Context) -> list[_Draft]:
    """Convention 2: a summit or meeting named with its body is that body's meeting ("le
    sommet des Brics", "avant un sommet du G20"), but a meeting noun that only places or
    times another happening tells no meeting: "en marge du sommet du G7, X et Y ont signé"
    (the signing is told), "d'ici au sommet de l'Otan" (a deadline), "le dernier sommet de
    Jens Stoltenberg" (a person's summit with no counterpart: the body holds it); and the
    body's meeting someone attends is no second event ("participe au sommet du G7": X → G7).
    A meeting a host offers to receive is the host's with each party ("a proposé d'accueillir
    une rencontre entre A, B et C": host → A, B, C); whether the parties meet is not told."""
    met = {(d.trigger.sent.start, t) for d in drafts if d.cue.type == "CONSULT"
           for t in d.targets}
    offered = {d.trigger.i for d in drafts if d.cue.type == "CONSULT" and d.hypothetical
               and d.trigger.lemma_.lower() in grammar()["host_verbs"]}
    return [d for d in drafts if not (d.from_noun and d.cue.type == "CONSULT" and (
        _placing_only(d, context) or (not d.targets and d.actors and all(
            (d.trigger.sent.start, a) in met for a in d.actors))
        or (d.targets and d.trigger.dep_ == "obj" and d.trigger.head.i in offered)))]


_DEADLINE = re.compile(r"\bd['’]ici\s+(?:\S+\s+){0,2}$", re.IGNORECASE)


def _placing_only(draft: _Draft, context: _Context) -> bool:
    noun, words = draft.trigger, grammar()
    head = noun.head
    if noun.dep_ == "nmod" and head.i != noun.i and head.lemma_.lower() in words["venue_words"]:
        return True  # "en marge du sommet", "à la marge du sommet"
    first = min(w.i for w in noun.subtree)
    at = noun.doc[first].idx
    if _DEADLINE.search(context.text[max(noun.sent.start_char, at - 20):at]):
        return True  # "d'ici au sommet de juillet"
    if any(k.lower_ == "comme" and k.dep_ in {"case", "mark"}
           for c in noun.children if c.i > noun.i for k in c.children):
        return True  # "a présenté le sommet comme une victoire": what it is judged to be
    registry = context.entities.registry
    return not draft.targets and draft.way == "noun-of" and noun.lemma_.lower() in words[
        "gathering_words"] and all(
        (record := registry.get(a)) is not None and record.type == "person"
        for a in draft.actors)


def _met_after(draft: _Draft, context: _Context) -> list[str] | None:
    """"A et B ont rencontré X", "ont rejoint les deux hommes": two subjects of a meeting
    verb that is not reciprocal meet whom the verb names after it, not each other (the
    parser may have missed that object, and the subjects were paired). None when the
    draft is no such pairing, else the actors named after the verb in its clause."""
    trigger = draft.trigger
    if draft.from_noun or not draft.targets or _has_reflexive(trigger) or (
        "pair" in draft.cue.conditions
    ):  # "A et B ont évoqué l'idée": a talk verb's object is its topic
        return None
    subjects = _verb_actors(trigger, context)[0]
    if draft.targets[0] not in subjects or not set(draft.actors) & set(subjects) or not any(
        e.actor == draft.targets[0] for e in context.entities.within(
            context.clause_of(trigger.idx)[0], trigger.idx)
    ):  # the paired subjects are named before the verb
        return None
    _, end = context.clause_of(trigger.idx)
    comma = context.text.find(",", trigger.idx, end)  # not "…, selon l'Élysée"
    after = [e.actor for e in context.entities.within(trigger.idx, comma if comma > 0 else end)
             if e.actor and e.label != "LOC" and e.actor not in subjects]
    if not after and not any(c.dep_ == "obj" for c in trigger.children):
        return None  # "A et B ont discuté mardi": with each other
    return after


def _addressees(draft: _Draft, context: _Context) -> list[_Draft]:
    """Convention 8: two addressees named together give two records ("a exhorté Washington
    et Bruxelles à…"): one draft for each addressee coordinated with the named target."""
    if draft.target_implicit or not draft.targets:
        return []
    return [replace(draft, targets=[other], way="addressee")
            for other in _co_targets(draft, context) if other not in draft.targets[:2]]


def _party_pairs(draft: _Draft, context: _Context,
                 visiting: set[tuple[int, str]]) -> list[tuple[str, str]]:
    """The (actor, target) records a meeting or signing calls for besides its own.
    ``visiting`` holds (sentence start, actor) of the visits the cues found."""
    if draft.target_implicit:
        return []
    joint = _joint_parties(draft, context)
    if joint and (not draft.targets or draft.targets[0] in joint):
        # "A et B ont signé", "l'appel entre A et B": each party with each of the other side
        return [(a, b) for a in joint for b in joint
                if context.side_of(a) != context.side_of(b)]
    if not draft.targets:
        return []
    targets = list(dict.fromkeys([*draft.targets[:2], *_co_targets(draft, context),
                                  *_hosted_parties(draft, context)]))
    pairs = [(a, t) for a in draft.actors for t in targets if t not in draft.actors]
    if draft.cue.type == "CONSULT" and draft.cue.mode in {"meeting", "phone"} and not (
        _wishes(draft.trigger)
    ) and ("pair" not in draft.cue.conditions or _talked_with(draft, context)):
        # a talk between two people is each one's: "A s'est entretenu avec B" → B with A;
        # so is a reception ("Y a reçu X", "X a été reçu par Y" → X with Y), unless the
        # guest's visit is told in the same sentence ("X est arrivé à l'Élysée, accueilli
        # par Y": the visit is X's record)
        host = draft.trigger.lemma_.lower() in grammar()["host_verbs"]
        pairs += [(t, a) for a, t in pairs
                  if _is_person(a, context) and _is_person(t, context)
                  and not (host and (draft.trigger.sent.start, t) in visiting)]
    return pairs


def _companion_pairs(draft: _Draft, context: _Context) -> list[tuple[str, str]]:
    """Convention 2, companions: the people named "en présence de", "aux côtés de",
    "accompagné de" or "entouré de" on a meeting take part in it ("X a été reçu par Y, en
    présence de Z": Z with X and with Y; "A, accompagné de B, a rencontré C": B with C). A
    companion meets each party of another side (and, in a talk between people, is met back);
    companions of two sides listed together ("en présence des ministres des deux pays, A et
    B") are each side's own delegation: they meet each other."""
    if draft.target_implicit or draft.cue.mode not in {"meeting", "phone", "visit"}:
        return []
    companions = [c for c in _companions(draft.trigger, context) if _is_person(c, context)]
    parties = list(dict.fromkeys(draft.actors + draft.targets[:1]))
    companions = [c for c in dict.fromkeys(companions) if c not in parties]
    if not companions:
        return []
    sides = {context.side_of(c) for c in companions}
    if len(sides) > 1:
        return [(a, b) for a in companions for b in companions
                if context.side_of(a) != context.side_of(b)]
    back = draft.cue.mode != "visit"
    pairs: list[tuple[str, str]] = []
    for companion in companions:
        for party in parties:
            if context.side_of(party) == context.side_of(companion):
                continue
            pairs.append((companion, party))
            if back and _is_person(party, context):
                pairs.append((party, companion))
    return pairs


def _companions(trigger: Token, context: _Context) -> list[str]:
    """The actors named in the "de" complement of a companion word ("accompagné de",
    "entouré de", "en présence de", "aux côtés de") hung on the cue, on its head or on its
    subject, in the cue's sentence."""
    words = grammar()
    near = {trigger.i, trigger.head.i} | {c.i for c in trigger.children
                                          if c.dep_ in {"nsubj", "nsubj:pass"}}
    found: list[str] = []
    for word in trigger.sent:
        phrase = f"{word.nbor(-1).lower_} {word.lower_}" if word.i > word.sent.start else ""
        if not ((word.lemma_.lower() in words["companion_verbs"] and word.pos_ in {"VERB", "ADJ"})
                or phrase in words["companion_phrases"]):
            continue
        if word.head.i not in near and word.i not in near:
            continue
        if not any(part.i > word.i and any(
                k.dep_ == "case" and k.lower_ in words["agent_cases"] for k in part.children)
                for part in word.children):
            continue
        span = [w for w in word.subtree if w.i > word.i]  # with an appended name (", Mark Rutte")
        start, end = span[0].idx, span[-1].idx + len(span[-1].text)
        found += [e.actor for e in context.entities.within(start, end)
                  if e.actor and e.label != "LOC"]
    return found


def _joint_parties(draft: _Draft, context: _Context) -> list[str]:
    """The parties named together as the subject of the cue ("Londres et Kiev se consultent")
    or after "entre" ("un entretien entre A et B"), when there are two or more."""
    trigger = draft.trigger
    parties = _between(trigger, context)
    if len(parties) < 2 and not draft.from_noun:
        parties = _verb_actors(trigger, context)[0]
    if len(parties) < 2 and not draft.from_noun and not draft.targets and (
        _has_reflexive(trigger) or trigger.lemma_.lower() in _SIGNING
    ):  # "les responsables de Kyiv et de Washington doivent se rencontrer"
        parties = [p for p in _subject_sides(trigger, context)
                   if context.entities.registry.get(p) is not None or _is_person(p, context)]
    if len(parties) < 2 and not draft.from_noun and _has_reflexive(trigger):
        parties = _leading_actors(trigger, context)  # "l'accord prévoit que A et B se
        # consultent", the parsed subject being "l'accord": the names right before meet
    parties = list(dict.fromkeys(parties))
    if len({context.side_of(p) for p in parties}) < 2 or not set(draft.actors) & set(parties):
        return []
    return parties


def _subject_sides(verb: Token, context: _Context) -> list[str]:
    """Every actor the subject of a verb (or of the verb it depends on) names, also in its
    complements ("les hauts fonctionnaires de Kyiv et de Washington doivent se rencontrer"),
    without its relative clauses."""
    node = verb
    for _ in range(3):
        subjects = [c for c in node.children if c.dep_ in {"nsubj", "nsubj:pass"}]
        if subjects:
            found: list[str] = []
            for part in [subjects[0], *_conjuncts(subjects[0])]:
                words = _own_words(part)
                start, end = words[0].idx, words[-1].idx + len(words[-1])
                found += [e.actor for e in context.entities.within(start, end)
                          if e.actor and e.label != "LOC" and e.actor not in found]
            return found
        if node.dep_ not in {"xcomp", "conj"} or node.head.i == node.i:
            return []
        node = node.head
    return []


def _target_word(draft: _Draft, context: _Context) -> Token | None:
    """The head word of the first mention of the draft's target in the cue's clause."""
    start, end = context.clause_of(draft.trigger.idx)
    mention = next((e for e in context.entities.within(start, end)
                    if e.actor == draft.targets[0]), None)
    span = draft.trigger.doc.char_span(mention.start, mention.end,
                                       alignment_mode="expand") if mention else None
    return span.root if span is not None else None


def _talked_with(draft: _Draft, context: _Context) -> bool:
    """"a discuté avec X", "a évoqué avec X": a talk verb that is a meeting only with a pair
    names the other side with "avec" ("a évoqué Vladimir Poutine" talks about him)."""
    word = _target_word(draft, context)
    return word is not None and any(
        c.dep_ == "case" and c.lower_ == "avec" for c in word.children)


def _co_targets(draft: _Draft, context: _Context) -> list[str]:
    """The parties coordinated with the named target ("avec Emmanuel Macron et Olaf
    Scholz"), each in its own record."""
    word = _target_word(draft, context)
    if word is None:
        return []
    found: list[str] = []
    for part in _conjuncts(word):
        actor = _one_phrase_actor(part, context, adjectives=False)
        if actor and actor not in found and actor not in draft.targets + draft.actors:
            found.append(actor)
    return found


def _hosted_parties(draft: _Draft, context: _Context) -> list[str]:
    """"accueillir une rencontre entre A, B et C": the host receives each party."""
    trigger = draft.trigger
    if trigger.lemma_.lower() not in grammar()["host_verbs"]:
        return []
    found: list[str] = []
    for meeting in trigger.children:
        if meeting.dep_ == "obj" and meeting.lemma_.lower() in grammar()["gathering_words"]:
            found += _between(meeting, context) + _listed_after_between(meeting, context)
    return list(dict.fromkeys(found))


_LIST_GAP = re.compile(r"\s*(?:,|et)\s*")


def _listed_after_between(noun: Token, context: _Context) -> list[str]:
    """The names listed in the words right after "entre" ("une rencontre entre A, B et C"),
    however the parser hung the later ones."""
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if after is None or after.lower_ not in grammar()["between"]:
        return []
    found: list[str] = []
    end = after.idx + len(after.text)
    for entity in context.entities.within(end, noun.sent.end_char):
        gap = context.text[end:entity.start]
        if not (_LIST_GAP.fullmatch(gap) if found else not gap.strip()):
            break
        if entity.actor and entity.actor not in found:
            found.append(entity.actor)
        end = entity.end
    return found


def _wishes(trigger: Token) -> bool:
    """A wish or readiness to meet ("espère rencontrer", "prêt à parler avec") is one side's
    only."""
    words = grammar()
    return "Inf" in _feats(trigger, "VerbForm") and trigger.head.i != trigger.i and (
        trigger.head.lemma_.lower() in words["wish_words"]
        or trigger.head.lower_ in words["wish_words"])


def _received_guest(draft: _Draft, context: _Context) -> list[str]:
    """"X est arrivé à l'Élysée, accueilli par Y": the one a host receives, when the
    participle of reception hangs on the guest or on the guest's verb."""
    trigger = draft.trigger
    if trigger.lemma_.lower() not in grammar()["host_verbs"] or trigger.dep_ not in {
        "acl", "advcl"
    } or trigger.head.i == trigger.i:
        return []
    head = trigger.head
    guests = (_verb_actors(head, context)[0] if head.pos_ in {"VERB", "AUX"}
              else _phrase_actors(head, context, adjectives=False))
    return [g for g in guests if g not in draft.actors][:1]


_PARTICIPLE_ENDINGS = ("", "e", "s", "es")


@lru_cache(maxsize=1)
def _gathering_participles() -> dict[str, Cue]:
    """The past participles of the reciprocal meeting verbs of the lexicon ("se réunir" →
    "réuni", "réunis"; "se retrouver" → "retrouvés"), regular forms only."""
    forms: dict[str, Cue] = {}
    for lemma, cues in verb_cues().items():
        for cue in cues:
            if not (cue.reflexive and cue.type == "CONSULT" and cue.mode == "meeting"
                    and not cue.conditions and not cue.after):
                continue
            stem = lemma[:-1] if lemma.endswith("ir") else (
                lemma[:-2] + "é" if lemma.endswith("er") else "")
            for ending in _PARTICIPLE_ENDINGS if stem else ():
                forms.setdefault(stem + ending, cue)
    return forms


def _opening_gatherings(doc: Doc, context: _Context, drafts: list[_Draft]) -> list[_Draft]:
    """"Réunis samedi en marge du G20, Emmanuel Macron, Keir Starmer et Friedrich Merz ont
    estimé…", "Réunis à La Haye, les dirigeants de l'Alliance ont adopté…", "Réunis à Paris
    avec leur homologue ukrainien, les chefs de la diplomatie européens…": a sentence opening
    on the participle of a meeting verb tells the meeting of the subject of its main clause
    (the parser reads the capitalised participle as a name or a complement, so no verb cue
    finds it, or finds no one). Each party meets each other one (convention 2); one body
    alone holds its meeting; "avec X" in the opening phrase is met by each of them and meets
    them back."""
    forms = _gathering_participles()
    found: list[_Draft] = []
    read = {d.trigger.i for d in drafts}  # the verb's own reading stands when it found one
    for opening in doc:
        cue = forms.get(opening.lower_)
        if cue is None or opening.i in read or not opening.text[0].isupper() or (
            not _opens_sentence(opening)
        ):
            continue  # (the parser may cut the sentence after the participle read as a name)
        end = next((t.i for t in doc[opening.i:] if t.text in {".", "!", "?"} or "\n" in t.text),
                   len(doc))
        sent = doc[opening.i:end]
        comma = next((t for t in sent if t.text == ","), None)
        main = next((t for t in sent if comma is not None and t.i > comma.i + 1
                     and t.pos_ == "VERB"), None)
        if comma is None or main is None:
            continue
        lead = [a for a in _leading_actors(main, context)
                if any(e.actor == a and e.start > comma.idx
                       for e in context.entities.within(comma.idx, main.idx))]
        actors = _verb_actors(main, context)[0]
        actors = lead if len(lead) > len(actors) else actors
        if not actors:
            continue
        met: list[str] = []
        for word in doc[opening.i + 1:comma.i]:
            if any(k.dep_ == "case" and k.lower_ == "avec" for k in word.children):
                actor = _one_phrase_actor(word, context, adjectives=True)
                if actor and actor not in actors and actor not in met:
                    met.append(actor)
        pairs = ([(a, t) for a in actors for t in met] + [(t, a) for a in actors for t in met]
                 if met else [(a, b) for a in actors for b in actors
                              if context.side_of(a) != context.side_of(b)])
        if not pairs and len(actors) == 1:
            pairs = [(actors[0], "")]
        hypothetical = _is_hypothetical(main)
        for actor, target in pairs:
            found.append(_Draft(cue, opening, [actor], [target] if target else [], False,
                                hypothetical, False, way="party"))
    return found


def _opens_sentence(token: Token) -> bool:
    """Whether nothing but spaces, a dash or a time stamp stand between the token and the end
    of the sentence before it (or the start of the text)."""
    before = token.doc.text[max(0, token.idx - 80):token.idx]
    return re.search(r"(?:^|[.!?»:]\s+|\n\s*|[—–-]\s+)$", before) is not None


def _meetings_the_parse_hides(doc: Doc, context: _Context, drafts: list[_Draft],
                              ) -> list[_Draft]:
    """The meetings no verb cue reads: a sentence opening on "Réunis" and a reception whose
    guest is a pronoun (the drafts found by the cues are given, not repeated)."""
    return _opening_gatherings(doc, context, drafts) + _receptions(doc, context, drafts)


def _receptions(doc: Doc, context: _Context, drafts: list[_Draft]) -> list[_Draft]:
    """Convention 2, a host receiving: "X s'est rendu à Pékin, où Xi Jinping l'a reçu", "où
    il a été reçu par Y", "où il devait être reçu par Y", "X est arrivé à Moscou. Vladimir
    Poutine l'a accueilli au Kremlin" — the one received is a pronoun, for the person named
    last before it (not the host), and the host receives them (host → guest; the guest meets
    the host back unless their visit is told in the same sentence)."""
    words = grammar()
    by_trigger = {d.trigger.i: d for d in drafts if d.cue.type == "CONSULT"}
    found: list[_Draft] = []
    for verb in doc:
        if verb.lemma_.lower() not in words["host_verbs"] or verb.pos_ != "VERB" or not (
            _guest_by_pronoun(verb, words)
        ):
            continue
        known = by_trigger.get(verb.i)
        if known is not None and known.targets:
            continue
        hosts = known.actors if known is not None else _host_actors(verb, context)
        guest = _guest_named_before(verb, hosts, context)
        if not hosts or guest is None:
            continue
        if known is not None:
            known.targets = [guest]
            continue
        cue = Cue(lemma=verb.lemma_.lower(), type="CONSULT", mode="meeting",
                  conditions=frozenset())
        found.append(_Draft(cue, verb, hosts[:1], [guest], _is_negated(verb),
                            _is_hypothetical(verb), False, way="host"))
    return found


def _guest_named_before(verb: Token, hosts: list[str], context: _Context) -> str | None:
    """The person named last before the reception, in its sentence or the one before, who
    is not the host."""
    start, _ = context.clause_of(verb.idx)
    earlier = [s for s, _ in context.clauses if s < start]
    since = earlier[-1] if earlier else 0
    people = [e.actor for e in context.entities.within(since, verb.idx)
              if e.label == "PER" and e.actor and e.actor not in hosts]
    return people[-1] if people else None


def _guest_by_pronoun(verb: Token, words: Grammar) -> bool:
    """"l'a reçu", "il a été reçu par", "il devait être reçu par": the one received is a
    pronoun (an object clitic, or the subject of the passive or of the verb it depends on)."""
    if _object_pronoun(verb):
        return True
    if not _is_passive(verb):
        return False
    node = verb
    for _ in range(2):
        subjects = [c for c in node.children if c.dep_ in {"nsubj", "nsubj:pass"}]
        if subjects:
            return subjects[0].lower_ in words["person_pronouns"] | words["group_pronouns"]
        if node.dep_ not in {"xcomp", "conj"} or node.head.i == node.i:
            return False
        node = node.head
    return False


def _host_actors(verb: Token, context: _Context) -> list[str]:
    """Who receives: the agent of a passive ("reçu par Y"), else the subject."""
    if _is_passive(verb):
        agents = [c for c in verb.children if c.dep_ == "obl:agent"]
        return _phrase_actors(agents[0], context, adjectives=False) if agents else []
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
    return _phrase_actors(subjects[0], context, adjectives=False) if subjects else []


def _met_beside_setting(draft: _Draft, context: _Context) -> list[str]:
    """"s'est entretenu en marge avec X", "devait s'entretenir dans la journée avec X", "a
    discuté à huis clos avec X": a talk verb's "avec X" the parser hung on the words that say
    when or where the talk was held (a noun in "en", "dans", "à", "pendant"… of the verb, or
    "en marge") is the one met."""
    trigger, words = draft.trigger, grammar()
    if draft.from_noun or draft.cue.mode not in {"meeting", "phone"}:
        return []
    setting_cases = words["time_cases"] | words["visit_cases"]
    found: list[str] = []
    for setting in trigger.children:
        if not setting.dep_.startswith("obl") or setting.pos_ not in {"NOUN", "ADJ"} or not (
            setting.lemma_.lower() in words["venue_words"] or any(
                _apostrophes(k.lower_) in setting_cases
                for k in setting.children if k.dep_ == "case")
        ):
            continue
        for part in setting.children:
            if part.dep_ == "nmod" and any(k.dep_ == "case" and k.lower_ == "avec"
                                           for k in part.children):
                actor = _one_phrase_actor(part, context, adjectives=False)
                if actor and actor not in draft.actors and actor not in found:
                    found.append(actor)
    return found[:1]


def once_per_article(events: list[Event], entities: EntityIndex, doc: Doc | None = None,
                     ) -> list[Event]:
    """Convention 1: a happening told again in a later sentence ("ont signé…", then "la
    signature de l'accord", "s'est rendu à Kiev…", then "sa visite") is recorded once, at its
    first telling: a later event of the same type, actors, day and polarity whose targets are
    the same sides is dropped when its cue shares a stem with the first or is a noun (given
    ``doc``). Two verbs of different stems stay two happenings ("se sont engagés", "ont
    approuvé"). Run once events have their final days (after
    :func:`filrouge.analyze.dating.date_statements`)."""
    kept: list[Event] = []
    for event in events:
        noun = doc is not None and _noun_trigger(event, doc)
        if not any(_retells(event, earlier, entities, noun) for earlier in kept):
            kept.append(event)
    return kept


def _noun_trigger(event: Event, doc: Doc) -> bool:
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span is not None and span.root.pos_ in {"NOUN", "PROPN"}


def _retells(later: Event, earlier: Event, entities: EntityIndex, noun: bool) -> bool:
    def sides(event: Event) -> list[str]:
        records = [entities.registry.get(t) for t in event.targets]
        return [t if r is None or r.type == "state" else r.country or r.part_of or t
                for t, r in zip(event.targets, records, strict=True)]

    return (later.type == earlier.type and later.actors == earlier.actors
            and later.date == earlier.date and later.negated == earlier.negated
            and later.hypothetical == earlier.hypothetical and later.start != earlier.start
            and (noun or later.trigger.text.lower()[:4] == earlier.trigger.text.lower()[:4])
            and sides(later) == sides(earlier))
