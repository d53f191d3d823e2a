"""Claim memberships: how reconcile filed each claim (its group, why, its origin and date).

Revision ID: 0005
Revises: 0004
Created: 2026-11-23 15:17:43.076078
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claim_memberships",
        sa.Column("claim_id", sa.String(length=80), nullable=False),
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.Column("group_id", sa.String(length=64), nullable=True),
        sa.Column("key", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("origin_id", sa.Text(), nullable=False),
        sa.Column("origin_label", sa.Text(), nullable=False),
        sa.Column("origin_reason", sa.Text(), nullable=False),
        sa.Column("date", sa.String(length=10), nullable=True),
        sa.ForeignKeyConstraint(["claim_id"], ["claims.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("claim_id"),
    )
    with op.batch_alter_table("claim_memberships", schema=None) as batch_op:
        batch_op.create_index("ix_claim_memberships_document", ["document_id"], unique=False)
        batch_op.create_index(
            "ix_claim_memberships_group_date", ["group_id", "date", "claim_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("claim_memberships", schema=None) as batch_op:
        batch_op.drop_index("ix_claim_memberships_group_date")
        batch_op.drop_index("ix_claim_memberships_document")

    op.drop_table("claim_memberships")
