"""Queries the views and the reconcile stage read the store with."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, func, or_, select

from claimgraph.records import Claim, ClaimGroup, Document, Entity, Membership, Mention, Rejection
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
    """An entity by id, canonical name or any name it was mentioned by, blind to case in any script
    ("ömer çelik" finds "Ömer Çelik"): lower() folds Unicode case on both backends (store.engine)."""
    wanted = name.strip()
    folded = wanted.casefold()
    e, m = schema.entities, schema.mentions
    with engine.connect() as conn:
        row = conn.execute(
            select(e)
            .where(
                or_(e.c.id.in_({wanted, wanted.lower(), folded}), func.lower(e.c.name) == func.lower(wanted))
            )
            .limit(1)
        ).first()
        if row is None:
            row = conn.execute(
                select(e)
                .join(m, m.c.entity_id == e.c.id)
                .where(func.lower(m.c.text) == func.lower(wanted))
                .limit(1)
            ).first()
        if row is not None:
            return entity_from_row(row)
        # Aliases are a JSON list: matched here rather than in SQL, the same way on every backend.
        for candidate in conn.execute(select(e)):
            if folded in (alias.casefold() for alias in candidate.aliases or ()):
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


def unreconciled_documents(bind: Engine | Connection, among: Iterable[str] | None = None) -> list[str]:
    """Ids of documents with claims reconcile has not filed yet (stored by a run cut short, by
    another process, or by an older version); only those among the given ids, when asked."""
    c, m = schema.claims, schema.claim_memberships
    query = (
        select(c.c.document_id)
        .outerjoin(m, m.c.claim_id == c.c.id)
        .where(m.c.claim_id.is_(None))
        .distinct()
        .order_by(c.c.document_id)
    )
    with _reading(bind) as conn:
        if among is None:
            return list(conn.scalars(query))
        wanted = sorted(set(among))
        return sorted(
            {
                i
                for start in range(0, len(wanted), 500)
                for i in conn.scalars(query.where(c.c.document_id.in_(wanted[start : start + 500])))
            }
        )


def document_for_input(engine: Engine, digest: str) -> str | None:
    """The stored document an input with this digest gave, if any."""
    table = schema.input_digests
    with engine.connect() as conn:
        return conn.scalar(select(table.c.document_id).where(table.c.digest == digest))


def last_seq(bind: Engine | Connection) -> int:
    """The place of the last report stored in the order reports came in (0 for an empty store)."""
    with _reading(bind) as conn:
        return int(conn.scalar(select(func.max(schema.documents.c.seq))) or 0)


def entities_since(bind: Engine | Connection, seq: int) -> list[Entity]:
    """The entities named by the reports stored after place ``seq`` (by any process)."""
    e, m, d = schema.entities, schema.mentions, schema.documents
    later = select(m.c.entity_id).join(d, d.c.id == m.c.document_id).where(d.c.seq > seq)
    with _reading(bind) as conn:
        return [entity_from_row(r) for r in conn.execute(select(e).where(e.c.id.in_(later)))]


def _reading(bind: Engine | Connection) -> AbstractContextManager[Connection]:
    """The caller's connection (seeing its transaction's writes), or a new one."""
    return nullcontext(bind) if isinstance(bind, Connection) else bind.connect()


def document_claims(engine: Engine, document_ids: Iterable[str]) -> list[Claim]:
    """The claims of the given documents, in document order."""
    c = schema.claims
    query = (
        select(c).where(c.c.document_id.in_(list(document_ids))).order_by(c.c.document_id, c.c.start, c.c.id)
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


def memberships(engine: Engine, claim_ids: Iterable[str] | None = None) -> dict[str, Membership]:
    """How reconcile filed each claim (its group and origin), by claim id; only the given claims if asked."""
    m = schema.claim_memberships
    query = select(m).order_by(m.c.claim_id)
    if claim_ids is not None:
        query = query.where(m.c.claim_id.in_(list(claim_ids)))
    with engine.connect() as conn:
        return {r.claim_id: membership_from_row(r) for r in conn.execute(query)}


def mentions(engine: Engine) -> list[tuple[str, Mention]]:
    """Every mention with its document id, in document and body order (for exports)."""
    m = schema.mentions
    query = select(m).order_by(m.c.document_id, m.c.start, m.c.id)
    with engine.connect() as conn:
        return [(r.document_id, Mention(r.entity_id, r.text, r.start, r.end)) for r in conn.execute(query)]


def ingest_dates(engine: Engine) -> dict[str, str]:
    """The day each document was stored (ISO), by document id: when an analyst first could see it."""
    d = schema.documents
    with engine.connect() as conn:
        return {r.id: str(r.ingested_at)[:10] for r in conn.execute(select(d.c.id, d.c.ingested_at))}
