"""A state's bodies named by their office: "China's Foreign Ministry", "the UK Ministry of Defense".

spaCy finds "Ministry of Defense" or "Foreign Ministry" alone, or nothing at all when the office
is written in lower case ("the Ukrainian foreign ministry"). With the state named beside it
(before it, owning it, or after "of"), it is one body of that state, the same under each of
its wordings (see state_bodies.py); without one it names no body at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimgraph.annotate.resolver import NameResolver
from claimgraph.annotate.state_bodies import OFFICE_HEADS, OFFICE_WORDS, office_key
from claimgraph.records import Entity, Mention

__all__ = ["national_body", "office_key", "state_body_spans"]

_HOST = re.compile(r"\s+in\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?")
_NEAR = 4  # characters between a state's name and its office: "China's Foreign Ministry"
_OF_STATE = re.compile(r"\s+of\s+(?:the\s+)?")


def national_body(
    named: str, text: str, start: int, mentions: Sequence[Mention],
    known: dict[str, Entity], resolver: NameResolver,
) -> Entity | None:  # fmt: skip
    """The state body an office's name (``named``, as written at ``start`` in ``text``) stands
    for here; None when no state is named beside it. ``mentions`` and ``known`` are what was
    resolved before it.
    """
    body = resolver.state_body(named, as_written=True)  # "UK Ministry of Defense", "China's Foreign Ministry"
    if body is None and (owner := _state_before(start, mentions, known)) is not None:
        body = resolver.state_body(text[owner.start : start] + named, as_written=True)
    if body is None:
        body = resolver.state_body(named + _state_after(text, start + len(named)), as_written=True)
    return body


def _state_before(start: int, mentions: Sequence[Mention], known: dict[str, Entity]) -> Mention | None:
    last = mentions[-1] if mentions else None
    if last is None or not 0 <= start - last.end <= _NEAR:
        return None
    entity = known.get(last.entity_id)
    return last if entity is not None and entity.kind == "country" else None


def _state_after(text: str, end: int) -> str:
    """ " of Ukraine" after "Ministry of Civil Protection": the words naming whose office it is."""
    match = _OF_STATE.match(text, end)
    if match is None:
        return ""
    words = re.match(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?", text[match.end() :])
    return f"{match.group()}{words.group()}" if words else ""


_FIRST_WORDS = "|".join(sorted(OFFICE_WORDS - {"of", "the", "for", "and"}))
_ANY_WORDS = "|".join(sorted(OFFICE_WORDS))
_OFFICE_RUN = re.compile(rf"\b(?:{_FIRST_WORDS})(?:\s+(?:{_ANY_WORDS}))*\b", re.IGNORECASE)


_OWNER = re.compile(r"(?:([A-Z][\w.-]*)\s+)?([A-Z][\w.-]*(?:['’]s)?\s+)$")


def _owners(text: str, start: int) -> list[str]:
    """The one or two capitalised words just before an office: "Russia's ", "South Korean "."""
    match = _OWNER.search(text[max(0, start - 40) : start])
    if match is None:
        return []
    one = match.group(2)
    return [one, f"{match.group(1)} {one}"] if match.group(1) else [one]


def state_body_spans(text: str, resolver: NameResolver) -> list[tuple[int, int, Entity]]:
    """Every state body the text names beside its state, as (start, end, body), whatever the
    case it is written in: "the Ukrainian foreign ministry", "China's Foreign Ministry"."""
    found = []
    for run in _OFFICE_RUN.finditer(text):
        office = re.sub(r"(\s+(of|the|for|and))+$", "", run.group(), flags=re.IGNORECASE)
        if not any(w.casefold() in OFFICE_HEADS for w in office.split()):
            continue
        if office.islower() and len(office.split()) < 2:
            continue  # "the North Korean service members": a common noun, no office's name
        start, end = run.start(), run.start() + len(office)
        if office.casefold().endswith("embassy") and (host := _HOST.match(text, end)) is not None:
            office, end = office + host.group(), end + len(host.group())  # "Embassy in Pyongyang"
        after = _state_after(text, end)
        for form, span_start, span_end in [
            *((f"{owner}{office}", start - len(owner), end) for owner in _owners(text, start)),
            (office + after, start, end + len(after)),
        ]:
            body = resolver.state_body(form, as_written=True)
            if body is not None:
                found.append((span_start, span_end, body))
                break
    return found
