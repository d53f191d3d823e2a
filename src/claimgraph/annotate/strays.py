"""Entities a document made twice: a short form filed apart from the entity it names.

Each function looks at what one document resolved (its entities by id, its mentions and the
acronyms it defined) and returns {stray entity id: the id of the entity it is one with}. Only
an entity the pack does not know is ever a stray: the pack's own are never merged away.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from claimgraph.annotate.names import is_acronym
from claimgraph.annotate.persons import surname_owners
from claimgraph.annotate.state_bodies import office_key, state_and_office
from claimgraph.records import Entity, Mention

Strays = dict[str, str]
_KEEP_KINDS = ("country", "person")  # never read as an organisation's short form


def surname_strays(entities: Mapping[str, Entity], is_new: Callable[[str], bool]) -> Strays:
    """A new one-word person ("Lee", "Shagivaleev") the document also names in full: that person."""
    owner = surname_owners(dict(entities))
    return {e.id: full.id for e in entities.values() if is_new(e.id) and (full := owner(e)) is not None}


def _initials(name: str) -> set[str]:
    """ "US Defense Intelligence Agency" -> {"USDIA", "DIA"}: an acronym of it, its owner or not."""
    words = [w for w in re.split(r"[\s-]+", name) if w[:1].isupper()]
    return {"".join(w[0] for w in words[i:]) for i in range(min(2, len(words) - 1))} - {""}


def initialism_strays(entities: Mapping[str, Entity], is_new: Callable[[str], bool]) -> Strays:
    """A new entity named by an acronym ("DIA") of an entity the document names in full ("US Defense
    Intelligence Agency") is that entity."""
    full: dict[str, set[str]] = {}
    for entity in entities.values():
        for initials in _initials(entity.name) if len(entity.name.split()) >= 3 else ():
            full.setdefault(initials, set()).add(entity.id)
    strays = {}
    for entity in entities.values():
        target = full.get(entity.name, set()) - {entity.id} if is_acronym(entity.name) else set()
        if len(target) == 1 and entity.kind not in _KEEP_KINDS and is_new(entity.id):
            strays[entity.id] = next(iter(target))
    return strays


def defined_acronym_strays(
    acronyms: Mapping[str, str], mentions: Sequence[Mention], is_new: Callable[[str], bool]
) -> Strays:
    """ "the Main Intelligence Agency (GUR)" where GUR is a known entity: the name it defines is a
    wording of that entity, not a second one."""
    strays = {}
    for acronym, defined in acronyms.items():
        known = {m.entity_id for m in mentions if m.text == acronym and not is_new(m.entity_id)}
        if is_new(defined) and len(known) == 1:
            strays[defined] = next(iter(known))
    return strays


def generic_office_strays(
    entities: Mapping[str, Entity], is_new: Callable[[str], bool], resolve: Callable[[str], Entity | None]
) -> Strays:
    """An office named with no state ("Security Council Secretary Shoigu") in a document naming one
    state's office of that kind ("the Russian Security Council"): that body."""
    bodies: dict[str, set[str]] = {}
    for entity in entities.values():
        for form in (entity.name, *entity.aliases):
            if (parts := state_and_office(form, resolve)) is not None:
                bodies.setdefault(parts[1], set()).add(entity.id)
    strays = {}
    for entity in entities.values():
        key = office_key(entity.name) if is_new(entity.id) else None
        target = bodies.get(key, set()) - {entity.id} if key else set()
        if len(target) == 1:
            strays[entity.id] = next(iter(target))
    return strays
