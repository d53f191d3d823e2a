"""Score entities (corpus level) and check that gold aliases resolve to their entity."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from claimgraph.evaluate.gold import Gold
from claimgraph.evaluate.score_common import NOT_FOUND, NOT_IN_GOLD, KindScore, Slip, Tally, kind_score
from claimgraph.evaluate.score_names import GoldNames
from claimgraph.records import Analysis, Entity


def mentioned_entities(analyses: Mapping[str, Analysis]) -> dict[str, Entity]:
    """Entities some mention points at (in the body, or around it: tag line, credit), by id."""
    found: dict[str, Entity] = {}
    for analysis in analyses.values():
        by_id = {entity.id: entity for entity in analysis.entities}
        ids = [m.entity_id for m in analysis.mentions] + [m.entity_id for m in analysis.page_mentions]
        for entity_id in ids:
            entity = by_id.get(entity_id)
            if entity is not None:
                found.setdefault(entity.id, entity)
    return found


def score_entities(gold: Gold, analyses: Mapping[str, Analysis]) -> KindScore:
    """Recall: gold entities some mention resolves to; precision: over every entity mentioned.

    Every entity the pipeline reports counts, the domain pack's included. One that
    resolves to no gold entity is extra (a junk name, a wrong split, a photo credit, or a
    gap in the gold); a second entity resolving to a gold entity already found is a split
    of it, and extra too: matching is one to one.
    """
    names = GoldNames(gold.entities)
    predicted = sorted(mentioned_entities(analyses).values(), key=lambda entity: entity.id)
    found: dict[str, Entity] = {}
    extra: list[Slip] = []
    for entity in predicted:
        match = names.resolve_entity(entity)
        if match is None:
            extra.append(Slip(NOT_IN_GOLD, entity.name))
        elif match.name in found:
            extra.append(Slip("split", f"{entity.name} (a second entity for {match.name})"))
        else:
            found[match.name] = entity
    tally = Tally(
        found=len(found),
        gold=len(gold.entities),
        correct=len(found),
        predicted=len(predicted),
        missed=tuple(Slip(NOT_FOUND, e.name) for e in gold.entities if e.name not in found),
        extra=tuple(sorted(extra, key=lambda slip: slip.text)),
    )
    return kind_score({}, tally)


def alias_resolution(gold: Gold, resolve: Callable[[str], str | None]) -> KindScore:
    """Check every gold name and alias resolves to its canonical entity.

    ``resolve`` maps a surface form to a canonical name (or a slug of it), or None.
    Recall is over all names and aliases; precision over those that resolved at all.
    ``missed`` lists every failure, ``extra`` the ones resolved to the wrong entity.
    """
    names = GoldNames(gold.entities)
    missed: list[Slip] = []
    extra: list[Slip] = []
    total = resolved = right = 0
    for entity in gold.entities:
        for alias in dict.fromkeys((entity.name, *entity.aliases)):
            total += 1
            got = resolve(alias)
            if got is None:
                missed.append(Slip("unresolved", f"{alias} → unresolved (want {entity.name})"))
                continue
            resolved += 1
            if names.resolve(got) == entity:
                right += 1
                continue
            wrong = Slip("wrong entity", f"{alias} → {got} (want {entity.name})")
            missed.append(wrong)
            extra.append(wrong)
    return kind_score({}, Tally(right, total, right, resolved, tuple(missed), tuple(extra)))
