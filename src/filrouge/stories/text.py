"""Plain-text helpers shared by grouping, timelines and update summaries: French content words
(stop words removed, light stemming) and sentence spans.

The stemmer is a light suffix stripper in the spirit of Savoy (1999): it removes plural and
feminine endings only, so "manifestants" and "manifestante" meet at "manifestant" (and "chinois",
"chinoises" at "chinoi") while words
are never cut to unreadable stems. spaCy lemmas would be better but are not kept in the stored
articles, and grouping must stay cheap enough for 100 k articles.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from importlib import resources

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?…]+(?:[ \u00a0\u202f]*[»”])?[\"')]*\s+|\n+")
_ABBREVIATION = re.compile(r"(?:\b(?:M|MM|Mme|Mmes|Mgr|Dr|St|Ste|av|cf|etc|ex|p|n°)|\b[A-Z])\.\s+$")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """French function words and frequent reporting words (``data/stopwords_fr.json``)."""
    path = resources.files("filrouge") / "data" / "stopwords_fr.json"
    raw = json.loads(path.read_text("utf-8"))
    return frozenset(raw["function_words"]) | frozenset(raw["news_words"])


def stem(word: str) -> str:
    """Light French stem: lower case, plural and feminine endings removed."""
    if len(word) > 5 and word.endswith("aux"):
        return word[:-3] + "al"
    for ending, minimum in (("s", 3), ("e", 4), ("s", 3)):
        if len(word) > minimum and word.endswith(ending) and not word.endswith("ss"):
            word = word[:-1]
    return word


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters and inner hyphens), NFC, apostrophes split off."""
    return [m.group(0).lower() for m in _WORD.finditer(unicodedata.normalize("NFC", text))]


def content_terms(text: str) -> list[str]:
    """Stemmed content words: what two texts must share to be about the same thing."""
    stop = stopwords()
    return [stem(w) for w in words(text) if len(w) > 1 and w not in stop]


def term_counts(text: str) -> Counter[str]:
    return Counter(content_terms(text))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets: ends at . ! ? … (and closing quotes) before a space, or at
    a line break; not after "M.", "Mme." or an initial."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if "\n" not in match.group(0) and _ABBREVIATION.search(text[max(0, end - 8):end]):
            continue
        _add_span(text, start, end, spans)
        start = end
    _add_span(text, start, len(text), spans)
    return spans


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
