"""One id for the spellings of one person outside the registry, across a corpus.

Analysis is per article: a person the registry does not know gets ``local:<slug of the name>``
there, the fullest form of the name used in that article ("M. Morsi" → ``local:mohamed-morsi``
when the article also writes "Mohamed Morsi"). Across articles the press spells the same name
several ways, above all names transliterated from Arabic or Russian ("Mohamed", "Mohammed",
"Mohammad"; "Abdallah", "Abdullah"; "Zelensky", "Zelenskyy"; "Sergueï", "Sergei"), and often
writes the surname alone. :func:`plan_merges` decides, from the local person ids of a whole
store and how often each is used, which ids are one person:

1. *same spelling key* — ids whose :func:`name_key` is equal (accents folded, doubled letters
   collapsed, the common transliteration alternations made one: ou/u/o, w/u, ch/sh, q/k/c,
   ph/f, final y/i, e/a after the first letter, a final silent -e or -h, the article al-/el-
   dropped, "abd el"/"abdel"/"abdul" made one word) are one person, named by the most used
   spelling;
2. *shorter form* — a name that is the end of fuller ones ("Morsi", "Cavo Dragone"), that lacks
   middle names ("Ali Saleh") or writes initials ("N. Sarkozy") joins the fuller name when
   exactly one person of the corpus fits. Two fitting people (Hosni and Gamal Moubarak; Hafez
   and Bachar el-Assad) leave it alone, and so does a single word that also opens a longer name
   in the corpus (a first name: "Hussein" in "Hussein Tantaoui" and "Saddam Hussein");
3. *registry person* — a local id whose key equals the key of a registry person's name or of a
   surface text linked to them in the corpus takes the registry id. Registry ids are never
   renamed.

Every merge carries its reason, so that a surprising one can be explained and reported.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise

# Words in a slug that are not part of the name: civilities a store may still hold from an
# earlier analysis ("mr-nicolas-sarkozy", "monsieur-valls"), the vocative of a slogan ("Ya
# Moubarak", "O Moubarak").
_CIVILITIES = frozenset({"m", "mm", "mr", "mme", "mlle", "monsieur", "madame", "mademoiselle",
                         "dr", "pr", "mgr", "ya"})  # "ya": the Arabic vocative of slogans
# Arabic definite article, written apart in French press ("el-Sissi", "al-Assad", "ad-Dine"),
# and French particles, which a name may keep or lose ("de Gaulle", "le régime de Moubarak").
_ARTICLES = frozenset({"al", "el", "ad", "ed", "as", "es", "ash", "ach", "an", "ar", "at", "az",
                       "ul", "de", "du", "des", "d", "le", "la"})
_SON_OF = frozenset({"ben", "bin", "ibn"})
# "les anti-Morsi", "les pro-Moubarak": supporters or opponents, not the person
_NOT_A_PERSON = frozenset({"anti", "pro"})
_VOWELS = "aeiou"


@dataclass(frozen=True)
class Merge:
    """One local id renamed: ``source`` and ``target`` are full ids (``local:…`` or registry)."""

    source: str
    target: str
    reason: str  # "same spelling key", "shorter form", "registry person", or two of them


# The Arabic article glued to a capitalised name ("ElBaradei", "AlJazeera"): written apart in
# the slug, as "el-Baradei" and "El Baradei" are.
_GLUED_CAPITAL_ARTICLE = re.compile(r"(?<![^\W\d_])([AaEe]l)(?=[A-Z][a-z]{2,})")
# The same article glued in lower case ("Elbaradei") is split only where the corpus also writes
# the name apart: "Albert" and "Elton" are no "al-Bert" or "el-Ton".
_GLUED_ARTICLES = ("al", "el")


def ascii_slug(text: str) -> str:
    """ASCII, lower-case, hyphenated form of a name (the ``local:`` id's slug); an Arabic
    article glued to a capitalised name is a word of its own ("ElBaradei" → "el-baradei")."""
    text = _GLUED_CAPITAL_ARTICLE.sub(r"\1-", text)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _word_key(word: str, last: bool) -> str:
    """One word of a name in a spelling that transliteration variants share."""
    w = word
    if last and len(w) > 3 and w.endswith("e") and w[-2] not in _VOWELS:
        w = w[:-1]  # French final -e: Sadate/Sadat, Poutine/Putin, Douguine/Dugin
    if len(w) > 5:
        w = re.sub(r"(?<=[aeiou])h$", "", w)  # Abdallah/Abdalla
    w = w.replace("tch", "ch").replace("ch", "sh").replace("ph", "f").replace("th", "t")
    w = w.replace("dj", "j")
    w = re.sub(r"gu(?=[eiy])", "g", w)  # Sergueï/Sergei
    w = w.replace("qu", "k").replace("ck", "k").replace("q", "k")
    w = re.sub(r"c(?![eiy])", "k", w)  # Chafic/Chafik
    w = w.replace("ee", "i").replace("ou", "u").replace("oo", "u").replace("w", "u")
    w = w.replace("o", "u").replace("y", "i")
    w = w[:1] + w[1:].replace("e", "a")  # Ahmed/Ahmad, Mohamed/Mohammad
    w = re.sub(r"^abd[aeiou](?=[^aeioul])", "abd", w)  # Abdurabu/Abd Rabbo
    w = re.sub(r"^abd[aeiou]l", "abdal", w)  # Abdallah/Abdullah, Abdel/Abdul
    return re.sub(r"(.)\1+", r"\1", w)  # Mohammed/Mohamed, Hassan/Hasan


def _detached_words(slugs: Iterable[str]) -> frozenset[str]:
    """Spelling keys of the words these slugs write after a detached Arabic article
    ("el-baradei", "al-sissi" → the keys of "baradei", "sissi")."""
    found: set[str] = set()
    for slug in slugs:
        words = slug.split("-")
        for article, word in pairwise(words):
            if article in _GLUED_ARTICLES and len(word) >= 4:
                found.update(_word_key(word, last) for last in (False, True))
    return frozenset(found)


def _unglued(word: str, detached: frozenset[str]) -> str:
    """"elbaradei" → "baradei" when the corpus also writes "el-Baradei" or "El Baradei"."""
    for article in _GLUED_ARTICLES:
        rest = word[len(article):]
        if (word.startswith(article) and len(rest) >= 4 and rest[0] not in _VOWELS
                and (_word_key(rest, False) in detached or _word_key(rest, True) in detached)):
            return rest
    return word


def _name_words(slug: str, detached: frozenset[str] = frozenset()) -> list[str]:
    """The words of a slug that make the name: civilities left out, "abd el X" as one word,
    the article al-/el- and the particles de/du/le/la dropped, ben/bin/ibn made one; the
    article glued to a name the corpus also writes apart (``detached``) dropped too."""
    words = [_unglued(w, detached) if detached else w for w in slug.split("-")]
    while len(words) > 1 and words[0] in _CIVILITIES:
        words = words[1:]
    joined: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        if word == "abd" and i + 1 < len(words) and words[i + 1] in _ARTICLES:
            word, i = "abdel", i + 1
        if re.fullmatch(r"abd(?:[aeiou]l)?", word) and i + 1 < len(words):
            word, i = word + words[i + 1], i + 1  # Abdel Fattah / Abdelfattah
        joined.append("bin" if word in _SON_OF else word)
        i += 1
    kept = [w for w in joined if w not in _ARTICLES]
    return kept or joined


def name_key(slug: str, detached: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The spelling key of a person's name slug: equal for transliteration variants
    ("mohammed-morsi", "mohamed-morsy"; "ali-abdullah-saleh", "ali-abdallah-saleh";
    "mohamed-el-baradei", "mohamed-elbaradei" given ``detached`` from the corpus)."""
    words = _name_words(slug, detached)
    return tuple(_word_key(w, i == len(words) - 1) for i, w in enumerate(words))


def _initials(words: list[str]) -> int:
    """How many single letters open a name ("n-sarkozy" → 1, "j-m-ayrault" → 2)."""
    count = 0
    while count < len(words) - 1 and len(words[count]) == 1:
        count += 1
    return count


def _shorter_form(short: tuple[str, ...], short_words: list[str], full: tuple[str, ...],
                  full_words: list[str]) -> bool:
    """Whether ``short`` writes the same name as ``full`` in fewer letters: the end of it
    (surname alone, "Cavo Dragone") but not what follows "ben"/"ibn" (the father's name), its
    first and last words with middle names left out, or its first names as initials."""
    if short == full or len(short) > len(full):
        return False
    initials = _initials(short_words)
    if initials:
        tail = short[initials:]
        return (full[len(full) - len(tail):] == tail and len(full) - len(tail) == initials
                and all(w[:1] == s for w, s in zip(full_words, short_words[:initials],
                                                   strict=False)))
    if len(short) == len(full):
        return False
    if full[-len(short):] == short:
        return full[-len(short) - 1] != "bin"
    if len(short) >= 2 and short[0] == full[0] and short[-1] == full[-1]:
        rest = iter(full[1:-1])
        return all(word in rest for word in short[1:-1])
    return False


def plan_merges(counts: Mapping[str, int],
                known: Mapping[str, Iterable[str]] | None = None) -> list[Merge]:
    """The merges of local person ids across a corpus.

    ``counts`` maps each local person slug (without ``local:``) to how often it is used;
    ``known`` maps registry person ids to the names they go by in the corpus (their registry
    name, the texts linked to them). Returns one :class:`Merge` per renamed local id."""
    known = {actor: list(names) for actor, names in (known or {}).items()}
    # "Elbaradei" is "el-Baradei" where the corpus writes the name apart somewhere
    detached = _detached_words([*counts, *(ascii_slug(n) for names in known.values()
                                           for n in names)])
    keys = {slug: name_key(slug, detached) for slug in counts
            if slug and slug.split("-")[0] not in _NOT_A_PERSON}
    words = {slug: _name_words(slug, detached) for slug in keys}
    # A single word that opens a longer name is a first name: many people share it.
    first_words = {key[0] for key in keys.values() if len(key) > 1}
    # Two surnames side by side ("Hollande-Ayrault", "Le Pen-Chirac") are no one's full name:
    # a two-word name, rarer than the person whose surname opens it, and no other name opens so.
    surnames: Counter[str] = Counter()
    for slug, key in keys.items():
        if len(key) > 1:
            surnames[key[-1]] += counts[slug]
    openings = Counter(key[0] for key in set(keys.values()) if len(key) > 1)
    first_words |= {key[0] for names in known.values() for n in names
                    if len(key := name_key(ascii_slug(n), detached)) > 1}
    # 1. same key: one person, named by its most used (then fullest) spelling without civility
    groups: dict[tuple[str, ...], list[str]] = {}
    for slug, key in keys.items():
        if key:
            groups.setdefault(key, []).append(slug)
    canonical = {key: max(slugs, key=lambda s: (s.split("-")[0] not in _CIVILITIES,
                                                counts[s], len(s), s))
                 for key, slugs in groups.items()}
    # 3. registry people, by the key of each of their multi-word names
    registry: dict[tuple[str, ...], set[str]] = {}
    registry_words: dict[tuple[str, ...], list[str]] = {}
    for actor_id, names in known.items():
        for name in names:
            slug = ascii_slug(name)
            key = name_key(slug, detached)
            if len(key) > 1:
                registry.setdefault(key, set()).add(actor_id)
                registry_words[key] = _name_words(slug, detached)
    root: dict[tuple[str, ...], str] = {}
    reason: dict[tuple[str, ...], str] = {}
    for key in groups:
        owners = registry.get(key, set())
        if len(owners) == 1:
            root[key], reason[key] = next(iter(owners)), "registry person"
        else:
            root[key] = "local:" + canonical[key]
    # 2. shorter forms, longest first, so that a fuller name is settled before its short forms
    fuller = [(key, words[canonical[key]]) for key in groups] + list(registry_words.items())
    for key in sorted(groups, key=len, reverse=True):
        if key in reason or (len(key) == 1 and (key[0] in first_words or len(key[0]) < 2)):
            continue
        short_words = words[canonical[key]]
        targets = {root[other] if other in root else next(iter(registry[other]))
                   for other, other_words in fuller
                   if other != key and _shorter_form(key, short_words, other, other_words)
                   and (other in root or len(registry[other]) == 1)
                   and not (other in groups and len(other) == 2 and openings[other[0]] == 1
                            and surnames[_word_key(other_words[0], True)]
                            > sum(counts[s] for s in groups[other]))}
        if len(targets) == 1:
            root[key], reason[key] = targets.pop(), "shorter form"
    merges: list[Merge] = []
    for key, slugs in groups.items():
        if len(key) == 1 and key[0] in first_words:
            continue  # "Mohamed", "Mohammad": no one in particular
        for slug in sorted(slugs):
            source = "local:" + slug
            if root[key] != source:
                why = [] if slug == canonical[key] else ["same spelling key"]
                why += [reason[key]] if key in reason else []
                merges.append(Merge(source=source, target=root[key], reason=", ".join(why)))
    return sorted(merges, key=lambda m: (m.target, m.source))
