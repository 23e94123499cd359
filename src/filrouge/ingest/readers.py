"""Readers: files, folders, archives and standard input become raw documents; bad input is
rejected with a reason.

A reader never raises on bad input: it yields a :class:`~filrouge.model.Rejection` that the caller
records, so a run goes on and nothing is lost silently. Sizes are checked before anything is
read (``stat()`` for files, bounded reads for streams), so no input can fill memory.

Formats, by file name (content is sniffed for names without a known suffix and for ``-``,
standard input): plain text (``.txt``, ``.md``), saved web pages (``.html``), JSON (an object or
an array of objects), JSON Lines, CSV/TSV, RSS/Atom feeds, WARC web archives, and ``.gz``,
``.zip``, ``.tar``/``.tar.gz`` archives of any of these.
"""

from __future__ import annotations

import io
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath
from typing import IO

from filrouge.ingest.archives import read_gzip, read_tar, read_zip
from filrouge.ingest.encoding import decode, is_utf16
from filrouge.ingest.formats import (
    FieldMap,
    is_feed,
    is_timeml,
    read_csv,
    read_feed,
    read_json,
    read_jsonl,
    read_timeml,
    read_warc,
)
from filrouge.ingest.raw import LIMITS, Limits, RawDocument
from filrouge.ingest.streams import read_at_most, sniff
from filrouge.model import Rejection

__all__ = ["LIMITS", "Limits", "RawDocument", "decode", "iter_files", "read_bytes", "read_path",
           "read_stdin", "read_stream"]

STDIN = "-"
TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FORMAT_BY_SUFFIX = {
    **dict.fromkeys(TEXT_SUFFIXES, "text"),
    **dict.fromkeys(HTML_SUFFIXES, "html"),
    **dict.fromkeys(JSONL_SUFFIXES, "jsonl"),
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "xml",
    ".tml": "xml",
    ".warc": "warc",
    ".arc": "warc",
    ".zip": "zip",
    ".tar": "tar",
    ".gz": "gzip",
    ".tgz": "gzip",
}
STREAMED = {"jsonl", "csv", "tsv", "warc", "zip", "tar", "gzip"}
SUPPORTED = set(FORMAT_BY_SUFFIX)
MAX_FILE_BYTES = LIMITS.max_document_bytes


# -- finding files ---------------------------------------------------------------------------


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | Rejection]:
    """Every file under the given paths, recursively, in a stable order (files of a folder, then
    its sub-folders). Hidden files are skipped; symbolic links are followed, but a folder already
    read (a link back to a parent: a loop) is reported and not read again. ``-`` is passed on as
    standard input."""
    for raw in paths:
        if str(raw) == STDIN:
            yield Path(STDIN)
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            yield path
        elif path.is_symlink():
            yield Rejection(source=str(path), reason="broken symbolic link")
        else:
            yield Rejection(source=str(path), reason="no such file or directory")


def _walk(root: Path) -> Iterator[Path | Rejection]:
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            info = folder.stat()
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except FileNotFoundError:
            yield Rejection(source=str(folder), reason="folder vanished before it could be read")
            continue
        except OSError as error:
            yield Rejection(source=str(folder),
                            reason=f"cannot list folder: {error.strerror or error}")
            continue
        identity = (info.st_dev, info.st_ino)
        if identity in seen:
            yield Rejection(source=str(folder), reason="directory loop: a symbolic link to a "
                                                       "folder already read; not read again")
            continue
        seen.add(identity)
        folders: list[Path] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir():
                    folders.append(Path(entry.path))
                elif entry.is_file():
                    yield Path(entry.path)
                elif entry.is_symlink():
                    yield Rejection(source=entry.path, reason="broken symbolic link")
                else:
                    yield Rejection(source=entry.path, reason="not a regular file")
            except OSError as error:
                yield Rejection(source=entry.path, reason=f"cannot read: {error}")
        stack.extend(reversed(folders))


# -- reading ---------------------------------------------------------------------------------


def read_path(
    path: Path, *, fields: FieldMap | None = None, limits: Limits = LIMITS
) -> Iterator[RawDocument | Rejection]:
    """Read one file into zero or more raw documents (a JSON Lines file or an archive holds
    many). Its size is checked before it is opened."""
    if str(path) == STDIN:
        yield from read_stdin(fields=fields, limits=limits)
        return
    source = str(path)
    fmt = format_for_name(path.name)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            yield Rejection(source=source, reason="not a regular file")
            return
        cap = limits.max_stream_bytes if fmt in STREAMED or fmt is None else (
            limits.max_document_bytes)
        if info.st_size > cap:
            yield Rejection(source=source, reason=f"file too large ({info.st_size} bytes > "
                                                  f"{cap} for this format); split it first")
            return
        handle = path.open("rb")
    except FileNotFoundError:
        yield Rejection(source=source, reason="file vanished before it could be read")
        return
    except OSError as error:
        yield Rejection(source=source, reason=f"cannot read file: {error.strerror or error}")
        return
    with handle:
        try:
            yield from read_stream(handle, source=source, name=path.name, fields=fields,
                                   limits=limits)
        except OSError as error:
            yield Rejection(source=source, reason=f"read failed: {error.strerror or error}")


def read_stdin(
    *, fields: FieldMap | None = None, limits: Limits = LIMITS, stream: IO[bytes] | None = None
) -> Iterator[RawDocument | Rejection]:
    """Standard input as one input named ``-``; its format is sniffed from its first bytes."""
    yield from read_stream(stream or sys.stdin.buffer, source="<stdin>", name=STDIN,
                           fields=fields, limits=limits)


def read_bytes(
    data: bytes,
    *,
    source: str,
    suffix: str,
    fields: FieldMap | None = None,
    limits: Limits = LIMITS,
) -> Iterator[RawDocument | Rejection]:
    """Read bytes already in memory, their format given by a file suffix (sniffed when empty)."""
    name = f"input{suffix}" if suffix else STDIN
    yield from read_stream(io.BytesIO(data), source=source, name=name, fields=fields,
                           limits=limits)


def format_for_name(name: str) -> str | None:
    """The format a file name announces ("sniff" when it announces none)."""
    lower = name.lower()
    if lower == STDIN:
        return "sniff"
    if lower.endswith((".warc.gz", ".arc.gz")):
        return "warc"
    suffix = PurePosixPath(lower).suffix
    if suffix == "" or (suffix[1:].isdigit()):
        return "sniff"
    return FORMAT_BY_SUFFIX.get(suffix)


def sniff_format(head: bytes) -> str:
    """The format of an unnamed input (standard input, a file without suffix) from its start."""
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"WARC/"):
        return "warc"
    if head[257:262] == b"ustar":
        return "tar"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"{"):
        first = text.split(b"\n", 1)[0].strip()
        return "jsonl" if first.endswith(b"}") and _parses(first) else "json"
    if text.startswith(b"["):
        return "json"
    if is_feed(text) and text.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")):
        return "feed"
    if text.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in text[:4096]:
        return "html"
    return "text"


def _parses(line: bytes) -> bool:
    import json

    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def read_stream(
    stream: IO[bytes],
    *,
    source: str,
    name: str,
    fields: FieldMap | None = None,
    limits: Limits = LIMITS,
    depth: int = 0,
) -> Iterator[RawDocument | Rejection]:
    """Read a byte stream whose format is given by ``name`` (or sniffed): the one entry point
    every file, archive member and standard input goes through."""
    if depth > limits.max_depth:
        yield Rejection(source=source, reason=f"archives nested more than {limits.max_depth} "
                                              "deep")
        return
    fmt = format_for_name(name)
    if fmt is None:
        suffix = PurePosixPath(name).suffix
        yield Rejection(source=source, reason=f"unsupported file type '{suffix}'")
        return
    seekable = _seekable(stream)
    start = stream.tell() if seekable else 0
    original = stream
    head, stream = sniff(stream, 64 * 1024)
    if fmt == "sniff":
        fmt = sniff_format(head)
    if not head.strip():
        yield Rejection(source=source, reason="empty file")
        return

    def member(inner: IO[bytes], where: str, inner_name: str, level: int) -> Iterator[
            RawDocument | Rejection]:
        return read_stream(inner, source=where, name=inner_name, fields=fields, limits=limits,
                           depth=level)

    if fmt == "gzip":
        yield from read_gzip(stream, source=source, name=name, limits=limits, depth=depth,
                             read_member=member)
    elif fmt == "zip":
        if seekable:  # zip needs random access: give it the file itself, not the sniffed copy
            original.seek(start)
            stream = original
        yield from read_zip(stream, source=source, limits=limits, depth=depth,
                            read_member=member)
    elif fmt == "tar":
        yield from read_tar(stream, source=source, limits=limits, depth=depth,
                            read_member=member)
    elif fmt == "warc":
        yield from read_warc(stream, source, limits)
    elif _looks_binary(head):
        yield Rejection(source=source, reason="binary file (not text, HTML, JSON, CSV or a feed)")
    elif fmt == "jsonl":
        yield from read_jsonl(stream, source, fields, limits)
    elif fmt in ("csv", "tsv"):
        yield from read_csv(stream, source, fields, limits, tab=fmt == "tsv")
    else:
        data = read_at_most(stream, limits.max_document_bytes)
        if data is None:
            yield Rejection(source=source, reason=f"larger than {limits.max_document_bytes} "
                                                  "bytes for one document; split it first")
            return
        yield from _read_document(data, fmt, source, fields)


def _read_document(
    data: bytes, fmt: str, source: str, fields: FieldMap | None
) -> Iterator[RawDocument | Rejection]:
    if fmt in ("feed", "xml"):
        if is_feed(data.lstrip()[:4096]):
            yield from read_feed(data, source)
        elif is_timeml(data):
            yield from read_timeml(data, source)
        else:
            yield Rejection(source=source, reason="XML file that is not an RSS or Atom feed")
        return
    text, warnings = decode(data)
    if not text.strip():
        yield Rejection(source=source, reason="empty file")
    elif fmt == "json":
        for item in read_json(text, source, fields):
            if isinstance(item, RawDocument):
                item.warnings[:0] = warnings
            yield item
    elif fmt == "html":
        yield _read_html(text, source, warnings)
    else:
        yield RawDocument(source=source, text=text, format="text", warnings=warnings)


def _seekable(stream: IO[bytes]) -> bool:
    try:
        return stream.seekable()
    except (AttributeError, ValueError, OSError):
        return False


def _looks_binary(head: bytes) -> bool:
    """NUL bytes or many control characters: not a text format (UTF-16 text excepted)."""
    sample = head[:8192]
    if b"\x00" in sample:
        if is_utf16(sample):
            return False
        # a few stray NUL bytes in a text (a broken export) are removed when it is decoded;
        # many make it a binary file
        if sample.count(b"\x00") > max(2, len(sample) // 100):
            return True
        sample = sample.replace(b"\x00", b"")
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > len(sample) * 0.05


def _read_html(text: str, source: str, warnings: list[str]) -> RawDocument | Rejection:
    from filrouge.ingest.html import extract_html

    return extract_html(text, source=source, warnings=warnings)
