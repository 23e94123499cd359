"""From a raw document to a clean, dated :class:`~filrouge.model.Article` (no analysis yet)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from filrouge.ingest.clean import clean_text
from filrouge.ingest.dates import date_from_filename
from filrouge.ingest.readers import RawDocument, iter_files, read_path
from filrouge.model import Article, Published, Rejection, content_id

MAX_TEXT_CHARS = 500_000

_WORD = re.compile(r"[a-zàâäçéèêëîïôöùûüÿœæ']+")
_FRENCH = frozenset(
    "le la les de des du un une et est que qui dans pour pas sur au aux avec il elle ont "
    "ce cette son ses mais ou été par plus selon a".split()
)
_ENGLISH = frozenset(
    "the of and to in is that for on with as was were by it at from be this have are".split()
)


def guess_language(text: str) -> str | None:
    """French or English from function-word counts; None when the text is too short to tell.

    Enough to route an article to the right pipeline until a bundled-model language identifier
    takes over (issue: ingestion)."""
    words = _WORD.findall(text[:5000].lower())
    if len(words) < 20:
        return None
    french = sum(w in _FRENCH for w in words)
    english = sum(w in _ENGLISH for w in words)
    if french >= 2 * english and french > len(words) * 0.08:
        return "fr"
    if english >= 2 * french and english > len(words) * 0.08:
        return "en"
    return None


def prepare(raw: RawDocument) -> Article | Rejection:
    """Clean the text, take title, byline and date in order of trust, give the article its id."""
    published = raw.published
    year = int(published.value[:4]) if published and published.value else None
    file_date = date_from_filename(raw.source.split("#", 1)[0])
    if year is None and file_date and file_date.value:
        year = int(file_date.value[:4])
    cleaned = clean_text(raw.text, title=raw.title, reference_year=year)
    text = cleaned.text.strip()
    if not text:
        return Rejection(source=raw.source, reason="no article text left after cleaning")
    if len(text) > MAX_TEXT_CHARS:
        return Rejection(
            source=raw.source,
            reason=f"text too long for one article ({len(text)} chars > {MAX_TEXT_CHARS})",
        )
    for candidate in (cleaned.published, file_date):
        if (published is None or published.value is None) and candidate and candidate.value:
            published = candidate
    return Article(
        id=content_id(text),
        source=raw.source,
        title=cleaned.title or raw.title,
        byline=raw.byline or cleaned.byline,
        outlet=raw.outlet,
        url=raw.url,
        language=guess_language(text),
        published=published or Published(),
        text=text,
        removed=[*raw.removed, *cleaned.removed],
        warnings=list(raw.warnings),
    )


def read_articles(paths: Iterable[str | Path]) -> Iterator[Article | Rejection]:
    """Every article found under the paths, cleaned and dated, or the reason it was rejected."""
    for item in iter_files(paths):
        if isinstance(item, Rejection):
            yield item
            continue
        for raw in read_path(item):
            yield raw if isinstance(raw, Rejection) else prepare(raw)
