"""Migrations: every store is brought to the schema of store/schema.py, on SQLite and PostgreSQL."""

from __future__ import annotations

import shutil

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Column, Integer, Table, Text, create_engine, inspect, text

from claimgraph.errors import StoreError
from claimgraph.store import database_url, open_engine, read, save_analysis
from claimgraph.store import migrate as migrations
from claimgraph.store.schema import metadata
from claimgraph.store.search import is_search_object
from tests.test_store import sample_analysis

HOW_TO = 'write a revision: .venv/bin/python -m claimgraph.store.migrations "what it does"'


@pytest.mark.filterwarnings("ignore:.*expression-based index")  # checked by name below instead
def test_a_migrated_store_is_exactly_schema_py(engine):
    with engine.connect() as conn:
        opts = {"compare_type": True, "include_name": lambda name, kind, _: not is_search_object(name)}
        context = MigrationContext.configure(conn, opts=opts)
        differences = compare_metadata(context, metadata)
        assert migrations.current(conn) == migrations.head()
        indexes = set(conn.scalars(text(_INDEX_NAMES[conn.dialect.name])))
    assert differences == [], f"schema.py differs from the migrations: {differences}; {HOW_TO}"
    wanted = {index.name for table in metadata.tables.values() for index in table.indexes}
    assert wanted <= indexes, f"indexes of schema.py no migration makes: {wanted - indexes}; {HOW_TO}"


_INDEX_NAMES = {
    "sqlite": "SELECT name FROM sqlite_master WHERE type = 'index'",
    "postgresql": "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()",
}


def test_revisions_form_one_line():
    script = ScriptDirectory.from_config(migrations.alembic_config())
    assert len(script.get_heads()) == 1, f"two revisions claim the same parent: {script.get_heads()}"


def test_opening_again_changes_nothing_and_keeps_data(engine):
    save_analysis(engine, sample_analysis())
    again = open_engine(engine.url.render_as_string(hide_password=False))
    assert [d.id for d in read.documents(again)] == ["doc1"]
    again.dispose()


def test_a_store_made_before_migrations_is_upgraded_in_place(tmp_path):
    path = tmp_path / "old.db"
    old = create_engine(database_url(str(path)))
    with old.begin() as conn:  # what `metadata.create_all` made before Alembic: the baseline, unversioned
        command.upgrade(migrations.alembic_config(conn), migrations.BASELINE)
        conn.execute(text("DROP TABLE alembic_version"))
        conn.execute(
            text(
                "INSERT INTO documents (id, source, body, published_how, ingested_at) "
                "VALUES ('old', 'old.txt', 'An old report.', 'unknown', '2024-01-01')"
            )
        )
    old.dispose()
    engine = open_engine(str(path))
    assert [d.id for d in read.documents(engine)] == ["old"]
    assert save_analysis(engine, sample_analysis())  # the newest tables and columns are there
    with engine.connect() as conn:
        assert migrations.current(conn) == migrations.head()


def test_a_store_that_cannot_be_opened_is_named_without_its_password():
    with pytest.raises(StoreError) as error:
        open_engine("postgresql://analyst:s3cret@127.0.0.1:1/news")
    message = str(error.value)
    assert "cannot open store" in message and "127.0.0.1:1/news" in message and "s3cret" not in message


def test_postgresql_urls_use_psycopg_and_paths_sqlite(tmp_path):
    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url(str(tmp_path / "a.db")) == f"sqlite:///{tmp_path / 'a.db'}"


@pytest.mark.filterwarnings("ignore:.*expression-based index")  # SQLite cannot reflect them
def test_adding_a_table_is_one_small_generated_revision(tmp_path, monkeypatch):
    from claimgraph.store.migrations.__main__ import main as new_revision

    copy = tmp_path / "migrations"
    shutil.copytree(migrations.MIGRATIONS, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = {p.name for p in (copy / "versions").glob("0*.py")}
    monkeypatch.setattr(migrations, "MIGRATIONS", copy)
    scratch = Table("scratch_sigs", metadata, Column("id", Integer, primary_key=True), Column("t", Text))
    try:
        new_revision(["add scratch signatures"])
        (written,) = [p for p in (copy / "versions").glob("0*.py") if p.name not in before]
        engine = open_engine(str(tmp_path / "new.db"))
        tables = inspect(engine).get_table_names()
    finally:
        metadata.remove(scratch)
    body = written.read_text()
    assert "op.create_table(" in body and "scratch_sigs" in body and len(body.splitlines()) < 40
    assert "scratch_sigs" in tables


def test_cli_names_a_store_it_cannot_open_and_exits_cleanly():
    from typer.testing import CliRunner

    from claimgraph.cli import app

    result = CliRunner().invoke(app, ["--db", "postgresql://analyst:s3cret@127.0.0.1:1/news", "docs"])
    assert result.exit_code == 2
    assert "cannot open store" in result.output and "s3cret" not in result.output


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_reports_stored_in_one_second_keep_the_order_they_went_in(tmp_path, backend):
    """Migration 0008 numbers old reports by ingest time, kept in whole seconds: the ties are
    broken by the order their rows went in, not by id."""
    from tests.postgres import scratch_schema

    with _fresh_url(tmp_path, backend, scratch_schema) as url:
        old = create_engine(database_url(url))
        ids = ["doc-c", "doc-a", "doc-b"]  # went in in this order, within one second
        with old.begin() as conn:
            command.upgrade(migrations.alembic_config(conn), "0007")
            for n, doc_id in enumerate(ids):
                conn.execute(
                    text(
                        "INSERT INTO documents (id, source, body, published_how, ingested_at) "
                        "VALUES (:id, :source, 'A report.', 'unknown', '2025-01-01T10:00:00+00:00')"
                    ),
                    {"id": doc_id, "source": f"{doc_id}.txt"},
                )
                conn.execute(
                    text("INSERT INTO entities (id, name, kind, aliases) VALUES (:id, :name, 'place', '[]')"),
                    {"id": f"e{n}", "name": f"E{n}"},
                )
                conn.execute(
                    text(
                        'INSERT INTO mentions (document_id, entity_id, text, start, "end") '
                        "VALUES (:doc, :entity, 'x', 0, 1)"
                    ),
                    {"doc": doc_id, "entity": f"e{n}"},
                )
        old.dispose()
        engine = open_engine(url)
        assert read.document_order(engine, ids) == {"doc-c": 1, "doc-a": 2, "doc-b": 3}
        engine.dispose()


class _fresh_url:
    def __init__(self, folder, backend, scratch_schema) -> None:
        self.folder, self.backend, self.scratch, self._schema = folder, backend, scratch_schema, None

    def __enter__(self) -> str:
        if self.backend == "sqlite":
            return str(self.folder / "old.db")
        self._schema = self.scratch()
        return self._schema.__enter__()

    def __exit__(self, *exc) -> None:
        if self._schema is not None:
            self._schema.__exit__(*exc)
