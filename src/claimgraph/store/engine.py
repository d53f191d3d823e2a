"""Open the store: an SQLAlchemy engine on SQLite or PostgreSQL, migrated to the newest schema."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from claimgraph.errors import StoreError
from claimgraph.store.migrate import upgrade

# SQLAlchemy's default driver for these schemes is psycopg2; claimgraph ships psycopg 3.
_POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def database_url(db: str) -> str:
    """A path becomes an SQLite URL; a PostgreSQL URL gets the psycopg driver; others stay as they are."""
    if "://" not in db:
        return f"sqlite:///{Path(db).expanduser()}"
    for scheme in _POSTGRES_SCHEMES:
        if db.startswith(scheme):
            return "postgresql+psycopg://" + db[len(scheme) :]
    return db


def open_engine(db: str) -> Engine:
    """An engine on the store, its schema brought to the newest migration (created on first use)."""
    url = database_url(db)
    shown = _without_password(url)
    try:
        engine = create_engine(url)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_connect)
            event.listen(engine, "begin", _sqlite_begin)
        upgrade(engine)
    except ImportError as error:
        raise StoreError(
            f"cannot open store {shown}: {error} (pip install 'claimgraph[postgres]')"
        ) from error
    except SQLAlchemyError as error:
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        raise StoreError(f"cannot open store {shown}: {reason}") from error
    return engine


def _without_password(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return repr(url)


def _sqlite_connect(connection: object, _record: object) -> None:
    # SQLAlchemy, not the driver, begins transactions (see _sqlite_begin): otherwise pysqlite
    # defers BEGIN past SAVEPOINT and DDL, which breaks per-document savepoints and migrations.
    connection.isolation_level = None  # type: ignore[attr-defined]
    cursor = connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA journal_mode=WAL")  # readers go on while ingest writes
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA cache_size=-16384")  # 16 MB: the lookup indexes stay cached as a store grows
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN")
