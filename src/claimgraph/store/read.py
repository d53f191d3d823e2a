"""Queries the views and the reconcile stage read the store with."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Engine, func, or_, select

from claimgraph.records import Claim, ClaimGroup, Document, Entity, Membership, Rejection
from claimgraph.store import schema
from claimgraph.store.convert import (
    claim_from_row,
    document_from_row,
    entity_from_row,
    group_from_row,
    membership_from_row,
)


@dataclass(frozen=True, slots=True)
class EntityCount:
    entity: Entity
    mentions: int
    documents: int


def documents(engine: Engine, ids: Iterable[str] | None = None) -> list[Document]:
    """Documents by source; only those with the given ids, when asked."""
    query = select(schema.documents).order_by(schema.documents.c.source)
    if ids is not None:
        query = query.where(schema.documents.c.id.in_(list(ids)))
    with engine.connect() as conn:
        return [document_from_row(r) for r in conn.execute(query)]


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
        return sorted(conn.scalars(select(m.c.text).where(m.c.entity_id == entity_id).distinct()))


def entity_mention_counts(engine: Engine, entity_id: str) -> list[tuple[str, str, int]]:
    """How often each document names the entity by each name: (document id, name, mentions)."""
    m = schema.mentions
    query = (
        select(m.c.document_id, m.c.text, func.count(m.c.id))
        .where(m.c.entity_id == entity_id)
        .group_by(m.c.document_id, m.c.text)
        .order_by(m.c.document_id, m.c.text)
    )
    with engine.connect() as conn:
        return [(r[0], r[1], int(r[2])) for r in conn.execute(query)]


def entity_documents(
    engine: Engine, entity_id: str, limit: int | None = None, offset: int = 0
) -> list[Document]:
    """Documents naming the entity, by source; a page of them when a limit is given."""
    m, d = schema.mentions, schema.documents
    # EXISTS walks documents in source order and stops at the page's end; IN would sort them all.
    names = select(m.c.id).where(m.c.document_id == d.c.id, m.c.entity_id == entity_id).exists()
    query = select(d).where(names).order_by(d.c.source, d.c.id).limit(limit).offset(offset or None)
    with engine.connect() as conn:
        return [document_from_row(r) for r in conn.execute(query)]


def claims(
    engine: Engine,
    entity_id: str | None = None,
    ids: Iterable[str] | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[Claim]:
    """Claims in document order; about one entity, or with the given ids, when asked; a page when limited."""
    c = schema.claims
    query = select(c).order_by(c.c.document_id, c.c.start, c.c.id).limit(limit).offset(offset or None)
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


def groups(engine: Engine, ids: Iterable[str] | None = None) -> list[ClaimGroup]:
    """Claim groups by key; only those with the given ids, when asked."""
    query = select(schema.claim_groups).order_by(schema.claim_groups.c.key, schema.claim_groups.c.id)
    if ids is not None:
        query = query.where(schema.claim_groups.c.id.in_(list(ids)))
    with engine.connect() as conn:
        return [group_from_row(r) for r in conn.execute(query)]


def unreconciled_documents(engine: Engine) -> list[str]:
    """Ids of documents with claims reconcile has not filed yet (after a crash, or from an older store)."""
    c, m = schema.claims, schema.claim_memberships
    query = (
        select(c.c.document_id)
        .outerjoin(m, m.c.claim_id == c.c.id)
        .where(m.c.claim_id.is_(None))
        .distinct()
        .order_by(c.c.document_id)
    )
    with engine.connect() as conn:
        return list(conn.scalars(query))


def document_claims(engine: Engine, document_ids: Iterable[str]) -> list[Claim]:
    """The claims of the given documents, in document order."""
    c = schema.claims
    query = (
        select(c)
        .where(c.c.document_id.in_(list(document_ids)))
        .order_by(c.c.document_id, c.c.start, c.c.id)
    )
    with engine.connect() as conn:
        return [claim_from_row(r) for r in conn.execute(query)]


def group_members(
    engine: Engine,
    group_ids: Iterable[str],
    window: int | None = None,
    least: int = 0,
    most: int | None = None,
) -> tuple[list[Claim], dict[str, Membership]]:
    """The claims filed under the groups, with their memberships; given a ``window``, only those
    each group is assessed on: whose reports came within ``window`` reports of its newest, at
    least ``least`` and at most ``most``, newest first (as reconcile.groups.latest in memory)."""
    c, m = schema.claims, schema.claim_memberships
    filed: dict[str, Membership] = {}
    with engine.connect() as conn:
        for group_id in sorted(set(group_ids)):
            newest = select(m).where(m.c.group_id == group_id).order_by(m.c.seq.desc(), m.c.claim_id.desc())
            if window is None:
                rows = list(conn.execute(newest))
            else:
                top = conn.scalar(select(func.max(m.c.seq)).where(m.c.group_id == group_id))
                rows = list(conn.execute(newest.where(m.c.seq > (top or 0) - window).limit(most)))
                if len(rows) < least:
                    rows = list(conn.execute(newest.limit(least)))
            filed.update({r.claim_id: membership_from_row(r) for r in rows})
        ids = list(filed)
        rows = [
            r
            for start in range(0, len(ids), 500)
            for r in conn.execute(select(c).where(c.c.id.in_(ids[start : start + 500])))
        ]
        return [claim_from_row(r) for r in rows], filed


def document_order(engine: Engine, ids: Iterable[str]) -> dict[str, int | None]:
    """Each document's place in the order reports came in."""
    d = schema.documents
    wanted = list(dict.fromkeys(ids))
    with engine.connect() as conn:
        return {
            r.id: r.seq
            for start in range(0, len(wanted), 500)
            for r in conn.execute(select(d.c.id, d.c.seq).where(d.c.id.in_(wanted[start : start + 500])))
        }
