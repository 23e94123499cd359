"""Events: who did what to whom, when, in PLOVER types, each grounded in one sentence.

A cue of the event lexicons (``data/event_verbs.tsv``, ``data/event_nouns.tsv``) becomes an
event only when the words of its own sentence name who acts:

- a verb: its subject (through a pronoun, a relative "qui" or a controlling verb if need be),
  or the agent of a passive ("adopté par le G7"); coordinated subjects each act, except for a
  meeting or an agreement without other counterpart ("Biden et Zelensky ont signé": Biden with
  Zelensky);
- a noun: "de X", "par X", "entre X et Y", an adjective of nationality ("les frappes russes"),
  or the subject of a light verb ("effectuer une visite", "en visite à Kiev").

The target is whom the event is addressed to: the object when it names an actor, "à X",
"avec X", "contre X", "entre X et Y", or the place visited. What cannot be grounded in the
sentence is not output: precision matters more than recall for a chronology.

Each event is flagged ``negated`` ("n'a pas accepté", "sans signature"), ``hypothetical``
(conditional, future, "pourrait", "envisage de", "prêt à", a promise not yet carried out, a
purpose "pour livrer") and ``reported`` (inside a quote, with ``reported_by`` its speaker), so a
hypothetical is never presented as a fact. The day is the one the sentence gives nearest to the
cue (:func:`filrouge.analyze.dating.date_span`, the rule the pipeline applies again with the
whole text), else the publication day.

The package, by concern (each module imports only from those above it):

- ``lexicon``: the cue lexicons and the grammar words (:class:`Cue`, :func:`verb_cues`,
  :func:`noun_cues`, :func:`grammar`, :func:`statement_readings`);
- ``context``: what the rules know about an article (``_Context``, ``_Draft``, its indexes);
- ``flags``: negated, hypothetical; ``parse``: token-level readings of the parse;
- ``actors``: who acts; ``targets``: whom the clause addresses;
- ``statements``: quotes and que-clauses read as acts; ``implicit``: targets the sentence
  does not name;
- ``verbs`` and ``nouns``: the walk over verb and noun cues;
- ``conventions``: every party of a meeting or signing, a happening once per article;
- ``extract``: :func:`find_events`, the entry point.
"""

from filrouge.analyze.events.conventions import once_per_article
from filrouge.analyze.events.extract import find_events
from filrouge.analyze.events.lexicon import (
    Cue,
    Grammar,
    grammar,
    noun_cues,
    statement_readings,
    verb_cues,
)

__all__ = ["Cue", "Grammar", "find_events", "grammar", "noun_cues",
           "once_per_article", "statement_readings", "verb_cues"]
