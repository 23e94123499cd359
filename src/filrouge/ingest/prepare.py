"""From a raw document to a clean, dated :class:`~filrouge.model.Article` (no analysis yet):
mojibake repaired, debris removed, date and language found."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from urllib.parse import urlsplit

from filrouge.ingest.clean import clean_text, normal_line
from filrouge.ingest.dates import date_from_filename
from filrouge.ingest.encoding import repair_mojibake
from filrouge.ingest.formats import FieldMap
from filrouge.ingest.language import guess_language, identify
from filrouge.ingest.raw import LIMITS, Limits
from filrouge.ingest.readers import RawDocument, iter_files, read_path
from filrouge.model import Article, Published, Rejection, Removed, content_id

__all__ = ["SiteLines", "guess_language", "outlet_of_url", "prepare", "read_articles"]

MAX_TEXT_CHARS = 500_000


def outlet_of_url(url: str | None) -> str | None:
    """The host of a web address, without ``www.`` ("https://www.lejournal.fr/a/1" →
    "lejournal.fr"); ``None`` for anything that is not an http(s) address."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").removeprefix("www.")
    return host if parts.scheme in ("http", "https") and "." in host else None


def prepare(raw: RawDocument, *, site_lines: Iterable[str] = ()) -> Article | Rejection:
    """Repair and clean the text, take title, byline, date and outlet in order of trust,
    identify the language, give the article its id.

    ``site_lines`` are lines that head many unrelated articles of the same run (see
    :class:`SiteLines`): never taken as the title."""
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
    cleaned = clean_text(body, title=title, reference_year=year, site_lines=site_lines)
    text = cleaned.text.strip()
    if not text:
        return Rejection(source=raw.source, reason="no article text left after cleaning")
    if len(text) > MAX_TEXT_CHARS:
        return Rejection(
            source=raw.source,
            reason=f"text too long for one article ({len(text)} chars > {MAX_TEXT_CHARS})",
        )
    for candidate in (cleaned.published, _stamp_among(raw.removed, year), file_date):
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
        # The container's own field, else the site the page names (copyright, cookie notice…),
        # else the host of its address; never the file name.
        outlet=raw.outlet or cleaned.outlet or outlet_of_url(raw.url),
        url=raw.url,
        language=language,
        published=published or Published(),
        text=text,
        removed=[*raw.removed, *cleaned.removed],
        warnings=warnings,
        raw_path=raw.raw_path,
    )


def _stamp_among(removed: Sequence[Removed], year: int | None) -> Published | None:
    """The publication stamp of lines the page reader already dropped as chrome ("<p
    class="meta">Par la rédaction - Publié le 16 janvier 2025 à 18h05</p>"): read by the same
    rules as stamps in the text, so the day is not lost with the line."""
    if not removed:
        return None
    found = clean_text("\n".join(r.text for r in removed), reference_year=year).published
    return found if found.value and found.origin == "timestamp" else None


# -- lines a site repeats at the head of its pages ---------------------------------------------

_WORD = re.compile(r"\w+")
# Only short lines near the top are remembered: the head of a page, before its first paragraph.
HEAD_MAX_LINES = 60
HEAD_LINE_MAX_WORDS = 30
PARAGRAPH_WORDS = 25
# A line heading this many unrelated articles is the site's, not an article's.
SITE_LINE_MIN_ARTICLES = 3
# Two articles whose first paragraphs share this share of words are the same dispatch (wire
# copies keep their headline across outlets: that repetition is not the site's).
SAME_DISPATCH_JACCARD = 0.5
SIGNATURE_WORDS = 40
# Memory bounds: articles remembered per line, lines remembered in all.
MAX_SIGNATURES_PER_LINE = 2 * SITE_LINE_MIN_ARTICLES
MAX_LINES = 50_000


class SiteLines:
    """Short lines seen at the head of several unrelated articles of one run: a site's slogan,
    its list of most-read articles, its menu. Such a line is never an article's headline (a
    headline used again for a daily series is lost with it: a known limit). Articles count as
    unrelated when their first paragraphs differ, so that a wire dispatch run by several outlets
    under the same headline does not make its headline a site line."""

    def __init__(self, min_articles: int = SITE_LINE_MIN_ARTICLES) -> None:
        self.min_articles = min_articles
        self._seen: dict[str, list[frozenset[str]]] = {}
        self._known: set[str] = set()

    @property
    def lines(self) -> frozenset[str]:
        """The lines known so far, in the form :func:`~filrouge.ingest.clean.normal_line`
        gives."""
        return frozenset(self._known)

    def observe(self, text: str) -> None:
        """Remember the head lines of one raw text."""
        head: list[str] = []
        signature: frozenset[str] = frozenset()
        for line in text.splitlines()[: 4 * HEAD_MAX_LINES]:
            words = _WORD.findall(line.casefold())
            if len(words) >= PARAGRAPH_WORDS:
                signature = frozenset(words[:SIGNATURE_WORDS])
                break
            if words and len(words) <= HEAD_LINE_MAX_WORDS and len(head) < HEAD_MAX_LINES:
                head.append(normal_line(line))
        for line in dict.fromkeys(head):
            if line in self._known:
                continue
            signatures = self._seen.setdefault(line, [])
            if len(signatures) < MAX_SIGNATURES_PER_LINE:
                signatures.append(signature)
            if self._unrelated(signatures) >= self.min_articles:
                self._known.add(line)
                del self._seen[line]
        if len(self._seen) > MAX_LINES:  # forget the lines seen once
            self._seen = {k: v for k, v in self._seen.items() if len(v) > 1}

    @staticmethod
    def _unrelated(signatures: list[frozenset[str]]) -> int:
        """How many of these articles are distinct dispatches (greedy, in order)."""
        kept: list[frozenset[str]] = []
        for signature in signatures:
            if not signature:
                continue
            if all(len(signature & k) / len(signature | k) < SAME_DISPATCH_JACCARD for k in kept):
                kept.append(signature)
        return len(kept)


# Articles held back at most, so that a site line found a little later still reaches them.
WINDOW = 64


def read_articles(
    paths: Iterable[str | Path], *, fields: FieldMap | None = None, limits: Limits = LIMITS
) -> Iterator[Article | Rejection]:
    """Every article found under the paths, cleaned and dated, or the reason it was rejected.

    ``fields`` names the columns of JSON/CSV records (``{"text": "corps", "date": "jour"}``);
    the usual names are recognised without it. Articles are held back by up to ``WINDOW`` so
    that lines the site repeats at the head of its pages (:class:`SiteLines`) are known before
    titles are settled; the order of the inputs is kept."""
    site = SiteLines()
    pending: list[tuple[RawDocument | None, Article | Rejection]] = []

    def flush() -> Iterator[Article | Rejection]:
        known = site.lines
        for raw, item in pending:
            if (raw is not None and isinstance(item, Article) and raw.title is None
                    and item.title is not None and normal_line(item.title) in known):
                item = prepare(raw, site_lines=known)
            yield item
        pending.clear()

    for path in iter_files(paths):
        if isinstance(path, Rejection):
            pending.append((None, path))
            continue
        for raw in read_path(path, fields=fields, limits=limits):
            if isinstance(raw, Rejection):
                pending.append((None, raw))
                continue
            site.observe(raw.text)
            pending.append((raw, prepare(raw, site_lines=site.lines)))
            if len(pending) >= WINDOW:
                yield from flush()
    yield from flush()
