"""Score a corpus' analyses against a gold file, one KindScore per kind of fact."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence

from rich.table import Table

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
    "format_table",
    "gold_kinds",
    "report_json",
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
    known_entities: Collection[str] = (),
) -> dict[str, KindScore]:
    """Score analyses (keyed by file name) and claim groups against the gold, per kind.

    ``kinds`` picks kinds from KINDS; by default every kind the gold has data for.
    ``known_entities`` are the domain pack's entity ids (see ``score_entities``).
    A gold document absent from ``analyses`` is scored as found-nothing, not skipped.
    """
    wanted = gold_kinds(gold) if kinds is None else tuple(kinds)
    unknown = sorted(set(wanted) - set(KINDS))
    if unknown:
        raise ValueError(f"unknown kind(s) {', '.join(unknown)}; known: {', '.join(KINDS)}")
    scorers = {**_SCORERS, "entities": lambda g, a, _: score_entities(g, a, known_entities)}
    return {kind: scorers[kind](gold, analyses, groups) for kind in KINDS if kind in wanted}


def report_json(scores: Mapping[str, KindScore]) -> dict[str, object]:
    """One JSON-able object with a key per kind scored."""
    return {kind: score.to_json() for kind, score in scores.items()}


def format_table(scores: Mapping[str, KindScore]) -> Table:
    """The scores as a table for the terminal: kind, P, R, F1 and what was missed or extra."""
    table = Table(title="claimgraph eval")
    table.add_column("kind")
    for column in ("P", "R", "F1", "missed", "extra"):
        table.add_column(column, justify="right")
    for kind, score in scores.items():
        table.add_row(
            kind,
            f"{score.precision:.2f}",
            f"{score.recall:.2f}",
            f"{score.f1:.2f}",
            str(len(score.missed)),
            str(len(score.extra)),
        )
    return table
