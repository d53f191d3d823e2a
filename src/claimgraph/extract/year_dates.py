"""Whole years that date no claim: the year a figure tallies ("6,000 drones were produced in 2024"),
one a "since" opens ("in effect since 1953"), and a goal a year wide ("by the end of the year",
"later this year").
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from claimgraph.extract.figure_dates import figure_token, in_a_since_phrase
from claimgraph.extract.predicates import governing_verb
from claimgraph.extract.recent import is_recent
from claimgraph.records import Quantity, TimeRef


def since_a_year(time: TimeRef, span: Span | None) -> bool:
    """ "in effect since 1953", "growing since the start of the war in early 2022": a year that
    opens a long stretch dates no claim; a day ("stopped since March 25") still dates the change."""
    return span is not None and len(time.value or "") == 4 and in_a_since_phrase(span)


def by_a_year(time: TimeRef, span: Span | None, aims: frozenset[str]) -> bool:
    """ "could be deployed by the end of the year", "by 2026 the plant is to make 6,000": a
    deadline a whole year wide is a goal, which dates no event; a month ("by the end of
    October") is narrow enough to date the act it is set for. A deadline in a past account
    ("raised output to 2,000 by the end of the year") is when it was reached, and dates the act.
    A whole year still to come ("planned deployments later this year", "will open next year") is a
    goal too."""
    if span is None or len(time.value or "") != 4 or span.start == 0:
        return False
    ahead = span.doc[span.start - 1].lower_ == "by" or span[0].lower_ in ("later", "next")
    return ahead and looks_ahead(span.sent, aims)


def looks_ahead(sentence: Span, aims: frozenset[str]) -> bool:
    """A sentence about what is to come: a modal ("could be deployed"), a word of aiming from the
    pack's plan and target cues ("plans to recruit") or "is to" ("the plant is to make")."""
    return any(
        token.tag_ == "MD"
        or token.lemma_.lower() in aims
        or (token.lower_ == "to" and token.i > 0 and token.doc[token.i - 1].lemma_ == "be")
        for token in sentence
    )


# Words that make a year-valued expression a point in it ("late 2022", "the fall of 2024"), not all of it.
_PART_OF_A_YEAR = re.compile(
    r"\b(early|late|mid|end|beginning|start|middle|spring|summer|autumn|fall|winter|quarter|half)\b", re.I
)


def tallied_year(time: TimeRef | None, verb: Token, figure: Quantity | None) -> bool:
    """ "6,000 drones were produced in 2024", "13,000 entered Russia last year", "launched 100
    drones recently": a whole year (or "recently") on the figure's own verb is the span the figure
    tallies, not the date of one event; so is one inside the figure's own phrase ("half of the
    shells used this year"). A year on another verb ("deliveries, which began in 2022, reached
    2.8 million") or a part of a year ("late 2022", "by the end of the year") still dates the claim."""
    if figure is None or time is None or not (len(time.value or "") == 4 or is_recent(time)):
        return False
    if _PART_OF_A_YEAR.search(time.text):
        return False
    span = verb.doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None:
        return False
    counted = figure_token(verb.sent, figure)
    if any(t.i == span.root.i for t in counted.subtree) and span.root.i != counted.i:
        return True
    governor = governing_verb(span.root, {t.i for t in verb.sent})
    return governor is not None and governor.i == verb.i


_BARE_SEASON = re.compile(r"(?i)(?:in\s+)?the\s+(?:spring|summer|autumn|fall|winter)")


def a_bare_season(time: TimeRef) -> bool:
    """ "seized the town in a surprise attack over the summer": a season named with neither its
    year nor "this", "last" or "next" leaves its year to be guessed, too vague to date a claim;
    "last summer" or "the summer of 2024" still date it."""
    return len(time.value or "") == 4 and _BARE_SEASON.fullmatch(time.text.strip()) is not None
