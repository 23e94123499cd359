"""From a raw document to a clean, dated :class:`~filrouge.model.Article` (no analysis yet):
mojibake repaired, debris removed, date and language found."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from filrouge.ingest.clean import clean_text
from filrouge.ingest.dates import date_from_filename
from filrouge.ingest.encoding import repair_mojibake
from filrouge.ingest.formats import FieldMap
from filrouge.ingest.language import guess_language, identify
from filrouge.ingest.raw import LIMITS, Limits
from filrouge.ingest.readers import RawDocument, iter_files, read_path
from filrouge.model import Article, Published, Rejection, content_id

__all__ = ["guess_language", "prepare", "read_articles"]

MAX_TEXT_CHARS = 500_000

def prepare(raw: RawDocument) -> Article | Rejection:
    """Repair and clean the text, take title, byline and date in order of trust, identify the
    language, give the article its id."""
    warnings = list(raw.warnings)
    body, repaired = repair_mojibake(raw.text)
    if repaired:
        warnings.append(repaired)
    title = repair_mojibake(raw.title)[0] if raw.title else None
    byline = repair_mojibake(raw.byline)[0] if raw.byline else None
    published = raw.published
    year = int(published.value[:4]) if published and published.value else None
    file_date = date_from_filename(raw.source.split("#", 1)[0])
    if year is None and file_date and file_date.value:
        year = int(file_date.value[:4])
    cleaned = clean_text(body, title=title, reference_year=year)
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
    language, share = identify(text)
    if language is not None and language != "fr":
        warnings.append(f"language identified as '{language}' ({share:.0%} of the sampled "
                        "text), not French")
    return Article(
        id=content_id(text),
        source=raw.source,
        title=cleaned.title or title,
        byline=byline or cleaned.byline,
        outlet=raw.outlet,
        url=raw.url,
        language=language,
        published=published or Published(),
        text=text,
        removed=[*raw.removed, *cleaned.removed],
        warnings=warnings,
        raw_path=raw.raw_path,
    )


def read_articles(
    paths: Iterable[str | Path], *, fields: FieldMap | None = None, limits: Limits = LIMITS
) -> Iterator[Article | Rejection]:
    """Every article found under the paths, cleaned and dated, or the reason it was rejected.

    ``fields`` names the columns of JSON/CSV records (``{"text": "corps", "date": "jour"}``);
    the usual names are recognised without it."""
    for item in iter_files(paths):
        if isinstance(item, Rejection):
            yield item
            continue
        for raw in read_path(item, fields=fields, limits=limits):
            yield raw if isinstance(raw, Rejection) else prepare(raw)
