"""Actors: one id per real-world entity, whatever name, alias, capital or title the text uses.

The registry is a data file (``data/actors.json``) that users can extend with their own file.
Matching is a longest-match scan over the text with one compiled pattern; titles ("le secrétaire
général de l'Otan") resolve to the person who held the office on the article's date.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from filrouge.model import Entity

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'"})
# A capital is a place, not a government, right after these words ("à Moscou", "depuis Kiev").
_PLACE_PREPOSITIONS = ("à", "depuis", "vers", "jusqu'à", "près de", "sommet de", "rencontre de")
# A title without its article refers to its holder only after a contracted article ("l'accolade
# du Premier ministre britannique"); otherwise it is predicative or qualified ("comme prochain
# secrétaire général", "l'ancien président russe", "aucun président américain").
_CONTRACTED = re.compile(r"(?:^|[\s(«\"'’])(?:du|au)\s+$", re.IGNORECASE)
# Between a title and the name it stands beside ("le Premier ministre néerlandais sortant, Mark
# Rutte"; "Dmitri Peskov, le porte-parole du Kremlin").
_TITLE_THEN_NAME = re.compile(
    r"^(?:\s+(?:sortant|sortante|actuel|actuelle|lui-même|elle-même))?\s*,?\s*$")
_NAME_THEN_TITLE = re.compile(r"^\s*[,(]\s*$")


def fold_key(text: str) -> str:
    """Lookup key for an alias: apostrophes unified, spaces collapsed, NFC."""
    folded = unicodedata.normalize("NFC", text.translate(_APOSTROPHES))
    return " ".join(folded.split())


@dataclass(frozen=True)
class Role:
    title: str
    start: str | None
    end: str | None


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    capitals: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    country: str | None = None
    part_of: str | None = None
    roles: tuple[Role, ...] = ()
    # buildings that stand for their occupant ("l'Élysée a démenti") but are places after "à"
    seats: tuple[str, ...] = ()
    # phrases naming a state's government, kept whole with their article ("le gouvernement
    # britannique", "les autorités ukrainiennes")
    bodies: tuple[str, ...] = ()

    def held(self, role_key: str, on: str | None) -> bool:
        """Whether this person held the office ``role_key`` on the ISO date ``on``."""
        for role in self.roles:
            if fold_key(role.title).casefold() != role_key.casefold():
                continue
            if on is None:
                return False  # with no date, "le président" could be any holder: no guess
            if (role.start is None or role.start <= on) and (role.end is None or on < role.end):
                return True
        return False


@dataclass
class _Entry:
    """What one surface form can refer to."""

    kind: str  # alias | capital (or seat) | demonym | role | body
    actors: list[Actor] = field(default_factory=list)


class ActorRegistry:
    """All known actors and a matcher over their surface forms."""

    def __init__(self, actors: Iterable[Actor], dative_heads: Iterable[str] = ()) -> None:
        self.actors: dict[str, Actor] = {}
        # lemmas after which "à <capital>" names a government, not a place
        self.dative_heads = frozenset(dative_heads)
        self._forms: dict[str, _Entry] = {}
        self._adjectives: dict[str, Actor] | None = None
        for actor in actors:
            self.add(actor)
        self._pattern: re.Pattern[str] | None = None

    def add(self, actor: Actor) -> None:
        self.actors[actor.id] = actor
        self._pattern = None
        self._adjectives = None
        for kind, forms in (
            ("alias", actor.aliases),
            ("capital", actor.capitals + actor.seats),
            ("demonym", actor.demonyms),
            ("role", tuple(r.title for r in actor.roles)),
            ("body", actor.bodies),
        ):
            for form in forms:
                self._register(form, kind, actor)
                if form.startswith(_ARTICLES) and form[0].islower():
                    # "les alliés" opens a sentence as "Les alliés"
                    self._register(form[0].upper() + form[1:], kind, actor)
                if form.startswith(("les ", "Les ")) and kind in {"alias", "demonym"}:
                    # "des Alliés", "aux Ukrainiens": the article is inside de/à + les
                    for contracted in ("des ", "aux ", "Aux "):  # "Des …" opens: indefinite
                        self._register(contracted + form[4:], kind, actor)
                if kind in {"role", "body"} and not form.startswith(_ARTICLES):
                    # Titles come with an article in running text, capitalised at sentence start.
                    for article in _title_articles(form, kind):
                        self._register(article + form, kind, actor)

    def _register(self, form: str, kind: str, actor: Actor) -> None:
        for variant in _spellings(form, kind):
            entry = self._forms.setdefault(fold_key(variant), _Entry(kind))
            if actor not in entry.actors:
                entry.actors.append(actor)

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._pattern is None:
            alternatives = _trie_alternatives(self._forms)
            self._pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")
        return self._pattern

    def _article_to_trim(self, surface: str, kind: str, actor: Actor) -> int:
        """How many leading characters are a determiner outside the name: the mention of
        "l'Ukraine" is "Ukraine" when "Ukraine" alone names the same actor. A title keeps its
        article ("le secrétaire général"), and so does a name that needs it ("l'Alliance")."""
        if kind in {"role", "body"}:
            return 0
        if surface[:4].casefold() in {"des ", "aux "}:
            return 4
        for article in _ARTICLES:
            if surface.startswith(article):
                rest = self._forms.get(fold_key(surface[len(article):]))
                if rest is not None and rest.kind != "role" and rest.actors == [actor]:
                    return len(article)
        return 0

    def kind_of(self, surface: str) -> str | None:
        entry = self._forms.get(fold_key(surface))
        return entry.kind if entry else None

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def state_of_adjective(self, word: str) -> Actor | None:
        """The state a nationality adjective or noun names ("norvégien", "Norvégienne")."""
        if self._adjectives is None:
            self._adjectives = {a.casefold(): actor for actor in self.actors.values()
                                if actor.type == "state" for a in actor.adjectives}
        return self._adjectives.get(word.casefold())

    def resolve(self, surface: str, on: str | None = None) -> Actor | None:
        """The actor a surface form names on a date, or None when unknown or ambiguous."""
        entry = self._forms.get(fold_key(surface))
        if entry is None:
            return None
        if entry.kind != "role":
            return entry.actors[0] if len(entry.actors) == 1 else None
        title = _strip_article(fold_key(surface))
        holders = [a for a in entry.actors if a.held(title, on)]
        return holders[0] if len(holders) == 1 else None

    def find(self, text: str, on: str | None = None,
             people: Iterable[tuple[int, int]] = ()) -> list[Entity]:
        """Every registry actor mentioned in ``text``, longest match first, no overlaps.

        A title standing on its own ("le porte-parole du Kremlin a démenti") is one mention, of
        whoever held the office on ``on``. A title beside a person's name ("le porte-parole du
        Kremlin, Dmitri Peskov"; ``people`` adds the spans of names the registry does not know)
        or used without reference ("comme prochain secrétaire général de l'Alliance") is no
        mention: the name is, and so is an actor named inside the title (the Kremlin)."""
        found = self._find(text, on)
        names = sorted({(e.start, e.end) for e in found if _label_for_id(self, e.actor) == "PER"
                        and self.kind_of(e.text) not in {"role", "body"}} | set(people))
        kept: list[Entity] = []
        for entity in found:
            if self.kind_of(entity.text) != "role" or self._refers(text, entity, names):
                kept.append(entity)
                continue
            for word in re.finditer(r"(?<![\w'’-])\w", entity.text):
                if word.start() == 0:
                    continue
                rest = entity.text[word.start():]
                inner = self._find(rest, on, offset=entity.start + word.start(), roles=False)
                skipped = rest[:inner[0].start - entity.start - word.start()] if inner else "-"
                if inner and skipped in {"", *_ARTICLES} and (
                        self.kind_of(inner[0].text) != "body"):
                    kept.append(inner[0])
                    break
        return sorted(kept, key=lambda e: (e.start, -e.end))

    def _refers(self, text: str, title: Entity, names: list[tuple[int, int]]) -> bool:
        """Whether a title found in ``text`` refers on its own to its holder."""
        if not title.text.startswith(_ARTICLES) and not _CONTRACTED.search(
                text[max(0, title.start - 12):title.start]):
            return False
        for start, end in names:
            if start >= title.end and _TITLE_THEN_NAME.match(text[title.end:start]):
                return False
            if end <= title.start and _NAME_THEN_TITLE.match(text[end:title.start]):
                return False
        return True

    def _find(self, text: str, on: str | None, offset: int = 0, roles: bool = True
              ) -> list[Entity]:
        found: list[Entity] = []
        for match in self.pattern.finditer(text):
            surface = match.group(0)
            entry = self._forms[fold_key(surface)]
            if entry.kind == "capital" and _preceded_by_place_word(text, match.start()):
                continue
            if entry.kind == "role" and not roles:
                continue
            actor = self.resolve(surface, on)
            if actor is None:
                continue
            start = match.start() + self._article_to_trim(surface, entry.kind, actor)
            found.append(
                Entity(
                    start=offset + start,
                    end=offset + match.end(),
                    text=text[start:match.end()],
                    label=_label_for(actor),
                    actor=actor.id,
                    actor_name=actor.name,
                )
            )
        return found


_ARTICLES = ("les ", "le ", "la ", "l'", "l’", "Les ", "Le ", "La ", "L'", "L’")


def _trie_alternatives(forms: Iterable[str]) -> str:
    """All forms as one regular expression factored by common prefix, which tries the longest
    form first as the flat alternation sorted by length did. With hundreds of forms the flat
    alternation made the regex engine try every form at every position of the text."""
    root: dict[str, Any] = {}
    for form in forms:
        node = root
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [("['’ʼ]" if char == "'" else re.escape(char)) + emit(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


def _strip_article(form: str) -> str:
    for article in ("le ", "la ", "l'"):
        if form.casefold().startswith(article):
            return form[len(article):]
    return form


def _preceded_by_place_word(text: str, start: int) -> bool:
    before = text[max(0, start - 20):start].translate(_APOSTROPHES).rstrip().casefold()
    return any(before.endswith(word) for word in _PLACE_PREPOSITIONS)


_UNACCENTED_CAPITALS = str.maketrans("ÉÈÊËÀÂÎÏÔÛÜÇ", "EEEEAAIIOUUC")
_SMALL_WORDS = frozenset({"de", "du", "des", "la", "le", "les", "et", "d'", "l'", "à", "au",
                          "aux", "sur", "pour", "en"})


def _spellings(form: str, kind: str) -> tuple[str, ...]:
    """A name as the press also writes it: capitals without their accent ("Egypte", "Etats-
    Unis"), and every word of a place or an organisation capitalised ("Arabie Saoudite")."""
    forms = [form, form.translate(_UNACCENTED_CAPITALS)]
    if kind in {"alias", "capital"} and " " in form:
        words = form.split(" ")
        titled = " ".join(w if w in _SMALL_WORDS or not w[:1].isalpha() else w[:1].upper() + w[1:]
                          for w in words)
        forms += [titled, titled.translate(_UNACCENTED_CAPITALS)]
    return tuple(dict.fromkeys(forms))


def _title_articles(form: str, kind: str) -> tuple[str, ...]:
    """Determiners a title or body takes in running text: "les autorités …" is plural."""
    if kind == "body" and form.split()[0].endswith(("s", "x")):
        return ("les ", "Les ")
    if form[:1].casefold() in "aeiouyéèêh":
        return ("l'", "L'")
    return ("le ", "la ", "Le ", "La ")


def _label_for_id(registry: ActorRegistry, actor_id: str | None) -> str | None:
    actor = registry.get(actor_id) if actor_id else None
    return _label_for(actor) if actor else None


def _label_for(actor: Actor) -> str:
    return {"state": "GPE", "person": "PER", "organisation": "ORG", "institution": "ORG"}.get(
        actor.type, "MISC"
    )


def _actor_from_json(raw: dict[str, object]) -> Actor:
    def strings(key: str) -> tuple[str, ...]:
        value = raw.get(key) or []
        assert isinstance(value, list)
        return tuple(str(v) for v in value)

    roles_raw = raw.get("roles") or []
    assert isinstance(roles_raw, list)
    roles = tuple(
        Role(title=str(r["title"]), start=r.get("from"), end=r.get("to")) for r in roles_raw
    )
    return Actor(
        id=str(raw["id"]),
        name=str(raw["name"]),
        type=str(raw["type"]),
        aliases=strings("aliases"),
        capitals=strings("capitals"),
        demonyms=strings("demonyms"),
        adjectives=strings("adjectives"),
        country=str(raw["country"]) if raw.get("country") else None,
        part_of=str(raw["part_of"]) if raw.get("part_of") else None,
        roles=roles,
        seats=strings("seats"),
        bodies=strings("bodies"),
    )


class ActorFileError(ValueError):
    """A user's actor file that cannot be read, with what is wrong and where."""


def load_actor_file(path: Path) -> list[Actor]:
    """Read an actor file (``{"actors": [...]}``), the same format as the bundled registry."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ActorFileError(f"{path}: not a readable JSON file ({error})") from error
    if not isinstance(data, dict) or not isinstance(data.get("actors"), list):
        raise ActorFileError(f'{path}: expected {{"actors": [...]}}, as in the bundled '
                             "src/filrouge/data/actors.json")
    actors = []
    for number, item in enumerate(data["actors"], 1):
        missing = [k for k in ("id", "name", "type")
                   if not isinstance(item, dict) or not item.get(k)]
        if missing:
            raise ActorFileError(f"{path}: actor #{number} lacks {', '.join(missing)}")
        try:
            actors.append(_actor_from_json(item))
        except (AssertionError, KeyError, TypeError, AttributeError) as error:
            raise ActorFileError(f"{path}: actor #{number} ({item.get('id')}) is malformed: "
                                 f"{error!r}") from error
    return actors


def _uninvert(name: str) -> str:
    """ISO's sorted form to running text: "Russie, Fédération de" → "Fédération de Russie"."""
    head, _, tail = name.partition(", ")
    if not tail:
        return name
    joiner = "" if tail.endswith("'") else " "
    return f"{tail}{joiner}{head}"


def pycountry_states(settings: dict[str, object]) -> list[Actor]:
    """Every ISO 3166-1 state, named as French text names it (pycountry's French locale) and
    by its English names, so that no state has to be typed into the registry by hand.

    ``settings`` (from the registry file) lists territories to skip, English names that are
    also common words or first names in French text ("Jordan"), and usual short names ISO
    lacks ("Syrie" for "République arabe syrienne").
    """
    import gettext

    import pycountry

    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"],
                                 fallback=True)
    skip = set(_string_list(settings.get("skip")))
    skip_english = set(_string_list(settings.get("skip_english")))
    common = settings.get("common_names") or {}
    assert isinstance(common, dict)
    states = []
    for country in pycountry.countries:
        code = country.alpha_3
        if code in skip:
            continue
        names: list[str] = list(_string_list(common.get(code)))
        for attr in ("name", "official_name"):
            value = getattr(country, attr, None)
            if not value:
                continue
            translated = french.gettext(value)
            names.append(_uninvert(translated))
            if "," not in translated and "(" not in translated:
                names.append(translated)
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value and value not in skip_english and "," not in value:
                names.append(value)
        aliases = tuple(dict.fromkeys(n for n in names if n))
        states.append(Actor(id=code, name=aliases[0], type="state", aliases=aliases))
    return states


def state_bodies(actor: Actor, templates: Iterable[str]) -> tuple[str, ...]:
    """The phrases naming a state's government, from the registry's templates and the state's
    adjectives ("gouvernement {m}" → "gouvernement britannique"; ``{fp}``: feminine plural)."""
    if actor.type != "state" or not actor.adjectives or actor.bodies:
        return actor.bodies
    masculine = actor.adjectives[0]
    feminine = actor.adjectives[1] if len(actor.adjectives) > 1 else masculine

    def plural(word: str) -> str:
        return word if word.endswith(("s", "x")) else word + "s"

    forms = {"m": masculine, "f": feminine, "mp": plural(masculine), "fp": plural(feminine)}
    return tuple(template.format(**forms) for template in templates)


def with_synonyms(roles: tuple[Role, ...], synonyms: dict[str, list[str]]) -> tuple[Role, ...]:
    """Each title also under the other words the press uses for its first word ("dirigeant
    américain" → "leader américain"), for the same dates."""
    extra = [replace(role, title=other + role.title[len(word):])
             for role in roles for word, others in synonyms.items()
             if role.title.startswith(word + " ") for other in others]
    known = {role.title for role in roles}
    return roles + tuple(r for r in dict.fromkeys(extra) if r.title not in known)


def _string_list(value: object) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def _with_iso_names(actor: Actor, iso: Actor | None) -> Actor:
    """A hand-written state entry, completed with the ISO names it lacks."""
    if iso is None:
        return actor
    aliases = tuple(dict.fromkeys(actor.aliases + iso.aliases))
    return Actor(id=actor.id, name=actor.name, type=actor.type, aliases=aliases,
                 capitals=actor.capitals, demonyms=actor.demonyms, adjectives=actor.adjectives,
                 country=actor.country, part_of=actor.part_of, roles=actor.roles,
                 seats=actor.seats, bodies=actor.bodies)


@lru_cache(maxsize=4)
def load_registry(extra: tuple[Path, ...] = ()) -> ActorRegistry:
    """The bundled registry, every ISO state, then any user files (later files override
    earlier ids)."""
    bundled = resources.files("filrouge") / "data" / "actors.json"
    data = json.loads(bundled.read_text(encoding="utf-8"))
    iso = {a.id: a for a in pycountry_states(data.get("pycountry", {}))}
    actors = [_with_iso_names(a, iso.get(a.id)) if a.type == "state" else a
              for a in (_actor_from_json(item) for item in data["actors"])]
    listed = {a.id for a in actors}
    actors.extend(a for a in iso.values() if a.id not in listed)
    for path in extra:
        actors.extend(load_actor_file(path))
    templates = _string_list(data.get("state_bodies", {}).get("templates"))
    synonyms = data.get("title_synonyms", {}).get("words", {})
    actors = [replace(a, bodies=state_bodies(a, templates), roles=with_synonyms(a.roles, synonyms))
              for a in actors]
    by_id = {actor.id: actor for actor in actors}  # a user's entry replaces the bundled one
    dative = data.get("dative_heads", {}).get("lemmas", [])
    return ActorRegistry(by_id.values(), dative_heads=dative)
