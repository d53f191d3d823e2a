"""claimgraph: a sourced, cross-checked picture of a situation from a stream of news reports."""

from claimgraph.records import (
    Analysis,
    Claim,
    ClaimGroup,
    DateSource,
    Document,
    Entity,
    Finding,
    FindingKind,
    Grade,
    Indicator,
    IndicatorPoint,
    Mention,
    Modality,
    Quantity,
    RawInput,
    Rejection,
    TimeRef,
)

__version__ = "0.1.0"
__all__ = [
    "Analysis",
    "Claim",
    "ClaimGroup",
    "DateSource",
    "Document",
    "Entity",
    "Finding",
    "FindingKind",
    "Grade",
    "Indicator",
    "IndicatorPoint",
    "Mention",
    "Modality",
    "Quantity",
    "RawInput",
    "Rejection",
    "TimeRef",
    "__version__",
]
