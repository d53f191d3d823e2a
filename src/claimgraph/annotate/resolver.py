"""Resolve a name to a domain-pack entity: exact, tidied, turned round, or transliterated."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable

from claimgraph.annotate.names import inverted, is_acronym, near_spelling, normalise_name, translit_key
from claimgraph.domains import DomainPack, alias_key
from claimgraph.records import Entity

# spaCy's labels and the pack kinds a span with that label may resolve to.
LABEL_KINDS: dict[str, frozenset[str]] = {
    "PERSON": frozenset({"person"}),
    "ORG": frozenset({"organisation", "media outlet", "intelligence or military body", "facility"}),
    "GPE": frozenset({"country", "place"}),
    "LOC": frozenset({"place", "country", "facility"}),
    "FAC": frozenset({"facility", "place"}),
    "NORP": frozenset({"country", "organisation"}),
    "PRODUCT": frozenset({"weapon system"}),
    "EVENT": frozenset({"event"}),
    "LAW": frozenset({"treaty"}),
}


class NameResolver:
    """A pack's names, looked up the ways a report may write them."""

    def __init__(self, pack: DomainPack) -> None:
        self.pack = pack
        self._by_translit: dict[str, set[str]] = defaultdict(set)
        for entity in pack.entities:
            for form in (entity.name, *entity.aliases):
                key = translit_key(form)
                if len(key) >= 4:  # short keys (US, UN) say too little once folded
                    self._by_translit[key].add(entity.id)

    def exact(self, form: str) -> Entity | None:
        """The entity a name or alias stands for as written (case and spacing aside)."""
        return self.pack.resolve(form)

    def resolve(self, form: str, kinds: Collection[str] | None = None) -> Entity | None:
        """The pack entity a form names, tried as written, tidied, turned round, then transliterated.

        ``kinds`` restricts the last, looser step to entities of those kinds.
        """
        for candidate in _variants(form):
            found = self.pack.resolve(candidate)
            if found is not None:
                return found
        ids = self._by_translit.get(translit_key(normalise_name(form)), set())
        matches = [e for e in map(self.pack.entity, sorted(ids)) if e and (not kinds or e.kind in kinds)]
        return matches[0] if len(matches) == 1 else None

    def misspelt(self, form: str, supported: Iterable[Entity]) -> Entity | None:
        """An entity ``form`` is a slip of, among those the context supports; None if not one.

        Only a supported entity is a candidate: "NKH" is NHK in a report that names NHK,
        and nothing in one that does not.
        """
        if not is_acronym(form):
            return None  # a word in capitals may be a word ("MILITARY"); an acronym is a name
        hits = {
            entity.id: entity
            for entity in supported
            for name in (entity.name, *entity.aliases)
            if is_acronym(name) and near_spelling(form, name)
        }
        return next(iter(hits.values())) if len(hits) == 1 else None

    def name_of(self, entity_id: str) -> str | None:
        entity = self.pack.entity(entity_id)
        return entity.name if entity else None


def _variants(form: str) -> list[str]:
    tidy = normalise_name(form)
    forms = [form, tidy, *(v for v in (inverted(form), inverted(tidy)) if v)]
    return list(dict.fromkeys(f for f in forms if alias_key(f)))
