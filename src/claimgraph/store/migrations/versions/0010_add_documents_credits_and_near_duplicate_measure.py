"""Documents keep every source they credit, and a near-duplicate link keeps its measure.

``credits`` lists the wires and outlets a report credits, in order (its
``original_source`` is the first); ``near_duplicate_measure`` is how much of the
shorter of two copies the other holds. Stores made before have neither: their
documents keep the original source they had, and their links no measure.

Revision ID: 0010
Revises: 0009
Created: 2026-12-02 15:12:25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("credits", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("near_duplicate_measure", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_column("near_duplicate_measure")
        batch_op.drop_column("credits")
