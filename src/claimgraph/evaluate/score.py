"""Score a corpus' analyses against a gold file, one KindScore per kind of fact."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence

from claimgraph.evaluate.gold import Gold
from claimgraph.evaluate.score_claims import score_attributions, score_dates, score_opinions
from claimgraph.evaluate.score_cleaning import has_cleaning_gold, score_cleaning
from claimgraph.evaluate.score_common import KindScore
from claimgraph.evaluate.score_cross import score_cross_document
from claimgraph.evaluate.score_entities import alias_resolution, score_entities
from claimgraph.evaluate.score_quantities import score_quantities
from claimgraph.records import Analysis, ClaimGroup

__all__ = [
    "KINDS",
    "KindScore",
    "alias_resolution",
    "gold_kinds",
    "score_corpus",
]

KINDS = (
    "entities",
    "cleaning",
    "quantities",
    "attributions",
    "dates",
    "opinions",
    "cross_document",
)

_Scorer = Callable[[Gold, Mapping[str, Analysis], Sequence[ClaimGroup]], KindScore]
_SCORERS: dict[str, _Scorer] = {
    "entities": lambda gold, analyses, _: score_entities(gold, analyses),
    "cleaning": lambda gold, analyses, _: score_cleaning(gold, analyses),
    "quantities": lambda gold, analyses, _: score_quantities(gold, analyses),
    "attributions": lambda gold, analyses, _: score_attributions(gold, analyses),
    "dates": lambda gold, analyses, _: score_dates(gold, analyses),
    "opinions": lambda gold, analyses, _: score_opinions(gold, analyses),
    "cross_document": score_cross_document,
}


def gold_kinds(gold: Gold) -> tuple[str, ...]:
    """The kinds the gold has data for (a list given empty counts: it says "none")."""
    docs = gold.documents
    present = {
        "entities": bool(gold.entities),
        "cleaning": any(has_cleaning_gold(doc) for doc in docs),
        "quantities": any(doc.quantities is not None for doc in docs),
        "attributions": any(doc.attributions is not None for doc in docs),
        "dates": any(doc.events is not None for doc in docs),
        "opinions": any(doc.opinion_not_claims is not None for doc in docs),
        "cross_document": bool(gold.cross_document.annotated()),
    }
    return tuple(kind for kind in KINDS if present[kind])


def score_corpus(
    gold: Gold,
    analyses: Mapping[str, Analysis],
    groups: Sequence[ClaimGroup] = (),
    kinds: Collection[str] | None = None,
    raw_texts: Mapping[str, str] | None = None,
) -> dict[str, KindScore]:
    """Score analyses (keyed by file name) and claim groups against the gold, per kind.

    ``kinds`` picks kinds from KINDS; by default every kind the gold has data for.
    ``raw_texts`` (file name -> input as read) tells boilerplate the input never held.
    A gold document absent from ``analyses`` is scored as found-nothing, not skipped.
    """
    wanted = gold_kinds(gold) if kinds is None else tuple(kinds)
    unknown = sorted(set(wanted) - set(KINDS))
    if unknown:
        raise ValueError(f"unknown kind(s) {', '.join(unknown)}; known: {', '.join(KINDS)}")
    scorers = {**_SCORERS, "cleaning": lambda g, a, _: score_cleaning(g, a, raw_texts)}
    return {kind: scorers[kind](gold, analyses, groups) for kind in KINDS if kind in wanted}
