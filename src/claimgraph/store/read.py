"""Queries the views and the reconcile stage read the store with."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Engine, func, or_, select

from claimgraph.records import Claim, ClaimGroup, Document, Entity, Rejection
from claimgraph.store import schema
from claimgraph.store.convert import (
    claim_from_row,
    document_from_row,
    entity_from_row,
    group_from_row,
)


@dataclass(frozen=True, slots=True)
class EntityCount:
    entity: Entity
    mentions: int
    documents: int


def documents(engine: Engine) -> list[Document]:
    with engine.connect() as conn:
        rows = conn.execute(select(schema.documents).order_by(schema.documents.c.source))
        return [document_from_row(r) for r in rows]


def rejections(engine: Engine) -> list[Rejection]:
    with engine.connect() as conn:
        rows = conn.execute(select(schema.rejections).order_by(schema.rejections.c.id))
        return [Rejection(source=r.source, reason=r.reason) for r in rows]


def entity_counts(engine: Engine, limit: int | None = None) -> list[EntityCount]:
    """Entities by how often they are named, with the number of documents naming them."""
    m = schema.mentions
    query = (
        select(
            schema.entities,
            func.count(m.c.id).label("mention_count"),
            func.count(func.distinct(m.c.document_id)).label("document_count"),
        )
        .join(m, m.c.entity_id == schema.entities.c.id)
        .group_by(schema.entities.c.id)
        .order_by(func.count(m.c.id).desc(), schema.entities.c.name)
        .limit(limit)
    )
    with engine.connect() as conn:
        return [
            EntityCount(
                Entity(r.id, r.name, r.kind, tuple(r.aliases or ()), r.wikidata),
                r.mention_count,
                r.document_count,
            )
            for r in conn.execute(query)
        ]


def find_entity(engine: Engine, name: str) -> Entity | None:
    """An entity by id, canonical name or any name it was mentioned by (case-blind)."""
    lowered = name.strip().lower()
    e, m = schema.entities, schema.mentions
    with engine.connect() as conn:
        row = conn.execute(
            select(e).where(or_(e.c.id == lowered, func.lower(e.c.name) == lowered)).limit(1)
        ).first()
        if row is None:
            row = conn.execute(
                select(e).join(m, m.c.entity_id == e.c.id).where(func.lower(m.c.text) == lowered).limit(1)
            ).first()
        if row is not None:
            return entity_from_row(row)
        # Aliases are a JSON list: matched here rather than in SQL, the same way on every backend.
        for candidate in conn.execute(select(e)):
            if lowered in (alias.lower() for alias in candidate.aliases or ()):
                return entity_from_row(candidate)
        return None


def entity_aliases_seen(engine: Engine, entity_id: str) -> list[str]:
    m = schema.mentions
    with engine.connect() as conn:
        return sorted(set(conn.scalars(select(m.c.text).where(m.c.entity_id == entity_id))))


def entity_documents(engine: Engine, entity_id: str) -> list[Document]:
    m, d = schema.mentions, schema.documents
    with engine.connect() as conn:
        ids = select(m.c.document_id).where(m.c.entity_id == entity_id).distinct()
        rows = conn.execute(select(d).where(d.c.id.in_(ids)).order_by(d.c.source))
        return [document_from_row(r) for r in rows]


def claims(engine: Engine, entity_id: str | None = None, ids: Iterable[str] | None = None) -> list[Claim]:
    """Claims in document order; about one entity, or with the given ids, when asked."""
    c = schema.claims
    query = select(c).order_by(c.c.document_id, c.c.start, c.c.id)
    if entity_id is not None:
        links = schema.claim_entities
        query = query.where(c.c.id.in_(select(links.c.claim_id).where(links.c.entity_id == entity_id)))
    if ids is not None:
        query = query.where(c.c.id.in_(list(ids)))
    with engine.connect() as conn:
        return [claim_from_row(r) for r in conn.execute(query)]


def entities(engine: Engine, ids: Iterable[str] | None = None) -> dict[str, Entity]:
    query = select(schema.entities)
    if ids is not None:
        query = query.where(schema.entities.c.id.in_(list(ids)))
    with engine.connect() as conn:
        return {r.id: entity_from_row(r) for r in conn.execute(query)}


def groups(engine: Engine) -> list[ClaimGroup]:
    with engine.connect() as conn:
        rows = conn.execute(select(schema.claim_groups).order_by(schema.claim_groups.c.key))
        return [group_from_row(r) for r in rows]
