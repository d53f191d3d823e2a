"""Times record their kind: a date, a duration, a time of day or a period; only a date dates a claim.

Revision ID: 0007
Revises: 0006
Created: 2026-11-23 21:24:44
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Every time stored before was a date.
    with op.batch_alter_table("times", schema=None) as batch_op:
        batch_op.add_column(sa.Column("kind", sa.String(length=10), server_default="date", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("times", schema=None) as batch_op:
        batch_op.drop_column("kind")
