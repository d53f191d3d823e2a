"""Clean: raw bytes to a Document with its body and metadata."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import date

from claimgraph.clean.dates import parse_date, publication_date
from claimgraph.clean.decode import decode_bytes
from claimgraph.clean.html import extract_page
from claimgraph.clean.language import require_english
from claimgraph.clean.scrape import clean_scrape
from claimgraph.records import DateSource, Document, RawInput

__all__ = ["clean", "content_hash"]


def content_hash(body: str) -> str:
    """The document id: a hash of the body with white space folded, so a re-read is a no-op."""
    return hashlib.sha256(" ".join(body.split()).encode("utf-8")).hexdigest()


def clean(raw: RawInput, today: date | None = None, outlets: Sequence[str] = ()) -> Document:
    """Decode, find the article, and gather metadata; raise InputError if unusable.

    ``today`` bounds the publication date (no report is from the future); it
    defaults to the clock's date. ``outlets`` are the names of the outlets and
    wires a report may credit (the domain pack's media outlets).
    """
    today = today or date.today()
    is_html = raw.media_type == "text/html" or _looks_like_html(raw.content)
    text = decode_bytes(raw.content, html=is_html)
    stated = parse_date(raw.published, today)  # from a feed, a table row or the caller
    if is_html:
        page = extract_page(text, url=raw.url, today=today, outlets=outlets)
        body, title, author, outlet, original, credits = (
            page.body,
            page.title,
            page.author,
            page.site_name,
            page.original_source,
            page.credits,
        )
        head: list[str] = []
        url = page.url
        if not stated and page.published:
            stated, how = page.published, page.published_how
        else:
            how = DateSource.METADATA
    else:
        scrape = clean_scrape(text, outlets)
        body, title, author, outlet, original, credits = (
            scrape.body,
            scrape.title,
            scrape.author,
            scrape.outlet,
            scrape.original_source,
            scrape.credits,
        )
        head, url, how = list(scrape.head), raw.url, DateSource.METADATA
        labelled = parse_date(scrape.published, today)  # "date 2025-06-19": the page's own label
        if not stated and labelled:
            stated, how = labelled, DateSource.TEXT
    language = require_english(body)
    published, published_how = publication_date(stated, how, head, url, body, today)
    return Document(
        id=content_hash(body),
        source=raw.source,
        body=body,
        title=raw.title or title,
        author=author,
        outlet=raw.outlet or outlet,
        published=published,
        published_how=published_how,
        language=language,
        original_source=original,
        credits=credits,
    )


_HTML_START = re.compile(rb"^\s*(<!doctype html|<html|<head|<body)", re.IGNORECASE)


def _looks_like_html(content: bytes) -> bool:
    return bool(_HTML_START.match(content[:512]))
