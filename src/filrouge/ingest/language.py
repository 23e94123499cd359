"""Which language an article is written in, with py3langid's bundled model (no download).

The identifier is restricted to the languages a French news pile plausibly contains
(``PLAUSIBLE``). Measured with ``bench/ingest_quality.py`` on the shared French news (441 texts,
4,892 paragraphs of 40–300 characters): whole articles are French for both settings (one
miss, a bilingual licence file); on single paragraphs the restricted model says French for
98.1 % against 98.0 % unrestricted; the rest are Arabic-script quotes (45), English (20:
tweets, book titles) and lines too short to tell (26). The restriction mainly avoids labels
such as Egyptian or Moroccan Arabic (``arz``, ``ary``) that no pipeline exists for. Too little
text to tell gives ``None``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

# French first; neighbours and the languages of the news it covers.
PLAUSIBLE = (
    "fr", "en", "de", "es", "it", "pt", "nl", "ca", "br", "eu", "oc", "la", "pl", "ro", "sv",
    "da", "no", "fi", "cs", "sk", "hu", "el", "tr", "ru", "uk", "be", "bg", "sr", "hr", "sl",
    "lt", "lv", "et", "ar", "he", "fa", "zh", "ja", "ko", "vi", "id", "sw", "ht", "hi", "ur",
    "sq", "mk", "ka", "hy",
)
MIN_LETTERS = 20
MIN_CONFIDENCE = 0.5  # a line identified less surely than this does not vote
MIN_SHARE = 0.5  # the main language must cover half of the sampled letters
SAMPLE_CHARS = 1500


@lru_cache(maxsize=2)
def identifier(restricted: bool = True) -> Any:
    """The py3langid model with probabilities normalised, loaded once per process."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if restricted:
        model.set_languages(list(PLAUSIBLE))
    return model


def identify(text: str, *, restricted: bool = True) -> tuple[str | None, float]:
    """ISO 639-1 code of the main language and the share of the sampled letters written in it;
    ``(None, share)`` when the text is too short or no language has half of it.

    Each line of the sample is identified on its own and weighs by its letters, so an article
    quoting tweets in Arabic or English stays French when most of it is French (a single
    identification of the whole would let the quotes win: non-Latin letters are several bytes
    each in the model's input)."""
    sample = text[:SAMPLE_CHARS]
    lines = [(line, _letters(line)) for line in sample.split("\n")]
    lines = [(line, count) for line, count in lines if count >= MIN_LETTERS]
    if not lines:
        if _letters(sample) < MIN_LETTERS:
            return None, 0.0
        lines = [(sample, _letters(sample))]
    model = identifier(restricted)
    votes: dict[str, int] = {}
    for line, count in lines:
        language, probability = model.classify(line)
        if probability >= MIN_CONFIDENCE:
            votes[str(language)] = votes.get(str(language), 0) + count
    if not votes:
        return None, 0.0
    best = max(votes, key=lambda language: votes[language])
    share = votes[best] / sum(count for _, count in lines)
    return (best if share >= MIN_SHARE else None), share


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def guess_language(text: str) -> str | None:
    """The article's language, or None when there is too little text to tell."""
    return identify(text)[0]


# spaCy pipelines tried for a language, best first; French uses the model given to the Analyzer.
_PIPELINE_SUFFIXES = ("core_news_lg", "core_news_md", "core_news_sm", "core_web_lg",
                      "core_web_md", "core_web_sm", "core_web_trf", "core_news_trf")


@lru_cache(maxsize=64)
def installed_pipeline(language: str) -> str | None:
    """Name of an installed spaCy pipeline for ``language`` (models are never downloaded)."""
    import spacy.util

    if not language.isalpha():
        return None
    for suffix in _PIPELINE_SUFFIXES:
        name = f"{language}_{suffix}"
        if spacy.util.is_package(name):
            return name
    return None
