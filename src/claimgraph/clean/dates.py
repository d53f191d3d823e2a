"""Publication dates: from metadata, a dateline, the URL, or inferred from the body.

A report is published on or after the latest date it mentions, so when
nothing states the date that latest mention is taken as the date, marked
INFERRED. Dates after ``today`` (targets, plans, typos) are never taken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from claimgraph.records import DateSource

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# Most precise first: a span taken by one pattern is not read again by a vaguer one.
_PATTERNS = (
    re.compile(rf"\b{_YEAR}-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?![\d-])"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b(?:in|since|during|throughout|until|of)\s+{_YEAR}\b(?![-/]\d)", re.IGNORECASE),
)
_URL_DATE = re.compile(
    r"(?<!\d)(?P<year>(?:19|20)\d\d)[/_-](?P<mnum>[01]?\d)(?:[/_-](?P<day>[0-3]?\d))?(?=[/_.-]|$)"
)


# "date 2025-06-19 …", "Published: 2024-12-23T10:00Z …": a scraper's or page's date label opening a line.
_DATE_LABEL = re.compile(
    r"^\s*(?:date|published(?:\s+on)?|posted(?:\s+on)?|updated(?:\s+on)?|last\s+updated)\s*:?\s*"
    r"(?P<date>(?:19|20)\d\d-[01]\d-[0-3]\d)(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d)?(?:Z|[+-][0-2]\d:?\d\d)?)?"
    r"(?:\s+|$)",
    re.IGNORECASE,
)


def split_date_label(line: str) -> tuple[str | None, str]:
    """A line's opening date label and the rest: ("2025-06-19", "Kim meets Putin") from
    "date 2025-06-19 Kim meets Putin"; (None, line) when it opens with none."""
    match = _DATE_LABEL.match(line)
    if match is None:
        return None, line
    return match.group("date"), line[match.end() :].strip()


@dataclass(frozen=True, slots=True)
class FoundDate:
    """An absolute date in a text: its ISO value (day, month or year) and where it is."""

    value: str
    first_day: date  # the start of the period, for ordering
    start: int
    end: int


def find_dates(text: str, today: date | None = None) -> list[FoundDate]:
    """Absolute dates in the text, left to right; those after ``today`` are left out."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            parsed = _from_match(match)
            if parsed is None or (today is not None and parsed[1] > today):
                continue
            taken.append((start, end))
            found.append(FoundDate(parsed[0], parsed[1], start, end))
    return sorted(found, key=lambda d: d.start)


def _from_match(match: re.Match[str]) -> tuple[str, date] | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if groups.get("mnum"):
        month: int | None = int(groups["mnum"])
    elif groups.get("month"):
        month = _MONTHS[groups["month"].lower()]
    else:
        month = None
    day = int(groups["day"]) if groups.get("day") else None
    try:
        first = date(year, month or 1, day or 1)
    except ValueError:
        return None
    if day is not None and month is not None:
        return first.isoformat(), first
    if month is not None:
        return f"{year:04d}-{month:02d}", first
    return f"{year:04d}", first


def parse_date(text: str | None, today: date | None = None) -> str | None:
    """A date given as metadata (a feed's, a table's): ISO or written out; None when unreadable."""
    if not text:
        return None
    found = find_dates(text.strip()[:64], today)
    return found[0].value if found else None


def date_in_url(url: str | None, today: date | None = None) -> str | None:
    """The date in a URL path such as /2025/06/30/story or /2025-06-30-story."""
    if not url:
        return None
    path = url.split("://", 1)[-1].partition("/")[2]
    for match in _URL_DATE.finditer(path):
        parsed = _from_match(match)
        if parsed and (today is None or parsed[1] <= today):
            return parsed[0]
    return None


def dateline(lines: list[str], today: date | None = None) -> str | None:
    """The date printed above or at the top of an article ("Published March 18, 2025")."""
    for line in lines:
        if len(line) > 120:  # a sentence of the article, not a dateline
            continue
        found = [d for d in find_dates(line, today) if len(d.value) >= 7]  # a day or a month
        if found:
            return found[0].value
    return None


def latest_mentioned(text: str, today: date | None = None) -> str | None:
    """The latest absolute date the text mentions; of two on the same day, the more precise."""
    found = find_dates(text, today)
    if not found:
        return None
    return max(found, key=lambda d: (d.first_day, len(d.value))).value


def publication_date(
    stated: str | None,
    stated_how: DateSource,
    head: list[str],
    url: str | None,
    body: str,
    today: date | None = None,
) -> tuple[str | None, DateSource]:
    """The first of: the date stated in metadata, a dateline, the URL, the latest date in the body."""
    if stated:
        return stated, stated_how
    candidates = (
        (dateline(head, today), DateSource.TEXT),
        (date_in_url(url, today), DateSource.URL),
        (latest_mentioned(body, today), DateSource.INFERRED),
    )
    for value, how in candidates:
        if value:
            return value, how
    return None, DateSource.UNKNOWN
