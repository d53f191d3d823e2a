"""Claim groups: claims about the same proposition across documents."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping

from claimgraph.records import Claim, ClaimGroup, Document


def proposition_key(claim: Claim) -> str | None:
    """What a claim is about, as words; None when it is too vague to compare."""
    if claim.opinion:
        return None
    actor = claim.subject or (claim.entities[0] if claim.entities else None)
    if claim.quantity is not None:
        rate = f" per {claim.quantity.per}" if claim.quantity.per else ""
        return f"{actor or '?'} · {claim.quantity.unit}{rate}"
    if claim.subject and claim.object:
        return f"{claim.subject} · {claim.predicate} · {claim.object}"
    return None


def group_claims(claims: Iterable[Claim], documents: Mapping[str, Document]) -> list[ClaimGroup]:
    """Groups of two or more claims from different documents sharing a proposition key."""
    by_key: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        key = proposition_key(claim)
        if key is not None:
            by_key[key].append(claim)
    groups = []
    for key, members in sorted(by_key.items()):
        if len({c.document_id for c in members}) < 2:
            continue
        members.sort(key=lambda c: (documents[c.document_id].published or "", c.document_id, c.start))
        groups.append(
            ClaimGroup(
                id=group_id(key),
                key=key,
                claim_ids=tuple(c.id for c in members),
                reasons=tuple(f"same proposition: {key}" for _ in members),
            )
        )
    return groups


def group_id(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
