"""Time expressions normalised to ISO day, month or year.

Absolute expressions ("June 19, 2024", "October 2024", "2023") stand alone;
relative ones ("June 4", "last October", "last year") need the publication
date, and stay unresolved (value None) without it.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from claimgraph.records import TimeRef

MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_PATTERNS = [
    re.compile(r"\b(?P<year>(19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(rf"\b{_MONTH}\s+(?P<day>[0-3]?\d)(st|nd|rd|th)?,?\s+(?P<year>(19|20)\d\d)\b", re.I),
    re.compile(rf"\b(?P<day>[0-3]?\d)(st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>(19|20)\d\d)\b", re.I),
    re.compile(rf"\b{_MONTH},?\s+(?P<year>(19|20)\d\d)\b", re.I),
    re.compile(
        rf"\b(?P<rel>last|this|next|early|late)?\s*{_MONTH}\s+(?P<day>[0-3]?\d)(st|nd|rd|th)?\b",
        re.I,
    ),
    re.compile(rf"\b(?P<day>[0-3]?\d)(st|nd|rd|th)?\s+(of\s+)?{_MONTH}\b", re.I),
    re.compile(rf"\b(?P<rel>last|this|next|early|late)\s+{_MONTH}\b", re.I),
    re.compile(r"\b(?P<rel>last|this|next)\s+(?P<unit>year|month)\b", re.I),
    re.compile(r"\b(?:in|since|by|during|of|until|from)\s+(?P<year>(19|20)\d\d)\b", re.I),
    re.compile(rf"\b(in|since|by|during|until|from|early|late|mid-?)\s+{_MONTH}\b", re.I),
    re.compile(r"\b(?P<year>(19|20)\d\d)\b"),
]


def extract_times(doc: Doc, published: str | None = None) -> tuple[TimeRef, ...]:
    """Every time expression in the body, left to right, none overlapping."""
    anchor = parse_iso(published)
    found: list[TimeRef] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(doc.text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            ref = _normalise(match, anchor)
            if ref is None:
                continue
            taken.append((start, end))
            found.append(
                TimeRef(
                    text=match.group(0).strip(),
                    value=ref[0],
                    resolution=ref[1],
                    start=start,
                    end=end,
                )
            )
    return tuple(sorted(found, key=lambda t: t.start))


def parse_iso(value: str | None) -> date | None:
    """The first day an ISO day, month or year can mean."""
    if not value:
        return None
    parts = [int(p) for p in value[:10].split("-") if p.isdigit()]
    if not parts:
        return None
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _normalise(match: re.Match[str], anchor: date | None) -> tuple[str | None, str] | None:
    groups = {k: v for k, v in match.groupdict().items() if v}
    month = MONTHS.get(groups.get("month", "").lower().rstrip(".")) if "month" in groups else None
    if "mnum" in groups:
        month = int(groups["mnum"])
    day = int(groups["day"]) if "day" in groups else None
    if day is not None and not 1 <= day <= 31:
        return None
    if "year" in groups:
        year = int(groups["year"])
        return _iso(year, month, day), "absolute"
    if "unit" in groups:
        if anchor is None:
            return None, "relative"
        shift = {"last": -1, "this": 0, "next": 1}[groups["rel"].lower()]
        if groups["unit"].lower() == "year":
            return f"{anchor.year + shift:04d}", "relative"
        months = anchor.year * 12 + anchor.month - 1 + shift
        return f"{months // 12:04d}-{months % 12 + 1:02d}", "relative"
    if month is None:
        return None
    if anchor is None:
        return None, "relative"
    rel = groups.get("rel", "").lower()
    year = anchor.year
    if rel == "next":
        year += 1 if month <= anchor.month else 0
    elif rel != "this" and (month, day or 1) > (anchor.month, anchor.day):
        year -= 1  # a month named without a year, after the anchor: the last one before it
    return _iso(year, month, day), "relative"


def _iso(year: int, month: int | None, day: int | None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"
