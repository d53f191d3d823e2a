"""Open the store: an SQLAlchemy engine on SQLite or PostgreSQL, migrated to the newest schema."""

from __future__ import annotations

import contextlib
import sqlite3
import time
from pathlib import Path
from urllib.parse import unquote

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext, make_url
from sqlalchemy.exc import (
    ArgumentError,
    DataError,
    IntegrityError,
    InternalError,
    OperationalError,
    ProgrammingError,
    SQLAlchemyError,
)

from claimgraph.errors import StoreError
from claimgraph.store.migrate import UnknownRevision, upgrade

# SQLAlchemy's default driver for these schemes is psycopg2; claimgraph ships psycopg 3.
_POSTGRES_SCHEMES = ("postgresql://", "postgres://")
# How long an SQLite writer waits for another to finish, per try, and how many tries: another
# process's write transaction is short (a batch of documents), so waiting this long means it hangs.
BUSY_SECONDS = 30.0
BUSY_TRIES = 4
WRITE_OPTION = "claimgraph_write"  # execution option: this transaction writes (see store.locks)


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
        if url.startswith("sqlite"):
            engine = create_engine(url, connect_args={"timeout": BUSY_SECONDS})
            event.listen(engine, "connect", _sqlite_connect)
            event.listen(engine, "begin", _sqlite_begin)
        else:
            engine = create_engine(url)
        event.listen(engine, "handle_error", _store_error(shown))
        upgrade(engine)
    except ImportError as error:
        raise StoreError(
            f"cannot open store {shown}: {error} (pip install 'claimgraph[postgres]')"
        ) from error
    except UnknownRevision as error:
        raise StoreError(f"cannot open store {shown}: {error}") from error
    except StoreFault as error:
        raise StoreError(f"cannot open store {shown}: {error.reason}") from error
    except SQLAlchemyError as error:
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        raise StoreError(f"cannot open store {shown}: {reason}") from error
    return engine


def _without_password(url: str) -> str:
    try:
        return unquote(make_url(url).render_as_string(hide_password=True))
    except ArgumentError:
        return repr(url)


class StoreFault(StoreError):
    """What is wrong with the store itself, in words (``reason``), raised from the driver's error."""

    def __init__(self, shown: str, reason: str) -> None:
        super().__init__(f"store {shown}: {reason}")
        self.reason = reason


def _store_error(shown: str):  # type: ignore[no-untyped-def]
    """A handler turning what is wrong with the store itself (read-only, gone, full, locked) into a
    StoreError naming it; a value one document cannot store stays the driver's error, for its savepoint."""

    def handle(context: ExceptionContext) -> None:
        error = context.sqlalchemy_exception
        if isinstance(error, IntegrityError | DataError) or error is None:
            return
        orig = context.original_exception
        code = getattr(orig, "sqlstate", None)
        if isinstance(error, ProgrammingError) and code != "42501":  # only "permission denied"
            return
        if not isinstance(error, OperationalError | InternalError | ProgrammingError):
            return
        reason = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
        if "readonly" in reason or "read-only" in reason or code in ("25006", "42501"):
            reason = f"it cannot be written, it is read-only ({reason})"
        raise StoreFault(shown, reason) from error

    return handle


def _fold(value: str | bytes | float | None) -> str | bytes | float | None:
    """SQLite's lower() folds ASCII only: names like "Ömer Çelik" are folded by Python instead."""
    return value.casefold() if isinstance(value, str) else value


def _sqlite_connect(connection: sqlite3.Connection, _record: object) -> None:
    # SQLAlchemy, not the driver, begins transactions (see _sqlite_begin): otherwise pysqlite
    # defers BEGIN past SAVEPOINT and DDL, which breaks per-document savepoints and migrations.
    connection.isolation_level = None
    # Every connection folds case the same way, so the lower() indexes hold casefolded names.
    connection.create_function("lower", 1, _fold, deterministic=True)
    cursor = connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_SECONDS * 1000)}")
    # Readers go on while ingest writes. A read-only store refuses it: it can still be read, and a
    # write says why it cannot.
    with contextlib.suppress(sqlite3.OperationalError):
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA cache_size=-16384")  # 16 MB: the lookup indexes stay cached as a store grows
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    if not connection.get_execution_options().get(WRITE_OPTION):
        connection.exec_driver_sql("BEGIN")
        return
    # A writer takes the write lock first (IMMEDIATE), so it never finds, half-way, that another
    # wrote since it read (which SQLite answers with "database is locked" at once, not waiting).
    raw = connection.connection.dbapi_connection
    assert raw is not None
    shown = _without_password(connection.engine.url.render_as_string(hide_password=False))
    for attempt in range(1, BUSY_TRIES + 1):
        try:
            raw.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as error:
            message = str(error)
            if "locked" not in message and "busy" not in message:
                if "readonly" in message:
                    raise StoreError(
                        f"store {shown} cannot be written: it is read-only ({message})"
                    ) from error
                raise StoreError(f"store {shown} cannot be written: {message}") from error
            if attempt == BUSY_TRIES:
                waited = BUSY_SECONDS * BUSY_TRIES
                busy = f"it is busy: another process has held it locked for over {waited:.0f} s"
                raise StoreFault(shown, busy) from error
            time.sleep(0.1 * attempt)
