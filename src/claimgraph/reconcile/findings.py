"""Findings within a claim group: corroboration, repeat, contradiction."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from claimgraph.records import Claim, ClaimGroup, Document, Finding, FindingKind, Modality

# A figure's own words are not checked against a plan or a denial: they say different things.
_FACTUAL = frozenset({Modality.ASSERTED, Modality.REPORTED, Modality.ESTIMATED})


def origin(claim: Claim, document: Document) -> str:
    """Where a claim comes from: its speaker, else the source the report credits, else the report."""
    return claim.speaker or document.original_source or document.near_duplicate_of or document.id


def assess_group(
    group: ClaimGroup, claims: Mapping[str, Claim], documents: Mapping[str, Document]
) -> ClaimGroup:
    members = [claims[i] for i in group.claim_ids if i in claims]
    origins = tuple(dict.fromkeys(origin(c, documents[c.document_id]) for c in members))
    findings = [*_agreements(members, documents), *_contradictions(members)]
    return replace(group, origins=origins, findings=tuple(findings))


def _agree(a: Claim, b: Claim) -> bool:
    qa, qb = a.quantity, b.quantity
    if qa is None or qb is None:
        return a.negated == b.negated and a.modality != Modality.DENIED and b.modality != Modality.DENIED
    return qa.low <= qb.high * 1.1 and qb.low <= qa.high * 1.1


def _agreements(members: Sequence[Claim], documents: Mapping[str, Document]) -> list[Finding]:
    found = []
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            if a.document_id == b.document_id or a.modality not in _FACTUAL or b.modality not in _FACTUAL:
                continue
            if not _agree(a, b):
                continue
            oa, ob = origin(a, documents[a.document_id]), origin(b, documents[b.document_id])
            if oa == ob:
                reason = f"both reports rest on one origin ({oa}): a repeat, not a confirmation"
                found.append(Finding(FindingKind.REPEAT, reason, (a.id, b.id)))
            else:
                reason = f"the same figure from independent origins ({oa}; {ob})"
                found.append(Finding(FindingKind.CORROBORATION, reason, (a.id, b.id)))
    return found


def _contradictions(members: Sequence[Claim]) -> list[Finding]:
    found = []
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            if a.document_id == b.document_id:
                continue
            denial = (a.modality == Modality.DENIED) != (b.modality == Modality.DENIED)
            if denial and a.quantity is None and b.quantity is None:
                reason = "one report asserts what another reports as denied"
                found.append(Finding(FindingKind.CONTRADICTION, reason, (a.id, b.id)))
    return found
