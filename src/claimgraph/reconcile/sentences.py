"""A claim's own sentence, inside the statement its claim spans."""

from __future__ import annotations

import re
from dataclasses import replace

from claimgraph.records import Claim

# Where one sentence ends and the next begins: a stop, a space, a capital or a digit.
_SENTENCE_END = re.compile(r"(?<![A-Z])[.!?][\"”’')]?\s+(?=[\"“‘(]?[A-Z0-9])")


def own_sentence(claim: Claim) -> Claim:
    """The claim cut to the sentence of its figure or date. A statement told over several
    sentences spans them all (extract/statements.py), but what a figure counts and what act it
    tallies are read from its own sentence, not from the figures told beside it. A regular
    expression, not the parser: reconcile reads stored claims, with no parse at hand."""
    anchor = claim.quantity or claim.time
    if anchor is None:
        return claim
    at = anchor.start - claim.start
    if not 0 <= at <= len(claim.text):
        return claim
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(claim.text)]
    first = max(s for s in starts if s <= at)
    last = next((s for s in starts if s > at), len(claim.text))
    if (first, last) == (0, len(claim.text)):
        return claim
    text = claim.text[first:last].rstrip()
    return replace(claim, start=claim.start + first, end=claim.start + first + len(text), text=text)
