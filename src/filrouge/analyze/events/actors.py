"""Who acts: the subject of a verb (through a pronoun, a relative "qui", a controlling
verb, a dateline or coordinated verbs), the agent of a passive, the speaker of the quote a verb
introduces, the actors a noun phrase names (by name, title, office, adjective of nationality,
"les deux parties"), and "le texte" standing for the parties of an agreement.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from filrouge.analyze.entities import EntityIndex
from filrouge.analyze.events.context import (
    _agreement_parties,
    _Context,
    _Draft,
    _entity_at,
    _is_person,
)
from filrouge.analyze.events.lexicon import Cue, _apostrophes, _feats, grammar
from filrouge.analyze.events.parse import (
    _conjuncts,
    _has_reflexive,
    _in_clause_of,
    _is_passive,
    _own_words,
)
from filrouge.analyze.speakers import _phrase_gender
from filrouge.model import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def _verb_actors(verb: Token, context: _Context) -> tuple[list[str], bool, bool]:
    """(actors, through a pronoun, agentless guess) of a verb."""
    if _is_passive(verb):
        agents = [c for c in verb.children if c.dep_ == "obl:agent"] + [
            w for w in verb.subtree if w.i != verb.i and w.dep_ != "obl:agent"
            and any(k.lower_ == "par" for k in w.children if k.dep_ == "case")
            and _in_clause_of(w, verb)]
        for agent in agents:
            found = _phrase_actors(agent, context)
            if found:
                return found, False, False
        between = _between(verb, context)
        if between:
            return between[:1], False, False
        troops = _troops_nationality(verb, context)
        if troops:  # "des soldats britanniques soient déployés": Britain deploys them
            return troops, False, False
        if any(c.dep_ == "nsubj:pass" and _is_text_reference(c, context)
               for c in verb.children):
            return [_TEXT], False, True  # "Ce texte avait été conclu à Istanbul": its parties
        # "Interrogé…, X a pour sa part exclu que…" read as a participle: the quote's speaker
        return _cue_speaker(verb, context), False, False
    node: Token | None = verb
    pronouns = grammar()["person_pronouns"] | grammar()["group_pronouns"]
    for _ in range(4):
        if node is None:
            break
        subjects = [c for c in node.children if c.dep_ in {"nsubj", "nsubj:pass"} or (
            c.dep_ == "expl:subj" and c.lower_ in pronouns and _has_reflexive(node))]
        # "16h45 — Londres débloque…": a subject that names nobody yields to one that does
        head = node
        subjects.sort(key=lambda c: not _subject_actors(c, head, context)[0])
        if len(subjects) > 1 and subjects[0].pos_ != "PRON" and not _phrase_actors(
            subjects[0], context, adjectives=False
        ):  # "Le président ukrainien Volodymyr Zelensky a remercié", the title and the name
            named = [c for c in subjects[1:]  # read as two subjects: the name, not the state
                     if c.pos_ != "PRON" and _phrase_actors(c, context, adjectives=False)]
            subjects = named[:1] + [c for c in subjects if c not in named[:1]]
        voice = _speaking_voice(node, context)
        if voice:  # "Le Kremlin, par la voix de Dmitri Peskov, a jugé…": Peskov speaks
            return voice, False, False
        for subject in subjects:
            actors, pronoun, agentless = _subject_actors(subject, node, context)
            if actors == [_TEXT] and node is not verb:
                actors = []  # "l'accord prévoit que Londres et Kiev se consultent"
            dateline = _after_dateline(subject, node, context)
            if dateline:  # "RIYAD, Arabie Saoudite — Les responsables américains … ont"
                actors = dateline
            if node.dep_ == "conj" and node.head.pos_ in {"PROPN", "NOUN"} and (
                node.head.i < subject.i
            ):  # "Les États-Unis et l'Ukraine ont signé" parsed as a list
                actors = list(dict.fromkeys([*_phrase_actors(node.head, context), *actors]))
            first = min(w.i for w in subject.subtree)
            if actors and not pronoun and subject.i < node.i and first > 0 and (
                subject.doc[first - 1].lower_ in {"et", "ou"}
            ):
                # "Washington et Berlin refusent" with only "Berlin" as the subject
                lead = _leading_actors(node, context)
                if set(actors) < set(lead):
                    actors = lead
            for other in subjects:  # "MM. Xi et Poutine ont paraphé", read as two subjects
                start = min(w.i for w in other.subtree)
                if actors and not pronoun and subject.i < other.i < node.i and start > 0 and (
                    other.doc[start - 1].lower_ in {"et", "ou"}
                ):
                    actors = list(dict.fromkeys(
                        [*actors, *_subject_actors(other, node, context)[0]]))
            if not actors:
                actors = _cue_speaker(verb, context) or _coordinated_subject(verb, context)
            return actors, pronoun, agentless
        if _joined_to_reported_clause(node):  # "X a déclaré que la Russie remplit… et a
            node = node.head.head  # appelé la partie ukrainienne": X calls, not Russia
            continue
        if (node.dep_ in {"xcomp", "conj"} or (
            node.dep_ in {"advcl", "acl"} and "Inf" in _feats(node, "VerbForm")
            and node.head.pos_ in {"VERB", "AUX"}
        )) and context.clause_of(node.head.idx) == context.clause_of(verb.idx):
            node = node.head  # never across a line break the parser ran over
            continue
        if node.dep_ == "acl" and "Inf" in _feats(node, "VerbForm") and node.head.pos_ == (
            "NOUN"
        ) and (node.head.dep_ == "obj" or node.head.dep_.startswith("obl")) and (
            node.head.head.pos_ in {"VERB", "AUX"}
        ) and any(_apostrophes(m.lower_) in {"à", "de", "d'"} for m in node.children
                  if m.dep_ == "mark") and not _one_phrase_actor(node.head, context) and (
            node.head.lemma_.lower() not in _GROUP_HEADS
        ):  # "les Alliés discutent d'un engagement à fournir…": who commits (not "demander
            node = node.head.head  # aux alliés de livrer", where the allies would deliver)
            continue
        break
    speaker = _cue_speaker(verb, context)
    if speaker:
        return speaker, False, False
    opening = _clause_opening_actor(verb, context)
    if opening:  # "Keir Starmer, coprésident de la coalition, a salué…" parsed as an object
        return opening, False, True
    shared = _coordinated_subject(verb, context)
    if shared:
        return shared, False, True
    top = node if node is not None else verb  # "Londres et Kiev s'engagent à se consulter"
    if "Fin" not in _feats(top, "VerbForm") and not any(
        c.dep_.startswith("aux") for c in top.children
    ):
        return [], False, True
    return _leading_actors(top, context), False, True


def _joined_to_reported_clause(verb: Token) -> bool:
    """"Il a affirmé que l'Ukraine était prête…, mais a refusé de céder": a verb of a
    compound past without a subject of its own, coordinated with the verb of a que-clause
    that has no auxiliary of tense, continues the reporting verb, not the que-clause."""
    head = verb.head
    return verb.dep_ == "conj" and head.dep_ == "ccomp" and head.head.pos_ in {"VERB", "AUX"} and (
        any(c.dep_ == "aux:tense" for c in verb.children)
        and not any(c.dep_ == "aux:tense" for c in head.children)
        and not any(c.dep_ in {"nsubj", "nsubj:pass"} for c in verb.children)
        and any(_apostrophes(c.lower_) in {"que", "qu'"} for c in head.children
                if c.dep_ == "mark")
        and any(c.dep_ == "aux:tense" for c in head.head.children))


def _speaking_voice(verb: Token, context: _Context) -> list[str]:
    """The person through whom the subject speaks: "par la voix de X", "par la bouche de X"
    on the verb or on its subject."""
    words = [*verb.children, *(w for c in verb.children if c.dep_ == "nsubj" for w in c.children)]
    for child in words:
        if child.dep_.startswith(("obl", "nmod")) and child.lemma_.lower() in grammar()[
            "voice_nouns"
        ] and any(_apostrophes(k.lower_) == "par" for k in child.children if k.dep_ == "case"):
            for owner in child.children:
                if owner.dep_ in {"nmod", "appos"}:
                    found = [a for a in _phrase_actors(owner, context, adjectives=False)
                             if _is_person(a, context)]
                    if found:
                        return found
    return []


def _coordinated_subject(verb: Token, context: _Context) -> list[str]:
    """"Berlin prévoit de consacrer… et a annoncé un paquet": a verb after "et" without a
    subject of its own shares the subject of the finite verb before it in the sentence."""
    start, _ = context.clause_of(verb.idx)
    index = verb.i - 1
    while index >= 0 and verb.doc[index].idx >= start and (
        verb.doc[index].pos_ in {"AUX", "ADV"} or verb.doc[index].lower_ in _CLITICS
    ):
        index -= 1
    if index < 0 or verb.doc[index].idx < start or verb.doc[index].lower_ not in {"et", "puis"}:
        return []
    for earlier in reversed(verb.doc[:index]):
        if earlier.idx < start:
            break
        if (earlier.pos_ in {"VERB", "AUX"} and "Fin" in _feats(earlier, "VerbForm")) or any(
            c.dep_.startswith("aux") for c in earlier.children
        ):
            for subject in (c for c in earlier.children if c.dep_ in {"nsubj", "nsubj:pass"}):
                found = _subject_actors(subject, earlier, context)[0]
                if found:
                    return found
    return []


def _after_dateline(subject: Token, verb: Token, context: _Context) -> list[str]:
    """A dateline ("KIEV, 12 mars —") the parser took for the subject: the actors named
    between its dash and the verb, by name or by an adjective of nationality."""
    if subject.i > verb.i:
        return []
    dash = next((t for t in verb.doc[subject.i:verb.i] if t.text in {"—", "–", "-"}
                 and t.whitespace_), None)
    if dash is None:
        return []
    start, end = dash.idx + 1, verb.idx
    named = [e.actor for e in context.entities.within(start, end)
             if e.actor and e.label != "LOC"]
    if not named:
        named = [context.adjectives[t.lower_] for t in verb.doc[dash.i + 1:verb.i]
                 if t.lower_ in context.adjectives and t.pos_ in {"ADJ", "NOUN"}]
    return list(dict.fromkeys(named))


def _clause_opening_actor(verb: Token, context: _Context) -> list[str]:
    """The actor that opens the verb's line when the parser hung that line on the previous
    one: a name first, then at most an apposition between commas, then the verb."""
    start, _ = context.clause_of(verb.idx)
    if context.clause_of(verb.head.idx)[0] == start:
        return []
    first = next((e for e in context.entities.within(start, verb.idx) if e.actor), None)
    if first is None or first.start != start:
        return []
    between = context.text[first.end:verb.idx]
    if between.count(",") not in {0, 2} or any(
        t.pos_ in {"VERB", "AUX"} and t.idx < verb.idx and t.head.i != verb.i
        for t in verb.doc.char_span(first.end, verb.idx, alignment_mode="expand") or []
    ):
        return []
    return [first.actor] if first.actor else []


def _troops_nationality(verb: Token, context: _Context) -> list[str]:
    """The state of the troops or weapons a passive deploys or sends ("des soldats britanniques
    soient déployés", "des missiles américains seront déployés")."""
    if verb.lemma_.lower() not in grammar()["deploy_verbs"]:
        return []
    words = grammar()["troop_words"] | grammar()["weapon_words"]
    troops = [c for c in verb.children
              if c.dep_ in {"nsubj:pass", "nsubj"} and c.lemma_.lower() in words]
    if verb.dep_ in {"acl", "amod"} and verb.head.lemma_.lower() in words:
        troops.append(verb.head)
    for noun in troops:
        if any(d.lower_ in grammar()["any_determiners"] for d in noun.children
               if d.dep_ == "det"):
            return []  # "toute troupe occidentale déployée": any troops, sent by no one yet
        return _adjective_list(noun, context)
    return []


def _cue_speaker(verb: Token, context: _Context) -> list[str]:
    """The speaker of the quote this verb introduces ("« … », a dénoncé M. Zelensky"), as the
    quote extractor resolved it."""
    for quote in context.quotes:
        if quote.cue is not None and quote.cue.start <= verb.idx < quote.cue.end:
            return [quote.speaker_actor] if quote.speaker_actor else []
    return []


def _subject_actors(subject: Token, verb: Token, context: _Context,
                    ) -> tuple[list[str], bool, bool]:
    word = _apostrophes(subject.lower_)
    words = grammar()
    named = _entity_at(context, subject) if subject.pos_ == "PRON" else None
    if subject.pos_ == "PRON" and not (named is not None and named.actor and subject.is_title):
        if word in {"qui", "que", "lequel", "laquelle", "lesquels", "lesquelles"}:
            relcl = verb if verb.dep_.startswith("acl") else None
            return (_phrase_actors(relcl.head, context) if relcl is not None else []), False, False
        if word in words["speaker_pronouns"]:
            quote = context.quote_at(subject.idx)
            if quote is not None and quote.speaker_actor and word != "on":
                return [quote.speaker_actor], True, False
            return [], False, False
        if word in words["person_pronouns"] | words["group_pronouns"]:
            return _pronoun_actor(subject, verb, context), True, False
        return [], False, False
    found = _phrase_actors(subject, context)
    if not found and _is_text_reference(subject, context):
        return [_TEXT], False, True  # "Le texte promet des consultations": its parties
    return found, False, False


# Stands, while the article is read, for the parties of an agreement text the sentence names
# only as "le texte", "cet accord" (resolved by _text_parties once every event is known).
_TEXT = "@text"
_REFERRING = frozenset({"le", "la", "l'", "ce", "cet", "cette", "ces", "les"})


def _is_text_reference(noun: Token, context: _Context) -> bool:
    """"le texte", "cet accord", "ce document": an agreement named before, not here."""
    if noun.lemma_.lower() not in grammar()["agreement_words"] or not any(
        c.dep_ == "det" and _apostrophes(c.lower_) in _REFERRING for c in noun.children
    ):
        return False
    words = _own_words(noun)
    return not [e for e in context.entities.within(words[0].idx, words[-1].idx + len(words[-1]))
                if e.actor and e.label != "LOC"]


def _text_parties(drafts: list[_Draft], context: _Context) -> list[_Draft]:
    """Drafts whose actor is "le texte": the sides of the last event before it whose sentence
    names an agreement (who signed it, or left it: "Moscou se retirait de l'accord sur les
    céréales ukrainiennes. Ce texte avait été conclu…" → Russia and Ukraine). What two sides
    do together is done by each with the other; anything else by the side it is not addressed
    to. Without such an event, the draft is dropped."""
    words = grammar()["agreement_words"]
    out: list[_Draft] = []
    for draft in drafts:
        if _TEXT not in draft.actors:
            out.append(draft)
            continue
        earlier = [d for d in drafts if _TEXT not in d.actors and d.trigger.i < draft.trigger.i
                   and any(t.lemma_.lower() in words for t in d.trigger.sent)]
        if not earlier:
            continue
        sides = _agreement_parties([d for d in earlier if d.cue.type == "AGREE"], context)
        if len(sides) < 2:  # no agreement signed with someone: the last one named, with
            last = max(earlier, key=lambda d: d.trigger.i)  # the sides its words name
            text = [t for t in last.trigger.sent if t.lemma_.lower() in words][-1]
            named = [e.actor for e in context.entities.within(
                min(w.idx for w in text.subtree), max(w.idx + len(w) for w in text.subtree))
                if e.actor and e.label != "LOC"] + _adjective_list(text, context) + [
                context.adjectives[w.lower_] for w in text.subtree
                if w.dep_ == "amod" and w.lower_ in context.adjectives]
            sides = list(dict.fromkeys(context.side_of(a) for a in [*last.actors,
                                                                     *last.targets, *named]))
        if draft.cue.type in _TOGETHER and len(sides) >= 2:
            out.extend(replace(draft, actors=[a], targets=[b], target_implicit=False)
                       for a in sides[:2] for b in sides[:2] if a != b)
            continue
        addressed = draft.targets[0] if draft.targets else None
        acting = [s for s in sides if s != addressed]
        if acting:
            out.append(replace(draft, actors=acting[:1],
                               targets=draft.targets or [s for s in sides if s != acting[0]][:1]))
    return out


def _pronoun_actor(pronoun: Token, verb: Token, context: _Context) -> list[str]:
    """"il"/"elle" → the person (or, for "elle", the state) named last; in a que-clause, the
    subject of the reporting verb ("Moscou a annoncé qu'elle se retirait")."""
    word = pronoun.lower_
    clause_head = verb
    while clause_head.dep_ in {"xcomp", "conj"} and clause_head.head.i != clause_head.i:
        clause_head = clause_head.head
    if clause_head.dep_ == "ccomp" and clause_head.head.i != clause_head.i:
        governor = clause_head.head
        for child in governor.children:
            if child.dep_ == "nsubj" and child.pos_ != "PRON":
                found = _phrase_actors(child, context)
                if len(found) == 1 or word in grammar()["group_pronouns"]:
                    return found
    if word in grammar()["group_pronouns"]:
        several = _previous_subjects(pronoun, context)
        if several:
            return several
        group = _last_group_before(context.entities, pronoun.idx)
        return [group] if group else []
    if word == "il":  # the subject of the sentence before is what "il" continues
        previous = _previous_subject_person(pronoun, context)
        if previous is not None:
            return [previous]
    person = context.entities.last_person_before(pronoun.idx)
    start, _ = context.clause_of(pronoun.idx)
    if word == "elle" and (woman := _previous_subject_woman(pronoun, context)) is not None:
        return [woman]
    if word == "elle":
        anyone = context.entities.last_actor_before(pronoun.idx)
        if anyone is not None and anyone.actor and anyone.label != "PER":
            return [anyone.actor]
    if context.speakers is not None and (person is None or person.start < start):
        # no one named before it in its sentence: as the quotes stage reads "il", "elle"
        antecedent = context.speakers.antecedent(pronoun.idx, "m" if word == "il" else "f")
        if antecedent.actor and _is_person(antecedent.actor, context):
            return [antecedent.actor]
    return [person.actor] if person is not None and person.actor else []


def _previous_subject_person(pronoun: Token, context: _Context, depth: int = 0,
                             ) -> str | None:
    """The person who is the subject of the sentence before the pronoun's ("Zelensky a reçu
    Erdogan. Il a reporté sa visite…": Zelensky)."""
    start, _ = context.clause_of(pronoun.idx)
    if depth == 0 and len(context.text[start:pronoun.idx].split()) > 2:
        return None  # only a pronoun opening its sentence continues the one before
    span = _clause_before(pronoun.doc, start, context)
    if span is None or not len(span):
        return None
    root = span.root
    for subject in (c for c in root.children if c.dep_ in {"nsubj", "nsubj:pass"}):
        if subject.pos_ == "PRON":  # "il" again: the sentence before that one
            return _previous_subject_person(subject, context, depth + 1) if (
                subject.lower_ == "il" and depth < 2) else None
        found = _phrase_actors(subject, context)
        record = context.entities.registry.get(found[0]) if len(found) == 1 else None
        if record is not None and record.type == "person":
            return found[0]
    return None


def _clause_before(doc: Doc, start: int, context: _Context) -> Span | None:
    """The words of the clause before the one starting at ``start`` (None for the first)."""
    index = bisect.bisect_left([s for s, _ in context.clauses], start)
    return doc.char_span(*context.clauses[index - 1], alignment_mode="expand") if (
        index > 0) else None


def _previous_subjects(pronoun: Token, context: _Context) -> list[str]:
    """"Bamako et Ouagadougou préviennent que… Ils refusent d'appliquer les sanctions":
    "ils" opening its sentence continues the subject of the sentence before when that subject
    names several actors."""
    start, _ = context.clause_of(pronoun.idx)
    if len(context.text[start:pronoun.idx].split()) > 2:
        return []
    span = _clause_before(pronoun.doc, start, context)
    if span is None or not len(span) or span.root.pos_ not in {"VERB", "AUX"}:
        return []
    subjects = [c for c in span.root.children if c.dep_ in {"nsubj", "nsubj:pass"}]
    if any(c.pos_ == "PRON" for c in subjects):
        return []
    found, _, _ = _verb_actors(span.root, context)
    return found if len(found) > 1 and _TEXT not in found else []


def _previous_subject_woman(pronoun: Token, context: _Context) -> str | None:
    """"…, a averti la cheffe de la diplomatie de l'UE, Kaja Kallas, en marge d'une réunion de
    l'Otan. Elle a reproché…": "elle" opening a sentence continues the woman who is the
    subject or the speaker of the sentence before, when the text shows her as one ("la
    cheffe", "Mme"), over an organisation named after her."""
    start, _ = context.clause_of(pronoun.idx)
    if context.speakers is None or len(context.text[start:pronoun.idx].split()) > 2:
        return None
    index = bisect.bisect_left([s for s, _ in context.clauses], start)
    if index == 0:
        return None
    before, after = context.clauses[index - 1]
    span = pronoun.doc.char_span(before, after, alignment_mode="expand")
    people = [(q.speaker_actor, q.speaker.text if q.speaker is not None else "")
              for q in context.quotes if q.speaker_actor and q.cue is not None
              and before <= q.cue.start < after]
    if span is not None and len(span):
        people += [(a, " ".join(w.text for w in _own_words(c)))
                   for c in span.root.children if c.dep_ in {"nsubj", "nsubj:pass"}
                   and c.pos_ != "PRON" for a in _phrase_actors(c, context, adjectives=False)]
    for actor, phrase in people:
        if not _is_person(actor, context):
            continue
        mention = next((e for e in context.entities.within(0, after) if e.actor == actor), None)
        if mention is not None and "f" in {context.speakers.gender_of(mention),
                                           _phrase_gender(phrase)}:
            return actor
    return None


def _last_group_before(entities: EntityIndex, position: int) -> str | None:
    entity = entities.last_actor_before(position)
    if entity is None or entity.label == "PER":
        return None
    return entity.actor


def _leading_actors(verb: Token, context: _Context) -> list[str]:
    """A parse that lost the subject ("Washington et Berlin s'y sont opposés" read as a list):
    the actors named just before the verb, read backwards over its clitics, auxiliaries and
    adverbs, through "et" and commas, up to the first other word ("mais", a verb)."""
    start, _ = context.clause_of(verb.idx)
    found: list[str] = []
    index = verb.i - 1
    while index >= 0 and verb.doc[index].idx >= start:
        token = verb.doc[index]
        entity = _entity_at(context, token)
        if entity is not None and entity.actor:
            complement = any(c.dep_ == "case" for c in token.children) or (
                token.dep_ in {"flat:name", "flat", "appos"} and token.head.i < token.i
                and any(c.dep_ == "case" for c in token.head.children))
            if not complement and entity.actor not in found:
                found.insert(0, entity.actor)
            span = verb.doc.char_span(entity.start, entity.end, alignment_mode="expand")
            index = min(index, span[0].i if span is not None else index) - 1
            continue
        if token.pos_ in {"AUX", "ADV", "DET"} or token.lower_ in _CLITICS | {"et", "ou"}:
            index -= 1
            continue
        if token.text == "," and found:
            index -= 1
            continue
        break
    return found[:3]


_CLITICS = frozenset({"se", "s'", "s’", "y", "en", "ne", "n'", "n’", "le", "la", "l'", "l’",
                      "les", "lui", "leur"})


def _phrase_actors(head: Token, context: _Context, adjectives: bool = True) -> list[str]:
    """The actors a noun phrase names, one per coordinated part ("Washington et Berlin");
    with ``adjectives``, also through an adjective of nationality ("les responsables russes")."""
    actors: list[str] = _both_sides(head, context) or _listed_members(head, context)
    if actors:
        return actors
    parts = [head, *_conjuncts(head)]
    if len(parts) > 1 and not any(c.dep_ == "cc" for c in parts[1].children) and (
        (named := _entity_at(context, parts[1])) is not None and named.label == "PER"
        and named.actor and _one_phrase_actor(head, context, adjectives=False) is None
    ):  # "Le ministre allemand de la Défense, Boris Pistorius, a dénoncé", the name read as
        parts = parts[1:]  # a second item of a list: one person, not Germany and him
    for part in parts:
        found = _one_phrase_actor(part, context, adjectives)
        if found and found not in actors:
            actors.append(found)
        elif found is None and adjectives:
            # "les présidents russe et ukrainien": the office holders; "les responsables
            # américains et russes": one state per adjective
            people = _office_holders(part, context)
            actors.extend(a for a in people or _adjective_list(part, context)
                          if a not in actors)
    return actors


def _listed_members(head: Token, context: _Context) -> list[str]:
    """"Plusieurs alliés de Caracas, dont la Russie, la Chine et l'Iran, ont félicité": a
    group named through the members a verbless "dont" lists, those members."""
    if head.pos_ != "NOUN" or "Plur" not in _feats(head, "Number"):
        return []
    for word in head.subtree:
        if word.lower_ == "dont" and word.head.pos_ in {"PROPN", "NOUN"} and (
            word.head.i > head.i and not any(c.pos_ in {"VERB", "AUX"} for c in word.head.children)
        ):
            listed = [word.head, *_conjuncts(word.head)]
            found = [a for part in listed if (a := _one_phrase_actor(part, context, False))]
            if len(found) == len(listed):
                return list(dict.fromkeys(found))
    return []


def _relational_referent(noun: Token, actors: list[str], context: _Context, nth: int = 0,
                         ) -> str | None:
    """A person named through the actor ("son successeur", "son invité", "son homologue"):
    the one who took over the actor's office (or held it before), in the registry; or, for
    a counterpart, the person of another state the article has named most before."""
    word = noun.lower_
    words = grammar()
    if noun.pos_ != "NOUN" or not any(
        "Yes" in _feats(c, "Poss") for c in noun.children if c.dep_ == "det"
    ) or any(c.dep_ in {"nmod", "appos"} for c in noun.children):
        return None  # "son homologue de la Défense", "ses hôtes, Meloni et Trudeau": named
    owner = next((a for a in actors if _is_person(a, context)), None)
    if owner is None:
        return None
    if word in words["successor_nouns"] | words["predecessor_nouns"]:
        return _successor(owner, context, word in words["successor_nouns"]) if (
            "Plur" not in _feats(noun, "Number") and nth == 0) else None
    if not {word, noun.lemma_.lower()} & words["counterpart_nouns"]:
        return None
    side = context.side_of(owner)
    nationality = _adjective_list(noun, context)  # "son homologue russe": a Russian
    named = [e.actor for e in context.entities.within(0, noun.idx)
             if e.actor and e.label == "PER" and e.actor != owner
             and context.quote_at(e.start) is None and _is_person(e.actor, context)
             and (context.side_of(e.actor) in nationality if nationality
                  else context.side_of(e.actor) != side)]
    counts = Counter(named)  # the most named, the last named of those first; ``nth`` of them
    ranked = sorted(dict.fromkeys(reversed(named)), key=lambda a: -counts[a])
    return ranked[nth] if len(ranked) > nth else None


def _successor(person: str, context: _Context, after: bool = True) -> str | None:
    """Who took over an office of ``person`` when they left it (``after``), or whom they took
    it over from: a registry person with the same title starting (ending) that day."""
    registry = context.entities.registry
    record = registry.get(person)
    if record is None:
        return None
    for role in record.roles:
        day = role.end if after else role.start
        if day is None:
            continue
        for other in registry.actors.values():
            if other.id != person and other.type == "person" and any(
                r.title == role.title and (r.start if after else r.end) == day
                for r in other.roles
            ):
                return other.id
    return None


def _office_holders(head: Token, context: _Context) -> list[str]:
    """"les présidents russe et ukrainien" → whoever held each office on the article's day,
    when the registry knows every one of them."""
    if len(_adjective_list(head, context)) < 2:
        return []
    words = [c for c in head.children if c.dep_ in {"amod", "conj"} and c.pos_ == "ADJ"]
    words += [c for w in list(words) for c in w.children if c.dep_ == "conj" and c.pos_ == "ADJ"]
    holders: list[str] = []
    for adjective in sorted(words, key=lambda t: t.i):
        record = context.entities.registry.resolve(
            f"{head.lemma_.lower()} {adjective.lemma_.lower()}", on=context.published)
        if record is None or record.type != "person":
            return []
        holders.append(record.id)
    return holders


def _adjective_list(head: Token, context: _Context) -> list[str]:
    found: list[str] = []
    for child in head.children:
        if child.dep_ == "amod":
            for adjective in [child, *[c for c in child.children if c.dep_ == "conj"]]:
                actor = context.adjectives.get(adjective.lower_)
                if actor and actor not in found:
                    found.append(actor)
    if found:  # "délégations russe et ukrainienne", the second adjective parsed on the noun
        for child in head.children:
            actor = context.adjectives.get(child.lower_) if (
                child.dep_ == "conj" and child.pos_ == "ADJ") else None
            if actor and actor not in found:
                found.append(actor)
    return found


def _both_sides(head: Token, context: _Context) -> list[str]:
    """"les deux parties", "les deux pays": the last two sides named before (by name or by an
    adjective of nationality), the earlier first; "les deux hommes", "les deux dirigeants":
    the last two people named before. Not what a quote names ("« La Russie doit… ». Les deux
    pays se sont engagés": the sides of the story, not of the speaker's words)."""
    named = {head.lemma_.lower(), head.lower_}
    if not any(c.lower_ == "deux" for c in head.children if c.dep_ == "nummod"):
        return []
    people = bool(named & grammar()["pair_person_nouns"]) and not any(
        c.dep_ == "amod" and c.lower_ in context.adjectives for c in head.children)
    if not people and not named & _PAIR_NOUNS:
        return []
    if people:
        return _pair_of_people(head, context)
    mentions: list[tuple[int, str]] = [
        (e.start, context.side_of(e.actor)) for e in context.entities.entities
        if e.actor and e.label != "LOC" and e.start < head.idx
        and context.quote_at(e.start) is None]
    mentions += [(t.idx, context.adjectives[t.lower_]) for t in head.doc[:head.i]
                 if t.pos_ == "ADJ" and t.lower_ in context.adjectives
                 and context.quote_at(t.idx) is None]
    sides: list[str] = []
    for _, side in sorted(mentions, reverse=True):
        if side not in sides:
            sides.append(side)
        if len(sides) == 2:
            return sides[::-1]
    return []


def _pair_of_people(head: Token, context: _Context) -> list[str]:
    """"les deux hommes", "les deux dirigeants": the two people the article has named together
    in most sentences before (the latest pair first on a tie), in their order of mention; a
    person in a quote or as the complement of a noun ("sous le regard de Donald Trump") is not
    one of them."""
    pairs: Counter[tuple[str, str]] = Counter()  # each pair once, in sorted order
    latest: dict[tuple[str, str], tuple[int, tuple[str, str]]] = {}
    for start, end in context.clauses:
        if start >= head.idx:
            break
        people = list(dict.fromkeys(
            e.actor for e in context.entities.within(start, min(end, head.idx))
            if e.actor and e.label == "PER" and _is_person(e.actor, context)
            and not e.actor.startswith("local:") and context.quote_at(e.start) is None
            and not _genitive(e, head.doc)))
        for i, first in enumerate(people):
            for second in people[i + 1:]:
                key = (min(first, second), max(first, second))
                pairs[key] += 1
                latest[key] = (start, (first, second))
    if not pairs:
        return []
    best = max(pairs, key=lambda p: (pairs[p], latest[p][0]))
    return list(latest[best][1])


def _genitive(entity: Entity, doc: Doc) -> bool:
    """"sous le regard de Donald Trump": a person named as the complement of a noun, not as
    one of the people the story follows."""
    span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    return root.head.pos_ == "NOUN" and any(
        _apostrophes(k.lower_) in {"de", "d'", "du", "des"} for k in root.children
        if k.dep_ == "case")


_PAIR_NOUNS = frozenset({"partie", "parties", "camp", "pays", "délégation", "belligérant",
                         "capitale", "gouvernement", "voisin"})


def _one_phrase_actor(head: Token, context: _Context, adjectives: bool = True) -> str | None:
    entity = _entity_at(context, head)
    words = _own_words(head)
    if entity is not None and entity.actor and not (
        entity.actor.startswith("local:") and entity.label != "PER"
    ):  # "les ministres des Affaires étrangères de l'UE" guessed as a name: the UE acts
        person = _person_named_after_role(entity, words, context)
        return person or entity.actor
    start = words[0].idx
    end = words[-1].idx + len(words[-1].text)
    named = [e for e in context.entities.within(start, end) if e.actor]
    if words[-1].i + 1 < len(head.doc) and (cut := _entity_at(context, words[-1])) is not None and (
        cut.actor and cut.label == "PER" and cut.start >= start and cut not in named
    ):  # "Son collègue allemand Boris Pistorius a critiqué", the surname hung on the verb
        named.append(cut)
    # a known actor over a guessed one, a person over a group, the first over later ones
    named.sort(key=lambda e: (e.actor is not None and e.actor.startswith("local:"),
                              e.label != "PER", e.start))
    best = named[0] if named else None
    if best is not None and best.actor and not _only_as_complement(best, head, context):
        return best.actor
    if adjectives:
        found = _adjective_list(head, context)
        if len(found) == 1:
            return found[0]
    return None


def _person_named_after_role(role: Entity, words: list[Token], context: _Context,
                             ) -> str | None:
    """"Le ministre des Affaires étrangères de l'Ukraine Dmytro Kuleba": a title the registry
    reads as an office (whoever holds it in France on the day) followed, in the same phrase,
    by the name of the person who holds it: the named person."""
    if context.entities.registry.kind_of(role.text) != "role":
        return None
    end = words[-1].idx + len(words[-1].text)
    return next((e.actor for e in context.entities.within(role.end, end)
                 if e.label == "PER" and e.actor and not e.actor.startswith("local:")), None)


def _only_as_complement(entity: Entity, head: Token, context: _Context) -> bool:
    """"la délégation de l'UE" names the UE; "la sécurité de l'Ukraine" does not make Ukraine
    the actor: only a group word before "de X" lets X stand for the phrase."""
    if head.pos_ == "PROPN" or head.lemma_.lower() in _GROUP_HEADS:
        return False
    if head.pos_ == "ADJ" and any(
        c.dep_ == "appos" and entity.start <= c.idx < entity.end for c in head.children
    ):  # "Le chancelier allemand Olaf Scholz", its head read as "allemand"
        return False
    if entity.label == "PER" and any(
        entity.start <= w.idx < entity.end and (w.dep_ == "appos" or (
            w.idx == entity.start and w.head.i == head.i and entity.actor
            and not entity.actor.startswith("local:")  # "les chars Abrams": a guess
            and not any(k.dep_ == "case" for k in w.children)))
        for w in head.subtree
    ):  # "l'actrice américaine Amber Heard", "Le médiateur ukrainien pour les droits humains,
        # Dmytro Loubinets, a dénoncé", "son collègue polonais Radoslaw Sikorski" (the name
        return False  # read as an adjective): the person named in apposition, wherever the
    return entity.start > head.idx  # parser hung the name, not the state of her title


_GROUP_HEADS = frozenset({
    "dirigeant", "chef", "ministre", "président", "gouvernement", "délégation", "diplomatie",
    "pays", "membre", "allié", "responsable", "état", "armée", "force", "troupe", "service",
    "autorité", "administration", "représentant", "émissaire", "négociateur", "porte-parole",
    "diplomate", "parlement", "exécutif", "capitale", "partenaire", "conseil", "sommet",
    "ministère", "secrétaire", "premier", "haut", "état-major", "officier", "soldat", "militaire",
    "députés", "député", "sénat", "congrès", "équipe", "coalition", "bloc", "alliance", "union",
    "leader", "fonctionnaire", "signataire", "participant", "dirigeante", "cheffe", "envoyé",
    "ambassadeur", "ambassadrice", "délégué", "élu", "sénateur", "conseiller", "vice-président",
    "trentaine", "vingtaine", "dizaine", "douzaine", "quinzaine", "centaine", "majorité",
    "plupart", "ensemble", "groupe", "poignée",
    # a time phrase the parser took for the subject ("Le même jour, le Premier ministre…")
    "jour", "lendemain", "veille", "soir", "matin", "semaine",
    # a topic phrase ("Côté américain, Donald Trump s'est dit…")
    "côté",
    # a document speaks for its author ("une lettre de M. Rutte accordait à Madrid…")
    "lettre", "message", "courrier", "communiqué",
})


def _between(token: Token, context: _Context) -> list[str]:
    """"entre X et Y": [X, Y]."""
    for child in token.children:
        if child.dep_.startswith(("obl", "nmod")) and any(
            k.lower_ in grammar()["between"] for k in child.children if k.dep_ == "case"
        ):
            found = _phrase_actors(child, context)
            if len(found) == 1:  # the parser hung "et Y" on the noun, not on X
                found += [a for c in token.children if c.dep_ == "conj" and c.i > child.i
                          and any(k.lower_ == "et" for k in c.children if k.dep_ == "cc")
                          for a in _phrase_actors(c, context) if a not in found][:1]
            if len(found) >= 2:
                return found
    return []


def _received_visitor(verb: Token, cues: list[Cue], context: _Context,
                      ) -> tuple[list[str], list[Cue]]:
    """"X a été reçu à l'Élysée", "X est attendu jeudi à Kiev": with no host named, the one
    received visits the place (only a place: "une décision est attendue à Bruxelles" names
    no one received)."""
    if not _is_passive(verb):
        return [], cues
    received = [c for c in verb.children if c.dep_ == "nsubj:pass"]
    actors = _phrase_actors(received[0], context) if received else []
    if not actors:
        return [], cues
    return actors, [Cue(lemma=c.lemma, type="CONSULT", mode="visit",
                        conditions=frozenset({"target", "place"})) for c in cues[:1]]


# Done by two sides together: "leurs discussions" is a meeting of the two, "leurs sanctions"
# is no happening between them.
_TOGETHER = frozenset({"AGREE", "CONSULT", "COOPERATE"})
