"""The day a claim was said, when that dates it better than what it claims.

A report is about a statement: "Thousands were sent last year, the agency said Sunday" is
news of Sunday. A claim dated only by a whole year takes the day its verb of saying names.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimgraph.extract.attribution import Attribution
from claimgraph.extract.predicates import governing_verb
from claimgraph.records import TimeRef


def said_on(
    time: TimeRef | None, times: Sequence[TimeRef], attribution: Attribution | None
) -> TimeRef | None:
    """ "Thousands were sent last year, the agency said Sunday": a claim dated only by a year is
    dated by the day it was said, which the report is about."""
    verb = attribution.verb if attribution is not None else None
    if verb is None or time is None or len(time.value or "") != 4:
        return time
    for said in times:
        span = verb.doc.char_span(said.start, said.end, alignment_mode="expand")
        day = said.kind == "date" and len(said.value or "") == 10
        if day and span is not None and governing_verb(span.root, {t.i for t in verb.sent}) == verb:
            return said
    return time


def said_in_a_year(time: TimeRef | None, attribution: Attribution | None) -> bool:
    """ "Earlier this year, the minister said the port would reopen": a whole year on the verb of
    saying is when the statement was made, too wide to date it or what it says."""
    verb = attribution.verb if attribution is not None else None
    if verb is None or time is None or len(time.value or "") != 4:
        return False
    span = verb.doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None:
        return False
    governor = governing_verb(span.root, {t.i for t in verb.sent})
    return governor is not None and governor.i == verb.i
