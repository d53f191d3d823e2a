"""Dates of the other clauses of a sentence: "Portugal reopened the port in May after the storm
that hit it in March" claims the reopening in May and, in one more claim, the storm in March.

A claim carries one date, that of its own verb. A month or a day hanging on another verb of
the sentence ("after they staged an incursion in August 2024", "and all were to return home by
December 2019") dates that other act, so it gives a claim of its own: the sentence's entities,
the verb's predicate, no figure and no speaker.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from spacy.tokens import Span, Token

from claimgraph.extract.figure_dates import figure_phrase, figure_token, in_a_since_phrase
from claimgraph.extract.predicates import governing_verb
from claimgraph.records import Quantity, TimeRef

_JOINTS = frozenset(["and", ",", ", and", "or"])


def other_clause_dates(
    sent: Span,
    times: Sequence[TimeRef],
    figures: Sequence[Quantity],
    used: Collection[TimeRef],
    taken: Collection[int],
    dates: Callable[[TimeRef, Token], bool],
) -> list[tuple[TimeRef, Token]]:
    """The dates of the sentence no claim carries that date another clause's act, with its verb.

    ``used`` are the dates its claims carry, ``taken`` the token indices of their verbs and of its
    verbs of saying, ``dates(time, verb)`` whether a date may date a claim on that verb (not a
    name's year, a deadline a year wide …). Left out: a whole year (the background of a claim:
    "signed a deal last year"), a date on a verb that counts a figure or inside a figure's phrase
    (the figure's own: a tally), in a "since" phrase (a stretch opened), or joined to a date
    already used ("met on Tuesday and Wednesday": one stretch).
    """
    doc = sent.doc
    everything = frozenset(t.i for t in sent)
    counted = [figure_token(sent, f) for f in figures]
    figure_verbs = {g.i for g in (governing_verb(t, everything) for t in counted) if g is not None}
    phrases = [figure_phrase(t) for t in counted]
    found: list[tuple[TimeRef, Token]] = []
    for time in times:
        if time in used or time.kind != "date" or len(time.value or "") < 7:
            continue
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        if span is None or _joined(time, used, doc.text) or any(span.root.i in p for p in phrases):
            continue
        verb = governing_verb(span.root, everything)
        if verb is None or verb.i in taken or verb.i in figure_verbs:
            continue
        if in_a_since_phrase(span) or _after_since(span, verb) or not dates(time, verb):
            continue
        found.append((time, verb))
    return found


def _joined(time: TimeRef, used: Collection[TimeRef], text: str) -> bool:
    """Whether a date is listed with one already used: "on Tuesday and Wednesday"."""
    return any(
        text[u.end : time.start].strip().lower() in _JOINTS
        or text[time.end : u.start].strip().lower() in _JOINTS
        for u in used
    )


def _after_since(span: Span, verb: Token) -> bool:
    """ "since entering combat in December": a clause opened by "since" marks where a stretch begins."""
    doc = span.doc
    return any(t.lower_ == "since" for t in span.root.ancestors) or (
        verb.left_edge.i > 0 and doc[verb.left_edge.i - 1].lower_ == "since"
    )
