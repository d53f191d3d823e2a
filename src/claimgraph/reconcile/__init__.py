"""Reconcile: across documents, file claims under propositions and assess each group. Pure over records.

``reconcile`` runs everything at once; the pipeline runs the same steps
incrementally: ``file_document`` once per new report, then ``assess_groups``
for the groups its claims touched.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from claimgraph.domains import DomainPack
from claimgraph.reconcile.groups import (
    MAX_CLAIMS,
    MIN_CLAIMS,
    WINDOW_REPORTS,
    assess_group,
    assess_groups,
    file_document,
    group_claims,
    why_unfiled,
)
from claimgraph.reconcile.independence import document_origin, outlet_origin, trace_origins
from claimgraph.reconcile.indicators import track_indicators
from claimgraph.reconcile.propositions import Basis, Proposition, propose
from claimgraph.records import Claim, ClaimGroup, Document, Entity

__all__ = [
    "MAX_CLAIMS",
    "MIN_CLAIMS",
    "WINDOW_REPORTS",
    "Basis",
    "Proposition",
    "assess_group",
    "assess_groups",
    "document_origin",
    "file_document",
    "group_claims",
    "outlet_origin",
    "propose",
    "reconcile",
    "trace_origins",
    "track_indicators",
    "why_unfiled",
]


def reconcile(
    claims: Iterable[Claim],
    documents: Mapping[str, Document],
    entities: Mapping[str, Entity] | None = None,
    pack: DomainPack | None = None,
) -> list[ClaimGroup]:
    """Claim groups with their origins, findings and grades, from scratch; ``documents`` in the
    order the reports came in (each group is assessed on what its latest reports said)."""
    known = dict(entities or {})
    if pack is not None:
        for entity in pack.entities:
            known.setdefault(entity.id, entity)
    return group_claims(list(claims), documents, known, pack)
