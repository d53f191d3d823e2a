"""Lenient name and text matching against the gold's entities and strings."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from claimgraph.evaluate.gold import GoldEntity
from claimgraph.records import Entity

FUZZY_FLOOR = 90  # rapidfuzz ratio; catches spelling variants (Sergey/Sergei), not neighbours
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "′": "'", "“": '"', "”": '"', "„": '"'})


def normalise_text(text: str, casefold: bool = True) -> str:
    """Unify quotes, apostrophes and whitespace (and case) so scrapes compare to gold."""
    text = " ".join(unicodedata.normalize("NFKC", text).translate(_QUOTES).split())
    return text.casefold() if casefold else text


def name_words(name: str) -> str:
    """A name as lower-case words: "Kim Jong-un" -> "kim jong un", "U.S." -> "u s"."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(char for char in plain if not unicodedata.combining(char))
    return " ".join(re.sub(r"[^\w]+", " ", plain.casefold()).replace("_", " ").split())


def name_key(name: str) -> str:
    """A name without case, accents, spaces or punctuation: "U.S." and "US" meet."""
    return name_words(name).replace(" ", "")


def contains_words(text: str, needle: str) -> bool:
    """Whether ``needle`` occurs in ``text`` as whole words (both already name_words)."""
    return bool(needle) and f" {needle} " in f" {text} "


class GoldNames:
    """Resolves a predicted name to a gold entity by canonical name, alias or spelling."""

    def __init__(self, entities: Iterable[GoldEntity]) -> None:
        self.entities = tuple(entities)
        self._by_key: dict[str, GoldEntity] = {}
        self._by_words: dict[str, GoldEntity] = {}
        for entity in self.entities:  # aliases first, so a canonical name always wins
            for alias in entity.aliases:
                self._by_key.setdefault(name_key(alias), entity)
                self._by_words.setdefault(name_words(alias), entity)
        for entity in self.entities:
            self._by_key[name_key(entity.name)] = entity
            self._by_words[name_words(entity.name)] = entity
        self._by_key.pop("", None)
        self._by_words.pop("", None)
        self._choices = list(self._by_words)

    def exact(self, name: str) -> GoldEntity | None:
        return self._by_key.get(name_key(name))

    def resolve(self, name: str, contained: bool = False) -> GoldEntity | None:
        """Exact key, then (if asked) the longest gold name inside it, then fuzzy spelling."""
        found = self.exact(name)
        if found is None and contained:
            found = self._longest_inside(name_words(name))
        if found is None:
            found = self._fuzzy(name_words(name))
        return found

    def resolve_entity(self, entity: Entity) -> GoldEntity | None:
        """A predicted entity by its name, else by one of its aliases spelt exactly."""
        found = self.resolve(entity.name)
        for alias in entity.aliases:
            if found is not None:
                break
            found = self.exact(alias)
        return found

    def token(self, name: str) -> str:
        """What a name stands for: its gold entity's canonical name, else its own key."""
        entity = self.resolve(name)
        return entity.name if entity is not None else f"?{name_key(name)}"

    def _longest_inside(self, words: str) -> GoldEntity | None:
        inside = [needle for needle in self._by_words if contains_words(words, needle)]
        return self._by_words[max(inside, key=len)] if inside else None

    def _fuzzy(self, words: str) -> GoldEntity | None:
        if not words:
            return None
        best = process.extractOne(words, self._choices, scorer=fuzz.ratio, score_cutoff=FUZZY_FLOOR)
        return self._by_words[best[0]] if best is not None else None


def same_name(predicted: str, gold: str, names: GoldNames) -> bool:
    """Whether a predicted name means the gold one: same gold entity, key or spelling."""
    target = names.resolve(gold)
    if target is not None:
        return names.resolve(predicted) == target
    return name_key(predicted) == name_key(gold) or (
        fuzz.ratio(name_words(predicted), name_words(gold)) >= FUZZY_FLOOR
    )
