"""Durations ("four years", "a 12-month high", "the past nine days"), times of day
("16:05 GMT") and decades ("the 1980s"): time expressions that are not a date.

times.py finds them beside the dates and keeps them as TimeRefs of their own
kind, so a claim is never dated by one (see records.TimeRef): a duration's
value is an ISO 8601 duration ("P4Y"), a time of day's the ISO day it falls
on, a decade's its TimeML value ("198").
"""

from __future__ import annotations

import re

_SMALL = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
          "twenty"]  # fmt: skip
_TENS = {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
NUMBER_WORDS = {word: n for n, word in enumerate(_SMALL, start=1)} | _TENS | {"a": 1, "an": 1}
_VAGUE = ("several", "a few", "few", "many", "some")
_WORD = "|".join(sorted([*NUMBER_WORDS, "twenty", *_TENS], key=len, reverse=True))
# "two and a half", "fifty-five", "18", "2.5"; "a"/"an" only where the context says it is a length.
_COUNT = (
    rf"(?<![\d,.])(?P<count>\d+(?:\.\d+)?|(?:{_WORD})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|several|(?:a\s+)?few|many)(?P<half>\s+and\s+a\s+half)?"
)
_UNIT = r"(?P<unit>second|minute|hour|day|week|fortnight|month|quarter|year|decade|century)"
_UNITS = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M", "quarter": "Q"}
_UNITS |= {"year": "Y", "fortnight": "W", "decade": "Y", "century": "Y"}
# "about a quarter of its dealers" is a share, "a second day" an ordinal: these are lengths only with a count.
_A_UNIT = r"(?P<unit>minute|hour|day|week|fortnight|month|year|decade|century)"
_SCALE = {"fortnight": 2, "decade": 10, "century": 100}
# Kept in the expression: "the next four years", "nearly five months", "six straight days".
_LEAD = r"(?:(?P<the>the\s+)?(?P<dir>next|past|last|previous|coming|first|final|following)\s+)?"
_MOD = r"(?P<mod>over|nearly|almost|about|around|roughly|some|approximately)\s+"
_KIND = r"(?:(?i:straight|consecutive|trading|working|full|calendar|business)\s+)?"
_NOT_AGE = r"(?!-?\s*(?i:old)\b|'s\b|[-–]\d)"
# Before "a week", a preposition shows a length ("for a week", "more than a week"), not a rate ("15 a week");
# "over" and "nearly" are part of the expression, "for" and "than" are not.
_BEFORE_A = r"(?:(?P<prep>(?i:for|within|than|in|during|after|under|just|only))\s+|(?i:" + _MOD + "))"
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("duration", re.compile(rf"\b{_LEAD}(?:{_MOD})?(?!an?\s+(?!few\b)){_COUNT}[\s-]+{_KIND}{_UNIT}s?\b"
                            + _NOT_AGE, re.I)),
    ("duration", re.compile(rf"\b{_BEFORE_A}(?P<count>(?i:a|an))\s+{_KIND}{_A_UNIT}\b{_NOT_AGE}")),
    ("duration", re.compile(rf"\b(?P<count>(?i:a|an))\s+{_A_UNIT}(?=\s+(?i:after|later|before|earlier)\b)")),
    ("duration", re.compile(r"\b(?P<the>(?i:the))\s+(?P<dir>(?i:past|last|next|coming|previous))\s+"
                            r"(?P<unit>(?i:decade|century))\b")),
    # Lengths without a count: "for years", "over the years", "decades-long", "in recent years".
    ("duration", re.compile(r"\b(?:(?P<prep>(?i:for|in|within))\s+|(?i:over\s+the|recent|many|several)\s+)"
                            r"(?P<unit>(?i:years|decades|months|weeks|days|hours|minutes))\b(?!\s+(?i:ago|old|of\s+age))")),
    ("duration", re.compile(r"\b(?P<unit>(?i:years|decades))-long\b")),
    ("time", re.compile(r"\b(?P<hour>[01]?\d|2[0-3])(?::(?P<minute>[0-5]\d))?\s*"
                        r"(?:(?:[ap]\.m\.|[ap]m\b)(?:\s*(?:UTC|GMT)\b)?|(?:UTC|GMT)\b)")),
    ("time", re.compile(r"\b(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)\s+(?:UTC|GMT)\b")),
    ("time", re.compile(r"\b(?P<prep>(?i:at|by|from|until|till|since|around))\s+"
                        r"(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)\b(?![:.,]?\d)")),
    # "the 1980s", "the '70s", "the mid-1990s", "the 70s and 80s": the article is not part of it.
    ("period", re.compile(r"\b(?P<prep>(?i:the|and|or|to))\s+(?:(?i:early|mid|late)-?\s*)?"
                          r"(?P<decade>(?:19|20)?'?\d)0'?s\b")),
]  # fmt: skip


def duration_value(groups: dict[str, str | None]) -> str | None:
    """ISO 8601 duration of a match: "P4Y", "PT30M", "P2.5Y"; "PXY" when the count is vague."""
    unit = (groups.get("unit") or "").lower().removesuffix("s")
    if unit not in _UNITS:
        return None
    count = " ".join((groups.get("count") or "").lower().split())
    number: float | None
    if not count and (groups.get("dir") or "").lower() in ("past", "last", "next", "coming", "previous"):
        number = 1  # "the past decade"
    elif not count or count in _VAGUE or count == "a few":
        number = None
    elif count.replace(".", "", 1).isdigit():
        number = float(count)
    else:
        first, _, second = count.partition("-")
        number = NUMBER_WORDS.get(first, 0) + NUMBER_WORDS.get(second, 0) or None
    if number is not None:
        number = (number + (0.5 if groups.get("half") else 0)) * _SCALE.get(unit, 1)
    amount = "X" if number is None else f"{number:g}"
    time_part = "T" if unit in ("second", "minute", "hour") else ""
    return f"P{time_part}{amount}{_UNITS[unit]}"


def decade_value(groups: dict[str, str | None]) -> str:
    """TimeML's value of a decade: "198" for "the 1980s" and "the '80s"."""
    digits = (groups.get("decade") or "").replace("'", "")
    return digits if len(digits) == 3 else f"19{digits}"
