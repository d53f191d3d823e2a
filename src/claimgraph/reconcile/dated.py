"""Whether a date in a sentence is the date of the one-off act the sentence names.

"Kim attended a show on Sunday marking the first anniversary of the treaty signed a year ago":
Sunday dates the show, and the anniversary says the signing was on another day. A date that
an anniversary word stands between it and the act dates the commemoration, never the act.
"""

from __future__ import annotations

import re

from claimgraph.records import Claim

# General English words of commemoration: what they mark happened on another date.
_COMMEMORATION = re.compile(r"\b(?:anniversary|anniversaries|commemorat\w*|jubilee)\b", re.IGNORECASE)


def dates_its_act(claim: Claim, word: str | None) -> bool:
    """Whether the claim's time dates the act read from ``word``, not a commemoration of it."""
    if claim.time is None or not word:
        return True
    text, base = claim.text, claim.start
    at = claim.time.start - base
    spots = [m.start() for m in re.finditer(r"\b" + re.escape(word) + r"\b", text, re.IGNORECASE)]
    if not spots:
        return True
    spot = min(spots, key=lambda s: abs(s - at))
    between = text[min(at, spot) : max(at, spot)]
    return not _COMMEMORATION.search(between)
