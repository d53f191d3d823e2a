"""Alembic environment: migrate on the connection `store.migrate` hands over, or on the configured URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from claimgraph.store.schema import metadata
from claimgraph.store.search import is_search_object


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things in place; batch mode copies the table
        compare_type=True,
        include_name=_not_search_table,
    )
    with context.begin_transaction():
        context.run_migrations()


def _not_search_table(name: str | None, _type: str, _parents: object) -> bool:
    # The full-text tables and indexes (migration 0009) are the database's machinery, not schema.py's.
    return not is_search_object(name)


given = context.config.attributes.get("connection")
if given is not None:
    run(given)
else:
    with create_engine(context.config.get_main_option("sqlalchemy.url") or "sqlite://").connect() as conn:
        run(conn)
        conn.commit()
