"""Statements that run over several sentences: one speaker's claims joined into one.

A reporter often spreads one statement over consecutive sentences: "X said A. He added
B." or "According to X, A. 'A,' X said." Read one claim per sentence, that is several
attributions where the speaker made one statement. A sentence carries on the statement
of the sentence before when all its attributed claims are that speaker's and it does not
name the speaker anew (it points back: "he", "the ministry", a quotation running on), or
it names the speaker again only to repeat a figure the statement already gave. Its claims
then cover the statement's sentences: their span runs from the first sentence to the
last, so each sentence stays as evidence of the one statement.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from claimgraph.extract.attribution import Attribution
from claimgraph.records import Claim, Mention

_Figure = tuple[float, float, str]


@dataclass(slots=True)
class Statement:
    """One speaker's statement as read so far."""

    speaker: str
    start: int  # where its first sentence begins in the body
    first: int  # index of its first claim among the document's claims
    figures: frozenset[_Figure]


def figures_of(claims: Sequence[Claim]) -> frozenset[_Figure]:
    """The figures the claims give, compared by value and unit."""
    return frozenset((c.quantity.low, c.quantity.high, c.quantity.unit) for c in claims if c.quantity)


def sole_speaker(claims: Sequence[Claim]) -> str | None:
    """The one speaker of a sentence's claims, when every claim that names a speaker names it."""
    speakers = {c.speaker for c in claims if c.speaker}
    return next(iter(speakers)) if len(speakers) == 1 else None


def names_anew(
    speaker: str,
    found: Sequence[Attribution],
    mentions: Sequence[Mention],
    kinds: Mapping[str, str],
    text: str,
) -> bool:
    """Whether the sentence names the speaker in its own words ("Budanov said"), not by
    pointing back ("he said", "the agency added", a quotation that runs on)."""
    for attribution in found:
        if attribution.speaker != speaker or attribution.start >= attribution.end:
            continue
        if speaker not in kinds:  # words, not an entity: named when the words are there
            if speaker.lower() in text[attribution.start : attribution.end].lower():
                return True
            continue
        if any(m.entity_id == speaker and attribution.start <= m.start < attribution.end for m in mentions):
            return True
    return False


def carries_on(
    statement: Statement,
    made: Sequence[Claim],
    found: Sequence[Attribution],
    mentions: Sequence[Mention],
    kinds: Mapping[str, str],
    text: str,
) -> bool:
    """Whether a sentence's claims carry on the statement open before (see the module's rule)."""
    if sole_speaker(made) != statement.speaker or any(c.opinion for c in made):
        return False
    if not names_anew(statement.speaker, found, mentions, kinds, text):
        return True
    return bool(figures_of(made) & statement.figures)  # named again to repeat a figure: the same statement


def opened(made: Sequence[Claim], first: int) -> Statement | None:
    """The statement a sentence's claims open: their one speaker, if any (an opinion opens none);
    ``first`` is the index of the first of them among the document's claims."""
    speaker = sole_speaker(made)
    if speaker is None or any(c.opinion for c in made):
        return None
    return Statement(speaker, min(c.start for c in made), first, figures_of(made))


def joined(claims: Sequence[Claim], statement: Statement, end: int, text: str) -> list[Claim]:
    """The claims with the statement's speaker made to span the statement up to ``end``."""
    return [
        replace(c, start=statement.start, end=end, text=text[statement.start : end])
        if c.speaker == statement.speaker
        else c
        for c in claims
    ]
