"""A story's vocabulary: what a counted noun counts, which verbs name one act (and how
reconcile weighs that act's figures), which cues make a plan, and which words speak for an
entity kind.

The general base (``base.yaml``) ships as a pack of its own; a story's pack extends it
under ``vocabulary:`` (see ``pack.schema.json`` and the README). Code reads these
mappings and holds no story's words itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

BASE_PACK = "base.yaml"
# Modality families a pack may add words to, as the extractor reads them.
CUE_FAMILIES = ("target", "planned", "estimated")
# What an act's figures can count: things (drones produced), people (soldiers killed), money.
ACT_COUNTS = ("things", "people", "money")


@dataclass(frozen=True, slots=True)
class ActFamily:
    """Verbs (and their nouns) that report one act, and how reconcile weighs its figures."""

    name: str
    verbs: frozenset[str] = frozenset()  # lemmas, the name among them; extraction files them under it
    forms: frozenset[str] = frozenset()  # irregular forms and nouns ("made", "shipment"), read as written
    counts: str | None = None  # things, people or money: a figure of anything else is not its act
    flow: bool | None = None  # a count over a named month is a monthly rate ("produced 3,000 in May")
    distinct: bool | None = None  # its counts stand apart from the same actor's other counts of a unit
    related: frozenset[str] = frozenset()  # flows of one chain set side by side (produce, launch)
    dates: frozenset[str] = frozenset()  # entity kinds a one-off act of it dates (a treaty signed)

    def extend(self, other: ActFamily) -> ActFamily:
        """This family with ``other``'s words added; ``other``'s settings win where it gives them."""
        return ActFamily(
            self.name,
            self.verbs | other.verbs,
            self.forms | other.forms,
            other.counts or self.counts,
            self.flow if other.flow is None else other.flow,
            self.distinct if other.distinct is None else other.distinct,
            self.related | other.related,
            self.dates | other.dates,
        )


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The words a pack (with the base it extends) gives the extractor."""

    units: Mapping[str, str] = field(default_factory=dict)  # word, or "modifier noun" phrase -> unit
    casualty_units: frozenset[str] = frozenset()  # units whose killed and wounded are casualties
    acts: Mapping[str, str] = field(default_factory=dict)  # verb lemma -> the act it names
    cues: Mapping[str, frozenset[str]] = field(default_factory=dict)  # modality family -> lemmas
    kinds: Mapping[str, frozenset[str]] = field(default_factory=dict)  # entity kind -> cue words
    unit_names: frozenset[str] = frozenset()  # the units and measures declared by name
    counted_as: Mapping[str, str] = field(default_factory=dict)  # entity id -> unit its count counts
    heads: Mapping[str, frozenset[str]] = field(default_factory=dict)  # kind -> nouns its names precede
    families: Mapping[str, ActFamily] = field(default_factory=dict)  # act name -> its family
    people_units: frozenset[str] = frozenset()  # units that count people (casualty units among them)
    measured_as: Mapping[str, str] = field(default_factory=dict)  # unit -> unit it measures one thing with
    measures: frozenset[str] = frozenset()  # the names declared as measures (words of an act, not nouns)

    def unit(self, word: str) -> str | None:
        """The unit a word or "modifier noun" phrase counts, or None when the vocabulary has none."""
        return self.units.get(word)

    def act(self, lemma: str) -> str:
        """The act a verb names: its family's name, else the verb itself."""
        return self.acts.get(lemma, lemma)

    def cue(self, family: str) -> frozenset[str]:
        """The lemmas of a modality family ("target", "planned")."""
        return self.cues.get(family, frozenset())

    def produces(self, unit: str) -> bool:
        """Whether a counted noun can come out as this unit: no declared word maps it elsewhere."""
        return self.units.get(unit, unit) == unit

    def extend(self, other: Vocabulary) -> Vocabulary:
        """This vocabulary with ``other``'s words added; ``other`` wins where both name a word."""
        cues = {f: self.cue(f) | other.cue(f) for f in {*self.cues, *other.cues}}
        kinds = {
            k: self.kinds.get(k, frozenset()) | other.kinds.get(k, frozenset())
            for k in {*self.kinds, *other.kinds}
        }
        return Vocabulary(
            units={**self.units, **other.units},
            casualty_units=self.casualty_units | other.casualty_units,
            acts={**self.acts, **other.acts},
            cues=cues,
            kinds=kinds,
            unit_names=self.unit_names | other.unit_names,
            counted_as={**self.counted_as, **other.counted_as},
            heads={
                k: self.heads.get(k, frozenset()) | other.heads.get(k, frozenset())
                for k in {*self.heads, *other.heads}
            },
            families={
                name: self.families[name].extend(family) if name in self.families else family
                for name, family in {**self.families, **other.families}.items()
            },
            people_units=self.people_units | other.people_units,
            measured_as={**self.measured_as, **other.measured_as},
            measures=self.measures | other.measures,
        )


def vocabulary_from(data: Mapping[str, Any] | None, kinds: Mapping[str, Any] | None = None) -> Vocabulary:
    """The vocabulary a checked pack's ``vocabulary`` and ``kinds`` sections declare."""
    data = data or {}
    units: dict[str, str] = {}
    casualty: set[str] = set()
    names: set[str] = set()
    for item in [*(data.get("units") or ()), *(data.get("measures") or ())]:
        name = item["name"]
        names.add(name)
        for word in [name, *(item.get("plurals") or ()), *(item.get("synonyms") or ())]:
            units[word.lower()] = name
        if item.get("casualties"):
            casualty.add(name)
    people = {item["name"] for item in data.get("units") or () if item.get("people")} | casualty
    measured_as = {
        item["name"]: item["measured_as"]
        for item in [*(data.get("units") or ()), *(data.get("measures") or ())]
        if item.get("measured_as")
    }
    acts = {verb: a["name"] for a in data.get("acts") or () for verb in a["verbs"]}
    families = {a["name"]: _family(a) for a in data.get("acts") or ()}
    cues = {family: frozenset(words) for family, words in (data.get("modality") or {}).items()}
    kind_cues = {k["name"]: frozenset(k.get("cues") or ()) for k in kinds or ()}
    heads = {k["name"]: frozenset(k["heads"]) for k in kinds or () if k.get("heads")}
    return Vocabulary(
        units,
        frozenset(casualty),
        acts,
        cues,
        kind_cues,
        frozenset(names),
        heads=heads,
        families=families,
        people_units=frozenset(people),
        measured_as=measured_as,
        measures=frozenset(item["name"] for item in data.get("measures") or ()),
    )


def _family(item: Mapping[str, Any]) -> ActFamily:
    return ActFamily(
        item["name"],
        frozenset([item["name"], *item["verbs"]]),
        frozenset(item.get("forms") or ()),
        item.get("counts"),
        item.get("flow"),
        item.get("distinct"),
        frozenset(item.get("related") or ()),
        frozenset(item.get("dates") or ()),
    )


def base_pack_path() -> Path:
    """The general base vocabulary every pack extends."""
    return Path(str(resources.files(__package__ or "claimgraph.domains") / BASE_PACK))


@cache
def base_vocabulary() -> Vocabulary:
    """The base pack's vocabulary (read once: it ships with claimgraph and does not change)."""
    data = yaml.safe_load(base_pack_path().read_text(encoding="utf-8"))
    return vocabulary_from(data.get("vocabulary"), data.get("kinds"))
