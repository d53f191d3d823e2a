"""Near-duplicate signatures and their LSH bands: written after their documents, looked up by band.

A new document's candidates are the stored documents sharing one of its band keys, found
through an index, so checking a document costs the same whatever the store holds and
nothing about the stored reports is kept in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Select, bindparam, insert, select

from claimgraph.clean.dedup import band_keys
from claimgraph.store import schema
from claimgraph.store.locks import writing


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stored document that shares a band with a new one: its signature and what it copies."""

    document_id: str
    source: str
    near_duplicate_of: str | None
    signature: bytes


@dataclass(frozen=True, slots=True)
class Unsigned:
    """A stored document without a signature in this scheme, and its body to make one from."""

    document_id: str
    body: str


def save_signatures(bind: Engine | Connection, scheme: str, signatures: Iterable[tuple[str, bytes]]) -> None:
    """Save (document id, signature) pairs and their band keys; a signature already there is replaced.

    Band keys are only ever added: a stale key of a replaced signature finds its document
    as one more candidate, which the similarity check then judges on the current signature.
    """
    pairs = list(signatures)
    if not pairs:
        return
    sigs = schema.document_signatures
    with _writing(bind) as conn:
        conn.execute(sigs.delete().where(sigs.c.document_id.in_([i for i, _ in pairs])))
        conn.execute(insert(sigs), [{"document_id": i, "scheme": scheme, "signature": s} for i, s in pairs])
        rows = [{"document_id": i, "key": key} for i, s in pairs for key in band_keys(s)]
        conn.execute(insert(schema.document_bands), rows)


def _candidates_query() -> Select[Any]:
    """Built once: constructing the expression per document cost more than running it."""
    bands, sigs, docs = schema.document_bands, schema.document_signatures, schema.documents
    matching = select(bands.c.document_id).where(bands.c.key.in_(bindparam("keys", expanding=True)))
    return (
        select(docs.c.id, docs.c.source, docs.c.near_duplicate_of, sigs.c.signature)
        .join(sigs, sigs.c.document_id == docs.c.id)
        .where(
            docs.c.id.in_(matching), docs.c.id != bindparam("exclude"), sigs.c.scheme == bindparam("scheme")
        )
    )


_CANDIDATES = _candidates_query()


def candidates(bind: Engine | Connection, scheme: str, keys: Sequence[int], exclude: str) -> list[Candidate]:
    """Stored documents sharing at least one band key with ``keys`` (one key per band)."""
    params = {"scheme": scheme, "exclude": exclude, "keys": list(keys)}
    with _reading(bind) as conn:
        rows = conn.execute(_CANDIDATES, params)
        return [Candidate(r.id, r.source, r.near_duplicate_of, bytes(r.signature)) for r in rows]


def candidate_texts(bind: Engine | Connection, ids: Sequence[str]) -> dict[str, tuple[str, str | None]]:
    """The body and credited source of each of these stored documents, to judge a copy on."""
    if not ids:
        return {}
    docs = schema.documents
    query = select(docs.c.id, docs.c.body, docs.c.original_source).where(docs.c.id.in_(list(ids)))
    with _reading(bind) as conn:
        return {r.id: (r.body, r.original_source) for r in conn.execute(query)}


def source_of(bind: Engine | Connection, document_id: str) -> str | None:
    with _reading(bind) as conn:
        return conn.scalar(select(schema.documents.c.source).where(schema.documents.c.id == document_id))


def unsigned_documents(engine: Engine, scheme: str, chunk: int = 500) -> Iterator[list[Unsigned]]:
    """Stored documents without a signature (and so band keys) in this scheme, stored by an older
    version or cut short, a chunk at a time with their bodies."""
    docs, sigs = schema.documents, schema.document_signatures
    signed = select(sigs.c.document_id).where(sigs.c.scheme == scheme)
    with engine.connect() as conn:
        missing = sorted(conn.scalars(select(docs.c.id).where(docs.c.id.not_in(signed))))
    for start in range(0, len(missing), chunk):
        query = select(docs.c.id, docs.c.body).where(docs.c.id.in_(missing[start : start + chunk]))
        with engine.connect() as conn:
            rows = list(conn.execute(query))
        yield [Unsigned(r.id, r.body) for r in rows]


def _reading(bind: Engine | Connection) -> AbstractContextManager[Connection]:
    """The caller's connection (inside its transaction, seeing its writes), or a new one."""
    return nullcontext(bind) if isinstance(bind, Connection) else bind.connect()


def _writing(bind: Engine | Connection) -> AbstractContextManager[Connection]:
    return nullcontext(bind) if isinstance(bind, Connection) else writing(bind)
