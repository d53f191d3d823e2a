"""What the page templates show, shaped from store records: labels, highlighted sentences, links."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from sqlalchemy import Engine

from claimgraph.records import Claim, Document, Entity, Membership
from claimgraph.store import browse
from claimgraph.views.text import source_label
from claimgraph.web.highlight import Segment, Span, claim_spans, figure, segments, term_spans


@dataclass(frozen=True, slots=True)
class ClaimView:
    """A claim as a page shows it: its sentence highlighted, with its report and how firm it is."""

    claim: Claim
    sentence: list[Segment]
    document: Document | None
    source: str
    firmness: str
    figure: str
    when: str
    speaker: str
    origin: str


def entity_ids(claims: Iterable[Claim]) -> set[str]:
    return {e for c in claims for e in (c.subject, c.object, c.place, c.speaker, c.via, *c.entities) if e}


def claim_views(
    engine: Engine,
    claims: list[Claim],
    memberships: Mapping[str, Membership] | None = None,
    terms: list[str] | None = None,
) -> list[ClaimView]:
    """Claims with what showing them needs, read in two queries whatever their number."""
    documents = browse.documents_by_id(engine, {c.document_id for c in claims})
    entities = browse.entities_by_id(engine, entity_ids(claims))
    return [
        claim_view(c, documents.get(c.document_id), entities, (memberships or {}).get(c.id), terms)
        for c in claims
    ]


def claim_view(
    claim: Claim,
    document: Document | None,
    entities: Mapping[str, Entity],
    membership: Membership | None = None,
    terms: list[str] | None = None,
) -> ClaimView:
    spans: list[Span] = claim_spans(claim, entities)
    if terms:
        spans += term_spans(claim.text, terms, claim.start)
    speaker = name_of(claim.speaker, entities)
    via = name_of(claim.via, entities)
    time = ""
    if claim.time:
        time = claim.time.value or f"{claim.time.text} (unresolved)"
        if claim.time.resolution == "inferred":
            time += " (date inferred)"
    return ClaimView(
        claim=claim,
        sentence=segments(claim.text, spans, claim.start),
        document=document,
        source=source_label(document) if document else claim.document_id[:12],
        firmness="opinion"
        if claim.opinion
        else str(claim.modality) + (" (negated)" if claim.negated else ""),
        figure=figure(claim.quantity) if claim.quantity else "",
        when=time,
        speaker=f"{speaker} via {via}" if via else speaker,
        origin=membership.origin.label if membership else "",
    )


def name_of(value: str | None, entities: Mapping[str, Entity]) -> str:
    if not value:
        return ""
    entity = entities.get(value)
    return entity.name if entity else value


def link(path: str, **params: object) -> str:
    """A URL with its query string encoded; empty parameters left out."""
    kept = {k: v for k, v in params.items() if v not in (None, "")}
    return f"{path}?{urlencode(kept)}" if kept else path


def pages(offset: int, limit: int, shown: int, more: bool) -> dict[str, int | None]:
    """The offsets of the previous and next pages (None where there is none)."""
    return {
        "previous": max(offset - limit, 0) if offset > 0 else None,
        "next": offset + limit if more else None,
        "first": offset + 1 if shown else 0,
        "last": offset + shown,
    }
