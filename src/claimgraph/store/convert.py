"""Records to rows and back: the one place that knows both shapes."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from claimgraph.records import (
    Claim,
    ClaimGroup,
    DateSource,
    Document,
    Entity,
    Finding,
    FindingKind,
    Grade,
    Membership,
    Modality,
    Origin,
    Quantity,
    TimeRef,
)

Row = dict[str, Any]


def flat_row(record: Any) -> Row:
    """A record's fields as a row, one level deep (dataclasses.asdict deep-copies every value,
    a cost paid for every mention and claim written)."""
    return {f.name: getattr(record, f.name) for f in fields(record)}


def document_row(document: Document, ingested_at: str) -> Row:
    return {
        **flat_row(document),
        "published_how": str(document.published_how),
        "credits": list(document.credits),
        "ingested_at": ingested_at,
    }


def document_from_row(row: Any) -> Document:
    values = dict(row._mapping)
    values.pop("ingested_at", None)
    values.pop("seq", None)
    values["published_how"] = DateSource(values["published_how"])
    values["credits"] = tuple(values.get("credits") or ())
    return Document(**values)


def entity_row(entity: Entity) -> Row:
    return {**flat_row(entity), "aliases": list(entity.aliases)}


def entity_from_row(row: Any) -> Entity:
    values = dict(row._mapping)
    return Entity(**{**values, "aliases": tuple(values["aliases"] or ())})


def claim_row(claim: Claim) -> Row:
    row = flat_row(claim)
    row["quantity"] = flat_row(claim.quantity) if claim.quantity else None
    row["time"] = flat_row(claim.time) if claim.time else None
    row["entities"] = list(claim.entities)
    row["modality"] = str(claim.modality)
    return row


def claim_from_row(row: Any) -> Claim:
    values = dict(row._mapping)
    values["entities"] = tuple(values["entities"] or ())
    values["modality"] = Modality(values["modality"])
    values["quantity"] = Quantity(**values["quantity"]) if values["quantity"] else None
    values["time"] = TimeRef(**values["time"]) if values["time"] else None
    return Claim(**values)


def group_row(group: ClaimGroup) -> Row:
    return {
        "id": group.id,
        "key": group.key,
        "claim_ids": list(group.claim_ids),
        "reasons": list(group.reasons),
        "origins": list(group.origins),
        "findings": [
            {"kind": str(f.kind), "reason": f.reason, "claim_ids": list(f.claim_ids)} for f in group.findings
        ],
        "grade": flat_row(group.grade) if group.grade else None,
    }


def group_from_row(row: Any) -> ClaimGroup:
    values = dict(row._mapping)
    findings = tuple(
        Finding(FindingKind(f["kind"]), f["reason"], tuple(f["claim_ids"])) for f in values["findings"]
    )
    return ClaimGroup(
        id=values["id"],
        key=values["key"],
        claim_ids=tuple(values["claim_ids"]),
        reasons=tuple(values["reasons"]),
        origins=tuple(values["origins"]),
        findings=findings,
        grade=Grade(**values["grade"]) if values["grade"] else None,
    )


def membership_row(membership: Membership) -> Row:
    origin = membership.origin
    return {
        "claim_id": membership.claim_id,
        "document_id": membership.document_id,
        "group_id": membership.group_id,
        "key": membership.key,
        "reason": membership.reason,
        "origin_id": origin.id,
        "origin_label": origin.label,
        "origin_reason": origin.reason,
        "date": membership.date,
        "seq": membership.seq,
    }


def membership_from_row(row: Any) -> Membership:
    origin = Origin(row.origin_id, row.origin_label, row.origin_reason)
    return Membership(
        row.claim_id, row.document_id, row.group_id, row.key, row.reason, origin, row.date, row.seq
    )
