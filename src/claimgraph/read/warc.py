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

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from claimgraph.errors import InputError
from claimgraph.read.compressed import over_limit
from claimgraph.read.options import ReadOptions
from claimgraph.read.web import HTML_TYPES, TEXT_TYPES
from claimgraph.records import RawInput, Rejection

_STARTS = (b"WARC/", b"\x1f\x8b", b"filedesc://")  # a WARC, a gzipped one, an ARC


def iter_warc(stream: io.BufferedReader, name: str, options: ReadOptions) -> Iterator[RawInput | Rejection]:
    if not stream.peek(16)[:16].startswith(_STARTS):
        yield Rejection(name, "not a WARC archive: it does not start with a WARC record")
        return
    pages = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            status = record.http_headers.get_statuscode() or ""
            media_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
            if not status.startswith("2") or media_type not in HTML_TYPES | TEXT_TYPES:
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or None
            source = url or f"{name}@{record.rec_headers.get_header('WARC-Record-ID')}"
            pages += 1
            try:
                content = _payload(record, options.max_bytes)
            except InputError as error:
                yield Rejection(source, str(error))
                continue
            yield RawInput(
                source=source,
                content=content,
                media_type="text/html" if media_type in HTML_TYPES else "text/plain",
                url=url,
            )
    except (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError) as error:
        yield Rejection(name, f"broken WARC archive: {error} (records before it were read)")
        return
    if not pages:
        yield Rejection(name, "no pages: the archive holds no HTML or text responses")


def _payload(record: object, max_bytes: int) -> bytes:
    stream = record.content_stream()  # type: ignore[attr-defined]
    try:
        content: bytes = stream.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as error:
        raise InputError(f"corrupt compressed payload: {error}") from error
    if len(content) > max_bytes:
        packed = int(record.rec_headers.get_header("Content-Length") or 0)  # type: ignore[attr-defined]
        raise over_limit(max_bytes, packed or None)
    headers = record.http_headers  # type: ignore[attr-defined]
    declared = headers.get_header("Content-Length") or ""
    encoded = headers.get_header("Content-Encoding") or headers.get_header("Transfer-Encoding")
    if declared.isdigit() and not encoded and len(content) < int(declared):
        raise InputError(f"truncated: {len(content):,} of {int(declared):,} bytes in the archive")
    return content
