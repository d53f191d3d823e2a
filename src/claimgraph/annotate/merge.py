"""Merge entities the pack does not know across documents, by their normalised names.

Each document names its new entities on its own ("Kim Yong Hyun" here,
"Kim Yong-hyun" there). A registry of those seen so far gives each new name
the entity it matches, by the same key or a near spelling of the same kind,
so one person is one entity in the store.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterable

from rapidfuzz import fuzz, process

from claimgraph.annotate.names import same_person_spelt_otherwise, translit_key
from claimgraph.records import Analysis, Claim, Entity, Mention, PageMention

NEAR_NAME = 92  # rapidfuzz ratio of two names of one kind taken as one entity's spellings


class EntityRegistry:
    """New (non-pack) entities seen so far, keyed by kind and transliteration key."""

    def __init__(self, known_ids: Collection[str] = (), seen: Iterable[Entity] = ()) -> None:
        self.known_ids = frozenset(known_ids)  # pack entities: never merged away
        self._by_key: dict[tuple[str, str], Entity] = {}
        self._by_id: dict[str, Entity] = {}
        self._names: dict[str, dict[str, Entity]] = {}  # kind -> lower name -> entity
        for entity in seen:
            if entity.id not in self.known_ids:
                self.canonical(entity)

    def canonical(self, entity: Entity) -> Entity:
        """The entity already registered under this name (or a near spelling), else this one."""
        if entity.id in self.known_ids:
            return entity
        key = (entity.kind, translit_key(entity.name))
        found = self._by_id.get(entity.id) or self._by_key.get(key) or self._near(entity)
        if found is None:
            found = entity
            self._names.setdefault(entity.kind, {})[entity.name.lower()] = entity
        self._by_key.setdefault(key, found)
        self._by_id.setdefault(entity.id, found)
        return found

    def _near(self, entity: Entity) -> Entity | None:
        names = self._names.get(entity.kind)
        if not names or len(entity.name) < 6:  # short names differ by a letter and mean others
            return None
        best = process.extractOne(entity.name.lower(), list(names), scorer=fuzz.ratio, score_cutoff=NEAR_NAME)
        if best is not None:
            return names[best[0]]
        if entity.kind == "person":
            same = [e for e in names.values() if same_person_spelt_otherwise(e.name, entity.name)]
            return same[0] if len(same) == 1 else None
        return None

    def merge(self, analysis: Analysis) -> Analysis:
        """The analysis with each new entity replaced by the registered one it matches."""
        renamed = {e.id: self.canonical(e) for e in analysis.entities}
        ids = {old: new.id for old, new in renamed.items() if old != new.id}
        if not ids:
            return analysis
        return dataclasses.replace(
            analysis,
            entities=tuple({e.id: e for e in renamed.values()}.values()),
            mentions=tuple(
                Mention(ids.get(m.entity_id, m.entity_id), m.text, m.start, m.end) for m in analysis.mentions
            ),
            page_mentions=tuple(
                PageMention(ids.get(m.entity_id, m.entity_id), m.text, m.where)
                for m in analysis.page_mentions
            ),
            claims=tuple(_renamed_claim(c, ids) for c in analysis.claims),
        )


def _renamed_claim(claim: Claim, ids: dict[str, str]) -> Claim:
    def new(value: str | None) -> str | None:
        return ids.get(value, value) if value is not None else None

    return dataclasses.replace(
        claim,
        subject=new(claim.subject),
        object=new(claim.object),
        place=new(claim.place),
        speaker=new(claim.speaker),
        entities=tuple(dict.fromkeys(ids.get(e, e) for e in claim.entities)),
    )
