"""The REST API: read the store, every list a page. Each route parses, calls the store, shapes."""

from __future__ import annotations

from typing import Annotated, Generic, Literal, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel

from claimgraph.records import (
    Claim,
    ClaimGroup,
    Document,
    Entity,
    FindingKind,
    Indicator,
    Membership,
    Mention,
    Quantity,
    TimeRef,
)
from claimgraph.store import browse, read
from claimgraph.store.search import SearchFilters, search_claims, search_documents
from claimgraph.web.app import WebState

T = TypeVar("T")
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
MAX_OFFSET = 100_000  # a deeper page costs a scan: narrow the query instead


def no_nul(request: Request) -> None:
    """A NUL character is never meaningful in a parameter, and PostgreSQL refuses it in text."""
    for name, value in [*request.query_params.multi_items(), *request.path_params.items()]:
        if "\x00" in str(value):
            raise HTTPException(422, f"{name}: contains a NUL character")


router = APIRouter(prefix="/api", tags=["read"], dependencies=[Depends(no_nul)])
Limit = Annotated[int, Query(ge=1, le=200, description="How many items a page holds.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="How many items to skip.")]
DateFrom = Annotated[str | None, Query(pattern=DATE, description="Published on or after (ISO date).")]
DateTo = Annotated[str | None, Query(pattern=DATE, description="Published on or before (ISO date).")]
EntityName = Annotated[str | None, Query(max_length=200, description="An entity's id, name or alias.")]


class Page(BaseModel, Generic[T]):
    items: list[T]
    limit: int
    offset: int
    next_offset: int | None  # None on the last page


class EntityCount(BaseModel):
    entity: Entity
    mentions: int
    documents: int


class Related(BaseModel):
    entity: Entity
    claims: int


class EntityDetail(BaseModel):
    entity: Entity
    names_seen: list[str]
    related: list[Related]


class DocumentDetail(BaseModel):
    document: Document
    mentions: list[Mention]
    quantities: list[Quantity]
    times: list[TimeRef]


class ClaimDetail(BaseModel):
    claim: Claim
    membership: Membership | None


class Dated(BaseModel):
    date: str | None
    claim: Claim


class GroupDetail(BaseModel):
    group: ClaimGroup
    claims: Page[ClaimDetail]


class SearchResults(BaseModel):
    query: str
    documents: Page[Document] | None
    claims: Page[Claim] | None


def state(request: Request) -> WebState:
    return request.app.state.web


State = Annotated[WebState, Depends(state)]


def page(rows: list[T], limit: int, offset: int) -> Page[T]:
    """A page from ``limit + 1`` rows read: the extra one only says that a next page exists."""
    more = len(rows) > limit
    return Page[T](
        items=rows[:limit], limit=limit, offset=offset, next_offset=offset + limit if more else None
    )


def entity_id_of(web: WebState, name: str | None) -> str | None:
    if not name:
        return None
    found = read.find_entity(web.engine, name)
    if found is None:
        raise HTTPException(404, f"no entity named {name!r} in the store")
    return found.id


def search_filters(
    web: State, entity: EntityName = None, date_from: DateFrom = None, date_to: DateTo = None
) -> SearchFilters:
    """The entity and publication-date filters every list of reports takes."""
    return SearchFilters(entity_id_of(web, entity), date_from, date_to)


Filters = Annotated[SearchFilters, Depends(search_filters)]


@router.get("/documents", summary="Documents, newest first")
def documents(
    web: State,
    filters: Filters,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[Document]:
    return page(browse.documents_page(web.engine, filters, limit + 1, offset), limit, offset)


@router.get("/documents/{document_id}", summary="One document with what was found in its body")
def document(web: State, document_id: str) -> DocumentDetail:
    found = browse.document(web.engine, document_id)
    if found is None:
        raise HTTPException(404, f"no document with id {document_id!r}")
    marks = browse.document_marks(web.engine, document_id)
    return DocumentDetail(
        document=found, mentions=marks.mentions, quantities=marks.quantities, times=marks.times
    )


@router.get("/entities", summary="Entities, most mentioned first")
def entities(
    web: State,
    kind: Annotated[str | None, Query(max_length=60, description="country, person, facility, …")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[EntityCount]:
    rows = browse.entities_page(web.engine, kind, limit + 1, offset)
    items = [EntityCount(entity=r.entity, mentions=r.mentions, documents=r.documents) for r in rows]
    return page(items, limit, offset)


@router.get("/entities/{entity_id}", summary="One entity: the names it went by, the entities claimed with it")
def entity(web: State, entity_id: str) -> EntityDetail:
    found = browse.entity(web.engine, entity_id)
    if found is None:
        raise HTTPException(404, f"no entity with id {entity_id!r}")
    related = [Related(entity=e, claims=n) for e, n in browse.related_entities(web.engine, found.id)]
    return EntityDetail(
        entity=found, names_seen=read.entity_aliases_seen(web.engine, found.id), related=related
    )


@router.get("/claims", summary="Claims: about an entity, from a report, of a modality")
def claims(
    web: State,
    entity: EntityName = None,
    document: Annotated[str | None, Query(max_length=64, description="A report's id.")] = None,
    modality: Annotated[
        str | None, Query(max_length=16, description="asserted, reported, planned, target, estimated, …")
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[Claim]:
    rows = browse.claims_page(web.engine, entity_id_of(web, entity), document, modality, limit + 1, offset)
    return page(rows, limit, offset)


@router.get("/claims/{claim_id}", summary="One claim and how it was filed")
def claim(web: State, claim_id: str) -> ClaimDetail:
    found = browse.claim(web.engine, claim_id)
    if found is None:
        raise HTTPException(404, f"no claim with id {claim_id!r}")
    return ClaimDetail(claim=found[0], membership=found[1])


@router.get("/timeline", summary="Claims at the date each holds for, newest first")
def timeline(
    web: State,
    filters: Filters,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[Dated]:
    rows = browse.timeline(web.engine, filters, limit + 1, offset)
    return page([Dated(date=r.date, claim=r.claim) for r in rows], limit, offset)


@router.get("/groups", summary="Claim groups, by proposition")
def groups(web: State, limit: Limit = 50, offset: Offset = 0) -> Page[ClaimGroup]:
    return page(browse.groups_page(web.engine, limit + 1, offset), limit, offset)


@router.get("/groups/{group_id}", summary="One claim group: its assessment and its claims, newest first")
def group(web: State, group_id: str, limit: Limit = 50, offset: Offset = 0) -> GroupDetail:
    found = browse.group(web.engine, group_id)
    if found is None:
        raise HTTPException(404, f"no claim group with id {group_id!r}")
    rows = browse.group_claims(web.engine, group_id, limit + 1, offset)
    items = [ClaimDetail(claim=c, membership=m) for c, m in rows]
    return GroupDetail(group=found, claims=page(items, limit, offset))


@router.get("/findings", summary="Claim groups with findings, the most recently reported first")
def findings(
    web: State, kind: FindingKind | None = None, limit: Limit = 20, offset: Offset = 0
) -> Page[ClaimGroup]:
    return page(browse.findings_page(web.engine, kind, limit + 1, offset), limit, offset)


@router.get("/indicators", summary="The domain pack's tracked figures as time series")
def indicators(web: State) -> list[Indicator]:
    return web.indicators()


@router.get("/search", summary="Full-text search over documents and claims")
def search(
    web: State,
    filters: Filters,
    q: Annotated[str, Query(min_length=1, max_length=500, description="Words; every one must match.")],
    scope: Annotated[Literal["all", "documents", "claims"], Query(alias="in")] = "all",
    limit: Limit = 20,
    offset: Offset = 0,
) -> SearchResults:
    found_documents = found_claims = None
    if scope in ("all", "documents"):
        found_documents = page(search_documents(web.engine, q, filters, limit + 1, offset), limit, offset)
    if scope in ("all", "claims"):
        found_claims = page(search_claims(web.engine, q, filters, limit + 1, offset), limit, offset)
    return SearchResults(query=q, documents=found_documents, claims=found_claims)
