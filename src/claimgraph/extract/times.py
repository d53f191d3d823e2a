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
from claimgraph.extract.durations import PATTERNS as OTHER_PATTERNS
from claimgraph.extract.durations import decade_value, duration_value
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
_UNIT = r"(?P<unit>(?i:year|month|weekend|week))"
_WEEKDAY = r"(?P<weekday>" + "|".join(d.capitalize() for d in WEEKDAYS) + ")"
_SEASON = r"(?P<season>(?i:spring|summer|autumn|winter))"
_EARLY = r"(?:(?i:early|late|mid)\s+|(?i:mid)-|(?i:the\s+end\s+of)\s+)"
_COMMA = r"(?:\s?,)?\s+"  # "June 4, 2024"; scraped text may read "June 4 , 2024"
_ORDINAL = (
    r"(?:(?P<ord>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th))[\s-]+(?i:quarter)|Q(?P<q>[1-4]))"
)
_PART = r"(?P<part>(?i:morning|afternoon|evening|night))"
# "April 26 of this year", "June 19 last year": a day named with the year it falls in, relatively.
_OF_YEAR = r"(?:\s+(?:(?i:of)\s+)?(?P<yrel>(?i:this|last|next))\s+(?i:year)\b)?"
# A preposition shows a month or year is a time; it is not part of the expression.
_PREP = r"(?P<prep>(?i:in|since|by|during|until|till|from|before|after|between|and|of|through))"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("absolute", re.compile(rf"\b{_YEAR}-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("absolute", re.compile(rf"\b{_MONTH}\s+{_DAY}{_COMMA}{_YEAR}\b")),
    ("absolute", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}{_COMMA}{_YEAR}\b")),
    ("absolute", re.compile(rf"\b{_EARLY}?{_MONTH}{_COMMA}{_YEAR}\b")),
    ("month_day", re.compile(rf"\b(?:{_REL}\s+)?{_MONTH}\s+{_DAY}\b(?![.,]?\d){_OF_YEAR}")),
    ("month_day", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b{_OF_YEAR}")),
    ("month", re.compile(rf"\b{_REL}(?:\s+|(?<=-)){_MONTH}\b")),  # "last October", "mid-October"
    # "the spring of 2024", "autumn 2024"
    ("absolute", re.compile(rf"\b(?:(?i:the)\s+)?{_SEASON}\s+(?:(?i:of)\s+)?{_YEAR}\b")),
    # "the fall of 2024": "fall" is a season only with "the" and "of" around it, else a verb.
    ("absolute", re.compile(rf"\b(?i:the)\s+(?P<season>(?i:fall))\s+(?i:of)\s+{_YEAR}\b")),
    ("month", re.compile(rf"\b{_PREP}\s+{_MONTH}\b{_OF_YEAR}")),
    ("unit", re.compile(rf"\b(?P<rel>(?i:last|this|next|past|earlier\s+this|later\s+this))\s+{_UNIT}\b")),
    ("unit", re.compile(rf"\b(?:{_PREP}\s+)?(?i:the\s+(?:very\s+)?(?:end|beginning|start|middle)\s+of\s+)"
                        rf"(?P<rel>(?i:the|this|next|last))\s+{_UNIT}\b")),
    ("unit", re.compile(r"\b(?P<prep>(?i:over|during|at|on|through|throughout))\s+(?P<rel>(?i:the))\s+"
                        r"(?P<unit>(?i:weekend))\b")),
    ("quarter", re.compile(rf"\b(?:(?i:the)\s+)?{_ORDINAL}(?:(?:\s+(?i:of))?\s+{_YEAR}|\s+(?i:of)\s+"
                           r"(?P<rel>(?i:last|this|next|the))\s+(?i:year))?\b(?!\s+(?i:in\s+a\s+row|running)\b)")),
    # "the day", "the same day" stand for the day named before them: "On Monday ... ended the day".
    ("the_day", re.compile(r"\b(?:(?P<prep>(?i:end|ended|ending|ends|finish|finished|close|closed|for|during"
                           r"|on|throughout|(?:later|earlier)\s+in))\s+|(?i:late\s+in|early\s+in"
                           r"|the\s+(?:start|end)\s+of)\s+)(?i:the\s+(?:same\s+)?day)\b"
                           r"(?!\s+(?i:before|after|of|when|that|on|in|which|and|or)\b)")),
    ("year_before", re.compile(r"\b(?i:the\s+(?:previous|prior|preceding)\s+year"
                               r"|the\s+year\s+(?:before|previous))\b")),
    # "Two days later", "a month earlier": counted from the date named before them.
    ("later", re.compile(r"\b(?P<count>\d+|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten))\s+"
                         r"(?P<unit>(?i:day|week|month|year))s?\s+(?P<rel>(?i:later|earlier))\b")),
    ("ago", re.compile(r"\b(?P<count>\d+|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten))\s+"
                       r"(?P<unit>(?i:day|week|month|year))s?\s+(?i:ago)\b")),
    ("day_word", re.compile(r"\b(?:(?i:earlier|later)\s+)?"
                            r"(?P<word>(?i:yesterday|today|tomorrow|tonight))\b")),
    ("day_word", re.compile(rf"\b(?P<word>(?i:this|last|yesterday|tomorrow))\s+{_PART}\b")),
    ("weekday", re.compile(rf"\b(?:(?P<rel>(?i:last|this|next))\s+)?{_WEEKDAY}(?:\s+{_PART})?\b")),
    ("season", re.compile(rf"\b(?:{_REL}\s+|(?i:the|in\s+the)\s+){_SEASON}\b")),
    ("year", re.compile(rf"\b(?:{_PREP}\s+|{_EARLY}){_YEAR}\b(?![-–]\d)")),
    *OTHER_PATTERNS,
    ("year", re.compile(rf"(?<![$€£\d,.])\b{_YEAR}\b(?![-–/]?\d|,\d)")),
]  # fmt: skip
# A month or season alone ("their January sales", "Autumn meetings") only where spaCy reads a date.
_ENTITY_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("month", re.compile(rf"(?:(?i:the)\s+)?{_MONTH}")),
    ("season", re.compile(r"(?:(?i:the)\s+)?(?P<season>(?i:spring|summer|autumn|fall|winter))")),
]
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_ORDINALS["final"] = 4
_NOT_DATES = frozenset({"duration", "time", "period"})
_CLAUSE_END = re.compile(r"[.;,:](?=\s)")  # not the comma of "25,000"
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_NUMBER_WORDS |= {"seven": 7, "eight": 8, "nine": 9, "ten": 10}
_FUTURE = re.compile(
    r"\b(will|shall|is to|are to|(?:is|are) set to|plans? to|expected to|scheduled|due to|next|must|should"
    r"|needs? to)\b",
    re.I,
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
    found = _find(text, [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"])
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
    refs: list[TimeRef] = []
    for item in found:
        value = _value(item, anchor, text, refs)
        if value is _SKIP:
            continue
        if item.kind == "weekday" and anchor is not None and _told_in_past(doc, *item.span):
            value = _weekday(item, anchor, future=False)  # "said on Monday ... will": the Monday before
        start, end = item.span
        kind = item.kind if item.kind in _NOT_DATES else "date"
        fixed = item.kind in ("absolute", "year", "duration", "period") or bool(
            item.kind == "quarter" and item.group("year")
        )
        resolution = "absolute" if fixed else "relative"
        if resolution == "relative" and anchor is not None:
            resolution = anchor.how
        refs.append(TimeRef(text[start:end], value, resolution, start, end, kind))  # type: ignore[arg-type]
    return tuple(refs)


_SKIP = object()


def _find(text: str, dates: list[tuple[int, int]]) -> list[_Found]:
    """Matches of every pattern, and of the bare names spaCy read as dates in ``dates``;
    longer ones win over the shorter ones they overlap."""
    candidates = [_Found(kind, m) for kind, pattern in _PATTERNS for m in pattern.finditer(text)]
    for start, end in dates:
        for kind, pattern in _ENTITY_PATTERNS:
            match = pattern.fullmatch(text, start, end)
            if match:
                candidates.append(_Found(kind, match))
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
    if item.kind not in ("absolute", "year", "quarter") or not item.group("year"):
        return None
    day = _day(item)
    if day is not None and not 1 <= day <= 31:
        return None
    return iso(int(item.group("year") or 0), _month(item), day)


def _yearless(item: _Found) -> tuple[int, int | None] | None:
    """A month (and day) named without a year and without "last"/"next": (month, day)."""
    if item.kind not in ("month_day", "month") or (item.group("rel") or "").lower() in ("last", "next"):
        return None
    if item.group("yrel"):
        return None  # "June 19 of last year" names its year
    if (item.group("prep") or "").lower() in ("by", "until", "till", "before"):
        return None  # a deadline looks ahead: it says nothing of when the text was written
    month = _month(item)
    return (month, _day(item)) if month else None


def _value(item: _Found, anchor: Anchor | None, text: str, before: list[TimeRef]) -> str | object | None:
    """A date's ISO value; a duration's ISO 8601 one; a decade's TimeML one; the day a time of day is on."""
    if item.kind == "duration":
        return duration_value(item.match.groupdict())
    if item.kind == "period":
        return decade_value(item.match.groupdict())
    dates = [r for r in before if r.kind == "date" and r.value]
    if item.kind == "time":
        if dates and len(dates[-1].value or "") == 10 and item.span[0] - dates[-1].end < 8:
            return dates[-1].value  # "on April 3 at 14:10"
        return anchor.day.isoformat() if anchor is not None and anchor.grain == "day" else None
    # "from 300 in early 2024 to 2,000 by the end of the year": "the year" is the one just named.
    if item.kind == "unit" and (item.group("rel") or "").lower() == "the" and dates:
        between = text[dates[-1].end : item.span[0]]
        if len(between) < 120 and not _CLAUSE_END.search(between.replace(",", " ")):
            unit = (item.group("unit") or "").lower()
            width = {"year": 4, "month": 7}.get(unit)
            value = dates[-1].value or ""
            if width is not None and len(value) >= width:
                return value[:width]
    return _resolve(item, anchor, text, dates[-1].value if dates else None)


def _resolve(item: _Found, anchor: Anchor | None, text: str, last: str | None) -> str | object | None:
    if item.kind in ("absolute", "year") or (item.kind == "quarter" and item.group("year")):
        return _absolute(item) or _SKIP
    if item.kind == "the_day" and last is not None and len(last) == 10:
        return last
    if item.kind == "year_before" and last is not None:
        return f"{int(last[:4]) - 1:04d}"
    if item.kind == "later":
        return _counted_from(item, last)
    if anchor is None:
        return None
    today = anchor.day
    rel = " ".join((item.group("rel") or "").lower().split())
    if item.kind == "the_day":
        return today.isoformat() if anchor.grain == "day" else None
    if item.kind == "year_before":
        return f"{today.year - 1:04d}"
    if item.kind == "quarter":
        return _quarter(item, today, rel, _is_future(text, item))
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
        shift = {"yesterday": -1, "last": -1, "tomorrow": 1}.get((item.group("word") or "").lower(), 0)
        return (today + timedelta(days=shift)).isoformat()
    if item.kind == "weekday":
        return _weekday(item, anchor, _is_future(text, item))
    if item.kind == "season":
        starts = SEASONS[(item.group("season") or "").lower()]
        year = today.year
        if rel == "next" or (rel not in ("last", "this") and _is_future(text, item) and starts < today.month):
            year += 1  # "will open in the spring", said in June: next spring
        elif rel == "last" or (rel != "this" and not _is_future(text, item) and starts > today.month + 1):
            year -= 1
        return f"{year:04d}"
    month, day = _month(item), _day(item)
    if month is None or (day is not None and not 1 <= day <= 31):
        return _SKIP
    year = today.year
    year_rel = (item.group("yrel") or "").lower()
    if year_rel:
        return iso(year + {"last": -1, "next": 1}.get(year_rel, 0), month, day)
    if rel == "next" or (rel not in ("last", "this") and _is_future(text, item)):
        if (month, day or 31) < (today.month, today.day):
            year += 1
    elif rel == "last":
        if month >= today.month:
            year -= 1
    elif rel != "this" and (month, day or 1) > (today.month, today.day):
        year -= 1  # a date named without a year, after the anchor: the last one before it
    return iso(year, month, day)


def _counted_from(item: _Found, last: str | None) -> str | None:
    """ "Two days later" after "on April 26": April 28; "a year earlier" after "in May 2024": 2023.
    Unresolved when no date was named before, or days are counted from a month or a year."""
    count = item.group("count") or "1"
    n = int(count) if count.isdigit() else _NUMBER_WORDS.get(count.lower(), 1)
    n = -n if (item.group("rel") or "").lower() == "earlier" else n
    unit = (item.group("unit") or "").lower()
    start = parse_iso(last)
    if start is None or last is None:
        return None
    if unit in ("day", "week") and len(last) == 10:
        return (start + timedelta(days=n if unit == "day" else 7 * n)).isoformat()
    if unit == "month" and len(last) >= 7:
        months = start.year * 12 + start.month - 1 + n
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    if unit == "year":
        return f"{start.year + n:04d}"
    return None  # days counted from a month or a year fall on no day we know


def _quarter(item: _Found, today: date, rel: str, future: bool) -> str:
    """The year of a quarter named without one: the year that puts it nearest the anchor
    ("the fourth quarter" is last year's in March, this year's in August)."""
    year = today.year + {"last": -1, "next": 1}.get(rel, 0)
    if rel:
        return f"{year:04d}"
    now = (today.month - 1) // 3 + 1
    number = int(item.group("q") or 0) or _ORDINALS.get((item.group("ord") or "").lower(), now - 1)
    if number < 1:  # "the last quarter" in January
        return f"{year - 1:04d}"
    ahead = number - now
    if ahead > 2 or (ahead == 2 and not future):
        year -= 1
    elif ahead < -2 or (ahead == -2 and future):
        year += 1
    return f"{year:04d}"


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


def _told_in_past(doc: Doc, start: int, end: int) -> bool:
    """Whether the verb a day name hangs on is in the past tense: "said on Monday", "was hit on
    Monday", "On Monday the ministry said" (whatever future the rest of the clause speaks of)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    before = span.start - 1
    if before >= 0 and span.doc[before].lower_ == "on":
        before -= 1
    if before >= 0 and span.doc[before].tag_ == "VBD":
        return True  # "said Monday the tanker is due": the parser may hang the day on the clause after
    verb = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    helpers = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(h.tag_ == "MD" for h in helpers):
        return False  # "will meet on Monday", "could sail on Friday"
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(h.tag_ == "VBD" for h in helpers))


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
