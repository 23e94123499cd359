"""Byte streams that can be sniffed before reading and that stop at a limit.

Readers take streams rather than whole files so that a large export or a decompression bomb is
measured while it is read, and refused, instead of being loaded into memory first.
"""

from __future__ import annotations

import io
from typing import IO, Any

RATIO_FROM_BYTES = 1024 * 1024  # below this much output, any compression ratio is fine


class LimitExceeded(Exception):
    """A stream gave more bytes than allowed; the message says which limit."""


class _Counting(io.RawIOBase):
    """Counts the bytes read from the wrapped stream (the compressed side of an archive)."""

    def __init__(self, inner: IO[bytes]) -> None:
        self.inner = inner
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self.inner.read(len(buffer))
        buffer[: len(data)] = data
        self.count += len(data)
        return len(data)


class _Bounded(io.RawIOBase):
    """Raises :class:`LimitExceeded` once more than ``cap`` bytes have come out, or once the
    output is more than ``max_ratio`` times what was read on the compressed side."""

    def __init__(
        self,
        inner: IO[bytes],
        *,
        cap: int,
        what: str,
        compressed: _Counting | None = None,
        compressed_size: int | None = None,
        max_ratio: int | None = None,
    ) -> None:
        self.inner = inner
        self.cap = cap
        self.what = what
        self.compressed = compressed
        self.compressed_size = compressed_size
        self.max_ratio = max_ratio
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self.inner.read(len(buffer))
        self.count += len(data)
        if self.count > self.cap:
            raise LimitExceeded(f"{self.what} expands beyond {self.cap} bytes")
        if self.max_ratio and self.count > RATIO_FROM_BYTES:
            read = self.compressed.count if self.compressed else self.compressed_size
            if read and self.count > read * self.max_ratio:
                raise LimitExceeded(
                    f"{self.what} expands more than {self.max_ratio} times its compressed size "
                    "(a decompression bomb?)"
                )
        buffer[: len(data)] = data
        return len(data)


def bounded(
    inner: IO[bytes],
    *,
    cap: int,
    what: str,
    compressed_size: int | None = None,
    max_ratio: int | None = None,
) -> io.BufferedReader:
    """A buffered view of ``inner`` that refuses to give more than ``cap`` bytes."""
    raw = _Bounded(inner, cap=cap, what=what, compressed_size=compressed_size,
                   max_ratio=max_ratio)
    return io.BufferedReader(raw, buffer_size=64 * 1024)


def decompressing(
    compressed: IO[bytes], *, cap: int, what: str, max_ratio: int
) -> io.BufferedReader:
    """The decompressed side of a gzip stream, bounded by size and by compression ratio."""
    import gzip

    counting = _Counting(compressed)
    source: Any = gzip.GzipFile(fileobj=io.BufferedReader(counting), mode="rb")
    raw = _Bounded(source, cap=cap, what=what, compressed=counting, max_ratio=max_ratio)
    return io.BufferedReader(raw, buffer_size=64 * 1024)


class _Chained(io.RawIOBase):
    """Bytes already read (a sniffed head), then the rest of the stream."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self.head = head
        self.position = 0
        self.rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self.position < len(self.head):
            data = self.head[self.position : self.position + len(buffer)]
            self.position += len(data)
        else:
            data = self.rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def sniff(stream: IO[bytes], size: int = 64 * 1024) -> tuple[bytes, io.BufferedReader]:
    """The first ``size`` bytes of a stream, and a stream that still starts at the beginning."""
    head = b""
    while len(head) < size:
        chunk = stream.read(size - len(head))
        if not chunk:
            break
        head += chunk
    return head, io.BufferedReader(_Chained(head, stream), buffer_size=64 * 1024)


def read_at_most(stream: IO[bytes], cap: int) -> bytes | None:
    """Everything in the stream, or None when it holds more than ``cap`` bytes."""
    data = stream.read(cap + 1)
    return None if len(data) > cap else data
