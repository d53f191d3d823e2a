"""Resolve any name a reader may type to the entity the pipeline filed it under.

The pack's rules come first. Past them, a name resolves as the documents resolved it:
the very words of some mention, the name of an entity they filed, another romanisation
of one ("Wi Sung-lac" for "Wi Sung Lac"), or a surname alone ("Kostin", "Mr Wi") when
exactly one person the documents name carries it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from claimgraph.annotate.names import normalise_name, other_region_words, plain_letters, translit_key
from claimgraph.annotate.resolver import NameResolver
from claimgraph.annotate.state_bodies import office_key
from claimgraph.domains import alias_key
from claimgraph.records import Analysis, Entity

PERSON = "person"


class _Filed:
    """What the documents filed: forms and entity names, by exact key, romanisation and surname."""

    def __init__(self, state_office: Callable[[str], tuple[Entity, str] | None]) -> None:
        self.state_office = state_office
        self.exact: dict[str, str] = {}
        self.names: dict[str, str] = {}  # entity id -> the name it was filed under
        self.translit: dict[str, set[str]] = defaultdict(set)
        self.surnames: dict[str, set[str]] = defaultdict(set)
        self.leads: dict[str, set[str]] = defaultdict(set)  # first word of a firm's or body's long name
        self.offices: dict[str, set[str]] = defaultdict(set)  # office key of a state's body -> names

    def add(self, form: str, entity: Entity) -> None:
        self.names.setdefault(entity.id, entity.name)
        self.exact.setdefault(alias_key(form), entity.name)
        key = translit_key(normalise_name(form))
        if len(key) >= 4:  # short keys (US, UN) say too little once folded
            self.translit[key].add(entity.name)
        words = normalise_name(form).replace("-", " ").split()
        # The family name may come first or last: "Wi Sung-lac", "Andriy Kostin".
        if entity.kind == PERSON and len(words) >= 2:
            for word in (words[0], words[-1]):
                self.surnames[plain_letters(word)].add(entity.name)
        elif entity.kind not in (PERSON, "country") and len(words) >= 3 and len(words[0]) >= 5:
            self.leads[plain_letters(words[0])].add(entity.name)  # "Jihyang" of "Jihyang Technology ..."
        if (parts := self.state_office(form)) is not None:
            self.offices[parts[1]].add(entity.name)

    def find(self, form: str) -> str | None:
        tidy = normalise_name(form)
        for candidate in (form, tidy, *other_region_words(tidy)):  # "Khabarovsk region" = "... Krai"
            if (name := self.exact.get(alias_key(candidate))) is not None:
                return name
        name = _only(self.translit.get(translit_key(tidy), set()))
        if name is None and len(tidy.split()) == 1:
            name = _only(self.surnames.get(plain_letters(tidy), set()))
            name = name or _only(self.leads.get(plain_letters(tidy), set()))
        if name is None and (key := office_key(form)) is not None:  # the one state's office of that kind
            name = _only(self.offices.get(key, set()))
        return name


def _only(names: set[str]) -> str | None:
    return next(iter(names)) if len(names) == 1 else None


def alias_resolver(resolver: NameResolver, analyses: Iterable[Analysis]) -> Callable[[str], str | None]:
    """Name -> canonical name, as the pipeline resolves it: by the pack's rules, else as the
    documents resolved it in context (a tag line's "NKH" beside NHK, "Kostin" after "Andriy Kostin")."""
    filed = _Filed(resolver.state_office)
    for analysis in analyses:
        by_id = {e.id: e for e in analysis.entities}
        forms = [(m.entity_id, m.text) for m in analysis.mentions]
        forms += [(m.entity_id, m.text) for m in analysis.page_mentions]
        for entity_id, text in forms:
            if (entity := by_id.get(entity_id)) is not None:
                filed.add(text, entity)
                filed.add(entity.name, entity)

    def resolve(form: str) -> str | None:
        entity = resolver.resolve(form)  # a new state body comes back under the name it was filed by
        return filed.names.get(entity.id, entity.name) if entity is not None else filed.find(form)

    return resolve
