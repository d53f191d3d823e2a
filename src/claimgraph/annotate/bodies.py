"""A state's bodies named by their office: "China's Foreign Ministry", "the UK Ministry of Defense".

spaCy finds "Ministry of Defense" or "Foreign Ministry" alone: a name every state's ministry
shares. With the state named beside it (before it, owning it, or inside the name), it is one
body of that state, the same under each of its wordings; without one it names no body at all.
Hand-written because it is a rule of English naming, not something a library knows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimgraph.annotate.resolver import NameResolver
from claimgraph.domains import slugify
from claimgraph.records import Entity, Mention

# Words that make up the names of a state's offices; a name of nothing else is generic.
_OFFICE_WORDS = frozenset(
    [
        "ministry",
        "department",
        "office",
        "council",
        "committee",
        "service",
        "agency",
        "directorate",
        "staff",
        "embassy",
        "foreign",
        "affairs",
        "defence",
        "defense",
        "security",
        "intelligence",
        "interior",
        "finance",
        "justice",
        "emergency",
        "emergencies",
        "situations",
        "state",
        "general",
        "main",
        "federal",
        "national",
        "of",
        "the",
        "for",
        "and",
    ]
)
# Words that do not tell one office from another ("Ministry of Foreign Affairs" = "Foreign Ministry").
_FILLER = frozenset(["of", "the", "for", "and", "affairs", "main", "federal", "national"])
_SPELLINGS = {"defense": "defence", "emergencies": "emergency"}
_COUNTRY = "country"
_NEAR = 4  # characters between a state's name and its office: "China's Foreign Ministry"


def office_key(name: str) -> str | None:
    """ "Ministry of Foreign Affairs" -> "foreign ministry"; None when the name holds other words."""
    words = re.findall(r"[a-z]+", name.casefold())
    if not words or any(w not in _OFFICE_WORDS for w in words):
        return None
    kept = sorted({_SPELLINGS.get(w, w) for w in words if w not in _FILLER})
    return " ".join(kept) or None


def national_body(
    named: str, entity: Entity, text: str, start: int, mentions: Sequence[Mention],
    known: dict[str, Entity], resolver: NameResolver,
) -> Entity | None:  # fmt: skip
    """The state body an office's name (``named``, as written at ``start`` in ``text``) stands
    for here; None when no state is named beside it. ``mentions`` and ``known`` are what was
    resolved before it.
    """
    words = named.split()
    owner = re.sub(r"['’]s$", "", words[0]) if words else ""
    state = resolver.resolve(owner) if owner else None  # "UK Ministry of Defense", "China's Foreign Ministry"
    if state is not None and state.kind == _COUNTRY:
        key, name = office_key(" ".join(words[1:])), named
    else:
        state, key, name = _state_before(start, mentions, known), office_key(named), named
        if state is not None:
            owner = next(m for m in reversed(mentions) if m.entity_id == state.id)
            name = text[owner.start : start] + named  # "China's Foreign Ministry"
    if state is None or state.kind != _COUNTRY or key is None:
        return None
    name = " ".join(name.split())
    known_body = resolver.resolve(name)  # the pack may know it: "Russia's Security Council"
    if known_body is not None and known_body.kind != _COUNTRY:
        return known_body
    return Entity(id=slugify(f"{state.id} {key}"), name=name, kind=entity.kind)


def _state_before(start: int, mentions: Sequence[Mention], known: dict[str, Entity]) -> Entity | None:
    last = mentions[-1] if mentions else None
    if last is None or not 0 <= start - last.end <= _NEAR:
        return None
    entity = known.get(last.entity_id)
    return entity if entity is not None and entity.kind == _COUNTRY else None
