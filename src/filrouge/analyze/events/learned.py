"""A learned scorer over the rule events (docs/events.md, "Learned scorer").

The rules of this package read an event only where their cues and the parse meet; they
miss events told in other words and keep some that the gold does not record. This step looks
at every *candidate* of a sentence: an (actor, target-or-none) pair among the actors the
sentence names (entities, adjectives of nationality, the speaker of a quote it holds or
introduces, the actors and targets of the rule events told there), describes it by sparse
string features (the verb governing each mention and its relation, the case word, the cue
types of the sentence, the rule events of the pair, their flags) and scores it with a
multinomial logistic model over the PLOVER types and ``NONE`` whose weights
(``data/event_model.json``) are fitted on our own gold by ``python -m
filrouge.eval.events_model --fit``.

Then: a rule event whose pairs the model all finds unlikely for its type is dropped; a pair
the model gives a type with a high probability and no rule event in its sentence becomes a new
event, cited by its own sentence, its trigger the verb governing the actor. Its day is given
afterwards as for every event (:func:`filrouge.analyze.dating.date_statements`).

Inference is pure Python (dict look-ups and a softmax). ``FILROUGE_EVENTS=rules`` (or
``learned=False`` to :func:`filrouge.analyze.pipeline.annotate` / ``Analyzer``) runs the rules
alone; ``FILROUGE_EVENTS=learned`` forces the step on; otherwise the model file's
``default_on`` decides.
"""

from __future__ import annotations

import json
import math
import os
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, cast

from filrouge.analyze.dating import date_statements
from filrouge.analyze.entities import EntityIndex
from filrouge.analyze.events.context import _adjective_actors, _clauses
from filrouge.analyze.events.flags import _is_hypothetical, _is_negated
from filrouge.analyze.events.lexicon import noun_cues, verb_cues
from filrouge.model import Event, EventType, Quote, Span, TimeExpr

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

NONE = "NONE"
_ROLE_DEPS = ("nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:agent", "obl:arg", "obl:mod",
              "nmod", "appos", "conj", "amod", "root", "ROOT", "flat:name", "det")


@dataclass
class Candidate:
    """One (actor, target) pair of one sentence, with what the model reads of it."""

    clause: tuple[int, int]
    actor: str
    target: str | None
    trigger: int  # the token standing for the act: the verb governing the actor
    features: list[str] = field(default_factory=list)


@dataclass
class Model:
    classes: list[str]
    bias: list[float]
    weights: dict[str, dict[int, float]]
    keep: float = 0.0
    add: float = 1.01  # a pair whose actor the rules give an event of that type there
    add_new: float = 1.01  # any other pair
    default_on: bool = False
    info: dict[str, Any] = field(default_factory=dict)

    def probabilities(self, features: list[str]) -> dict[str, float]:
        scores = list(self.bias)
        for feature in features:
            for index, weight in self.weights.get(feature, {}).items():
                scores[index] += weight
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}


def model_from_json(raw: dict[str, Any]) -> Model:
    return Model(
        classes=list(raw["classes"]),
        bias=[float(b) for b in raw["bias"]],
        weights={f: {int(k): float(w) for k, w in ws.items()} for f, ws in raw["weights"].items()},
        keep=float(raw.get("keep", 0.0)),
        add=float(raw.get("add", 1.01)),
        add_new=float(raw.get("add_new", 1.01)),
        default_on=bool(raw.get("default_on", False)),
        info=dict(raw.get("info", {})),
    )


@lru_cache(maxsize=1)
def shipped_model() -> Model | None:
    """The fitted model of ``data/event_model.json``, read once (None when absent)."""
    path = resources.files("filrouge") / "data" / "event_model.json"
    if not path.is_file():
        return None
    return model_from_json(json.loads(path.read_text("utf-8")))


def enabled(setting: bool | None = None) -> bool:
    """Whether the learned step runs: the explicit ``setting``, else ``FILROUGE_EVENTS``
    (``rules`` or ``learned``), else the shipped model's ``default_on``."""
    if setting is not None:
        return setting
    chosen = os.environ.get("FILROUGE_EVENTS", "").strip().lower()
    if chosen in {"rules", "rules-only", "off", "0"}:
        return False
    model = shipped_model()
    if chosen in {"learned", "on", "1"}:
        return model is not None
    if chosen:
        warnings.warn(f"FILROUGE_EVENTS={chosen!r} is neither 'rules' nor 'learned': the "
                      "shipped model's default is used", stacklevel=2)
    return model is not None and model.default_on


def keep_threshold(model: Model) -> float:
    """The model's ``keep``, or ``FILROUGE_EVENTS_KEEP`` (higher: fewer, surer events)."""
    given = os.environ.get("FILROUGE_EVENTS_KEEP", "").strip()
    try:
        return float(given) if given else model.keep
    except ValueError:
        warnings.warn(f"FILROUGE_EVENTS_KEEP={given!r} is not a number: the model's keep "
                      f"({model.keep}) is used", stacklevel=2)
        return model.keep


# -- candidates and features ------------------------------------------------------------


def _mention_roots(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _governing_verb(token: Token) -> Token:
    node = token
    for _ in range(6):
        if node.pos_ in {"VERB", "AUX"} and node is not token:
            return node
        if node.head.i == node.i:
            return node
        node = node.head
    return node


def _case(token: Token) -> str:
    return next((c.lower_ for c in token.children if c.dep_ == "case"), "")


def _cue_types(token: Token) -> list[str]:
    lemma = token.lemma_.lower()
    cues = verb_cues().get(lemma, []) if token.pos_ in {"VERB", "AUX", "ADJ"} else (
        noun_cues().get(lemma, []) if token.pos_ in {"NOUN", "PROPN"} else [])
    return sorted({c.type for c in cues})


def _mention_features(prefix: str, root: Token) -> list[str]:
    verb = _governing_verb(root)
    lemma = verb.lemma_.lower()
    dep = root.dep_
    out = [f"{prefix}dep={dep}", f"{prefix}v={lemma}", f"{prefix}dep={dep}|v={lemma}"]
    case = _case(root)
    if case:
        out += [f"{prefix}case={case}", f"{prefix}case={case}|v={lemma}"]
    head = root.head
    if head.i != root.i and head.i != verb.i:
        out.append(f"{prefix}h={head.lemma_.lower()}")
        out += [f"{prefix}hcue={t}" for t in _cue_types(head)]
    verb_cue_types = _cue_types(verb)
    out += [f"{prefix}vcue={t}" for t in verb_cue_types]
    out += [f"{prefix}vcue={t}|dep={dep}" for t in verb_cue_types]
    return out


def candidates(doc: Doc, entities: EntityIndex, quotes: list[Quote],
               events: list[Event]) -> list[Candidate]:
    """Every (actor, target-or-none) pair of every sentence of the article, with its features
    (rule events read from ``events``)."""
    adjectives = _adjective_actors(entities)
    salient = _salient_states(entities)
    found: list[Candidate] = []
    for clause in _clauses(doc):
        found.extend(_clause_candidates(doc, clause, entities, quotes, events, adjectives,
                                        salient))
    return found


_SALIENT = 3  # the article's most named states: whom a sentence may address unnamed


def _salient_states(entities: EntityIndex) -> list[str]:
    counts: Counter[str] = Counter()
    for entity in entities.entities:
        if not entity.actor:
            continue
        record = entities.registry.get(entity.actor)
        if record is None:
            continue
        state = entity.actor if record.type == "state" else record.country
        if state:
            counts[state] += 1
    return [state for state, _ in counts.most_common(_SALIENT)]


_SUBJECT_PRONOUNS = frozenset({"il", "elle", "ils", "elles"})


def _clause_candidates(doc: Doc, clause: tuple[int, int], entities: EntityIndex,
                       quotes: list[Quote], events: list[Event],
                       adjectives: dict[str, str], salient: list[str]) -> list[Candidate]:
    start, end = clause
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return []
    mentions: dict[str, list[Token]] = {}
    for entity in entities.within(start, end):
        if entity.actor:
            root = _mention_roots(doc, entity.start, entity.end)
            if root is not None:
                mentions.setdefault(entity.actor, []).append(root)
    for token in span:
        state = adjectives.get(token.lower_)
        if state is not None and token.pos_ == "ADJ":
            mentions.setdefault(state, []).append(token)
    pronouns: set[str] = set()
    for token in span:  # "Il a rencontré…": the last person named before, as the rules read
        if token.lower_ in _SUBJECT_PRONOUNS and token.dep_.startswith("nsubj"):
            before = entities.last_person_before(start) if token.lower_ in {"il", "elle"} \
                else entities.last_actor_before(start)
            if before is not None and before.actor and before.actor not in mentions:
                mentions.setdefault(before.actor, []).append(token)
                pronouns.add(before.actor)
    speakers: dict[str, Quote] = {}
    for quote in quotes:
        if quote.speaker_actor and quote.start < end and start < quote.end:
            speakers.setdefault(quote.speaker_actor, quote)
    rules = [e for e in events if start <= e.trigger.start < end]
    triggers = [_mention_roots(doc, e.trigger.start, e.trigger.end) for e in rules]
    actors = list(dict.fromkeys([*mentions, *speakers, *(a for e in rules for a in e.actors),
                                 *(t for e in rules for t in e.targets)]))
    if not actors:
        return []
    unnamed = [s for s in salient if s not in actors]  # targets only
    lemmas = sorted({t.lemma_.lower() for t in span if t.pos_ in {"VERB", "NOUN"}})
    cue_types = sorted({c for t in span for c in _cue_types(t)})
    common = [f"L={lemma}" for lemma in lemmas] + [f"C={c}" for c in cue_types]
    common += [f"RS={e.type}" for e in rules]
    if any(q.start < end and start < q.end and (q.cue is None or not start <= q.cue.start < end)
           for q in quotes):
        common.append("in_quote")
    kinds = {a: _kind(a, entities) for a in [*actors, *unnamed]}
    # what each named actor gives as another's target, and the verbs governing its mentions:
    # once per actor, not once per pair (only a pair of two named actors reads them)
    paired = mentions if len(actors) > 1 else {}
    t_mentions = {a: [f for r in roots[:3] for f in _mention_features("T", r)]
                  for a, roots in paired.items()}
    verbs = {a: [_governing_verb(r).i for r in roots] for a, roots in paired.items()}
    out: list[Candidate] = []
    root = span.root
    for actor in actors:
        a_roots = mentions.get(actor, [])
        a_feats = [f"Akind={kinds[actor]}"]
        if actor in pronouns:
            a_feats.append("A_pronoun")
        for r in a_roots[:3]:
            a_feats += _mention_features("A", r)
        if not a_roots:
            a_feats.append("A_unnamed")
        if actor in speakers:
            a_feats.append("A_speaker")
            quote = speakers[actor]
            if quote.cue is not None and start <= quote.cue.start < end:
                a_feats.append("A_speaker_cue_here")
        trigger = _governing_verb(a_roots[0]) if a_roots else root
        if not a_roots and actor in speakers:
            cue = speakers[actor].cue
            if cue is not None and start <= cue.start < end:
                tok = _mention_roots(doc, cue.start, cue.end)
                trigger = tok if tok is not None else trigger
        for target in [None, *[t for t in actors if t != actor], *unnamed]:
            feats = list(common) + a_feats
            if target is None:
                feats.append("T=none")
                feats += [f"T=none|{f}" for f in a_feats if "|" not in f]
            else:
                t_roots = mentions.get(target, [])
                t_kind = kinds[target]
                feats.append(f"Tkind={t_kind}")
                feats.append(f"pair={kinds[actor]}>{t_kind}")
                if target in salient:
                    feats.append(f"T_salient={salient.index(target)}")
                    if target in unnamed:
                        feats += [f"T_salient_unnamed|{f}" for f in a_feats
                                  if f.startswith("Avcue=") and "|" not in f]
                feats += t_mentions.get(target, [])
                if not t_roots:
                    feats.append("T_unnamed")
                if a_roots and t_roots:
                    av = set(verbs[actor])
                    feats.append("same_verb" if av & set(verbs[target]) else "other_verb")
                    feats.append("A_first" if a_roots[0].i < t_roots[0].i else "T_first")
                    for r, v in zip(t_roots[:2], verbs[target][:2], strict=True):
                        if v in av:
                            feats.append(f"shared|Tdep={r.dep_}|case={_case(r)}")
                if target in speakers:
                    feats.append("T_speaker")
            feats += _rule_features(rules, triggers, actor, target, a_roots)
            out.append(Candidate(clause, actor, target, trigger.i, feats))
    return out


def _kind(actor: str, entities: EntityIndex) -> str:
    if actor.startswith("local:"):
        return "person"
    record = entities.registry.get(actor)
    return record.type if record is not None else "other"


def _rule_features(rules: list[Event], triggers: list[Token | None], actor: str,
                   target: str | None, a_roots: list[Token]) -> list[str]:
    out: list[str] = []
    for event, trigger in zip(rules, triggers, strict=True):
        kind = event.type
        lemma = trigger.lemma_.lower() if trigger is not None else ""
        flags = "".join(f for f, on in (("n", event.negated), ("h", event.hypothetical),
                                        ("r", event.reported), ("i", event.target_implicit))
                        if on)
        if actor in event.actors:
            if (target is None and not event.targets) or target in event.targets:
                out += ["R", f"R={kind}", f"R={kind}|{flags}", f"Rconf={event.confidence}",
                        f"R={kind}|{lemma}", f"R={kind}|mode={event.mode}",
                        f"R={kind}|n={len(event.actors)}x{len(event.targets)}",
                        f"R|origin={event.date_origin}"]
                if trigger is not None:
                    out += [f"R={kind}|tdep={trigger.dep_}", f"R={kind}|tpos={trigger.pos_}"]
                    roles = {r.dep_ for r in a_roots if r.head.i == trigger.i}
                    out += [f"R|A_of_trigger={r}" for r in sorted(roles)] or [
                        "R|A_not_on_trigger"]
            elif target is None:
                out.append(f"RnoT={kind}")
            else:
                out += [f"RA={kind}", f"RA={kind}|{lemma}"]
        elif target is not None and target in event.actors and actor in event.targets:
            out.append(f"RX={kind}")
        elif target is not None and target in event.targets:
            out.append(f"RT={kind}")
    if not any(f == "R" for f in out):
        out.append("R_none")
    return out


# -- combining ----------------------------------------------------------------------------


def scored(model: Model, found: list[Candidate]) -> list[dict[str, float]]:
    return [model.probabilities(c.features) for c in found]


def combine(events: list[Event], found: list[Candidate],
            probabilities: list[dict[str, float]], keep: float, add: float, add_new: float,
            make: Callable[[list[tuple[Candidate, str, float]]], list[Event]]) -> list[Event]:
    """The rule events the model does not reject (each reading of its actors and targets
    with probability ``keep`` or more), and a new event (built by ``make``) for each pair
    that no kept event of its sentence tells and that the model gives a type with
    probability ``add`` or more when the rules give its actor an event of that type in the
    sentence (another target: a re-targeting), ``add_new`` or more otherwise. A reading of a
    rule event the model rejected is not added back: ``keep`` stays the bar for the rules'."""
    by_pair: dict[tuple[int, str, str | None], dict[str, float]] = {}
    for candidate, probs in zip(found, probabilities, strict=True):
        by_pair[(candidate.clause[0], candidate.actor, candidate.target)] = probs
    clauses = sorted({c.clause for c in found})
    kept: list[Event] = []
    told: set[tuple[int, str, str, str | None]] = set()
    judged: set[tuple[int, str, str, str | None]] = set()  # every reading of a rule event
    ruled: set[tuple[int, str, str]] = set()
    none: list[str | None] = [None]
    for event in events:
        clause = next((c for c in clauses if c[0] <= event.trigger.start < c[1]), None)
        if clause is None:
            kept.append(event)
            continue
        ruled.update((clause[0], event.type, actor) for actor in event.actors)
        targets: list[str | None] = [*event.targets] or none
        score = {(actor, target): _p(by_pair.get((clause[0], actor, target)), event.type)
                 for actor in event.actors for target in targets}
        judged.update((clause[0], event.type, a, t) for a, t in score)
        actors = [a for a in event.actors if max(score[(a, t)] for t in targets) >= keep]
        named: list[str | None] = [t for t in event.targets
                                   if max(score[(a, t)] for a in event.actors) >= keep]
        if not actors or (event.targets and not named):
            continue  # every reading of the event rejected
        best = max(score[(a, t)] for a in actors for t in (named or none))
        kept.append(event.model_copy(update={"actors": actors, "targets": named,
                                             "confidence": round(max(0.05, best), 2)}))
        for actor in actors:
            for target in named or none:
                told.add((clause[0], event.type, actor, target))
    wanted: list[tuple[Candidate, str, float]] = []
    for candidate, probs in zip(found, probabilities, strict=True):
        for kind, p in probs.items():
            if kind == NONE or p < min(add, add_new) or p < (
                add if (candidate.clause[0], kind, candidate.actor) in ruled else add_new
            ):
                continue
            key = (candidate.clause[0], kind, candidate.actor, candidate.target)
            if key in told or key in judged:
                continue
            told.add(key)
            wanted.append((candidate, kind, p))
    added = make(wanted) if wanted else []
    return sorted([*kept, *added], key=lambda e: (e.start, e.trigger.start))


def _p(probabilities: dict[str, float] | None, kind: str) -> float:
    """How likely a pair is of ``kind`` rather than of no event: p(kind) / (p(kind) +
    p(NONE)), so a pair of two types (an agreed aid: AGREE and AID) is not judged by their
    split. A pair the candidates do not hold is not judged (1.0)."""
    if probabilities is None:
        return 1.0
    p = probabilities.get(kind, 0.0)
    return p / (p + probabilities.get(NONE, 0.0) or 1.0)


def new_events(doc: Doc, wanted: list[tuple[Candidate, str, float]], *,
               times: list[TimeExpr], quotes: list[Quote], published: str | None,
               ) -> list[Event]:
    """The events of the chosen pairs, each cited by its own sentence, its trigger the verb
    governing the actor, dated as the rules' events are."""
    text = doc.text
    drafts = [_new_event(doc, text, candidate, kind, p) for candidate, kind, p in wanted]
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    _, dated = date_statements(text, times, sentences, quotes, drafts, published)
    return dated


def _new_event(doc: Doc, text: str, candidate: Candidate, kind: str, p: float) -> Event:
    token = doc[candidate.trigger]
    start, end = candidate.clause
    verb = token.pos_ in {"VERB", "AUX"}
    return Event(
        start=start,
        end=end,
        text=text[start:end],
        type=cast(EventType, kind),
        trigger=Span.of(text, token.idx, token.idx + len(token)),
        actors=[candidate.actor],
        targets=[candidate.target] if candidate.target else [],
        negated=_is_negated(token) if verb else False,
        hypothetical=_is_hypothetical(token) if verb else False,
        confidence=round(max(0.05, p), 2),
    )


def rescore(doc: Doc, entities: EntityIndex, quotes: list[Quote], events: list[Event], *,
            times: list[TimeExpr], published: str | None,
            model: Model | None = None) -> list[Event]:
    """The rule ``events`` of an article (with their final days), filtered and completed by
    the learned model; the new events are dated as the rules' are."""
    model = model or shipped_model()
    if model is None:
        return events
    found = candidates(doc, entities, quotes, events)
    return combine(events, found, scored(model, found), keep_threshold(model), model.add,
                   model.add_new,
                   lambda wanted: new_events(doc, wanted, times=times, quotes=quotes,
                                             published=published))
