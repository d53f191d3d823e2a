"""The web UI: server-rendered pages over the store. Each route reads one page of each list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from claimgraph.records import Claim, Entity, FindingKind
from claimgraph.store import browse, read
from claimgraph.store.search import SearchFilters, search_claims, search_documents, search_terms
from claimgraph.views.findings import ORDER
from claimgraph.web.api import DATE, MAX_OFFSET, no_nul
from claimgraph.web.app import INDICATOR_FIGURES, WebState
from claimgraph.web.charts import chart
from claimgraph.web.highlight import Span, mark_spans, segments, snippet, term_spans
from claimgraph.web.shape import claim_views, pages

router = APIRouter(include_in_schema=False, dependencies=[Depends(no_nul)])
PAGE = 25
FINDINGS_SHOWN = 12  # a busy group's findings, most pressing first; its claims are all listed, paged
SIDES_SHOWN = 6  # the claims of a finding shown side by side
ENTITY_CLAIMS = 10  # beside its timeline, an entity page lists a few claims a page
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
Date = Annotated[str | None, Query(pattern=DATE)]
Name = Annotated[str | None, Query(max_length=200)]


def render(request: Request, template: str, **values: object) -> HTMLResponse:
    web: WebState = request.app.state.web
    page = web.templates.get_template(template).render(path=request.url.path, **values)
    return HTMLResponse(page)


def state(request: Request) -> WebState:
    return request.app.state.web


State = Annotated[WebState, Depends(state)]


def entity_of(web: WebState, name: str | None) -> Entity | None:
    """The entity a filter names (by id, name or alias); a 404 page naming it when there is none."""
    if not name:
        return None
    found = browse.entity(web.engine, name) or read.find_entity(web.engine, name)
    if found is None:
        raise HTTPException(404, f"no entity named {name!r} in the store")
    return found


@dataclass(frozen=True)
class ListFilters:
    """A list page's entity and date filters: what the store is asked, and what its links carry."""

    entity: Entity | None
    search: SearchFilters
    params: dict[str, str | None]


def list_filters(
    web: State, entity: Name = None, date_from: Date = None, date_to: Date = None
) -> ListFilters:
    found = entity_of(web, entity)
    return ListFilters(
        found,
        SearchFilters(found.id if found else None, date_from, date_to),
        {"entity": entity, "date_from": date_from, "date_to": date_to},
    )


Filters = Annotated[ListFilters, Depends(list_filters)]


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request, web: State) -> HTMLResponse:
    groups = browse.findings_page(web.engine, limit=8)
    charts = [chart(i) for i in web.indicators()]
    return render(
        request,
        "dashboard.html",
        findings=[(g, f) for g in groups for f in sorted(g.findings, key=lambda f: ORDER.index(f.kind))[:1]],
        charts=charts,
        documents=browse.documents_page(web.engine, limit=10),
        entities=web.cached("most named", lambda: browse.entities_page(web.engine, limit=12)),
        figures=INDICATOR_FIGURES,
    )


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request,
    web: State,
    filters: Filters,
    q: Annotated[str, Query(max_length=500)] = "",
    scope: Annotated[Literal["all", "documents", "claims"], Query(alias="in")] = "all",
    offset: Offset = 0,
) -> HTMLResponse:
    terms = search_terms(q)
    documents, claims = [], []
    if terms and scope in ("all", "documents"):
        documents = search_documents(web.engine, q, filters.search, PAGE + 1, offset)
    if terms and scope in ("all", "claims"):
        claims = search_claims(web.engine, q, filters.search, PAGE + 1, offset)
    hits = []
    for document in documents[:PAGE]:
        text, start = snippet(document.body, terms)
        hits.append((document, segments(text, term_spans(text, terms, start), start), start > 0))
    return render(
        request,
        "search.html",
        q=q,
        scope=scope,
        params={"q": q, **filters.params},
        entity=filters.entity,
        documents=hits,
        documents_pages=pages(offset, PAGE, len(hits), len(documents) > PAGE),
        claims=claim_views(web.engine, claims[:PAGE], terms=terms),
        claims_pages=pages(offset, PAGE, min(len(claims), PAGE), len(claims) > PAGE),
        searched=bool(terms),
    )


@router.get("/documents", response_class=HTMLResponse)
def documents(
    request: Request,
    web: State,
    filters: Filters,
    offset: Offset = 0,
) -> HTMLResponse:
    rows = browse.documents_page(web.engine, filters.search, PAGE + 1, offset)
    return render(
        request,
        "documents.html",
        documents=rows[:PAGE],
        entity=filters.entity,
        params=filters.params,
        pages=pages(offset, PAGE, min(len(rows), PAGE), len(rows) > PAGE),
    )


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document(request: Request, web: State, document_id: str) -> HTMLResponse:
    found = browse.document(web.engine, document_id)
    if found is None:
        raise HTTPException(404, f"no document with id {document_id!r}")
    marks = browse.document_marks(web.engine, document_id)
    claims = browse.document_claims(web.engine, document_id)
    entities = browse.entities_by_id(web.engine, {m.entity_id for m in marks.mentions})
    spans = mark_spans(marks.mentions, marks.quantities, marks.times, entities)
    spans += [s for c in claims for s in _claim_span(c)]
    copied = browse.document(web.engine, found.near_duplicate_of) if found.near_duplicate_of else None
    return render(
        request,
        "document.html",
        document=found,
        body=segments(found.body, spans),
        claims=claim_views(web.engine, claims),
        entities=sorted(entities.values(), key=lambda e: e.name),
        copied=copied,
    )


def _claim_span(claim: Claim) -> list[Span]:
    return [Span(claim.start, claim.end, "claim", "")]


@router.get("/entities", response_class=HTMLResponse)
def entities(
    request: Request, web: State, kind: Annotated[str | None, Query(max_length=60)] = None, offset: Offset = 0
) -> HTMLResponse:
    rows = browse.entities_page(web.engine, kind, PAGE * 2 + 1, offset)
    return render(
        request,
        "entities.html",
        rows=rows[: PAGE * 2],
        kind=kind,
        pages=pages(offset, PAGE * 2, min(len(rows), PAGE * 2), len(rows) > PAGE * 2),
    )


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity(request: Request, web: State, entity_id: str, offset: Offset = 0) -> HTMLResponse:
    found = browse.entity(web.engine, entity_id)
    if found is None:
        raise HTTPException(404, f"no entity with id {entity_id!r}")
    claims = browse.claims_page(web.engine, entity_id=found.id, limit=ENTITY_CLAIMS + 1, offset=offset)
    dated = browse.timeline(web.engine, SearchFilters(entity_id=found.id), limit=PAGE + 1)
    shown = claims[:ENTITY_CLAIMS]
    views = claim_views(web.engine, [*shown, *(d.claim for d in dated[:PAGE])])
    return render(
        request,
        "entity.html",
        entity=found,
        names=read.entity_aliases_seen(web.engine, found.id),
        related=browse.related_entities(web.engine, found.id),
        claims=views[: len(shown)],
        pages=pages(offset, ENTITY_CLAIMS, len(shown), len(claims) > ENTITY_CLAIMS),
        timeline=list(zip([d.date for d in dated[:PAGE]], views[len(shown) :], strict=True)),
        more_timeline=len(dated) > PAGE,
    )


@router.get("/groups/{group_id}", response_class=HTMLResponse)
def group(request: Request, web: State, group_id: str, offset: Offset = 0) -> HTMLResponse:
    found = browse.group(web.engine, group_id)
    if found is None:
        raise HTTPException(404, f"no claim group with id {group_id!r}")
    ordered = sorted(found.findings, key=lambda f: (ORDER.index(f.kind), -len(f.claim_ids)))
    shown_findings = ordered[:FINDINGS_SHOWN]
    sides = sorted({i for f in shown_findings for i in f.claim_ids[:SIDES_SHOWN]})
    shown = browse.claims_by_id(web.engine, sides)
    filed = browse.memberships_by_claim(web.engine, sides)
    views = {v.claim.id: v for v in claim_views(web.engine, list(shown.values()), filed)}
    findings = [
        (
            f,
            [views[i] for i in f.claim_ids[:SIDES_SHOWN] if i in views],
            max(len(f.claim_ids) - SIDES_SHOWN, 0),
        )
        for f in shown_findings
    ]
    rows = browse.group_claims(web.engine, group_id, PAGE + 1, offset)
    members = claim_views(web.engine, [c for c, _ in rows[:PAGE]], {c.id: m for c, m in rows})
    return render(
        request,
        "group.html",
        group=found,
        findings=findings,
        more_findings=len(ordered) - len(shown_findings),
        members=members,
        pages=pages(offset, PAGE, len(members), len(rows) > PAGE),
    )


@router.get("/findings", response_class=HTMLResponse)
def findings(
    request: Request, web: State, kind: FindingKind | None = None, offset: Offset = 0
) -> HTMLResponse:
    groups = browse.findings_page(web.engine, kind, PAGE + 1, offset)
    rows = [
        (g, f)
        for g in groups[:PAGE]
        for f in sorted(g.findings, key=lambda f: ORDER.index(f.kind))
        if kind is None or f.kind == kind
    ]
    return render(
        request,
        "findings.html",
        rows=rows,
        kind=kind,
        kinds=ORDER,
        pages=pages(offset, PAGE, min(len(groups), PAGE), len(groups) > PAGE),
    )


@router.get("/timeline", response_class=HTMLResponse)
def timeline(
    request: Request,
    web: State,
    filters: Filters,
    offset: Offset = 0,
) -> HTMLResponse:
    rows = browse.timeline(web.engine, filters.search, PAGE + 1, offset)
    views = claim_views(web.engine, [r.claim for r in rows[:PAGE]])
    return render(
        request,
        "timeline.html",
        rows=list(zip([r.date for r in rows[:PAGE]], views, strict=True)),
        entity=filters.entity,
        params=filters.params,
        pages=pages(offset, PAGE, len(views), len(rows) > PAGE),
    )


@router.get("/claims/{claim_id}", response_class=HTMLResponse)
def claim(request: Request, web: State, claim_id: str) -> HTMLResponse:
    found = browse.claim(web.engine, claim_id)
    if found is None:
        raise HTTPException(404, f"no claim with id {claim_id!r}")
    claim_, membership = found
    view = claim_views(web.engine, [claim_], {claim_.id: membership} if membership else None)[0]
    return render(request, "claim.html", view=view, membership=membership)


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    spec = request.app.openapi()
    components = spec.get("components", {}).get("schemas", {})

    def type_of(schema: dict) -> str:
        if "anyOf" in schema:
            return " or ".join(type_of(s) for s in schema["anyOf"])
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[-1]
            enum = components.get(name, {}).get("enum")
            return f"{name}: {', '.join(enum)}" if enum else name
        enum = schema.get("enum")
        return (
            f"{schema.get('type', 'any')}: {', '.join(map(str, enum))}" if enum else schema.get("type", "any")
        )

    return render(request, "api_docs.html", spec=spec, type_of=type_of, components=components)
