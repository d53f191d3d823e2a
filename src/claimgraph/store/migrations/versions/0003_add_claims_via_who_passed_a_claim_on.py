"""Claims record who passed them on ("X, citing Y": Y speaks via X).

Revision ID: 0003
Revises: 0002
Created: 2026-11-23 14:26:05.877882
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.add_column(sa.Column("via", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_column("via")
