"""Alembic migrations, run from code: `open_engine` brings every store to the newest revision.

The revisions live in `migrations/versions/`; `migrations/__init__.py` says how to add one.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text

from claimgraph.errors import StoreError

MIGRATIONS = Path(__file__).with_name("migrations")
# The revision whose tables a store created before migrations existed already has.
BASELINE = "0001"
# Any constant: processes opening one PostgreSQL store at once take turns to migrate it.
_LOCK_KEY = 7_242_019


def alembic_config(connection: Connection | None = None, url: str | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if url is not None:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    config.attributes["connection"] = connection
    return config


def head() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


class UnknownRevision(StoreError):
    """The store was migrated by a newer claimgraph than this one."""


def upgrade(engine: Engine) -> None:
    """Bring the store to the newest revision, in one transaction.

    A store already at the newest revision is only read (so a read-only store opens); one to
    migrate is migrated under the write lock, by one process at a time, checked again once held.
    """
    newest = head()
    with engine.connect() as conn:
        at = current(conn) if "alembic_version" in inspect(conn).get_table_names() else None
    if at == newest:
        return
    if at is not None and not _known(at):
        raise UnknownRevision(
            f"its schema is at revision {at}, which this claimgraph does not know (it knows up to "
            f"{newest}): it was written by a newer version; upgrade claimgraph to open it"
        )
    with engine.execution_options(claimgraph_write=True).begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
        config = alembic_config(conn)
        tables = set(inspect(conn).get_table_names())
        if "documents" in tables and "alembic_version" not in tables:
            command.stamp(config, BASELINE)  # made by create_all before migrations: has the baseline
        if current(conn) != head():
            command.upgrade(config, "head")


def _known(revision: str) -> bool:
    script = ScriptDirectory.from_config(alembic_config())
    return any(r.revision == revision for r in script.walk_revisions())
