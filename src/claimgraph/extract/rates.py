"""Rates: the period a figure counts over, written after it ("a month") or before it ("monthly output")."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

PERIODS = {"day": "day", "week": "week", "month": "month", "year": "year", "hour": "hour"}
_RATE_ADVERBS = {
    "daily": "day", "weekly": "week", "monthly": "month", "yearly": "year", "annually": "year",
    "hourly": "hour", "nightly": "day",
}  # fmt: skip
_RATE_ADJECTIVES = _RATE_ADVERBS | {"annual": "year", "quarterly": "quarter"}
_RATE_DETERMINERS = {"per", "a", "an", "each", "every"}
# Nouns for a flow whose figure a rate word before them governs: "the monthly output … of 2,000 drones".
_FLOW_NOUNS = frozenset(
    ["output", "production", "capacity", "rate", "supply", "delivery", "shipment", "export", "import",
     "launch", "sale", "manufacturing"]
)  # fmt: skip


def rate_after(doc: Doc, i: int, end: int) -> str | None:
    """ "per month", "a day", "each week", "daily" within a few words after the amount."""
    for j in range(i, min(end, i + 4)):
        lowered = doc[j].lower_
        if lowered in _RATE_ADVERBS:
            return _RATE_ADVERBS[lowered]
        if lowered in _RATE_DETERMINERS and j + 1 < end and doc[j + 1].lemma_.lower() in PERIODS:
            return PERIODS[doc[j + 1].lemma_.lower()]
        if doc[j].pos_ in ("VERB", "AUX") or lowered in (",", ";", "."):
            return None
    return None


def rate_before(number: Token, sent: Span) -> str | None:
    """ "raised the monthly output from 300 drones to 2,000": a rate word on a flow noun earlier in
    the sentence governs a figure that hangs on that noun or on its verb."""
    above = {t.i for t in number.ancestors}
    for token in sent:
        if token.i >= number.i:
            return None
        noun = token.head
        rated = token.lower_ in _RATE_ADJECTIVES and token.dep_ == "amod"
        if not rated or noun.lemma_.lower() not in _FLOW_NOUNS:
            continue
        if noun.i in above or (noun.head.i in above and noun.head.pos_ in ("VERB", "AUX")):
            return _RATE_ADJECTIVES[token.lower_]
    return None
