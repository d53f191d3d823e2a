"""What a report's speakers said reaches us through the source the report credits.

A story credited to a wire ("(Yonhap) -", "Source: TASS", "Ukrinform reports, citing Yonhap")
passes on its speakers' words: "the spy agency said" in it is the agency's, via Yonhap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from claimgraph.records import Claim, PageMention

_CREDIT = "original source"


def credited_source(page_mentions: Sequence[PageMention]) -> str | None:
    """The entity of the source the report credits first, if it resolved to one."""
    return next((m.entity_id for m in page_mentions if m.where == _CREDIT), None)


def passed_on(claims: Sequence[Claim], credited: str | None) -> tuple[Claim, ...]:
    """Each claim with a speaker and no relay of its own is relayed by the credited source."""
    if credited is None:
        return tuple(claims)
    return tuple(
        replace(c, via=credited) if c.speaker and c.via is None and c.speaker != credited else c
        for c in claims
    )
