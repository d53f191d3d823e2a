"""Open the store: an SQLAlchemy engine with the schema in place."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import SQLAlchemyError

from claimgraph.errors import StoreError
from claimgraph.store.schema import metadata


def database_url(db: str) -> str:
    """A path becomes an SQLite URL; a URL is taken as it is."""
    return db if "://" in db else f"sqlite:///{Path(db).expanduser()}"


def open_engine(db: str) -> Engine:
    """An engine on the store, creating its tables on first use."""
    url = database_url(db)
    try:
        engine = create_engine(url)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        metadata.create_all(engine)
    except SQLAlchemyError as error:
        raise StoreError(f"cannot open store {db!r}: {error}") from error
    return engine


def _sqlite_pragmas(connection: object, _record: object) -> None:
    cursor = connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA journal_mode=WAL")  # readers go on while ingest writes
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
