"""Which language an article is written in, with py3langid's bundled model (no download).

The identifier is restricted to the languages a French news pile plausibly contains (see
``PLAUSIBLE``): measured on the shared French data, the unrestricted model calls a few short
French texts Occitan, Catalan or Latin, which the restricted one does not, while it still tells
the European languages, Arabic, Russian, Ukrainian, Chinese… apart. Too little text to tell gives
``None``.
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
MIN_CONFIDENCE = 0.5
SAMPLE_CHARS = 3000


@lru_cache(maxsize=2)
def identifier(restricted: bool = True) -> Any:
    """The py3langid model with probabilities normalised, loaded once per process."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if restricted:
        model.set_languages(list(PLAUSIBLE))
    return model


def identify(text: str, *, restricted: bool = True) -> tuple[str | None, float]:
    """ISO 639-1 code and probability; ``(None, p)`` when the text is too short or unclear."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None, 0.0
    language, probability = identifier(restricted).classify(sample)
    if probability < MIN_CONFIDENCE:
        return None, float(probability)
    return str(language), float(probability)


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
