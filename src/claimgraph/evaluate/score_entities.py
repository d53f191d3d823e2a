"""Score entities (corpus level) and check that gold aliases resolve to their entity."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Mapping

from claimgraph.evaluate.gold import Gold
from claimgraph.evaluate.score_common import KindScore, Tally, kind_score, ratio
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


def score_entities(gold: Gold, analyses: Mapping[str, Analysis], known: Collection[str] = ()) -> KindScore:
    """Recall: gold entities found anywhere; precision: mentioned entities that are gold.

    The gold lists the entities its facts are about, not every entity a text names.
    An entity of the domain pack (``known`` ids) that the gold does not list was
    found by one of the pack's own names: it is outside the gold, reported under
    ``outside_gold`` and not counted either way. Every other entity the pipeline
    made that is not gold (a heading read as a name, a generic region, an ungolded
    name spaCy found) counts against precision; ``strict_precision`` counts the
    pack's too.
    """
    names = GoldNames(gold.entities)
    predicted = mentioned_entities(analyses)
    matches = {entity.id: names.resolve_entity(entity) for entity in predicted.values()}
    found = {match.name for match in matches.values() if match is not None}
    unmatched = [predicted[eid] for eid, match in matches.items() if match is None]
    outside = sorted({e.name for e in unmatched if e.id in known})
    extra = sorted({e.name for e in unmatched if e.id not in known})
    correct = sum(match is not None for match in matches.values())
    tally = Tally(
        found=len(found),
        gold=len(gold.entities),
        correct=correct,
        predicted=correct + len(extra),
        missed=tuple(entity.name for entity in gold.entities if entity.name not in found),
        extra=tuple(extra),
    )
    score = kind_score({}, tally)
    strict = ratio(correct, len(predicted))
    notes = {"strict_precision": round(strict, 4), "outside_gold": outside}
    return dataclasses.replace(score, notes=notes)


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
