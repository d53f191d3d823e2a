"""RSS and Atom feeds (feedparser): one input per entry, or the entry's page when following.

Feed bytes are always handed to feedparser as a stream, so it never fetches
anything itself; pages are fetched by our own capped client.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Callable, Iterator
from typing import Any

import feedparser

from claimgraph.errors import InputError
from claimgraph.records import RawInput, Rejection

FEED_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.DOTALL)

Fetch = Callable[[str], RawInput]  # a followed entry's page, or InputError


def looks_like_feed(content: bytes) -> bool:
    return bool(FEED_START.match(content[:4096]))


def iter_feed(content: bytes, name: str, follow: Fetch | None = None) -> Iterator[RawInput | Rejection]:
    """Each entry as an input; with ``follow``, each entry's linked page instead."""
    parsed = feedparser.parse(io.BytesIO(content), sanitize_html=True, resolve_relative_uris=True)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        reason = f"not a feed: {problem}" if problem else "empty feed: no entries"
        yield Rejection(name, reason)
        return
    outlet = _clean(parsed.feed.get("title"))
    for index, entry in enumerate(parsed.entries, start=1):
        link = _clean(entry.get("link"))
        source = link or f"{name}#{index}"
        published = _iso_date(entry.get("published_parsed") or entry.get("updated_parsed"))
        title = _clean(entry.get("title"))
        if follow is not None and link:
            try:
                page = follow(link)
            except InputError as error:
                yield Rejection(source, str(error))
                continue
            yield RawInput(
                source=page.source,
                content=page.content,
                media_type=page.media_type,
                outlet=outlet,
                published=published,
                url=page.url or link,
            )
            continue
        content_html, media_type = _entry_text(entry)
        if not content_html:
            yield Rejection(source, "no text: the entry has no content or summary (try --follow)")
            continue
        yield RawInput(
            source=source,
            content=content_html.encode("utf-8"),
            media_type=media_type,
            title=title,
            outlet=outlet,
            published=published,
            url=link,
        )


def _entry_text(entry: Any) -> tuple[str, str]:
    """The fullest text the entry carries: its content, else its summary."""
    for item in entry.get("content") or ():
        value = (item.get("value") or "").strip()
        if value:
            return value, "text/plain" if item.get("type") == "text/plain" else "text/html"
    summary = (entry.get("summary") or "").strip()
    detail = entry.get("summary_detail") or {}
    return summary, "text/plain" if detail.get("type") == "text/plain" else "text/html"


def _iso_date(parsed: time.struct_time | None) -> str | None:
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def _clean(value: object) -> str | None:
    return " ".join(str(value).split()) or None if value else None
