"""Briefed relays: a person briefed by a body passes on that body's findings.

"According to lawmaker Park, who was briefed by the agency, …", "Park told reporters after a
briefing from the agency": what the person says after the briefing is the body's, via them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from claimgraph.extract.speakers import SPEAKING_KINDS, Discourse, Mentions, people_in, resolve_speaker

if TYPE_CHECKING:
    from claimgraph.extract.attribution import Attribution


def note_briefings(sent: Span, named: Mentions, discourse: Discourse) -> None:
    """Remember who was briefed by whom: the one person the sentence names, and the body in
    "briefed by B" or "a briefing from B". With no person or several, nothing is noted."""
    people = people_in(sent, named)
    if len(people) != 1:
        return
    for token in sent:
        giver = _briefer(token)
        if giver is None:
            continue
        body, _ = resolve_speaker(giver, named, discourse)
        if isinstance(body, str) and named.kinds.get(body) in SPEAKING_KINDS:
            discourse.relays[people[0]] = body


def _briefer(token: Token) -> Token | None:
    """B in "briefed by B" (a passive) or "a briefing from/by B"."""
    lemma = token.lemma_.lower()
    if lemma == "brief" and token.pos_ == "VERB":
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if lemma == "briefing" and token.pos_ == "NOUN":
        prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in ("from", "by")), None)
        return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    return None


def relay_briefings(found: Sequence[Attribution], discourse: Discourse) -> None:
    """A briefed person speaking: the body that briefed them is the speaker, the person the via."""
    for attribution in found:
        body = discourse.relays.get(attribution.speaker or "")
        if body is not None:
            attribution.via, attribution.speaker = attribution.speaker, body
