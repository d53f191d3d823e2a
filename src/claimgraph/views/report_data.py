"""What a report shows, gathered from the store once: the HTML and Markdown renderers only lay it out.

Everything here is read from the store (claims, groups, memberships, documents) and the domain
pack (indicators, source profiles); nothing re-runs NLP. ``--entity`` narrows every section to
the claims naming that entity; ``--since`` marks what is new without hiding the rest, because a
new report is read against what was known before.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Engine

from claimgraph.domains import DomainPack
from claimgraph.errors import ViewError
from claimgraph.reconcile import track_indicators
from claimgraph.records import (
    Claim,
    ClaimGroup,
    Document,
    Entity,
    Finding,
    FindingKind,
    Indicator,
    Membership,
)
from claimgraph.store import read
from claimgraph.views.charts import period_of
from claimgraph.views.report_rank import (
    FigureRow,
    Quote,
    Side,
    TimelineEvent,
    figure_rows,
    finding_sides,
    group_latest,
    rank_groups,
    timeline_events,
)
from claimgraph.views.text import source_label

DISPUTES = (FindingKind.CONTRADICTION, FindingKind.TENSION)


class ReportError(ViewError):
    """A report that cannot be made as asked (an unknown entity, a bad date); the message says which."""


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """What to report on: everything, or what names one entity; and since when things count as new."""

    since: str | None = None  # ISO day, month or year
    entity: str | None = None  # a name, id or alias


@dataclass(frozen=True, slots=True)
class GroupSummary:
    group: ClaimGroup
    findings: tuple[Finding, ...]
    latest: str | None
    lead: Quote | None  # the newest claim of the group, quoted
    reports: int
    new: bool


@dataclass(frozen=True, slots=True)
class Dispute:
    group: ClaimGroup
    finding: Finding
    sides: tuple[Side, ...]
    new: bool


@dataclass(frozen=True, slots=True)
class SourceRow:
    document: Document
    label: str
    reliability: str  # A–F, F when the pack has no profile
    rationale: str
    claims: int
    new: bool


@dataclass(frozen=True, slots=True)
class OriginRow:
    label: str
    reliability: str
    rationale: str
    claims: int
    reports: int


@dataclass(frozen=True, slots=True)
class ReportData:
    generated: str
    options: ReportOptions
    entity: Entity | None
    documents: Mapping[str, Document]
    labels: Mapping[str, str]  # document id -> the short label a reader knows it by
    claim_count: int
    summary: list[GroupSummary]
    figures: list[FigureRow]
    indicators: list[Indicator]
    timeline: list[TimelineEvent]
    disputes: list[Dispute]
    sources: list[SourceRow]
    origins: list[OriginRow]
    new_documents: list[Document] = field(default_factory=list)
    pack_name: str = ""


def parse_since(value: str | None) -> str | None:
    """An ISO day, month or year as given; ReportError naming the value when it is none of those."""
    if value is None:
        return None
    text = value.strip()
    if period_of(text) is None or len(text) not in (4, 7, 10):
        raise ReportError(f"--since {value!r}: not a date; give YYYY-MM-DD, YYYY-MM or YYYY")
    return text


def gather_report(engine: Engine, pack: DomainPack, options: ReportOptions, today: date) -> ReportData:
    """Every section's content, from the store, narrowed to ``options.entity`` when one is given."""
    since = parse_since(options.since)
    entity = None
    if options.entity is not None:
        entity = read.find_entity(engine, options.entity)
        if entity is None:
            raise ReportError(
                f"--entity {options.entity!r}: no entity by that name, id or alias in the store"
            )
    claims = [c for c in read.claims(engine) if entity is None or _names(c, entity.id)]
    by_id = {c.id: c for c in claims}
    documents = {d.id: d for d in read.documents(engine)}
    labels = report_labels(documents.values())
    memberships = read.memberships(engine, by_id) if entity is not None else read.memberships(engine)
    new_ids = _new_documents(engine, documents, since)
    new_claims = {c.id for c in claims if c.document_id in new_ids}
    groups = [g for g in read.groups(engine) if any(i in by_id for i in g.claim_ids)]
    quote = _quoter(by_id, documents, labels, memberships, new_claims)
    summary = [
        GroupSummary(
            g,
            _visible_findings(g, by_id),
            group_latest(g, memberships),
            quote(_newest_claim(g, by_id, memberships)),
            len({by_id[i].document_id for i in g.claim_ids if i in by_id}),
            any(i in new_claims for i in g.claim_ids),
        )
        for g in rank_groups(groups, memberships)
        if _visible_findings(g, by_id)
    ]
    disputes = [
        Dispute(g, f, finding_sides(f, quote), any(i in new_claims for i in f.claim_ids))
        for g in groups
        for f in _visible_findings(g, by_id)
        if f.kind in DISPUTES
    ]
    disputes.sort(key=lambda d: (DISPUTES.index(d.finding.kind), not d.new, d.group.key))
    quantified = [c for c in claims if c.quantity is not None]
    series = track_indicators(pack.indicators, quantified, documents, pack.vocabulary)
    if entity is not None:
        series = [i for i in series if i.points]
    return ReportData(
        generated=today.isoformat(),
        options=ReportOptions(since, options.entity),
        entity=entity,
        documents=documents,
        labels=labels,
        claim_count=len(claims),
        summary=summary,
        figures=figure_rows(quantified, {g.id: g for g in groups}, memberships, quote),
        indicators=series,
        timeline=timeline_events(claims, quote),
        disputes=disputes,
        sources=_sources(claims, documents, labels, pack, new_ids),
        origins=_origins(claims, memberships, pack),
        new_documents=sorted(
            (documents[i] for i in new_ids if entity is None or any(c.document_id == i for c in claims)),
            key=lambda d: (d.published or "", d.source),
            reverse=True,
        ),
        pack_name=pack.name,
    )


def report_labels(documents: Iterable[Document]) -> dict[str, str]:
    """A short label per report: its outlet, with its file or address when the outlet has several."""
    documents = list(documents)
    outlets = Counter(d.outlet for d in documents if d.outlet)
    return {d.id: d.outlet if d.outlet and outlets[d.outlet] == 1 else source_label(d) for d in documents}


def _names(claim: Claim, entity_id: str) -> bool:
    return entity_id in (claim.subject, claim.object, claim.place, claim.speaker, claim.via, *claim.entities)


def _visible_findings(group: ClaimGroup, claims: Mapping[str, Claim]) -> tuple[Finding, ...]:
    return tuple(f for f in group.findings if any(i in claims for i in f.claim_ids))


def _newest_claim(group: ClaimGroup, claims: Mapping[str, Claim], memberships: Mapping[str, Membership]):
    present = [claims[i] for i in group.claim_ids if i in claims]
    if not present:
        return None

    def when(claim: Claim) -> tuple[str, int]:
        membership = memberships.get(claim.id)
        return (membership.date or "", membership.seq or 0) if membership else ("", 0)

    return max(present, key=when)


def _quoter(
    claims: Mapping[str, Claim],
    documents: Mapping[str, Document],
    labels: Mapping[str, str],
    memberships: Mapping[str, Membership],
    new_claims: set[str],
):
    """A function from a claim (or its id) to its Quote: sentence, report, origin and whether it is new."""

    def quote(claim: Claim | str | None) -> Quote | None:
        if isinstance(claim, str):
            claim = claims.get(claim)
        if claim is None:
            return None
        membership = memberships.get(claim.id)
        document = documents.get(claim.document_id)
        return Quote(
            claim=claim,
            document=document,
            label=labels.get(claim.document_id, claim.document_id[:12]),
            origin=membership.origin.label if membership else None,
            date=(membership.date if membership else None) or (document.published if document else None),
            new=claim.id in new_claims,
        )

    return quote


def _new_documents(engine: Engine, documents: Mapping[str, Document], since: str | None) -> set[str]:
    """Reports published on or after ``since`` (a report dated only to a month or year counts when
    that period reaches it); a report with no date counts from the day it was stored."""
    if since is None:
        return set()
    first = period_of(since)
    assert first is not None
    stored = read.ingest_dates(engine)
    new = set()
    for document_id, document in documents.items():
        span = period_of(document.published) or period_of(stored.get(document_id))
        if span is not None and span[1] >= first[0]:
            new.add(document_id)
    return new


def reliability_of(name: str | None, entity_id: str | None, pack: DomainPack) -> tuple[str, str]:
    """A source's Admiralty reliability and why, from the pack's profiles; F when it has none."""
    profile = pack.profile(entity_id) if entity_id else None
    if profile is None and name:
        known = pack.resolve(name)
        profile = pack.profile(known.id) if known else None
    if profile is None:
        return "F", "cannot be judged: no profile in the domain pack"
    return profile.reliability, profile.rationale


def _sources(
    claims: Iterable[Claim],
    documents: Mapping[str, Document],
    labels: Mapping[str, str],
    pack: DomainPack,
    new_ids: set[str],
) -> list[SourceRow]:
    counts: dict[str, int] = {}
    for claim in claims:
        counts[claim.document_id] = counts.get(claim.document_id, 0) + 1
    rows = []
    for document_id, n in counts.items():
        document = documents[document_id]
        reliability, rationale = reliability_of(document.outlet, None, pack)
        rows.append(
            SourceRow(document, labels[document_id], reliability, rationale, n, document_id in new_ids)
        )
    rows.sort(key=lambda r: (r.reliability, _descending(r.document.published), r.label))
    return rows


def _origins(
    claims: Iterable[Claim], memberships: Mapping[str, Membership], pack: DomainPack
) -> list[OriginRow]:
    """Whose word the claims rest on, traced through relays, with each origin's reliability."""
    seen: dict[str, tuple[str, list[str], set[str]]] = {}
    for claim in claims:
        membership = memberships.get(claim.id)
        if membership is None:
            continue
        origin = membership.origin
        label, ids, reports = seen.setdefault(origin.id, (origin.label, [], set()))
        ids.append(claim.id)
        reports.add(claim.document_id)
    rows = []
    for origin_id, (label, ids, reports) in seen.items():
        reliability, rationale = reliability_of(label, origin_id, pack)
        rows.append(OriginRow(label, reliability, rationale, len(ids), len(reports)))
    rows.sort(key=lambda r: (r.reliability, -r.claims, r.label))
    return rows


def _descending(value: str | None) -> str:
    """A sort key that puts later ISO dates first (and undated last)."""
    if not value:
        return "~"
    return "".join(chr(ord("9") - ord(ch) + ord("0")) if ch.isdigit() else ch for ch in value)
