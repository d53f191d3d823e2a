"""Which of a sentence's dates a claim carries: for a figure, not a running count's start or standing,
nor another figure's; for an act told of a list of days, each of them.

"162 ships since November 2023" starts a running count and "had lost 60 boats as of May" gives
one as it stood: its report dates it, not the date; "400 of the 1,200 sailors sent last year"
and "40 barges this year, compared with 12" date the other figure; "from July 2023 to July 2024"
is a stretch the figure tallies.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from itertools import pairwise

from spacy.tokens import Span, Token

from claimgraph.extract.predicates import governing_verb
from claimgraph.records import Quantity, TimeRef


def figure_token(sent: Span, figure: Quantity) -> Token:
    """The syntactic head of a figure's words (the sentence's root if they make no span)."""
    span = sent.doc.char_span(figure.start, figure.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else sent.root


# Words that make a figure's own phrase: "1,200" in "the 1,200 sailors sent last year".
_COUNTING = frozenset(["nummod", "quantmod", "compound", "nmod"])
_NOUNS = frozenset(["NOUN", "PROPN", "NUM"])


# Words that make a date the start of a running total rather than the figure's date:
# "162 ships since November 2023", "so far this year", "this year to date".
_RUNNING_BEFORE = (("since",), ("so", "far"))
_RUNNING_AFTER = (("so", "far"), ("to", "date"))


def in_a_since_phrase(span: Span) -> bool:
    """ "since the start of the war in February 2022": a date inside a phrase opened by "since",
    however deep, marks where a stretch begins."""
    token = span.root
    while token.head.i != token.i and token.pos_ not in ("VERB", "AUX"):
        token = token.head
        if token.lower_ == "since" and token.dep_ == "prep":
            return True
    return span.start > 0 and span.doc[span.start - 1].lower_ == "since"


def starts_a_running_total(span: Span) -> bool:
    """Whether a date opens a cumulative count, which its report dates, not its start."""
    doc = span.doc
    if in_a_since_phrase(span):
        return True
    for words in _RUNNING_BEFORE:
        before = doc[max(span.start - len(words), 0) : span.start]
        if tuple(t.lower_ for t in before) == words:
            return True
    for words in _RUNNING_AFTER:
        after = doc[span.end : span.end + len(words)]
        if tuple(t.lower_ for t in after) == words:
            return True
    return False


def as_it_stood(time: TimeRef, span: Span) -> bool:
    """ "had lost 60 boats as of May", "over 50 a week as of March 2025": a month or a year after
    "as of" gives the standing of a count, which its report dates, not an event; a day ("as of
    May 14") is the day the count was given out, and still dates it."""
    if len(time.value or "") >= 10 or span.start < 2:
        return False
    doc = span.doc
    return doc[span.start - 2].lower_ == "as" and doc[span.start - 1].lower_ == "of"


def figure_phrase(figure: Token) -> set[int]:
    """The tokens of a figure's noun phrase: the counted noun and all below it."""
    head = figure
    while head.dep_ in _COUNTING and head.head.i != head.i and head.head.pos_ in _NOUNS:
        head = head.head
    return {t.i for t in head.subtree}


def anothers_date(span: Span, figure: Token, verb: Token, others: Sequence[Token]) -> bool:
    """Whether a date belongs to another figure of the sentence: it lies in that figure's own noun
    phrase ("400 of the 1,200 sailors sent last year") rather than in this one's, or hangs on the
    verb of that figure and not on this one's ("built 40 barges this year, compared with 12")."""
    sentence = {t.i for t in span.sent}
    phrases = {token.i: figure_phrase(token) for token in (figure, *others)}
    holding = [i for i, phrase in phrases.items() if span.root.i in phrase]
    if holding and min(holding, key=lambda i: len(phrases[i])) != figure.i:
        return True
    governor = governing_verb(span.root, sentence)
    if governor is None or governor.i == verb.i:
        return False
    return any(governing_verb(other, sentence) == governor for other in others if other.i != figure.i)


_STRETCH_OPENERS = {"from": ("to", "until", "through", "till"), "between": ("and",)}


def _months(value: str) -> int | None:
    """Months since year 0 of an ISO year, month or day; None for anything else."""
    parts = value.split("-")
    if not parts[0].isdigit() or len(parts[0]) != 4:
        return None
    month = parts[1] if len(parts) > 1 else "1"
    return int(parts[0]) * 12 + int(month) - 1 if month.isdigit() else None


def ends_of_a_long_stretch(times: Sequence[TimeRef], text: str) -> set[TimeRef]:
    """ "made 2,500 drones from July 2023 to July 2024": the ends of a stretch a year or longer
    that a figure counts over, which like a whole year is its tally, not the date of one event;
    a shorter one ("sent 3,000 between January and February") still dates the act."""
    ends: set[TimeRef] = set()
    for first in times:
        for last in times:
            if last.start <= first.end:
                continue
            opener = text[: first.start].rstrip().rsplit(" ", 1)[-1].lower()
            joint = text[first.end : last.start].strip().lower()
            if joint not in _STRETCH_OPENERS.get(opener, ()):
                continue
            start, end = _months(first.value or ""), _months(last.value or "")
            if start is not None and end is not None and end - start >= 12:
                ends |= {first, last}
    return ends


_LIST_JOINTS = frozenset([",", "and", ", and", "or", ", or", ";"])


def listed_days(time: TimeRef | None, times: Sequence[TimeRef], text: str) -> list[TimeRef]:
    """The other days of a list the claim's day is part of ("approved the plan on October 22,
    December 12 and December 22"): the same act told of each, so each dates the claim. Only days
    apart: months joined ("in January and February") or days in a row ("met on Tuesday and
    Wednesday") give one stretch, not several acts."""
    if time is None or len(time.value or "") != 10:
        return []
    days = sorted((t for t in times if t.kind == "date" and len(t.value or "") == 10), key=lambda t: t.start)
    if time not in days:
        return []
    at = days.index(time)
    first = last = at
    while first > 0 and text[days[first - 1].end : days[first].start].strip().lower() in _LIST_JOINTS:
        first -= 1
    while (
        last + 1 < len(days) and text[days[last].end : days[last + 1].start].strip().lower() in _LIST_JOINTS
    ):
        last += 1
    listed = days[first : last + 1]
    try:
        dates = [date.fromisoformat(t.value or "") for t in listed]
    except ValueError:
        return []
    if any((later - earlier).days <= 1 for earlier, later in pairwise(dates)):
        return []
    return [t for t in listed if t is not time and t.value != time.value]
