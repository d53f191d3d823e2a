"""Reports keep the order they came in, and each filed claim its report's place in it.

Reconcile assesses a group on what the latest reports said about it: the claims whose reports
came within the last thousand before its newest one. Stores made before get the order their
reports were ingested in.

Revision ID: 0008
Revises: 0007
Created: 2026-11-23 23:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        batch_op.create_index("ix_documents_seq", ["seq"], unique=False)
    with op.batch_alter_table("claim_memberships", schema=None) as batch_op:
        batch_op.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        batch_op.drop_index("ix_claim_memberships_group_date")
        batch_op.create_index(
            "ix_claim_memberships_group_seq", ["group_id", "seq", "claim_id"], unique=False
        )
    op.execute(
        "UPDATE documents SET seq = (SELECT n FROM (SELECT id, ROW_NUMBER() OVER "
        "(ORDER BY ingested_at, id) AS n FROM documents) AS ordered WHERE ordered.id = documents.id)"
    )
    op.execute(
        "UPDATE claim_memberships SET seq = "
        "(SELECT seq FROM documents WHERE documents.id = claim_memberships.document_id)"
    )


def downgrade() -> None:
    with op.batch_alter_table("claim_memberships", schema=None) as batch_op:
        batch_op.drop_index("ix_claim_memberships_group_seq")
        batch_op.create_index(
            "ix_claim_memberships_group_date", ["group_id", "date", "claim_id"], unique=False
        )
        batch_op.drop_column("seq")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index("ix_documents_seq")
        batch_op.drop_column("seq")
