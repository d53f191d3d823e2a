"""Rates and flows: the period a figure counts over, written after it ("a month") or before it
("monthly output"), and what a flow's figure counts when the flow names it ("Shahed production")."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from claimgraph.domains.vocabulary import Vocabulary
from claimgraph.extract.units import normalise_unit

PERIODS = {"day": "day", "week": "week", "month": "month", "year": "year", "hour": "hour"}
_RATE_ADVERBS = {
    "daily": "day", "weekly": "week", "monthly": "month", "yearly": "year", "annually": "year",
    "hourly": "hour", "nightly": "day",
}  # fmt: skip
# Rate words before a flow noun ("monthly output"); reconcile reads the same ones.
RATE_ADJECTIVES = _RATE_ADVERBS | {"annual": "year", "quarterly": "quarter"}
_RATE_DETERMINERS = {"per", "a", "an", "each", "every"}
_NAMING_DEPS = ("compound", "nmod", "amod")
# Nouns for a flow whose figure a rate word before them governs: "the monthly output … of 2,000 drones".
_FLOW_NOUNS = frozenset(
    ["output", "production", "capacity", "rate", "supply", "delivery", "shipment", "export", "import",
     "launch", "sale", "manufacturing", "stipend", "salary", "wage", "pay", "income", "allowance",
     "budget", "revenue", "spending"]
)  # fmt: skip
# A date that names one whole year: "in 2024", "this year".
_WHOLE_YEAR = re.compile(r"^(in )?((19|20)\d\d|(this|last|next|the past|the previous) year)$", re.IGNORECASE)


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
        rated = token.lower_ in RATE_ADJECTIVES and token.dep_ == "amod"
        if not rated or noun.lemma_.lower() not in _FLOW_NOUNS:
            continue
        if noun.i in above or (noun.head.i in above and noun.head.pos_ in ("VERB", "AUX")):
            return RATE_ADJECTIVES[token.lower_]
    return None


def flow_unit(number: Token, vocabulary: Vocabulary) -> str | None:
    """What a figure with no noun of its own counts, named on the flow it sets:
    "raise Shahed production to 6,000 a month" counts drones."""
    head = number.head
    if head.dep_ == "prep" and head.lower_ in ("to", "at", "of"):
        head = head.head  # "raise Shahed production to 6,000"
    elif number.dep_ not in ("dobj", "attr"):
        return None  # else "drone output reached 2,700"
    flows = [head, *(c for c in head.children if c.dep_ in ("dobj", "nsubj", "nsubjpass"))]
    for flow in (f for f in flows if f.lemma_.lower() in _FLOW_NOUNS):
        # "production of shells" names the thing; "output of the plant" its maker
        of = [g for c in flow.children if c.lower_ == "of" for g in c.children if g.tag_ == "NNS"]
        for thing in [*of, *reversed([c for c in flow.children if c.dep_ in _NAMING_DEPS])]:
            if thing.ent_id_ in vocabulary.counted_as:
                return vocabulary.counted_as[thing.ent_id_]
            if thing.pos_ == "NOUN":
                return normalise_unit(thing, vocabulary)
    return None


def rate_of_a_year(number: Token, vocabulary: Vocabulary) -> str | None:
    """ "In 2024, 6,000 drones were produced", "will produce 4.5 million shells this year": a
    flow's figure over one whole year is a yearly rate. Flows are the pack's acts marked so."""
    above = {t.i for t in number.ancestors}
    if not any(t.pos_ == "VERB" and _is_flow(t.lemma_.lower(), vocabulary) for t in number.ancestors):
        return None
    for ent in number.sent.ents:
        if ent.label_ == "DATE" and _WHOLE_YEAR.match(ent.text) and _hangs_on(ent) & above:
            return "year"
    return None


def _hangs_on(ent: Span) -> set[int]:
    """The word a date hangs on, directly ("made this year") or through a preposition ("in 2024")."""
    head = ent.root.head
    return {head.i, head.head.i} if head.dep_ == "prep" else {head.i}


def _is_flow(lemma: str, vocabulary: Vocabulary) -> bool:
    family = vocabulary.families.get(vocabulary.act(lemma))
    return bool(family and family.flow)
