"""Fetch pages and feeds over HTTP(S) with httpx: timeouts, a size cap, bounded redirects.

The client is injected (tests pass one on ``httpx.MockTransport`` or a local
server); ``make_client`` builds the default one from ReadOptions.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx

from claimgraph.errors import InputError
from claimgraph.read.compressed import BOMB_RATIO
from claimgraph.read.encoding import as_utf8
from claimgraph.read.options import ReadOptions

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/feed+json",
    }
)


@dataclass(frozen=True, slots=True)
class Fetched:
    """A response worth reading: its final URL, media type and bytes (as UTF-8 when text)."""

    url: str
    media_type: str
    content: bytes


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def make_client(options: ReadOptions, transport: httpx.BaseTransport | None = None) -> httpx.Client:
    return httpx.Client(
        timeout=options.timeout,
        follow_redirects=True,
        max_redirects=options.max_redirects,
        headers={"User-Agent": options.user_agent},
        transport=transport,
    )


def fetch(url: str, client: httpx.Client, options: ReadOptions, cap: int | None = None) -> Fetched:
    """GET a URL; raise InputError with the reason when it cannot be used.

    Besides the timeout for each read, the whole download has a wall-clock limit: a server
    sending a byte every few seconds never trips the first, and would hold an ingest for ever.
    """
    max_bytes = cap or options.max_bytes
    deadline = time.monotonic() + options.max_seconds
    wait = min(options.timeout, options.max_seconds)
    try:
        with client.stream("GET", url, timeout=wait) as response:
            if response.status_code >= 400:
                raise InputError(f"HTTP {response.status_code} {response.reason_phrase}".strip())
            media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if (
                media_type
                and not media_type.startswith("text/")
                and media_type not in FEED_TYPES | HTML_TYPES
            ):
                raise InputError(f"unsupported content type: {media_type}")
            declared = response.headers.get("content-length", "")
            if (
                declared.isdigit()
                and int(declared) > max_bytes
                and "content-encoding" not in response.headers
            ):
                raise InputError(f"too large: {int(declared):,} bytes (limit {max_bytes:,})")
            content = _read_capped(response, max_bytes, deadline, options.max_seconds)
            charset = response.charset_encoding
            final_url = str(response.url)
    except httpx.TooManyRedirects as error:
        raise InputError(f"too many redirects (limit {options.max_redirects})") from error
    except httpx.TimeoutException as error:
        raise InputError(f"timed out after {options.timeout:g} s ({type(error).__name__})") from error
    except httpx.DecodingError as error:
        raise InputError(f"corrupt compressed response: {error}") from error
    except httpx.HTTPError as error:
        raise InputError(f"cannot fetch: {error}") from error
    except (httpx.InvalidURL, ValueError) as error:  # httpx.InvalidURL is no HTTPError
        raise InputError(f"invalid URL: {error}") from error
    return Fetched(final_url, media_type or "text/html", _as_utf8(content, charset))


def _read_capped(response: httpx.Response, max_bytes: int, deadline: float, max_seconds: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        if time.monotonic() > deadline:
            raise InputError(f"timed out: the download took over {max_seconds:g} s (the limit for one page)")
        size += len(chunk)
        if size > max_bytes:
            packed = response.num_bytes_downloaded
            if "content-encoding" in response.headers and packed * BOMB_RATIO < size:
                raise InputError(f"gzip bomb: {packed:,} compressed bytes expand past {max_bytes:,} bytes")
            raise InputError(f"too large: more than {max_bytes:,} bytes (limit {max_bytes:,})")
        chunks.append(chunk)
    return b"".join(chunks)


def _as_utf8(content: bytes, charset: str | None) -> bytes:
    """Bytes in a declared non-UTF-8 charset are re-encoded; undeclared ones are left to decoding,
    but for a UTF-16/32 byte-order mark."""
    if not charset:
        return as_utf8(content)
    if charset.lower().replace("_", "-") in {"utf-8", "utf8", "us-ascii", "ascii"}:
        return content
    try:
        return content.decode(charset).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return content
