"""WARC and WARC.gz archives (warcio), in the layout of Common Crawl's CC-NEWS.

Each ``response`` record holds an HTTP response; its HTML or plain-text
payload (de-chunked and decompressed by warcio) is one input. Records that
are not pages (requests, metadata, images, scripts, redirects) are skipped:
they are not articles, and a crawl holds many of them.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecordLoader

from claimgraph.errors import InputError
from claimgraph.read.compressed import over_limit
from claimgraph.read.encoding import as_utf8
from claimgraph.read.options import ReadOptions
from claimgraph.read.web import HTML_TYPES, TEXT_TYPES
from claimgraph.records import RawInput, Rejection

_STARTS = (b"WARC/", b"\x1f\x8b", b"filedesc://")  # a WARC, a gzipped one, an ARC


class _Loader(ArcWarcRecordLoader):
    """warcio's record loader, except that a record with no target URI has no HTTP headers read
    (warcio itself fails with an AttributeError on it, ending the whole archive)."""

    def load_http_headers(self, rec_type: str, uri: str | None, stream: object, length: object) -> object:
        if uri is None:
            return None
        return super().load_http_headers(rec_type, uri, stream, length)


class _Counted(io.RawIOBase):
    """Counts the bytes the archive reader takes, so a gzipped archive cut inside a record is told
    from a whole one (warcio ends such an archive quietly, the cut record unseen)."""

    def __init__(self, stream: io.BufferedReader) -> None:
        self._stream = stream
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        self.count += len(data)
        return len(data)


def iter_warc(stream: io.BufferedReader, name: str, options: ReadOptions) -> Iterator[RawInput | Rejection]:
    if not stream.peek(16)[:16].startswith(_STARTS):
        yield Rejection(name, "not a WARC archive: it does not start with a WARC record")
        return
    counted = _Counted(stream)
    records = ArchiveIterator(io.BufferedReader(counted))
    records.loader = _Loader(verify_http=False, arc2warc=False)
    pages = 0
    try:
        for record in records:
            item = _page(record, name, options)
            if item is not None:
                pages += 1
                yield item
    except (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError) as error:
        yield Rejection(name, f"broken WARC archive: {error} (records before it were read)")
        return
    except Exception as error:  # warcio's own fault on a malformed record: the rest cannot be found
        reason = f"{type(error).__name__}: {error}"
        yield Rejection(name, f"broken WARC archive: {reason} (records before it were read)")
        return
    if counted.count > records.offset:  # bytes past the last whole record: cut inside one
        at = f"{records.offset:,}"
        yield Rejection(
            name, f"truncated: the archive ends inside a record at byte {at} (records before it were read)"
        )
        return
    if not pages:
        yield Rejection(name, "no pages: the archive holds no HTML or text responses")


def _page(record: Any, name: str, options: ReadOptions) -> RawInput | Rejection | None:
    """A response record's page, or why it cannot be one; None for records that are not pages."""
    if record.rec_type != "response":
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or None
    where = f"{name}@{record.rec_headers.get_header('WARC-Record-ID') or 'offset'}"
    if url is None:
        return Rejection(where, "no target URI: a response record without WARC-Target-URI")
    if record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    media_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if not status.startswith("2") or media_type not in HTML_TYPES | TEXT_TYPES:
        return None
    try:
        content = as_utf8(_payload(record, options.max_bytes))
    except InputError as error:
        return Rejection(url, str(error))
    return RawInput(
        source=url,
        content=content,
        media_type="text/html" if media_type in HTML_TYPES else "text/plain",
        url=url,
    )


def _payload(record: Any, max_bytes: int) -> bytes:
    stream = record.content_stream()
    try:
        content: bytes = stream.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as error:
        raise InputError(f"corrupt compressed payload: {error}") from error
    if len(content) > max_bytes:
        packed = int(record.rec_headers.get_header("Content-Length") or 0)
        raise over_limit(max_bytes, packed or None)
    missing = getattr(record.raw_stream, "limit", 0)  # what the record says it holds and the file lacks
    if missing:
        held = int(record.length or 0)
        raise InputError(f"truncated: the archive ends {missing:,} bytes short of this record's {held:,}")
    headers = record.http_headers
    declared = headers.get_header("Content-Length") or ""
    encoded = headers.get_header("Content-Encoding") or headers.get_header("Transfer-Encoding")
    if declared.isdigit() and not encoded and len(content) < int(declared):
        raise InputError(f"truncated: {len(content):,} of {int(declared):,} bytes in the archive")
    return content
