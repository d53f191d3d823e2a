"""Text cut into segments, each with the kinds of span it lies in, for highlighting in a page.

Pure functions over offsets: the templates render each segment as an element whose text is
escaped by Jinja's autoescape, so nothing in an article is ever read as markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise

from claimgraph.records import Claim, Entity, Mention, Quantity, TimeRef
from claimgraph.views.text import format_quantity as figure


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str  # a CSS class: entity, quantity, time, speaker, claim, term
    label: str = ""  # shown on hover: the entity's name, the figure read, the date resolved


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    kinds: tuple[str, ...] = ()
    label: str = ""

    @property
    def css(self) -> str:
        return " ".join(f"hl-{k}" for k in self.kinds)


def segments(text: str, spans: Iterable[Span], offset: int = 0) -> list[Segment]:
    """``text`` (which starts at body offset ``offset``) cut at every span boundary.

    Spans may nest or overlap (a figure inside a claim's sentence, a name inside a figure):
    each segment lists every kind it lies in, so none hides another."""
    inside = [
        Span(max(s.start - offset, 0), min(s.end - offset, len(text)), s.kind, s.label)
        for s in spans
        if s.end > offset and s.start < offset + len(text) and s.end > s.start
    ]
    cuts = sorted({0, len(text), *(s.start for s in inside), *(s.end for s in inside)})
    out: list[Segment] = []
    for start, end in pairwise(cuts):
        over = [s for s in inside if s.start <= start and end <= s.end]
        kinds = tuple(dict.fromkeys(s.kind for s in over))
        label = "; ".join(dict.fromkeys(s.label for s in over if s.label))
        out.append(Segment(text[start:end], kinds, label))
    return out


def mark_spans(
    mentions: Iterable[Mention],
    quantities: Iterable[Quantity],
    times: Iterable[TimeRef],
    entities: Mapping[str, Entity],
) -> list[Span]:
    spans = [
        Span(m.start, m.end, "entity", entities[m.entity_id].name if m.entity_id in entities else m.entity_id)
        for m in mentions
    ]
    spans += [Span(q.start, q.end, "quantity", figure(q)) for q in quantities]
    spans += [Span(t.start, t.end, "time", t.value or "unresolved") for t in times]
    return spans


def claim_spans(claim: Claim, entities: Mapping[str, Entity]) -> list[Span]:
    """A claim's figure, time and speaker, as spans of its sentence."""
    spans: list[Span] = []
    if claim.quantity:
        spans.append(Span(claim.quantity.start, claim.quantity.end, "quantity", figure(claim.quantity)))
    if claim.time:
        spans.append(Span(claim.time.start, claim.time.end, "time", claim.time.value or "unresolved"))
    lowered = claim.text.lower()
    for value in (claim.speaker, claim.via):
        entity = entities.get(value or "")
        names = (entity.name, *entity.aliases) if entity else ((value,) if value else ())
        for name in sorted(names, key=len, reverse=True):
            found = lowered.find(name.lower()) if len(name) > 1 else -1
            if found >= 0:
                spans.append(Span(claim.start + found, claim.start + found + len(name), "speaker", "speaker"))
                break
    return spans


def term_spans(text: str, terms: Iterable[str], offset: int = 0) -> list[Span]:
    """Where the searched words (or words they stem from: "drones" for "drone") occur."""
    spans = []
    for term in terms:
        stem = term[: max(4, len(term) - 2)] if len(term) > 4 else term
        for found in re.finditer(r"\b" + re.escape(stem) + r"\w*", text, re.IGNORECASE):
            spans.append(Span(offset + found.start(), offset + found.end(), "term"))
    return spans


def snippet(body: str, terms: list[str], width: int = 240) -> tuple[str, int]:
    """A window of the body around the first searched word: (text, its offset in the body)."""
    spans = sorted(term_spans(body, terms), key=lambda s: s.start)
    if not spans:
        return body[:width], 0
    start = max(0, spans[0].start - width // 3)
    while start > 0 and not body[start - 1].isspace():
        start -= 1
    return body[start : start + width], start
