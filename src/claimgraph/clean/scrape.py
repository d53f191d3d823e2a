"""Find the article in a plain-text scrape: body, title, author, credited source.

Each line is judged by its own features (length, closing punctuation, title
case, capitals, list shape, repetition, position, web-interface cues), never
by listing known strings of known sites. Lines are "prose", "heading" or
"junk"; the body runs from the first prose line to the last one before a
section that introduces other content.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

# Words of web interfaces, not of news: a short line made of them is page furniture.
_UI_WORDS = frozenset(
    [
        "comment",
        "comments",
        "post",
        "reply",
        "share",
        "shares",
        "tweet",
        "like",
        "likes",
        "follow",
        "subscribe",
        "newsletter",
        "sign",
        "login",
        "log",
        "register",
        "connect",
        "us",
        "read",
        "more",
        "original",
        "article",
        "here",
        "continue",
        "reading",
        "advertisement",
        "advert",
        "sponsored",
        "cookies",
        "cookie",
        "accept",
        "privacy",
        "policy",
        "terms",
        "menu",
        "home",
        "search",
        "skip",
        "content",
        "published",
        "updated",
        "print",
        "email",
        "whatsapp",
        "facebook",
        "twitter",
        "telegram",
        "linkedin",
        "copy",
        "link",
        "photo",
        "photos",
        "image",
        "video",
        "credit",
        "credits",
        "getty",
        "reuters/",
        "trending",
        "tendenza",
        "latest",
        "news",
        "related",
        "stories",
        "recommended",
        "popular",
        "most",
        "top",
        "headlines",
        "tags",
        "tag",
        "categories",
        "category",
        "global",
        "world",
        "on",
        "by",
        "the",
        "and",
        "of",
        "to",
        "you",
        "may",
        "also",
        "see",
        "all",
        "view",
    ]
)
# Labels that open a list of other content: the article has ended.
_SECTION_BREAK = re.compile(
    r"^(the\s+)?(latest|related|recommended|trending|popular|most\s+(read|viewed|popular)|"
    r"more\s+(from|news|stories|on)|read\s+(more|next|also)|you\s+may\s+also|see\s+also|"
    r"comments?|leave\s+a\s+(comment|reply)|post\s+comment|di\s+tendenza)\b",
    re.IGNORECASE,
)
_COUNTER = re.compile(r"^\d[\d,.]*\s*(comments?|shares?|views?|likes?|reactions?)$", re.IGNORECASE)
_CREDIT = re.compile(r"^\(?\s*(photo|image|picture|video|credit|source image)\b.*[©:]", re.IGNORECASE)
_SOURCE_LINE = re.compile(
    r"^(original\s+source|source|originally\s+published\s+(?:by|at|on|in)|"
    r"this\s+(?:article|story)\s+(?:first\s+)?appeared\s+(?:on|in|at))\s*:?\s*(?P<source>.+?)\.?$",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^by\s+(?P<name>[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3})$")
_NAME = re.compile(r"^[A-Z][a-z'\-]+(?:\s+[A-Z]\.?)?(?:\s+[A-Z][a-z'\-]+){1,2}$")
_TERMINAL = tuple('.!?"”’)»')
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")


@dataclass(frozen=True, slots=True)
class Scrape:
    """What a plain-text scrape holds once its furniture is taken off."""

    body: str
    title: str | None = None
    author: str | None = None
    original_source: str | None = None


def clean_scrape(text: str) -> Scrape:
    """Split a scrape into its article body and metadata."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    repeated = {line for line, n in Counter(lines).items() if n > 1 and len(line) > 20}
    kinds = [_line_kind(line, line in repeated) for line in lines]
    prose = [i for i, kind in enumerate(kinds) if kind == "prose"]
    if not prose:
        return Scrape(body="\n".join(line for line, k in zip(lines, kinds, strict=True) if k != "junk"))
    first = prose[0]
    last = _body_end(lines, kinds, first)
    body = [lines[i] for i in range(first, last + 1) if kinds[i] != "junk"]
    head = lines[:first]
    tail = lines[last + 1 :]
    return Scrape(
        body="\n".join(body),
        title=_title(head, kinds[:first]),
        author=_author(head),
        original_source=_original_source(lines[first : last + 1] + tail),
    )


def _words(line: str) -> list[str]:
    return _WORD.findall(line)


def _line_kind(line: str, repeated: bool) -> str:
    words = _words(line)
    if repeated or _is_junk(line, words):
        return "junk"
    if _title_case_share(words) > 0.7 and len(words) < 25:
        return "heading"
    if (len(words) >= 6 and line.endswith(_TERMINAL)) or len(words) >= 25:
        return "prose"
    return "heading"


def _is_junk(line: str, words: list[str]) -> bool:
    lowered = [w.lower() for w in words]
    if not words:
        return True
    if _COUNTER.match(line) or _CREDIT.match(line) or _SOURCE_LINE.match(line):
        return True
    if line.endswith(("...", "…")):  # a teaser cut short
        return True
    if _is_tag_list(line):
        return True
    if len(words) <= 6 and all(w in _UI_WORDS for w in lowered):
        return True
    if len(words) <= 2 and line[0].islower():
        return True
    return bool(_SECTION_BREAK.match(line) and len(words) <= 6)


def _is_tag_list(line: str) -> bool:
    """A run of comma-separated labels, mostly in capitals: a page's tags."""
    items = [item.strip() for item in line.split(",") if item.strip()]
    if len(items) < 4:
        return False
    upper = sum(1 for item in items if item.upper() == item)
    short = sum(1 for item in items if len(item.split()) <= 4)
    return upper >= 0.7 * len(items) and short >= 0.8 * len(items)


def _title_case_share(words: list[str]) -> float:
    longer = [w for w in words if len(w) > 3]
    if not longer:
        return 0.0
    return sum(1 for w in longer if w[0].isupper()) / len(longer)


def _body_end(lines: list[str], kinds: list[str], first: int) -> int:
    last = first
    for i in range(first, len(lines)):
        words = _words(lines[i])
        if i > first and _SECTION_BREAK.match(lines[i]) and len(words) <= 6:
            break
        if kinds[i] == "prose":
            last = i
    return last


def _title(head: list[str], kinds: list[str]) -> str | None:
    """The last heading of four or more words above the body."""
    for line, kind in zip(reversed(head), reversed(kinds), strict=True):
        if kind == "heading" and len(_words(line)) >= 4 and not _NAME.match(line):
            return line
    return None


def _author(head: list[str]) -> str | None:
    for line in head:
        byline = _BYLINE.match(line)
        if byline:
            return byline.group("name")
        if _NAME.match(line) and not any(w.lower() in _UI_WORDS for w in _words(line)):
            return line
    return None


def _original_source(lines: list[str]) -> str | None:
    for line in lines:
        match = _SOURCE_LINE.match(line)
        if match:
            return match.group("source").strip()
    return None
