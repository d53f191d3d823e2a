"""Claim groups: file each claim under its proposition, then assess each group that spans reports.

Filing reads one document at a time (a claim's origin depends only on its own
report), so it runs once per new document; assessing a group reads only that
group's claims. Together they make reconciliation incremental: new claims
re-assess only the groups they are filed under.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from claimgraph.domains import DomainPack
from claimgraph.reconcile.findings import find, presume
from claimgraph.reconcile.grading import grade_group
from claimgraph.reconcile.independence import Lookup, merge_tellings, sides, tellings, trace_origins
from claimgraph.reconcile.lexicon import in_its_pack
from claimgraph.reconcile.positions import Context, form_positions
from claimgraph.reconcile.propositions import Proposition, basis_of, propose
from claimgraph.records import Claim, ClaimGroup, Document, Entity, Membership

# A group is assessed on what the latest reports said about it: its claims from the last
# WINDOW_REPORTS reports up to its newest one (at least its MIN_CLAIMS newest, at most its
# MAX_CLAIMS newest). A batch of new reports then costs the same whatever the store holds, as
# a hot group's window spans the same number of reports; older claims stay filed under it.
WINDOW_REPORTS = 1_000
MIN_CLAIMS = 5
MAX_CLAIMS = 200


@in_its_pack
def file_document(
    document: Document,
    claims: Iterable[Claim],
    entities: Mapping[str, Entity],
    pack: DomainPack | None = None,
    lookup: Lookup | None = None,
    seq: int | None = None,
) -> list[Membership]:
    """Where each claim of one document belongs, why, and whose word it is; ``seq`` is the
    document's place in the order reports came in."""
    claims = list(claims)
    origins = trace_origins(document, claims, entities, pack, lookup)
    filed = []
    for claim in claims:
        prop = propose(claim, entities, pack)
        date = (claim.time.value if claim.time else None) or document.published
        if prop is None:
            reason = why_unfiled(claim)
            filed.append(Membership(claim.id, document.id, None, None, reason, origins[claim.id], date, seq))
        else:
            group, key, origin = prop.group_id, prop.words, origins[claim.id]
            filed.append(Membership(claim.id, document.id, group, key, prop.reason, origin, date, seq))
    return filed


def why_unfiled(claim: Claim) -> str:
    if claim.opinion:
        return "opinion: labelled, never weighed against anything"
    if basis_of(claim) is None:
        return "speculation or a question: not a claim of fact to weigh"
    return "no comparable proposition (no resolved actor and object, figure or dated act)"


@in_its_pack
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
    props = [
        p for c in by_id.values() if (p := propose(c, entities, pack)) is not None and p.group_id == group_id
    ]
    props = latest(props, memberships)
    if len({p.document_id for p in props}) < 2:
        return None
    # Only this group's origins and names: the mappings given cover every group re-assessed.
    named = {
        e for c in by_id.values() for e in (c.subject, c.object, c.place, c.speaker, c.via, *c.entities) if e
    }
    kept = [by_id[p.claim_id] for p in props]
    origins = merge_tellings(
        kept,
        {cid: memberships[cid].origin for cid in by_id if cid in memberships},
        lambda d: _report_name(documents.get(d), d),
    )
    origin_ids = {o.id for o in origins.values()}
    ctx = Context(
        claims=by_id,
        documents=documents,
        origins=origins,
        names={i: entities[i].name for i in named if i in entities},
        stories=story_pairs(kept),
        kinds={i: entities[i].kind for i in named | origin_ids if i in entities},
        sides=sides(origin_ids, entities, pack),
    )
    props.sort(key=lambda p: (ctx.date(p) or "", p.document_id, by_id[p.claim_id].start, p.claim_id))
    positions = form_positions(props, ctx)
    ctx = presume(positions, ctx)
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


def story_pairs(claims: Sequence[Claim]) -> dict[str, set[str]]:
    """Report -> the reports that tell one of the group's sentences in its words: one story."""
    first = tellings(claims)
    told: dict[str, set[str]] = {}
    for claim in claims:
        told.setdefault(first[claim.id], set()).add(claim.document_id)
    copies: dict[str, set[str]] = {}
    for documents in told.values():
        if len(documents) > 1:
            for document in documents:
                copies.setdefault(document, set()).update(documents - {document})
    return copies


def _report_name(document: Document | None, document_id: str) -> str:
    if document is None:
        return document_id[:12]
    return document.source.rsplit("/", 1)[-1] or document_id[:12]


def latest(props: list[Proposition], memberships: Mapping[str, Membership]) -> list[Proposition]:
    """The group's claims from its last WINDOW_REPORTS reports, at least MIN_CLAIMS and at most
    MAX_CLAIMS, newest report first (the store reads the same: read.group_members)."""

    def order(p: Proposition) -> tuple[int, str]:
        filed = memberships.get(p.claim_id)
        return (filed.seq if filed is not None and filed.seq is not None else -1, p.claim_id)

    newest = sorted(props, key=order, reverse=True)
    if not newest:
        return newest
    floor = order(newest[0])[0] - WINDOW_REPORTS
    recent = sum(1 for p in newest if order(p)[0] > floor)  # a prefix: newest first
    return newest[: min(max(recent, MIN_CLAIMS), MAX_CLAIMS)]


@in_its_pack
def group_claims(
    claims: Sequence[Claim],
    documents: Mapping[str, Document],
    entities: Mapping[str, Entity],
    pack: DomainPack | None = None,
) -> list[ClaimGroup]:
    """File and assess everything at once, ``documents`` in the order the reports came in: the
    from-scratch run incremental runs must equal."""
    by_document: dict[str, list[Claim]] = {}
    for claim in claims:
        by_document.setdefault(claim.document_id, []).append(claim)
    memberships: dict[str, Membership] = {}
    came = {document_id: seq for seq, document_id in enumerate(documents, start=1)}  # in the order given
    for document_id, members in by_document.items():
        document = documents.get(document_id)
        if document is None:
            continue  # a claim of no known report has no origin to trace: left unfiled, never fatal
        filed = file_document(document, members, entities, pack, documents.get, came[document_id])
        memberships.update({m.claim_id: m for m in filed})
    return assess_groups(claims, memberships, documents, entities, pack)


@in_its_pack
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
    told: _Told = set()
    for group_id in sorted(members):
        group = assess_group(group_id, members[group_id], memberships, documents, entities, pack)
        if group is not None:
            groups.append(_untold(group, told, claims_by_id(members[group_id])))
    return groups


def claims_by_id(claims: Iterable[Claim]) -> dict[str, Claim]:
    return {c.id: c for c in claims}


_Told = set[tuple[str, frozenset[tuple[str, int]]]]  # (finding kind, its sentences)


def _untold(group: ClaimGroup, told: _Told, claims: Mapping[str, Claim]) -> ClaimGroup:
    """The group without the findings another group already made of the same sentences: two
    figures of one sentence ("13,000 entered, 12 times more") set against the two of another
    report's sentence are one disagreement between the passages, not two findings."""
    kept = []
    for finding in group.findings:
        where = frozenset((c.document_id, c.start) for i in finding.claim_ids if (c := claims.get(i)))
        key = (str(finding.kind), where)
        if key in told and len(where) >= 2:
            continue
        told.add(key)
        kept.append(finding)
    return replace(group, findings=tuple(kept)) if len(kept) < len(group.findings) else group
