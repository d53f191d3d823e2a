"""Clean: raw bytes to a Document with its body and metadata."""

from __future__ import annotations

import hashlib
import re

from claimgraph.clean.decode import decode_bytes
from claimgraph.clean.html import extract_page
from claimgraph.clean.language import require_english
from claimgraph.clean.scrape import clean_scrape
from claimgraph.records import DateSource, Document, RawInput

__all__ = ["clean", "content_hash"]


def content_hash(body: str) -> str:
    """The document id: a hash of the body with white space folded, so a re-read is a no-op."""
    return hashlib.sha256(" ".join(body.split()).encode("utf-8")).hexdigest()


def clean(raw: RawInput) -> Document:
    """Decode, find the article, and gather metadata; raise InputError if unusable."""
    is_html = raw.media_type == "text/html" or _looks_like_html(raw.content)
    text = decode_bytes(raw.content, html=is_html)
    if is_html:
        page = extract_page(text, url=raw.url)
        body, title, author, outlet = page.body, page.title, page.author, page.site_name
        published, original = page.published, None
    else:
        scrape = clean_scrape(text)
        body, title, author, original = (
            scrape.body,
            scrape.title,
            scrape.author,
            scrape.original_source,
        )
        outlet, published = None, None
    language = require_english(body)
    published = raw.published or published
    return Document(
        id=content_hash(body),
        source=raw.source,
        body=body,
        title=raw.title or title,
        author=author,
        outlet=raw.outlet or outlet,
        published=published,
        published_how=DateSource.METADATA if published else DateSource.UNKNOWN,
        language=language,
        original_source=original,
    )


_HTML_START = re.compile(rb"^\s*(<!doctype html|<html|<head|<body)", re.IGNORECASE)


def _looks_like_html(content: bytes) -> bool:
    return bool(_HTML_START.match(content[:512]))
