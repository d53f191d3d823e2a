"""Resolve any name a reader may type to the entity the pipeline filed it under.

The pack's rules come first. Past them, a name resolves as the documents resolved it:
the very words of some mention, the name of an entity they filed, another romanisation
of one ("Wi Sung-lac" for "Wi Sung Lac"), or a surname alone ("Kostin", "Mr Wi") when
exactly one person the documents name carries it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable

from claimgraph.annotate.names import (
    is_acronym,
    normalise_name,
    other_region_words,
    plain_letters,
    translit_key,
)
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
        self.kinds: dict[str, str] = {}  # filed name -> its kind

    def add(self, form: str, entity: Entity) -> None:
        self.names.setdefault(entity.id, entity.name)
        self.kinds.setdefault(entity.name, entity.kind)
        self.exact.setdefault(alias_key(form), entity.name)
        self.exact.setdefault(alias_key(form.strip("/ ")), entity.name)  # "Shadeds/" of "Shadeds/Geran"
        key = _spelling_key(form)
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
        name = _only(self.translit.get(_spelling_key(tidy), set()))
        if name is None and (firm := _COMPANY_SUFFIX.sub("", tidy)) != tidy:  # "Bain & Company" = "Bain"
            name = self.exact.get(alias_key(firm)) or _only(self.translit.get(_spelling_key(firm), set()))
        name = name or self._by_initials(tidy) or self._by_given_name(tidy) or self._by_place_word(tidy)
        if name is None and len(tidy.split()) == 1:
            name = _only(self.surnames.get(plain_letters(tidy), set()))
            name = name or _only(self.leads.get(plain_letters(tidy), set()))
        if name is None and (key := office_key(form)) is not None:  # the one state's office of that kind
            name = _only(self.offices.get(key, set()))
        return name

    def _by_initials(self, tidy: str) -> str | None:
        """ "Anadolu Agency" where only its acronym ("AA") was filed."""
        words = tidy.split()
        if len(words) < 2 or not all(w[:1].isupper() for w in words):
            return None
        name = self.exact.get(alias_key("".join(w[0] for w in words)))
        return name if name is not None and is_acronym(name) else None

    def _by_given_name(self, tidy: str) -> str | None:
        """ "Kim Ju Ae" where the person was filed by the given name alone ("Ju-ae")."""
        words = tidy.split()
        if len(words) < 3:
            return None
        name = _only(self.translit.get(_spelling_key(" ".join(words[1:])), set()))
        return name if name is not None and self.kinds.get(name) == PERSON else None

    def _by_place_word(self, tidy: str) -> str | None:
        """ "Diaoyutai State Guesthouse" where the place was filed by its first word alone."""
        words = tidy.split()
        if len(words) < 2 or not all(w[:1].isupper() for w in words):
            return None
        name = self.exact.get(alias_key(words[0]))
        return name if name is not None and name == words[0] and self.kinds.get(name) in _PLACES else None


# A firm's legal ending, left off when it is named in passing: "Bain & Company" is "Bain".
_COMPANY_SUFFIX = re.compile(
    r"\s*(?:&\s*(?:Co\.?|Company)|,?\s+(?:Inc\.?|Ltd\.?|LLC|Corp\.?|Corporation|plc))$"
)
_PLACES = frozenset({"place", "facility"})


def _spelling_key(form: str) -> str:
    """One key for a name's spellings: romanisation and a possessive inside folded ("People's
    Power Party" = "People Power Party")."""
    return translit_key(re.sub(r"['’]s\b", "", normalise_name(form)))


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
