"""Near-duplicate signatures: written after their documents, read back to rebuild the index."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import Engine, insert, select

from claimgraph.store import schema


@dataclass(frozen=True, slots=True)
class StoredSignature:
    """A stored document's signature (None when it has none in this scheme) and what it copies."""

    document_id: str
    source: str
    near_duplicate_of: str | None
    signature: bytes | None
    body: str | None  # only for documents without a signature, so one can be made


def save_signatures(engine: Engine, scheme: str, signatures: Iterable[tuple[str, bytes]]) -> None:
    """Save (document id, signature) pairs; ids that already have one are replaced."""
    rows = [{"document_id": i, "scheme": scheme, "signature": s} for i, s in signatures]
    if not rows:
        return
    table = schema.document_signatures
    with engine.begin() as conn:
        conn.execute(table.delete().where(table.c.document_id.in_([r["document_id"] for r in rows])))
        conn.execute(insert(table), rows)


def stored_signatures(engine: Engine, scheme: str) -> Iterator[StoredSignature]:
    """Every stored document in ingest order with its signature, or its body when it has none."""
    d, s = schema.documents, schema.document_signatures
    query = (
        select(d.c.id, d.c.source, d.c.near_duplicate_of, s.c.signature, s.c.scheme)
        .outerjoin(s, s.c.document_id == d.c.id)
        .order_by(d.c.ingested_at, d.c.id)
    )
    with engine.connect() as conn:
        missing: list[str] = []
        for row in conn.execute(query):
            if row.signature is not None and row.scheme == scheme:
                yield StoredSignature(row.id, row.source, row.near_duplicate_of, bytes(row.signature), None)
            else:
                missing.append(row.id)
        for start in range(0, len(missing), 500):
            chunk = missing[start : start + 500]
            query = select(d.c.id, d.c.source, d.c.near_duplicate_of, d.c.body).where(d.c.id.in_(chunk))
            for unsigned in conn.execute(query):
                yield StoredSignature(
                    unsigned.id, unsigned.source, unsigned.near_duplicate_of, None, unsigned.body
                )
