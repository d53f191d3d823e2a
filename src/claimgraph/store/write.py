"""The only writer: one transaction per document, keyed by content hash."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, Table, delete, insert, select

from claimgraph.records import Analysis, ClaimGroup, Entity, Rejection
from claimgraph.store import schema
from claimgraph.store.convert import claim_row, document_row, entity_row, group_row


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def save_analysis(engine: Engine, analysis: Analysis) -> bool:
    """Save a document and all extracted from it; False when it was already stored."""
    document = analysis.document
    with engine.begin() as conn:
        if conn.execute(select(schema.documents.c.id).where(schema.documents.c.id == document.id)).first():
            return False
        conn.execute(insert(schema.documents), [document_row(document, now())])
        _save_entities(conn, analysis.entities)
        _insert(
            conn,
            schema.mentions,
            [{**asdict(m), "document_id": document.id} for m in analysis.mentions],
        )
        _insert(
            conn,
            schema.quantities,
            [{**asdict(q), "document_id": document.id} for q in analysis.quantities],
        )
        _insert(conn, schema.times, [{**asdict(t), "document_id": document.id} for t in analysis.times])
        _insert(conn, schema.claims, [claim_row(c) for c in analysis.claims])
        links = {(c.id, e) for c in analysis.claims for e in (*c.entities, c.subject, c.object) if e}
        _insert(conn, schema.claim_entities, [{"claim_id": c, "entity_id": e} for c, e in sorted(links)])
    return True


def save_rejection(engine: Engine, rejection: Rejection) -> None:
    with engine.begin() as conn:
        conn.execute(insert(schema.rejections), [{**asdict(rejection), "at": now()}])


def replace_groups(engine: Engine, groups: Iterable[ClaimGroup], stale: Iterable[str] = ()) -> None:
    """Put the given groups in place of any with the same ids, and drop the stale ones."""
    rows = [group_row(g) for g in groups]
    drop = {r["id"] for r in rows} | set(stale)
    with engine.begin() as conn:
        if drop:
            conn.execute(delete(schema.claim_groups).where(schema.claim_groups.c.id.in_(drop)))
        _insert(conn, schema.claim_groups, rows)


def _save_entities(conn: Connection, entities: Iterable[Entity]) -> None:
    wanted = {e.id: e for e in entities}
    if not wanted:
        return
    have = set(conn.scalars(select(schema.entities.c.id).where(schema.entities.c.id.in_(wanted))))
    _insert(conn, schema.entities, [entity_row(e) for i, e in wanted.items() if i not in have])


def _insert(conn: Connection, table: Table, rows: list[dict[str, object]]) -> None:
    if rows:
        conn.execute(insert(table), rows)
