"""Readers: files, folders and JSON Lines become raw documents; bad input is rejected with a reason.

A reader never raises on bad input: it yields a :class:`~filrouge.model.Rejection` that the caller
records, so a run goes on and nothing is lost silently.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from filrouge.model import Published, Rejection, Removed

MAX_FILE_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".md", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


@dataclass
class RawDocument:
    """One article as read, before cleaning: text plus whatever metadata the container gave."""

    source: str
    text: str
    format: str  # "text" | "html" | "jsonl"
    title: str | None = None
    byline: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: Published | None = None
    given_id: str | None = None
    removed: list[Removed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | Rejection]:
    """Every file under the given paths, recursively, in a stable order; symlinked folders are
    not followed, so a directory loop cannot trap the walk."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for folder, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(folder) / name
        elif path.is_file():
            yield path
        else:
            yield Rejection(source=str(path), reason="no such file or directory")


def read_path(path: Path) -> Iterator[RawDocument | Rejection]:
    """Read one file into zero or more raw documents (a JSON Lines file holds many)."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield Rejection(
                source=source,
                reason=f"file too large ({size} bytes > {MAX_FILE_BYTES}); split it first",
            )
            return
        data = path.read_bytes()
    except OSError as error:
        yield Rejection(source=source, reason=f"cannot read file: {error.strerror or error}")
        return
    yield from read_bytes(data, source=source, suffix=path.suffix.lower())


def read_bytes(data: bytes, *, source: str, suffix: str) -> Iterator[RawDocument | Rejection]:
    """Read raw bytes whose format is given by a file suffix (or sniffed when unknown)."""
    if not data.strip():
        yield Rejection(source=source, reason="empty file")
        return
    if _looks_binary(data):
        yield Rejection(source=source, reason="binary file (not text, HTML or JSON Lines)")
        return
    text, warnings = decode(data)
    fmt = _format_for(suffix, text)
    if fmt is None:
        yield Rejection(source=source, reason=f"unsupported file type '{suffix}'")
        return
    if fmt == "jsonl":
        yield from _read_jsonl(text, source)
    elif fmt == "html":
        yield _read_html(text, source, warnings)
    else:
        yield RawDocument(source=source, text=text, format="text", warnings=warnings)


def decode(data: bytes) -> tuple[str, list[str]]:
    """Decode text bytes: UTF-8 (with or without BOM) first; a few bad bytes in UTF-8 text are
    replaced and reported; otherwise Windows-1252, the usual encoding of older French pages."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd")
    multibyte = sum(1 for ch in replaced if ord(ch) > 127 and ch != "\ufffd")
    if multibyte >= bad:
        return replaced, [f"invalid UTF-8: {bad} byte sequence(s) replaced by U+FFFD"]
    try:
        return data.decode("cp1252"), ["not UTF-8: decoded as Windows-1252"]
    except UnicodeDecodeError:
        return data.decode("latin-1"), ["not UTF-8: decoded as Latin-1"]


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) * 0.05


def _format_for(suffix: str, text: str) -> str | None:
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    start = text.lstrip()[:200].lower()
    if start.startswith(("<!doctype html", "<html")):
        return "html"
    if suffix == "":
        return "text"
    return None


def _read_jsonl(text: str, source: str) -> Iterator[RawDocument | Rejection]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Rejection(source=where, reason=f"invalid JSON: {error.msg}")
            continue
        if not isinstance(record, dict):
            yield Rejection(source=where, reason="a JSON Lines record must be an object")
            continue
        body = record.get("text")
        if not isinstance(body, str) or not body.strip():
            yield Rejection(source=where, reason="record has no 'text' field with content")
            continue
        given_id = str(record["id"]) if record.get("id") is not None else None
        published = record.get("published")
        yield RawDocument(
            source=f"{source}#{given_id}" if given_id else where,
            text=body,
            format="jsonl",
            title=_str_or_none(record.get("title")),
            byline=_str_or_none(record.get("author") or record.get("byline")),
            url=_str_or_none(record.get("url")),
            outlet=_str_or_none(record.get("outlet") or record.get("source")),
            published=(
                Published(value=str(published)[:10], origin="input", confidence=1.0)
                if published
                else None
            ),
            given_id=given_id,
        )


def _str_or_none(value: object) -> str | None:
    return str(value).strip() or None if value is not None else None


def _read_html(text: str, source: str, warnings: list[str]) -> RawDocument | Rejection:
    from filrouge.ingest.html import extract_html

    return extract_html(text, source=source, warnings=warnings)
