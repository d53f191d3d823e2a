"""Writers take turns, so two ingests into one store end as one ingest would.

- ``writing``: a write transaction holding the store's write lock from its first statement.
  On SQLite, BEGIN IMMEDIATE (waiting out another writer, then retrying); on PostgreSQL, a
  transaction-level advisory lock keyed by the store's schema. A batch links its near-duplicates,
  stores its documents and their signatures under one such lock, so no two writers miss each
  other's copies or number reports alike. Each such transaction is short: one batch.
- ``reconciling``: reconcile reads the filed claims, files new ones and re-assesses their groups;
  two reconciles at once would each overwrite the other's groups. It holds a lock of its own for
  its whole pass (not the write lock: batches go on being stored meanwhile): a file lock beside
  an SQLite store, a session-level advisory lock on PostgreSQL. Both are freed by the operating
  system or the server when the process holding them dies, so a killed run never blocks the next.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock
from sqlalchemy import Connection, Engine, text

from claimgraph.errors import StoreError
from claimgraph.store.engine import WRITE_OPTION

# Advisory lock spaces (the first key); the second key is the store's schema, so stores that
# share a server (each test in its own schema) do not wait for one another.
_WRITE_SPACE = 72_420
_RECONCILE_SPACE = 72_421
_SCHEMA_KEY = "hashtext(current_schema())"


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A transaction that holds the store's write lock until it commits or rolls back."""
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(
                text(f"SELECT pg_advisory_xact_lock(:space, {_SCHEMA_KEY})"), {"space": _WRITE_SPACE}
            )
        yield conn


@contextmanager
def reconciling(engine: Engine) -> Iterator[None]:
    """Held while one process reconciles the store; another waits for it."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            key = {"space": _RECONCILE_SPACE}
            conn.execute(text(f"SELECT pg_advisory_lock(:space, {_SCHEMA_KEY})"), key)
            conn.commit()  # the lock belongs to the session: no transaction is left open
            try:
                yield
            finally:
                conn.execute(text(f"SELECT pg_advisory_unlock(:space, {_SCHEMA_KEY})"), key)
                conn.commit()
        return
    path = lock_path(engine)
    if path is None:  # an in-memory store lives in one process
        yield
        return
    try:
        lock = FileLock(str(path))
        lock.acquire()
    except OSError as error:
        raise StoreError(
            f"cannot lock the store for reconciling ({path}): {error.strerror or error}"
        ) from error
    try:
        yield
    finally:
        lock.release()


def lock_path(engine: Engine) -> Path | None:
    """The reconcile lock file of an SQLite store: beside it, named like its -wal and -shm files."""
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file::memory:"):
        return None
    if database.startswith("file:"):  # a URI filename (?mode=ro&uri=true)
        database = database[len("file:") :].split("?", 1)[0]
    return Path(f"{database}-lock")
