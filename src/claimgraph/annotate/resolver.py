"""Resolve a name to a domain-pack entity: exact, tidied, turned round, or transliterated."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable

from claimgraph.annotate.names import (
    inverted,
    is_acronym,
    near_spelling,
    normalise_name,
    other_instrument_words,
    spelling_distance,
    translit_key,
)
from claimgraph.annotate.state_bodies import body_id, new_body, state_and_office
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


_PLACE_KINDS = frozenset({"place", "facility"})


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
        self._bodies: dict[str, Entity] | None = None  # the pack's state bodies, by state and office

    def state_body(self, form: str, as_written: bool = False) -> Entity | None:
        """The state body a form names in any wording: the pack's, else a new one, named as
        written or by its usual name ("Ministry of Foreign Affairs of China")."""
        found = state_and_office(form, self._plain)
        if found is None:
            return None
        state, key = found
        known = self._pack_bodies().get(body_id(state, key))
        return known or new_body(state, key, form if as_written else "")

    def state_office(self, form: str) -> tuple[Entity, str] | None:
        """The state and office key a form names ("UK Ministry of Defense"), or None."""
        return state_and_office(form, self._plain)

    def _pack_bodies(self) -> dict[str, Entity]:
        if self._bodies is None:
            self._bodies = {}
            for entity in (e for e in self.pack.entities if e.kind != "country"):
                for form in (entity.name, *entity.aliases):
                    if (parts := state_and_office(form, self._plain)) is not None:
                        self._bodies.setdefault(body_id(*parts), entity)
        return self._bodies

    def _plain(self, form: str) -> Entity | None:
        for candidate in _variants(form):
            if (found := self.pack.resolve(candidate)) is not None:
                return found
        return None

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
        single = form.removesuffix("s") if len(form) > 4 and not form.isupper() else form
        if single != form and (found := self.pack.resolve(single)) is not None and found.kind in _COUNTED:
            return found  # "Shaheds", "Geraniums": a weapon's name in the plural is the weapon
        ids = self._by_translit.get(translit_key(normalise_name(form)), set())
        matches = [e for e in map(self.pack.entity, sorted(ids)) if e and (not kinds or e.kind in kinds)]
        if len(matches) == 1:
            return matches[0]
        body = self.state_body(form)
        return body if body is not None and (not kinds or body.kind in kinds) else None

    def misspelt_name(self, form: str, supported: Iterable[Entity]) -> Entity | None:
        """The one supported entity a one-word name is a slip of, singular or plural: "Shadeds" for
        Shaheds beside Geran. One edit at most, the first letter kept."""
        tidy = normalise_name(form).strip("/")
        if len(tidy) < 6 or " " in tidy or not tidy[:1].isupper() or is_acronym(tidy):
            return None
        stem = tidy.removesuffix("s")
        hits = {
            entity.id: entity
            for entity in supported
            for name in (entity.name, *entity.aliases)
            if " " not in name and len(name) >= 5 and name[:1] == tidy[:1]
            and spelling_distance(name.removesuffix("s"), stem) == 1
        }  # fmt: skip
        return next(iter(hits.values())) if len(hits) == 1 else None

    def misspelt_place(self, form: str, kinds: Collection[str]) -> Entity | None:
        """The one pack place or facility a one-word name is a slip of ("Alabuz" for Alabuga): same
        first four letters, at most two edits, about as long."""
        tidy = normalise_name(form)
        if len(tidy) < 6 or " " in tidy or not tidy[:1].isupper() or not _PLACE_KINDS & set(kinds):
            return None
        hits = {
            entity.id: entity
            for entity in self.pack.entities
            if entity.kind in _PLACE_KINDS
            for name in (entity.name, *entity.aliases)
            if " " not in name and len(name) >= 6 and abs(len(name) - len(tidy)) <= 1
            and name[:4].casefold() == tidy[:4].casefold() and spelling_distance(name, tidy) <= 2
        }  # fmt: skip
        return next(iter(hits.values())) if len(hits) == 1 else None

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


# Kinds whose names take a plural for the things counted: "two Shaheds", "several Geraniums".
_COUNTED = frozenset(["weapon system"])


def _variants(form: str) -> list[str]:
    tidy = normalise_name(form)
    forms = [form, tidy, *(v for v in (inverted(form), inverted(tidy)) if v), *other_instrument_words(tidy)]
    words = tidy.split()
    if len(words) == 2 and is_acronym(words[0]) and len(words[0]) >= 3:
        forms.append(f"{words[1]} {words[0]}")  # "SEZ Alabuga" for "Alabuga SEZ"
    return list(dict.fromkeys(f for f in forms if alias_key(f)))
