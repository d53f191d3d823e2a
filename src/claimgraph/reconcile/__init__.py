"""Reconcile: across documents, group claims and assess each group. Pure over records."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from claimgraph.reconcile.findings import assess_group, origin
from claimgraph.reconcile.groups import group_claims, proposition_key
from claimgraph.records import Claim, ClaimGroup, Document

__all__ = ["assess_group", "group_claims", "origin", "proposition_key", "reconcile"]


def reconcile(claims: Iterable[Claim], documents: Mapping[str, Document]) -> list[ClaimGroup]:
    """Claim groups with their origins and findings."""
    by_id = {c.id: c for c in claims}
    return [assess_group(g, by_id, documents) for g in group_claims(by_id.values(), documents)]
