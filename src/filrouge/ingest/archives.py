"""Archives (.gz, .zip, .tar, .tar.gz) read member by member, never unpacked to disk.

Every member goes through the same readers as a file would, under the names it has in the
archive (``corpus.zip!/2023-07-11/otan.txt``), so dates in folder names still count. What an
archive may expand to is bounded three ways (see :class:`~filrouge.ingest.raw.Limits`): a total
uncompressed size, a per-document size, and a compression ratio. A zip member whose declared
sizes already break a limit is refused without being opened; declared sizes can lie, so the
limits are enforced again on the bytes actually decompressed.
"""

from __future__ import annotations

import gzip
import shutil
import tarfile
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import PurePosixPath
from typing import IO

from filrouge.ingest.raw import Limits, RawDocument
from filrouge.ingest.streams import RATIO_FROM_BYTES, LimitExceeded, bounded, decompressing
from filrouge.model import Rejection

Item = RawDocument | Rejection
MemberReader = Callable[[IO[bytes], str, str, int], Iterator[Item]]
"""Reads one member: (stream, source, name inside the archive, nesting depth)."""

_CORRUPT = (gzip.BadGzipFile, zipfile.BadZipFile, tarfile.TarError, zlib.error, EOFError,
            OSError)


def member_source(archive: str, name: str) -> str:
    return f"{archive}!/{name}"


def skipped_member(name: str) -> bool:
    """Operating-system debris inside archives (macOS resource forks, hidden files)."""
    path = PurePosixPath(name)
    return path.parts[:1] == ("__MACOSX",) or any(p.startswith(".") for p in path.parts)


def read_gzip(
    stream: IO[bytes], *, source: str, name: str, limits: Limits, depth: int,
    read_member: MemberReader,
) -> Iterator[Item]:
    """A gzip file: its one document (``x.jsonl.gz`` is read as ``x.jsonl``), decompressed as
    it is read."""
    lower = name.lower()
    inner = name[:-3] if lower.endswith(".gz") else name[:-4] + ".tar" if lower.endswith(
        ".tgz") else name
    data = decompressing(stream, cap=limits.max_uncompressed_bytes, what=source,
                         max_ratio=limits.max_ratio)
    try:
        yield from read_member(data, source, inner, depth + 1)
    except LimitExceeded as error:
        yield Rejection(source=source, reason=f"refused: {error}")
    except _CORRUPT as error:
        yield Rejection(source=source, reason=f"corrupt gzip data: {error}")


def read_zip(
    stream: IO[bytes], *, source: str, limits: Limits, depth: int, read_member: MemberReader,
) -> Iterator[Item]:
    """A zip archive, member by member. Zip needs random access: a stream that cannot seek
    (standard input, a member of another archive) is spooled to a temporary file first."""
    try:
        seekable = stream.seekable()
    except (AttributeError, ValueError, OSError):
        seekable = False
    if seekable:
        yield from _zip_members(stream, source, limits, depth, read_member)
        return
    with tempfile.SpooledTemporaryFile(max_size=limits.max_document_bytes) as spool:
        try:
            shutil.copyfileobj(bounded(stream, cap=limits.max_stream_bytes, what=source), spool)
        except LimitExceeded as error:
            yield Rejection(source=source, reason=f"refused: {error}")
            return
        spool.seek(0)
        yield from _zip_members(spool, source, limits, depth, read_member)


def _zip_members(
    stream: IO[bytes], source: str, limits: Limits, depth: int, read_member: MemberReader,
) -> Iterator[Item]:
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        yield Rejection(source=source, reason=f"not a readable zip archive: {error}")
        return
    with archive:
        declared_total = 0
        members = [i for i in archive.infolist() if not i.is_dir()]
        if not members:
            yield Rejection(source=source, reason="empty archive")
        for count, info in enumerate(members, start=1):
            where = member_source(source, info.filename)
            if skipped_member(info.filename):
                continue
            if count > limits.max_members:
                yield Rejection(source=source, reason=f"more than {limits.max_members} members;"
                                                      " the rest were not read")
                return
            if info.flag_bits & 0x1:
                yield Rejection(source=where, reason="encrypted archive member")
                continue
            reason = _declared_problem(info, declared_total, limits)
            if reason:
                yield Rejection(source=where, reason=f"refused: {reason}")
                continue
            declared_total += info.file_size
            try:
                with archive.open(info) as member:
                    data = bounded(member, cap=limits.max_uncompressed_bytes - declared_total
                                   + info.file_size, what=where,
                                   compressed_size=info.compress_size or 1,
                                   max_ratio=limits.max_ratio)
                    yield from read_member(data, where, info.filename, depth + 1)
            except LimitExceeded as error:
                yield Rejection(source=where, reason=f"refused: {error}")
            except (*_CORRUPT, NotImplementedError, RuntimeError) as error:
                yield Rejection(source=where, reason=f"corrupt archive member: {error}")


def _declared_problem(info: zipfile.ZipInfo, total: int, limits: Limits) -> str | None:
    """Why a zip member's own declared sizes already make it unacceptable."""
    if total + info.file_size > limits.max_uncompressed_bytes:
        return (f"archive expands beyond {limits.max_uncompressed_bytes} bytes "
                f"(member declares {info.file_size})")
    if info.file_size > RATIO_FROM_BYTES and info.file_size > max(
            info.compress_size, 1) * limits.max_ratio:
        ratio = info.file_size // max(info.compress_size, 1)
        return (f"member declares {info.file_size} bytes from {info.compress_size} compressed "
                f"({ratio}:1 > {limits.max_ratio}:1): a decompression bomb")
    return None


def read_tar(
    stream: IO[bytes], *, source: str, limits: Limits, depth: int, read_member: MemberReader,
) -> Iterator[Item]:
    """A tar archive read as a stream, member after member (a .tar.gz arrives here already
    decompressed, under the gzip limits)."""
    try:
        archive = tarfile.open(fileobj=stream, mode="r|")  # noqa: SIM115 (closed below)
    except tarfile.TarError as error:
        yield Rejection(source=source, reason=f"not a readable tar archive: {error}")
        return
    count = 0
    try:
        for member in archive:
            where = member_source(source, member.name)
            if member.isdir() or skipped_member(member.name):
                continue
            count += 1
            if count > limits.max_members:
                yield Rejection(source=source, reason=f"more than {limits.max_members} members;"
                                                      " the rest were not read")
                return
            if not member.isfile():
                yield Rejection(source=where, reason="not a regular file (link or device)")
                continue
            handle = archive.extractfile(member)
            if handle is None:
                continue
            data = bounded(handle, cap=limits.max_uncompressed_bytes, what=where)
            try:
                yield from read_member(data, where, member.name, depth + 1)
            except LimitExceeded as error:
                yield Rejection(source=where, reason=f"refused: {error}")
    except _CORRUPT as error:
        yield Rejection(source=source, reason=f"corrupt tar archive: {error}")
    finally:
        archive.close()
    if count == 0:
        yield Rejection(source=source, reason="empty archive")
