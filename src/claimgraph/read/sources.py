"""Every kind of input, one RawInput at a time: files, folders, URLs, feeds, tables, archives, stdin.

``iter_inputs`` is the one entry point. It yields RawInput records, or a
Rejection for an input that cannot be read; it never holds more than one
document in memory, and one bad input never stops the others.
"""

from __future__ import annotations

import dataclasses
import io
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import httpx

from claimgraph.errors import InputError
from claimgraph.read.compressed import GZIP_MAGIC, GuardedGunzip, gunzip_capped, read_capped
from claimgraph.read.encoding import as_utf8
from claimgraph.read.feeds import Fetch, iter_feed, looks_like_feed
from claimgraph.read.files import inner_suffix, iter_files, read_file, walk
from claimgraph.read.options import ReadOptions
from claimgraph.read.tables import iter_csv, iter_jsonl
from claimgraph.read.warc import iter_warc
from claimgraph.read.web import FEED_TYPES, HTML_TYPES, fetch, is_url, make_client
from claimgraph.records import RawInput, Rejection

STDIN = "-"
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson", ".jsonlines"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
WARC_SUFFIXES = frozenset({".warc", ".arc"})

Item = RawInput | Rejection
Client = Callable[[], httpx.Client]  # made on first use: a run over local files opens no client


@dataclass(frozen=True, slots=True)
class Reader:
    """How to read: the limits, and the outside things a test or a caller may inject."""

    options: ReadOptions = field(default_factory=ReadOptions)
    client: httpx.Client | None = None  # made from the options on first use when not given
    stdin: IO[bytes] | None = None  # what "-" reads

    def inputs(self, sources: Iterable[str | Path]) -> Iterator[Item]:
        return iter_inputs(sources, self.options, self.client, self.stdin)


def single_documents(sources: Iterable[str | Path]) -> int | None:
    """How many documents the sources hold, when each is a plain file; None when it cannot be known
    before reading (URLs, feeds, tables, archives, stdin)."""
    count = 0
    for source in sources:
        text = str(source)
        if text == STDIN or is_url(text):
            return None
        if not Path(text).exists():
            count += 1  # its rejection is one result
            continue
        for file in iter_files([Path(text)]):
            suffix = inner_suffix(file)
            if suffix in WARC_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES or suffix == ".csv":
                return None
            count += 1
    return count


def iter_inputs(
    sources: Iterable[str | Path],
    options: ReadOptions | None = None,
    client: httpx.Client | None = None,
    stdin: IO[bytes] | None = None,
) -> Iterator[Item]:
    """Read each source: a path (file or folder), an http(s) URL, or "-" for standard input."""
    opts = options or ReadOptions()
    with ExitStack() as stack:
        made: list[httpx.Client] = [client] if client is not None else []

        def http() -> httpx.Client:
            if not made:
                made.append(stack.enter_context(make_client(opts)))
            return made[0]

        for source in sources:
            text = str(source)
            if text == STDIN:
                items = _read_stream(stdin or io.BytesIO(), "stdin", opts, http)
            elif is_url(text):
                items = _read_url(text, opts, http)
            else:
                items = _read_path(Path(source), opts, http)
            yield from (_without_credentials(item) for item in _guarded(items, text))


def _guarded(items: Iterator[Item], name: str) -> Iterator[Item]:
    """A reader's items; should it fail past its own checks, a rejection naming the input, and the
    batch goes on with the next source (what the reader yielded before is kept)."""
    try:
        yield from items
    except InputError as error:
        yield Rejection(name, str(error))
    except Exception as error:  # a reader's or a library's fault on hostile bytes: this source alone
        yield Rejection(name, f"cannot read: {type(error).__name__}: {error} (inputs before it were read)")


_CREDENTIALS = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/?#@\s]*@")


def without_credentials(text: str) -> str:
    """A URL (or a text holding URLs) with any user name and password taken out: a source is
    stored and shown, a password never."""
    return _CREDENTIALS.sub(r"\1", text)


def _without_credentials(item: Item) -> Item:
    if isinstance(item, Rejection):
        return Rejection(without_credentials(item.source), without_credentials(item.reason))
    url = without_credentials(item.url) if item.url else item.url
    return dataclasses.replace(item, source=without_credentials(item.source), url=url)


def _read_path(path: Path, options: ReadOptions, http: Client) -> Iterator[Item]:
    if not path.exists():
        yield Rejection(str(path), "not found: no such file or folder")
        return
    for file in walk(path):
        if isinstance(file, Rejection):  # a folder that cannot be listed: said, and the walk goes on
            yield file
            continue
        try:
            yield from _read_file(file, options, http)
        except InputError as error:
            yield Rejection(str(file), str(error))
        except OSError as error:
            yield Rejection(str(file), f"cannot read: {error.strerror or error}")
        except Exception as error:  # one file's fault never ends the folder
            yield Rejection(str(file), f"cannot read: {type(error).__name__}: {error}")


def _read_file(path: Path, options: ReadOptions, http: Client) -> Iterator[Item]:
    suffix, name = inner_suffix(path), str(path)
    packed = path.name.lower().endswith(".gz")
    if suffix in WARC_SUFFIXES:
        with path.open("rb") as archive:  # warcio reads .warc.gz itself, record by record
            yield from iter_warc(archive, name, options)
    elif suffix in JSONL_SUFFIXES or suffix == ".csv":
        reader = iter_jsonl if suffix in JSONL_SUFFIXES else iter_csv
        with path.open("rb") as raw:
            rows: IO[bytes] = io.BufferedReader(GuardedGunzip(raw, options.max_bytes)) if packed else raw
            yield from reader(rows, name, options)
    elif suffix in FEED_SUFFIXES:
        with path.open("rb") as raw:
            content = read_capped(raw, options.max_feed_bytes)
        if packed:
            content = gunzip_capped(content, options.max_feed_bytes)
        if looks_like_feed(content):
            yield from _feed_or_document(content, name, options, http)
        else:
            yield Rejection(name, "not a feed: an XML file that is not RSS or Atom")
    else:
        yield read_file(path, options.max_bytes)


def _feed_or_document(content: bytes, name: str, options: ReadOptions, http: Client) -> Iterator[Item]:
    if looks_like_feed(content):
        yield from iter_feed(content, name, _follower(options, http) if options.follow else None)
    elif len(content) > options.max_bytes:
        yield Rejection(name, f"too large: {len(content):,} bytes (limit {options.max_bytes:,})")
    else:
        yield RawInput(source=name, content=as_utf8(content), media_type="text/plain")


def _read_url(url: str, options: ReadOptions, http: Client) -> Iterator[Item]:
    """A page, or a feed (told by its content type or its first bytes)."""
    try:
        page = fetch(url, http(), options, cap=max(options.max_bytes, options.max_feed_bytes))
    except InputError as error:
        yield Rejection(url, str(error))
        return
    if page.media_type in FEED_TYPES or looks_like_feed(page.content):
        yield from iter_feed(page.content, url, _follower(options, http) if options.follow else None)
    elif len(page.content) > options.max_bytes:
        yield Rejection(url, f"too large: {len(page.content):,} bytes (limit {options.max_bytes:,})")
    else:
        media_type = "text/html" if page.media_type in HTML_TYPES else "text/plain"
        yield RawInput(source=url, content=page.content, media_type=media_type, url=page.url)


def _follower(options: ReadOptions, http: Client) -> Fetch:
    def follow(link: str) -> RawInput:
        page = fetch(link, http(), options)
        media_type = "text/html" if page.media_type in HTML_TYPES else "text/plain"
        return RawInput(source=link, content=page.content, media_type=media_type, url=page.url)

    return follow


def _read_stream(stream: IO[bytes], name: str, options: ReadOptions, http: Client) -> Iterator[Item]:
    """Standard input: a JSONL corpus, a WARC, a feed, or one document, told by its first bytes."""
    buffered = stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(_Raw(stream))
    head = buffered.peek(4096)[:4096]
    try:
        if head.startswith(b"WARC/") or _gzipped_warc(head):
            yield from iter_warc(buffered, name, options)
        elif head.startswith(GZIP_MAGIC):
            unpacked = io.BufferedReader(GuardedGunzip(buffered, options.max_bytes))
            yield from _read_stream(unpacked, name, options, http)
        elif head.lstrip().startswith(b"{"):
            yield from iter_jsonl(buffered, name, options)
        else:
            content = read_capped(buffered, max(options.max_bytes, options.max_feed_bytes))
            yield from _feed_or_document(content, name, options, http)
    except InputError as error:
        yield Rejection(name, str(error))


def _gzipped_warc(head: bytes) -> bool:
    if not head.startswith(GZIP_MAGIC):
        return False
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16).startswith(b"WARC/")
    except zlib.error:
        return False


class _Raw(io.RawIOBase):
    """Any binary stream as a raw one, so it can be buffered and peeked."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)
