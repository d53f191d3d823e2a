"""Domain packs: the data that describes a topic, loaded into typed records.

A pack is one YAML file. Nothing in the code knows the topic; a user who
follows another story writes another pack. The whole format, with the story's
vocabulary (``extends``, ``kinds``, ``vocabulary``; see ``vocabulary.py``), is
``pack.schema.json``; the entity part in short::

    name: russia-dprk-iran            # required: the pack's name
    description: ...                  # optional: one or two sentences
    entities:                         # required: the actors, places and things followed
      - name: North Korea             # required: the canonical name; the id is its slug,
                                      #   slugify("North Korea") == "north-korea"
        kind: country                 # required: one of ENTITY_KINDS
        wikidata: Q423                # optional: the Wikidata id
        aliases: [DPRK, North Korean, "KOREA, NORTH"]
                                      # optional: other names, spellings, acronyms, demonyms
        metonyms: [Pyongyang]         # optional: places that stand for the actor (its capital,
                                      #   its seat of power): "Pyongyang said" is North Korea,
                                      #   "talks in Pyongyang" the city
        ambiguous: [DIU]              # optional: names that also mean other things; taken
                                      #   only when the document names the entity another
                                      #   way or the sentence has words of its kind
        counted_as: drone             # optional: what a count of it counts ("40 Shaheds" are
                                      #   40 drones), as the extractor names units
        speaks_for: South Korea       # optional: the state or body whose word it gives (an
                                      #   official's, an agency's): sources of one state are
                                      #   not independent of each other
    profiles:                         # optional: how reliable a source is
      - entity: Newsweek              # required: a name or alias of an entity above
        reliability: B                # required: A (completely reliable) .. F (cannot be judged)
        rationale: "Established US news magazine; relays officials' statements with attribution."
    indicators:                       # optional: figures tracked over time
      - id: shahed-output-alabuga     # required: a slug, unique in the pack
        name: Shahed output per month at Alabuga   # required
        unit: drone                   # required: what is counted, as the extractor names it
        per: month                    # optional: hour, day, week, month, quarter or year
        entities: [Shahed-136, Alabuga Special Economic Zone]
                                      # optional: a claim must mention at least one of them
        predicates: [produce, manufacture, make, build]
                                      # optional: lemmas of the claim's verb

Entity kinds: country, person, organisation, media outlet, intelligence or
military body, facility, place, weapon system, treaty, event.

Names, aliases, metonyms and ambiguous names are compared without regard to
case, curly apostrophes or spacing (``alias_key``), and each may belong to
one entity only, so a match never has to choose between two entities; all
of them are the entity's ``aliases`` once loaded. Short aliases written in
capitals (US, AP, GUR) are acronyms: a matcher should take them only as
written, so that "US" does not match "us". Unknown keys are errors, and a
value YAML would read as other than a string (NO, 1.5, 2024-06-19) must be
quoted. ``check_pack`` lists every problem in a pack with its line;
``load_pack`` refuses a pack that has any.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from claimgraph.domains.check import PackProblem, alias_key, check_text, slugify
from claimgraph.domains.vocabulary import Vocabulary, base_vocabulary, vocabulary_from
from claimgraph.errors import ClaimgraphError
from claimgraph.records import Entity

DEFAULT_PACK = "russia_dprk_iran.yaml"


@dataclass(frozen=True, slots=True)
class Profile:
    """How reliable a source (an outlet or speaker) is, on the Admiralty scale A–F."""

    entity_id: str
    reliability: str
    rationale: str


@dataclass(frozen=True, slots=True)
class IndicatorSpec:
    """A figure worth tracking: which claims report it, counted in what, per what."""

    id: str
    name: str
    unit: str
    per: str | None
    entities: tuple[str, ...]  # entity ids; a claim must mention at least one
    predicates: tuple[str, ...] = ()  # lemmas, e.g. ("produce", "make", "manufacture")
    share_of: str | None = None  # what a share of this indicator is a share of ("hull value")


@dataclass(frozen=True, slots=True)
class DomainPack:
    """A topic as data: its entities, source profiles and tracked indicators."""

    name: str
    description: str
    entities: tuple[Entity, ...]
    profiles: tuple[Profile, ...] = ()
    indicators: tuple[IndicatorSpec, ...] = ()
    metonyms: frozenset[str] = frozenset()  # alias keys of forms that stand for an actor
    ambiguous: frozenset[str] = frozenset()  # alias keys of forms that need support in context
    counted_as: Mapping[str, str] = field(default_factory=dict, compare=False)  # entity id -> unit counted
    vocabulary: Vocabulary = field(default_factory=base_vocabulary, compare=False)  # with its base
    speaks_for: Mapping[str, str] = field(default_factory=dict, compare=False)  # entity id -> entity id
    _by_id: dict[str, Entity] = field(init=False, repr=False, compare=False)
    _by_form: dict[str, Entity] = field(init=False, repr=False, compare=False)
    _profiles: dict[str, Profile] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_form = {alias_key(f): e for e in self.entities for f in (e.name, *e.aliases)}
        object.__setattr__(self, "_by_id", {e.id: e for e in self.entities})
        object.__setattr__(self, "_by_form", by_form)
        object.__setattr__(self, "_profiles", {p.entity_id: p for p in self.profiles})

    def entity(self, entity_id: str) -> Entity | None:
        """The entity with this id, or None."""
        return self._by_id.get(entity_id)

    def profile(self, entity_id: str) -> Profile | None:
        """The reliability profile of this entity, or None when the pack has none."""
        return self._profiles.get(entity_id)

    def resolve(self, form: str) -> Entity | None:
        """The entity a name or alias stands for (compared by ``alias_key``), or None."""
        return self._by_form.get(alias_key(form))

    def is_metonym(self, form: str) -> bool:
        """Whether a form names a place that stands for the actor (Kremlin -> Russia)."""
        return alias_key(form) in self.metonyms

    def is_ambiguous(self, form: str) -> bool:
        """Whether a form also means other things and needs support in its document."""
        return alias_key(form) in self.ambiguous

    def names_of_kind(self, kind: str) -> tuple[str, ...]:
        """Every name and alias of the entities of one kind ("media outlet": what a credit may name)."""
        return tuple(form for e in self.entities if e.kind == kind for form in (e.name, *e.aliases))

    def side(self, entity_id: str) -> str | None:
        """The state an entity speaks for, following "speaks_for" through bodies (an official of
        an agency of a state); None when the pack does not say."""
        seen = {entity_id}
        current = self.speaks_for.get(entity_id)
        while current is not None and current not in seen:
            seen.add(current)
            above = self.speaks_for.get(current)
            if above is None:
                return current
            current = above
        return current

    def indicator(self, indicator_id: str) -> IndicatorSpec | None:
        """The indicator with this id, or None."""
        return next((i for i in self.indicators if i.id == indicator_id), None)


class PackError(ClaimgraphError, ValueError):
    """A pack that cannot be loaded; the message has one "FILE:LINE: message" per problem."""

    def __init__(self, path: Path | str, problems: list[PackProblem]) -> None:
        self.path = Path(path)
        self.problems = tuple(problems)
        super().__init__("\n".join(format_problem(self.path, p) for p in problems))


def format_problem(path: Path | str, problem: PackProblem) -> str:
    """A problem as "FILE:LINE: message", or "FILE: message" when it is with the whole file."""
    where = f"{path}:{problem.line}" if problem.line else f"{path}"
    return f"{where}: {problem.message}"


def default_pack_path() -> Path:
    """The pack shipped with claimgraph (Russia–North Korea–Iran military cooperation)."""
    return Path(str(resources.files(__package__ or "claimgraph.domains") / DEFAULT_PACK))


@cache
def default_vocabulary() -> Vocabulary:
    """The shipped pack's vocabulary: what extraction uses when it is given no pack."""
    return load_pack(default_pack_path()).vocabulary


def load_pack(path: Path | str) -> DomainPack:
    """Load and check a pack; raise PackError listing every problem if it has any."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(path, [PackProblem(0, f"cannot read the pack: {exc}")]) from exc
    problems = check_text(text)
    if problems:
        raise PackError(path, problems)
    return _build(yaml.safe_load(text))


def _build(data: dict[str, Any]) -> DomainPack:
    """Records from a checked pack's data."""
    items = data.get("entities") or ()
    entities = tuple(_entity(item) for item in items)
    metonyms = frozenset(alias_key(f) for item in items for f in item.get("metonyms") or ())
    ambiguous = frozenset(alias_key(f) for item in items for f in item.get("ambiguous") or ())
    ids = {alias_key(f): e.id for e in entities for f in (e.name, *e.aliases)}
    profiles = tuple(
        Profile(ids[alias_key(p["entity"])], p["reliability"], p["rationale"].strip())
        for p in data.get("profiles") or ()
    )
    indicators = tuple(_indicator(item, ids) for item in data.get("indicators") or ())
    description = (data.get("description") or "").strip()
    counted_as = {
        slugify(item["name"].strip()): item["counted_as"] for item in items if item.get("counted_as")
    }
    own = replace(vocabulary_from(data.get("vocabulary"), data.get("kinds")), counted_as=counted_as)
    vocabulary = own if data.get("extends") == "none" else base_vocabulary().extend(own)
    speaks_for = {
        slugify(item["name"].strip()): ids[alias_key(item["speaks_for"])]
        for item in items
        if item.get("speaks_for")
    }
    return DomainPack(
        data["name"],
        description,
        entities,
        profiles,
        indicators,
        metonyms,
        ambiguous,
        counted_as,
        vocabulary,
        speaks_for,
    )


def _entity(item: dict[str, Any]) -> Entity:
    name = item["name"].strip()
    forms = [*(item.get("aliases") or ()), *(item.get("metonyms") or ()), *(item.get("ambiguous") or ())]
    aliases = tuple(dict.fromkeys(a.strip() for a in forms))
    return Entity(slugify(name), name, item["kind"], aliases, item.get("wikidata"))


def _indicator(item: dict[str, Any], ids: dict[str, str]) -> IndicatorSpec:
    entities = tuple(ids[alias_key(ref)] for ref in item.get("entities") or ())
    predicates = tuple(item.get("predicates") or ())
    per = item.get("per")
    return IndicatorSpec(
        item["id"], item["name"], item["unit"], per, entities, predicates, item.get("share_of")
    )
