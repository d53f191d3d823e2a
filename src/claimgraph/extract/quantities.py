"""Quantities in a parsed document: amount, qualifier, what is counted, and rate.

Numbers in digits or words, ranges ("10,000 to 12,000"), vague amounts read
as ranges ("tens of thousands"), qualifiers ("at least"), the counted noun
normalised ("troops" -> soldier), currencies and shares, and rates normalised
to day, week, month or year ("170 daily", "2,000 per month", "a month").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.numbers import (
    FRACTIONS,
    SCALES,
    VAGUE,
    VAGUE_PATTERN,
    is_number_word,
    parse_digits,
    parse_words,
)
from claimgraph.records import Quantity

QUALIFIERS = (
    "more than", "less than", "fewer than", "at least", "up to", "as many as", "close to",
    "an estimated", "approximately", "around", "about", "roughly", "nearly", "almost",
    "over", "some", "under", "estimated",
)  # fmt: skip
# Counted things under one name, so "troops" and "soldiers" are the same measure.
UNIT_SYNONYMS = {
    "troop": "soldier", "serviceman": "soldier", "personnel": "soldier", "infantry": "soldier",
    "infantryman": "soldier", "fighter": "soldier", "labourer": "worker", "laborer": "worker",
    "people": "person", "civilian": "person", "resident": "person", "uav": "drone",
    "round": "shell", "casualty": "casualty", "dead": "casualty", "wounded": "casualty",
    "killed": "casualty", "loss": "casualty", "injured": "casualty", "percent": "share",
    "%": "share", "dollar": "USD", "$": "USD", "usd": "USD", "euro": "EUR", "€": "EUR",
    "£": "GBP", "pound": "GBP",
}  # fmt: skip
_CURRENCY_BEFORE = {"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP"}
_PERIODS = {"day": "day", "week": "week", "month": "month", "year": "year", "hour": "hour"}
_RATE_ADVERBS = {
    "daily": "day", "weekly": "week", "monthly": "month", "yearly": "year", "annually": "year",
    "hourly": "hour", "nightly": "day",
}  # fmt: skip
_RATE_DETERMINERS = {"per", "a", "an", "each", "every"}
_RANGE_WORDS = ("to", "-", "–", "and")
_SKIP_ENTS = {"DATE", "TIME", "ORDINAL"}
_JOINED_RANGE = re.compile(r"^\s*,?\s*(then|or|to|and|and even|or even|even)\s*$", re.IGNORECASE)
# Nouns that count parts of a sentence's framing, not a measure anyone tracks.
_NOT_MEASURES = frozenset(
    [
        "nation",
        "country",
        "continent",
        "side",
        "part",
        "time",
        "way",
        "thing",
        "step",
        "phase",
        "case",
        "reason",
        "point",
        "aspect",
        "option",
        "area",
        "member",
        "party",
    ]
)


def extract_quantities(doc: Doc) -> tuple[Quantity, ...]:
    found: list[Quantity] = []
    for sent in doc.sents:
        found.extend(_sentence_quantities(sent))
    return tuple(found)


def _sentence_quantities(sent: Span) -> list[Quantity]:
    doc = sent.doc
    found: list[Quantity] = []
    taken: set[int] = set()
    for start, end, low, high in _vague_amounts(sent.text):
        span = doc.char_span(sent.start_char + start, sent.start_char + end, alignment_mode="expand")
        if span is None or taken & set(range(span.start, span.end)):
            continue
        taken.update(range(span.start, span.end))
        found.append(_finish(span, low, high, None, found))
    i = sent.start
    while i < sent.end:
        amount = None if i in taken else _amount_at(doc, i, sent.end)
        if amount is None:
            i += 1
            continue
        span, low, high, unit = amount
        taken.update(range(span.start, span.end))
        found.append(_finish(span, low, high, unit, found))
        i = span.end
    found = [q for q in found if q.unit and q.unit not in _NOT_MEASURES]
    return sorted(found, key=lambda q: q.start)


def _vague_amounts(text: str) -> list[tuple[int, int, float, float]]:
    """Vague amounts as ranges; "thousands, then tens of thousands" is one growing range."""
    amounts: list[tuple[int, int, float, float]] = []
    for match in VAGUE_PATTERN.finditer(text):
        low, high = VAGUE[match.group(1).lower()]
        if amounts and _JOINED_RANGE.match(text[amounts[-1][1] : match.start()]):
            amounts[-1] = (amounts[-1][0], match.end(), amounts[-1][2], float(high))
        else:
            amounts.append((match.start(), match.end(), float(low), float(high)))
    return amounts


def _amount_at(doc: Doc, i: int, end: int) -> tuple[Span, float, float, str | None] | None:
    token = doc[i]
    if token.ent_type_ in _SKIP_ENTS or token.ent_id_:
        return None
    lowered = token.lower_
    if lowered in FRACTIONS or (
        lowered in ("a", "one", "two") and i + 1 < end and f"{lowered} {doc[i + 1].lower_}" in FRACTIONS
    ):
        width = 1 if lowered in FRACTIONS else 2
        value = FRACTIONS[doc[i : i + width].text.lower()]
        return doc[i : i + width], value, value, "share"
    number = _number_at(doc, i, end)
    if number is None:
        return None
    j, value = number
    if value == 1 and j + 1 < end and doc[j].lower_ == "of" and doc[i].lower_ == "one":
        return None  # "one of the largest": a member picked out, not a count
    low, high = value, value
    second = _number_at(doc, j + 1, end) if j + 1 < end and doc[j].lower_ in _RANGE_WORDS else None
    if second and (doc[j].lower_ != "and" or (i > 0 and doc[i - 1].lower_ == "between")):
        j, high = second  # "10,000 to 12,000", "between 10,000 and 12,000"
    unit = None
    per_cent = j + 1 < end and doc[j].lower_ == "per" and doc[j + 1].lower_ == "cent"
    if j < end and (doc[j].lower_ in ("%", "percent") or per_cent):
        j += 2 if per_cent else 1
        low, high, unit = low / 100, high / 100, "share"
    if i > 0 and doc[i - 1].lower_ in _CURRENCY_BEFORE:
        return doc[i - 1 : j], low, high, _CURRENCY_BEFORE[doc[i - 1].lower_]
    if _looks_like_year(doc, i, j, low) or (j < end and doc[j].text in ("-", "–") and unit is None):
        return None  # a year, or a compound adjective: "two-story", "three-year-long"
    return doc[i:j], low, high, unit


def _number_at(doc: Doc, i: int, end: int) -> tuple[int, float] | None:
    """Where a number starting at token i ends, and its value."""
    value = parse_digits(doc[i].text)
    if value is not None:
        j = i + 1
        while j < end and doc[j].lower_ in SCALES:
            value *= SCALES[doc[j].lower_]
            j += 1
        return j, value
    j, words = i, []
    while j < end and _continues_number_words(doc, j, end, words):
        words.append(doc[j].text)
        j += 1
    value = parse_words(words) if words else None
    return (j, value) if value is not None else None


def _continues_number_words(doc: Doc, j: int, end: int, words: list[str]) -> bool:
    """ "a hundred", "one hundred and five": joining words count only before a number."""
    word = doc[j].lower_
    if is_number_word(word):
        return True
    following = doc[j + 1].lower_ if j + 1 < end else ""
    if word in ("a", "an") and not words:
        return following in SCALES
    return word == "and" and bool(words) and is_number_word(following)


def _looks_like_year(doc: Doc, i: int, j: int, value: float) -> bool:
    return j == i + 1 and 1900 <= value <= 2100 and "," not in doc[i].text


def _finish(span: Span, low: float, high: float, unit: str | None, before: list[Quantity]) -> Quantity:
    doc = span.doc
    qualifier, start = _qualifier(doc, span.start)
    noun = None if unit else _counted_noun(doc, span.end, span.sent.end)
    per = _rate(doc, (noun.i + 1) if noun is not None else span.end, span.sent.end)
    if unit is None and noun is not None:
        unit = normalise_unit(noun)
    if unit is None and before:  # "2,000 drones a month, aiming for 5,000": the same measure
        unit, per = before[-1].unit, per or before[-1].per
    last = max(span.end, noun.i + 1 if noun is not None else span.end)
    text_span = doc[start:last]
    return Quantity(
        low=low,
        high=high,
        unit=unit or "",
        text=text_span.text,
        start=text_span.start_char,
        end=text_span.end_char,
        qualifier=qualifier,
        per=per,
    )


def _qualifier(doc: Doc, start: int) -> tuple[str | None, int]:
    before = doc[max(0, start - 3) : start]
    words = [t.lower_ for t in before]
    for phrase in QUALIFIERS:
        size = len(phrase.split())
        if words[-size:] == phrase.split():
            return phrase, start - size
    return None, start


def _counted_noun(doc: Doc, i: int, end: int) -> Token | None:
    """The noun a number counts: "2,000 Shahed drones", "170 of these drones", "4,000 dead"."""
    j = i
    while j < end and j < i + 6:
        token = doc[j]
        lowered = token.lower_
        if token.pos_ in ("NOUN",) and lowered not in _PERIODS and not _is_modifier(doc, j, end):
            return token
        if lowered in ("dead", "wounded", "killed", "injured"):
            return token
        if lowered == "," and j + 1 < end and doc[j + 1].lower_ == "of":  # "tens of thousands, of drones"
            j += 1
            continue
        if (
            lowered in ("of", "these", "those", "the", "its", "their", "-", "type", "”", '"', "’")
            or token.pos_ in ("ADJ", "PROPN")
            or token.dep_ in ("compound", "amod")
        ):
            j += 1
            continue
        return None
    return None


def _is_modifier(doc: Doc, j: int, end: int) -> bool:
    """ "attack drones": "attack" is a noun modifying the counted noun."""
    return token_is_compound(doc[j]) and j + 1 < end and doc[j + 1].pos_ in ("NOUN", "PROPN")


def token_is_compound(token: Token) -> bool:
    return token.dep_ == "compound"


def normalise_unit(token: Token) -> str:
    lemma = token.lemma_.lower() if token.pos_ == "NOUN" else token.lower_
    if token.lower_ in UNIT_SYNONYMS:
        return UNIT_SYNONYMS[token.lower_]
    return UNIT_SYNONYMS.get(lemma, lemma)


def _rate(doc: Doc, i: int, end: int) -> str | None:
    """ "per month", "a day", "each week", "daily" within a few words after the amount."""
    for j in range(i, min(end, i + 4)):
        lowered = doc[j].lower_
        if lowered in _RATE_ADVERBS:
            return _RATE_ADVERBS[lowered]
        if lowered in _RATE_DETERMINERS and j + 1 < end and doc[j + 1].lemma_.lower() in _PERIODS:
            return _PERIODS[doc[j + 1].lemma_.lower()]
        if doc[j].pos_ in ("VERB", "AUX") or lowered in (",", ";", "."):
            return None
    return None
