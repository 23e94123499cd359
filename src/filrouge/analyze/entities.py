"""Entity mentions: registry actors first, then spaCy's named entities with corpus-local ids."""

from __future__ import annotations

import bisect
import re
import unicodedata
from typing import TYPE_CHECKING

from filrouge.analyze.actors import ActorRegistry
from filrouge.model import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc

_NER_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
_NOT_A_NAME = re.compile(r"^[\W\d_]+$|^(Lire|Partager|Photo|Abonnez|Publié)\b")


def slug(text: str) -> str:
    """ASCII, lower-case, hyphenated form of a name: the corpus-local actor id."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def find_entities(doc: Doc, registry: ActorRegistry, on: str | None) -> list[Entity]:
    """Registry matches win; spaCy entities fill the gaps. People outside the registry get a
    ``local:`` id shared by their name variants ("Cavo Dragone" and "Giuseppe Cavo Dragone")."""
    text = doc.text
    found = registry.find(text, on)
    taken = [(e.start, e.end) for e in found]
    persons: list[str] = [ent.text for ent in doc.ents if ent.label_ == "PER"]
    for ent in doc.ents:
        label = _NER_LABELS.get(ent.label_)
        if label is None or _NOT_A_NAME.search(ent.text) or "\n" in ent.text:
            continue
        start, end = ent.start_char, ent.end_char
        if any(s < end and start < e for s, e in taken):
            continue
        actor = None
        if label == "PER":
            actor = "local:" + slug(_longest_variant(ent.text, persons))
        elif label == "ORG":
            actor = "local:" + slug(ent.text)
        found.append(Entity(start=start, end=end, text=ent.text, label=label, actor=actor))
    return sorted(found, key=lambda e: e.start)


def _longest_variant(name: str, persons: list[str]) -> str:
    """The fullest form of a person's name used in the same article."""
    tail = name.split()[-1]
    variants = [p for p in persons if p.split()[-1] == tail and name in p]
    return max(variants, key=len) if variants else name


class EntityIndex:
    """Entities sorted by position, to ask "who is named here" and "who was named last"."""

    def __init__(self, entities: list[Entity], registry: ActorRegistry) -> None:
        self.entities = sorted(entities, key=lambda e: e.start)
        self._starts = [e.start for e in self.entities]
        self.registry = registry

    def within(self, start: int, end: int) -> list[Entity]:
        lo = bisect.bisect_left(self._starts, start)
        return [e for e in self.entities[lo:] if e.start < end and e.end <= end]

    def best_actor(self, start: int, end: int) -> Entity | None:
        """The entity that names who a stretch of text is about: a person over a group, the
        first over later ones."""
        candidates = [e for e in self.within(start, end) if e.actor]
        if not candidates:
            return None
        people = [e for e in candidates if e.label == "PER"]
        return (people or candidates)[0]

    def last_person_before(self, position: int) -> Entity | None:
        """The most recent person named before ``position``: what "il" or "elle" most often
        refers to in news prose."""
        hi = bisect.bisect_left(self._starts, position)
        for entity in reversed(self.entities[:hi]):
            if entity.label == "PER" and entity.actor:
                return entity
        return None

    def last_actor_before(self, position: int) -> Entity | None:
        hi = bisect.bisect_left(self._starts, position)
        for entity in reversed(self.entities[:hi]):
            if entity.actor and entity.label in {"PER", "GPE", "ORG"}:
                return entity
        return None
