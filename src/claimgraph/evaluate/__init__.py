"""Evaluation: read a gold file and score a corpus' analyses against it."""

from claimgraph.evaluate.gold import (
    Gold,
    GoldAttribution,
    GoldCrossDocument,
    GoldCrossItem,
    GoldDate,
    GoldDocument,
    GoldEntity,
    GoldError,
    GoldEvent,
    GoldQuantity,
    load_gold,
    parse_gold,
)
from claimgraph.evaluate.report import explain, format_parts, format_table, report_json
from claimgraph.evaluate.score import (
    KINDS,
    KindScore,
    alias_resolution,
    gold_kinds,
    score_corpus,
)

__all__ = [
    "KINDS",
    "Gold",
    "GoldAttribution",
    "GoldCrossDocument",
    "GoldCrossItem",
    "GoldDate",
    "GoldDocument",
    "GoldEntity",
    "GoldError",
    "GoldEvent",
    "GoldQuantity",
    "KindScore",
    "alias_resolution",
    "explain",
    "format_parts",
    "format_table",
    "gold_kinds",
    "load_gold",
    "parse_gold",
    "report_json",
    "score_corpus",
]
