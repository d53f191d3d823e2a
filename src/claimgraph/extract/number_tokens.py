"""Numbers as spaCy tokens: where a written number starts and ends, and what it is worth.

Digits, words ("three thousand"), thousands set apart by spaces ("25 000"), fractions read as
shares, measure symbols after an amount, and numbers that are not amounts: a year, a part of
a name ("Flight 447").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from claimgraph.extract.numbers import (
    FRACTIONS,
    MONEY_SCALE_WORDS,
    SCALE_WORDS,
    SCALES,
    is_number_word,
    parse_digits,
    parse_range,
    parse_words,
)
from claimgraph.extract.units import currency, measure_symbol

# Words after an amount that only restate its currency: "$249 USD", "$5 billion dollars".
_CURRENCY_AFTER = ("usd", "dollars", "dollar", "us dollars")
# A number inside a name ("Flight 447", "Chapter 11", "the iPhone 4") names, it does not count.
_NAME_ENTS = {"ORG", "PRODUCT", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PERSON", "GPE", "LOC", "NORP"}
_IDENTIFIER = re.compile(r"^\d+([–-]\d+)?$")


def fraction_at(doc: Doc, i: int, end: int) -> tuple[Span, float, float, str | None] | None:
    """ "half", "two thirds", "three-quarters" as shares; "half a percent" as 0.005."""
    if i > 0 and doc[i - 1].lower_ in ("a", "one"):
        return None  # "two and a half", "a half": read with what comes before
    width = next((w for w in (3, 2, 1) if i + w <= end and doc[i : i + w].text.lower() in FRACTIONS), 0)
    if not width:
        return None
    value = FRACTIONS[doc[i : i + width].text.lower()]
    j = i + width
    if width == 1 and j + 1 < end and doc[j].text in ("-", "‐") and doc[j + 1].is_alpha:
        return None  # "half-measures", "half-hearted": a word, not a share
    ordinal = doc[j - 1].lower_ != "half" and j < end and doc[j].lower_ not in ("percent", "%")
    if ordinal and doc[j].pos_ == "NOUN":
        return None  # "a third batch", "a fourth round": an ordinal before its noun, not a share
    if j + 1 < end and doc[j].lower_ == "a" and doc[j + 1].lower_ in ("percent", "%"):
        return doc[i : j + 2], value / 100, value / 100, "share"
    return doc[i:j], value, value, "share"


def number_at(doc: Doc, i: int, end: int, money: bool = False) -> tuple[int, float, float] | None:
    """Where a number starting at token i ends, and its value (a range when written "15–35")."""
    scales = SCALES | (MONEY_SCALE_WORDS if money else SCALE_WORDS)
    value = parse_digits(doc[i].text)
    if value is None:
        span = parse_range(doc[i].text)
        if span is not None:
            return i + 1, span[0], span[1]
    if value is not None:
        j, value = _spaced_thousands(doc, i, end, value)
        while j < end and doc[j].lower_ in scales:
            value *= scales[doc[j].lower_]
            j += 1
        return _and_a_half(doc, j, end, value)
    j, words = i, list[str]()
    while j < end and _continues_number_words(doc, j, end, words):
        words.append(doc[j].text)
        j += 1
    value = parse_words(words) if words else None
    return _and_a_half(doc, j, end, value) if value is not None else None


_GROUP = re.compile(r"^\d{3}$")
_THIN_SPACES = frozenset(["\u00a0", "\u202f", "\u2009"])
_MONTHS = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
     "sept", "oct", "nov", "dec"]
)  # fmt: skip


def _spaced_thousands(doc: Doc, i: int, end: int, value: float) -> tuple[int, float]:
    """ "25 000" and "4\u00a0700" (thousands set apart by a space, as much of Europe writes them)
    are one number; "May 25 100 soldiers" is a day and a count."""
    if not re.fullmatch(r"\d{1,3}", doc[i].text) or (i > 0 and doc[i - 1].lower_.rstrip(".") in _MONTHS):
        return i + 1, value
    j = i
    while True:
        gap = j + 1
        if doc[j].whitespace_ == "" and gap < end and doc[gap].text in _THIN_SPACES:
            gap += 1  # a no-break space is a token of its own
        elif doc[j].whitespace_ != " ":
            break
        if gap >= end or not _GROUP.match(doc[gap].text):
            break
        value, j = value * 1000 + float(doc[gap].text), gap
    return j + 1, value


def _and_a_half(doc: Doc, j: int, end: int, value: float) -> tuple[int, float, float]:
    """ "two and a half" -> 2.5; "1.5" stays as it is."""
    if j + 2 < end and [t.lower_ for t in doc[j : j + 3]] == ["and", "a", "half"]:
        return j + 3, value + 0.5, value + 0.5
    return j, value, value


def currency_restated(doc: Doc, j: int, end: int) -> int:
    """The end of "$249 USD" or "$5 billion US dollars": the currency said twice is one figure."""
    for words in (2, 1):
        if j + words <= end and doc[j : j + words].text.lower() in _CURRENCY_AFTER:
            return j + words
    return j


def measure_at(doc: Doc, j: int, end: int) -> tuple[str | None, int]:
    """A measure written as a symbol after the amount: "40 km", "−57 °C", "3 MW"."""
    text = doc[j].text
    if text == "°" and j + 1 < end and doc[j + 1].text in ("C", "F") and not doc[j].whitespace_:
        return f"°{doc[j + 1].text}", j + 2
    unit = measure_symbol(text)
    return (unit, j + 1) if unit else (None, j)


def is_identifier(doc: Doc, i: int) -> bool:
    """ "Flight 447", "Chapter 11", "iPhone 4", "No. 1": a number that is part of a name."""
    token = doc[i]
    if not _IDENTIFIER.match(token.text):
        return False
    if token.ent_iob_ == "I" and token.ent_type_ in _NAME_ENTS:
        return True
    before = doc[i - 1] if i > token.sent.start else None
    if before is not None and before.lower_ in ("no.", "number", "#"):
        return True
    if before is None or before.pos_ != "PROPN" or currency(before.text):
        return False
    return (
        token.head == before
        or before.head == token
        or (before.head == token.head and before.dep_ in ("compound", "nmod"))
    )


def _continues_number_words(doc: Doc, j: int, end: int, words: list[str]) -> bool:
    """ "a hundred", "one hundred and five": joining words count only before a number."""
    word = doc[j].lower_
    if is_number_word(word):
        return True
    following = doc[j + 1].lower_ if j + 1 < end else ""
    if word in ("a", "an") and not words:
        return following in SCALES
    return word == "and" and bool(words) and is_number_word(following)


def looks_like_year(doc: Doc, i: int, j: int, low: float, high: float) -> bool:
    return j == i + 1 and 1900 <= low <= high <= 2100 and "," not in doc[i].text
