"""Noun cues: an event for a noun of ``event_nouns.tsv`` whose actor its words name ("de X",
"par X", "entre X et Y", an adjective of nationality, a possessive) or the subject of a light
verb ("effectuer une visite"), or of the clause a meeting is the occasion of ("lors d'un
déplacement à Kiev, X a promis…").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from filrouge.analyze.events.actors import (
    _TOGETHER,
    _between,
    _phrase_actors,
    _subject_actors,
    _verb_actors,
)
from filrouge.analyze.events.context import _Context, _Draft, _entity_at
from filrouge.analyze.events.flags import (
    _governing_hypothetical,
    _noun_negated,
    _past_participle_on,
)
from filrouge.analyze.events.lexicon import Cue, _apostrophes, _feats, grammar, noun_cues, verb_cues
from filrouge.analyze.events.parse import (
    _attached,
    _matching_cues,
    _names_aid,
    _noun_lemma,
    _object_words,
)
from filrouge.analyze.events.targets import (
    _ADDRESSED,
    _meeting_body,
    _pair_symmetric,
    _place_after,
    _target_actors,
    _verb_targets,
)
from filrouge.analyze.time import _lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

    from filrouge.model import Entity


# What a cue line's object must name, by condition (lists in events_fr.json).
_OBJECT_WORD_CONDITIONS = {"troops": "troop_words", "trainees": "trainee_words",
                           "weapons": "weapon_words", "threat": "threat_words",
                           "prisoners": "prisoner_words"}


def _coordinated_object_of(noun: Token) -> Token | None:
    """The verb whose object ``noun`` is coordinated with ("a condamné l'invasion et les
    frappes russes", "n'a condamné ni l'invasion ni les frappes russes"), also when the parser
    hung the coordination on the verb itself."""
    node = noun
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
        if node.pos_ == "VERB":
            return node if node.i < noun.i else None
    return node.head if node.i != noun.i and node.dep_ == "obj" else None


def _may_read_object(verb: Token, context: _Context) -> bool:
    """Whether a line of the verb's cue may be about its object: the words the line needs
    follow the verb ("rappeler son ambassadeur") and the object names what it must (troops,
    aid, prisoners…). "Le chercheur rappelle l'engagement pris par l'Otan" recalls no troops:
    the commitment stays an event of its own."""
    words = grammar()
    objects = _object_words(verb)
    for cue in _matching_cues(verb, context.text):
        if "aid" in cue.conditions and not _names_aid(objects):
            continue
        if any(condition in cue.conditions and not any(
            w.lemma_.lower() in words[key] for w in objects
        ) for condition, key in _OBJECT_WORD_CONDITIONS.items()):
            continue
        return True
    return False


def _noun_event(noun: Token, context: _Context) -> list[_Draft]:
    words = grammar()
    head = noun.head
    governs = _object_verb(noun)
    verb = head if noun.dep_ == "obj" or (governs is not None and governs.i == head.i) else (
        _coordinated_object_of(noun))
    if verb is not None and verb.i != noun.i and verb.lemma_.lower() in verb_cues() and (
        verb.lemma_.lower() not in words["light_verbs"]
    ) and _may_read_object(verb, context):
        return []  # "a salué la désignation", "refuse toute levée des sanctions", "n'a
        # condamné ni l'invasion ni les frappes russes"
    if head.i != noun.i and head.pos_ == "NOUN" and any(
        "gathering" in c.conditions for c in noun_cues().get(_noun_lemma(head), [])
    ):
        return []  # "une apparition à la réunion du groupe": the appearance is the event
    if _noun_lemma(noun) in words["package_nouns"] and any(
        c.dep_ == "nmod" and _package_of(c) is not None and _noun_lemma(c) in noun_cues()
        for c in noun.children
    ):
        return []  # "un paquet de sanctions": the package is the sanctions' event
    cues = noun_cues()[_noun_lemma(noun)]
    allowed = frozenset().union(*(c.conditions for c in cues))
    actors: list[str] = []
    targets: list[str] = []
    pronoun = possessive = False
    carrier: Token | None = None  # the light verb whose subject acts
    between = _between(noun, context)
    way = "noun-between"
    if between:
        actors, targets = between[:1], between[1:2]
    # a meeting when the first line that fits says so ("un appel téléphonique", "un échange
    # avec X"; not "un échange de prisonniers")
    fitting = [c for c in cues if _noun_conditions_hold(c, noun, context.text)]
    gathering = bool(fitting) and fitting[0].type == "CONSULT"
    for child in noun.children:
        if actors:
            break
        cases = {_apostrophes(k.lower_) for k in child.children if k.dep_ == "case"}
        if child.dep_ == "nmod" and cases & words["agent_cases"]:
            entity = _entity_at(context, child)
            if entity is not None and entity.actor and entity.label != "LOC" and not (
                gathering and context.entities.registry.kind_of(entity.text) == "capital"
            ):  # "les discussions de Riyad", "le sommet de Vilnius": where, not who
                actors, way = [entity.actor, *_listed_after(entity, context)], "noun-of"
        elif child.dep_ in {"acl"} and "Part" in _feats(child, "VerbForm"):
            for agent in child.children:
                if agent.dep_ == "obl:agent" or any(
                    k.lower_ == "par" for k in agent.children if k.dep_ == "case"
                ):
                    actors, way = _phrase_actors(agent, context), "noun-of"
        elif child.dep_ == "amod" and ("adjective" in allowed or (
            noun.dep_ in {"nsubj", "nsubj:pass"} and any(c.type == "AID" for c in cues)
        )):  # "l'aide américaine reste bloquée": aid that is the subject is the giver's
            actor = context.adjectives.get(child.lower_)
            if actor:
                actors, way = [actor], "noun-adjective"
    if not actors and "adjective" in allowed:  # "l'incursion de drones russes"
        actors = _armed_by(noun, context)
        if actors:
            way, targets = "noun-weapons", _struck_place(noun, context, actors)
    if not actors and noun.dep_ in {"nmod", "appos"} and head.i != noun.i and head.pos_ in {
        "NOUN", "PROPN"
    } and any(_apostrophes(k.lower_) == "en" for k in noun.children if k.dep_ == "case"):
        way = "noun-apposition"
        actors = _phrase_actors(head, context)  # "Le Premier ministre, en visite à Kiev, …"
    if not actors and head.i != noun.i and head.pos_ in {"VERB", "AUX"} and (
        (noun.dep_ == "obj" and head.lemma_.lower() in words["light_verbs"])
        or (noun.dep_.startswith("obl") and head.lemma_.lower() in words["light_verbs_a"]
            and any(_apostrophes(k.lower_) in {"à", "au", "aux"} for k in noun.children
                    if k.dep_ == "case"))  # "ont procédé à un échange de prisonniers"
        or (noun.dep_.startswith("obl") and any(
            _apostrophes(k.lower_) == "en" for k in noun.children if k.dep_ == "case"))
        or ((noun.dep_.startswith("obl") or noun.dep_ == "obj") and gathering
            and _names_counterpart(noun))  # "a eu un entretien téléphonique avec X"
        or ((noun.dep_ == "obj" or (noun.dep_ == "obl:arg" and all(
            _apostrophes(k.lower_) in {"de", "des", "du", "d'"} for k in noun.children
            if k.dep_ == "case"))) and gathering and len(_verb_actors(head, context)[0]) > 1)
    ):  # "X et Y ont eu des discussions": a meeting of the two
        # "effectuer une visite", "en visite à Kiev", "après un entretien …, X et Y ont…"
        actors, pronoun, _ = _verb_actors(head, context)
        carrier, way = head, "noun-light-verb"
    governor = _object_verb(noun) if noun.dep_ != "obj" else None
    if not actors and governor is not None and governor.lemma_.lower() in words["light_verbs"]:
        actors, pronoun, _ = _verb_actors(governor, context)  # "a annoncé lundi des sanctions"
        carrier, way = governor, "noun-light-verb"
    package = _package_of(noun)
    if not actors and package is not None:  # "ont adopté un 18e paquet de sanctions"
        carrier = _object_verb(package)
        actors, pronoun, _ = _verb_actors(carrier, context) if carrier else ([], False, False)
        way = "noun-package"
    if not actors and any("Yes" in _feats(c, "Poss") for c in noun.children
                          if c.dep_ == "det"):
        actors = _possessor(noun, context)  # "sa visite à Moscou", "ses discussions avec Kiev"
        pronoun = possessive = bool(actors)
        way = "noun-possessive"
    occasion = _occasion_of(noun, context) if not actors and gathering else None
    if occasion is not None:  # "Lors d'un déplacement à Kiev, X a promis…"
        actors, pronoun, _ = _verb_actors(occasion, context)
        possessive = bool(actors)  # only with a counterpart, as a possessive
        way = "noun-occasion"
    if not actors:
        actors = _listed_subjects(noun, context)  # "La Russie et l'Ukraine ont procédé …"
        way = "noun-listed-subjects"
    if not actors:
        return []
    for cue in cues:
        if not _noun_conditions_hold(cue, noun, context.text):
            continue
        left = _left_body(noun, context) if "agreement" in cue.conditions else None
        if left is not None:  # "leur retrait de la Cédéao": a refusal of the body left
            targets = [t for t in left if t not in actors]
        elif "agreement" in cue.conditions:
            continue
        if not targets:
            targets = [t for t in _noun_targets(noun, cue, context) if t not in actors]
        if not targets and cue.type == "ASSAULT":  # "… menée par le Hamas dans le sud d'Israël"
            targets = _struck_place(noun, context, actors)
        if not targets and carrier is not None:  # "multiplie les frappes contre …"
            targets = [t for rank, t in _verb_targets(carrier, cue, context, actors)
                       if rank <= _ADDRESSED]
        if not targets and occasion is not None:  # "a dit lors d'une conférence … avec X"
            targets = [t for t in _met_with(occasion, context) if t not in actors]
        if not targets and cue.mode == "visit":  # "son séjour à Pékin", "à Pékin" misparsed
            targets = [t for t in _place_after(noun, context) if t not in actors]
        if not targets and "gathering" in cue.conditions:  # "apparition à la réunion du groupe"
            meeting = _presence_meeting(noun, context.text)  # "la réunion …, en présence de X"
            held = [w for w in noun.subtree if w.i != noun.i] + (
                [meeting] if meeting is not None else [])
            targets = [b for w in held if w.lemma_.lower() in words["gathering_words"]
                       for b in [_meeting_body(w, context)] if b is not None][:1]
            if targets and _joint_body(targets[0], context):  # "du Conseil Otan-Ukraine"
                targets = _joint_body(targets[0], context)[:1]
            targets = [t for t in targets if t not in actors]
        if "target" in cue.conditions and not targets:
            continue
        if possessive and not (targets or (len(actors) > 1 and cue.type in _TOGETHER)):
            continue  # "sa 24e réunion", "ses paquets d'aide": no happening of its own
        if cue.type == "AGREE" and any("Yes" in _feats(c, "Poss") for c in noun.children
                                       if c.dep_ == "det"):
            continue  # "honorer leurs engagements", "tenir notre engagement": one held

        negated = _noun_negated(noun)
        hypothetical = ("promise" in cue.conditions and not _past_participle_on(noun)) or (
            _governing_hypothetical(noun))
        if cue.type == "CONSULT" and len(actors) == 1 and not targets:
            joint = _joint_body(actors[0], context)
            if joint:  # "la réunion du Conseil Otan-Ukraine": NATO meets Ukraine
                actors, targets = joint[:1], joint[1:]
        if not targets and len(actors) >= 2 and _noun_lemma(noun) in words["mutual_nouns"]:
            # "la Russie et l'Ukraine ont procédé à un échange de prisonniers": each side
            # gives to the other (docs/gold.md: a release granted is CONCEDE, both ways)
            return [_Draft(cue, noun, [a], [b], negated, hypothetical, True, pronoun,
                           way="noun-mutual") for a in actors[:2] for b in actors[:2] if a != b]
        actors_here, targets = _pair_symmetric(cue, actors, targets)
        return [_Draft(cue, noun, actors_here, targets, negated, hypothetical, True, pronoun,
                       way=way)]
    return []


# What joins the names of a list ("des États-Unis, du Royaume-Uni et de la France").
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:et\s+)?|\s+et\s+)(?:(?:de|du|des|par)\s+|d['’])?"
                       r"(?:(?:la|le|les)\s+|l['’])?\s*")


def _listed_after(first: Entity, context: _Context) -> list[str]:
    """The actors listed after the one a noun's "de X" names ("l'aide des États-Unis, du
    Royaume-Uni, de la France et de la Jordanie": each gave it), read on the text, as the
    parser scatters such lists over the sentence."""
    found: list[str] = []
    end = first.end
    _, clause_end = context.clause_of(first.start)
    for entity in context.entities.within(first.end, clause_end):
        if entity.start < end:
            continue
        if not entity.actor or entity.label == "LOC" or not _LIST_GAP.fullmatch(
            context.text[end:entity.start]
        ):
            break
        if entity.actor != first.actor and entity.actor not in found:
            found.append(entity.actor)
        end = entity.end
    return found


# Before the first side: the clause's start, or a capital article after a live-blog heading run
# into the clause ("09h15 - Échange de prisonniers La Russie et l'Ukraine ont procédé …").
_LISTED_HEAD = re.compile(r"\s*(?:(?:la|le|les)\s+|l['’]\s*)?|.*\s(?-i:La|Le|Les)\s+"
                          r"|.*\s(?-i:L)['’]\s*", re.IGNORECASE)
_BEFORE_VERB = re.compile(r"(?:\s+[\w'’]+){1,3}\s+")


def _listed_subjects(noun: Token, context: _Context) -> list[str]:
    """"La Russie et l'Ukraine ont procédé samedi, quelques heures avant la trêve, à un échange
    de prisonniers", "ont effectué jeudi une nouvelle étape de l'échange", "ont achevé
    dimanche le plus important échange": the two sides listed at the head of the clause, read
    on the text (the parser scatters such sentences), for a mutual noun (``mutual_nouns``)
    that follows a light verb right after them, one that does it ("ont annoncé un échange",
    a modal verb, may be a mediator's word)."""
    words = grammar()
    if _noun_lemma(noun) not in words["mutual_nouns"]:
        return []
    start, _ = context.clause_of(noun.idx)
    light = words["light_verbs"] | words["light_verbs_a"]
    verb = next((w for w in noun.doc[noun.sent.start:noun.i] if w.idx >= start
                 and w.pos_ in {"VERB", "AUX"} and w.lemma_.lower() in light
                 and w.lemma_.lower() not in words["modal_verbs"]), None)  # not "ont annoncé"
    if verb is None:
        return []
    found: list[str] = []
    end = start
    for entity in context.entities.within(start, verb.idx):
        gap = context.text[end:entity.start]
        if not entity.actor or entity.label == "LOC" or not (
            _LISTED_HEAD.fullmatch(gap) if not found else _LIST_GAP.fullmatch(gap)
        ):
            return []
        if entity.actor not in found:
            found.append(entity.actor)
        end = entity.end
    if len(found) < 2 or not _BEFORE_VERB.fullmatch(context.text[end:verb.idx]):
        return []
    return found


def _states_its_object(verb: Token, context: _Context) -> bool:
    """A light verb ("adopter", "annoncer", "imposer") whose direct object is an event noun of
    another type states that noun's event, not its own: "ont adopté un paquet de sanctions"
    is SANCTION (no agreement, no aid), "a annoncé des sanctions contre des groupes
    d'armement" too, "a annoncé l'envoi de trois Rafale" MOBILIZE. Aid stays the verb's
    ("ont adopté une aide": the agreement on aid is aid)."""
    words = grammar()
    lemma = verb.lemma_.lower()
    if lemma not in words["light_verbs"] and lemma not in words["package_verbs"]:
        return False
    own = {c.type for c in _matching_cues(verb, context.text)} | {"AID"}
    for obj in verb.subtree:
        governor = _object_verb(obj)
        if obj.i <= verb.i or governor is None or governor.i != verb.i:
            continue
        held = [obj, *(c for c in obj.children if c.dep_ == "nmod"
                       and obj.lemma_.lower() in words["package_nouns"])]
        if any(_noun_lemma(n) in noun_cues() and any(
            d.cue.type not in own for d in _noun_event(n, context)
        ) for n in held):
            return True
    return False


def _object_verb(word: Token) -> Token | None:
    """The verb ``word`` is the direct object of, also when the parser took the object for an
    adjunct or for an apposition of the day before it ("ont adopté vendredi un 18e paquet",
    "a adopté mercredi un nouveau paquet": a noun phrase with no preposition, after the verb),
    or a partitive object for a complement ("a annoncé de nouvelles sanctions")."""
    head = word.head
    if word.dep_ == "obj":
        return head
    if word.pos_ != "NOUN" or head.i >= word.i:
        return None
    cases = {_apostrophes(c.lower_) for c in word.children if c.dep_ == "case"}
    if not cases and word.dep_.startswith("obl") and head.pos_ in {"VERB", "AUX"}:
        return head
    if word.dep_.startswith("obl") and cases and cases <= {"de", "d'"} and head.pos_ in {
        "VERB", "AUX"
    } and head.i < word.i and any(c.dep_ == "amod" and c.i < word.i for c in word.children):
        return head  # "a annoncé jeudi de nouvelles sanctions", "de vastes manœuvres": partitive
    if word.dep_ in {"appos", "nmod"} and cases <= {"de", "des", "du", "d'"} and (
        head.dep_.startswith("obl") or head.dep_ == "obj"
    ) and head.lemma_.lower() in _lexicon()["weekdays"] and not any(
        c.dep_ == "case" for c in head.children
    ) and head.head.pos_ in {"VERB", "AUX"} and head.head.i < head.i:
        return head.head  # "a annoncé lundi des sanctions", parsed as "sanctions" of Monday
    return None


def _armed_by(noun: Token, context: _Context) -> list[str]:
    """Whose weapons or troops a strike noun is made of ("l'incursion d'une vingtaine de drones
    russes", "l'attaque de missiles russes contre Kiev"): the nationality they bear, in the
    noun's own words after it."""
    words = grammar()
    arms = words["weapon_words"] | words["troop_words"]
    for word in noun.subtree:
        if word.i <= noun.i or word.lemma_.lower() not in arms or _struck_side(word, noun):
            continue
        for child in word.children:
            actor = context.adjectives.get(child.lower_) if child.pos_ == "ADJ" and (
                child.dep_ in {"amod", "acl"}) else None
            if actor:
                return [actor]
    return []


def _struck_side(word: Token, noun: Token) -> bool:
    """Whether ``word`` stands outside the noun's "de" complements: in what the strike hits
    ("la frappe contre un dépôt de missiles russes") or in another phrase ("ce tir, présenté
    comme une riposte aux frappes menées avec des missiles américains")."""
    node = word
    while node.i != noun.i and node.head.i != node.i:
        if any(_apostrophes(k.lower_) not in {"de", "d'", "des", "du", "sans"}
               for k in node.children if k.dep_ == "case"):
            return True
        node = node.head
    return node.i != noun.i


def _struck_place(noun: Token, context: _Context, actors: list[str]) -> list[str]:
    """The state a strike noun's own words name where it hits, by nationality ("l'incursion de
    drones russes dans l'espace aérien polonais" → Poland) or as the land of a region
    ("l'attaque menée le 7 octobre par le Hamas dans le sud d'Israël" → Israel); not the
    striker's own ("ce tir [de Poutine], une riposte aux frappes … sur le territoire russe")."""
    own = set(actors) | {context.side_of(a) for a in actors}
    for word in noun.subtree:
        if word.i <= noun.i or not any(_apostrophes(k.lower_) in {"dans", "sur", "contre"}
                                       for k in word.children if k.dep_ == "case"):
            continue
        for child in word.children:
            actor = context.adjectives.get(child.lower_) if child.dep_ == "amod" else None
            if actor and actor not in own:
                return [actor]
        for child in word.children:
            if child.dep_ != "nmod" or not any(_apostrophes(k.lower_) in {"de", "du", "d'"}
                                               for k in child.children if k.dep_ == "case"):
                continue
            entity = _entity_at(context, child)
            actor = entity.actor if entity is not None else None
            if actor and context.country_of(actor) == actor and actor not in own:
                return [actor]
    return []


def _package_of(noun: Token) -> Token | None:
    """"Un nouveau paquet de sanctions", "un train de sanctions": the package (``package_nouns``)
    the noun is the content of, when a light verb or a verb of adoption (``package_verbs``)
    has it as its object: the package's subject does what the package holds."""
    words = grammar()
    package = noun.head
    if noun.dep_ != "nmod" or package.i == noun.i or package.lemma_.lower() not in words[
        "package_nouns"
    ] or not any(_apostrophes(k.lower_) in {"de", "d'"} for k in noun.children if k.dep_ == "case"):
        return None
    verb = _object_verb(package)
    if verb is None or verb.i == package.i or verb.pos_ not in {"VERB", "AUX"}:
        return None
    lemma = verb.lemma_.lower()
    return package if lemma in words["light_verbs"] or lemma in words["package_verbs"] else None


def _joint_body(actor: str, context: _Context) -> list[str]:
    """The two sides of a joint body named "X-Y" ("Conseil Otan-Ukraine" → NATO, UKR)."""
    record = context.entities.registry.get(actor)
    if record is None or record.type not in {"institution", "organisation"}:
        return []
    match = re.search(r"(\w+)-(\w+)$", record.name)
    if match is None:
        return []
    sides = [context.entities.registry.resolve(part) for part in match.groups()]
    found = [side.id for side in sides if side is not None]
    return found if len(found) == 2 and found[0] != found[1] else []


def _possessor(noun: Token, context: _Context) -> list[str]:
    """Whose "sa visite", "leurs discussions" are: the subject of the clause the noun is a
    complement of ("Il a reporté sa visite"), else, for a noun that opens its own clause,
    the subject of the sentence before it in the paragraph ("Le Premier ministre hongrois
    arrive… Sa visite à Moscou…")."""
    node = noun
    while node.head.i != node.i and node.pos_ not in {"VERB", "AUX"}:
        if node.dep_.startswith("nsubj"):
            break
        node = node.head
    if node.pos_ in {"VERB", "AUX"} and not noun.dep_.startswith("nsubj"):
        actors, _, _ = _verb_actors(node, context)
        if actors:
            return actors
    clause = noun.head
    if noun.dep_.startswith("nsubj") and clause.dep_ == "ccomp" and clause.head.i != clause.i:
        # "Berlin a confirmé que ses discussions avec Kiev…": the one who reports it
        actors, _, _ = _verb_actors(clause.head, context)
        if actors:
            return actors
    start, _ = context.clause_of(noun.idx)
    paragraph = context.text.rfind("\n", 0, start) + 1
    previous = [s for s in noun.doc.sents if paragraph <= s.start_char < start]
    if not previous or start == paragraph:
        return []
    root = previous[-1].root
    subjects = [c for c in root.children if c.dep_ in {"nsubj", "nsubj:pass"}]
    return _subject_actors(subjects[0], root, context)[0] if subjects else []


@lru_cache(maxsize=1)
def _occasion_pattern() -> re.Pattern[str]:
    """"lors d'", "pendant", "à l'issue des" … right before a phrase (``occasion_markers``)."""
    markers = []
    for marker in sorted(grammar()["occasion_markers"], key=len, reverse=True):
        marker = re.escape(marker).replace("'", "['’]")
        if marker.endswith(r"\ de"):
            marker = marker[:-4] + r"\ (?:de|du|des|d['’])"
        markers.append(marker)
    return re.compile(r"(?:^|[\s,(])(?:" + "|".join(markers) + r")\s*$", re.IGNORECASE)


def _presence_meeting(noun: Token, text: str) -> Token | None:
    """"la réunion du Conseil, en présence de X" (not "la présence de soldats"): the meeting
    named before "en présence" in its sentence, which X attends. ``text`` is the doc's
    (``Doc.text`` joins every token again on each access)."""
    if not re.search(r"\ben\s+$", text[max(0, noun.idx - 4):noun.idx]):
        return None
    words = grammar()["gathering_words"]
    return next((w for w in reversed(noun.doc[noun.sent.start:noun.i])
                 if w.pos_ == "NOUN" and w.lemma_.lower() in words), None)


def _after_occasion_marker(noun: Token, text: str) -> bool:
    """Whether the noun's phrase follows "lors de", "au terme de", "pendant" … (``text``: the
    doc's)."""
    first = min([noun.i] + [w.i for c in noun.lefts if c.dep_ not in {"case", "fixed"}
                            for w in c.subtree])
    at = noun.doc[first].idx
    return bool(_occasion_pattern().search(text[max(noun.sent.start_char, at - 30):at]))


def _occasion_of(noun: Token, context: _Context) -> Token | None:
    """The verb a meeting noun is the occasion of ("Lors d'un déplacement à Kiev, X a
    promis…", "a dit lors d'une conférence de presse avec Y"): its subject met or went."""
    start, _ = context.clause_of(noun.idx)
    if not _after_occasion_marker(noun, context.text) or any(
        w.lemma_.lower() in grammar()["press_words"] for w in noun.children if w.dep_ == "nmod"
    ):  # "lors d'une conférence de presse commune avec X": where it is said, after the
        return None  # meeting the article reports as a visit or a signing
    node = noun
    for _ in range(3):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            return node if context.clause_of(node.idx)[0] == start else None
    return None


def _met_with(verb: Token, context: _Context) -> list[str]:
    """"avec X" in the clause of ``verb`` (the parser hangs the counterpart of "lors d'une
    conférence de presse avec X" on the verb)."""
    found: list[str] = []
    start, end = context.clause_of(verb.idx)
    for entity in context.entities.within(start, end):
        span = verb.doc.char_span(entity.start, entity.end, alignment_mode="expand")
        if span is None or not entity.actor or entity.label == "LOC":
            continue
        root = span.root
        if root.dep_ in {"appos", "amod", "flat:name"}:  # "avec le président turc R. T. Erdogan"
            root = root.head
        if any(_apostrophes(k.lower_) == "avec" for k in root.children if k.dep_ == "case") and (
            _attached(root, verb)
        ) and entity.actor not in found:
            found.append(entity.actor)
    return found


def _names_counterpart(noun: Token) -> bool:
    """"un entretien téléphonique", "une conférence de presse avec X": a meeting of the
    clause's subject, not an interview it gave nor a meeting it attended."""
    words = grammar()
    return any(w.lemma_.lower() in words["phone_words"] for w in noun.subtree) or any(
        _apostrophes(k.lower_) in {"avec", "entre"} for c in noun.children
        for k in c.children if k.dep_ == "case")


def _left_body(noun: Token, context: _Context) -> list[str] | None:
    """What a withdrawal noun leaves, when it is an agreement or a body rather than a place
    ("leur retrait « sans délai » de la Cédéao" → [ecowas], "le retrait de la convention
    d'Ottawa" → []): None when its words name neither ("le retrait des troupes russes")."""
    words = grammar()
    for word in noun.subtree:
        if word.i <= noun.i or not any(_apostrophes(k.lower_) in {"de", "du", "des", "d'"}
                                       for k in word.children if k.dep_ == "case"):
            continue
        if word.lemma_.lower() in words["agreement_words"]:
            return []
        entity = _entity_at(context, word)
        record = context.entities.registry.get(entity.actor) if entity and entity.actor else None
        if record is not None and record.type == "organisation":
            return [record.id]
    return None


def _noun_conditions_hold(cue: Cue, noun: Token, text: str) -> bool:
    words = grammar()
    subtree = list(noun.subtree)
    if "occasion" in cue.conditions and not _after_occasion_marker(noun, text):
        return False  # "au terme du sommet de la coalition", not "d'ici au sommet de juillet"
    if "phone" in cue.conditions and not any(w.lemma_.lower() in words["phone_words"]
                                             for w in subtree):
        return False
    if "prisoners" in cue.conditions and not any(w.lemma_.lower() in words["prisoner_words"]
                                                 for w in subtree):
        return False
    if "troops" in cue.conditions and not any(w.lemma_.lower() in words["troop_words"]
                                              for w in subtree[1:]):
        return False
    if "gathering" in cue.conditions and not any(  # "sa participation au sommet"
        w.lemma_.lower() in words["gathering_words"] for w in subtree if w.i != noun.i
    ) and _presence_meeting(noun, text) is None:  # "la réunion, en présence de X"
        return False
    if "no-aid" in cue.conditions and _names_aid(subtree[1:]):
        return False  # "un engagement de 350 millions de livres": the aid is the event
    return not ("aid" in cue.conditions and not _names_aid(subtree[1:]))


def _noun_targets(noun: Token, cue: Cue, context: _Context) -> list[str]:
    words = grammar()
    visit = cue.mode == "visit"
    targets: list[str] = []
    for child in noun.children:
        cases = {_apostrophes(k.lower_) for k in child.children if k.dep_ == "case"}
        if child.dep_ != "nmod" or not cases:
            continue
        if cases & {"avec", "contre", "envers", "auprès", "face"} or (
            cases & {"à", "au", "aux", "chez"}
        ) or (visit and cases & words["visit_cases"]) or (
            cue.type == "AID" and "pour" in cases  # "l'aide de Berlin pour Kiev": for whom
        ):
            place_ok = visit or cue.type not in {"AGREE", "CONSULT"} or "avec" in cases
            struck = cue.type == "ASSAULT" and "contre" in cases
            for actor in _target_actors(child, context, place_ok, adjectives=struck):
                if actor not in targets:
                    targets.append(actor)
    return targets
