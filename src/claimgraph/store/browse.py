"""Paged reads for browsing the store (web UI and API): every list is a page, newest first.

Each function reads one page through an index, so a page costs the same however large
the store grows; a caller asks for one row more than it shows to know whether there is a
next page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Engine, Row, String, cast, exists, func, select

from claimgraph.records import (
    Claim,
    ClaimGroup,
    Document,
    Entity,
    FindingKind,
    Membership,
    Mention,
    Quantity,
    TimeRef,
)
from claimgraph.store import schema
from claimgraph.store.convert import (
    claim_from_row,
    document_from_row,
    entity_from_row,
    group_from_row,
    membership_from_row,
)
from claimgraph.store.search import NO_FILTERS, SearchFilters, published_between

RELATED_SAMPLE = 1_000  # related entities are counted over at most this many of an entity's claims
TIMELINE_WALK_FROM = 2_000  # an entity with this many claims has its timeline read down the date index


@dataclass(frozen=True, slots=True)
class EntityRow:
    entity: Entity
    mentions: int
    documents: int


@dataclass(frozen=True, slots=True)
class DocumentMarks:
    """What the pipeline found in a document's body, each with its span."""

    mentions: list[Mention]
    quantities: list[Quantity]
    times: list[TimeRef]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """A claim at the date it holds for: its own time, else its report's publication date."""

    date: str | None
    claim: Claim


def document(engine: Engine, document_id: str) -> Document | None:
    d = schema.documents
    with engine.connect() as conn:
        row = conn.execute(select(d).where(d.c.id == document_id)).first()
    return document_from_row(row) if row is not None else None


def documents_page(
    engine: Engine, filters: SearchFilters = NO_FILTERS, limit: int = 20, offset: int = 0
) -> list[Document]:
    """Documents, newest first (in the order they came in); naming an entity, or in a span of dates."""
    d = schema.documents
    query = select(d).order_by(d.c.seq.desc(), d.c.id)
    if filters.entity_id:
        m = schema.mentions
        query = query.where(exists().where(m.c.document_id == d.c.id, m.c.entity_id == filters.entity_id))
    query = query.where(*published_between(d.c.published, filters.date_from, filters.date_to))
    with engine.connect() as conn:
        return [document_from_row(r) for r in conn.execute(query.limit(limit).offset(offset or None))]


def document_marks(engine: Engine, document_id: str) -> DocumentMarks:
    m, q, t = schema.mentions, schema.quantities, schema.times
    with engine.connect() as conn:
        mentions = [
            Mention(r.entity_id, r.text, r.start, r.end)
            for r in conn.execute(select(m).where(m.c.document_id == document_id).order_by(m.c.start))
        ]
        quantities = [
            Quantity(r.low, r.high, r.unit, r.text, r.start, r.end, r.qualifier, r.per)
            for r in conn.execute(select(q).where(q.c.document_id == document_id).order_by(q.c.start))
        ]
        times = [
            TimeRef(r.text, r.value, r.resolution, r.start, r.end, r.kind)
            for r in conn.execute(select(t).where(t.c.document_id == document_id).order_by(t.c.start))
        ]
    return DocumentMarks(mentions, quantities, times)


def document_claims(engine: Engine, document_id: str, limit: int = 200, offset: int = 0) -> list[Claim]:
    c = schema.claims
    query = (
        select(c)
        .where(c.c.document_id == document_id)
        .order_by(c.c.start, c.c.id)
        .limit(limit)
        .offset(offset or None)
    )
    with engine.connect() as conn:
        return [claim_from_row(r) for r in conn.execute(query)]


def entity(engine: Engine, entity_id: str) -> Entity | None:
    e = schema.entities
    with engine.connect() as conn:
        row = conn.execute(select(e).where(e.c.id == entity_id)).first()
    return entity_from_row(row) if row is not None else None


def entities_page(
    engine: Engine, kind: str | None = None, limit: int = 50, offset: int = 0
) -> list[EntityRow]:
    """Entities named in reports, most mentioned first."""
    e, m = schema.entities, schema.mentions
    counts = (
        select(
            m.c.entity_id,
            func.count(m.c.id).label("mentions"),
            func.count(func.distinct(m.c.document_id)).label("documents"),
        )
        .group_by(m.c.entity_id)
        .subquery()
    )
    query = (
        select(e, counts.c.mentions, counts.c.documents)
        .join(counts, counts.c.entity_id == e.c.id)
        .order_by(counts.c.mentions.desc(), e.c.name, e.c.id)
    )
    if kind:
        query = query.where(e.c.kind == kind)
    with engine.connect() as conn:
        rows = conn.execute(query.limit(limit).offset(offset or None))
        return [
            EntityRow(
                Entity(r.id, r.name, r.kind, tuple(r.aliases or ()), r.wikidata), r.mentions, r.documents
            )
            for r in rows
        ]


def related_entities(engine: Engine, entity_id: str, limit: int = 12) -> list[tuple[Entity, int]]:
    """Entities named in the same claims as this one, with how many (over a bounded sample of its claims)."""
    links = schema.claim_entities
    sample = select(links.c.claim_id).where(links.c.entity_id == entity_id).limit(RELATED_SAMPLE).subquery()
    query = (
        select(links.c.entity_id, func.count().label("n"))
        .where(links.c.claim_id.in_(select(sample.c.claim_id)), links.c.entity_id != entity_id)
        .group_by(links.c.entity_id)
        .order_by(func.count().desc(), links.c.entity_id)
        .limit(limit)
    )
    with engine.connect() as conn:
        counted = [(r.entity_id, int(r.n)) for r in conn.execute(query)]
        e = schema.entities
        known = {
            r.id: entity_from_row(r)
            for r in conn.execute(select(e).where(e.c.id.in_([i for i, _ in counted])))
        }
    return [(known[i], n) for i, n in counted if i in known]


def claims_page(
    engine: Engine,
    entity_id: str | None = None,
    document_id: str | None = None,
    modality: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[Claim]:
    """Claims about an entity, from a document, of a modality, when asked; a page in an order an
    index gives (a document's in sentence order, others by id, which groups them by report), so
    a page of a popular entity's claims costs no sort of all of them."""
    c = schema.claims
    if entity_id:
        links = schema.claim_entities
        query = (
            select(c)
            .join(links, links.c.claim_id == c.c.id)
            .where(links.c.entity_id == entity_id)
            .order_by(links.c.claim_id)
        )
    elif document_id:
        query = select(c).order_by(c.c.start, c.c.id)
    else:
        query = select(c).order_by(c.c.id)
    if document_id:
        query = query.where(c.c.document_id == document_id)
    if modality:
        query = query.where(c.c.modality == modality)
    with engine.connect() as conn:
        return [claim_from_row(r) for r in conn.execute(query.limit(limit).offset(offset or None))]


def latest_figures(engine: Engine, limit: int) -> list[Claim]:
    """The claims with a figure (what indicators are tracked over) of the latest reports, newest first."""
    c, d = schema.claims, schema.documents
    # JSON None is stored as the text 'null' (the column's default), SQL NULL by a hand-made row.
    figured = func.coalesce(cast(c.c.quantity, String), "null") != "null"
    query = (
        select(c)
        .join(d, d.c.id == c.c.document_id)
        .where(figured)
        .order_by(d.c.seq.desc(), c.c.start, c.c.id)
        .limit(limit)
    )
    with engine.connect() as conn:
        return [claim_from_row(r) for r in conn.execute(query)]


def groups_page(engine: Engine, limit: int = 50, offset: int = 0) -> list[ClaimGroup]:
    """Every claim group, by its proposition."""
    g = schema.claim_groups
    query = select(g).order_by(g.c.key, g.c.id).limit(limit).offset(offset or None)
    with engine.connect() as conn:
        return [group_from_row(r) for r in conn.execute(query)]


def claim(engine: Engine, claim_id: str) -> tuple[Claim, Membership | None] | None:
    """One claim and how reconcile filed it."""
    c, m = schema.claims, schema.claim_memberships
    with engine.connect() as conn:
        row = conn.execute(select(c).where(c.c.id == claim_id)).first()
        if row is None:
            return None
        filed = conn.execute(select(m).where(m.c.claim_id == claim_id)).first()
    return claim_from_row(row), membership_from_row(filed) if filed is not None else None


def timeline(
    engine: Engine, filters: SearchFilters = NO_FILTERS, limit: int = 50, offset: int = 0
) -> list[TimelineEntry]:
    """Claims at the date each holds for, newest first; about one entity, in a span of dates."""
    c, m, links = schema.claims, schema.claim_memberships, schema.claim_entities
    query = select(c, m.c.date.label("holds")).join(m, m.c.claim_id == c.c.id).where(m.c.date.is_not(None))
    newest_first = [m.c.date.desc(), m.c.claim_id]
    if filters.entity_id and _claims_about(engine, filters.entity_id) < TIMELINE_WALK_FROM:
        # A rarely named entity: read its few claims and sort them, rather than walk every dated
        # claim in the store looking for its own (the date index suits the popular ones; the
        # sort key is an expression so that the planner does not walk that index here).
        query = query.join(links, links.c.claim_id == c.c.id).where(links.c.entity_id == filters.entity_id)
        newest_first = [func.coalesce(m.c.date, "").desc(), m.c.claim_id]
    elif filters.entity_id:
        query = query.where(
            exists().where(links.c.claim_id == c.c.id, links.c.entity_id == filters.entity_id)
        )
    query = query.where(*published_between(m.c.date, filters.date_from, filters.date_to))
    with engine.connect() as conn:
        rows = list(conn.execute(query.order_by(*newest_first).limit(limit).offset(offset or None)))
    return [TimelineEntry(r.holds, claim_from_row(_without(r, "holds"))) for r in rows]


def _claims_about(engine: Engine, entity_id: str) -> int:
    links = schema.claim_entities
    with engine.connect() as conn:
        some = select(links.c.claim_id).where(links.c.entity_id == entity_id).limit(TIMELINE_WALK_FROM)
        return int(conn.scalar(select(func.count()).select_from(some.subquery())) or 0)


def findings_page(
    engine: Engine, kind: FindingKind | None = None, limit: int = 20, offset: int = 0
) -> list[ClaimGroup]:
    """Claim groups with findings (of a kind, when asked), the most recently reported first."""
    g, m = schema.claim_groups, schema.claim_memberships
    latest = (
        select(m.c.group_id, func.max(m.c.seq).label("latest"))
        .where(m.c.group_id.is_not(None))
        .group_by(m.c.group_id)
        .subquery()
    )
    findings = cast(g.c.findings, String)
    query = (
        select(g)
        .outerjoin(latest, latest.c.group_id == g.c.id)
        .where(findings != "[]")
        .order_by(latest.c.latest.desc(), g.c.key, g.c.id)
    )
    if kind is not None:
        # Findings are a JSON list written by json.dumps on both backends: its kinds read as text.
        query = query.where(findings.contains(f'"kind": "{kind.value}"'))
    with engine.connect() as conn:
        return [group_from_row(r) for r in conn.execute(query.limit(limit).offset(offset or None))]


def group(engine: Engine, group_id: str) -> ClaimGroup | None:
    g = schema.claim_groups
    with engine.connect() as conn:
        row = conn.execute(select(g).where(g.c.id == group_id)).first()
    return group_from_row(row) if row is not None else None


def group_claims(
    engine: Engine, group_id: str, limit: int = 50, offset: int = 0
) -> list[tuple[Claim, Membership]]:
    """The claims filed under a group with their memberships, newest report first."""
    c, m = schema.claims, schema.claim_memberships
    query = (
        select(c, *(col.label(f"m_{col.name}") for col in m.columns))
        .join(m, m.c.claim_id == c.c.id)
        .where(m.c.group_id == group_id)
        .order_by(m.c.seq.desc(), m.c.claim_id.desc())
        .limit(limit)
        .offset(offset or None)
    )
    with engine.connect() as conn:
        rows = list(conn.execute(query))
    return [(claim_from_row(_only(r, c.columns.keys())), _membership(r)) for r in rows]


def claims_by_id(engine: Engine, ids: Iterable[str]) -> dict[str, Claim]:
    return {r.id: claim_from_row(r) for r in _rows_where_in(engine, schema.claims.c.id, ids)}


def memberships_by_claim(engine: Engine, ids: Iterable[str]) -> dict[str, Membership]:
    rows = _rows_where_in(engine, schema.claim_memberships.c.claim_id, ids)
    return {r.claim_id: membership_from_row(r) for r in rows}


def documents_by_id(engine: Engine, ids: Iterable[str]) -> dict[str, Document]:
    return {r.id: document_from_row(r) for r in _rows_where_in(engine, schema.documents.c.id, ids)}


def entities_by_id(engine: Engine, ids: Iterable[str]) -> dict[str, Entity]:
    return {r.id: entity_from_row(r) for r in _rows_where_in(engine, schema.entities.c.id, ids)}


def _rows_where_in(engine: Engine, column: Column[str], values: Iterable[str]) -> list[Row[Any]]:
    """The rows of ``column``'s table whose ``column`` is one of ``values``.

    Asked in chunks of 500: SQLite and PostgreSQL both cap the parameters of one statement.
    """
    wanted = sorted(set(values))
    with engine.connect() as conn:
        return [
            row
            for start in range(0, len(wanted), 500)
            for row in conn.execute(select(column.table).where(column.in_(wanted[start : start + 500])))
        ]


def newest_seq(engine: Engine) -> int:
    """The number of the newest report: it changes whenever a report is stored."""
    with engine.connect() as conn:
        return int(conn.scalar(select(func.max(schema.documents.c.seq))) or 0)


class _Row:
    """A result row narrowed to some of its columns, for the converters that read ``_mapping``."""

    def __init__(self, mapping: dict[str, object]) -> None:
        self._mapping = mapping

    def __getattr__(self, name: str) -> object:
        try:
            return self._mapping[name]
        except KeyError:
            raise AttributeError(name) from None


def _without(row: object, name: str) -> _Row:
    return _Row({k: v for k, v in row._mapping.items() if k != name})  # type: ignore[attr-defined]


def _only(row: object, names: list[str]) -> _Row:
    mapping = row._mapping  # type: ignore[attr-defined]
    return _Row({k: mapping[k] for k in names})


def _membership(row: object) -> Membership:
    mapping = row._mapping  # type: ignore[attr-defined]
    return membership_from_row(_Row({k[2:]: v for k, v in mapping.items() if k.startswith("m_")}))
