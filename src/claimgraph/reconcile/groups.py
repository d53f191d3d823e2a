"""Claim groups: file each claim under its proposition, then assess each group that spans reports.

Filing reads one document at a time (a claim's origin depends only on its own
report), so it runs once per new document; assessing a group reads only that
group's claims. Together they make reconciliation incremental: new claims
re-assess only the groups they are filed under.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from claimgraph.domains import DomainPack
from claimgraph.reconcile.findings import Context, find, form_positions
from claimgraph.reconcile.grading import grade_group
from claimgraph.reconcile.independence import Lookup, trace_origins
from claimgraph.reconcile.propositions import Proposition, basis_of, propose
from claimgraph.records import Claim, ClaimGroup, Document, Entity, Membership

# A group is assessed on its newest claims: what is said now, at a cost that does not grow with
# the store. Older claims stay filed under it.
MAX_CLAIMS = 200


def file_document(
    document: Document,
    claims: Iterable[Claim],
    entities: Mapping[str, Entity],
    pack: DomainPack | None = None,
    lookup: Lookup | None = None,
) -> list[Membership]:
    """Where each claim of one document belongs, why, and whose word it is."""
    claims = list(claims)
    origins = trace_origins(document, claims, entities, pack, lookup)
    filed = []
    for claim in claims:
        prop = propose(claim, entities)
        date = (claim.time.value if claim.time else None) or document.published
        if prop is None:
            reason = why_unfiled(claim)
            filed.append(Membership(claim.id, document.id, None, None, reason, origins[claim.id], date))
        else:
            group, key = prop.group_id, prop.words
            filed.append(Membership(claim.id, document.id, group, key, prop.reason, origins[claim.id], date))
    return filed


def why_unfiled(claim: Claim) -> str:
    if claim.opinion:
        return "opinion: labelled, never weighed against anything"
    if basis_of(claim) is None:
        return "speculation or a question: not a claim of fact to weigh"
    return "no comparable proposition (no resolved actor and object, figure or dated act)"


def assess_group(
    group_id: str,
    claims: Iterable[Claim],
    memberships: Mapping[str, Membership],
    documents: Mapping[str, Document],
    entities: Mapping[str, Entity],
    pack: DomainPack | None = None,
) -> ClaimGroup | None:
    """The group's assessment; None when its claims come from fewer than two reports."""
    by_id = {c.id: c for c in claims}
    props = [p for c in by_id.values() if (p := propose(c, entities)) is not None and p.group_id == group_id]
    props = latest(props, memberships)
    if len({p.document_id for p in props}) < 2:
        return None
    # Only this group's origins and names: the mappings given cover every group re-assessed.
    named = {
        e for c in by_id.values() for e in (c.subject, c.object, c.place, c.speaker, c.via, *c.entities) if e
    }
    ctx = Context(
        claims=by_id,
        documents=documents,
        origins={cid: memberships[cid].origin for cid in by_id if cid in memberships},
        names={i: entities[i].name for i in named if i in entities},
    )
    props.sort(key=lambda p: (ctx.date(p) or "", p.document_id, by_id[p.claim_id].start, p.claim_id))
    positions = form_positions(props, ctx)
    findings = find(positions, ctx)
    return ClaimGroup(
        id=group_id,
        key=props[0].words,
        claim_ids=tuple(p.claim_id for p in props),
        reasons=tuple(p.reason for p in props),
        origins=tuple(dict.fromkeys(ctx.origin(p).label for p in props)),
        findings=tuple(findings),
        grade=grade_group(positions, findings, ctx, pack),
    )


def latest(props: list[Proposition], memberships: Mapping[str, Membership]) -> list[Proposition]:
    """A group's newest MAX_CLAIMS claims, by the date they were filed with (the store reads the same)."""
    if len(props) <= MAX_CLAIMS:
        return props

    def newest(p: Proposition) -> tuple[bool, str, str]:
        date = memberships[p.claim_id].date if p.claim_id in memberships else None
        return (date is not None, date or "", p.claim_id)

    return sorted(props, key=newest, reverse=True)[:MAX_CLAIMS]


def group_claims(
    claims: Sequence[Claim],
    documents: Mapping[str, Document],
    entities: Mapping[str, Entity],
    pack: DomainPack | None = None,
) -> list[ClaimGroup]:
    """File and assess everything at once: the from-scratch run incremental runs must equal."""
    by_document: dict[str, list[Claim]] = {}
    for claim in claims:
        by_document.setdefault(claim.document_id, []).append(claim)
    memberships: dict[str, Membership] = {}
    for document_id, members in by_document.items():
        document = documents.get(document_id)
        if document is None:
            continue  # a claim of no known report has no origin to trace: left unfiled, never fatal
        filed = file_document(document, members, entities, pack, documents.get)
        memberships.update({m.claim_id: m for m in filed})
    return assess_groups(claims, memberships, documents, entities, pack)


def assess_groups(
    claims: Iterable[Claim],
    memberships: Mapping[str, Membership],
    documents: Mapping[str, Document],
    entities: Mapping[str, Entity],
    pack: DomainPack | None = None,
    only: Iterable[str] | None = None,
) -> list[ClaimGroup]:
    """Assess the groups the claims are filed under (or only the given ones), in group-id order."""
    wanted = set(only) if only is not None else None
    members: dict[str, list[Claim]] = {}
    for claim in claims:
        filed = memberships.get(claim.id)
        if filed is not None and filed.group_id and (wanted is None or filed.group_id in wanted):
            members.setdefault(filed.group_id, []).append(claim)
    groups = []
    for group_id in sorted(members):
        group = assess_group(group_id, members[group_id], memberships, documents, entities, pack)
        if group is not None:
            groups.append(group)
    return groups
