"""Capped reading and guarded gunzip: no input may make us hold more than the limit.

A gzip bomb is a small file that expands to gigabytes; it is told apart from a
merely large file by its expansion ratio, so the reason given is the right one.
"""

from __future__ import annotations

import gzip
import io
import zlib
from typing import IO, cast

from claimgraph.errors import InputError

GZIP_MAGIC = b"\x1f\x8b"
BOMB_RATIO = 100  # text compresses about 3-10 times; a hundredfold expansion is crafted


def read_capped(stream: IO[bytes] | gzip.GzipFile, max_bytes: int, packed_size: int | None = None) -> bytes:
    """Read the whole stream, or raise InputError when it holds more than max_bytes."""
    try:
        content = stream.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as error:
        raise InputError(f"corrupt compressed data: {error}") from error
    if len(content) > max_bytes:
        raise over_limit(max_bytes, packed_size)
    return content


def over_limit(max_bytes: int, packed_size: int | None) -> InputError:
    """The right error for content past the limit: a bomb when it came from a tiny packed size."""
    if packed_size is not None and packed_size * BOMB_RATIO < max_bytes:
        return InputError(
            f"gzip bomb: {packed_size:,} compressed bytes expand past the {max_bytes:,}-byte limit"
        )
    return InputError(f"too large: more than {max_bytes:,} bytes (limit {max_bytes:,})")


def gunzip_capped(content: bytes, max_bytes: int) -> bytes:
    """Unpack gzipped bytes within the limit. A bomb is told by what it had consumed when it passed
    the limit, not by its whole size: a 2 GB bomb is 2 MB packed, which alone looks like text."""
    with io.BufferedReader(GuardedGunzip(io.BytesIO(content), max_bytes)) as stream:
        return read_capped(stream, max_bytes)


class GuardedGunzip(io.RawIOBase):
    """A gunzip stream for containers (JSONL, CSV, stdin): it stops with a clear error once
    the expansion ratio shows a bomb, so a crafted file cannot spin for minutes."""

    def __init__(self, packed: IO[bytes], max_bytes: int) -> None:
        self._counted = _Counted(packed)
        self._stream = gzip.GzipFile(fileobj=cast(IO[bytes], self._counted))
        self._max_bytes = max_bytes
        self._produced = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        try:
            data = self._stream.read(len(buffer))
        except (OSError, EOFError, zlib.error) as error:
            raise InputError(f"corrupt compressed data: {error}") from error
        self._produced += len(data)
        consumed = max(self._counted.count, 1)
        if self._produced > self._max_bytes and self._produced > consumed * BOMB_RATIO:
            raise InputError(
                f"gzip bomb: {consumed:,} compressed bytes expanded to over {self._produced:,} bytes"
            )
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._stream.close()
        super().close()


class _Counted:
    """Counts the bytes read through it: the packed size so far, on streams that cannot tell().
    Reads are kept small, so the count is what the decompressor has used, give or take a read."""

    _MOST = 4096

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(self._MOST if size < 0 else min(size, self._MOST))
        self.count += len(data)
        return data
