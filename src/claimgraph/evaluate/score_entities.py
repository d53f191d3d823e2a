"""Score entities (corpus level) and check that gold aliases resolve to their entity."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from claimgraph.evaluate.gold import Gold
from claimgraph.evaluate.score_common import KindScore, Tally, kind_score
from claimgraph.evaluate.score_names import GoldNames
from claimgraph.records import Analysis, Entity


def mentioned_entities(analyses: Mapping[str, Analysis]) -> dict[str, Entity]:
    """Entities some mention points at, distinct by id across all analyses."""
    found: dict[str, Entity] = {}
    for analysis in analyses.values():
        by_id = {entity.id: entity for entity in analysis.entities}
        for mention in analysis.mentions:
            entity = by_id.get(mention.entity_id)
            if entity is not None:
                found.setdefault(entity.id, entity)
    return found


def score_entities(gold: Gold, analyses: Mapping[str, Analysis]) -> KindScore:
    """Recall: gold entities found anywhere; precision: mentioned entities that are gold."""
    names = GoldNames(gold.entities)
    predicted = mentioned_entities(analyses)
    matches = {entity.id: names.resolve_entity(entity) for entity in predicted.values()}
    found = {match.name for match in matches.values() if match is not None}
    extra = sorted({predicted[eid].name for eid, match in matches.items() if match is None})
    tally = Tally(
        found=len(found),
        gold=len(gold.entities),
        correct=sum(match is not None for match in matches.values()),
        predicted=len(predicted),
        missed=tuple(entity.name for entity in gold.entities if entity.name not in found),
        extra=tuple(extra),
    )
    return kind_score({}, tally)


def alias_resolution(gold: Gold, resolve: Callable[[str], str | None]) -> KindScore:
    """Check every gold name and alias resolves to its canonical entity.

    ``resolve`` maps a surface form to a canonical name (or a slug of it), or None.
    Recall is over all names and aliases; precision over those that resolved at all.
    ``missed`` lists every failure, ``extra`` the ones resolved to the wrong entity.
    """
    names = GoldNames(gold.entities)
    missed: list[str] = []
    extra: list[str] = []
    total = resolved = right = 0
    for entity in gold.entities:
        for alias in dict.fromkeys((entity.name, *entity.aliases)):
            total += 1
            got = resolve(alias)
            if got is None:
                missed.append(f"{alias} → unresolved (want {entity.name})")
                continue
            resolved += 1
            if names.resolve(got) == entity:
                right += 1
                continue
            wrong = f"{alias} → {got} (want {entity.name})"
            missed.append(wrong)
            extra.append(wrong)
    return kind_score({}, Tally(right, total, right, resolved, tuple(missed), tuple(extra)))
