"""How a reader is told where a sentence comes from.

A chronology cites its sources; a reader recognises an outlet ("Le Monde") or an article's
title, never the name of the file it was read from ("2013-07-03_article12.html", "gv_20.txt"),
which says nothing to someone who did not collect the files. So a source is shown as its
outlet when the article names one, else as its title (shortened, between guillemets, so that
it is not taken for an outlet), else as ``source inconnue``.
"""

from __future__ import annotations

import re

UNKNOWN_SOURCE = "source inconnue"
TITLE_CHARS = 60  # a title longer than this is cut at a word and ends with "…"

# What a file name or address looks like: a path separator, or a name ending with an extension
# of the inputs filrouge reads ("gv_20.txt", "page.html", "export.jsonl#r2", "export.csv:2").
_FILE_LIKE = re.compile(
    r"[/\\]|\.(?:txt|html?|xml|tml|json|jsonl|ndjson|csv|tsv|md|pdf|docx?|odt|rtf|eml|mbox|"
    r"zip|gz|tgz|bz2|xz|warc)(?:[#:].*)?$", re.IGNORECASE)


def looks_like_file(name: str) -> bool:
    """Whether ``name`` is a file name or a path rather than an outlet's name (a store written
    before sources were named this way may still hold file names as outlets)."""
    return bool(_FILE_LIKE.search(name.strip()))


def short_title(title: str, limit: int = TITLE_CHARS) -> str:
    """The title on one line, cut at a word boundary with "…" when longer than ``limit``."""
    text = " ".join(title.split())
    if len(text) <= limit:
        return text
    cut = text[:limit + 1].rsplit(" ", 1)[0] if " " in text[:limit + 1] else text[:limit]
    return cut.rstrip(" ,;:.-–—«") + "…"


def source_label(outlet: str | None, title: str | None = None) -> str:
    """The outlet when known; else the article's title, shortened, between guillemets; else
    ``source inconnue``. A file name or path is never returned."""
    named = outlet_name(outlet)
    if named:
        return named
    if title and title.strip() and not looks_like_file(title):
        return f"« {short_title(title)} »"
    return UNKNOWN_SOURCE


def outlet_name(outlet: str | None) -> str | None:
    """The outlet when it is one (not a file name standing in for it), else ``None``."""
    return " ".join(outlet.split()) if outlet and outlet.strip() and not looks_like_file(
        outlet) else None
