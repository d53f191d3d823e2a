"""Time expressions normalised to ISO day, month or year.

Absolute expressions ("June 19, 2024", "October 2024", "in 2023") stand alone
(resolution "absolute"). Relative ones ("June 4", "last October", "last year",
"by the end of the year", "on Monday") are resolved against the publication
date ("relative"); when a report has no trustworthy date, against a reference
date inferred from the text itself ("inferred", see anchor.py); and stay
unresolved (value None) when neither exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc

from claimgraph.annotate.model import doc_text
from claimgraph.extract.anchor import Anchor, choose_anchor
from claimgraph.records import DateSource, TimeRef

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
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SEASONS = {"spring": 4, "summer": 7, "autumn": 10, "fall": 10, "winter": 1}
_NAMES = sorted(MONTHS, key=len, reverse=True)
# Months are capitalised in running text; matching them case-blind would read "may" and "march" as dates.
_MONTH = r"(?P<month>" + "|".join(n.capitalize() for n in _NAMES) + "|" + "|".join(n.upper() for n in _NAMES)
_MONTH += r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_REL = r"(?P<rel>(?i:last|this|next|early|late|mid-?|earlier\s+this|later\s+this))"
_UNIT = r"(?P<unit>(?i:year|month|week))"
_WEEKDAY = r"(?P<weekday>" + "|".join(d.capitalize() for d in WEEKDAYS) + ")"
_SEASON = r"(?P<season>(?i:spring|summer|autumn|winter))"
# A preposition shows a month or year is a time; it is not part of the expression.
_PREP = r"(?P<prep>(?i:in|since|by|during|until|till|from|before|after|between|and|of|through))"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("absolute", re.compile(rf"\b{_YEAR}-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("absolute", re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b")),
    ("absolute", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b")),
    ("absolute", re.compile(rf"\b(?:(?i:early|late|mid-?|the\s+end\s+of)\s+)?{_MONTH},?\s+{_YEAR}\b")),
    ("month_day", re.compile(rf"\b(?:{_REL}\s+)?{_MONTH}\s+{_DAY}\b(?![.,]?\d)")),
    ("month_day", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b")),
    ("month", re.compile(rf"\b{_REL}\s+{_MONTH}\b")),
    ("month", re.compile(rf"\b{_PREP}\s+{_MONTH}\b")),
    ("unit", re.compile(rf"\b(?P<rel>(?i:last|this|next|past|earlier\s+this|later\s+this))\s+{_UNIT}\b")),
    ("unit", re.compile(rf"\b(?:{_PREP}\s+)?(?i:the\s+end\s+of\s+)(?P<rel>(?i:the|this|next))\s+{_UNIT}\b")),
    ("ago", re.compile(r"\b(?P<count>\d+|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten))\s+"
                       r"(?P<unit>(?i:day|week|month|year))s?\s+(?i:ago)\b")),
    ("day_word", re.compile(r"\b(?P<word>(?i:yesterday|today|tomorrow))\b")),
    ("weekday", re.compile(rf"\b(?:(?P<rel>(?i:last|this|next))\s+)?{_WEEKDAY}\b")),
    ("season", re.compile(rf"\b(?:{_REL}\s+|(?i:the|in\s+the)\s+){_SEASON}\b")),
    ("year", re.compile(rf"\b(?:{_PREP}\s+|(?i:early|late|mid-?|the\s+end\s+of)\s+){_YEAR}\b(?![-–]\d)")),
    ("year", re.compile(rf"(?<![$€£\d,.])\b{_YEAR}\b(?![-–/]?\d|,\d)")),
]  # fmt: skip
_CLAUSE_END = re.compile(r"[.;,:](?=\s)")  # not the comma of "25,000"
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_NUMBER_WORDS |= {"seven": 7, "eight": 8, "nine": 9, "ten": 10}
_FUTURE = re.compile(
    r"\b(will|shall|is to|are to|plans? to|expected to|scheduled|due to|next|must|should|needs? to)\b", re.I
)


@dataclass(frozen=True, slots=True)
class _Found:
    kind: str
    match: re.Match[str]

    @property
    def span(self) -> tuple[int, int]:
        start, end = self.match.span()
        if self.match.groupdict().get("prep"):
            start = self.match.end("prep")
        text = self.match.string[start:end]
        return start + len(text) - len(text.lstrip()), end

    def group(self, name: str) -> str | None:
        return self.match.groupdict().get(name)


def extract_times(
    doc: Doc, published: str | None = None, published_how: DateSource | None = None
) -> tuple[TimeRef, ...]:
    """Every time expression in the body, left to right, none overlapping.

    A publication date found in metadata, text or URL anchors relative expressions;
    an inferred one (or none) is weighed with the dates the text itself gives.
    """
    text = doc_text(doc)
    found = _find(text)
    trusted = published is not None and published_how is not DateSource.INFERRED
    anchor = (
        Anchor.from_iso(published, "relative")
        if trusted
        else choose_anchor(
            [_absolute(f) for f in found],
            [_yearless(f) for f in found if not _is_future(text, f)],
            published,
        )
    )
    refs = []
    for item in found:
        value = _resolve(item, anchor, text)
        if value is _SKIP:
            continue
        start, end = item.span
        resolution = "absolute" if item.kind == "absolute" or (item.kind == "year") else "relative"
        if resolution == "relative" and anchor is not None:
            resolution = anchor.how
        refs.append(TimeRef(text[start:end], value, resolution, start, end))  # type: ignore[arg-type]
    return tuple(refs)


_SKIP = object()


def _find(text: str) -> list[_Found]:
    """Matches of every pattern; longer ones win over the shorter ones they overlap."""
    candidates = [_Found(kind, m) for kind, pattern in _PATTERNS for m in pattern.finditer(text)]
    candidates.sort(key=lambda f: (-(f.span[1] - f.span[0]), f.span[0]))
    chosen: list[_Found] = []
    for item in candidates:
        start, end = item.span
        if not any(start < other.span[1] and other.span[0] < end for other in chosen):
            chosen.append(item)
    return sorted(chosen, key=lambda f: f.span[0])


def _month(item: _Found) -> int | None:
    name = item.group("month")
    if item.group("mnum"):
        return int(item.group("mnum") or 0)
    return MONTHS.get(name.lower().rstrip(".")) if name else None


def _day(item: _Found) -> int | None:
    day = item.group("day")
    return int(day) if day else None


def _absolute(item: _Found) -> str | None:
    """The ISO value of an expression that carries its year, else None."""
    if item.kind not in ("absolute", "year") or not item.group("year"):
        return None
    day = _day(item)
    if day is not None and not 1 <= day <= 31:
        return None
    return iso(int(item.group("year") or 0), _month(item), day)


def _yearless(item: _Found) -> tuple[int, int | None] | None:
    """A month (and day) named without a year and without "last"/"next": (month, day)."""
    if item.kind not in ("month_day", "month") or (item.group("rel") or "").lower() in ("last", "next"):
        return None
    if (item.group("prep") or "").lower() in ("by", "until", "till", "before"):
        return None  # a deadline looks ahead: it says nothing of when the text was written
    month = _month(item)
    return (month, _day(item)) if month else None


def _resolve(item: _Found, anchor: Anchor | None, text: str) -> str | object | None:
    if item.kind in ("absolute", "year"):
        return _absolute(item) or _SKIP
    if anchor is None:
        return None
    today = anchor.day
    rel = " ".join((item.group("rel") or "").lower().split())
    if item.kind == "unit":
        unit = (item.group("unit") or "").lower()
        shift = {"last": -1, "past": -1, "next": 1}.get(rel, 0)
        if unit == "year":
            return f"{today.year + shift:04d}"
        if unit == "month":
            months = today.year * 12 + today.month - 1 + shift
            return f"{months // 12:04d}-{months % 12 + 1:02d}"
        # ISO day, month or year only: a week is given as the month it falls in.
        return (today + timedelta(weeks=shift)).isoformat()[:7] if anchor.grain == "day" else None
    if item.kind == "ago":
        count = item.group("count") or "1"
        n = int(count) if count.isdigit() else _NUMBER_WORDS.get(count.lower(), 1)
        unit = (item.group("unit") or "").lower()
        if unit == "year":
            return f"{today.year - n:04d}"
        if unit == "month":
            months = today.year * 12 + today.month - 1 - n
            return f"{months // 12:04d}-{months % 12 + 1:02d}"
        if anchor.grain != "day":
            return None
        return (today - timedelta(days=n if unit == "day" else 7 * n)).isoformat()
    if item.kind == "day_word":
        if anchor.grain != "day":
            return None
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[(item.group("word") or "").lower()]
        return (today + timedelta(days=shift)).isoformat()
    if item.kind == "weekday":
        return _weekday(item, anchor, _is_future(text, item))
    if item.kind == "season":
        month = SEASONS[(item.group("season") or "").lower()]
        year = today.year
        if rel == "last" or (rel != "this" and rel != "next" and month > today.month + 1):
            year -= 1
        elif rel == "next":
            year += 1
        return f"{year:04d}"
    month, day = _month(item), _day(item)
    if month is None or (day is not None and not 1 <= day <= 31):
        return _SKIP
    year = today.year
    if rel == "next" or (rel not in ("last", "this") and _is_future(text, item)):
        if (month, day or 31) < (today.month, today.day):
            year += 1
    elif rel == "last":
        if month >= today.month:
            year -= 1
    elif rel != "this" and (month, day or 1) > (today.month, today.day):
        year -= 1  # a date named without a year, after the anchor: the last one before it
    return iso(year, month, day)


def _weekday(item: _Found, anchor: Anchor, future: bool) -> str | None:
    if anchor.grain != "day":
        return None
    wanted = WEEKDAYS.index((item.group("weekday") or "").lower())
    rel = (item.group("rel") or "").lower()
    today = anchor.day
    if rel == "next" or (future and rel != "last"):
        delta = (wanted - today.weekday()) % 7 or 7
        return (today + timedelta(days=delta)).isoformat()
    delta = (today.weekday() - wanted) % 7
    if rel == "last" and delta == 0:
        delta = 7
    return (today - timedelta(days=delta)).isoformat()


def _is_future(text: str, item: _Found) -> bool:
    """Whether the clause around the expression speaks of what is to come."""
    start, end = item.span
    bounds = [m.end() for m in _CLAUSE_END.finditer(text, 0, start)]
    after = _CLAUSE_END.search(text, end)
    clause = text[bounds[-1] if bounds else 0 : after.start() if after else len(text)]
    return bool(_FUTURE.search(clause))


def iso(year: int, month: int | None, day: int | None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:  # "February 30": keep what is sure
        return f"{year:04d}-{month:02d}"


def parse_iso(value: str | None) -> date | None:
    """The first day an ISO day, month or year can mean."""
    anchor = Anchor.from_iso(value, "relative")
    return anchor.day if anchor else None
