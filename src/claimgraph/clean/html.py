"""Main text and metadata of an HTML page, by trafilatura."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura

from claimgraph.errors import InputError


@dataclass(frozen=True, slots=True)
class Page:
    """What trafilatura finds in a page."""

    body: str
    title: str | None
    author: str | None
    site_name: str | None
    published: str | None
    language: str | None


def extract_page(html: str, url: str | None = None) -> Page:
    """The article of a page; raise InputError when there is none."""
    try:
        found = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    except Exception as error:  # trafilatura raises many kinds on broken markup
        raise InputError(f"broken HTML: {type(error).__name__}: {error}") from error
    if found is None or not (found.text or "").strip():
        raise InputError("no article text found in the HTML")
    body = _drop_title_line(found.text, found.title)
    return Page(
        body=body,
        title=found.title or None,
        author=found.author or None,
        site_name=found.sitename or None,
        published=found.date or None,
        language=found.language or None,
    )


def _drop_title_line(text: str, title: str | None) -> str:
    """trafilatura repeats the headline as the first line; the body starts after it."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if title and lines and lines[0] == " ".join(title.split()):
        lines = lines[1:]
    return "\n".join(lines)
