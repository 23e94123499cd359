"""What every reader returns, and the size limits every reader enforces."""

from __future__ import annotations

from dataclasses import dataclass, field

from filrouge.model import Published, Removed

MIB = 1024 * 1024


@dataclass
class RawDocument:
    """One article as read, before cleaning: text plus whatever metadata the container gave."""

    source: str
    text: str
    format: str  # "text" | "html" | "jsonl" | "json" | "csv" | "feed" | "timeml" | "warc"
    title: str | None = None
    byline: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: Published | None = None
    given_id: str | None = None
    removed: list[Removed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    raw_path: str | None = None  # where the raw bytes were kept (fetched pages)


@dataclass(frozen=True)
class Limits:
    """How much a reader may take in, so that no input can exhaust memory or disk.

    Whole documents (text, HTML, JSON, feeds, one archive member) are read into memory up to
    ``max_document_bytes``; record streams (JSON Lines, CSV, WARC, archives) are read piece by
    piece up to ``max_stream_bytes``. Archives may expand to ``max_uncompressed_bytes`` in all,
    and a member (or a .gz file) that expands more than ``max_ratio`` times is a decompression
    bomb, refused before it is read.
    """

    max_document_bytes: int = 20 * MIB
    max_stream_bytes: int = 2048 * MIB
    max_uncompressed_bytes: int = 2048 * MIB
    max_ratio: int = 200
    max_members: int = 100_000
    max_depth: int = 3


LIMITS = Limits()
