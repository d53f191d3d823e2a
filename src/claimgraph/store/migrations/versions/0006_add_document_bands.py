"""LSH band keys of each near-duplicate signature, so near-copies are looked up in the store.

Revision ID: 0006
Revises: 0005
Created: 2026-11-23 19:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Band keys of documents already stored are made by the next ingest (NearDuplicateStep.load).
    op.create_table(
        "document_bands",
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.Column("key", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
    )
    with op.batch_alter_table("document_bands", schema=None) as batch_op:
        batch_op.create_index("ix_document_bands_key", ["key"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("document_bands", schema=None) as batch_op:
        batch_op.drop_index("ix_document_bands_key")
    op.drop_table("document_bands")
