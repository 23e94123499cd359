"""Story labels a reader can scan: keyphrases for a title, main actors, date span, how many
articles and outlets, the events inside, and the story's own short timeline.

Keyphrases are noun-phrase-like runs read from titles, leads and bodies (no tagger: the stored
articles keep no parse): one to three content words, optionally joined by one "de/du/des/d'"
("garanties de sécurité", "sommet de l'Otan"), never starting or ending on a stop word,
determiner, adverb or known verb form. A phrase is keyed by its accent-folded light stems, so
"OTAN", "Otan" and "l'OTAN" are one phrase, shown in its most frequent surface form (forms at
the start of a sentence or in a Title-Case headline count little, since their capitals say
nothing). Names (capitalised inside a sentence) and multi-word phrases are preferred; phrases
used by several of the story's articles, in their titles and leads, and rare elsewhere (IDF)
rank first.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from filrouge.model import Article, Story, StoryEvent
from filrouge.stories.cluster import Grouper
from filrouge.stories.sources import outlet_name
from filrouge.stories.text import sentence_spans, stem, stopwords
from filrouge.stories.timeline import build_timeline

STORY_TIMELINE_DATES = 30
KEYPHRASES = 4
MIN_KEYPHRASES = 2
LEAD_SENTENCES = 3
BODY_SENTENCES = 15  # sentences read per article: the top of a news article says what it is about

_TOKEN = re.compile(r"[^\W\d_](?:[^\W_]|[-‑](?=[^\W_]))*", re.UNICODE)
# What may separate two words of one phrase: spaces, or an elision apostrophe ("l'Otan").
_JOINING_GAP = re.compile(r"[ \u00a0\u202f]*['’]?[ \u00a0\u202f]*")
_LINKS = frozenset({"de", "d", "du", "des"})
_DETERMINERS = frozenset({"le", "la", "l", "les", "un", "une", "du", "des", "ce", "cet", "cette",
                          "ces", "son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre",
                          "vos", "chaque", "tout", "aucun", "premier", "dernier", "seul"})
_ARTICLES_AFTER_DE = frozenset({"la", "l"})
# Forms of avoir and être that make a compound tense or a passive with the participle after
# them ("s'est réuni", "a été élu", "ont conclu"), and the short adverbs that may come between.
_AUXILIARIES = frozenset("""
    ai as a avons avez ont avait avaient aura auront aurait auraient ayant avoir eu eut eurent
    suis es est sommes êtes sont était étaient sera seront serait seraient étant être été fut
    furent soit soient
""".split())
_BETWEEN = ("pas", "plus", "jamais", "déjà", "encore", "bien", "aussi", "enfin", "finalement",
            "ensuite", "notamment", "également", "alors", "toujours", "vite", "ainsi", "été",
            "presque", "tous", "toutes", "tout", "officiellement", "récemment")
# A past participle in -i or -u ("réuni", "élu", "tenu", "conclu", "survenus"), or a noun or
# adjective of the same shape ("parti", "défi", "revenu", "issue"): the text decides. Not after
# a vowel ("emploi", "feu") nor in -que/-gue ("politique", "ligue"), where no participle ends.
_NOUN_BEFORE = frozenset({"au", "aux", "mon", "ton", "ma", "ta", "mes", "tes", "quel", "quelle",
                          "quels", "quelles", "plusieurs", "deux", "trois", "nouvel", "nouveaux",
                          "nouvelle", "nouvelles", "ancien", "anciens", "quelques"})
_I_U_SHAPE = re.compile(
    r"[^\W\d_]*(?:[^aeiouyéèêàâîôûgq\W\d_]u|[^aeiouyéèêàâîôû\W\d_]i)(?P<fem>e)?s?")
# Words that say nothing in a label although they are not function words: adverbs of place and
# time, pre-nominal adjectives, nouns of locutions ("à la tête de", "sur fond de").
_LABEL_STOP = frozenset("""
    ici là-bas désormais aujourd hier demain bientôt toujours jamais encore déjà puis enfin
    alors ainsi aussi plutôt surtout vraiment beaucoup tant tard tôt près loin
    tête face fond côté cœur coeur veille lendemain suite cadre part lieu sein moment fois
    propos cas point mise faveur travers milieu base raison rapport regard dépit sillage instar
    égard occasion lors envers lorsqu puisqu quoiqu jusqu presqu suis
    grand grande grands grandes nouveau nouvel nouvelle nouveaux nouvelles petit petite petits
    petites large larges rare rares seul seule seuls seules haut haute gros grosse bon bonne
    long longue vieux vieil vieille jeune vrai vraie possible possibles prochain prochaine
    ancien ancienne futur future plein pleine principal principale principaux
    chose choses façon manière sorte type genre personne personnes gens
    plus moins très trop tout tous toute toutes cela ceci celle celui
    sera seront serait seraient avait avaient aurait auraient pourra pourrait doivent devra
    devait devrait veut voulait peut pouvait va vont faut fallait sait savait
    dit dire fait faire déclare déclaré annonce annoncé selon
    minute minutes heure heures direct suivez partagez partager envoyer tweeter réagir
    article articles lire voir
    souvent parfois rarement longtemps davantage guère vite ensemble partout ailleurs autour
    environ voici voilà quelque quelques certains certaines plusieurs chaque aucun aucune
    reportage reportages vidéo vidéos video videos photo photos diaporama infographie
    interview édito éditorial chronique tribune live actualité actualités abonné abonnés
    newsletter facebook twitter youtube instagram dailymotion whatsapp linkedin commentaire
    commentaires vient viennent venait venaient
    président présidente présidents ministre ministres secrétaire chef chefs porte-parole
    dirigeant dirigeants dirigeante responsable responsables directeur directrice homologue
    homologues représentant représentants envoyé envoyée conseiller conseillère pays
""".split())
_NOUNS_IN_E = frozenset({  # nouns that look like past participles
    "traité", "traités", "comité", "comités", "député", "députés", "allié", "alliés",
    "marché", "marchés", "délégué", "délégués", "réfugié", "réfugiés", "blessé", "blessés",
    "degré", "congé", "défilé", "résumé", "clergé", "employé", "employés", "associé", "associés",
    "invité", "invités", "fiancé", "curé", "santé", "liberté", "libertés", "volonté",
    "volontés", "société", "sociétés", "côté", "été", "moitié", "amitié", "pitié", "majesté",
    "clé", "clés", "thé", "café", "cafés", "bébé", "bébés", "lycée",
})
_NOUN_ENDINGS_IN_E = ("ité", "ités", "auté", "autés", "eté", "etés")
# Infinitives never make a label; these endings are verbs but for the nouns listed.
_INFINITIVE_ENDINGS = ("ter", "per", "ber", "der", "ner", "ser", "ler", "cer", "quer", "rer",
                       "ver", "mer", "uer", "éer", "ir", "ettre", "endre", "ondre", "aindre",
                       "eindre", "oindre", "uire", "aître", "oître")
# Third person plural endings no French noun has ("figurent", "continuent", "agissent").
_PLURAL_VERB_ENDINGS = ("uent", "ssent", "urent", "èrent", "irent", "ouvrent", "ffrent")
_NOUNS_LIKE_INFINITIVES = frozenset({
    "hiver", "mer", "fer", "cancer", "leader", "leaders", "reporter", "dîner", "déjeuner",
    "laser", "poster", "charter", "avenir", "plaisir", "désir", "loisir", "souvenir", "soupir",
    "émir", "vizir", "saphir", "zéphyr", "tir", "tirs", "cuir", "kir", "nadir", "élixir",
    "manager", "super", "bunker", "amer", "gaspiller", "lettre", "cendre", "gendre", "maître",
    "contremaître",
})
_ADJECTIVE_ENDINGS = ("isse", "isses", "al", "ale", "ales", "aux", "ien", "ienne", "iens",
                      "iennes", "ique", "iques", "if", "ive", "ifs", "ives", "ais", "aise",
                      "aises", "ois", "oise", "oises", "ain", "aine", "ains", "aines", "éen",
                      "éenne", "éens", "éennes", "el", "elle", "els", "elles", "eux", "euse",
                      "euses")
_ADVERB_ENDINGS = ("lement", "iquement", "ièrement", "amment", "emment", "ivement", "airement",
                   "ûrement", "ablement", "iblement", "ctement", "vraiment")
_NOT_ADVERBS = frozenset({  # nouns with an adverb's ending
    "parlement", "parlements", "règlement", "règlements", "déroulement", "isolement",
    "renouvellement", "roulement", "démantèlement", "écroulement", "signalement",
    "ravitaillement", "enrôlement", "emballement", "étalement", "nivellement", "morcellement",
})


@lru_cache(maxsize=1)
def _verb_forms() -> frozenset[str]:
    """Finite forms and masculine participles of the reporting and event verbs the project
    lists (``data/quote_verbs.tsv``, ``data/event_verbs.tsv``): "signent", "signé", "promet",
    "garantit". Forms that are often nouns too are left out: "demande", "menace", "garantie"."""
    return frozenset(form for verb in _lexicon_verbs() for form in _conjugated(verb))


@lru_cache(maxsize=1)
def _lexicon_verbs() -> tuple[str, ...]:
    """The verb of each cue of the reporting and event lexicons ("se mettre d'accord": mettre)."""
    verbs: dict[str, None] = {}
    for name in ("quote_verbs.tsv", "event_verbs.tsv"):
        text = (resources.files("filrouge") / "data" / name).read_text("utf-8")
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cue = line.split("\t", 1)[0].replace("s'en ", "").replace("s'", "").split()
            verbs[cue[1] if cue[0] == "se" and len(cue) > 1 else cue[0]] = None
    return tuple(verbs)


@lru_cache(maxsize=1)
def _outlet_names() -> tuple[str, ...]:
    """News agencies and outlets named in bylines and credits (``data/debris_fr.json``)."""
    raw = json.loads((resources.files("filrouge") / "data" / "debris_fr.json").read_text("utf-8"))
    return tuple(dict.fromkeys(str(n) for n in raw["agencies"] + raw["photo_agencies"]
                               if not str(n).lower().startswith("wiki")))  # a topic too


@lru_cache(maxsize=1)
def _news_words() -> frozenset[str]:
    raw = json.loads((resources.files("filrouge") / "data" / "stopwords_fr.json").read_text(
        "utf-8"))
    return frozenset(raw["news_words"])


@lru_cache(maxsize=1)
def _agency_words() -> frozenset[str]:
    """Acronyms of news agencies ("afp", "dpa"): never a label, in capitals or not."""
    return frozenset(n.lower() for n in _outlet_names() if n.isupper() or n.lower() in {
        "afp", "dpa", "efe", "ansa", "ats"}) | (frozenset(_news_words()) & frozenset(
            n.lower() for n in _outlet_names()))


@lru_cache(maxsize=1)
def _present_forms() -> frozenset[str]:
    """Third person singular present of the project's -er reporting and event verbs ("salue",
    "menace", "exprime"): after a name they are its verb, though alone they may be nouns."""
    return frozenset(_grave(verb[:-2]) + "e" for verb in _lexicon_verbs()
                     if verb.endswith("er") and len(verb) > 3)


def _conjugated(lemma: str) -> set[str]:
    if lemma.endswith("er") and len(lemma) > 3:
        root = lemma[:-2]
        soft = root + "e" if root.endswith("g") else root
        return {root + "ent", root + "é", root + "és", soft + "ait", soft + "aient",
                root + "era", root + "eront", soft + "ant", root + "ez", _grave(root) + "ent"}
    if lemma.endswith("ir") and len(lemma) > 3:
        root = lemma[:-2]
        return {root + "it", root + "issent", root + "i", root + "is", root + "issait",
                root + "ira", root + "issant"}
    if lemma.endswith("re") and len(lemma) > 3:
        root = lemma[:-2]
        forms = {root, root + "ent", root + "ait", root + "u", root + "ra"}
        if root.endswith("t"):  # mettre, permettre, promettre
            forms |= {root[:-1], root[:-1] + "s", root[:-3] + "is"}  # promet, promis
        if root.endswith("d"):  # prendre, répondre
            forms |= {root + "s", root[:-1] + "nent", root[:-3] + "is"}  # prennent, pris
        if root.endswith("i"):  # écrire, dire
            forms |= {root + "t", root + "vent", root + "vait"}
        return forms
    return {lemma}


def _grave(root: str) -> str:
    """lever → lève, appeler → appelle is not handled; e + consonant + er → è."""
    if len(root) > 2 and root[-2] == "e" and root[-1] not in "aeiouy":
        return root[:-2] + "è" + root[-1]
    return root


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _is_acronym(token: str) -> bool:
    """OTAN, G7, PIB; a longer word in capitals is a shouted word ("AÉRIENNE")."""
    return 2 <= len(token) <= 6 and token.isupper()


@lru_cache(maxsize=65536)
def _is_content(token: str, capitals_count: bool = True) -> bool:
    """May this word stand in a label (inside or at the edge of a phrase)? A capitalised word
    is a name unless ``capitals_count`` is off (a Title-Case Headline)."""
    low = token.lower()
    if low in _agency_words():
        return False  # "AFP": a source, not a topic
    if _is_acronym(token) and capitals_count:
        return True  # "DS", "UE": an acronym, even where it spells a function word
    if len(low) <= 2 or low in stopwords() or low in _LABEL_STOP:
        return False
    if token[0].isupper() and capitals_count:
        return True
    if low in _verb_forms() or low.endswith(_PLURAL_VERB_ENDINGS):
        return False
    if (low.endswith(("é", "és")) and not low.endswith(_NOUN_ENDINGS_IN_E)
            and low not in _NOUNS_IN_E):
        return False  # a past participle, most of the time
    if (low.endswith(_INFINITIVE_ENDINGS) and not low.endswith(("oir", "air"))
            and low not in _NOUNS_LIKE_INFINITIVES):
        return False
    return not (low.endswith(_ADVERB_ENDINGS) and low not in _NOT_ADVERBS)


def _looks_adjective(token: str) -> bool:
    return token.islower() and token.endswith(_ADJECTIVE_ENDINGS)


@dataclass
class _Phrase:
    """Everything seen of one keyed phrase across a story's articles."""

    forms: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    articles: set[int] = field(default_factory=set)  # articles using it in title or lead
    titles: set[int] = field(default_factory=set)
    count: int = 0  # uses anywhere
    named: float = 0.0  # uses where its capitals show a name, minus uses in lower case
    content: tuple[str, ...] = ()  # its content words, lower case

    @property
    def proper(self) -> bool:
        """A name: mostly capitalised where capitals mean something ("Farc", not the odd
        "Colombienne" against many "colombienne")."""
        return self.named > 0


@dataclass(frozen=True)
class _Found:
    surface: str
    content: tuple[str, ...]
    quiet: bool  # its capitals say nothing: first word of a sentence, or a Title-Case headline
    proper: bool  # a name: capitalised inside a sentence, or an acronym


_SENTENCE_OPENERS = frozenset({":", ".", "!", "?", "«", "»", "-", "—", "–", "(", "\"", "“"})
_NAME_ARTICLES = frozenset({"La", "Le", "Les"})  # "La Haye", "Le Caire" inside a sentence


def _title_case(title: str) -> bool:
    """A Title-Case Headline: most longer words capitalised, so capitals say nothing."""
    long_words = [t for t in _TOKEN.findall(title) if len(t) > 3]
    return len(long_words) >= 4 and sum(t[0].isupper() for t in long_words) >= 0.7 * len(
        long_words)


def _tokens(chunk: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(chunk)]


def _opens(chunk: str, tokens: list[tuple[str, int, int]], i: int) -> bool:
    """Does token i begin the sentence (its capital then says nothing)?"""
    return i == 0 or chunk[tokens[i - 1][2]:tokens[i][1]].strip() in _SENTENCE_OPENERS


def _read_chunks(article: Article) -> list[tuple[str, str]]:
    """What labels are read from: the title, then the first sentences (lead, then body)."""
    return [("title", article.title or "")] + [
        ("lead" if s < LEAD_SENTENCES else "body", article.text[a:b])
        for s, (a, b) in enumerate(sentence_spans(article.text)[:BODY_SENTENCES])]


def participles(articles: Sequence[Article],
                chunks: Sequence[Sequence[tuple[str, str]]] | None = None) -> frozenset[str]:
    """Words shaped like a past participle in -i or -u that these articles use as verbs: after
    an auxiliary ("s'est réuni", "a été élue") at least as often as after a determiner ("le
    parti", "les élus"), or, masculine, never after either ("l'accord conclu"). They say what
    happened, not what the story is about, so they stand in no label. Their part of speech is
    read from how the text uses them, as no tagger's output is kept with the articles: in the
    titles and the sentences labels are read from."""
    verb: Counter[str] = Counter()
    noun: Counter[str] = Counter()
    shaped: set[str] = set()
    for read in chunks if chunks is not None else [_read_chunks(a) for a in articles]:
        for _, chunk in read:
            words = [t.lower() for t in _TOKEN.findall(chunk)]
            for i, word in enumerate(words):
                if len(word) < 3 or not (shape := _I_U_SHAPE.fullmatch(word)):
                    continue
                if not shape.group("fem"):  # "sortie", "avenue": nouns unless used as verbs
                    shaped.add(word)
                j = i - 1
                while j >= 0 and words[j] in _BETWEEN and j > i - 3:
                    j -= 1
                before = words[j] if j >= 0 else ""
                if before in _AUXILIARIES:
                    verb[word] += 1
                elif i > 0 and (words[i - 1] in _DETERMINERS or words[i - 1] in _NOUN_BEFORE):
                    noun[word] += 1
    return frozenset(w for w in shaped | set(verb) if verb[w] >= noun[w])


def _phrases(chunk: str, shouting: bool = False,
             verbs: frozenset[str] = frozenset()) -> list[_Found]:
    """Every phrase of a title or sentence: runs of one to three content words, one "de" link
    at most; a run of capitalised words (a name) is never cut. ``shouting``: a Title-Case
    headline, whose capitals are ignored; ``verbs``: lower-case words the articles use as
    verbs (``participles``)."""
    tokens = _tokens(chunk)
    joined = [i > 0 and _JOINING_GAP.fullmatch(chunk[tokens[i - 1][2]:tokens[i][1]]) is not None
              for i in range(len(tokens))]
    capitals = not shouting
    # a word glued to a figure is a cut token ("ème" of "15ème", "km" of "20km")
    content = [_is_content(t, capitals) and not (a > 0 and chunk[a - 1].isdigit())
               and not (b < len(chunk) and chunk[b].isdigit())
               and not (t.lower() in verbs and (t.islower() or not capitals
                                                or _opens(chunk, tokens, i)))
               for i, (t, a, b) in enumerate(tokens)]
    capital = [capitals and t[0].isupper() and content[i] for i, (t, _, _) in enumerate(tokens)]

    def inside_name(i: int, j: int) -> bool:  # would a phrase i..j cut a name?
        return ((i > 0 and joined[i] and capital[i] and capital[i - 1])
                or (j + 1 < len(tokens) and joined[j + 1] and capital[j] and capital[j + 1]))

    found: list[_Found] = []
    for i, (first, start, _) in enumerate(tokens):
        if not content[i]:
            continue
        if first.islower() and first.endswith("ant") and not (
                i > 0 and tokens[i - 1][0].lower() in _DETERMINERS):
            continue  # "agitant des drapeaux": a participle; "le représentant" is a noun
        if first in _present_forms() and i > 0 and joined[i] and capital[i - 1]:
            continue  # "l'Unicef salue": the name's verb
        quiet = shouting or _opens(chunk, tokens, i)
        begin = start
        if (capital[i] and i > 0 and joined[i] and tokens[i - 1][0] in _NAME_ARTICLES
                and not _opens(chunk, tokens, i - 1)):
            begin = tokens[i - 1][1]  # "à La Haye": the article belongs to the name
        words = [first]
        j, links = i, 0
        while True:
            continued = (len(words) > 1 and words[-1].islower() and j + 1 < len(tokens)
                         and tokens[j + 1][0] in {"et", "ou"})  # "délégations russe et …"
            if not inside_name(i, j) and not continued:
                surface = chunk[begin:tokens[j][2]]
                loud = len(words) > 1 and surface.isupper()  # a dateline in capitals
                found.append(_Found(surface, tuple(w.lower() for w in words), quiet or loud,
                                    not loud and ((capital[i] and not quiet)
                                                  or _is_acronym(first))))
            if len(words) >= 3 and not all(capital[i:j + 1]):
                break
            k = j + 1
            if k >= len(tokens) or not joined[k] or len(words) >= 5:
                break
            if content[k] and capital[j] and tokens[k][0] in _present_forms():
                break  # "la FAO salue", "Poutine menace": a name and its verb
            if content[k]:
                words.append(tokens[k][0])
                j = k
                continue
            word = tokens[k][0]  # a capital "Des" opens a sentence run into this one
            if word in _LINKS and links == 0 and len(words) < 3:
                k += 1
                if k < len(tokens) and word in {"de", "d"} and (
                        tokens[k][0].lower() in _ARTICLES_AFTER_DE) and joined[k]:
                    k += 1
                if k < len(tokens) and content[k] and all(joined[j + 1:k + 1]):
                    words.append(tokens[k][0])
                    j, links = k, links + 1
                    continue
            break
    return found


def _key(content: Sequence[str]) -> str:
    """Accent-folded light stems: "OTAN", "Otan" and "l'OTAN" share one key, and so do
    "dalaï-lama" and "dalaï lama"."""
    return " ".join(_word_key(w) for w in content)


@lru_cache(maxsize=65536)
def _word_key(word: str) -> str:
    return " ".join(_fold(stem(part)) for part in word.lower().split("-"))


def keyphrases(articles: Sequence[Article], grouper: Grouper | None = None,
               n: int = KEYPHRASES) -> list[str]:
    """Two to ``n`` readable keyphrases for these articles (fewer only when the text has none):
    noun phrases and names, in their usual surface form, scored by how many articles use them
    in a title or lead, how often they recur, and how rare their words are elsewhere."""
    seen: dict[str, _Phrase] = defaultdict(_Phrase)
    read = [_read_chunks(article) for article in articles]
    verbs = participles(articles, read)
    actor_of: dict[str, str] = {}
    name_words: set[str] = set()
    people: set[tuple[str, ...]] = set()  # a person's name never runs on: "Rishi Sunak signe"
    named_runs: set[tuple[str, ...]] = set()  # every name the tagger found, as content words
    for index, article in enumerate(articles):
        for entity in article.entities:
            if not entity.text[:1].isupper():
                continue
            names = [t for t in _TOKEN.findall(entity.text) if _is_content(t)]
            name_words.update(t.lower() for t in names)
            if len(names) > 0:
                named_runs.add(tuple(t.lower() for t in names))
            if entity.label == "PER" and names:
                people.add(tuple(t.lower() for t in names))
                people.add((names[-1].lower(),))  # "Trump" for "Donald Trump"
            if names and entity.actor:
                actor_of.setdefault(_key(names), entity.actor)
        shouting = _title_case(article.title or "")
        for place, chunk in read[index]:
            quiet_chunk = shouting and place == "title"
            for found in _phrases(chunk, quiet_chunk, verbs):
                phrase = seen[_key(found.content)]
                phrase.content = phrase.content or found.content
                phrase.forms[" ".join(found.surface.split())] += 0.1 if found.quiet else 1.0
                if found.proper:
                    phrase.named += 1
                elif not found.quiet:
                    phrase.named -= 1
                phrase.count += 1
                if place != "body":
                    phrase.articles.add(index)
                if place == "title":
                    phrase.titles.add(index)

    def rarity(phrase: _Phrase) -> float:
        parts = [stem(w) for w in phrase.content]
        return sum(grouper.idf("words", p) if grouper else 1.0 for p in parts) / len(parts)

    def score(key: str) -> float:
        phrase = seen[key]
        support = (len(phrase.articles) + 0.5 * len(phrase.titles)
                   + 0.5 * math.log1p(phrase.count))
        words = len(phrase.content)
        kind = 1.0 + 0.5 * (words - 1) + 0.4 * phrase.proper
        if words == 1 and not phrase.proper and _looks_adjective(phrase.content[0]):
            kind = 0.4
        return support * rarity(phrase) * kind

    def candidate(phrase: _Phrase) -> bool:  # a lone common word used once says little
        if phrase.content not in named_runs and any(
                phrase.content[:k] in named_runs and phrase.content[k:] in named_runs
                and (phrase.content[:k] in people or phrase.content[k:] in people)
                for k in range(1, len(phrase.content))):
            return False  # a name glued to a person's: "Sud-Africaine Jodi Bieder"
        if len(phrase.content) > 1 and any(phrase.content[:k] in people
                                           for k in range(1, len(phrase.content))):
            words = _TOKEN.findall(max(phrase.forms, key=lambda f: phrase.forms[f]))
            if any(phrase.content[:k] in people and k < len(words) and words[k].islower()
                   for k in range(1, len(phrase.content))):
                return False
        return phrase.count > 1 or phrase.proper or len(phrase.content) > 1

    outlets = _outlet_keys(articles)  # "Libération" the paper, not "la libération des otages"
    scores = {k: score(k) for k, p in seen.items()
              if candidate(p) and not (k in outlets and p.proper)}
    ranked = sorted(scores, key=lambda k: (-scores[k], k))
    needed = min(2, len(articles))
    chosen: list[str] = []
    for strict in (True, False):
        for key in ranked:
            if len(chosen) >= n or (not strict and len(chosen) >= MIN_KEYPHRASES):
                break
            if strict and len(seen[key].articles) < needed:
                continue
            if key in chosen or any(set(key.split()) & set(other.split()) for other in chosen):
                continue
            if key in actor_of and actor_of[key] in {actor_of.get(c) for c in chosen}:
                continue
            key = _widened(key, seen, lambda k: scores.get(k, 0.0), chosen,
                           needed if strict else 1)
            chosen.append(key)
    quiet_words = {w for k in chosen if max(seen[k].forms.values()) < 1.0
                   for w in seen[k].content}
    usual = _usual_forms(articles, quiet_words) if quiet_words else {}
    return [_surface(seen[k], usual, name_words) for k in chosen]


def _outlet_keys(articles: Sequence[Article]) -> set[str]:
    """Phrase keys of the outlets that ran these articles and of the usual agencies and papers:
    a source is not what a story is about."""
    names = list(_outlet_names()) + [a.outlet for a in articles if a.outlet]
    keys: set[str] = set()
    for name in names:
        name = re.sub(r"\.(?:fr|com|net|org|info|be|ch)$", "", name.strip(), flags=re.I)
        words = [t for t in _TOKEN.findall(name) if t.lower() not in stopwords()]
        if words:
            keys.add(_key([w.lower() for w in words]))
    return keys


def _usual_forms(articles: Sequence[Article], words: set[str]) -> dict[str, Counter[str]]:
    """How these (lower-case) words are written inside sentences, where capitals mean
    something: "négociations", not the "Négociations" of a Title-Case headline."""
    usual: dict[str, Counter[str]] = defaultdict(Counter)
    for article in articles:
        for a, b in sentence_spans(article.text):
            chunk = article.text[a:b]
            tokens = _tokens(chunk)
            for i, (token, _, _) in enumerate(tokens):
                if (token.lower() in words and not _opens(chunk, tokens, i)
                        and not (token.isupper() and len(token) > 6)):
                    usual[token.lower()][token] += 1
    return usual


def _widened(key: str, seen: dict[str, _Phrase], score: Callable[[str], float],
             chosen: list[str], needed: int) -> str:
    """A lone word is replaced by a longer phrase holding it when that phrase is used by most of
    the same articles: "Jeux" becomes "Jeux olympiques"."""
    if " " in key:
        return key
    phrase = seen[key]
    wider = [k for k, p in seen.items()
             if key in k.split() and k != key and len(p.articles) >= max(
                 needed, 0.6 * len(phrase.articles)) and p.count >= max(2, 0.3 * phrase.count)
             and not any(set(k.split()) & set(c.split()) for c in chosen)]
    return max(wider, key=lambda k: (len(seen[k].articles), score(k), k)) if wider else key


def _surface(phrase: _Phrase, usual: dict[str, Counter[str]], names: set[str]) -> str:
    """The most frequent form; between equals, the one with capitals (a name's usual form).
    A phrase only ever seen where capitals say nothing (a sentence's first words, a Title-Case
    or capitals headline) takes each word's usual form inside sentences: "Négociations
    Difficiles" is shown "négociations difficiles", "BASE AÉRIENNE" "base aérienne"."""
    form, weight = max(phrase.forms.items(),
                       key=lambda kv: (kv[1], kv[0] != kv[0].lower(), kv[0]))
    if weight >= 1.0:
        return form

    def usual_form(match: re.Match[str]) -> str:
        word = match.group(0)
        forms = usual.get(word.lower())
        if forms:
            return forms.most_common(1)[0][0]
        return word if _is_acronym(word) or word.lower() in names else word.lower()

    return _TOKEN.sub(usual_form, form)


def build_story(story_id: str, members: Sequence[Article], grouper: Grouper | None = None,
                label: str | None = None) -> Story:
    """The stored Story record: originals in ``articles``, wire copies in ``duplicates``."""
    originals = [a for a in members if not a.duplicate_of] or list(members)
    duplicates = [a.id for a in members if a.duplicate_of and a not in originals]
    phrases = keyphrases(originals, grouper)
    actors: Counter[str] = Counter()
    for article in originals:
        actors.update({e.actor for e in article.entities if e.actor})
    dates = sorted(a.published.value[:10] for a in originals if a.published.value)
    # the outlets the articles name: the file an article was read from is no outlet, and a
    # reader shown "gv_20.txt" as a source learns nothing (stories.sources)
    outlets = sorted({name for a in members if (name := outlet_name(a.outlet))})
    events: list[StoryEvent] = []
    if grouper is not None:
        by_id = {a.id: a for a in members}
        for event in grouper.events.get(story_id, []):
            inside = [by_id[m] for m in event.members if m in by_id]
            if not inside:
                continue
            days = sorted(a.published.value[:10] for a in inside if a.published.value)
            events.append(StoryEvent(
                id=event.id, title=inside[0].title or " · ".join(keyphrases(inside, grouper, 2))
                or event.id,
                articles=[a.id for a in inside], start=days[0] if days else None,
                end=days[-1] if days else None))
    title = label or (" · ".join(phrases) if phrases else (originals[0].title or story_id))
    return Story(
        id=story_id, title=title, articles=[a.id for a in originals], actors=[
            a for a, _ in sorted(actors.items(), key=lambda kv: (-kv[1], kv[0]))[:6]],
        start=dates[0] if dates else None, end=dates[-1] if dates else None,
        timeline=build_timeline(originals, max_dates=STORY_TIMELINE_DATES,
                                sentences_per_date=1),
        keyphrases=phrases, outlets=outlets, duplicates=duplicates, events=events,
    )


_WRITTEN_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)  # as stories.text.words


def written_terms(terms: Sequence[str], articles: Sequence[Article]) -> list[str]:
    """Grouping terms (light stems: "vill", "armé", "attaqu") shown as the articles write them:
    the most frequent word with that stem, as written ("villes", "armée"; "Sanaa" for "sanaa").
    A term no article writes is left as it is."""
    wanted = set(terms)
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for article in articles:
        for text in (article.title or "", article.text):
            for match in _WRITTEN_WORD.finditer(unicodedata.normalize("NFC", text)):
                word = match.group(0)
                key = stem(word.lower())
                if key in wanted:
                    forms[key][word] += 1
    return [_commonest(forms[t]) if forms.get(t) else t for t in terms]


def written_names(keys: Sequence[str], articles: Sequence[Article],
                  actor_name: Callable[[str], str]) -> list[str]:
    """Grouping actor keys shown as names: a registry or corpus-local actor by ``actor_name``, a
    name the tagger found but linked to no actor (kept lower-cased: "sanaa", "ibb") as the
    articles write it ("Sanaa", "Ibb")."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for article in articles:
        for entity in article.entities:
            if not entity.actor:
                forms[" ".join(entity.text.lower().split())][" ".join(entity.text.split())] += 1
    shown: list[str] = []
    for key in keys:
        named = actor_name(key)
        if named != key or key.startswith("local:"):
            shown.append(named)
        else:
            shown.append(_commonest(forms[key]) if forms.get(key) else key)
    return shown


def _commonest(forms: Counter[str]) -> str:
    """The most frequent form; between equals, one with capitals, then the first in order."""
    return max(sorted(forms), key=lambda f: (forms[f], f != f.lower()))
