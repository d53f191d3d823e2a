"""The only writer: each document all or nothing, keyed by content hash."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import Connection, Engine, Table, delete, func, insert, select
from sqlalchemy.exc import DataError, IntegrityError

from claimgraph.checkpoints import reached
from claimgraph.records import Analysis, ClaimGroup, Entity, Known, Membership, Rejection
from claimgraph.store import schema
from claimgraph.store.convert import claim_row, document_row, entity_row, flat_row, group_row, membership_row
from claimgraph.store.locks import writing

Result = Analysis | Rejection | Known


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")  # ties within a second stay ordered


def save_analysis(engine: Engine, analysis: Analysis) -> bool:
    """Save a document and all extracted from it, in one transaction; False when already stored."""
    with writing(engine) as conn:
        return _save_document(conn, analysis)


class Outcome(StrEnum):
    INGESTED = "ingested"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class Saved:
    """What became of one result of a batch."""

    source: str
    outcome: Outcome
    rejection: Rejection | None = None  # the input's own, or why its document could not be stored


def save_batch(engine: Engine, results: Sequence[Result], digests: Sequence[str | None] = ()) -> list[Saved]:
    """Save many results in one write transaction (see save_results)."""
    with writing(engine) as conn:
        return save_results(conn, results, digests)


def save_results(
    conn: Connection, results: Sequence[Result], digests: Sequence[str | None] = ()
) -> list[Saved]:
    """Save many results on a write transaction, each document under its own savepoint.

    A document the store refuses (a constraint, a value the backend cannot hold) is rolled back
    alone and recorded as a rejection with the reason; the others are kept. A rejection is
    recorded once per input and reason, however often the input is read. ``digests`` (one per
    result, or none) are the inputs' digests, kept with the document they gave, so the same
    input read again is known before it is analysed; a Known result was recognised so already.
    """
    saved: list[Saved] = []
    for result, digest in zip(results, list(digests) or [None] * len(results), strict=True):
        if isinstance(result, Known):
            saved.append(Saved(result.source, Outcome.DUPLICATE))
            continue
        if isinstance(result, Rejection):
            _record_rejection(conn, result)
            saved.append(Saved(result.source, Outcome.REJECTED, result))
            continue
        try:
            with conn.begin_nested():
                stored = _save_document(conn, result)
                if digest is not None:
                    _save_digest(conn, digest, result.document.id)
        except (IntegrityError, DataError) as error:
            reason = str(error.orig or error).strip().splitlines()[0]
            rejection = Rejection(result.document.source, f"cannot store: {reason}")
            _record_rejection(conn, rejection)
            saved.append(Saved(rejection.source, Outcome.REJECTED, rejection))
            continue
        saved.append(Saved(result.document.source, Outcome.INGESTED if stored else Outcome.DUPLICATE))
        reached("document-saved")
    return saved


def _record_rejection(conn: Connection, rejection: Rejection) -> None:
    table = schema.rejections
    seen = select(table.c.id).where(table.c.source == rejection.source, table.c.reason == rejection.reason)
    if conn.execute(seen.limit(1)).first() is None:
        _insert(conn, table, [{**flat_row(rejection), "at": now()}])


def _save_digest(conn: Connection, digest: str, document_id: str) -> None:
    table = schema.input_digests
    if conn.execute(select(table.c.digest).where(table.c.digest == digest)).first() is None:
        _insert(conn, table, [{"digest": digest, "document_id": document_id}])


def _save_document(conn: Connection, analysis: Analysis) -> bool:
    document = analysis.document
    if conn.execute(select(schema.documents.c.id).where(schema.documents.c.id == document.id)).first():
        return False
    last = conn.scalar(select(func.max(schema.documents.c.seq))) or 0  # by ix_documents_seq
    conn.execute(insert(schema.documents), [{**document_row(document, now()), "seq": last + 1}])
    _save_entities(conn, analysis.entities)
    _insert(
        conn,
        schema.mentions,
        [{**flat_row(m), "document_id": document.id} for m in analysis.mentions],
    )
    _insert(
        conn,
        schema.quantities,
        [{**flat_row(q), "document_id": document.id} for q in analysis.quantities],
    )
    _insert(conn, schema.times, [{**flat_row(t), "document_id": document.id} for t in analysis.times])
    _insert(conn, schema.claims, [claim_row(c) for c in analysis.claims])
    links = {(c.id, e) for c in analysis.claims for e in (*c.entities, c.subject, c.object) if e}
    _insert(conn, schema.claim_entities, [{"claim_id": c, "entity_id": e} for c, e in sorted(links)])
    return True


def save_rejection(engine: Engine, rejection: Rejection) -> None:
    with writing(engine) as conn:
        _record_rejection(conn, rejection)


def replace_groups(engine: Engine, groups: Iterable[ClaimGroup], stale: Iterable[str] = ()) -> None:
    """Put the given groups in place of any with the same ids, and drop the stale ones."""
    rows = [group_row(g) for g in groups]
    drop = {r["id"] for r in rows} | set(stale)
    with writing(engine) as conn:
        if drop:
            conn.execute(delete(schema.claim_groups).where(schema.claim_groups.c.id.in_(drop)))
        _insert(conn, schema.claim_groups, rows)


def save_reconciliation(
    engine: Engine, memberships: Iterable[Membership], groups: Iterable[ClaimGroup], stale: Iterable[str] = ()
) -> None:
    """File claims under their groups and put the re-assessed groups in place, in one transaction,
    so a crash never leaves claims filed under groups that were not re-assessed."""
    rows = [membership_row(m) for m in memberships]
    group_rows = [group_row(g) for g in groups]
    drop = list({r["id"] for r in group_rows} | set(stale))
    filed, kept = schema.claim_memberships, schema.claim_groups
    with writing(engine) as conn:
        for start in range(0, len(rows), 500):
            chunk = rows[start : start + 500]
            conn.execute(delete(filed).where(filed.c.claim_id.in_([r["claim_id"] for r in chunk])))
            _insert(conn, filed, chunk)
        for start in range(0, len(drop), 500):
            conn.execute(delete(kept).where(kept.c.id.in_(drop[start : start + 500])))
        _insert(conn, kept, group_rows)


def clear_reconciliation(engine: Engine) -> None:
    """Forget every membership and group, so the next reconcile starts from scratch."""
    with writing(engine) as conn:
        conn.execute(delete(schema.claim_memberships))
        conn.execute(delete(schema.claim_groups))


def _save_entities(conn: Connection, entities: Iterable[Entity]) -> None:
    wanted = {e.id: e for e in entities}
    if not wanted:
        return
    have = set(conn.scalars(select(schema.entities.c.id).where(schema.entities.c.id.in_(wanted))))
    _insert(conn, schema.entities, [entity_row(e) for i, e in wanted.items() if i not in have])


def _insert(conn: Connection, table: Table, rows: list[dict[str, object]]) -> None:
    if rows:
        conn.execute(insert(table), rows)
