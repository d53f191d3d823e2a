"""A throwaway PostgreSQL schema per test, on the server that CLAIMGRAPH_TEST_PG_URL names.

Without the variable the PostgreSQL variants of the store tests skip with a reason; a server
that is named but unreachable fails them, so CI cannot pass by skipping. `.ci/run` starts a
server and sets the variable.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

PG_URL_ENV = "CLAIMGRAPH_TEST_PG_URL"
BACKEND_ENV = "CLAIMGRAPH_TEST_BACKEND"  # "postgresql": every test store on the server, not in a file
_made_schemas: list[str] = []


def server_url() -> str:
    """The test server's URL (psycopg driver), or a skip saying how to get one."""
    from claimgraph.store import database_url

    url = os.environ.get(PG_URL_ENV)
    if not url:
        pytest.skip(
            f"no PostgreSQL server for the store tests: set {PG_URL_ENV}=postgresql://USER:PW@HOST/DB"
        )
    return database_url(url)


def _new_schema() -> tuple[str, str]:
    """A new, empty schema on the test server: its name, and a URL whose connections work in it."""
    url = server_url()
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    try:
        with admin.begin() as conn:
            conn.execute(text(f"CREATE SCHEMA {schema}"))
    except OperationalError as error:
        shown = make_url(url).render_as_string(hide_password=True)
        pytest.fail(f"PostgreSQL at {shown} not reachable: {str(error.orig).strip().splitlines()[0]}")
    finally:
        admin.dispose()
    scoped = make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
    return schema, scoped.render_as_string(hide_password=False)


@contextmanager
def scratch_schema() -> Iterator[str]:
    """A URL whose connections work in a new, empty schema, dropped afterwards."""
    schema, url = _new_schema()
    try:
        yield url
    finally:
        _drop([schema])


def on_postgresql() -> bool:
    return os.environ.get(BACKEND_ENV, "sqlite") == "postgresql"


def store_location(folder: Path, name: str) -> str:
    """Where a test keeps a store: a file in the test's folder, or under CLAIMGRAPH_TEST_BACKEND=postgresql
    a new schema on the test server (dropped at the end of the session), so the whole suite
    runs on either backend."""
    if not on_postgresql():
        return str(folder / name)
    schema, url = _new_schema()
    _made_schemas.append(schema)
    return url


def drop_made_schemas() -> None:
    _drop(_made_schemas)
    _made_schemas.clear()


def _drop(schemas: list[str]) -> None:
    if not schemas:
        return
    admin = create_engine(server_url())
    try:
        with admin.begin() as conn:
            for schema in schemas:
                conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
    finally:
        admin.dispose()
