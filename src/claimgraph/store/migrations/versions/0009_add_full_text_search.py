"""Full-text search over documents and claims, and a timeline index on filed claims.

SQLite: FTS5 tables ``documents_search`` (title, body) and ``claims_search`` (the sentence),
each row keyed by its record's id, kept by triggers so every writer keeps them true, and
filled from the rows a store already holds. PostgreSQL: expression GIN indexes on the same
text as English ``tsvector``s (store/search.py queries them with the same expressions).

Revision ID: 0009
Revises: 0008
Created: 2026-12-02 15:30:00
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_TOKENIZE = "tokenize = 'porter unicode61 remove_diacritics 2'"  # English stems, as PostgreSQL's 'english'

_SQLITE = (
    f"CREATE VIRTUAL TABLE documents_search USING fts5(id UNINDEXED, title, body, {_TOKENIZE})",
    "CREATE TRIGGER documents_search_insert AFTER INSERT ON documents BEGIN "
    "INSERT INTO documents_search (id, title, body) VALUES (new.id, new.title, new.body); END",
    "CREATE TRIGGER documents_search_delete AFTER DELETE ON documents BEGIN "
    "DELETE FROM documents_search WHERE id = old.id; END",
    "CREATE TRIGGER documents_search_update AFTER UPDATE OF title, body ON documents BEGIN "
    "UPDATE documents_search SET title = new.title, body = new.body WHERE id = old.id; END",
    "INSERT INTO documents_search (id, title, body) SELECT id, title, body FROM documents ORDER BY seq",
    f"CREATE VIRTUAL TABLE claims_search USING fts5(id UNINDEXED, text, {_TOKENIZE})",
    "CREATE TRIGGER claims_search_insert AFTER INSERT ON claims BEGIN "
    "INSERT INTO claims_search (id, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER claims_search_delete AFTER DELETE ON claims BEGIN "
    "DELETE FROM claims_search WHERE id = old.id; END",
    "CREATE TRIGGER claims_search_update AFTER UPDATE OF text ON claims BEGIN "
    "UPDATE claims_search SET text = new.text WHERE id = old.id; END",
    "INSERT INTO claims_search (id, text) SELECT claims.id, claims.text FROM claims "
    "JOIN documents ON documents.id = claims.document_id ORDER BY documents.seq, claims.start",
)

_POSTGRESQL = (
    "CREATE INDEX ix_documents_search ON documents "
    "USING gin (to_tsvector('english', coalesce(title, '') || ' ' || body))",
    "CREATE INDEX ix_claims_search ON claims USING gin (to_tsvector('english', text))",
)


def upgrade() -> None:
    with op.batch_alter_table("claim_memberships", schema=None) as batch_op:
        batch_op.create_index("ix_claim_memberships_date", ["date", "claim_id"], unique=False)
    dialect = op.get_bind().dialect.name
    for statement in _SQLITE if dialect == "sqlite" else _POSTGRESQL if dialect == "postgresql" else ():
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for table in ("documents", "claims"):
            for event in ("insert", "delete", "update"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_search_{event}")
            op.execute(f"DROP TABLE IF EXISTS {table}_search")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_documents_search")
        op.execute("DROP INDEX IF EXISTS ix_claims_search")
    with op.batch_alter_table("claim_memberships", schema=None) as batch_op:
        batch_op.drop_index("ix_claim_memberships_date")
