"""Who a speaker phrase stands for: a named actor, the holder of a title, the antecedent of a
pronoun, or an unnamed source kept anonymous with its description.

The rules read the article the way a reader does:

- a name in the phrase wins ("le porte-parole du Kremlin, Dmitri Peskov" → Peskov);
- "il", "elle", "selon lui" and implicit subjects go to the subject of the nearest sentence
  before (a sentence whose subject is itself a pronoun passes the search on), or to the speaker
  of the last quote there; gender is checked where the text shows it (Mme, "la ministre");
  people named inside quotation marks are never antecedents;
- a title or a nationality ("le chef de l'État", "le vice-président", "le Norvégien") goes to
  the person the article introduced with it, or whose registry role or country fits;
- institutions ("le gouvernement britannique", "la présidence russe") go to their state or
  presidency; documents ("le texte", "le communiqué") are not speakers;
- unnamed sources ("un diplomate européen", "ce responsable", "le même diplomate") stay
  anonymous; a definite one takes the description of the anonymous source it points back to.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from filrouge.analyze.entities import EntityIndex
from filrouge.analyze.lexicons import anonymous_sources, quote_cues
from filrouge.model import Entity, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from filrouge.analyze.actors import ActorRegistry

_DETERMINERS = ("le ", "la ", "l'", "les ", "ce ", "cet ", "cette ", "ces ", "son ", "sa ",
                "ses ", "leur ", "un ", "une ", "des ", "de ", "d'")
_SINGULAR_PRONOUNS = {"il": "m", "elle": "f", "lui": "m", "lui-même": "m", "elle-même": "f"}
_PLURAL_PRONOUNS = {"ils", "elles", "eux", "eux-mêmes", "elles-mêmes"}
_DEMONSTRATIVES = {"ce", "c'", "cela", "ceci", "ça"}
_SUBJECT_DEPS = {"nsubj", "nsubj:pass"}
_WORD = re.compile(r"[\wÀ-ÿ'’-]+")


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker. ``actor`` is an actor id (registry or ``local:``); an anonymous
    source has no actor and a ``description``."""

    span: Span | None
    actor: str | None
    name: str | None
    anonymous: bool = False
    description: str | None = None
    gender: str | None = None  # "m", "f" or None when the text does not show it
    speaks: bool = True  # False for a document ("le texte") or the journalist ("j'")

    @property
    def known(self) -> bool:
        return self.actor is not None or self.anonymous


def fold(text: str) -> str:
    """Lower case, one kind of apostrophe, single spaces."""
    return " ".join(text.replace("’", "'").lower().split())


def strip_determiner(phrase: str) -> tuple[str, str]:
    """("le", "vice-président") from "le vice-président"; ("", phrase) without a determiner."""
    folded = fold(phrase)
    for determiner in _DETERMINERS:
        if folded.startswith(determiner):
            return determiner.strip(), folded[len(determiner):].strip()
    return "", folded


@lru_cache(maxsize=8)
def _state_adjectives(registry: ActorRegistry) -> dict[str, str]:
    """Nationality adjective or singular demonym → state id ("norvégien" → NOR)."""
    table: dict[str, str] = {}
    for actor in registry.actors.values():
        if actor.type != "state":
            continue
        for adjective in actor.adjectives:
            table.setdefault(fold(adjective), actor.id)
        for demonym in actor.demonyms:
            word = fold(demonym).removeprefix("les ")
            if " " not in word and word.endswith("s"):
                table.setdefault(word[:-1], actor.id)
    return table


def _title_stem(word: str) -> str:
    """A form shared by the masculine, feminine and plural of a title or an adjective, to
    compare "députée" with "député" or "allemande" with "allemand"."""
    for feminine, masculine in (("cheffe", "chef"), ("trice", "teur"), ("ière", "ier"),
                                ("euse", "eur"), ("enne", "en"), ("elle", "el")):
        if word.endswith(feminine):
            word = word[: -len(feminine)] + masculine
            break
    if len(word) > 3 and word.endswith("s"):
        word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def _stems(phrase: str) -> list[str]:
    return [_title_stem(w) for w in _WORD.findall(fold(phrase))]


def _content(stems: list[str]) -> set[str]:
    """Stems without the little words, to compare "ministère des affaires étrangères russe"
    with "ministère russe des affaires étrangères"."""
    return {s.split("'")[-1] for s in stems} - {"de", "du", "d", "la", "le", "l", "au",
                                                 "aux", "à", "et"}


# the rest of a hyphenated word a phrase was cut in: "-Sissi" after "al", "-Youm" after "al"
_HYPHENATED_REST = re.compile(r"[-‐‑][^\W\d_]+(?:[-‐‑'’][^\W\d_]+)*")


class SpeakerResolver:
    """Resolves speaker phrases over one article, remembering who spoke where."""

    def __init__(self, doc: Doc, entities: EntityIndex, on: str | None,
                 quoted: list[tuple[int, int]], sentence_starts: list[int],
                 paragraph_starts: list[int], text: str | None = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text  # the caller's copy: Doc.text is slow
        self.entities = entities
        self.on = on
        self.quoted = sorted(quoted)
        self._quoted_starts = [s for s, _e in self.quoted]
        self.sentence_starts = sentence_starts
        self.paragraph_starts = paragraph_starts
        self.history: list[tuple[int, Speaker]] = []
        # a name with a digit is a model or a code ("Boeing 737", "MD-83"), not a person
        self.people = [e for e in entities.entities
                       if e.label == "PER" and e.actor and not self.in_quote(e.start)
                       and not any(c.isdigit() for c in e.text)]
        self._people_starts = [e.start for e in self.people]
        self._gender_cache: dict[str, str | None] = {}
        self._descriptions: dict[int, list[str]] | None = None

    # -- bookkeeping ------------------------------------------------------------------------

    def in_quote(self, position: int) -> bool:
        index = bisect.bisect_right(self._quoted_starts, position) - 1
        return index >= 0 and self.quoted[index][0] <= position < self.quoted[index][1]

    def remember(self, position: int, speaker: Speaker) -> None:
        bisect.insort(self.history, (position, speaker), key=lambda h: h[0])

    def _sentence_index(self, position: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, position) - 1)

    def _paragraph_start(self, position: int) -> int:
        index = bisect.bisect_right(self.paragraph_starts, position) - 1
        return self.paragraph_starts[index] if index >= 0 else 0

    # -- the entry point ----------------------------------------------------------------------

    def resolve(self, start: int, end: int, position: int) -> Speaker:
        """The speaker named by ``text[start:end]``, for a statement at ``position``."""
        start, end = self._cover_names(start, end)
        span = Span.of(self.text, start, end)
        cues = quote_cues()
        lowered = fold(span.text).lstrip("-").removeprefix("t-")
        if lowered in _SINGULAR_PRONOUNS:
            found = self.antecedent(position, _SINGULAR_PRONOUNS[lowered])
            return Speaker(span, found.actor, found.name, found.anonymous, found.description,
                           found.gender or _SINGULAR_PRONOUNS[lowered])
        if lowered in _PLURAL_PRONOUNS:
            group = self._plural_antecedent(position)
            return Speaker(span, group.actor, group.name, group.anonymous, group.description)
        if lowered in cues.first_person or lowered in _DEMONSTRATIVES:
            # the journalist; or a clause ("ce qui explique le choix « par défaut »"): no one
            return Speaker(span, None, None, speaks=False)
        named = self.entities.best_actor(start, end)
        if named is not None and named.label == "PER" and named.text[:1].islower() and \
                (named.actor or "").startswith("local:"):
            named = None  # the tagger took "ministre de l'Économie" for a name
        if named is not None and named.label == "PER" and _in_complement(
                self.text[start:named.start]):
            # "l'émissaire de Donald Trump": the envoy speaks, not Trump
            named = next((e for e in self.entities.within(start, end) if e.actor and
                          e.label != "PER" and e.start < named.start), None)
        anonymous = self._anonymous_description(span.text, self.text[end:end + 80])
        if anonymous is not None and (named is None or named.label != "PER"):
            return Speaker(span, None, None, True, anonymous)
        if named is not None and named.label == "PER":
            return Speaker(span, named.actor, named.actor_name or named.text, False, None,
                           self.gender_of(named))
        determiner, rest = strip_determiner(span.text)
        head = rest.split()[0] if rest.split() else ""
        if head in cues.not_speakers or set(rest.split()[:2]) & cues.not_speakers:
            return self._wrapped_source(span, named)  # "le texte", "de premières estimations"
        if determiner in {"son", "sa", "leur"} and head in cues.institution_heads:
            country = self._country_of_antecedent(position)  # "son ministère"
            if country is not None:
                return Speaker(span, country, self._actor_name(country))
        institution = self._institution(rest, named)
        if institution is not None:
            return Speaker(span, institution, self._actor_name(institution))
        definite = determiner in {"le", "la", "l'", "ce", "cet", "cette"}
        demonym = definite and " " not in rest and rest in _state_adjectives(
            self.entities.registry)  # "le Norvégien"
        titled = demonym or (_is_title(rest) and (
            definite or (not determiner and span.text[:1].isupper())))
        if titled:  # "le chef de l'État", "Chef de l'État" in translated copy
            holder = self.title_holder(rest, position)
            if holder is not None:
                return Speaker(span, holder.actor, holder.actor_name or holder.text, False,
                               None, self.gender_of(holder) or _phrase_gender(span.text))
        if named is not None:
            return Speaker(span, named.actor, named.actor_name or named.text)
        if titled and not re.search(r"\b(?:d'un|d'une|de l'un|des|un|une)\b", rest):
            # "L'ancien ministre russe de la Culture" just after the man was named: the title
            # points back like a pronoun
            found = self.antecedent(position, _phrase_gender(span.text))
            if found.actor is not None and self._is_person(found.actor) and \
                    not self._described_otherwise(found.actor, rest):
                return Speaker(span, found.actor, found.name, False, None, found.gender)
        if determiner and determiner not in {"les", "ces", "leur"}:
            unnamed = self._unnamed(determiner, rest, position)
            if unnamed is not None:
                return Speaker(span, None, None, True, unnamed)
        return Speaker(span, None, span.text)

    def _cover_names(self, start: int, end: int) -> tuple[int, int]:
        """Widen a phrase cut inside a name ("Vladimir" of "Vladimir Poutine", when the parse
        split the name) to the whole mention."""
        for entity in self.entities.entities:
            if entity.start >= end:
                break
            if entity.end > start and entity.label == "PER" and (
                    entity.start < start or entity.end > end):
                start, end = min(start, entity.start), max(end, entity.end)
            elif start <= entity.start < end < entity.end:
                end = entity.end  # "le quotidien Al" of "le quotidien Al-Masry al-Youm"
        cut = _HYPHENATED_REST.match(self.text, end)
        if cut is not None and end > 0 and self.text[end - 1].isalpha():
            end = cut.end()  # "du général al" of "du général al-Sissi": the word goes on
        return start, end

    def implicit(self, position: int) -> Speaker:
        """The speaker of a statement without a subject ("Et d'ajouter : « … »")."""
        found = self.antecedent(position, None)
        return Speaker(None, found.actor, found.name, found.anonymous, found.description,
                       found.gender)

    # -- pronouns -----------------------------------------------------------------------------

    def antecedent(self, position: int, gender: str | None) -> Speaker:
        """What "il"/"elle" at ``position`` stands for: walking back sentence by sentence in
        this paragraph and the one before, the first sentence with a person (or an anonymous
        source) as subject or as the speaker of a quote; a sentence whose subject is a pronoun
        passes the search on. Then the last speaker, then the last person named."""
        paragraph = self._paragraph_start(position)
        floor = self._paragraph_start(max(0, paragraph - 1)) if paragraph > 0 else 0
        index = self._sentence_index(position)
        fallback: Speaker | None = None
        crossed = False
        while index >= 0:
            start = self.sentence_starts[index]
            if start < floor:
                break
            end = self.sentence_starts[index + 1] if index + 1 < len(self.sentence_starts) \
                else len(self.text)
            end = min(end, position)
            if start < paragraph:
                crossed = True
            found = self._sentence_subject(start, end, gender, prefer_speaker=crossed)
            if found is not None:
                return self._topic_over(found, position, gender) if crossed else found
            if fallback is None:
                named = [e for e in self._people_between(start, end)
                         if self._compatible(e, gender)]
                if named:
                    fallback = self._from_entity(named[-1])
            index -= 1
        if fallback is not None:
            return fallback
        for at, speaker in reversed(self.history):
            if at < position and at >= floor and (speaker.actor or speaker.anonymous) and \
                    _gender_ok(speaker.gender, gender):
                return speaker
        person = next((e for e in reversed(self._people_between(0, position))
                       if self._compatible(e, gender)), None)
        return self._from_entity(person) if person is not None else Speaker(None, None, None)

    def _topic_over(self, found: Speaker, position: int, gender: str | None) -> Speaker:
        """A pronoun whose paragraph names nobody before it, where the paragraph before only
        offers an unnamed source: when the article is about one person (named twice or more),
        the pronoun keeps to that person (a portrait's "il" after a quoted witness)."""
        if found.actor is not None and not found.anonymous:
            return found
        counts: dict[str, int] = {}
        entity_of: dict[str, Entity] = {}
        for entity in self._people_between(0, position):
            if entity.actor and self._compatible(entity, gender):
                counts[entity.actor] = counts.get(entity.actor, 0) + 1
                entity_of[entity.actor] = entity
        if not counts:
            return found
        topic = max(counts, key=lambda actor: counts[actor])
        if topic != found.actor and counts[topic] >= 2 and \
                counts[topic] >= 2 * counts.get(found.actor or "", 0):
            return self._from_entity(entity_of[topic])
        return found

    def _sentence_subject(self, start: int, end: int, gender: str | None,
                          prefer_speaker: bool) -> Speaker | None:
        spoken = [s for at, s in self.history if start <= at < end
                  and (s.anonymous or self._is_person(s.actor)) and _gender_ok(s.gender, gender)]
        subjects = [e for e in self._people_between(start, end)
                    if self._is_subject(e) and self._compatible(e, gender)]
        if spoken:
            return spoken[-1]
        if subjects:
            return self._from_entity(subjects[0])
        return None

    def _plural_antecedent(self, position: int) -> Speaker:
        """"ils"/"elles": the last group or state named as a subject, else the last one named."""
        paragraph = self._paragraph_start(position)
        candidates = [e for e in self.entities.within(paragraph, position)
                      if e.actor and e.label in {"ORG", "GPE", "MISC"}
                      and not self.in_quote(e.start)]
        subjects = [e for e in candidates if self._is_subject(e)]
        pool = subjects or candidates
        chosen = pool[-1] if pool else None
        if chosen is None or chosen.actor is None:
            return Speaker(None, None, None)
        return Speaker(None, chosen.actor, chosen.actor_name or chosen.text)

    def _people_between(self, start: int, end: int) -> list[Entity]:
        lo = bisect.bisect_left(self._people_starts, start)
        hi = bisect.bisect_left(self._people_starts, end)
        return self.people[lo:hi]

    def _is_subject(self, entity: Entity) -> bool:
        """Whether the mention is the subject of its clause, directly, in apposition to the
        subject ("Le ministre allemand, Boris Pistorius, a répliqué"), or inside a subject
        noun phrase with a title ("Le Premier ministre tchèque Petr Fiala défend")."""
        span = self.doc.char_span(entity.start, entity.end, alignment_mode="expand")
        if span is None:
            return False
        token = span.root
        for _step in range(3):
            if token.dep_ in _SUBJECT_DEPS:
                return True
            juxtaposed = token.dep_ == "nmod" and not any(c.dep_ == "case"
                                                          for c in token.children)
            # "Le ministre allemand, Boris Pistorius, a répliqué": the parser often reads the
            # name after the comma as a conjunct; with no "et"/"ou" it is an apposition.
            apposed = token.dep_ == "conj" and not any(c.dep_ == "cc" for c in token.children)
            if not (token.dep_ in {"appos", "flat:name", "flat", "compound"} or juxtaposed
                    or apposed) or \
                    token.head is token:
                return False  # "l'émissaire de Donald Trump": Trump is not the subject
            token = token.head
        return False

    def _compatible(self, entity: Entity, gender: str | None) -> bool:
        return _gender_ok(self.gender_of(entity), gender)

    def _is_person(self, actor: str | None) -> bool:
        if actor is None:
            return False
        if actor.startswith("local:"):
            return True
        known = self.entities.registry.get(actor)
        return known is not None and known.type == "person"

    def _from_entity(self, entity: Entity) -> Speaker:
        return Speaker(None, entity.actor, entity.actor_name or entity.text, False, None,
                       self.gender_of(entity))

    def _actor_name(self, actor_id: str) -> str:
        known = self.entities.registry.get(actor_id)
        return known.name if known is not None else actor_id

    # -- gender -------------------------------------------------------------------------------

    def gender_of(self, entity: Entity) -> str | None:
        """The gender the article shows for a person: "Mme", "la ministre" or "M.", "le
        président" written before any mention of them. First names are not guessed."""
        if entity.actor is None:
            return None
        if entity.actor not in self._gender_cache:
            seen: set[str] = set()
            cues = quote_cues()
            for mention in self.entities.entities:
                if mention.actor != entity.actor:
                    continue
                before = fold(self.text[max(0, mention.start - 40):mention.start])
                words = fold(mention.text)
                for marker in cues.feminine_markers:
                    if before.endswith(marker) or words.startswith(marker + " ") or \
                            re.search(rf"(?:^|[\s,]){re.escape(marker)}\s+(?:[\w-]+\s+)?$",
                                      before):
                        seen.add("f")
                for marker in cues.masculine_markers:
                    if before.endswith(marker) or words.startswith(marker + " ") or \
                            re.search(rf"(?:^|[\s,]){re.escape(marker)}\s+(?:[\w-]+\s+)?$",
                                      before):
                        seen.add("m")
                article = re.search(r"(?:^|[\s,(])(le|la)\s+[\w-]+(?:\s+[\w-]+)?\s+$", before)
                if article and not re.search(r"\b(?:de|du|des|d')\s", before[article.end(1):]):
                    seen.add("m" if article.group(1) == "le" else "f")  # "le pape Benoît XVI"
            self._gender_cache[entity.actor] = seen.pop() if len(seen) == 1 else None
        return self._gender_cache[entity.actor]

    # -- titles -------------------------------------------------------------------------------

    def title_holder(self, title: str, position: int) -> Entity | None:
        """The person a definite title or nationality stands for, among the people of the
        article: nearest mention before ``position`` first, else the first one after."""
        words = title.split()
        if not words:
            return None
        for cut in (" qui ", " dont ", " que ", " qu'", ","):
            title = title.split(cut)[0]
        title = title.strip()
        cues = quote_cues()
        adjectives = _state_adjectives(self.entities.registry)
        if len(title.split()) == 1 and title in adjectives and title not in cues.titles:
            country = adjectives[title]
            return self._nearest(position, lambda e: self._country_of(e) == country)
        if not any(title == t or title.startswith(t + " ") or
                   title.startswith(("ancien ", "ancienne ", "nouveau ", "nouvelle ", "même ",
                                     "futur ", "future ", "haut ", "haute "))
                   for t in cues.titles):
            return None
        title = re.sub(r"^(?:même|nouveau|nouvelle|futur|future)\s+", "", title)
        by_role = self._nearest(position, lambda e: self._holds(e, title))
        if by_role is not None:
            return by_role
        described = self._nearest(position, lambda e: self._described_as(e, title))
        if described is not None:
            return described
        return self._registry_holder(title, position)

    def _registry_holder(self, title: str, position: int) -> Entity | None:
        """The one registry person holding the office on the article's date, when the
        article does not name them ("la porte-parole du ministère russe des Affaires
        étrangères")."""
        holders = []
        for actor in self.entities.registry.actors.values():
            if actor.type != "person" or not actor.roles:
                continue
            probe = Entity(start=position, end=position, text=actor.name, label="PER",
                           actor=actor.id, actor_name=actor.name)
            if self._holds(probe, title):
                holders.append(probe)
        return holders[0] if len(holders) == 1 else None

    def _nearest(self, position: int, test: object) -> Entity | None:
        assert callable(test)
        before = [e for e in self._people_between(0, position) if test(e)]
        if before:
            return before[-1]
        after = [e for e in self._people_between(position, len(self.text)) if test(e)]
        return after[0] if after else None

    def _country_of(self, entity: Entity) -> str | None:
        known = self.entities.registry.get(entity.actor or "")
        if known is not None and known.country:
            return known.country
        adjectives = _state_adjectives(self.entities.registry)
        for description in self.descriptions().get(entity.start, []):
            for word in description.split():
                if word in adjectives:
                    return adjectives[word]
        return None

    def _holds(self, entity: Entity, title: str) -> bool:
        """Whether a registry person held, on the article's date, a role whose title is
        ``title`` or ``title`` qualified ("chef de l'état" → "chef de l'état français")."""
        known = self.entities.registry.get(entity.actor or "")
        if known is None or not known.roles:
            return False
        wanted = _stems(title)
        for role in known.roles:
            have = _stems(role.title)
            same_words = have[:1] == wanted[:1] and _content(wanted) <= _content(have)
            if (have[:len(wanted)] == wanted or same_words) and known.held(role.title, self.on):
                return True
        return False

    def _described_as(self, entity: Entity, title: str) -> bool:
        """Whether the article introduced this mention with the title: "le vice-président
        américain JD Vance", "Boris Pistorius, le ministre allemand de la Défense"."""
        wanted = _stems(title)
        synonyms = {" ".join(_stems(k)): v for k, v in quote_cues().title_synonyms.items()}
        alternatives = [wanted] + [_stems(s) for s in synonyms.get(" ".join(wanted), ())]
        for description in self.descriptions().get(entity.start, []):
            have = _stems(description)
            for option in alternatives:
                if not option or not have:
                    continue
                if have[:len(option)] == option or (
                        have[0] == option[0] and set(option[1:]) <= set(have[1:])):
                    return True
        return False

    def _described_otherwise(self, actor: str, title: str) -> bool:
        """Whether the article gave this person another title ("la ministre de l'Économie"
        is not "le premier ministre")."""
        mentions = [e for e in self.people if e.actor == actor]
        titled = [d for e in mentions for d in self.descriptions().get(e.start, []) if _is_title(d)]
        return bool(titled) and not any(self._described_as(e, title) for e in mentions)

    def descriptions(self) -> dict[int, list[str]]:
        """For each person mention (by start), the noun phrases the article attaches to it:
        the title before the name and appositions before or after it."""
        if self._descriptions is None:
            self._descriptions = {}
            for entity in self.people:
                found: list[str] = []
                before = self.text[max(0, entity.start - 90):entity.start]
                if before.rstrip().endswith(","):  # "Le ministre de la Défense, Boris P."
                    chunk = re.split(r"[.;:!?«»()\n]|,", before.rstrip()[:-1])[-1]
                    found.append(chunk)
                else:
                    chunk = re.split(r"[.;:!?«»()\n,]", before)[-1]
                    found.append(chunk)
                after = re.match(r"\s*,\s*([^,.;:()«»\n]{2,90})[,.;)]", self.text[entity.end:])
                if after:
                    found.append(after.group(1))
                cleaned = []
                for chunk in found:
                    _det, rest = strip_determiner(_from_first_determiner(chunk))
                    if rest:
                        cleaned.append(rest)
                self._descriptions[entity.start] = cleaned
        return self._descriptions

    # -- institutions, documents and unnamed sources -------------------------------------------

    def _institution(self, rest: str, named: Entity | None) -> str | None:
        """"le gouvernement britannique" → GBR, "la présidence russe" → KREMLIN."""
        words = rest.split()
        cues = quote_cues()
        if not words or words[0] not in cues.institution_heads:
            return None
        adjectives = _state_adjectives(self.entities.registry)
        country = next((adjectives[w] for w in words[1:] if w in adjectives), None)
        if country is None and named is not None and named.label == "GPE":
            country = named.actor
        if country is None:
            return None
        if words[0] == "présidence":
            presidency = cues.presidencies.get(country)
            if presidency and self.entities.registry.get(presidency) is not None:
                return presidency
        return country

    def _country_of_antecedent(self, position: int) -> str | None:
        """The state of the person a possessive points to ("son ministère")."""
        found = self.antecedent(position, None)
        if found.actor is None:
            return None
        known = self.entities.registry.get(found.actor)
        if known is not None and known.type == "state":
            return known.id
        return known.country if known is not None else None

    def _wrapped_source(self, span: Span, named: Entity | None) -> Speaker:
        """"le communiqué du Kremlin" speaks for the Kremlin; "le texte" alone for nobody."""
        if named is not None and named.actor:
            return Speaker(span, named.actor, named.actor_name or named.text)
        return Speaker(span, None, None, speaks=False)

    def _anonymous_description(self, speaker: str, after: str) -> str | None:
        lexicon = anonymous_sources()
        lowered = fold(speaker)
        words = lowered.split()
        if not words:
            return None
        marked = any(marker in f"{lowered} {fold(after)}" for marker in lexicon.markers)
        indefinite = next((i for i in sorted(lexicon.indefinite, key=len, reverse=True)
                           if lowered.startswith(i + " ")), None)
        has_head = any(w.strip(",.") in lexicon.heads for w in words)
        if indefinite and not has_head:
            # "un général", "une jeune activiste", "un ministre": any person or title
            rest = lowered[len(indefinite):].split()
            people = lexicon.people | {t for t in quote_cues().titles if " " not in t}
            has_head = any(w.strip(",.") in people or _title_stem(w) in {
                _title_stem(p) for p in people} for w in rest[:3])
        if indefinite and has_head:
            return lowered[len(indefinite):].strip()
        if marked and has_head:
            return strip_determiner(lowered)[1] or lowered
        return None

    def _unnamed(self, determiner: str, rest: str, position: int) -> str | None:
        """A definite unnamed source: "ce responsable", "le même diplomate", "l'officiel"
        point back to the last anonymous source with that head noun; "le directeur d'une
        PME" or "l'entourage présidentiel" is a source the reader cannot identify."""
        lexicon = anonymous_sources()
        words = rest.split()
        if words and words[0] == "même":
            words = words[1:]
        if not words:
            return None
        head = words[0] if words[0] not in {"haut", "haute", "ancien", "ancienne"} \
            or len(words) == 1 else words[1]
        if head not in lexicon.heads and head not in lexicon.people:
            return None
        stem = _title_stem(head.rstrip("s"))
        for at, speaker in reversed(self.history):
            if at < position and speaker.anonymous and speaker.description and \
                    stem in {_title_stem(w.rstrip("s")) for w in speaker.description.split()}:
                return speaker.description
        return " ".join(words)


def _from_first_determiner(chunk: str) -> str:
    """The noun phrase in ``chunk``: from its first determiner on ("16h20 — Le Premier
    ministre tchèque" → "Le Premier ministre tchèque")."""
    found = re.search(r"(?:^|\s)(le|la|les|l['’]|un|une)(?:\s|(?<=['’]))", chunk,
                      re.IGNORECASE)
    return chunk[found.start():].strip() if found else chunk.strip()


def _is_title(phrase: str) -> bool:
    """Whether a phrase (without its determiner) starts with a title ("ancien ministre …")."""
    folded = re.sub(r"^(?:(?:ancien|ancienne|nouveau|nouvelle|futur|future|même)\s+|ex-)",
                    "", fold(phrase))
    return any(folded == t or folded.startswith(t + " ") for t in quote_cues().titles)


def _in_complement(before: str) -> bool:
    """Whether a name standing after ``before`` is the complement of a noun ("le conseiller
    de …", "l'émissaire de Donald Trump pour …") rather than the head of the phrase."""
    folded = fold(before)
    return bool(folded) and bool(re.search(r"\w\s+(?:de|d'|du|des|auprès de|pour|par|chez)\s*$",
                                           folded))


def _phrase_gender(phrase: str) -> str | None:
    folded = fold(phrase)
    cues = quote_cues()
    if any(folded.startswith(m) for m in cues.feminine_markers):
        return "f"
    if any(folded.startswith(m) for m in cues.masculine_markers):
        return "m"
    return None


def _gender_ok(have: str | None, wanted: str | None) -> bool:
    return have is None or wanted is None or have == wanted
