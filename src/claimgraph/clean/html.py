"""Main text and metadata of an HTML page: trafilatura for the text, htmldate for the date."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import trafilatura
from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura.settings import Document as Extracted
from trafilatura.utils import load_html

from claimgraph.clean.credits import dateline_credit, lead_credits, ordered, original_source, split_credits
from claimgraph.clean.dates import date_in_url
from claimgraph.errors import InputError
from claimgraph.records import DateSource

_MARKUP_DEBRIS = re.compile(r"<[/!]?[A-Za-z]|[<>]{2,}")
_MIN_CHARACTERS = 100  # about 20 English words; counted in characters, as some scripts have no spaces
_SOURCE_META = ("original-source", "syndication-source", "dc.source")


@dataclass(frozen=True, slots=True)
class Page:
    """What the page says about itself, and its article text."""

    body: str
    title: str | None
    author: str | None
    site_name: str | None
    published: str | None
    published_how: DateSource
    language: str | None
    original_source: str | None = None
    url: str | None = None
    credits: tuple[str, ...] = ()  # every source credited, the original source first


def extract_page(
    html: str, url: str | None = None, today: date | None = None, outlets: Sequence[str] = ()
) -> Page:
    """The article of a page; raise InputError when there is none. ``outlets`` are names a credit
    may give (see ``claimgraph.clean.credits``)."""
    max_date = (today or date.today()).isoformat()
    tree = load_html(html)
    if tree is None:
        raise InputError("broken HTML: the markup cannot be parsed into a page")
    in_markup_source = _meta_source(tree)
    # Markup only (meta tags, JSON-LD, <time>), not the URL: each source is marked for what it is.
    in_markup = find_date(tree, extensive_search=False, original_date=True, url="", max_date=max_date)
    try:
        found = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=False,
            date_extraction_params={"extensive_search": False, "max_date": max_date},  # ours is above
        )
    except Exception as error:  # trafilatura raises many kinds on broken markup
        raise InputError(f"broken HTML: {type(error).__name__}: {error}") from error
    if not isinstance(found, Extracted):  # None: trafilatura found nothing it calls a page
        raise InputError(_no_article_reason(html, ""))
    text = found.text or ""
    if len("".join(text.split())) < _MIN_CHARACTERS or _markup_debris(text):
        raise InputError(_no_article_reason(html, text))
    lines, credited = split_credits(_lines(text), outlets)
    kept = _drop_heading_lines(lines, found.title)
    body = "\n".join(kept)
    credits = ordered(
        [in_markup_source] if in_markup_source else [],
        [c for c in [dateline_credit(kept[0], outlets) if kept else None] if c],
        credited,
        lead_credits(kept, outlets),
    )
    page_url = url or found.url or None
    published, how = _published(in_markup, page_url, html, max_date)
    return Page(
        body=body,
        title=found.title or None,
        author=found.author or None,
        site_name=found.sitename or None,
        published=published,
        published_how=how,
        language=found.language or None,
        original_source=original_source(credits),
        url=page_url,
        credits=credits,
    )


def _lines(text: str) -> list[str]:
    return [line for line in (" ".join(raw.split()) for raw in text.splitlines()) if line]


def _drop_heading_lines(lines: list[str], title: str | None) -> list[str]:
    """trafilatura often keeps the headline, and a section label above it, as the first lines."""
    if not title:
        return lines
    wanted = " ".join(title.split())
    for index, line in enumerate(lines[:3]):
        if line == wanted and all(len(above.split()) <= 3 for above in lines[:index]):
            return lines[index + 1 :]
    return lines


def _published(
    metadata: str | None, url: str | None, html: str, max_date: str
) -> tuple[str | None, DateSource]:
    """Markup, else the URL (a path date is reliable), else a date htmldate finds in the text."""
    if metadata:
        return metadata, DateSource.METADATA
    in_url = date_in_url(url, date.fromisoformat(max_date))
    if in_url:
        return in_url, DateSource.URL
    in_text = find_date(html, extensive_search=True, original_date=True, url="", max_date=max_date)
    return (in_text, DateSource.TEXT) if in_text else (None, DateSource.UNKNOWN)


def _meta_source(tree: HtmlElement) -> str | None:
    """A source the page's markup credits: <meta name="original-source" content="…">."""
    for name in _SOURCE_META:
        for element in tree.xpath(f'//meta[translate(@name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", '
                                  f'"abcdefghijklmnopqrstuvwxyz")="{name}"]'):  # fmt: skip
            content = " ".join((element.get("content") or "").split())
            if content:
                return content
    return None


def _markup_debris(text: str) -> bool:
    """Tags left in the extracted text: the markup was too broken for the parser to recover."""
    debris = len(_MARKUP_DEBRIS.findall(text))
    return debris >= 2 and debris * 40 > len(text.split())


def _no_article_reason(html: str, text: str) -> str:
    tail = html.rstrip()[-4000:]
    if tail.rfind("<") > tail.rfind(">"):
        return "broken HTML: the page is cut off inside a tag and no article text could be recovered"
    if text.strip() and _markup_debris(text):
        return "broken HTML: malformed tags; no article text could be recovered"
    shown = " ".join(text.split())
    return f"no article text found in the HTML page (only {len(shown)} characters of text)"
