"""Indicators: the domain pack's tracked figures as time series of reported values.

Each point is one claim's figure (a range where the report gives one), with its
modality, so a target shows as a target beside the figures reported as current;
rates are converted to the indicator's period ("170 a day" is about 5,175 a month).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from claimgraph.domains import IndicatorSpec
from claimgraph.domains.vocabulary import Vocabulary
from claimgraph.reconcile.amounts import normalise_unit
from claimgraph.reconcile.lexicon import DAYS_PER, reading_vocabulary
from claimgraph.reconcile.propositions import act_of, rate_of
from claimgraph.reconcile.tracked import tracks
from claimgraph.records import Claim, Document, Indicator, IndicatorPoint


def track_indicators(
    specs: Iterable[IndicatorSpec],
    claims: Sequence[Claim],
    documents: Mapping[str, Document],
    vocabulary: Vocabulary | None = None,
) -> list[Indicator]:
    """One series per indicator, its points in date order (undated points last); acts are read
    in the pack's ``vocabulary`` (default: the shipped pack's)."""
    with reading_vocabulary(vocabulary):
        return [_series(spec, claims, documents) for spec in specs]


def _series(spec: IndicatorSpec, claims: Sequence[Claim], documents: Mapping[str, Document]) -> Indicator:
    unit = normalise_unit(spec.unit)
    points = []
    for claim in claims:
        quantity = claim.quantity
        if quantity is None or claim.opinion or normalise_unit(quantity.unit) != unit:
            continue
        family, _ = act_of(claim, quantity.start)
        if not tracks(spec, claim, family):
            continue
        per, _ = rate_of(claim, quantity, family)
        if (spec.per is None) != (per is None) or (per is not None and per not in DAYS_PER):
            continue  # a running total is not a rate, nor a rate a total
        factor = DAYS_PER[spec.per] / DAYS_PER[per] if spec.per and per else 1.0
        document = documents.get(claim.document_id)
        date = (claim.time.value if claim.time else None) or (document.published if document else None)
        points.append(
            IndicatorPoint(
                claim.id,
                claim.document_id,
                quantity.low * factor,
                quantity.high * factor,
                date,
                claim.modality,
            )
        )
    points.sort(key=lambda p: (p.date is None, p.date or "", p.document_id, p.claim_id))
    return Indicator(spec.name, spec.unit, spec.per, tuple(points))
