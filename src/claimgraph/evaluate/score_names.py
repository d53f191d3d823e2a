"""Names and texts compared as SCORING.md says: strictly, with only spelling noise folded.

A name equals another when they are the same after folding case, apostrophes,
hyphens and white space, and dropping a leading "the". No fuzzy spelling, no
name found inside longer words: "intelligence chief Budanov" is not "Budanov".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from claimgraph.evaluate.gold import GoldEntity
from claimgraph.records import Entity

_APOSTROPHES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "′": "'", "`": "'", "´": "'", "ʼ": "'"})
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"'})
_HYPHENS = re.compile(r"[\u002d\u2010\u2011\u2012\u2013\u2014\u2212]")
_LEADING_THE = re.compile(r"^the\s+")


def fold_name(name: str) -> str:
    """A name as the scorer compares it: "The Kim Jong-un’s" -> "kim jong un's"."""
    text = unicodedata.normalize("NFKC", name).translate(_APOSTROPHES).casefold()
    text = " ".join(_HYPHENS.sub(" ", text).split())
    return _LEADING_THE.sub("", text)


def fold_space(text: str) -> str:
    """Text with only its white space folded (and Unicode compatibility forms): case counts."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def normalise_text(text: str) -> str:
    """Text for containment tests between sentences: case, quotes and white space folded."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).translate(_QUOTES)
    return " ".join(text.casefold().split())


class GoldNames:
    """Resolves a name to the gold entity that has it as its canonical name or an alias."""

    def __init__(self, entities: Iterable[GoldEntity]) -> None:
        self.entities = tuple(entities)
        self._by_name: dict[str, GoldEntity] = {}
        for entity in self.entities:  # aliases first, so a canonical name always wins
            for alias in entity.aliases:
                self._by_name.setdefault(fold_name(alias), entity)
        for entity in self.entities:
            self._by_name[fold_name(entity.name)] = entity
        self._by_name.pop("", None)

    def resolve(self, name: str) -> GoldEntity | None:
        return self._by_name.get(fold_name(name))

    def resolve_entity(self, entity: Entity) -> GoldEntity | None:
        """A predicted entity by its canonical name, else by the first of its names that resolves."""
        for name in (entity.name, *entity.aliases):
            found = self.resolve(name)
            if found is not None:
                return found
        return None

    def token(self, name: str) -> str:
        """What a name stands for: its gold entity's canonical name, else its own folded words."""
        entity = self.resolve(name)
        return entity.name if entity is not None else f"?{fold_name(name)}"

    def entity_token(self, entity: Entity) -> str:
        found = self.resolve_entity(entity)
        return found.name if found is not None else f"?{fold_name(entity.name)}"
