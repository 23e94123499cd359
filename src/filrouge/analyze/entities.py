"""Entity mentions: registry actors first, then spaCy's named entities with corpus-local ids."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from filrouge.analyze.actors import Actor, ActorRegistry
from filrouge.analyze.names import Merge, ascii_slug, name_key, plan_merges
from filrouge.model import Article, Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_EDGE_PUNCTUATION = frozenset("\"«»“”‘’'()[],.;:!? \u00a0")
_NER_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
# "les anti-Morsi", "les pro-Moubarak" name supporters or opponents, not the person.
_NOT_A_NAME = re.compile(r"^[\W\d_]+$|^(Lire|Partager|Photo|Abonnez|Publié)\b|^(?:[Aa]nti|[Pp]ro)-")
# Words before a name that are not part of it ("M. Lavrov", "l'amiral Cavo Dragone").
_HONORIFIC = re.compile(
    r"^(?:(?:M\.|MM\.|Mr\.?|Mme|Mmes|Mlle|Mgr|Dr|Pr|Me|Madame|Monsieur|Mademoiselle|Maître|"
    r"Docteur|Professeur|Monseigneur)\s+|(?:(?:le|la|l'|l’)\s*)?"
    r"(?:président|présidente|ministre|général|générale|amiral|colonel|commissaire|chancelier|"
    r"chancelière|sénateur|sénatrice|député|députée|maire|ambassadeur|ambassadrice|"
    r"porte-parole|secrétaire|premier ministre|Premier ministre)\s+)+",
    re.IGNORECASE)


# Lower-case words left before a name once its title is gone ("Président syrien Bachar
# al-Assad"), particles of the name itself excepted ("de Gaulle", "van Rompuy").
_LEAD_WORDS = re.compile(r"^(?:(?!(?:de|du|des|d|le|la|van|von|der|den|del|della|da|di|dos|"
                         r"das|al|el|ben|bin|ibn|abu|abou)\b)[a-zà-ÿ][\w’'-]*\s+)+(?=[A-ZÀ-Ý])")


# A name right after these words is a place, not someone who acts ("la place Tahrir", "le
# district de Harf Sufyan", "rue Mohamed Mahmoud"). "place" only directly: "à la place de M. X"
# means "instead of".
_PLACE_WORDS = (r"rue|avenue|boulevard|quai|square|rond-point|pont|quartier|district|"
                r"gouvernorat|province|région|village|faubourg|cité|mosquée|stade|aéroport|parc|"
                r"localité|commune|banlieue|ville|port|prison|vallée|oasis|île")
_AFTER_PLACE_WORD = re.compile(rf"(?<![\w-])(?:(?:place|{_PLACE_WORDS})\s+|(?:{_PLACE_WORDS})"
                               r"\s+(?:de\s+|du\s+|d['’]\s*))$", re.IGNORECASE)
_PLACE_NAMED = re.compile(r"^(?:Place|Rue|Avenue|Boulevard|Quai|Square|Pont|Quartier|District|"
                          r"Gouvernorat|Province|Région|Mosquée|Stade|Aéroport|Parc)\s+"
                          r"(?:(?:de|du|des|d['’])\s*)?(.+)$", re.IGNORECASE)


def _place_names(text: str, names: list[tuple[Span, int, int]]) -> set[str]:
    """Names written as places somewhere in the article: after a place word, or opening with
    one ("Place Tahrir" — then "Tahrir" alone is that place too)."""
    places: set[str] = set()
    for _ent, start, end in names:
        name = text[start:end]
        named = _PLACE_NAMED.match(name)
        if named:
            places.update({name, named.group(1)})
        elif _AFTER_PLACE_WORD.search(text[max(0, start - 40):start]):
            places.add(name)
    return places


def bare_name(text: str) -> str:
    """A person's name without the title or honorific written before it."""
    name = _HONORIFIC.sub("", text).strip()
    return _LEAD_WORDS.sub("", name) if name != text.strip() else (name or text)


def _heading_line(text: str, start: int, end: int) -> bool:
    """Whether a mention sits in a heading or section title rather than in prose: a short line
    without final punctuation, or one written in capitals."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end != -1 else len(text)].strip()
    letters = [c for c in line if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8 and len(letters) > 3:
        return True
    return len(line.split()) <= 6 and not line.endswith((".", "!", "?", "»", '"', ":"))


def slug(text: str) -> str:
    """ASCII, lower-case, hyphenated form of a name: the corpus-local actor id (an Arabic
    article glued to a capitalised name is a word of its own: "ElBaradei" → "el-baradei")."""
    return ascii_slug(text)


def find_entities(doc: Doc, registry: ActorRegistry, on: str | None) -> list[Entity]:
    """Registry matches win; spaCy entities fill the gaps. People outside the registry get a
    ``local:`` id shared by their name variants ("Cavo Dragone" and "Giuseppe Cavo Dragone")."""
    text = doc.text
    people = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "PER"]
    found = registry.find(text, on, people=people)
    found.extend(_nationality_anaphora(text, found, registry))
    found.extend(_first_names(text, found, registry))
    taken = [(e.start, e.end) for e in found]
    names = [(ent, *_trimmed(text, ent)) for ent in doc.ents]
    persons: list[str] = [text[s:e] for ent, s, e in names if ent.label_ == "PER"]
    prose = [text[s:e] for ent, s, e in names
             if ent.label_ == "PER" and not _heading_line(text, s, e)]
    labels: dict[str, set[str]] = {}
    for ent, s, e in names:
        labels.setdefault(text[s:e], set()).add(ent.label_)
    places = _place_names(text, names)
    for ent, start, end in names:
        label = _NER_LABELS.get(ent.label_)
        if label is None or _NOT_A_NAME.search(ent.text) or "\n" in ent.text:
            continue
        name = text[start:end]
        if not name:
            continue
        # One name, one kind in an article: a multi-word name tagged as a person somewhere is
        # a person everywhere; a single word tagged as a place somewhere ("Riyad") is a place.
        seen = labels.get(name, set())
        if " " in name and "PER" in seen:
            label = "PER"
        elif " " not in name and "LOC" in seen:
            label = "LOC"
        if name in places:
            label = "LOC"  # where things happen, not who acts
        if any(s < end and start < e for s, e in taken) or _heading_line(text, start, end):
            continue
        if label in {"PER", "ORG"} and not _name_like(name, persons + [
                text[s:e] for other, s, e in names if other.label_ in {"PER", "ORG"}]):
            continue
        actor = None
        government = _capital_as_government(ent, registry, on)
        if government is not None:
            found.append(Entity(start=start, end=end, text=name, label="GPE",
                                actor=government.id, actor_name=government.name))
            continue
        if label == "PER":
            actor = "local:" + slug(bare_name(_longest_variant(name, persons, prose)))
        elif label == "ORG":
            actor = "local:" + slug(name)
        found.append(Entity(start=start, end=end, text=name, label=label, actor=actor))
    return sorted(found, key=lambda e: e.start)


# "le Norvégien", "la Danoise": a nationality noun standing for a person named before.
_NATIONALITY_NOUN = re.compile(r"(?<![\w'’])(?:[Ll]e|[Ll]a) ([A-ZÉ][a-zéèëêïîôç]+(?:-[A-Za-zé]+)?)"
                               r"(?![\w-])(?!\s*,?\s+[A-Z])")


def _nationality_anaphora(text: str, found: list[Entity], registry: ActorRegistry
                          ) -> list[Entity]:
    """"le Norvégien" after Jens Stoltenberg was named: the last known person of that country
    named before it (a name right after the noun is an apposition, left to the name)."""
    taken = [(e.start, e.end) for e in found]
    people = sorted((e for e in found if e.label == "PER" and e.actor
                     and registry.get(e.actor) is not None), key=lambda e: e.start)
    anaphora: list[Entity] = []
    for match in _NATIONALITY_NOUN.finditer(text):
        state = registry.state_of_adjective(match.group(1))
        if state is None or any(s < match.end() and match.start() < e for s, e in taken):
            continue
        before = [e for e in people if e.end <= match.start()
                  and (registry.get(e.actor or "") or state).country == state.id]
        if before:
            person = before[-1]
            anaphora.append(Entity(start=match.start(), end=match.end(), text=match.group(0),
                                   label="PER", actor=person.actor,
                                   actor_name=person.actor_name))
    return anaphora


def _trimmed(text: str, ent: Span) -> tuple[int, int]:
    """The entity's offsets without the quotes the model sometimes takes in ('"Mark') and, for
    a person, without a lower-case title before the name ("maréchal Hussein Tantaoui")."""
    start, end = ent.start_char, ent.end_char
    while start < end and text[start] in _EDGE_PUNCTUATION:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCTUATION:
        end -= 1
    if ent.label_ == "PER":
        lead = re.match(r"(?:[a-zàâçéèêëîïôûù][\w'’-]*\s+)+(?=[A-ZÀ-Ý])", text[start:end])
        if lead:
            start += lead.end()
    return start, end


def _name_like(name: str, others: list[str]) -> bool:
    """Whether a person or organisation found by the model looks like a name: not lower-case
    ("ministère des Affaires étrangères" is no one in particular), and not a common word alone
    ("Constitution", "Frères", "Contactée") unless it is the end of a fuller name in the same
    article ("Clerc" after "Patrice Clerc")."""
    if not name[:1].isupper() or re.fullmatch(r"(?:Les?|La|L['’])\s*[^A-Z]*", name):
        return False  # "Le monde entier" opening a sentence
    if " " in name or name.isupper() or not _is_common_word(name):
        return True
    return any(other != name and other[:1].isupper() and other.endswith(" " + name)
               for other in others)


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Lemmas the French model's lemmatizer knows as nouns, verbs, adjectives or adverbs."""
    try:
        from filrouge.analyze.pipeline import load_model

        lemmatizer = load_model().get_pipe("lemmatizer")
        index = lemmatizer.lookups.get_table("lemma_index")  # type: ignore[attr-defined]
    except Exception:  # no model or no lookup table: keep every name
        return frozenset()
    return frozenset(w for pos in ("noun", "verb", "adj", "adv") for w in index.get(pos, []))


def _is_common_word(word: str) -> bool:
    lower = word.casefold()
    words = _common_words()
    forms = {lower, lower[:-1] if lower.endswith(("s", "x")) else lower}
    if lower.endswith(("ée", "és", "ées")):
        forms.add(lower.rstrip("s").rstrip("e")[:-1] + "er")  # "Contactée" → contacter
    return bool(forms & words)


def _first_names(text: str, found: list[Entity], registry: ActorRegistry) -> list[Entity]:
    """A first name alone ("« Mark est un vrai transatlantiste »") for the one registry person
    of that first name the article names in full; not when it opens another full name."""
    by_first: dict[str, set[str]] = {}
    for entity in found:
        actor = registry.get(entity.actor or "")
        if actor is not None and actor.type == "person" and len(actor.name.split()) > 1:
            by_first.setdefault(actor.name.split()[0], set()).add(actor.id)
    taken = [(e.start, e.end) for e in found]
    mentions: list[Entity] = []
    for first, ids in by_first.items():
        if len(ids) != 1 or not first[:1].isupper():
            continue
        (actor_id,) = ids
        actor = registry.get(actor_id)
        for match in re.finditer(rf"(?<![\w-]){re.escape(first)}(?![\w-])(?!\s+[A-ZÉ])", text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            if re.search(r"[A-ZÉ][\w-]*\s+$", text[max(0, match.start() - 30):match.start()]):
                continue  # the end of another name
            mentions.append(Entity(start=match.start(), end=match.end(), text=first,
                                   label="PER", actor=actor_id,
                                   actor_name=actor.name if actor else None))
    return mentions


def _capital_as_government(ent: Span, registry: ActorRegistry, on: str | None
                           ) -> Actor | None:
    """A capital after "à" that the registry left as a place, when the word governing "à"
    addresses a government ("le soutien à Kiev", "accorder à Madrid") rather than a place
    ("réunis à Kiev")."""
    if registry.kind_of(ent.text) != "capital":
        return None
    root = ent.root
    case = [t for t in root.children if t.dep_ == "case" and t.lower_ == "à"]
    if not case or root.head.lemma_.lower() not in registry.dative_heads:
        return None
    return registry.resolve(ent.text, on)


def _longest_variant(name: str, persons: list[str], prose: list[str] | None = None) -> str:
    """The fullest form of a person's name used in the same article ("Cavo Dragone" →
    "Giuseppe Cavo Dragone"; "M. Dragone" → the same). A single word may also be the first
    name ("Bachar" → "Bachar Al-Assad"), the family name written first ("M. Liu" → "Liu
    Jianchao") or the family name without its article ("Assad"), when one fuller name fits.
    When two fit, those of headings (``persons`` but not ``prose``: "Pharaon Moubarak") are
    left out; if two still fit, the name keeps its own form."""
    found = _fuller(name, persons)
    if found is None and prose is not None:
        found = _fuller(name, prose)
    return found or bare_name(name)


def _fuller(name: str, persons: list[str]) -> str | None:
    """The one fuller form of ``name`` among ``persons`` (or the name itself when none is
    fuller); None when two different people fit."""
    bare = bare_name(name)
    tail = bare.split()[-1]
    variants = [bare_name(p) for p in persons]
    longer = [p for p in variants if p != bare and p.split() and p.split()[-1] == tail
              and bare in p]
    if longer:
        fullest = max(longer, key=len)
        spelling = name_key(slug(fullest))
        if all(p in fullest or name_key(slug(p)) == spelling for p in longer):
            return fullest
        return None  # two people of that name in the article: Hosni and Gamal Moubarak
    if " " in bare:
        return bare
    key = _without_article(bare)
    fitting = {name_key(slug(p)): p for p in sorted(variants) if len(p.split()) > 1 and key in (
        _without_article(p.split()[0]), _without_article(p.split()[-1]))}
    return fitting.popitem()[1] if len(fitting) == 1 else None if fitting else bare


def _without_article(word: str) -> str:
    """"Al-Assad" → "Assad", "el-Sissi" → "Sissi"."""
    return re.sub(r"^(?:[AaEe]l|[Ee]d|[Aa]d)-", "", word)


def merge_name_variants(names: list[str]) -> dict[str, str]:
    """Across a corpus: each local person slug mapped to the slug of the person it names
    (filrouge.analyze.names: spellings of one name, shorter forms of one fuller name): "cavo-
    dragone" → "giuseppe-cavo-dragone", but "smith" stays when both "john-smith" and
    "jane-smith" exist."""
    return {m.source[len("local:"):]: m.target[len("local:"):]
            for m in plan_merges(Counter(names))}


def relink(article: Article, mapping: dict[str, str]) -> Article:
    """The article with its actor ids renamed by ``mapping`` wherever they appear."""
    def new(actor: str | None) -> str | None:
        return mapping.get(actor, actor) if actor else actor

    entities = [e.model_copy(update={"actor": new(e.actor)}) for e in article.entities]
    quotes = [q.model_copy(update={"speaker_actor": new(q.speaker_actor)})
              for q in article.quotes]
    events = [e.model_copy(update={"actors": [new(a) or a for a in e.actors],
                                   "targets": [new(t) or t for t in e.targets]})
              for e in article.events]
    return article.model_copy(update={"entities": entities, "quotes": quotes, "events": events})


def local_people_merges(articles: Iterable[Article]) -> list[Merge]:
    """The merges of local person ids that the corpus calls for, with their reasons: the local
    people with how often each is named, and the registry people with the names the corpus
    gives them (a local spelling of a registry name takes its id)."""
    counts: Counter[str] = Counter()
    known: dict[str, set[str]] = {}
    for article in articles:
        for e in article.entities:
            if e.label != "PER" or not e.actor:
                continue
            if e.actor.startswith("local:"):
                counts[e.actor[len("local:"):]] += 1
            else:
                known.setdefault(e.actor, set()).update(n for n in (e.actor_name, e.text) if n)
    return plan_merges(counts, known)


def merge_local_people(articles: list[Article]) -> dict[str, Article]:
    """Articles whose local person ids change when name variants are merged across the
    corpus, relinked (keyed by article id)."""
    mapping = {m.source: m.target for m in local_people_merges(articles)}
    changed: dict[str, Article] = {}
    for article in articles:
        ids = {e.actor for e in article.entities} | {q.speaker_actor for q in article.quotes}
        if ids & mapping.keys():
            changed[article.id] = relink(article, mapping)
    return changed


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
