"""Inputs already stored are recognised before analysis; rejections are looked up by input;
SQLite's case-blind name indexes are rebuilt with Unicode case folding.

Revision ID: 0011
Revises: 0010
Created: 2026-12-02 16:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "input_digests",
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("digest"),
    )
    with op.batch_alter_table("input_digests", schema=None) as batch_op:
        batch_op.create_index("ix_input_digests_document", ["document_id"], unique=False)
    with op.batch_alter_table("rejections", schema=None) as batch_op:
        batch_op.create_index("ix_rejections_source", ["source"], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        # lower() now folds all of Unicode on SQLite (store.engine): index entries made by the
        # built-in, ASCII-only lower() are recomputed.
        op.execute("REINDEX ix_entities_name_lower")
        op.execute("REINDEX ix_mentions_text_lower")


def downgrade() -> None:
    with op.batch_alter_table("rejections", schema=None) as batch_op:
        batch_op.drop_index("ix_rejections_source")
    with op.batch_alter_table("input_digests", schema=None) as batch_op:
        batch_op.drop_index("ix_input_digests_document")
    op.drop_table("input_digests")
